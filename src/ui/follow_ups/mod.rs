//! Follow-ups: every open remediation item across the post-mortems stored in
//! this browser, overdue first, for the periodic review of what was promised.
//! A status changed here is written into its post-mortem.

mod filters;
mod row;

use leptos::prelude::*;

use crate::domain::smart::{self, FollowUp, FollowUpFilter};
use crate::domain::PostMortem;
use crate::storage::{EntryState, PREFIX};
use crate::ui::memo::memo;
use crate::ui::route::Route;
use crate::ui::state::{use_store, Store};
use crate::ui::tickets::SettingsMenu;
use crate::ui::top_bar::TopBar;
use crate::ui::tz;
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

use filters::FollowUpFilters;
use row::FollowUpRow;

/// Shared by the page's parts: the documents as last read, which of them
/// may not be written, and the messages after a change.
#[derive(Clone, Copy)]
pub struct FollowUpsState {
    pub docs: RwSignal<Vec<PostMortem>>,
    /// Saved by a newer Debrief: listed, never written.
    pub read_only: RwSignal<Vec<String>>,
    /// Entries that could not be read at all.
    pub unreadable: RwSignal<usize>,
    pub error: RwSignal<Option<String>>,
    pub note: RwSignal<Option<String>>,
    /// Held here: the refresh on another tab's `storage` event runs outside
    /// any reactive owner, where a context lookup would panic.
    pub store: Store,
}

impl FollowUpsState {
    pub fn refresh(&self) {
        match self.store.with_value(|s| s.load_all()) {
            Ok(entries) => {
                let (mut docs, mut read_only, mut unreadable) = (Vec::new(), Vec::new(), 0);
                for e in entries {
                    match e.state {
                        EntryState::Ready(d) => docs.push(*d),
                        EntryState::Newer { doc: Some(d), .. } => {
                            read_only.push(e.id);
                            docs.push(*d);
                        }
                        _ => unreadable += 1,
                    }
                }
                self.docs.set(docs);
                self.read_only.set(read_only);
                self.unreadable.set(unreadable);
            }
            Err(e) => self
                .error
                .set(Some(format!("The post-mortems could not be read: {e}"))),
        }
    }
}

/// Id of the line that reports what a status change did; focus goes there
/// when the changed item leaves the list.
pub const NOTE_ID: &str = "follow-ups-note";

#[component]
pub fn FollowUpsPage() -> impl IntoView {
    let state = FollowUpsState {
        docs: RwSignal::new(Vec::new()),
        read_only: RwSignal::new(Vec::new()),
        unreadable: RwSignal::new(0),
        error: RwSignal::new(None),
        note: RwSignal::new(None),
        store: use_store(),
    };
    provide_context(state);
    state.refresh();
    // Another tab saving a post-mortem changes what is open here.
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_some_and(|k| k.starts_with(PREFIX)) {
            state.refresh();
        }
    });
    on_cleanup(move || listener.remove());

    let today = tz::today();
    let all: Memo<Vec<FollowUp>> = memo(move || state.docs.with(|d| smart::follow_ups(d, today)));
    let summary = memo(move || state.docs.with(|d| smart::summary(d, today)));
    let filter = RwSignal::new(FollowUpFilter::default());
    let shown = memo(move || filter.with(|f| all.with(|a| f.apply(a))));

    view! {
        <div class="follow-ups-page">
            <TopBar links=vec![Route::Library]>
                <SettingsMenu id_prefix="follow-ups" />
            </TopBar>
            <main id="main" class="library-main follow-ups">
                <h1>"Follow-ups"</h1>
                <p class="lede">
                    "Open remediation items from every post-mortem in this browser, overdue first. Change a status here and it is saved into its post-mortem."
                </p>
                <p class="summary-line" data-testid="follow-up-summary">
                    {move || {
                        let s = summary.get();
                        format!("{} open · {} overdue · {} done this month", s.open, s.overdue, s.done_this_month)
                    }}
                </p>
                <p class="error" role="alert">{move || state.error.get()}</p>
                <p class="warning">
                    {move || match state.unreadable.get() {
                        0 => None,
                        1 => Some("One post-mortem could not be read and is left out; the list of post-mortems offers its text for download.".to_string()),
                        n => Some(format!("{n} post-mortems could not be read and are left out; the list of post-mortems offers their text for download.")),
                    }}
                </p>
                <p class="note" id=NOTE_ID tabindex="-1" role="status">{move || state.note.get()}</p>
                <Show
                    when=move || !all.with(Vec::is_empty)
                    fallback=move || {
                        let none = state.docs.with(Vec::is_empty);
                        view! {
                            <p class="empty">
                                {if none {
                                    "No post-mortems in this browser yet."
                                } else {
                                    "No open remediation items: nothing to follow up right now."
                                }}
                            </p>
                        }
                    }
                >
                    <FollowUpFilters filter=filter all=all.into() />
                    <p class="count">
                        {move || {
                            let (n, total) = (shown.with(Vec::len), all.with(Vec::len));
                            if n == total {
                                format!("{total} open item{}", if total == 1 { "" } else { "s" })
                            } else {
                                format!("{n} of {total} open items shown")
                            }
                        }}
                    </p>
                    <Show when=move || shown.with(Vec::is_empty)>
                        <p class="empty">
                            "No open item matches these filters. "
                            <button type="button" class="link" on:click=move |_| filter.set(FollowUpFilter::default())>
                                "Show all"
                            </button>
                        </p>
                    </Show>
                    <ol class="follow-up-list" aria-label="Open remediation items">
                        // The whole follow-up in the key: a row whose item
                        // changed is drawn again rather than left stale.
                        {keyed(shown, FollowUp::key, move |f| view! { <FollowUpRow follow_up=f today=today /> }.into_any())}
                    </ol>
                </Show>
            </main>
        </div>
    }
}
