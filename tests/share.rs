//! Round trips of generated documents through the JSON file format and share
//! links, and share links that were cut, altered or built to hurt.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use debrief::domain::*;
use debrief::export::json::{export_library, export_one, import};
use debrief::export::share::{
    from_json, length_advice, link_body, to_json, to_link, ShareError, CHAT_SAFE_LINK,
    MAX_INFLATED, MAX_LINK, PREFIX,
};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
use proptest::prelude::*;

// The app deflates with the browser's `CompressionStream` (tests/web.rs runs
// it); natively the same raw deflate comes from miniz_oxide, so these tests
// exercise every step around it exactly as the app chains them.

fn encode(doc: &PostMortem) -> Result<String, ShareError> {
    to_link(&miniz_oxide::deflate::compress_to_vec(&to_json(doc)?, 9))
}

fn decode(fragment: &str) -> Result<PostMortem, ShareError> {
    let packed = link_body(fragment)?;
    let json = decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => ShareError::InflatedTooLarge,
        _ => ShareError::Damaged("not deflate data".into()),
    })?;
    from_json(&json)
}

fn link_of(payload: &[u8]) -> String {
    format!(
        "{PREFIX}{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(payload, 9))
    )
}

#[test]
fn rich_document_travels_in_a_link() {
    let d = common::rich_doc();
    let link = encode(&d).unwrap();
    assert!(link.starts_with("v1."));
    assert!(link
        .chars()
        .skip(3)
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    assert_eq!(decode(&link).unwrap(), d);
    // As `location.hash` gives it.
    assert_eq!(decode(&format!("#{link}")).unwrap(), d);
    // Compression earns its place: the link is much shorter than the JSON.
    let json = serde_json::to_string(&d).unwrap();
    assert!(
        link.len() * 2 < json.len(),
        "{} vs {}",
        link.len(),
        json.len()
    );
}

#[test]
fn too_large_for_a_link() {
    let mut d = common::rich_doc();
    // Incompressible text: a pseudo-random walk over letters.
    let mut x: u64 = 42;
    d.evidence.notes = (0..60_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect();
    match encode(&d) {
        Err(ShareError::TooLarge { len }) => assert!(len > MAX_LINK),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn damaged_links_are_refused_with_a_reason() {
    let link = encode(&common::rich_doc()).unwrap();
    assert_eq!(decode("").unwrap_err(), ShareError::UnknownFormat);
    assert_eq!(
        decode(&link.replacen("v1.", "v9.", 1)).unwrap_err(),
        ShareError::UnknownFormat
    );
    assert!(matches!(
        decode(&format!("{}!!", &link)).unwrap_err(),
        ShareError::Damaged(_)
    ));
    // Cut off while being copied.
    assert!(matches!(
        decode(&link[..link.len() / 2]).unwrap_err(),
        ShareError::Damaged(_)
    ));
    assert!(matches!(
        decode(&"x".repeat(MAX_LINK + 1)).unwrap_err(),
        ShareError::TooLarge { .. }
    ));
}

#[test]
fn zip_bomb_is_not_inflated() {
    // Deflate packs about 1000:1 at best, so 16 MB of spaces fit in a link
    // of legal length: the largest bomb a link can carry.
    let bomb = vec![b' '; 16 * 1024 * 1024];
    let link = link_of(&bomb);
    assert!(link.len() <= MAX_LINK, "{}", link.len());
    assert_eq!(decode(&link).unwrap_err(), ShareError::InflatedTooLarge);
    // Just under the cap is read (and then refused for what it is).
    let fine = vec![b' '; MAX_INFLATED - 10];
    assert!(matches!(
        decode(&link_of(&fine)).unwrap_err(),
        ShareError::Invalid(LoadError::Syntax { .. })
    ));
}

#[test]
fn intact_link_with_a_bad_document_is_refused() {
    let not_pm = link_of(br#"{"schema":"other","version":1}"#);
    assert!(matches!(
        decode(&not_pm).unwrap_err(),
        ShareError::Invalid(LoadError::WrongSchema { .. })
    ));
    let newer = link_of(br#"{"schema":"debrief/postmortem","version":7,"id":"a"}"#);
    assert_eq!(
        decode(&newer).unwrap_err(),
        ShareError::Invalid(LoadError::Newer { version: 7 })
    );
    let dup = link_of(
        br#"{"schema":"debrief/postmortem","version":1,"id":"a","timeline":[{"id":"e"},{"id":"e"}]}"#,
    );
    match decode(&dup).unwrap_err() {
        ShareError::Invalid(LoadError::Invalid { path, .. }) => assert_eq!(path, "timeline[1].id"),
        other => panic!("{other:?}"),
    }
    let deep = link_of(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes());
    assert!(matches!(
        decode(&deep).unwrap_err(),
        ShareError::Invalid(LoadError::Syntax { .. })
    ));
    let not_utf8 = link_of(&[0xff, 0xfe, 0x00]);
    assert!(matches!(
        decode(&not_utf8).unwrap_err(),
        ShareError::Damaged(_)
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn json_file_round_trip(d in common::arb_doc()) {
        prop_assert_eq!(validate(&d), vec![]);
        let back = import(&export_one(&d)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, vec![d]);
    }

    #[test]
    fn library_file_round_trip(a in common::arb_doc(), b in common::arb_doc()) {
        prop_assume!(a.id != b.id);
        let docs = vec![a, b];
        let back = import(&export_library(&docs)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, docs);
    }

    #[test]
    fn share_link_round_trip(d in common::arb_doc()) {
        let link = encode(&d).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(link.len() <= MAX_LINK);
        prop_assert_eq!(decode(&link).map_err(|e| TestCaseError::fail(e.to_string()))?, d);
    }

    /// Any change to a link's text either fails cleanly or still yields a
    /// sound document: never a panic, never an unvalidated document.
    #[test]
    fn altered_links_never_panic(d in common::arb_doc(), at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]") {
        let mut link = encode(&d).unwrap();
        let i = PREFIX.len() + at.index(link.len() - PREFIX.len());
        link.replace_range(i..i + 1, &c);
        if let Ok(doc) = decode(&link) {
            prop_assert_eq!(validate(&doc), vec![]);
        }
    }
}

#[test]
fn exported_file_names_its_schema_first_and_imports_unchanged() {
    let d = common::rich_doc();
    let text = export_one(&d);
    assert!(
        text.starts_with("{\n  \"$schema\": \"postmortem.schema.json\",\n  \"schema\""),
        "{}",
        &text[..80]
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["$schema"], "postmortem.schema.json");
    assert_eq!(import(&text).unwrap(), vec![d]);
}

#[test]
fn the_built_in_example_survives_its_own_file() {
    let d = debrief::domain::example::example();
    assert_eq!(import(&export_one(&d)).unwrap(), vec![d]);
}

#[test]
fn a_long_link_says_how_long_it_is_and_suggests_the_file() {
    let short = length_advice(812);
    assert!(short.contains("812 characters"), "{short}");
    assert!(!short.contains("JSON file"), "{short}");
    let at_limit = length_advice(CHAT_SAFE_LINK);
    assert!(!at_limit.contains("JSON file"), "{at_limit}");
    let long = length_advice(11_042);
    assert!(long.contains("11,042 characters"), "{long}");
    assert!(long.contains("JSON file"), "{long}");
    assert!(long.contains("still works"), "{long}");
}

/// A link made by an earlier build, whose deflate was bundled (miniz_oxide,
/// level 9; the app now uses the browser's). The format is unchanged, so it
/// opens as it always did; tests/web.rs opens the same link in the browser.
const EARLIER_LINK: &str = include_str!("share_earlier_link.txt");

#[test]
fn a_link_from_an_earlier_build_still_opens() {
    let d = decode(EARLIER_LINK.trim()).unwrap();
    assert_eq!(d.id, "earlier");
    assert_eq!(d.context.title, "Made by an earlier build");
}
