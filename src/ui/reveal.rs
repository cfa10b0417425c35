//! Which closed list entry holds a given element, so a focus request can open
//! it first.
//!
//! Fields of a closed entry are not on the page at all (that is what keeps a
//! long document short and quick to open), so anything that wants to focus
//! one of them — a new row, "what is missing", an undo, a wording note in the
//! review panel — opens its entry through here. Entries register under their
//! element-id prefix and, when they carry text the writing aid reads, under
//! their field-key prefix too.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

/// What a focus request changes on an entry: it opens, and its nudges wait
/// until the author leaves it again (they are about to write in it).
#[derive(Clone, Copy, PartialEq)]
pub struct Slot {
    pub open: RwSignal<bool>,
    pub left: RwSignal<bool>,
}

type Registry = RefCell<HashMap<String, Slot>>;

thread_local! {
    static BY_ID: Registry = RefCell::new(HashMap::new());
    static BY_KEY: Registry = RefCell::new(HashMap::new());
}

/// Registers an entry; it unregisters itself with the reactive owner that
/// made it.
pub fn register(id_prefix: String, key_prefix: Option<String>, slot: Slot) {
    BY_ID.with(|m| m.borrow_mut().insert(id_prefix.clone(), slot));
    if let Some(k) = &key_prefix {
        BY_KEY.with(|m| m.borrow_mut().insert(k.clone(), slot));
    }
    on_cleanup(move || {
        // Only if the slot is still this entry's: a re-rendered row
        // registers its new slot before the old one is cleaned up.
        let drop_mine = |m: &Registry, name: &str| {
            let mut m = m.borrow_mut();
            if m.get(name) == Some(&slot) {
                m.remove(name);
            }
        };
        BY_ID.with(|m| drop_mine(m, &id_prefix));
        if let Some(k) = key_prefix {
            BY_KEY.with(|m| drop_mine(m, &k));
        }
    });
}

/// Opens the entry that holds the element `id` (`factor-f1-description` is
/// in the entry registered as `factor-f1`). Whether one was opened: if so,
/// its fields arrive with the next render.
pub fn reveal(id: &str) -> bool {
    BY_ID.with(|m| open_by_prefix(m, id, '-'))
}

/// Opens the entry that holds the field with this writing-aid key
/// (`reason.factors.f1.description` is in `reason.factors.f1`).
pub fn reveal_key(key: &str) -> bool {
    BY_KEY.with(|m| open_by_prefix(m, key, '.'))
}

fn open_by_prefix(map: &Registry, name: &str, sep: char) -> bool {
    // Every prefix ending just before a separator: ids are short and entries
    // many, so this beats walking the registry.
    let found = {
        let m = map.borrow();
        name.char_indices()
            .filter(|(_, c)| *c == sep)
            .map(|(i, _)| &name[..i])
            .chain(std::iter::once(name))
            .find_map(|p| m.get(p).copied())
    };
    match found {
        Some(slot) if slot.open.try_get_untracked() == Some(false) => {
            let _ = slot.left.try_set(false);
            let _ = slot.open.try_set(true);
            true
        }
        _ => false,
    }
}
