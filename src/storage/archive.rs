//! The stored library as the Insights read it: every readable post-mortem,
//! and a count of the entries that are left out, so none vanishes unnoticed.

use std::rc::Rc;

use super::{Entry, EntryState, KeyValue, Library, StorageError};
use crate::domain::insights::Archive;

/// Entries saved by a newer Debrief are counted, not read: this version
/// cannot vouch for its reading of them, and a figure built on a guess
/// would look as solid as the rest.
pub fn archive(entries: Vec<Entry>) -> Archive {
    let mut a = Archive::default();
    for e in entries {
        match e.state {
            EntryState::Ready(d) => a.docs.push(*d),
            EntryState::Newer { .. } => a.newer += 1,
            EntryState::Corrupt { .. } => a.unreadable += 1,
        }
    }
    a
}

/// A view of a store that drops every write. Reading the library normally
/// copies an unreadable entry aside for recovery; a page that only looks
/// must not change storage at all, and the library page makes that copy
/// when it is next opened.
struct Untouched(Rc<dyn KeyValue>);

impl KeyValue for Untouched {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.0.get(key)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Ok(())
    }
    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

/// Every stored post-mortem, read without writing anything. The library is
/// the boxed kind the app already uses, so its reading code is not compiled
/// a second time for this.
pub fn read_archive(store: Rc<dyn KeyValue>) -> Result<Archive, StorageError> {
    let boxed: Box<dyn KeyValue> = Box::new(Untouched(store));
    Library::new(boxed).load_all().map(archive)
}
