//! PagerDuty incident log entries, as its API and its incident export give
//! them: a JSON array of entries (or an object holding one under
//! `log_entries`), each with a `type`, a `created_at` time, the `agent` who
//! acted and the `channel` it came through. Triggered, acknowledged,
//! escalated and resolved entries become events of those kinds; notes and
//! notifications come along as notes and communications; the rest as notes,
//! for the author to keep or drop.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{Import, ImportError, ImportedEvent, LeftOut};
use crate::domain::model::{EventKind, Precision};

/// The event kind of a log entry type, and the words used when the entry
/// carries no summary of its own.
fn kind_of(entry_type: &str) -> (EventKind, &'static str) {
    let t = entry_type.trim_end_matches("_reference");
    match t.trim_end_matches("_log_entry") {
        "trigger" => (EventKind::Detected, "Triggered"),
        "acknowledge" => (EventKind::Acknowledged, "Acknowledged"),
        "escalate" => (EventKind::Escalated, "Escalated"),
        "resolve" => (EventKind::Resolved, "Resolved"),
        "notify" => (EventKind::Communication, "Notified"),
        "assign" => (EventKind::Action, "Assigned"),
        "annotate" => (EventKind::Note, "Note"),
        _ => (EventKind::Note, "Logged"),
    }
}

fn text<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut v = v;
    for key in path {
        v = v.get(key)?;
    }
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// Reads PagerDuty log entries. Entries without a readable time are left
/// out with their number; a file that is not JSON, or holds no list of
/// entries, is an error.
pub fn read_pagerduty(text_in: &str) -> Result<Import, ImportError> {
    let value: Value = serde_json::from_str(text_in).map_err(|e| {
        ImportError::at(
            format!("line {}, column {}", e.line(), e.column()),
            "this is not valid JSON",
        )
    })?;
    let entries = match &value {
        Value::Array(a) => a,
        Value::Object(o) => match o.get("log_entries") {
            Some(Value::Array(a)) => a,
            _ => {
                return Err(ImportError::new(
                    "no PagerDuty log entries here (expected a list, or \"log_entries\")",
                ))
            }
        },
        _ => {
            return Err(ImportError::new(
                "no PagerDuty log entries here (expected a list)",
            ))
        }
    };
    if entries.is_empty() {
        return Err(ImportError::new("the list of log entries is empty"));
    }
    let mut import = Import::default();
    for (i, entry) in entries.iter().enumerate() {
        let at = format!("entry {}", i + 1);
        let Some(entry_type) = text(entry, &["type"]) else {
            import.left_out.push(LeftOut {
                at,
                reason: "no type".into(),
            });
            continue;
        };
        let time = text(entry, &["created_at"]).and_then(|t| DateTime::parse_from_rfc3339(t).ok());
        let Some(time) = time else {
            import.left_out.push(LeftOut {
                at,
                reason: "no readable created_at time".into(),
            });
            continue;
        };
        let (kind, verb) = kind_of(entry_type);
        let agent = text(entry, &["agent", "summary"]);
        let mut description = match text(entry, &["summary"]) {
            Some(s) => s.to_string(),
            None => match agent {
                Some(a) => format!("{verb} by {a}"),
                None => verb.to_string(),
            },
        };
        // A note's own words are in its channel; the entry's summary only
        // says that a note was added.
        if let Some(note) = text(entry, &["channel", "content"]).or_else(|| {
            (kind == EventKind::Note)
                .then(|| text(entry, &["channel", "summary"]))
                .flatten()
        }) {
            if !description.contains(note) {
                description = format!("{description}: {note}");
            }
        }
        let via = text(entry, &["channel", "type"]);
        let source = match via {
            Some(v) => format!("PagerDuty ({v})"),
            None => "PagerDuty".to_string(),
        };
        import.events.push(ImportedEvent {
            at,
            time: time.with_timezone(&Utc),
            precision: Precision::Exact,
            kind,
            description,
            source,
            ..Default::default()
        });
    }
    Ok(import.sorted())
}
