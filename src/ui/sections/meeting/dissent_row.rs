use leptos::prelude::*;

use crate::domain::hints::dissent_key;
use crate::domain::{Dissent, Edit, PostMortem};
use crate::ui::hints::FieldHints;
use crate::ui::memo::memo;
use crate::ui::widgets::{Entry, Line, ListRow, RowKind, TextPart, UndoNote};

pub(super) static DISSENT: RowKind<crate::domain::Dissent> = RowKind {
    kind: crate::domain::ListKind::Dissent,
    noun: "dissenting view",
    prefix: "dissent",
    focus: "view",
    add: "dissent-add",
    list: |d: &PostMortem| &d.meeting.dissent,
    edit: Edit::Dissent,
};

static WHO: TextPart<Dissent> =
    TextPart::<Dissent>::new("who", "Whose view", |x| &x.who, |x| &mut x.who)
        .placeholder("A name or a role");
static VIEW: TextPart<Dissent> =
    TextPart::<Dissent>::new("view", "The view", |x| &x.view, |x| &mut x.view).multiline();

/// One dissenting view and whose it is.
#[component]
pub fn DissentRow(id: String, removed: UndoNote) -> impl IntoView {
    let row = ListRow::new(&id, &DISSENT);
    let view_text = memo(move || row.item.with(|x| x.view.clone()));
    let read = Signal::derive(move || {
        row.item.with(|x| Line {
            lead: format!("{}.", row.index.get() + 1),
            text: x.view.clone(),
            empty: "No view written yet",
            meta: x.who.trim().to_string(),
            ..Line::default()
        })
    });
    let key = dissent_key(&id);
    let aside_key = key.clone();
    let aside = move || view! { <FieldHints key=aside_key.clone() text=view_text.into() /> };
    let fields = move || {
        let key = key.clone();
        view! {
            <div class="row-item-fields">
                {row.text(&WHO, None)}
                {row.text(&VIEW, Some(key))}
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
