use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::example::{example, EXAMPLE_ID};
use crate::domain::PostMortem;
use crate::storage::{
    EntryState, KeyValue, Library, LocalStore, MemoryStore, StorageError, PREFIX,
};
use crate::ui::autosave;
use crate::ui::editor_page::EditorPage;
use crate::ui::export_menu::SharedPage;
use crate::ui::follow_ups::FollowUpsPage;
use crate::ui::insights::{InsightsPage, ReviewPage};
use crate::ui::library::LibraryPage;
use crate::ui::memo::effect;
use crate::ui::route::{self, Route};
use crate::ui::state::{Editor, SaveState, Store};
use crate::ui::tickets::provide_ticket_pattern;
use crate::ui::update_banner::UpdateBanner;

/// Opens storage (or falls back to memory), owns the open document, routes
/// between the library and the editor, and wires the page-wide listeners.
#[component]
pub fn App() -> impl IntoView {
    let (kv, unavailable): (Box<dyn KeyValue>, Option<StorageError>) = match LocalStore::open() {
        Ok(s) => (Box::new(s), None),
        Err(e) => (Box::new(MemoryStore::new()), Some(e)),
    };
    let store: Store = StoredValue::new_local(Rc::new(Library::new(kv)));
    provide_context(store);
    provide_ticket_pattern(store);
    let editor = Editor::new(PostMortem::default());
    provide_context(editor);
    let autosave = autosave::install(editor, store);

    let route = RwSignal::new(route::current());
    let missing = RwSignal::new(None::<String>);
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        // Leaving a document: save what is pending before anything else loads.
        autosave.flush();
        route.set(route::current());
    });
    on_cleanup(move || on_hash.remove());

    // Opening a document when the route names one.
    effect(move || {
        let Route::Edit(id) = route.get() else {
            clear(missing);
            return;
        };
        if editor.peek(|d| d.id == id) && !id.is_empty() {
            return;
        }
        match store.with_value(|s| s.load(&id)) {
            Ok(Some(entry)) => match entry.state {
                EntryState::Ready(doc) => {
                    clear(missing);
                    editor.load(*doc, SaveState::Saved);
                }
                EntryState::Newer { version, doc: Some(doc), .. } => {
                    clear(missing);
                    editor.load(
                        *doc,
                        SaveState::ReadOnly(format!(
                            "This post-mortem was saved by a newer version of Debrief (format {version}). It is open read-only so that nothing this version does not understand is lost. Open it in the newer version to edit it."
                        )),
                    );
                }
                EntryState::Newer { version, doc: None, .. } => missing.set(Some(format!(
                    "This post-mortem was saved by a newer version of Debrief (format {version}) and cannot be shown here. It is kept unchanged."
                ))),
                EntryState::Corrupt { error, .. } => missing.set(Some(format!(
                    "This post-mortem could not be read ({error}). Its text is kept safe: download it from the list of post-mortems."
                ))),
            },
            // The example's address works in any browser: it is made here
            // on first use, like "Open a complete example" does.
            Ok(None) if id == EXAMPLE_ID => {
                let doc = example();
                match store.with_value(|s| s.save(&doc)) {
                    Ok(_) => {
                        clear(missing);
                        editor.load(doc, SaveState::Saved);
                    }
                    Err(e) => missing.set(Some(e.to_string())),
                }
            }
            Ok(None) => missing.set(Some("There is no post-mortem with this address in this browser.".into())),
            Err(e) => missing.set(Some(e.to_string())),
        }
    });

    install_shortcuts(editor, route);
    install_other_tabs(editor, store);

    view! {
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            crate::ui::focus::focus_now("main");
        }>"Skip to content"</a>
        <UpdateBanner />
        {unavailable.map(|e| view! {
            <div class="banner warn" role="alert" data-testid="storage-unavailable">
                <p>{e.to_string()}</p>
            </div>
        })}
        {move || match route.get() {
            Route::Library => view! { <LibraryPage /> }.into_any(),
            Route::FollowUps => view! { <FollowUpsPage /> }.into_any(),
            Route::Insights => view! { <InsightsPage /> }.into_any(),
            Route::Review => view! { <ReviewPage /> }.into_any(),
            Route::Shared(data) => view! { <SharedPage data=data /> }.into_any(),
            Route::Edit(_) => match missing.get() {
                Some(why) => view! {
                    <main id="main" class="library-main">
                        <h1>"Cannot open this post-mortem"</h1>
                        <p role="alert">{why}</p>
                        <p><a href=Route::Library.href()>"Back to all post-mortems"</a></p>
                    </main>
                }
                .into_any(),
                None => view! { <EditorPage /> }.into_any(),
            },
        }}
    }
}

/// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo document edits, also
/// while typing in a field: the document's history replaces the field's own.
fn install_shortcuts(editor: Editor, route: RwSignal<Route>) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !matches!(route.get_untracked(), Route::Edit(_)) || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let key = ev.key().to_lowercase();
        if key == "z" && !ev.shift_key() {
            ev.prevent_default();
            editor.undo();
        } else if (key == "z" && ev.shift_key()) || key == "y" {
            ev.prevent_default();
            editor.redo();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Another tab saved the open post-mortem. With nothing unsaved here, take its
/// version; with unsaved edits here, stop and ask instead of overwriting.
fn install_other_tabs(editor: Editor, store: Store) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let Some(key) = ev.key() else { return };
        let open_id = editor.peek(|d| d.id.clone());
        if open_id.is_empty() || key != format!("{PREFIX}{open_id}") {
            return;
        }
        match editor.save_state_untracked() {
            SaveState::Saved => {
                if let Ok(Some(entry)) = store.with_value(|s| s.load(&open_id)) {
                    if let EntryState::Ready(doc) = entry.state {
                        editor.load(*doc, SaveState::Saved);
                    }
                }
            }
            SaveState::Pending => editor.saved::<()>(Err(StorageError::Conflict { key })),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Clears the "cannot open" message without notifying when there is none:
/// a notification would mount the editor page a second time.
fn clear(missing: RwSignal<Option<String>>) {
    if missing.with_untracked(Option::is_some) {
        missing.set(None);
    }
}
