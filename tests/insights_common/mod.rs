//! Archives for the Insights tests: post-mortems with given starts,
//! severities and spans, read in UTC on a fixed day. Each test binary uses a
//! different part of this module, hence the `dead_code` allowance.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use debrief::domain::insights::*;
use debrief::domain::*;

pub fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn at_utc(_: DateTime<Utc>) -> i32 {
    0
}

pub fn today() -> NaiveDate {
    date("2024-07-01")
}

pub fn event(kind: EventKind, time: &str, precision: Precision) -> TimelineEvent {
    TimelineEvent {
        id: format!("{kind:?}-{time}"),
        time: Some(utc(time)),
        precision,
        kind,
        ..Default::default()
    }
}

/// A post-mortem that started at `start`, detected after `detect` minutes
/// and resolved after `resolve` minutes (either may be left out).
pub fn pm(id: &str, start: &str, severity: Option<Severity>) -> PostMortem {
    let mut d = PostMortem {
        id: id.into(),
        ..Default::default()
    };
    d.context.title = format!("Incident {id}");
    d.context.severity = severity;
    d.timeline
        .push(event(EventKind::ImpactStart, start, Precision::Exact));
    d
}

pub fn after(start: &str, minutes: i64) -> String {
    (utc(start) + chrono::TimeDelta::minutes(minutes)).to_rfc3339()
}

pub fn with_spans(
    mut d: PostMortem,
    detect: Option<i64>,
    resolve: Option<i64>,
    p: Precision,
) -> PostMortem {
    let start = d.timeline[0].time.unwrap().to_rfc3339();
    if let Some(m) = detect {
        d.timeline
            .push(event(EventKind::Detected, &after(&start, m), p));
    }
    if let Some(m) = resolve {
        d.timeline
            .push(event(EventKind::Resolved, &after(&start, m), p));
    }
    d
}

pub fn archive(docs: Vec<PostMortem>) -> Archive {
    Archive {
        docs,
        ..Default::default()
    }
}

pub fn run(a: &Archive) -> Insights {
    insights(a, &Filter::default(), &at_utc, today())
}
