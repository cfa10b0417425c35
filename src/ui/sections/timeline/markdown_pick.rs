//! A Debrief Markdown report read back: its timeline events, contributing
//! factors, remediation items and lessons listed for the author to keep or
//! leave out, then added to this post-mortem as one undo step. Items keep
//! the factors they answer when those factors come along.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::time::format_local;
use super::use_timeline;
use crate::domain::import::markdown::MarkdownImport;
use crate::ui::memo::memo;
use crate::ui::state::new_id;

#[component]
pub fn MarkdownPreview(
    name: String,
    import: Arc<MarkdownImport>,
    on_done: Callback<String>,
) -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let zone = tl.zone.get_untracked();
    let left_out = RwSignal::new(HashSet::<String>::new());
    let m = import.clone();
    let total = m.events.len() + m.factors.len() + m.items.len() + m.lessons.len();
    let count = memo(move || total - left_out.with(HashSet::len));
    let group = |title: &str, rows: Vec<(String, String)>| {
        (!rows.is_empty()).then(|| {
            let heading = format!("{title} ({})", rows.len());
            view! {
                <h5 class="md-group">{heading}</h5>
                <ol class="paste-preview md-preview">
                    {rows.into_iter().map(|(key, text)| view! { <Pick key=key text=text left_out=left_out /> }).collect_view()}
                </ol>
            }
        })
    };
    let events = m
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let when = match e.time {
                Some(t) => format_local(&zone, t),
                None => "no time".into(),
            };
            (
                format!("e{i}"),
                format!("{when} · {} · {}", e.kind.label(), e.description),
            )
        })
        .collect();
    let factors = m
        .factors
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = match f.category {
                Some(c) => format!("{}: {}", c.label(), f.description),
                None => f.description.clone(),
            };
            (format!("f{i}"), text)
        })
        .collect();
    let items = m
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut text = item.action.clone();
            if !item.owner.is_empty() {
                text.push_str(&format!(" · {}", item.owner));
            }
            if let Some(d) = item.due {
                text.push_str(&format!(" · due {d}"));
            }
            (format!("i{i}"), text)
        })
        .collect();
    let lessons = m
        .lessons
        .iter()
        .enumerate()
        .map(|(i, (k, t))| (format!("l{i}"), format!("{}: {t}", k.heading())))
        .collect();
    let skipped = m.left_out.clone();
    let add = move |_| {
        let (doc, n) = editor.peek(|d| {
            let mut doc = d.clone();
            let n = left_out.with_untracked(|out| import.add_to(&mut doc, out, new_id));
            (doc, n)
        });
        // One replace is one undo step, however many lists it touches.
        editor.replace(doc);
        on_done.run(format!(
            "Added {n} {} from the report. Undo (Ctrl+Z) takes them all out again.",
            if n == 1 { "entry" } else { "entries" }
        ));
    };
    view! {
        <section class="md-import" aria-labelledby="md-import-heading" data-testid="markdown-preview">
            <h4 class="paste-heading" id="md-import-heading">{move || format!("From {name}: {} of {total} entries", count.get())}</h4>
            {group("Timeline events", events)}
            {group("Contributing factors", factors)}
            {group("Remediation items", items)}
            {group("Lessons", lessons)}
            {(!skipped.is_empty()).then(|| view! {
                <div class="paste-unreadable">
                    <h4 class="paste-heading">{format!("{} left out", skipped.len())}</h4>
                    <ul>{skipped.into_iter().map(|l| view! { <li><span class="line-no">{l.at}</span>": "{l.reason}</li> }).collect_view()}</ul>
                </div>
            })}
            <div class="paste-actions">
                <button type="button" class="primary" id="markdown-add" disabled=move || count.get() == 0 on:click=add>
                    {move || match count.get() {
                        1 => "Add 1 entry from the report".to_string(),
                        n => format!("Add {n} entries from the report"),
                    }}
                </button>
                <button type="button" on:click=move |_| on_done.run(String::new())>"Discard"</button>
            </div>
        </section>
    }
}

/// One entry of the report: keep it or not.
#[component]
fn Pick(key: String, text: String, left_out: RwSignal<HashSet<String>>) -> impl IntoView {
    let k = key.clone();
    let kept = memo(move || left_out.with(|o| !o.contains(&k)));
    let id = format!("markdown-{key}");
    let label = format!("Include: {text}");
    view! {
        <li class="paste-candidate md-candidate" class:left-out=move || !kept.get()>
            <span class="paste-include">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=move || kept.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let key = key.clone();
                        left_out.update(|o| {
                            if on { o.remove(&key); } else { o.insert(key); }
                        });
                    }
                />
                <label class="visually-hidden" for=id>{label}</label>
            </span>
            <span class="paste-text">{text}</span>
        </li>
    }
}
