use leptos::prelude::*;

use crate::domain::smart::{owners, FollowUp, FollowUpFilter};
use crate::domain::Priority;
use crate::ui::memo::memo;
use crate::ui::widgets::{keyed, keyed_ids};

/// The priority menu's value for items nobody has given a priority: not a
/// priority slug, so it can never be mistaken for one.
const NOT_SET_VALUE: &str = "not-set";

/// Narrow the follow-ups by owner, priority and post-mortem, or to the
/// overdue ones.
#[component]
pub fn FollowUpFilters(
    filter: RwSignal<FollowUpFilter>,
    all: Signal<Vec<FollowUp>>,
) -> impl IntoView {
    let owner_list = memo(move || all.with(|a| owners(a)));
    // Post-mortems that have open items, in list order, once each.
    let postmortems = memo(move || {
        all.with(|a| {
            let mut out: Vec<(String, String)> = Vec::new();
            for f in a {
                if !out.iter().any(|(id, _)| *id == f.postmortem_id) {
                    out.push((f.postmortem_id.clone(), f.postmortem_title.clone()));
                }
            }
            crate::domain::sort::sort_by_key(&mut out, |(_, t)| t.to_lowercase());
            out
        })
    });
    view! {
        <div class="filters follow-up-filters" role="search" aria-label="Filter follow-ups">
            <div class="field">
                <label class="label" for="follow-ups-owner">"Owner"</label>
                <select
                    id="follow-ups-owner"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.owner = (!v.is_empty()).then_some(v));
                    }
                >
                    <option value="" prop:selected=move || filter.with(|f| f.owner.is_none())>"Anyone"</option>
                    {keyed_ids(owner_list, move |o| {
                            let o2 = o.clone();
                            view! {
                                <option value=o.clone() prop:selected=move || filter.with(|f| f.owner.as_deref() == Some(o2.as_str()))>
                                    {o.clone()}
                                </option>
                            }
                            .into_any()
                        })}
                </select>
            </div>
            <div class="field">
                <label class="label" for="follow-ups-priority">"Priority"</label>
                <select
                    id="follow-ups-priority"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| {
                            f.priority = match v.as_str() {
                                "" => None,
                                NOT_SET_VALUE => Some(None),
                                slug => Priority::from_slug(slug).map(Some),
                            }
                        });
                    }
                >
                    <option value="" prop:selected=move || filter.with(|f| f.priority.is_none())>"Any"</option>
                    {Priority::ALL
                        .iter()
                        .map(|p| {
                            let p = *p;
                            view! {
                                <option value=p.slug() prop:selected=move || filter.with(|f| f.priority == Some(Some(p)))>
                                    {p.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                    <option value=NOT_SET_VALUE prop:selected=move || filter.with(|f| f.priority == Some(None))>
                        "Not set"
                    </option>
                </select>
            </div>
            <div class="field grow">
                <label class="label" for="follow-ups-postmortem">"Post-mortem"</label>
                <select
                    id="follow-ups-postmortem"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| f.postmortem_id = (!v.is_empty()).then_some(v));
                    }
                >
                    <option value="" prop:selected=move || filter.with(|f| f.postmortem_id.is_none())>"All"</option>
                    {keyed(postmortems, |(id, title)| format!("{id}\u{1f}{title}"), move |(id, title)| {
                            let id2 = id.clone();
                            view! {
                                <option value=id prop:selected=move || filter.with(|f| f.postmortem_id.as_deref() == Some(id2.as_str()))>
                                    {title}
                                </option>
                            }
                            .into_any()
                        })}
                </select>
            </div>
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
