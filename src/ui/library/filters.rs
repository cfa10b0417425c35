use leptos::prelude::*;

use crate::domain::{Severity, Status};
use crate::ui::widgets::keyed_ids;

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

/// Search, filters and sort over the library.
#[component]
pub fn Filters(query: RwSignal<Query>, tags: Signal<Vec<String>>) -> impl IntoView {
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
            <div class="field">
                <label class="label" for="library-status">"Status"</label>
                <select
                    id="library-status"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.status = Status::from_slug(&v));
                    }
                >
                    <option value="">"Any"</option>
                    {Status::ALL.iter().map(|s| view! { <option value=s.slug()>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="label" for="library-severity">"Severity"</label>
                <select
                    id="library-severity"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.severity = Severity::from_slug(&v));
                    }
                >
                    <option value="">"Any"</option>
                    {Severity::ALL.iter().map(|s| view! { <option value=s.slug()>{s.short()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="label" for="library-tag">"Tag"</label>
                <select
                    id="library-tag"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        query.update(|q| q.tag = v);
                    }
                >
                    <option value="">"Any"</option>
                    {keyed_ids(tags, |t| view! { <option value=t.clone()>{t.clone()}</option> }.into_any())}
                </select>
            </div>
            <div class="field">
                <label class="label" for="library-sort">"Sort by"</label>
                <select
                    id="library-sort"
                    on:change=move |ev| {
                        let sort = match event_target_value(&ev).as_str() {
                            "severity" => Sort::Severity,
                            "title" => Sort::Title,
                            _ => Sort::Updated,
                        };
                        query.update(|q| q.sort = sort);
                    }
                >
                    <option value="updated">"Last change"</option>
                    <option value="severity">"Severity"</option>
                    <option value="title">"Title"</option>
                </select>
            </div>
        </div>
    }
}
