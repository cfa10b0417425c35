//! JSON files: one post-mortem, or a whole library as one file.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{migrate, validate, LoadError, PostMortem};

pub const LIBRARY_SCHEMA: &str = "debrief/library";
pub const LIBRARY_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct LibraryFile<'a> {
    schema: &'a str,
    version: u32,
    postmortems: Vec<Value>,
}

/// Where an exported file points editors for its JSON Schema: the schema ships
/// beside the app, so a file saved next to it validates in any editor.
pub const SCHEMA_REF: &str = "postmortem.schema.json";

/// One post-mortem as a pretty-printed JSON file, `$schema` first so editors
/// that understand JSON Schema offer completion and checks. Import ignores
/// the key (it is not part of the document).
pub fn export_one(doc: &PostMortem) -> String {
    let body = crate::domain::to_json(doc);
    // The document is always a JSON object, pretty-printed as "{\n  …"; the
    // key goes in front of its first member so the struct's order is kept.
    match body.strip_prefix("{\n") {
        Some(rest) => format!("{{\n  \"$schema\": \"{SCHEMA_REF}\",\n{rest}"),
        None => body,
    }
}

/// Every post-mortem in one file.
pub fn export_library(docs: &[PostMortem]) -> String {
    let file = LibraryFile {
        schema: LIBRARY_SCHEMA,
        version: LIBRARY_VERSION,
        postmortems: docs.iter().map(crate::domain::to_value).collect(),
    };
    crate::domain::pretty(&serde_json::to_string(&file).unwrap_or_default())
}

/// Reads a file that holds either one post-mortem or a library. Nothing is
/// returned unless every document in it is sound: an import changes nothing
/// or everything.
pub fn import(text: &str) -> Result<Vec<PostMortem>, LoadError> {
    // Editors on Windows often save UTF-8 with a byte-order mark; it is not
    // part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(crate::domain::migrate::syntax)?;
    let is_library = value.get("schema").and_then(Value::as_str) == Some(LIBRARY_SCHEMA);
    if !is_library {
        let doc = migrate(value)?;
        check(&doc, "")?;
        return Ok(vec![doc]);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(LIBRARY_VERSION) => return Err(LoadError::Newer { version: v }),
        Some(v) if v >= 1 => {}
        _ => return Err(LoadError::BadVersion),
    }
    let list = match value.get("postmortems") {
        Some(Value::Array(a)) => a.clone(),
        _ => {
            return Err(LoadError::Invalid {
                path: "postmortems".into(),
                message: "expected a list of post-mortems".into(),
            })
        }
    };
    let mut docs = Vec::with_capacity(list.len());
    let mut seen = std::collections::HashSet::new();
    for (i, v) in list.into_iter().enumerate() {
        let prefix = format!("postmortems[{i}]");
        let doc = migrate(v).map_err(|e| match e {
            LoadError::Invalid { path, message } => LoadError::Invalid {
                path: format!("{prefix}.{path}"),
                message,
            },
            LoadError::WrongSchema { .. } | LoadError::BadVersion => LoadError::Invalid {
                path: prefix.clone(),
                message: e.to_string(),
            },
            other => other,
        })?;
        check(&doc, &prefix)?;
        if !seen.insert(doc.id.clone()) {
            return Err(LoadError::Invalid {
                path: format!("{prefix}.id"),
                message: format!("duplicate id \"{}\" in this file", doc.id),
            });
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn check(doc: &PostMortem, prefix: &str) -> Result<(), LoadError> {
    match validate(doc).into_iter().next() {
        None => Ok(()),
        Some(p) => Err(LoadError::Invalid {
            path: if prefix.is_empty() {
                p.path
            } else {
                format!("{prefix}.{}", p.path)
            },
            message: p.message,
        }),
    }
}
