//! A read-only rendering of a whole post-mortem: the print view (and PDF),
//! and the view of a shared link. User text is only ever put into text nodes,
//! never parsed as HTML; links are live only for http(s) addresses.

mod learning;
mod parts;

use leptos::prelude::*;

use crate::domain::durations::durations;
use crate::domain::{Area, LessonKind, PostMortem, QuestionState};
use crate::ui::sections::label;
use crate::ui::sections::timeline::{
    chart_model, chart_title, ChartLegend, ChartSvg, DurationsTable,
};
use crate::ui::tz;

use learning::{evidence, ReportAccounts, ReportDecisions};
use parts::{Para, SafeLink};

/// The chart is drawn at a fixed width and scales with the page (its
/// `viewBox` keeps the proportions), which suits paper and PDF.
const REPORT_CHART_WIDTH: f64 = 680.0;

fn when(t: Option<chrono::DateTime<chrono::Utc>>, zone: &str) -> String {
    match t {
        Some(t) => format!(
            "{} ({}) · {} UTC",
            tz::to_local_input(t, zone).replace('T', " "),
            tz::offset_label(zone, t),
            crate::domain::datefmt::ymd_hm(t.naive_utc())
        ),
        None => "not set".into(),
    }
}

pub fn lesson_title(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Helped => "What helped us",
        LessonKind::Slowed => "What slowed us down",
        LessonKind::Differently => "What we could have done differently",
        LessonKind::Learned => "What we know now that we did not before",
        LessonKind::Lucky => "Where we got lucky",
        LessonKind::Expertise => "Expert knowledge the responders used",
        LessonKind::Signals => "Signals seen before the incident",
    }
}

/// A factor's or an event's tags after its text, as the Markdown prints them.
fn tagged(tags: &[String]) -> Option<String> {
    (!tags.is_empty()).then(|| format!(" (tags: {})", tags.join(", ")))
}

#[component]
pub fn Report(doc: Signal<PostMortem>) -> impl IntoView {
    move || {
        let d = doc.get();
        let zone = d.context.time_zone.clone();
        let c = &d.context;
        let title = crate::domain::display_title(&d);
        let lessons: Vec<_> = LessonKind::ALL
            .iter()
            .filter(|k| !k.list(&d.lessons).is_empty())
            .map(|k| {
                (
                    lesson_title(*k),
                    k.list(&d.lessons)
                        .iter()
                        .map(|e| (e.text.clone(), evidence(&d, &e.cites)))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        let answered: Vec<_> = Area::ALL
            .iter()
            .map(|a| {
                (
                    a.label(),
                    d.questions
                        .iter()
                        .filter(|q| q.area == *a && q.state != QuestionState::Open)
                        .cloned()
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, qs)| !qs.is_empty())
            .collect();
        view! {
            <article class="report">
                <header>
                    <p class="report-kicker">"Post-mortem · " {c.status.label()} " · " {c.severity.map(|s| s.label()).unwrap_or("severity not set")}</p>
                    <h1>{title}</h1>
                    <dl class="report-meta">
                        <dt>"Start"</dt><dd>{when(c.started, &zone)}</dd>
                        <dt>"End"</dt><dd>{when(c.ended, &zone)}</dd>
                        {(!c.services.is_empty()).then(|| view! { <dt>"Services"</dt><dd>{c.services.join(", ")}</dd> })}
                        {(!c.tags.is_empty()).then(|| view! { <dt>"Tags"</dt><dd>{c.tags.join(", ")}</dd> })}
                    </dl>
                </header>
                <Para title="Summary" text=c.summary.clone() />
                {(!c.impact.description.is_empty() || c.impact.users_affected.is_some() || c.impact.requests_failed.is_some() || !c.impact.revenue_sla.is_empty() || !c.detection.is_empty() || !c.people.is_empty() || !c.links.is_empty()).then(|| view! { <section class="report-section"><h2>{label(crate::domain::Section::Context)}</h2>
                    <Para title="Customer impact" text=c.impact.description.clone() />
                    {(c.impact.users_affected.is_some() || c.impact.requests_failed.is_some()).then(|| view! {
                        <p>
                            {c.impact.users_affected.map(|n| format!("{n} users affected. "))}
                            {c.impact.requests_failed.map(|n| format!("{n} requests failed."))}
                        </p>
                    })}
                    <Para title="Revenue or SLA impact" text=c.impact.revenue_sla.clone() />
                    <Para title="How it was detected" text=c.detection.clone() />
                    {(!c.people.is_empty()).then(|| view! {
                        <h3>"People"</h3>
                        <ul>{c.people.iter().map(|p| view! { <li>{p.name.clone()} " — " {p.response_role.clone()} " (" {p.review_role.label()} ")"</li> }).collect_view()}</ul>
                    })}
                    {(!c.links.is_empty()).then(|| view! {
                        <h3>"Links"</h3>
                        <ul>{c.links.iter().map(|l| view! { <li>{l.kind.label()} ": " <SafeLink url=l.url.clone() text=if l.label.is_empty() { l.url.clone() } else { l.label.clone() } /></li> }).collect_view()}</ul>
                    })}
                </section> })}
                {(!d.regret.acknowledgement.is_empty() || !d.regret.internal_summary.is_empty() || !d.regret.customer_what_happened.is_empty()).then(|| view! { <section class="report-section"><h2>{"Regret"}</h2>
                    <Para title="Acknowledgement" text=d.regret.acknowledgement.clone() />
                    <Para title="For our customers" text=d.regret.empathy_customers.clone() />
                    <Para title="For the responders" text=d.regret.empathy_responders.clone() />
                    <Para title="Internal summary" text=d.regret.internal_summary.clone() />
                    <Para title="Customer message: what happened" text=d.regret.customer_what_happened.clone() />
                    <Para title="Customer message: what we are doing about it" text=d.regret.customer_what_we_do.clone() />
                </section> })}
                {(!d.reason.narrative.is_empty() || !d.reason.factors.is_empty() || !d.reason.resolution.is_empty()).then(|| view! { <section class="report-section"><h2>{"Reason"}</h2>
                    <Para title="What happened" text=d.reason.narrative.clone() />
                    <Para title="How it was resolved" text=d.reason.resolution.clone() />
                    {(!d.reason.factors.is_empty()).then(|| view! {
                        <h3>"Contributing factors"</h3>
                        <ul>{d.reason.factors.iter().map(|f| view! { <li>{f.category.map(|c| view! { <strong>{c.label()}</strong>": " })}{f.description.clone()}{tagged(&f.tags)}{evidence(&d, &f.cites).map(|e| view! { <span class="report-cites">{e}</span> })}</li> }).collect_view()}</ul>
                    })}
                </section> })}
                {(!d.timeline.is_empty()).then(|| view! { <section class="report-section"><h2>{"Timeline"}</h2>
                    <h3>"Durations"</h3>
                    <DurationsTable durations=durations(&d.timeline) />
                    {chart_model(&d, REPORT_CHART_WIDTH).map(|m| {
                        let desc = m.desc.clone();
                        view! {
                            <figure class="chart report-chart">
                                <ChartSvg model=Signal::stored(Some(m)) title=chart_title(&d) id="report-chart" described_by="report-timeline" />
                                <ChartLegend />
                                <figcaption class="help">{desc}</figcaption>
                            </figure>
                        }
                    })}
                    <table class="report-table" id="report-timeline">
                        <thead><tr><th scope="col">"Time"</th><th scope="col">"Kind"</th><th scope="col">"What happened"</th></tr></thead>
                        <tbody>
                            {d.timeline.iter().map(|e| view! {
                                <tr>
                                    <td>{match (e.time, e.precision) {
                                        (Some(t), crate::domain::Precision::Approximate) => format!("≈ {}", tz::to_local_input(t, &zone).replace('T', " ")),
                                        (Some(t), crate::domain::Precision::Exact) => tz::to_local_input(t, &zone).replace('T', " "),
                                        _ => "unknown".into(),
                                    }}</td>
                                    <td>{e.kind.label()}</td>
                                    <td>{e.description.clone()}{tagged(&e.tags)} {(!e.source.is_empty()).then(|| view! { " " <SafeLink url=e.source.clone() text="source".into() /> })}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <ReportDecisions doc=d.clone() />
                </section> })}
                <ReportAccounts doc=d.clone() />
                {(!d.remedy.items.is_empty() || d.remedy.unknown).then(|| view! { <section class="report-section"><h2>{"Remedy"}</h2>
                    {d.remedy.unknown.then(|| view! { <p>"The remedy is not known yet; investigation continues." {d.remedy.next_review.map(|n| format!(" Next review on {n}."))}</p> })}
                    {(!d.remedy.items.is_empty()).then(|| view! {
                        <table class="report-table">
                            <thead><tr><th scope="col">"Action"</th><th scope="col">"Owner"</th><th scope="col">"Due"</th><th scope="col">"Status"</th></tr></thead>
                            <tbody>
                                {d.remedy.items.iter().map(|i| view! {
                                    <tr><td>{i.action.clone()}</td><td>{i.owner.clone()}</td><td>{i.due.map(|d| d.to_string()).unwrap_or_default()}</td><td>{i.status.label()}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                </section> })}
                {(!lessons.is_empty()).then(|| view! { <section class="report-section"><h2>{"Lessons"}</h2>
                    {lessons.into_iter().map(|(t, items)| view! { <h3>{t}</h3><ul>{items.into_iter().map(|(i, e)| view! { <li>{i}{e.map(|e| view! { <span class="report-cites">{e}</span> })}</li> }).collect_view()}</ul> }).collect_view()}
                </section> })}
                {(!answered.is_empty()).then(|| view! { <section class="report-section"><h2>{"Questions"}</h2>
                    {answered.into_iter().map(|(area, qs)| view! {
                        <h3>{area}</h3>
                        <dl class="report-qa">
                            {qs.into_iter().map(|q| view! {
                                <dt>{q.prompt.clone()}</dt>
                                <dd>{if q.state == QuestionState::NotApplicable { "Not applicable".to_string() } else { q.answer.clone() }}</dd>
                            }).collect_view()}
                        </dl>
                    }).collect_view()}
                </section> })}
                {(!d.meeting.check_in.is_empty() || !d.meeting.dissent.is_empty() || !d.meeting.check_out.is_empty()).then(|| view! { <section class="report-section"><h2>{"Meeting"}</h2>
                    <Para title="Check-in" text=d.meeting.check_in.clone() />
                    {(!d.meeting.dissent.is_empty()).then(|| view! {
                        <h3>"Divergent and dissenting views"</h3>
                        <ul>{d.meeting.dissent.iter().map(|x| view! { <li><strong>{x.who.clone()}</strong>": " {x.view.clone()}</li> }).collect_view()}</ul>
                    })}
                    <Para title="Check-out" text=d.meeting.check_out.clone() />
                </section> })}
                {(!d.evidence.notes.is_empty() || !d.evidence.conversations.is_empty()).then(|| view! { <section class="report-section"><h2>{"Evidence and notes"}</h2>
                    {d.evidence.conversations.iter().map(|c| view! {
                        <h3>"Conversation" {(!c.participants.is_empty()).then(|| format!(" with {}", c.participants))}</h3>
                        <pre class="excerpt">{c.excerpt.clone()}</pre>
                    }).collect_view()}
                    <Para title="Notes" text=d.evidence.notes.clone() />
                </section> })}
            </article>
        }
    }
}
