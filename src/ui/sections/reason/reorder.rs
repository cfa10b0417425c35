//! What the rows of the factor list share while one of them is moved; its own
//! module so that the list and its rows both depend on it, not on each other.

use leptos::prelude::*;

use crate::domain::{Edit, ListEdit};
use crate::ui::focus::focus_soon;
use crate::ui::state::Editor;
use crate::ui::widgets::UndoNote;

/// Shared by the rows of one list: which row is being dragged, which one it
/// hovers, and the sentence a screen reader hears after a move.
#[derive(Clone, Copy)]
pub struct Reorder {
    pub dragging: RwSignal<Option<String>>,
    pub over: RwSignal<Option<String>>,
    pub announce: RwSignal<String>,
    pub removed: UndoNote,
}

impl Reorder {
    /// Moves factor `id` to `to` and keeps the keyboard where it was: the
    /// keyed list moves the row's DOM node, which drops focus in browsers.
    pub fn move_to(&self, editor: &Editor, id: &str, to: usize) {
        let (from, count) = editor.peek(|d| {
            (
                d.reason.factors.iter().position(|f| f.id == id),
                d.reason.factors.len(),
            )
        });
        let Some(from) = from else { return };
        let to = to.min(count.saturating_sub(1));
        if from == to {
            return;
        }
        let focused = document()
            .active_element()
            .map(|e| e.id())
            .filter(|i| !i.is_empty());
        editor.edit(Edit::Factor(ListEdit::Move(id.to_string(), to)));
        editor.seal();
        self.announce
            .set(format!("Factor moved to position {} of {count}.", to + 1));
        if let Some(f) = focused {
            focus_soon(f);
        }
    }
}
