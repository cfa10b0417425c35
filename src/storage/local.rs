//! `KeyValue` over the browser's localStorage, reached through gloo-storage.
//! gloo's accessor panics when storage is disabled, so availability is probed
//! first and every browser exception becomes a typed `StorageError`.

use std::cell::RefCell;

use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

use super::{KeyValue, StorageError};

#[derive(Debug, Default)]
pub struct LocalStore {
    /// What `get_kept` last read or `set_checked` last wrote under a key, as
    /// the browser's own string: `unchanged` compares the stored text with
    /// it in the browser instead of copying a large entry into the app to
    /// check it. A list: a session opens a few entries.
    kept: RefCell<Vec<(String, JsValue)>>,
}

impl LocalStore {
    /// Returns the store if localStorage can be used, or why not.
    pub fn open() -> Result<Self, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStore::default()),
            Ok(None) => Err(StorageError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }

    fn raw(&self) -> Result<web_sys::Storage, StorageError> {
        // Probe again: storage can be revoked while the page is open.
        Self::open()?;
        Ok(gloo_storage::LocalStorage::raw())
    }

    /// `localStorage[name](key, value)` with the value and the result left
    /// as the browser's strings: a large entry is not copied into the app.
    fn call(
        &self,
        name: &str,
        key: &str,
        value: Option<&JsValue>,
    ) -> Result<JsValue, StorageError> {
        let raw = self.raw()?;
        let f: js_sys::Function = js_sys::Reflect::get(&raw, &name.into())
            .map_err(map_err)?
            .dyn_into()
            .map_err(|_| StorageError::Other(format!("localStorage.{name} is missing")))?;
        let key = JsValue::from_str(key);
        match value {
            Some(v) => f.call2(&raw, &key, v),
            None => f.call1(&raw, &key),
        }
        .map_err(map_err)
    }

    fn forget(&self, key: &str) {
        self.kept.borrow_mut().retain(|(k, _)| k != key);
    }
}

pub(super) fn describe(e: &JsValue) -> String {
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

pub(super) fn map_err(e: JsValue) -> StorageError {
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
    fn set_checked(&self, key: &str, value: &str) -> Result<bool, StorageError> {
        // The text crosses into the browser once; what is read back stays
        // there and is compared there (`===` on two strings).
        let text = JsValue::from_str(value);
        self.forget(key);
        self.call("setItem", key, Some(&text))?;
        let kept = self.call("getItem", key, None)? == text;
        if kept {
            self.kept.borrow_mut().push((key.to_string(), text));
        }
        Ok(kept)
    }
    fn get_kept(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.forget(key);
        let value = self.call("getItem", key, None)?;
        let text = value.as_string();
        if text.is_some() {
            self.kept.borrow_mut().push((key.to_string(), value));
        }
        Ok(text)
    }
    fn unchanged(&self, key: &str) -> Result<Option<bool>, StorageError> {
        let ours = self
            .kept
            .borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone());
        let Some(ours) = ours else {
            return Ok(None);
        };
        // `===` on two strings, in the browser: the same text, or not.
        Ok(Some(self.call("getItem", key, None)? == ours))
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

/// How much the browser lets this site store, and how much is used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let nav = web_sys::window()?.navigator();
    // Older browsers and some embedded views have no StorageManager.
    let has = js_sys::Reflect::has(&nav, &"storage".into()).unwrap_or(false);
    has.then(|| nav.storage())
}

/// Asks the browser not to evict this site's data under storage pressure.
/// Returns whether storage is (now) persistent.
pub async fn request_persistence() -> Result<bool, StorageError> {
    let manager =
        storage_manager().ok_or_else(|| StorageError::Unavailable("no StorageManager".into()))?;
    let already = wasm_bindgen_futures::JsFuture::from(manager.persisted().map_err(map_err)?)
        .await
        .map_err(map_err)?;
    if already.as_bool() == Some(true) {
        return Ok(true);
    }
    let granted = wasm_bindgen_futures::JsFuture::from(manager.persist().map_err(map_err)?)
        .await
        .map_err(map_err)?;
    Ok(granted.as_bool() == Some(true))
}

/// The browser's estimate of usage and quota for this site.
pub async fn estimate() -> Result<Estimate, StorageError> {
    let manager =
        storage_manager().ok_or_else(|| StorageError::Unavailable("no StorageManager".into()))?;
    let value = wasm_bindgen_futures::JsFuture::from(manager.estimate().map_err(map_err)?)
        .await
        .map_err(map_err)?;
    let get = |k: &str| {
        js_sys::Reflect::get(&value, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    Ok(Estimate {
        usage: get("usage"),
        quota: get("quota"),
    })
}
