use leptos::prelude::*;

use crate::domain::{ListKind, PostMortem, Scope};
use crate::ui::focus::focus_now;
use crate::ui::memo::memo;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::Show;
use crate::ui::widgets::{grow, keyed};

use super::lists::ListSpec;

pub const SCRIBE: &str = "facilitator-scribe";

/// One list the room builds together (events, factors, lessons, actions,
/// dissent): every entry editable where it stands, and the scribe field
/// under them adding a new one on Enter. The shape is the same for every
/// list; what differs is data in its `ListSpec`.
#[component]
pub fn ListStep(spec: ListSpec) -> impl IntoView {
    let editor = use_editor();
    let ids = memo(move || {
        for kind in spec.lists {
            editor.track(Scope::List(*kind));
        }
        editor.peek(spec.ids)
    });
    let text = RwSignal::new(String::new());
    let choices = (spec.choices)();
    let choice = RwSignal::new(
        choices
            .first()
            .map(|(slug, _)| (*slug).to_string())
            .unwrap_or_default(),
    );
    let problem = RwSignal::new(None::<&'static str>);
    let added = RwSignal::new(String::new());
    let add = move || {
        let typed = text.get_untracked();
        if typed.trim().is_empty() {
            problem.set(Some("Type something first."));
            return;
        }
        let made = editor.peek(|d| (spec.add)(d, typed.trim(), &choice.get_untracked(), new_id()));
        match made {
            Ok(edit) => {
                editor.edit(edit);
                editor.seal();
                text.set(String::new());
                problem.set(None);
                added.set(format!("Added {}.", spec.noun));
            }
            Err(why) => problem.set(Some(why)),
        }
        focus_now(SCRIBE);
    };
    let has_choices = !choices.is_empty();
    view! {
        <div class="step list-step">
            <h2>{spec.heading}</h2>
            <p class="big">{spec.prompt}</p>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{spec.empty}</p> }
            >
                <ol class="review-list">
                    {keyed(ids, |(kind, id)| format!("{kind:?}\u{1f}{id}"), move |(kind, id)| view! { <ListStepRow spec=spec kind=kind id=id /> }.into_any())}
                </ol>
            </Show>
            <div
                class="scribe-row"
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && !ev.shift_key() && !ev.ctrl_key() && !ev.meta_key() {
                        ev.prevent_default();
                        add();
                    }
                }
            >
                <label class="label" for=SCRIBE>
                    {format!("New {} (scribe)", spec.noun)}
                </label>
                <p class="help" id="facilitator-scribe-help">{spec.scribe_help}</p>
                <div class="scribe-fields">
                    {has_choices.then(|| view! {
                        <select
                            id="facilitator-scribe-kind"
                            aria-label=format!("Kind of {}", spec.noun)
                            on:change=move |ev| choice.set(event_target_value(&ev))
                        >
                            {choices
                                .iter()
                                .map(|(slug, label)| {
                                    let slug = *slug;
                                    view! {
                                        <option value=slug prop:selected=move || choice.get() == slug>{*label}</option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    })}
                    <input
                        id=SCRIBE
                        class="scribe"
                        type="text"
                        autocomplete="off"
                        aria-describedby="facilitator-scribe-help facilitator-scribe-problem"
                        aria-invalid=move || problem.get().is_some().to_string()
                        prop:value=move || text.get()
                        on:input=move |ev| {
                            text.set(event_target_value(&ev));
                            problem.set(None);
                        }
                    />
                    <button type="button" class="add" on:click=move |_| add()>
                        {format!("Add {}", spec.noun)}
                    </button>
                </div>
                <p class="error" id="facilitator-scribe-problem" role="alert">{move || problem.get()}</p>
                <p class="visually-hidden" role="status">{move || added.get()}</p>
            </div>
        </div>
    }
}

/// One entry of a `ListStep`: what it is about (a time, a kind, a name) and
/// its text, editable in place so the room can correct it as it is read.
#[component]
fn ListStepRow(spec: ListSpec, kind: ListKind, id: String) -> impl IntoView {
    let editor = use_editor();
    let rid = id.clone();
    let row = memo(move || editor.read_row(kind, &rid, |d: &PostMortem| (spec.row)(d, kind, &rid)));
    let field = format!("facilitator-{}-{id}", spec.noun.replace(' ', "-"));
    let eid = id.clone();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(edit) = editor.peek(|d| (spec.set_text)(d, kind, &eid, value)) {
            editor.edit(edit);
        }
    };
    let remove = move |_| {
        editor.seal();
        editor.edit(kind.remove(id.clone()));
        editor.seal();
        focus_now(SCRIBE);
    };
    let label = move || row.with(|r| r.as_ref().map(|r| r.label.clone()).unwrap_or_default());
    view! {
        <li>
            <span class="when">{label}</span>
            <label class="visually-hidden" for=field.clone()>
                {move || format!("{} {}", spec.noun, label())}
            </label>
            // A textarea, not an input: a long entry wraps on the projector
            // instead of running out of sight, and keeps its line breaks.
            <textarea
                id=field
                class="what grow"
                rows="1"
                prop:value=move || row.with(|r| r.as_ref().map(|r| r.text.clone()).unwrap_or_default())
                on:input=move |ev| {
                    grow(&ev);
                    on_input(ev)
                }
                on:blur=move |_| editor.seal()
            ></textarea>
            <button type="button" class="remove" on:click=remove>
                "Remove"
                <span class="visually-hidden">{move || format!(" {} {}", spec.noun, label())}</span>
            </button>
        </li>
    }
}
