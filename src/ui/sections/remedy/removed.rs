use leptos::prelude::*;

use crate::ui::focus::focus_soon;
use crate::ui::state::use_editor;

/// The item removed last, with the document revision right after the
/// removal: the offer to undo holds only while that revision is current,
/// because after any further edit Ctrl+Z would undo that edit instead.
#[derive(Clone, Copy)]
pub struct Removed(RwSignal<Option<Removal>>);

#[derive(Clone, PartialEq)]
struct Removal {
    revision: u64,
    what: String,
    /// Where focus goes once the item is back.
    focus: String,
}

impl Removed {
    pub fn new() -> Self {
        Removed(RwSignal::new(None))
    }

    /// Call right after the removing edit was applied.
    pub fn record(&self, revision: u64, what: String, focus_after_undo: String) {
        self.0.set(Some(Removal {
            revision,
            what,
            focus: focus_after_undo,
        }));
        // Keyboard users land on the undo offer instead of on nothing.
        focus_soon(UNDO_ID.to_string());
    }
}

const UNDO_ID: &str = "remedy-undo-remove";

/// "Removed … Undo (Ctrl+Z)": a polite status line after a removal.
#[component]
pub fn RemovedNote(removed: Removed) -> impl IntoView {
    let editor = use_editor();
    let current = Memo::new(move |_| {
        let rev = editor.revision.get();
        removed
            .0
            .get()
            .filter(|r| r.revision == rev && editor.can_undo.get())
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
                            <span>{format!("Removed {}.", r.what)}</span>
                            " "
                            <button
                                type="button"
                                class="link"
                                id=UNDO_ID
                                aria-keyshortcuts="Control+Z"
                                on:click=move |_| {
                                    editor.undo();
                                    removed.0.set(None);
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
