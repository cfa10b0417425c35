//! Dates, times and numbers as the export writes them, and the head of the
//! document: YAML front matter and the metadata table.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::domain::model::*;
use crate::domain::naming::display_title;

use super::escape::{has, inline, table};

pub(super) fn utc(t: DateTime<Utc>) -> String {
    if t.second() == 0 {
        format!("{} UTC", crate::domain::datefmt::ymd_hm(t.naive_utc()))
    } else {
        format!("{} UTC", crate::domain::datefmt::ymd_hms(t.naive_utc()))
    }
}

pub(super) fn event_time(e: &TimelineEvent) -> String {
    match (e.time, e.precision) {
        (None, _) | (_, Precision::Unknown) => "unknown".into(),
        (Some(t), Precision::Approximate) => format!("≈ {}", utc(t).trim_end_matches(" UTC")),
        (Some(t), Precision::Exact) => utc(t).trim_end_matches(" UTC").to_string(),
    }
}

pub(super) fn date(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::datefmt::ymd)
        .unwrap_or_else(|| "—".into())
}

/// Groups digits in threes so large counts read at a glance.
pub(crate) fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // YAML counts these as line breaks, and control characters are
            // not allowed raw: both go out as escapes.
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn front_matter(md: &mut String, doc: &PostMortem) {
    let c = &doc.context;
    md.push_str("---\n");
    let _ = writeln!(md, "title: {}", yaml_string(&display_title(doc)));
    if let Some(t) = c.started {
        let _ = writeln!(
            md,
            "start: {}",
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    if let Some(t) = c.ended {
        let _ = writeln!(
            md,
            "end: {}",
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    if let Some(s) = c.severity {
        let _ = writeln!(md, "severity: {}", yaml_string(s.short()));
    }
    let tags: Vec<String> = c.tags.iter().map(|t| yaml_string(t)).collect();
    let _ = writeln!(md, "tags: [{}]", tags.join(", "));
    md.push_str("---\n\n");
}

pub(super) fn metadata(md: &mut String, doc: &PostMortem) {
    let c = &doc.context;
    let list = |v: &[String]| {
        let parts: Vec<String> = v
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| inline(s))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    // Only what is known: a row of "not set" tells a reader nothing.
    let rows: Vec<Vec<String>> = [
        ("Severity", c.severity.map(|s| s.label().to_string())),
        ("Status", Some(c.status.label().to_string())),
        ("Start", c.started.map(utc)),
        ("End", c.ended.map(utc)),
        ("Time zone", has(&c.time_zone).then(|| inline(&c.time_zone))),
        ("Services", list(&c.services)),
        ("Tags", list(&c.tags)),
    ]
    .into_iter()
    .filter_map(|(field, value)| Some(vec![field.to_string(), value?]))
    .collect();
    table(md, &["Field", "Value"], &rows);
}
