//! The clipboard and the session's remembered export choices.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Copies `text`; `false` when the browser has no clipboard here or refuses
/// (no permission, page not focused), so the caller can offer the text to
/// select by hand instead.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    // Looked up by name: some browsers (and insecure pages) have no
    // `navigator.clipboard` at all, and calling through a missing object throws.
    let clipboard = match js_sys::Reflect::get(&navigator, &"clipboard".into()) {
        Ok(c) if !c.is_undefined() && !c.is_null() => c.unchecked_into::<web_sys::Clipboard>(),
        _ => return false,
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// A yes/no choice remembered for this tab's session only: export options
/// are habits of the moment, not settings worth keeping forever.
pub fn session_flag(key: &str, default: bool) -> bool {
    session()
        .and_then(|s| s.get_item(key).ok().flatten())
        .map(|v| v == "1")
        .unwrap_or(default)
}

pub fn set_session_flag(key: &str, value: bool) {
    if let Some(s) = session() {
        let _ = s.set_item(key, if value { "1" } else { "0" });
    }
}

/// The page's address without its fragment: where a share link points.
pub fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}
