//! Geometry for the timeline chart: where the axis, ticks, coloured phases and
//! event markers go for a given width. The UI turns this into SVG elements; the
//! decisions (tick steps, phase boundaries, which label row avoids which) are
//! made here so they are tested without a browser.
//!
//! Phases follow the milestones chosen by [`durations`](super::durations):
//! undetected (impact start → detected), responding (detected → mitigated),
//! mitigated (mitigated → resolved) and after (resolved onwards). A missing
//! milestone merges its phase into the one before; a milestone recorded out of
//! order is left out of the chain (the durations already warn about it), so
//! segments never run backwards.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

use super::durations::{known_time, picks, Pick};
use super::model::{EventKind, Precision, TimelineEvent};
use super::zone::{local_naive, utc_from_local};

/// Sizes in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    /// Total width of the drawing.
    pub width: f64,
    /// Space left and right of the plotted time range.
    pub margin: f64,
    /// Average width of one label character (depends on the font; an estimate
    /// errs on the safe side when it is a little too large).
    pub char_width: f64,
    /// Least free space between two labels on the same row.
    pub label_gap: f64,
    /// Labels longer than this are cut with "…"; the full text belongs in a tooltip.
    pub max_label_chars: usize,
    /// Label rows before further labels are hidden (the marker stays).
    pub max_rows: usize,
    /// Least distance between two ticks.
    pub min_tick_spacing: f64,
    /// The author's UTC offset in minutes, for tick labels (see [`layout_with`]
    /// for one that changes along the axis).
    pub offset_minutes: i32,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            width: 800.0,
            margin: 16.0,
            char_width: 7.0,
            label_gap: 6.0,
            max_label_chars: 24,
            max_rows: 8,
            min_tick_spacing: 64.0,
            offset_minutes: 0,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub time: DateTime<Utc>,
    /// `14:30` for steps under a day, `05-02` (month-day) for day steps.
    pub label: String,
    /// `2024-05-02` on the first tick and wherever the local date changes, so a
    /// chart across midnight says which day it is.
    pub day: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    Undetected,
    Responding,
    Mitigated,
    After,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::Undetected => "Undetected",
            Phase::Responding => "Responding",
            Phase::Mitigated => "Mitigated",
            Phase::After => "After resolution",
        }
    }
    /// CSS class the stylesheet colours the segment by.
    pub fn class(self) -> &'static str {
        match self {
            Phase::Undetected => "phase-undetected",
            Phase::Responding => "phase-responding",
            Phase::Mitigated => "phase-mitigated",
            Phase::After => "phase-after",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhaseSegment {
    pub phase: Phase,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub x0: f64,
    pub x1: f64,
    /// A boundary time is approximate: draw the edge soft or hatched.
    pub approximate: bool,
    /// No later milestone closes this phase; it runs to the last event.
    pub open: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub event_id: String,
    /// Where the event is in the list that was laid out.
    pub index: usize,
    pub kind: EventKind,
    pub time: DateTime<Utc>,
    pub approximate: bool,
    pub x: f64,
    /// Label text, possibly shortened.
    pub label: String,
    /// Left edge of the label (draw with `text-anchor: start`); the label sits
    /// right of the marker, or left of it near the right edge.
    pub label_x: f64,
    pub label_width: f64,
    /// Label row from 0 (nearest the axis); `None` when all rows were full and
    /// the label is hidden.
    pub row: Option<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    /// Time at `plot_left` and at `plot_right`.
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub step_minutes: i64,
    pub ticks: Vec<Tick>,
    pub phases: Vec<PhaseSegment>,
    /// One per event with a known time, in timeline order.
    pub markers: Vec<Marker>,
    /// Label rows in use.
    pub rows: usize,
    /// Events with an unknown time: not on the chart, listed beside it.
    pub unplaced: Vec<String>,
}

impl Chart {
    /// The x position of a time (outside the plot for times outside the range).
    pub fn x(&self, t: DateTime<Utc>) -> f64 {
        scale(self.start, self.end, self.plot_left, self.plot_right, t)
    }
}

fn scale(start: DateTime<Utc>, end: DateTime<Utc>, left: f64, right: f64, t: DateTime<Utc>) -> f64 {
    let total = (end - start).num_milliseconds() as f64;
    if total <= 0.0 {
        return (left + right) / 2.0;
    }
    left + (t - start).num_milliseconds() as f64 / total * (right - left)
}

/// Tick steps in minutes, smallest first. Every step under a day divides a day,
/// so ticks fall on the same clock times every day.
const STEPS: [i64; 14] = [
    1,
    2,
    5,
    10,
    15,
    30,
    60,
    120,
    180,
    360,
    720,
    1440,
    2 * 1440,
    7 * 1440,
];

/// The smallest step that keeps the tick count within `max_ticks`.
pub fn tick_step(span_minutes: i64, max_ticks: i64) -> i64 {
    let max_ticks = max_ticks.max(1);
    STEPS
        .iter()
        .copied()
        .find(|s| span_minutes / s <= max_ticks)
        .unwrap_or_else(|| {
            // Longer than weeks: whole weeks.
            let week = 7 * 1440;
            let per_tick = span_minutes / max_ticks + 1;
            (per_tick + week - 1) / week * week
        })
}

fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}

/// Lays out the chart with one UTC offset for every tick label.
pub fn layout(events: &[TimelineEvent], opts: &ChartOptions) -> Option<Chart> {
    layout_with(events, opts, |_| opts.offset_minutes)
}

/// Lays out the chart, labelling each tick with the offset in force at it (a
/// chart across a DST change reads 01:00, 03:00 where the clocks jumped).
/// `None` when no event has a known time: there is nothing to draw.
pub fn layout_with(
    events: &[TimelineEvent],
    opts: &ChartOptions,
    offset: impl Fn(DateTime<Utc>) -> i32,
) -> Option<Chart> {
    let width = finite_or(opts.width, 0.0).max(120.0);
    let margin = finite_or(opts.margin, 0.0).clamp(0.0, width / 4.0);
    let char_width = finite_or(opts.char_width, 7.0).max(1.0);
    let gap = finite_or(opts.label_gap, 0.0).max(0.0);
    let spacing = finite_or(opts.min_tick_spacing, 64.0).max(16.0);
    let (left, right) = (margin, width - margin);

    let placed: Vec<(usize, &TimelineEvent, DateTime<Utc>)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| known_time(e).map(|t| (i, e, t)))
        .collect();
    let first = placed.iter().map(|p| p.2).min()?;
    let last = placed.iter().map(|p| p.2).max()?;
    let span = (last - first).num_seconds();
    // Pad so markers at the ends are not on the edge; a single event still
    // gets a ten-minute window.
    let pad = if span == 0 { 300 } else { (span / 25).max(60) };
    let start = first
        .checked_sub_signed(TimeDelta::seconds(pad))
        .unwrap_or(first);
    let end = last
        .checked_add_signed(TimeDelta::seconds(pad))
        .unwrap_or(last);
    let x = |t: DateTime<Utc>| scale(start, end, left, right, t);

    let max_ticks = ((right - left) / spacing).floor() as i64;
    let step = tick_step((end - start).num_minutes(), max_ticks.max(2));
    let ticks = ticks(start, end, step, &offset, &x);

    let phases = phases(events, last, &x);

    let max_chars = opts
        .max_label_chars
        .clamp(1, ((width / char_width).floor() as usize).max(1));
    let mut markers: Vec<Marker> = placed
        .iter()
        .map(|&(index, e, t)| {
            let label = shorten(&label_text(e), max_chars);
            let label_width = label.chars().count() as f64 * char_width;
            let mx = x(t);
            // Right of the marker unless that runs off the drawing.
            let mut label_x = mx + 4.0;
            if label_x + label_width > width {
                label_x = mx - 4.0 - label_width;
            }
            let label_x = label_x.clamp(0.0, (width - label_width).max(0.0));
            Marker {
                event_id: e.id.clone(),
                index,
                kind: e.kind,
                time: t,
                approximate: e.precision == Precision::Approximate,
                x: mx,
                label,
                label_x,
                label_width,
                row: None,
            }
        })
        .collect();
    let rows = assign_rows(&mut markers, gap, opts.max_rows);

    Some(Chart {
        width,
        plot_left: left,
        plot_right: right,
        start,
        end,
        step_minutes: step,
        ticks,
        phases,
        markers,
        rows,
        unplaced: events
            .iter()
            .filter(|e| known_time(e).is_none())
            .map(|e| e.id.clone())
            .collect(),
    })
}

/// Milestones are named by their kind (that is what the chart is for); other
/// events by their description.
fn label_text(e: &TimelineEvent) -> String {
    let milestone = matches!(
        e.kind,
        EventKind::ImpactStart
            | EventKind::Detected
            | EventKind::Acknowledged
            | EventKind::Escalated
            | EventKind::Mitigated
            | EventKind::Resolved
    );
    let text = e.description.trim();
    if milestone || text.is_empty() {
        e.kind.label().to_string()
    } else {
        text.to_string()
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    s.push('\u{2026}');
    s
}

/// Greedy interval packing: labels in order of their left edge, each into the
/// lowest row whose last label ends at least `gap` before it. Because labels are
/// taken left to right, comparing with a row's last label is enough to keep
/// every pair in a row apart.
fn assign_rows(markers: &mut [Marker], gap: f64, max_rows: usize) -> usize {
    let order = super::sort::sorted_positions(markers.len(), &mut |a, b| {
        markers[a].label_x.total_cmp(&markers[b].label_x)
    });
    let mut row_ends: Vec<f64> = Vec::new();
    for i in order {
        let m = &mut markers[i];
        let free = row_ends.iter().position(|&end| end + gap <= m.label_x);
        let row = match free {
            Some(r) => Some(r),
            None if row_ends.len() < max_rows => {
                row_ends.push(f64::NEG_INFINITY);
                Some(row_ends.len() - 1)
            }
            None => None,
        };
        if let Some(r) = row {
            row_ends[r] = m.label_x + m.label_width;
        }
        m.row = row;
    }
    row_ends.len()
}

fn ticks(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    step: i64,
    offset: &impl Fn(DateTime<Utc>) -> i32,
    x: &impl Fn(DateTime<Utc>) -> f64,
) -> Vec<Tick> {
    // Align to round local clock times using the offset at the axis start.
    let off0 = offset(start);
    let local_start = local_naive(start, off0);
    let day = local_start.date();
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    let mut local = if step < 1440 {
        let secs = (local_start - midnight).num_seconds();
        let k = (secs + step * 60 - 1) / (step * 60);
        match midnight.checked_add_signed(TimeDelta::minutes(k * step)) {
            Some(l) => l,
            None => return Vec::new(),
        }
    } else {
        let step_days = step / 1440;
        let mut d = i64::from(day.num_days_from_ce());
        if local_start > midnight {
            d += 1;
        }
        let d = (d + step_days - 1) / step_days * step_days;
        match i32::try_from(d)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        {
            Some(date) => date.and_time(chrono::NaiveTime::MIN),
            None => return Vec::new(),
        }
    };
    let mut out: Vec<Tick> = Vec::new();
    let mut last_day: Option<NaiveDate> = None;
    // The step keeps ticks to a few dozen; the cap only guards the loop.
    for _ in 0..1000 {
        let Some(t) = utc_from_local(local, off0) else {
            break;
        };
        if t > end {
            break;
        }
        let shown = local_naive(t, offset(t));
        let label = if step < 1440 {
            super::datefmt::hm(&shown)
        } else {
            super::datefmt::md(shown.date())
        };
        let day = (last_day != Some(shown.date())).then(|| super::datefmt::ymd(shown.date()));
        last_day = Some(shown.date());
        out.push(Tick {
            x: x(t),
            time: t,
            label,
            day,
        });
        match local.checked_add_signed(TimeDelta::minutes(step)) {
            Some(l) => local = l,
            None => break,
        }
    }
    out
}

fn phases(
    events: &[TimelineEvent],
    last: DateTime<Utc>,
    x: &impl Fn(DateTime<Utc>) -> f64,
) -> Vec<PhaseSegment> {
    let [start, detected, _ack, mitigated, resolved] = picks(events);
    let boundaries = [
        (Phase::Undetected, start),
        (Phase::Responding, detected),
        (Phase::Mitigated, mitigated),
        (Phase::After, resolved),
    ];
    // Keep a chain that never goes back in time.
    let mut chain: Vec<(Phase, DateTime<Utc>, bool)> = Vec::new();
    for (phase, pick) in boundaries {
        if let Pick::At(p) = pick {
            if chain.last().is_none_or(|&(_, t, _)| p.time >= t) {
                chain.push((phase, p.time, p.approximate));
            }
        }
    }
    let mut out = Vec::new();
    for (i, &(phase, from, approx)) in chain.iter().enumerate() {
        let (to, to_approx, open) = match chain.get(i + 1) {
            Some(&(_, t, a)) => (t, a, false),
            None => (last.max(from), false, phase != Phase::After),
        };
        if to <= from {
            continue;
        }
        out.push(PhaseSegment {
            phase,
            start: from,
            end: to,
            x0: x(from),
            x1: x(to),
            approximate: approx || to_approx,
            open,
        });
    }
    out
}
