use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use leptos::prelude::*;

use super::file_import::FileImport;
use super::kind_select::KindSelect;
use super::time::{format_local, paste_base, wall_offset};
use super::{use_timeline, DroppedFile};
use crate::domain::paste::{parse_paste_with, PastedLine};
use crate::domain::{Edit, EventKind, Precision, TimelineEvent};
use crate::ui::focus::focus_soon;
use crate::ui::memo::{effect, memo};
use crate::ui::state::new_id;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

/// "Paste from chat, logs or a file": many lines at once become candidate events,
/// shown for review (kind changeable, any line left out) before they are
/// added. Lines that cannot be read are listed with their number and why,
/// never dropped quietly.
#[component]
pub fn PastePanel() -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let chosen_day = RwSignal::new(None::<NaiveDate>);
    let default_day = memo(move || editor.settled(paste_base));
    let day = memo(move || chosen_day.get().unwrap_or_else(|| default_day.get()));
    let lines = memo(move || {
        let zone = tl.zone.get();
        let base = day.get();
        text.with(|t| parse_paste_with(t, base, |l| wall_offset(&zone, l)))
    });
    // Changes to the guesses, by line number.
    let kinds = RwSignal::new(HashMap::<usize, EventKind>::new());
    let left_out = RwSignal::new(HashSet::<usize>::new());
    let count = memo(move || {
        lines.with(|ls| {
            left_out.with(|out| {
                ls.iter()
                    .filter(|l| matches!(l, PastedLine::Event(c) if !out.contains(&c.line)))
                    .count()
            })
        })
    });
    let unreadable = memo(move || {
        lines.with(|ls| {
            ls.iter()
                .filter_map(|l| match l {
                    PastedLine::Unreadable { line, text, reason } => {
                        Some((*line, text.clone(), reason.label()))
                    }
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    });
    let readable = memo(move || {
        lines.with(|ls| {
            ls.iter()
                .filter(|l| !matches!(l, PastedLine::Unreadable { .. }))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let done = RwSignal::new(String::new());
    // A file dropped on the timeline section opens the panel to read it.
    if let Some(DroppedFile(dropped)) = use_context::<DroppedFile>() {
        effect(move || {
            if dropped.with(Option::is_some) {
                open.set(true);
            }
        });
    }

    let add_all = move |_| {
        let events: Vec<TimelineEvent> = lines.with_untracked(|ls| {
            let out = left_out.get_untracked();
            let kinds = kinds.get_untracked();
            ls.iter()
                .filter_map(|l| match l {
                    PastedLine::Event(c) if !out.contains(&c.line) => {
                        let mut e = c.to_event(new_id());
                        if let Some(k) = kinds.get(&c.line) {
                            e.kind = *k;
                        }
                        Some(e)
                    }
                    _ => None,
                })
                .collect()
        });
        let n = events.len();
        // One edit for the whole paste, so one Ctrl+Z takes it all back.
        editor.edit(Edit::Events(events));
        editor.seal();
        text.set(String::new());
        kinds.set(HashMap::new());
        left_out.set(HashSet::new());
        done.set(match n {
            1 => "Added 1 event to the timeline.".into(),
            n => {
                format!("Added {n} events to the timeline. Undo (Ctrl+Z) takes them all out again.")
            }
        });
        focus_soon("timeline-paste".into());
    };

    view! {
        <div class="paste">
            <button
                type="button"
                class="paste-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="timeline-paste-panel"
                on:click=move |_| {
                    let now = !open.get_untracked();
                    open.set(now);
                    if now {
                        focus_soon("timeline-paste".into());
                    }
                }
            >
                "Paste from chat, logs or a file"
            </button>
            <Show when=move || open.get()>
                <div class="paste-panel" id="timeline-paste-panel">
                    <div class="field">
                        <label class="label" for="timeline-paste">"Lines from a chat or a log"</label>
                        <p class="help" id="timeline-paste-help">
                            "One event per line, starting with its time: 14:10, 14:10:05, 2:10 PM or 2024-05-01T14:10:00Z. A line holding only a date sets the day for the lines after it; ~ before a time marks it approximate. Nothing is added until you press the button below."
                        </p>
                        <textarea
                            id="timeline-paste"
                            rows="6"
                            spellcheck="false"
                            aria-describedby="timeline-paste-help"
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                text.set(event_target_value(&ev));
                                kinds.set(HashMap::new());
                                left_out.set(HashSet::new());
                                done.set(String::new());
                            }
                        ></textarea>
                    </div>
                    <div class="field paste-day">
                        <label class="label" for="timeline-paste-day">"Day for lines without a date"</label>
                        <input
                            id="timeline-paste-day"
                            type="date"
                            prop:value=move || day.get().to_string()
                            on:change=move |ev| {
                                chosen_day.set(crate::domain::datefmt::parse_ymd(&event_target_value(&ev)));
                            }
                        />
                    </div>
                    <FileImport day=day />
                    <Show when=move || !readable.with(Vec::is_empty)>
                        <h4 class="paste-heading">{move || format!("Preview: {} of {} lines read", count.get(), lines.with(Vec::len))}</h4>
                        <ol class="paste-preview">
                            {keyed(readable, PastedLine::key, move |l| view! { <Candidate line=l kinds=kinds left_out=left_out /> }.into_any())}
                        </ol>
                    </Show>
                    <Show when=move || !unreadable.with(Vec::is_empty)>
                        <div class="paste-unreadable">
                            <h4 class="paste-heading">{move || match unreadable.with(Vec::len) {
                                1 => "1 line not read".to_string(),
                                n => format!("{n} lines not read"),
                            }}</h4>
                            <p class="help">"These are left out. Fix them above (a time at the start of the line) or add them by hand."</p>
                            <ul>
                                {move || unreadable.get().into_iter().map(|(line, text, why)| view! {
                                    <li>
                                        <span class="line-no">{format!("Line {line}")}</span>
                                        ": " {why} " — "
                                        <q>{text.trim().to_string()}</q>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </div>
                    </Show>
                    <div class="paste-actions">
                        <button type="button" class="primary" disabled=move || count.get() == 0 on:click=add_all>
                            {move || match count.get() {
                                1 => "Add 1 event".to_string(),
                                n => format!("Add {n} events"),
                            }}
                        </button>
                        <button type="button" on:click=move |_| open.set(false)>"Close"</button>
                    </div>
                    <p class="note" role="status">{move || done.get()}</p>
                </div>
            </Show>
        </div>
    }
}

/// One readable pasted line: a candidate event or a date divider.
#[component]
fn Candidate(
    line: PastedLine,
    kinds: RwSignal<HashMap<usize, EventKind>>,
    left_out: RwSignal<HashSet<usize>>,
) -> impl IntoView {
    let tl = use_timeline();
    match line {
        PastedLine::Date { line, date } => view! {
            <li class="paste-date">
                <span class="line-no">{format!("Line {line}")}</span>
                <span>{format!("Day {date} for the lines after it")}</span>
            </li>
        }
        .into_any(),
        PastedLine::Event(c) => {
            let no = c.line;
            let guessed = c.kind;
            let kind = memo(move || kinds.with(|k| k.get(&no).copied().unwrap_or(guessed)));
            let included = memo(move || left_out.with(|o| !o.contains(&no)));
            let zone = tl.zone.get_untracked();
            let when = format!(
                "{}{}",
                if c.precision == Precision::Approximate {
                    "≈ "
                } else {
                    ""
                },
                format_local(&zone, c.time)
            );
            let include_id = format!("timeline-paste-{no}-include");
            let kind_id = format!("timeline-paste-{no}-kind");
            view! {
                <li class="paste-candidate" class:left-out=move || !included.get()>
                    <span class="line-no">{format!("Line {no}")}</span>
                    <span class="paste-include">
                        <input
                            type="checkbox"
                            id=include_id.clone()
                            prop:checked=move || included.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                left_out.update(|o| {
                                    if on {
                                        o.remove(&no);
                                    } else {
                                        o.insert(no);
                                    }
                                });
                            }
                        />
                        <label class="visually-hidden" for=include_id>{format!("Include line {no}")}</label>
                    </span>
                    <span class="paste-time">
                        {when}
                        {c.rolled_over.then(|| view! { <span class="rolled">" (next day)"</span> })}
                    </span>
                    <span class="paste-kind">
                        <label class="visually-hidden" for=kind_id.clone()>{format!("Kind for line {no}")}</label>
                        <KindSelect
                            id=kind_id
                            kind=kind
                            on_pick=Callback::new(move |k: EventKind| {
                                kinds.update(|m| {
                                    m.insert(no, k);
                                });
                            })
                        />
                    </span>
                    <span class="paste-text">{c.text.clone()}</span>
                </li>
            }
            .into_any()
        }
        PastedLine::Unreadable { .. } => ().into_any(),
    }
}
