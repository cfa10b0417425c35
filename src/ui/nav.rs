use leptos::prelude::*;

use crate::domain::{Edit, Scope, Section};
use crate::ui::focus::focus_now;
use crate::ui::hints::ReviewPanel;
use crate::ui::progress::{use_completeness, MissingList};
use crate::ui::sections::{label, slug};
use crate::ui::state::use_editor;

/// The table of contents beside the document: jumps to a section by keyboard
/// or pointer, and offers the sections the template left out.
#[component]
pub fn SectionNav() -> impl IntoView {
    let editor = use_editor();
    let shown = Memo::new(move |_| {
        editor.read(Scope::Sections, |d| {
            Section::ALL
                .iter()
                .copied()
                .filter(|s| d.sections.contains(s))
                .collect::<Vec<_>>()
        })
    });
    let hidden = Memo::new(move |_| {
        editor.read(Scope::Sections, |d| {
            Section::ALL
                .iter()
                .copied()
                .filter(|s| !d.sections.contains(s))
                .collect::<Vec<_>>()
        })
    });
    let c = use_completeness(editor);
    let pct = move |s: Section| c.with(|c| c.section(s).map(|x| x.percent).unwrap_or(0));
    view! {
        <nav class="toc" aria-label="Sections">
            <MissingList />
            <ol>
                <For
                    each=move || shown.get()
                    key=|s| *s
                    children=move |s| {
                        view! {
                            <li>
                                <a
                                    href=format!("#/section/{}", slug(s))
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        focus_now(&format!("h-{}", slug(s)));
                                    }
                                >
                                    <span>{label(s)}</span>
                                    <span class="pct" aria-label=move || format!("{} percent complete", pct(s))>{move || format!("{}%", pct(s))}</span>
                                </a>
                            </li>
                        }
                    }
                />
            </ol>
            <ReviewPanel />
            <Show when=move || !hidden.with(Vec::is_empty)>
                <div class="toc-add">
                    <p class="help">"Add a section"</p>
                    <For
                        each=move || hidden.get()
                        key=|s| *s
                        children=move |s| {
                            view! {
                                <button type="button" class="link" on:click=move |_| editor.edit(Edit::ShowSection(s, true))>
                                    "+ "
                                    {label(s)}
                                </button>
                            }
                        }
                    />
                </div>
            </Show>
        </nav>
    }
}
