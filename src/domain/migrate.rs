//! Reading documents: schema check, migrations from every older version, and
//! errors that say what is wrong and where (a JSON path), never a panic.

use std::fmt;

use serde_json::Value;

use super::model::{PostMortem, SCHEMA, VERSION};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Debrief post-mortem.
    WrongSchema { found: Option<String> },
    /// Written by a newer Debrief; opening it here would lose what this build
    /// does not understand.
    Newer { version: u64 },
    /// The `version` field is missing or not a positive whole number.
    BadVersion,
    /// A value has the wrong shape: `path` is a JSON path like `timeline[3].time`.
    Invalid { path: String, message: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax { line, column, message } => {
                write!(f, "not valid JSON (line {line}, column {column}): {message}")
            }
            LoadError::WrongSchema { found: Some(s) } => {
                write!(f, "not a Debrief post-mortem (schema is \"{s}\", expected \"{SCHEMA}\")")
            }
            LoadError::WrongSchema { found: None } => {
                write!(f, "not a Debrief post-mortem (no \"schema\": \"{SCHEMA}\" field)")
            }
            LoadError::Newer { version } => write!(
                f,
                "written by a newer version of Debrief (format version {version}; this one reads up to {VERSION}). Open it in the newer version, or update this one."
            ),
            LoadError::BadVersion => write!(f, "version: must be a whole number from 1 to {VERSION}"),
            LoadError::Invalid { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Upgrades a document of version `n` to `n + 1`. Index 0 upgrades version 1.
/// Every bump of `VERSION` adds a step here, so a document of any older
/// version reaches the current one.
type Step = fn(Value) -> Value;
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3, v3_to_v4];
// One step per older version: a bump of `VERSION` without its step would
// make `migrate` slice past the end for a current file.
const _: () = assert!(STEPS.len() == VERSION as usize - 1);

/// Version 2 lets a factor's category and an item's priority and kind stay
/// unset. In version 1 a missing one meant technology, P2 and prevent, so
/// those are written out: an old file keeps its meaning. Values of the wrong
/// shape are left alone for the typed read to report with their path.
fn v1_to_v2(mut value: Value) -> Value {
    let text = |s: &str| Value::from(s);
    fill(
        &mut value,
        &["reason", "factors"],
        &[("category", text("technology"))],
    );
    fill(
        &mut value,
        &["remedy", "items"],
        &[("priority", text("p2")), ("kind", text("prevent"))],
    );
    value
}

/// Version 3 gives factors and timeline events tags of their own. Nothing
/// older had them, so every factor and event starts with none: written out,
/// so the file says what it means rather than leaning on a default.
fn v2_to_v3(mut value: Value) -> Value {
    let none = || Value::Array(Vec::new());
    fill(&mut value, &["reason", "factors"], &[("tags", none())]);
    fill(&mut value, &["timeline"], &[("tags", none())]);
    value
}

/// Version 4 adds a learning review: accounts, decision points on timeline
/// events, and cites from factors and lessons to their evidence. Nothing
/// older had any, so each is written out empty. A full review also shows
/// the new Accounts section (after the timeline, where a full review lists
/// every section), so an author opening an older review finds it there;
/// a quick or near-miss review keeps the sections it had.
fn v3_to_v4(mut value: Value) -> Value {
    let none = || Value::Array(Vec::new());
    fill(&mut value, &["reason", "factors"], &[("cites", none())]);
    fill(&mut value, &["timeline"], &[("decision", Value::Null)]);
    // The lists as version 3 named them: a migration describes the old
    // format, so it does not follow later renames in the model.
    for list in [
        "helped",
        "slowed",
        "differently",
        "learned",
        "lucky",
        "expertise",
        "signals",
    ] {
        fill(&mut value, &["lessons", list], &[("cites", none())]);
    }
    let Some(root) = value.as_object_mut() else {
        return value;
    };
    root.entry("accounts").or_insert_with(none);
    let full = root
        .get("template")
        .and_then(Value::as_str)
        .is_none_or(|t| t == "full");
    if let Some(Value::Array(sections)) = root.get_mut("sections") {
        let shows_timeline = sections.iter().any(|s| s == "timeline");
        let has = sections.iter().any(|s| s == "accounts");
        if full && shows_timeline && !has {
            let at = sections
                .iter()
                .position(|s| s == "timeline")
                .map_or(sections.len(), |i| i + 1);
            sections.insert(at, Value::from("accounts"));
        }
    }
    value
}

/// Gives every object in the list at `path` the `defaults` it lacks.
fn fill(doc: &mut Value, path: &[&str], defaults: &[(&str, Value)]) {
    let mut at = Some(doc);
    for key in path {
        at = at.and_then(|v| v.get_mut(*key));
    }
    let Some(list) = at.and_then(Value::as_array_mut) else {
        return;
    };
    for entry in list.iter_mut().filter_map(Value::as_object_mut) {
        for (key, old_default) in defaults {
            entry.entry(*key).or_insert_with(|| old_default.clone());
        }
    }
}

/// Parses text into a post-mortem of the current version.
pub fn parse(text: &str) -> Result<PostMortem, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(syntax)?;
    migrate(value)
}

pub(crate) fn syntax(e: serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    }
}

fn strip_position(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

/// The migration entry point: checks schema and version, runs every step from
/// the document's version to the current one, then reads the typed document.
pub fn migrate(mut value: Value) -> Result<PostMortem, LoadError> {
    let obj = value
        .as_object()
        .ok_or(LoadError::WrongSchema { found: None })?;
    match obj.get("schema") {
        Some(Value::String(s)) if s == SCHEMA => {}
        Some(Value::String(s)) => {
            return Err(LoadError::WrongSchema {
                found: Some(s.clone()),
            })
        }
        _ => return Err(LoadError::WrongSchema { found: None }),
    }
    let version = obj
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(LoadError::BadVersion)?;
    if version == 0 {
        return Err(LoadError::BadVersion);
    }
    if version > u64::from(VERSION) {
        return Err(LoadError::Newer { version });
    }
    for step in &STEPS[(version as usize - 1)..] {
        value = step(value);
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("version".into(), Value::from(VERSION));
    }
    read_typed(&value)
}

/// Reads the typed document from a JSON value. It goes through text on
/// purpose: serde_json reports a line and column there, which `path_at`
/// turns into a JSON path. (A path-tracking deserializer would do the same
/// job but costs a large share of the app's download.)
pub fn read_typed(value: &Value) -> Result<PostMortem, LoadError> {
    let text = serde_json::to_string(value).map_err(|e| LoadError::Invalid {
        path: ".".into(),
        message: e.to_string(),
    })?;
    serde_json::from_str::<PostMortem>(&text).map_err(|e| {
        let path = path_at(&text, e.line(), e.column());
        let message = friendly(&path, &strip_position(&e.to_string()));
        LoadError::Invalid { path, message }
    })
}

/// The JSON path (`timeline[3].time`) of the value at a 1-based line and
/// column of `text`: a small scan that tracks the open objects and arrays,
/// the key being read in each object and the index in each array.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object {
            key: Option<String>,
            awaiting_key: bool,
        },
        Array {
            index: usize,
        },
    }
    // Byte offset of the position.
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            offset += column.min(l.len());
            break;
        }
        offset += l.len();
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                awaiting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, awaiting_key }) => {
                    *key = None;
                    *awaiting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, awaiting_key }) = stack.last_mut() {
                    if *awaiting_key {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                        *awaiting_key = false;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

/// Turns serde's and chrono's wording into something a person can act on,
/// naming the form the field expects: a few fields hold a calendar day, the
/// rest a moment in time.
fn friendly(path: &str, message: &str) -> String {
    const DAY_FIELDS: [&str; 5] = [
        "due",
        "completed",
        "next_review",
        "learning_date",
        "actions_date",
    ];
    let field = path.rsplit('.').next().unwrap_or(path);
    let (what, expected) = if DAY_FIELDS.contains(&field) {
        ("a date", "YYYY-MM-DD, e.g. 2024-05-01")
    } else {
        ("a date and time", "RFC 3339, e.g. 2024-05-01T14:10:00Z")
    };
    let malformed = [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough",
    ];
    let impossible = ["input is out of range", "no possible date and time"];
    if malformed.iter().any(|m| message.contains(m)) {
        format!("not {what} (expected {expected})")
    } else if impossible.iter().any(|m| message.contains(m)) {
        format!("not {what} that exists, such as a 13th month or a 25th hour (expected {expected})")
    } else {
        message.to_string()
    }
}
