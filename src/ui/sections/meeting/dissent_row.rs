use leptos::prelude::*;

use crate::domain::hints::dissent_key;
use crate::domain::{Edit, PostMortem};
use crate::ui::widgets::{ListRow, RowKind, RowText, UndoNote};

static DISSENT: RowKind<crate::domain::Dissent> = RowKind {
    kind: crate::domain::ListKind::Dissent,
    noun: "dissenting view",
    prefix: "dissent",
    focus: "view",
    add: "dissent-add",
    list: |d: &PostMortem| &d.meeting.dissent,
    edit: Edit::Dissent,
};

/// One dissenting view and whose it is.
#[component]
pub fn DissentRow(id: String, removed: UndoNote) -> impl IntoView {
    let row = ListRow::new(&id, &DISSENT);
    let who = Memo::new(move |_| row.item.with(|x| x.who.clone()));
    let view_text = Memo::new(move |_| row.item.with(|x| x.view.clone()));
    view! {
        <li class="row-item dissent">
            <RowText
                id=row.dom_id("who")
                label="Whose view"
                suffix=row.suffix
                placeholder="A name or a role"
                value=who.into()
                on_change=Callback::new(move |v: String| row.update(&|x| x.who = v.clone()))
            />
            <div class="span-all">
                <RowText
                    id=row.dom_id("view")
                    hint_key=dissent_key(&id)
                    label="The view"
                    suffix=row.suffix
                    multiline=true
                    value=view_text.into()
                    on_change=Callback::new(move |v: String| row.update(&|x| x.view = v.clone()))
                />
            </div>
            {row.remove_button(removed)}
        </li>
    }
}
