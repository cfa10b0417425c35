//! Blameless writing aid: gentle hints on wording that tends to assign blame or
//! lean on hindsight, and bias reminders tied to sections.
//!
//! The rules are data (`RULES`): each names what it matches, the principle
//! behind it and a suggested reframe, so the editor can explain a hint rather
//! than just underline it. Matching runs over a small hand-written tokenizer
//! instead of the `regex` crate: the patterns need context that regular
//! expressions express poorly anyway (who the subject of "failed to" is,
//! whether "just" is temporal), and leaving the crate out keeps a regex
//! engine and its Unicode tables out of the WebAssembly bundle.
//!
//! Nothing here blocks or rewrites anything: hints are advice the author can
//! dismiss per phrase (`PostMortem::dismissed_hints`).

mod bias;
mod keys;
mod matcher;
mod names;
mod pattern;
mod prose;
mod rules;
mod tokenizer;
mod types;
mod words;

pub use bias::{bias_reminder, FACTORS_REMINDER};
pub use keys::{
    answer_key, dissent_key, event_key, factor_key, item_action_key, lesson_key, text_fields,
};
pub use rules::{rule, RULES};
pub use types::{Category, Hint, Rule};

use super::model::{DismissedHint, PostMortem};
use matcher::{scan, Names};
use tokenizer::tokenize;

/// Every hint in `text`, in order of position. `people` are the participants'
/// names (as in `doc.context.people`), used to spot a named person as the
/// subject of a negative verb. Never panics, whatever the input.
pub fn hints(text: &str, people: &[&str]) -> Vec<Hint> {
    let toks = tokenize(text);
    scan(text, &toks, &Names::new(people))
}

/// The dismissal that silences `hint` on the field `field_key` (to be applied
/// with `Edit::DismissHint`).
pub fn dismissal(field_key: &str, hint: &Hint) -> DismissedHint {
    DismissedHint {
        field: field_key.to_string(),
        rule: hint.rule_id.to_string(),
        phrase: hint.phrase.clone(),
    }
}

/// Whether the author dismissed this hint on this field.
pub fn is_dismissed(doc: &PostMortem, field_key: &str, hint: &Hint) -> bool {
    doc.dismissed_hints
        .iter()
        .any(|d| d.field == field_key && d.rule == hint.rule_id && d.phrase == hint.phrase)
}

/// Every hint in every free-text field of the document that has not been
/// dismissed, with the key of its field, in field order.
pub fn open_hints(doc: &PostMortem) -> Vec<(String, Hint)> {
    let people: Vec<&str> = doc
        .context
        .people
        .iter()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let names = Names::new(&people);
    let mut out = Vec::new();
    for (key, text) in text_fields(doc) {
        if text.trim().is_empty() {
            continue;
        }
        let toks = tokenize(text);
        for h in scan(text, &toks, &names) {
            if !is_dismissed(doc, &key, &h) {
                out.push((key.clone(), h));
            }
        }
    }
    out
}
