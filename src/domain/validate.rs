//! Checks a parsed document makes sense beyond its shape: ids present and
//! unique, times in order, sizes within reason. Each problem names its JSON path.

use std::collections::HashSet;

use super::model::{HasId, PostMortem};

/// Longest single text value accepted (a pasted chat log can be long; a
/// megabyte-sized title is an attack or an accident).
pub const MAX_TEXT: usize = 200_000;
/// Most items accepted in any one list.
pub const MAX_ITEMS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

fn ids<T: HasId>(path: &str, list: &[T], out: &mut Vec<Problem>) {
    if list.len() > MAX_ITEMS {
        out.push(Problem {
            path: path.into(),
            message: format!("more than {MAX_ITEMS} entries"),
        });
    }
    let mut seen = HashSet::new();
    for (i, item) in list.iter().enumerate() {
        if item.id().is_empty() {
            out.push(Problem {
                path: format!("{path}[{i}].id"),
                message: "must not be empty".into(),
            });
        } else if !seen.insert(item.id()) {
            out.push(Problem {
                path: format!("{path}[{i}].id"),
                message: format!("duplicate id \"{}\"", item.id()),
            });
        }
    }
}

/// Gives every list entry a non-empty id that no other entry in its list has.
/// The first entry holding an id keeps it; later copies and empty ids get a
/// new one (`<id>-2`, `<id>-3`, …), so every entry keeps its text and can be
/// edited on its own. Returns how many ids changed.
///
/// Lists are drawn and edited by id, so two entries sharing one would show
/// the first entry's text twice and send edits of the second to the first.
/// Files are refused on import for this (see `validate`), but a draft already
/// in the browser's storage is the user's own work and is repaired instead.
/// Remedy items linked to a duplicated factor stay linked to the first one.
pub fn repair_ids(doc: &mut PostMortem) -> usize {
    let mut changed = 0;
    changed += unique_ids(ids_of(&mut doc.context.people), "person");
    changed += unique_ids(ids_of(&mut doc.context.links), "link");
    changed += unique_ids(ids_of(&mut doc.reason.factors), "factor");
    changed += unique_ids(ids_of(&mut doc.timeline), "event");
    changed += unique_ids(ids_of(&mut doc.remedy.items), "item");
    changed += unique_ids(ids_of(&mut doc.questions), "question");
    changed += unique_ids(ids_of(&mut doc.meeting.dissent), "dissent");
    changed += unique_ids(ids_of(&mut doc.evidence.conversations), "conversation");
    changed += unique_ids(ids_of(&mut doc.evidence.materials), "material");
    let l = &mut doc.lessons;
    for list in [
        &mut l.helped,
        &mut l.slowed,
        &mut l.differently,
        &mut l.learned,
        &mut l.lucky,
        &mut l.expertise,
        &mut l.signals,
    ] {
        changed += unique_ids(ids_of(list), "lesson");
    }
    changed
}

/// The id of every entry of a list, to be changed in place.
fn ids_of<T: HasId>(list: &mut [T]) -> Vec<&mut String> {
    list.iter_mut().map(HasId::id_mut).collect()
}

// Takes the ids rather than the entries so that this runs as one function for
// every kind of list, not as a copy per entry type.
fn unique_ids(mut ids: Vec<&mut String>, fallback: &str) -> usize {
    // Every id already in the list is reserved first, so a new id never takes
    // one that a later entry legitimately holds.
    let mut taken: HashSet<String> = ids.iter().map(|id| id.to_string()).collect();
    let mut kept: HashSet<String> = HashSet::new();
    let mut changed = 0;
    for id in ids.iter_mut() {
        if !id.is_empty() && kept.insert(id.to_string()) {
            continue;
        }
        let base = if id.is_empty() {
            fallback.to_string()
        } else {
            id.to_string()
        };
        let fresh = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !taken.contains(c))
            .unwrap_or_default();
        taken.insert(fresh.clone());
        kept.insert(fresh.clone());
        **id = fresh;
        changed += 1;
    }
    changed
}

/// Returns every problem found; an empty list means the document is sound.
pub fn validate(doc: &PostMortem) -> Vec<Problem> {
    let mut out = Vec::new();
    if doc.id.trim().is_empty() {
        out.push(Problem {
            path: "id".into(),
            message: "must not be empty".into(),
        });
    }
    let c = &doc.context;
    if let (Some(s), Some(e)) = (c.started, c.ended) {
        if e < s {
            out.push(Problem {
                path: "context.ended".into(),
                message: "is before context.started".into(),
            });
        }
    }
    ids("context.people", &c.people, &mut out);
    ids("context.links", &c.links, &mut out);
    ids("reason.factors", &doc.reason.factors, &mut out);
    ids("timeline", &doc.timeline, &mut out);
    ids("remedy.items", &doc.remedy.items, &mut out);
    ids("questions", &doc.questions, &mut out);
    ids("meeting.dissent", &doc.meeting.dissent, &mut out);
    ids(
        "evidence.conversations",
        &doc.evidence.conversations,
        &mut out,
    );
    ids("evidence.materials", &doc.evidence.materials, &mut out);
    let l = &doc.lessons;
    for (name, list) in [
        ("helped", &l.helped),
        ("slowed", &l.slowed),
        ("differently", &l.differently),
        ("learned", &l.learned),
        ("lucky", &l.lucky),
        ("expertise", &l.expertise),
        ("signals", &l.signals),
    ] {
        ids(&format!("lessons.{name}"), list, &mut out);
    }
    let factor_ids: HashSet<&str> = doc.reason.factors.iter().map(|f| f.id.as_str()).collect();
    for (i, item) in doc.remedy.items.iter().enumerate() {
        for (j, f) in item.factor_ids.iter().enumerate() {
            if !factor_ids.contains(f.as_str()) {
                out.push(Problem {
                    path: format!("remedy.items[{i}].factor_ids[{j}]"),
                    message: format!("no contributing factor has id \"{f}\""),
                });
            }
        }
    }
    // Walk every string once for size, with its path, via the JSON form: the
    // document was just parsed from JSON, so this is cheap relative to import.
    long_strings(&super::to_value(doc), &mut String::new(), &mut out);
    out
}

fn long_strings(v: &serde_json::Value, path: &mut String, out: &mut Vec<Problem>) {
    use serde_json::Value;
    match v {
        Value::String(s) if s.len() > MAX_TEXT => out.push(Problem {
            path: path.clone(),
            message: format!("text longer than {MAX_TEXT} characters"),
        }),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                long_strings(x, path, out);
                path.truncate(len);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                long_strings(x, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}
