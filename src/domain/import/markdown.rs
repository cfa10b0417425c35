//! Debrief's own Markdown export read back: the timeline table, the
//! contributing factors, the remediation items (table and item details)
//! and the lessons. Only this app's layout is understood (see
//! `export::markdown`), not Markdown in general: a report edited by hand
//! still reads as long as those parts keep their shape, and a line that
//! does not is named in what was left out.
//!
//! The export escapes short text for Markdown and writes long text on one
//! line, so what comes back is the text as the export showed it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::{ImportError, LeftOut};
use crate::domain::edit::sort_timeline;
use crate::domain::model::*;

/// What a Markdown export gave, each part for the author to keep or not.
/// Ids are local to this import (`md-f1`, `md-i1`); items name their factors
/// by those, and the caller gives everything fresh ids on accepting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkdownImport {
    pub title: String,
    pub events: Vec<TimelineEvent>,
    pub factors: Vec<Factor>,
    pub items: Vec<RemediationItem>,
    pub lessons: Vec<(LessonKind, String)>,
    pub left_out: Vec<LeftOut>,
}

impl MarkdownImport {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
            && self.factors.is_empty()
            && self.items.is_empty()
            && self.lessons.is_empty()
    }

    /// Adds what the author kept to `doc` and says how many entries that
    /// was. `left_out` names what was not kept, by part and position: `e3`
    /// (the fourth event), `f1`, `i2`, `l5`. Everything gets a fresh id from
    /// `new_id`; an item keeps the factors it answers only when they come
    /// along, and the timeline stays in time order.
    pub fn add_to(
        &self,
        doc: &mut PostMortem,
        left_out: &HashSet<String>,
        mut new_id: impl FnMut() -> String,
    ) -> usize {
        let keep = |k: String| !left_out.contains(&k);
        let mut n = 0;
        for (i, e) in self.events.iter().enumerate() {
            if keep(format!("e{i}")) {
                let mut e = e.clone();
                e.id = new_id();
                doc.timeline.push(e);
                n += 1;
            }
        }
        sort_timeline(&mut doc.timeline);
        let mut ids = HashMap::new();
        for (i, f) in self.factors.iter().enumerate() {
            if keep(format!("f{i}")) {
                let mut f = f.clone();
                let id = new_id();
                ids.insert(f.id.clone(), id.clone());
                f.id = id;
                doc.reason.factors.push(f);
                n += 1;
            }
        }
        for (i, item) in self.items.iter().enumerate() {
            if keep(format!("i{i}")) {
                let mut item = item.clone();
                item.id = new_id();
                item.factor_ids = item
                    .factor_ids
                    .iter()
                    .filter_map(|f| ids.get(f).cloned())
                    .collect();
                doc.remedy.items.push(item);
                n += 1;
            }
        }
        for (i, (kind, text)) in self.lessons.iter().enumerate() {
            if keep(format!("l{i}")) {
                kind.list_mut(&mut doc.lessons).push(Entry {
                    id: new_id(),
                    text: text.clone(),
                    cites: Vec::new(),
                });
                n += 1;
            }
        }
        n
    }
}

/// Tags as the export writes them: comma-separated, "—" for none.
/// A footnote's definition line (`[^3]: Timeline, …`).
fn is_footnote(line: &str) -> bool {
    line.strip_prefix("[^")
        .and_then(|r| r.split_once("]: "))
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The line without the footnote marks the export puts after a cited claim
/// (`… [^1][^2]`).
fn strip_marks(line: &str) -> &str {
    let mut rest = line;
    while let Some(before) = rest.strip_suffix(']') {
        match before.rfind("[^") {
            Some(i)
                if before[i + 2..].bytes().all(|b| b.is_ascii_digit()) && i + 2 < before.len() =>
            {
                rest = &before[..i];
            }
            _ => break,
        }
    }
    if rest.len() == line.len() {
        line
    } else {
        rest.trim_end()
    }
}

fn tags(cell: &str) -> Vec<String> {
    unescape(cell)
        .split(", ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Undoes the export's inline escaping: a backslash before ASCII
/// punctuation, and the dash that stands for an empty cell.
fn unescape(s: &str) -> String {
    let s = s.trim();
    if s == "—" {
        return String::new();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// The cells of a table row, split on pipes the export did not escape.
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?.strip_suffix('|')?;
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in inner.chars() {
        if c == '|' && !escaped {
            out.push(cell.trim().to_string());
            cell.clear();
        } else {
            cell.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    out.push(cell.trim().to_string());
    Some(out)
}

/// `[label](url)`: the label and the URL with the export's
/// percent-encoding of link-breaking characters undone.
fn link_parts(s: &str) -> Option<(String, String)> {
    let s = s.trim();
    let rest = s.strip_prefix('[')?;
    let mid = rest.rfind("](")?;
    let url = rest[mid + 2..].strip_suffix(')')?;
    let mut decoded = url.to_string();
    for (code, c) in [
        ("%28", "("),
        ("%29", ")"),
        ("%3C", "<"),
        ("%3E", ">"),
        ("%5B", "["),
        ("%5D", "]"),
        ("%7C", "|"),
        ("%5C", "\\"),
        ("%60", "`"),
        ("%22", "\""),
    ] {
        decoded = decoded.replace(code, c);
    }
    Some((unescape(&rest[..mid]), decoded))
}

/// An event's source cell: `[source](url)`, `source (text)`, or a dash.
fn source(cell: &str) -> String {
    if let Some((_, url)) = link_parts(cell) {
        return url;
    }
    match cell
        .trim()
        .strip_prefix("source (")
        .and_then(|r| r.strip_suffix(')'))
    {
        Some(text) => unescape(text),
        None => unescape(cell),
    }
}

fn event_time(cell: &str) -> Option<(Option<DateTime<Utc>>, Precision)> {
    let c = cell.trim();
    if c == "unknown" {
        return Some((None, Precision::Unknown));
    }
    let (precision, t) = match c.strip_prefix('≈') {
        Some(rest) => (Precision::Approximate, rest.trim()),
        None => (Precision::Exact, c),
    };
    let t = t.trim_end_matches(" UTC");
    let naive = crate::domain::datefmt::parse_ymd_hm(t, ' ')?;
    Some((Some(naive.and_utc()), precision))
}

fn by_label<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str, text: &str) -> Option<T> {
    all.iter().copied().find(|v| label(*v) == text.trim())
}

fn lesson_kind(heading: &str) -> Option<LessonKind> {
    LessonKind::ALL
        .into_iter()
        .find(|k| k.heading() == heading.trim())
}

/// Which part of the report a line is in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Other,
    Timeline,
    Factors,
    Remedy,
    Details,
    Lesson(LessonKind),
}

/// Reads a Debrief Markdown export. A file with none of the parts this
/// reads is an error; inside them, a line that does not fit is left out
/// with its number.
pub fn read_markdown(text: &str) -> Result<MarkdownImport, ImportError> {
    let mut out = MarkdownImport::default();
    let mut part = Part::Other;
    let mut header: Vec<String> = Vec::new();
    // Item details name factors by their text; matched once all are read.
    let mut answers: Vec<(usize, String)> = Vec::new();
    let mut seen_debrief = false;
    let mut in_front_matter = false;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        if n == 0 && line == "---" {
            in_front_matter = true;
            continue;
        }
        if in_front_matter {
            in_front_matter = line != "---";
            continue;
        }
        let left = |out: &mut MarkdownImport, reason: &str| {
            out.left_out.push(LeftOut {
                at: format!("line {line_no}"),
                reason: reason.to_string(),
            })
        };
        if let Some(h) = line.strip_prefix("# ") {
            if out.title.is_empty() {
                out.title = unescape(h);
            }
            continue;
        }
        if let Some(h) = line.strip_prefix("## ") {
            header.clear();
            part = match h.trim() {
                "Timeline" => Part::Timeline,
                "Remedy" => Part::Remedy,
                _ => Part::Other,
            };
            if matches!(h.trim(), "Timeline" | "Remedy" | "Lessons" | "Reason") {
                seen_debrief = true;
            }
            continue;
        }
        if let Some(h) = line.strip_prefix("### ") {
            header.clear();
            part = if h.trim() == "Contributing factors" {
                Part::Factors
            } else if let Some(k) = lesson_kind(h) {
                Part::Lesson(k)
            } else {
                Part::Other
            };
            continue;
        }
        if line.trim() == "**Item details**" && part == Part::Remedy {
            part = Part::Details;
            continue;
        }
        // Footnotes carry the cites of factors, lessons and decisions: what
        // they point at is not read back, only the claims themselves.
        if line.trim().is_empty() || is_footnote(line) {
            continue;
        }
        let line = strip_marks(line);
        match part {
            Part::Other => {}
            Part::Timeline | Part::Remedy => {
                let Some(row) = cells(line) else {
                    continue;
                };
                if header.is_empty() {
                    header = row;
                    continue;
                }
                if row.iter().all(|c| c.chars().all(|c| c == '-' || c == ':')) {
                    continue;
                }
                let col = |name: &str| {
                    header
                        .iter()
                        .position(|h| h == name)
                        .and_then(|i| row.get(i))
                        .map(String::as_str)
                        .unwrap_or("—")
                };
                if part == Part::Timeline {
                    let Some((time, precision)) = event_time(col("Time (UTC)")) else {
                        left(&mut out, "the time is not one this reader knows");
                        continue;
                    };
                    let Some(kind) = by_label(&EventKind::ALL, EventKind::label, col("Kind"))
                    else {
                        left(&mut out, "the kind is not one Debrief writes");
                        continue;
                    };
                    let event = TimelineEvent {
                        id: format!("md-e{}", out.events.len() + 1),
                        time,
                        precision,
                        kind,
                        description: unescape(col("What happened")),
                        source: source(col("Source")),
                        tags: tags(col("Tags")),
                        decision: None,
                    };
                    out.events.push(event);
                } else {
                    let action = unescape(col("Action"));
                    if action.is_empty() {
                        left(&mut out, "a remediation item without an action");
                        continue;
                    }
                    let status_cell = col("Status").trim_end_matches(" (overdue)");
                    let ticket = match link_parts(col("Ticket")) {
                        Some((label, _)) => label,
                        None => unescape(col("Ticket")),
                    };
                    out.items.push(RemediationItem {
                        id: format!("md-i{}", out.items.len() + 1),
                        action,
                        owner: unescape(col("Owner")),
                        due: crate::domain::datefmt::parse_ymd(col("Due")),
                        priority: by_label(&Priority::ALL, Priority::label, col("Priority")),
                        ticket,
                        status: by_label(&ItemStatus::ALL, ItemStatus::label, status_cell)
                            .unwrap_or_default(),
                        kind: by_label(&ItemKind::ALL, ItemKind::label, col("Kind")),
                        agreed: col("Agreed") == "yes",
                        ..Default::default()
                    });
                }
            }
            Part::Factors => {
                let Some(item) = line.strip_prefix("- ") else {
                    left(&mut out, "not a list entry");
                    continue;
                };
                let (category, description) =
                    match item.strip_prefix("**").and_then(|r| r.split_once("**: ")) {
                        Some((label, rest)) => (
                            by_label(&FactorCategory::ALL, FactorCategory::label, label),
                            rest,
                        ),
                        None => (None, item),
                    };
                // The export writes a factor's tags after it: "… (tags: a, b)".
                let (description, tag_text) = match description.rsplit_once(" (tags: ") {
                    Some((d, t)) if t.ends_with(')') => (d, &t[..t.len() - 1]),
                    _ => (description, "—"),
                };
                let factor = Factor {
                    id: format!("md-f{}", out.factors.len() + 1),
                    description: unescape(description),
                    category,
                    tags: tags(tag_text),
                    cites: Vec::new(),
                };
                out.factors.push(factor);
            }
            Part::Lesson(kind) => match line.strip_prefix("- ") {
                Some(t) => out.lessons.push((kind, unescape(t))),
                None => left(&mut out, "not a list entry"),
            },
            Part::Details => {
                let Some((num, rest)) = line.split_once(". ") else {
                    left(&mut out, "not an item detail");
                    continue;
                };
                let Some(item) = num
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| i.checked_sub(1))
                    .and_then(|i| out.items.get_mut(i))
                else {
                    left(&mut out, "details for an item that is not in the table");
                    continue;
                };
                details(
                    item,
                    rest,
                    &mut answers,
                    num.parse::<usize>().unwrap_or(1) - 1,
                );
            }
        }
    }
    if !seen_debrief {
        return Err(ImportError::new(
            "this is not a Debrief Markdown export (no Timeline, Reason, Remedy or Lessons section)",
        ));
    }
    for (i, text) in answers {
        let ids: Vec<String> = out
            .factors
            .iter()
            .filter(|f| !f.description.is_empty() && text.contains(&f.description))
            .map(|f| f.id.clone())
            .collect();
        out.items[i].factor_ids = ids;
    }
    Ok(out)
}

/// The labels item details start with, in the order the export writes them.
const DETAILS: [&str; 6] = [
    "answers: ",
    "measure: ",
    "why: ",
    "risk accepted by ",
    "cost and benefit: ",
    "completed ",
];

/// One "N. answers: …; measure: …" line into its item. Parts are split
/// where "; " is followed by the next label, so a semicolon inside the
/// author's text stays in it.
fn details(
    item: &mut RemediationItem,
    rest: &str,
    answers: &mut Vec<(usize, String)>,
    index: usize,
) {
    let mut rest = rest;
    let mut label_at = DETAILS.iter().position(|l| rest.starts_with(l));
    while let Some(l) = label_at {
        let body = &rest[DETAILS[l].len()..];
        // The next part is the first later label that follows a "; ".
        let next = DETAILS[l + 1..]
            .iter()
            .enumerate()
            .filter_map(|(k, label)| body.find(&format!("; {label}")).map(|at| (at, l + 1 + k)))
            .min();
        let (value, after) = match next {
            Some((at, k)) => (&body[..at], Some((k, &body[at + 2..]))),
            None => (body, None),
        };
        match l {
            0 => answers.push((index, unescape(value))),
            1 => item.measure = unescape(value),
            2 => item.status_reason = unescape(value),
            3 => item.accepted_by = unescape(value),
            4 => item.cost_benefit = unescape(value),
            _ => item.completed = crate::domain::datefmt::parse_ymd(value.trim()),
        }
        match after {
            Some((k, r)) => {
                rest = r;
                label_at = Some(k);
            }
            None => label_at = None,
        }
    }
}
