//! The print view: rendered only while printing, whether the print comes from
//! the File menu or from the browser's own menu. Its own module so that the
//! editor page (which installs it) and the File menu (which prints) both
//! depend on it instead of on each other.

use leptos::prelude::*;

/// Whether the print view is rendered. It is built only while printing so
/// that typing never pays for re-rendering a whole report.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

impl Printing {
    /// Renders the report, then opens the browser's print dialog.
    pub fn print(&self) {
        self.0.set(true);
        set_body_class(true);
        set_timeout(
            || {
                let _ = window().print();
            },
            std::time::Duration::from_millis(50),
        );
    }
}

fn set_body_class(on: bool) {
    if let Some(body) = document().body() {
        let list = body.class_list();
        let _ = if on {
            list.add_1("printing")
        } else {
            list.remove_1("printing")
        };
    }
}

/// Printing from the browser's own menu (Ctrl+P) gets the report too.
pub fn install_print() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        printing.set(true);
        set_body_class(true);
    });
    let after = window_event_listener(leptos::ev::afterprint, move |_| {
        printing.set(false);
        set_body_class(false);
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    printing
}
