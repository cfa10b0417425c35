//! A section the author has not started costs a line: its name and what it
//! is for, opened by a click or Enter. The rule for which sections start
//! folded is the domain's (`disclosure::starts_folded`); this keeps the
//! open/closed state of each section for the open document.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::domain::disclosure::starts_folded;
use crate::domain::{Scope, Section};
use crate::ui::focus::focus_soon;
use crate::ui::memo::effect;
use crate::ui::state::{use_editor, Editor};
use crate::ui::widgets::Show;

use super::{label, slug, view_of};

/// Which sections are folded, per open document. The flags are reference
/// counted rather than owned by the section that shows them: a section
/// leaves the page when the template or another document hides it, and its
/// flag must outlive it.
#[derive(Clone, Copy)]
pub struct Folds {
    editor: Editor,
    open: StoredValue<HashMap<Section, ArcRwSignal<bool>>, LocalStorage>,
}

impl Folds {
    pub fn provide(editor: Editor) -> Folds {
        let folds = Folds {
            editor,
            open: StoredValue::new_local(HashMap::new()),
        };
        // Another document opened: each section folds or opens by its rule
        // again. Undo and other whole-document changes leave folds alone, so
        // a section the author just opened does not snap shut. The id seen
        // is taken now, not on the effect's first run: the document may be
        // loaded before that run, and its sections must not keep the folds
        // of the empty document the page was first drawn with.
        let seen = StoredValue::new_local(editor.peek(|d| d.id.clone()));
        effect(move || {
            let id = editor.read(Scope::Sections, |d| d.id.clone());
            if seen.with_value(|s| *s != id) {
                seen.set_value(id);
                let signals: Vec<(Section, ArcRwSignal<bool>)> = folds
                    .open
                    .with_value(|m| m.iter().map(|(s, o)| (*s, o.clone())).collect());
                for (s, o) in signals {
                    o.set(!editor.peek(|d| starts_folded(d, s)));
                }
            }
        });
        provide_context(folds);
        folds
    }

    fn signal(&self, section: Section) -> ArcRwSignal<bool> {
        if let Some(s) = self.open.with_value(|m| m.get(&section).cloned()) {
            return s;
        }
        let start = !self.editor.peek(|d| starts_folded(d, section));
        let s = ArcRwSignal::new(start);
        self.open.update_value(|m| {
            m.insert(section, s.clone());
        });
        s
    }

    /// Opens a section (a jump from the table of contents or from "what is
    /// missing" lands in it open). Whether it was folded.
    pub fn open(&self, section: Section) -> bool {
        let s = self.signal(section);
        let was_folded = !s.get_untracked();
        if was_folded {
            s.set(true);
        }
        was_folded
    }
}

pub fn use_folds() -> Option<Folds> {
    use_context::<Folds>()
}

/// What a folded section is for, in one line.
fn purpose(s: Section) -> &'static str {
    match s {
        Section::Context => "What happened, how bad, when, and who was involved.",
        Section::Timeline => "What happened when, from the first sign to the all-clear.",
        Section::Accounts => {
            "Each person's account, in their words: what they saw, knew and tried."
        }
        Section::Regret => "Acknowledge the impact, and what customers and responders were told.",
        Section::Reason => "Why it happened: the story and the contributing factors.",
        Section::Remedy => "What will change, with owners and dates.",
        Section::Lessons => "What helped, what slowed the response, where the team got lucky.",
        Section::Questions => "A checklist of questions worth asking before the review is done.",
        Section::Meeting => "Check-in, dissent and the dates of the review meetings.",
        Section::Evidence => "Chat excerpts, notes and links to graphs and tickets.",
        Section::Basics => "The short list every post-mortem should cover.",
    }
}

/// A section, folded to its heading and one line until opened.
#[component]
pub fn FoldableSection(section: Section) -> impl IntoView {
    let editor = use_editor();
    let folds = use_folds().unwrap_or_else(|| Folds::provide(editor));
    // An arena handle for this section's lifetime, over the shared flag.
    let open = RwSignal::from(folds.signal(section));
    let slug = slug(section);
    view! {
        <Show
            when=move || open.get()
            fallback=move || {
                view! {
                    <section class="section folded" id=format!("section-{slug}") aria-labelledby=format!("h-{slug}")>
                        <h2 id=format!("h-{slug}") tabindex="-1" class="fold-head">
                            <button
                                type="button"
                                class="fold-open"
                                aria-expanded="false"
                                aria-controls=format!("section-{slug}")
                                on:click=move |_| {
                                    open.set(true);
                                    focus_soon(format!("h-{slug}"));
                                }
                            >
                                <span class="fold-name">{label(section)}</span>
                                <span class="fold-purpose">{purpose(section)}</span>
                            </button>
                        </h2>
                    </section>
                }
            }
        >
            {view_of(section)}
        </Show>
    }
}
