use leptos::prelude::*;

use crate::ui::focus::focus_soon;
use crate::ui::memo::memo;
use crate::ui::state::{use_editor, Editor};

/// What was removed last, remembered with the document revision right after
/// the removal. The offer to undo only holds while that revision is current:
/// after any further edit, undo would reverse that edit instead.
#[derive(Clone, Copy)]
pub struct UndoNote(RwSignal<Option<Removal>>);

#[derive(Clone, PartialEq)]
struct Removal {
    revision: u64,
    message: String,
    /// Element to focus once the item is back.
    focus: String,
}

impl Default for UndoNote {
    fn default() -> Self {
        UndoNote(RwSignal::new(None))
    }
}

impl UndoNote {
    pub fn new() -> Self {
        Self::default()
    }

    /// Call right after the removing edit has been applied.
    pub fn removed(&self, editor: &Editor, message: String, focus_after_undo: String) {
        self.0.set(Some(Removal {
            revision: editor.revision_untracked(),
            message,
            focus: focus_after_undo,
        }));
    }
}

/// "Removed … Undo": a polite status line after a removal, so deleting a
/// question or a factor is never a trap. Ctrl+Z does the same anywhere.
#[component]
pub fn UndoNotice(
    note: UndoNote,
    /// Id for the Undo button, so a caller can move focus onto the offer.
    #[prop(optional)]
    button_id: Option<&'static str>,
) -> impl IntoView {
    let editor = use_editor();
    let current = memo(move || {
        let rev = editor.revision();
        note.0
            .get()
            .filter(|r| r.revision == rev && editor.can_undo())
    });
    view! {
        // The live region exists before its text changes, so screen readers
        // announce the removal.
        <div class="undo-notice" role="status">
            {move || {
                current
                    .get()
                    .map(|r| {
                        let focus = r.focus.clone();
                        view! {
                            <span>{r.message.clone()}</span>
                            <button
                                type="button"
                                class="link"
                                id=button_id
                                aria-keyshortcuts="Control+Z"
                                on:click=move |_| {
                                    editor.undo();
                                    note.0.set(None);
                                    focus_soon(focus.clone());
                                }
                            >
                                "Undo"
                            </button>
                            <span class="help">" or press Ctrl+Z"</span>
                        }
                    })
            }}
        </div>
    }
}
