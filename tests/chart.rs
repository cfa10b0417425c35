use chrono::{DateTime, TimeDelta, Utc};
use debrief::domain::chart::{layout, layout_with, tick_step, Chart, ChartOptions, Marker, Phase};
use debrief::domain::{EventKind, Precision, TimelineEvent};
use proptest::prelude::*;

use EventKind::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn ev(id: &str, kind: EventKind, time: &str) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: Some(utc(time)),
        precision: Precision::Exact,
        kind,
        description: format!("{id} happened"),
        source: String::new(),
        ..TimelineEvent::default()
    }
}

fn opts(width: f64, offset_minutes: i32) -> ChartOptions {
    ChartOptions {
        width,
        offset_minutes,
        ..Default::default()
    }
}

fn labels(c: &Chart) -> Vec<&str> {
    c.ticks.iter().map(|t| t.label.as_str()).collect()
}

/// Asserts what the label rows promise: labels in one row never overlap (and
/// keep the gap), every label stays inside the drawing.
fn assert_labels_apart(c: &Chart, gap: f64) {
    for m in &c.markers {
        assert!(m.label_x >= 0.0, "{m:?}");
        assert!(m.label_x + m.label_width <= c.width + 1e-9, "{m:?}");
        if let Some(r) = m.row {
            assert!(r < c.rows);
        }
    }
    for (i, a) in c.markers.iter().enumerate() {
        for b in &c.markers[i + 1..] {
            if a.row.is_some() && a.row == b.row {
                let apart = a.label_x + a.label_width + gap <= b.label_x + 1e-9
                    || b.label_x + b.label_width + gap <= a.label_x + 1e-9;
                assert!(apart, "labels overlap in row {:?}: {a:?} / {b:?}", a.row);
            }
        }
    }
}

fn twenty_minutes() -> Vec<TimelineEvent> {
    vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("d", Detected, "2024-05-01T14:04:00Z"),
        ev("a", Acknowledged, "2024-05-01T14:06:00Z"),
        ev("m", Mitigated, "2024-05-01T14:15:00Z"),
        ev("r", Resolved, "2024-05-01T14:18:00Z"),
        ev("n", Communication, "2024-05-01T14:20:00Z"),
    ]
}

#[test]
fn nothing_to_draw_without_a_known_time() {
    assert_eq!(layout(&[], &ChartOptions::default()), None);
    let unknown = TimelineEvent {
        id: "u".into(),
        precision: Precision::Unknown,
        time: Some(utc("2024-05-01T14:00:00Z")),
        ..Default::default()
    };
    assert_eq!(layout(&[unknown], &ChartOptions::default()), None);
}

#[test]
fn a_twenty_minute_incident_gets_two_minute_ticks_in_local_time() {
    let c = layout(&twenty_minutes(), &opts(800.0, 120)).unwrap();
    // One minute of padding each side of 14:00–14:20.
    assert_eq!(c.start, utc("2024-05-01T13:59:00Z"));
    assert_eq!(c.end, utc("2024-05-01T14:21:00Z"));
    assert_eq!((c.plot_left, c.plot_right), (16.0, 784.0));
    assert_eq!(c.step_minutes, 2);
    assert_eq!(
        labels(&c),
        [
            "16:00", "16:02", "16:04", "16:06", "16:08", "16:10", "16:12", "16:14", "16:16",
            "16:18", "16:20"
        ]
    );
    assert_eq!(c.ticks[0].day.as_deref(), Some("2024-05-01"));
    assert!(c.ticks[1..].iter().all(|t| t.day.is_none()));
    for w in c.ticks.windows(2) {
        assert!(w[0].x < w[1].x);
    }
    assert!(c
        .ticks
        .iter()
        .all(|t| t.x >= c.plot_left && t.x <= c.plot_right));
    // 14:00Z sits one minute into a 22-minute axis.
    let expected = 16.0 + 768.0 / 22.0;
    assert!((c.ticks[0].x - expected).abs() < 1e-9);
    // A narrower chart thins the ticks out.
    let narrow = layout(&twenty_minutes(), &opts(400.0, 120)).unwrap();
    assert_eq!(narrow.step_minutes, 5);
    assert_eq!(
        labels(&narrow),
        ["16:00", "16:05", "16:10", "16:15", "16:20"]
    );
}

#[test]
fn a_thirty_hour_incident_gets_three_hour_ticks_and_a_day_change() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T08:00:00Z"),
        ev("d", Detected, "2024-05-01T09:30:00Z"),
        ev("m", Mitigated, "2024-05-02T06:00:00Z"),
        ev("r", Resolved, "2024-05-02T14:00:00Z"),
    ];
    let c = layout(&events, &opts(800.0, 120)).unwrap();
    assert_eq!(c.step_minutes, 180);
    // Data runs 10:00 on 05-01 to 16:00 on 05-02 local time; with 72 minutes
    // of padding the axis runs 08:48 to 17:12.
    assert_eq!(
        labels(&c),
        [
            "09:00", "12:00", "15:00", "18:00", "21:00", "00:00", "03:00", "06:00", "09:00",
            "12:00", "15:00"
        ]
    );
    let days: Vec<(&str, &str)> = c
        .ticks
        .iter()
        .filter_map(|t| t.day.as_deref().map(|d| (t.label.as_str(), d)))
        .collect();
    assert_eq!(days, [("09:00", "2024-05-01"), ("00:00", "2024-05-02")]);
    assert_eq!(c.ticks[5].time, utc("2024-05-01T22:00:00Z"));
}

#[test]
fn ticks_follow_the_local_clock_in_half_hour_zones() {
    // India is UTC+05:30: ticks sit on local whole hours, not UTC ones.
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T08:00:00Z"),
        ev("r", Resolved, "2024-05-01T12:00:00Z"),
    ];
    let c = layout(&events, &opts(400.0, 330)).unwrap();
    assert_eq!(c.step_minutes, 60);
    assert_eq!(labels(&c), ["14:00", "15:00", "16:00", "17:00"]);
    assert_eq!(c.ticks[0].time, utc("2024-05-01T08:30:00Z"));
}

#[test]
fn tick_labels_across_the_spring_dst_change() {
    // Berlin 2024-03-31: +1 before 01:00Z, +2 from then (worked out by hand).
    let berlin = |t: DateTime<Utc>| {
        if t >= utc("2024-03-31T01:00:00Z") {
            120
        } else {
            60
        }
    };
    let events = vec![
        ev("s", ImpactStart, "2024-03-30T23:30:00Z"),
        ev("r", Resolved, "2024-03-31T02:30:00Z"),
    ];
    let c = layout_with(&events, &opts(300.0, 0), berlin).unwrap();
    assert_eq!(c.step_minutes, 60);
    // 00:00Z is 01:00 CET; 01:00Z is already 03:00 CEST: 02:00 never happened.
    assert_eq!(labels(&c), ["01:00", "03:00", "04:00"]);
    assert_eq!(c.ticks[0].day.as_deref(), Some("2024-03-31"));
}

#[test]
fn step_choice() {
    assert_eq!(tick_step(20, 10), 2);
    assert_eq!(tick_step(20, 4), 5);
    assert_eq!(tick_step(30 * 60, 12), 180);
    assert_eq!(tick_step(3 * 1440, 4), 1440);
    assert_eq!(tick_step(60 * 1440, 4), 21 * 1440);
    assert_eq!(tick_step(0, 0), 1);
}

#[test]
fn day_ticks_for_a_long_incident() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T08:00:00Z"),
        ev("r", Resolved, "2024-05-06T08:00:00Z"),
    ];
    let c = layout(&events, &opts(400.0, 0)).unwrap();
    assert_eq!(c.step_minutes, 1440);
    assert_eq!(labels(&c), ["05-02", "05-03", "05-04", "05-05", "05-06"]);
    assert_eq!(c.ticks[0].time, utc("2024-05-02T00:00:00Z"));
    assert!(c.ticks.iter().all(|t| t.day.is_some()));
}

#[test]
fn phases_follow_the_milestones() {
    let c = layout(&twenty_minutes(), &opts(800.0, 0)).unwrap();
    let got: Vec<(Phase, DateTime<Utc>, DateTime<Utc>, bool)> = c
        .phases
        .iter()
        .map(|p| (p.phase, p.start, p.end, p.open))
        .collect();
    assert_eq!(
        got,
        [
            (
                Phase::Undetected,
                utc("2024-05-01T14:00:00Z"),
                utc("2024-05-01T14:04:00Z"),
                false
            ),
            (
                Phase::Responding,
                utc("2024-05-01T14:04:00Z"),
                utc("2024-05-01T14:15:00Z"),
                false
            ),
            (
                Phase::Mitigated,
                utc("2024-05-01T14:15:00Z"),
                utc("2024-05-01T14:18:00Z"),
                false
            ),
            (
                Phase::After,
                utc("2024-05-01T14:18:00Z"),
                utc("2024-05-01T14:20:00Z"),
                false
            ),
        ]
    );
    // Segments are contiguous and placed where their times are.
    for w in c.phases.windows(2) {
        assert_eq!(w[0].x1, w[1].x0);
    }
    for p in &c.phases {
        assert_eq!(p.x0, c.x(p.start));
        assert_eq!(p.x1, c.x(p.end));
        assert!(!p.approximate);
        assert!(p.phase.class().starts_with("phase-"));
        assert!(!p.phase.label().is_empty());
    }
}

#[test]
fn a_missing_milestone_merges_into_the_phase_before() {
    let events: Vec<_> = twenty_minutes()
        .into_iter()
        .filter(|e| e.kind != Detected)
        .collect();
    let c = layout(&events, &opts(800.0, 0)).unwrap();
    let phases: Vec<Phase> = c.phases.iter().map(|p| p.phase).collect();
    assert_eq!(phases, [Phase::Undetected, Phase::Mitigated, Phase::After]);
    assert_eq!(c.phases[0].end, utc("2024-05-01T14:15:00Z"));
}

#[test]
fn an_unfinished_incident_ends_in_an_open_phase() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        approx(ev("d", Detected, "2024-05-01T14:04:00Z")),
        ev("n", Action, "2024-05-01T14:30:00Z"),
    ];
    let c = layout(&events, &opts(800.0, 0)).unwrap();
    assert_eq!(c.phases.len(), 2);
    assert!(c.phases[0].approximate, "ends at an approximate detection");
    assert!(!c.phases[0].open);
    assert_eq!(c.phases[1].phase, Phase::Responding);
    assert!(c.phases[1].open);
    assert_eq!(c.phases[1].end, utc("2024-05-01T14:30:00Z"));
}

#[test]
fn out_of_order_milestones_never_draw_backwards() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T14:00:00Z"),
        ev("r", Resolved, "2024-05-01T14:05:00Z"),
        ev("d", Detected, "2024-05-01T14:10:00Z"),
        ev("m", Mitigated, "2024-05-01T14:20:00Z"),
    ];
    let c = layout(&events, &opts(800.0, 0)).unwrap();
    let phases: Vec<Phase> = c.phases.iter().map(|p| p.phase).collect();
    // The early "resolved" is left out of the chain.
    assert_eq!(phases, [Phase::Undetected, Phase::Responding]);
    assert!(c.phases.iter().all(|p| p.x0 < p.x1));
}

fn approx(mut e: TimelineEvent) -> TimelineEvent {
    e.precision = Precision::Approximate;
    e
}

#[test]
fn markers_and_their_labels() {
    let mut events = twenty_minutes();
    events[5].description = "Status page updated with a long explanation of the cause".into();
    events.push(TimelineEvent {
        id: "u".into(),
        kind: Note,
        time: None,
        ..Default::default()
    });
    let c = layout(&events, &opts(800.0, 0)).unwrap();
    let ids: Vec<&str> = c.markers.iter().map(|m| m.event_id.as_str()).collect();
    assert_eq!(ids, ["s", "d", "a", "m", "r", "n"]);
    assert_eq!(c.unplaced, ["u"]);
    let m: &Marker = &c.markers[1];
    assert_eq!(m.label, "Detected");
    assert_eq!(m.x, c.x(utc("2024-05-01T14:04:00Z")));
    assert_eq!(m.label_x, m.x + 4.0);
    assert_eq!(m.label_width, 8.0 * 7.0);
    // A long description is cut to 24 characters, ellipsis included.
    let last = &c.markers[5];
    assert_eq!(last.label, "Status page updated wit\u{2026}");
    assert_eq!(last.label.chars().count(), 24);
    // Near the right edge the label goes left of its marker.
    assert_eq!(last.label_x, last.x - 4.0 - last.label_width);
    assert_labels_apart(&c, 6.0);
}

#[test]
fn crowded_labels_stack_into_rows_without_overlapping() {
    // Twenty events in two minutes: every label needs its own row.
    let base = utc("2024-05-01T14:00:00Z");
    let events: Vec<TimelineEvent> = (0..20)
        .map(|i| TimelineEvent {
            id: format!("e{i}"),
            time: Some(base + TimeDelta::seconds(i * 6)),
            kind: Note,
            description: format!("message number {i}"),
            ..Default::default()
        })
        .collect();
    let o = ChartOptions {
        max_rows: 30,
        ..opts(800.0, 0)
    };
    let c = layout(&events, &o).unwrap();
    assert!(c.rows > 1);
    assert!(c.markers.iter().all(|m| m.row.is_some()));
    assert_labels_apart(&c, o.label_gap);

    // With few rows allowed, the overflow is hidden rather than overlapped.
    let o = ChartOptions {
        max_rows: 3,
        ..opts(800.0, 0)
    };
    let c = layout(&events, &o).unwrap();
    assert_eq!(c.rows, 3);
    assert!(c.markers.iter().any(|m| m.row.is_none()));
    assert!(c.markers.iter().filter(|m| m.row.is_some()).count() >= 3);
    assert_labels_apart(&c, o.label_gap);
}

#[test]
fn labels_far_apart_share_the_first_row() {
    let events = vec![
        ev("s", ImpactStart, "2024-05-01T10:00:00Z"),
        ev("d", Detected, "2024-05-01T12:00:00Z"),
        ev("r", Resolved, "2024-05-01T14:00:00Z"),
    ];
    let c = layout(&events, &opts(800.0, 0)).unwrap();
    assert_eq!(c.rows, 1);
    assert!(c.markers.iter().all(|m| m.row == Some(0)));
}

#[test]
fn a_single_event_is_centred_in_a_ten_minute_window() {
    let c = layout(
        &[ev("s", ImpactStart, "2024-05-01T14:00:00Z")],
        &opts(800.0, 0),
    )
    .unwrap();
    assert_eq!(c.end - c.start, TimeDelta::minutes(10));
    assert_eq!(c.markers[0].x, 400.0);
    assert!(c.phases.is_empty());
}

#[test]
fn silly_sizes_are_tamed() {
    for width in [f64::NAN, -5.0, 0.0, f64::INFINITY] {
        let o = ChartOptions {
            width,
            char_width: f64::NAN,
            label_gap: -3.0,
            margin: f64::INFINITY,
            ..Default::default()
        };
        let c = layout(&twenty_minutes(), &o).unwrap();
        assert_eq!(c.width, 120.0);
        assert!(c.plot_left < c.plot_right);
        assert_labels_apart(&c, 0.0);
    }
}

fn arb_event() -> impl Strategy<Value = TimelineEvent> {
    let time = prop_oneof![
        9 => (0i64..200_000).prop_map(|s| Some(utc("2024-05-01T00:00:00Z") + TimeDelta::seconds(s))),
        1 => Just(None),
    ];
    let precision = prop_oneof![
        Just(Precision::Exact),
        Just(Precision::Approximate),
        Just(Precision::Unknown)
    ];
    let kind = (0usize..EventKind::ALL.len()).prop_map(|i| EventKind::ALL[i]);
    (time, precision, kind, ".{0,40}").prop_map(|(time, precision, kind, description)| {
        TimelineEvent {
            id: String::new(),
            time,
            precision,
            kind,
            description,
            source: String::new(),
            ..TimelineEvent::default()
        }
    })
}

proptest! {
    #[test]
    fn layouts_never_overlap_labels_or_run_backwards(
        events in prop::collection::vec(arb_event(), 0..40),
        width in 60.0f64..2000.0,
        char_width in 3.0f64..12.0,
        max_rows in 0usize..10,
        offset in -720i32..840,
    ) {
        let o = ChartOptions { width, char_width, max_rows, offset_minutes: offset, ..Default::default() };
        let Some(c) = layout(&events, &o) else {
            prop_assert!(events.iter().all(|e| e.time.is_none() || e.precision == Precision::Unknown));
            return Ok(());
        };
        assert_labels_apart(&c, o.label_gap);
        prop_assert!(c.rows <= max_rows);
        prop_assert!(!c.ticks.is_empty() || c.end - c.start < TimeDelta::minutes(c.step_minutes));
        for w in c.ticks.windows(2) {
            prop_assert!(w[0].time < w[1].time);
        }
        for t in &c.ticks {
            prop_assert!(t.time >= c.start && t.time <= c.end);
        }
        for p in &c.phases {
            prop_assert!(p.start < p.end && p.x0 < p.x1);
        }
        for m in &c.markers {
            prop_assert!(m.x >= c.plot_left - 1e-9 && m.x <= c.plot_right + 1e-9);
        }
        prop_assert_eq!(c.markers.len() + c.unplaced.len(), events.len());
    }
}
