use chrono::NaiveDate;

use super::{month_of, month_range, Month, Zone};
use crate::domain::model::{ItemStatus, PostMortem};
use crate::domain::smart::is_overdue;

/// Remediation in one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemedyMonth {
    pub month: Month,
    /// Items agreed in post-mortems of this month. Items carry no date of
    /// their own, so they count from the incident they answer.
    pub opened: usize,
    /// Items completed in this month.
    pub done: usize,
    /// Items still open whose due date fell in this month and has passed.
    pub overdue: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemedyStats {
    pub months: Vec<RemedyMonth>,
    pub items: usize,
    pub open: usize,
    pub done: usize,
    pub overdue: usize,
    /// Items that could not be placed in a month (no incident date, or done
    /// without a completion date): in the totals, not in `months`.
    pub undated: usize,
    pub factors: usize,
    /// Factors that no remediation item says it answers.
    pub unanswered: usize,
}

impl RemedyStats {
    /// Whole percent of factors with no item answering them.
    pub fn unanswered_percent(&self) -> Option<usize> {
        (self.factors > 0).then(|| (self.unanswered * 100 + self.factors / 2) / self.factors)
    }
}

pub(super) fn stats(docs: &[&PostMortem], zone: Zone<'_>, today: NaiveDate) -> RemedyStats {
    let mut s = RemedyStats::default();
    // (month, opened, done, overdue) events, gathered before the range is known.
    let mut marks: Vec<(Month, [usize; 3])> = Vec::new();
    for doc in docs {
        let opened_in = month_of(doc, zone);
        for item in &doc.remedy.items {
            s.items += 1;
            match opened_in {
                Some(m) => marks.push((m, [1, 0, 0])),
                None => s.undated += 1,
            }
            if item.status.is_open() {
                s.open += 1;
                if is_overdue(item, today) {
                    s.overdue += 1;
                    if let Some(due) = item.due {
                        marks.push((Month::of_date(due), [0, 0, 1]));
                    }
                }
            } else if item.status == ItemStatus::Done {
                s.done += 1;
                match item.completed {
                    Some(c) => marks.push((Month::of_date(c), [0, 1, 0])),
                    None => s.undated += usize::from(opened_in.is_some()),
                }
            }
        }
        s.factors += doc.reason.factors.len();
        s.unanswered += crate::domain::cite::unanswered_factors(doc).len();
    }
    s.months = month_range(marks.iter().map(|(m, _)| *m))
        .into_iter()
        .map(|month| {
            let mut sum = [0; 3];
            for (_, v) in marks.iter().filter(|(m, _)| *m == month) {
                for k in 0..3 {
                    sum[k] += v[k];
                }
            }
            RemedyMonth {
                month,
                opened: sum[0],
                done: sum[1],
                overdue: sum[2],
            }
        })
        .collect();
    s
}
