//! The weekly quick review: every post-mortem of one week on a page, each
//! through the four prompts of the quick template, with the themes it
//! shares with earlier post-mortems ("seen before").

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::filter::same;
use super::themes::themes;
use super::{real, severity_of, started, DocRef, Zone};
use crate::domain::durations::durations;
use crate::domain::model::{PostMortem, Severity};
use crate::domain::naming::display_title;
use crate::domain::zone::local_date;

/// A tag (`#dns`) or factor category this post-mortem shares with earlier ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenBefore {
    pub theme: String,
    /// Most recent first.
    pub earlier: Vec<DocRef>,
}

/// One post-mortem as the quick review reads it. Empty answers stay empty:
/// the page says what is missing rather than inventing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub severity: Option<Severity>,
    pub day: NaiveDate,
    /// What happened: the summary, else the narrative.
    pub what_happened: String,
    /// How we responded: the resolution in words, with time to detect and
    /// to resolve as the post-mortem measures them.
    pub response: String,
    pub detect: String,
    pub resolve: String,
    /// What contributed: the factors' descriptions.
    pub contributed: Vec<String>,
    /// What we will change: the remediation items' actions.
    pub change: Vec<String>,
    pub seen_before: Vec<SeenBefore>,
}

/// The Monday of the week `day` falls in.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - TimeDelta::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The themes `doc` shares with post-mortems that started before it.
pub fn seen_before(doc: &PostMortem, docs: &[PostMortem]) -> Vec<SeenBefore> {
    let Some(at) = started(doc) else {
        return Vec::new();
    };
    let mut earlier: Vec<(&PostMortem, chrono::DateTime<chrono::Utc>)> = real(docs)
        .filter(|d| d.id != doc.id)
        .filter_map(|d| started(d).filter(|t| *t < at).map(|t| (d, t)))
        .collect();
    crate::domain::sort::sort_by_key(&mut earlier, |(_, t)| std::cmp::Reverse(*t));
    let theirs: Vec<(&PostMortem, Vec<String>)> =
        earlier.into_iter().map(|(d, _)| (d, themes(d))).collect();
    themes(doc)
        .into_iter()
        .filter_map(|theme| {
            let earlier: Vec<DocRef> = theirs
                .iter()
                .filter(|(_, t)| t.iter().any(|x| same(x, &theme)))
                .map(|(d, _)| DocRef::of(d))
                .collect();
            (!earlier.is_empty()).then_some(SeenBefore { theme, earlier })
        })
        .collect()
}

fn first_text(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// Every post-mortem that started in the week from `monday` (seven days on
/// the reader's calendar), oldest first.
pub fn week(docs: &[PostMortem], monday: NaiveDate, zone: Zone<'_>) -> Vec<Case> {
    let end = monday + TimeDelta::days(7);
    let mut out: Vec<Case> = real(docs)
        .filter_map(|doc| {
            let t = started(doc)?;
            let day = local_date(t, zone(t));
            (day >= monday && day < end).then(|| {
                let d = durations(&doc.timeline);
                Case {
                    id: doc.id.clone(),
                    title: display_title(doc),
                    severity: severity_of(doc),
                    day,
                    what_happened: first_text(&[&doc.context.summary, &doc.reason.narrative]),
                    response: doc.reason.resolution.trim().to_string(),
                    detect: d.detect.label(),
                    resolve: d.resolve.label(),
                    contributed: doc
                        .reason
                        .factors
                        .iter()
                        .map(|f| f.description.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                    change: doc
                        .remedy
                        .items
                        .iter()
                        .map(|i| i.action.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect(),
                    seen_before: seen_before(doc, docs),
                }
            })
        })
        .collect();
    crate::domain::sort::sort_by_key(&mut out, |c| c.day);
    out
}
