//! The editor's File menu: getting the post-mortem out of the browser (JSON,
//! Markdown, print, a share link) and a second draft into it (merge).

mod clipboard;
mod merge;
mod share;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{display_title, Field, Scope};
use crate::export::anonymise::anonymise;
use crate::export::csv::{items_csv, timeline_csv};
use crate::export::json::export_one;
use crate::export::markdown::{duration_rows, to_markdown, MarkdownOptions};
use crate::storage::{session_flag, set_session_flag};
use crate::ui::download::{download, file_stem};
use crate::ui::memo::memo;
use crate::ui::printing::Printing;
use crate::ui::state::{now, use_editor};
use crate::ui::tickets::use_ticket_pattern;
use crate::ui::widgets::Show;

use clipboard::copy_text;
pub use merge::{open_merge_picker, MergePanel};
pub use share::{ShareLink, SharedPage};

const FRONT_MATTER_KEY: &str = "debrief:md-front-matter";
const ANONYMISE_KEY: &str = "debrief:md-anonymise";
const BASICS_KEY: &str = "debrief:md-basics";

/// What a menu action last did: a calm note, or an error.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Done(String),
    Failed(String),
}

/// Getting the post-mortem out of the browser: files, print, links; and a
/// second draft in, to merge.
/// One Markdown option: a checkbox remembered for the rest of the session.
/// If session storage refuses it, the choice still holds on this page and
/// only its memory across a reload is lost, which is not worth a message.
fn session_option(on: RwSignal<bool>, key: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <label>
            <input
                type="checkbox"
                prop:checked=move || on.get()
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    on.set(checked);
                    let _ = set_session_flag(key, checked);
                }
            />
            {label}
        </label>
    }
}

#[component]
pub fn ExportMenu() -> impl IntoView {
    let editor = use_editor();
    let pattern = use_ticket_pattern();
    let status = RwSignal::new(None::<Status>);
    // Markdown shown for selecting by hand when the clipboard refused.
    let fallback = RwSignal::new(None::<String>);
    let front_matter = RwSignal::new(session_flag(FRONT_MATTER_KEY, true));
    let anonymised = RwSignal::new(session_flag(ANONYMISE_KEY, false));
    let with_basics = RwSignal::new(session_flag(BASICS_KEY, false));
    let stem = move || editor.peek(|d| file_stem(&display_title(d)));

    let save_file = move |name: String, mime: &str, text: String, what: &str| match download(
        &name, mime, &text,
    ) {
        Ok(()) => {
            editor.mark_exported();
            status.set(Some(Status::Done(format!("{what} saved as {name}."))));
        }
        Err(e) => status.set(Some(Status::Failed(format!("{what} was not saved: {e}")))),
    };
    // A CSV holds only part of the post-mortem, so it is not a copy that
    // makes the "only in this browser" reminder go away.
    let save_part =
        move |name: String, text: String, what: &str| match download(&name, "text/csv", &text) {
            Ok(()) => status.set(Some(Status::Done(format!("{what} saved as {name}.")))),
            Err(e) => status.set(Some(Status::Failed(format!("{what} was not saved: {e}")))),
        };
    let items_file = move |_| {
        save_part(
            format!("{}.items.csv", stem()),
            editor.peek(items_csv),
            "Items CSV",
        );
    };
    let timeline_file = move |_| {
        save_part(
            format!("{}.timeline.csv", stem()),
            editor.peek(timeline_csv),
            "Timeline CSV",
        );
    };
    let markdown = move || {
        let opts = MarkdownOptions {
            front_matter: front_matter.get_untracked(),
            anonymise: anonymised.get_untracked(),
            ticket_url: Some(pattern.get_untracked()).filter(|p| !p.trim().is_empty()),
            durations: editor.peek(duration_rows),
            basics: with_basics.get_untracked(),
            today: Some(now().date_naive()),
        };
        editor.peek(|d| to_markdown(d, &opts))
    };

    let json = move |_| {
        let text = editor.peek(export_one);
        save_file(
            format!("{}.debrief.json", stem()),
            "application/json",
            text,
            "JSON file",
        );
    };
    let json_anon = move |_| {
        let text = editor.peek(|d| export_one(&anonymise(d)));
        save_file(
            format!("{}.anonymised.debrief.json", stem()),
            "application/json",
            text,
            "Anonymised JSON file",
        );
    };
    let md_download = move |_: ()| {
        let suffix = if anonymised.get_untracked() {
            ".anonymised"
        } else {
            ""
        };
        save_file(
            format!("{}{suffix}.md", stem()),
            "text/markdown",
            markdown(),
            "Markdown file",
        );
    };
    let md_copy = move |_| {
        let text = markdown();
        fallback.set(None);
        spawn_local(async move {
            if copy_text(&text).await {
                status.set(Some(Status::Done(
                    "Markdown copied to the clipboard.".into(),
                )));
            } else {
                status.set(Some(Status::Failed(
                    "The browser did not allow copying. The Markdown is selected below: press Ctrl+C (⌘C on a Mac) to copy it.".into(),
                )));
                fallback.set(Some(text));
                // Focus selects the whole text (see the field's focus handler).
                crate::ui::focus::focus_soon("markdown-fallback".into());
            }
        });
    };
    let printing = expect_context::<Printing>();
    let print = move |_| printing.print();
    // The one export most people want, a click away instead of two: what was
    // saved is said to screen readers, a failure to everyone.
    let quick = RwSignal::new(None::<Status>);
    let quick_markdown = move |_| {
        md_download(());
        quick.set(status.get_untracked());
    };

    view! {
        <button
            type="button"
            id="quick-markdown"
            class="quick-export"
            title="Download as Markdown (.md), with the options chosen under File"
            on:click=quick_markdown
        >
            <span aria-hidden="true">"↓ "</span>
            "Markdown"
        </button>
        {move || quick.get().map(|s| match s {
            Status::Done(m) => view! { <p class="visually-hidden" role="status">{m}</p> }.into_any(),
            Status::Failed(m) => view! { <p class="error quick-error" role="alert">{m}</p> }.into_any(),
        })}
        <details class="menu file-menu">
            <summary>"File"</summary>
            <div class="menu-items" role="group" aria-label="File">
                <button type="button" on:click=json>
                    "Download JSON"
                    <span class="help">"Opens in any copy of Debrief, exactly as it is."</span>
                </button>
                <button type="button" on:click=json_anon>
                    "Download anonymised JSON"
                    <span class="help">"Names replaced by response roles."</span>
                </button>
                <fieldset class="menu-options">
                    <legend>"Markdown"</legend>
                    {session_option(front_matter, FRONT_MATTER_KEY, "YAML front matter")}
                    {session_option(anonymised, ANONYMISE_KEY, "Anonymise names")}
                    {session_option(with_basics, BASICS_KEY, "Include the basics checklist")}
                </fieldset>
                <button type="button" on:click=move |_| md_download(())>
                    "Download Markdown"
                    <span class="help">"For a wiki, a repository or a chat."</span>
                </button>
                <button type="button" on:click=md_copy>
                    "Copy Markdown"
                </button>
                <button type="button" on:click=items_file data-testid="items-csv">
                    "Download items as CSV"
                    <span class="help">"Remediation items in the columns Jira's CSV import expects."</span>
                </button>
                <button type="button" on:click=timeline_file data-testid="timeline-csv">
                    "Download timeline as CSV"
                    <span class="help">"For a spreadsheet; reads back into any timeline."</span>
                </button>
                <button type="button" on:click=print>
                    "Print or save as PDF"
                </button>
                <ShareLink />
                <button type="button" on:click=move |_| open_merge_picker()>
                    "Open a second draft to merge…"
                    <span class="help">"Someone else's copy of this post-mortem; or drop the file on the page."</span>
                </button>
                {move || status.get().map(|s| match s {
                    Status::Done(m) => view! { <p class="note" role="status" data-testid="file-status">{m}</p> }.into_any(),
                    Status::Failed(m) => view! { <p class="error" role="alert" data-testid="file-status">{m}</p> }.into_any(),
                })}
                {move || fallback.get().map(|text| view! {
                    <div class="copy-fallback" role="group" aria-label="Markdown to copy">
                        <label for="markdown-fallback">"Markdown"</label>
                        <textarea
                            id="markdown-fallback"
                            readonly=true
                            rows="8"
                            prop:value=text
                            on:focus=|ev| {
                                // Focus can arrive as soon as the field exists, before
                                // its text is in: select once the frame is drawn.
                                let t: web_sys::HtmlTextAreaElement = event_target(&ev);
                                request_animation_frame(move || t.select());
                            }
                        ></textarea>
                        <button type="button" on:click=move |_| fallback.set(None)>"Close"</button>
                    </div>
                })}
            </div>
        </details>
    }
}

/// A gentle reminder while the only copy of this post-mortem is in this
/// browser, whose data a person or the browser itself may clear.
#[component]
pub fn ExportReminder() -> impl IntoView {
    let editor = use_editor();
    let show = memo(move || {
        editor.track(Scope::Exported);
        editor.read(Scope::Field(Field::Title), |d| {
            d.exported.is_none() && !d.context.title.trim().is_empty()
        })
    });
    view! {
        <Show when=move || show.get()>
            <p class="reminder" data-testid="export-reminder">"Only in this browser so far: export a copy to keep it safe."</p>
        </Show>
    }
}
