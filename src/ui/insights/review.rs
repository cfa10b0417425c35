use chrono::{NaiveDate, TimeDelta};
use leptos::prelude::*;

use super::zone_fn;
use crate::domain::insights::review::{week, week_start, Case};
use crate::domain::insights::Archive;
use crate::ui::archive::read;
use crate::ui::route::Route;
use crate::ui::tz;

/// One prompt and what the post-mortem answers to it, or what is missing.
fn prompt(heading: &'static str, answers: Vec<String>, missing: &'static str) -> AnyView {
    let body = if answers.is_empty() {
        view! { <p class="missing">{missing}</p> }.into_any()
    } else {
        view! { <ul>{answers.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> }
            .into_any()
    };
    view! { <h3>{heading}</h3> {body} }.into_any()
}

fn one(text: String) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

fn link(id: String, title: String) -> AnyView {
    view! { <a href=Route::Edit(id).href()>{title}</a> }.into_any()
}

fn case(c: Case) -> AnyView {
    let severity = c
        .severity
        .map(|s| view! { " " <span class="badge">{s.short()}</span> });
    let data_id = c.id.clone();
    let seen = (!c.seen_before.is_empty()).then(|| {
        let items = c
            .seen_before
            .into_iter()
            .map(|s| {
                let mut parts = vec![view! { {s.theme} ": " }.into_any()];
                for (n, e) in s.earlier.into_iter().enumerate() {
                    if n > 0 {
                        parts.push(", ".into_any());
                    }
                    parts.push(link(e.id, e.title));
                }
                view! { <li>{parts}</li> }
            })
            .collect_view();
        view! { <h3>"Seen before"</h3> <ul class="seen-before">{items}</ul> }
    });
    view! {
        <article class="review-case" data-postmortem=data_id>
            <h2>{link(c.id, c.title)}{severity}</h2>
            <p class="meta">{format!("Started {} · time to detect {} · time to resolve {}", c.day, c.detect, c.resolve)}</p>
            {prompt("What happened", one(c.what_happened), "Not written yet.")}
            {prompt("How we responded", one(c.response), "No resolution written yet.")}
            {prompt("Why it made sense, what contributed", c.contributed, "No contributing factor written yet.")}
            {prompt("What we will change", c.change, "No remediation item yet.")}
            {seen}
        </article>
    }
    .into_any()
}

/// The weekly quick review: every post-mortem of one week, each through the
/// four prompts, ready to walk through in a meeting. Read-only.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let archive = RwSignal::new(Archive::default());
    let error = RwSignal::new(None::<String>);
    match read() {
        Ok(a) => archive.set(a),
        Err(e) => error.set(Some(e)),
    }
    let monday = RwSignal::new(week_start(tz::today()));
    // Cheap over a week's worth of post-mortems: recomputed where read
    // rather than memoised.
    let cases = move || {
        let zone = zone_fn();
        archive.with(|a| week(&a.docs, monday.get(), &zone))
    };
    let shift = move |days: i64| monday.update(|m| *m += TimeDelta::days(days));
    view! {
        <div class="insights-page">
            <header class="topbar">
                <a class="brand" href=Route::Library.href() aria-label="Debrief: all post-mortems">"Debrief"</a>
                <nav class="tools" aria-label="Views">
                    <a class="top-link" href=Route::Library.href()>"All post-mortems"</a>
                    <a class="top-link" href=Route::Insights.href()>"Insights"</a>
                </nav>
            </header>
            <main id="main" class="library-main insights review">
                <h1>"Weekly review"</h1>
                <p class="lede">"Every post-mortem that started in one week, each through the four prompts of a quick review: about five minutes a case."</p>
                <p class="error" role="alert">{move || error.get()}</p>
                <div class="filters week-pick">
                    <button type="button" class="secondary" on:click=move |_| shift(-7)>"Previous week"</button>
                    <div class="field">
                        <label class="label" for="review-week">"Week of"</label>
                        <input
                            type="date"
                            id="review-week"
                            prop:value=move || monday.get().to_string()
                            on:change=move |ev| {
                                if let Ok(d) = event_target_value(&ev).parse::<NaiveDate>() {
                                    monday.set(week_start(d));
                                }
                            }
                        />
                    </div>
                    <button type="button" class="secondary" on:click=move |_| shift(7)>"Next week"</button>
                </div>
                <p class="summary-line" role="status" data-testid="review-summary">
                    {move || {
                        let m = monday.get();
                        let n = cases().len();
                        format!(
                            "Monday {m} to Sunday {}: {n} post-mortem{}.",
                            m + TimeDelta::days(6),
                            if n == 1 { "" } else { "s" }
                        )
                    }}
                </p>
                {move || cases().into_iter().map(case).collect_view()}
            </main>
        </div>
    }
}
