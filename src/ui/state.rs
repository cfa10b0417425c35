//! The one owner of the open document and of the save state.
//!
//! The document lives in a single `RwSignal<PostMortem>`; every change goes
//! through `Editor::edit`, which applies a domain `Edit` (and records undo).
//! Components never hold their own copy: they read the smallest piece they
//! show through a `Memo`, so a keystroke in one field re-renders that field
//! alone (memos that compute an unchanged value do not notify).

use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::history::History;
use crate::domain::{Edit, PostMortem};
use crate::storage::{KeyValue, Library, StorageError};

/// What the save indicator shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Changes waiting for the debounce.
    Pending,
    /// Not saved, and why. The edit stays in memory.
    Failed(StorageError),
    /// Opened read-only (newer format, or a shared link): never written.
    ReadOnly(String),
}

/// The storage the app runs on: localStorage, or memory when the browser
/// offers none (then a banner says so). Held in a local arena slot so event
/// handlers and callbacks can capture it as a `Copy` handle.
pub type Store = StoredValue<Rc<Library<Box<dyn KeyValue>>>, LocalStorage>;

#[derive(Clone, Copy)]
pub struct Editor {
    pub doc: RwSignal<PostMortem>,
    pub history: StoredValue<History, LocalStorage>,
    pub save: RwSignal<SaveState>,
    /// Bumped on every edit; autosave watches it instead of the whole document,
    /// so loading a document does not count as a change.
    pub revision: RwSignal<u64>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Bumped a moment after typing pauses (and whenever a document is
    /// loaded). Whole-document summaries (completeness, the review panel)
    /// follow this instead of every keystroke.
    pub settled: RwSignal<u64>,
}

impl Editor {
    pub fn new(doc: PostMortem) -> Self {
        Editor {
            doc: RwSignal::new(doc),
            history: StoredValue::new_local(History::default()),
            save: RwSignal::new(SaveState::Saved),
            revision: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            settled: RwSignal::new(0),
        }
    }

    fn read_only(&self) -> bool {
        matches!(self.save.get_untracked(), SaveState::ReadOnly(_))
    }

    /// Applies an edit to the open document. A no-op edit changes nothing and
    /// notifies nobody.
    pub fn edit(&self, edit: Edit) {
        if self.read_only() {
            return;
        }
        let mut changed = false;
        self.history.update_value(|h| {
            self.doc.update(|d| {
                changed = h.apply(d, edit);
                if changed {
                    d.updated = Some(now());
                }
            });
        });
        if changed {
            self.after_change();
        }
    }

    /// Replaces the whole open document as ONE undoable edit (a merge of two
    /// drafts, or a conflict resolved): undo brings back what was there.
    pub fn replace(&self, doc: PostMortem) {
        self.seal();
        self.edit(Edit::Replace(Box::new(doc)));
        self.seal();
    }

    /// Records that the document was exported. Bookkeeping, not an edit: it
    /// is saved but is not an undo step.
    pub fn mark_exported(&self) {
        if self.read_only() {
            return;
        }
        self.doc.update(|d| d.exported = Some(now()));
        self.save.set(SaveState::Pending);
        self.revision.update(|r| *r += 1);
    }

    /// Closes the current undo step (typing in a field ended).
    pub fn seal(&self) {
        self.history.update_value(|h| h.seal());
    }

    pub fn undo(&self) {
        if self.read_only() {
            return;
        }
        let mut ok = false;
        self.history
            .update_value(|h| self.doc.update(|d| ok = h.undo(d)));
        if ok {
            self.after_change();
        }
    }

    pub fn redo(&self) {
        if self.read_only() {
            return;
        }
        let mut ok = false;
        self.history
            .update_value(|h| self.doc.update(|d| ok = h.redo(d)));
        if ok {
            self.after_change();
        }
    }

    /// Replaces the open document (opening another one, or taking another
    /// tab's version). Not an edit: no undo step, no save.
    pub fn load(&self, doc: PostMortem, state: SaveState) {
        self.history.update_value(|h| h.clear());
        self.doc.set(doc);
        self.save.set(state);
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.settled.update(|n| *n += 1);
    }

    fn after_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.save.set(SaveState::Pending);
        self.revision.update(|r| *r += 1);
    }
}

pub fn now() -> chrono::DateTime<chrono::Utc> {
    let ms = js_sys::Date::now();
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

/// A random id (time-ordered prefix, random suffix) for documents and items.
pub fn new_id() -> String {
    let mut bytes = [0u8; 6];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let t = js_sys::Date::now() as u64;
    let mut s = format!("{t:x}-");
    for b in bytes {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

pub fn use_store() -> Store {
    expect_context::<Store>()
}
