//! Timeline events: when, how precisely known, what kind, what happened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::choice::choices;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct TimelineEvent {
    pub id: String,
    /// `None` when the time is unknown.
    #[serde(serialize_with = "super::instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub time: Option<DateTime<Utc>>,
    pub precision: Precision,
    pub kind: EventKind,
    pub description: String,
    pub source: String,
    /// Free words, as on a factor. Added in version 3.
    pub tags: Vec<String>,
    /// Set when the event is a decision point. Added in version 4.
    pub decision: Option<super::Decision>,
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
