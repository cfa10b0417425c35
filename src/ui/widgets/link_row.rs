use leptos::prelude::*;

use super::{choice_options, Entry, Line, ListRow, RowKind, RowSelect, TextPart, UndoNote};
use crate::domain::{Link, LinkKind};
use crate::ui::memo::memo;

static LABEL: TextPart<Link> =
    TextPart::<Link>::new("label", "Label", |m| &m.label, |m| &mut m.label)
        .placeholder("e.g. Error rate, 14:00–15:00");
static URL: TextPart<Link> = TextPart::<Link>::new("url", "Address", |m| &m.url, |m| &mut m.url)
    .placeholder("https://")
    .url();

/// One link of a list of links: the context's tickets and channels, or the
/// evidence's supporting material. Both are the same kind of item (what it
/// is, a label and an address), so one row serves both lists; `kind` says
/// which list it edits.
#[component]
pub fn LinkRow(
    id: String,
    removed: UndoNote,
    kind: &'static RowKind<Link>,
    /// Whether the closed line leads with its number (material is cited by
    /// number; the context's links are not).
    #[prop(optional)]
    numbered: bool,
) -> impl IntoView {
    let row = ListRow::new(&id, kind);
    let link_kind = memo(move || row.item.with(|m| m.kind.slug().to_string()));
    let kinds = choice_options::<LinkKind>();
    let read = Signal::derive(move || {
        row.item.with(|m| Line {
            lead: if numbered {
                format!("{}.", row.index.get() + 1)
            } else {
                String::new()
            },
            text: if m.label.trim().is_empty() {
                m.url.clone()
            } else {
                m.label.clone()
            },
            empty: "Nothing linked yet",
            meta: m.kind.label().to_string(),
            ..Line::default()
        })
    });
    let fields = move || {
        let kinds = kinds.clone();
        view! {
            <div class="row-item-fields">
                <RowSelect
                    id=row.dom_id("kind")
                    label="Kind"
                    suffix=row.suffix
                    options=kinds
                    value=link_kind.into()
                    on_change=Callback::new(move |v: String| {
                        if let Some(k) = LinkKind::from_slug(&v) {
                            row.update(&|m| m.kind = k);
                        }
                    })
                />
                {row.text(&LABEL, None)}
                {row.text(&URL, None)}
                {row.remove_button(removed)}
            </div>
        }
    };
    view! {
        <li class=format!("row-item {}", kind.prefix)>
            <Entry prefix=row.entry_prefix() first=row.first_field() name=row.name() read=read>
                {fields()}
            </Entry>
        </li>
    }
}
