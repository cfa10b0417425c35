use leptos::prelude::*;

use crate::domain::disclosure::shown_in_order;
use crate::domain::display_title;
use crate::domain::{Field, Scope, Section};
use crate::ui::archive::{provide_stored_archive, TagSuggestions};
use crate::ui::export_menu::{ExportMenu, ExportReminder, MergePanel};
use crate::ui::facilitator::Facilitator;
use crate::ui::focus::focus_soon;
use crate::ui::hints::provide_focused_hint_key;
use crate::ui::memo::memo;
use crate::ui::nav::SectionNav;
use crate::ui::printing::{install_print, Printing};
use crate::ui::report::Report;
use crate::ui::route::Route;
use crate::ui::save_indicator::SaveIndicator;
use crate::ui::save_problem::SaveProblem;
use crate::ui::sections::fold::{FoldableSection, Folds};
use crate::ui::sections::slug;
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{dom_id, keyed, provide_all_entries_open};

/// The open post-mortem: header, table of contents and the sections as one
/// long document, the way people read and write a report.
#[component]
pub fn EditorPage() -> impl IntoView {
    let editor = use_editor();
    let facilitating = RwSignal::new(false);
    let printing = install_print();
    provide_context(Printing(printing));
    provide_focused_hint_key();
    provide_all_entries_open();
    let stored = provide_stored_archive();
    // A draft with no title yet opens with the cursor in the title: the first
    // keystroke after choosing a template names the post-mortem.
    Effect::new(move |prev: Option<String>| {
        let (id, untitled) = editor.read(Scope::Field(Field::Title), |d| {
            (d.id.clone(), d.context.title.trim().is_empty())
        });
        if prev.as_deref() != Some(id.as_str()) && untitled && !editor.is_read_only() {
            focus_soon(dom_id(Field::Title.key()));
        }
        id
    });
    // An untitled draft is named the way its export will be (its first
    // written line, else its date), not "Untitled". The top bar's copy of the
    // title follows the pause in typing, not each keystroke: changing text in
    // the bar would make every key in the title field re-lay out and repaint
    // the page around it.
    let shown_title = memo(move || {
        editor.settled(|d| {
            if d.context.title.trim().is_empty() {
                display_title(d)
            } else {
                d.context.title.clone()
            }
        })
    });
    let sections: Memo<Vec<Section>> = memo(move || editor.read(Scope::Sections, shown_in_order));
    Folds::provide(editor);
    view! {
        <div class="editor">
            <header class="topbar">
                <a class="brand" href=Route::Library.href() aria-label="Debrief: all post-mortems">
                    "Debrief"
                </a>
                <p class="doc-title" aria-hidden="true">
                    {move || shown_title.get()}
                </p>
                <div class="tools">
                    <button
                        type="button"
                        class="icon"
                        title="Undo (Ctrl+Z)"
                        aria-label="Undo"
                        aria-keyshortcuts="Control+Z"
                        disabled=move || !editor.can_undo()
                        on:click=move |_| editor.undo()
                    >
                        "↶"
                    </button>
                    <button
                        type="button"
                        class="icon"
                        title="Redo (Ctrl+Shift+Z)"
                        aria-label="Redo"
                        aria-keyshortcuts="Control+Shift+Z"
                        disabled=move || !editor.can_redo()
                        on:click=move |_| editor.redo()
                    >
                        "↷"
                    </button>
                    <SaveIndicator />
                    <button type="button" id="facilitate-button" on:click=move |_| facilitating.set(true)>
                        "Facilitate"
                    </button>
                    <ExportMenu />
                </div>
            </header>
            <SaveProblem />
            <TagSuggestions stored=stored />
            <ExportReminder />
            <MergePanel />
            <Show when=move || printing.get()>
                <div class="print-only">
                    <Report doc=Signal::derive(move || editor.every_change(Clone::clone)) />
                </div>
            </Show>
            <Show when=move || facilitating.get()>
                <Facilitator open=facilitating />
            </Show>
            <div class="layout">
                <SectionNav />
                <main id="main" class="document">
                    <h1 class="visually-hidden">
                        {move || shown_title.get()}
                    </h1>
                    // A read-only document (newer format, shared link) disables
                    // every control at once, so nothing typed is silently dropped.
                    <fieldset class="plain" prop:disabled=move || editor.is_read_only()>
                        <legend class="visually-hidden">"Post-mortem"</legend>
                        {keyed(sections, |s| slug(*s).to_string(), |s| view! { <FoldableSection section=s /> }.into_any())}
                    </fieldset>
                </main>
            </div>
        </div>
    }
}
