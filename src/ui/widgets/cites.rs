use leptos::prelude::*;

use crate::ui::memo::memo;

use crate::domain::cite::{self, Target};
use crate::domain::{Cite, CiteKind, Edit, Field, ListKind, PostMortem, Scope, Section};
use crate::ui::focus::{focus_entry, focus_soon};
use crate::ui::sections::fold::{use_folds, Folds};
use crate::ui::state::{use_editor, Editor};
use crate::ui::widgets::Show;

/// Where a cite's target lives in the editor: its section, and the element
/// ids of its closed line and of the field its entry opens on.
fn place(c: &Cite) -> (Section, String, String) {
    let id = &c.id;
    match c.kind {
        CiteKind::Event => (
            Section::Timeline,
            format!("timeline-{id}-read"),
            format!("timeline-{id}-description"),
        ),
        CiteKind::Account => (
            Section::Accounts,
            format!("account-{id}-read"),
            format!("account-{id}-text"),
        ),
        CiteKind::Conversation => (
            Section::Evidence,
            format!("conversation-{id}-read"),
            format!("conversation-{id}-excerpt"),
        ),
        CiteKind::Material => (
            Section::Evidence,
            format!("material-{id}-read"),
            format!("material-{id}-url"),
        ),
    }
}

fn list_of(kind: CiteKind) -> ListKind {
    match kind {
        CiteKind::Event => ListKind::Events,
        CiteKind::Account => ListKind::Accounts,
        CiteKind::Conversation => ListKind::Conversations,
        CiteKind::Material => ListKind::Materials,
    }
}

/// A target's name in the author's time zone.
fn label_in(t: &Target<'_>, zone: &str) -> String {
    let offset = t
        .time()
        .and_then(|at| crate::ui::tz::offset_minutes(zone, at))
        .unwrap_or(0);
    t.label(offset)
}

/// Shows the cited entry: its section unfolded, its closed line in view and
/// focused. A reader following a cite wants to read the evidence, not to
/// start editing it, so the entry is not opened.
fn follow(editor: Editor, folds: Option<Folds>, c: &Cite) {
    let (section, line, field) = place(c);
    if !editor.peek(|d| d.sections.contains(&section)) {
        editor.edit(Edit::ShowSection(section, true));
    }
    if let Some(f) = folds {
        f.open(section);
    }
    focus_entry(line, field);
}

/// The live cites with their labels, read under the rows they name only:
/// typing in one timeline event re-reads the cites of that event alone.
fn labelled(editor: Editor, cites: &[Cite]) -> Vec<(Cite, String)> {
    let zone = editor.read(Scope::Field(Field::TimeZone), |d| {
        d.context.time_zone.clone()
    });
    let mut out: Vec<(Cite, String)> = Vec::new();
    for c in cites {
        if out.iter().any(|(o, _)| o == c) {
            continue;
        }
        // Its place in its list names accounts and conversations ("Account
        // 2"), so the list's order is read too.
        editor.read(Scope::List(list_of(c.kind)), |_| ());
        let label = editor.read_row(list_of(c.kind), &c.id, |d| {
            cite::find(d, c).map(|t| label_in(&t, &zone))
        });
        if let Some(label) = label {
            out.push((c.clone(), label));
        }
    }
    out
}

/// The evidence a claim cites, as links that lead to it. Read-only: shown
/// beside a closed entry, so what a claim rests on is visible without
/// opening it.
#[component]
pub fn CiteLinks(cites: Signal<Vec<Cite>>) -> impl IntoView {
    let editor = use_editor();
    let folds = use_folds();
    let shown = memo(move || cites.with(|c| labelled(editor, c)));
    view! {
        <Show when=move || !shown.with(Vec::is_empty)>
            <p class="cite-links">
                <span class="cite-lead">"Evidence: "</span>
                {move || {
                    shown
                        .get()
                        .into_iter()
                        .map(|(c, label)| {
                            view! {
                                <button type="button" class="cite link" title="Show the evidence" on:click=move |_| follow(editor, folds, &c)>
                                    {label}
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </p>
        </Show>
    }
}

/// Choosing the evidence for a claim: each cite a link with a remove
/// button, and a menu of everything in the document that can be cited.
#[component]
pub fn CitePicker(
    /// Element id of the menu.
    id: String,
    /// The hidden end of the label (" of factor 2").
    suffix: Signal<String>,
    cites: Signal<Vec<Cite>>,
    on_change: Callback<Vec<Cite>>,
    /// A target the claim cannot cite: a decision point is not its own
    /// evidence.
    #[prop(optional)]
    not: Option<Cite>,
    /// One quiet menu on the entry's line, its label for screen readers
    /// only: for short entries (lessons) where a labelled field would cost
    /// a line each.
    #[prop(optional)]
    compact: bool,
    /// The address the review panel uses for "no evidence cited" here.
    #[prop(optional)]
    key: Option<String>,
) -> impl IntoView {
    let editor = use_editor();
    let folds = use_folds();
    let shown = memo(move || cites.with(|c| labelled(editor, c)));
    let not = StoredValue::new(not);
    // The menu is filled once a pointer or the focus comes near it: a page
    // of lessons each with a picker must not re-read every citable entry on
    // every keystroke in the timeline.
    let armed = RwSignal::new(false);
    let options = memo(move || {
        if !armed.get() {
            return Vec::new();
        }
        for kind in [
            ListKind::Events,
            ListKind::Accounts,
            ListKind::Conversations,
            ListKind::Materials,
        ] {
            editor.read(Scope::List(kind), |_| ());
            editor.read(Scope::Rows(kind), |_| ());
        }
        let zone = editor.read(Scope::Field(Field::TimeZone), |d| {
            d.context.time_zone.clone()
        });
        // Everything but the claim itself; what is already cited is taken
        // out below, so removing a cite offers it again at once.
        editor.peek(|d: &PostMortem| {
            cite::targets(d)
                .iter()
                .filter(|t| not.with_value(|n| n.as_ref() != Some(&t.cite())))
                .map(|t| (t.cite(), label_in(t, &zone)))
                .collect::<Vec<_>>()
        })
    });
    // The menu lists what is not cited yet, so it also follows the cites.
    let choices = memo(move || {
        let taken = cites.get();
        options.with(|o| {
            o.iter()
                .filter(|(c, _)| !taken.contains(c))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let select_id = id.clone();
    let on_pick = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let picked = choices.with_untracked(|o| {
            o.iter()
                .find(|(c, _)| value_of(c) == v)
                .map(|(c, _)| c.clone())
        });
        if let Some(c) = picked {
            on_change.run(cite::with(&cites.get_untracked(), c));
            editor.seal();
        }
        // Back to the prompt, ready for the next cite.
        if let Some(el) = document()
            .get_element_by_id(&select_id)
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(e).ok())
        {
            el.set_value("");
        }
    };
    // The menu takes the focus when a cite's remove button goes with its
    // chip, so a keyboard user is not dropped at the top of the page.
    let menu_id = StoredValue::new(id.clone());
    view! {
        <div
            class=if compact { "field cites compact" } else { "field cites" }
            on:focusin=move |_| armed.set(true)
            on:pointerenter=move |_| armed.set(true)
        >
            <label class=if compact { "visually-hidden" } else { "label" } for=id.clone()>
                "Evidence"
                <span class="visually-hidden">{move || suffix.get()}</span>
            </label>
            <div class="cite-box">
                <ul class="cite-list" aria-label="Cited evidence" hidden=move || compact && shown.with(Vec::is_empty)>
                    {move || {
                        shown
                            .get()
                            .into_iter()
                            .map(|(c, label)| {
                                let gone = c.clone();
                                let name = label.clone();
                                view! {
                                    <li class="chip cite-chip">
                                        <button type="button" class="cite link" title="Show the evidence" on:click=move |_| follow(editor, folds, &c)>
                                            {label}
                                        </button>
                                        <button
                                            type="button"
                                            class="chip-remove"
                                            aria-label=format!("Remove the cite of {name}")
                                            on:click=move |_| {
                                                on_change.run(cite::without(&cites.get_untracked(), &gone));
                                                editor.seal();
                                                focus_soon(menu_id.get_value());
                                            }
                                        >
                                            "×"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <select id=id data-hint-key=key on:change=on_pick>
                    <option value="" selected=true>
                        {move || match (compact, shown.with(Vec::is_empty)) {
                            (true, _) => "Cite…",
                            (false, true) => "Cite evidence…",
                            (false, false) => "Cite more…",
                        }}
                    </option>
                    {move || {
                        let all = choices.get();
                        CiteKind::ALL
                            .iter()
                            .filter_map(|&k| {
                                let of_kind: Vec<(Cite, String)> =
                                    all.iter().filter(|(c, _)| c.kind == k).cloned().collect();
                                (!of_kind.is_empty()).then(|| {
                                    view! {
                                        <optgroup label=group_label(k)>
                                            {of_kind
                                                .into_iter()
                                                .map(|(c, l)| view! { <option value=value_of(&c)>{l}</option> })
                                                .collect_view()}
                                        </optgroup>
                                    }
                                })
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

fn group_label(k: CiteKind) -> &'static str {
    match k {
        CiteKind::Event => "Timeline",
        CiteKind::Account => "Accounts",
        CiteKind::Conversation => "Conversations",
        CiteKind::Material => "Supporting material",
    }
}

/// An option's value: kind and id, so two lists that share an id stay apart.
fn value_of(c: &Cite) -> String {
    format!("{}:{}", c.kind.slug(), c.id)
}
