use leptos::prelude::*;

use crate::domain::{Edit, ListEdit, ListKind, Person, ReviewRole, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{choice_options, Entry, Select, TextInput};

/// Authors, facilitator, scribe and participants, with their role in the
/// response (which also stands in for their name in an anonymised export).
#[component]
pub fn People() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::People), |d| {
            d.context
                .people
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Person(ListEdit::Add(
            Person {
                id: id.clone(),
                ..Person::default()
            },
            None,
        )));
        focus_soon(format!("person-{id}-name"));
    };
    view! {
        <fieldset class="group" id="context-people">
            <legend>"People"</legend>
            <p class="help">"Who wrote this up, who runs the review, and everyone who took part in the response."</p>
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <PersonRow id=id /> } />
            </ul>
            <button type="button" class="add" on:click=add>
                "Add person"
            </button>
        </fieldset>
    }
}

#[component]
fn PersonRow(id: String) -> impl IntoView {
    let editor = use_editor();
    let pid = id.clone();
    let person = Memo::new(move |_| {
        editor.read_row(ListKind::People, &pid, |d| {
            d.context
                .people
                .iter()
                .find(|p| p.id == pid)
                .cloned()
                .unwrap_or_default()
        })
    });
    let update = move |f: &dyn Fn(&mut Person)| {
        let mut p = person.get_untracked();
        f(&mut p);
        editor.edit(Edit::Person(ListEdit::Update(p)));
    };
    let name = Memo::new(move |_| person.with(|p| p.name.clone()));
    let response = Memo::new(move |_| person.with(|p| p.response_role.clone()));
    let review = Memo::new(move |_| person.with(|p| p.review_role.slug().to_string()));
    let roles = choice_options::<ReviewRole>();
    let rid = id.clone();
    let read = move || {
        person.with(|p| {
            let who = p.name.trim().to_string();
            let empty = who.is_empty();
            let role = p.response_role.trim().to_string();
            view! {
                <span class="read-text" class:read-empty=empty>
                    {if empty { "No name yet".to_string() } else { who }}
                    {(!role.is_empty()).then(|| view! { <span class="read-role">{format!(" — {role}")}</span> })}
                </span>
                <span class="read-meta">{p.review_role.label()}</span>
            }
        })
    };
    let fid = id.clone();
    let fields = move || {
        let id = fid.clone();
        let (roles, rid) = (roles.clone(), rid.clone());
        view! {
            <div class="row-item-fields">
                        <TextInput
                            id=format!("person-{id}-name")
                            label="Name".into()
                            value=name.into()
                            on_change=Callback::new(move |v: String| update(&|p| p.name = v.clone()))
                        />
                        <TextInput
                            id=format!("person-{id}-response")
                            label="Role in the response".into()
                            value=response.into()
                            placeholder="e.g. incident commander"
                            on_change=Callback::new(move |v: String| update(&|p| p.response_role = v.clone()))
                        />
                        <Select
                            id=format!("person-{id}-review")
                            label="Role in the review"
                            options=roles
                            value=review.into()
                            on_change=Callback::new(move |v: String| {
                                if let Some(r) = ReviewRole::from_slug(&v) {
                                    update(&|p| p.review_role = r);
                                }
                            })
                        />
                        <button
                            type="button"
                            class="remove"
                            aria-label=move || format!("Remove {}", if name.get().is_empty() { "this person".to_string() } else { name.get() })
                            on:click=move |_| editor.edit(Edit::Person(ListEdit::Remove(rid.clone())))
                        >
                            "Remove"
                        </button>
            </div>
        }
    };
    view! {
        <li class="row-item person">
            <Entry prefix=format!("person-{id}") first=format!("person-{id}-name") name=Signal::derive(move || { let n = name.get(); if n.trim().is_empty() { "a person".to_string() } else { n } }) read=read>
                {fields()}
            </Entry>
        </li>
    }
}
