use leptos::prelude::*;

use crate::ui::archive::TAG_SUGGESTIONS;
use crate::ui::memo::memo;
use crate::ui::widgets::{grow, Chips, Entry, Line};
use wasm_bindgen::JsCast;

use super::chart::kind_slug;
use super::decision::DecisionPanel;
use super::kind_select::KindSelect;
use super::time::{
    entry_reference, format_clock, format_day, format_local, local, read_time, utc_note, TimeInput,
};
use super::undo::Deletion;
use super::{field_id, use_timeline, ENTRY_TIME};
use crate::domain::hints::event_key;
use crate::domain::{Edit, EventKind, ListEdit, ListKind, Precision, TimelineEvent};
use crate::ui::focus::focus_soon;
use crate::ui::hints::FieldHints;

/// One event, edited in place. `index` is its position in the timeline, which
/// the row uses to read its event without searching the whole list (and to
/// number its labels: "Time of event 3").
#[component]
pub fn EventRow(id: String, index: Memo<usize>) -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let me = id.clone();
    let event = memo(move || {
        let i = index.get();
        editor.read_row(ListKind::Events, &me, |d| match d.timeline.get(i) {
            Some(e) if e.id == me => Some(e.clone()),
            // Between an edit and the list catching up the index can be
            // stale for a moment; the search is the rare fallback.
            _ => d.timeline.iter().find(|e| e.id == me).cloned(),
        })
    });
    let n = memo(move || index.get() + 1);
    let when = memo(move || {
        event.with(|e| {
            e.as_ref()
                .map(|e| (e.time, e.precision))
                .unwrap_or((None, Precision::Unknown))
        })
    });
    let time_text = memo(move || match when.get() {
        (Some(t), p) if p != Precision::Unknown => format_local(&tl.zone.get(), t),
        _ => String::new(),
    });
    let utc_text = memo(move || match when.get() {
        (Some(t), p) if p != Precision::Unknown => utc_note(&tl.zone.get(), t),
        _ => "Time unknown".to_string(),
    });
    let precision = memo(move || when.get().1);
    // Closed lines give the time of day under a heading for each day, as a
    // written timeline does: the date once, not on every line. A row starts
    // a day when the event before it (in time order) is on another day or
    // has no time.
    let day_heading = memo(move || {
        let zone = tl.zone.get();
        let (Some(t), p) = when.get() else {
            return None;
        };
        if p == Precision::Unknown {
            return None;
        }
        let i = index.get();
        let before = i.checked_sub(1).and_then(|b| {
            let prev = tl.order.with(|o| o.get(b).cloned())?;
            editor.read_row(ListKind::Events, &prev, |d| {
                d.timeline
                    .get(b)
                    .filter(|e| e.id == prev && e.precision != Precision::Unknown)
                    .and_then(|e| e.time)
            })
        });
        let day = local(&zone, t).date();
        let same = before.is_some_and(|b| local(&zone, b).date() == day);
        (!same).then(|| format_day(&zone, t))
    });
    let clock_text = memo(move || match when.get() {
        (Some(t), p) if p != Precision::Unknown => format_clock(&tl.zone.get(), t),
        _ => String::new(),
    });
    let kind = memo(move || event.with(|e| e.as_ref().map(|e| e.kind).unwrap_or_default()));
    let description = memo(move || {
        event.with(|e| {
            e.as_ref()
                .map(|e| e.description.clone())
                .unwrap_or_default()
        })
    });
    let source =
        memo(move || event.with(|e| e.as_ref().map(|e| e.source.clone()).unwrap_or_default()));
    let tags = memo(move || event.with(|e| e.as_ref().map(|e| e.tags.clone()).unwrap_or_default()));
    let decision_note = memo(move || {
        event.with(|e| match e.as_ref().and_then(|e| e.decision.as_ref()) {
            None => "",
            Some(d) if crate::domain::cite::tellings_differ(d) => {
                " · decision point, tellings differ"
            }
            Some(_) => " · decision point",
        })
    });
    let me = id.clone();
    // A row's own warnings wait until the author has left it: while the
    // times are being typed, a half-entered order is not yet a problem.
    let here = RwSignal::new(false);
    let row_ref = NodeRef::<leptos::html::Div>::new();
    let warnings = memo(move || {
        if here.get() {
            return Vec::new();
        }
        tl.warned.with(|m| m.get(&me).cloned().unwrap_or_default())
    });
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let to = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        let inside = match (row_ref.get_untracked(), to) {
            (Some(row), Some(to)) => row.contains(Some(&to)),
            _ => false,
        };
        if !inside {
            here.set(false);
        }
    };
    let error = RwSignal::new(None::<&'static str>);

    let update = move |f: &dyn Fn(&mut TimelineEvent)| {
        if let Some(mut e) = event.get_untracked() {
            f(&mut e);
            editor.edit(Edit::Event(ListEdit::Update(e)));
        }
    };

    // Reads the time field; on success the field shows the time as stored.
    let commit_time = move |input: &web_sys::HtmlInputElement| -> bool {
        let Some(current) = event.get_untracked() else {
            return true;
        };
        let zone = tl.zone.get_untracked();
        let base = match current.time {
            Some(t) => local(&zone, t).date(),
            None => editor.peek(entry_reference).1,
        };
        let mut next = current.clone();
        match read_time(&input.value(), &zone, None, base) {
            TimeInput::Empty => {
                next.time = None;
                next.precision = Precision::Unknown;
            }
            TimeInput::At(t, p) => {
                next.time = Some(t);
                // "~" makes it approximate; otherwise keep what the precision
                // menu says, unless it said the time was unknown.
                next.precision = match (p, current.precision) {
                    (Precision::Approximate, _) => Precision::Approximate,
                    (_, Precision::Unknown) => Precision::Exact,
                    (_, kept) => kept,
                };
            }
            TimeInput::Invalid(why) => {
                error.set(Some(why));
                return false;
            }
        }
        error.set(None);
        if next != current {
            editor.edit(Edit::Event(ListEdit::Update(next)));
            editor.seal();
        }
        input.set_value(&time_text.get_untracked());
        true
    };

    let time_id = field_id(&id, "time");
    let precision_id = field_id(&id, "precision");
    let kind_id = field_id(&id, "kind");
    let desc_id = field_id(&id, "description");
    let source_id = field_id(&id, "source");
    let utc_id = field_id(&id, "utc");
    let error_id = field_id(&id, "error");
    let warn_id = field_id(&id, "warnings");
    let group_id = field_id(&id, "label");
    let hint_key = event_key(&id);

    let own_time = time_id.clone();
    let own_precision = precision_id.clone();
    let rid = id.clone();
    let delete = move |_| {
        let at = index.get_untracked();
        let next = tl.order.with_untracked(|o| {
            o.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| o.get(p)))
                .cloned()
        });
        let what = match (time_text.get_untracked(), kind.get_untracked()) {
            (t, k) if t.is_empty() => k.label().to_string(),
            (t, k) => format!("{t}, {}", k.label()),
        };
        editor.edit(Edit::Event(ListEdit::Remove(rid.clone())));
        editor.seal();
        tl.deleted.set(Some(Deletion {
            revision: editor.revision_untracked(),
            event_id: rid.clone(),
            message: format!("Event deleted ({what})."),
        }));
        match next {
            Some(next) => tl.reveal(&next, "time"),
            None => focus_soon(ENTRY_TIME.to_string()),
        }
    };

    let read = Signal::derive(move || {
        let time = clock_text.get();
        let has_source = source.with(|s| !s.trim().is_empty());
        Line {
            lead: match (time.is_empty(), precision.get() == Precision::Approximate) {
                (true, _) => "Unknown".to_string(),
                (false, true) => format!("~{time}"),
                (false, false) => time,
            },
            text: description.get(),
            empty: "Not described yet",
            meta: format!(
                "{}{}{}",
                kind.get().label(),
                if has_source { " · source" } else { "" },
                decision_note.get()
            ),
            tags: tags.get(),
            ..Line::default()
        }
    });
    let fid = id.clone();
    let warn_ref = warn_id.clone();
    let fields = move || {
        let warn_ref = warn_ref.clone();
        let (time_id, precision_id, kind_id, desc_id, source_id, utc_id, error_id, hint_key) = (
            time_id.clone(),
            precision_id.clone(),
            kind_id.clone(),
            desc_id.clone(),
            source_id.clone(),
            utc_id.clone(),
            error_id.clone(),
            hint_key.clone(),
        );
        let described = format!("{utc_id} {error_id} {}", warn_ref);
        let (own_time, own_precision, delete, id) = (
            own_time.clone(),
            own_precision.clone(),
            delete.clone(),
            fid.clone(),
        );
        view! {
                    <div class="ev-time">
                        <label class="visually-hidden" for=time_id.clone()>{move || format!("Time of event {}", n.get())}</label>
                        <input
                            id=time_id.clone()
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder="HH:MM"
                            aria-describedby=described
                            aria-invalid=move || error.get().is_some().to_string()
                            prop:value=move || time_text.get()
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        if commit_time(&input) {
                                            // The row may move to its new place in time; the
                                            // field keeps the focus wherever it lands.
                                            tl.keep_focus(own_time.clone());
                                        }
                                    }
                                }
                            }
                            on:blur=move |ev: leptos::ev::FocusEvent| {
                                let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                                    return;
                                };
                                let going_to = ev
                                    .related_target()
                                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                                    .map(|e| e.id())
                                    .filter(|id| !id.is_empty());
                                if commit_time(&input) {
                                    if let Some(target) = going_to {
                                        tl.keep_focus(target);
                                    }
                                }
                            }
                        />
                        <span class="utc" id=utc_id>{move || utc_text.get()}</span>
                        <span class="error" id=error_id role="alert">{move || error.get()}</span>
                    </div>
                    <div class="ev-precision">
                        <label class="visually-hidden" for=precision_id.clone()>{move || format!("Precision of event {}", n.get())}</label>
                        <select
                            id=precision_id.clone()
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(p) = Precision::from_slug(&v) {
                                    update(&|e| e.precision = p);
                                    editor.seal();
                                    // "Unknown" sends the event to the end of the list.
                                    tl.keep_focus(own_precision.clone());
                                }
                            }
                        >
                            {Precision::ALL
                                .iter()
                                .map(|&p| {
                                    view! {
                                        <option value=p.slug() prop:selected=move || precision.get() == p>
                                            {p.label()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="ev-kind">
                        <label class="visually-hidden" for=kind_id.clone()>{move || format!("Kind of event {}", n.get())}</label>
                        <KindSelect
                            id=kind_id.clone()
                            kind=kind
                            on_pick=Callback::new(move |k: EventKind| {
                                update(&|e| e.kind = k);
                                editor.seal();
                            })
                        />
                    </div>
                    <div class="ev-desc">
                        <label class="visually-hidden" for=desc_id.clone()>{move || format!("Description of event {}", n.get())}</label>
                        <textarea
                            id=desc_id.clone()
                            rows="1"
                            data-hint-key=hint_key.clone()
                            placeholder="What happened"
                            prop:value=move || description.get()
                            on:input=move |ev| {
                                grow(&ev);
                                let v = event_target_value(&ev);
                                update(&|e| e.description = v.clone());
                            }
                            on:blur=move |_| editor.seal()
                        ></textarea>
                        <FieldHints key=hint_key text=description.into() />
                    </div>
                    <div class="ev-source">
                        <label class="visually-hidden" for=source_id.clone()>{move || format!("Source link of event {}", n.get())}</label>
                        <input
                            id=source_id.clone()
                            type="url"
                            placeholder="Source link"
                            prop:value=move || source.get()
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                update(&|e| e.source = v.clone());
                            }
                            on:blur=move |_| editor.seal()
                        />
                    </div>
                    <div class="ev-tags">
                        <Chips
                            id=field_id(&id, "tags")
                            label="Tags"
                            noun="tag"
                            suffix=Signal::derive(move || format!(" of event {}", n.get()))
                            suggestions=TAG_SUGGESTIONS
                            values=tags.into()
                            on_change=Callback::new(move |v: Vec<String>| {
                                update(&|e| e.tags = v.clone());
                                editor.seal();
                            })
                        />
                    </div>
                    <DecisionPanel id=id.clone() event=event n=n />
                    <button
                        type="button"
                        class="remove ev-delete"
                        id=field_id(&id, "delete")
                        aria-label=move || format!("Delete event {}", n.get())
                        on:click=delete
                    >
                        "Delete"
                    </button>
        }
    };
    let entry_name = Signal::derive(move || format!("event {}", n.get()));
    let first = field_id(&id, "description");
    view! {
        {move || day_heading.get().map(|d| view! { <p class="day-mark">{d}</p> })}
        <div
            class=move || {
                let warn = if warnings.with(Vec::is_empty) { "" } else { " has-warning" };
                format!("event-row kind-{}{warn}", kind_slug(kind.get()))
            }
            role="group"
            aria-labelledby=group_id.clone()
            node_ref=row_ref
            on:focusin=move |_| here.set(true)
            on:focusout=on_focusout
        >
            <span class="visually-hidden" id=group_id.clone()>{move || format!("Event {}", n.get())}</span>
            <Entry prefix=field_id(&id, "").trim_end_matches('-').to_string() key=format!("timeline.{id}") first=first name=entry_name read=read>
                {fields.clone()()}
            </Entry>
            <ul class="event-warnings" id=warn_id>
                {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
        </div>
    }
}
