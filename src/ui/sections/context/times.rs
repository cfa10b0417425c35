use leptos::prelude::*;

use crate::domain::edit::Instant;
use crate::domain::{Edit, Field, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::tz;
use crate::ui::widgets::{dom_id, DateTimeInput, TextInput};

/// Incident start and end, entered in the post-mortem's time zone.
#[component]
pub fn Times() -> impl IntoView {
    let editor = use_editor();
    let zone = memo(move || {
        editor.read(Scope::Field(Field::TimeZone), |d| {
            d.context.time_zone.clone()
        })
    });
    let started =
        memo(move || editor.read(Scope::Instant(Instant::Started), |d| d.context.started));
    let ended = memo(move || editor.read(Scope::Instant(Instant::Ended), |d| d.context.ended));
    let zone_ok = memo(move || tz::valid_zone(&zone.get()));
    let order_warning = memo(move || match (started.get(), ended.get()) {
        (Some(s), Some(e)) if e < s => Some("The end is before the start."),
        _ => None,
    });
    // Suggestions for the zone field come from the browser's own list.
    let zones = tz::zones();
    view! {
        <fieldset class="group">
            <legend>"When"</legend>
            <div class="row">
                <DateTimeInput
                    id=dom_id("context.started")
                    label="Incident start"
                    value=started.into()
                    zone=zone.into()
                    on_change=Callback::new(move |v| editor.edit(Edit::Instant(Instant::Started, v)))
                />
                <DateTimeInput
                    id=dom_id("context.ended")
                    label="Incident end"
                    value=ended.into()
                    zone=zone.into()
                    on_change=Callback::new(move |v| editor.edit(Edit::Instant(Instant::Ended, v)))
                />
            </div>
            <p class="warning" role="status">{move || order_warning.get()}</p>
            <div class="field-with-list">
                <TextInput
                    id=dom_id(Field::TimeZone.key())
                    label="Time zone".into()
                    value=zone.into()
                    on_change=Callback::new(move |v| editor.edit(Edit::Text(Field::TimeZone, v)))
                    help="Times are shown in this zone and in UTC, and stored in UTC."
                    placeholder="e.g. Europe/Berlin"
                    list="zones"
                />
                <datalist id="zones">
                    {zones.into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
                </datalist>
            </div>
            <p class="warning" role="status">
                {move || (!zone_ok.get()).then_some("This browser does not know that time zone; times are shown in UTC.")}
            </p>
        </fieldset>
    }
}
