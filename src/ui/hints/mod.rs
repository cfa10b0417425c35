//! The blameless writing aid in the editor: hints under the field they
//! concern, a review panel listing every open hint, and bias reminders. All
//! matching is the pure `domain::hints`; nothing leaves the browser.

mod bias_note;
mod field_hints;
mod review_panel;

pub use bias_note::BiasNote;
pub use field_hints::{provide_focused_hint_key, FieldHints};
pub use review_panel::ReviewPanel;
