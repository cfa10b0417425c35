//! One module per post-mortem section. `view_of` is the single place that
//! knows which component draws which section.

pub mod basics;
pub mod context;
pub mod timeline;

use leptos::prelude::*;

use crate::domain::Section;

pub fn label(s: Section) -> &'static str {
    match s {
        Section::Context => "Context",
        Section::Regret => "Regret",
        Section::Reason => "Reason",
        Section::Timeline => "Timeline",
        Section::Remedy => "Remedy",
        Section::Lessons => "Lessons",
        Section::Questions => "Questions",
        Section::Meeting => "Meeting aids",
        Section::Evidence => "Evidence and notes",
        Section::Basics => "Basics",
    }
}

pub fn slug(s: Section) -> &'static str {
    match s {
        Section::Context => "context",
        Section::Regret => "regret",
        Section::Reason => "reason",
        Section::Timeline => "timeline",
        Section::Remedy => "remedy",
        Section::Lessons => "lessons",
        Section::Questions => "questions",
        Section::Meeting => "meeting",
        Section::Evidence => "evidence",
        Section::Basics => "basics",
    }
}

/// The component for a section, or `None` while this build has none for it
/// (the editor then leaves it out rather than showing an empty shell).
pub fn view_of(s: Section) -> Option<AnyView> {
    match s {
        Section::Context => Some(view! { <context::ContextSection /> }.into_any()),
        Section::Timeline => Some(view! { <timeline::TimelineSection /> }.into_any()),
        Section::Basics => Some(view! { <basics::BasicsSection /> }.into_any()),
        _ => None,
    }
}

pub fn available(s: Section) -> bool {
    matches!(s, Section::Context | Section::Timeline | Section::Basics)
}
