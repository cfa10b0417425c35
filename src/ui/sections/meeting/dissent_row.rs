use leptos::prelude::*;

use crate::domain::{Dissent, Edit, ListEdit};
use crate::ui::focus::focus_soon;
use crate::ui::state::use_editor;
use crate::ui::widgets::{RowText, UndoNote};

/// One dissenting view and whose it is.
#[component]
pub fn DissentRow(id: String, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let did = id.clone();
    let dissent = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.meeting
                .dissent
                .iter()
                .find(|x| x.id == did)
                .cloned()
                .unwrap_or_default()
        })
    });
    let pid = id.clone();
    let index = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.meeting.dissent.iter().position(|x| x.id == pid))
            .unwrap_or(0)
    });
    let suffix = Signal::derive(move || format!(" of dissenting view {}", index.get() + 1));
    let update = move |f: &dyn Fn(&mut Dissent)| {
        let mut x = dissent.get_untracked();
        f(&mut x);
        editor.edit(Edit::Dissent(ListEdit::Update(x)));
    };
    let who = Memo::new(move |_| dissent.with(|x| x.who.clone()));
    let view_text = Memo::new(move |_| dissent.with(|x| x.view.clone()));
    let rid = id.clone();
    let remove = move |_| {
        let at = index.get_untracked();
        let neighbour = editor.doc.with_untracked(|d| {
            let list = &d.meeting.dissent;
            list.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| list.get(p)))
                .map(|x| x.id.clone())
        });
        editor.edit(Edit::Dissent(ListEdit::Remove(rid.clone())));
        removed.removed(
            &editor,
            format!("Removed dissenting view {}.", at + 1),
            format!("dissent-{rid}-view"),
        );
        focus_soon(match neighbour {
            Some(n) => format!("dissent-{n}-view"),
            None => "dissent-add".to_string(),
        });
    };
    view! {
        <li class="row-item dissent">
            <RowText
                id=format!("dissent-{id}-who")
                label="Whose view"
                suffix=suffix
                placeholder="A name or a role"
                value=who.into()
                on_change=Callback::new(move |v: String| update(&|x| x.who = v.clone()))
            />
            <div class="span-all">
                <RowText
                    id=format!("dissent-{id}-view")
                    label="The view"
                    suffix=suffix
                    multiline=true
                    value=view_text.into()
                    on_change=Callback::new(move |v: String| update(&|x| x.view = v.clone()))
                />
            </div>
            <button
                type="button"
                class="remove"
                on:click=remove
            >
                "Remove"
                <span class="visually-hidden">{move || format!(" dissenting view {}", index.get() + 1)}</span>
            </button>
        </li>
    }
}
