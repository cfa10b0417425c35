use chrono::{DateTime, Utc};

use crate::domain::durations::{durations, Durations, Span};
use crate::domain::model::PostMortem;
use crate::domain::naming::display_title;

/// One post-mortem's measured duration.
#[derive(Clone, Debug, PartialEq)]
pub struct DurationPoint {
    pub postmortem_id: String,
    pub title: String,
    /// When the incident began (the x of the point).
    pub at: DateTime<Utc>,
    pub seconds: i64,
    /// At least one end of the span is approximate.
    pub approximate: bool,
}

impl DurationPoint {
    /// `45 min` or `≈ 2 h 05 min`, as the post-mortem itself shows it.
    pub fn label(&self) -> String {
        span(self.seconds, self.approximate).label()
    }
}

fn span(seconds: i64, approximate: bool) -> Span {
    if approximate {
        Span::Approximate { seconds }
    } else {
        Span::Exact { seconds }
    }
}

/// How one duration spreads across the archive. There is deliberately no
/// mean (see the module notes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Distribution {
    /// Every measured point, oldest incident first.
    pub points: Vec<DurationPoint>,
    /// Post-mortems where the span could not be measured.
    pub missing: usize,
    pub approximate: usize,
    /// Seconds; `None` without points.
    pub median: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
}

/// The `p`-quantile (0 to 1) of sorted values, interpolating between the two
/// nearest ranks (the definition most spreadsheets use).
pub fn quantile(sorted: &[i64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = p.clamp(0.0, 1.0) * last as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (sorted[lo] as f64, sorted[hi.min(last)] as f64);
    Some(a + (b - a) * (pos - lo as f64))
}

/// `2 h 05 min` for a quantile in seconds, `—` when there is none.
pub fn seconds_label(s: Option<f64>) -> String {
    match s {
        Some(s) => span(s.round() as i64, false).label(),
        None => "\u{2014}".into(),
    }
}

impl Distribution {
    /// The span chosen by `which` over every post-mortem. A post-mortem with
    /// no date at all cannot be placed on the time axis and counts as missing.
    /// `which` is a function pointer: one copy of this serves both spans.
    pub fn of(docs: &[&PostMortem], which: fn(&Durations) -> Span) -> Distribution {
        let mut out = Distribution::default();
        for doc in docs {
            let s = which(&durations(&doc.timeline));
            match (s.seconds(), super::started(doc)) {
                (Some(seconds), Some(at)) => {
                    let approximate = s.is_approximate();
                    out.approximate += usize::from(approximate);
                    out.points.push(DurationPoint {
                        postmortem_id: doc.id.clone(),
                        title: display_title(doc),
                        at,
                        seconds,
                        approximate,
                    });
                }
                _ => out.missing += 1,
            }
        }
        crate::domain::sort::sort_by_key(&mut out.points, |p| p.at);
        let mut values: Vec<i64> = out.points.iter().map(|p| p.seconds).collect();
        crate::domain::sort::sort(&mut values);
        out.median = quantile(&values, 0.5);
        out.q1 = quantile(&values, 0.25);
        out.q3 = quantile(&values, 0.75);
        out
    }

    pub fn median_label(&self) -> String {
        seconds_label(self.median)
    }

    /// `40 min – 3 h`: the middle half of the points.
    pub fn quartiles_label(&self) -> String {
        match (self.q1, self.q3) {
            (Some(_), Some(_)) => format!(
                "{} \u{2013} {}",
                seconds_label(self.q1),
                seconds_label(self.q3)
            ),
            _ => "\u{2014}".into(),
        }
    }
}
