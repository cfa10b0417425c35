use chrono::{NaiveDate, TimeDelta};
use leptos::prelude::*;

use super::{read, zone_fn};
use crate::domain::insights::review::{week, week_start, Case};
use crate::domain::insights::Archive;
use crate::ui::route::Route;
use crate::ui::tz;

fn answer(text: String, missing: &'static str) -> AnyView {
    if text.is_empty() {
        view! { <p class="missing">{missing}</p> }.into_any()
    } else {
        view! { <p>{text}</p> }.into_any()
    }
}

fn list(items: Vec<String>, missing: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="missing">{missing}</p> }.into_any();
    }
    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
}

fn case(c: Case) -> impl IntoView {
    let severity = c.severity.map(|s| s.short());
    view! {
        <article class="review-case" data-postmortem=c.id.clone()>
            <h2>
                <a href=Route::Edit(c.id.clone()).href()>{c.title}</a>
                {severity.map(|s| view! { " " <span class="badge">{s}</span> })}
            </h2>
            <p class="meta">{format!("Started {}", c.day)}</p>
            <h3>"What happened"</h3>
            {answer(c.what_happened, "Not written yet.")}
            <h3>"How we responded"</h3>
            {answer(c.response, "No resolution written yet.")}
            <p class="meta">{format!("Time to detect {} · time to resolve {}", c.detect, c.resolve)}</p>
            <h3>"Why it made sense, what contributed"</h3>
            {list(c.contributed, "No contributing factor written yet.")}
            <h3>"What we will change"</h3>
            {list(c.change, "No remediation item yet.")}
            {(!c.seen_before.is_empty()).then(|| view! {
                <h3>"Seen before"</h3>
                <ul class="seen-before">
                    {c.seen_before
                        .into_iter()
                        .map(|s| view! {
                            <li>
                                {s.theme} ": "
                                {s.earlier
                                    .into_iter()
                                    .enumerate()
                                    .map(|(n, e)| view! {
                                        {(n > 0).then_some(", ")}
                                        <a href=Route::Edit(e.id).href()>{e.title}</a>
                                    })
                                    .collect_view()}
                            </li>
                        })
                        .collect_view()}
                </ul>
            })}
        </article>
    }
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
    let cases = Memo::new(move |_| {
        let zone = zone_fn();
        archive.with(|a| week(&a.docs, monday.get(), &zone))
    });
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
                        let n = cases.with(Vec::len);
                        format!(
                            "Monday {m} to Sunday {}: {n} post-mortem{}.",
                            m + TimeDelta::days(6),
                            if n == 1 { "" } else { "s" }
                        )
                    }}
                </p>
                {move || cases.get().into_iter().map(case).collect_view()}
            </main>
        </div>
    }
}
