use leptos::prelude::*;

use crate::domain::choice::optional_slug;
use crate::domain::{Severity, Status};
use crate::ui::memo::memo;
use crate::ui::widgets::{optional_options, Select};

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Sort {
    #[default]
    Updated,
    Severity,
    Title,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub status: Option<Status>,
    pub severity: Option<Severity>,
    pub tag: String,
    pub sort: Sort,
}

/// The sort menu: value, label and order.
const SORTS: [(&str, &str, Sort); 3] = [
    ("updated", "Last change", Sort::Updated),
    ("severity", "Severity", Sort::Severity),
    ("title", "Title", Sort::Title),
];

/// Search, filters and sort over the library.
#[component]
pub fn Filters(query: RwSignal<Query>, tags: Signal<Vec<String>>) -> impl IntoView {
    let severities = {
        let mut out = vec![(String::new(), "Any".to_string())];
        out.extend(
            Severity::ALL
                .iter()
                .map(|s| (s.slug().to_string(), s.short().to_string())),
        );
        out
    };
    let statuses = optional_options::<Status>("Any");
    let sorts: Vec<(String, String)> = SORTS
        .iter()
        .map(|(v, l, _)| (v.to_string(), l.to_string()))
        .collect();
    let tag_options = memo(move || {
        let mut out = vec![(String::new(), "Any".to_string())];
        out.extend(tags.with(|t| t.iter().map(|t| (t.clone(), t.clone())).collect::<Vec<_>>()));
        out
    });
    view! {
        <div class="filters" role="search">
            <div class="field grow">
                <label class="label" for="library-search">"Search"</label>
                <input
                    id="library-search"
                    type="search"
                    placeholder="Title, summary, service or tag"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.text = v);
                    }
                />
            </div>
            <Select
                id="library-status".to_string()
                label="Status"
                options=statuses
                value=Signal::derive(move || query.with(|q| optional_slug(q.status).to_string()))
                on_change=Callback::new(move |v: String| query.update(|q| q.status = Status::from_slug(&v)))
            />
            <Select
                id="library-severity".to_string()
                label="Severity"
                options=severities
                value=Signal::derive(move || query.with(|q| optional_slug(q.severity).to_string()))
                on_change=Callback::new(move |v: String| query.update(|q| q.severity = Severity::from_slug(&v)))
            />
            <Select
                id="library-tag".to_string()
                label="Tag"
                options=tag_options
                value=Signal::derive(move || query.with(|q| q.tag.clone()))
                on_change=Callback::new(move |v: String| query.update(|q| q.tag = v))
            />
            <Select
                id="library-sort".to_string()
                label="Sort by"
                options=sorts
                value=Signal::derive(move || {
                    let sort = query.with(|q| q.sort);
                    SORTS.iter().find(|(_, _, s)| *s == sort).map_or("", |(v, _, _)| v).to_string()
                })
                on_change=Callback::new(move |v: String| {
                    let sort = SORTS.iter().find(|(value, _, _)| *value == v).map_or(Sort::Updated, |(_, _, s)| *s);
                    query.update(|q| q.sort = sort);
                })
            />
        </div>
    }
}
