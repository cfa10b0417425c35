use leptos::prelude::*;

use crate::domain::hints::dissent_key;
use crate::domain::{Edit, PostMortem};
use crate::ui::hints::FieldHints;
use crate::ui::widgets::{Entry, ListRow, RowKind, RowText, UndoNote};

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
    let read = move || {
        row.item.with(|x| {
            let text = x.view.trim().to_string();
            let empty = text.is_empty();
            view! {
                <span class="read-number">{format!("{}.", row.index.get() + 1)}</span>
                <span class="read-text" class:read-empty=empty>
                    {if empty { "No view written yet".to_string() } else { text }}
                </span>
                <span class="read-meta">{x.who.trim().to_string()}</span>
            }
        })
    };
    let key = dissent_key(&id);
    let aside_key = key.clone();
    let aside = move || view! { <FieldHints key=aside_key.clone() text=view_text.into() /> };
    let fields = move || {
        let key = key.clone();
        view! {
            <div class="row-item-fields">
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
                        hint_key=key
                        label="The view"
                        suffix=row.suffix
                        multiline=true
                        value=view_text.into()
                        on_change=Callback::new(move |v: String| row.update(&|x| x.view = v.clone()))
                    />
                </div>
                {row.remove_button(removed)}
            </div>
        }
    };
    view! {
        <li class="row-item dissent">
            <Entry
                prefix=row.entry_prefix()
                key=format!("meeting.dissent.{id}")
                first=row.first_field()
                name=row.name()
                read=read
                aside=aside
            >
                {fields()}
            </Entry>
        </li>
    }
}
