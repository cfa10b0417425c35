use leptos::prelude::*;

use crate::domain::to_json;
use crate::storage::{EntryState, StorageError};
use crate::ui::download::{download, file_stem};
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, now, use_editor, use_store, SaveState};

/// When saving fails, says why and offers a way out. The edit itself is never
/// thrown away: it stays in memory until one of these resolves it.
#[component]
pub fn SaveProblem() -> impl IntoView {
    let editor = use_editor();
    let store = use_store();
    let export_now = move |_| {
        let doc = editor.snapshot();
        let _ = download(
            &format!("{}.debrief.json", file_stem(&doc.context.title)),
            "application/json",
            &to_json(&doc),
        );
    };
    let reload_theirs = move |_| {
        let id = editor.peek(|d| d.id.clone());
        if let Ok(Some(entry)) = store.with_value(|s| s.load(&id)) {
            if let EntryState::Ready(doc) = entry.state {
                editor.load(*doc, SaveState::Saved);
            }
        }
    };
    let keep_mine = move |_| {
        let result = store.with_value(|s| editor.peek(|d| s.save_over(d)));
        editor.saved(result);
    };
    let keep_both = move |_| {
        let mut copy = editor.snapshot();
        copy.id = new_id();
        copy.context.title = format!("{} (my copy)", copy.context.title.trim());
        copy.updated = Some(now());
        match store.with_value(|s| s.save(&copy)) {
            Ok(_) => go(&Route::Edit(copy.id)),
            Err(e) => editor.saved::<()>(Err(e)),
        }
    };
    let retry = move |_| {
        editor.mark_pending();
        let result = store.with_value(|s| editor.peek(|d| s.save(d)));
        editor.saved(result);
    };
    move || match editor.save_state() {
        SaveState::Failed(err) => {
            let conflict = matches!(err, StorageError::Conflict { .. });
            Some(view! {
                <div class="banner error" role="alert" data-testid="save-problem">
                    <p>{err.to_string()}</p>
                    <div class="actions">
                        {conflict
                            .then(|| {
                                view! {
                                    <button type="button" on:click=reload_theirs>"Reload the other version"</button>
                                    <button type="button" on:click=keep_mine>"Keep mine"</button>
                                    <button type="button" on:click=keep_both>"Keep both"</button>
                                }
                            })}
                        <button type="button" class="primary" on:click=export_now>"Export now"</button>
                        {(!conflict).then(|| view! { <button type="button" on:click=retry>"Try again"</button> })}
                    </div>
                </div>
            }
            .into_any())
        }
        SaveState::ReadOnly(why) => Some(
            view! {
                <div class="banner info" role="status" data-testid="read-only">
                    <p>{why}</p>
                    <div class="actions">
                        <button type="button" on:click=export_now>"Export a copy"</button>
                    </div>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}
