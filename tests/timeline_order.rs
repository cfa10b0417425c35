//! The timeline's order (`sort_timeline`, and edits that add events) and
//! properties of durations over any timeline: split from `durations.rs`.

use chrono::{DateTime, Utc};
use debrief::domain::durations::durations;
use debrief::domain::edit::sort_timeline;
use debrief::domain::{
    apply, new_postmortem, Edit, EventKind, ListEdit, Precision, Template, TimelineEvent,
};
use proptest::prelude::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

// ------------------------------------------------------------ sort_timeline

fn at(id: &str, time: Option<&str>, precision: Precision) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: time.map(utc),
        precision,
        ..Default::default()
    }
}

fn ids(events: &[TimelineEvent]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

#[test]
fn sort_keeps_entry_order_for_equal_times_and_puts_unknown_last() {
    let mut events = vec![
        at("u1", None, Precision::Unknown),
        at("b1", Some("2024-05-01T14:10:00Z"), Precision::Exact),
        at("a", Some("2024-05-01T14:00:00Z"), Precision::Approximate),
        // Unknown precision with a stale stored time still counts as unknown.
        at("u2", Some("2024-05-01T13:00:00Z"), Precision::Unknown),
        at("b2", Some("2024-05-01T14:10:00Z"), Precision::Approximate),
        at("u3", None, Precision::Exact),
        at("b3", Some("2024-05-01T14:10:00Z"), Precision::Exact),
    ];
    sort_timeline(&mut events);
    assert_eq!(ids(&events), ["a", "b1", "b2", "b3", "u1", "u2", "u3"]);
    // Sorting again changes nothing (stability makes it idempotent).
    let once = events.clone();
    sort_timeline(&mut events);
    assert_eq!(events, once);
}

#[test]
fn adding_events_through_edits_keeps_them_sorted_and_stable() {
    let mut doc = new_postmortem(
        "pm-1",
        utc("2024-05-01T00:00:00Z"),
        Template::Full,
        "Europe/Berlin",
    );
    for (id, t) in [
        ("late", Some("2024-05-01T15:00:00Z")),
        ("unknown", None),
        ("same1", Some("2024-05-01T14:00:00Z")),
        ("same2", Some("2024-05-01T14:00:00Z")),
        ("early", Some("2024-05-01T13:00:00Z")),
    ] {
        let e = at(
            id,
            t,
            if t.is_some() {
                Precision::Exact
            } else {
                Precision::Unknown
            },
        );
        assert!(apply(&mut doc, Edit::Event(ListEdit::Add(e, None))));
    }
    assert_eq!(
        ids(&doc.timeline),
        ["early", "same1", "same2", "late", "unknown"]
    );
}

// ------------------------------------------------------------ properties

fn arb_event() -> impl Strategy<Value = TimelineEvent> {
    let time = prop_oneof![
        // Mostly times within a couple of days, so spans and clashes occur.
        8 => (0i64..3000).prop_map(|m| Some(utc("2024-05-01T00:00:00Z") + chrono::TimeDelta::minutes(m))),
        1 => Just(None),
        1 => prop_oneof![Just(Some(DateTime::<Utc>::MIN_UTC)), Just(Some(DateTime::<Utc>::MAX_UTC))],
    ];
    let precision = prop_oneof![
        Just(Precision::Exact),
        Just(Precision::Approximate),
        Just(Precision::Unknown)
    ];
    let kind = (0usize..EventKind::ALL.len()).prop_map(|i| EventKind::ALL[i]);
    ("[a-z]{0,3}", time, precision, kind).prop_map(|(id, time, precision, kind)| TimelineEvent {
        id,
        time,
        precision,
        kind,
        ..Default::default()
    })
}

proptest! {
    #[test]
    fn durations_never_panic_and_stay_consistent(events in prop::collection::vec(arb_event(), 0..24)) {
        let d = durations(&events);
        let m = d.milestones;
        for (end, span) in [
            (m.detected, &d.detect),
            (m.acknowledged, &d.acknowledge),
            (m.mitigated, &d.mitigate),
            (m.resolved, &d.resolve),
        ] {
            // Available spans are never negative and agree with the timestamps.
            if let Some(s) = span.seconds() {
                prop_assert!(s >= 0);
                prop_assert_eq!(Some(s), end.zip(m.started).map(|(e, st)| (e - st).num_seconds()));
            }
            prop_assert!(!span.label().is_empty());
            prop_assert!(!span.to_string().is_empty());
        }
        for w in &d.warnings {
            prop_assert!(!w.message().is_empty());
            // Every named id belongs to an event in the list.
            for id in &w.event_ids {
                prop_assert!(events.iter().any(|e| &e.id == id));
            }
        }
        // The figures do not depend on the order events were entered in.
        let mut reversed = events.clone();
        reversed.reverse();
        let r = durations(&reversed);
        prop_assert_eq!(r.milestones, d.milestones);
        for ((_, a), (_, b)) in r.rows().iter().zip(d.rows().iter()) {
            prop_assert_eq!(a.seconds(), b.seconds());
        }
    }
}

proptest! {
    /// Updating an event leaves the timeline exactly as sorting it again
    /// would, whether the update rewords it (no sort is run then) or moves
    /// it in time.
    #[test]
    fn an_update_leaves_the_order_a_full_sort_would(
        events in prop::collection::vec(arb_event(), 1..24),
        pick in any::<prop::sample::Index>(),
        change in arb_event(),
        retime in any::<bool>(),
    ) {
        let mut doc = new_postmortem("pm-1", utc("2024-05-01T00:00:00Z"), Template::Full, "UTC");
        for (i, mut e) in events.into_iter().enumerate() {
            e.id = format!("e{i}");
            apply(&mut doc, Edit::Event(ListEdit::Add(e, None)));
        }
        let mut updated = doc.timeline[pick.index(doc.timeline.len())].clone();
        updated.description = format!("{} reworded", updated.description);
        if retime {
            updated.time = change.time;
            updated.precision = change.precision;
        }
        let mut expected = doc.timeline.clone();
        if let Some(slot) = expected.iter_mut().find(|e| e.id == updated.id) {
            *slot = updated.clone();
        }
        sort_timeline(&mut expected);
        prop_assert!(apply(&mut doc, Edit::Event(ListEdit::Update(updated))));
        prop_assert_eq!(doc.timeline, expected);
    }
}
