use leptos::prelude::*;

use crate::domain::{Edit, Link, LinkKind, ListEdit, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{choice_options, Entry, Select, TextInput};

/// Tickets, chat channels, dashboards, logs, merge requests, CI runs.
#[component]
pub fn Links() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::Links), |d| {
            d.context
                .links
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Link(ListEdit::Add(
            Link {
                id: id.clone(),
                ..Link::default()
            },
            None,
        )));
        focus_soon(format!("link-{id}-url"));
    };
    view! {
        <fieldset class="group" id="context-links">
            <legend>"Links"</legend>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="empty">"No links yet: tickets, the chat channel, dashboards, logs, merge requests."</p>
            </Show>
            <ul class="rows">
                <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <LinkRow id=id /> } />
            </ul>
            <button type="button" class="add" on:click=add>
                "Add link"
            </button>
        </fieldset>
    }
}

#[component]
fn LinkRow(id: String) -> impl IntoView {
    let editor = use_editor();
    let lid = id.clone();
    let link = Memo::new(move |_| {
        editor.read_row(ListKind::Links, &lid, |d| {
            d.context
                .links
                .iter()
                .find(|l| l.id == lid)
                .cloned()
                .unwrap_or_default()
        })
    });
    let update = move |f: &dyn Fn(&mut Link)| {
        let mut l = link.get_untracked();
        f(&mut l);
        editor.edit(Edit::Link(ListEdit::Update(l)));
    };
    let url = Memo::new(move |_| link.with(|l| l.url.clone()));
    let label = Memo::new(move |_| link.with(|l| l.label.clone()));
    let kind = Memo::new(move |_| link.with(|l| l.kind.slug().to_string()));
    let kinds = choice_options::<LinkKind>();
    let rid = id.clone();
    let read = move || {
        link.with(|l| {
            let label = l.label.trim().to_string();
            let url = l.url.trim().to_string();
            let empty = label.is_empty() && url.is_empty();
            let text = if empty {
                "Nothing linked yet".to_string()
            } else if label.is_empty() {
                url.clone()
            } else {
                label
            };
            view! {
                <span class="read-text" class:read-empty=empty>{text}</span>
                <span class="read-meta">{l.kind.label()}</span>
            }
        })
    };
    let fid = id.clone();
    let fields = move || {
        let id = fid.clone();
        let (kinds, rid) = (kinds.clone(), rid.clone());
        view! {
            <div class="row-item-fields">
                        <Select
                            id=format!("link-{id}-kind")
                            label="Kind"
                            options=kinds
                            value=kind.into()
                            on_change=Callback::new(move |v: String| {
                                if let Some(k) = LinkKind::from_slug(&v) {
                                    update(&|l| l.kind = k);
                                }
                            })
                        />
                        <TextInput
                            id=format!("link-{id}-label")
                            label="Label".into()
                            value=label.into()
                            on_change=Callback::new(move |v: String| update(&|l| l.label = v.clone()))
                        />
                        <TextInput
                            id=format!("link-{id}-url")
                            label="Address".into()
                            input_type="url"
                            placeholder="https://"
                            value=url.into()
                            on_change=Callback::new(move |v: String| update(&|l| l.url = v.clone()))
                        />
                        <button
                            type="button"
                            class="remove"
                            aria-label="Remove this link"
                            on:click=move |_| editor.edit(Edit::Link(ListEdit::Remove(rid.clone())))
                        >
                            "Remove"
                        </button>
            </div>
        }
    };
    view! {
        <li class="row-item link">
            <Entry prefix=format!("link-{id}") first=format!("link-{id}-url") name=Signal::derive(move || { let l = label.get(); if l.trim().is_empty() { "a link".to_string() } else { format!("link “{l}”") } }) read=read>
                {fields()}
            </Entry>
        </li>
    }
}
