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

use crate::domain::naming::dom_id;
use crate::ui::reveal::{reveal, reveal_key, want};

/// Microtasks to wait for an element before falling back to a timer. A new
/// row renders within a few, but its render queues behind whatever else the
/// same click set off (the entry that was open closing into its line), so
/// the wait is generous: a tick costs next to nothing, and a timer lets
/// keys slip past. The fallback is for renders that wait on something else
/// (a stretch of the timeline scrolled into view).
const MICROTASK_TRIES: usize = 256;

fn find(id: &str) -> Option<web_sys::HtmlElement> {
    leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Runs `then` with the element `id` as soon as the page has it: after the
/// current render, before the next key press. An element inside a closed
/// list entry is brought in by opening the entry.
pub fn when_present(id: String, then: impl FnOnce(&web_sys::HtmlElement) + 'static) {
    if find(&id).is_none() {
        want(&id);
    }
    when_found(
        move || {
            let el = find(&id);
            if el.is_none() {
                reveal(&id);
            }
            el
        },
        then,
    );
}

/// Runs `then` with the control carrying the writing-aid key `key` once the
/// page has it, opening the list entry that holds it if it is closed.
pub fn when_key_present(key: String, then: impl FnOnce(&web_sys::HtmlElement) + 'static) {
    when_found(
        move || {
            let el = by_key(&key);
            if el.is_none() {
                reveal_key(&key);
            }
            el
        },
        then,
    );
}

/// The control carrying this writing-aid key, else the element whose id
/// the key names.
fn by_key(key: &str) -> Option<web_sys::HtmlElement> {
    let document = leptos::prelude::document();
    document
        .query_selector(&format!("[data-hint-key=\"{}\"]", key.replace('"', "")))
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id(&dom_id(key)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

fn when_found(
    look: impl Fn() -> Option<web_sys::HtmlElement> + 'static,
    then: impl FnOnce(&web_sys::HtmlElement) + 'static,
) {
    wasm_bindgen_futures::spawn_local(async move {
        for _ in 0..MICROTASK_TRIES {
            if let Some(el) = look() {
                then(&el);
                return;
            }
            let tick = js_sys::Promise::resolve(&JsValue::UNDEFINED);
            let _ = JsFuture::from(tick).await;
        }
        leptos::prelude::set_timeout(
            move || {
                if let Some(el) = look() {
                    then(&el);
                }
            },
            Duration::from_millis(0),
        );
    });
}

/// Focuses an entry after a change around it (its neighbour was removed):
/// its closed line if it shows one, else (every entry open) its field.
/// Never opens it: moving past an entry is not a wish to edit it.
pub fn focus_entry(line: String, field: String) {
    when_found(
        move || find(&line).or_else(|| find(&field)),
        |el| {
            show_and_focus(el);
        },
    );
}

/// Focuses the element with `id` once the current render has finished.
pub fn focus_soon(id: String) {
    when_present(id, |el| {
        show_and_focus(el);
    });
}

/// Focuses the element with `id` now if it is on the page; if it sits in a
/// closed entry, opens the entry and focuses it once it has rendered.
pub fn focus_now(id: &str) -> bool {
    match find(id) {
        Some(el) => show_and_focus(&el),
        None => {
            let opened = reveal(id);
            if opened {
                focus_soon(id.to_string());
            }
            opened
        }
    }
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
