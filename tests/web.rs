#![cfg(target_arch = "wasm32")]
//! The storage floor against the real localStorage of headless Chromium:
//! save and load, a corrupt entry reported and kept, a full quota refused
//! without damage, a throwing `setItem`, a newer version left untouched.
//! And share links through the browser's own deflate: round trip, links made
//! by earlier builds (bundled deflate), damage and zip bombs.

use debrief::domain::{new_postmortem, PostMortem, Template};
use debrief::storage::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() -> Library<LocalStore> {
    raw().clear().unwrap();
    Library::new(LocalStore::open().expect("localStorage is available in the test browser"))
}

fn doc(id: &str, title: &str) -> PostMortem {
    let mut d = new_postmortem(
        id,
        chrono::DateTime::from_timestamp(1_714_572_000, 0).unwrap(),
        Template::Full,
        "UTC",
    );
    d.context.title = title.into();
    d
}

fn all_items() -> Vec<(String, String)> {
    let s = raw();
    let mut out = Vec::new();
    for i in 0..s.length().unwrap() {
        let k = s.key(i).unwrap().unwrap();
        let v = s.get_item(&k).unwrap().unwrap();
        out.push((k, v));
    }
    out.sort();
    out
}

#[wasm_bindgen_test]
fn saves_and_loads() {
    let lib = fresh();
    let d = doc("a", "In a real browser");
    lib.save(&d).unwrap();
    let again = Library::new(LocalStore::open().unwrap());
    let e = again.load("a").unwrap().unwrap();
    assert_eq!(e.state, EntryState::Ready(Box::new(d)));
    assert!(raw()
        .get_item("debrief:pm:a")
        .unwrap()
        .unwrap()
        .contains("\"format\":\"debrief/entry\""));
}

#[wasm_bindgen_test]
fn corrupt_entry_is_reported_and_kept() {
    let lib = fresh();
    lib.save(&doc("good", "Fine")).unwrap();
    raw().set_item("debrief:pm:bad", "\u{0}garbage{").unwrap();
    let entries = lib.load_all().unwrap();
    let bad = entries.iter().find(|e| e.id == "bad").unwrap();
    assert!(matches!(bad.state, EntryState::Corrupt { .. }));
    assert_eq!(
        raw().get_item("debrief:pm:bad").unwrap().unwrap(),
        "\u{0}garbage{"
    );
    assert_eq!(lib.recovery().unwrap()[0].1, "\u{0}garbage{");
    assert!(matches!(
        entries.iter().find(|e| e.id == "good").unwrap().state,
        EntryState::Ready(_)
    ));
}

#[wasm_bindgen_test]
fn full_quota_is_refused_without_damage() {
    let lib = fresh();
    let mut d = doc("a", "Before the disk filled");
    lib.save(&d).unwrap();
    // Fill localStorage to the quota with filler keys, halving the chunk
    // until nothing more fits.
    let s = raw();
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() > 16 {
        if s.set_item(&format!("filler-{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    let before = all_items();
    d.context.summary = "y".repeat(100_000);
    assert_eq!(lib.save(&d).unwrap_err(), StorageError::Full);
    assert_eq!(all_items(), before, "no stored byte changed");
    s.clear().unwrap();
}

#[wasm_bindgen_test]
fn throwing_set_item_is_typed() {
    let lib = fresh();
    let d = doc("a", "x");
    let patch = js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.__orig = p.setItem; p.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };",
    );
    patch.call0(&JsValue::NULL).unwrap();
    let result = lib.save(&d);
    js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.setItem = p.__orig; delete p.__orig;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert!(
        matches!(result, Err(StorageError::Unavailable(_))),
        "{result:?}"
    );
    assert!(raw().get_item("debrief:pm:a").unwrap().is_none());
}

/// The read-back after a save is compared inside the browser
/// (`KeyValue::set_checked`): a write the browser accepts but does not keep
/// is still caught, and one it keeps still passes.
#[wasm_bindgen_test]
fn a_write_the_browser_drops_is_reported() {
    let lib = fresh();
    assert_eq!(lib.save(&doc("kept", "kept")).unwrap(), 1);
    js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.__orig = p.setItem; p.setItem = function () {};",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    let result = lib.save(&doc("dropped", "dropped"));
    js_sys::Function::new_no_args(
        "const p = Storage.prototype; p.setItem = p.__orig; delete p.__orig;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    assert_eq!(result.unwrap_err(), StorageError::VerifyFailed);
    assert!(LocalStore::open()
        .unwrap()
        .set_checked("debrief:probe", "text")
        .unwrap());
}

#[wasm_bindgen_test]
fn newer_version_is_untouched() {
    let lib = fresh();
    let raw_text = r#"{"format":"debrief/entry","revision":1,"saved":"","doc":{"schema":"debrief/postmortem","version":99,"id":"n"}}"#;
    raw().set_item("debrief:pm:n", raw_text).unwrap();
    assert!(matches!(
        lib.load("n").unwrap().unwrap().state,
        EntryState::Newer { version: 99, .. }
    ));
    assert_eq!(
        lib.save(&doc("n", "over")).unwrap_err(),
        StorageError::ReadOnly { version: 99 }
    );
    assert_eq!(raw().get_item("debrief:pm:n").unwrap().unwrap(), raw_text);
}

// ---- share links through the browser's CompressionStream ----------------

use debrief::export::share::{to_json, to_link, ShareError, MAX_INFLATED, MAX_LINK};
use debrief::ui::compression::{decode, deflate, encode, inflate};

/// A link made by an earlier build, whose deflate was bundled (miniz_oxide,
/// level 9): the format is unchanged, so it must open as it always did.
const EARLIER_LINK: &str = include_str!("share_earlier_link.txt");

#[wasm_bindgen_test]
async fn share_link_round_trips_through_the_browser_deflate() {
    let d = debrief::domain::example::example();
    let json = to_json(&d).unwrap();
    let link = encode(&json).await.unwrap();
    assert!(link.starts_with("v1."));
    assert!(
        link.len() * 2 < json.len(),
        "{} vs {}",
        link.len(),
        json.len()
    );
    assert_eq!(decode(&link).await.unwrap(), d);
    assert_eq!(decode(&format!("#{link}")).await.unwrap(), d);
}

#[wasm_bindgen_test]
async fn a_link_from_an_earlier_build_still_opens() {
    let d = decode(EARLIER_LINK.trim()).await.unwrap();
    assert_eq!(d.id, "earlier");
    assert_eq!(d.context.title, "Made by an earlier build");
}

#[wasm_bindgen_test]
async fn a_damaged_link_is_refused_with_a_reason() {
    let link = encode(&to_json(&doc("a", "Cut short")).unwrap())
        .await
        .unwrap();
    for cut in [link.len() / 2, link.len() - 3] {
        let e = decode(&link[..cut]).await.unwrap_err();
        assert!(matches!(e, ShareError::Damaged(_)), "{cut}: {e:?}");
    }
    // Valid base64url, but not deflate data.
    let junk = to_link(&[0xff; 64]).unwrap();
    assert!(matches!(
        decode(&junk).await.unwrap_err(),
        ShareError::Damaged(_)
    ));
}

#[wasm_bindgen_test]
async fn a_zip_bomb_is_not_inflated_past_the_cap() {
    // 16 MB of spaces packs into a link of legal length: the largest bomb
    // a link can carry.
    let bomb = to_link(&deflate(&vec![b' '; 16 * 1024 * 1024]).await.unwrap()).unwrap();
    assert!(bomb.len() <= MAX_LINK, "{}", bomb.len());
    assert_eq!(
        decode(&bomb).await.unwrap_err(),
        ShareError::InflatedTooLarge
    );
    // Just under the cap is read in full (and then refused for what it is).
    let fine = deflate(&vec![b' '; MAX_INFLATED - 10]).await.unwrap();
    assert_eq!(
        inflate(&fine, MAX_INFLATED).await.unwrap().len(),
        MAX_INFLATED - 10
    );
    assert!(matches!(
        decode(&to_link(&fine).unwrap()).await.unwrap_err(),
        ShareError::Invalid(debrief::domain::LoadError::Syntax { .. })
    ));
}

#[wasm_bindgen_test]
fn local_store_vouches_only_for_what_it_last_read_or_wrote() {
    fresh();
    let store = LocalStore::open().unwrap();
    assert_eq!(
        store.unchanged("k").unwrap(),
        None,
        "nothing read or written yet"
    );
    assert!(store.set_checked("k", "mine").unwrap());
    assert_eq!(store.unchanged("k").unwrap(), Some(true));
    // Another tab (the same localStorage, another store) writes there.
    raw().set_item("k", "theirs").unwrap();
    assert_eq!(store.unchanged("k").unwrap(), Some(false));
    // Read it: now that is what the store vouches for.
    assert_eq!(store.get_kept("k").unwrap().as_deref(), Some("theirs"));
    assert_eq!(store.unchanged("k").unwrap(), Some(true));
    raw().remove_item("k").unwrap();
    assert_eq!(store.unchanged("k").unwrap(), Some(false));
    assert_eq!(store.get_kept("k").unwrap(), None);
    assert_eq!(store.unchanged("k").unwrap(), None);
}
