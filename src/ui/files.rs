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

/// Files larger than this are refused for import: a Slack export of a busy
/// workspace runs to tens of megabytes, and the whole file is held in
/// memory while it is read.
const MAX_IMPORT: f64 = 150.0 * 1024.0 * 1024.0;

/// Bytes read per step. Small enough that each step is a short task, so
/// the page keeps answering (and Cancel is heard) while a large file loads.
const CHUNK: f64 = 256.0 * 1024.0;

/// Why a chunked read stopped.
pub enum ReadStop {
    Cancelled,
    Failed(String),
}

/// Gives the browser a turn: a 0 ms timeout, so input, painting and a
/// Cancel click run between two chunks.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reads a file's bytes a chunk at a time, yielding to the browser between
/// chunks. `progress` gets the bytes read so far and the total;
/// `cancelled` is asked after every chunk and stops the read when it says so.
pub async fn read_bytes(
    file: &web_sys::File,
    progress: impl Fn(f64, f64),
    cancelled: impl Fn() -> bool,
) -> Result<Vec<u8>, ReadStop> {
    use wasm_bindgen::JsCast;
    let total = file.size();
    if total > MAX_IMPORT {
        return Err(ReadStop::Failed(format!(
            "{} is larger than 150 MB, too large to read here.",
            file.name()
        )));
    }
    let failed = || ReadStop::Failed(format!("{} could not be read.", file.name()));
    let mut bytes = Vec::with_capacity(total as usize);
    let mut at = 0.0;
    progress(0.0, total);
    while at < total {
        let end = (at + CHUNK).min(total);
        let part = file.slice_with_f64_and_f64(at, end).map_err(|_| failed())?;
        let buffer = wasm_bindgen_futures::JsFuture::from(part.array_buffer())
            .await
            .map_err(|_| failed())?;
        let array = js_sys::Uint8Array::new(buffer.unchecked_ref());
        let start = bytes.len();
        bytes.resize(start + array.length() as usize, 0);
        array.copy_to(&mut bytes[start..]);
        at = end;
        progress(at, total);
        yield_to_browser().await;
        if cancelled() {
            return Err(ReadStop::Cancelled);
        }
    }
    Ok(bytes)
}

/// Whether a drag carries files (not text or a link being dragged about).
pub fn drags_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Files dropped anywhere on the page go to `on_files` while the calling
/// component lives, and `dragging` says when files are held over the page.
/// Other drags (text moved between fields) keep the browser's own behaviour.
pub fn drop_files_on_page(dragging: RwSignal<bool>, on_files: Callback<Option<web_sys::FileList>>) {
    let on_drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        if !drags_files(&ev) {
            return;
        }
        ev.prevent_default();
        dragging.set(false);
        on_files.run(ev.data_transfer().and_then(|d| d.files()));
    });
    let on_over = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        if drags_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let on_leave = window_event_listener(leptos::ev::dragleave, move |_| dragging.set(false));
    on_cleanup(move || {
        on_drop.remove();
        on_over.remove();
        on_leave.remove();
    });
}

/// Whether a `dragleave` really leaves the element it is on, rather than
/// moving onto one of its children.
pub fn drag_left(ev: &web_sys::DragEvent) -> bool {
    use wasm_bindgen::JsCast;
    let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    match (node(ev.related_target()), node(ev.current_target())) {
        (Some(to), Some(zone)) => !zone.contains(Some(&to)),
        _ => true,
    }
}
