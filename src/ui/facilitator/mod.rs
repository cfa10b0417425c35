//! Facilitator mode: a full-screen, distraction-free walk through the review
//! meeting — the opening context, the timeline, then every question one at a
//! time with a scribe field that writes straight into the document. Driven by
//! keyboard (→/← or PageDown/PageUp; Ctrl+Enter from the scribe field) and
//! readable on a projector.

mod opening;
mod question_step;
mod timeline_review;

use leptos::prelude::*;

use crate::ui::focus::focus_soon;
use crate::ui::state::use_editor;

use opening::Opening;
use question_step::QuestionStep;
use timeline_review::TimelineReview;

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Opening,
    Timeline,
    Question(String),
    Done,
}

#[component]
pub fn Facilitator(open: RwSignal<bool>) -> impl IntoView {
    let editor = use_editor();
    // The order is fixed when the mode opens (by area, as in the checklist),
    // so answering a question never reshuffles the walk.
    let steps = Memo::new(move |_| {
        let mut ids: Vec<(crate::domain::Area, usize, String)> = editor.read(
            crate::domain::Scope::List(crate::domain::ListKind::Questions),
            |d| {
                d.questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| (q.area, i, q.id.clone()))
                    .collect()
            },
        );
        crate::domain::sort::sort(&mut ids);
        let mut s = vec![Step::Opening, Step::Timeline];
        s.extend(ids.into_iter().map(|(_, _, id)| Step::Question(id)));
        s.push(Step::Done);
        s
    });
    let index = RwSignal::new(0usize);
    let go_to = move |i: usize| {
        let last = steps.with_untracked(Vec::len).saturating_sub(1);
        index.set(i.min(last));
        editor.seal();
        focus_soon("facilitator-step".into());
    };
    let next = move || go_to(index.get_untracked() + 1);
    let prev = move || go_to(index.get_untracked().saturating_sub(1));
    let close = move || {
        open.set(false);
        focus_soon("facilitate-button".into());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let in_field = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|e| matches!(e.tag_name().as_str(), "TEXTAREA" | "INPUT"))
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
    let current =
        Memo::new(move |_| steps.with(|s| s.get(index.get()).cloned().unwrap_or(Step::Done)));
    let progress = move || {
        let (i, n) = (index.get(), steps.with(Vec::len));
        format!("Step {} of {}", i + 1, n)
    };
    focus_soon("facilitator-step".into());
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
            <div class="facilitator-body" id="facilitator-step" tabindex="-1">
                {move || match current.get() {
                    Step::Opening => view! { <Opening /> }.into_any(),
                    Step::Timeline => view! { <TimelineReview /> }.into_any(),
                    Step::Question(id) => view! { <QuestionStep id=id /> }.into_any(),
                    Step::Done => view! {
                        <div class="step done">
                            <h2>"That was every question"</h2>
                            <p class="big">"Thank you. Before you close, a round of check-out: one sentence each on how this felt."</p>
                            <p>"The answers are already in the post-mortem."</p>
                            <button type="button" class="primary" on:click=move |_| close()>"Back to the document"</button>
                        </div>
                    }
                    .into_any(),
                }}
            </div>
            <p class="facilitator-keys">"→ or Page Down: next · ← or Page Up: previous · Ctrl+Enter in a field: next · Esc: leave"</p>
        </div>
    }
}
