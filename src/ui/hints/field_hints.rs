use leptos::prelude::*;

use crate::domain::hints::{dismissal, hints, is_dismissed, Hint};
use crate::domain::Edit;
use crate::ui::state::use_editor;

/// Gentle notes under one field: the words, why they tend to assign blame or
/// hindsight, and a way to say it instead. Never blocks; each can be
/// dismissed for this field, and the dismissal is kept in the document.
#[component]
pub fn FieldHints(key: String, text: Signal<String>) -> impl IntoView {
    let editor = use_editor();
    let people = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.context
                .people
                .iter()
                .map(|p| p.name.trim().to_string())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
        })
    });
    let k = key.clone();
    let found: Memo<Vec<Hint>> = Memo::new(move |_| {
        let names = people.get();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let all = text.with(|t| hints(t, &refs));
        editor.doc.with(|d| {
            all.into_iter()
                .filter(|h| !is_dismissed(d, &k, h))
                .collect()
        })
    });
    view! {
        <Show when=move || !found.with(Vec::is_empty)>
            <ul class="hints" aria-label="Wording to review">
                <For
                    each=move || found.get()
                    key=|h| (h.rule_id, h.start, h.phrase.clone())
                    children={
                        let key = key.clone();
                        move |h: Hint| {
                            let d = dismissal(&key, &h);
                            view! {
                                <li class="hint" data-testid="hint">
                                    <details>
                                        <summary>
                                            <mark>{h.phrase.clone()}</mark>
                                            <span class="hint-cat">{h.category.label()}</span>
                                        </summary>
                                        <p>{h.why}</p>
                                        <p class="reframe"><strong>"Try: "</strong>{h.reframe}</p>
                                    </details>
                                    <button
                                        type="button"
                                        class="link"
                                        aria-label=format!("Dismiss the note on “{}”", h.phrase)
                                        on:click=move |_| editor.edit(Edit::DismissHint(d.clone()))
                                    >
                                        "Dismiss"
                                    </button>
                                </li>
                            }
                        }
                    }
                />
            </ul>
        </Show>
    }
}
