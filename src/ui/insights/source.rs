use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Source;
use crate::domain::insights::Archive;
use crate::ui::files::read;
use crate::ui::widgets::FilePick;

/// Says where the figures come from, and opens a library file instead. The
/// file is read into memory only: nothing of it is saved.
#[component]
pub fn SourcePicker(
    source: RwSignal<Source>,
    archive: RwSignal<Archive>,
    error: RwSignal<Option<String>>,
    back: Callback<()>,
) -> impl IntoView {
    let open = move |files: Option<web_sys::FileList>| {
        let Some(file) = files.and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            let result = read(file).await.and_then(|text| {
                crate::export::json::import(&text)
                    .map_err(|e| format!("{name} could not be read: {e}"))
            });
            match result {
                Ok(docs) => {
                    error.set(None);
                    archive.set(Archive {
                        docs,
                        ..Archive::default()
                    });
                    source.set(Source::File(name));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="insights-source">
            <p data-testid="insights-source">
                {move || match source.get() {
                    Source::Browser => "From the post-mortems stored in this browser.".to_string(),
                    Source::File(name) => format!("From the file {name}, read for this visit only and not saved."),
                }}
            </p>
            {move || match source.get() {
                Source::Browser => view! {
                    <FilePick
                        id="insights-file"
                        label="Open a library file instead"
                        accept=".json,application/json"
                        on_files=Callback::new(open)
                    />
                }
                .into_any(),
                Source::File(_) => view! {
                    <button type="button" class="secondary small" on:click=move |_| back.run(())>
                        "Back to this browser's post-mortems"
                    </button>
                }
                .into_any(),
            }}
        </div>
    }
}
