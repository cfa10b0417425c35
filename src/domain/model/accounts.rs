//! A learning review (version 4): several people's accounts rather than one
//! narrative, decisions told as they looked at the time, and claims that
//! point at their evidence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::choice::choices;

/// One person's account of the incident, in their words: from an interview,
/// or written by them in their own copy and merged in.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Account {
    pub id: String,
    /// Who gave it: a name, or a role where a name is not wanted.
    pub who: String,
    /// When it was given or written down.
    pub given: Option<NaiveDate>,
    /// The account itself, as told.
    pub text: String,
    /// Optional prompts for an interview; any left empty are simply not asked.
    pub saw: String,
    pub knew: String,
    pub tried: String,
    pub surprised: String,
    pub hard: String,
}

/// The interview prompts of an account, as one table: the editor, the
/// Markdown export and the anonymiser all walk the same list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prompt {
    Saw,
    Knew,
    Tried,
    Surprised,
    Hard,
}

impl Prompt {
    pub const ALL: [Prompt; 5] = [
        Prompt::Saw,
        Prompt::Knew,
        Prompt::Tried,
        Prompt::Surprised,
        Prompt::Hard,
    ];

    /// Element id suffix and hint key step. `const` so the editor's table
    /// of fields is built from this one table.
    pub const fn slug(self) -> &'static str {
        match self {
            Prompt::Saw => "saw",
            Prompt::Knew => "knew",
            Prompt::Tried => "tried",
            Prompt::Surprised => "surprised",
            Prompt::Hard => "hard",
        }
    }

    /// The question as asked of the person.
    pub const fn label(self) -> &'static str {
        match self {
            Prompt::Saw => "What did you see?",
            Prompt::Knew => "What did you know then?",
            Prompt::Tried => "What did you try?",
            Prompt::Surprised => "What surprised you?",
            Prompt::Hard => "What made it hard?",
        }
    }

    pub fn get(self, a: &Account) -> &String {
        match self {
            Prompt::Saw => &a.saw,
            Prompt::Knew => &a.knew,
            Prompt::Tried => &a.tried,
            Prompt::Surprised => &a.surprised,
            Prompt::Hard => &a.hard,
        }
    }

    pub fn get_mut(self, a: &mut Account) -> &mut String {
        match self {
            Prompt::Saw => &mut a.saw,
            Prompt::Knew => &mut a.knew,
            Prompt::Tried => &mut a.tried,
            Prompt::Surprised => &mut a.surprised,
            Prompt::Hard => &mut a.hard,
        }
    }
}

/// What makes a timeline event a decision point: how the moment looked to
/// the people in it. Each telling is kept; when accounts differ, every one
/// stands beside the others and none is "the" version.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Decision {
    pub tellings: Vec<Telling>,
    /// Evidence for the decision as a whole.
    pub cites: Vec<Cite>,
}

/// One telling of a decision point.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Telling {
    pub id: String,
    /// The account this telling comes from (an `Account` id), if any.
    pub account: String,
    /// What was known at that moment.
    pub known: String,
    /// The options that were seen.
    pub options: String,
    /// What was chosen.
    pub chosen: String,
    /// Why it made sense at the time.
    pub why: String,
}

/// The parts of a telling, as one table (see [`Prompt`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TellingPart {
    Known,
    Options,
    Chosen,
    Why,
}

impl TellingPart {
    pub const ALL: [TellingPart; 4] = [
        TellingPart::Known,
        TellingPart::Options,
        TellingPart::Chosen,
        TellingPart::Why,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            TellingPart::Known => "known",
            TellingPart::Options => "options",
            TellingPart::Chosen => "chosen",
            TellingPart::Why => "why",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TellingPart::Known => "What was known",
            TellingPart::Options => "Options seen",
            TellingPart::Chosen => "What was chosen",
            TellingPart::Why => "Why it made sense then",
        }
    }

    pub fn get(self, t: &Telling) -> &String {
        match self {
            TellingPart::Known => &t.known,
            TellingPart::Options => &t.options,
            TellingPart::Chosen => &t.chosen,
            TellingPart::Why => &t.why,
        }
    }

    pub fn get_mut(self, t: &mut Telling) -> &mut String {
        match self {
            TellingPart::Known => &mut t.known,
            TellingPart::Options => &mut t.options,
            TellingPart::Chosen => &mut t.chosen,
            TellingPart::Why => &mut t.why,
        }
    }
}

/// A pointer from a claim (a factor, a lesson, a decision point) to the
/// evidence for it. A cite whose target has been removed is kept, not
/// pruned: it is skipped wherever cites are shown or counted, and comes
/// back to life if the removal is undone.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, Default)]
#[serde(default)]
pub struct Cite {
    pub kind: CiteKind,
    /// The id of the event, conversation, account or material.
    pub id: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum CiteKind {
    #[default]
    Event,
    Conversation,
    Account,
    Material,
}

choices!(CiteKind {
    Event => "event", "Timeline event";
    Conversation => "conversation", "Conversation";
    Account => "account", "Account";
    Material => "material", "Supporting material";
});
