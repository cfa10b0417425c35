use leptos::prelude::*;

use crate::ui::files::drop_files_on_page;
use crate::ui::widgets::FilePick;

use super::LibraryState;
use crate::domain::PostMortem;
use crate::export::json::import;
use crate::ui::files::FileReader;
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, use_store};
use crate::ui::widgets::Show;

/// Import by picking a file or dropping one on the page. A bad file changes
/// nothing and says what is wrong where; an id that already exists asks.
#[component]
pub fn ImportArea() -> impl IntoView {
    let store = use_store();
    let state = expect_context::<LibraryState>();
    let message = RwSignal::new(None::<(bool, String)>);
    // Documents waiting for a decision because their ids already exist.
    let pending = RwSignal::new(Vec::<PostMortem>::new());
    let dragging = RwSignal::new(false);

    let save_all = move |docs: Vec<PostMortem>, replace: bool| {
        let mut saved = Vec::new();
        for d in docs {
            let r = store.with_value(|s| if replace { s.save_over(&d) } else { s.save(&d) });
            match r {
                Ok(_) => saved.push(d.id.clone()),
                Err(e) => {
                    message.set(Some((
                        false,
                        format!("“{}” was not imported: {e}", d.context.title),
                    )));
                    state.refresh();
                    return;
                }
            }
        }
        state.refresh();
        if saved.len() == 1 {
            go(&Route::Edit(saved.remove(0)));
        } else {
            message.set(Some((
                true,
                format!("Imported {} post-mortems.", saved.len()),
            )));
        }
    };

    let handle_text = move |name: String, text: String| match import(&text) {
        Err(e) => message.set(Some((
            false,
            format!("{name} was not imported, nothing changed: {e}"),
        ))),
        Ok(docs) => {
            let existing = store.with_value(|s| s.ids()).unwrap_or_default();
            let (clash, fresh): (Vec<_>, Vec<_>) =
                docs.into_iter().partition(|d| existing.contains(&d.id));
            if clash.is_empty() {
                save_all(fresh, false);
            } else {
                if !fresh.is_empty() {
                    save_all(fresh, false);
                }
                pending.set(clash);
            }
        }
    };
    let reader = FileReader::new();
    let handle_files = move |files: Option<web_sys::FileList>| {
        message.set(None);
        reader.read(files, u32::MAX, handle_text, move |e| {
            message.set(Some((false, e)))
        });
    };

    let keep_both = move |_| {
        let docs: Vec<PostMortem> = pending
            .get_untracked()
            .into_iter()
            .map(|mut d| {
                d.id = new_id();
                d.context.title = format!("{} (imported)", d.context.title);
                d
            })
            .collect();
        pending.set(Vec::new());
        save_all(docs, false);
    };
    let replace = move |_| {
        let docs = pending.get_untracked();
        pending.set(Vec::new());
        save_all(docs, true);
    };
    let cancel = move |_| {
        pending.set(Vec::new());
        message.set(Some((true, "Import cancelled; nothing changed.".into())));
    };

    // Dropping anywhere on the start screen imports.
    let handle_files = Callback::new(handle_files);
    drop_files_on_page(dragging, handle_files);

    view! {
        <div class="import" class:dragging=move || dragging.get()>
            <FilePick
                id="import-file"
                label="Open a file…"
                accept=".json,application/json"
                multiple=true
                on_files=handle_files
            />
            <span class="help">"or drop a Debrief .json file anywhere on this page."</span>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "note" } else { "error" } role="alert" data-testid="import-message">{m}</p>
            })}
            <Show when=move || !pending.with(Vec::is_empty)>
                <div class="banner warn" role="alertdialog" aria-labelledby="import-clash" data-testid="import-clash">
                    <p id="import-clash">
                        {move || {
                            let n = pending.with(Vec::len);
                            if n == 1 {
                                format!("“{}” is already in this browser.", pending.with(|p| p[0].context.title.clone()))
                            } else {
                                format!("{n} of these post-mortems are already in this browser.")
                            }
                        }}
                    </p>
                    <div class="actions">
                        <button type="button" on:click=replace>"Replace"</button>
                        <button type="button" class="primary" on:click=keep_both>"Keep both"</button>
                        <button type="button" on:click=cancel>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
