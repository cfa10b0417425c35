//! An in-memory `KeyValue`: the twin of localStorage for native tests, and the
//! fallback when the browser offers no storage at all. It can imitate a quota
//! and a broken store, so fault handling is tested without a browser too.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{KeyValue, StorageError};

#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
    /// Total bytes (keys + values, as UTF-16 units like browsers count) allowed.
    quota: Cell<Option<usize>>,
    broken: Cell<bool>,
    /// Keys last read with `get_kept` or written with a `set_checked` that
    /// stuck: what `unchanged` vouches for (any later write or removal drops
    /// it). A list: it holds the few entries one session opens.
    checked: RefCell<Vec<String>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn with_quota(bytes: usize) -> Self {
        let s = Self::default();
        s.quota.set(Some(bytes));
        s
    }
    /// Makes every call fail as a disabled storage would.
    pub fn break_it(&self) {
        self.broken.set(true);
    }
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.map.borrow().clone()
    }
    fn used_without(&self, key: &str) -> usize {
        self.map
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
            .sum()
    }
    /// Any write or removal may change what `set_checked` vouched for.
    fn wrote(&self, key: &str) {
        self.checked.borrow_mut().retain(|k| k != key);
    }
    fn check(&self) -> Result<(), StorageError> {
        if self.broken.get() {
            Err(StorageError::Unavailable("storage disabled".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        if let Some(q) = self.quota.get() {
            let need = key.encode_utf16().count() + value.encode_utf16().count();
            if self.used_without(key) + need > q {
                return Err(StorageError::Full);
            }
        }
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        self.wrote(key);
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.map.borrow_mut().remove(key);
        self.wrote(key);
        Ok(())
    }
    fn set_checked(&self, key: &str, value: &str) -> Result<bool, StorageError> {
        self.set(key, value)?;
        let kept = self.get(key)?.as_deref() == Some(value);
        if kept {
            self.checked.borrow_mut().push(key.to_string());
        }
        Ok(kept)
    }
    fn get_kept(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = self.get(key)?;
        if value.is_some() {
            self.wrote(key);
            self.checked.borrow_mut().push(key.to_string());
        }
        Ok(value)
    }
    fn unchanged(&self, key: &str) -> Result<Option<bool>, StorageError> {
        self.check()?;
        let ours = self.checked.borrow().iter().any(|k| k == key);
        Ok(ours.then_some(true))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
