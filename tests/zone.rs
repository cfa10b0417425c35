use chrono::{DateTime, NaiveDate, Utc};
use debrief::domain::zone::{
    format_at_offset, format_offset, local_date, parse_local, to_local_input,
};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn formatting_at_an_offset() {
    let t = utc("2024-05-01T14:10:45Z");
    assert_eq!(format_at_offset(t, 120), "2024-05-01 16:10");
    assert_eq!(format_at_offset(t, -300), "2024-05-01 09:10");
    assert_eq!(format_at_offset(t, 0), "2024-05-01 14:10");
    // Across the date line.
    assert_eq!(
        format_at_offset(utc("2024-05-01T23:30:00Z"), 330),
        "2024-05-02 05:00"
    );
    assert_eq!(to_local_input(t, 120), "2024-05-01T16:10");
    assert_eq!(
        local_date(utc("2024-05-01T23:30:00Z"), 120),
        NaiveDate::from_ymd_opt(2024, 5, 2).unwrap()
    );
}

#[test]
fn datetime_local_values_read_back_to_utc() {
    assert_eq!(
        parse_local("2024-05-01T16:10", 120),
        Some(utc("2024-05-01T14:10:00Z"))
    );
    assert_eq!(
        parse_local("2024-05-01T16:10:30", 120),
        Some(utc("2024-05-01T14:10:30Z"))
    );
    assert_eq!(
        parse_local(" 2024-05-01 09:10 ", -300),
        Some(utc("2024-05-01T14:10:00Z"))
    );
    assert_eq!(
        parse_local("2024-05-01T16:10:30.250", 0).map(|t| t.timestamp_subsec_millis()),
        Some(250)
    );
    for bad in [
        "",
        "2024-05-01",
        "16:10",
        "2024-02-30T10:00",
        "2024-05-01T25:00",
        "yesterday",
    ] {
        assert_eq!(parse_local(bad, 0), None, "{bad:?}");
    }
    // Round trip through the input format at several offsets.
    let t = utc("2024-12-31T23:59:00Z");
    for off in [-720, -330, 0, 60, 345, 840] {
        assert_eq!(
            parse_local(&to_local_input(t, off), off),
            Some(t),
            "offset {off}"
        );
    }
}

#[test]
fn offset_labels() {
    assert_eq!(format_offset(0), "UTC");
    assert_eq!(format_offset(120), "UTC+02:00");
    assert_eq!(format_offset(330), "UTC+05:30");
    assert_eq!(format_offset(-210), "UTC\u{2212}03:30");
}

#[test]
fn extreme_inputs_do_not_panic() {
    // Offsets beyond a day are clamped; the ends of chrono's range fall back
    // to UTC rather than overflowing.
    assert_eq!(format_offset(i32::MAX), "UTC+24:00");
    assert_eq!(
        format_at_offset(utc("2024-05-01T00:00:00Z"), i32::MIN),
        "2024-04-30 00:00"
    );
    let max = DateTime::<Utc>::MAX_UTC;
    assert_eq!(format_at_offset(max, 600), format_at_offset(max, 0));
    let min = DateTime::<Utc>::MIN_UTC;
    assert_eq!(format_at_offset(min, -600), format_at_offset(min, 0));
}
