//! The question checklist: five areas, each a list of questions the review
//! works through, answered, or set aside as not applicable. Teams add their
//! own ("infinite hows") and may drop any, with undo.

mod area;
mod question;
mod state_control;

use leptos::prelude::*;

use crate::domain::Area;
use crate::ui::widgets::{SectionFrame, UndoNote, UndoNotice};

pub use area::AreaGroup;

/// Slug used in element ids (`area-next-time`).
pub fn area_slug(a: Area) -> &'static str {
    match a {
        Area::Aftermath => "aftermath",
        Area::Culture => "culture",
        Area::NextTime => "next-time",
        Area::People => "people",
        Area::Process => "process",
    }
}

#[component]
pub fn QuestionsSection() -> impl IntoView {
    let removed = UndoNote::new();
    view! {
        <SectionFrame slug="questions" title="Questions" guide="Questions to work through together. Answer the ones that apply, mark the rest not applicable, and add the ones your team keeps coming back to: there is always another “how”.">
            <div class="sticky-notice">
                <UndoNotice note=removed />
            </div>
            {Area::ALL.iter().map(|a| view! { <AreaGroup area=*a removed=removed /> }).collect_view()}
        </SectionFrame>
    }
}
