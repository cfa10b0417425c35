use leptos::prelude::*;

use super::dissent_row::{DissentRow, DISSENT};
use crate::ui::widgets::{Help, RowGroup};

/// Divergent and dissenting views, kept as they were said rather than
/// smoothed into a consensus that did not exist.
#[component]
pub fn Dissents() -> impl IntoView {
    view! {
        <RowGroup
            kind=&DISSENT
            id="meeting-dissent"
            legend="Dissenting views"
            help=Help::Guide("Where people see it differently, write each view down with whose it is. A disagreement on record is worth more than a consensus that was not there.")
            empty="No dissenting views recorded."
            field="who"
            add_label="Add a dissenting view"
            row=|id, removed| view! { <DissentRow id=id removed=removed /> }.into_any()
        />
    }
}
