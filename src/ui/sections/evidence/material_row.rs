use leptos::prelude::*;

use crate::domain::{Edit, LinkKind, PostMortem};
use crate::ui::widgets::{choice_options, Entry, ListRow, RowKind, RowSelect, RowText, UndoNote};

static MATERIAL: RowKind<crate::domain::Link> = RowKind {
    kind: crate::domain::ListKind::Materials,
    noun: "material",
    prefix: "material",
    focus: "url",
    add: "material-add",
    list: |d: &PostMortem| &d.evidence.materials,
    edit: Edit::Material,
};

/// One piece of supporting material: what it is, a label and its address.
#[component]
pub fn MaterialRow(id: String, removed: UndoNote) -> impl IntoView {
    let row = ListRow::new(&id, &MATERIAL);
    let kind = Memo::new(move |_| row.item.with(|m| m.kind.slug().to_string()));
    let label = Memo::new(move |_| row.item.with(|m| m.label.clone()));
    let url = Memo::new(move |_| row.item.with(|m| m.url.clone()));
    let kinds = choice_options::<LinkKind>();
    let read = move || {
        row.item.with(|m| {
            let label = m.label.trim().to_string();
            let url = m.url.trim().to_string();
            let empty = label.is_empty() && url.is_empty();
            let text = if empty {
                "Nothing linked yet".to_string()
            } else if label.is_empty() {
                url.clone()
            } else {
                label
            };
            view! {
                <span class="read-number">{format!("{}.", row.index.get() + 1)}</span>
                <span class="read-text" class:read-empty=empty>{text}</span>
                <span class="read-meta">{m.kind.label()}</span>
            }
        })
    };
    let fields = move || {
        let kinds = kinds.clone();
        view! {
            <div class="row-item-fields">
                    <RowSelect
                        id=row.dom_id("kind")
                        label="Kind"
                        suffix=row.suffix
                        options=kinds
                        value=kind.into()
                        on_change=Callback::new(move |v: String| {
                            if let Some(k) = LinkKind::from_slug(&v) {
                                row.update(&|m| m.kind = k);
                            }
                        })
                    />
                    <RowText
                        id=row.dom_id("label")
                        label="Label"
                        suffix=row.suffix
                        placeholder="e.g. Error rate, 14:00–15:00"
                        value=label.into()
                        on_change=Callback::new(move |v: String| row.update(&|m| m.label = v.clone()))
                    />
                    <RowText
                        id=row.dom_id("url")
                        label="Address"
                        suffix=row.suffix
                        input_type="url"
                        placeholder="https://"
                        value=url.into()
                        on_change=Callback::new(move |v: String| row.update(&|m| m.url = v.clone()))
                    />
                {row.remove_button(removed)}
            </div>
        }
    };
    view! {
        <li class="row-item material">
            <Entry prefix=row.entry_prefix() first=row.first_field() name=row.name() read=read>
                {fields()}
            </Entry>
        </li>
    }
}
