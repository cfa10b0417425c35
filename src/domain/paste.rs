//! Turns pasted chat or log text into candidate timeline events, one per line
//! that starts with a time. The author reviews the candidates before they are
//! added, so this is lenient about formats and honest about failure: every
//! non-blank line comes back, either as a candidate, a date header, or an
//! unreadable line with its number.
//!
//! Recognised line starts (optionally in `[…]` or `(…)`, optionally after `~`
//! or `≈` to mark the time approximate):
//! - `14:10`, `14:10:05`, `9:05`, `2:14 PM`;
//! - `2024-05-01 14:10`, `2024-05-01T14:10:00`, with optional fractional
//!   seconds and an optional zone: `Z`, `+02:00`, `+0200`, `+02`, ` UTC`.
//!
//! A line holding only a date (`2024-05-02`, `--- 2024-05-02 ---`) sets the
//! date for the time-only lines after it, as chat exports print day dividers.
//! Time-only lines otherwise use the caller's base date, and roll over to the
//! next day when the clock goes backwards by more than twelve hours
//! (23:55 followed by 00:10), which a conversation running past midnight does
//! and a slightly out-of-order paste does not.
//!
//! Times without a zone are wall-clock times in the author's zone. The zone
//! rules live in the browser, so the caller supplies the UTC offset: either a
//! fixed one ([`parse_paste`]) or one per wall-clock time
//! ([`parse_paste_with`]), which keeps a paste across a DST change right.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};

use super::model::{EventKind, Precision, TimelineEvent};
use super::zone::{local_naive, utc_from_local};

/// A line that starts with a readable time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// 1-based line number in the pasted text.
    pub line: usize,
    pub time: DateTime<Utc>,
    /// `Approximate` when the time was written with `~` or `≈`.
    pub precision: Precision,
    /// Guessed from the words (see [`guess_kind`]); `Note` when nothing fits.
    pub kind: EventKind,
    /// The rest of the line, separators after the time removed.
    pub text: String,
    /// The date was moved to a later day than the lines before it suggested,
    /// because the clock went backwards past midnight. Shown so the author can
    /// check it.
    pub rolled_over: bool,
}

impl Candidate {
    /// The event to add to the timeline once the author accepts it.
    pub fn to_event(&self, id: impl Into<String>) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            time: Some(self.time),
            precision: self.precision,
            kind: self.kind,
            description: self.text.clone(),
            ..TimelineEvent::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnreadableReason {
    /// The line does not start with a time (a wrapped message, a name, …).
    NoTimestamp,
    /// It starts like a time but is not one (`25:10`, `2024-02-30 10:00`).
    InvalidTime,
}

impl UnreadableReason {
    pub fn label(self) -> &'static str {
        match self {
            UnreadableReason::NoTimestamp => "does not start with a time",
            UnreadableReason::InvalidTime => "the time is not valid",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PastedLine {
    Event(Candidate),
    /// A date divider; later time-only lines use this date.
    Date {
        line: usize,
        date: NaiveDate,
    },
    /// Kept, never dropped, so the author can fix or discard it knowingly.
    Unreadable {
        line: usize,
        text: String,
        reason: UnreadableReason,
    },
}

impl PastedLine {
    /// Tells lines apart in a keyed list: the line number and everything
    /// read from it, so a line read differently is drawn again. Written out
    /// rather than through `Debug`, which would ship a formatter for every
    /// type inside a line.
    pub fn key(&self) -> String {
        match self {
            PastedLine::Event(c) => format!(
                "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                c.line,
                super::datefmt::rfc3339(&c.time),
                c.precision.slug(),
                c.kind.slug(),
                c.rolled_over,
                c.text
            ),
            PastedLine::Date { line, date } => {
                format!("{line}\u{1f}{}", super::datefmt::ymd(*date))
            }
            PastedLine::Unreadable { line, text, reason } => {
                format!("{line}\u{1f}{}\u{1f}{text}", reason.label())
            }
        }
    }

    /// 1-based line number in the pasted text.
    pub fn line(&self) -> usize {
        match self {
            PastedLine::Event(c) => c.line,
            PastedLine::Date { line, .. } | PastedLine::Unreadable { line, .. } => *line,
        }
    }
}

/// Parses with one fixed UTC offset (minutes east of UTC) for every line.
pub fn parse_paste(text: &str, base_date: NaiveDate, offset_minutes: i32) -> Vec<PastedLine> {
    parse_paste_with(text, base_date, |_| offset_minutes)
}

/// Parses with the UTC offset looked up per wall-clock time, so a paste that
/// spans a DST change converts each line with the offset in force at it.
/// `offset` receives a wall-clock time in the author's zone and returns minutes
/// east of UTC (in the browser: build a local `Date` from it and negate
/// `getTimezoneOffset()`).
/// Blank lines are skipped; every other line yields one [`PastedLine`].
pub fn parse_paste_with(
    text: &str,
    base_date: NaiveDate,
    offset: impl Fn(NaiveDateTime) -> i32,
) -> Vec<PastedLine> {
    let mut out = Vec::new();
    // Wall-clock time of the previous timed line, in the author's zone: both the
    // date for the next time-only line and the reference for midnight rollover.
    let mut last_local: Option<NaiveDateTime> = None;
    let mut current_date = base_date;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(date) = date_divider(trimmed) {
            current_date = date;
            last_local = None;
            out.push(PastedLine::Date { line, date });
            continue;
        }
        let unreadable = |reason| PastedLine::Unreadable {
            line,
            text: raw.to_string(),
            reason,
        };
        let parsed = match parse_stamp(trimmed) {
            Ok(p) => p,
            Err(reason) => {
                out.push(unreadable(reason));
                continue;
            }
        };
        let mut rolled_over = false;
        let (utc, local) = match parsed.when {
            When::Zoned(utc) => {
                // The lookup wants a wall-clock time, which is what we are
                // computing: guess with the UTC clock, then refine once. That
                // is exact except within the hour a DST change shifts.
                let guess = local_naive(utc, offset(utc.naive_utc()));
                (Some(utc), local_naive(utc, offset(guess)))
            }
            When::Local(local) => (utc_from_local(local, offset(local)), local),
            When::TimeOnly(t) => {
                let mut local = current_date.and_time(t);
                let floor = last_local.and_then(|p| p.checked_sub_signed(TimeDelta::hours(12)));
                if floor.is_some_and(|f| local < f) {
                    // `current_date` is the previous line's date, so a single
                    // day forward always lands within twelve hours after it.
                    match local.checked_add_signed(TimeDelta::days(1)) {
                        Some(l) => local = l,
                        None => {
                            out.push(unreadable(UnreadableReason::InvalidTime));
                            continue;
                        }
                    }
                    rolled_over = true;
                }
                (utc_from_local(local, offset(local)), local)
            }
        };
        let Some(time) = utc else {
            out.push(unreadable(UnreadableReason::InvalidTime));
            continue;
        };
        last_local = Some(local);
        current_date = local.date();
        out.push(PastedLine::Event(Candidate {
            line,
            time,
            precision: if parsed.approximate {
                Precision::Approximate
            } else {
                Precision::Exact
            },
            kind: guess_kind(&parsed.text),
            text: parsed.text,
            rolled_over,
        }));
    }
    out
}

/// A line that is nothing but a date, possibly decorated (`--- 2024-05-02 ---`).
fn date_divider(line: &str) -> Option<NaiveDate> {
    let core = line.trim_matches(|c: char| "-=*#[]() \t".contains(c));
    if core.len() != 10 {
        return None;
    }
    crate::domain::datefmt::parse_ymd(core)
}

enum When {
    /// Date, time and an explicit zone: an instant.
    Zoned(DateTime<Utc>),
    /// Date and time, no zone: wall-clock time in the author's zone.
    Local(NaiveDateTime),
    /// Time of day only.
    TimeOnly(NaiveTime),
}

struct Stamp {
    when: When,
    approximate: bool,
    text: String,
}

/// A byte cursor. Only ever advanced over ASCII bytes, so every position it
/// slices at is a char boundary and non-ASCII text cannot make it panic.
struct Cursor<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor {
            s,
            b: s.as_bytes(),
            i: 0,
        }
    }
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }
    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }
    /// Reads between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        if self.i - start < min {
            self.i = start;
            None
        } else {
            Some(v)
        }
    }
    fn rest(&self) -> &'a str {
        self.s.get(self.i..).unwrap_or("")
    }
    /// True at the end or before a character that cannot continue a token.
    fn at_boundary(&self) -> bool {
        match self.peek() {
            None => true,
            Some(c) => !c.is_ascii_alphanumeric(),
        }
    }
    fn at_digit(&self) -> bool {
        matches!(self.peek(), Some(b'0'..=b'9'))
    }
}

/// Raw clock reading before validation.
struct Clock {
    h: u32,
    m: u32,
    s: u32,
}

/// Reads `H:MM`, `HH:MM:SS` and an optional fraction. `None` when the text is
/// not shaped like a time at all.
fn clock(c: &mut Cursor<'_>) -> Option<Clock> {
    let start = c.i;
    let fail = |c: &mut Cursor<'_>| {
        c.i = start;
        None
    };
    let Some(h) = c.digits(1, 2) else {
        return fail(c);
    };
    if !c.eat(b':') {
        return fail(c);
    }
    let Some(m) = c.digits(2, 2) else {
        return fail(c);
    };
    let mut s = 0;
    if c.peek() == Some(b':') && matches!(c.peek_at(1), Some(b'0'..=b'9')) {
        c.i += 1;
        let Some(v) = c.digits(2, 2) else {
            return fail(c);
        };
        s = v;
        // Fractions are read and dropped: events are kept to the second.
        if matches!(c.peek(), Some(b'.' | b',')) && matches!(c.peek_at(1), Some(b'0'..=b'9')) {
            c.i += 1;
            while c.at_digit() {
                c.i += 1;
            }
        }
    }
    if c.at_digit() || (c.peek() == Some(b':') && matches!(c.peek_at(1), Some(b'0'..=b'9'))) {
        // `14:100` or `1:2:3:4` is something else (a ratio, an address).
        return fail(c);
    }
    Some(Clock { h, m, s })
}

/// Reads ` am`, `PM`, `a.m.` after a clock; returns whether it was PM.
fn meridiem(c: &mut Cursor<'_>) -> Option<bool> {
    let start = c.i;
    c.skip_spaces();
    let pm = match c.peek().map(|b| b.to_ascii_lowercase()) {
        Some(b'a') => false,
        Some(b'p') => true,
        _ => {
            c.i = start;
            return None;
        }
    };
    c.i += 1;
    c.eat(b'.');
    if !matches!(c.peek(), Some(b'm' | b'M')) {
        c.i = start;
        return None;
    }
    c.i += 1;
    c.eat(b'.');
    if !c.at_boundary() {
        c.i = start;
        return None;
    }
    Some(pm)
}

/// An explicit zone after a dated time, in minutes east of UTC.
fn zone(c: &mut Cursor<'_>) -> Option<i32> {
    let start = c.i;
    if matches!(c.peek(), Some(b'Z' | b'z')) {
        c.i += 1;
        if c.at_boundary() {
            return Some(0);
        }
        c.i = start;
        return None;
    }
    let spaced = c.peek() == Some(b' ');
    if spaced {
        c.i += 1;
        for name in ["UTC", "GMT"] {
            let r = c.rest();
            if r.len() >= 3 && r.is_char_boundary(3) && r[..3].eq_ignore_ascii_case(name) {
                c.i += 3;
                if c.at_boundary() {
                    return Some(0);
                }
                c.i -= 3;
            }
        }
    }
    let sign = match c.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => {
            c.i = start;
            return None;
        }
    };
    c.i += 1;
    let Some(h) = c.digits(2, 2) else {
        c.i = start;
        return None;
    };
    let colon = c.eat(b':');
    let m = c.digits(2, 2);
    // After a space only the unmistakable forms count (`+0200`, `+02:00`), so
    // `14:10 -10 replicas` is not read as a zone.
    let ok = match (spaced, colon, m) {
        (_, true, None) => false,
        (true, _, None) => false,
        _ => c.at_boundary(),
    };
    let m = m.unwrap_or(0);
    if !ok || h > 23 || m > 59 {
        c.i = start;
        return None;
    }
    Some(sign * (h as i32 * 60 + m as i32))
}

fn parse_stamp(line: &str) -> Result<Stamp, UnreadableReason> {
    let mut approximate = false;
    let mut s = line;
    for mark in ["~", "\u{2248}"] {
        if let Some(rest) = s.strip_prefix(mark) {
            approximate = true;
            s = rest.trim_start();
        }
    }
    let mut c = Cursor::new(s);
    let close = if c.eat(b'[') {
        Some(b']')
    } else if c.eat(b'(') {
        Some(b')')
    } else {
        None
    };
    c.skip_spaces();

    let when = if let Some(date) = iso_date(&mut c)? {
        let sep_ok = match c.peek() {
            Some(b'T' | b't') => true,
            Some(b' ') => matches!(c.peek_at(1), Some(b'0'..=b'9')),
            _ => false,
        };
        if !sep_ok {
            // A date with text but no time: nothing to place it at.
            return Err(UnreadableReason::NoTimestamp);
        }
        c.i += 1;
        let clk = clock(&mut c).ok_or(UnreadableReason::InvalidTime)?;
        let t =
            NaiveTime::from_hms_opt(clk.h, clk.m, clk.s).ok_or(UnreadableReason::InvalidTime)?;
        let local = date.and_time(t);
        match zone(&mut c) {
            Some(z) => When::Zoned(utc_from_local(local, z).ok_or(UnreadableReason::InvalidTime)?),
            None => When::Local(local),
        }
    } else {
        let Some(clk) = clock(&mut c) else {
            return Err(UnreadableReason::NoTimestamp);
        };
        let h = match meridiem(&mut c) {
            Some(pm) => {
                if !(1..=12).contains(&clk.h) {
                    return Err(UnreadableReason::InvalidTime);
                }
                clk.h % 12 + if pm { 12 } else { 0 }
            }
            None => clk.h,
        };
        if !c.at_boundary() {
            return Err(UnreadableReason::NoTimestamp);
        }
        When::TimeOnly(
            NaiveTime::from_hms_opt(h, clk.m, clk.s).ok_or(UnreadableReason::InvalidTime)?,
        )
    };
    if let Some(close) = close {
        c.skip_spaces();
        c.eat(close);
    }
    let text = message(c.rest()).to_string();
    Ok(Stamp {
        when,
        approximate,
        text,
    })
}

/// The message after a time: leading blanks and one separator (`-`, `:`, `|`,
/// `>`, dashes, bullets) dropped. A separator only counts as one when a blank or
/// the end follows it, so `14:10 -10 replicas` keeps its minus sign.
fn message(rest: &str) -> &str {
    let rest = rest.trim();
    let is_sep = |ch: char| {
        matches!(
            ch,
            '-' | ':' | '|' | '>' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '*'
        )
    };
    let after = rest.trim_start_matches(is_sep);
    if after.len() < rest.len() && (after.is_empty() || after.starts_with(char::is_whitespace)) {
        after.trim_start()
    } else {
        rest
    }
}

/// Reads `YYYY-MM-DD`. `Ok(None)` when the text does not start like a date;
/// an error when it does but the date does not exist.
fn iso_date(c: &mut Cursor<'_>) -> Result<Option<NaiveDate>, UnreadableReason> {
    let start = c.i;
    let shaped = (|| {
        let y = c.digits(4, 4)?;
        c.eat(b'-').then_some(())?;
        let m = c.digits(2, 2)?;
        c.eat(b'-').then_some(())?;
        let d = c.digits(2, 2)?;
        (!c.at_digit()).then_some((y, m, d))
    })();
    match shaped {
        None => {
            c.i = start;
            Ok(None)
        }
        Some((y, m, d)) => NaiveDate::from_ymd_opt(y as i32, m, d)
            .map(Some)
            .ok_or(UnreadableReason::InvalidTime),
    }
}

/// Words that cancel a phrase one or two words after them ("not resolved",
/// "not yet resolved", "no alerts fired").
const NEGATIONS: [&str; 16] = [
    "not", "no", "never", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't",
    "didn't", "doesn't", "don't", "won't", "can't", "cannot",
];

/// Phrases per kind, in priority order: the first kind with an un-negated
/// phrase wins, so "alert resolved" is a resolution, not a detection.
const GUESSES: [(EventKind, &[&str]); 8] = [
    (
        EventKind::Resolved,
        &[
            "resolved",
            "all clear",
            "incident closed",
            "closing the incident",
            "closing incident",
        ],
    ),
    (
        EventKind::Mitigated,
        &[
            "mitigated",
            "rolled back",
            "rollback complete",
            "rollback completed",
            "rollback done",
            "recovered",
            "recovering",
            "back to normal",
            "failed over",
        ],
    ),
    (
        EventKind::Escalated,
        &["escalated", "escalating", "escalate"],
    ),
    (
        EventKind::Acknowledged,
        &[
            "acknowledged",
            "ack",
            "acked",
            "ack'd",
            "paged",
            "paging",
            "looking into",
        ],
    ),
    (
        EventKind::Detected,
        &[
            "detected",
            "noticed",
            "alert",
            "alerts",
            "alerted",
            "alarm",
            "fired",
            "firing",
            "triggered",
            "reported",
            "reports",
        ],
    ),
    (
        EventKind::ImpactStart,
        &[
            "impact started",
            "impact began",
            "impact begins",
            "outage started",
            "outage began",
            "errors started",
            "errors began",
            "started failing",
            "began failing",
        ],
    ),
    (
        EventKind::Communication,
        &[
            "status page",
            "statuspage",
            "customers notified",
            "notified customers",
            "posted an update",
            "update posted",
        ],
    ),
    (
        EventKind::Action,
        &[
            "deployed",
            "deploying",
            "restarted",
            "restarting",
            "scaled",
            "scaling",
            "reverted",
            "reverting",
        ],
    ),
];

/// Guesses an event kind from a line's words; `Note` when nothing fits. Only a
/// convenience: the author sees and can change every guess.
pub fn guess_kind(text: &str) -> EventKind {
    let lower = text.to_lowercase().replace('\u{2019}', "'");
    // A negation reaches only to the end of its clause: in "isn't mitigated
    // yet, paging bob" the paging still counts.
    let clauses: Vec<Vec<&str>> = lower
        .split([',', ';', '.', '!', '?', ':'])
        .map(|clause| {
            clause
                .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
                .map(|w| w.trim_matches('\''))
                .filter(|w| !w.is_empty())
                .collect()
        })
        .collect();
    let found = |phrase: &str| {
        let p: Vec<&str> = phrase.split(' ').collect();
        clauses.iter().any(|words| {
            (0..words.len()).any(|i| {
                words.get(i..i + p.len()) == Some(&p[..])
                    && !words[i.saturating_sub(2)..i]
                        .iter()
                        .any(|w| NEGATIONS.contains(w))
            })
        })
    };
    GUESSES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| found(p)))
        .map(|(kind, _)| *kind)
        .unwrap_or(EventKind::Note)
}
