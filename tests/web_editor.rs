#![cfg(target_arch = "wasm32")]
//! The editor's reactive contract in a real browser, where its pause timer
//! runs: a summary read through `settled_in` follows a pause in editing only
//! when one of its scopes changed, so the timeline chart of a long
//! post-mortem is not laid out again because the title was retyped. And
//! the timer behind such pauses (`Deadline`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use debrief::domain::{
    new_postmortem, Edit, Field, ListEdit, ListKind, Scope, Template, TimelineEvent,
};
use debrief::ui::deadline::Deadline;
use debrief::ui::state::{Editor, SaveState};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Longer than the editor's pause (250 ms), so its timer has fired.
async fn pause() {
    sleep(400).await;
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn editor() -> Editor {
    let mut d = new_postmortem(
        "pm",
        chrono::DateTime::from_timestamp(1_714_572_000, 0).unwrap(),
        Template::Full,
        "UTC",
    );
    d.timeline.push(TimelineEvent {
        id: "ev-1".into(),
        description: "Queue depth alert".into(),
        ..Default::default()
    });
    let editor = Editor::new(d.clone());
    editor.load(d, SaveState::Saved);
    editor
}

#[derive(Clone, Default)]
struct Runs(Arc<AtomicUsize>);

impl Runs {
    fn get(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// An editor, and a memo over its timeline that counts how often it ran,
/// read once. The owner keeps the memo alive for the test.
struct Setup {
    _owner: Owner,
    editor: Editor,
    memo: Memo<usize>,
    runs: Runs,
}

impl Setup {
    fn new() -> Self {
        let owner = Owner::new();
        owner.set();
        let editor = editor();
        let runs = Runs::default();
        let seen = runs.clone();
        let memo = Memo::new(move |_| {
            seen.0.fetch_add(1, Ordering::SeqCst);
            editor.settled_in(
                &[Scope::List(ListKind::Events), Scope::Rows(ListKind::Events)],
                |d| d.timeline.len(),
            )
        });
        assert_eq!(memo.get(), 1);
        assert_eq!(runs.get(), 1);
        Setup {
            _owner: owner,
            editor,
            memo,
            runs,
        }
    }

    /// Reads the memo (re-running it if its sources changed) and says how
    /// often it has run in all.
    fn runs(&self) -> usize {
        self.memo.get();
        self.runs.get()
    }
}

#[wasm_bindgen_test]
async fn a_scoped_summary_skips_a_pause_after_edits_elsewhere() {
    let t = Setup::new();
    t.editor
        .edit(Edit::Text(Field::Title, "Checkout errors".into()));
    pause().await;
    assert_eq!(t.runs(), 1, "retyping the title re-ran a timeline summary");
}

#[wasm_bindgen_test]
async fn a_scoped_summary_follows_its_scope_after_the_pause() {
    let t = Setup::new();
    let mut event = t.editor.peek(|d| d.timeline[0].clone());
    event.description.push_str(" on shard 7");
    t.editor.edit(Edit::Event(ListEdit::Update(event)));
    assert_eq!(t.runs(), 1, "a keystroke re-ran a summary before the pause");
    pause().await;
    assert_eq!(
        t.runs(),
        2,
        "the pause after a timeline edit did not re-run it"
    );

    // Undo replaces the whole document: every scoped summary follows.
    t.editor.undo();
    pause().await;
    assert_eq!(t.runs(), 3, "undo did not re-run it");
}

/// A deadline and how often it ran.
fn deadline() -> (Owner, Deadline, Runs) {
    let owner = Owner::new();
    owner.set();
    let d = Deadline::new();
    let runs = Runs::default();
    let seen = runs.clone();
    d.then(move || {
        seen.0.fetch_add(1, Ordering::SeqCst);
    });
    (owner, d, runs)
}

#[wasm_bindgen_test]
async fn a_deadline_pushed_back_by_typing_runs_once_after_the_last_push() {
    use std::time::Duration;
    let (_owner, d, runs) = deadline();
    for _ in 0..5 {
        d.set(Duration::from_millis(150));
        sleep(50).await;
    }
    // 250 ms after the first push, 50 after the last: not yet.
    assert_eq!(runs.get(), 0, "ran before the pause after the last push");
    sleep(250).await;
    assert_eq!(runs.get(), 1);
    sleep(200).await;
    assert_eq!(runs.get(), 1, "ran more than once");
}

#[wasm_bindgen_test]
async fn an_earlier_deadline_is_not_kept_waiting_and_a_cancelled_one_never_runs() {
    use std::time::Duration;
    let (_owner, d, runs) = deadline();
    d.set(Duration::from_millis(1000));
    d.set(Duration::ZERO);
    sleep(60).await;
    assert_eq!(runs.get(), 1, "waited for the later timer");
    sleep(1100).await;
    assert_eq!(runs.get(), 1, "the superseded timer ran it again");
    d.set(Duration::from_millis(50));
    d.cancel();
    sleep(150).await;
    assert_eq!(runs.get(), 1, "a cancelled deadline ran");
}

// ---- Static markup (`ui::tree`) ---------------------------------------------

use debrief::ui::tree::{h, s, tree_view, Node};

/// A fresh element in the page for a test to draw into.
fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(doc.create_element("div").unwrap());
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
async fn static_markup_keeps_written_text_as_text_and_draws_svg_as_svg() {
    let el = host();
    let hostile = "<img src=x onerror=alert(1)>\"quoted\" & more";
    let into = el.clone();
    let _mounted = leptos::mount::mount_to(into, move || {
        tree_view(move || {
            Node::List(vec![
                h("p").at("title", hostile).text(hostile).into(),
                s("svg").kid(s("circle").num("r", 2.5)).into(),
            ])
        })
    });
    sleep(50).await;
    // Written text is a text node, never parsed: no <img> appears.
    assert!(el.query_selector("img").unwrap().is_none());
    let p = el.query_selector("p").unwrap().unwrap();
    assert_eq!(p.text_content().unwrap(), hostile);
    assert_eq!(p.get_attribute("title").unwrap(), hostile);
    // SVG elements are made in the SVG namespace, or the browser draws nothing.
    let circle = el.query_selector("svg circle").unwrap().unwrap();
    assert_eq!(
        circle.namespace_uri().unwrap(),
        "http://www.w3.org/2000/svg"
    );
    assert_eq!(circle.get_attribute("r").unwrap(), "2.5");
}

#[wasm_bindgen_test]
async fn static_markup_is_drawn_again_whole_when_what_it_reads_changes() {
    let el = host();
    let count = RwSignal::new(1usize);
    let into = el.clone();
    let _mounted = leptos::mount::mount_to(into, move || {
        tree_view(move || {
            Node::List(
                (0..count.get())
                    .map(|i| h("li").text(format!("item {i}")).into())
                    .collect(),
            )
        })
    });
    sleep(50).await;
    assert_eq!(el.query_selector_all("li").unwrap().length(), 1);
    count.set(3);
    sleep(50).await;
    // Replaced, not added to: three items, not four.
    assert_eq!(el.query_selector_all("li").unwrap().length(), 3);
    assert_eq!(el.text_content().unwrap(), "item 0item 1item 2");
}

// ---- File picker (`widgets::FilePick`) ---------------------------------------

use debrief::ui::widgets::FilePick;

#[wasm_bindgen_test]
async fn a_file_picker_rings_its_label_and_a_hidden_one_stays_out_of_the_tab_order() {
    let el = host();
    let into = el.clone();
    let _mounted = leptos::mount::mount_to(into, move || {
        leptos::view! {
            <FilePick id="pick-a" label="Open a file…" accept=".json" multiple=true on_files=leptos::prelude::Callback::new(|_| ()) />
            <FilePick id="pick-b" accept=".json" aria_label="Second draft" on_files=leptos::prelude::Callback::new(|_| ()) />
        }
    });
    sleep(50).await;
    let a = el.query_selector("#pick-a").unwrap().unwrap();
    assert_eq!(a.get_attribute("type").as_deref(), Some("file"));
    assert!(a.has_attribute("multiple"));
    assert!(
        !a.has_attribute("tabindex"),
        "a labelled picker is reached by Tab"
    );
    // The label comes right after the input, where the focus ring's rule
    // (`input:focus-visible + .button-like`) finds it, and names it.
    let label = a.next_element_sibling().unwrap();
    assert_eq!(label.tag_name(), "LABEL");
    assert_eq!(label.get_attribute("for").as_deref(), Some("pick-a"));
    assert_eq!(label.text_content().as_deref(), Some("Open a file…"));
    let b = el.query_selector("#pick-b").unwrap().unwrap();
    assert_eq!(b.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(
        b.get_attribute("aria-label").as_deref(),
        Some("Second draft")
    );
    assert!(!b.has_attribute("multiple"));
    assert!(el.query_selector("label[for=pick-b]").unwrap().is_none());
}
