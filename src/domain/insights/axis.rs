//! The time axis of the duration charts: dates at round steps (days, weeks,
//! months, years) on the reader's calendar, as many as fit without two
//! labels touching.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::Zone;
use crate::domain::zone::local_date;

/// A labelled position on an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub label: String,
}

/// Width of one character of a tick label, in chart units (11px type).
const CHAR: f64 = 6.6;
/// Space kept between two labels.
const GAP: f64 = 12.0;

/// A round step between ticks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Days(i64),
    Months(i32),
}

/// From the finest to the coarsest: the first that fits is used.
const STEPS: [Step; 12] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Months(12),
    Step::Months(24),
    Step::Months(60),
    Step::Months(120),
];

/// A Monday, so weekly ticks fall on Mondays.
fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 5).unwrap_or_default()
}

/// The instant a local day begins, for a zone whose offset may change
/// (a daylight-saving day starts at the offset in force that morning).
fn start_of(day: NaiveDate, zone: Zone<'_>) -> DateTime<Utc> {
    let naive = day.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
    let guess = naive - Duration::minutes(i64::from(zone(naive)));
    naive - Duration::minutes(i64::from(zone(guess)))
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn first_of(index: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

/// The round days of `step` from `first` to `last`, and how each is named.
fn days_of(step: Step, first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    match step {
        Step::Days(n) => {
            let behind = (first - epoch()).num_days().rem_euclid(n);
            let mut d = first + Duration::days((n - behind) % n);
            while d <= last {
                out.push((d, d.to_string()));
                d += Duration::days(n);
            }
        }
        Step::Months(n) => {
            let start = month_index(first);
            // The first month boundary on or after `first`, aligned to the step.
            let mut i = if first.day() == 1 { start } else { start + 1 };
            i += (n - i.rem_euclid(n)) % n;
            while let Some(d) = first_of(i).filter(|d| *d <= last) {
                let label = if n >= 12 {
                    d.year().to_string()
                } else {
                    // Written out: chrono's formatter costs download for one use.
                    format!("{:04}-{:02}", d.year(), d.month())
                };
                out.push((d, label));
                i += n;
            }
        }
    }
    out
}

fn half_width(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR / 2.0
}

/// Ticks for instants from `t0` to `t1` drawn at `x_of(timestamp)`, kept
/// within `[left, right]` (the chart's width, where a label may still sit).
/// Uses the finest round step whose labels do not touch; with fewer than
/// two round days in the range, the first and last day are labelled instead,
/// at the ends, as the eye expects of a short range.
pub(super) fn time_ticks(
    t0: DateTime<Utc>,
    t1: DateTime<Utc>,
    x_of: &dyn Fn(f64) -> f64,
    (left, right): (f64, f64),
    zone: Zone<'_>,
) -> Vec<Tick> {
    let day = |t: DateTime<Utc>| local_date(t, zone(t));
    let (first, last) = (day(t0), day(t1));
    for step in STEPS {
        let ticks: Vec<Tick> = days_of(step, first, last)
            .into_iter()
            .filter_map(|(d, label)| {
                let at = start_of(d, zone);
                (at >= t0 && at <= t1).then(|| Tick {
                    pos: x_of(at.timestamp() as f64),
                    label,
                })
            })
            // A label that would run off the chart is left out.
            .filter(|t| {
                t.pos - half_width(&t.label) >= left && t.pos + half_width(&t.label) <= right
            })
            .collect();
        let fits = ticks.windows(2).all(|w| {
            w[1].pos - w[0].pos >= half_width(&w[0].label) + half_width(&w[1].label) + GAP
        });
        if !fits {
            continue;
        }
        if ticks.len() >= 2 {
            return ticks;
        }
        break;
    }
    let mut ends = vec![Tick {
        pos: x_of(t0.timestamp() as f64),
        label: first.to_string(),
    }];
    if last > first {
        ends.push(Tick {
            pos: x_of(t1.timestamp() as f64),
            label: last.to_string(),
        });
    }
    ends
}
