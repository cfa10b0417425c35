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
/// Empty while version 1 is the only one; every future bump adds a step here,
/// so a document of any older version reaches the current one.
type Step = fn(Value) -> Value;
const STEPS: &[Step] = &[];

/// Parses text into a post-mortem of the current version.
pub fn parse(text: &str) -> Result<PostMortem, LoadError> {
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
    let doc: PostMortem = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = strip_position(&e.into_inner().to_string());
        LoadError::Invalid {
            path,
            message: friendly(&message),
        }
    })?;
    Ok(doc)
}

/// Turns serde's wording into something a person can act on.
fn friendly(message: &str) -> String {
    if message.contains("input contains invalid characters")
        || message.contains("premature end of input")
    {
        return "not a date and time (expected RFC 3339, e.g. 2024-05-01T14:10:00Z)".into();
    }
    message.to_string()
}
