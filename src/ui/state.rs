//! The one owner of the open document and of the save state.
//!
//! The document is plain data held outside the reactive graph; what is
//! reactive is one change signal per `Scope` (a field, one list's order, one
//! entry). `Editor::edit` applies a domain `Edit`, records undo, and notifies
//! only the scopes the edit names (`Edit::scopes`), so a keystroke in one
//! field re-runs the memo of that field and nothing else. Components read
//! through `read(scope, ..)`; whole-document summaries (completeness,
//! durations, the review panel) read through `settled(..)`, which follows a
//! pause in typing instead of every keystroke.
//!
//! Every field is private: the save state moves only through the named
//! transitions below, so the rules (a read-only document is never written,
//! loading is not an edit) live in one place.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::history::History;
use crate::domain::{apply, Edit, ListKind, PostMortem, Scope};
use crate::storage::{KeyValue, Library, StorageError};
use crate::ui::deadline::Deadline;

/// Pause in editing after which whole-document summaries are recomputed.
const SETTLE: Duration = Duration::from_millis(250);

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
    doc: StoredValue<PostMortem, LocalStorage>,
    history: StoredValue<History, LocalStorage>,
    /// One change signal per scope, made on first read. Never removed: a
    /// trigger is a few bytes, and an entry that comes back (undo) finds its
    /// own again.
    changes: StoredValue<HashMap<Scope, ArcTrigger>, LocalStorage>,
    /// Notified when the whole document changes at once (load, undo, merge).
    everything: Trigger,
    save: RwSignal<SaveState>,
    /// Bumped on every edit; autosave watches it, so loading a document does
    /// not count as a change.
    revision: RwSignal<u64>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    /// Bumped a moment after editing pauses, and whenever a document is
    /// loaded.
    settled: RwSignal<u64>,
    /// Scopes changed since editing last paused.
    unsettled: StoredValue<Vec<Scope>, LocalStorage>,
    /// One signal per scope, notified when editing pauses after that scope
    /// changed, made on first read (`settled_in`).
    settled_changes: StoredValue<HashMap<Scope, ArcTrigger>, LocalStorage>,
    /// Notified when editing pauses after a whole-document change, and on
    /// every load: every `settled_in` reader re-runs.
    settled_everything: Trigger,
    /// Bumped whenever a document is loaded (opened, or taken from another
    /// tab), never by an edit: what a view decides "as the document was
    /// opened" follows it.
    opened: RwSignal<u64>,
    /// The pause: `settle` runs once editing has stopped for `SETTLE`.
    pause: Deadline,
}

impl Editor {
    pub fn new(doc: PostMortem) -> Self {
        let editor = Editor {
            doc: StoredValue::new_local(doc),
            history: StoredValue::new_local(History::default()),
            changes: StoredValue::new_local(HashMap::new()),
            everything: Trigger::new(),
            save: RwSignal::new(SaveState::Saved),
            revision: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            settled: RwSignal::new(0),
            unsettled: StoredValue::new_local(Vec::new()),
            settled_changes: StoredValue::new_local(HashMap::new()),
            settled_everything: Trigger::new(),
            opened: RwSignal::new(0),
            pause: Deadline::new(),
        };
        // The pause timer settles the editor it belongs to.
        editor.pause.then(move || editor.settle());
        editor
    }

    // ---- reading ----------------------------------------------------------

    /// Reads the document and subscribes the running effect or memo to
    /// `scope` alone (and to whole-document replacements).
    pub fn read<R>(&self, scope: Scope, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.everything.track();
        let trigger = self
            .changes
            .try_update_value(|m| m.entry(scope).or_default().clone());
        if let Some(t) = trigger {
            t.track();
        }
        self.doc.with_value(f)
    }

    /// Subscribes to one more scope, for a memo that reads several.
    pub fn track(&self, scope: Scope) {
        self.read(scope, |_| ());
    }

    /// Reads one entry's scope: `read(Scope::Row(kind, id), ..)`.
    pub fn read_row<R>(&self, kind: ListKind, id: &str, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.read(Scope::Row(kind, id.to_string()), f)
    }

    /// Reads the document without subscribing (event handlers).
    pub fn peek<R>(&self, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.doc.with_value(f)
    }

    /// Reads the document as it was when it was opened: re-runs when another
    /// document is loaded, never on an edit. For what a view decides once
    /// per opening (a written field's guidance stepping aside), so nothing
    /// moves while the author types.
    pub fn as_opened<R>(&self, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.opened.track();
        self.doc.with_value(f)
    }

    /// A copy of the whole document, without subscribing.
    pub fn snapshot(&self) -> PostMortem {
        self.doc.get_value()
    }

    /// Reads the document for a whole-document summary: re-runs when editing
    /// pauses, never on a keystroke.
    pub fn settled<R>(&self, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.settled.track();
        self.doc.with_value(f)
    }

    /// Like `settled`, but re-runs only when editing pauses after one of
    /// `scopes` changed (or the whole document did). For a summary that is
    /// costly on a long document and follows only part of it: the timeline
    /// chart is not laid out again because the title was retyped.
    pub fn settled_in<R>(&self, scopes: &[Scope], f: impl FnOnce(&PostMortem) -> R) -> R {
        self.track_settled(scopes);
        self.doc.with_value(f)
    }

    /// Not generic, so the subscribing is compiled once, not per reader.
    fn track_settled(&self, scopes: &[Scope]) {
        self.settled_everything.track();
        for scope in scopes {
            let trigger = self
                .settled_changes
                .try_update_value(|m| m.entry(scope.clone()).or_default().clone());
            if let Some(t) = trigger {
                t.track();
            }
        }
    }

    /// Reads the document and re-runs on every change (the printed report,
    /// which is only mounted while printing).
    pub fn every_change<R>(&self, f: impl FnOnce(&PostMortem) -> R) -> R {
        self.everything.track();
        self.revision.track();
        self.doc.with_value(f)
    }

    /// Tracked: bumped on every edit (undo notices compare against it).
    pub fn revision(&self) -> u64 {
        self.revision.get()
    }

    pub fn revision_untracked(&self) -> u64 {
        self.revision.get_untracked()
    }

    pub fn can_undo(&self) -> bool {
        self.can_undo.get()
    }

    pub fn can_redo(&self) -> bool {
        self.can_redo.get()
    }

    /// Tracked save state, for the indicator and the problem banner.
    pub fn save_state(&self) -> SaveState {
        self.save.get()
    }

    pub fn save_state_untracked(&self) -> SaveState {
        self.save.get_untracked()
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.save.get(), SaveState::ReadOnly(_))
    }

    fn read_only(&self) -> bool {
        matches!(self.save.get_untracked(), SaveState::ReadOnly(_))
    }

    // ---- editing ----------------------------------------------------------

    /// Applies an edit to the open document. A no-op edit changes nothing and
    /// notifies nobody.
    pub fn edit(&self, edit: Edit) {
        if self.read_only() {
            return;
        }
        let scopes = self.doc.with_value(|d| edit.scopes_in(d));
        let mut changed = false;
        self.history.update_value(|h| {
            self.doc.update_value(|d| {
                changed = h.apply(d, edit);
                if changed {
                    d.updated = Some(now());
                }
            });
        });
        if changed {
            self.notify(&scopes);
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
    /// is saved but is not an undo step, so it is applied with the domain's
    /// `Edit::MarkExported` outside the history.
    pub fn mark_exported(&self) {
        if self.read_only() {
            return;
        }
        let edit = Edit::MarkExported(now());
        let scopes = edit.scopes();
        self.doc.update_value(|d| {
            apply(d, edit);
        });
        self.notify(&scopes);
        self.save.set(SaveState::Pending);
        self.revision.update(|r| *r += 1);
    }

    /// Closes the current undo step (typing in a field ended).
    pub fn seal(&self) {
        self.history.update_value(|h| h.seal());
    }

    pub fn undo(&self) {
        self.step(History::undo);
    }

    pub fn redo(&self) {
        self.step(History::redo);
    }

    fn step(&self, how: fn(&mut History, &mut PostMortem) -> bool) {
        if self.read_only() {
            return;
        }
        let mut ok = false;
        self.history
            .update_value(|h| self.doc.update_value(|d| ok = how(h, d)));
        if ok {
            self.notify(&[Scope::All]);
            self.after_change();
        }
    }

    /// Replaces the open document (opening another one, or taking another
    /// tab's version). Not an edit: no undo step, no save.
    pub fn load(&self, doc: PostMortem, state: SaveState) {
        self.history.update_value(|h| h.clear());
        self.doc.set_value(doc);
        self.save.set(state);
        self.can_undo.set(false);
        self.can_redo.set(false);
        self.notify(&[Scope::All]);
        self.settle();
        self.opened.update(|n| *n += 1);
    }

    fn notify(&self, scopes: &[Scope]) {
        // A handful of distinct scopes between two pauses: a list is
        // smaller code than a set and as quick at this size.
        self.unsettled.update_value(|u| {
            for scope in scopes {
                if !u.contains(scope) {
                    u.push(scope.clone());
                }
            }
        });
        for scope in scopes {
            if *scope == Scope::All {
                self.everything.notify();
                continue;
            }
            let trigger = self.changes.with_value(|m| m.get(scope).cloned());
            if let Some(t) = trigger {
                t.notify();
            }
        }
    }

    fn after_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
        self.save.set(SaveState::Pending);
        self.revision.update(|r| *r += 1);
        self.settle_soon();
    }

    /// Restarts the pause timer: summaries follow once editing stops.
    fn settle_soon(&self) {
        self.pause.set(SETTLE);
    }

    /// Editing paused (or a document was loaded): what follows the settled
    /// document re-runs, the scoped readers only where their scopes changed.
    fn settle(&self) {
        let changed = self
            .unsettled
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if changed.contains(&Scope::All) {
            self.settled_everything.notify();
        } else {
            let triggers: Vec<ArcTrigger> = self
                .settled_changes
                .with_value(|m| changed.iter().filter_map(|s| m.get(s).cloned()).collect());
            for t in triggers {
                t.notify();
            }
        }
        self.settled.update(|n| *n += 1);
    }

    // ---- save-state transitions ----------------------------------------------

    /// Whether a save is waiting (autosave asks before writing).
    pub fn has_pending(&self) -> bool {
        matches!(self.save.get_untracked(), SaveState::Pending)
    }

    /// Records the outcome of writing the document to storage.
    pub fn saved<T>(&self, result: Result<T, StorageError>) {
        self.save.set(match result {
            Ok(_) => SaveState::Saved,
            Err(e) => SaveState::Failed(e),
        });
    }

    /// Marks the document as waiting to be written (a retry).
    pub fn mark_pending(&self) {
        if !self.read_only() {
            self.save.set(SaveState::Pending);
        }
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
