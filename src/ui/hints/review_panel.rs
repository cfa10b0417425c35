use leptos::prelude::*;

use crate::domain::hints::open_hints;
use crate::ui::memo::memo;
use crate::ui::progress::focus_key;
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;

/// Every open hint in the document, grouped by where it is, each a button that
/// jumps to its field. Computed only while the panel is open, so typing does
/// not pay for scanning the whole document.
#[component]
pub fn ReviewPanel() -> impl IntoView {
    let editor = use_editor();
    let open = RwSignal::new(false);
    let all = memo(move || {
        if open.get() {
            editor.settled(open_hints)
        } else {
            Vec::new()
        }
    });
    view! {
        <details class="review-panel" on:toggle=move |ev| {
            let el: web_sys::HtmlDetailsElement = event_target(&ev);
            open.set(el.open());
        }>
            <summary>"Wording to review"</summary>
            <Show when=move || open.get()>
                <Show when=move || !all.with(Vec::is_empty) fallback=|| view! { <p class="help">"Nothing to review: no blaming or hindsight wording found."</p> }>
                    <p class="help" role="status">{move || format!("{} note{}", all.with(Vec::len), if all.with(Vec::len) == 1 { "" } else { "s" })}</p>
                    <ul class="review-list-hints">
                        {move || all.get().into_iter().map(|(key, h)| {
                            let where_ = section_of(&key);
                            view! {
                                <li>
                                    <button type="button" class="link" on:click=move |_| {
                                        // A key starts with its section's slug.
                                        let slug = key.split('.').next().unwrap_or("context").to_string();
                                        focus_key(&key, &slug);
                                    }>
                                        <mark>{h.phrase.clone()}</mark>
                                        " in " {where_}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
            </Show>
        </details>
    }
}

/// Human name of the part of the document a field key belongs to.
fn section_of(key: &str) -> &'static str {
    let head = key.split('.').next().unwrap_or("");
    match head {
        "context" => "Context",
        "regret" => "Regret",
        "reason" => "Reason",
        "timeline" => "Timeline",
        "remedy" => "Remedy",
        "lessons" => "Lessons",
        "questions" => "Questions",
        "meeting" => "Meeting aids",
        "evidence" => "Evidence",
        _ => "the document",
    }
}
