//! Files people already have, read into candidate timeline events: a CSV
//! timeline and PagerDuty incident log entries. Nothing is added here: the
//! author sees every candidate (and every row left out, with why) before
//! accepting any, so the readers are lenient about shape and exact about
//! where a problem is.

pub mod csv;
pub mod pagerduty;
pub mod timeline_csv;

use std::fmt;

use chrono::{DateTime, Utc};

use super::model::{EventKind, Precision, TimelineEvent};

/// A file that cannot be read at all. `at` says where ("line 4",
/// "entry 3"), so the author can find it in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub at: Option<String>,
    pub message: String,
}

impl ImportError {
    fn new(message: impl Into<String>) -> Self {
        ImportError {
            at: None,
            message: message.into(),
        }
    }
    fn at(at: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError {
            at: Some(at.into()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// One event read from a file, before the author accepts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedEvent {
    /// Where it came from in the file ("line 4", "entry 3").
    pub at: String,
    pub time: DateTime<Utc>,
    pub precision: Precision,
    pub kind: EventKind,
    pub description: String,
    pub source: String,
}

impl ImportedEvent {
    /// The event to add to the timeline once the author accepts it.
    pub fn to_event(&self, id: impl Into<String>) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            time: Some(self.time),
            precision: self.precision,
            kind: self.kind,
            description: self.description.clone(),
            source: self.source.clone(),
            ..TimelineEvent::default()
        }
    }
}

/// A part of the file that gave no event, kept so nothing is dropped
/// silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub at: String,
    pub reason: String,
}

/// What a file gave: the candidates in time order and what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    pub events: Vec<ImportedEvent>,
    pub left_out: Vec<LeftOut>,
}

impl Import {
    fn sorted(mut self) -> Self {
        // Stable: events at the same moment keep the file's order.
        self.events.sort_by_key(|e| e.time);
        self
    }
}
