//! Floor 1: the post-mortem as plain data and the pure functions over it.
//! Nothing here touches the browser, so all of it is tested natively.

pub mod chart;
pub mod choice;
pub mod cite;
pub mod completeness;
pub mod datefmt;
pub mod disclosure;
pub mod durations;
pub mod edit;
pub mod example;
pub mod facilitation;
pub mod hints;
pub mod history;
pub mod import;
pub mod insights;
pub mod meeting;
pub mod migrate;
pub mod model;
pub mod naming;
pub mod paste;
pub mod scope;
pub mod smart;
pub mod sort;
pub mod template;
pub mod validate;
pub mod zone;

pub use choice::{optional_slug, Choice};
pub use edit::{apply, Edit, Field, ListEdit};
pub use migrate::{migrate, parse, LoadError};
pub use model::*;
pub use naming::display_title;
pub use scope::{ListKind, Scope};
pub use template::new_postmortem;
pub use validate::{repair_ids, validate, Problem};

/// Serialises a document as compact JSON. Infallible for this data: every map
/// key is a string and no value is a non-finite float.
///
/// Every serialisation of a document goes through this one function. serde
/// compiles a copy of the whole model's serialisation code for each output
/// format it is used with (compact text, pretty text, `serde_json::Value`);
/// deriving the other two forms from this one keeps a single copy in the
/// WebAssembly download.
pub fn to_compact(doc: &PostMortem) -> String {
    serde_json::to_string(doc).unwrap_or_default()
}

/// The document as a JSON value (keys sorted), for code that walks it by path.
pub fn to_value(doc: &PostMortem) -> serde_json::Value {
    serde_json::from_str(&to_compact(doc)).unwrap_or(serde_json::Value::Null)
}

/// Serialises a document as pretty JSON, fields in the model's order.
pub fn to_json(doc: &PostMortem) -> String {
    pretty(&to_compact(doc))
}

/// Re-indents compact JSON exactly as `serde_json::to_string_pretty` would
/// write it (two spaces, `": "`, empty `[]` and `{}` kept on one line). The
/// input must be compact JSON as serde_json writes it: no whitespace outside
/// strings.
pub fn pretty(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() + compact.len() / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    for (i, c) in compact.char_indices() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if !matches!(bytes.get(i + 1), Some(b'}' | b']')) {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                if !matches!(i.checked_sub(1).map(|p| bytes[p]), Some(b'{' | b'[')) {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                }
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}
