use leptos::prelude::*;

use super::{RowText, UndoNote};
use crate::domain::{Edit, HasId, ListEdit, ListKind, PostMortem, Scope};
use crate::ui::focus::{focus_entry, focus_soon};
use crate::ui::memo::{memo, row};
use crate::ui::state::{new_id, use_editor, Editor};

/// One kind of editable list row (conversations, materials, dissenting
/// views…): which list of the document it edits and how it is named. Plain
/// function pointers rather than closures, so the shared row code is compiled
/// once per element type and not once per call site.
pub struct RowKind<T: 'static> {
    /// Singular name used in labels and messages: "conversation".
    pub noun: &'static str,
    /// Element id prefix: fields are `<prefix>-<id>-<field>`.
    pub prefix: &'static str,
    /// The field that takes focus: on the neighbour after a removal, and on
    /// the restored row after an undo.
    pub focus: &'static str,
    /// The "add" button's element id, focused when the last row goes.
    pub add: &'static str,
    /// Which list: the scope its rows and order are read under.
    pub kind: ListKind,
    pub list: fn(&PostMortem) -> &Vec<T>,
    pub edit: fn(ListEdit<T>) -> Edit,
}

impl<T> RowKind<T>
where
    T: HasId + Default + Send + Sync + 'static,
{
    /// The ids of the list's entries in order, for its `<For>`. Read under
    /// the list's scope: re-run when an entry is added, removed or moved,
    /// not when one is typed in.
    pub fn ids(&'static self, editor: Editor) -> Memo<Vec<String>> {
        memo(move || {
            editor.read(Scope::List(self.kind), |d| {
                (self.list)(d).iter().map(|x| x.id().to_string()).collect()
            })
        })
    }

    /// Adds a blank entry at the end as one edit and puts the caret in
    /// `field`, the one an entry of this kind is added for.
    pub fn add_blank(&'static self, editor: Editor, field: &str) {
        let id = new_id();
        let mut item = T::default();
        *item.id_mut() = id.clone();
        editor.edit((self.edit)(ListEdit::Add(item, None)));
        focus_soon(dom_id(self.prefix, &id, field));
    }
}

/// One text field of a row, as data: the part of the item it edits and how
/// it is labelled. A row lists its text fields as a table of these and
/// `ListRow::text` draws each, so the rows of conversations, materials and
/// dissenting views differ only in their tables, not in copied markup.
pub struct TextPart<T: 'static> {
    /// Element id suffix: `<prefix>-<id>-<name>`.
    pub name: &'static str,
    pub label: &'static str,
    pub placeholder: &'static str,
    pub multiline: bool,
    /// A web address (`type="url"`).
    pub url: bool,
    /// Pasted chat: monospace, alignment kept.
    pub mono: bool,
    /// Takes the whole width of the row.
    pub wide: bool,
    pub get: fn(&T) -> &String,
    pub set: fn(&mut T) -> &mut String,
}

impl<T> TextPart<T> {
    pub const fn new(
        name: &'static str,
        label: &'static str,
        get: fn(&T) -> &String,
        set: fn(&mut T) -> &mut String,
    ) -> Self {
        TextPart {
            name,
            label,
            placeholder: "",
            multiline: false,
            url: false,
            mono: false,
            wide: false,
            get,
            set,
        }
    }
    pub const fn placeholder(mut self, p: &'static str) -> Self {
        self.placeholder = p;
        self
    }
    /// A growing textarea; it takes the row's whole width, as prose needs.
    pub const fn multiline(mut self) -> Self {
        self.multiline = true;
        self.wide = true;
        self
    }
    pub const fn url(mut self) -> Self {
        self.url = true;
        self
    }
    pub const fn mono(mut self) -> Self {
        self.mono = true;
        self
    }
    pub const fn wide(mut self) -> Self {
        self.wide = true;
        self
    }
}

/// What every row of a list needs: its item (read through a memo, so typing
/// in one row does not redraw the others), its place in the list, the suffix
/// that makes its labels unique for screen readers ("When of conversation
/// 2"), one-edit updates and removal with an undo offer.
pub struct ListRow<T: Send + Sync + 'static> {
    kind: &'static RowKind<T>,
    id: StoredValue<String>,
    editor: Editor,
    pub item: Memo<T>,
    pub index: Memo<usize>,
    pub suffix: Signal<String>,
}

// Derived Clone/Copy would demand `T: Copy`; every field is Copy regardless.
impl<T: Send + Sync + 'static> Clone for ListRow<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for ListRow<T> {}

impl<T> ListRow<T>
where
    T: HasId + Clone + Default + PartialEq + Send + Sync + 'static,
{
    pub fn new(id: &str, kind: &'static RowKind<T>) -> Self {
        let editor = use_editor();
        let item = row(editor, kind.kind, id, move |d| (kind.list)(d));
        let place = id.to_string();
        let index = memo(move || {
            editor
                .read(Scope::List(kind.kind), |d| {
                    (kind.list)(d).iter().position(|x| x.id() == place)
                })
                .unwrap_or(0)
        });
        let suffix = Signal::derive(move || format!(" of {} {}", kind.noun, index.get() + 1));
        Self {
            kind,
            id: StoredValue::new(id.to_string()),
            editor,
            item,
            index,
            suffix,
        }
    }

    /// The element id of one of this row's fields.
    pub fn dom_id(&self, field: &str) -> String {
        dom_id(self.kind.prefix, &self.id.get_value(), field)
    }

    /// The prefix of this row's element ids, under which its entry opens.
    pub fn entry_prefix(&self) -> String {
        format!("{}-{}", self.kind.prefix, self.id.get_value())
    }

    /// The field that takes the caret when the row's entry opens.
    pub fn first_field(&self) -> String {
        self.dom_id(self.kind.focus)
    }

    /// "conversation 2", for the entry's accessible name.
    pub fn name(&self) -> Signal<String> {
        let (noun, index) = (self.kind.noun, self.index);
        Signal::derive(move || format!("{noun} {}", index.get() + 1))
    }

    /// Changes this row's item as one edit.
    pub fn update(&self, change: &dyn Fn(&mut T)) {
        let mut item = self.item.get_untracked();
        change(&mut item);
        self.editor.edit((self.kind.edit)(ListEdit::Update(item)));
    }

    /// Removes the row, offers to undo it, and moves focus to the row that
    /// takes its place (or to the "add" button when none is left), so a
    /// keyboard user is never dropped at the top of the page.
    pub fn remove(&self, removed: UndoNote) {
        let (kind, editor) = (self.kind, self.editor);
        let id = self.id.get_value();
        let at = self.index.get_untracked();
        let neighbour = editor.peek(|d| {
            let list = (kind.list)(d);
            list.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| list.get(p)))
                .map(|x| x.id().to_string())
        });
        editor.edit((kind.edit)(ListEdit::Remove(id.clone())));
        removed.removed(
            &editor,
            format!("Removed {} {}.", kind.noun, at + 1),
            dom_id(kind.prefix, &id, kind.focus),
        );
        // The neighbour's closed line, not its fields: removing one entry is
        // not a wish to edit the next.
        match neighbour {
            Some(n) => focus_entry(
                dom_id(kind.prefix, &n, "read"),
                dom_id(kind.prefix, &n, kind.focus),
            ),
            None => focus_soon(kind.add.to_string()),
        }
    }

    /// One text field of this row, drawn from its `TextPart`; `hint_key`
    /// gives it the writing aid.
    pub fn text(self, part: &'static TextPart<T>, hint_key: Option<String>) -> AnyView {
        let value = memo(move || self.item.with(|x| (part.get)(x).clone()));
        let on_change =
            Callback::new(move |v: String| self.update(&|x| *(part.set)(x) = v.clone()));
        let control = view! {
            <RowText
                id=self.dom_id(part.name)
                label=part.label
                suffix=self.suffix
                placeholder=part.placeholder
                multiline=part.multiline
                class=if part.mono { "mono" } else { "" }
                input_type=if part.url { "url" } else { "" }
                hint_key=hint_key
                value=value.into()
                on_change=on_change
            />
        };
        if part.wide {
            view! { <div class="span-all">{control}</div> }.into_any()
        } else {
            control.into_any()
        }
    }

    /// The row's "Remove" button, named with the row's number.
    pub fn remove_button(self, removed: UndoNote) -> impl IntoView {
        view! {
            <button type="button" class="remove" on:click=move |_| self.remove(removed)>
                "Remove"
                <span class="visually-hidden">
                    {move || format!(" {} {}", self.kind.noun, self.index.get() + 1)}
                </span>
            </button>
        }
    }
}

fn dom_id(prefix: &str, id: &str, field: &str) -> String {
    format!("{prefix}-{id}-{field}")
}
