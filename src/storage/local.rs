//! `KeyValue` over the browser's localStorage, reached through gloo-storage.
//! gloo's accessor panics when storage is disabled, so availability is probed
//! first and every browser exception becomes a typed `StorageError`.

use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, StorageError};

#[derive(Debug, Clone, Copy)]
pub struct LocalStore;

impl LocalStore {
    /// Returns the store if localStorage can be used, or why not.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStore),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }

    fn raw(&self) -> Result<web_sys::Storage, StorageError> {
        // Probe again: storage can be revoked while the page is open.
        Self::open()?;
        Ok(gloo_storage::LocalStorage::raw())
    }
}

fn describe(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        let name: String = err.name().into();
        let msg: String = err.message().into();
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    } else {
        e.as_string().unwrap_or_else(|| "unknown error".into())
    }
}

fn map_err(e: JsValue) -> StorageError {
    let name = e
        .dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.name()))
        .unwrap_or_default();
    // Browsers name the quota error differently; Firefox also uses a code.
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else if name == "SecurityError" {
        StorageError::Unavailable(describe(&e))
    } else {
        StorageError::Other(describe(&e))
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw()?.get_item(key).map_err(map_err)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw()?.set_item(key, value).map_err(map_err)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw()?.remove_item(key).map_err(map_err)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let raw = self.raw()?;
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
