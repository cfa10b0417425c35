//! The Insights as Markdown: the same figures as the page, as tables, so
//! they can be pasted into a review document or a wiki.

use std::fmt::Write as _;

use super::markdown::inline;
use crate::domain::insights::{
    severity_label, Distribution, Filter, Insights, Pair, Ranked, TagPlaces, Zone, SEVERITIES,
};
use crate::domain::zone::local_date;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(
        out,
        "|{}",
        head.iter().map(|_| " --- |").collect::<String>()
    );
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

fn ranked(out: &mut String, title: &str, name: &str, rows: &[Ranked]) {
    let _ = writeln!(out, "## {title}\n");
    if rows.is_empty() {
        out.push_str("None recorded.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| vec![inline(&r.label), r.count.to_string()])
        .collect();
    table(out, &[name, "Post-mortems"], &rows);
}

fn distribution(out: &mut String, title: &str, d: &Distribution, zone: Zone<'_>) {
    let _ = writeln!(out, "## {title}\n");
    table(
        out,
        &[
            "Measured",
            "Median",
            "Middle half",
            "Approximate",
            "Not measurable",
        ],
        &[vec![
            d.points.len().to_string(),
            d.median_label(),
            d.quartiles_label(),
            d.approximate.to_string(),
            d.missing.to_string(),
        ]],
    );
    if d.points.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = d
        .points
        .iter()
        .map(|p| {
            vec![
                inline(&p.title),
                local_date(p.at, zone(p.at)).to_string(),
                p.label(),
            ]
        })
        .collect();
    table(out, &["Post-mortem", "Started", "Duration"], &rows);
}

/// Where each ranked tag was seen, by title: a Markdown file leaves the
/// browser, so the app's own links would lead nowhere.
fn places(out: &mut String, rows: &[TagPlaces]) {
    if rows.is_empty() {
        return;
    }
    out.push_str(
        "## Where each tag was seen

",
    );
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            let titles: Vec<String> = p.docs.iter().map(|d| inline(&d.title)).collect();
            vec![inline(&p.tag), titles.join(", ")]
        })
        .collect();
    table(out, &["Tag", "Post-mortems"], &rows);
}

fn pairs(out: &mut String, rows: &[Pair]) {
    out.push_str("## Themes that occur together\n\n");
    if rows.is_empty() {
        out.push_str("No two themes share more than one post-mortem.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|p| vec![inline(&p.a), inline(&p.b), p.count.to_string()])
        .collect();
    table(out, &["Theme", "With", "Post-mortems"], &rows);
}

/// Dates are on the reader's calendar (`zone`), as on the page.
pub fn markdown(i: &Insights, filter: &Filter, zone: Zone<'_>) -> String {
    let mut out = String::from("# Insights\n\n");
    let _ = write!(
        out,
        "{} counted",
        plural(i.counted, "post-mortem", "post-mortems")
    );
    if !filter.is_empty() {
        let _ = write!(out, " of {} ({})", i.readable, inline(&filter.describe()));
    }
    let _ = writeln!(
        out,
        ": {} and {}.",
        plural(i.incidents(), "incident", "incidents"),
        plural(i.near_misses(), "near miss", "near misses")
    );
    if i.undated > 0 {
        let _ = writeln!(
            out,
            "\n{} without any date, so not in the monthly figures.",
            plural(i.undated, "post-mortem is", "post-mortems are")
        );
    }
    if i.newer + i.unreadable > 0 {
        let _ = writeln!(
            out,
            "\nLeft out: {} saved by a newer version of Debrief, {} that could not be read.",
            i.newer, i.unreadable
        );
    }
    out.push('\n');

    out.push_str("## Incidents and near misses per month\n\n");
    let mut head = vec!["Month"];
    head.extend(SEVERITIES.iter().map(|s| severity_label(*s)));
    head.push("Total");
    let rows: Vec<Vec<String>> = i
        .months
        .iter()
        .map(|m| {
            let mut r = vec![m.month.label()];
            r.extend(m.by_severity.iter().map(usize::to_string));
            r.push(m.total().to_string());
            r
        })
        .collect();
    table(&mut out, &head, &rows);

    distribution(&mut out, "Time to detect", &i.detect, zone);
    distribution(&mut out, "Time to resolve", &i.resolve, zone);
    ranked(
        &mut out,
        "Contributing-factor categories",
        "Category",
        &i.categories,
    );
    if i.uncategorised > 0 {
        let _ = writeln!(
            out,
            "{} without a category.\n",
            plural(i.uncategorised, "factor", "factors")
        );
    }
    ranked(&mut out, "Tags", "Tag", &i.tags);
    places(&mut out, &i.tag_places);
    pairs(&mut out, &i.together);

    let r = &i.remedy;
    out.push_str("## Remediation items per month\n\n");
    let rows: Vec<Vec<String>> = r
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
    table(&mut out, &["Month", "Opened", "Done", "Overdue"], &rows);
    let _ = writeln!(
        out,
        "{}: {} open ({} overdue), {} done.\n",
        plural(r.items, "item", "items"),
        r.open,
        r.overdue,
        r.done
    );
    if let Some(p) = r.unanswered_percent() {
        let _ = writeln!(
            out,
            "Factors with no item answering them: {} of {} ({p} %).\n",
            r.unanswered, r.factors
        );
    }
    ranked(
        &mut out,
        "Services affected most often",
        "Service",
        &i.services,
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
