//! Moving focus to an element that is about to render (a new list row) or
//! that lives elsewhere on the page (a missing field).
//!
//! Leptos applies an edit to the page in microtasks, which all run before the
//! browser handles the next key press. Focus is moved the same way, in a
//! microtask once the element exists, never on a timer: a timer lets the
//! keys a fast typist presses right after Enter or "Add" land in the
//! previous field (or nowhere) before the new one has focus.

use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Microtasks to wait for an element before falling back to a timer. A new
/// row renders within two or three; the fallback is for renders that wait
/// on something else (a stretch of the timeline scrolled into view).
const MICROTASK_TRIES: usize = 16;

fn find(id: &str) -> Option<web_sys::HtmlElement> {
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Runs `then` with the element `id` as soon as the page has it: after the
/// current render, before the next key press.
pub fn when_present(id: String, then: impl FnOnce(&web_sys::HtmlElement) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..MICROTASK_TRIES {
            if let Some(el) = find(&id) {
                then(&el);
                return;
            }
            let tick = js_sys::Promise::resolve(&JsValue::UNDEFINED);
            let _ = JsFuture::from(tick).await;
        }
        leptos::prelude::set_timeout(
            move || {
                if let Some(el) = find(&id) {
                    then(&el);
                }
            },
            Duration::from_millis(0),
        );
    });
}

/// Focuses the element with `id` once the current render has finished.
pub fn focus_soon(id: String) {
    when_present(id, |el| {
        show_and_focus(el);
    });
}

pub fn focus_now(id: &str) -> bool {
    find(id).is_some_and(|el| show_and_focus(&el))
}

/// Brings a section heading to the top of the window (just under the sticky
/// header: `scroll-margin-top` in the CSS) and focuses it, for the table of
/// contents: a reader jumping to a section wants to start reading it.
pub fn focus_heading(id: &str) -> bool {
    let Some(el) = find(id) else {
        return false;
    };
    scroll_to(&el, web_sys::ScrollLogicalPosition::Start);
    focus_in_place(&el)
}

/// Scrolls as little as needed to show the element, then focuses it.
pub fn show_and_focus(el: &web_sys::HtmlElement) -> bool {
    scroll_to(el, web_sys::ScrollLogicalPosition::Nearest);
    focus_in_place(el)
}

fn scroll_to(el: &web_sys::HtmlElement, block: web_sys::ScrollLogicalPosition) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focus without the browser's own scroll, which would undo ours.
fn focus_in_place(el: &web_sys::HtmlElement) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}
