//! The start screen: every post-mortem stored in this browser, with search,
//! filters and sort; new ones from a template; import; delete with undo.

mod entry_row;
mod filters;
pub(crate) mod import;
mod storage_meter;
mod trash_bar;

use leptos::prelude::*;

use crate::domain::example::{example, EXAMPLE_ID};
use crate::domain::{new_postmortem, PostMortem, Template};
use crate::storage::{Entry, EntryState};
use crate::ui::memo::memo;
use crate::ui::route::{go, Route};
use crate::ui::state::{new_id, now, use_store, Store};
use crate::ui::tickets::SettingsMenu;
use crate::ui::tz;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

use entry_row::EntryRow;
use filters::{Filters, Query, Sort};
use import::ImportArea;
use storage_meter::StorageMeter;
use trash_bar::TrashBar;

/// Shared by the library's parts: the entries as last read from storage and
/// a way to read them again after a change.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub entries: RwSignal<Vec<Entry>>,
    pub error: RwSignal<Option<String>>,
    pub trash_version: RwSignal<u64>,
    /// Held here rather than looked up on each refresh: an import refreshes
    /// from an async task, where there is no reactive owner to find a
    /// context in (the lookup used to panic and take the app down).
    pub store: Store,
}

impl LibraryState {
    pub fn refresh(&self) {
        match self.store.with_value(|s| s.load_all()) {
            Ok(list) => self.entries.set(list),
            Err(e) => self.error.set(Some(e.to_string())),
        }
        self.trash_version.update(|v| *v += 1);
    }
}

pub fn matches(doc: &PostMortem, q: &Query) -> bool {
    if let Some(s) = q.status {
        if doc.context.status != s {
            return false;
        }
    }
    if let Some(s) = q.severity {
        if doc.context.severity != Some(s) {
            return false;
        }
    }
    if !q.tag.is_empty() && !doc.context.tags.contains(&q.tag) {
        return false;
    }
    let needle = q.text.trim().to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let c = &doc.context;
    [c.title.as_str(), c.summary.as_str()]
        .into_iter()
        .chain(c.tags.iter().map(String::as_str))
        .chain(c.services.iter().map(String::as_str))
        .any(|s| s.to_lowercase().contains(&needle))
}

/// Entries that could not be read sort first: they need attention and must
/// never scroll out of sight.
fn compare(a: &Entry, b: &Entry, sort: Sort) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (&a.state, &b.state) {
        (EntryState::Ready(x), EntryState::Ready(y)) => match sort {
            Sort::Updated => y.updated.cmp(&x.updated),
            Sort::Severity => {
                let rank = |d: &PostMortem| d.context.severity.map(|s| s as u8).unwrap_or(u8::MAX);
                rank(x)
                    .cmp(&rank(y))
                    .then_with(|| y.updated.cmp(&x.updated))
            }
            Sort::Title => x
                .context
                .title
                .to_lowercase()
                .cmp(&y.context.title.to_lowercase()),
        },
        (EntryState::Ready(_), _) => Ordering::Greater,
        (_, EntryState::Ready(_)) => Ordering::Less,
        _ => a.id.cmp(&b.id),
    }
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let store = use_store();
    let state = LibraryState {
        entries: RwSignal::new(Vec::new()),
        error: RwSignal::new(None),
        trash_version: RwSignal::new(0),
        store,
    };
    provide_context(state);
    state.refresh();
    let query = RwSignal::new(Query::default());

    let create = move |template: Template| {
        let doc = new_postmortem(&new_id(), now(), template, &tz::browser_zone());
        match store.with_value(|s| s.save(&doc)) {
            Ok(_) => go(&Route::Edit(doc.id)),
            Err(e) => state.error.set(Some(e.to_string())),
        }
    };
    // The example is a normal draft once opened: the reader can change it
    // freely, and opening it again returns to the one already there.
    let open_example = move |_| {
        let exists = store
            .with_value(|s| s.ids())
            .map(|ids| ids.iter().any(|i| i == EXAMPLE_ID))
            .unwrap_or(false);
        if !exists {
            if let Err(e) = store.with_value(|s| s.save(&example())) {
                state.error.set(Some(e.to_string()));
                return;
            }
        }
        go(&Route::Edit(EXAMPLE_ID.to_string()));
    };
    let tags = memo(move || {
        let mut all: Vec<String> = state.entries.with(|es| {
            es.iter()
                .filter_map(|e| match &e.state {
                    EntryState::Ready(d) => Some(d.context.tags.clone()),
                    _ => None,
                })
                .flatten()
                .collect()
        });
        crate::domain::sort::sort(&mut all);
        all.dedup();
        all
    });
    let visible = memo(move || {
        let q = query.get();
        let mut list: Vec<Entry> = state.entries.with(|es| {
            es.iter()
                .filter(|e| match &e.state {
                    EntryState::Ready(d) => matches(d, &q),
                    _ => true,
                })
                .cloned()
                .collect()
        });
        crate::domain::sort::sort_by(&mut list, |a, b| compare(a, b, q.sort));
        list
    });
    let total = memo(move || state.entries.with(Vec::len));

    view! {
        <div class="library">
            <header class="topbar">
                <span class="brand">"Debrief"</span>
                <p class="tagline">"Blameless post-mortems, written in your browser and kept there."</p>
                <nav class="tools" aria-label="Views">
                    <a class="top-link" href=Route::FollowUps.href()>"Follow-ups"</a>
                    <a class="top-link" href=Route::Insights.href()>"Insights"</a>
                    <SettingsMenu id_prefix="library" />
                </nav>
            </header>
            <TrashBar />
            <main id="main" class="library-main">
                <h1>"Post-mortems"</h1>
                <p class="error" role="alert">{move || state.error.get()}</p>
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
                    <p class="example-line">
                        "New to post-mortems? "
                        <button type="button" class="link" on:click=open_example>"Open a complete example"</button>
                        " to see what a finished one looks like."
                    </p>
                    <ImportArea />
                </section>
                <section aria-labelledby="h-stored">
                    <h2 id="h-stored">"In this browser"</h2>
                    <Show
                        when=move || { total.get() > 0 }
                        fallback=|| view! { <p class="empty">"Nothing here yet. Start one above: it saves as you type."</p> }
                    >
                        <Filters query=query tags=tags.into() />
                        <p class="count" role="status">
                            {move || {
                                let (shown, all) = (visible.with(Vec::len), total.get());
                                if shown == all { format!("{all} post-mortem{}", if all == 1 { "" } else { "s" }) } else { format!("{shown} of {all} shown") }
                            }}
                        </p>
                        <ul class="entries">
                            {keyed(
                                visible,
                                |e| format!("{}\u{1f}{}\u{1f}{}", e.id, e.revision, state_key(&e.state)),
                                |e| view! { <EntryRow entry=e /> }.into_any(),
                            )}
                        </ul>
                    </Show>
                    <StorageMeter />
                </section>
            </main>
        </div>
    }
}

/// Which kind of state an entry is in, for its row's key: a row is drawn
/// again when its post-mortem changes revision or state.
fn state_key(s: &EntryState) -> char {
    match s {
        EntryState::Ready(_) => 'r',
        EntryState::Newer { .. } => 'n',
        EntryState::Corrupt { .. } => 'c',
    }
}
