use leptos::prelude::*;

use crate::domain::smart::{owners, FollowUp, FollowUpFilter};
use crate::domain::Priority;
use crate::ui::memo::memo;
use crate::ui::widgets::{filter_from_value, filter_options, filter_value, Select};

/// Narrow the follow-ups by owner, priority and post-mortem, or to the
/// overdue ones.
#[component]
pub fn FollowUpFilters(
    filter: RwSignal<FollowUpFilter>,
    all: Signal<Vec<FollowUp>>,
) -> impl IntoView {
    let owner_list = memo(move || {
        let mut out = vec![(String::new(), "Anyone".to_string())];
        out.extend(all.with(|a| owners(a)).into_iter().map(|o| (o.clone(), o)));
        out
    });
    // Post-mortems that have open items, in list order, once each.
    let postmortems = memo(move || {
        all.with(|a| {
            let mut out = vec![(String::new(), "All".to_string())];
            for f in a {
                if !out.iter().any(|(id, _)| *id == f.postmortem_id) {
                    out.push((f.postmortem_id.clone(), f.postmortem_title.clone()));
                }
            }
            crate::domain::sort::sort_by_key(&mut out[1..], |(_, t)| t.to_lowercase());
            out
        })
    });
    let owner = Signal::derive(move || filter.with(|f| f.owner.clone().unwrap_or_default()));
    let postmortem =
        Signal::derive(move || filter.with(|f| f.postmortem_id.clone().unwrap_or_default()));
    view! {
        <div class="filters follow-up-filters" role="search" aria-label="Filter follow-ups">
            <Select
                id="follow-ups-owner".to_string()
                label="Owner"
                options=owner_list
                value=owner
                on_change=Callback::new(move |v: String| filter.update(|f| f.owner = (!v.is_empty()).then_some(v)))
            />
            <Select
                id="follow-ups-priority".to_string()
                label="Priority"
                options=filter_options(Priority::label)
                value=Signal::derive(move || filter.with(|f| filter_value(f.priority)))
                on_change=Callback::new(move |v: String| filter.update(|f| f.priority = filter_from_value(&v)))
            />
            <Select
                id="follow-ups-postmortem".to_string()
                label="Post-mortem"
                class="grow"
                options=postmortems
                value=postmortem
                on_change=Callback::new(move |v: String| filter.update(|f| f.postmortem_id = (!v.is_empty()).then_some(v)))
            />
            <label class="check overdue-only">
                <input
                    type="checkbox"
                    id="follow-ups-overdue"
                    prop:checked=move || filter.with(|f| f.overdue_only)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        filter.update(|f| f.overdue_only = on);
                    }
                />
                <span>"Overdue only"</span>
            </label>
        </div>
    }
}
