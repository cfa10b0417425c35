//! Autosave: one effect at the top of the app.
//!
//! Every edit bumps `Editor::revision`; this waits for a pause in typing
//! (debounce) but never longer than `MAX_WAIT` during continuous typing, then
//! saves through the storage floor. When the page is hidden or closed the
//! pending save happens at once, so closing a tab right after typing keeps
//! the text.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::ui::state::{Editor, SaveState, Store};

const DEBOUNCE: Duration = Duration::from_millis(400);
const MAX_WAIT_MS: f64 = 2000.0;
/// Pause after which whole-document summaries are recomputed.
const SETTLE: Duration = Duration::from_millis(250);

#[derive(Clone, Copy)]
pub struct Autosave {
    editor: Editor,
    store: Store,
    timer: StoredValue<Option<TimeoutHandle>>,
    pending_since: StoredValue<Option<f64>>,
}

impl Autosave {
    /// Saves now if anything is waiting.
    pub fn flush(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
        self.pending_since.set_value(None);
        if !matches!(self.editor.save.get_untracked(), SaveState::Pending) {
            return;
        }
        let result = self
            .store
            .with_value(|store| self.editor.doc.with_untracked(|d| store.save(d)));
        self.editor.save.set(match result {
            Ok(_) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
    }

    fn schedule(&self) {
        let now = js_sys::Date::now();
        let since = self.pending_since.get_value().unwrap_or(now);
        self.pending_since.set_value(Some(since));
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        if now - since >= MAX_WAIT_MS {
            self.flush();
            return;
        }
        let me = *self;
        let handle = set_timeout_with_handle(move || me.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }
}

pub fn install(editor: Editor, store: Store) -> Autosave {
    let autosave = Autosave {
        editor,
        store,
        timer: StoredValue::new(None),
        pending_since: StoredValue::new(None),
    };
    let settle: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |prev: Option<u64>| {
        let revision = editor.revision.get();
        if prev.is_some() {
            autosave.schedule();
            if let Some(h) = settle.get_value() {
                h.clear();
            }
            let handle =
                set_timeout_with_handle(move || editor.settled.update(|n| *n += 1), SETTLE).ok();
            settle.set_value(handle);
        }
        revision
    });
    // `pagehide` covers closing and navigating away (and bfcache);
    // `visibilitychange` covers switching tabs or apps on mobile, after which a
    // page may be killed without any further event.
    let on_hide = Closure::<dyn Fn()>::new(move || {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            autosave.flush();
        }
    });
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
    on_hide.forget();
    let on_pagehide = Closure::<dyn Fn()>::new(move || autosave.flush());
    let _ =
        window().add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    on_pagehide.forget();
    autosave
}
