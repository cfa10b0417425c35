use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::reorder::Reorder;
use crate::domain::hints::factor_key;
use crate::domain::insights::factor_seen;
use crate::domain::{optional_slug, Edit, Factor, FactorCategory, ListEdit, ListKind, Scope};
use crate::ui::archive::{use_stored_archive, TAG_SUGGESTIONS};
use crate::ui::focus::{focus_entry, focus_soon};
use crate::ui::hints::FieldHints;
use crate::ui::memo::{memo, row};
use crate::ui::state::use_editor;
use crate::ui::widgets::{
    optional_options, Chips, CiteLinks, CitePicker, Entry, Line, RowSelect, RowText, SeenBefore,
    NOT_SET,
};

/// One contributing factor: what it was, its category, and controls to move
/// or remove it.
#[component]
pub fn FactorRow(id: String, reorder: Reorder) -> impl IntoView {
    let editor = use_editor();
    let factor = row(editor, ListKind::Factors, &id, |d| &d.reason.factors);
    let pid = id.clone();
    // (index, count): drives the row number, labels and the Move buttons.
    let place = memo(move || {
        editor.read(Scope::List(ListKind::Factors), |d| {
            let list = &d.reason.factors;
            (
                list.iter().position(|f| f.id == pid).unwrap_or(0),
                list.len(),
            )
        })
    });
    let number = move || place.get().0 + 1;
    let suffix = Signal::derive(move || format!(" of factor {}", number()));
    let update = move |f: &dyn Fn(&mut Factor)| {
        let mut x = factor.get_untracked();
        f(&mut x);
        editor.edit(Edit::Factor(ListEdit::Update(x)));
    };
    let description = memo(move || factor.with(|f| f.description.clone()));
    let category = memo(move || factor.with(|f| optional_slug(f.category).to_string()));
    let categories = optional_options::<FactorCategory>(NOT_SET);
    let tags = memo(move || factor.with(|f| f.tags.clone()));
    let cites = memo(move || factor.with(|f| f.cites.clone()));
    // Other stored post-mortems carrying this factor's tags. Only the tags
    // and the category matter, so typing the description does not re-run it.
    let stored = use_stored_archive();
    let doc_id = editor.peek(|d| d.id.clone());
    let kind = memo(move || factor.with(|f| (f.tags.clone(), f.category)));
    let seen = memo(move || {
        let (tags, category) = kind.get();
        let probe = Factor {
            tags,
            category,
            ..Factor::default()
        };
        // `try_`: the archive goes with the page, which may be leaving.
        stored
            .and_then(|s| {
                s.archive
                    .try_with(|a| factor_seen(&probe, &doc_id, &a.docs))
            })
            .unwrap_or_default()
    });

    let step = {
        let id = id.clone();
        move |delta: isize| {
            let (at, _) = place.get_untracked();
            let to = at as isize + delta;
            if to >= 0 {
                reorder.move_to(&editor, &id, to as usize);
            }
        }
    };
    let on_keydown = {
        let step = step.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            match ev.key().as_str() {
                "ArrowUp" => {
                    ev.prevent_default();
                    step(-1);
                }
                "ArrowDown" => {
                    ev.prevent_default();
                    step(1);
                }
                _ => {}
            }
        }
    };

    // Drag and drop: only the handle starts a drag, so selecting text in the
    // description still works. Dropping on a row takes that row's place.
    let drag_id = id.clone();
    let on_dragstart = move |ev: leptos::ev::DragEvent| {
        if let Some(dt) = ev.data_transfer() {
            let _ = dt.set_data("text/plain", &drag_id);
            dt.set_effect_allowed("move");
            let row = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("li").ok().flatten());
            if let Some(row) = row {
                dt.set_drag_image(&row, 24, 24);
            }
        }
        reorder.dragging.set(Some(drag_id.clone()));
    };
    let over_id = id.clone();
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        let Some(src) = reorder.dragging.get_untracked() else {
            return;
        };
        // Allowing the drop is what makes this row a drop target.
        ev.prevent_default();
        if let Some(dt) = ev.data_transfer() {
            dt.set_drop_effect("move");
        }
        let target = (src != over_id).then(|| over_id.clone());
        if reorder.over.get_untracked() != target {
            reorder.over.set(target);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(src) = reorder.dragging.get_untracked() {
            let (to, _) = place.get_untracked();
            reorder.move_to(&editor, &src, to);
        }
        reorder.dragging.set(None);
        reorder.over.set(None);
    };
    let on_dragend = move |_: leptos::ev::DragEvent| {
        reorder.dragging.set(None);
        reorder.over.set(None);
    };

    // Where the drop line shows: above the row when the dragged factor comes
    // from below, below it when it comes from above.
    let cls_id = id.clone();
    let row_class = move || {
        let mut c = String::from("row-item factor");
        if reorder.dragging.get().as_deref() == Some(cls_id.as_str()) {
            c.push_str(" dragging");
        }
        if reorder.over.get().as_deref() == Some(cls_id.as_str()) {
            let from = reorder
                .dragging
                .get()
                .and_then(|src| editor.peek(|d| d.reason.factors.iter().position(|f| f.id == src)));
            let (here, _) = place.get();
            c.push_str(match from {
                Some(f) if f < here => " drop-after",
                _ => " drop-before",
            });
        }
        c
    };

    let up = step.clone();
    let down = step;
    let rid = id.clone();
    let remove = move |_| {
        let (at, count) = place.get_untracked();
        let label = format!("Removed factor {}.", at + 1);
        // Keep the keyboard in the list: the next factor, else the previous,
        // else the add button's neighbourhood (the list heading).
        let next_focus = editor.peek(|d| {
            let list = &d.reason.factors;
            if at + 1 < count {
                Some(list[at + 1].id.clone())
            } else if at > 0 {
                Some(list[at - 1].id.clone())
            } else {
                None
            }
        });
        editor.edit(Edit::Factor(ListEdit::Remove(rid.clone())));
        reorder
            .removed
            .removed(&editor, label, format!("factor-{rid}-description"));
        // The neighbour's line, not its fields: removing one factor is not
        // a wish to edit the next.
        match next_focus {
            Some(n) => focus_entry(
                format!("factor-{n}-read"),
                format!("factor-{n}-description"),
            ),
            None => focus_soon("factors-add".to_string()),
        }
    };

    let read = Signal::derive(move || {
        factor.with(|f| Line {
            lead: format!("{}.", number()),
            text: f.description.clone(),
            empty: "Not described yet",
            meta: f
                .category
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
            tags: f.tags.clone(),
            ..Line::default()
        })
    });
    let hint_key = factor_key(&id);
    let aside_key = hint_key.clone();
    let seen_id = format!("factor-{id}-seen");
    let aside = move || {
        view! {
            <FieldHints key=aside_key.clone() text=description.into() />
            <CiteLinks cites=cites.into() />
            <SeenBefore seen=seen id=seen_id.clone() />
        }
    };
    let fields = {
        let id = id.clone();
        move || {
            let (up, down, remove) = (up.clone(), down.clone(), remove.clone());
            view! {
                <div class="row-head">
                    <span class="row-number" aria-hidden="true">
                        {move || format!("Factor {}", number())}
                    </span>
                    <div class="row-tools">
                        <button
                            type="button"
                            class="icon small"
                            id=format!("factor-{id}-up")
                            title="Move up (Alt+Arrow Up)"
                            aria-label=move || format!("Move up: factor {}", number())
                            aria-keyshortcuts="Alt+ArrowUp"
                            disabled=move || place.get().0 == 0
                            on:click=move |_| up(-1)
                        >
                            "↑"
                        </button>
                        <button
                            type="button"
                            class="icon small"
                            title="Move down (Alt+Arrow Down)"
                            aria-label=move || format!("Move down: factor {}", number())
                            aria-keyshortcuts="Alt+ArrowDown"
                            disabled=move || {
                                let (at, count) = place.get();
                                at + 1 >= count
                            }
                            on:click=move |_| down(1)
                        >
                            "↓"
                        </button>
                        <button
                            type="button"
                            class="remove"
                            aria-label=move || format!("Remove factor {}", number())
                            on:click=remove
                        >
                            "Remove"
                        </button>
                    </div>
                </div>
                <div class="factor-fields">
                    <RowText
                        id=format!("factor-{id}-description")
                        hint_key=factor_key(&id)
                        label="Description"
                        suffix=suffix
                        multiline=true
                        placeholder="e.g. The certificate expiry alert went to a retired mailbox"
                        value=description.into()
                        on_change=Callback::new(move |v: String| update(&|f| f.description = v.clone()))
                    />
                    <RowSelect
                        id=format!("factor-{id}-category")
                        label="Category"
                        suffix=suffix
                        options=categories.clone()
                        value=category.into()
                        on_change=Callback::new(move |v: String| {
                            let c = FactorCategory::from_slug(&v);
                            update(&|f| f.category = c);
                        })
                    />
                    <Chips
                        id=format!("factor-{id}-tags")
                        label="Tags"
                        noun="tag"
                        suffix=suffix
                        suggestions=TAG_SUGGESTIONS
                        values=tags.into()
                        on_change=Callback::new(move |v: Vec<String>| update(&|f| f.tags = v.clone()))
                    />
                    <CitePicker
                        id=format!("factor-{id}-cites")
                        key=format!("reason.factors.{id}.cites")
                        suffix=suffix
                        cites=cites.into()
                        on_change=Callback::new(move |c: Vec<crate::domain::Cite>| update(&|f| f.cites = c.clone()))
                    />
                </div>
                <SeenBefore seen=seen id=format!("factor-{id}-seen-open") />
            }
        }
    };

    view! {
        <li
            class=row_class
            id=format!("factor-{id}")
            on:keydown=on_keydown
            on:dragover=on_dragover
            on:drop=on_drop
            on:dragend=on_dragend
        >
            <span
                class="drag-handle"
                draggable="true"
                title="Drag to reorder"
                aria-hidden="true"
                on:dragstart=on_dragstart
            >
                "⠿"
            </span>
            <Entry
                prefix=format!("factor-{id}")
                key=hint_key.trim_end_matches(".description").to_string()
                first=format!("factor-{id}-description")
                name=Signal::derive(move || format!("factor {}", number()))
                read=read
                aside=aside
            >
                {fields.clone()()}
            </Entry>
        </li>
    }
}
