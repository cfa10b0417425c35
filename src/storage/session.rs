//! `KeyValue` over the tab's sessionStorage, for choices that should last as
//! long as the tab and no longer (the export options are habits of the
//! moment, not settings worth keeping). Reached through web-sys rather than
//! gloo, whose accessor panics when storage is disabled; every browser
//! exception becomes a typed `StorageError`.

use super::local::{describe, map_err};
use super::{KeyValue, StorageError};

#[derive(Debug, Clone, Copy)]
pub struct SessionStore;

impl SessionStore {
    /// Returns the store if sessionStorage can be used, or why not.
    pub fn open() -> Result<Self, StorageError> {
        raw().map(|_| SessionStore)
    }
}

fn raw() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.session_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageError::Unavailable(
            "sessionStorage is missing".into(),
        )),
        Err(e) => Err(StorageError::Unavailable(describe(&e))),
    }
}

impl KeyValue for SessionStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        raw()?.get_item(key).map_err(map_err)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        raw()?.set_item(key, value).map_err(map_err)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        raw()?.remove_item(key).map_err(map_err)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let raw = raw()?;
        let len = raw.length().map_err(map_err)?;
        let mut out = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(k) = raw.key(i).map_err(map_err)? {
                out.push(k);
            }
        }
        Ok(out)
    }
}

/// A yes/no choice remembered for this tab's session, or `default` when none
/// is stored or the browser offers no sessionStorage: a forgotten choice only
/// costs ticking it again.
pub fn session_flag(key: &str, default: bool) -> bool {
    match SessionStore.get(key) {
        Ok(Some(v)) => v == "1",
        _ => default,
    }
}

/// Remembers a yes/no choice for this tab's session.
pub fn set_session_flag(key: &str, value: bool) -> Result<(), StorageError> {
    SessionStore.set(key, if value { "1" } else { "0" })
}
