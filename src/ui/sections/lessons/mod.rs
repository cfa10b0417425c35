//! Lessons: seven short lists, each answering one question about the
//! response, kept as separate entries so they can be counted, compared
//! across incidents and turned into actions.

mod entry;
mod list;

use leptos::prelude::*;

use crate::ui::widgets::SectionFrame;

use crate::domain::LessonKind;

pub use list::LessonList;

/// Slug used in element ids (`lesson-helped-<id>`).
pub fn kind_slug(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Helped => "helped",
        LessonKind::Slowed => "slowed",
        LessonKind::Differently => "differently",
        LessonKind::Learned => "learned",
        LessonKind::Lucky => "lucky",
        LessonKind::Expertise => "expertise",
        LessonKind::Signals => "signals",
    }
}

/// Heading of each list.
pub fn kind_title(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Helped => "What helped us",
        LessonKind::Slowed => "What slowed us down",
        LessonKind::Differently => "What we would try differently",
        LessonKind::Learned => "What we know now that we did not before",
        LessonKind::Lucky => "Where we got lucky",
        LessonKind::Expertise => "Expert knowledge we relied on",
        LessonKind::Signals => "Earlier warning signs",
    }
}

/// The prompt under each heading, in Debrief's own words.
pub fn kind_prompt(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Helped => {
            "Whatever made the response quicker or calmer: a tool, a runbook, a habit, someone who happened to know."
        }
        LessonKind::Slowed => {
            "Friction along the way: missing access, noisy or silent alerts, unclear ownership, waiting on someone."
        }
        LessonKind::Differently => {
            "Looking forward rather than back: with what we know today, what would we try next time?"
        }
        LessonKind::Learned => {
            "Facts about our systems, our tools or ourselves that this incident taught us."
        }
        LessonKind::Lucky => {
            "Things that went our way by chance. Luck is not a plan: each one marks a risk worth a look."
        }
        LessonKind::Expertise => {
            "Tricks and shortcuts the responders used, and the dashboards or logs they have learned not to trust. Knowledge that lives in one head is worth writing down."
        }
        LessonKind::Signals => {
            "Near misses and odd signals that showed up before this incident and turn out to be connected to it."
        }
    }
}

#[component]
pub fn LessonsSection() -> impl IntoView {
    view! {
        <SectionFrame slug="lessons" title="Lessons" guide="Short entries, one thought each. Enter starts the next entry, Shift+Enter adds a line break, and Backspace in an empty entry removes it.">
            {LessonKind::ALL.iter().map(|k| view! { <LessonList kind=*k /> }).collect_view()}
        </SectionFrame>
    }
}
