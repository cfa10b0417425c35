//! Small input components shared by every section. Each reads one value
//! through a signal and reports changes through a callback, so sections wire
//! them to the document with a domain `Edit`.

mod chips;
mod datetime;
mod list_row;
mod row_field;
mod select;
mod text;
mod undo_notice;

pub use chips::Chips;
pub use datetime::{DateInput, DateTimeInput};
pub use list_row::{ListRow, RowKind};
pub use row_field::{RowDateTime, RowSelect, RowText};
pub use select::{choice_options, optional_options, Select, NOT_SET};
pub use text::{grow, NumberInput, TextField, TextInput};
pub use undo_notice::{UndoNote, UndoNotice};

/// Element id for a field key (`context.title` → `context-title`), used by
/// labels, by "jump to the missing field" and by tests.
pub fn dom_id(key: &str) -> String {
    key.replace(['.', '[', ']'], "-")
        .trim_end_matches('-')
        .to_string()
}
