//! Dates and times written and read in the few fixed shapes the app uses.
//!
//! chrono's `format("%Y-…")` and `parse_from_str` interpret a pattern string
//! at run time, which ships chrono's whole strftime engine (its pattern
//! parser, every specifier and the formatter behind them) in the download.
//! Every pattern here is a constant, so each shape is a plain function. The
//! readers accept what `parse_from_str` accepted for these patterns: spaces
//! before a number, one or two digits for a month, day, hour, minute or
//! second, up to four digits for a year (more with a sign), and nothing left
//! over.

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Timelike, Utc,
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A year as `%Y` writes it: four digits, with a sign outside 0–9999.
fn year(y: i32) -> String {
    if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else {
        format!("{y:+05}")
    }
}

/// `2026-03-02`
pub fn ymd(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year(d.year()), d.month(), d.day())
}

/// `03-02`
pub fn md(d: NaiveDate) -> String {
    format!("{:02}-{:02}", d.month(), d.day())
}

/// `09:05`
pub fn hm(t: &impl Timelike) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `09:05:07`
pub fn hms(t: &impl Timelike) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// `2026-03-02 09:05`
pub fn ymd_hm(t: NaiveDateTime) -> String {
    format!("{} {}", ymd(t.date()), hm(&t))
}

/// `2026-03-02 09:05:07`
pub fn ymd_hms(t: NaiveDateTime) -> String {
    format!("{} {}", ymd(t.date()), hms(&t))
}

/// `2026-03-02T09:05`, the value of an `<input type="datetime-local">`.
pub fn ymd_t_hm(t: NaiveDateTime) -> String {
    format!("{}T{}", ymd(t.date()), hm(&t))
}

/// `2 March 2026`
pub fn day_month_year(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[d.month0() as usize],
        year(d.year())
    )
}

/// `2 Mar 2026`
pub fn day_mon_year(d: NaiveDate) -> String {
    let month = MONTHS[d.month0() as usize];
    format!("{} {} {}", d.day(), &month[..3], year(d.year()))
}

/// `Monday 2 March 2026`
pub fn weekday_day_month_year(d: NaiveDate) -> String {
    format!(
        "{} {}",
        WEEKDAYS[d.weekday().num_days_from_monday() as usize],
        day_month_year(d)
    )
}

/// An instant as the stored and exported documents write it, which is what
/// chrono's own serde writes: `2026-03-02T09:05:07Z`, with `.123`, `.123456`
/// or `.123456789` when there is a fraction of a second. Written digit by
/// digit: through chrono's `Display` it went through `core::fmt`, and on a
/// long timeline that was a third of an autosave's cost. Years outside
/// 0–9999 and leap seconds are rare enough to be left to chrono.
pub fn rfc3339(t: &DateTime<Utc>) -> String {
    let year = t.year();
    let nano = t.nanosecond();
    if !(0..=9999).contains(&year) || nano >= 1_000_000_000 {
        return t.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    }
    let mut out = String::with_capacity(30);
    push_digits(&mut out, year as u32, 4);
    for (sep, n) in [
        ('-', t.month()),
        ('-', t.day()),
        ('T', t.hour()),
        (':', t.minute()),
        (':', t.second()),
    ] {
        out.push(sep);
        push_digits(&mut out, n, 2);
    }
    if nano != 0 {
        out.push('.');
        match (nano % 1_000_000, nano % 1_000) {
            (0, _) => push_digits(&mut out, nano / 1_000_000, 3),
            (_, 0) => push_digits(&mut out, nano / 1_000, 6),
            _ => push_digits(&mut out, nano, 9),
        }
    }
    out.push('Z');
    out
}

/// `n` as `width` decimal digits, zero-padded (`n` has no more).
fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u32.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Reads the fields of a fixed shape: `Y`, `m`, `d`, `H`, `M`, `S` are
/// numbers; ` ` is any run of spaces (or none); `f` is an optional fraction
/// of a second (`.123`); anything else must be there as written.
fn scan(mut s: &str, shape: &str) -> Option<Fields> {
    let mut f = Fields::default();
    for c in shape.chars() {
        match c {
            'Y' | 'm' | 'd' | 'H' | 'M' | 'S' => {
                s = s.trim_start();
                let (v, rest) = number(s, c == 'Y')?;
                s = rest;
                let slot = match c {
                    'Y' => &mut f.year,
                    'm' => &mut f.month,
                    'd' => &mut f.day,
                    'H' => &mut f.hour,
                    'M' => &mut f.minute,
                    _ => &mut f.second,
                };
                *slot = v;
            }
            ' ' => s = s.trim_start(),
            'f' => {
                if let Some(rest) = s.strip_prefix('.') {
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 0 {
                        return None;
                    }
                    let (frac, rest) = rest.split_at(digits);
                    // Nanoseconds: the first nine digits, the rest ignored.
                    let nine: String = frac.chars().chain("000000000".chars()).take(9).collect();
                    f.nano = nine.parse().ok()?;
                    s = rest;
                }
            }
            lit => s = s.strip_prefix(lit)?,
        }
    }
    s.is_empty().then_some(f)
}

#[derive(Default)]
struct Fields {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    nano: u32,
}

impl Fields {
    fn date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(
            i32::try_from(self.year).ok()?,
            u32::try_from(self.month).ok()?,
            u32::try_from(self.day).ok()?,
        )
    }

    fn date_time(&self) -> Option<NaiveDateTime> {
        // A leap second (`23:59:60`) is the 59th second run long, as chrono
        // keeps it.
        let (second, leap) = match self.second {
            60 => (59, 1_000_000_000),
            s => (u32::try_from(s).ok()?, 0),
        };
        let time = NaiveTime::from_hms_nano_opt(
            u32::try_from(self.hour).ok()?,
            u32::try_from(self.minute).ok()?,
            second,
            self.nano + leap,
        )?;
        Some(self.date()?.and_time(time))
    }
}

/// A number at the start of `s`: one or two digits, or for a year up to
/// four, or any number of digits after a sign (too many for an `i64` is no
/// number).
fn number(s: &str, is_year: bool) -> Option<(i64, &str)> {
    let (sign, body) = match s.as_bytes().first() {
        Some(b'-') if is_year => (-1, &s[1..]),
        Some(b'+') if is_year => (1, &s[1..]),
        _ => (0, s),
    };
    let max = match (is_year, sign) {
        (true, 0) => 4,
        (true, _) => usize::MAX,
        _ => 2,
    };
    let digits = body
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let v: i64 = body[..digits].parse().ok()?;
    Some((if sign < 0 { -v } else { v }, &body[digits..]))
}

/// Reads `2026-03-02`.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    scan(s, "Y-m-d")?.date()
}

/// Reads `2026-03-02 09:05` or `2026-03-02T09:05` (as `sep` says), with or
/// without seconds and a fraction of a second.
pub fn parse_ymd_hm(s: &str, sep: char) -> Option<NaiveDateTime> {
    let with_seconds = format!("Y-m-d{sep}H:M:Sf");
    let without = format!("Y-m-d{sep}H:M");
    scan(s, &without)
        .or_else(|| scan(s, &with_seconds))?
        .date_time()
}
