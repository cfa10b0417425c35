//! The numbers behind each chart as rows of text, built once for both the
//! page (a table folded under the drawing) and the Markdown export, so the
//! two can never disagree about what a figure is.

use super::{severity_label, Distribution, Insights, Ranked, Zone, SEVERITIES};
use crate::domain::zone::local_date;

/// A table of figures: a caption (the page's; the Markdown has a heading
/// instead), column names and rows of cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn table(caption: String, head: &[&str], rows: Vec<Vec<String>>) -> Table {
    Table {
        caption,
        head: head.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

/// Post-mortems per month by severity, with each month's total.
pub fn months(i: &Insights, caption: String) -> Table {
    let mut head = vec!["Month"];
    head.extend(SEVERITIES.iter().map(|s| severity_label(*s)));
    head.push("Total");
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
    table(caption, &head, rows)
}

/// Remediation items opened, done and overdue per month.
pub fn remedy(i: &Insights, caption: String) -> Table {
    let rows = i
        .remedy
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
    table(caption, &["Month", "Opened", "Done", "Overdue"], rows)
}

/// Every measured duration: which post-mortem, when it began (on the
/// reader's calendar), how long, and whether that is approximate.
pub fn points(d: &Distribution, zone: Zone<'_>, caption: String) -> Table {
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
    table(
        caption,
        &["Post-mortem", "Started", "Duration", "Approximate"],
        rows,
    )
}

/// A ranking: each name and the number of post-mortems it appears in.
pub fn ranked(rows: &[Ranked], name: &str, caption: String) -> Table {
    let rows = rows
        .iter()
        .map(|r| vec![r.label.clone(), r.count.to_string()])
        .collect();
    table(caption, &[name, "Post-mortems"], rows)
}

/// Themes found together in the same post-mortems.
pub fn together(i: &Insights, caption: String) -> Table {
    let rows = i
        .together
        .iter()
        .map(|p| vec![p.a.clone(), p.b.clone(), p.count.to_string()])
        .collect();
    table(caption, &["Theme", "With", "Post-mortems"], rows)
}
