use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::hints::{dismissal, hints, is_dismissed, Hint};
use crate::domain::{Edit, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

/// The hint key of the control that has focus, if it carries one. One
/// listener for the whole page: hints under a field wait until the author
/// leaves it, the way a careful reader would wait for the end of a sentence.
#[derive(Clone, Copy)]
pub struct FocusedHintKey(RwSignal<Option<String>>, Memo<Vec<String>>);

/// Installs the page's one focus listener; the hints under each field read
/// it. Cleaned up with the page that installed it.
///
/// Leaving a field by pressing a button below it must not move that button:
/// notes appearing at once would push the page down between the press and
/// the release, and the click would land elsewhere. So while a pointer is
/// down the change waits until it is released (and its click has run).
pub fn provide_focused_hint_key() {
    let key = RwSignal::new(None::<String>);
    // Names of the people in the document: they make "Dana forgot…"
    // recognisable. One list for the page, followed when editing pauses; it
    // notifies the fields only when a name really changed, so a pause does
    // not re-run the matcher under every field.
    let editor = use_editor();
    let names = memo(move || editor.settled(people_names));
    let pressed = StoredValue::new(false);
    let waiting = StoredValue::new(None::<Option<String>>);
    let apply = move |next: Option<String>| {
        if key.try_with_untracked(|k| *k != next) == Some(true) {
            let _ = key.try_set(next);
        }
    };
    let read = move |ev: &web_sys::FocusEvent, leaving: bool| {
        let target = if leaving {
            // Moving straight to another control: `relatedTarget` is it.
            ev.related_target()
        } else {
            ev.target()
        };
        let next = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.get_attribute("data-hint-key"));
        if pressed.get_value() {
            waiting.set_value(Some(next));
        } else {
            apply(next);
        }
    };
    let on_in = window_event_listener(leptos::ev::focusin, move |ev| read(&ev, false));
    let on_out = window_event_listener(leptos::ev::focusout, move |ev| read(&ev, true));
    let on_down = window_event_listener(leptos::ev::pointerdown, move |_| pressed.set_value(true));
    let release = move || {
        pressed.set_value(false);
        if let Some(next) = waiting.try_update_value(Option::take).flatten() {
            // After the click that this release completes.
            set_timeout(move || apply(next), std::time::Duration::from_millis(0));
        }
    };
    let on_up = window_event_listener(leptos::ev::pointerup, move |_| release());
    let on_cancel = window_event_listener(leptos::ev::pointercancel, move |_| release());
    on_cleanup(move || {
        on_in.remove();
        on_out.remove();
        on_down.remove();
        on_up.remove();
        on_cancel.remove();
    });
    provide_context(FocusedHintKey(key, names));
}

/// The names of the people in the document, trimmed, blanks left out.
fn people_names(d: &crate::domain::PostMortem) -> Vec<String> {
    d.context
        .people
        .iter()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Gentle notes under one field: the words, why they tend to assign blame or
/// hindsight, and a way to say it instead. Never blocks; each can be
/// dismissed for this field, and the dismissal is kept in the document.
///
/// The notes are worked out when the author leaves the field (or when the
/// text changes while the field is not being edited: an undo, another tab),
/// never per keystroke: advice in the middle of a sentence interrupts, and
/// the matcher is the costliest thing a keystroke could run.
#[component]
pub fn FieldHints(key: String, text: Signal<String>) -> impl IntoView {
    let editor = use_editor();
    let focused = use_context::<FocusedHintKey>();
    let k = key.clone();
    let editing =
        memo(move || focused.is_some_and(|f| f.0.with(|f| f.as_deref() == Some(k.as_str()))));
    let k = key.clone();
    let found: Memo<Vec<Hint>> = Memo::new(move |prev: Option<&Vec<Hint>>| {
        if editing.get() {
            return prev.cloned().unwrap_or_default();
        }
        let names = match focused {
            Some(f) => f.1.get(),
            None => editor.settled(people_names),
        };
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let all = text.with(|t| hints(t, &refs));
        editor.read(Scope::DismissedHints, |d| {
            all.into_iter()
                .filter(|h| !is_dismissed(d, &k, h))
                .collect()
        })
    });
    view! {
        <Show when=move || !found.with(Vec::is_empty)>
            <ul class="hints" aria-label="Wording to review">
                {keyed(
                    found,
                    |h| format!("{}\u{1f}{}\u{1f}{}", h.rule_id, h.start, h.phrase),
                    {
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
                            .into_any()
                        }
                    },
                )}
            </ul>
        </Show>
    }
}
