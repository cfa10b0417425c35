//! Autosave: one effect at the top of the app.
//!
//! Every edit bumps the editor's revision; this waits for a pause in typing
//! (debounce) but never longer than `MAX_WAIT` during continuous typing, then
//! saves through the storage floor. When the page is hidden or closed the
//! pending save happens at once, so closing a tab right after typing keeps
//! the text.

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::deadline::Deadline;
use crate::ui::state::{Editor, Store};

const DEBOUNCE: Duration = Duration::from_millis(400);
const MAX_WAIT_MS: f64 = 2000.0;

#[derive(Clone, Copy)]
pub struct Autosave {
    editor: Editor,
    store: Store,
    /// The debounce: moved on by every edit, without a browser call each.
    quiet: Deadline,
    waiting: StoredValue<Waiting>,
}

/// Where the edits not yet saved stand.
#[derive(Clone, Copy, PartialEq)]
enum Waiting {
    /// Everything is saved (or nothing was edited).
    Nothing,
    /// Edited since this time (`Date.now()`), waiting for a pause.
    Since(f64),
    /// Typing went on too long: a save is on its way, and takes every edit
    /// made meanwhile along.
    Forced,
}

impl Autosave {
    /// Saves now if anything is waiting.
    pub fn flush(&self) {
        self.quiet.cancel();
        self.waiting.set_value(Waiting::Nothing);
        if !self.editor.has_pending() {
            return;
        }
        let result = self
            .store
            .with_value(|store| self.editor.peek(|d| store.save(d)));
        self.editor.saved(result);
    }

    fn schedule(&self) {
        let now = js_sys::Date::now();
        let since = match self.waiting.get_value() {
            Waiting::Forced => return,
            Waiting::Since(t) => t,
            Waiting::Nothing => now,
        };
        if now - since >= MAX_WAIT_MS {
            // Not inside this keystroke's task: a large document takes tens
            // of milliseconds to write, and that would hold back the frame
            // that shows the letter just typed. After the frame is painted,
            // the write comes before the next key in all but the fastest
            // typing. The keys typed meanwhile neither ask again nor push
            // it back.
            self.waiting.set_value(Waiting::Forced);
            let me = *self;
            request_animation_frame(move || me.quiet.set(Duration::ZERO));
            return;
        }
        self.waiting.set_value(Waiting::Since(since));
        self.quiet.set(DEBOUNCE);
    }
}

pub fn install(editor: Editor, store: Store) -> Autosave {
    let autosave = Autosave {
        editor,
        store,
        quiet: Deadline::new(),
        waiting: StoredValue::new(Waiting::Nothing),
    };
    autosave.quiet.then(move || autosave.flush());
    Effect::new(move |prev: Option<u64>| {
        let revision = editor.revision();
        if prev.is_some() {
            autosave.schedule();
        }
        revision
    });
    // `pagehide` covers closing and navigating away (and bfcache);
    // `visibilitychange` covers switching tabs or apps on mobile, after which a
    // page may be killed without any further event.
    let on_hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            autosave.flush();
        }
    });
    let on_pagehide = window_event_listener(leptos::ev::pagehide, move |_| autosave.flush());
    on_cleanup(move || {
        on_hide.remove();
        on_pagehide.remove();
    });
    autosave
}
