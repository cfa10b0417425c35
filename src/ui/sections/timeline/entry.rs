use leptos::prelude::*;

use chrono::NaiveDate;

use super::time::{entry_reference, format_local, read_time, utc_note, TimeInput};
use super::{use_timeline, ENTRY_TIME};
use crate::domain::edit::Instant;
use crate::domain::paste::guess_kind;
use crate::domain::{Edit, EventKind, Field, ListEdit, ListKind, Precision, Scope, TimelineEvent};
use crate::ui::focus::focus_now;
use crate::ui::memo::memo;
use crate::ui::state::new_id;
use crate::ui::widgets::Show;

const GUESS: &str = "guess";

/// The row under the list for adding events by keyboard alone: type a time,
/// Tab, a kind (or leave "guess"), Tab, what happened, Enter. The event is
/// added in its place in time and the cursor is back in the time field for
/// the next one.
///
/// While nothing on the page says which day it was (no incident start, no
/// event with a time), the row asks for the day once instead of quietly
/// putting a bare `14:05` on today; after the first timed event the day
/// follows the timeline. A kind left on "guess" shows what it would guess
/// from the text, and one click makes that guess the author's choice.
#[component]
pub fn EntryRow() -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let time = RwSignal::new(String::new());
    let kind = RwSignal::new(GUESS.to_string());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let added = RwSignal::new(String::new());
    // The day asked for while none is known; `None` until the author picks
    // one, which reads as today.
    let day = RwSignal::new(None::<NaiveDate>);
    // Where a bare HH:MM lands: after the last timed event (or the start).
    // Follows the timeline's order (a new or re-timed event) and the
    // incident start, not the text typed into rows.
    let reference = memo(move || {
        editor.track(Scope::Instant(Instant::Started));
        editor.track(Scope::Field(Field::TimeZone));
        editor.read(Scope::List(ListKind::Events), entry_reference)
    });
    // No incident start and no timed event: the day has to come from the
    // author.
    let day_unknown = memo(move || reference.with(|(after, _)| after.is_none()));
    // The day a time without a date is read on: the one asked for while no
    // day is known, else the timeline's own.
    let base = move || {
        let (_, known) = reference.get_untracked();
        if day_unknown.get_untracked() {
            day.get_untracked().unwrap_or(known)
        } else {
            known
        }
    };
    let read = move |raw: &str| {
        let (after, _) = reference.get_untracked();
        read_time(raw, &tl.zone.get_untracked(), after, base())
    };
    let preview = memo(move || {
        let raw = time.get();
        reference.track();
        day.track();
        tl.zone.track();
        (!raw.trim().is_empty()).then(|| read(&raw))
    });
    let guessed = memo(move || {
        let on_guess = kind.with(|k| k == GUESS);
        text.with(|t| (on_guess && !t.trim().is_empty()).then(|| guess_kind(t)))
    });

    let add = move || {
        let description = text.get_untracked().trim().to_string();
        let raw_time = time.get_untracked();
        if description.is_empty() && raw_time.trim().is_empty() {
            problem.set(Some("Type a time and what happened first."));
            focus_now(ENTRY_TIME);
            return;
        }
        let (at, precision) = match read(&raw_time) {
            TimeInput::Empty => (None, Precision::Unknown),
            TimeInput::At(t, p) => (Some(t), p),
            TimeInput::Invalid(why) => {
                problem.set(Some(why));
                focus_now(ENTRY_TIME);
                return;
            }
        };
        let chosen = kind.get_untracked();
        let kind_value = EventKind::from_slug(&chosen).unwrap_or_else(|| guess_kind(&description));
        let zone = tl.zone.get_untracked();
        let when = at
            .filter(|_| precision != Precision::Unknown)
            .map(|t| format_local(&zone, t))
            .unwrap_or_else(|| "time unknown".into());
        editor.edit(Edit::Event(ListEdit::Add(
            TimelineEvent {
                id: new_id(),
                time: at,
                precision,
                kind: kind_value,
                description,
                ..TimelineEvent::default()
            },
            None,
        )));
        editor.seal();
        added.set(format!("Added: {when}, {}.", kind_value.label()));
        time.set(String::new());
        text.set(String::new());
        kind.set(GUESS.to_string());
        problem.set(None);
        focus_now(ENTRY_TIME);
    };

    let zone_hint = move || {
        let z = tl.zone.get();
        if z.trim().is_empty() {
            "UTC".to_string()
        } else {
            z
        }
    };
    view! {
        // Under a list of events the column headings already name the
        // fields, so their labels are kept for screen readers only.
        <div
            class="entry-row"
            class:under-columns=move || !tl.order.with(Vec::is_empty)
            role="group"
            aria-labelledby="timeline-new-label"
            on:keydown=move |ev| {
                if ev.key() == "Enter" && !ev.shift_key() {
                    ev.prevent_default();
                    add();
                }
            }
        >
            <h3 id="timeline-new-label" class="entry-title">"Add an event"</h3>
            <p class="help" id="timeline-new-format">
                "HH:MM or YYYY-MM-DD HH:MM, " {zone_hint} " time; ~ for “around”, empty if unknown."
                <span class="visually-hidden">" Enter adds it."</span>
            </p>
            <div class="entry-fields" class:asks-day=move || day_unknown.get()>
                <Show when=move || day_unknown.get()>
                    <div class="field ev-day">
                        <label class="label" for="timeline-new-day">"Day"</label>
                        <input
                            id="timeline-new-day"
                            type="date"
                            aria-describedby="timeline-new-day-help"
                            prop:value=move || {
                                crate::domain::datefmt::ymd(day.get().unwrap_or_else(|| reference.get().1))
                            }
                            on:change=move |ev| {
                                day.set(crate::domain::datefmt::parse_ymd(&event_target_value(&ev)));
                            }
                        />
                        <span class="utc" id="timeline-new-day-help">"When no date is typed"</span>
                    </div>
                </Show>
                <div class="field ev-time">
                    <label class="label" for=ENTRY_TIME>
                        <span class="visually-hidden">"New event "</span>
                        "Time"
                    </label>
                    <input
                        id=ENTRY_TIME
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="HH:MM"
                        aria-describedby="timeline-new-format timeline-new-preview"
                        aria-invalid=move || problem.get().is_some().to_string()
                        prop:value=move || time.get()
                        on:input=move |ev| {
                            time.set(event_target_value(&ev));
                            problem.set(None);
                        }
                    />
                    <span class="utc" id="timeline-new-preview">
                        {move || match preview.get() {
                            Some(TimeInput::At(t, p)) => {
                                let zone = tl.zone.get();
                                let around = if p == Precision::Approximate { "around " } else { "" };
                                let utc = utc_note(&zone, t);
                                let utc = if utc.is_empty() { String::new() } else { format!(" · {utc}") };
                                format!("{around}{}{utc}", format_local(&zone, t))
                            }
                            Some(TimeInput::Invalid(why)) => why.to_string(),
                            Some(TimeInput::Empty) => "Time unknown".to_string(),
                            None => String::new(),
                        }}
                    </span>
                </div>
                <div class="field ev-kind">
                    <label class="label" for="timeline-new-kind">
                        <span class="visually-hidden">"New event "</span>
                        "Kind"
                    </label>
                    <select id="timeline-new-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value=GUESS prop:selected=move || kind.get() == GUESS>
                            {move || match guessed.get() {
                                Some(k) => format!("Guess: {}", k.label()),
                                None => "Guess".to_string(),
                            }}
                        </option>
                        {EventKind::ALL
                            .iter()
                            .map(|k| {
                                let v = k.slug();
                                view! {
                                    <option value=v prop:selected=move || kind.get() == v>
                                        {k.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <Show when=move || guessed.get().is_some()>
                        <button
                            type="button"
                            class="link accept-guess"
                            on:click=move |_| {
                                if let Some(k) = guessed.get_untracked() {
                                    kind.set(k.slug().to_string());
                                }
                            }
                        >
                            {move || guessed.get().map(|k| format!("A guess: use {}", k.label()))}
                        </button>
                    </Show>
                </div>
                <div class="field ev-desc">
                    <label class="label" for="timeline-new-text">
                        <span class="visually-hidden">"New event: "</span>
                        "What happened"
                    </label>
                    <input
                        id="timeline-new-text"
                        type="text"
                        placeholder="e.g. Error-rate alert fires for checkout"
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                </div>
                <button type="button" class="add entry-add" on:click=move |_| add()>
                    "Add event"
                </button>
            </div>
            <p class="error" role="alert">{move || problem.get()}</p>
            <p class="visually-hidden" role="status">{move || added.get()}</p>
        </div>
    }
}
