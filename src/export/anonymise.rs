//! Blameless sharing: every person's name is replaced by their role in the
//! response, in every text of the document.
//!
//! The walk goes over the document's JSON form rather than its typed fields,
//! so a text field added to the model later is anonymised without anyone
//! remembering to list it here. Only values that are identifiers, enum names
//! or dates are skipped (`NOT_TEXT`): a person called "Note" must not turn the
//! event kind `note` into something that no longer parses.

use serde_json::Value;

use crate::domain::model::PostMortem;

/// Keys whose values are identifiers, enum names, dates or flags: never prose.
pub const NOT_TEXT: &[&str] = &[
    "schema",
    "version",
    "id",
    "created",
    "updated",
    "exported",
    "template",
    "sections",
    "status",
    "severity",
    "started",
    "ended",
    "review_role",
    "kind",
    "category",
    "time",
    "precision",
    "next_review",
    "factor_ids",
    "due",
    "priority",
    "completed",
    "area",
    "state",
    "learning_date",
    "actions_date",
    "when",
    "basics_ticked",
    "field",
    "rule",
    "given",
    "account",
];

/// One name (as words) and what replaces it.
struct Pattern {
    words: Vec<Vec<char>>,
    replacement: String,
}

/// The label each person gets: their response role, numbered when several
/// people share it, or "responder N" when they have none. Labels are unique
/// (case-insensitively) so an anonymised document still tells people apart.
pub fn role_labels(doc: &PostMortem) -> Vec<String> {
    let people = &doc.context.people;
    let key = |s: &str| s.trim().to_lowercase();
    let mut labels: Vec<String> = Vec::with_capacity(people.len());
    let explicit: Vec<String> = people.iter().map(|p| key(&p.response_role)).collect();
    let mut seen_role: std::collections::HashMap<String, usize> = Default::default();
    let mut unnamed = 0;
    for (i, p) in people.iter().enumerate() {
        let role = p
            .response_role
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let label = if role.is_empty() {
            // Skip numbers another person already uses as an explicit role.
            loop {
                unnamed += 1;
                let candidate = format!("responder {unnamed}");
                if !explicit.contains(&candidate) {
                    break candidate;
                }
            }
        } else if explicit.iter().filter(|r| **r == explicit[i]).count() > 1 {
            let n = seen_role.entry(explicit[i].clone()).or_insert(0);
            *n += 1;
            format!("{role} {n}")
        } else {
            role
        };
        labels.push(label);
    }
    labels
}

/// The names accounts are given under that no person in the people list
/// carries (and that are not one of their roles), each once (by its words), in the order of the accounts.
fn account_only_names(doc: &PostMortem) -> Vec<String> {
    // A role ("incident commander") is already what anonymising gives.
    let known: Vec<Vec<Vec<char>>> = doc
        .context
        .people
        .iter()
        .flat_map(|p| [words(&p.name), words(&p.response_role)])
        .collect();
    let mut out: Vec<String> = Vec::new();
    for a in &doc.accounts {
        let w = words(&a.who);
        if w.is_empty() || known.contains(&w) || out.iter().any(|o| words(o) == w) {
            continue;
        }
        out.push(a.who.clone());
    }
    out
}

fn words(s: &str) -> Vec<Vec<char>> {
    s.split_whitespace()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .filter(|w: &Vec<char>| !w.is_empty())
        .collect()
}

fn patterns(doc: &PostMortem) -> Vec<Pattern> {
    let people = &doc.context.people;
    let labels = role_labels(doc);
    let mut out: Vec<Pattern> = Vec::new();
    for (p, label) in people.iter().zip(&labels) {
        let w = words(&p.name);
        if !w.is_empty() && !out.iter().any(|x| x.words == w) {
            out.push(Pattern {
                words: w,
                replacement: label.clone(),
            });
        }
    }
    // First names alone, where they point at one person only.
    let firsts: Vec<Option<Vec<char>>> = people
        .iter()
        .map(|p| {
            let w = words(&p.name);
            (w.len() > 1).then(|| w[0].clone())
        })
        .collect();
    for (i, first) in firsts.iter().enumerate() {
        let Some(first) = first else { continue };
        let shared = people
            .iter()
            .enumerate()
            .any(|(j, q)| j != i && words(&q.name).first() == Some(first));
        let is_full_name = out
            .iter()
            .any(|x| x.words.len() == 1 && &x.words[0] == first);
        if !shared && !is_full_name {
            out.push(Pattern {
                words: vec![first.clone()],
                replacement: labels[i].clone(),
            });
        }
    }
    // Whoever gave an account and is not in the people list is still a
    // person: "participant N", and their name goes wherever it appears.
    for (n, who) in account_only_names(doc).into_iter().enumerate() {
        out.push(Pattern {
            words: words(&who),
            replacement: format!("participant {}", n + 1),
        });
    }
    // Longest names first, so "Ana Lopez" wins over "Ana" at the same place.
    crate::domain::sort::sort_by_key(&mut out, |p| {
        std::cmp::Reverse(p.words.iter().map(Vec::len).sum::<usize>() + p.words.len())
    });
    out
}

/// Lower-cased characters with their byte offsets in the original text.
/// Lower-casing can turn one character into several; each keeps the offset
/// of the character it came from.
fn folded(text: &str) -> Vec<(usize, char)> {
    text.char_indices()
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect()
}

/// Where pattern `p` matches at folded index `at`: the end index (exclusive).
fn match_at(f: &[(usize, char)], at: usize, p: &Pattern) -> Option<usize> {
    let mut k = at;
    for (wi, word) in p.words.iter().enumerate() {
        if wi > 0 {
            // Any run of whitespace between the words of a name.
            let start = k;
            while k < f.len() && f[k].1.is_whitespace() {
                k += 1;
            }
            if k == start {
                return None;
            }
        }
        for c in word {
            if k >= f.len() || f[k].1 != *c {
                return None;
            }
            k += 1;
        }
    }
    Some(k)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Replaces every whole-word, case-insensitive occurrence of a name in one
/// left-to-right pass, so a replacement is never itself searched again.
fn replace_names(text: &str, pats: &[Pattern]) -> String {
    if pats.is_empty() || text.is_empty() {
        return text.to_string();
    }
    let f = folded(text);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // byte offset in `text` copied so far
    let mut i = 0;
    while i < f.len() {
        let boundary_before = i == 0 || !is_word(f[i - 1].1);
        // Only start at the first folded char of an original character.
        let char_start = i == 0 || f[i - 1].0 != f[i].0;
        if boundary_before && char_start {
            let hit = pats.iter().find_map(|p| {
                let end = match_at(&f, i, p)?;
                let at_boundary = end == f.len() || !is_word(f[end].1);
                let whole_char = end == f.len() || f[end - 1].0 != f[end].0;
                (at_boundary && whole_char).then_some((end, p))
            });
            if let Some((end, p)) = hit {
                out.push_str(&text[copied..f[i].0]);
                out.push_str(&p.replacement);
                copied = if end == f.len() { text.len() } else { f[end].0 };
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

fn walk(v: &mut Value, pats: &[Pattern]) {
    match v {
        Value::String(s) => *s = replace_names(s, pats),
        Value::Array(a) => a.iter_mut().for_each(|x| walk(x, pats)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if !NOT_TEXT.contains(&k.as_str()) {
                    walk(x, pats);
                }
            }
        }
        _ => {}
    }
}

/// A copy of the document with every person's name replaced by their role,
/// in every text: narrative, timeline, answers, conversations, owners…
pub fn anonymise(doc: &PostMortem) -> PostMortem {
    let pats = patterns(doc);
    let labels = role_labels(doc);
    let mut value = crate::domain::to_value(doc);
    walk(&mut value, &pats);
    let mut out: PostMortem = match crate::domain::migrate::read_typed(&value) {
        Ok(d) => d,
        // Unreachable for this data (only prose changed), but an export must
        // never fall back to the named original: blank every text instead.
        Err(_) => PostMortem {
            id: doc.id.clone(),
            ..PostMortem::default()
        },
    };
    // The person's own entry carries exactly the label, whatever the name
    // looked like (e.g. only punctuation that no word match would catch).
    for (p, label) in out.context.people.iter_mut().zip(labels) {
        p.name = label;
    }
    out
}
