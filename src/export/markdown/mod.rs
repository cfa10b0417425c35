//! GitHub-flavoured Markdown export.
//!
//! Two kinds of text meet here. Long-form fields (summary, narrative, notes,
//! answers…) are written by the author *as* Markdown and pass through, with a
//! guard so an unclosed fence or `<pre>` cannot swallow the rest of the file.
//! Short fields (titles, names, table cells, list entries) are plain text:
//! they are escaped so that no character in them can break a table, start a
//! block, make a link or inject HTML. Links are only ever made from http(s)
//! URLs; anything else is shown as inert text.

mod escape;
mod learning;
mod sections;
mod values;

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::model::*;
use crate::domain::naming::display_title;

use escape::long_form;
pub use escape::{http_url, inline};
use sections::{filled, render};
pub(crate) use values::number;
use values::{front_matter, metadata};

/// What the caller decides about one Markdown export. Durations come from the
/// domain's timeline analysis and are passed in already formatted, so this
/// module never computes one itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkdownOptions {
    /// Start with YAML front matter (title, start, end, severity, tags).
    pub front_matter: bool,
    /// Replace people's names with their response roles everywhere.
    pub anonymise: bool,
    /// Pattern turning a ticket id into a link, with `{id}` as the placeholder,
    /// e.g. `https://tracker.example/browse/{id}`.
    pub ticket_url: Option<String>,
    /// Rows of the durations table: label (e.g. "Time to detect") and value
    /// (e.g. "≈ 25 min"). Empty: no durations table.
    pub durations: Vec<(String, String)>,
    /// Add the basics checklist: the author's own tracking, so only on request.
    pub basics: bool,
    /// Marks open remediation items due before this day as overdue. `None`
    /// keeps the output independent of the day it is made.
    pub today: Option<NaiveDate>,
}

/// The durations table rows for `doc`, from the domain's timeline analysis:
/// only the spans that can be measured. Why the others cannot is the
/// editor's business, not the reader's.
pub fn duration_rows(doc: &PostMortem) -> Vec<(String, String)> {
    crate::domain::durations::durations(&doc.timeline)
        .rows()
        .iter()
        .filter(|(_, span)| span.is_available())
        .map(|(label, span)| (label.to_string(), span.to_string()))
        .collect()
}

/// The whole post-mortem as one GitHub-flavoured Markdown document.
pub fn to_markdown(doc: &PostMortem, opts: &MarkdownOptions) -> String {
    let anonymised;
    let doc = if opts.anonymise {
        anonymised = super::anonymise::anonymise(doc);
        &anonymised
    } else {
        doc
    };
    let mut md = String::new();
    if opts.front_matter {
        front_matter(&mut md, doc);
    }
    let _ = writeln!(md, "# {}\n", inline(&display_title(doc)));
    metadata(&mut md, doc);
    if !doc.context.summary.trim().is_empty() {
        long_form(&mut md, &doc.context.summary);
    }
    let mut notes = learning::Notes::default();
    for section in Section::ALL {
        if filled(doc, section, opts) {
            render(&mut md, doc, section, opts, &mut notes);
        }
    }
    notes.write(&mut md, doc);
    // Exactly one trailing newline, whatever the last block left behind.
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}
