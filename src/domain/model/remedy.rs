//! Remedy, the third R: the remediation items and their state.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::choice::choices;

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
