//! The Insights as Markdown: the same figures as the page, as tables, so
//! they can be pasted into a review document or a wiki.

use std::fmt::Write as _;

use super::markdown::inline;
use crate::domain::insights::tables::{self, Table};
use crate::domain::insights::{
    left_out, plural, summary, Distribution, Filter, Insights, Ranked, TagPlaces, Zone,
};

/// The table as Markdown; every cell is escaped, since titles and names are
/// the authors' own text.
fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "| {} |", t.head.join(" | "));
    let _ = writeln!(
        out,
        "|{}",
        t.head.iter().map(|_| " --- |").collect::<String>()
    );
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| inline(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Markdown has headings where the page has captions.
fn no_caption() -> String {
    String::new()
}

fn ranked(out: &mut String, title: &str, name: &str, rows: &[Ranked]) {
    let _ = writeln!(out, "## {title}\n");
    if rows.is_empty() {
        out.push_str("None recorded.\n\n");
        return;
    }
    table(out, &tables::ranked(rows, name, no_caption()));
}

fn distribution(out: &mut String, title: &str, d: &Distribution, zone: Zone<'_>) {
    let _ = writeln!(out, "## {title}\n");
    let summary = Table {
        caption: no_caption(),
        head: [
            "Measured",
            "Median",
            "Middle half",
            "Approximate",
            "Not measurable",
        ]
        .map(String::from)
        .to_vec(),
        rows: vec![vec![
            d.points.len().to_string(),
            d.median_label(),
            d.quartiles_label(),
            d.approximate.to_string(),
            d.missing.to_string(),
        ]],
    };
    table(out, &summary);
    if !d.points.is_empty() {
        table(out, &tables::points(d, zone, no_caption()));
    }
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
    let rows = rows
        .iter()
        .map(|p| {
            let titles: Vec<&str> = p.docs.iter().map(|d| d.title.as_str()).collect();
            vec![p.tag.clone(), titles.join(", ")]
        })
        .collect();
    let t = Table {
        caption: no_caption(),
        head: vec!["Tag".into(), "Post-mortems".into()],
        rows,
    };
    table(out, &t);
}

fn pairs(out: &mut String, i: &Insights) {
    out.push_str("## Themes that occur together\n\n");
    if i.together.is_empty() {
        out.push_str("No two themes share more than one post-mortem.\n\n");
        return;
    }
    table(out, &tables::together(i, no_caption()));
}
/// Dates are on the reader's calendar (`zone`), as on the page.
pub fn markdown(i: &Insights, filter: &Filter, zone: Zone<'_>) -> String {
    let mut out = format!("# Insights\n\n{}\n", summary(i));
    if !filter.is_empty() {
        let _ = writeln!(out, "\nFilters: {}.", inline(&filter.describe()));
    }
    if let Some(l) = left_out(i) {
        let _ = writeln!(out, "\n{l}");
    }
    out.push('\n');

    out.push_str("## Incidents and near misses per month\n\n");
    table(&mut out, &tables::months(i, no_caption()));

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
    pairs(&mut out, i);

    let r = &i.remedy;
    out.push_str("## Remediation items per month\n\n");
    table(&mut out, &tables::remedy(i, no_caption()));
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
