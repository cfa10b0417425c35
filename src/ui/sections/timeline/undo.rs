use leptos::prelude::*;

use crate::ui::memo::memo;

use super::use_timeline;

/// An event just deleted, remembered with the document revision right after
/// the deletion: the offer to undo holds only while that revision is current,
/// because after any further edit, undo would reverse that edit instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Deletion {
    pub revision: u64,
    pub event_id: String,
    pub message: String,
}

/// "Event deleted — Undo". Ctrl+Z does the same from anywhere.
#[component]
pub fn DeletedNote() -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let current = memo(move || {
        let rev = editor.revision();
        tl.deleted
            .get()
            .filter(|d| d.revision == rev && editor.can_undo())
    });
    view! {
        // The live region exists before its text changes, so the deletion is
        // announced.
        <div class="undo-notice" role="status">
            {move || {
                current
                    .get()
                    .map(|d| {
                        let id = d.event_id.clone();
                        view! {
                            <span>{d.message.clone()}</span>
                            <button
                                type="button"
                                class="link"
                                aria-keyshortcuts="Control+Z"
                                on:click=move |_| {
                                    editor.undo();
                                    tl.deleted.set(None);
                                    tl.reveal(&id, "time");
                                }
                            >
                                "Undo"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
