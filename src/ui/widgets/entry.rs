//! One list entry (a factor, an item, a question…) shown the way the finished
//! document will read it, opening into its fields when touched.
//!
//! A closed entry is one button: the line as exported, with a number and a
//! few facts beside it. Click, Enter or Space opens it and puts the caret in
//! its first field; Escape, "Done" or moving focus out of it closes it again.
//! Arrow Up and Down move between the closed lines of one list, so a keyboard
//! user reads a list the way a sighted one scans it.
//!
//! Fields of a closed entry are not on the page; `ui::reveal` opens the
//! entry when something asks to focus one of them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::focus::{focus_soon, show_and_focus};
use crate::ui::reveal::{register, Slot};

/// What a closed entry says, as plain data: every kind of entry is drawn by
/// the one view below, so the page ships one line layout, not one per kind.
#[derive(Clone, Default, PartialEq)]
pub struct Line {
    /// Its number ("2.") or its time.
    pub lead: String,
    /// The entry's text as the document prints it.
    pub text: String,
    /// Said instead when the text is empty.
    pub empty: &'static str,
    /// A second, quieter line (an answer, an item's owner and date).
    pub detail: String,
    /// A few words beside it (a category, a state).
    pub meta: String,
    /// Pasted chat, shown in monospace.
    pub mono: bool,
    /// The entry's tags, shown as quiet marks after the text.
    pub tags: Vec<String>,
}

fn line_view(l: Line) -> impl IntoView {
    let text = l.text.trim().to_string();
    let empty = text.is_empty();
    let detail = l.detail.trim().to_string();
    view! {
        {(!l.lead.is_empty()).then(|| view! { <span class="read-number">{l.lead}</span> })}
        <span class="read-text" class:read-empty=empty class:mono-line=l.mono>
            {if empty { l.empty.to_string() } else { text }}
            {(!detail.is_empty()).then(|| view! { <span class="read-detail">{detail}</span> })}
        </span>
        {(!l.meta.is_empty()).then(|| view! { <span class="read-meta">{l.meta}</span> })}
        {(!l.tags.is_empty()).then(|| view! {
            <span class="read-tags">
                <span class="visually-hidden">"Tags: "</span>
                {l.tags.into_iter().map(|t| view! { <span class="read-tag">{t}</span> }).collect_view()}
            </span>
        })}
    }
}

/// Whether the author has left this entry at least once since it was
/// created on this page, given to the fields inside it. Advice about an
/// entry as a whole (SMART, for one) waits for that: while the author is
/// still writing it, it is not yet a finished thought.
#[derive(Clone, Copy)]
pub struct EntryLeft(pub Signal<bool>);

/// Every entry open at once, for a full pass over the document. One switch
/// for the page.
#[derive(Clone, Copy)]
pub struct AllEntriesOpen(pub RwSignal<bool>);

pub fn provide_all_entries_open() -> AllEntriesOpen {
    let all = AllEntriesOpen(RwSignal::new(false));
    provide_context(all);
    // While a pointer is down, an entry the author is leaving stays as it is:
    // collapsing it would move what they are pressing (an "Add" button below
    // it) out from under the pointer, and the click would land elsewhere.
    let down = window_event_listener(leptos::ev::pointerdown, |_| PRESSED.with(|p| p.set(true)));
    let release = || {
        PRESSED.with(|p| p.set(false));
        let queued: Vec<Box<dyn FnOnce()>> =
            AFTER_PRESS.with(|q| q.borrow_mut().drain(..).collect());
        if !queued.is_empty() {
            // After the click this release completes.
            set_timeout(
                move || queued.into_iter().for_each(|f| f()),
                std::time::Duration::from_millis(0),
            );
        }
    };
    let up = window_event_listener(leptos::ev::pointerup, move |_| release());
    let cancel = window_event_listener(leptos::ev::pointercancel, move |_| release());
    on_cleanup(move || {
        down.remove();
        up.remove();
        cancel.remove();
    });
    all
}

thread_local! {
    static PRESSED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static AFTER_PRESS: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` now, or once the pointer that is down is released.
fn after_press(f: impl FnOnce() + 'static) {
    if PRESSED.with(|p| p.get()) {
        AFTER_PRESS.with(|q| q.borrow_mut().push(Box::new(f)));
    } else {
        f();
    }
}

#[component]
pub fn Entry(
    /// Prefix of this entry's element ids (`factor-f1`): the closed line is
    /// `{prefix}-read`, and a request to focus any `{prefix}-…` opens it.
    prefix: String,
    /// Prefix of its writing-aid keys (`reason.factors.f1`), if it has any.
    #[prop(optional, into)]
    key: Option<String>,
    /// The field that takes the caret when the entry opens.
    first: String,
    /// What the entry is called ("factor 2"), for the button's name.
    #[prop(into)]
    name: Signal<String>,
    /// The closed line: the entry as the document reads it.
    read: Signal<Line>,
    /// Shown beside the closed line (wording notes, a ticket link, a nudge
    /// that waited for the author to finish).
    #[prop(optional, into)]
    aside: Option<ViewFn>,
    /// The fields.
    children: ChildrenFn,
) -> impl IntoView {
    let all = use_context::<AllEntriesOpen>().map(|a| a.0);
    let open = RwSignal::new(false);
    let left = RwSignal::new(true);
    let shown = move || open.get() || all.is_some_and(|a| a.get());
    if register(prefix.clone(), key, Slot { open, left }) {
        // Just added, with the caret on its way: open from the first render
        // and hold its nudges until the author leaves it.
        open.set(true);
        left.set(false);
    }
    let read_id = format!("{prefix}-read");
    let container = NodeRef::<leptos::html::Div>::new();

    // Chosen by the author (a click on the line): its nudges stay as they
    // were. Opened by a focus request instead, `reveal` holds them back.
    let open_here = {
        let first = first.clone();
        move || {
            open.set(true);
            focus_soon(first.clone());
        }
    };
    let close = {
        let read_id = read_id.clone();
        move |refocus: bool| {
            let _ = left.try_set(true);
            if open.try_get_untracked() != Some(true) {
                return;
            }
            let _ = open.try_set(false);
            if refocus {
                focus_soon(read_id.clone());
            }
        }
    };

    let on_keydown = {
        let close = close.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && shown() {
                ev.prevent_default();
                ev.stop_propagation();
                close(true);
            }
        }
    };
    let on_focusout = {
        let close = close.clone();
        move |ev: leptos::ev::FocusEvent| {
            // A link inside the entry (to another post-mortem) may take the
            // page away: focus then leaves an entry that is already gone.
            let Some(Some(root)) = container.try_get_untracked() else {
                return;
            };
            // The closed line gives up focus as it makes way for the fields
            // it opens: that is not leaving the entry.
            let from_line = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.class_list().contains("entry-read"));
            if from_line {
                return;
            }
            let next = ev
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            match next {
                Some(n) if root.contains(Some(&n)) => {}
                Some(_) => {
                    let close = close.clone();
                    after_press(move || close(false));
                }
                // Focus went nowhere: a click on the page's background
                // closes the entry, switching windows does not. A control
                // removed under the caret (a chip unlinked, a line
                // re-rendered) is not a decision to leave either, and the
                // browser reports its blur before the removal is done, so
                // the verdict waits a tick.
                None => {
                    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    let close = close.clone();
                    after_press(move || {
                        set_timeout(
                            move || {
                                let gone = target.is_some_and(|t| !t.is_connected());
                                let inside = document()
                                    .active_element()
                                    .is_some_and(|a| root.contains(Some(&a)));
                                if !gone && !inside && document().has_focus().unwrap_or(false) {
                                    close(false);
                                }
                            },
                            std::time::Duration::from_millis(0),
                        );
                    });
                }
            }
        }
    };
    let on_read_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        if move_between_lines(&ev, step) {
            ev.prevent_default();
        }
    };

    let read_view = {
        let open_here = open_here.clone();
        move || {
            let open_here = open_here.clone();
            view! {
                <button
                    type="button"
                    class="entry-read"
                    id=read_id.clone()
                    aria-expanded="false"
                    on:click=move |_| open_here()
                    on:keydown=on_read_keydown
                >
                    <span class="visually-hidden">{move || format!("Edit {}: ", name.get())}</span>
                    {move || line_view(read.get())}
                </button>
                {aside.as_ref().map(|a| a.run())}
            }
        }
    };
    let fields = move || {
        let done = close.clone();
        view! {
            <div class="list-entry-fields" role="group" aria-label=move || name.get()>
                {children()}
                <button type="button" class="entry-done link" on:click=move |_| done(true)>
                    "Done"
                    <span class="visually-hidden">{move || format!(" with {}", name.get())}</span>
                </button>
            </div>
        }
    };
    provide_context(EntryLeft(left.into()));
    view! {
        <div
            class="list-entry"
            class:open=shown
            node_ref=container
            on:keydown=on_keydown
            on:focusout=on_focusout
        >
            {move || if shown() { fields().into_any() } else { read_view().into_any() }}
        </div>
    }
}

/// Arrow Up/Down from a closed line to the previous or next closed line of
/// the same list. Whether focus moved.
fn move_between_lines(ev: &leptos::ev::KeyboardEvent, step: i32) -> bool {
    let Some(here) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let Some(list) = here.closest("ol, ul").ok().flatten() else {
        return false;
    };
    let Ok(lines) = list.query_selector_all(".entry-read") else {
        return false;
    };
    let lines: Vec<web_sys::HtmlElement> = (0..lines.length())
        .filter_map(|i| lines.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let Some(at) = lines.iter().position(|l| *l == here) else {
        return false;
    };
    let to = at as i32 + step;
    if to < 0 {
        return false;
    }
    match lines.get(to as usize) {
        Some(next) => show_and_focus(next),
        None => false,
    }
}
