use chrono::NaiveDate;

use super::{severity_of, started, Zone};
use crate::domain::model::{PostMortem, Severity};
use crate::domain::zone::local_date;

/// Narrows the archive; every `None` criterion matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// First day included, on the reader's calendar.
    pub from: Option<NaiveDate>,
    /// Last day included.
    pub to: Option<NaiveDate>,
    /// `Some(None)`: only post-mortems whose severity nobody has set.
    pub severity: Option<Option<Severity>>,
    pub service: Option<String>,
    pub tag: Option<String>,
}

/// Names compare trimmed and case-insensitively: "Checkout" and "checkout "
/// are the same service typed twice.
pub(super) fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// A post-mortem without any date matches only while no date range is set:
    /// it cannot be said to fall inside one.
    pub fn matches(&self, doc: &PostMortem, zone: Zone<'_>) -> bool {
        let day = started(doc).map(|t| local_date(t, zone(t)));
        let in_range = match (self.from, self.to, day) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(d)) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        };
        in_range
            && self.severity.is_none_or(|s| severity_of(doc) == s)
            && self
                .service
                .as_deref()
                .is_none_or(|s| doc.context.services.iter().any(|x| same(x, s)))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| all_tags(doc).iter().any(|x| same(x, t)))
    }

    /// In words, for the export's heading: `SEV2, service “api”`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("from {f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        if let Some(s) = self.severity {
            parts.push(format!("severity {}", super::severity_label(s)));
        }
        if let Some(s) = &self.service {
            parts.push(format!("service \u{201c}{}\u{201d}", s.trim()));
        }
        if let Some(t) = &self.tag {
            parts.push(format!("tag \u{201c}{}\u{201d}", t.trim()));
        }
        parts.join(", ")
    }
}

/// Every tag a post-mortem carries, wherever it was put, each once and
/// spelled as first typed.
pub fn all_tags(doc: &PostMortem) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let every = doc
        .context
        .tags
        .iter()
        .chain(doc.reason.factors.iter().flat_map(|f| &f.tags))
        .chain(doc.timeline.iter().flat_map(|e| &e.tags));
    for t in every {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|x| same(x, t)) {
            out.push(t.to_string());
        }
    }
    out
}

/// Distinct names as first typed, sorted case-insensitively.
fn distinct<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.trim();
        if !n.is_empty() && !out.iter().any(|x| same(x, n)) {
            out.push(n.to_string());
        }
    }
    crate::domain::sort::sort_by_key(&mut out, |s| s.to_lowercase());
    out
}

/// The services named across the archive: the choices for the filter.
pub fn services(docs: &[PostMortem]) -> Vec<String> {
    distinct(super::real(docs).flat_map(|d| &d.context.services))
}

/// The tags used across the archive, on post-mortems, factors and events:
/// the choices for the filter and the suggestions where tags are typed.
pub fn tags(docs: &[PostMortem]) -> Vec<String> {
    let every: Vec<String> = super::real(docs).flat_map(all_tags).collect();
    distinct(every.iter())
}

/// The tags to suggest while `current` is being edited: the archive's, and
/// those just given to `current`, which its stored copy (read when the page
/// opened) does not hold yet, so a tag put on one factor is offered for the
/// next one at once.
pub fn suggested_tags(docs: &[PostMortem], current: &PostMortem) -> Vec<String> {
    let every: Vec<String> = super::real(docs)
        .chain(std::iter::once(current))
        .flat_map(all_tags)
        .collect();
    distinct(every.iter())
}
