//! Floor 2: turning a post-mortem into files (JSON, Markdown) and links, and
//! back. Pure functions.

pub mod anonymise;
pub mod csv;
pub mod insights;
pub mod json;
pub mod markdown;
pub mod merge;
#[cfg(feature = "schema")]
pub mod schema;
pub mod share;
pub mod tickets;
