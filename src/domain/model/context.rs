//! The Context section: what happened in brief, its status and severity, the
//! people involved and the links around it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::choices;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Context {
    pub title: String,
    pub summary: String,
    pub status: Status,
    pub severity: Option<Severity>,
    #[serde(serialize_with = "super::instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub started: Option<DateTime<Utc>>,
    #[serde(serialize_with = "super::instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
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
