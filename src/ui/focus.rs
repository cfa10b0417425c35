//! Moving focus to an element that is about to render (a new list row) or
//! that lives elsewhere on the page (a missing field).

use std::time::Duration;

use wasm_bindgen::JsCast;

/// Focuses the element with `id` once the current render has finished.
pub fn focus_soon(id: String) {
    leptos::prelude::set_timeout(
        move || {
            focus_now(&id);
        },
        Duration::from_millis(0),
    );
}

pub fn focus_now(id: &str) -> bool {
    let el = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match el {
        Some(el) => {
            el.scroll_into_view_with_bool(false);
            el.focus().is_ok()
        }
        None => false,
    }
}
