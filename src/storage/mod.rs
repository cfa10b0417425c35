//! Floor 2: the only code that touches browser storage.
//!
//! A tiny key-value trait (`KeyValue`) has three implementations: `LocalStore`
//! over the browser's localStorage, `SessionStore` over the tab's
//! sessionStorage (choices that last as long as the tab) and `MemoryStore`
//! for tests and for running with storage unavailable. `Library` holds every
//! rule about what is stored where: one key per post-mortem in a versioned
//! envelope, a small index, read-back verification, recovery copies of corrupt
//! entries, and a revision check so two tabs never silently overwrite each
//! other.

mod archive;
mod library;
mod memory;

#[cfg(target_arch = "wasm32")]
mod local;
#[cfg(target_arch = "wasm32")]
mod session;

pub use archive::{archive, read_archive};
pub use library::{
    Entry, EntryState, Library, Settings, INDEX_KEY, PREFIX, RECOVERY_PREFIX, SETTINGS_KEY,
    TRASH_PREFIX,
};
pub use memory::MemoryStore;

#[cfg(target_arch = "wasm32")]
pub use local::{estimate, request_persistence, Estimate, LocalStore};
#[cfg(target_arch = "wasm32")]
pub use session::{session_flag, set_session_flag, SessionStore};

use std::fmt;

/// What can go wrong with storage, as the user needs to hear it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Storage cannot be used at all (disabled, private mode, blocked).
    Unavailable(String),
    /// The browser refused the write: the quota is used up.
    Full,
    /// The write seemed to succeed but reading it back gave something else.
    VerifyFailed,
    /// Another tab saved this post-mortem after we loaded it.
    Conflict { key: String },
    /// The stored entry was written by a newer Debrief; it is never overwritten.
    ReadOnly { version: u64 },
    /// Any other error the browser reported.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser is not letting Debrief store anything ({why}). Your work stays in this tab only: export it before you close it."
            ),
            StorageError::Full => write!(
                f,
                "Browser storage is full, so the latest changes are not saved. Nothing stored was damaged. Export this post-mortem now, then free space by exporting and deleting old drafts."
            ),
            StorageError::VerifyFailed => write!(
                f,
                "The browser did not keep what was written. Export this post-mortem now to be safe."
            ),
            StorageError::Conflict { .. } => write!(
                f,
                "This post-mortem was changed in another tab. Reload to see that version, or keep yours as a copy."
            ),
            StorageError::ReadOnly { version } => write!(
                f,
                "This post-mortem was saved by a newer version of Debrief (format {version}); it is open read-only so nothing of it is lost."
            ),
            StorageError::Other(why) => write!(f, "Saving failed: {why}. Export this post-mortem to be safe."),
        }
    }
}

impl std::error::Error for StorageError {}

/// The smallest surface storage needs. Every method is fallible: a browser may
/// refuse any of them.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// Writes `value` under `key`, then reads it back: whether storage now
    /// holds exactly that text. localStorage compares in the browser, which
    /// spares copying a large entry back into the app on every save.
    fn set_checked(&self, key: &str, value: &str) -> Result<bool, StorageError> {
        self.set(key, value)?;
        Ok(self.get(key)?.as_deref() == Some(value))
    }
    /// `get`, and this store remembers what it read, for `unchanged`.
    fn get_kept(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.get(key)
    }
    /// Whether `key` still holds exactly what this store last read there
    /// with `get_kept` or wrote with `set_checked`; `None` when it cannot
    /// tell (it did neither, or does not remember), and the caller reads.
    fn unchanged(&self, _key: &str) -> Result<Option<bool>, StorageError> {
        Ok(None)
    }
}

/// Lets the app pick localStorage or memory at run time behind one type.
impl KeyValue for Box<dyn KeyValue> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
    fn set_checked(&self, key: &str, value: &str) -> Result<bool, StorageError> {
        (**self).set_checked(key, value)
    }
    fn get_kept(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get_kept(key)
    }
    fn unchanged(&self, key: &str) -> Result<Option<bool>, StorageError> {
        (**self).unchanged(key)
    }
}
