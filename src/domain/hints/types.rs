//! What the writing aid reports: the kinds of wording, a hint, a rule.

use super::pattern::{Guard, Pos};

/// The kind of wording a hint points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// What someone "should have" done: an imagined past instead of the real one.
    Counterfactual,
    /// Blame and judgement words about people.
    Blame,
    /// Words that make things sound easy or plain, usually only in hindsight.
    Minimiser,
    /// A single "root cause".
    RootCause,
    /// A named participant as the subject of a negative verb.
    NamedPerson,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Counterfactual,
        Category::Blame,
        Category::Minimiser,
        Category::RootCause,
        Category::NamedPerson,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Counterfactual => "Counterfactual",
            Category::Blame => "Blame or judgement",
            Category::Minimiser => "Minimiser or hindsight",
            Category::RootCause => "Single root cause",
            Category::NamedPerson => "Named person",
        }
    }

    /// Stable machine name (used by the test corpus and safe for CSS classes).
    pub fn key(self) -> &'static str {
        match self {
            Category::Counterfactual => "counterfactual",
            Category::Blame => "blame",
            Category::Minimiser => "minimiser",
            Category::RootCause => "root_cause",
            Category::NamedPerson => "named_person",
        }
    }
}

/// One occurrence of a rule in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub rule_id: &'static str,
    pub category: Category,
    /// Byte offsets into the scanned text, always on char boundaries.
    pub start: usize,
    pub end: usize,
    /// The matched words, lower-cased and joined by single spaces (curly
    /// apostrophes made straight). This is what a dismissal remembers.
    pub phrase: String,
    pub why: &'static str,
    pub reframe: &'static str,
}

/// A language rule. The public fields are for display; the pattern and its
/// guards are private so that the matching language can change freely.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    /// What the rule looks for, in words a person can read.
    pub matches: &'static str,
    /// The principle behind it.
    pub why: &'static str,
    /// A suggested way to say it instead.
    pub reframe: &'static str,
    pub(super) patterns: &'static [&'static [Pos]],
    /// Words allowed between two pattern positions ("should *really* have").
    pub(super) gap: &'static [&'static str],
    pub(super) guards: &'static [Guard],
}
