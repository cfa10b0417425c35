use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use debrief::domain::durations::{
    durations, format_minutes, known_time, Span, Unavailable, WarningKind,
};
use debrief::domain::zone::{format_at_offset, parse_local};
use debrief::domain::{EventKind, Precision, TimelineEvent};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn ev(id: &str, kind: EventKind, time: &str) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: Some(utc(time)),
        precision: Precision::Exact,
        kind,
        description: format!("{} event", kind.label()),
        ..TimelineEvent::default()
    }
}

fn approx(mut e: TimelineEvent) -> TimelineEvent {
    e.precision = Precision::Approximate;
    e
}

fn unknown(id: &str, kind: EventKind) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: None,
        precision: Precision::Unknown,
        kind,
        ..Default::default()
    }
}

use EventKind::*;

fn typical() -> Vec<TimelineEvent> {
    vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("d", Detected, "2024-05-01T14:12:00Z"),
        ev("a", Acknowledged, "2024-05-01T14:20:00Z"),
        ev("n", Note, "2024-05-01T14:30:00Z"),
        ev("m", Mitigated, "2024-05-01T14:45:00Z"),
        ev("r", Resolved, "2024-05-01T16:05:00Z"),
    ]
}

#[test]
fn typical_incident_gives_every_duration_exactly() {
    let d = durations(&typical());
    assert_eq!(d.detect, Span::Exact { seconds: 12 * 60 });
    assert_eq!(d.acknowledge, Span::Exact { seconds: 20 * 60 });
    assert_eq!(d.mitigate, Span::Exact { seconds: 45 * 60 });
    assert_eq!(d.resolve, Span::Exact { seconds: 125 * 60 });
    assert_eq!(d.impact, d.resolve);
    assert_eq!(d.impact_end, Some(Resolved));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert!(d.computed());
    assert_eq!(d.detect.label(), "12 min");
    assert_eq!(d.resolve.label(), "2 h 05 min");
    assert_eq!(d.resolve.to_string(), "2 h 05 min");
    assert_eq!(d.milestones.started, Some(utc("2024-05-01T14:00:00Z")));
    assert_eq!(d.milestones.detected, Some(utc("2024-05-01T14:12:00Z")));
    assert_eq!(d.milestones.acknowledged, Some(utc("2024-05-01T14:20:00Z")));
    assert_eq!(d.milestones.mitigated, Some(utc("2024-05-01T14:45:00Z")));
    assert_eq!(d.milestones.resolved, Some(utc("2024-05-01T16:05:00Z")));
    let names: Vec<&str> = d.milestones.named().iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "started",
            "detected",
            "acknowledged",
            "mitigated",
            "resolved"
        ]
    );
    let rows: Vec<(&str, String)> = d.rows().iter().map(|(l, s)| (*l, s.label())).collect();
    assert_eq!(rows[0], ("Time to detect", "12 min".to_string()));
    assert_eq!(rows[4], ("Total impact", "2 h 05 min".to_string()));
}

#[test]
fn entry_order_does_not_change_the_result() {
    let mut events = typical();
    let expected = durations(&events);
    events.reverse();
    assert_eq!(durations(&events), expected);
    events.swap(0, 3);
    assert_eq!(durations(&events), expected);
}

#[test]
fn times_entered_in_different_zones_compare_as_instants() {
    // The start comes from a chat in Berlin summer time, detection from a UTC
    // log, resolution from a responder in New York (EDT). All are 14:00Z-based.
    let berlin = FixedOffset::east_opt(2 * 3600).unwrap();
    let new_york = FixedOffset::west_opt(4 * 3600).unwrap();
    let at = |tz: FixedOffset, h, m| {
        tz.with_ymd_and_hms(2024, 5, 1, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    };
    let events = vec![
        TimelineEvent {
            id: "s".into(),
            time: Some(at(berlin, 16, 0)),
            kind: ImpactStart,
            ..Default::default()
        },
        TimelineEvent {
            id: "d".into(),
            time: Some(utc("2024-05-01T14:07:00Z")),
            kind: Detected,
            ..Default::default()
        },
        TimelineEvent {
            id: "r".into(),
            time: Some(at(new_york, 11, 30)),
            kind: Resolved,
            ..Default::default()
        },
    ];
    let d = durations(&events);
    assert_eq!(d.detect.minutes(), Some(7));
    // 16:00 in Berlin to 11:30 in New York looks like "backwards" on the wall
    // clocks, yet it is 14:00Z → 15:30Z.
    assert_eq!(d.resolve.minutes(), Some(90));
    assert!(d.warnings.is_empty());
}

#[test]
fn spring_forward_in_berlin_is_an_hour_not_two() {
    // 2024-03-31: at 02:00 CET (01:00Z) Berlin clocks jump to 03:00 CEST.
    // 01:30 CET = 00:30Z and 03:30 CEST = 01:30Z, worked out by hand.
    let start = parse_local("2024-03-31T01:30", 60).unwrap();
    let end = parse_local("2024-03-31T03:30", 120).unwrap();
    assert_eq!(start, utc("2024-03-31T00:30:00Z"));
    assert_eq!(end, utc("2024-03-31T01:30:00Z"));
    let events = vec![
        TimelineEvent {
            id: "s".into(),
            time: Some(start),
            kind: ImpactStart,
            ..Default::default()
        },
        TimelineEvent {
            id: "r".into(),
            time: Some(end),
            kind: Resolved,
            ..Default::default()
        },
    ];
    let d = durations(&events);
    assert_eq!(d.resolve, Span::Exact { seconds: 3600 });
    assert_eq!(d.resolve.label(), "1 h");
    // Shown back in local time, each at its own offset, the wall clocks differ by two hours.
    assert_eq!(format_at_offset(start, 60), "2024-03-31 01:30");
    assert_eq!(format_at_offset(end, 120), "2024-03-31 03:30");
}

#[test]
fn fall_back_in_berlin_repeats_the_wall_clock_but_not_the_duration() {
    // 2024-10-27: at 03:00 CEST (01:00Z) clocks go back to 02:00 CET, so 02:30
    // happens twice: 02:30 CEST = 00:30Z and 02:30 CET = 01:30Z.
    let first = parse_local("2024-10-27T02:30", 120).unwrap();
    let second = parse_local("2024-10-27T02:30", 60).unwrap();
    assert_eq!(first, utc("2024-10-27T00:30:00Z"));
    assert_eq!(second, utc("2024-10-27T01:30:00Z"));
    let events = vec![
        TimelineEvent {
            id: "s".into(),
            time: Some(first),
            kind: ImpactStart,
            ..Default::default()
        },
        TimelineEvent {
            id: "m".into(),
            time: Some(second),
            kind: Mitigated,
            ..Default::default()
        },
    ];
    let d = durations(&events);
    assert_eq!(d.mitigate.minutes(), Some(60));
    assert!(d.warnings.is_empty());
}

#[test]
fn an_approximate_end_makes_the_span_approximate() {
    let mut events = typical();
    events[1] = approx(events[1].clone());
    let d = durations(&events);
    assert_eq!(d.detect, Span::Approximate { seconds: 12 * 60 });
    assert!(d.detect.is_approximate());
    assert_eq!(d.detect.label(), "\u{2248} 12 min");
    assert_eq!(d.detect.to_string(), "\u{2248} 12 min");
    // Spans not touching the approximate event stay exact.
    assert_eq!(d.resolve, Span::Exact { seconds: 125 * 60 });
}

#[test]
fn an_approximate_start_makes_every_span_approximate() {
    let mut events = typical();
    events[0] = approx(events[0].clone());
    let d = durations(&events);
    for (label, span) in d.rows() {
        assert!(span.is_approximate(), "{label} should be approximate");
    }
    assert_eq!(d.mitigate.label(), "\u{2248} 45 min");
}

#[test]
fn unknown_start_time_makes_spans_unavailable_with_the_reason() {
    let mut events = typical();
    events[0] = unknown("s", ImpactStart);
    let d = durations(&events);
    let expected = Span::Unavailable(Unavailable::UnknownTime {
        event_id: "s".into(),
        kind: ImpactStart,
    });
    assert_eq!(d.detect, expected);
    assert_eq!(d.resolve, expected);
    assert_eq!(d.detect.label(), "\u{2014}");
    assert_eq!(
        d.detect.to_string(),
        "\u{2014} (the \u{201c}Impact start\u{201d} time is unknown)"
    );
    assert_eq!(d.milestones.started, None);
    // The other milestones still have their times.
    assert_eq!(d.milestones.detected, Some(utc("2024-05-01T14:12:00Z")));
    let w: Vec<_> = d
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::UnknownTime)
        .collect();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].event_ids, ["s"]);
    // An unknown start is not a missing start.
    assert!(!d
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NoImpactStart));
}

#[test]
fn a_time_marked_unknown_is_ignored_even_if_one_is_stored() {
    let mut events = typical();
    events[1].precision = Precision::Unknown; // time still Some(14:12)
    assert_eq!(known_time(&events[1]), None);
    let d = durations(&events);
    assert_eq!(
        d.detect,
        Span::Unavailable(Unavailable::UnknownTime {
            event_id: "d".into(),
            kind: Detected
        })
    );
    let w = d
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::UnknownTime)
        .unwrap();
    assert_eq!(w.event_ids, ["d"]);
    assert_eq!(
        w.message(),
        "1 event has an unknown time; it is left out of the durations and the chart."
    );
}

#[test]
fn a_known_duplicate_is_preferred_over_an_unknown_one() {
    let mut events = typical();
    events.push(unknown("d2", Detected));
    let d = durations(&events);
    assert_eq!(d.detect.minutes(), Some(12));
    let kinds: Vec<_> = d.warnings.iter().map(|w| w.kind.clone()).collect();
    assert_eq!(
        kinds,
        [WarningKind::UnknownTime, WarningKind::Duplicate(Detected)]
    );
    assert_eq!(d.warnings[1].event_ids, ["d", "d2"]);
}

#[test]
fn unknown_times_on_several_events_are_listed_in_one_warning() {
    let mut events = typical();
    events.push(unknown("x", Note));
    events.push(TimelineEvent {
        id: "y".into(),
        time: None,
        precision: Precision::Exact, // no time at all, whatever the flag says
        kind: Action,
        ..Default::default()
    });
    let d = durations(&events);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].kind, WarningKind::UnknownTime);
    assert_eq!(d.warnings[0].event_ids, ["x", "y"]);
    assert!(d.warnings[0]
        .message()
        .starts_with("2 events have an unknown time"));
    // Notes and actions with unknown times do not disturb the durations.
    assert_eq!(d.resolve.minutes(), Some(125));
}

#[test]
fn no_impact_start_is_a_warning_naming_the_milestones_that_need_it() {
    let events: Vec<_> = typical()
        .into_iter()
        .filter(|e| e.kind != ImpactStart)
        .collect();
    let d = durations(&events);
    assert_eq!(d.detect, Span::Unavailable(Unavailable::NoStart));
    assert_eq!(d.impact, Span::Unavailable(Unavailable::NoStart));
    assert_eq!(d.warnings[0].kind, WarningKind::NoImpactStart);
    assert_eq!(d.warnings[0].event_ids, ["d", "a", "m", "r"]);
    assert!(d.warnings[0].message().contains("impact start"));
    assert_eq!(d.detect.to_string(), "\u{2014} (no impact start recorded)");
    assert!(!d.computed());
    // The other timestamps are still derived for exports.
    assert_eq!(d.milestones.resolved, Some(utc("2024-05-01T16:05:00Z")));
}

#[test]
fn only_notes_without_a_start_still_warn() {
    let d = durations(&[ev("n", Note, "2024-05-01T14:00:00Z")]);
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].kind, WarningKind::NoImpactStart);
    assert!(d.warnings[0].event_ids.is_empty());
}

#[test]
fn an_empty_timeline_has_nothing_to_warn_about() {
    let d = durations(&[]);
    assert!(d.warnings.is_empty());
    assert_eq!(d.resolve, Span::Unavailable(Unavailable::NoStart));
    assert_eq!(d.impact_end, None);
    assert_eq!(d.milestones, Default::default());
}

#[test]
fn missing_end_milestones_say_which_one_is_missing() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("d", Detected, "2024-05-01T14:10:00Z"),
    ];
    let d = durations(&events);
    assert_eq!(
        d.acknowledge,
        Span::Unavailable(Unavailable::NoEnd(Acknowledged))
    );
    assert_eq!(d.resolve, Span::Unavailable(Unavailable::NoEnd(Resolved)));
    assert_eq!(
        d.resolve.to_string(),
        "\u{2014} (no \u{201c}Resolved\u{201d} event recorded)"
    );
    assert_eq!(d.impact, Span::Unavailable(Unavailable::NoEnd(Resolved)));
    assert_eq!(d.impact_end, None);
    assert!(d.warnings.is_empty());
}

#[test]
fn impact_runs_to_mitigation_until_a_resolution_is_recorded() {
    let events: Vec<_> = typical()
        .into_iter()
        .filter(|e| e.kind != Resolved)
        .collect();
    let d = durations(&events);
    assert_eq!(d.impact_end, Some(Mitigated));
    assert_eq!(d.impact, Span::Exact { seconds: 45 * 60 });
    assert_eq!(d.resolve, Span::Unavailable(Unavailable::NoEnd(Resolved)));
    // An unknown resolution is not replaced by the mitigation: it exists.
    let mut events = events;
    events.push(unknown("r", Resolved));
    let d = durations(&events);
    assert_eq!(d.impact_end, Some(Resolved));
    assert_eq!(
        d.impact,
        Span::Unavailable(Unavailable::UnknownTime {
            event_id: "r".into(),
            kind: Resolved
        })
    );
}

#[test]
fn a_second_resolved_warns_and_the_latest_counts() {
    let mut events = typical();
    events.push(ev("r2", Resolved, "2024-05-01T18:00:00Z"));
    let d = durations(&events);
    assert_eq!(d.resolve.minutes(), Some(240));
    assert_eq!(d.milestones.resolved, Some(utc("2024-05-01T18:00:00Z")));
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].kind, WarningKind::Duplicate(Resolved));
    assert_eq!(d.warnings[0].event_ids, ["r", "r2"]);
    assert_eq!(
        d.warnings[0].message(),
        "2 events are marked \u{201c}Resolved\u{201d}; the durations use the latest."
    );
}

#[test]
fn a_second_detection_warns_and_the_earliest_counts() {
    let mut events = typical();
    events.insert(0, ev("d0", Detected, "2024-05-01T14:05:00Z"));
    let d = durations(&events);
    assert_eq!(d.detect.minutes(), Some(5));
    assert_eq!(d.warnings[0].kind, WarningKind::Duplicate(Detected));
    assert_eq!(d.warnings[0].event_ids, ["d0", "d"]);
    assert!(d.warnings[0].message().ends_with("use the earliest."));
}

#[test]
fn every_duplicated_milestone_kind_is_reported_in_incident_order() {
    let mut events = typical();
    for (id, kind, t) in [
        ("r2", Resolved, "2024-05-01T16:10:00Z"),
        ("s2", ImpactStart, "2024-05-01T14:01:00Z"),
        ("a2", Acknowledged, "2024-05-01T14:21:00Z"),
        ("m2", Mitigated, "2024-05-01T14:46:00Z"),
        ("e1", Escalated, "2024-05-01T14:25:00Z"),
        ("e2", Escalated, "2024-05-01T14:26:00Z"),
    ] {
        events.push(ev(id, kind, t));
    }
    let d = durations(&events);
    let kinds: Vec<_> = d.warnings.iter().map(|w| w.kind.clone()).collect();
    // Escalations may repeat: they are not milestones.
    assert_eq!(
        kinds,
        [
            WarningKind::Duplicate(ImpactStart),
            WarningKind::Duplicate(Acknowledged),
            WarningKind::Duplicate(Mitigated),
            WarningKind::Duplicate(Resolved),
        ]
    );
}

#[test]
fn resolved_before_detected_is_reported_once_with_both_ids() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("r", Resolved, "2024-05-01T14:05:00Z"),
        ev("d", Detected, "2024-05-01T14:10:00Z"),
        ev("m", Mitigated, "2024-05-01T14:20:00Z"),
    ];
    let d = durations(&events);
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    assert_eq!(
        d.warnings[0].kind,
        WarningKind::OutOfOrder {
            expected_first: Detected,
            recorded_first: Resolved
        }
    );
    assert_eq!(d.warnings[0].event_ids, ["r", "d"]);
    assert_eq!(
        d.warnings[0].message(),
        "\u{201c}Resolved\u{201d} is recorded before \u{201c}Detected\u{201d}; check the times."
    );
    // The spans are still measured from the start: each one on its own is fine.
    assert_eq!(d.resolve.minutes(), Some(5));
}

#[test]
fn an_end_before_the_start_is_unavailable_and_warned() {
    let events = vec![
        ev("d", Detected, "2024-05-01T13:50:00Z"),
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("r", Resolved, "2024-05-01T15:00:00Z"),
    ];
    let d = durations(&events);
    assert_eq!(
        d.detect,
        Span::Unavailable(Unavailable::EndBeforeStart {
            start_id: "s".into(),
            end_id: "d".into()
        })
    );
    assert_eq!(
        d.detect.to_string(),
        "\u{2014} (recorded before the impact start)"
    );
    assert_eq!(d.resolve.minutes(), Some(60));
    assert_eq!(
        d.warnings,
        [debrief::domain::durations::Warning {
            kind: WarningKind::OutOfOrder {
                expected_first: ImpactStart,
                recorded_first: Detected
            },
            event_ids: vec!["d".into(), "s".into()],
        }]
    );
}

#[test]
fn each_phase_out_of_order_is_reported() {
    // Acknowledged before detected, and mitigated before acknowledged.
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("a", Acknowledged, "2024-05-01T14:05:00Z"),
        ev("d", Detected, "2024-05-01T14:10:00Z"),
        ev("m", Mitigated, "2024-05-01T14:07:00Z"),
        ev("r", Resolved, "2024-05-01T14:30:00Z"),
    ];
    let d = durations(&events);
    let found: Vec<_> = d
        .warnings
        .iter()
        .map(|w| (w.kind.clone(), w.event_ids.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                WarningKind::OutOfOrder {
                    expected_first: Detected,
                    recorded_first: Acknowledged
                },
                vec!["a".to_string(), "d".to_string()]
            ),
            (
                WarningKind::OutOfOrder {
                    expected_first: Detected,
                    recorded_first: Mitigated
                },
                vec!["m".to_string(), "d".to_string()]
            ),
        ]
    );
}

#[test]
fn equal_times_are_in_order() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("d", Detected, "2024-05-01T14:00:00Z"),
        ev("r", Resolved, "2024-05-01T14:00:00Z"),
    ];
    let d = durations(&events);
    assert!(d.warnings.is_empty());
    assert_eq!(d.detect.label(), "0 min");
}

#[test]
fn seconds_round_to_the_nearest_minute_and_tiny_spans_say_so() {
    let base = ev("s", ImpactStart, "2024-05-01T14:00:00Z");
    let with_end = |t: &str| durations(&[base.clone(), ev("d", Detected, t)]).detect;
    assert_eq!(with_end("2024-05-01T14:00:20Z").label(), "< 1 min");
    assert_eq!(with_end("2024-05-01T14:00:20Z").minutes(), Some(0));
    assert_eq!(with_end("2024-05-01T14:01:29Z").minutes(), Some(1));
    assert_eq!(with_end("2024-05-01T14:01:30Z").minutes(), Some(2));
    assert_eq!(with_end("2024-05-01T14:01:30Z").seconds(), Some(90));
}

#[test]
fn human_formatting_of_minutes() {
    assert_eq!(format_minutes(0), "0 min");
    assert_eq!(format_minutes(45), "45 min");
    assert_eq!(format_minutes(59), "59 min");
    assert_eq!(format_minutes(60), "1 h");
    assert_eq!(format_minutes(125), "2 h 05 min");
    assert_eq!(format_minutes(23 * 60 + 59), "23 h 59 min");
    assert_eq!(format_minutes(24 * 60), "1 d");
    assert_eq!(format_minutes(27 * 60), "1 d 3 h");
    // From a day on, minutes round to the nearest hour, carrying into days.
    assert_eq!(format_minutes(27 * 60 + 29), "1 d 3 h");
    assert_eq!(format_minutes(27 * 60 + 30), "1 d 4 h");
    assert_eq!(format_minutes(47 * 60 + 50), "2 d");
    assert_eq!(format_minutes(-45), "\u{2212}45 min");
    assert_eq!(format_minutes(i64::MIN).chars().next(), Some('\u{2212}'));
    assert!(format_minutes(i64::MAX).ends_with(" h"));
}

#[test]
fn a_thirty_hour_incident_reads_in_days() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T08:00:00Z"),
        ev("r", Resolved, "2024-05-02T14:00:00Z"),
    ];
    assert_eq!(durations(&events).resolve.label(), "1 d 6 h");
}
