//! Undo and redo within a session, built on edits-as-data: before an edit is
//! applied the previous document is remembered. Consecutive edits of the same
//! kind (typing into one field) are coalesced into one undo step, the way a
//! text editor treats a burst of typing as one change.

use super::edit::{apply, Edit};
use super::model::PostMortem;

/// How many undo steps are kept; older ones are dropped to bound memory.
const LIMIT: usize = 200;

#[derive(Debug, Default, Clone)]
pub struct History {
    past: Vec<PostMortem>,
    future: Vec<PostMortem>,
    /// Coalescing key of the last recorded edit.
    last_key: Option<String>,
}

/// Which edits merge into one undo step: text typed into the same field.
fn coalesce_key(edit: &Edit) -> Option<String> {
    use super::edit::ListEdit;
    use super::model::HasId;
    fn upd<T: HasId>(prefix: &str, e: &ListEdit<T>) -> Option<String> {
        match e {
            ListEdit::Update(x) => Some(format!("{prefix}:{}", x.id())),
            _ => None,
        }
    }
    match edit {
        Edit::Text(f, _) => Some(format!("text:{}", f.key())),
        Edit::Strings(s, _) => Some(format!("strings:{s:?}")),
        Edit::Number(n, _) => Some(format!("number:{n:?}")),
        Edit::Person(e) => upd("person", e),
        Edit::Link(e) => upd("link", e),
        Edit::Factor(e) => upd("factor", e),
        Edit::Event(e) => upd("event", e),
        Edit::Item(e) => upd("item", e),
        Edit::Lesson(k, e) => upd(&format!("lesson:{k:?}"), e),
        Edit::Question(e) => upd("question", e),
        Edit::Dissent(e) => upd("dissent", e),
        Edit::Conversation(e) => upd("conversation", e),
        Edit::Material(e) => upd("material", e),
        _ => None,
    }
}

impl History {
    /// Applies `edit` to `doc`, recording an undo step if it changed anything.
    pub fn apply(&mut self, doc: &mut PostMortem, edit: Edit) -> bool {
        let key = coalesce_key(&edit);
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
