//! The Timeline section: what happened when, the durations derived from it,
//! and the incident drawn as a chart.
//!
//! Built to stay quick with thousands of events: a long list renders only the
//! stretches of rows near the viewport (`chunk.rs`), each row reads its own
//! event by index instead of searching the list, and the durations and chart
//! follow `Editor::settled` (a pause in typing) rather than every keystroke.

mod chart;
mod chunk;
mod decision;
mod entry;
mod file_import;
mod kind_select;
mod list;
mod markdown_pick;
mod paste;
mod row;
mod slack_pick;
mod summary;
pub(crate) mod time;
mod undo;
mod visibility;

use std::collections::HashMap;

use leptos::prelude::*;

use crate::ui::memo::memo;
use crate::ui::widgets::Guide;

use crate::domain::durations::{durations, Durations};
use crate::domain::{Field, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{use_editor, Editor};

pub use chart::{chart_model, chart_title, ChartLegend, ChartSvg};
pub use summary::DurationsTable;
pub use time::format_local;

use chart::TimelineChart;
use entry::EntryRow;
use list::EventList;
use paste::PastePanel;
use summary::DurationsSummary;
use undo::DeletedNote;

/// Rows per rendered stretch of the list.
/// What the timeline's summaries (the chart, the durations) follow when
/// editing pauses: which events there are, in what order, and what they say.
pub(crate) const TIMELINE: [Scope; 2] =
    [Scope::List(ListKind::Events), Scope::Rows(ListKind::Events)];

pub(crate) const CHUNK: usize = 40;

/// Timelines up to this many events are rendered whole; longer ones only
/// near the viewport.
pub(crate) const RENDER_ALL_UP_TO: usize = 200;

/// Element id of a control in an event's row: `timeline-<id>-<part>`. The
/// description's id is also what `dom_id` makes of its hint key, so "jump to
/// what is missing" finds it.
pub(crate) fn field_id(event_id: &str, part: &str) -> String {
    format!("timeline-{event_id}-{part}")
}

pub(crate) const ENTRY_TIME: &str = "timeline-new-time";

/// What the pieces of the section share.
#[derive(Clone, Copy)]
pub(crate) struct Timeline {
    pub editor: Editor,
    /// Event ids in timeline order. Unchanged (and silent) while only the
    /// text of events changes.
    pub order: Memo<Vec<String>>,
    pub zone: Memo<String>,
    /// Recomputed when typing pauses.
    pub durations: Memo<Durations>,
    /// Warning messages per event id, for the rows concerned; warnings about
    /// the whole timeline appear only in the section's list.
    pub warned: Memo<HashMap<String, Vec<String>>>,
    /// A stretch of rows kept rendered while off screen, so that focus can be
    /// moved into it (a jump from a warning, a row that moved).
    pub pinned: RwSignal<Option<usize>>,
    /// The last deletion, offered for undo.
    pub deleted: RwSignal<Option<undo::Deletion>>,
}

impl Timeline {
    fn new(editor: Editor) -> Self {
        let order = Memo::new_owning(move |prev: Option<Vec<String>>| {
            editor.read(Scope::List(ListKind::Events), |d| {
                // Compare in place first: typing must not clone every id.
                if let Some(prev) = prev {
                    let same = prev.len() == d.timeline.len()
                        && prev.iter().zip(&d.timeline).all(|(a, e)| *a == e.id);
                    if same {
                        return (prev, false);
                    }
                }
                (d.timeline.iter().map(|e| e.id.clone()).collect(), true)
            })
        });
        let zone = memo(move || {
            editor.read(Scope::Field(Field::TimeZone), |d| {
                d.context.time_zone.clone()
            })
        });
        let durations = memo(move || editor.settled_in(&TIMELINE, |d| durations(&d.timeline)));
        let warned = memo(move || {
            let mut map: HashMap<String, Vec<String>> = HashMap::new();
            durations.with(|d| {
                for w in d.warnings.iter().filter(|w| !w.about_whole_timeline()) {
                    for id in &w.event_ids {
                        map.entry(id.clone()).or_default().push(w.message());
                    }
                }
            });
            map
        });
        Timeline {
            editor,
            order,
            zone,
            durations,
            warned,
            pinned: RwSignal::new(None),
            deleted: RwSignal::new(None),
        }
    }

    /// Brings an event's row into the page and focuses one of its controls.
    pub fn reveal(&self, event_id: &str, part: &str) {
        let pos = self
            .order
            .with_untracked(|o| o.iter().position(|x| x == event_id));
        if let Some(pos) = pos {
            self.pinned.set(Some(pos / CHUNK));
        }
        focus_soon(field_id(event_id, part));
    }

    /// After an edit that may move a row (a new time, an unknown time), puts
    /// focus back on `target` if the move took it away.
    pub fn keep_focus(&self, target: String) {
        let me = *self;
        set_timeout(
            move || {
                let active = document()
                    .active_element()
                    .map(|e| e.id())
                    .unwrap_or_default();
                if active != target {
                    if let Some((event_id, part)) = split_field_id(&target) {
                        me.reveal(&event_id, &part);
                    } else {
                        focus_soon(target);
                    }
                }
            },
            std::time::Duration::from_millis(0),
        );
    }
}

/// `timeline-<id>-<part>` → (`<id>`, `<part>`). Ids may contain dashes but
/// parts never do, so the last dash is the split.
fn split_field_id(dom_id: &str) -> Option<(String, String)> {
    let rest = dom_id.strip_prefix("timeline-")?;
    let (id, part) = rest.rsplit_once('-')?;
    (!id.is_empty() && id != "new").then(|| (id.to_string(), part.to_string()))
}

/// A file dropped anywhere on the timeline section, waiting for the file
/// import in the paste panel (which the drop opens) to read it.
#[derive(Clone, Copy)]
pub(crate) struct DroppedFile(pub RwSignal<Option<web_sys::File>, LocalStorage>);

pub(crate) fn use_timeline() -> Timeline {
    expect_context::<Timeline>()
}

#[component]
pub fn TimelineSection() -> impl IntoView {
    let editor = use_editor();
    let tl = Timeline::new(editor);
    provide_context(tl);
    let dropped = RwSignal::new_local(None::<web_sys::File>);
    provide_context(DroppedFile(dropped));
    let file_over = RwSignal::new(false);
    view! {
        <section
            class="section timeline-section"
            class:file-over=move || file_over.get()
            id="section-timeline"
            aria-labelledby="h-timeline"
            on:dragover=move |ev: web_sys::DragEvent| {
                if crate::ui::files::drags_files(&ev) {
                    ev.prevent_default();
                    file_over.set(true);
                }
            }
            on:dragleave=move |ev: web_sys::DragEvent| {
                if crate::ui::files::drag_left(&ev) {
                    file_over.set(false);
                }
            }
            on:drop=move |ev: web_sys::DragEvent| {
                file_over.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    ev.prevent_default();
                    dropped.set(Some(file));
                }
            }
        >
            <header class="section-head">
                <h2 id="h-timeline" tabindex="-1">"Timeline"</h2>
                <Guide text="What happened, when, from the first sign of impact to the all-clear. Describe each moment as it looked then; the durations and the chart follow from the kinds you pick." />
            </header>
            <DurationsSummary />
            <TimelineChart />
            <PastePanel />
            <DeletedNote />
            <EventList />
            <EntryRow />
        </section>
    }
}
