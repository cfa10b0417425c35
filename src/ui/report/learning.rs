//! The learning review in the read-only report (print view, shared link):
//! accounts, decision points with every telling, and what each claim cites.
//! Cites are written out as text: the report is read on paper, and an
//! in-page link would fight the app's routing.

use leptos::prelude::*;

use crate::domain::cite::{self, tellings_differ, Target};
use crate::domain::{Cite, PostMortem, Prompt, TellingPart};
use crate::ui::tz;

/// "Evidence: 14:09 Dashboards show …; Account by Ana", or nothing.
pub fn evidence(d: &PostMortem, cites: &[Cite]) -> Option<String> {
    let zone = &d.context.time_zone;
    let names: Vec<String> = cite::live(d, cites)
        .iter()
        .map(|t: &Target<'_>| {
            let offset = t
                .time()
                .and_then(|at| tz::offset_minutes(zone, at))
                .unwrap_or(0);
            t.label(offset)
        })
        .collect();
    (!names.is_empty()).then(|| format!("Evidence: {}", names.join("; ")))
}

#[component]
pub fn ReportAccounts(doc: PostMortem) -> impl IntoView {
    (!doc.accounts.is_empty()).then(|| {
        view! {
            <section class="report-section">
                <h2>"Accounts"</h2>
                {doc
                    .accounts
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let who = if a.who.trim().is_empty() { format!("Account {}", i + 1) } else { a.who.clone() };
                        view! {
                            <h3>{who}{a.given.map(|g| format!(" ({})", crate::domain::datefmt::ymd(g)))}</h3>
                            {(!a.text.trim().is_empty()).then(|| view! { <p class="prose">{a.text.clone()}</p> })}
                            <dl class="report-qa">
                                {Prompt::ALL
                                    .iter()
                                    .filter(|p| !p.get(a).trim().is_empty())
                                    .map(|p| view! { <dt>{p.label()}</dt><dd>{p.get(a).clone()}</dd> })
                                    .collect_view()}
                            </dl>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

#[component]
pub fn ReportDecisions(doc: PostMortem) -> impl IntoView {
    let points: Vec<_> = doc
        .timeline
        .iter()
        .filter_map(|e| e.decision.as_ref().map(|d| (e, d)))
        .collect();
    (!points.is_empty()).then(|| {
        let zone = doc.context.time_zone.clone();
        view! {
            <h3>"Decision points"</h3>
            {points
                .into_iter()
                .map(|(e, dp)| {
                    let when = e
                        .time
                        .map(|t| tz::to_local_input(t, &zone).replace('T', " "))
                        .unwrap_or_else(|| "Time unknown".into());
                    view! {
                        <h4>{when} ": " {e.description.clone()}</h4>
                        {tellings_differ(dp).then(|| view! { <p class="differ-note">"The tellings of this moment differ. Each is kept as it was given; none of them is the version."</p> })}
                        {dp.tellings
                            .iter()
                            .map(|t| {
                                let from = doc.accounts.iter().find(|a| a.id == t.account).map(|a| format!("As {} tells it", a.who.trim()));
                                view! {
                                    {from.map(|f| view! { <p><strong>{f}</strong></p> })}
                                    <dl class="report-qa">
                                        {TellingPart::ALL
                                            .iter()
                                            .filter(|p| !p.get(t).trim().is_empty())
                                            .map(|p| view! { <dt>{p.label()}</dt><dd>{p.get(t).clone()}</dd> })
                                            .collect_view()}
                                    </dl>
                                }
                            })
                            .collect_view()}
                        {evidence(&doc, &dp.cites).map(|e| view! { <p class="report-cites">{e}</p> })}
                    }
                })
                .collect_view()}
        }
    })
}
