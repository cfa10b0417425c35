//! A timeline kept in a spreadsheet: one row per event with its time and
//! what happened, optionally its kind and source. A first row that names
//! the columns is recognised and used to find them in any order; without
//! one the columns are time, description, kind, source.
//!
//! Times are read by the same rules as a pasted chat log (`domain::paste`):
//! `14:10`, `2:14 PM`, `2024-05-01 14:10`, ISO 8601 with a zone, `~` for
//! approximate; time-only rows take the date of the row before them.

use chrono::{NaiveDate, NaiveDateTime};

use super::csv::{read, Record};
use super::{Import, ImportError, ImportedEvent, LeftOut};
use crate::domain::model::EventKind;
use crate::domain::paste::{guess_kind, parse_paste_with, PastedLine};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Time,
    Description,
    Kind,
    Source,
}

/// What a header cell names, if it names a column this reader uses.
fn column(name: &str) -> Option<Column> {
    let n = name.trim().to_lowercase();
    Some(match n.as_str() {
        "time" | "when" | "timestamp" | "date" | "date and time" | "datetime" | "at" => {
            Column::Time
        }
        "description" | "what" | "what happened" | "event" | "message" | "text" | "summary" => {
            Column::Description
        }
        "kind" | "type" | "event type" | "category" => Column::Kind,
        "source" | "who" | "author" | "from" | "channel" => Column::Source,
        _ => return None,
    })
}

/// A kind cell: the file's own slug (`impact_start`), the label shown in
/// the app ("Impact start"), any case; `None` for anything else.
fn kind_of(cell: &str) -> Option<EventKind> {
    let c = cell.trim().to_lowercase().replace([' ', '-'], "_");
    EventKind::ALL
        .iter()
        .copied()
        .find(|k| k.slug() == c || k.label().to_lowercase().replace(' ', "_") == c)
}

/// Reads a CSV timeline. `base_date` dates time-only rows before any dated
/// one; `offset` gives minutes east of UTC for a wall-clock time in the
/// author's zone (see `paste::parse_paste_with`).
pub fn read_timeline_csv(
    text: &str,
    base_date: NaiveDate,
    offset: impl Fn(NaiveDateTime) -> i32,
) -> Result<Import, ImportError> {
    let records = read(text).map_err(|line| {
        ImportError::at(
            format!("line {line}"),
            "a quoted cell starts here and is never closed; the file may be cut short",
        )
    })?;
    let Some(first) = records.first() else {
        return Err(ImportError::new("the file has no rows"));
    };
    let named: Vec<Option<Column>> = first.cells.iter().map(|c| column(c)).collect();
    let has_header =
        named.contains(&Some(Column::Time)) || named.contains(&Some(Column::Description));
    let find = |col: Column, default: usize| {
        if has_header {
            named.iter().position(|n| *n == Some(col))
        } else {
            Some(default)
        }
    };
    let time_col = find(Column::Time, 0).ok_or_else(|| {
        ImportError::at("line 1", "no column is called time (or when, timestamp)")
    })?;
    let desc_col = find(Column::Description, 1);
    let kind_col = find(Column::Kind, 2);
    let source_col = find(Column::Source, 3);
    let rows: &[Record] = if has_header { &records[1..] } else { &records };
    if rows.is_empty() {
        return Err(ImportError::new("the file has a header row but no events"));
    }
    let cell = |r: &Record, col: Option<usize>| {
        col.and_then(|c| r.cells.get(c))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    // The times go through the paste reader as one line per row, so a row's
    // date carries to the time-only rows after it and midnight rolls over
    // as it does in a pasted log. The `.` stands in for the text, which is
    // taken from its own cell (it may hold line breaks).
    let lines: String = rows
        .iter()
        .map(|r| format!("{} .\n", cell(r, Some(time_col)).replace(['\n', '\r'], " ")))
        .collect();
    let parsed = parse_paste_with(&lines, base_date, offset);
    let mut import = Import::default();
    for p in parsed {
        let row = &rows[p.line() - 1];
        let at = format!("line {}", row.line);
        match p {
            PastedLine::Event(c) => {
                let description = cell(row, desc_col);
                let kind_text = cell(row, kind_col);
                let kind = kind_of(&kind_text).unwrap_or_else(|| guess_kind(&description));
                import.events.push(ImportedEvent {
                    at,
                    time: c.time,
                    precision: c.precision,
                    kind,
                    description,
                    source: cell(row, source_col),
                    ..Default::default()
                });
            }
            PastedLine::Date { .. } => import.left_out.push(LeftOut {
                at,
                reason: "a date with no time of day".into(),
            }),
            PastedLine::Unreadable { .. } => {
                let time = cell(row, Some(time_col));
                import.left_out.push(LeftOut {
                    at,
                    reason: if time.is_empty() {
                        "no time".into()
                    } else {
                        format!("\"{time}\" is not a time this reader knows")
                    },
                })
            }
        }
    }
    Ok(import.sorted())
}
