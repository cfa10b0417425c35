use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{FollowUpsState, NOTE_ID};
use crate::domain::smart::{status_change, FollowUp};
use crate::domain::{apply, Edit, ItemStatus, ListEdit};
use crate::storage::EntryState;
use crate::ui::focus::focus_soon;
use crate::ui::route::Route;
use crate::ui::state::{now, use_editor, use_store, SaveState};
use crate::ui::tickets::TicketLink;
use crate::ui::widgets::{choice_options, dom_id, Select};

/// When the item is due, in words relative to today.
fn due_text(f: &FollowUp) -> String {
    match (f.item.due, f.days_left) {
        (Some(d), Some(n)) if n < 0 => {
            let n = -n;
            format!(
                "Due {d}, overdue by {n} day{}",
                if n == 1 { "" } else { "s" }
            )
        }
        (Some(d), Some(0)) => format!("Due today ({d})"),
        (Some(d), Some(n)) => format!("Due {d}, in {n} day{}", if n == 1 { "" } else { "s" }),
        _ => "No due date".to_string(),
    }
}

/// One open item: what, where from, who, when, and its status, which can be
/// changed here.
#[component]
pub fn FollowUpRow(follow_up: FollowUp, today: NaiveDate) -> impl IntoView {
    let state = expect_context::<FollowUpsState>();
    let store = use_store();
    let editor = use_editor();
    let f = follow_up;
    let pm_id = f.postmortem_id.clone();
    let item_id = f.item.id.clone();
    let read_only = state.read_only.with_untracked(|r| r.contains(&pm_id));
    let select_id = dom_id(&format!("follow-up.{pm_id}.{item_id}.status"));
    let action = if f.item.action.trim().is_empty() {
        "An item without an action yet".to_string()
    } else {
        f.item.action.trim().to_string()
    };
    // Named by `domain::naming`, so never blank.
    let title = f.postmortem_title.clone();
    let owner = if f.item.owner.trim().is_empty() {
        "Nobody yet".to_string()
    } else {
        f.item.owner.trim().to_string()
    };
    let status = f.item.status.slug().to_string();
    let stored_status = status.clone();
    let options = choice_options::<ItemStatus>();

    let short_action: String = action.chars().take(60).collect();
    let legend = format!("Status of “{short_action}”");
    let (sid, pid, iid) = (select_id.clone(), pm_id.clone(), item_id.clone());
    let change = Callback::new(move |v: String| {
        let Some(new_status) = ItemStatus::from_slug(&v) else {
            return;
        };
        // Read the post-mortem fresh, so nothing saved since the list was
        // drawn is overwritten, then change only this item.
        let result = store.with_value(|s| {
            let entry = s
                .load(&pid)
                .map_err(|e| format!("The status was not saved: {e}"))?
                .ok_or_else(|| "The status was not saved: this post-mortem is no longer in this browser.".to_string())?;
            let EntryState::Ready(doc) = entry.state else {
                return Err("The status was not saved: this post-mortem cannot be changed in this version of Debrief.".to_string());
            };
            let mut doc = *doc;
            let Some(item) = doc.remedy.items.iter().find(|i| i.id == iid) else {
                return Err("The status was not saved: this item was removed from its post-mortem in the meantime.".to_string());
            };
            let changed = status_change(item, new_status, today);
            if apply(&mut doc, Edit::Item(ListEdit::Update(changed))) {
                doc.updated = Some(now());
                s.save(&doc).map_err(|e| format!("The status was not saved: {e}"))?;
            }
            Ok(doc)
        });
        match result {
            Ok(doc) => {
                // The editor keeps the last opened document in memory; give it
                // this version so opening it again shows the change and its
                // next save does not write the old status back.
                if editor.peek(|d| d.id == doc.id) {
                    editor.load(doc, SaveState::Saved);
                }
                state.error.set(None);
                let label = new_status.label();
                if new_status.is_open() {
                    state.note.set(Some(format!(
                        "“{short_action}” is now {}.",
                        label.to_lowercase()
                    )));
                    focus_soon(sid.clone());
                } else {
                    state.note.set(Some(format!(
                        "“{short_action}” is now {}, saved in its post-mortem and no longer listed here.",
                        label.to_lowercase()
                    )));
                    focus_soon(NOTE_ID.to_string());
                }
                state.refresh();
            }
            Err(message) => {
                state.note.set(None);
                state.error.set(Some(message));
                // The select shows what was chosen; put the stored status back.
                if let Some(el) = document()
                    .get_element_by_id(&sid)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
                {
                    el.set_value(&stored_status);
                }
                state.refresh();
            }
        }
    });

    view! {
        <li class="follow-up" class:overdue=f.overdue data-item=item_id.clone() data-postmortem=pm_id.clone()>
            <div class="fu-main">
                <h2 class="fu-action">{action}</h2>
                <p class="meta">
                    <a href=Route::Edit(pm_id.clone()).href()>{title}</a>
                    {f.severity.map(|s| view! { " " <span class="badge">{s.short()}</span> })}
                </p>
                <ul class="fu-facts">
                    <li class="due" class:late=f.overdue>{due_text(&f)}</li>
                    <li>"Owner: " {owner}</li>
                    {f.item.priority.map(|p| view! { <li>{p.label()}</li> })}
                    {(!f.item.ticket.trim().is_empty()).then(|| {
                        let t = f.item.ticket.clone();
                        view! {
                            <li>
                                "Ticket: "
                                <TicketLink ticket=Signal::derive(move || t.clone()) />
                                <span class="ticket-text">{f.item.ticket.trim().to_string()}</span>
                            </li>
                        }
                    })}
                </ul>
            </div>
            <fieldset class="plain fu-status" prop:disabled=read_only>
                <legend class="visually-hidden">{legend}</legend>
                <Select
                    id=select_id
                    label="Status"
                    options=options
                    value=Signal::derive(move || status.clone())
                    on_change=change
                />
                {read_only.then(|| view! { <p class="help">"Read-only: saved by a newer version of Debrief."</p> })}
            </fieldset>
        </li>
    }
}
