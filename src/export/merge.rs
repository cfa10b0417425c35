//! Combining two drafts of the same incident, offline.
//!
//! Lists are matched item by item: first by id (the same draft exported to
//! two people), then by equal text (two people who each wrote down the same
//! lesson). Timeline events also match when they are the same moment told
//! twice: same kind, times within a minute, similar wording. Everything that
//! only one side has is kept. A text both sides filled in differently is not
//! decided here: the merged document keeps ours and the difference comes back
//! as a `Conflict` for the people to settle with `resolve`.
//!
//! The field-by-field merge runs over the JSON form of the documents, so a
//! field added to the model later is merged without being listed here.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use crate::domain::edit::sort_timeline;
use crate::domain::model::*;

/// A value both drafts set differently (texts that differ only in case or
/// spacing count as equal). `ours` and `theirs` are the values as
/// text: the text itself for text fields, JSON for numbers and flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Where, as a path in the document whose list steps name the item's id:
    /// `context.title`, `questions[id="q-people-2"].answer`.
    pub field_key: String,
    pub ours: String,
    pub theirs: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Ours,
    Theirs,
    /// Both texts, ours first. Only for text fields.
    Both,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    /// The place no longer exists (the item was deleted since the merge).
    NotFound(String),
    /// `Both` asked of a value that is not text (a number, a severity…).
    CannotCombine(String),
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::NotFound(k) => write!(f, "{k}: no longer in the document"),
            ResolveError::CannotCombine(k) => {
                write!(f, "{k}: only one of the two values can be kept")
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Root fields that identify and date *our* copy: never merged, never a conflict.
const OURS_ONLY: &[&str] = &[
    "schema", "version", "id", "created", "updated", "exported", "template",
];

/// Merges `theirs` into `ours`. The result keeps ours wherever the two
/// disagree; each disagreement is listed once, in a stable order (the
/// document walked with its keys sorted).
pub fn merge(ours: &PostMortem, theirs: &PostMortem) -> (PostMortem, Vec<Conflict>) {
    let mut ours = ours.clone();
    let mut theirs = theirs.clone();
    align_lists(&ours, &mut theirs);
    let events = dedupe_timeline(&mut ours, &mut theirs);
    follow(&mut theirs, CiteKind::Event, &events);

    let (mut merged, theirs_v) = (
        crate::domain::to_value(&ours),
        crate::domain::to_value(&theirs),
    );
    let mut conflicts = Vec::new();
    if let (Value::Object(o), Value::Object(t)) = (&mut merged, &theirs_v) {
        for (k, tv) in t {
            if OURS_ONLY.contains(&k.as_str()) {
                continue;
            }
            match o.get_mut(k) {
                Some(ov) => merge_value(k, k, ov, tv, &mut conflicts),
                None => {
                    o.insert(k.clone(), tv.clone());
                }
            }
        }
    }
    let mut doc: PostMortem = match crate::domain::migrate::read_typed(&merged) {
        Ok(d) => d,
        // Both inputs are documents of this schema and the merge only moves
        // their own values around, so this is not expected; if it happens,
        // ours is kept untouched rather than a half-merged document.
        Err(_) => return (ours, Vec::new()),
    };
    sort_timeline(&mut doc.timeline);
    crate::domain::sort::sort(&mut doc.sections);
    doc.sections.dedup();
    crate::domain::sort::sort(&mut doc.basics_ticked);
    doc.basics_ticked.dedup();
    (doc, conflicts)
}

/// Applies the people's choice for one conflict. On error the document is
/// left unchanged.
pub fn resolve(
    doc: &mut PostMortem,
    conflict: &Conflict,
    choice: Choice,
) -> Result<(), ResolveError> {
    let not_found = || ResolveError::NotFound(conflict.field_key.clone());
    let steps = parse_path(&conflict.field_key).ok_or_else(not_found)?;
    let mut value = crate::domain::to_value(doc);
    let slot = locate(&mut value, &steps).ok_or_else(not_found)?;
    let is_text = slot.is_string();
    let chosen = match choice {
        Choice::Ours => &conflict.ours,
        Choice::Theirs => &conflict.theirs,
        Choice::Both => {
            if !is_text {
                return Err(ResolveError::CannotCombine(conflict.field_key.clone()));
            }
            let joined = if conflict.ours.contains('\n') || conflict.theirs.contains('\n') {
                format!(
                    "{}\n\n{}",
                    conflict.ours.trim_end(),
                    conflict.theirs.trim_start()
                )
            } else {
                format!("{} / {}", conflict.ours.trim(), conflict.theirs.trim())
            };
            *slot = Value::String(joined);
            return finish(doc, value, conflict);
        }
    };
    *slot = if is_text {
        Value::String(chosen.clone())
    } else {
        serde_json::from_str(chosen)
            .map_err(|_| ResolveError::CannotCombine(conflict.field_key.clone()))?
    };
    finish(doc, value, conflict)
}

fn finish(doc: &mut PostMortem, value: Value, conflict: &Conflict) -> Result<(), ResolveError> {
    match crate::domain::migrate::read_typed(&value) {
        Ok(d) => {
            *doc = d;
            Ok(())
        }
        // E.g. `Both` of two severities, which is text in JSON but no severity.
        Err(_) => Err(ResolveError::CannotCombine(conflict.field_key.clone())),
    }
}

// ---------------------------------------------------------------- paths

#[derive(Debug, PartialEq)]
enum Step {
    Key(String),
    Id(String),
}

fn id_step(id: &str) -> String {
    format!("[id={}]", Value::String(id.to_string()))
}

/// Reads `a.b[id="x"].c`; ids are JSON strings so any id reads back exactly.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("[id=") {
            let mut de = serde_json::Deserializer::from_str(after).into_iter::<String>();
            let id = de.next()?.ok()?;
            let used = de.byte_offset();
            rest = after[used..].strip_prefix(']')?;
            steps.push(Step::Id(id));
        } else {
            rest = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            steps.push(Step::Key(rest[..end].to_string()));
            rest = &rest[end..];
        }
    }
    Some(steps)
}

fn locate<'a>(mut v: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    for step in steps {
        v = match step {
            Step::Key(k) => v.as_object_mut()?.get_mut(k)?,
            Step::Id(id) => v
                .as_array_mut()?
                .iter_mut()
                .find(|x| x.get("id").and_then(Value::as_str) == Some(id.as_str()))?,
        };
    }
    Some(v)
}

// ---------------------------------------------------------------- values

/// Values that mean "nobody filled this in": the other side's value is taken
/// without a conflict.
fn is_unset(key: &str, v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => {
            s.trim().is_empty()
                || matches!(
                    (key, s.as_str()),
                    ("state", "open") | ("status", "draft") | ("review_role", "participant")
                )
        }
        Value::Bool(b) => !b,
        _ => false,
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_id_list(a: &[Value]) -> bool {
    a.iter().all(|x| x.get("id").is_some_and(Value::is_string))
}

fn merge_value(path: &str, key: &str, o: &mut Value, t: &Value, out: &mut Vec<Conflict>) {
    match (o, t) {
        (Value::Object(o), Value::Object(t)) => merge_object(path, o, t, out),
        (Value::Array(o), Value::Array(t)) => {
            if is_id_list(o) && is_id_list(t) {
                let id_of = |x: &Value| {
                    x.get("id")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                // Index ours by id once: lists can hold thousands of items.
                let mut index: HashMap<String, usize> = HashMap::with_capacity(o.len());
                for (i, x) in o.iter().enumerate() {
                    index.entry(id_of(x)).or_insert(i);
                }
                for item in t {
                    let id = id_of(item);
                    match index.get(&id) {
                        Some(&i) => {
                            let p = format!("{path}{}", id_step(&id));
                            if let (Value::Object(m), Value::Object(i)) = (&mut o[i], item) {
                                merge_object(&p, m, i, out);
                            }
                        }
                        None => {
                            index.insert(id, o.len());
                            o.push(item.clone());
                        }
                    }
                }
            } else {
                // Plain values (tags, services, linked factor ids): the union,
                // ours first.
                for item in t {
                    if !o.contains(item) {
                        o.push(item.clone());
                    }
                }
            }
        }
        (o, t) => {
            if *o == *t || is_unset(key, t) {
                return;
            }
            if is_unset(key, o) {
                *o = t.clone();
                return;
            }
            if let (Value::String(a), Value::String(b)) = (&*o, t) {
                if loose(a) == loose(b) {
                    return;
                }
            }
            out.push(Conflict {
                field_key: path.to_string(),
                ours: shown(o),
                theirs: shown(t),
            });
        }
    }
}

fn merge_object(
    path: &str,
    o: &mut Map<String, Value>,
    t: &Map<String, Value>,
    out: &mut Vec<Conflict>,
) {
    for (k, tv) in t {
        match o.get_mut(k) {
            Some(ov) => merge_value(&format!("{path}.{k}"), k, ov, tv, out),
            None => {
                o.insert(k.clone(), tv.clone());
            }
        }
    }
}

// ---------------------------------------------------------------- matching

/// Text up to case and spacing: "equal text" for two hands typing the same.
fn loose(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case words without punctuation, for judging similar wording.
fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gives each of their items that has no id twin in ours, but the same text as
/// one of ours, our id, so the id merge treats the two as one. Returns the
/// renames (their id → our id) so references can follow.
fn align<T: HasId>(
    ours: &[T],
    theirs: &mut [T],
    text: impl Fn(&T) -> String,
    id_mut: impl Fn(&mut T) -> &mut String,
) -> HashMap<String, String> {
    let our_ids: HashSet<&str> = ours.iter().map(HasId::id).collect();
    let their_ids: HashSet<String> = theirs.iter().map(|t| t.id().to_string()).collect();
    let our_keys: Vec<String> = ours.iter().map(|o| loose(&text(o))).collect();
    let mut claimed: HashSet<String> = HashSet::new();
    let mut renames = HashMap::new();
    for t in theirs.iter_mut() {
        if our_ids.contains(t.id()) {
            continue;
        }
        let key = loose(&text(t));
        if key.is_empty() {
            continue;
        }
        let twin = ours
            .iter()
            .zip(&our_keys)
            .find(|(o, k)| **k == key && !their_ids.contains(o.id()) && !claimed.contains(o.id()));
        let twin = twin.map(|(o, _)| o);
        if let Some(o) = twin {
            claimed.insert(o.id().to_string());
            renames.insert(t.id().to_string(), o.id().to_string());
            *id_mut(t) = o.id().to_string();
        }
    }
    renames
}

fn align_lists(ours: &PostMortem, theirs: &mut PostMortem) {
    align(
        &ours.context.people,
        &mut theirs.context.people,
        |p| p.name.clone(),
        |p| &mut p.id,
    );
    align(
        &ours.context.links,
        &mut theirs.context.links,
        |l| l.url.clone(),
        |l| &mut l.id,
    );
    let factors = align(
        &ours.reason.factors,
        &mut theirs.reason.factors,
        |f| f.description.clone(),
        |f| &mut f.id,
    );
    for item in &mut theirs.remedy.items {
        for f in &mut item.factor_ids {
            if let Some(new) = factors.get(f) {
                *f = new.clone();
            }
        }
    }
    align(
        &ours.remedy.items,
        &mut theirs.remedy.items,
        |i| i.action.clone(),
        |i| &mut i.id,
    );
    for kind in LessonKind::ALL {
        let mine = kind.list(&ours.lessons).clone();
        align(
            &mine,
            kind.list_mut(&mut theirs.lessons),
            |e| e.text.clone(),
            |e| &mut e.id,
        );
    }
    align(
        &ours.questions,
        &mut theirs.questions,
        |q| q.prompt.clone(),
        |q| &mut q.id,
    );
    align(
        &ours.meeting.dissent,
        &mut theirs.meeting.dissent,
        |d| d.view.clone(),
        |d| &mut d.id,
    );
    let conversations = align(
        &ours.evidence.conversations,
        &mut theirs.evidence.conversations,
        |c| {
            if c.excerpt.trim().is_empty() {
                c.link.clone()
            } else {
                c.excerpt.clone()
            }
        },
        |c| &mut c.id,
    );
    let materials = align(
        &ours.evidence.materials,
        &mut theirs.evidence.materials,
        |l| l.url.clone(),
        |l| &mut l.id,
    );
    // Accounts are never matched by their text: two people who tell the
    // same moment in the same words have still each given an account.
    follow(theirs, CiteKind::Conversation, &conversations);
    follow(theirs, CiteKind::Material, &materials);
}

/// Points their cites of `kind` at our ids where an item of theirs was
/// matched to one of ours, so a cite keeps its target through the merge.
fn follow(theirs: &mut PostMortem, kind: CiteKind, renames: &HashMap<String, String>) {
    if renames.is_empty() {
        return;
    }
    let fix = |cites: &mut Vec<Cite>| {
        for c in cites.iter_mut().filter(|c| c.kind == kind) {
            if let Some(new) = renames.get(&c.id) {
                c.id = new.clone();
            }
        }
    };
    theirs
        .reason
        .factors
        .iter_mut()
        .for_each(|f| fix(&mut f.cites));
    for k in LessonKind::ALL {
        k.list_mut(&mut theirs.lessons)
            .iter_mut()
            .for_each(|e| fix(&mut e.cites));
    }
    for d in theirs
        .timeline
        .iter_mut()
        .filter_map(|e| e.decision.as_mut())
    {
        fix(&mut d.cites);
    }
}

/// Whether two descriptions tell the same thing: the same words, or most of
/// them (Jaccard ≥ ½), or one's words all within the other's.
pub fn similar(a: &str, b: &str) -> bool {
    let (na, nb) = (norm(a), norm(b));
    if na == nb {
        return true;
    }
    let wa: HashSet<&str> = na.split(' ').filter(|w| !w.is_empty()).collect();
    let wb: HashSet<&str> = nb.split(' ').filter(|w| !w.is_empty()).collect();
    if wa.is_empty() || wb.is_empty() {
        return false;
    }
    let common = wa.intersection(&wb).count();
    let union = wa.union(&wb).count();
    common * 2 >= union || common == wa.len().min(wb.len())
}

/// The same moment told twice: same kind, similar wording, and times within a
/// minute (or both unknown).
pub fn same_event(a: &TimelineEvent, b: &TimelineEvent) -> bool {
    // Cheap tests first: wording is compared only for candidates.
    let close = match (a.time, b.time) {
        (Some(x), Some(y)) => (x - y).num_seconds().abs() <= 60,
        (None, None) => true,
        _ => false,
    };
    a.kind == b.kind && close && similar(&a.description, &b.description)
}

/// Drops their events that duplicate one of ours (filling in a source ours
/// lacks, and keeping their tags and their telling of a decision beside
/// ours), leaving only what is new or shares an id for the id merge.
/// Returns the renames (their event id → ours) so cites can follow.
fn dedupe_timeline(ours: &mut PostMortem, theirs: &mut PostMortem) -> HashMap<String, String> {
    let mut renames = HashMap::new();
    let their_ids: HashSet<String> = theirs.timeline.iter().map(|e| e.id.clone()).collect();
    let our_ids: HashSet<String> = ours.timeline.iter().map(|e| e.id.clone()).collect();
    // Our candidates sorted by time, so each of theirs only looks at the
    // events within a minute of it: timelines can be long.
    let mut timed: Vec<(i64, usize)> = Vec::new();
    let mut untimed: Vec<usize> = Vec::new();
    for (i, e) in ours.timeline.iter().enumerate() {
        if their_ids.contains(&e.id) {
            continue;
        }
        match e.time {
            Some(t) => timed.push((t.timestamp(), i)),
            None => untimed.push(i),
        }
    }
    crate::domain::sort::sort(&mut timed);
    let mut claimed = vec![false; ours.timeline.len()];
    let mut keep = Vec::with_capacity(theirs.timeline.len());
    for t in theirs.timeline.drain(..) {
        if our_ids.contains(&t.id) {
            keep.push(t);
            continue;
        }
        let candidates: Vec<usize> = match t.time {
            Some(at) => {
                let secs = at.timestamp();
                let lo = timed.partition_point(|(s, _)| *s < secs.saturating_sub(60));
                timed[lo..]
                    .iter()
                    .take_while(|(s, _)| *s <= secs.saturating_add(60))
                    .map(|(_, i)| *i)
                    .collect()
            }
            None => untimed.clone(),
        };
        let twin = candidates
            .into_iter()
            .find(|&i| !claimed[i] && same_event(&ours.timeline[i], &t));
        match twin {
            Some(i) => {
                claimed[i] = true;
                let o = &mut ours.timeline[i];
                if o.source.trim().is_empty() {
                    o.source = t.source.clone();
                }
                if o.description.trim().is_empty() {
                    o.description = t.description.clone();
                }
                for tag in &t.tags {
                    if !o.tags.contains(tag) {
                        o.tags.push(tag.clone());
                    }
                }
                if let Some(theirs_d) = &t.decision {
                    join_decision(o.decision.get_or_insert_with(Decision::default), theirs_d);
                }
                renames.insert(t.id.clone(), o.id.clone());
            }
            None => keep.push(t),
        }
    }
    theirs.timeline = keep;
    renames
}

/// Their telling of a decision beside ours: a telling with an id we hold
/// is the same one (merged field by field later only when the events share
/// an id, so here ours stands); any other is added, never folded into ours.
fn join_decision(ours: &mut Decision, theirs: &Decision) {
    for t in &theirs.tellings {
        if !ours.tellings.iter().any(|o| o.id == t.id) {
            ours.tellings.push(t.clone());
        }
    }
    for c in &theirs.cites {
        if !ours.cites.contains(c) {
            ours.cites.push(c.clone());
        }
    }
}
