//! Reading files the user picks or drops, for import and for merge.

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Files larger than this are refused before they are read: no post-mortem
/// comes near it, and reading a huge file would freeze the tab.
const MAX_FILE: f64 = 20.0 * 1024.0 * 1024.0;

/// Reads one file as text, with a message naming the file when it cannot be.
pub async fn read(file: web_sys::File) -> Result<String, String> {
    if file.size() > MAX_FILE {
        return Err(format!(
            "{} is larger than 20 MB, too large to be a Debrief file.",
            file.name()
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("{} could not be read.", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("{} is not a text file.", file.name()))
}

/// Hands picked or dropped files to a component, read in the background.
/// Created in the component, because the handlers it calls read context: the
/// reading task runs outside any reactive scope and is put back under the
/// component's owner before they run.
#[derive(Clone, Copy)]
pub struct FileReader {
    owner: StoredValue<Option<Owner>, LocalStorage>,
}

impl FileReader {
    pub fn new() -> Self {
        Self {
            owner: StoredValue::new_local(Owner::current()),
        }
    }

    /// Reads up to `limit` of the files; each one's name and text go to
    /// `on_text`, and each file that cannot be read to `on_error`.
    pub fn read(
        self,
        files: Option<web_sys::FileList>,
        limit: u32,
        on_text: impl Fn(String, String) + Clone + 'static,
        on_error: impl Fn(String) + Clone + 'static,
    ) {
        let Some(files) = files else { return };
        for file in (0..files.length().min(limit)).filter_map(|i| files.get(i)) {
            let name = file.name();
            let owner = self.owner.get_value();
            let (on_text, on_error) = (on_text.clone(), on_error.clone());
            spawn_local(async move {
                match read(file).await {
                    Ok(text) => match &owner {
                        Some(o) => o.with(|| on_text(name, text)),
                        None => on_text(name, text),
                    },
                    Err(e) => on_error(e),
                }
            });
        }
    }
}
