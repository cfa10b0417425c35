//! Geometry for the Insights charts, in the units of a fixed `viewBox` that
//! the page scales to its width. The UI only turns these shapes into SVG
//! elements, so every decision (scales, ticks, which labels fit) is tested
//! natively, as for the timeline chart.

use chrono::{DateTime, Utc};

use super::{Distribution, Ranked, Zone};
use crate::domain::durations::format_minutes;
use crate::domain::zone::local_date;

pub const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;
/// Least room for one month label (`2024-05` in the chart's small type).
const LABEL_ROOM: f64 = 56.0;
/// The widest a month's bar (or group of bars) gets: with one or two months
/// a bar would otherwise fill the chart and read as a block, not a count.
const MAX_BAR: f64 = 48.0;

pub use super::axis::Tick;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// CSS class of the series, which colours it.
    pub class: &'static str,
    /// What a screen reader hears on focus: `2024-05, SEV2: 3`.
    pub label: String,
    pub value: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub width: f64,
    pub height: f64,
    /// The plotting area: left, top, right, bottom.
    pub area: [f64; 4],
    pub bars: Vec<Bar>,
    /// Value ticks (y for month charts, row names for rankings).
    pub y_ticks: Vec<Tick>,
    /// Month labels under a month chart; none for a ranking.
    pub x_ticks: Vec<Tick>,
}

/// A round step that puts at most five gridlines under `max`.
fn count_step(max: usize) -> usize {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if max <= step * m * 5 {
                return step * m;
            }
        }
        step *= 10;
    }
}

/// Bars per month, one series per `series` entry (name, CSS class).
/// `values[month][series]`. Stacked series add up to the month's total;
/// otherwise they stand side by side.
pub fn month_bars(
    months: &[String],
    series: &[(&str, &'static str)],
    values: &[Vec<usize>],
    stacked: bool,
) -> BarChart {
    let area = [LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM];
    let max = values
        .iter()
        .map(|v| {
            if stacked {
                v.iter().sum()
            } else {
                v.iter().copied().max().unwrap_or(0)
            }
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let step = count_step(max);
    let top = max.div_ceil(step) * step;
    let plot_h = area[3] - area[1];
    let y_of = |v: usize| area[3] - plot_h * v as f64 / top as f64;
    let y_ticks = (0..=top / step)
        .map(|i| Tick {
            pos: y_of(i * step),
            label: (i * step).to_string(),
        })
        .collect();
    let n = months.len().max(1);
    let slot = (area[2] - area[0]) / n as f64;
    let every = (LABEL_ROOM / slot).ceil().max(1.0) as usize;
    let x_ticks = months
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, m)| Tick {
            pos: area[0] + slot * (i as f64 + 0.5),
            label: m.clone(),
        })
        .collect();
    let mut bars = Vec::new();
    let inner = (slot * 0.8).min(MAX_BAR);
    for (i, (m, v)) in months.iter().zip(values).enumerate() {
        let left = area[0] + slot * i as f64 + (slot - inner) / 2.0;
        let w = if stacked {
            inner
        } else {
            inner / series.len().max(1) as f64
        };
        let mut base = 0;
        for (k, ((name, class), value)) in series.iter().zip(v).enumerate() {
            let value = *value;
            let (x, from) = if stacked {
                (left, base)
            } else {
                (left + w * k as f64, 0)
            };
            base += value;
            if value == 0 {
                continue;
            }
            let (y0, y1) = (y_of(from + value), y_of(from));
            bars.push(Bar {
                x,
                y: y0,
                w,
                h: y1 - y0,
                class,
                label: format!("{m}, {name}: {value}"),
                value,
            });
        }
    }
    BarChart {
        width: WIDTH,
        height: HEIGHT,
        area,
        bars,
        y_ticks,
        x_ticks,
    }
}

const ROW: f64 = 24.0;
/// Room for a row's name, left of its bar.
const NAME_ROOM: f64 = 176.0;
/// Characters of a name shown; the full name is in the table and the label.
const NAME_CHARS: usize = 24;

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('\u{2026}');
        out
    }
}

/// Horizontal bars, one row per name, longest on top (the order given).
/// `unit` names what is counted: `post-mortems`.
pub fn ranked_bars(rows: &[Ranked], unit: &str) -> BarChart {
    let height = TOP * 2.0 + ROW * rows.len().max(1) as f64;
    // Room right of the longest bar for its count.
    let area = [NAME_ROOM, TOP, WIDTH - 40.0, height - TOP];
    let max = rows.iter().map(|r| r.count).max().unwrap_or(0).max(1);
    let scale = (area[2] - area[0]) / max as f64;
    let mut bars = Vec::new();
    let mut y_ticks = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        y_ticks.push(Tick {
            pos: y + ROW / 2.0,
            label: shorten(&r.label, NAME_CHARS),
        });
        bars.push(Bar {
            x: area[0],
            y: y + ROW * 0.15,
            w: (r.count as f64 * scale).max(1.0),
            h: ROW * 0.7,
            class: "rank",
            label: format!("{}: {} {unit}", r.label, r.count),
            value: r.count,
        });
    }
    BarChart {
        width: WIDTH,
        height,
        area,
        bars,
        y_ticks,
        x_ticks: Vec::new(),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlotPoint {
    pub cx: f64,
    pub cy: f64,
    pub approximate: bool,
    /// `Checkout errors, 2024-05-03: ≈ 2 h 05 min (approximate)`.
    pub label: String,
    pub postmortem_id: String,
}

/// Durations over time: one point per incident, with the quartiles and the
/// median drawn across the whole range.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationPlot {
    pub width: f64,
    pub height: f64,
    pub area: [f64; 4],
    pub points: Vec<PlotPoint>,
    /// Duration ticks on a logarithmic scale.
    pub y_ticks: Vec<Tick>,
    /// Dates along the bottom.
    pub x_ticks: Vec<Tick>,
    /// The two date ticks are the first and the last day, at the very ends:
    /// drawn inward from there rather than centred.
    pub x_at_ends: bool,
    pub median: Option<f64>,
    /// The y of the first and third quartile (top edge first).
    pub quartiles: Option<(f64, f64)>,
}

/// Gridline candidates in minutes: durations run from minutes to weeks, so
/// the scale is logarithmic and these are the steps people think in.
const STEPS: [i64; 9] = [1, 5, 15, 60, 240, 1440, 10_080, 43_200, 525_600];

pub fn duration_plot(d: &Distribution, zone: Zone<'_>) -> DurationPlot {
    let area = [LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM];
    // Below a minute the log scale has nothing to say; such points sit on the floor.
    let minutes = |s: f64| (s / 60.0).max(1.0);
    let (lo_m, hi_m) = d.points.iter().fold((f64::MAX, 1.0_f64), |(lo, hi), p| {
        let m = minutes(p.seconds as f64);
        (lo.min(m), hi.max(m))
    });
    let lo = STEPS
        .iter()
        .rev()
        .find(|s| **s as f64 <= lo_m)
        .copied()
        .unwrap_or(1);
    let hi = STEPS
        .iter()
        .find(|s| **s as f64 >= hi_m && **s > lo)
        .map_or(hi_m, |s| *s as f64);
    let (llo, lhi) = ((lo as f64).ln(), hi.ln());
    let y_of = |seconds: f64| {
        let t = (minutes(seconds).ln() - llo) / (lhi - llo);
        area[3] - (area[3] - area[1]) * t.clamp(0.0, 1.0)
    };
    let y_ticks = STEPS
        .iter()
        .filter(|s| **s >= lo && **s as f64 <= hi)
        .map(|s| Tick {
            pos: y_of(*s as f64 * 60.0),
            label: format_minutes(*s),
        })
        .collect();
    let times: Vec<DateTime<Utc>> = d.points.iter().map(|p| p.at).collect();
    let (t0, t1) = match (times.iter().min(), times.iter().max()) {
        (Some(a), Some(b)) => (a.timestamp() as f64, b.timestamp() as f64),
        _ => (0.0, 0.0),
    };
    // Keep points off the edges; a single instant sits in the middle.
    let pad = 12.0;
    let x_of = |t: f64| {
        if t1 > t0 {
            area[0] + pad + (area[2] - area[0] - 2.0 * pad) * (t - t0) / (t1 - t0)
        } else {
            (area[0] + area[2]) / 2.0
        }
    };
    let day = |t: DateTime<Utc>| local_date(t, zone(t)).to_string();
    let x_ticks = match (times.iter().min(), times.iter().max()) {
        (Some(a), Some(b)) if b > a => super::axis::time_ticks(*a, *b, &x_of, (0.0, WIDTH), zone),
        (Some(a), _) => vec![Tick {
            pos: x_of(t0),
            label: day(*a),
        }],
        _ => Vec::new(),
    };
    // Round dates sit under their instant; the first and last day of a short
    // range are labelled from the ends inward instead.
    let x_at_ends = x_ticks.len() == 2 && x_ticks[0].pos == x_of(t0) && x_ticks[1].pos == x_of(t1);
    let points = d
        .points
        .iter()
        .map(|p| PlotPoint {
            cx: x_of(p.at.timestamp() as f64),
            cy: y_of(p.seconds as f64),
            approximate: p.approximate,
            label: format!(
                "{}, {}: {}{}",
                p.title,
                day(p.at),
                p.label(),
                if p.approximate { " (approximate)" } else { "" }
            ),
            postmortem_id: p.postmortem_id.clone(),
        })
        .collect();
    DurationPlot {
        width: WIDTH,
        height: HEIGHT,
        area,
        points,
        y_ticks,
        x_ticks,
        x_at_ends,
        median: d.median.map(y_of),
        quartiles: d.q1.zip(d.q3).map(|(a, b)| (y_of(b), y_of(a))),
    }
}

/// The colours of a downloaded chart, which leaves the page's stylesheet
/// (and its dark mode) behind: light ink on white, like print.
pub const SVG_FILE_STYLE: &str = "svg{background:#fff;font:11px sans-serif}text{fill:#222}\
.grid{stroke:#ddd}.axis{stroke:#666}\
.s-sev1{fill:#b3261e}.s-sev2{fill:#e07b00}.s-sev3{fill:#c9a800}.s-sev4{fill:#5b8def}\
.s-near{fill:#2e8b57}.s-unset{fill:#999}.rank{fill:#4a6fa5}\
.r-opened{fill:#4a6fa5}.r-done{fill:#2e8b57}.r-overdue{fill:#b3261e}\
.pt{fill:#4a6fa5;stroke:#4a6fa5}.pt.approx{fill:#fff}\
.median{stroke:#222;stroke-width:2}.quartiles{fill:#4a6fa5;opacity:.12}";
