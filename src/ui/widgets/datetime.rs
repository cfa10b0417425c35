use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use crate::ui::tz;

/// A date and time entered in the document's time zone and stored in UTC; the
/// UTC equivalent is shown beside it so nobody has to convert in their head.
#[component]
pub fn DateTimeInput(
    id: String,
    #[prop(into)] label: String,
    value: Signal<Option<DateTime<Utc>>>,
    zone: Signal<String>,
    on_change: Callback<Option<DateTime<Utc>>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <DateTimeControl id=id value=value zone=zone on_change=on_change />
        </div>
    }
}

/// The date-time input and its UTC note, without a label: shared by the
/// labelled field above and the list-row field (`RowDateTime`).
#[component]
pub(crate) fn DateTimeControl(
    id: String,
    value: Signal<Option<DateTime<Utc>>>,
    zone: Signal<String>,
    on_change: Callback<Option<DateTime<Utc>>>,
) -> impl IntoView {
    let note_id = format!("{id}-utc");
    view! {
        <input
            id=id
            type="datetime-local"
            aria-describedby=note_id.clone()
            prop:value=move || value.get().map(|t| tz::to_local_input(t, &zone.get())).unwrap_or_default()
            on:change=move |ev| {
                let raw = event_target_value(&ev);
                on_change.run(if raw.is_empty() { None } else { tz::from_local_input(&raw, &zone.get_untracked()) });
            }
        />
        <p class="help" id=note_id>
            {move || match value.get() {
                Some(t) => format!("{} · {} UTC", tz::offset_label(&zone.get(), t), crate::domain::datefmt::ymd_hm(t.naive_utc())),
                // A document without a zone is read in UTC (see `tz`).
                None => zone.with(|z| if z.is_empty() { "In UTC".to_string() } else { format!("In {z}") }),
            }}
        </p>
    }
}

/// A calendar date (meetings, due dates).
#[component]
pub fn DateInput(
    id: String,
    #[prop(into)] label: String,
    value: Signal<Option<NaiveDate>>,
    on_change: Callback<Option<NaiveDate>>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let label_class = if compact { "visually-hidden" } else { "label" };
    view! {
        <div class="field">
            <label class=label_class for=id.clone()>{label}</label>
            <input
                id=id.clone()
                type="date"
                prop:value=move || value.get().map(crate::domain::datefmt::ymd).unwrap_or_default()
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    on_change.run(crate::domain::datefmt::parse_ymd(&raw));
                }
            />
        </div>
    }
}
