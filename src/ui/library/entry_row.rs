use leptos::prelude::*;

use super::LibraryState;
use crate::domain::completeness::completeness;
use crate::storage::{Entry, EntryState};
use crate::ui::download::download;
use crate::ui::route::Route;
use crate::ui::state::{new_id, now, use_store};

/// One stored post-mortem in the list, or one that needs attention.
#[component]
pub fn EntryRow(entry: Entry) -> impl IntoView {
    let store = use_store();
    let state = expect_context::<LibraryState>();
    let href = Route::Edit(entry.id.clone()).href();
    let id = entry.id.clone();
    let delete = move |_| match store.with_value(|s| s.delete(&id)) {
        Ok(()) => state.refresh(),
        Err(e) => state.error.set(Some(e.to_string())),
    };
    match entry.state {
        EntryState::Ready(doc) => {
            let title = crate::domain::display_title(&doc);
            let severity = doc.context.severity.map(|s| s.short()).unwrap_or("No severity");
            let updated = doc.updated.map(|t| format!("{} UTC", crate::domain::datefmt::ymd_hm(t.naive_utc()))).unwrap_or_default();
            let open_items = doc.remedy.items.iter().filter(|i| i.status.is_open()).count();
            let percent = completeness(&doc).percent;
            let never_exported = doc.exported.is_none();
            let source = doc.clone();
            let duplicate = move |_| {
                let mut copy = (*source).clone();
                copy.id = new_id();
                copy.context.title = format!("Copy of {}", if copy.context.title.is_empty() { "untitled" } else { &copy.context.title });
                copy.created = Some(now());
                copy.updated = Some(now());
                copy.exported = None;
                match store.with_value(|s| s.save(&copy)) {
                    Ok(_) => state.refresh(),
                    Err(e) => state.error.set(Some(e.to_string())),
                }
            };
            let label = title.clone();
            view! {
                <li class="entry" data-id=entry.id.clone()>
                    <div class="entry-main">
                        <a href=href class="entry-title">{title}</a>
                        <p class="meta">
                            <span class="badge">{severity}</span>
                            " "
                            <span class="badge muted">{doc.context.status.label()}</span>
                            " · "
                            {format!("{percent}% complete")}
                            " · updated "
                            {updated}
                            " · "
                            {format!("{open_items} open item{}", if open_items == 1 { "" } else { "s" })}
                            {never_exported.then(|| view! { " · " <span class="not-exported">"never exported"</span> })}
                        </p>
                    </div>
                    <div class="entry-actions">
                        <button type="button" on:click=duplicate aria-label=format!("Duplicate {label}")>"Duplicate"</button>
                        <button type="button" on:click=delete aria-label=format!("Delete {label}")>"Delete"</button>
                    </div>
                </li>
            }
            .into_any()
        }
        EntryState::Newer { version, title, .. } => view! {
            <li class="entry problem">
                <div class="entry-main">
                    <a href=href class="entry-title">{if title.is_empty() { "Untitled post-mortem".to_string() } else { title }}</a>
                    <p class="meta">{format!("Saved by a newer version of Debrief (format {version}); opens read-only and is never overwritten here.")}</p>
                </div>
            </li>
        }
        .into_any(),
        EntryState::Corrupt { recovery_key, error } => {
            let save_raw = move |_| {
                if let Ok(list) = store.with_value(|s| s.recovery()) {
                    if let Some((_, raw)) = list.into_iter().find(|(k, _)| *k == recovery_key) {
                        let _ = download("debrief-recovered.txt", "text/plain", &raw);
                    }
                }
            };
            view! {
                <li class="entry problem" data-testid="corrupt-entry">
                    <div class="entry-main">
                        <span class="entry-title">"A post-mortem that could not be read"</span>
                        <p class="meta">{format!("Its text is kept exactly as it was, so nothing is lost. Problem: {error}")}</p>
                    </div>
                    <div class="entry-actions">
                        <button type="button" on:click=save_raw>"Download the raw copy"</button>
                        <button type="button" on:click=delete>"Delete"</button>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
