use leptos::prelude::*;

use crate::domain::insights::{services, tags, Archive, Filter};
use crate::domain::{PostMortem, Severity};
use crate::ui::memo::memo;
use crate::ui::widgets::{filter_from_value, filter_options, filter_value, DateInput, Select};

fn date_input(
    id: &'static str,
    label: &'static str,
    get: fn(&Filter) -> Option<chrono::NaiveDate>,
    set: fn(&mut Filter, Option<chrono::NaiveDate>),
    filter: RwSignal<Filter>,
) -> AnyView {
    view! {
        <DateInput
            id=id.to_string()
            label=label
            value=Signal::derive(move || filter.with(get))
            on_change=Callback::new(move |v| filter.update(|f| set(f, v)))
        />
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
    let options = memo(move || {
        let mut out = vec![(String::new(), "Any".to_string())];
        out.extend(
            archive
                .with(|a| names(&a.docs))
                .into_iter()
                .map(|n| (n.clone(), n)),
        );
        out
    });
    view! {
        <Select
            id=id.to_string()
            label=label
            options=options
            value=Signal::derive(move || filter.with(|f| get(f).unwrap_or_default()))
            on_change=Callback::new(move |v: String| filter.update(|f| set(f, (!v.is_empty()).then_some(v))))
        />
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
            <Select
                id="insights-severity".to_string()
                label="Severity"
                options=filter_options(Severity::short)
                value=Signal::derive(move || filter.with(|f| filter_value(f.severity)))
                on_change=Callback::new(move |v: String| filter.update(|f| f.severity = filter_from_value(&v)))
            />
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
