use leptos::prelude::*;

use crate::domain::disclosure::{shown_in_order, WRITING_ORDER};
use crate::domain::{Edit, Scope, Section};
use crate::ui::focus::focus_heading;
use crate::ui::hints::ReviewPanel;
use crate::ui::memo::{effect, memo};
use crate::ui::progress::{use_completeness, MissingList};
use crate::ui::sections::fold::use_folds;
use crate::ui::sections::{label, slug};
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed, AllEntriesOpen};

/// The table of contents beside the document: jumps to a section by keyboard
/// or pointer, and offers the sections the template left out.
#[component]
pub fn SectionNav() -> impl IntoView {
    let editor = use_editor();
    let shown = memo(move || editor.read(Scope::Sections, shown_in_order));
    let hidden = memo(move || {
        editor.read(Scope::Sections, |d| {
            WRITING_ORDER
                .iter()
                .copied()
                .filter(|s| !d.sections.contains(s))
                .collect::<Vec<_>>()
        })
    });
    let current = use_section_in_view(shown);
    let use_folds_here = use_folds();
    // Every list entry open at once, for a pass through all the details.
    let all_open = use_context::<AllEntriesOpen>().map(|a| a.0);
    let c = use_completeness(editor);
    let pct = move |s: Section| c.with(|c| c.section(s).map(|x| x.percent).unwrap_or(0));
    view! {
        <nav class="toc" aria-label="Sections">
            <MissingList />
            <ol>
                {keyed(shown, |s| slug(*s).to_string(), move |s| {
                        view! {
                            <li>
                                <a
                                    href=format!("#/section/{}", slug(s))
                                    aria-current=move || (current.get() == Some(s)).then_some("location")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        let id = format!("h-{}", slug(s));
                                        let opened = use_folds_here.is_some_and(|f| f.open(s));
                                        if opened {
                                            // The opened section replaces its folded line on
                                            // the next render; focus its heading then.
                                            request_animation_frame(move || {
                                                focus_heading(&id);
                                            });
                                        } else {
                                            focus_heading(&id);
                                        }
                                        current.set(Some(s));
                                    }
                                >
                                    <span>{label(s)}</span>
                                    <span class="pct" aria-label=move || format!("{} percent complete", pct(s))>{move || format!("{}%", pct(s))}</span>
                                </a>
                            </li>
                        }
                        .into_any()
                    })}
            </ol>
            {all_open.map(|all| view! {
                <label class="check all-entries">
                    <input
                        type="checkbox"
                        id="all-entries-open"
                        prop:checked=move || all.get()
                        on:change=move |ev| all.set(event_target_checked(&ev))
                    />
                    <span>"Show every entry's fields"</span>
                </label>
            })}
            <ReviewPanel />
            <Show when=move || !hidden.with(Vec::is_empty)>
                <div class="toc-add">
                    <p class="help">"Add a section"</p>
                    {keyed(hidden, |s| slug(*s).to_string(), move |s| {
                            view! {
                                <button type="button" class="link" on:click=move |_| editor.edit(Edit::ShowSection(s, true))>
                                    "+ "
                                    {label(s)}
                                </button>
                            }
                            .into_any()
                        })}
                </div>
            </Show>
        </nav>
    }
}

/// How far below the top of the window a heading counts as "being read":
/// under the sticky header, with a little room.
const READING_LINE_PX: f64 = 120.0;

/// The section being read: the last shown section whose heading has passed
/// the reading line. Follows scrolling (at most once a frame) so the table of
/// contents marks where the reader is.
fn use_section_in_view(shown: Memo<Vec<Section>>) -> RwSignal<Option<Section>> {
    let current = RwSignal::new(None::<Section>);
    let queued = StoredValue::new(false);
    // Runs a frame later: by then the page may have been taken down (another
    // document opened), so every access tolerates a disposed owner.
    let measure = move || {
        let _ = queued.try_set_value(false);
        let doc = document();
        let here = shown.try_with_untracked(|list| {
            let mut here = None;
            for s in list {
                let Some(h) = doc.get_element_by_id(&format!("section-{}", slug(*s))) else {
                    continue;
                };
                if h.get_bounding_client_rect().top() <= READING_LINE_PX {
                    here = Some(*s);
                } else {
                    break;
                }
            }
            // At the very top, the first section is the one being read.
            here.or_else(|| list.first().copied())
        });
        // Scrolled to the very end, the last headings may never reach the
        // reading line: a section the reader jumped to and can see stays
        // the one marked.
        let win = window();
        let at_end = match (
            win.scroll_y(),
            win.inner_height().ok().and_then(|h| h.as_f64()),
        ) {
            (Ok(y), Some(h)) => {
                y + h >= f64::from(doc.document_element().map_or(0, |e| e.scroll_height())) - 2.0
            }
            _ => false,
        };
        let chosen_visible = at_end
            && current.try_get_untracked().flatten().is_some_and(|c| {
                doc.get_element_by_id(&format!("section-{}", slug(c)))
                    .is_some_and(|h| h.get_bounding_client_rect().top() >= 0.0)
            });
        if let (Some(here), false) = (here, chosen_visible) {
            if current.try_get_untracked() != Some(here) {
                let _ = current.try_set(here);
            }
        }
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| {
        if queued.try_get_value() == Some(false) {
            let _ = queued.try_set_value(true);
            request_animation_frame(measure);
        }
    });
    on_cleanup(move || on_scroll.remove());
    effect(move || {
        shown.track();
        request_animation_frame(measure);
    });
    current
}
