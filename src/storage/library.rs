//! What is stored where, and the rules that keep it safe.
//!
//! Layout (all keys start with `debrief:` so other apps on the origin are left
//! alone):
//! - `debrief:pm:<id>`: one post-mortem in an envelope
//!   `{"format":"debrief/entry","revision":N,"saved":"…","doc":{…}}`;
//! - `debrief:index`: the ids in library order;
//! - `debrief:recovery:<id>:<n>`: the raw text of an entry that could not be
//!   read, kept so it can be downloaded instead of being lost;
//! - `debrief:trash:<id>`: a deleted entry, until the delete is confirmed;
//! - `debrief:settings`: small app settings.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{KeyValue, StorageError};
use crate::domain::{migrate, repair_ids, LoadError, PostMortem};

pub const PREFIX: &str = "debrief:pm:";
pub const INDEX_KEY: &str = "debrief:index";
pub const RECOVERY_PREFIX: &str = "debrief:recovery:";
pub const SETTINGS_KEY: &str = "debrief:settings";
pub const TRASH_PREFIX: &str = "debrief:trash:";
const FORMAT: &str = "debrief/entry";

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: String,
    revision: u64,
    saved: String,
    doc: T,
}

/// A stored post-mortem as read, including the ones that could not be opened
/// normally: they are reported, never dropped.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryState {
    Ready(Box<PostMortem>),
    /// Written by a newer Debrief: shown read-only, never overwritten. `doc`
    /// is a best-effort reading of the parts this version understands.
    Newer {
        version: u64,
        title: String,
        doc: Option<Box<PostMortem>>,
    },
    /// Unreadable: the raw text was copied to `recovery_key`.
    Corrupt {
        recovery_key: String,
        error: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub revision: u64,
    pub state: EntryState,
}

/// App settings kept beside the post-mortems.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
pub struct Settings {
    /// Pattern turning ticket ids into links, with `{id}` as the placeholder.
    pub ticket_url: String,
    /// The tracker's new-ticket page (GitHub, GitLab or Jira), which a
    /// remediation item's "Create a ticket" link fills in.
    pub new_ticket_url: String,
}

pub struct Library<S: KeyValue> {
    store: S,
    /// Revision of each entry as this tab last read or wrote it. A save finding
    /// another revision in storage means another tab wrote in between.
    seen: RefCell<HashMap<String, u64>>,
    /// Entries whose stored text this tab last read as one it can write over
    /// (not a newer version's, not corrupt), or wrote itself. While the store
    /// says the text is unchanged since (`KeyValue::unchanged`), a save knows
    /// the stored revision without reading the entry at all: on a large
    /// post-mortem, copying it in and parsing or hashing it was most of an
    /// autosave's cost. A list: a session opens a few entries.
    sound: RefCell<Vec<String>>,
}

fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

impl<S: KeyValue> Library<S> {
    pub fn new(store: S) -> Self {
        Library {
            store,
            seen: RefCell::new(HashMap::new()),
            sound: RefCell::new(Vec::new()),
        }
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// Ids in library order: the index first, then any entry the index misses
    /// (an index lost or damaged must not hide a post-mortem).
    pub fn ids(&self) -> Result<Vec<String>, StorageError> {
        let mut ids: Vec<String> = self
            .store
            .get(INDEX_KEY)?
            .and_then(|raw| serde_json::from_str::<Vec<String>>(&raw).ok())
            .unwrap_or_default();
        let mut found: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_string))
            .collect();
        crate::domain::sort::sort(&mut found);
        ids.retain(|id| found.contains(id));
        for id in found {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Reads every stored post-mortem. One bad entry never stops the others.
    pub fn load_all(&self) -> Result<Vec<Entry>, StorageError> {
        let mut out = Vec::new();
        for id in self.ids()? {
            if let Some(e) = self.load(&id)? {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// Reads one entry. A corrupt entry is copied raw to a recovery key (once)
    /// and reported; the original key is left as it was.
    pub fn load(&self, id: &str) -> Result<Option<Entry>, StorageError> {
        self.sound.borrow_mut().retain(|s| s != id);
        let Some(raw) = self.store.get_kept(&key_of(id))? else {
            return Ok(None);
        };
        let entry = match read_envelope(&raw) {
            Ok((revision, doc)) => Entry {
                id: id.into(),
                revision,
                state: EntryState::Ready(Box::new(doc)),
            },
            Err(Read::Newer {
                revision,
                version,
                title,
                doc,
            }) => Entry {
                id: id.into(),
                revision,
                state: EntryState::Newer {
                    version,
                    title,
                    doc,
                },
            },
            Err(Read::Corrupt(error)) => {
                let recovery_key = self.keep_for_recovery(id, &raw)?;
                Entry {
                    id: id.into(),
                    revision: 0,
                    state: EntryState::Corrupt {
                        recovery_key,
                        error,
                    },
                }
            }
        };
        self.seen
            .borrow_mut()
            .insert(id.to_string(), entry.revision);
        // Only text this version can write over counts as known: a newer
        // version's entry or a corrupt one must still be checked on save.
        if matches!(entry.state, EntryState::Ready(_)) {
            self.sound.borrow_mut().push(id.to_string());
        }
        Ok(Some(entry))
    }

    fn keep_for_recovery(&self, id: &str, raw: &str) -> Result<String, StorageError> {
        let keys = self.store.keys()?;
        let base = format!("{RECOVERY_PREFIX}{id}:");
        // Same text already kept: do not pile up copies on every load.
        for k in keys.iter().filter(|k| k.starts_with(&base)) {
            if self.store.get(k)?.as_deref() == Some(raw) {
                return Ok(k.clone());
            }
        }
        let n = keys.iter().filter(|k| k.starts_with(&base)).count() + 1;
        let key = format!("{base}{n}");
        self.store.set(&key, raw)?;
        Ok(key)
    }

    /// Raw text of every recovery copy, for download.
    pub fn recovery(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for k in self.store.keys()? {
            if k.starts_with(RECOVERY_PREFIX) {
                if let Some(v) = self.store.get(&k)? {
                    out.push((k, v));
                }
            }
        }
        crate::domain::sort::sort(&mut out);
        Ok(out)
    }

    /// Saves a post-mortem and reads it back to verify. Refuses to overwrite an
    /// entry another tab changed since this tab read it, or one written by a
    /// newer Debrief. Returns the new revision.
    pub fn save(&self, doc: &PostMortem) -> Result<u64, StorageError> {
        self.write(doc, false)
    }

    /// Saves even if another tab changed the entry ("keep mine"). Still never
    /// overwrites an entry written by a newer version.
    pub fn save_over(&self, doc: &PostMortem) -> Result<u64, StorageError> {
        self.write(doc, true)
    }

    fn write(&self, doc: &PostMortem, force: bool) -> Result<u64, StorageError> {
        let key = key_of(&doc.id);
        let known = self.seen.borrow().get(&doc.id).copied();
        // Still exactly what this tab last read or wrote: the stored revision
        // is the one it knows, and the entry need not be read at all.
        let sound = self.sound.borrow().contains(&doc.id);
        let unchanged = sound && self.store.unchanged(&key)? == Some(true);
        let (exists, stored_revision) = match known {
            Some(r) if unchanged => (true, r),
            _ => {
                let current = self.store.get(&key)?;
                let revision = self.stored_revision(&doc.id, current.as_deref())?;
                (current.is_some(), revision)
            }
        };
        if !force && exists && known != Some(stored_revision) {
            return Err(StorageError::Conflict { key });
        }
        let revision = stored_revision + 1;
        let text = serde_json::to_string(&Envelope {
            format: FORMAT.into(),
            revision,
            saved: doc.updated.map(|t| t.to_rfc3339()).unwrap_or_default(),
            doc,
        })
        .map_err(|e| StorageError::Other(e.to_string()))?;
        // localStorage writes one key atomically: a refused write leaves the
        // previous copy intact, so there is never a half-written entry.
        if !self.store.set_checked(&key, &text)? {
            return Err(StorageError::VerifyFailed);
        }
        self.seen.borrow_mut().insert(doc.id.clone(), revision);
        if !sound {
            self.sound.borrow_mut().push(doc.id.clone());
        }
        self.add_to_index(&doc.id)?;
        Ok(revision)
    }

    /// The revision of what is stored under an entry's key, read from the
    /// stored text itself. Text that cannot be read is kept for recovery
    /// before it is replaced, never destroyed.
    fn stored_revision(&self, id: &str, current: Option<&str>) -> Result<u64, StorageError> {
        Ok(match current.map(read_envelope) {
            None => 0,
            Some(Ok((r, _))) => r,
            Some(Err(Read::Newer { version, .. })) => {
                return Err(StorageError::ReadOnly { version })
            }
            Some(Err(Read::Corrupt(_))) => {
                if let Some(raw) = current {
                    self.keep_for_recovery(id, raw)?;
                }
                0
            }
        })
    }

    fn add_to_index(&self, id: &str) -> Result<(), StorageError> {
        let mut ids = self.ids()?;
        let index: Option<Vec<String>> = self
            .store
            .get(INDEX_KEY)?
            .and_then(|raw| serde_json::from_str(&raw).ok());
        if index.as_ref().is_some_and(|ix| ix.iter().any(|x| x == id)) {
            return Ok(());
        }
        if !ids.iter().any(|x| x == id) {
            ids.push(id.to_string());
        }
        let text = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
        self.store.set(INDEX_KEY, &text)
    }

    /// Moves a post-mortem to the trash: out of the library, but kept (raw, as
    /// stored) under a trash key until `purge`, so a delete can be undone even
    /// after a reload.
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        let key = key_of(id);
        if let Some(raw) = self.store.get(&key)? {
            // Copy first, remove second: a failure in between loses nothing.
            self.store.set(&format!("{TRASH_PREFIX}{id}"), &raw)?;
        }
        self.store.remove(&key)?;
        self.seen.borrow_mut().remove(id);
        self.sound.borrow_mut().retain(|s| s != id);
        let ids: Vec<String> = self.ids()?.into_iter().filter(|x| x != id).collect();
        self.store.set(
            INDEX_KEY,
            &serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into()),
        )
    }

    /// Ids and titles of deleted post-mortems that can still be restored.
    pub fn trashed(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut out = Vec::new();
        for k in self.store.keys()? {
            if let Some(id) = k.strip_prefix(TRASH_PREFIX) {
                let title = self
                    .store
                    .get(&k)?
                    .and_then(|raw| serde_json::from_str::<Value>(&raw).ok())
                    .and_then(|v| {
                        v.pointer("/doc/context/title")
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    })
                    .unwrap_or_default();
                out.push((id.to_string(), title));
            }
        }
        crate::domain::sort::sort(&mut out);
        Ok(out)
    }

    /// Puts a deleted post-mortem back, exactly as it was stored.
    pub fn restore(&self, id: &str) -> Result<(), StorageError> {
        let trash_key = format!("{TRASH_PREFIX}{id}");
        let Some(raw) = self.store.get(&trash_key)? else {
            return Ok(());
        };
        self.store.set(&key_of(id), &raw)?;
        self.store.remove(&trash_key)?;
        self.add_to_index(id)
    }

    /// Forgets a deleted post-mortem for good.
    pub fn purge(&self, id: &str) -> Result<(), StorageError> {
        self.store.remove(&format!("{TRASH_PREFIX}{id}"))
    }

    pub fn settings(&self) -> Result<Settings, StorageError> {
        Ok(self
            .store
            .get(SETTINGS_KEY)?
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default())
    }

    pub fn save_settings(&self, s: &Settings) -> Result<(), StorageError> {
        let text = serde_json::to_string(s).map_err(|e| StorageError::Other(e.to_string()))?;
        self.store.set(SETTINGS_KEY, &text)
    }

    /// Bytes used by Debrief's keys (UTF-16, as browsers count against quota).
    pub fn used_bytes(&self) -> Result<usize, StorageError> {
        let mut total = 0;
        for k in self.store.keys()? {
            if k.starts_with("debrief:") {
                let v = self.store.get(&k)?.unwrap_or_default();
                total += 2 * (k.encode_utf16().count() + v.encode_utf16().count());
            }
        }
        Ok(total)
    }
}

enum Read {
    Newer {
        revision: u64,
        version: u64,
        title: String,
        doc: Option<Box<PostMortem>>,
    },
    Corrupt(String),
}

fn read_envelope(raw: &str) -> Result<(u64, PostMortem), Read> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| Read::Corrupt(format!("not valid JSON: {e}")))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Read::Corrupt("not a Debrief entry".into()));
    }
    let revision = value.get("revision").and_then(Value::as_u64).unwrap_or(0);
    let doc = value.get("doc").cloned().unwrap_or(Value::Null);
    match migrate(doc.clone()) {
        Ok(mut d) => {
            // A stored draft with clashing ids opens with every entry intact
            // rather than showing one entry's text in another's place.
            repair_ids(&mut d);
            Ok((revision, d))
        }
        Err(LoadError::Newer { version }) => {
            let title = doc
                .pointer("/context/title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            // Fields this version knows are read and unknown ones ignored. Such
            // a document is only ever shown read-only, so nothing is lost.
            let doc = crate::domain::migrate::read_typed(&doc).ok().map(|mut d| {
                repair_ids(&mut d);
                Box::new(d)
            });
            Err(Read::Newer {
                revision,
                version,
                title,
                doc,
            })
        }
        Err(e) => Err(Read::Corrupt(e.to_string())),
    }
}
