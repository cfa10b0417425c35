//! The clipboard, and the page's address a share link points at.

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

/// The page's address without its fragment: where a share link points.
pub fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}
