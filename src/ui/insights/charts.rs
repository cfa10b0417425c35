use leptos::prelude::*;

use super::bars::BarSvg;
use super::durations::DurationSvg;
use super::figure::ChartFrame;
use super::table::DataTable;
use super::zone_fn;
use crate::domain::insights::{
    duration_plot, month_bars, ranked_bars, severity_class, severity_label, Distribution, Insights,
    Ranked, SEVERITIES,
};
use crate::domain::zone::local_date;

fn legend(items: Vec<(&'static str, &'static str)>) -> impl IntoView {
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {items
                .into_iter()
                .map(|(name, class)| view! { <li><span class=format!("swatch {class}")></span>{name}</li> })
                .collect_view()}
        </ul>
    }
}

fn months_chart(i: &Insights) -> impl IntoView {
    let labels: Vec<String> = i.months.iter().map(|m| m.month.label()).collect();
    let series: Vec<(&str, &'static str)> = SEVERITIES
        .iter()
        .map(|s| (severity_label(*s), severity_class(*s)))
        .collect();
    let values: Vec<Vec<usize>> = i.months.iter().map(|m| m.by_severity.to_vec()).collect();
    let chart = month_bars(&labels, &series, &values, true);
    let desc = format!(
        "{} incidents and {} near misses over {} months, stacked by severity.",
        i.incidents(),
        i.near_misses(),
        i.months.len()
    );
    let mut head = vec!["Month".to_string()];
    head.extend(series.iter().map(|(n, _)| n.to_string()));
    head.push("Total".into());
    let rows = i
        .months
        .iter()
        .map(|m| {
            let mut r = vec![m.month.label()];
            r.extend(m.by_severity.iter().map(usize::to_string));
            r.push(m.total().to_string());
            r
        })
        .collect();
    view! {
        <BarSvg id="insights-months" chart=chart title="Incidents and near misses per month".into() desc=desc />
        {legend(series)}
        <DataTable caption="Post-mortems per month by severity".into() head=head rows=rows />
    }
}

fn duration_chart(id: &'static str, what: &str, d: &Distribution) -> impl IntoView {
    let zone = zone_fn();
    let plot = duration_plot(d, &zone);
    let desc = format!(
        "{} measured, median {}, middle half {}; {} approximate, shown hollow; {} not measurable.",
        d.points.len(),
        d.median_label(),
        d.quartiles_label(),
        d.approximate,
        d.missing
    );
    let rows = d
        .points
        .iter()
        .map(|p| {
            vec![
                p.title.clone(),
                local_date(p.at, zone(p.at)).to_string(),
                p.label(),
                if p.approximate { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    view! {
        <DurationSvg id=id plot=plot title=format!("{what} per incident over time") desc=desc />
        {legend(vec![("exact", "pt"), ("approximate", "pt approx"), ("median", "median"), ("middle half", "quartiles")])}
        <DataTable
            caption=format!("{what}, every incident")
            head=vec!["Post-mortem".into(), "Started".into(), "Duration".into(), "Approximate".into()]
            rows=rows
        />
    }
}

fn ranked_chart(id: &'static str, title: &str, name: &str, rows: &[Ranked]) -> impl IntoView {
    let chart = ranked_bars(rows, "post-mortems");
    let desc = match rows.first() {
        Some(r) => format!(
            "{} names; the most frequent is {}, in {} post-mortems.",
            rows.len(),
            r.label,
            r.count
        ),
        None => "Nothing recorded yet.".to_string(),
    };
    let table = rows
        .iter()
        .map(|r| vec![r.label.clone(), r.count.to_string()])
        .collect();
    view! {
        <BarSvg id=id chart=chart title=title.to_string() desc=desc horizontal=true />
        <DataTable caption=title.to_string() head=vec![name.to_string(), "Post-mortems".into()] rows=table />
    }
}

fn remedy_chart(i: &Insights) -> impl IntoView {
    let r = &i.remedy;
    let labels: Vec<String> = r.months.iter().map(|m| m.month.label()).collect();
    let series = vec![
        ("Opened", "r-opened"),
        ("Done", "r-done"),
        ("Overdue", "r-overdue"),
    ];
    let values: Vec<Vec<usize>> = r
        .months
        .iter()
        .map(|m| vec![m.opened, m.done, m.overdue])
        .collect();
    let chart = month_bars(&labels, &series, &values, false);
    let desc = format!(
        "{} items: {} open, {} of them overdue, {} done.",
        r.items, r.open, r.overdue, r.done
    );
    let rows = r
        .months
        .iter()
        .map(|m| {
            vec![
                m.month.label(),
                m.opened.to_string(),
                m.done.to_string(),
                m.overdue.to_string(),
            ]
        })
        .collect();
    view! {
        <BarSvg id="insights-remedy" chart=chart title="Remediation items opened, done and overdue per month".into() desc=desc />
        {legend(series)}
        <DataTable
            caption="Remediation items per month".into()
            head=vec!["Month".into(), "Opened".into(), "Done".into(), "Overdue".into()]
            rows=rows
        />
    }
}

/// Every chart of the page, drawn again whenever the figures change.
#[component]
pub fn Charts(figures: Memo<Insights>) -> impl IntoView {
    let note = move |f: fn(&Insights) -> String| Signal::derive(move || figures.with(f));
    view! {
        <ChartFrame id="insights-months" heading="Incidents and near misses per month" note=note(|i| format!("{} incidents, {} near misses.", i.incidents(), i.near_misses()))>
            {move || figures.with(months_chart)}
        </ChartFrame>
        <ChartFrame id="insights-detect" heading="Time to detect" note=note(|i| format!("Median {} · middle half {} · {} approximate · {} not measurable.", i.detect.median_label(), i.detect.quartiles_label(), i.detect.approximate, i.detect.missing))>
            {move || figures.with(|i| duration_chart("insights-detect", "Time to detect", &i.detect))}
        </ChartFrame>
        <ChartFrame id="insights-resolve" heading="Time to resolve" note=note(|i| format!("Median {} · middle half {} · {} approximate · {} not measurable.", i.resolve.median_label(), i.resolve.quartiles_label(), i.resolve.approximate, i.resolve.missing))>
            {move || figures.with(|i| duration_chart("insights-resolve", "Time to resolve", &i.resolve))}
        </ChartFrame>
        <ChartFrame id="insights-categories" heading="Contributing-factor categories" note=note(|i| match i.uncategorised { 0 => "Counted once per post-mortem.".into(), n => format!("Counted once per post-mortem; {n} factors have no category yet.") })>
            {move || figures.with(|i| ranked_chart("insights-categories", "Contributing-factor categories", "Category", &i.categories))}
        </ChartFrame>
        <ChartFrame id="insights-tags" heading="Tags" note=note(|_| "The ten most used, counted once per post-mortem.".into())>
            {move || figures.with(|i| ranked_chart("insights-tags", "Tags", "Tag", &i.tags))}
            <h3>"Themes that occur together"</h3>
            {move || figures.with(|i| {
                if i.together.is_empty() {
                    view! { <p class="empty">"No two themes share more than one post-mortem yet."</p> }.into_any()
                } else {
                    view! {
                        <table class="together" data-testid="insights-together">
                            <caption class="visually-hidden">"Themes found in the same post-mortems"</caption>
                            <thead><tr><th scope="col">"Theme"</th><th scope="col">"With"</th><th scope="col">"Post-mortems"</th></tr></thead>
                            <tbody>
                                {i.together.iter().map(|p| view! { <tr><td>{p.a.clone()}</td><td>{p.b.clone()}</td><td>{p.count}</td></tr> }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                }
            })}
        </ChartFrame>
        <ChartFrame id="insights-remedy" heading="Remediation" note=note(|i| match i.remedy.unanswered_percent() {
            Some(p) => format!("{} of {} factors ({p} %) have no item answering them.", i.remedy.unanswered, i.remedy.factors),
            None => "No contributing factors recorded.".into(),
        })>
            {move || figures.with(remedy_chart)}
        </ChartFrame>
        <ChartFrame id="insights-services" heading="Services affected most often" note=note(|_| "The ten named most often.".into())>
            {move || figures.with(|i| ranked_chart("insights-services", "Services affected most often", "Service", &i.services))}
        </ChartFrame>
    }
}
