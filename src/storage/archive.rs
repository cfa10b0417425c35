//! The stored library as the Insights read it: every readable post-mortem,
//! and a count of the entries that are left out, so none vanishes unnoticed.

use super::{Entry, EntryState};
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
