//! Floor 3: the Leptos user interface. Components read the document through
//! `state::Editor` and change it only with domain `Edit`s; storage is reached
//! only through the storage floor.

mod app;
mod archive;
mod autosave;
pub mod compression;
pub mod deadline;
mod download;
mod editor_page;
mod export_menu;
mod facilitator;
mod files;
mod focus;
mod follow_ups;
pub mod hints;
mod insights;
mod library;
mod memo;
mod nav;
mod printing;
mod progress;
mod report;
mod reveal;
mod route;
mod save_indicator;
mod save_problem;
pub mod sections;
pub mod state;
mod tickets;
mod top_bar;
pub mod tree;
mod tz;
mod update_banner;
pub mod widgets;

/// Mounts the app on `<body>` and marks the page ready (tests and the
/// benchmark wait for `body[data-ready]`).
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
    let _ = leptos::prelude::document()
        .body()
        .map(|b| b.set_attribute("data-ready", "1"));
}
