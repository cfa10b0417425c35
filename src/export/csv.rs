//! The post-mortem as CSV for other tools: remediation items in the columns
//! Jira's CSV importer maps without configuration (Summary, Description,
//! Assignee, Due date, Priority), and the timeline in the columns Debrief's
//! own CSV import reads back.

use super::tickets::item_description;
use crate::domain::import::csv::write_row;
use crate::domain::{PostMortem, Precision, Priority};

/// Jira's default priority names.
fn jira_priority(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::P1) => "Highest",
        Some(Priority::P2) => "High",
        Some(Priority::P3) => "Medium",
        Some(Priority::P4) => "Low",
        None => "",
    }
}

/// One row per remediation item. The description carries what a ticket
/// needs to stand on its own: the factors the item answers, how done will
/// be known, the existing ticket if any, and the post-mortem it came from.
pub fn items_csv(doc: &PostMortem) -> String {
    let mut out = String::new();
    write_row(
        &mut out,
        &["Summary", "Description", "Assignee", "Due date", "Priority"],
    );
    for item in &doc.remedy.items {
        let description = item_description(doc, item, "");
        let due = item
            .due
            .map(crate::domain::datefmt::ymd)
            .unwrap_or_default();
        write_row(
            &mut out,
            &[
                item.action.trim(),
                &description,
                item.owner.trim(),
                &due,
                jira_priority(item.priority),
            ],
        );
    }
    out
}

/// One row per timeline event, in the document's order: the time in UTC
/// (ISO 8601, `~` before an approximate one, empty when unknown), the kind
/// as the file format names it, what happened and its source.
pub fn timeline_csv(doc: &PostMortem) -> String {
    let mut out = String::new();
    write_row(&mut out, &["Time", "Kind", "Description", "Source"]);
    for e in &doc.timeline {
        let time = match (e.time, e.precision) {
            (Some(_), Precision::Unknown) | (None, _) => String::new(),
            (Some(t), p) => format!(
                "{}{}T{}Z",
                if p == Precision::Approximate { "~" } else { "" },
                crate::domain::datefmt::ymd(t.date_naive()),
                crate::domain::datefmt::hms(&t)
            ),
        };
        write_row(&mut out, &[&time, e.kind.slug(), &e.description, &e.source]);
    }
    out
}
