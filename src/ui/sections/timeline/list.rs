use leptos::prelude::*;

use super::chunk::Chunk;
use super::visibility::Visibility;
use super::{use_timeline, CHUNK};
use crate::ui::memo::memo;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

/// Every event, in time order, editable in place.
#[component]
pub fn EventList() -> impl IntoView {
    let tl = use_timeline();
    let vis = Visibility::new();
    provide_context(vis);
    on_cleanup(move || vis.disconnect());
    let count = memo(move || tl.order.with(|o| o.len().div_ceil(CHUNK)));
    let empty = memo(move || tl.order.with(Vec::is_empty));
    view! {
        <div class="events-head" aria-hidden="true">
            <span>"Time"</span>
            <span>"What happened"</span>
            <span class="kind-head">"Kind"</span>
        </div>
        <Show when=move || empty.get()>
            <p class="empty">"No events yet. Add the first one below, or paste lines from a chat or a log."</p>
        </Show>
        <div class="events" id="timeline-events">
            {keyed(Signal::derive(move || (0..count.get()).collect()), |i: &usize| i.to_string(), |i| view! { <Chunk index=i /> }.into_any())}
        </div>
    }
}
