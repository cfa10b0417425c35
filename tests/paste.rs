use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use debrief::domain::paste::{
    guess_kind, parse_paste, parse_paste_with, Candidate, PastedLine, UnreadableReason,
};
use debrief::domain::{EventKind, Precision};
use proptest::prelude::*;

use EventKind::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn one(line: &str, offset: i32) -> PastedLine {
    let mut out = parse_paste(line, day("2024-05-01"), offset);
    assert_eq!(out.len(), 1, "{line:?} gave {out:?}");
    out.remove(0)
}

fn event(line: &str, offset: i32) -> Candidate {
    match one(line, offset) {
        PastedLine::Event(c) => c,
        other => panic!("{line:?} was not read as an event: {other:?}"),
    }
}

fn unreadable(line: &str) -> UnreadableReason {
    match one(line, 0) {
        PastedLine::Unreadable { reason, text, .. } => {
            assert_eq!(text, line, "the original line is kept");
            reason
        }
        other => panic!("{line:?} should be unreadable: {other:?}"),
    }
}

const CHAT: &str = "\
--- 2024-05-01 ---
[22:41] alice: checkout error rate climbing on the dashboard
[22:43] monitor: ALERT fired: checkout-5xx > 5%
[22:47] bob: ack, looking
    the graph is at the usual place

22:52 bob: escalated to payments on-call
23:05 carol: rolled back the 22:30 deploy
~23:20 carol: error rate back to normal
bob: can someone update the status page?
23:58 dave: posted an update on the status page
00:15 alice: resolved, closing the incident
25:10 carol: typo in the time
2024-05-02T00:20:00Z monitor: alert resolved
";

#[test]
fn a_realistic_chat_excerpt() {
    // Pasted by an author in Berlin summer time (UTC+2).
    let out = parse_paste(CHAT, day("2024-04-30"), 120);
    // Every non-blank line comes back, in order, with its own line number.
    let lines: Vec<usize> = out.iter().map(|l| l.line()).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14]);

    assert_eq!(
        out[0],
        PastedLine::Date {
            line: 1,
            date: day("2024-05-01")
        }
    );

    let events: Vec<&Candidate> = out
        .iter()
        .filter_map(|l| match l {
            PastedLine::Event(c) => Some(c),
            _ => None,
        })
        .collect();
    let summary: Vec<(usize, DateTime<Utc>, EventKind, &str, bool)> = events
        .iter()
        .map(|c| (c.line, c.time, c.kind, c.text.as_str(), c.rolled_over))
        .collect();
    assert_eq!(
        summary,
        [
            (
                2,
                utc("2024-05-01T20:41:00Z"),
                Note,
                "alice: checkout error rate climbing on the dashboard",
                false
            ),
            (
                3,
                utc("2024-05-01T20:43:00Z"),
                Detected,
                "monitor: ALERT fired: checkout-5xx > 5%",
                false
            ),
            (
                4,
                utc("2024-05-01T20:47:00Z"),
                Acknowledged,
                "bob: ack, looking",
                false
            ),
            (
                7,
                utc("2024-05-01T20:52:00Z"),
                Escalated,
                "bob: escalated to payments on-call",
                false
            ),
            (
                8,
                utc("2024-05-01T21:05:00Z"),
                Mitigated,
                "carol: rolled back the 22:30 deploy",
                false
            ),
            (
                9,
                utc("2024-05-01T21:20:00Z"),
                Mitigated,
                "carol: error rate back to normal",
                false
            ),
            (
                11,
                utc("2024-05-01T21:58:00Z"),
                Communication,
                "dave: posted an update on the status page",
                false
            ),
            // Past midnight local time: the next day, flagged for review.
            (
                12,
                utc("2024-05-01T22:15:00Z"),
                Resolved,
                "alice: resolved, closing the incident",
                true
            ),
            // An explicit zone wins over the author's offset.
            (
                14,
                utc("2024-05-02T00:20:00Z"),
                Resolved,
                "monitor: alert resolved",
                false
            ),
        ]
    );
    assert_eq!(events[5].precision, Precision::Approximate);
    assert!(events
        .iter()
        .filter(|c| c.line != 9)
        .all(|c| c.precision == Precision::Exact));

    let bad: Vec<(usize, &str, UnreadableReason)> = out
        .iter()
        .filter_map(|l| match l {
            PastedLine::Unreadable { line, text, reason } => Some((*line, text.as_str(), *reason)),
            _ => None,
        })
        .collect();
    assert_eq!(
        bad,
        [
            (
                5,
                "    the graph is at the usual place",
                UnreadableReason::NoTimestamp
            ),
            (
                10,
                "bob: can someone update the status page?",
                UnreadableReason::NoTimestamp
            ),
            (
                13,
                "25:10 carol: typo in the time",
                UnreadableReason::InvalidTime
            ),
        ]
    );
}

#[test]
fn candidates_become_timeline_events() {
    let c = event("~14:10 - db failover done, recovered", 0);
    let e = c.to_event("ev-7");
    assert_eq!(e.id, "ev-7");
    assert_eq!(e.time, Some(utc("2024-05-01T14:10:00Z")));
    assert_eq!(e.precision, Precision::Approximate);
    assert_eq!(e.kind, Mitigated);
    assert_eq!(e.description, "db failover done, recovered");
}

#[test]
fn time_only_formats() {
    let cases = [
        (
            "14:10 deploy started",
            "2024-05-01T14:10:00Z",
            "deploy started",
        ),
        (
            "14:10:05 - deploy started",
            "2024-05-01T14:10:05Z",
            "deploy started",
        ),
        ("[14:10] deploy", "2024-05-01T14:10:00Z", "deploy"),
        ("[14:10:59]deploy", "2024-05-01T14:10:59Z", "deploy"),
        ("(09:05) deploy", "2024-05-01T09:05:00Z", "deploy"),
        ("9:05 deploy", "2024-05-01T09:05:00Z", "deploy"),
        ("14:10: deploy", "2024-05-01T14:10:00Z", "deploy"),
        ("14:10 | deploy", "2024-05-01T14:10:00Z", "deploy"),
        ("14:10 \u{2014} deploy", "2024-05-01T14:10:00Z", "deploy"),
        ("14:10 -10 replicas", "2024-05-01T14:10:00Z", "-10 replicas"),
        ("2:14 PM deploy", "2024-05-01T14:14:00Z", "deploy"),
        ("2:14pm deploy", "2024-05-01T14:14:00Z", "deploy"),
        ("12:30 a.m. deploy", "2024-05-01T00:30:00Z", "deploy"),
        ("12:30 PM deploy", "2024-05-01T12:30:00Z", "deploy"),
        ("14:10", "2024-05-01T14:10:00Z", ""),
        ("  14:10   padded   ", "2024-05-01T14:10:00Z", "padded"),
        (
            "14:10 \u{00e9}t\u{00e9} 🔥",
            "2024-05-01T14:10:00Z",
            "\u{00e9}t\u{00e9} 🔥",
        ),
    ];
    for (line, time, text) in cases {
        let c = event(line, 0);
        assert_eq!(c.time, utc(time), "{line:?}");
        assert_eq!(c.text, text, "{line:?}");
        assert!(!c.rolled_over);
    }
}

#[test]
fn dated_formats_and_zones() {
    let cases = [
        // No zone: the author's offset (+02:00) applies.
        ("2024-05-01 14:10 deploy", "2024-05-01T12:10:00Z"),
        ("2024-05-01T14:10:00 deploy", "2024-05-01T12:10:00Z"),
        ("[2024-05-01 14:10:07.123] deploy", "2024-05-01T12:10:07Z"),
        // Explicit zones.
        ("2024-05-01T14:10:00Z deploy", "2024-05-01T14:10:00Z"),
        ("2024-05-01t14:10:00z deploy", "2024-05-01T14:10:00Z"),
        ("2024-05-01T14:10:00.5+02:00 deploy", "2024-05-01T12:10:00Z"),
        ("2024-05-01T14:10:00-0700 deploy", "2024-05-01T21:10:00Z"),
        ("2024-05-01T14:10+05 deploy", "2024-05-01T09:10:00Z"),
        ("2024-05-01 14:10:00 +0530 deploy", "2024-05-01T08:40:00Z"),
        ("2024-05-01 14:10:00 UTC deploy", "2024-05-01T14:10:00Z"),
        ("[2024-05-01T14:10:00Z] deploy", "2024-05-01T14:10:00Z"),
        // A date on another day than the base date is taken as written.
        ("2023-12-31 23:59 deploy", "2023-12-31T21:59:00Z"),
    ];
    for (line, time) in cases {
        let c = event(line, 120);
        assert_eq!(c.time, utc(time), "{line:?}");
        assert_eq!(c.text, "deploy", "{line:?}");
    }
    // After a space, a short signed number is text, not a zone.
    let c = event("2024-05-01 14:10 -10 replicas", 0);
    assert_eq!(c.time, utc("2024-05-01T14:10:00Z"));
    assert_eq!(c.text, "-10 replicas");
}

#[test]
fn unreadable_lines_say_why() {
    use UnreadableReason::*;
    for (line, reason) in [
        ("just a message", NoTimestamp),
        ("alice 14:10 deploy", NoTimestamp),
        ("1:2 deploy", NoTimestamp),
        ("14:100 deploy", NoTimestamp),
        ("14:10:5 deploy", NoTimestamp),
        ("14:10abc", NoTimestamp),
        ("2024-05-01 deploy without a time", NoTimestamp),
        ("25:10 deploy", InvalidTime),
        ("14:60 deploy", InvalidTime),
        ("13:10 pm deploy", InvalidTime),
        ("0:10 am deploy", InvalidTime),
        ("2024-02-30 10:00 deploy", InvalidTime),
        ("2024-05-01T24:00 deploy", InvalidTime),
        ("\u{00e9}14:10 deploy", NoTimestamp),
    ] {
        assert_eq!(unreadable(line), reason, "{line:?}");
        assert!(!reason.label().is_empty());
    }
}

#[test]
fn blank_lines_are_skipped_but_counted() {
    let out = parse_paste("\n\n14:10 a\n   \n14:20 b\r\n", day("2024-05-01"), 0);
    let lines: Vec<usize> = out.iter().map(|l| l.line()).collect();
    assert_eq!(lines, [3, 5]);
    match &out[1] {
        PastedLine::Event(c) => assert_eq!(c.text, "b"),
        other => panic!("{other:?}"),
    }
}

fn times(text: &str, base: &str) -> Vec<(DateTime<Utc>, bool)> {
    parse_paste(text, day(base), 0)
        .into_iter()
        .filter_map(|l| match l {
            PastedLine::Event(c) => Some((c.time, c.rolled_over)),
            _ => None,
        })
        .collect()
}

#[test]
fn midnight_rollover() {
    assert_eq!(
        times("23:50 a\n23:59 b\n00:05 c\n00:30 d", "2024-05-01"),
        [
            (utc("2024-05-01T23:50:00Z"), false),
            (utc("2024-05-01T23:59:00Z"), false),
            (utc("2024-05-02T00:05:00Z"), true),
            (utc("2024-05-02T00:30:00Z"), false),
        ]
    );
    // Month and year ends roll too.
    assert_eq!(
        times("23:55 a\n00:01 b", "2024-12-31"),
        [
            (utc("2024-12-31T23:55:00Z"), false),
            (utc("2025-01-01T00:01:00Z"), true),
        ]
    );
}

#[test]
fn small_steps_back_do_not_roll_but_long_ones_do() {
    // A message quoted out of order, a few minutes back: same day.
    assert_eq!(
        times("14:10 a\n14:05 b", "2024-05-01")[1],
        (utc("2024-05-01T14:05:00Z"), false)
    );
    // Eleven hours back is still taken as the same day…
    assert_eq!(
        times("20:00 a\n09:00 b", "2024-05-01")[1],
        (utc("2024-05-01T09:00:00Z"), false)
    );
    // …thirteen hours back is the next morning.
    assert_eq!(
        times("22:00 a\n09:00 b", "2024-05-01")[1],
        (utc("2024-05-02T09:00:00Z"), true)
    );
}

#[test]
fn an_incident_over_several_nights_keeps_counting_days() {
    let t = times("23:00 a\n01:00 b\n23:30 c\n00:30 d", "2024-05-01");
    let got: Vec<DateTime<Utc>> = t.iter().map(|x| x.0).collect();
    assert_eq!(
        got,
        [
            utc("2024-05-01T23:00:00Z"),
            utc("2024-05-02T01:00:00Z"),
            utc("2024-05-02T23:30:00Z"),
            utc("2024-05-03T00:30:00Z"),
        ]
    );
}

#[test]
fn a_date_divider_sets_the_day_and_cancels_rollover() {
    let text = "23:50 a\n== 2024-05-03 ==\n00:10 b\n2024-05-07 09:00 c\n09:30 d";
    assert_eq!(
        times(text, "2024-05-01"),
        [
            (utc("2024-05-01T23:50:00Z"), false),
            (utc("2024-05-03T00:10:00Z"), false),
            (utc("2024-05-07T09:00:00Z"), false),
            // A dated line also sets the day for the time-only lines after it.
            (utc("2024-05-07T09:30:00Z"), false),
        ]
    );
}

#[test]
fn a_zoned_line_sets_the_local_day_for_later_lines() {
    // 23:30Z is 01:30 the next day at UTC+2, so 01:45 follows on 05-02 local.
    let out = parse_paste("2024-05-01T23:30:00Z a\n01:45 b", day("2024-05-01"), 120);
    match &out[1] {
        PastedLine::Event(c) => {
            assert_eq!(c.time, utc("2024-05-01T23:45:00Z"));
            assert!(!c.rolled_over);
        }
        other => panic!("{other:?}"),
    }
}

/// Berlin's offset for a wall-clock time, by the 2024 rules worked out by hand:
/// CEST (+2) from 2024-03-31 03:00 to 2024-10-27 03:00 (first occurrence).
fn berlin_2024(local: NaiveDateTime) -> i32 {
    let from = day("2024-03-31").and_hms_opt(2, 0, 0).unwrap();
    let to = day("2024-10-27").and_hms_opt(3, 0, 0).unwrap();
    if local >= from && local < to {
        120
    } else {
        60
    }
}

#[test]
fn a_paste_across_the_spring_dst_change_uses_each_lines_offset() {
    let out = parse_paste_with(
        "01:50 alert fired\n03:10 rolled back",
        day("2024-03-31"),
        berlin_2024,
    );
    let t: Vec<DateTime<Utc>> = out
        .iter()
        .filter_map(|l| match l {
            PastedLine::Event(c) => Some(c.time),
            _ => None,
        })
        .collect();
    // 01:50 CET = 00:50Z; 03:10 CEST = 01:10Z: twenty minutes, not eighty.
    assert_eq!(
        t,
        [utc("2024-03-31T00:50:00Z"), utc("2024-03-31T01:10:00Z")]
    );
    // A single fixed offset would get one of them wrong by an hour.
    let fixed = parse_paste(
        "01:50 alert fired\n03:10 rolled back",
        day("2024-03-31"),
        60,
    );
    match &fixed[1] {
        PastedLine::Event(c) => assert_eq!(c.time, utc("2024-03-31T02:10:00Z")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn kind_guesses() {
    for (text, kind) in [
        ("Alert fired: api latency", Detected),
        ("customer reports of failed logins", Detected),
        ("we noticed the queue growing", Detected),
        ("paged the db on-call", Acknowledged),
        ("Acknowledged by bob", Acknowledged),
        ("ack'd", Acknowledged),
        ("escalated to the network team", Escalated),
        ("mitigated by draining the node", Mitigated),
        ("rolled back to v41", Mitigated),
        ("RESOLVED", Resolved),
        ("all clear from support", Resolved),
        ("alert resolved", Resolved),
        ("impact started when the cache expired", ImpactStart),
        ("updated the status page", Communication),
        ("restarted the workers", Action),
        ("coffee", Note),
        ("", Note),
        // Negations cancel the phrase they precede.
        ("still not resolved", Note),
        ("no alerts fired", Note),
        ("isn\u{2019}t mitigated yet, paging bob", Acknowledged),
        ("not resolved but mitigated", Mitigated),
        // Whole words only.
        ("unresolved questions", Note),
        ("backpack", Note),
    ] {
        assert_eq!(guess_kind(text), kind, "{text:?}");
    }
}

proptest! {
    #[test]
    fn parsing_never_panics_and_never_drops_a_line(
        text in "(([0-9:\\[\\] TZ+\\-~≈é.apm]{0,24}|[ -~]{0,30})\n){0,12}",
        offset in -1500i32..1500,
    ) {
        let out = parse_paste(&text, day("2024-05-01"), offset);
        let non_blank: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect();
        let lines: Vec<usize> = out.iter().map(|l| l.line()).collect();
        prop_assert_eq!(lines, non_blank);
    }

    #[test]
    fn every_clock_time_reads_back(h in 0u32..24, m in 0u32..60, offset in -720i32..840) {
        let c = event(&format!("{h:02}:{m:02} x"), offset);
        let shifted = c.time + chrono::TimeDelta::minutes(offset.into());
        prop_assert_eq!(shifted.format("%H:%M").to_string(), format!("{h:02}:{m:02}"));
    }
}

#[test]
fn every_line_of_a_paste_has_its_own_key_and_a_line_read_anew_gets_a_new_one() {
    let text = "2024-05-01\n14:02 paged\n14:02 paged\nnot a time\n~14:05 rolled back\n25:10 broken";
    let lines = parse_paste(text, day("2024-05-01"), 0);
    let keys: std::collections::HashSet<String> = lines.iter().map(PastedLine::key).collect();
    assert_eq!(keys.len(), lines.len(), "two lines share a key: {lines:?}");
    let PastedLine::Event(c) = &lines[1] else {
        panic!("line 2 is an event")
    };
    let mut changed = c.clone();
    changed.kind = EventKind::Mitigated;
    assert_ne!(PastedLine::Event(changed).key(), lines[1].key());
}
