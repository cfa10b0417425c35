//! Small input components shared by every section. Each reads one value
//! through a signal and reports changes through a callback, so sections wire
//! them to the document with a domain `Edit`.

mod chips;
mod cites;
mod datetime;
mod entry;
mod file_pick;
mod guide;
mod keyed;
mod link_row;
mod list_row;
mod row_field;
mod row_group;
mod section_frame;
mod seen;
mod select;
mod show;
mod text;
mod undo_notice;

pub use chips::Chips;
pub use cites::{CiteLinks, CitePicker};
pub use datetime::{DateInput, DateTimeInput};
pub use entry::{provide_all_entries_open, AllEntriesOpen, Entry, EntryLeft, Line};
pub use file_pick::FilePick;
pub use guide::Guide;
pub use keyed::{keyed, keyed_ids};
pub use link_row::LinkRow;
pub use list_row::{ListRow, RowKind, TextPart};
pub use row_field::{RowDateTime, RowSelect, RowText};
pub use row_group::{Help, RowGroup};
pub use section_frame::SectionFrame;
pub use seen::SeenBefore;
pub use select::{
    choice_options, filter_from_value, filter_options, filter_value, optional_options, Select,
    NOT_SET,
};
pub use show::Show;
pub use text::{grow, NumberInput, TextField, TextInput};
pub use undo_notice::{UndoNote, UndoNotice};

pub use crate::domain::naming::dom_id;
