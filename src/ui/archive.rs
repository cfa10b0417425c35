//! The post-mortems stored in this browser, read without writing anything:
//! for Insights, and in the editor for tag suggestions and "seen before".

use leptos::prelude::*;

use crate::domain::insights::{self as ins, Archive};
use crate::storage::{read_archive, KeyValue, StorageError, PREFIX};
use crate::ui::memo::memo;
use crate::ui::state::{use_editor, use_store, Store};
use crate::ui::tree::{h, tree_view};

/// The app's store as a plain key-value store, for the read-only reader.
struct Shared(Store);

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.with_value(|l| l.store().get(key))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.with_value(|l| l.store().set(key, value))
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.with_value(|l| l.store().remove(key))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.with_value(|l| l.store().keys())
    }
    fn set_checked(&self, key: &str, value: &str) -> Result<bool, StorageError> {
        self.0.with_value(|l| l.store().set_checked(key, value))
    }
}

/// Every stored post-mortem, read without writing anything.
pub fn read() -> Result<Archive, String> {
    read_from(use_store())
}

/// The same from a store already at hand: an event handler runs outside
/// the component tree, where no context can be looked up.
pub fn read_from(store: Store) -> Result<Archive, String> {
    read_archive(std::rc::Rc::new(Shared(store)))
        .map_err(|e| format!("The post-mortems could not be read: {e}"))
}

/// Runs `refresh` whenever another tab changes a post-mortem in storage,
/// until the calling component is dropped. Boxed: one copy serves the editor
/// and the Insights page.
pub fn on_library_change(refresh: Box<dyn Fn()>) {
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k.starts_with(PREFIX)) {
            refresh();
        }
    });
    on_cleanup(move || listener.remove());
}

/// The id of the one `<datalist>` of tags the editor's tag fields share.
pub const TAG_SUGGESTIONS: &str = "tag-suggestions";

/// The stored archive as the editor sees it.
#[derive(Clone, Copy)]
pub struct StoredArchive {
    pub archive: RwSignal<Archive>,
}

/// Reads the archive once for the open editor, and again when another tab
/// changes storage. The open document's own copy is in it too: whatever
/// compares with "other" post-mortems leaves it out by id. A storage that
/// cannot be read only means no suggestions: the editor still works.
pub fn provide_stored_archive() -> StoredArchive {
    let store = use_store();
    let archive = RwSignal::new(read_from(store).unwrap_or_default());
    on_library_change(Box::new(move || {
        if let Ok(a) = read_from(store) {
            archive.try_set(a);
        }
    }));
    let stored = StoredArchive { archive };
    provide_context(stored);
    stored
}

pub fn use_stored_archive() -> Option<StoredArchive> {
    use_context::<StoredArchive>()
}

/// The tags used anywhere in this browser, and those just given in the open
/// post-mortem, offered by every tag field.
#[component]
pub fn TagSuggestions(stored: StoredArchive) -> impl IntoView {
    let editor = use_editor();
    // Follows the settled document: a new tag shows up once typing pauses.
    let tags = memo(move || {
        let docs = stored.archive.read();
        editor.settled(|d| ins::suggested_tags(&docs.docs, d))
    });
    // Redrawn whole when the tags change, which is rare: a keyed list would
    // cost download for nothing.
    tree_view(move || {
        h("datalist")
            .at("id", TAG_SUGGESTIONS)
            .kids(
                tags.get()
                    .into_iter()
                    .map(|t| h("option").at("value", t).into()),
            )
            .into()
    })
}
