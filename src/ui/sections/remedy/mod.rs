//! The Remedy section: what the team will change, as SMART remediation
//! items linked to the contributing factors they answer, or an honest "we
//! don't know yet" with a date to look again.

mod factors;
mod item_card;
mod smart_mark;
mod status;
mod unknown;

use leptos::prelude::*;

use crate::domain::hints::bias_reminder;
use crate::domain::{example, smart};
use crate::domain::{Edit, ListEdit, ListKind, RemediationItem, Scope, Section};
use crate::ui::focus::focus_soon;
use crate::ui::hints::BiasNote;
use crate::ui::memo::memo;
use crate::ui::route::Route;
use crate::ui::state::{new_id, use_editor};
use crate::ui::tickets::TicketSettings;
use crate::ui::tz;
use crate::ui::widgets::dom_id;
use crate::ui::widgets::Show;

use crate::ui::widgets::{keyed_ids, SectionFrame, UndoNote, UndoNotice};
use factors::{FactorChoices, FactorOptions};
use item_card::ItemCard;

/// Id of the Undo button after an item is removed.
pub const UNDO_ID: &str = "remedy-undo-remove";
use unknown::UnknownRemedy;

/// Element id of an item's field, from the same key the completeness check
/// and `smart::NotSmart::field` use (`remedy.items.<id>.<field>`), so "jump
/// to what is missing" lands on the right control.
pub fn field_id(item_id: &str, field: &str) -> String {
    dom_id(&format!("remedy.items.{item_id}.{field}"))
}

/// Id of the datalist suggesting owners (people in the document, owners
/// already named), shared by every card.
const OWNER_LIST: &str = "remedy-owner-names";

#[component]
pub fn RemedySection() -> impl IntoView {
    let editor = use_editor();
    let removed = UndoNote::new();
    let choices = FactorChoices::new(editor);
    provide_context(choices);
    let ids = memo(move || {
        editor.read(Scope::List(ListKind::Items), |d| {
            d.remedy
                .items
                .iter()
                .map(|i| i.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let today = tz::today();
    // Overdue is counted from today, except in the example: it reads as of
    // its own review, where nothing is late yet.
    let overdue_on = memo(move || {
        if editor.as_opened(example::is_example) {
            example::as_of()
        } else {
            today
        }
    });
    let counts = memo(move || {
        editor.track(Scope::List(ListKind::Items));
        editor.read(Scope::Rows(ListKind::Items), |d| {
            let items = &d.remedy.items;
            let smart_count = items.iter().filter(|i| smart::is_smart(i)).count();
            let overdue = items
                .iter()
                .filter(|i| smart::is_overdue(i, overdue_on.get()))
                .count();
            (items.len(), smart_count, overdue)
        })
    });
    // Suggestions, not content: they can wait for a pause in typing.
    let owner_names = memo(move || {
        editor.settled(|d| {
            let mut names: Vec<String> = d
                .context
                .people
                .iter()
                .map(|p| p.name.trim().to_string())
                .chain(d.remedy.items.iter().map(|i| i.owner.trim().to_string()))
                .filter(|n| !n.is_empty())
                .collect();
            crate::domain::sort::sort_by_key(&mut names, |n| n.to_lowercase());
            names.dedup_by_key(|n| n.to_lowercase());
            names
        })
    });
    let unknown = memo(move || editor.read(Scope::RemedyUnknown, |d| d.remedy.unknown));
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Item(ListEdit::Add(
            RemediationItem {
                id: id.clone(),
                ..RemediationItem::default()
            },
            None,
        )));
        focus_soon(field_id(&id, "action"));
    };
    view! {
        <SectionFrame slug="remedy" title="Remedy" class="remedy" guide="What will change so this is less likely, found sooner or hurts less. Each item answers a contributing factor, has an owner, a date and a way to tell it worked.">
            <BiasNote reminder=bias_reminder(Section::Remedy) />
            <UnknownRemedy />
            <Show when=move || ids.with(|i| !i.is_empty())>
                <p class="count" data-testid="remedy-count">
                    {move || {
                        let (n, smart_count, overdue) = counts.get();
                        let mut s = format!("{n} item{} · {smart_count} SMART", if n == 1 { "" } else { "s" });
                        if overdue > 0 {
                            s.push_str(&format!(" · {overdue} overdue"));
                        }
                        s
                    }}
                </p>
            </Show>
            <Show when=move || ids.with(Vec::is_empty) && !unknown.get()>
                <p class="empty">
                    "No remediation items yet. Add one for each change the team commits to, or say above that the remedy is not known yet."
                </p>
            </Show>
            <ol class="items" aria-label="Remediation items">
                {keyed_ids(ids, move |id| {
                    let pid = id.clone();
                    let number = memo(move || ids.with(|i| i.iter().position(|x| *x == pid).map_or(0, |p| p + 1)));
                    view! { <ItemCard id=id number=number removed=removed today=today overdue_on=overdue_on /> }.into_any()
                })}
            </ol>
            <UndoNotice note=removed button_id=UNDO_ID />
            <button type="button" class="add" id="remedy-items" on:click=add>
                "Add remediation item"
            </button>
            <FactorOptions choices=choices />
            <datalist id=OWNER_LIST>
                {keyed_ids(owner_names, |n| view! { <option value=n></option> }.into_any())}
            </datalist>
            <p class="remedy-links">
                <a href=Route::FollowUps.href()>"Follow-ups: open items across all post-mortems"</a>
            </p>
            <details class="ticket-setup">
                <summary>"Ticket links"</summary>
                <TicketSettings id_prefix="remedy" />
            </details>
        </SectionFrame>
    }
}
