//! Facilitator mode: a full-screen walk through the review meeting, one
//! step at a time — the opening, the context, the timeline, the factors,
//! the lessons, the questions the template shows, the actions and the
//! views the room does not share. Every list step edits the document in
//! place and adds entries from a scribe field. Driven by keyboard (→/← or
//! PageDown/PageUp; Ctrl+Enter from a field) and readable on a projector:
//! the bar with the step counter and the buttons never scrolls away.

mod context_step;
mod list_step;
mod lists;
mod opening;
mod question_step;

use leptos::prelude::*;

use crate::domain::facilitation::{steps, Step};
use crate::domain::{Edit, Field, Scope, Section};
use crate::ui::focus::focus_soon;
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::TextInput;

use context_step::ContextStep;
use list_step::ListStep;
use opening::Opening;
use question_step::QuestionStep;

const BODY: &str = "facilitator-step";

#[component]
pub fn Facilitator(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    // Read once when the mode opens: adding a question mid-meeting or
    // answering one never reshuffles the walk.
    let steps = StoredValue::new(editor.peek(steps));
    let count = steps.with_value(Vec::len);
    let index = RwSignal::new(0usize);
    let go_to = move |i: usize| {
        index.set(i.min(count.saturating_sub(1)));
        editor.seal();
        // Each step starts at its top, whatever the last one scrolled to.
        if let Some(body) = document().get_element_by_id(BODY) {
            body.set_scroll_top(0);
        }
        focus_soon(BODY.into());
    };
    let next = move || go_to(index.get_untracked() + 1);
    let prev = move || go_to(index.get_untracked().saturating_sub(1));
    let close = move || {
        editor.seal();
        open.set(false);
        focus_soon("facilitate-button".into());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
            .unwrap_or(false);
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            close();
        } else if (key == "Enter" && (ev.ctrl_key() || ev.meta_key()))
            || key == "PageDown"
            || (!in_field && key == "ArrowRight")
        {
            ev.prevent_default();
            next();
        } else if key == "PageUp" || (!in_field && key == "ArrowLeft") {
            ev.prevent_default();
            prev();
        }
    };
    let current = memo(move || {
        let i = index.get();
        steps.with_value(|s| s.get(i).cloned().unwrap_or(Step::Done))
    });
    let progress = move || format!("Step {} of {count}", index.get() + 1);
    focus_soon(BODY.into());
    // The document behind must not scroll while the mode covers it.
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("facilitating");
    }
    on_cleanup(|| {
        if let Some(body) = document().body() {
            let _ = body.class_list().remove_1("facilitating");
        }
    });
    view! {
        <div class="facilitator" role="dialog" aria-modal="true" aria-label="Facilitator mode" on:keydown=on_key>
            <header class="facilitator-bar">
                <span class="brand">"Debrief"</span>
                <span class="progress" aria-live="polite">{progress}</span>
                <div class="facilitator-nav">
                    <button type="button" on:click=move |_| prev() disabled=move || index.get() == 0>
                        "← Previous"
                    </button>
                    <button type="button" class="primary" on:click=move |_| next() disabled=move || matches!(current.get(), Step::Done)>
                        "Next →"
                    </button>
                    <button type="button" on:click=move |_| close()>"Leave (Esc)"</button>
                </div>
            </header>
            // In the tab order: a step taller than the screen scrolls by keyboard.
            <div class="facilitator-body" id=BODY tabindex="0">
                {move || match current.get() {
                    Step::Opening => view! { <Opening /> }.into_any(),
                    Step::Context => view! { <ContextStep /> }.into_any(),
                    Step::Timeline => view! { <ListStep spec=lists::TIMELINE /> }.into_any(),
                    Step::Accounts => view! { <ListStep spec=lists::ACCOUNTS /> }.into_any(),
                    Step::Factors => view! { <ListStep spec=lists::FACTORS /> }.into_any(),
                    Step::Lessons => view! { <ListStep spec=lists::LESSONS /> }.into_any(),
                    Step::Question(id) => view! { <QuestionStep id=id /> }.into_any(),
                    Step::Actions => view! { <ListStep spec=lists::ACTIONS /> }.into_any(),
                    Step::Dissent => view! { <ListStep spec=lists::DISSENT /> }.into_any(),
                    Step::Done => view! { <Done close=Callback::new(move |()| close()) /> }.into_any(),
                }}
            </div>
            <p class="facilitator-keys">"→ or Page Down: next · ← or Page Up: previous · Ctrl+Enter in a field: next · Esc: leave"</p>
        </div>
    }
}

/// The last step: check-out, with a place for its notes when the meeting
/// section is part of the document.
#[component]
fn Done(close: Callback<()>) -> impl IntoView {
    let editor = use_editor();
    let with_meeting = editor.peek(|d| d.sections.contains(&Section::Meeting));
    let check_out = memo(move || {
        editor.read(Scope::Field(Field::CheckOut), |d| {
            d.meeting.check_out.clone()
        })
    });
    view! {
        <div class="step done">
            <h2>"That was the whole walk"</h2>
            <p class="big">"Thank you. Before you close, a round of check-out: one sentence each on how this felt."</p>
            {with_meeting.then(|| view! {
                <TextInput
                    id="facilitator-check-out".to_string()
                    label="Check-out notes".to_string()
                    value=check_out.into()
                    on_change=Callback::new(move |v: String| editor.edit(Edit::Text(Field::CheckOut, v)))
                    multiline=true
                />
            })}
            <p>"Everything said here is already in the post-mortem."</p>
            <button type="button" class="primary" on:click=move |_| close.run(())>"Back to the document"</button>
        </div>
    }
}
