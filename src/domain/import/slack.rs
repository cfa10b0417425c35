//! A Slack workspace export: a ZIP with a folder per channel holding one
//! JSON file per day (`general/2024-03-12.json`, an array of messages), and
//! `users.json` and `channels.json` beside them. Reading is in two steps so
//! the browser inflates only what is needed: [`index`] lists the channels
//! from the entry names alone, then [`read_channel`] turns the chosen
//! channel's day files into candidates.
//!
//! A message becomes a candidate with its author and time. Replies follow
//! their parent, in their own order, marked as replies. An edited message
//! is read as it reads now; deleted messages and channel notices (joins,
//! leaves, topic changes) are left out with the reason, so nothing goes
//! silently.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, TimeDelta, Timelike, Utc};
use serde_json::Value;

use super::zip::Entry;
use super::{ImportError, ImportedEvent, LeftOut};
use crate::domain::model::Precision;
use crate::domain::paste::guess_kind;

/// One channel of the export and its day files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    pub name: String,
    /// Each day file: its date and its index in the archive's entries.
    pub days: Vec<(NaiveDate, usize)>,
}

/// What the archive holds, from the entry names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlackIndex {
    /// Sorted by name.
    pub channels: Vec<Channel>,
    /// The index of `users.json`, if the export has one.
    pub users: Option<usize>,
}

impl SlackIndex {
    /// The archive entries of `channel`'s days that can hold messages between
    /// `from` and `to`. A day file is named by a calendar date that need not
    /// be UTC's, so a day either side is read too and the times decide.
    pub fn days_between(
        &self,
        channel: &str,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
    ) -> Vec<usize> {
        let Some(c) = self.channels.iter().find(|c| c.name == channel) else {
            return Vec::new();
        };
        let lo = from.map(|t| t.date_naive() - TimeDelta::days(1));
        let hi = to.map(|t| t.date_naive() + TimeDelta::days(1));
        c.days
            .iter()
            .filter(|(d, _)| lo.is_none_or(|lo| *d >= lo) && hi.is_none_or(|hi| *d <= hi))
            .map(|(_, i)| *i)
            .collect()
    }
}

/// Finds the channels in a ZIP's entries. An export zipped with its folder
/// (`Acme Slack export/general/…`) is read the same as one zipped inside it.
pub fn index(entries: &[Entry]) -> Result<SlackIndex, ImportError> {
    let users = entries
        .iter()
        .position(|e| e.name == "users.json" || e.name.ends_with("/users.json"));
    // The folder the export sits in: where users.json or channels.json is.
    let root = users
        .or_else(|| {
            entries
                .iter()
                .position(|e| e.name == "channels.json" || e.name.ends_with("/channels.json"))
        })
        .map(|i| {
            let name = &entries[i].name;
            name[..name.rfind('/').map_or(0, |p| p + 1)].to_string()
        })
        .unwrap_or_default();
    let mut by_name: HashMap<String, Vec<(NaiveDate, usize)>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(rest) = e.name.strip_prefix(&root) else {
            continue;
        };
        let Some((folder, file)) = rest.split_once('/') else {
            continue;
        };
        let Some(day) = file
            .strip_suffix(".json")
            .and_then(crate::domain::datefmt::parse_ymd)
        else {
            continue;
        };
        if folder.is_empty() || folder.starts_with("__MACOSX") {
            continue;
        }
        by_name
            .entry(folder.to_string())
            .or_default()
            .push((day, i));
    }
    if by_name.is_empty() {
        return Err(ImportError::new(
            "no Slack channels in this ZIP (expected a folder per channel with a JSON file per day)",
        ));
    }
    let mut channels: Vec<Channel> = by_name
        .into_iter()
        .map(|(name, mut days)| {
            days.sort_unstable();
            Channel { name, days }
        })
        .collect();
    channels.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(SlackIndex { channels, users })
}

/// People by id, from `users.json`: the real name, else the display name,
/// else the account name. A file that cannot be read gives no names (and
/// every author is shown by id), not a failed import.
pub fn read_users(text: &str) -> HashMap<String, String> {
    let Ok(Value::Array(users)) = serde_json::from_str::<Value>(text) else {
        return HashMap::new();
    };
    let s = |v: &Value, path: &[&str]| {
        path.iter()
            .try_fold(v, |v, k| v.get(k))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    users
        .iter()
        .filter_map(|u| {
            let id = s(u, &["id"])?;
            let name = s(u, &["real_name"])
                .or_else(|| s(u, &["profile", "real_name"]))
                .or_else(|| s(u, &["profile", "display_name"]))
                .or_else(|| s(u, &["name"]))?;
            Some((id, name))
        })
        .collect()
}

/// A Slack `ts`: epoch seconds with microseconds after the point, UTC.
pub fn parse_ts(ts: &str) -> Option<DateTime<Utc>> {
    let (secs, frac) = ts.trim().split_once('.').unwrap_or((ts.trim(), ""));
    let secs: i64 = secs.parse().ok()?;
    let micros: u32 = if frac.is_empty() {
        0
    } else if frac.len() <= 6 && frac.bytes().all(|b| b.is_ascii_digit()) {
        format!("{frac:0<6}").parse().ok()?
    } else {
        return None;
    };
    DateTime::from_timestamp(secs, micros * 1000)
}

/// Slack's message markup as plain text: `<@U1>` becomes the person's name,
/// `<#C1|general>` `#general`, `<https://…|label>` `label (https://…)`, and
/// the three escaped characters are unescaped.
pub fn plain_text(text: &str, users: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let inner = &rest[open + 1..open + close];
        let (target, label) = inner.split_once('|').unwrap_or((inner, ""));
        match target.chars().next() {
            Some('@') => {
                let id = &target[1..];
                let name = users
                    .get(id)
                    .map(String::as_str)
                    .unwrap_or(if label.is_empty() { id } else { label });
                out.push('@');
                out.push_str(name);
            }
            Some('#') => {
                out.push('#');
                out.push_str(if label.is_empty() {
                    &target[1..]
                } else {
                    label
                });
            }
            Some('!') => {
                out.push('@');
                out.push_str(if label.is_empty() {
                    &target[1..]
                } else {
                    label
                });
            }
            _ if label.is_empty() || label == target => out.push_str(target),
            _ => {
                out.push_str(label);
                out.push_str(" (");
                out.push_str(target);
                out.push(')');
            }
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Notices Slack posts into the channel itself, which are no part of what
/// happened.
fn notice(subtype: &str) -> Option<&'static str> {
    Some(match subtype {
        "channel_join" | "group_join" => "someone joined the channel",
        "channel_leave" | "group_leave" => "someone left the channel",
        "channel_topic" | "group_topic" => "a topic change",
        "channel_purpose" | "group_purpose" => "a purpose change",
        "channel_name" | "group_name" => "a channel rename",
        "channel_archive" | "channel_unarchive" => "archiving the channel",
        "pinned_item" | "unpinned_item" => "a pin notice",
        "reminder_add" => "a reminder notice",
        _ => return None,
    })
}

struct Message {
    at: String,
    ts: String,
    time: DateTime<Utc>,
    thread: Option<String>,
    author: String,
    text: String,
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// Who wrote a message: a bot by the name it posts under, a person by name,
/// anyone unknown by their id.
fn author(m: &Value, users: &HashMap<String, String>) -> String {
    let bot = str_of(m, "subtype") == Some("bot_message") || m.get("bot_id").is_some();
    let user = str_of(m, "user");
    let named = user.and_then(|u| users.get(u)).cloned();
    let bot_name = str_of(m, "username")
        .or_else(|| m.get("bot_profile").and_then(|p| str_of(p, "name")))
        .map(str::to_string);
    if bot {
        bot_name
            .or(named)
            .or_else(|| str_of(m, "bot_id").map(|b| format!("bot {b}")))
            .unwrap_or_else(|| "a bot".into())
    } else {
        named
            .or_else(|| user.map(str::to_string))
            .or(bot_name)
            .unwrap_or_else(|| "someone unknown".into())
    }
}

/// The chosen channel's messages between `from` and `to` (either open), as
/// candidates: each parent in time order with its replies after it. `days`
/// are the day files' names and texts; `users` is from [`read_users`].
pub fn read_channel(
    channel: &str,
    days: &[(String, String)],
    users: &HashMap<String, String>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
) -> Result<super::Import, ImportError> {
    let mut import = super::Import::default();
    let mut messages: Vec<Message> = Vec::new();
    // Edits posted as their own `message_changed` record: the newest text by
    // the edited message's ts.
    let mut changed: HashMap<String, String> = HashMap::new();
    let mut deleted: Vec<String> = Vec::new();
    for (file, text) in days {
        let short = file.rsplit('/').next().unwrap_or(file);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            ImportError::at(
                format!("{file}, line {}, column {}", e.line(), e.column()),
                "this is not valid JSON",
            )
        })?;
        let Value::Array(list) = value else {
            return Err(ImportError::at(file.clone(), "expected a list of messages"));
        };
        for (n, m) in list.iter().enumerate() {
            let at = format!("{short} #{}", n + 1);
            let left = |import: &mut super::Import, reason: &str| {
                import.left_out.push(LeftOut {
                    at: at.clone(),
                    reason: reason.to_string(),
                })
            };
            let subtype = str_of(m, "subtype").unwrap_or("");
            if let Some(why) = notice(subtype) {
                left(&mut import, &format!("{why}, not part of the incident"));
                continue;
            }
            match subtype {
                "message_deleted" => {
                    if let Some(ts) = str_of(m, "deleted_ts") {
                        deleted.push(ts.to_string());
                    }
                    left(&mut import, "a deleted message");
                    continue;
                }
                "tombstone" => {
                    left(&mut import, "a deleted message");
                    continue;
                }
                "message_changed" => {
                    let inner = m.get("message");
                    if let (Some(ts), Some(t)) = (
                        inner.and_then(|i| str_of(i, "ts")),
                        inner.and_then(|i| i.get("text")).and_then(Value::as_str),
                    ) {
                        changed.insert(ts.to_string(), t.to_string());
                    }
                    continue;
                }
                _ => {}
            }
            let Some(ts) = str_of(m, "ts") else {
                left(&mut import, "no ts (time)");
                continue;
            };
            let Some(time) = parse_ts(ts) else {
                left(&mut import, &format!("\"{ts}\" is not a Slack time"));
                continue;
            };
            let text = m.get("text").and_then(Value::as_str).unwrap_or("");
            messages.push(Message {
                at,
                ts: ts.to_string(),
                time,
                thread: str_of(m, "thread_ts")
                    .filter(|t| *t != ts)
                    .map(str::to_string),
                author: author(m, users),
                text: text.to_string(),
            });
        }
    }
    let mut kept: Vec<Message> = Vec::new();
    let mut outside = 0usize;
    for mut m in messages {
        if deleted.contains(&m.ts) {
            import.left_out.push(LeftOut {
                at: m.at,
                reason: "a deleted message".into(),
            });
            continue;
        }
        if let Some(t) = changed.remove(&m.ts) {
            m.text = t;
        }
        m.text = plain_text(m.text.trim(), users);
        if m.text.trim().is_empty() {
            import.left_out.push(LeftOut {
                at: m.at,
                reason: "no text (a file or attachment only)".into(),
            });
            continue;
        }
        kept.push(m);
    }
    // A thread belongs to its parent's time: replies come along with a
    // parent in the window, and a reply in the window whose parent is not
    // stands on its own (still marked as a reply).
    let within = |t: DateTime<Utc>| from.is_none_or(|f| t >= f) && to.is_none_or(|to| t <= to);
    let parents: HashMap<String, DateTime<Utc>> = kept
        .iter()
        .filter(|m| m.thread.is_none())
        .map(|m| (m.ts.clone(), m.time))
        .collect();
    // Sort key: the thread's start, then parent before replies, then time,
    // then the file's order. The last makes every key distinct, so the
    // unstable sort (a little less code in the download than the stable one)
    // gives the stable order.
    type Key = (DateTime<Utc>, bool, DateTime<Utc>, usize);
    let mut ordered: Vec<(Key, Message)> = Vec::new();
    for m in kept {
        let parent_time = m.thread.as_ref().and_then(|t| parents.get(t)).copied();
        let anchor = parent_time.filter(|t| within(*t)).unwrap_or(m.time);
        if !within(anchor) {
            outside += 1;
            continue;
        }
        let seq = ordered.len();
        ordered.push(((anchor, m.thread.is_some(), m.time, seq), m));
    }
    ordered.sort_unstable_by_key(|(key, _)| *key);
    for (_, m) in ordered {
        let reply = m.thread.is_some();
        import.events.push(ImportedEvent {
            at: m.at,
            // The digits after the point keep messages apart within a
            // second; a timeline shows whole seconds.
            time: m.time.with_nanosecond(0).unwrap_or(m.time),
            precision: Precision::Exact,
            kind: guess_kind(&m.text),
            description: m.text,
            source: format!("Slack #{channel}"),
            author: m.author,
            reply,
        });
    }
    if outside > 0 {
        import.left_out.push(LeftOut {
            at: "the rest of the channel".into(),
            reason: if outside == 1 {
                "1 message outside the time window".into()
            } else {
                format!("{outside} messages outside the time window")
            },
        });
    }
    Ok(import)
}
