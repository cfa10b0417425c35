//! Undo and redo within a session, built on edits-as-data: before an edit is
//! applied the previous document is remembered. Consecutive edits of the same
//! kind (typing into one field) are coalesced into one undo step, the way a
//! text editor treats a burst of typing as one change.

use super::edit::{apply, Edit};
use super::model::PostMortem;
use super::scope::Scope;

/// How many undo steps are kept; older ones are dropped to bound memory.
const LIMIT: usize = 200;

#[derive(Debug, Default, Clone)]
pub struct History {
    past: Vec<PostMortem>,
    future: Vec<PostMortem>,
    /// What the last recorded edit captured (`Edit::capture`): the next
    /// edit with the same capture extends its undo step.
    last_key: Option<Scope>,
}

impl History {
    /// Applies `edit` to `doc`, recording an undo step if it changed anything.
    pub fn apply(&mut self, doc: &mut PostMortem, edit: Edit) -> bool {
        let key = edit.capture();
        let merge = key.is_some() && key == self.last_key && !self.past.is_empty();
        // Typing into the same field again extends the current undo step, so
        // the document is only copied at the start of a step: on a large
        // document a copy per keystroke would be the main cost of typing.
        let before = (!merge).then(|| doc.clone());
        if !apply(doc, edit) {
            return false;
        }
        if let Some(before) = before {
            self.past.push(before);
            if self.past.len() > LIMIT {
                self.past.remove(0);
            }
        }
        self.last_key = key;
        self.future.clear();
        true
    }

    /// Ends a typing burst so the next keystroke starts a new undo step
    /// (called when a field loses focus).
    pub fn seal(&mut self) {
        self.last_key = None;
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    pub fn undo(&mut self, doc: &mut PostMortem) -> bool {
        match self.past.pop() {
            Some(prev) => {
                self.future.push(std::mem::replace(doc, prev));
                self.last_key = None;
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self, doc: &mut PostMortem) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(doc, next));
                self.last_key = None;
                true
            }
            None => false,
        }
    }

    /// Forgets everything, e.g. when another document is opened.
    pub fn clear(&mut self) {
        *self = History::default();
    }
}
