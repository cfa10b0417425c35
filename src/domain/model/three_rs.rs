//! Regret and Reason, the first two of the three Rs (Remedy has its own
//! module): the acknowledgement, the narrative and the contributing factors.

use serde::{Deserialize, Serialize};

use crate::domain::choice::choices;

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
    /// Free words ("dns", "expired-cert") that let the same kind of factor
    /// be found again in other post-mortems. Added in version 3.
    pub tags: Vec<String>,
    /// The evidence this factor rests on. Added in version 4.
    pub cites: Vec<super::Cite>,
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
