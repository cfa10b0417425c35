//! Times on the timeline: the document zone's UTC offset, reading what the
//! author types into a time field, and showing a stored UTC time in the zone.
//!
//! Typed times go through the same reader as pasted lines
//! (`domain::paste`), so `14:10`, `14:10:05`, `2:10 PM`, `2024-05-01 14:10`,
//! ISO timestamps with a zone and a leading `~` for "around" mean the same
//! thing in the entry row, in a row's time field and in a paste.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike, Utc};

use crate::domain::datefmt;
use crate::domain::durations::known_time;
use crate::domain::paste::{parse_paste_with, PastedLine, UnreadableReason};
use crate::domain::zone::local_naive;
use crate::domain::{PostMortem, Precision};
use crate::ui::tz;

thread_local! {
    static OFFSETS: RefCell<HashMap<(String, i64), i32>> = RefCell::new(HashMap::new());
}

/// Offset of `zone` at `t` in minutes east of UTC (0 for an unknown zone).
///
/// Building an `Intl.DateTimeFormat` costs far more than the arithmetic
/// around it, and a timeline of thousands of events asks for the same few
/// hours over and over, so answers are cached per quarter hour: every
/// daylight-saving rule in use changes the clocks on a quarter hour.
pub fn offset(zone: &str, t: DateTime<Utc>) -> i32 {
    let key = (zone.to_string(), t.timestamp().div_euclid(900));
    if let Some(v) = OFFSETS.with(|c| c.borrow().get(&key).copied()) {
        return v;
    }
    let v = tz::offset_minutes(zone, t).unwrap_or(0);
    OFFSETS.with(|c| {
        let mut c = c.borrow_mut();
        // Bounded: a pathological document cannot grow it without limit.
        if c.len() > 50_000 {
            c.clear();
        }
        c.insert(key, v);
    });
    v
}

/// Offset in force at a wall-clock time in `zone`. Two lookups, because the
/// offset decides which instant the wall-clock time is.
pub fn wall_offset(zone: &str, local: NaiveDateTime) -> i32 {
    let as_utc = local.and_utc();
    let first = offset(zone, as_utc);
    let guess = as_utc - chrono::TimeDelta::minutes(i64::from(first));
    offset(zone, guess)
}

/// The wall-clock time of `t` in `zone`.
pub fn local(zone: &str, t: DateTime<Utc>) -> NaiveDateTime {
    local_naive(t, offset(zone, t))
}

/// `2024-05-01 14:10`, with seconds only when there are some.
pub fn format_local(zone: &str, t: DateTime<Utc>) -> String {
    let l = local(zone, t);
    if l.second() == 0 {
        datefmt::ymd_hm(l)
    } else {
        datefmt::ymd_hms(l)
    }
}

/// The wall-clock time alone (`14:10`, `14:10:05`): what a closed line shows
/// under its day's heading.
pub fn format_clock(zone: &str, t: DateTime<Utc>) -> String {
    let l = local(zone, t);
    if l.second() == 0 {
        datefmt::hm(&l)
    } else {
        datefmt::hms(&l)
    }
}

/// The heading over a day's events: `Tuesday 12 March 2024`.
pub fn format_day(zone: &str, t: DateTime<Utc>) -> String {
    datefmt::weekday_day_month_year(local(zone, t).date())
}

/// The same instant in UTC, short: `12:10 UTC`, with the date when it is not
/// the local date (`04-30 22:10 UTC`). Empty when the zone is UTC itself.
pub fn utc_note(zone: &str, t: DateTime<Utc>) -> String {
    let off = offset(zone, t);
    if off == 0 {
        return String::new();
    }
    let same_day = local_naive(t, off).date() == t.date_naive();
    let clock = if t.second() == 0 {
        datefmt::hm(&t)
    } else {
        datefmt::hms(&t)
    };
    if same_day {
        format!("{clock} UTC")
    } else {
        format!("{} {clock} UTC", datefmt::md(t.date_naive()))
    }
}

/// What a time field holds once read.
#[derive(Clone, Debug, PartialEq)]
pub enum TimeInput {
    /// Left empty (or `?`, `unknown`): the time is unknown.
    Empty,
    At(DateTime<Utc>, Precision),
    /// Not readable; the message says what to type instead.
    Invalid(&'static str),
}

/// Reads a typed time in `zone`. A time without a date takes its date from
/// `after` (the event before it), rolling over to the next day when the clock
/// went back by more than twelve hours (23:50 then 00:10), exactly as a paste
/// does; with no `after`, it is on `base`.
pub fn read_time(
    input: &str,
    zone: &str,
    after: Option<NaiveDateTime>,
    base: NaiveDate,
) -> TimeInput {
    let input = input.trim();
    if input.is_empty() || input == "?" || input.eq_ignore_ascii_case("unknown") {
        return TimeInput::Empty;
    }
    if input.contains('\n') {
        return TimeInput::Invalid("One time only, please.");
    }
    // The previous event becomes the line before, so the paste reader's
    // date and midnight rules apply unchanged.
    let (text, line) = match after {
        Some(prev) => (format!("{} .\n{input}", datefmt::ymd_hms(prev)), 2),
        None => (input.to_string(), 1),
    };
    let lines = parse_paste_with(&text, base, |l| wall_offset(zone, l));
    match lines.into_iter().find(|l| l.line() == line) {
        Some(PastedLine::Event(c)) if c.text.is_empty() => TimeInput::At(c.time, c.precision),
        Some(PastedLine::Event(_)) => {
            TimeInput::Invalid("Only the time goes here; the description has its own field.")
        }
        Some(PastedLine::Date { .. }) => {
            TimeInput::Invalid("A date alone is not enough: add the time, e.g. 2024-05-01 14:10.")
        }
        Some(PastedLine::Unreadable {
            reason: UnreadableReason::InvalidTime,
            ..
        }) => TimeInput::Invalid("That time does not exist: check the hours, minutes and date."),
        _ => TimeInput::Invalid("Not a time: type HH:MM, or YYYY-MM-DD HH:MM."),
    }
}

/// Where a time typed without a date belongs when a new event is added: after
/// the last event with a known time, else after the incident start, else today.
pub fn entry_reference(d: &PostMortem) -> (Option<NaiveDateTime>, NaiveDate) {
    let zone = &d.context.time_zone;
    let last = d.timeline.iter().rev().find_map(known_time);
    match last.or(d.context.started) {
        Some(t) => {
            let l = local(zone, t);
            (Some(l), l.date())
        }
        None => (None, local(zone, crate::ui::state::now()).date()),
    }
}

/// The date pasted lines without one are read on: the incident start's,
/// else the first timed event's, else today.
pub fn paste_base(d: &PostMortem) -> NaiveDate {
    let zone = &d.context.time_zone;
    let first = d.timeline.iter().find_map(known_time);
    let t = d
        .context
        .started
        .or(first)
        .unwrap_or_else(crate::ui::state::now);
    local(zone, t).date()
}
