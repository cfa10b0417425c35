//! The post-mortem as plain serde data (schema `debrief/postmortem`, version 4).
//!
//! Every struct uses `#[serde(default)]` so that a file written by an older build
//! of the same schema version, missing a field added later, still opens. Derived
//! values (durations, completeness, SMART flags, hints) are never stored: they are
//! computed from this data by the sibling modules, so they can never go stale.

mod accounts;
mod context;
mod learning;
mod remedy;
mod three_rs;
mod timeline;

pub use accounts::*;
pub use context::*;
pub use learning::*;
pub use remedy::*;
pub use three_rs::*;
pub use timeline::*;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::choice::choices;

/// Instants are written by `datefmt::rfc3339`: the text chrono's serde
/// writes, without its formatting machinery (a third of an autosave's cost on
/// a long timeline). chrono still reads them.
pub(crate) fn instant<S: serde::Serializer>(
    t: &Option<DateTime<Utc>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&super::datefmt::rfc3339(t)),
        None => s.serialize_none(),
    }
}

/// Name written into every exported and stored document.
pub const SCHEMA: &str = "debrief/postmortem";
/// The schema version this build writes. Bump it with a migration in `migrate.rs`.
pub const VERSION: u32 = 4;

/// Anything kept in a list that the editor addresses by a stable id (so edits,
/// undo and merges survive re-ordering).
pub trait HasId {
    fn id(&self) -> &str;
    fn id_mut(&mut self) -> &mut String;
}

macro_rules! has_id {
    ($($t:ty),* $(,)?) => { $(impl HasId for $t {
        fn id(&self) -> &str { &self.id }
        fn id_mut(&mut self) -> &mut String { &mut self.id }
    })* };
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct PostMortem {
    pub schema: String,
    pub version: u32,
    pub id: String,
    #[serde(serialize_with = "instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub created: Option<DateTime<Utc>>,
    #[serde(serialize_with = "instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub updated: Option<DateTime<Utc>>,
    /// When this document was last exported to a file: used to remind an author
    /// whose only copy lives in browser storage.
    #[serde(serialize_with = "instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub exported: Option<DateTime<Utc>>,
    pub template: Template,
    /// Sections shown in the editor. A template only chooses the initial set.
    pub sections: Vec<Section>,
    pub context: Context,
    pub regret: Regret,
    pub reason: Reason,
    pub timeline: Vec<TimelineEvent>,
    /// Each participant's account, in their words. Added in version 4.
    pub accounts: Vec<Account>,
    pub remedy: Remedy,
    pub lessons: Lessons,
    pub questions: Vec<Question>,
    pub meeting: Meeting,
    pub evidence: Evidence,
    /// Basics ticked by hand where they cannot be derived from content.
    pub basics_ticked: Vec<Basic>,
    /// Blameless-language hints the author dismissed, remembered per occurrence.
    pub dismissed_hints: Vec<DismissedHint>,
}

impl Default for PostMortem {
    fn default() -> Self {
        PostMortem {
            schema: SCHEMA.to_string(),
            version: VERSION,
            id: String::new(),
            created: None,
            updated: None,
            exported: None,
            template: Template::Full,
            sections: Section::ALL.to_vec(),
            context: Context::default(),
            regret: Regret::default(),
            reason: Reason::default(),
            timeline: Vec::new(),
            accounts: Vec::new(),
            remedy: Remedy::default(),
            lessons: Lessons::default(),
            questions: Vec::new(),
            meeting: Meeting::default(),
            evidence: Evidence::default(),
            basics_ticked: Vec::new(),
            dismissed_hints: Vec::new(),
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    #[default]
    Full,
    Quick,
    NearMiss,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Context,
    Regret,
    Reason,
    Timeline,
    /// Added in version 4.
    Accounts,
    Remedy,
    Lessons,
    Questions,
    Meeting,
    Evidence,
    Basics,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Context,
        Section::Regret,
        Section::Reason,
        Section::Timeline,
        Section::Accounts,
        Section::Remedy,
        Section::Lessons,
        Section::Questions,
        Section::Meeting,
        Section::Evidence,
        Section::Basics,
    ];
}

// ---------------------------------------------------------------- Basics, hints

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Basic {
    Timeline,
    Conversations,
    Notes,
    Durations,
    Severity,
    Archived,
    Actionable,
}

choices!(Basic {
    Timeline => "timeline", "Timeline documented";
    Conversations => "conversations", "Conversations documented";
    Notes => "notes", "Notes taken";
    Durations => "durations", "Time to resolution and other durations computed";
    Severity => "severity", "Severity set";
    Archived => "archived", "Archived where it can be found later";
    Actionable => "actionable", "Remediation is actionable";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(default)]
pub struct DismissedHint {
    /// Field the hint was shown on (see `Field::key`).
    pub field: String,
    pub rule: String,
    /// The matched words, lower-cased: dismissing "should have" in one field
    /// does not dismiss it everywhere.
    pub phrase: String,
}

has_id!(
    Person,
    Link,
    Factor,
    TimelineEvent,
    RemediationItem,
    Entry,
    Question,
    Dissent,
    Conversation,
    Account,
    Telling
);
