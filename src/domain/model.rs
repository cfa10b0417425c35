//! The post-mortem as plain serde data (schema `debrief/postmortem`, version 2).
//!
//! Every struct uses `#[serde(default)]` so that a file written by an older build
//! of the same schema version, missing a field added later, still opens. Derived
//! values (durations, completeness, SMART flags, hints) are never stored: they are
//! computed from this data by the sibling modules, so they can never go stale.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::choice::choices;

/// Name written into every exported and stored document.
pub const SCHEMA: &str = "debrief/postmortem";
/// The schema version this build writes. Bump it with a migration in `migrate.rs`.
pub const VERSION: u32 = 2;

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
    pub created: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    /// When this document was last exported to a file: used to remind an author
    /// whose only copy lives in browser storage.
    pub exported: Option<DateTime<Utc>>,
    pub template: Template,
    /// Sections shown in the editor. A template only chooses the initial set.
    pub sections: Vec<Section>,
    pub context: Context,
    pub regret: Regret,
    pub reason: Reason,
    pub timeline: Vec<TimelineEvent>,
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
    Remedy,
    Lessons,
    Questions,
    Meeting,
    Evidence,
    Basics,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Context,
        Section::Regret,
        Section::Reason,
        Section::Timeline,
        Section::Remedy,
        Section::Lessons,
        Section::Questions,
        Section::Meeting,
        Section::Evidence,
        Section::Basics,
    ];
}

// ---------------------------------------------------------------- Context

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Context {
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub severity: Option<Severity>,
    pub started: Option<DateTime<Utc>>,
    pub ended: Option<DateTime<Utc>>,
    /// IANA zone the author works in (e.g. `Europe/Berlin`). Times are stored in
    /// UTC and shown in this zone and in UTC.
    pub time_zone: String,
    pub services: Vec<String>,
    pub impact: Impact,
    pub detection: String,
    pub people: Vec<Person>,
    pub tags: Vec<String>,
    pub links: Vec<Link>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    InReview,
    Reviewed,
    Published,
    Closed,
}

choices!(Status {
    Draft => "draft", "Draft";
    InReview => "in_review", "In review";
    Reviewed => "reviewed", "Reviewed";
    Published => "published", "Published";
    Closed => "closed", "Closed";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Sev1,
    Sev2,
    Sev3,
    Sev4,
    NearMiss,
}

choices!(Severity {
    Sev1 => "sev1", "SEV1 — critical";
    Sev2 => "sev2", "SEV2 — major";
    Sev3 => "sev3", "SEV3 — moderate";
    Sev4 => "sev4", "SEV4 — minor";
    NearMiss => "near_miss", "Near miss";
});

impl Severity {
    pub fn short(self) -> &'static str {
        match self {
            Severity::Sev1 => "SEV1",
            Severity::Sev2 => "SEV2",
            Severity::Sev3 => "SEV3",
            Severity::Sev4 => "SEV4",
            Severity::NearMiss => "Near miss",
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Impact {
    /// Customer impact in words.
    pub description: String,
    pub users_affected: Option<u64>,
    pub requests_failed: Option<u64>,
    /// Revenue or SLA impact, in words (currencies and SLA terms vary too much
    /// for one number).
    pub revenue_sla: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub review_role: ReviewRole,
    /// Role in the response, e.g. "incident commander", "on-call responder".
    /// Also what replaces the name in an anonymised export.
    pub response_role: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRole {
    Author,
    Facilitator,
    Scribe,
    #[default]
    Participant,
}

choices!(ReviewRole {
    Author => "author", "Author";
    Facilitator => "facilitator", "Facilitator";
    Scribe => "scribe", "Scribe";
    Participant => "participant", "Participant";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Link {
    pub id: String,
    pub kind: LinkKind,
    pub label: String,
    pub url: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    Ticket,
    Chat,
    Dashboard,
    Logs,
    MergeRequest,
    CiRun,
    Recording,
    #[default]
    Other,
}

choices!(LinkKind {
    Ticket => "ticket", "Ticket";
    Chat => "chat", "Chat channel";
    Dashboard => "dashboard", "Dashboard";
    Logs => "logs", "Logs";
    MergeRequest => "merge_request", "Merge request";
    CiRun => "ci_run", "CI run";
    Recording => "recording", "Recording";
    Other => "other", "Other";
});

// ---------------------------------------------------------------- Three Rs

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Regret {
    pub acknowledgement: String,
    pub empathy_customers: String,
    pub empathy_responders: String,
    pub internal_summary: String,
    pub customer_what_happened: String,
    pub customer_what_we_do: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Reason {
    /// Describes what happened, in order, without explaining it away.
    pub narrative: String,
    pub resolution: String,
    pub factors: Vec<Factor>,
}

/// A contributing factor. Deliberately never a single "root cause", never a person.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Factor {
    pub id: String,
    pub description: String,
    /// Unset (null) until someone chooses one: a category nobody picked is
    /// not a fact.
    pub category: Option<FactorCategory>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FactorCategory {
    Technology,
    Process,
    Communication,
    Organisation,
    External,
}

choices!(FactorCategory {
    Technology => "technology", "Technology";
    Process => "process", "Process";
    Communication => "communication", "Communication";
    Organisation => "organisation", "Context / organisation";
    External => "external", "External";
});

// ---------------------------------------------------------------- Timeline

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct TimelineEvent {
    pub id: String,
    /// `None` when the time is unknown.
    pub time: Option<DateTime<Utc>>,
    pub precision: Precision,
    pub kind: EventKind,
    pub description: String,
    pub source: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    #[default]
    Exact,
    Approximate,
    Unknown,
}

choices!(Precision {
    Exact => "exact", "Exact";
    Approximate => "approximate", "Around";
    Unknown => "unknown", "Unknown";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ImpactStart,
    Detected,
    Acknowledged,
    Escalated,
    Mitigated,
    Resolved,
    Communication,
    Action,
    #[default]
    Note,
}

choices!(EventKind {
    ImpactStart => "impact_start", "Impact start";
    Detected => "detected", "Detected";
    Acknowledged => "acknowledged", "Acknowledged";
    Escalated => "escalated", "Escalated";
    Mitigated => "mitigated", "Mitigated";
    Resolved => "resolved", "Resolved";
    Communication => "communication", "Communication";
    Action => "action", "Action";
    Note => "note", "Note";
});

// ---------------------------------------------------------------- Remedy

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Remedy {
    /// "We don't know the remedy yet, investigation continues": an explicit,
    /// honest state that completeness does not count as missing.
    pub unknown: bool,
    pub next_review: Option<NaiveDate>,
    pub items: Vec<RemediationItem>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct RemediationItem {
    pub id: String,
    pub action: String,
    /// Ids of the contributing factors this item answers.
    pub factor_ids: Vec<String>,
    pub owner: String,
    pub due: Option<NaiveDate>,
    /// Unset (null) until someone chooses one.
    pub priority: Option<Priority>,
    /// Ticket id or URL: the item's link into the team's normal backlog.
    pub ticket: String,
    pub status: ItemStatus,
    /// Why it won't be done, or why the risk was accepted.
    pub status_reason: String,
    /// Who accepted the risk (for `RiskAccepted`).
    pub accepted_by: String,
    pub measure: String,
    /// Unset (null) until someone chooses one.
    pub kind: Option<ItemKind>,
    pub agreed: bool,
    pub cost_benefit: String,
    pub completed: Option<NaiveDate>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

choices!(Priority {
    P1 => "p1", "P1 — urgent";
    P2 => "p2", "P2 — high";
    P3 => "p3", "P3 — medium";
    P4 => "p4", "P4 — low";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    Open,
    InProgress,
    Done,
    WontDo,
    RiskAccepted,
}

choices!(ItemStatus {
    Open => "open", "Open";
    InProgress => "in_progress", "In progress";
    Done => "done", "Done";
    WontDo => "wont_do", "Won't do";
    RiskAccepted => "risk_accepted", "Risk accepted";
});

impl ItemStatus {
    /// Still needs doing: counts towards open follow-ups.
    pub fn is_open(self) -> bool {
        matches!(self, ItemStatus::Open | ItemStatus::InProgress)
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Prevent,
    Detect,
    Mitigate,
    Process,
    Learning,
}

choices!(ItemKind {
    Prevent => "prevent", "Prevent";
    Detect => "detect", "Detect";
    Mitigate => "mitigate", "Mitigate";
    Process => "process", "Process";
    Learning => "learning", "Learning";
});

// ---------------------------------------------------------------- Lessons

/// One entry of a list (a lesson, a note): text with a stable id.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Entry {
    pub id: String,
    pub text: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Lessons {
    pub helped: Vec<Entry>,
    pub slowed: Vec<Entry>,
    pub differently: Vec<Entry>,
    pub learned: Vec<Entry>,
    pub lucky: Vec<Entry>,
    pub expertise: Vec<Entry>,
    pub signals: Vec<Entry>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum LessonKind {
    Helped,
    Slowed,
    Differently,
    Learned,
    Lucky,
    Expertise,
    Signals,
}

impl LessonKind {
    pub const ALL: [LessonKind; 7] = [
        LessonKind::Helped,
        LessonKind::Slowed,
        LessonKind::Differently,
        LessonKind::Learned,
        LessonKind::Lucky,
        LessonKind::Expertise,
        LessonKind::Signals,
    ];
    pub fn list(self, l: &Lessons) -> &Vec<Entry> {
        match self {
            LessonKind::Helped => &l.helped,
            LessonKind::Slowed => &l.slowed,
            LessonKind::Differently => &l.differently,
            LessonKind::Learned => &l.learned,
            LessonKind::Lucky => &l.lucky,
            LessonKind::Expertise => &l.expertise,
            LessonKind::Signals => &l.signals,
        }
    }
    pub fn list_mut(self, l: &mut Lessons) -> &mut Vec<Entry> {
        match self {
            LessonKind::Helped => &mut l.helped,
            LessonKind::Slowed => &mut l.slowed,
            LessonKind::Differently => &mut l.differently,
            LessonKind::Learned => &mut l.learned,
            LessonKind::Lucky => &mut l.lucky,
            LessonKind::Expertise => &mut l.expertise,
            LessonKind::Signals => &mut l.signals,
        }
    }
}

// ---------------------------------------------------------------- Questions

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Question {
    pub id: String,
    pub area: Area,
    pub prompt: String,
    pub answer: String,
    pub state: QuestionState,
    /// Added by the team rather than shipped with the app.
    pub custom: bool,
}

impl Question {
    /// Sets the answer text. Starting an answer to an open question marks it
    /// answered; only the first characters do, so someone who sets it back
    /// to open while text is there keeps that choice as they go on typing.
    /// The one place this rule lives: the checklist and facilitator mode
    /// both call it.
    pub fn write_answer(&mut self, text: String) {
        if self.state == QuestionState::Open
            && self.answer.trim().is_empty()
            && !text.trim().is_empty()
        {
            self.state = QuestionState::Answered;
        }
        self.answer = text;
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    #[default]
    Aftermath,
    Culture,
    NextTime,
    People,
    Process,
}

choices!(Area {
    Aftermath => "aftermath", "Aftermath";
    Culture => "culture", "Culture";
    NextTime => "next_time", "Next time";
    People => "people", "People involved";
    Process => "process", "Process";
});

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuestionState {
    #[default]
    Open,
    Answered,
    NotApplicable,
}

choices!(QuestionState {
    Open => "open", "Open";
    Answered => "answered", "Answered";
    NotApplicable => "not_applicable", "Not applicable";
});

// ---------------------------------------------------------------- Meeting aids

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Meeting {
    pub check_in: String,
    pub check_out: String,
    pub dissent: Vec<Dissent>,
    /// Learning and actions are discussed on separate days (soak time).
    pub learning_date: Option<NaiveDate>,
    pub actions_date: Option<NaiveDate>,
    /// Where and when, so anyone interested can join.
    pub location: String,
}

/// A divergent or dissenting view, recorded as such rather than smoothed over.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Dissent {
    pub id: String,
    pub who: String,
    pub view: String,
}

// ---------------------------------------------------------------- Evidence

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Evidence {
    pub conversations: Vec<Conversation>,
    pub notes: String,
    pub materials: Vec<Link>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Conversation {
    pub id: String,
    pub when: Option<DateTime<Utc>>,
    pub participants: String,
    /// Link to a recording or a thread.
    pub link: String,
    /// Pasted chat excerpt.
    pub excerpt: String,
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
    Conversation
);
