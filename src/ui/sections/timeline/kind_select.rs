use leptos::prelude::*;

use crate::domain::EventKind;

/// An event's kind as a menu, one option per kind with the current one
/// selected: the same menu in a timeline row, in a pasted line and in a line
/// read from a file. `on_pick` hears the kind the author chose; the label
/// stays with the caller, which knows what the menu is for.
#[component]
pub fn KindSelect(
    id: String,
    kind: Memo<EventKind>,
    on_pick: Callback<EventKind>,
) -> impl IntoView {
    view! {
        <select
            id=id
            on:change=move |ev| {
                if let Some(k) = EventKind::from_slug(&event_target_value(&ev)) {
                    on_pick.run(k);
                }
            }
        >
            {EventKind::ALL
                .iter()
                .map(|&k| {
                    view! { <option value=k.slug() prop:selected=move || kind.get() == k>{k.label()}</option> }
                })
                .collect_view()}
        </select>
    }
}
