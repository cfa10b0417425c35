//! A Slack export picked or dropped in the file import: choose a channel
//! and a time window (the incident's, when it has one), then the channel's
//! messages go to the usual preview. Only `users.json` and the chosen
//! channel's days are inflated, by the browser's own `DecompressionStream`,
//! each checked against the archive's CRC-32 before it is read.

use std::sync::Arc;

use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::time::{local, wall_offset};
use super::use_timeline;
use crate::domain::import::slack::{read_channel, read_users, SlackIndex};
use crate::domain::import::zip::Entry;
use crate::domain::import::{Import, ImportError};
use crate::ui::files::yield_to_browser;

/// A Slack export read as far as its list of channels.
#[derive(Clone)]
pub struct Archive {
    pub name: String,
    pub bytes: Arc<Vec<u8>>,
    pub entries: Arc<Vec<Entry>>,
    pub index: Arc<SlackIndex>,
}

/// One entry's bytes, inflated when deflated, and checked.
async fn entry_bytes(archive: &[u8], e: &Entry) -> Result<Vec<u8>, ImportError> {
    if let Some(stored) = e.stored(archive) {
        return stored;
    }
    let size = usize::try_from(e.size).unwrap_or(usize::MAX);
    let data = crate::ui::compression::inflate(e.compressed(archive), size)
        .await
        .map_err(|_| ImportError {
            at: Some(e.name.clone()),
            message: "its compressed data is damaged".into(),
        })?;
    e.check(&data)?;
    Ok(data)
}

async fn read(
    a: &Archive,
    channel: &str,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<Import, ImportError> {
    let users = match a.index.users {
        Some(i) => read_users(&String::from_utf8_lossy(
            &entry_bytes(&a.bytes, &a.entries[i]).await?,
        )),
        None => Default::default(),
    };
    let mut days = Vec::new();
    for i in a.index.days_between(channel, from, to) {
        let e = &a.entries[i];
        let data = entry_bytes(&a.bytes, e).await?;
        days.push((e.name.clone(), String::from_utf8_lossy(&data).into_owned()));
        // A long channel is many files: the page keeps answering between them.
        yield_to_browser().await;
    }
    read_channel(channel, &days, &users, from, to)
}

#[component]
pub fn SlackChooser(
    archive: Archive,
    on_import: Callback<(String, Import)>,
    on_error: Callback<String>,
    on_discard: Callback<()>,
) -> impl IntoView {
    let tl = use_timeline();
    let zone = tl.zone.get_untracked();
    let (started, ended) = tl.editor.peek(|d| (d.context.started, d.context.ended));
    let shown = |t: Option<DateTime<Utc>>| {
        t.map(|t| crate::domain::datefmt::ymd_t_hm(local(&zone, t)))
            .unwrap_or_default()
    };
    let from = RwSignal::new(shown(started));
    let to = RwSignal::new(shown(ended));
    // The channel with the most days in the incident's window: in an
    // export of a whole workspace, most likely the incident's own.
    let index = archive.index.clone();
    let default = index
        .channels
        .iter()
        .max_by_key(|c| {
            (
                index.days_between(&c.name, started, ended).len(),
                std::cmp::Reverse(c.name.clone()),
            )
        })
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let channel = RwSignal::new(default);
    let busy = RwSignal::new(false);
    let zone_for = zone.clone();
    let instant = move |s: &str| {
        crate::domain::datefmt::parse_ymd_hm(s, 'T')
            .map(|l| l.and_utc() - TimeDelta::minutes(i64::from(wall_offset(&zone_for, l))))
    };
    let name = archive.name.clone();
    let count = index.channels.len();
    let stored = StoredValue::new(archive);
    let go = move |_| {
        let a = stored.get_value();
        let ch = channel.get_untracked();
        let from = instant(&from.get_untracked());
        // "To 15:00" includes the whole of that minute.
        let to = instant(&to.get_untracked()).map(|t| t + TimeDelta::seconds(59));
        busy.set(true);
        spawn_local(async move {
            let result = read(&a, &ch, from, to).await;
            busy.set(false);
            match result {
                Ok(import) => on_import.run((format!("{} #{ch}", a.name), import)),
                Err(e) => on_error.run(format!(
                    "{} cannot be read: {e}. Nothing was added.",
                    a.name
                )),
            }
        });
    };
    view! {
        <section class="slack-chooser" aria-labelledby="slack-chooser-heading" data-testid="slack-chooser">
            <h4 class="paste-heading" id="slack-chooser-heading">
                {format!("{name}: a Slack export with {count} {}", if count == 1 { "channel" } else { "channels" })}
            </h4>
            <div class="slack-fields">
                <div class="field">
                    <label class="label" for="slack-channel">"Channel"</label>
                    <select id="slack-channel" on:change=move |ev| channel.set(event_target_value(&ev))>
                        {index.channels.iter().map(|c| {
                            let n = c.name.clone();
                            let days = c.days.len();
                            let label = format!("#{n} ({days} {})", if days == 1 { "day" } else { "days" });
                            let value = n.clone();
                            view! { <option value=value prop:selected=move || channel.get() == n>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="label" for="slack-from">"From"</label>
                    <input id="slack-from" type="datetime-local" prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label class="label" for="slack-to">"To"</label>
                    <input id="slack-to" type="datetime-local" prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev)) />
                </div>
            </div>
            <p class="help">{format!("Times in {zone}. The incident's start and end are filled in when it has them; an empty time reads from the channel's first message or to its last.")}</p>
            <div class="paste-actions">
                <button type="button" class="primary" id="slack-read" disabled=move || busy.get() on:click=go>
                    {move || if busy.get() { "Reading the channel…".to_string() } else { format!("Preview #{}", channel.get()) }}
                </button>
                <button type="button" on:click=move |_| on_discard.run(())>"Close the export"</button>
            </div>
        </section>
    }
}
