//! "Open a file" in the paste panel: a CSV timeline or PagerDuty log
//! entries, read in the browser by `domain::import`, shown as candidates
//! to keep or leave out (kind changeable) before anything is added, and
//! added as one edit so one undo takes them all back.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use leptos::prelude::*;

use super::time::{format_local, wall_offset};
use super::use_timeline;
use crate::domain::import::pagerduty::read_pagerduty;
use crate::domain::import::timeline_csv::read_timeline_csv;
use crate::domain::import::{Import, ImportedEvent};
use crate::domain::{Edit, EventKind, Precision, TimelineEvent};
use crate::ui::files::FileReader;
use crate::ui::state::new_id;

/// JSON is PagerDuty's; anything else is read as CSV.
fn read_file(name: &str, text: &str, day: NaiveDate, zone: &str) -> Result<Import, String> {
    let json = name.to_lowercase().ends_with(".json") || text.trim_start().starts_with(['{', '[']);
    let result = if json {
        read_pagerduty(text)
    } else {
        read_timeline_csv(text, day, |l| wall_offset(zone, l))
    };
    result.map_err(|e| format!("{name} cannot be read: {e}. Nothing was added."))
}

#[component]
pub fn FileImport(day: Memo<NaiveDate>) -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let reader = FileReader::new();
    let found = RwSignal::new(None::<(String, Import)>);
    let error = RwSignal::new(None::<String>);
    // By position in the import: what the author left out or re-kinded.
    let left_out = RwSignal::new(HashSet::<usize>::new());
    let kinds = RwSignal::new(HashMap::<usize, EventKind>::new());
    let done = RwSignal::new(String::new());
    let on_text = move |name: String, text: String| {
        let zone = tl.zone.get_untracked();
        left_out.set(HashSet::new());
        kinds.set(HashMap::new());
        done.set(String::new());
        match read_file(&name, &text, day.get_untracked(), &zone) {
            Ok(import) => {
                error.set(None);
                found.set(Some((name, import)));
            }
            Err(e) => {
                found.set(None);
                error.set(Some(e));
            }
        }
    };
    let on_error = move |e: String| error.set(Some(e));
    let count = Memo::new(move |_| {
        found.with(|f| {
            let out = left_out.get();
            f.as_ref().map_or(0, |(_, i)| {
                (0..i.events.len()).filter(|n| !out.contains(n)).count()
            })
        })
    });
    let add = move |_| {
        let Some((_, import)) = found.get_untracked() else {
            return;
        };
        let out = left_out.get_untracked();
        let kinds = kinds.get_untracked();
        let events: Vec<TimelineEvent> = import
            .events
            .iter()
            .enumerate()
            .filter(|(n, _)| !out.contains(n))
            .map(|(n, c)| {
                let mut e = c.to_event(new_id());
                if let Some(k) = kinds.get(&n) {
                    e.kind = *k;
                }
                e
            })
            .collect();
        let n = events.len();
        editor.edit(Edit::Events(events));
        editor.seal();
        found.set(None);
        done.set(format!(
            "Added {n} {} from the file. Undo (Ctrl+Z) takes them all out again.",
            if n == 1 { "event" } else { "events" }
        ));
    };

    view! {
        <div class="file-import">
            <label class="button-like" for="timeline-file">"Open a file…"</label>
            <input
                id="timeline-file"
                class="visually-hidden"
                type="file"
                accept=".csv,.json,text/csv,application/json"
                aria-describedby="timeline-file-help"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    reader.read(input.files(), 1, on_text, on_error);
                    input.set_value("");
                }
            />
            <span class="help" id="timeline-file-help">
                "A CSV timeline (time, description, kind, source) or PagerDuty log entries (.json)."
            </span>
            {move || error.get().map(|m| view! { <p class="error" role="alert" data-testid="timeline-file-error">{m}</p> })}
            {move || found.get().map(|(name, import)| {
                let total = import.events.len();
                let rows = import.events.into_iter().enumerate().map(|(n, c)| view! {
                    <FileCandidate n=n event=c kinds=kinds left_out=left_out />
                }).collect_view();
                let skipped = import.left_out.len();
                view! {
                    <h4 class="paste-heading">{move || format!("From {name}: {} of {total} events", count.get())}</h4>
                    <ol class="paste-preview">{rows}</ol>
                    {(skipped > 0).then(|| view! {
                        <div class="paste-unreadable">
                            <h4 class="paste-heading">{if skipped == 1 { "1 part of the file left out".to_string() } else { format!("{skipped} parts of the file left out") }}</h4>
                            <ul>
                                {import.left_out.into_iter().map(|l| view! {
                                    <li><span class="line-no">{l.at}</span>": "{l.reason}</li>
                                }).collect_view()}
                            </ul>
                        </div>
                    })}
                    <div class="paste-actions">
                        <button type="button" class="primary" id="timeline-file-add" disabled=move || count.get() == 0 on:click=add>
                            {move || match count.get() {
                                1 => "Add 1 event from the file".to_string(),
                                n => format!("Add {n} events from the file"),
                            }}
                        </button>
                        <button type="button" on:click=move |_| found.set(None)>"Discard"</button>
                    </div>
                }
            })}
            <p class="note" role="status">{move || done.get()}</p>
        </div>
    }
}

/// One event read from the file: keep it or not, and its kind.
#[component]
fn FileCandidate(
    n: usize,
    event: ImportedEvent,
    kinds: RwSignal<HashMap<usize, EventKind>>,
    left_out: RwSignal<HashSet<usize>>,
) -> impl IntoView {
    let tl = use_timeline();
    let read_kind = event.kind;
    let kind = Memo::new(move |_| kinds.with(|k| k.get(&n).copied().unwrap_or(read_kind)));
    let kept = Memo::new(move |_| left_out.with(|o| !o.contains(&n)));
    let approx = if event.precision == Precision::Approximate {
        "≈ "
    } else {
        ""
    };
    let when = format!(
        "{approx}{}",
        format_local(&tl.zone.get_untracked(), event.time)
    );
    let keep_id = format!("timeline-file-{n}-include");
    let kind_id = format!("timeline-file-{n}-kind");
    let at = event.at.clone();
    let kind_at = event.at.clone();
    view! {
        <li class="paste-candidate" class:left-out=move || !kept.get()>
            <span class="line-no">{event.at}</span>
            <span class="paste-include">
                <input
                    type="checkbox"
                    id=keep_id.clone()
                    prop:checked=move || kept.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        left_out.update(|o| {
                            if on { o.remove(&n); } else { o.insert(n); }
                        });
                    }
                />
                <label class="visually-hidden" for=keep_id>{format!("Include {at}")}</label>
            </span>
            <span class="paste-time">{when}</span>
            <span class="paste-kind">
                <label class="visually-hidden" for=kind_id.clone()>{format!("Kind for {kind_at}")}</label>
                <select
                    id=kind_id
                    on:change=move |ev| {
                        if let Some(k) = EventKind::from_slug(&event_target_value(&ev)) {
                            kinds.update(|m| { m.insert(n, k); });
                        }
                    }
                >
                    {EventKind::ALL.iter().map(|k| {
                        let k = *k;
                        view! { <option value=k.slug() prop:selected=move || kind.get() == k>{k.label()}</option> }
                    }).collect_view()}
                </select>
            </span>
            <span class="paste-text">
                {event.description}
                {(!event.source.is_empty()).then(|| view! { <span class="paste-source">{format!(" · {}", event.source)}</span> })}
            </span>
        </li>
    }
}
