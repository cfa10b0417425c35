//! Merging a second draft of the same post-mortem (a colleague's copy, an
//! older export): the merge is one undoable edit, and every value both drafts
//! set differently is listed for a person to decide.

use leptos::prelude::*;

use crate::ui::files::drop_files_on_page;
use crate::ui::widgets::FilePick;
use wasm_bindgen::JsCast;

use crate::domain::PostMortem;
use crate::export::json::import;
use crate::export::merge::{merge, resolve, Choice, Conflict};
use crate::ui::files::FileReader;
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, use_editor, use_store, SaveState};
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

const PICKER_ID: &str = "merge-file";

/// Opens the file picker of the merge panel (from the File menu).
pub fn open_merge_picker() {
    if let Some(el) = document().get_element_by_id(PICKER_ID) {
        el.unchecked_into::<web_sys::HtmlElement>().click();
    }
}

/// The picker, the drop target (the whole editor page), the question asked
/// when the file holds another incident, and the list of conflicts.
#[component]
pub fn MergePanel() -> impl IntoView {
    let editor = use_editor();
    let store = use_store();
    let conflicts = RwSignal::new(Vec::<Conflict>::new());
    let other = RwSignal::new(None::<PostMortem>);
    let message = RwSignal::new(None::<(bool, String)>);
    let dragging = RwSignal::new(false);

    let run_merge = move |theirs: PostMortem| {
        let ours = editor.snapshot();
        let (merged, found) = merge(&ours, &theirs);
        editor.replace(merged);
        let n = found.len();
        conflicts.set(found);
        message.set(Some((
            true,
            match n {
                0 => "Merged the second draft: nothing conflicted. Undo takes the whole merge back.".to_string(),
                1 => "Merged the second draft. One value differs: choose below. Undo takes the whole merge back.".to_string(),
                n => format!("Merged the second draft. {n} values differ: choose below. Undo takes the whole merge back."),
            },
        )));
    };

    let handle_text = move |name: String, text: String| {
        if matches!(editor.save_state_untracked(), SaveState::ReadOnly(_)) {
            message.set(Some((
                false,
                "This post-mortem is open read-only, so nothing can be merged into it.".into(),
            )));
            return;
        }
        match import(&text) {
            Err(e) => message.set(Some((false, format!("{name} was not merged, nothing changed: {e}")))),
            Ok(docs) if docs.len() != 1 => message.set(Some((
                false,
                format!("{name} holds {} post-mortems. Open it from the list of post-mortems to import them.", docs.len()),
            ))),
            Ok(mut docs) => {
                let theirs = docs.remove(0);
                if editor.peek(|d| d.id == theirs.id) {
                    run_merge(theirs);
                } else {
                    other.set(Some(theirs));
                }
            }
        }
    };
    let reader = FileReader::new();
    let handle_files = move |files: Option<web_sys::FileList>| {
        message.set(None);
        // One file: a merge takes exactly one other version.
        reader.read(files, 1, handle_text, move |e| {
            message.set(Some((false, e)))
        });
    };

    let import_separately = move |_| {
        let Some(mut doc) = other.get_untracked() else {
            return;
        };
        other.set(None);
        let exists = store
            .with_value(|s| s.ids())
            .map(|ids| ids.contains(&doc.id))
            .unwrap_or(false);
        if exists {
            doc.id = new_id();
        }
        match store.with_value(|s| s.save(&doc)) {
            Ok(_) => go(&Route::Edit(doc.id)),
            Err(e) => message.set(Some((false, format!("It was not imported: {e}")))),
        }
    };
    let merge_anyway = move |_| {
        if let Some(theirs) = other.get_untracked() {
            other.set(None);
            run_merge(theirs);
        }
    };

    let choose = move |c: Conflict, choice: Choice| {
        let mut doc = editor.snapshot();
        match resolve(&mut doc, &c, choice) {
            Ok(()) => {
                editor.replace(doc);
                conflicts.update(|cs| cs.retain(|x| x != &c));
                if conflicts.with_untracked(Vec::is_empty) {
                    message.set(Some((true, "Every conflict is settled.".into())));
                }
            }
            Err(e) => message.set(Some((false, e.to_string()))),
        }
    };

    // Dropping a file anywhere on the editor merges it.
    let handle_files = Callback::new(handle_files);
    drop_files_on_page(dragging, handle_files);

    view! {
        <div class="merge-panel">
            <FilePick
                id=PICKER_ID
                accept=".json,application/json"
                aria_label="Second draft to merge"
                on_files=handle_files
            />
            <Show when=move || dragging.get()>
                <p class="drop-hint" role="status">"Drop a Debrief .json file to merge it into this post-mortem."</p>
            </Show>
            {move || message.get().map(|(ok, m)| view! {
                <p class=if ok { "banner note" } else { "banner error" } role=if ok { "status" } else { "alert" } data-testid="merge-message">{m}</p>
            })}
            {move || other.get().map(|d| view! {
                <div class="banner warn" role="alertdialog" aria-labelledby="merge-other" data-testid="merge-other">
                    <p id="merge-other">
                        {format!(
                            "This file holds a different post-mortem: “{}”. Merge only if it is another draft of this same incident.",
                            crate::domain::display_title(&d)
                        )}
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=import_separately>"Import it as a separate post-mortem"</button>
                        <button type="button" on:click=merge_anyway>"It is the same incident: merge"</button>
                        <button type="button" on:click=move |_| other.set(None)>"Cancel"</button>
                    </div>
                </div>
            })}
            <Show when=move || !conflicts.with(Vec::is_empty)>
                <section class="conflicts" aria-labelledby="conflicts-title" data-testid="conflicts">
                    <h2 id="conflicts-title">"Values the two drafts disagree on"</h2>
                    <p class="help">"Yours is kept until you choose. Each choice can be undone."</p>
                    <ul>
                        {keyed(conflicts, |c| c.field_key.clone(), move |c: Conflict| {
                                let (a, b, k) = (c.clone(), c.clone(), c.clone());
                                view! {
                                    <li class="conflict">
                                        <p class="conflict-field"><code>{c.field_key.clone()}</code></p>
                                        <div class="conflict-sides">
                                            <div>
                                                <p class="side-label">"Mine"</p>
                                                <p class="side-text">{c.ours.clone()}</p>
                                            </div>
                                            <div>
                                                <p class="side-label">"Theirs"</p>
                                                <p class="side-text">{c.theirs.clone()}</p>
                                            </div>
                                        </div>
                                        <div class="actions" role="group" aria-label=format!("Resolve {}", c.field_key)>
                                            <button type="button" on:click=move |_| choose(a.clone(), Choice::Ours)>"Keep mine"</button>
                                            <button type="button" on:click=move |_| choose(b.clone(), Choice::Theirs)>"Take theirs"</button>
                                            <button type="button" on:click=move |_| choose(k.clone(), Choice::Both)>"Keep both"</button>
                                        </div>
                                    </li>
                                }
                                .into_any()
                            })}
                    </ul>
                </section>
            </Show>
        </div>
    }
}
