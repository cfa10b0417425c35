use leptos::prelude::*;

use super::bars::bar_svg;
use super::durations::duration_svg;
use super::figure::ChartFrame;
use super::table::DataTable;
use super::zone_fn;
use crate::domain::insights::{
    duration_plot, month_bars, ranked_bars, severity_class, severity_label, Distribution, Insights,
    Ranked, SEVERITIES,
};
use crate::domain::zone::local_date;

fn legend(items: Vec<(&'static str, &'static str)>) -> AnyView {
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {items
                .into_iter()
                .map(|(name, class)| view! { <li><span class=format!("swatch {class}")></span>{name}</li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn months_chart(i: &Insights) -> AnyView {
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
        {bar_svg("insights-months", chart, "Incidents and near misses per month".into(), desc, false)}
        {legend(series)}
        <DataTable caption="Post-mortems per month by severity".into() head=head rows=rows />
    }
    .into_any()
}

fn duration_chart(id: &'static str, what: &str, d: &Distribution) -> AnyView {
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
        {duration_svg(id, plot, format!("{what} per incident over time"), desc)}
        {legend(vec![("exact", "pt"), ("approximate", "pt approx"), ("median", "median"), ("middle half", "quartiles")])}
        <DataTable
            caption=format!("{what}, every incident")
            head=vec!["Post-mortem".into(), "Started".into(), "Duration".into(), "Approximate".into()]
            rows=rows
        />
    }
    .into_any()
}

fn ranked_chart(id: &'static str, title: &str, name: &str, rows: &[Ranked]) -> AnyView {
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
        {bar_svg(id, chart, title.to_string(), desc, true)}
        <DataTable caption=title.to_string() head=vec![name.to_string(), "Post-mortems".into()] rows=table />
    }
    .into_any()
}

fn remedy_chart(i: &Insights) -> AnyView {
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
        {bar_svg("insights-remedy", chart, "Remediation items opened, done and overdue per month".into(), desc, false)}
        {legend(series)}
        <DataTable
            caption="Remediation items per month".into()
            head=vec!["Month".into(), "Opened".into(), "Done".into(), "Overdue".into()]
            rows=rows
        />
    }
    .into_any()
}

fn together(i: &Insights) -> AnyView {
    if i.together.is_empty() {
        return view! { <p class="empty">"No two themes share more than one post-mortem yet."</p> }
            .into_any();
    }
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

fn spread_note(d: &Distribution) -> String {
    format!(
        "Median {} · middle half {} · {} approximate · {} not measurable.",
        d.median_label(),
        d.quartiles_label(),
        d.approximate,
        d.missing
    )
}

/// The page's charts, in order: (id, heading).
const CHARTS: [(&str, &str); 7] = [
    ("insights-months", "Incidents and near misses per month"),
    ("insights-detect", "Time to detect"),
    ("insights-resolve", "Time to resolve"),
    ("insights-categories", "Contributing-factor categories"),
    ("insights-tags", "Tags"),
    ("insights-remedy", "Remediation"),
    ("insights-services", "Services affected most often"),
];

fn note(n: usize, i: &Insights) -> String {
    match n {
        0 => format!(
            "{} incidents, {} near misses.",
            i.incidents(),
            i.near_misses()
        ),
        1 => spread_note(&i.detect),
        2 => spread_note(&i.resolve),
        3 => match i.uncategorised {
            0 => "Counted once per post-mortem.".into(),
            n => format!("Counted once per post-mortem; {n} factors have no category yet."),
        },
        4 => "The ten most used, counted once per post-mortem.".into(),
        5 => match i.remedy.unanswered_percent() {
            Some(p) => format!(
                "{} of {} factors ({p} %) have no item answering them.",
                i.remedy.unanswered, i.remedy.factors
            ),
            None => "No contributing factors recorded.".into(),
        },
        _ => "The ten named most often.".into(),
    }
}

fn body(n: usize, i: &Insights) -> AnyView {
    let (id, heading) = CHARTS[n];
    match n {
        0 => months_chart(i),
        1 => duration_chart(id, heading, &i.detect),
        2 => duration_chart(id, heading, &i.resolve),
        3 => ranked_chart(id, heading, "Category", &i.categories),
        4 => view! {
            {ranked_chart(id, heading, "Tag", &i.tags)}
            <h3>"Themes that occur together"</h3>
            {together(i)}
        }
        .into_any(),
        5 => remedy_chart(i),
        _ => ranked_chart(id, heading, "Service", &i.services),
    }
}

/// Every chart of the page, drawn again whenever the figures change.
#[component]
pub fn Charts(figures: Memo<Insights>) -> impl IntoView {
    CHARTS
        .iter()
        .enumerate()
        .map(|(n, &(id, heading))| {
            let note = Signal::derive(move || figures.with(|i| note(n, i)));
            view! {
                <ChartFrame id=id heading=heading note=note>
                    {move || figures.with(|i| body(n, i))}
                </ChartFrame>
            }
        })
        .collect_view()
}
