use leptos::prelude::*;

use super::keyed_ids;

/// A list of short strings (services, tags) entered as chips: Enter or a
/// comma adds, each chip has a remove button, Backspace in the empty input
/// removes the last one.
#[component]
pub fn Chips(
    id: String,
    #[prop(into)] label: String,
    /// Singular noun for button labels ("tag", "service").
    noun: &'static str,
    values: Signal<Vec<String>>,
    on_change: Callback<Vec<String>>,
    #[prop(optional, into)] help: Option<String>,
    /// A visually hidden end of the label (" of factor 2"), so chips in a
    /// list of rows each have their own accessible name.
    #[prop(optional, into)]
    suffix: Option<Signal<String>>,
    /// The id of a `<datalist>` offering what was typed elsewhere before.
    #[prop(optional, into)]
    suggestions: Option<String>,
) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let commit = move || {
        let text = draft.get_untracked();
        let mut list = values.get_untracked();
        let mut added = false;
        for part in text.split(',') {
            let p = part.trim();
            if !p.is_empty() && !list.iter().any(|x| x == p) {
                list.push(p.to_string());
                added = true;
            }
        }
        draft.set(String::new());
        if added {
            on_change.run(list);
        }
    };
    let help_id = format!("{id}-help");
    // Point at the help only when there is one: a reference to a missing
    // element is an accessibility error.
    let described = help.is_some().then(|| help_id.clone());
    view! {
        <div class="field chips">
            <label class="label" for=id.clone()>
                {label}
                {suffix.map(|s| view! { <span class="visually-hidden">{move || s.get()}</span> })}
            </label>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            // Chips and the field for the next one share a line, as in a
            // mail client's address field: a short list costs one line.
            <div class="chip-box">
            <ul class="chip-list" aria-label=format!("{noun}s")>
                {keyed_ids(values, move |v| {
                        let v2 = v.clone();
                        view! {
                            <li class="chip">
                                <span>{v.clone()}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=move || format!("Remove {noun} {v}{}", suffix.map(|s| s.get()).unwrap_or_default())
                                    on:click=move |_| {
                                        let list: Vec<String> = values.get_untracked().into_iter().filter(|x| *x != v2).collect();
                                        on_change.run(list);
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                        .into_any()
                    })}
            </ul>
            <input
                id=id.clone()
                type="text"
                aria-describedby=described
                list=suggestions
                autocomplete="off"
                placeholder=format!("Add a {noun}, then Enter")
                prop:value=move || draft.get()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let has_comma = v.contains(',');
                    draft.set(v);
                    if has_comma {
                        commit();
                    }
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        commit();
                    } else if ev.key() == "Backspace" && draft.get_untracked().is_empty() {
                        let mut list = values.get_untracked();
                        if list.pop().is_some() {
                            on_change.run(list);
                        }
                    }
                }
                on:blur=move |_| commit()
            />
            </div>
        </div>
    }
}
