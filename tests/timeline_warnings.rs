//! Which timeline warnings are about the whole timeline (said once, in the
//! section's list) and which are about the rows they name.

use chrono::{DateTime, Utc};
use debrief::domain::durations::{durations, WarningKind};
use debrief::domain::{EventKind, Precision, TimelineEvent};

fn ev(id: &str, kind: EventKind, time: Option<&str>) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: time.map(|t| DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc)),
        precision: if time.is_some() {
            Precision::Exact
        } else {
            Precision::Unknown
        },
        kind,
        description: "something happened".into(),
        source: String::new(),
        ..TimelineEvent::default()
    }
}

#[test]
fn a_missing_impact_start_and_unknown_times_are_said_once_for_the_timeline() {
    let events = [
        ev("d", EventKind::Detected, Some("2024-05-01T10:00:00Z")),
        ev("r", EventKind::Resolved, Some("2024-05-01T11:00:00Z")),
        ev("u", EventKind::Detected, None),
    ];
    let d = durations(&events);
    let kinds: Vec<&WarningKind> = d.warnings.iter().map(|w| &w.kind).collect();
    assert!(kinds.contains(&&WarningKind::NoImpactStart));
    for w in &d.warnings {
        let whole = matches!(
            w.kind,
            WarningKind::NoImpactStart | WarningKind::UnknownTime
        );
        assert_eq!(w.about_whole_timeline(), whole, "{:?}", w.kind);
    }
}

#[test]
fn an_end_before_the_start_is_about_its_rows() {
    let events = [
        ev("s", EventKind::ImpactStart, Some("2024-05-01T10:00:00Z")),
        ev("r", EventKind::Resolved, Some("2024-05-01T09:00:00Z")),
    ];
    let d = durations(&events);
    assert!(
        !d.warnings.is_empty(),
        "a resolution before the start is warned"
    );
    assert!(d.warnings.iter().all(|w| !w.about_whole_timeline()));
}
