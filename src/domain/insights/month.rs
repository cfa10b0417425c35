use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::Zone;
use crate::domain::zone::local_naive;

/// A calendar month. Ordered by time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    pub fn of_date(d: NaiveDate) -> Month {
        Month {
            year: d.year(),
            month: d.month(),
        }
    }

    /// The month on the reader's wall calendar at that instant.
    pub fn of_instant(t: DateTime<Utc>, zone: Zone<'_>) -> Month {
        Month::of_date(local_naive(t, zone(t)).date())
    }

    pub fn next(self) -> Month {
        if self.month >= 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// `2024-05`: sorts as text and reads the same in every language.
    pub fn label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// Longest run of months drawn: a stray date decades away would otherwise
/// turn the chart into thousands of empty columns.
const MAX_MONTHS: usize = 240;

/// Every month from the earliest to the latest given, gaps included, so a
/// quiet month shows as a zero rather than vanishing. Beyond
/// [`MAX_MONTHS`] only the latest months are kept.
pub fn month_range(months: impl IntoIterator<Item = Month>) -> Vec<Month> {
    let mut it = months.into_iter();
    let Some(first) = it.next() else {
        return Vec::new();
    };
    let (lo, hi) = it.fold((first, first), |(lo, hi), m| (lo.min(m), hi.max(m)));
    let mut out = vec![lo];
    let mut m = lo;
    while m < hi {
        m = m.next();
        out.push(m);
    }
    if out.len() > MAX_MONTHS {
        out.drain(..out.len() - MAX_MONTHS);
    }
    out
}
