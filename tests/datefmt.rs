//! The fixed date and time shapes (`domain::datefmt`) write and read exactly
//! what chrono's strftime patterns they replace wrote and read: checked
//! against chrono itself, which tests may use freely since they are not
//! part of the download.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use debrief::domain::datefmt::*;
use proptest::prelude::*;

fn arb_date() -> impl Strategy<Value = NaiveDate> {
    // Years past 9999 and before year 0 included: %Y writes a sign there.
    (-20_000i32..20_000, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn arb_date_time() -> impl Strategy<Value = NaiveDateTime> {
    (arb_date(), 0u32..24, 0u32..60, 0u32..60)
        .prop_map(|(d, h, m, s)| d.and_hms_opt(h, m, s).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_shape_writes_what_strftime_wrote(t in arb_date_time()) {
        let d = t.date();
        prop_assert_eq!(ymd(d), d.format("%Y-%m-%d").to_string());
        prop_assert_eq!(md(d), d.format("%m-%d").to_string());
        prop_assert_eq!(hm(&t), t.format("%H:%M").to_string());
        prop_assert_eq!(hms(&t), t.format("%H:%M:%S").to_string());
        prop_assert_eq!(ymd_hm(t), t.format("%Y-%m-%d %H:%M").to_string());
        prop_assert_eq!(ymd_hms(t), t.format("%Y-%m-%d %H:%M:%S").to_string());
        prop_assert_eq!(ymd_t_hm(t), t.format("%Y-%m-%dT%H:%M").to_string());
        prop_assert_eq!(day_month_year(d), d.format("%-d %B %Y").to_string());
        prop_assert_eq!(day_mon_year(d), d.format("%-d %b %Y").to_string());
        prop_assert_eq!(weekday_day_month_year(d), d.format("%A %-d %B %Y").to_string());
    }

    #[test]
    fn what_is_written_reads_back(t in arb_date_time()) {
        prop_assert_eq!(parse_ymd(&ymd(t.date())), Some(t.date()));
        prop_assert_eq!(parse_ymd_hm(&ymd_hms(t), ' '), Some(t));
        prop_assert_eq!(parse_ymd_hm(&ymd_t_hm(t), 'T'), Some(t.with_second(0).unwrap()));
    }

    /// Instants in documents are written as chrono's serde wrote them,
    /// fractions of a second (none, milli, micro, nano), far years and leap
    /// seconds included, and chrono reads them back to the same instant.
    #[test]
    fn instants_are_written_as_chronos_serde_wrote_them(
        t in arb_date_time(),
        nano in prop_oneof![
            Just(0u32),
            (1u32..1_000).prop_map(|ms| ms * 1_000_000),
            (1u32..1_000_000).prop_map(|us| us * 1_000),
            1u32..1_000_000_000,
            1_000_000_000u32..2_000_000_000,
        ],
    ) {
        let leap = nano >= 1_000_000_000;
        let time = NaiveTime::from_hms_nano_opt(t.hour(), t.minute(), if leap { 59 } else { t.second() }, nano).unwrap();
        let t = t.date().and_time(time).and_utc();
        let chrono_wrote = serde_json::to_string(&t).unwrap();
        let written = rfc3339(&t);
        prop_assert_eq!(format!("\"{written}\""), chrono_wrote);
        let back: chrono::DateTime<chrono::Utc> = serde_json::from_str(&format!("\"{written}\"")).unwrap();
        prop_assert_eq!(back, t);
    }

    /// Any text, not just dates: the readers agree with `parse_from_str`
    /// on what they accept and what they make of it.
    #[test]
    fn reading_agrees_with_parse_from_str(
        s in prop_oneof![
            "[ 0-9:T.+-]{0,24}",
            // Nearly dates: odd widths, spaces, signs, fractions, leftovers.
            "[ ]?[+-]?[0-9]{1,5}-[ ]?[0-9]{1,3}-[ ]?[0-9]{1,3}([T ][ ]?[0-9]{1,3}:[0-9]{1,3}(:[0-9]{1,2}([.][0-9]{0,11})?)?)?[ x]?",
        ]
    ) {
        prop_assert_eq!(parse_ymd(&s), NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
        let chrono_t = NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M:%S%.f"))
            .ok();
        prop_assert_eq!(parse_ymd_hm(&s, 'T'), chrono_t);
        let chrono_space = NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(&s, "%Y-%m-%d %H:%M:%S%.f"))
            .ok();
        prop_assert_eq!(parse_ymd_hm(&s, ' '), chrono_space);
    }
}

#[test]
fn readers_take_what_people_and_files_write() {
    let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert_eq!(parse_ymd("2026-03-02"), Some(d));
    assert_eq!(parse_ymd("2026-3-2"), Some(d), "one digit is enough");
    assert_eq!(parse_ymd(" 2026-03-02"), Some(d), "space before a number");
    assert_eq!(parse_ymd("2026-03-02 "), None, "nothing left over");
    assert_eq!(parse_ymd("2026-02-30"), None, "no such day");
    assert_eq!(parse_ymd(""), None);
    let t = d.and_hms_opt(9, 5, 7).unwrap();
    assert_eq!(parse_ymd_hm("2026-03-02 09:05:07", ' '), Some(t));
    assert_eq!(
        parse_ymd_hm("2026-03-02T09:05:07.250", 'T').map(|t| t.nanosecond()),
        Some(250_000_000)
    );
    assert_eq!(
        parse_ymd_hm("2026-03-02T09:05", 'T'),
        Some(t.with_second(0).unwrap())
    );
    assert_eq!(
        parse_ymd_hm("2026-03-02T09:05", ' '),
        None,
        "the separator is the one asked for"
    );
    assert_eq!(parse_ymd_hm("2026-03-02 24:00", ' '), None);
}
