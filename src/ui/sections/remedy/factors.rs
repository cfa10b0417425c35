use leptos::prelude::*;

use crate::domain::{ListKind, RemediationItem, Scope};
use crate::ui::memo::memo;
use crate::ui::state::Editor;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

use super::field_id;

/// Id of the one `<datalist>` of factors that every item's picker offers.
pub const FACTOR_OPTIONS: &str = "remedy-factor-options";

/// The contributing factors an item can answer, as (id, label), numbered as
/// under Reason. One list for the whole section: every card reads it, so
/// rewording a factor updates one memo, not one per item.
#[derive(Clone, Copy)]
pub struct FactorChoices(pub Memo<Vec<(String, String)>>);

impl FactorChoices {
    pub fn new(editor: Editor) -> Self {
        FactorChoices(memo(move || {
            editor.track(Scope::List(ListKind::Factors));
            editor.read(Scope::Rows(ListKind::Factors), |d| {
                d.reason
                    .factors
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.id.clone(), factor_label(i, f.description.trim())))
                    .collect()
            })
        }))
    }

    /// The factor a typed or chosen text names: an option's exact label, a
    /// factor's number, or the one factor whose text contains it.
    fn find(&self, typed: &str) -> Option<String> {
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        self.0.with_untracked(|choices| {
            if let Some((id, _)) = choices.iter().find(|(_, label)| label == typed) {
                return Some(id.clone());
            }
            if let Ok(n) = typed.trim_end_matches('.').parse::<usize>() {
                return choices.get(n.checked_sub(1)?).map(|(id, _)| id.clone());
            }
            let lower = typed.to_lowercase();
            let mut hits = choices
                .iter()
                .filter(|(_, label)| label.to_lowercase().contains(&lower));
            match (hits.next(), hits.next()) {
                (Some((id, _)), None) => Some(id.clone()),
                _ => None,
            }
        })
    }
}

fn factor_label(index: usize, description: &str) -> String {
    if description.is_empty() {
        format!("{}. (not described yet)", index + 1)
    } else {
        format!("{}. {description}", index + 1)
    }
}

/// The `<datalist>` the pickers share.
#[component]
pub fn FactorOptions(choices: FactorChoices) -> impl IntoView {
    view! {
        <datalist id=FACTOR_OPTIONS>
            {keyed(choices.0, |(id, label)| format!("{id}\u{1f}{label}"), |(_, label)| view! { <option value=label></option> }.into_any())}
        </datalist>
    }
}

/// The contributing factors an item answers: the linked ones as chips, and
/// one field that searches the factors named under Reason (by number or any
/// words of their text). Linked by id, so rewording a factor never breaks
/// the link and nothing is typed twice; a card costs a line, however many
/// factors there are.
#[component]
pub fn FactorLinks(
    item: Memo<RemediationItem>,
    on_change: Callback<RemediationItem>,
) -> impl IntoView {
    let choices = expect_context::<FactorChoices>();
    let item_id = item.with_untracked(|i| i.id.clone());
    let group_id = field_id(&item_id, "factors");
    let input_id = field_id(&item_id, "factor-search");
    let heading_id = field_id(&item_id, "factors-label");
    let problem = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    let linked = memo(move || {
        let ids = item.with(|i| i.factor_ids.clone());
        choices.0.with(|cs| {
            ids.iter()
                .filter_map(|id| cs.iter().find(|(c, _)| c == id).cloned())
                .collect::<Vec<_>>()
        })
    });
    let link = move |typed: String| {
        if typed.trim().is_empty() {
            problem.set(None);
            return;
        }
        match choices.find(&typed) {
            Some(fid) => {
                let mut i = item.get_untracked();
                if !i.factor_ids.contains(&fid) {
                    i.factor_ids.push(fid);
                    on_change.run(i);
                }
                problem.set(None);
                draft.set(String::new());
            }
            None => problem.set(Some(format!(
                "No single contributing factor matches “{}”: type its number or more of its words.",
                typed.trim()
            ))),
        }
    };
    let unlink = move |fid: String| {
        let mut i = item.get_untracked();
        i.factor_ids.retain(|x| *x != fid);
        on_change.run(i);
    };
    let none = memo(move || choices.0.with(Vec::is_empty));
    let problem_id = format!("{input_id}-problem");
    // Cloned per render: the picker is rebuilt when the first factor is
    // named or the last one removed.
    let picker = move || {
        let input_id = input_id.clone();
        let problem_id = problem_id.clone();
        view! {
                <ul class="chip-list" aria-label="Contributing factors this item answers">
                        {keyed(linked, |(id, label)| format!("{id}\u{1f}{label}"), move |(fid, label)| {
                                view! {
                                    <li class="chip">
                                        <span>{label.clone()}</span>
                                        <button
                                            type="button"
                                            class="chip-remove"
                                            aria-label=format!("Unlink factor {label}")
                                            on:click=move |_| unlink(fid.clone())
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                                .into_any()
                            })}
                    </ul>
                    <label class="visually-hidden" for=input_id.clone()>"Link a contributing factor"</label>
                    <input
                        id=input_id.clone()
                        class="factor-search"
                        type="text"
                        list=FACTOR_OPTIONS
                        placeholder="Link a factor: its number or words…"
                        aria-describedby=problem_id.clone()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        // `change` comes with a choice from the list, Enter, or leaving.
                        on:change=move |ev| link(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                link(event_target_value(&ev));
                            }
                        }
                    />
                    <p class="error" id=problem_id role="status">{move || problem.get()}</p>
        }
    };
    let labelled_by = heading_id.clone();
    view! {
        <div class="factor-links" id=group_id role="group" aria-labelledby=labelled_by>
            <span class="label" id=heading_id>"Answers"</span>
            <Show
                when=move || !none.get()
                fallback=|| view! {
                    <p class="help">"No contributing factors yet. Name them under Reason, then link the ones this item answers."</p>
                }
            >
                {picker()}
            </Show>
        </div>
    }
}
