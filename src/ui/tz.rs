//! Time zones through the browser's own `Intl`, instead of shipping a zone
//! database in the bundle. The document stores UTC plus an IANA zone name; the
//! editor shows and accepts times in that zone.

use chrono::{DateTime, FixedOffset, Utc};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The zone the browser is set to, e.g. `Europe/Berlin` (UTC if unknown).
pub fn browser_zone() -> String {
    let dtf = js_sys::Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    let opts = dtf.resolved_options();
    Reflect::get(&opts, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".into())
}

/// Today's calendar date where the browser is (its own time zone): what
/// "due" and "overdue" are measured against, so an item due on the 14th is
/// overdue from the person's own midnight.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Every zone name the browser knows, for suggestions.
pub fn zones() -> Vec<String> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok();
    let list = intl.and_then(|intl| {
        let f: js_sys::Function = Reflect::get(&intl, &"supportedValuesOf".into())
            .ok()?
            .dyn_into()
            .ok()?;
        f.call1(&intl, &"timeZone".into()).ok()
    });
    match list.and_then(|l| l.dyn_into::<Array>().ok()) {
        Some(a) => a.iter().filter_map(|v| v.as_string()).collect(),
        None => vec!["UTC".into()],
    }
}

/// Offset of `zone` from UTC at `at`, in minutes; `None` for an unknown zone.
pub fn offset_minutes(zone: &str, at: DateTime<Utc>) -> Option<i32> {
    if zone.is_empty() || zone == "UTC" || zone == "Etc/UTC" {
        return Some(0);
    }
    let opts = Object::new();
    Reflect::set(&opts, &"timeZone".into(), &zone.into()).ok()?;
    Reflect::set(&opts, &"timeZoneName".into(), &"longOffset".into()).ok()?;
    let locales = Array::of1(&JsValue::from_str("en-US"));
    // The constructor throws a RangeError for an unknown zone; catch it rather
    // than let it abort the app.
    let ctor: js_sys::Function = Reflect::get(
        &Reflect::get(&js_sys::global(), &"Intl".into()).ok()?,
        &"DateTimeFormat".into(),
    )
    .ok()?
    .dyn_into()
    .ok()?;
    let args = Array::of2(&locales, &opts);
    let dtf = Reflect::construct(&ctor, &args).ok()?;
    let dtf: js_sys::Intl::DateTimeFormat = dtf.unchecked_into();
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let parts = dtf.format_to_parts(&date);
    for p in parts.iter() {
        let kind = Reflect::get(&p, &"type".into()).ok()?.as_string()?;
        if kind == "timeZoneName" {
            let v = Reflect::get(&p, &"value".into()).ok()?.as_string()?;
            return parse_gmt(&v);
        }
    }
    None
}

/// "GMT", "GMT+02:00", "GMT-09:30" → minutes.
fn parse_gmt(v: &str) -> Option<i32> {
    let rest = v.strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    let sign = if rest.starts_with('-') || rest.starts_with('\u{2212}') {
        -1
    } else {
        1
    };
    let digits: String = rest
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let mut it = digits.split(':');
    let h: i32 = it.next()?.parse().ok()?;
    let m: i32 = it.next().unwrap_or("0").parse().ok()?;
    Some(sign * (h * 60 + m))
}

pub fn valid_zone(zone: &str) -> bool {
    offset_minutes(zone, Utc::now()).is_some()
}

/// Value for a `datetime-local` input showing `at` in `zone`.
pub fn to_local_input(at: DateTime<Utc>, zone: &str) -> String {
    let off = offset_minutes(zone, at).unwrap_or(0);
    let local = at.with_timezone(
        &FixedOffset::east_opt(off * 60).unwrap_or(FixedOffset::east_opt(0).unwrap()),
    );
    crate::domain::datefmt::ymd_t_hm(local.naive_local())
}

/// Reads a `datetime-local` value as a time in `zone`. Two passes find the
/// right offset across a daylight-saving change.
pub fn from_local_input(value: &str, zone: &str) -> Option<DateTime<Utc>> {
    let naive = crate::domain::datefmt::parse_ymd_hm(value, 'T')?;
    let as_utc = naive.and_utc();
    let first = offset_minutes(zone, as_utc).unwrap_or(0);
    let guess = as_utc - chrono::Duration::minutes(first as i64);
    let second = offset_minutes(zone, guess).unwrap_or(first);
    Some(as_utc - chrono::Duration::minutes(second as i64))
}

/// "14:10 UTC+02:00"-style short description of the zone's offset at `at`.
pub fn offset_label(zone: &str, at: DateTime<Utc>) -> String {
    match offset_minutes(zone, at) {
        Some(0) => "UTC".into(),
        Some(m) => format!(
            "UTC{}{:02}:{:02}",
            if m < 0 { '−' } else { '+' },
            m.abs() / 60,
            m.abs() % 60
        ),
        None => "unknown zone".into(),
    }
}
