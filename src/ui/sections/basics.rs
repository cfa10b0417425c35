//! The basics checklist: seven things every post-mortem should have. Ticked
//! from the content where the content shows it; by hand where it cannot.

use leptos::prelude::*;

use crate::ui::memo::memo;
use crate::ui::widgets::{keyed, SectionFrame};

use crate::domain::completeness::{basics, BasicState};
use crate::domain::{Basic, Edit};
use crate::ui::state::use_editor;

fn slug(b: Basic) -> &'static str {
    match b {
        Basic::Timeline => "timeline",
        Basic::Conversations => "conversations",
        Basic::Notes => "notes",
        Basic::Durations => "durations",
        Basic::Severity => "severity",
        Basic::Archived => "archived",
        Basic::Actionable => "actionable",
    }
}

#[component]
pub fn BasicsSection() -> impl IntoView {
    let editor = use_editor();
    let results = memo(move || editor.settled(basics));
    view! {
        <SectionFrame slug="basics" title="Basics" guide="The essentials of any post-mortem. Most tick themselves as you write; tick the others by hand once they are true.">
            <ul class="basics">
                {keyed(Basic::ALL.to_vec(), |b| slug(*b).to_string(), move |b| {
                        let result = memo(move || results.with(|r| r.iter().find(|x| x.basic == b).cloned()));
                        let derived = move || result.with(|r| r.as_ref().map(|r| r.state == BasicState::Derived).unwrap_or(false));
                        let done = move || result.with(|r| r.as_ref().map(|r| r.done()).unwrap_or(false));
                        let id = format!("basics-{}", slug(b));
                        view! {
                            <li class="basic" class:done=done>
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=done
                                    disabled=derived
                                    aria-describedby=format!("{id}-how")
                                    on:change=move |ev| editor.edit(Edit::Basic(b, event_target_checked(&ev)))
                                />
                                <label for=id.clone()>{b.label()}</label>
                                <span class="how" id=format!("{id}-how")>
                                    {move || match result.with(|r| r.as_ref().map(|r| (r.state, r.hint))) {
                                        Some((BasicState::Derived, _)) => "Shown by the content".to_string(),
                                        Some((BasicState::Ticked, _)) => "Ticked by hand".to_string(),
                                        Some((_, hint)) => hint.to_string(),
                                        None => String::new(),
                                    }}
                                </span>
                            </li>
                        }
                        .into_any()
                    })}
            </ul>
        </SectionFrame>
    }
}
