//! A complete, fictional post-mortem that shows what a finished write-up looks
//! like: every section filled, every basic satisfied. The editor offers it as
//! "open the example", the exports are tested against it, and it doubles as a
//! model of blameless wording (it describes, it does not blame).
//!
//! The company, people and systems are invented. Ids and timestamps are fixed
//! so the example is byte-for-byte the same on every build.

mod accounts;
mod context;
mod learning;
mod three_rs;
mod timeline;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::model::*;

use context::context;
use learning::{evidence, lessons, meeting, questions};
use three_rs::{reason, regret, remedy};
use timeline::timeline;

/// The example's document id.
pub const EXAMPLE_ID: &str = "example";

/// Whether this is the built-in example: it shows how a finished review
/// reads, and its actions are nobody's work, so follow-ups leave it out.
pub fn is_example(doc: &PostMortem) -> bool {
    doc.id == EXAMPLE_ID
}

/// The day the example is read as of: the actions meeting. Its items were
/// due weeks later, so the example shows what a fresh review looks like
/// rather than counting years of "overdue" on work that is nobody's.
pub fn as_of() -> NaiveDate {
    date(3, 18)
}

fn utc(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, day, h, m, 0)
        .single()
        .expect("fixed example times are valid")
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, day).expect("fixed example dates are valid")
}

fn s(text: &str) -> String {
    text.to_string()
}

fn entry(id: &str, text: &str) -> Entry {
    Entry {
        id: s(id),
        text: s(text),
        cites: Vec::new(),
    }
}

fn link(id: &str, kind: LinkKind, label: &str, url: &str) -> Link {
    Link {
        id: s(id),
        kind,
        label: s(label),
        url: s(url),
    }
}

fn person(id: &str, name: &str, review_role: ReviewRole, response_role: &str) -> Person {
    Person {
        id: s(id),
        name: s(name),
        review_role,
        response_role: s(response_role),
    }
}

fn factor(id: &str, category: FactorCategory, description: &str) -> Factor {
    Factor {
        id: s(id),
        description: s(description),
        category: Some(category),
        ..Factor::default()
    }
}

/// A timeline event on the incident day (12 March 2024, UTC).
fn event(
    id: &str,
    at: Option<(u32, u32)>,
    precision: Precision,
    kind: EventKind,
    description: &str,
    source: &str,
) -> TimelineEvent {
    TimelineEvent {
        id: s(id),
        time: at.map(|(h, m)| utc(12, h, m)),
        precision,
        kind,
        description: s(description),
        source: s(source),
        ..TimelineEvent::default()
    }
}

fn with_cites(mut r: Reason) -> Reason {
    for f in &mut r.factors {
        f.cites = accounts::cites_of(&f.id);
    }
    r
}

fn lessons_with_cites(mut l: Lessons) -> Lessons {
    for k in LessonKind::ALL {
        for e in k.list_mut(&mut l) {
            e.cites = accounts::cites_of(&e.id);
        }
    }
    l
}

/// The complete example post-mortem. Deterministic: the same value every call.
pub fn example() -> PostMortem {
    PostMortem {
        id: s(EXAMPLE_ID),
        created: Some(utc(13, 8, 30)),
        updated: Some(utc(20, 16, 10)),
        exported: None,
        template: Template::Full,
        sections: Section::ALL.to_vec(),
        context: context(),
        regret: regret(),
        reason: with_cites(reason()),
        timeline: timeline()
            .into_iter()
            .map(|e| TimelineEvent {
                decision: accounts::decision(&e.id),
                ..e
            })
            .collect(),
        accounts: accounts::accounts(),
        remedy: remedy(),
        lessons: lessons_with_cites(lessons()),
        questions: questions(),
        meeting: meeting(),
        evidence: evidence(),
        basics_ticked: Vec::new(),
        dismissed_hints: Vec::new(),
        ..PostMortem::default()
    }
}
