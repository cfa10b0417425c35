//! Incident durations derived from the timeline: time to detect, acknowledge,
//! mitigate and resolve, and the total impact, plus the inconsistencies found on
//! the way. Nothing here is stored; it is recomputed from the events on every
//! change, so it cannot go stale, and it never panics on odd input: a timeline
//! that does not add up yields warnings and unavailable spans instead.
//!
//! Which event stands for a milestone when several share a kind:
//! - impact start, detected, acknowledged, mitigated: the *earliest* known time,
//!   because each measures how long it took until that first happened;
//! - resolved: the *latest* known time, because an incident that flared up again
//!   after a first "resolved" was not over until the last one. Counting from the
//!   first would understate the incident.
//!
//! Either way a second event of a milestone kind raises a warning, so the author
//! can see which one was used and correct the timeline if it was a slip.
//!
//! Total impact runs from impact start to resolution, the point at which the
//! incident is over for users. While no resolution is recorded it runs to
//! mitigation instead, and [`Durations::impact_end`] says which of the two closed
//! it, so a draft written mid-incident already shows a meaningful figure.

use std::fmt;

use chrono::{DateTime, Utc};

use super::model::{EventKind, Precision, TimelineEvent};

/// The five milestone kinds that durations are measured between, in the order
/// an incident normally passes through them.
pub const MILESTONES: [EventKind; 5] = [
    EventKind::ImpactStart,
    EventKind::Detected,
    EventKind::Acknowledged,
    EventKind::Mitigated,
    EventKind::Resolved,
];

/// The time of an event when it is known. An event marked `Unknown` counts as
/// having no time even if an old value is still stored in it: the author said it
/// cannot be trusted.
pub fn known_time(e: &TimelineEvent) -> Option<DateTime<Utc>> {
    match e.precision {
        Precision::Unknown => None,
        Precision::Exact | Precision::Approximate => e.time,
    }
}

/// A measured span between two milestones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Both ends have exact times.
    Exact { seconds: i64 },
    /// At least one end is approximate, so the figure is shown with "≈".
    Approximate { seconds: i64 },
    /// Cannot be measured; the reason says why.
    Unavailable(Unavailable),
}

/// Why a span cannot be measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// No event is marked as the impact start.
    NoStart,
    /// No event of this kind is recorded (yet).
    NoEnd(EventKind),
    /// The event that would be used has an unknown time.
    UnknownTime { event_id: String, kind: EventKind },
    /// The end milestone is recorded before the impact start.
    EndBeforeStart { start_id: String, end_id: String },
}

impl Unavailable {
    /// Plain-language reason, for a tooltip or an export footnote.
    pub fn reason(&self) -> String {
        match self {
            Unavailable::NoStart => "no impact start recorded".into(),
            Unavailable::NoEnd(kind) => {
                format!("no \u{201c}{}\u{201d} event recorded", kind.label())
            }
            Unavailable::UnknownTime { kind, .. } => {
                format!("the \u{201c}{}\u{201d} time is unknown", kind.label())
            }
            Unavailable::EndBeforeStart { .. } => "recorded before the impact start".into(),
        }
    }
}

impl Span {
    /// Length in seconds when measurable.
    pub fn seconds(&self) -> Option<i64> {
        match self {
            Span::Exact { seconds } | Span::Approximate { seconds } => Some(*seconds),
            Span::Unavailable(_) => None,
        }
    }

    /// Length in whole minutes (rounded to the nearest) when measurable.
    pub fn minutes(&self) -> Option<i64> {
        self.seconds().map(round_minutes)
    }

    pub fn is_approximate(&self) -> bool {
        matches!(self, Span::Approximate { .. })
    }

    pub fn is_available(&self) -> bool {
        !matches!(self, Span::Unavailable(_))
    }

    /// Short label for a table cell: `45 min`, `≈ 2 h 05 min`, or `—`.
    pub fn label(&self) -> String {
        match self {
            Span::Exact { seconds } => format_seconds(*seconds),
            Span::Approximate { seconds } => format!("\u{2248} {}", format_seconds(*seconds)),
            Span::Unavailable(_) => "\u{2014}".into(),
        }
    }
}

/// Same as [`Span::label`], except that an unavailable span carries its reason,
/// so a plain-text export never shows a bare dash.
impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Unavailable(why) => write!(f, "\u{2014} ({})", why.reason()),
            other => f.write_str(&other.label()),
        }
    }
}

fn round_minutes(seconds: i64) -> i64 {
    // Round half away from zero without overflowing near i64::MAX.
    let whole = seconds / 60;
    let rest = seconds % 60;
    if rest >= 30 {
        whole.saturating_add(1)
    } else if rest <= -30 {
        whole.saturating_sub(1)
    } else {
        whole
    }
}

fn format_seconds(seconds: i64) -> String {
    if seconds > 0 && seconds < 30 {
        // A span of a few seconds is real but rounds to zero; "0 min" would read
        // as "nothing happened between them".
        return "< 1 min".into();
    }
    format_minutes(round_minutes(seconds))
}

/// Human form of a duration in minutes: `45 min`, `2 h 05 min`, `3 h`,
/// `1 d 3 h`. From one day on, minutes are noise next to the days, so the value
/// is rounded to the nearest hour. Negative values get a leading minus sign.
pub fn format_minutes(minutes: i64) -> String {
    let sign = if minutes < 0 { "\u{2212}" } else { "" };
    let m = minutes.unsigned_abs();
    let body = if m < 60 {
        format!("{m} min")
    } else if m < 24 * 60 {
        let (h, rest) = (m / 60, m % 60);
        if rest == 0 {
            format!("{h} h")
        } else {
            format!("{h} h {rest:02} min")
        }
    } else {
        let hours = m / 60 + u64::from(m % 60 >= 30);
        let (d, h) = (hours / 24, hours % 24);
        if h == 0 {
            format!("{d} d")
        } else {
            format!("{d} d {h} h")
        }
    };
    format!("{sign}{body}")
}

/// The usual incident timestamps, for exports and summaries. Each is the time
/// of the event chosen for that milestone (see the module notes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Milestones {
    pub started: Option<DateTime<Utc>>,
    pub detected: Option<DateTime<Utc>>,
    pub acknowledged: Option<DateTime<Utc>>,
    pub mitigated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
}

impl Milestones {
    /// Stable field names with their values, in incident order, for export
    /// formats that list them as key/value pairs.
    pub fn named(&self) -> [(&'static str, Option<DateTime<Utc>>); 5] {
        [
            ("started", self.started),
            ("detected", self.detected),
            ("acknowledged", self.acknowledged),
            ("mitigated", self.mitigated),
            ("resolved", self.resolved),
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// Events exist but none is marked as the impact start.
    NoImpactStart,
    /// Some events have no usable time (listed in `event_ids`).
    UnknownTime,
    /// More than one event of this milestone kind.
    Duplicate(EventKind),
    /// `recorded_first` happens before `expected_first`, although incidents go
    /// the other way round (e.g. resolved before detected). An end before the
    /// impact start is the case `expected_first == ImpactStart`.
    OutOfOrder {
        expected_first: EventKind,
        recorded_first: EventKind,
    },
}

/// An inconsistency in the timeline, shown next to the durations. The ids let
/// the editor highlight the events concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    pub event_ids: Vec<String>,
}

impl Warning {
    /// Whether the warning is about the timeline as a whole rather than the
    /// rows it names: such a warning is said once, for the section, since
    /// repeating it on every row reads as many problems. A missing impact
    /// start is fixed by adding an event, not by editing the rows; a row
    /// without a time already says so on itself.
    pub fn about_whole_timeline(&self) -> bool {
        matches!(
            self.kind,
            WarningKind::NoImpactStart | WarningKind::UnknownTime
        )
    }

    pub fn message(&self) -> String {
        match &self.kind {
            WarningKind::NoImpactStart => {
                "No event is marked as the impact start, so durations cannot be measured.".into()
            }
            WarningKind::UnknownTime => {
                let n = self.event_ids.len();
                if n == 1 {
                    "1 event has an unknown time; it is left out of the durations and the chart."
                        .into()
                } else {
                    format!(
                        "{n} events have an unknown time; they are left out of the durations and the chart."
                    )
                }
            }
            WarningKind::Duplicate(kind) => {
                let which = if *kind == EventKind::Resolved {
                    "latest"
                } else {
                    "earliest"
                };
                format!(
                    "{} events are marked \u{201c}{}\u{201d}; the durations use the {which}.",
                    self.event_ids.len(),
                    kind.label()
                )
            }
            WarningKind::OutOfOrder {
                expected_first,
                recorded_first,
            } => format!(
                "\u{201c}{}\u{201d} is recorded before \u{201c}{}\u{201d}; check the times.",
                recorded_first.label(),
                expected_first.label()
            ),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Everything derived from a timeline's milestones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Durations {
    /// Impact start → detected.
    pub detect: Span,
    /// Impact start → acknowledged.
    pub acknowledge: Span,
    /// Impact start → mitigated.
    pub mitigate: Span,
    /// Impact start → resolved.
    pub resolve: Span,
    /// Impact start → resolved, or → mitigated while nothing is resolved.
    pub impact: Span,
    /// The milestone `impact` was measured to: `Resolved`, `Mitigated` when
    /// no resolution is recorded, `None` when neither is.
    pub impact_end: Option<EventKind>,
    pub milestones: Milestones,
    pub warnings: Vec<Warning>,
}

impl Durations {
    /// Labelled spans in display order, for tables in the editor and exports.
    pub fn rows(&self) -> [(&'static str, &Span); 5] {
        [
            ("Time to detect", &self.detect),
            ("Time to acknowledge", &self.acknowledge),
            ("Time to mitigate", &self.mitigate),
            ("Time to resolve", &self.resolve),
            ("Total impact", &self.impact),
        ]
    }

    /// Whether time to resolve could be measured: what the basics checklist
    /// means by "durations computed".
    pub fn computed(&self) -> bool {
        self.resolve.is_available()
    }
}

/// One milestone event with a usable time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Point<'a> {
    pub id: &'a str,
    pub time: DateTime<Utc>,
    pub approximate: bool,
}

/// The event chosen to stand for a milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pick<'a> {
    /// No event of the kind.
    Absent,
    /// Events of the kind exist but none has a usable time (the first one's id).
    Unknown(&'a str),
    At(Point<'a>),
}

impl<'a> Pick<'a> {
    pub fn point(self) -> Option<Point<'a>> {
        match self {
            Pick::At(p) => Some(p),
            _ => None,
        }
    }
}

/// Chooses the event for `kind`: the earliest known time, or the latest when
/// `latest` is set. Ties keep the first in list order, so the choice is stable.
pub(crate) fn pick(events: &[TimelineEvent], kind: EventKind, latest: bool) -> Pick<'_> {
    let mut best: Option<Point<'_>> = None;
    let mut first_unknown = None;
    for e in events.iter().filter(|e| e.kind == kind) {
        match known_time(e) {
            Some(time) => {
                let better = match best {
                    None => true,
                    Some(b) if latest => time > b.time,
                    Some(b) => time < b.time,
                };
                if better {
                    best = Some(Point {
                        id: &e.id,
                        time,
                        approximate: e.precision == Precision::Approximate,
                    });
                }
            }
            None => {
                first_unknown.get_or_insert(e.id.as_str());
            }
        }
    }
    match (best, first_unknown) {
        (Some(p), _) => Pick::At(p),
        (None, Some(id)) => Pick::Unknown(id),
        (None, None) => Pick::Absent,
    }
}

/// The chosen event for each milestone, in [`MILESTONES`] order.
pub(crate) fn picks(events: &[TimelineEvent]) -> [Pick<'_>; 5] {
    MILESTONES.map(|kind| pick(events, kind, kind == EventKind::Resolved))
}

fn span(start: Pick<'_>, end: Pick<'_>, end_kind: EventKind) -> Span {
    let start = match start {
        Pick::Absent => return Span::Unavailable(Unavailable::NoStart),
        Pick::Unknown(id) => {
            return Span::Unavailable(Unavailable::UnknownTime {
                event_id: id.into(),
                kind: EventKind::ImpactStart,
            })
        }
        Pick::At(p) => p,
    };
    let end = match end {
        Pick::Absent => return Span::Unavailable(Unavailable::NoEnd(end_kind)),
        Pick::Unknown(id) => {
            return Span::Unavailable(Unavailable::UnknownTime {
                event_id: id.into(),
                kind: end_kind,
            })
        }
        Pick::At(p) => p,
    };
    if end.time < start.time {
        return Span::Unavailable(Unavailable::EndBeforeStart {
            start_id: start.id.into(),
            end_id: end.id.into(),
        });
    }
    // Subtracting two valid DateTimes cannot overflow a TimeDelta (its range is
    // wider than chrono's date range), so this is total.
    let seconds = (end.time - start.time).num_seconds();
    if start.approximate || end.approximate {
        Span::Approximate { seconds }
    } else {
        Span::Exact { seconds }
    }
}

/// Derives every duration, the milestone timestamps and the warnings from a
/// timeline, in any order. An empty timeline gives unavailable spans and no
/// warnings: there is nothing inconsistent about not having started.
pub fn durations(events: &[TimelineEvent]) -> Durations {
    let [start, detected, acknowledged, mitigated, resolved] = picks(events);
    let (impact_end_pick, impact_end, impact_kind) = match (resolved, mitigated) {
        (Pick::Absent, Pick::Absent) => (resolved, None, EventKind::Resolved),
        (Pick::Absent, m) => (m, Some(EventKind::Mitigated), EventKind::Mitigated),
        (r, _) => (r, Some(EventKind::Resolved), EventKind::Resolved),
    };
    let time = |p: Pick<'_>| p.point().map(|p| p.time);
    Durations {
        detect: span(start, detected, EventKind::Detected),
        acknowledge: span(start, acknowledged, EventKind::Acknowledged),
        mitigate: span(start, mitigated, EventKind::Mitigated),
        resolve: span(start, resolved, EventKind::Resolved),
        impact: span(start, impact_end_pick, impact_kind),
        impact_end,
        milestones: Milestones {
            started: time(start),
            detected: time(detected),
            acknowledged: time(acknowledged),
            mitigated: time(mitigated),
            resolved: time(resolved),
        },
        warnings: warnings(
            events,
            &[start, detected, acknowledged, mitigated, resolved],
        ),
    }
}

fn warnings(events: &[TimelineEvent], picked: &[Pick<'_>; 5]) -> Vec<Warning> {
    let mut out = Vec::new();
    if events.is_empty() {
        return out;
    }
    if picked[0] == Pick::Absent {
        // Name the milestones that cannot be measured for want of a start.
        out.push(Warning {
            kind: WarningKind::NoImpactStart,
            event_ids: events
                .iter()
                .filter(|e| MILESTONES[1..].contains(&e.kind))
                .map(|e| e.id.clone())
                .collect(),
        });
    }
    let unknown: Vec<String> = events
        .iter()
        .filter(|e| known_time(e).is_none())
        .map(|e| e.id.clone())
        .collect();
    if !unknown.is_empty() {
        out.push(Warning {
            kind: WarningKind::UnknownTime,
            event_ids: unknown,
        });
    }
    for kind in MILESTONES {
        let ids: Vec<String> = events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id.clone())
            .collect();
        if ids.len() > 1 {
            out.push(Warning {
                kind: WarningKind::Duplicate(kind),
                event_ids: ids,
            });
        }
    }
    // For each milestone, report the earliest phase it precedes, if any: one
    // warning per misplaced event, naming the most telling contradiction
    // ("resolved before detected" rather than also "before acknowledged").
    for later in 1..MILESTONES.len() {
        let Some(b) = picked[later].point() else {
            continue;
        };
        let clash = (0..later).find_map(|earlier| {
            picked[earlier]
                .point()
                .filter(|a| b.time < a.time)
                .map(|a| (earlier, a))
        });
        if let Some((earlier, a)) = clash {
            out.push(Warning {
                kind: WarningKind::OutOfOrder {
                    expected_first: MILESTONES[earlier],
                    recorded_first: MILESTONES[later],
                },
                event_ids: vec![b.id.to_string(), a.id.to_string()],
            });
        }
    }
    out
}
