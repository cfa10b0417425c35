//! One module per post-mortem section. `view_of` is the single place that
//! knows which component draws which section.

pub mod accounts;
pub mod basics;
pub mod context;
pub mod evidence;
pub mod fold;
pub mod lessons;
pub mod meeting;
pub mod questions;
pub mod reason;
pub mod regret;
pub mod remedy;
pub mod timeline;

use leptos::prelude::*;

use crate::domain::Section;

pub fn label(s: Section) -> &'static str {
    match s {
        Section::Context => "Context",
        Section::Regret => "Regret",
        Section::Reason => "Reason",
        Section::Timeline => "Timeline",
        Section::Accounts => "Accounts",
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
        Section::Accounts => "accounts",
        Section::Remedy => "remedy",
        Section::Lessons => "lessons",
        Section::Questions => "questions",
        Section::Meeting => "meeting",
        Section::Evidence => "evidence",
        Section::Basics => "basics",
    }
}

/// The component that draws a section.
pub fn view_of(s: Section) -> AnyView {
    match s {
        Section::Context => view! { <context::ContextSection /> }.into_any(),
        Section::Regret => view! { <regret::RegretSection /> }.into_any(),
        Section::Reason => view! { <reason::ReasonSection /> }.into_any(),
        Section::Lessons => view! { <lessons::LessonsSection /> }.into_any(),
        Section::Questions => view! { <questions::QuestionsSection /> }.into_any(),
        Section::Meeting => view! { <meeting::MeetingSection /> }.into_any(),
        Section::Evidence => view! { <evidence::EvidenceSection /> }.into_any(),
        Section::Timeline => view! { <timeline::TimelineSection /> }.into_any(),
        Section::Accounts => view! { <accounts::AccountsSection /> }.into_any(),
        Section::Basics => view! { <basics::BasicsSection /> }.into_any(),
        Section::Remedy => view! { <remedy::RemedySection /> }.into_any(),
    }
}
