//! Debrief: a blameless post-mortem editor that runs entirely in the browser.
//!
//! The crate is built in floors (see the README): `domain` at the bottom, pure
//! and native; `export` and `storage` above it; `ui` on top. Each floor only
//! uses the ones below it.

pub mod domain;
pub mod export;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
