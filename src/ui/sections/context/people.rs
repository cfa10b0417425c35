use leptos::prelude::*;

use crate::domain::{Edit, ListKind, Person, PostMortem, ReviewRole};
use crate::ui::memo::memo;
use crate::ui::widgets::{
    choice_options, Entry, Line, ListRow, RowKind, RowSelect, TextPart, UndoNote,
};

pub static PERSON: RowKind<Person> = RowKind {
    kind: ListKind::People,
    noun: "person",
    prefix: "person",
    focus: "name",
    add: "person-add",
    list: |d: &PostMortem| &d.context.people,
    edit: Edit::Person,
};
static NAME: TextPart<Person> =
    TextPart::<Person>::new("name", "Name", |p| &p.name, |p| &mut p.name);
static RESPONSE: TextPart<Person> = TextPart::<Person>::new(
    "response",
    "Role in the response",
    |p| &p.response_role,
    |p| &mut p.response_role,
)
.placeholder("e.g. incident commander");

/// One person: a name, their role in the response and in the review.
#[component]
pub fn PersonRow(id: String, removed: UndoNote) -> impl IntoView {
    let row = ListRow::new(&id, &PERSON);
    let review = memo(move || row.item.with(|p| p.review_role.slug().to_string()));
    let roles = choice_options::<ReviewRole>();
    let read = Signal::derive(move || {
        row.item.with(|p| {
            let role = p.response_role.trim();
            Line {
                text: if role.is_empty() || p.name.trim().is_empty() {
                    p.name.trim().to_string()
                } else {
                    format!("{} — {role}", p.name.trim())
                },
                empty: "No name yet",
                meta: p.review_role.label().to_string(),
                ..Line::default()
            }
        })
    });
    let fields = move || {
        let roles = roles.clone();
        view! {
            <div class="row-item-fields">
                {row.text(&NAME, None)}
                {row.text(&RESPONSE, None)}
                <RowSelect
                    id=row.dom_id("review")
                    label="Role in the review"
                    suffix=row.suffix
                    options=roles
                    value=review.into()
                    on_change=Callback::new(move |v: String| {
                        if let Some(r) = ReviewRole::from_slug(&v) {
                            row.update(&|p| p.review_role = r);
                        }
                    })
                />
                {row.remove_button(removed)}
            </div>
        }
    };
    view! {
        <li class="row-item person">
            <Entry prefix=row.entry_prefix() first=row.first_field() name=row.name() read=read>
                {fields()}
            </Entry>
        </li>
    }
}
