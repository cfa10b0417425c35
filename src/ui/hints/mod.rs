//! The blameless writing aid in the editor: hints under the field they
//! concern, a review panel listing every open hint, and bias reminders. All
//! matching is the pure `domain::hints`; nothing leaves the browser.

mod bias_note;
mod field_hints;
mod review_panel;

pub use bias_note::BiasNote;
pub use field_hints::FieldHints;
pub use review_panel::ReviewPanel;

use wasm_bindgen::JsCast;

/// Focuses the control a hint belongs to: every control with hints carries
/// `data-hint-key`, so list rows need no id mapping.
pub fn focus_field(key: &str) -> bool {
    let selector = format!("[data-hint-key=\"{}\"]", key.replace('"', ""));
    let el = leptos::prelude::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match el {
        Some(el) => {
            el.scroll_into_view_with_bool(false);
            el.focus().is_ok()
        }
        None => false,
    }
}
