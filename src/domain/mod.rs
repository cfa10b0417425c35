//! Floor 1: the post-mortem as plain data and the pure functions over it.
//! Nothing here touches the browser, so all of it is tested natively.

pub mod chart;
pub mod completeness;
pub mod durations;
pub mod edit;
pub mod example;
pub mod hints;
pub mod history;
pub mod meeting;
pub mod migrate;
pub mod model;
pub mod paste;
pub mod smart;
pub mod template;
pub mod validate;
pub mod zone;

pub use edit::{apply, Edit, Field, ListEdit};
pub use migrate::{migrate, parse, LoadError};
pub use model::*;
pub use template::new_postmortem;
pub use validate::{validate, Problem};

/// Serialises a document as pretty JSON. Infallible for this data: every map
/// key is a string and no value is a non-finite float.
pub fn to_json(doc: &PostMortem) -> String {
    serde_json::to_string_pretty(doc).unwrap_or_default()
}
