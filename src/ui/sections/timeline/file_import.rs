//! "Open a file" in the paste panel, or a file dropped on it: a CSV
//! timeline, PagerDuty log entries, a Slack export (ZIP, through a channel
//! chooser) or a Debrief Markdown report, read in the browser by
//! `domain::import`, shown as candidates to keep or leave out (kind
//! changeable) before anything is added, and added as one edit so one undo
//! takes them all back. Files are read in chunks with the browser given a
//! turn between them, so a large one shows its progress and can be
//! cancelled without anything changing.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::widgets::FilePick;
use leptos::task::spawn_local;

use super::kind_select::KindSelect;
use super::markdown_pick::MarkdownPreview;
use super::slack_pick::{Archive, SlackChooser};
use super::time::{format_local, wall_offset};
use super::use_timeline;
use super::DroppedFile;
use crate::domain::import::markdown::{read_markdown, MarkdownImport};
use crate::domain::import::pagerduty::read_pagerduty;
use crate::domain::import::slack::index;
use crate::domain::import::timeline_csv::read_timeline_csv;
use crate::domain::import::zip::read_zip;
use crate::domain::import::{Import, ImportedEvent};
use crate::domain::{Edit, EventKind, Precision, TimelineEvent};
use crate::ui::files::{drag_left, read_bytes, ReadStop};
use crate::ui::memo::{effect, memo};
use crate::ui::state::new_id;

/// A ZIP by its name or its first bytes (a local header, or the end record
/// of an empty archive).
fn is_zip(name: &str, bytes: &[u8]) -> bool {
    name.to_lowercase().ends_with(".zip")
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
}

fn is_markdown(name: &str) -> bool {
    let n = name.to_lowercase();
    n.ends_with(".md") || n.ends_with(".markdown")
}

/// How far a read has come, for the progress line.
fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

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
    // The reading task runs outside any reactive scope; its results are put
    // back under this component's owner, as `files::FileReader` does.
    let owner = StoredValue::new_local(Owner::current());
    let found = RwSignal::new(None::<(String, Import)>);
    let archive = RwSignal::new(None::<Archive>);
    let markdown = RwSignal::new(None::<(String, Arc<MarkdownImport>)>);
    let error = RwSignal::new(None::<String>);
    // The file being read: its name, the bytes read so far and the total.
    let progress = RwSignal::new(None::<(String, f64, f64)>);
    // Bumped by each new read and by Cancel; a read whose number is no
    // longer current stops and its result is dropped.
    let generation = StoredValue::new(0u32);
    let dragging = RwSignal::new(false);
    // By position in the import: what the author left out or re-kinded.
    let left_out = RwSignal::new(HashSet::<usize>::new());
    let kinds = RwSignal::new(HashMap::<usize, EventKind>::new());
    let done = RwSignal::new(String::new());
    let show_events = move |name: String, import: Import| {
        left_out.set(HashSet::new());
        kinds.set(HashMap::new());
        done.set(String::new());
        error.set(None);
        // The chooser stays, so another channel or window is one click.
        found.set(Some((name, import)));
    };
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
    let on_bytes = move |name: String, bytes: Vec<u8>| {
        let cannot = |e: String| Some(format!("{name} cannot be read: {e}. Nothing was added."));
        if is_zip(&name, &bytes) {
            match read_zip(&bytes).and_then(|entries| index(&entries).map(|i| (entries, i))) {
                Ok((entries, idx)) => archive.set(Some(Archive {
                    name,
                    bytes: Arc::new(bytes),
                    entries: Arc::new(entries),
                    index: Arc::new(idx),
                })),
                Err(e) => error.set(cannot(e.to_string())),
            }
        } else if is_markdown(&name) {
            match read_markdown(&String::from_utf8_lossy(&bytes)) {
                Ok(m) if m.is_empty() => error.set(cannot(
                    "it has no timeline, factors, remediation items or lessons".into(),
                )),
                Ok(m) => markdown.set(Some((name, Arc::new(m)))),
                Err(e) => error.set(cannot(e.to_string())),
            }
        } else {
            on_text(name, String::from_utf8_lossy(&bytes).into_owned());
        }
    };
    let clear = move || {
        found.set(None);
        archive.set(None);
        markdown.set(None);
        error.set(None);
        done.set(String::new());
    };
    let cancel = move || {
        generation.update_value(|g| *g += 1);
        progress.set(None);
    };
    let start = move |file: web_sys::File| {
        generation.update_value(|g| *g += 1);
        let current = generation.get_value();
        // A read the author cancelled or replaced by another file.
        let stale = move || generation.try_get_value() != Some(current);
        clear();
        let name = file.name();
        progress.set(Some((name.clone(), 0.0, file.size())));
        let owner = owner.get_value();
        spawn_local(async move {
            let shown = name.clone();
            let result = read_bytes(
                &file,
                |at, total| {
                    if !stale() {
                        progress.set(Some((shown.clone(), at, total)));
                    }
                },
                stale,
            )
            .await;
            if stale() {
                return;
            }
            progress.set(None);
            let handle = move || match result {
                Ok(bytes) => on_bytes(name, bytes),
                Err(ReadStop::Failed(m)) => error.set(Some(format!("{m} Nothing was added."))),
                Err(ReadStop::Cancelled) => {}
            };
            match &owner {
                Some(o) => o.with(handle),
                None => handle(),
            }
        });
    };
    // A file dropped elsewhere on the timeline section opened this panel.
    if let Some(DroppedFile(dropped)) = use_context::<DroppedFile>() {
        effect(move || {
            if dropped.with(Option::is_some) {
                if let Some(file) = dropped.try_update(Option::take).flatten() {
                    start(file);
                }
            }
        });
    }
    let first_file = move |files: Option<web_sys::FileList>| {
        if let Some(f) = files.and_then(|f| f.get(0)) {
            start(f);
        }
    };
    let count = memo(move || {
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
        <div
            class="file-import"
            class:dragging=move || dragging.get()
            on:dragenter=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragover=move |ev: web_sys::DragEvent| {
                // Without this the browser opens the dropped file itself.
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |ev: web_sys::DragEvent| {
                if drag_left(&ev) {
                    dragging.set(false);
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                // Read here; the timeline section around must not read it too.
                ev.stop_propagation();
                dragging.set(false);
                first_file(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <FilePick
                id="timeline-file"
                label="Open a file…"
                accept=".csv,.json,.zip,.md,.markdown,text/csv,application/json,application/zip,text/markdown"
                described_by="timeline-file-help"
                on_files=Callback::new(first_file)
            />
            <span class="help" id="timeline-file-help">
                "Or drop it here: a CSV timeline (time, description, kind, source), PagerDuty log entries (.json), a Slack export (.zip) or a Debrief Markdown report (.md)."
            </span>
            <p class="drop-hint" aria-hidden="true">{move || dragging.get().then_some("Drop the file to read it. Nothing is added until you say so.")}</p>
            {move || progress.get().map(|(name, at, total)| view! {
                <div class="file-progress" role="status" data-testid="timeline-file-progress">
                    <label for="timeline-file-progress-bar">{format!("Reading {name}: {} of {}", megabytes(at), megabytes(total))}</label>
                    <progress id="timeline-file-progress-bar" max=total value=at></progress>
                    <button type="button" on:click=move |_| cancel()>"Cancel"</button>
                </div>
            })}
            {move || error.get().map(|m| view! { <p class="error" role="alert" data-testid="timeline-file-error">{m}</p> })}
            {move || archive.get().map(|a| view! {
                <SlackChooser
                    archive=a
                    on_import=Callback::new(move |(name, import): (String, Import)| show_events(name, import))
                    on_error=Callback::new(move |m: String| error.set(Some(m)))
                    on_discard=Callback::new(move |_| archive.set(None))
                />
            })}
            {move || markdown.get().map(|(name, m)| view! {
                <MarkdownPreview
                    name=name
                    import=m
                    on_done=Callback::new(move |message: String| {
                        markdown.set(None);
                        done.set(message);
                    })
                />
            })}
            {move || found.get().map(|(name, import)| {
                let total = import.events.len();
                // Chat messages are placed by a file name and a number, longer
                // than a line number: shown under the text instead.
                let chat = import.events.iter().any(|e| !e.author.is_empty());
                let rows = import.events.into_iter().enumerate().map(|(n, c)| view! {
                    <FileCandidate n=n event=c kinds=kinds left_out=left_out />
                }).collect_view();
                let skipped = import.left_out.len();
                view! {
                    <h4 class="paste-heading">{move || format!("From {name}: {} of {total} events", count.get())}</h4>
                    <ol class="paste-preview" class:chat=chat>{rows}</ol>
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
    let kind = memo(move || kinds.with(|k| k.get(&n).copied().unwrap_or(read_kind)));
    let kept = memo(move || left_out.with(|o| !o.contains(&n)));
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
        <li class="paste-candidate" class:reply=event.reply class:left-out=move || !kept.get()>
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
                <KindSelect
                    id=kind_id
                    kind=kind
                    on_pick=Callback::new(move |k: EventKind| kinds.update(|m| { m.insert(n, k); }))
                />
            </span>
            <span class="paste-text">
                {event.reply.then(|| view! { <span class="reply-mark" title="A reply in the thread above">"↳ "<span class="visually-hidden">"Reply: "</span></span> })}
                {(!event.author.is_empty()).then(|| view! { <strong class="paste-author">{event.author.clone()}</strong>": " })}
                {event.description}
                {(!event.source.is_empty()).then(|| view! { <span class="paste-source">{format!(" · {}", event.source)}</span> })}
            </span>
        </li>
    }
}
