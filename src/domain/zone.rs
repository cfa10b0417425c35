//! Local-time helpers that need no time-zone database. Times are stored in UTC;
//! the editor shows them in the author's zone. The zone rules live in the
//! browser (`Intl`), which hands over the UTC offset in minutes for the instant
//! at hand; everything from there on is plain arithmetic, done here so it is
//! tested natively. Bundling a zone database instead would add far more to the
//! download than the whole editor.
//!
//! Offsets are minutes east of UTC (`+120` for CEST, `-300` for EST), which is
//! the negation of JavaScript's `Date.getTimezoneOffset()`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};

/// Real offsets stay within ±14 h; anything beyond a day is a bug upstream and
/// is clamped so the arithmetic stays total.
const MAX_OFFSET: i32 = 24 * 60;

fn clamp(offset_minutes: i32) -> i64 {
    i64::from(offset_minutes.clamp(-MAX_OFFSET, MAX_OFFSET))
}

/// The wall-clock time at `offset_minutes` east of UTC. Falls back to the UTC
/// wall clock at the very edge of chrono's range, where shifting would overflow.
pub fn local_naive(t: DateTime<Utc>, offset_minutes: i32) -> NaiveDateTime {
    let naive = t.naive_utc();
    naive
        .checked_add_signed(TimeDelta::minutes(clamp(offset_minutes)))
        .unwrap_or(naive)
}

/// The UTC instant of a wall-clock time read at `offset_minutes`. `None` only at
/// the edge of chrono's range.
pub fn utc_from_local(local: NaiveDateTime, offset_minutes: i32) -> Option<DateTime<Utc>> {
    local
        .checked_sub_signed(TimeDelta::minutes(clamp(offset_minutes)))
        .map(|n| n.and_utc())
}

/// `2024-05-01 16:10`: a UTC time shown at a fixed offset.
pub fn format_at_offset(t: DateTime<Utc>, offset_minutes: i32) -> String {
    super::datefmt::ymd_hm(local_naive(t, offset_minutes))
}

/// `2024-05-01T16:10`: the value a `datetime-local` input expects.
pub fn to_local_input(t: DateTime<Utc>, offset_minutes: i32) -> String {
    super::datefmt::ymd_t_hm(local_naive(t, offset_minutes))
}

/// Reads a `datetime-local` value (`YYYY-MM-DDTHH:MM`, optionally with `:SS`
/// and fractional seconds, or a space instead of `T`) as wall-clock time at
/// `offset_minutes` and returns the UTC instant. `None` when the text is not
/// such a value; an empty input (a cleared field) is also `None`.
pub fn parse_local(value: &str, offset_minutes: i32) -> Option<DateTime<Utc>> {
    let v = value.trim();
    let naive =
        super::datefmt::parse_ymd_hm(v, 'T').or_else(|| super::datefmt::parse_ymd_hm(v, ' '))?;
    utc_from_local(naive, offset_minutes)
}

/// The local calendar date of a UTC instant at an offset, e.g. the base date
/// for times pasted without a date.
pub fn local_date(t: DateTime<Utc>, offset_minutes: i32) -> NaiveDate {
    local_naive(t, offset_minutes).date()
}

/// `UTC+02:00`, `UTC−03:30`, `UTC`: an offset as a label next to local times.
pub fn format_offset(offset_minutes: i32) -> String {
    let m = clamp(offset_minutes);
    if m == 0 {
        return "UTC".into();
    }
    let sign = if m < 0 { '\u{2212}' } else { '+' };
    let a = m.abs();
    format!("UTC{sign}{:02}:{:02}", a / 60, a % 60)
}
