use leptos::prelude::*;

use super::{keyed_ids, Guide, RowKind, Show, UndoNote, UndoNotice};
use crate::domain::HasId;
use crate::ui::memo::memo;
use crate::ui::state::use_editor;

/// What a group of rows says about itself under its legend.
#[derive(Clone, Copy)]
pub enum Help {
    None,
    /// Guidance as one sentence with the rest behind "More" (`Guide`).
    Guide(&'static str),
    /// A prompt for an empty list: once the list was written when the
    /// document was opened, it steps aside (kept for screen readers), so a
    /// filled list reads as text.
    UntilWritten(&'static str),
}

/// The frame every simple list of the document shares (people, links,
/// conversations, supporting material, dissenting views): a group with its
/// legend and guidance, a line when it is empty, the rows, the offer to undo
/// a removal, and the add button. The lists differ only in these words and
/// in the row they draw, so they are data here rather than copied markup.
#[component]
pub fn RowGroup<T>(
    /// Which list, and how its rows are addressed.
    kind: &'static RowKind<T>,
    /// The group's element id.
    id: &'static str,
    legend: &'static str,
    #[prop(default = Help::None)] help: Help,
    /// The line shown while the list is empty; none leaves the space empty.
    #[prop(optional)]
    empty: Option<&'static str>,
    /// The field a new entry is added for: it takes the caret.
    field: &'static str,
    /// The add button's words.
    add_label: &'static str,
    /// Draws one row (a plain function, so this frame is compiled once per
    /// element type, not once per list).
    row: fn(String, UndoNote) -> AnyView,
) -> impl IntoView
where
    T: HasId + Default + Send + Sync + 'static,
{
    // Only what needs `T` is computed here; the frame itself is drawn by a
    // plain function, so its markup is compiled once rather than once per
    // element type.
    let editor = use_editor();
    let written = match help {
        Help::UntilWritten(_) => Some(memo(move || {
            editor.as_opened(|d| !(kind.list)(d).is_empty())
        })),
        _ => None,
    };
    frame(Frame {
        ids: kind.ids(editor),
        add_id: kind.add,
        add: Box::new(move || kind.add_blank(editor, field)),
        written,
        id,
        legend,
        help,
        empty,
        add_label,
        row,
    })
}

/// A `RowGroup` with its element type erased.
struct Frame {
    ids: Memo<Vec<String>>,
    add_id: &'static str,
    add: Box<dyn Fn() + Send + Sync>,
    /// Whether the list was written when the document was opened (only for
    /// `Help::UntilWritten`).
    written: Option<Memo<bool>>,
    id: &'static str,
    legend: &'static str,
    help: Help,
    empty: Option<&'static str>,
    add_label: &'static str,
    row: fn(String, UndoNote) -> AnyView,
}

fn frame(f: Frame) -> AnyView {
    // The closures below copy out the fields they use; `add` moves into the
    // button's handler.
    let (ids, written, row) = (f.ids, f.written, f.row);
    let removed = UndoNote::new();
    let help = match f.help {
        Help::None => None,
        Help::Guide(text) => Some(view! { <Guide class="help" text=text /> }.into_any()),
        Help::UntilWritten(text) => Some(
            view! {
                <p class="help" class:visually-hidden=move || written.is_some_and(|w| w.get())>
                    {text}
                </p>
            }
            .into_any(),
        ),
    };
    view! {
        <fieldset class="group" id=f.id>
            <legend>{f.legend}</legend>
            {help}
            {f.empty.map(|text| view! {
                <Show when=move || ids.with(Vec::is_empty)>
                    <p class="empty">{text}</p>
                </Show>
            })}
            <ul class="rows">{keyed_ids(ids, move |id| row(id, removed))}</ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id=f.add_id on:click=move |_| (f.add)()>
                {f.add_label}
            </button>
        </fieldset>
    }
    .into_any()
}
