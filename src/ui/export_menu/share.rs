//! Share links: the whole post-mortem packed into the link's fragment, which
//! browsers never send to a server, and the read-only view that opens one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::clipboard::{copy_text, page_url};
use crate::domain::{LoadError, PostMortem};
use crate::export::share::{length_advice, to_json, ShareError};
use crate::ui::compression::{decode, encode};
use crate::ui::report::Report;
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, use_editor, use_store};

/// The link for `data` (an `encode` result) on this very page, whatever path
/// the app is served from.
fn link_for(data: String) -> String {
    format!("{}{}", page_url(), Route::Shared(data).href())
}

/// "Copy share link" in the File menu, with the link shown in a field so it
/// can be copied by hand when the clipboard is not available.
#[component]
pub fn ShareLink() -> impl IntoView {
    let editor = use_editor();
    let link = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<(bool, String)>);
    let make = move |_| {
        // The document as it is at the click; packing it finishes a moment later.
        let json = editor.peek(to_json);
        spawn_local(async move {
            let data = match json {
                Ok(json) => encode(&json).await,
                Err(e) => Err(e),
            };
            let url = match data {
                Ok(data) => link_for(data),
                Err(e) => {
                    link.set(None);
                    message.set(Some((
                        false,
                        match e {
                            ShareError::TooLarge { .. } => e.to_string(),
                            e => format!("No link could be made: {e}"),
                        },
                    )));
                    return;
                }
            };
            link.set(Some(url.clone()));
            let copied = copy_text(&url).await;
            if !copied {
                crate::ui::focus::focus_soon("share-link".into());
            }
            let length = length_advice(url.chars().count());
            message.set(Some(if copied {
                (true, format!("Share link copied. Whoever opens it sees this version, read-only; the post-mortem travels inside the link and is not uploaded anywhere. {length}"))
            } else {
                (false, format!("The browser did not allow copying: copy the link from the field below. {length}"))
            }));
        });
    };
    view! {
        <button type="button" on:click=make>
            "Copy share link"
            <span class="help">"A read-only copy inside the link itself."</span>
        </button>
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "note" } else { "error" } role=if ok { "status" } else { "alert" } data-testid="share-message">{m}</p>
        })}
        {move || link.get().map(|url| view! {
            <label class="share-field">
                "Share link"
                <input
                    id="share-link"
                    type="text"
                    readonly=true
                    prop:value=url
                    data-testid="share-link"
                    on:focus=|ev| {
                        let i: web_sys::HtmlInputElement = event_target(&ev);
                        i.select();
                    }
                />
            </label>
        })}
    }
}

/// What went wrong with a link, in words a recipient can act on.
fn explain(e: &ShareError) -> String {
    match e {
        ShareError::Invalid(LoadError::Newer { version }) => format!(
            "This link holds a post-mortem from a newer version of Debrief (format {version}). Open it in that version, or ask for the JSON file."
        ),
        other => other.to_string(),
    }
}

/// A shared post-mortem, read-only, with a way to keep a copy.
#[component]
pub fn SharedPage(data: String) -> impl IntoView {
    // Unpacking runs in the browser's inflater, so the page fills in a moment
    // after it opens.
    let opened = RwSignal::new(None::<Result<PostMortem, ShareError>>);
    spawn_local(async move {
        let result = decode(&data).await;
        opened.try_set(Some(result));
    });
    let body = move || match opened.get() {
        None => view! {
            <main id="main" class="library-main">
                <p role="status">"Opening the shared post-mortem…"</p>
            </main>
        }
        .into_any(),
        Some(Ok(doc)) => view! { <SharedReport doc=doc /> }.into_any(),
        Some(Err(e)) => view! {
            <main id="main" class="library-main">
                <h1>"This share link cannot be opened"</h1>
                <p role="alert" data-testid="share-error">{explain(&e)}</p>
                <p><a href=Route::Library.href()>"Go to your post-mortems"</a></p>
            </main>
        }
        .into_any(),
    };
    view! {
        <header class="topbar">
            <a class="brand" href=Route::Library.href() aria-label="Debrief: all post-mortems">"Debrief"</a>
        </header>
        {body}
    }
}

#[component]
fn SharedReport(doc: PostMortem) -> impl IntoView {
    let store = use_store();
    let error = RwSignal::new(None::<String>);
    let kept = StoredValue::new(doc.clone());
    let save = move |_| {
        let mut copy = kept.get_value();
        // A fresh id: the copy is the recipient's own, and never clashes with
        // (or overwrites) a post-mortem of the same origin already here.
        copy.id = new_id();
        match store.with_value(|s| s.save(&copy)) {
            Ok(_) => go(&Route::Edit(copy.id)),
            Err(e) => error.set(Some(format!("The copy was not saved: {e}"))),
        }
    };
    view! {
        <div class="banner shared-banner" role="region" aria-label="Shared post-mortem" data-testid="shared-banner">
            <p><strong>"Shared with you — read-only."</strong>" Nothing is kept in this browser unless you save a copy."</p>
            <div class="actions">
                <button type="button" class="primary" on:click=save>"Save a copy in this browser"</button>
            </div>
            {move || error.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
        </div>
        <main id="main" class="shared-report">
            <Report doc=Signal::stored(doc) />
        </main>
    }
}
