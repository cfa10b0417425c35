//! A timeline event as a decision point: how the moment looked to the
//! people in it. Every telling stands beside the others; when they differ,
//! the panel says so and keeps them all, so no one version becomes the
//! record by being written last.

use leptos::prelude::*;

use crate::ui::memo::memo;

use super::field_id;
use crate::domain::cite::tellings_differ;
use crate::domain::{
    Cite, CiteKind, Decision, Edit, ListEdit, ListKind, Scope, Telling, TellingPart, TimelineEvent,
};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, CitePicker, RowText};

/// The "decision point" switch of an open event, and the decision's
/// tellings and evidence when it is on.
#[component]
pub fn DecisionPanel(
    id: String,
    event: Memo<Option<TimelineEvent>>,
    n: Memo<usize>,
) -> impl IntoView {
    let editor = use_editor();
    let decision = memo(move || event.with(|e| e.as_ref().and_then(|e| e.decision.clone())));
    let is_point = memo(move || decision.with(Option::is_some));
    let update = move |f: &dyn Fn(&mut Decision)| {
        if let Some(mut e) = event.get_untracked() {
            let mut d = e.decision.clone().unwrap_or_default();
            f(&mut d);
            e.decision = Some(d);
            editor.edit(Edit::Event(ListEdit::Update(e)));
        }
    };
    let switch_id = field_id(&id, "decision");
    let switch_for = switch_id.clone();
    let eid = id.clone();
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        if let Some(mut e) = event.get_untracked() {
            if on {
                let first = new_id();
                e.decision = Some(Decision {
                    tellings: vec![Telling {
                        id: first.clone(),
                        ..Telling::default()
                    }],
                    cites: Vec::new(),
                });
                focus_soon(field_id(&eid, &format!("telling-{first}-known")));
            } else {
                // Undo brings the tellings back; the switch is one step.
                e.decision = None;
            }
            editor.edit(Edit::Event(ListEdit::Update(e)));
            editor.seal();
        }
    };
    let tellings = memo(move || {
        decision.with(|d| {
            d.as_ref()
                .map(|d| d.tellings.iter().map(|t| t.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let differ = memo(move || decision.with(|d| d.as_ref().is_some_and(tellings_differ)));
    let cites =
        memo(move || decision.with(|d| d.as_ref().map(|d| d.cites.clone()).unwrap_or_default()));
    let add_id = field_id(&id, "telling-add");
    let pid = id.clone();
    let add = move |_| {
        let tid = new_id();
        let t = tid.clone();
        update(&|d| {
            d.tellings.push(Telling {
                id: t.clone(),
                ..Telling::default()
            })
        });
        editor.seal();
        focus_soon(field_id(&pid, &format!("telling-{tid}-account")));
    };
    let here = Cite {
        kind: CiteKind::Event,
        id: id.clone(),
    };
    let cid = id.clone();
    view! {
        <div class="ev-decision">
            <label class="switch" for=switch_for>
                <input
                    type="checkbox"
                    id=switch_id
                    prop:checked=move || is_point.get()
                    on:change=toggle
                />
                "Decision point"
                <span class="visually-hidden">{move || format!(" (event {})", n.get())}</span>
            </label>
            <Show when=move || is_point.get()>
                {
                    let id = cid.clone();
                    let here = here.clone();
                    let add = add.clone();
                    let add_id = add_id.clone();
                    view! {
                        <div class="decision-point">
                            <Show when=move || differ.get()>
                                <p class="differ-note" role="note">
                                    "The tellings of this moment differ. Each is kept as it was given; none of them is the version."
                                </p>
                            </Show>
                            <div class="tellings">
                                {
                                    let id = id.clone();
                                    keyed_ids(tellings, move |tid| {
                                        view! { <TellingCard event_id=id.clone() telling=tid decision=decision update=Callback::new(move |f: TellingChange| update(&|d| f.0(d))) /> }
                                            .into_any()
                                    })
                                }
                            </div>
                            <button type="button" class="add" id=add_id on:click=add>
                                "Add another telling"
                            </button>
                            <CitePicker
                                id=field_id(&id, "decision-cites")
                                suffix=Signal::derive(move || format!(" of the decision at event {}", n.get()))
                                cites=cites.into()
                                not=here
                                on_change=Callback::new(move |c: Vec<Cite>| update(&|d| d.cites = c.clone()))
                            />
                        </div>
                    }
                }
            </Show>
        </div>
    }
}

/// A change to the decision, passed from a telling to its panel.
#[derive(Clone)]
pub struct TellingChange(std::sync::Arc<dyn Fn(&mut Decision) + Send + Sync>);

/// One telling: whose account it comes from, and the four things it says.
#[component]
fn TellingCard(
    event_id: String,
    telling: String,
    decision: Memo<Option<Decision>>,
    update: Callback<TellingChange>,
) -> impl IntoView {
    let editor = use_editor();
    let tid = telling.clone();
    let this = memo(move || {
        decision.with(|d| {
            d.as_ref()
                .and_then(|d| d.tellings.iter().find(|t| t.id == tid).cloned())
                .unwrap_or_default()
        })
    });
    let place = {
        let tid = telling.clone();
        memo(move || {
            decision.with(|d| {
                d.as_ref()
                    .and_then(|d| d.tellings.iter().position(|t| t.id == tid))
                    .unwrap_or(0)
                    + 1
            })
        })
    };
    let change = move |f: std::sync::Arc<dyn Fn(&mut Telling) + Send + Sync>| {
        let tid = this.get_untracked().id;
        update.run(TellingChange(std::sync::Arc::new(
            move |d: &mut Decision| {
                if let Some(t) = d.tellings.iter_mut().find(|t| t.id == tid) {
                    f(t);
                }
            },
        )));
    };
    // Whose accounts there are to choose from: names change as they are typed.
    let accounts = memo(move || {
        editor.read(Scope::List(ListKind::Accounts), |_| ());
        editor.read(Scope::Rows(ListKind::Accounts), |d| {
            d.accounts
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let who = a.who.trim();
                    let name = if who.is_empty() {
                        format!("Account {}", i + 1)
                    } else {
                        format!("{who}'s account")
                    };
                    (a.id.clone(), name)
                })
                .collect::<Vec<_>>()
        })
    });
    let suffix = Signal::derive(move || format!(" of telling {}", place.get()));
    let account_id = field_id(&event_id, &format!("telling-{telling}-account"));
    let remove = move |_| {
        let tid = this.get_untracked().id;
        update.run(TellingChange(std::sync::Arc::new(
            move |d: &mut Decision| d.tellings.retain(|t| t.id != tid),
        )));
        editor.seal();
    };
    view! {
        <div class="telling" role="group" aria-label=move || format!("Telling {}", place.get())>
            <div class="field">
                <label class="label" for=account_id.clone()>
                    "As told in"
                    <span class="visually-hidden">{move || suffix.get()}</span>
                </label>
                <select
                    id=account_id
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(std::sync::Arc::new(move |t: &mut Telling| t.account = v.clone()));
                        editor.seal();
                    }
                >
                    <option value="" prop:selected=move || this.with(|t| t.account.is_empty())>
                        "No account named"
                    </option>
                    {move || {
                        accounts
                            .get()
                            .into_iter()
                            .map(|(aid, name)| {
                                let chosen = aid.clone();
                                view! {
                                    <option value=aid prop:selected=move || this.with(|t| t.account == chosen)>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            {TellingPart::ALL
                .iter()
                .map(|&part| {
                    let value = memo(move || this.with(|t| part.get(t).clone()));
                    view! {
                        <RowText
                            id=field_id(&event_id, &format!("telling-{telling}-{}", part.slug()))
                            label=part.label()
                            suffix=suffix
                            multiline=true
                            value=value.into()
                            on_change=Callback::new(move |v: String| {
                                change(std::sync::Arc::new(move |t: &mut Telling| *part.get_mut(t) = v.clone()))
                            })
                        />
                    }
                })
                .collect_view()}
            <button type="button" class="remove" on:click=remove>
                "Remove this telling"
            </button>
        </div>
    }
}
