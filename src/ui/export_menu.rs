use leptos::prelude::*;

use crate::export::json::export_one;
use crate::ui::download::{download, file_stem};
use crate::ui::editor_page::Printing;
use crate::ui::state::use_editor;

/// Getting the post-mortem out of the browser: files, print, links.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let editor = use_editor();
    let error = RwSignal::new(None::<String>);
    let stem = move || editor.doc.with_untracked(|d| file_stem(&d.context.title));
    let json = move |_| {
        let text = editor.doc.with_untracked(export_one);
        match download(
            &format!("{}.debrief.json", stem()),
            "application/json",
            &text,
        ) {
            Ok(()) => editor.mark_exported(),
            Err(e) => error.set(Some(e)),
        }
    };
    let printing = expect_context::<Printing>();
    let print = move |_| printing.print();
    view! {
        <details class="menu">
            <summary>"Export"</summary>
            <div class="menu-items" role="group" aria-label="Export">
                <button type="button" on:click=json>
                    "Download JSON"
                    <span class="help">"Opens in any copy of Debrief, exactly as it is."</span>
                </button>
                <button type="button" on:click=print>
                    "Print or save as PDF"
                </button>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
        </details>
    }
}

/// A gentle reminder while the only copy of this post-mortem is in this
/// browser, whose data a person or the browser itself may clear.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let editor = use_editor();
    let show = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.exported.is_none() && !d.context.title.trim().is_empty())
    });
    view! {
        <Show when=move || show.get()>
            <p class="reminder" data-testid="export-reminder">"Only in this browser so far: export a copy to keep it safe."</p>
        </Show>
    }
}
