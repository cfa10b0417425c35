//! Ticket links: the tracker's address pattern (an app setting kept beside
//! the post-mortems), the small panel that edits it, and the link a ticket
//! field turns into. The id-to-address rule is `export::tickets`, shared with
//! the exports.

use leptos::prelude::*;

use crate::export::tickets::{check_new_ticket, check_pattern, ticket_url, PLACEHOLDER};
use crate::storage::SETTINGS_KEY;
use crate::ui::memo::memo;
use crate::ui::state::{use_store, Store};

/// The ticket address pattern in force, shared by every view that shows a
/// ticket. Read once at start, written by the settings panel, and re-read
/// when another tab changes the settings.
#[derive(Clone, Copy)]
pub struct TicketPattern(pub RwSignal<String>);

/// The tracker's new-ticket page in force (empty: no "Create a ticket").
#[derive(Clone, Copy)]
pub struct NewTicketPage(pub RwSignal<String>);

pub fn provide_ticket_pattern(store: Store) {
    let read = move || store.with_value(|s| s.settings()).unwrap_or_default();
    let first = read();
    let pattern = RwSignal::new(first.ticket_url);
    let new_page = RwSignal::new(first.new_ticket_url);
    provide_context(TicketPattern(pattern));
    provide_context(NewTicketPage(new_page));
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(SETTINGS_KEY) {
            let s = read();
            pattern.set(s.ticket_url);
            new_page.set(s.new_ticket_url);
        }
    });
    // The app lives as long as the page.
    std::mem::forget(handle);
}

pub fn use_ticket_pattern() -> RwSignal<String> {
    expect_context::<TicketPattern>().0
}

pub fn use_new_ticket_page() -> RwSignal<String> {
    expect_context::<NewTicketPage>().0
}

/// A ticket field as a link, when it is an http(s) address or an id the
/// pattern can place; nothing otherwise (the field itself shows the text).
#[component]
pub fn TicketLink(ticket: Signal<String>) -> impl IntoView {
    let pattern = use_ticket_pattern();
    let href = memo(move || ticket.with(|t| ticket_url(t, &pattern.get())));
    move || {
        href.get().map(|url| {
            let label = ticket.with(|t| t.trim().to_string());
            view! {
                <a class="ticket-link" href=url target="_blank" rel="noopener noreferrer">
                    {label}
                    <span class="visually-hidden">" (opens in a new tab)"</span>
                    <span aria-hidden="true">" ↗"</span>
                </a>
            }
        })
    }
}

/// The form for the ticket address pattern. `id_prefix` keeps element ids
/// unique should the form appear in more than one place.
#[component]
pub fn TicketSettings(#[prop(into)] id_prefix: String) -> impl IntoView {
    let store = use_store();
    let pattern = use_ticket_pattern();
    let new_page = use_new_ticket_page();
    let draft = RwSignal::new(pattern.get_untracked());
    let page_draft = RwSignal::new(new_page.get_untracked());
    let page_id = format!("{id_prefix}-new-ticket-url");
    let page_help = format!("{page_id}-help");
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<&'static str>);
    let input_id = format!("{id_prefix}-ticket-url");
    let help_id = format!("{input_id}-help");
    let error_id = format!("{input_id}-error");
    let example_id = format!("{input_id}-example");
    let described = format!("{help_id} {error_id} {example_id}");
    let example = memo(move || {
        let p = draft.get();
        if p.trim().is_empty() || check_pattern(&p).is_err() {
            return None;
        }
        ticket_url("PAY-1234", &p).map(|u| format!("PAY-1234 becomes {u}"))
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = draft.get_untracked().trim().to_string();
        let page = page_draft.get_untracked().trim().to_string();
        let trouble = check_pattern(&value)
            .err()
            .map(|p| p.message())
            .or_else(|| check_new_ticket(&page));
        if let Some(p) = trouble {
            problem.set(Some(p.to_string()));
            saved.set(None);
            return;
        }
        let result = store.with_value(|s| {
            let mut settings = s.settings()?;
            settings.ticket_url = value.clone();
            settings.new_ticket_url = page.clone();
            s.save_settings(&settings)
        });
        match result {
            Ok(()) => {
                problem.set(None);
                pattern.set(value.clone());
                draft.set(value);
                new_page.set(page.clone());
                page_draft.set(page);
                saved.set(Some("Saved. Ticket ids now link through the pattern, and items offer to create a ticket on the new-ticket page."));
            }
            Err(e) => {
                problem.set(Some(format!("The setting was not saved: {e}")));
                saved.set(None);
            }
        }
    };
    view! {
        <form class="ticket-settings" on:submit=save>
            <div class="field">
                <label class="label" for=input_id.clone()>"Ticket address pattern"</label>
                <p class="help" id=help_id>
                    "Ticket ids in remediation items become links to your tracker. Put "
                    <code>{PLACEHOLDER}</code>
                    " where the id goes; leave empty to link only full addresses."
                </p>
                <input
                    id=input_id
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="https://tracker.example/browse/{id}"
                    aria-describedby=described
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    prop:value=move || draft.get()
                    on:input=move |ev| {
                        draft.set(event_target_value(&ev));
                        saved.set(None);
                    }
                />
            </div>
            <div class="field">
                <label class="label" for=page_id.clone()>"New-ticket page"</label>
                <p class="help" id=page_help.clone()>
                    "Your tracker's page for a new ticket (GitHub, GitLab or Jira). Each remediation item then offers a link that opens it with the item filled in; nothing is sent until you submit it there."
                </p>
                <input
                    id=page_id
                    type="text"
                    inputmode="url"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="https://github.com/org/repo/issues/new"
                    aria-describedby=page_help
                    prop:value=move || page_draft.get()
                    on:input=move |ev| {
                        page_draft.set(event_target_value(&ev));
                        saved.set(None);
                    }
                />
            </div>
            <p class="error" id=error_id role="alert">{move || problem.get()}</p>
            <p class="help example" id=example_id>{move || example.get()}</p>
            <div class="form-actions">
                <button type="submit" class="primary">"Save ticket settings"</button>
                <span class="note" role="status">{move || saved.get()}</span>
            </div>
        </form>
    }
}

/// "Settings" in a top bar: a small panel that opens in place.
#[component]
pub fn SettingsMenu(#[prop(into)] id_prefix: String) -> impl IntoView {
    view! {
        <details class="menu settings-menu">
            <summary>"Settings"</summary>
            <div class="menu-panel" role="group" aria-label="Settings">
                <TicketSettings id_prefix=id_prefix />
            </div>
        </details>
    }
}
