use leptos::prelude::*;

use super::LibraryState;
use crate::ui::memo::memo;
use crate::ui::state::use_store;
use crate::ui::widgets::keyed;

/// Deleted post-mortems stay restorable until the delete is confirmed, even
/// across a reload: this bar offers the undo.
#[component]
pub fn TrashBar() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<LibraryState>();
    let trashed = memo(move || {
        state.trash_version.track();
        store.with_value(|s| s.trashed()).unwrap_or_default()
    });
    view! {
        {keyed(trashed, |(id, _)| id.clone(), move |(id, title)| {
                let (a, b) = (id.clone(), id.clone());
                let name = if title.is_empty() { "an untitled post-mortem".to_string() } else { format!("“{title}”") };
                view! {
                    <div class="banner info" role="status" data-testid="trash">
                        <p>"Deleted " {name} "."</p>
                        <div class="actions">
                            <button
                                type="button"
                                class="primary"
                                on:click=move |_| {
                                    if let Err(e) = store.with_value(|s| s.restore(&a)) {
                                        state.error.set(Some(e.to_string()));
                                    }
                                    state.refresh();
                                }
                            >
                                "Undo"
                            </button>
                            <button
                                type="button"
                                on:click=move |_| {
                                    if let Err(e) = store.with_value(|s| s.purge(&b)) {
                                        state.error.set(Some(e.to_string()));
                                    }
                                    state.refresh();
                                }
                            >
                                "Delete for good"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            })}
    }
}
