//! Floor 2: turning a post-mortem into files (JSON, Markdown). Pure functions.

pub mod json;
pub mod tickets;
