use leptos::prelude::*;

use crate::domain::{new_postmortem, Template};
use crate::storage::{Entry, EntryState};
use crate::ui::download::download;
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, now, use_store};
use crate::ui::tz;

/// The start screen: every post-mortem stored in this browser, and new ones.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let store = use_store();
    let entries = RwSignal::new(Vec::<Entry>::new());
    let error = RwSignal::new(None::<String>);
    let refresh = move || match store.with_value(|s| s.load_all()) {
        Ok(list) => entries.set(list),
        Err(e) => error.set(Some(e.to_string())),
    };
    refresh();
    let create = move |template: Template| {
        let doc = new_postmortem(&new_id(), now(), template, &tz::browser_zone());
        match store.with_value(|s| s.save(&doc)) {
            Ok(_) => go(&Route::Edit(doc.id)),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="library">
            <header class="topbar">
                <span class="brand">"Debrief"</span>
                <p class="tagline">"Blameless post-mortems, written in your browser and kept there."</p>
            </header>
            <main id="main" class="library-main">
                <h1>"Post-mortems"</h1>
                <p class="error" role="alert">{move || error.get()}</p>
                <section class="new" aria-labelledby="h-new">
                    <h2 id="h-new">"Start a new one"</h2>
                    <div class="templates">
                        {Template::ALL
                            .iter()
                            .map(|t| {
                                let t = *t;
                                view! {
                                    <button type="button" class="template" on:click=move |_| create(t)>
                                        <strong>{t.label()}</strong>
                                        <span>{t.blurb()}</span>
                                    </button>
                                }
                            })
                            .collect_view()}
                    </div>
                </section>
                <section aria-labelledby="h-stored">
                    <h2 id="h-stored">"In this browser"</h2>
                    <Show
                        when=move || !entries.with(Vec::is_empty)
                        fallback=|| view! { <p class="empty">"Nothing here yet. Start one above: it saves as you type."</p> }
                    >
                        <ul class="entries">
                            <For
                                each=move || entries.get()
                                key=|e| (e.id.clone(), e.revision)
                                children=move |e| view! { <EntryRow entry=e /> }
                            />
                        </ul>
                    </Show>
                </section>
            </main>
        </div>
    }
}

#[component]
fn EntryRow(entry: Entry) -> impl IntoView {
    let store = use_store();
    let href = Route::Edit(entry.id.clone()).href();
    match entry.state {
        EntryState::Ready(doc) => {
            let title = if doc.context.title.trim().is_empty() { "Untitled post-mortem".to_string() } else { doc.context.title.clone() };
            let severity = doc.context.severity.map(|s| s.short()).unwrap_or("No severity");
            let updated = doc.updated.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default();
            view! {
                <li class="entry">
                    <a href=href class="entry-title">{title}</a>
                    <span class="badge">{severity}</span>
                    <span class="badge muted">{doc.context.status.label()}</span>
                    <span class="meta">"Updated " {updated}</span>
                </li>
            }
            .into_any()
        }
        EntryState::Newer { version, title, .. } => view! {
            <li class="entry problem">
                <a href=href class="entry-title">{if title.is_empty() { "Untitled post-mortem".to_string() } else { title }}</a>
                <span class="meta">
                    {format!("Saved by a newer version of Debrief (format {version}); opens read-only.")}
                </span>
            </li>
        }
        .into_any(),
        EntryState::Corrupt { recovery_key, error } => {
            let key = recovery_key.clone();
            let save_raw = move |_| {
                if let Ok(list) = store.with_value(|s| s.recovery()) {
                    if let Some((_, raw)) = list.into_iter().find(|(k, _)| *k == key) {
                        let _ = download("debrief-recovered.txt", "text/plain", &raw);
                    }
                }
            };
            view! {
                <li class="entry problem" role="group" aria-label="A stored post-mortem that could not be read">
                    <span class="entry-title">"A post-mortem that could not be read"</span>
                    <span class="meta">{format!("Its text is kept safe. Problem: {error}")}</span>
                    <button type="button" on:click=save_raw>"Download the raw copy"</button>
                </li>
            }
            .into_any()
        }
    }
}
