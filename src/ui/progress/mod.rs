//! How far along the post-mortem is: a completeness figure per section and
//! overall, and the list of what is missing, each entry a jump to its field.

mod missing_list;

pub use missing_list::MissingList;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::completeness::{completeness, Completeness};
use crate::ui::focus::{show_and_focus, when_key_present};
use crate::ui::memo::memo;
use crate::ui::reveal::reveal_key;
use crate::ui::state::Editor;
use crate::ui::widgets::dom_id;

/// The document's completeness, recomputed when typing pauses rather than on
/// every keystroke.
pub fn use_completeness(editor: Editor) -> Memo<Completeness> {
    memo(move || editor.settled(completeness))
}

/// Focuses the element a completeness or hint key names: a control carrying
/// that `data-hint-key`, else the element with the key's DOM id, else the
/// section heading.
pub fn focus_key(key: &str, section_slug: &str) {
    let document = document();
    let by_hint = document
        .query_selector(&format!("[data-hint-key=\"{}\"]", key.replace('"', "")))
        .ok()
        .flatten();
    let el = by_hint
        .or_else(|| document.get_element_by_id(&dom_id(key)))
        .or_else(|| document.get_element_by_id(&format!("h-{section_slug}")));
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Only the section heading was found: the field may be in a closed
        // list entry, which opens and is then focused.
        Some(el) if el.id() == format!("h-{section_slug}") && reveal_key(key) => {
            when_key_present(key.to_string(), |el| {
                show_and_focus(el);
            });
        }
        Some(el) => {
            show_and_focus(&el);
        }
        None => {}
    }
}
