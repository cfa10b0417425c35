//! What the team takes away: lessons, the question checklist, the meeting
//! aids and the evidence.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::Link;
use crate::domain::choice::choices;

/// One entry of a list (a lesson, a note): text with a stable id.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[serde(default)]
pub struct Entry {
    pub id: String,
    pub text: String,
    /// The evidence a lesson rests on. Added in version 4.
    pub cites: Vec<super::Cite>,
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
    /// The heading the Markdown export gives this kind of lesson, which the
    /// Markdown reader looks for to read it back.
    pub fn heading(self) -> &'static str {
        match self {
            LessonKind::Helped => "What helped us",
            LessonKind::Slowed => "What slowed us down",
            LessonKind::Differently => "What we could have done differently",
            LessonKind::Learned => "What we know now that we did not know before",
            LessonKind::Lucky => "Where we got lucky",
            LessonKind::Expertise => "Expert knowledge the responders used",
            LessonKind::Signals => "Signals seen before the incident",
        }
    }

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
    #[serde(serialize_with = "super::instant")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<DateTime<Utc>>"))]
    pub when: Option<DateTime<Utc>>,
    pub participants: String,
    /// Link to a recording or a thread.
    pub link: String,
    /// Pasted chat excerpt.
    pub excerpt: String,
}
