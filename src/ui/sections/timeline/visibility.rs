//! Which stretches of the event list are near the viewport. Its own module so
//! that the list (which owns it) and each stretch (which registers with it)
//! both depend on it instead of on each other.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Rendering is kept to the stretches of rows within this distance of the
/// viewport; the rest are empty boxes of the height they had (or are
/// estimated to have), so the scrollbar and scroll position stay true.
const MARGIN: &str = "1200px 0px";

/// Estimated row height (px) before any row has been measured.
const ROW_ESTIMATE: f64 = 120.0;

/// A stretch's "near the viewport" flag and whether it stays rendered anyway.
type Registered = (RwSignal<bool>, Memo<bool>);

/// Which stretches of rows are near the viewport, fed by one
/// `IntersectionObserver` for the whole list.
#[derive(Clone, Copy)]
pub(crate) struct Visibility {
    observer: StoredValue<Option<IntersectionObserver>, LocalStorage>,
    chunks: StoredValue<HashMap<usize, Registered>, LocalStorage>,
    row_height: StoredValue<f64, LocalStorage>,
}

impl Visibility {
    pub(super) fn new() -> Self {
        let vis = Visibility {
            observer: StoredValue::new_local(None),
            chunks: StoredValue::new_local(HashMap::new()),
            row_height: StoredValue::new_local(ROW_ESTIMATE),
        };
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                vis.seen(&entry);
            }
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin(MARGIN);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok();
        // One closure per list, alive as long as the page may call it.
        callback.forget();
        vis.observer.set_value(observer);
        vis
    }

    fn seen(&self, entry: &IntersectionObserverEntry) {
        let target = entry.target();
        let Some(index) = target
            .get_attribute("data-chunk")
            .and_then(|v| v.parse::<usize>().ok())
        else {
            return;
        };
        let Some((near, kept)) = self.chunks.with_value(|c| c.get(&index).copied()) else {
            return;
        };
        if entry.is_intersecting() {
            near.try_set(true);
            return;
        }
        if kept.try_get_untracked().unwrap_or(true) {
            // Rendered anyway (a short timeline, a pinned stretch).
            near.try_set(false);
            return;
        }
        // A stretch holding the focused control stays: unrendering it would
        // throw the person typing out of their field.
        let focused = document()
            .active_element()
            .is_some_and(|a| target.contains(Some(&a)));
        if focused || !near.try_get_untracked().unwrap_or(false) {
            return;
        }
        if let Ok(el) = target.dyn_into::<web_sys::HtmlElement>() {
            let height = f64::from(el.offset_height());
            // The rows are the stretch's only children.
            let rows = el.child_element_count();
            if rows > 0 && height > 0.0 {
                self.row_height.set_value(height / f64::from(rows));
            }
            let _ = el
                .style()
                .set_property("min-height", &format!("{height}px"));
        }
        near.try_set(false);
    }

    /// `kept`: whether the stretch stays rendered even when off screen.
    pub fn register(&self, index: usize, near: RwSignal<bool>, kept: Memo<bool>) {
        self.chunks.update_value(|c| {
            c.insert(index, (near, kept));
        });
    }

    pub fn unregister(&self, index: usize) {
        self.chunks.try_update_value(|c| {
            c.remove(&index);
        });
    }

    pub fn observe(&self, el: &web_sys::Element) {
        self.observer.with_value(|o| {
            if let Some(o) = o {
                o.observe(el);
            }
        });
    }

    pub fn unobserve(&self, el: &web_sys::Element) {
        self.observer.try_with_value(|o| {
            if let Some(o) = o {
                o.unobserve(el);
            }
        });
    }

    pub fn row_height(&self) -> f64 {
        self.row_height.get_value()
    }

    pub(super) fn disconnect(&self) {
        self.observer.try_with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
    }
}
