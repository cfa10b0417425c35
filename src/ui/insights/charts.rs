use leptos::prelude::*;

use super::bars::bar_svg;
use super::durations::duration_svg;
use super::figure::ChartFrame;
use super::table::data_table;
use super::zone_fn;
use crate::domain::insights::tables::{self, Table};
use crate::domain::insights::{
    duration_plot, month_bars, ranked_bars, severity_class, severity_label, Distribution, Insights,
    Ranked, SEVERITIES,
};
use crate::ui::tree::{h, tree_view, Node};

type Series = Vec<(&'static str, &'static str)>;

fn legend(items: Series) -> Node {
    h("ul")
        .at("class", "chart-legend")
        .at("aria-hidden", "true")
        .kids(items.into_iter().map(|(name, class)| {
            h("li")
                .kid(h("span").at("class", format!("swatch {class}")))
                .text(name)
                .into()
        }))
        .into()
}

/// Bars per month with their legend and the table of the same numbers.
/// `values[month][series]`, the months being the table's first column;
/// stacked series add up to the month's total.
fn per_month(
    id: &'static str,
    title: &str,
    desc: String,
    series: Series,
    values: Vec<Vec<usize>>,
    stacked: bool,
    table: Table,
) -> Node {
    let months: Vec<String> = table.rows.iter().map(|r| r[0].clone()).collect();
    let chart = month_bars(&months, &series, &values, stacked);
    vec![
        bar_svg(id, chart, title.to_string(), desc, false),
        legend(series),
        data_table(table),
    ]
    .into()
}

fn duration_chart(id: &'static str, what: &str, desc: String, d: &Distribution) -> Node {
    let zone = zone_fn();
    let plot = duration_plot(d, &zone);
    vec![
        duration_svg(id, plot, format!("{what} per incident over time"), desc),
        legend(vec![
            ("exact", "pt"),
            ("approximate", "pt approx"),
            ("median", "median"),
            ("middle half", "quartiles"),
        ]),
        data_table(tables::points(d, &zone, format!("{what}, every incident"))),
    ]
    .into()
}

fn ranked_chart(id: &'static str, title: &str, desc: String, name: &str, rows: &[Ranked]) -> Node {
    let chart = ranked_bars(rows, "post-mortems");
    vec![
        bar_svg(id, chart, title.to_string(), desc, true),
        data_table(tables::ranked(rows, name, title.to_string())),
    ]
    .into()
}

/// Each ranked tag and the post-mortems it was seen in, as links: the way
/// from a pattern back to the incidents behind it.
fn tag_places(i: &Insights) -> Node {
    let items = i.tag_places.iter().map(|p| super::places(&p.tag, &p.docs));
    vec![
        h("h3").text("Where each tag was seen").into(),
        h("ul")
            .at("class", "tag-places")
            .at("data-testid", "tag-places")
            .kids(items)
            .into(),
    ]
    .into()
}

fn together(i: &Insights) -> Node {
    vec![
        h("h3").text("Themes that occur together").into(),
        data_table(tables::together(
            i,
            "Themes found in the same post-mortems, at least twice".into(),
        )),
    ]
    .into()
}

fn spread_note(d: &Distribution) -> String {
    format!(
        "Median {} · middle half {} · {} approximate (hollow) · {} not measurable.",
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
    (
        "insights-remedy",
        "Remediation items opened, done and overdue per month",
    ),
    ("insights-services", "Services affected most often"),
];

/// What the chart shows, in a sentence: under the heading and as its `<desc>`.
fn note(n: usize, i: &Insights) -> String {
    let top = |rows: &[Ranked]| match rows.first() {
        Some(r) => format!(
            "Counted once per post-mortem; the most frequent is {}, in {}.",
            r.label, r.count
        ),
        None => "Nothing recorded yet.".into(),
    };
    match n {
        0 => format!(
            "{} and {}, by severity.",
            super::plural(i.incidents(), "incident", "incidents"),
            super::plural(i.near_misses(), "near miss", "near misses")
        ),
        1 => spread_note(&i.detect),
        2 => spread_note(&i.resolve),
        3 => match i.uncategorised {
            0 => top(&i.categories),
            u => format!("{} {u} factors have no category yet.", top(&i.categories)),
        },
        4 => top(&i.tags),
        5 => {
            let r = &i.remedy;
            let share = r.unanswered_percent().map_or(String::new(), |p| {
                format!(
                    " {} of {} factors ({p} %) have no item answering them.",
                    r.unanswered, r.factors
                )
            });
            format!(
                "{} items: {} open, {} overdue, {} done.{share}",
                r.items, r.open, r.overdue, r.done
            )
        }
        _ => top(&i.services),
    }
}

fn body(n: usize, i: &Insights) -> Node {
    let (id, heading) = CHARTS[n];
    let desc = note(n, i);
    match n {
        0 => {
            let series = SEVERITIES
                .iter()
                .map(|s| (severity_label(*s), severity_class(*s)))
                .collect();
            let values = i.months.iter().map(|m| m.by_severity.to_vec()).collect();
            let table = tables::months(i, format!("{heading}, in numbers"));
            per_month(id, heading, desc, series, values, true, table)
        }
        1 => duration_chart(id, heading, desc, &i.detect),
        2 => duration_chart(id, heading, desc, &i.resolve),
        3 => ranked_chart(id, heading, desc, "Category", &i.categories),
        4 => vec![
            ranked_chart(id, heading, desc, "Tag", &i.tags),
            tag_places(i),
            together(i),
        ]
        .into(),
        5 => {
            let series = vec![
                ("Opened", "r-opened"),
                ("Done", "r-done"),
                ("Overdue", "r-overdue"),
            ];
            let values = i
                .remedy
                .months
                .iter()
                .map(|m| vec![m.opened, m.done, m.overdue])
                .collect();
            let table = tables::remedy(i, format!("{heading}, in numbers"));
            per_month(id, heading, desc, series, values, false, table)
        }
        _ => ranked_chart(id, heading, desc, "Service", &i.services),
    }
}

/// Every chart of the page, drawn again whenever the figures change.
#[component]
pub fn Charts(figures: Memo<Insights>, error: RwSignal<Option<String>>) -> impl IntoView {
    CHARTS
        .iter()
        .enumerate()
        .map(|(n, &(id, heading))| {
            let note = Signal::derive(move || figures.with(|i| note(n, i)));
            view! {
                <ChartFrame id=id heading=heading note=note error=error>
                    {tree_view(move || figures.with(|i| body(n, i)))}
                </ChartFrame>
            }
        })
        .collect_view()
}
