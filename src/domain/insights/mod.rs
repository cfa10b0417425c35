//! Insights across the archive: what the post-mortems in a library say
//! together. Counts by month and severity, durations as distributions, the
//! themes and services that recur, and how remediation is keeping up.
//!
//! Durations are fuzzy at both ends, and a handful of long incidents drags a
//! mean far from what usually happens, so durations are only ever described
//! by their median, quartiles and every single point; approximate ones are
//! counted and marked. Entries that could not be read are counted apart, so
//! a figure never silently covers less than the archive.
//!
//! Months are calendar months where the reader is: the caller passes the
//! UTC offset of its zone for any instant, which keeps this floor free of a
//! zone database and lets daylight-saving changes fall where they should.

mod axis;
mod charts;
mod filter;
mod month;
mod remedy;
pub mod review;
mod seen;
mod spread;
pub mod tables;
mod themes;

pub use charts::{
    duration_plot, month_bars, ranked_bars, Bar, BarChart, DurationPlot, PlotPoint, Tick,
    SVG_FILE_STYLE,
};
pub use filter::{all_tags, services, suggested_tags, tags, Filter};
pub use month::{month_range, Month};
pub use remedy::{RemedyMonth, RemedyStats};
pub use seen::{
    factor_seen, seen_before, tags_seen, DocRef, FactorSeen, SeenBefore, SeenIn, TagPlaces,
};
pub use spread::{quantile, Distribution, DurationPoint};
pub use themes::{Pair, Ranked};

use chrono::{DateTime, NaiveDate, Utc};

use super::model::{PostMortem, Severity, Template};

/// The UTC offset, in minutes east, of the reader's zone at an instant.
pub type Zone<'a> = &'a dyn Fn(DateTime<Utc>) -> i32;

/// What a library holds, as far as it could be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Archive {
    pub docs: Vec<PostMortem>,
    /// Saved by a newer Debrief: this version cannot be sure what they say.
    pub newer: usize,
    /// Could not be read at all.
    pub unreadable: usize,
}

/// The severity columns in display order; the last is "not set".
pub const SEVERITIES: [Option<Severity>; 6] = [
    Some(Severity::Sev1),
    Some(Severity::Sev2),
    Some(Severity::Sev3),
    Some(Severity::Sev4),
    Some(Severity::NearMiss),
    None,
];

pub fn severity_label(s: Option<Severity>) -> &'static str {
    s.map_or("Not set", Severity::short)
}

/// CSS class (and series name in a downloaded SVG) of a severity.
pub fn severity_class(s: Option<Severity>) -> &'static str {
    match s {
        Some(Severity::Sev1) => "s-sev1",
        Some(Severity::Sev2) => "s-sev2",
        Some(Severity::Sev3) => "s-sev3",
        Some(Severity::Sev4) => "s-sev4",
        Some(Severity::NearMiss) => "s-near",
        None => "s-unset",
    }
}

/// The severity a post-mortem is counted under. One written with the
/// near-miss template is a near miss until someone says otherwise.
pub fn severity_of(doc: &PostMortem) -> Option<Severity> {
    match (doc.context.severity, doc.template) {
        (None, Template::NearMiss) => Some(Severity::NearMiss),
        (s, _) => s,
    }
}

/// When the incident began: the stated start, else the impact start on the
/// timeline, else its earliest known time, else when the write-up was
/// started. `None` when nothing at all is dated.
pub fn started(doc: &PostMortem) -> Option<DateTime<Utc>> {
    doc.context
        .started
        .or_else(|| {
            super::durations::durations(&doc.timeline)
                .milestones
                .started
        })
        .or_else(|| {
            doc.timeline
                .iter()
                .filter_map(super::durations::known_time)
                .min()
        })
        .or(doc.created)
}

/// One month's post-mortems, by severity in [`SEVERITIES`] order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Month,
    pub by_severity: [usize; 6],
}

impl MonthCount {
    pub fn total(&self) -> usize {
        self.by_severity.iter().sum()
    }
    pub fn near_misses(&self) -> usize {
        self.by_severity[4]
    }
    pub fn incidents(&self) -> usize {
        self.total() - self.near_misses()
    }
}

/// Everything the Insights page and its export show.
#[derive(Clone, Debug, PartialEq)]
pub struct Insights {
    /// Post-mortems behind the figures (after the filters).
    pub counted: usize,
    /// Readable post-mortems before the filters (the example never counts).
    pub readable: usize,
    pub newer: usize,
    pub unreadable: usize,
    /// Counted, but with no date at all: left out of the per-month figures.
    pub undated: usize,
    /// Every month from the first to the last counted one, empty ones too.
    pub months: Vec<MonthCount>,
    pub detect: Distribution,
    pub resolve: Distribution,
    pub categories: Vec<Ranked>,
    /// Factors nobody has given a category.
    pub uncategorised: usize,
    /// Tags on post-mortems, factors and events, once per post-mortem.
    pub tags: Vec<Ranked>,
    /// Where each ranked tag was seen, in the ranking's order.
    pub tag_places: Vec<TagPlaces>,
    pub together: Vec<Pair>,
    pub services: Vec<Ranked>,
    pub remedy: RemedyStats,
}

impl Insights {
    pub fn incidents(&self) -> usize {
        self.months.iter().map(MonthCount::incidents).sum()
    }
    pub fn near_misses(&self) -> usize {
        self.months.iter().map(MonthCount::near_misses).sum()
    }
}

/// `1 incident`, `2 incidents`: a count with its noun.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the figures cover, in a few sentences: the page and the Markdown
/// both open with it.
pub fn summary(i: &Insights) -> String {
    let mut s = format!(
        "{} counted: {} and {}.",
        plural(i.counted, "post-mortem", "post-mortems"),
        plural(i.incidents(), "incident", "incidents"),
        plural(i.near_misses(), "near miss", "near misses"),
    );
    if i.counted != i.readable {
        s.push_str(&format!(
            " {} of {} match the filters.",
            i.counted, i.readable
        ));
    }
    if i.undated > 0 {
        s.push_str(&format!(
            " {} without any date, so not in the monthly figures.",
            plural(i.undated, "is", "are")
        ));
    }
    s
}

/// The library's entries that no figure covers, and why; `None` when every
/// one was read.
pub fn left_out(i: &Insights) -> Option<String> {
    let mut parts = Vec::new();
    if i.newer > 0 {
        parts.push(format!(
            "{} saved by a newer version of Debrief",
            plural(i.newer, "post-mortem", "post-mortems")
        ));
    }
    if i.unreadable > 0 {
        parts.push(format!(
            "{} that could not be read",
            plural(i.unreadable, "entry", "entries")
        ));
    }
    (!parts.is_empty()).then(|| format!("Left out of every figure: {}.", parts.join(" and ")))
}

/// The post-mortems that count as real work: never the built-in example.
pub fn real(docs: &[PostMortem]) -> impl Iterator<Item = &PostMortem> {
    docs.iter().filter(|d| !super::example::is_example(d))
}

/// The calendar month a post-mortem falls in, where the reader is.
pub fn month_of(doc: &PostMortem, zone: Zone<'_>) -> Option<Month> {
    started(doc).map(|t| Month::of_instant(t, zone))
}

pub fn insights(archive: &Archive, filter: &Filter, zone: Zone<'_>, today: NaiveDate) -> Insights {
    let readable: Vec<&PostMortem> = real(&archive.docs).collect();
    let docs: Vec<&PostMortem> = readable
        .iter()
        .copied()
        .filter(|d| filter.matches(d, zone))
        .collect();
    let dated: Vec<(Month, &PostMortem)> = docs
        .iter()
        .filter_map(|d| month_of(d, zone).map(|m| (m, *d)))
        .collect();
    let months = month_range(dated.iter().map(|(m, _)| *m))
        .into_iter()
        .map(|month| {
            let mut by_severity = [0; 6];
            for (_, d) in dated.iter().filter(|(m, _)| *m == month) {
                let s = severity_of(d);
                if let Some(i) = SEVERITIES.iter().position(|x| *x == s) {
                    by_severity[i] += 1;
                }
            }
            MonthCount { month, by_severity }
        })
        .collect();
    let (categories, uncategorised) = themes::categories(&docs);
    let tags = themes::tags(&docs);
    let labels: Vec<String> = tags.iter().map(|r| r.label.clone()).collect();
    Insights {
        counted: docs.len(),
        readable: readable.len(),
        newer: archive.newer,
        unreadable: archive.unreadable,
        undated: docs.len() - dated.len(),
        months,
        detect: Distribution::of(&docs, |d| d.detect.clone()),
        resolve: Distribution::of(&docs, |d| d.resolve.clone()),
        categories,
        uncategorised,
        tag_places: seen::places(&labels, &docs),
        tags,
        together: themes::together(&docs),
        services: themes::services(&docs),
        remedy: remedy::stats(&docs, zone, today),
    }
}
