use leptos::prelude::*;

use crate::storage::StorageError;
use crate::ui::state::{use_editor, SaveState};

/// Saved / saving / not saved and why. A live region, so a screen reader hears
/// when saving fails.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let editor = use_editor();
    let state = Signal::derive(move || editor.save_state());
    let class = move || match state.get() {
        SaveState::Saved => "save-state ok",
        SaveState::Pending => "save-state pending",
        SaveState::Failed(_) => "save-state failed",
        SaveState::ReadOnly(_) => "save-state readonly",
    };
    let text = move || match state.get() {
        SaveState::Saved => "Saved in this browser".to_string(),
        SaveState::Pending => "Saving…".to_string(),
        SaveState::Failed(StorageError::Full) => "Not saved: storage is full".to_string(),
        SaveState::Failed(StorageError::Unavailable(_)) => {
            "Not saved: storage unavailable".to_string()
        }
        SaveState::Failed(StorageError::Conflict { .. }) => {
            "Not saved: changed in another tab".to_string()
        }
        SaveState::Failed(_) => "Not saved".to_string(),
        SaveState::ReadOnly(_) => "Read-only".to_string(),
    };
    view! {
        <p class=class role="status" data-testid="save-state">
            <span class="dot" aria-hidden="true"></span>
            {text}
        </p>
    }
}
