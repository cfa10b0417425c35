use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::hints::item_action_key;
use crate::domain::smart;
use crate::domain::{optional_slug, Edit, ItemKind, ListEdit, ListKind, Priority, RemediationItem};
use crate::export::tickets::{item_description, new_ticket_url, ticket_url};
use crate::ui::download::file_stem;
use crate::ui::hints::FieldHints;
use crate::ui::memo::{memo, row};
use crate::ui::state::use_editor;
use crate::ui::tickets::{use_new_ticket_page, use_ticket_pattern, TicketLink};
use crate::ui::widgets::Show;
use crate::ui::widgets::{
    optional_options, DateInput, Entry, EntryLeft, Line, Select, TextInput, NOT_SET,
};

use super::factors::FactorLinks;
use super::field_id;
use super::smart_mark::SmartMark;
use super::status::{DecisionFields, StatusSelect};
use super::OWNER_LIST;
use super::UNDO_ID;
use crate::ui::focus::focus_soon;
use crate::ui::widgets::UndoNote;

/// One remediation item as a card. It reads its item through a `Memo` (so
/// typing in one card re-renders that card's field only) and writes the
/// whole item back with `Edit::Item(ListEdit::Update(..))`.
#[component]
pub fn ItemCard(
    id: String,
    number: Memo<usize>,
    removed: UndoNote,
    today: NaiveDate,
    overdue_on: Memo<NaiveDate>,
) -> impl IntoView {
    let editor = use_editor();
    let item = row(editor, ListKind::Items, &id, |d| &d.remedy.items);
    let save =
        Callback::new(move |i: RemediationItem| editor.edit(Edit::Item(ListEdit::Update(i))));
    let update = move |f: &dyn Fn(&mut RemediationItem)| {
        let mut i = item.get_untracked();
        f(&mut i);
        save.run(i);
    };
    let reasons = memo(move || item.with(smart::check));
    let action = memo(move || item.with(|i| i.action.clone()));
    let owner = memo(move || item.with(|i| i.owner.clone()));
    let due = memo(move || item.with(|i| i.due));
    let priority = memo(move || item.with(|i| optional_slug(i.priority).to_string()));
    let kind = memo(move || item.with(|i| optional_slug(i.kind).to_string()));
    let ticket = memo(move || item.with(|i| i.ticket.clone()));
    // "Create a ticket": the tracker's new-ticket page with this item filled
    // in, offered while the item has no ticket. A plain link, followed only
    // by the author's click; the app itself sends nothing.
    let new_page = use_new_ticket_page();
    let create_href = memo(move || {
        let page = new_page.get();
        item.with(|i| {
            if !i.ticket.trim().is_empty() || i.action.trim().is_empty() {
                return None;
            }
            let body = editor.peek(|d| {
                let origin = format!(
                    " ({}.debrief.json)",
                    file_stem(&crate::domain::display_title(d))
                );
                item_description(d, i, &origin)
            });
            new_ticket_url(&page, &i.action, &body)
        })
    });
    let measure = memo(move || item.with(|i| i.measure.clone()));
    let agreed = memo(move || item.with(|i| i.agreed));
    let cost = memo(move || item.with(|i| i.cost_benefit.clone()));
    let overdue = memo(move || {
        item.with(|i| {
            let on = overdue_on.get();
            smart::is_overdue(i, on).then(|| {
                let days = i.due.map_or(0, |d| (on - d).num_days());
                format!("Overdue by {days} day{}", if days == 1 { "" } else { "s" })
            })
        })
    });
    let pattern = use_ticket_pattern();
    let ticket_hint = memo(move || {
        let t = ticket.get();
        let t = t.trim();
        (!t.is_empty()
            && ticket_url(t, &pattern.get()).is_none()
            && pattern.with(|p| p.trim().is_empty()))
        .then_some(
            "Set a ticket address pattern under “Ticket links” below to turn ids into links.",
        )
    });

    let priorities = optional_options::<Priority>(NOT_SET);
    let kinds = optional_options::<ItemKind>(NOT_SET);
    let heading_id = field_id(&id, "heading");
    let labelled_by = heading_id.clone();
    let rid = id.clone();
    let remove = move |_| {
        let what = action.with_untracked(|a| {
            let a = a.trim();
            if a.is_empty() {
                "an empty item".to_string()
            } else {
                let short: String = a.chars().take(60).collect();
                let more = if a.chars().count() > 60 { "…" } else { "" };
                format!("“{short}{more}”")
            }
        });
        editor.edit(Edit::Item(ListEdit::Remove(rid.clone())));
        removed.removed(
            &editor,
            format!("Removed {what}."),
            field_id(&rid, "action"),
        );
        // Keyboard users land on the undo offer instead of on nothing.
        focus_soon(UNDO_ID.to_string());
    };
    let read = Signal::derive(move || {
        item.with(|i| {
            let facts: Vec<String> = [
                (!i.owner.trim().is_empty()).then(|| i.owner.trim().to_string()),
                i.due
                    .map(|d| format!("due {}", crate::domain::datefmt::day_mon_year(d))),
                i.priority.map(|p| p.label().to_string()),
                Some(i.status.label().to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            Line {
                lead: format!("{}.", number.get()),
                text: i.action.clone(),
                empty: "No action written yet",
                detail: facts.join(" · "),
                ..Line::default()
            }
        })
    });
    // Beside the closed line: what the author should know without opening
    // it — a due date passed, a ticket to follow, the SMART reasons once
    // they have finished writing, notes on the wording.
    let aside = {
        let key = item_action_key(&id);
        move || {
            let left = use_context::<EntryLeft>().map_or(Signal::from(true), |l| l.0);
            view! {
                <div class="entry-aside item-aside">
                    {move || overdue.get().map(|o| view! { <span class="due-note">{o}</span> })}
                    <TicketLink ticket=ticket.into() />
                    {move || {
                        let r = reasons.get();
                        (left.get() && !r.is_empty()).then(|| {
                            let what: Vec<&str> = r.iter().map(|x| x.short()).collect();
                            view! {
                                <span class="smart-line" data-testid="not-smart-line">
                                    {format!("Not yet SMART: {}", what.join(", "))}
                                </span>
                            }
                        })
                    }}
                </div>
                <FieldHints key=key.clone() text=action.into() />
            }
        }
    };
    let name = Signal::derive(move || format!("item {}", number.get()));
    let fields = {
        let id = id.clone();
        move || {
            let id = id.clone();
            let sid = id.clone();
            let (priorities, kinds, remove) = (priorities.clone(), kinds.clone(), remove.clone());
            let left = use_context::<EntryLeft>().map_or(Signal::from(true), |l| l.0);
            view! {
                    <header class="item-head">
                        <h3 id=heading_id>{move || format!("Item {}", number.get())}</h3>
                        <Show when=move || left.get()>
                                <SmartMark item_id=sid.clone() reasons=reasons />
                            </Show>
                    </header>
                    <TextInput
                        id=field_id(&id, "action")
                        label="Action".to_string()
                        multiline=true
                        hint_key=item_action_key(&id)
                        placeholder="Start with a verb: “Add an alert when the certificate has less than 14 days left”"
                        value=action.into()
                        on_change=Callback::new(move |v: String| update(&|i| i.action = v.clone()))
                    />
                    <FactorLinks item=item on_change=save />
                    <div class="row">
                        <TextInput
                            id=field_id(&id, "owner")
                            label="Owner".to_string()
                            list=OWNER_LIST
                            value=owner.into()
                            on_change=Callback::new(move |v: String| update(&|i| i.owner = v.clone()))
                        />
                        <div class="due-field">
                            <DateInput
                                id=field_id(&id, "due")
                                label="Due date"
                                value=due.into()
                                on_change=Callback::new(move |v: Option<NaiveDate>| update(&|i| i.due = v))
                            />
                            <p class="due-note">{move || overdue.get()}</p>
                        </div>
                        <Select
                            id=field_id(&id, "priority")
                            label="Priority"
                            options=priorities
                            value=priority.into()
                            on_change=Callback::new(move |v: String| {
                                let p = Priority::from_slug(&v);
                                update(&|i| i.priority = p);
                            })
                        />
                    </div>
                    <div class="row">
                        <StatusSelect item=item on_change=save today=today />
                        <Select
                            id=field_id(&id, "kind")
                            label="Kind"
                            options=kinds
                            value=kind.into()
                            on_change=Callback::new(move |v: String| {
                                let k = ItemKind::from_slug(&v);
                                update(&|i| i.kind = k);
                            })
                        />
                        <div class="ticket-field">
                            <TextInput
                                id=field_id(&id, "ticket")
                                label="Ticket".to_string()
                                placeholder="e.g. PAY-1234 or a link"
                                value=ticket.into()
                                on_change=Callback::new(move |v: String| update(&|i| i.ticket = v.clone()))
                            />
                            <p class="ticket-out">
                                <TicketLink ticket=ticket.into() />
                                {move || create_href.get().map(|href| view! {
                                    <a class="new-ticket" href=href target="_blank" rel="noopener noreferrer">
                                        "Create a ticket"
                                        <span class="visually-hidden">" (opens your tracker in a new tab)"</span>
                                        <span aria-hidden="true">" ↗"</span>
                                    </a>
                                })}
                                {move || ticket_hint.get().map(|h| view! { <span class="help">{h}</span> })}
                            </p>
                        </div>
                    </div>
                    <DecisionFields item=item on_change=save />
                    <TextInput
                        id=field_id(&id, "measure")
                        label="Measure of success".to_string()
                        placeholder="How will we know it worked? e.g. “An alert fires 14 days before expiry in the staging drill”"
                        value=measure.into()
                        on_change=Callback::new(move |v: String| update(&|i| i.measure = v.clone()))
                    />
                    <TextInput
                        id=field_id(&id, "cost_benefit")
                        label="Cost against benefit".to_string()
                        multiline=true
                        help="What it costs (effort, slower work, complexity) and how much it lowers the chance or harm of a repeat."
                        value=cost.into()
                        on_change=Callback::new(move |v: String| update(&|i| i.cost_benefit = v.clone()))
                    />
                    <footer class="item-foot">
                        <label class="check">
                            <input
                                type="checkbox"
                                id=field_id(&id, "agreed")
                                prop:checked=move || agreed.get()
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    update(&|i| i.agreed = on);
                                }
                            />
                            <span>"Agreed by the team"</span>
                        </label>
                        <button
                            type="button"
                            class="remove"
                            aria-label=move || format!("Remove item {}", number.get())
                            on:click=remove
                        >
                            "Remove"
                        </button>
                    </footer>
            }
        }
    };
    view! {
        <li class="item-card" aria-labelledby=labelled_by data-item=id.clone()>
            <Entry
                prefix=field_id(&id, "")
                key=format!("remedy.items.{id}")
                first=field_id(&id, "action")
                name=name
                read=read
                aside=aside
            >
                {fields.clone()()}
            </Entry>
        </li>
    }
}
