use leptos::prelude::*;

use crate::domain::insights::{services, tags, Archive, Filter};
use crate::domain::{PostMortem, Severity};

/// The severity menu's value for "nobody set one": never a severity slug.
const NOT_SET: &str = "not-set";

fn date_input(
    id: &'static str,
    label: &'static str,
    get: fn(&Filter) -> Option<chrono::NaiveDate>,
    set: fn(&mut Filter, Option<chrono::NaiveDate>),
    filter: RwSignal<Filter>,
) -> AnyView {
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            <input
                type="date"
                id=id
                prop:value=move || filter.with(|f| get(f).map(|d| d.to_string()).unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev).parse().ok();
                    filter.update(|f| set(f, v));
                }
            />
        </div>
    }
    .into_any()
}

/// A menu of names (services or tags) with "Any" first.
fn name_menu(
    id: &'static str,
    label: &'static str,
    names: fn(&[PostMortem]) -> Vec<String>,
    archive: RwSignal<Archive>,
    get: fn(&Filter) -> Option<String>,
    set: fn(&mut Filter, Option<String>),
    filter: RwSignal<Filter>,
) -> AnyView {
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    filter.update(|f| set(f, (!v.is_empty()).then_some(v)));
                }
            >
                <option value="" prop:selected=move || filter.with(|f| get(f).is_none())>"Any"</option>
                {move || {
                    archive
                        .with(|a| names(&a.docs))
                        .into_iter()
                        .map(|n| {
                            let (n2, value) = (n.clone(), n.clone());
                            view! {
                                <option value=value prop:selected=move || filter.with(|f| get(f).as_deref() == Some(n2.as_str()))>
                                    {n}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
    .into_any()
}

/// Narrow every chart at once by date range, severity, service and tag.
#[component]
pub fn InsightsFilters(filter: RwSignal<Filter>, archive: RwSignal<Archive>) -> impl IntoView {
    view! {
        <div class="filters insights-filters" role="search" aria-label="Filter the insights">
            {date_input("insights-from", "From", |f| f.from, |f, v| f.from = v, filter)}
            {date_input("insights-to", "To", |f| f.to, |f, v| f.to = v, filter)}
            <div class="field">
                <label class="label" for="insights-severity">"Severity"</label>
                <select
                    id="insights-severity"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        filter.update(|f| {
                            f.severity = match v.as_str() {
                                "" => None,
                                NOT_SET => Some(None),
                                slug => Severity::from_slug(slug).map(Some),
                            }
                        });
                    }
                >
                    <option value="" prop:selected=move || filter.with(|f| f.severity.is_none())>"Any"</option>
                    {Severity::ALL
                        .iter()
                        .map(|s| {
                            let s = *s;
                            view! {
                                <option value=s.slug() prop:selected=move || filter.with(|f| f.severity == Some(Some(s)))>
                                    {s.short()}
                                </option>
                            }
                        })
                        .collect_view()}
                    <option value=NOT_SET prop:selected=move || filter.with(|f| f.severity == Some(None))>"Not set"</option>
                </select>
            </div>
            {name_menu("insights-service", "Service", services, archive, |f| f.service.clone(), |f, v| f.service = v, filter)}
            {name_menu("insights-tag", "Tag", tags, archive, |f| f.tag.clone(), |f, v| f.tag = v, filter)}
            <button
                type="button"
                class="link"
                prop:disabled=move || filter.with(Filter::is_empty)
                on:click=move |_| filter.set(Filter::default())
            >
                "Clear filters"
            </button>
        </div>
    }
}
