//! Small input components shared by every section. Each reads one value
//! through a signal and reports changes through a callback, so sections wire
//! them to the document with a domain `Edit`.

mod chips;
mod datetime;
mod select;
mod text;

pub use chips::Chips;
pub use datetime::{DateInput, DateTimeInput};
pub use select::Select;
pub use text::{NumberInput, TextField, TextInput};

/// Element id for a field key (`context.title` → `context-title`), used by
/// labels, by "jump to the missing field" and by tests.
pub fn dom_id(key: &str) -> String {
    key.replace(['.', '[', ']'], "-")
        .trim_end_matches('-')
        .to_string()
}
