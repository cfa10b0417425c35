use chrono::{NaiveDate, TimeDelta};
use leptos::prelude::*;

use super::zone_fn;
use crate::domain::insights::review::{week, week_start, Case};
use crate::domain::insights::Archive;
use crate::ui::archive::read;
use crate::ui::route::Route;
use crate::ui::top_bar::TopBar;
use crate::ui::tree::{h, tree_view, Node};
use crate::ui::tz;
use crate::ui::widgets::DateInput;

/// One prompt and what the post-mortem answers to it, or what is missing.
fn prompt(heading: &'static str, answers: Vec<String>, missing: &'static str) -> Node {
    let body = if answers.is_empty() {
        h("p").at("class", "missing").text(missing)
    } else {
        h("ul").kids(answers.into_iter().map(|a| h("li").text(a).into()))
    };
    vec![h("h3").text(heading).into(), body.into()].into()
}

fn one(text: String) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

fn link(id: String, title: String) -> Node {
    h("a").at("href", Route::Edit(id).href()).text(title).into()
}

fn case(c: Case) -> Node {
    let mut heading = h("h2").kid(link(c.id.clone(), c.title));
    if let Some(s) = c.severity {
        heading = heading
            .text(" ")
            .kid(h("span").at("class", "badge").text(s.short()));
    }
    let seen = (!c.seen_before.is_empty()).then(|| {
        let items = c
            .seen_before
            .iter()
            .map(|s| super::places(&s.theme, &s.earlier));
        Node::from(vec![
            h("h3").text("Seen before").into(),
            h("ul").at("class", "seen-before").kids(items).into(),
        ])
    });
    h("article")
        .at("class", "review-case")
        .at("data-postmortem", c.id)
        .kid(heading)
        .kid(h("p").at("class", "meta").text(format!(
            "Started {} · time to detect {} · time to resolve {}",
            c.day, c.detect, c.resolve
        )))
        .kid(prompt(
            "What happened",
            one(c.what_happened),
            "Not written yet.",
        ))
        .kid(prompt(
            "How we responded",
            one(c.response),
            "No resolution written yet.",
        ))
        .kid(prompt(
            "Why it made sense, what contributed",
            c.contributed,
            "No contributing factor written yet.",
        ))
        .kid(prompt(
            "What we will change",
            c.change,
            "No remediation item yet.",
        ))
        .kids(seen)
        .into()
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
            <TopBar links=vec![Route::Library, Route::Insights] />
            <main id="main" class="library-main insights review">
                <h1>"Weekly review"</h1>
                <p class="lede">"Every post-mortem that started in one week, each through the four prompts of a quick review: about five minutes a case."</p>
                <p class="error" role="alert">{move || error.get()}</p>
                <div class="filters week-pick">
                    <button type="button" class="secondary" on:click=move |_| shift(-7)>"Previous week"</button>
                    <DateInput
                        id="review-week".to_string()
                        label="Week of"
                        value=Signal::derive(move || Some(monday.get()))
                        // Any day picks its week; clearing the field leaves the week as it was.
                        on_change=Callback::new(move |d: Option<NaiveDate>| {
                            if let Some(d) = d {
                                monday.set(week_start(d));
                            }
                        })
                    />
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
                {tree_view(move || Node::List(cases().into_iter().map(case).collect()))}
            </main>
        </div>
    }
}
