use leptos::prelude::*;
use leptos::task::spawn_local;

use super::LibraryState;
use crate::export::json::export_library;
use crate::storage::{estimate, request_persistence, EntryState};
use crate::ui::download::download;
use crate::ui::memo::memo;
use crate::ui::state::use_store;

fn human(bytes: f64) -> String {
    if bytes >= 1_048_576.0 {
        format!("{:.1} MB", bytes / 1_048_576.0)
    } else {
        format!("{:.0} KB", (bytes / 1024.0).max(1.0))
    }
}

/// How much room is left, whether the browser promised to keep the data, and
/// the one-click backup of everything.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<LibraryState>();
    let persisted = RwSignal::new(None::<bool>);
    let quota = RwSignal::new(None::<f64>);
    spawn_local(async move {
        persisted.set(request_persistence().await.ok());
        quota.set(estimate().await.ok().map(|e| e.quota));
    });
    let used = memo(move || {
        state.entries.track();
        store.with_value(|s| s.used_bytes()).unwrap_or(0) as f64
    });
    let export_all = move |_| {
        let docs: Vec<_> = state.entries.with_untracked(|es| {
            es.iter()
                .filter_map(|e| match &e.state {
                    EntryState::Ready(d) => Some((**d).clone()),
                    _ => None,
                })
                .collect()
        });
        if let Err(e) = download(
            "debrief-library.json",
            "application/json",
            &export_library(&docs),
        ) {
            state.error.set(Some(e));
        }
    };
    view! {
        <footer class="storage-meter">
            <p>
                {move || {
                    // localStorage has its own limit (about 5 MB in most
                    // browsers), far below the site quota the estimate reports.
                    let limit = quota.get().map(|q| q.min(5.0 * 1_048_576.0)).unwrap_or(5.0 * 1_048_576.0);
                    format!("Using {} of about {} browser storage for drafts.", human(used.get()), human(limit))
                }}
                " "
                {move || match persisted.get() {
                    Some(true) => "The browser has agreed to keep this data.",
                    Some(false) => "The browser may clear this data when space runs low: export what matters.",
                    None => "",
                }}
            </p>
            <button type="button" on:click=export_all>"Export all as one file"</button>
        </footer>
    }
}
