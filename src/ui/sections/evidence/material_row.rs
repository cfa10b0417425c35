use leptos::prelude::*;

use crate::domain::{Edit, Link, LinkKind, ListEdit};
use crate::ui::focus::focus_soon;
use crate::ui::state::use_editor;
use crate::ui::widgets::{RowSelect, RowText, UndoNote};

/// One piece of supporting material: what it is, a label and its address.
#[component]
pub fn MaterialRow(id: String, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let mid = id.clone();
    let material = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.evidence
                .materials
                .iter()
                .find(|m| m.id == mid)
                .cloned()
                .unwrap_or_default()
        })
    });
    let pid = id.clone();
    let index = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.evidence.materials.iter().position(|m| m.id == pid))
            .unwrap_or(0)
    });
    let suffix = Signal::derive(move || format!(" of material {}", index.get() + 1));
    let update = move |f: &dyn Fn(&mut Link)| {
        let mut m = material.get_untracked();
        f(&mut m);
        editor.edit(Edit::Material(ListEdit::Update(m)));
    };
    let kind = Memo::new(move |_| material.with(|m| format!("{:?}", m.kind)));
    let label = Memo::new(move |_| material.with(|m| m.label.clone()));
    let url = Memo::new(move |_| material.with(|m| m.url.clone()));
    let kinds = LinkKind::ALL
        .iter()
        .map(|k| (format!("{k:?}"), k.label().to_string()))
        .collect();
    let rid = id.clone();
    let remove = move |_| {
        let at = index.get_untracked();
        let neighbour = editor.doc.with_untracked(|d| {
            let list = &d.evidence.materials;
            list.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| list.get(p)))
                .map(|m| m.id.clone())
        });
        editor.edit(Edit::Material(ListEdit::Remove(rid.clone())));
        removed.removed(
            &editor,
            format!("Removed material {}.", at + 1),
            format!("material-{rid}-url"),
        );
        focus_soon(match neighbour {
            Some(n) => format!("material-{n}-url"),
            None => "material-add".to_string(),
        });
    };
    view! {
        <li class="row-item material">
            <RowSelect
                id=format!("material-{id}-kind")
                label="Kind"
                suffix=suffix
                options=kinds
                value=kind.into()
                on_change=Callback::new(move |v: String| {
                    if let Some(k) = LinkKind::ALL.iter().find(|k| format!("{k:?}") == v) {
                        update(&|m| m.kind = *k);
                    }
                })
            />
            <RowText
                id=format!("material-{id}-label")
                label="Label"
                suffix=suffix
                placeholder="e.g. Error rate, 14:00–15:00"
                value=label.into()
                on_change=Callback::new(move |v: String| update(&|m| m.label = v.clone()))
            />
            <RowText
                id=format!("material-{id}-url")
                label="Address"
                suffix=suffix
                input_type="url"
                placeholder="https://"
                value=url.into()
                on_change=Callback::new(move |v: String| update(&|m| m.url = v.clone()))
            />
            <button type="button" class="remove" on:click=remove>
                "Remove"
                <span class="visually-hidden">{move || format!(" material {}", index.get() + 1)}</span>
            </button>
        </li>
    }
}
