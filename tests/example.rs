//! The shipped example: sound, complete, stable, and itself blameless.

use std::collections::HashSet;

use debrief::domain::completeness::{basics, can_close, completeness, BasicState};
use debrief::domain::example::{example, EXAMPLE_ID};
use debrief::domain::smart;
use debrief::domain::template::default_questions;
use debrief::domain::{
    parse, to_json, validate, EventKind, ItemStatus, LessonKind, Precision, QuestionState, Section,
    Severity,
};

#[test]
fn reads_as_of_its_review_with_nothing_overdue() {
    let doc = example();
    let as_of = debrief::domain::example::as_of();
    assert_eq!(Some(as_of), doc.meeting.actions_date);
    assert!(doc
        .remedy
        .items
        .iter()
        .all(|i| !smart::is_overdue(i, as_of)));
    // Without the fixed day the items would be overdue, which is what the
    // fixed day is for.
    let later = as_of + chrono::Days::new(400);
    assert!(doc.remedy.items.iter().any(|i| smart::is_overdue(i, later)));
}

#[test]
fn validates_without_problems() {
    let problems = validate(&example());
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn round_trips_through_json_unchanged() {
    let doc = example();
    let json = to_json(&doc);
    let back: debrief::domain::PostMortem = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // The app's own loader (with migrations) reads it back identically too.
    let loaded = parse(&json).unwrap();
    assert_eq!(loaded, doc);
}

#[test]
fn is_deterministic() {
    assert_eq!(to_json(&example()), to_json(&example()));
    let doc = example();
    assert_eq!(doc.id, EXAMPLE_ID);
    assert!(doc.created.is_some() && doc.updated.is_some());
    assert!(doc.created < doc.updated);
}

#[test]
fn is_fully_complete_from_content_alone() {
    let doc = example();
    let c = completeness(&doc);
    let missing: Vec<_> = c.missing().collect();
    assert!(missing.is_empty(), "{missing:?}");
    assert_eq!(c.percent, 100);
    assert_eq!(c.sections.len(), Section::ALL.len());
    assert_eq!(c.non_smart, 0);
    // No basic relies on a hand tick: every one is shown by the content.
    assert!(doc.basics_ticked.is_empty());
    assert!(basics(&doc).iter().all(|b| b.state == BasicState::Derived));
}

#[test]
fn timeline_is_rich_sorted_and_covers_every_kind() {
    let doc = example();
    assert!(doc.timeline.len() >= 18, "{}", doc.timeline.len());
    let timed = doc.timeline.iter().filter(|e| e.time.is_some()).count();
    assert!(timed >= 15, "{timed}");
    let kinds: HashSet<EventKind> = doc.timeline.iter().map(|e| e.kind).collect();
    for k in EventKind::ALL {
        assert!(kinds.contains(&k), "no {k:?} event");
    }
    assert!(doc
        .timeline
        .iter()
        .any(|e| e.precision == Precision::Approximate));
    assert!(doc
        .timeline
        .iter()
        .any(|e| e.precision == Precision::Unknown));
    // Stored in the order the editor keeps: the sort is a no-op.
    let mut sorted = doc.timeline.clone();
    debrief::domain::edit::sort_timeline(&mut sorted);
    assert_eq!(sorted, doc.timeline);
}

#[test]
fn context_is_filled_in_full() {
    let c = example().context;
    assert_eq!(c.severity, Some(Severity::Sev2));
    assert_eq!(c.time_zone, "Europe/Berlin");
    assert!(c.started < c.ended);
    assert!(c.impact.users_affected.is_some() && c.impact.requests_failed.is_some());
    assert!(!c.impact.revenue_sla.is_empty());
    assert_eq!(c.people.len(), 5);
    assert!(c.people.iter().all(|p| !p.response_role.is_empty()));
    assert!(!c.tags.is_empty() && c.links.len() >= 5);
}

#[test]
fn remedy_mixes_statuses_and_links_factors() {
    let doc = example();
    let items = &doc.remedy.items;
    assert!(items.len() >= 5);
    assert!(!doc.remedy.unknown);
    assert!(items.iter().all(|i| !i.factor_ids.is_empty()));
    let categories: HashSet<_> = doc.reason.factors.iter().map(|f| f.category).collect();
    assert!(doc.reason.factors.len() >= 4 && categories.len() >= 4);

    let accepted: Vec<_> = items
        .iter()
        .filter(|i| i.status == ItemStatus::RiskAccepted)
        .collect();
    assert_eq!(accepted.len(), 1);
    assert!(!accepted[0].status_reason.is_empty() && !accepted[0].accepted_by.is_empty());
    let done: Vec<_> = items
        .iter()
        .filter(|i| i.status == ItemStatus::Done)
        .collect();
    assert_eq!(done.len(), 1);
    assert!(done[0].completed.is_some());
    assert!(items.iter().all(smart::is_smart));
    // Items are still open, so the example cannot be closed yet.
    assert!(can_close(&doc).is_err());
}

#[test]
fn lessons_questions_meeting_and_evidence_are_filled() {
    let doc = example();
    for kind in LessonKind::ALL {
        let n = kind.list(&doc.lessons).len();
        assert!((1..=3).contains(&n), "{kind:?}: {n}");
    }
    let shipped: HashSet<String> = default_questions().into_iter().map(|q| q.id).collect();
    let have: HashSet<String> = doc.questions.iter().map(|q| q.id.clone()).collect();
    assert!(shipped.is_subset(&have));
    assert!(doc.questions.iter().all(|q| q.state != QuestionState::Open));
    assert_eq!(doc.questions.iter().filter(|q| q.custom).count(), 1);

    let m = &doc.meeting;
    assert_eq!(m.dissent.len(), 2);
    assert!(m.learning_date.is_some() && m.learning_date != m.actions_date);
    assert!(!m.location.is_empty() && !m.check_in.is_empty() && !m.check_out.is_empty());
    let e = &doc.evidence;
    assert_eq!(e.conversations.len(), 2);
    assert!(e.conversations.iter().all(|c| !c.excerpt.is_empty()));
    assert!(!e.notes.is_empty() && !e.materials.is_empty());
}

/// Words and phrases that tend to assign blame or lean on hindsight. The
/// example is what people copy, so it must not use them anywhere.
const BLAME: &[&str] = &[
    "should have",
    "could have",
    "would have",
    "failed to",
    "neglected",
    "human error",
    "careless",
    "negligent",
    "fault",
    "root cause",
    "just",
    "simply",
    "obviously",
    "blame",
];

#[test]
fn example_wording_is_blameless() {
    let json = to_json(&example()).to_lowercase();
    // Compare whole words, so "adjust" does not match "just".
    let words: Vec<&str> = json
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let text = format!(" {} ", words.join(" "));
    for phrase in BLAME {
        assert!(
            !text.contains(&format!(" {phrase} ")),
            "the example uses \"{phrase}\""
        );
    }
}
