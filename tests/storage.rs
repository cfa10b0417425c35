//! The storage rules, against the in-memory twin of localStorage. The same
//! rules run against the real localStorage in `tests/web.rs`.

use debrief::domain::{new_postmortem, Template};
use debrief::storage::*;

fn doc(id: &str, title: &str) -> debrief::domain::PostMortem {
    let mut d = new_postmortem(
        id,
        chrono::DateTime::from_timestamp(1_714_572_000, 0).unwrap(),
        Template::Full,
        "UTC",
    );
    d.context.title = title.into();
    d
}

#[test]
fn save_then_load_round_trips() {
    let lib = Library::new(MemoryStore::new());
    let d = doc("a", "First");
    assert_eq!(lib.save(&d).unwrap(), 1);
    assert_eq!(lib.save(&d).unwrap(), 2, "each save bumps the revision");
    let entries = lib.load_all().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].state, EntryState::Ready(Box::new(d)));
    assert_eq!(entries[0].revision, 2);
    assert_eq!(lib.ids().unwrap(), ["a"]);
}

#[test]
fn corrupt_entry_is_kept_and_others_load() {
    let store = MemoryStore::new();
    store_raw(&store, "debrief:pm:bad", "{not json");
    let lib = Library::new(store);
    lib.save(&doc("good", "Fine")).unwrap();
    let entries = lib.load_all().unwrap();
    assert_eq!(entries.len(), 2);
    let bad = entries.iter().find(|e| e.id == "bad").unwrap();
    let EntryState::Corrupt {
        recovery_key,
        error,
    } = &bad.state
    else {
        panic!("{bad:?}")
    };
    assert!(error.contains("not valid JSON"), "{error}");
    let snap = lib.store().snapshot();
    assert_eq!(
        snap.get(recovery_key).map(String::as_str),
        Some("{not json")
    );
    assert_eq!(
        snap.get("debrief:pm:bad").map(String::as_str),
        Some("{not json"),
        "original untouched"
    );
    // Loading again does not pile up copies.
    lib.load_all().unwrap();
    assert_eq!(lib.recovery().unwrap().len(), 1);
    assert!(matches!(
        entries.iter().find(|e| e.id == "good").unwrap().state,
        EntryState::Ready(_)
    ));
}

#[test]
fn saving_over_a_corrupt_entry_keeps_a_copy_first() {
    let store = MemoryStore::new();
    store_raw(&store, "debrief:pm:x", "garbage");
    let lib = Library::new(store);
    lib.load("x").unwrap();
    lib.save(&doc("x", "Rewritten")).unwrap();
    assert_eq!(lib.recovery().unwrap()[0].1, "garbage");
}

#[test]
fn newer_version_is_read_only_and_never_overwritten() {
    let store = MemoryStore::new();
    let raw = r#"{"format":"debrief/entry","revision":4,"saved":"","doc":{"schema":"debrief/postmortem","version":99,"id":"n","context":{"title":"From the future"},"hologram":true}}"#;
    store_raw(&store, "debrief:pm:n", raw);
    let lib = Library::new(store);
    let e = lib.load("n").unwrap().unwrap();
    match &e.state {
        EntryState::Newer {
            version,
            title,
            doc,
        } => {
            assert_eq!(*version, 99);
            assert_eq!(title, "From the future");
            assert_eq!(
                doc.as_ref().unwrap().context.title,
                "From the future",
                "best-effort reading for display"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        lib.save(&doc("n", "mine")).unwrap_err(),
        StorageError::ReadOnly { version: 99 }
    );
    assert_eq!(
        lib.save_over(&doc("n", "mine")).unwrap_err(),
        StorageError::ReadOnly { version: 99 }
    );
    assert_eq!(lib.store().snapshot()["debrief:pm:n"], raw);
}

#[test]
fn full_storage_keeps_the_stored_copy_intact() {
    let lib = Library::new(MemoryStore::with_quota(6_000));
    let mut d = doc("a", "Small");
    lib.save(&d).unwrap();
    let before = lib.store().snapshot();
    d.context.summary = "x".repeat(10_000);
    assert_eq!(lib.save(&d).unwrap_err(), StorageError::Full);
    assert_eq!(lib.store().snapshot(), before, "no byte changed");
    assert!(StorageError::Full.to_string().contains("Export"));
}

#[test]
fn unavailable_storage_is_a_typed_error() {
    let store = MemoryStore::new();
    store.break_it();
    let lib = Library::new(store);
    assert!(matches!(
        lib.save(&doc("a", "x")),
        Err(StorageError::Unavailable(_))
    ));
    assert!(matches!(lib.load_all(), Err(StorageError::Unavailable(_))));
}

#[test]
fn two_tabs_never_silently_overwrite() {
    let store = std::rc::Rc::new(MemoryStore::new());
    let tab_a = Library::new(Shared::tab(store.clone()));
    let tab_b = Library::new(Shared::tab(store.clone()));
    tab_a.save(&doc("a", "v1")).unwrap();
    tab_b.load("a").unwrap();
    tab_a.save(&doc("a", "from A")).unwrap();
    let err = tab_b.save(&doc("a", "from B")).unwrap_err();
    assert!(matches!(err, StorageError::Conflict { .. }), "{err:?}");
    assert!(store.snapshot()["debrief:pm:a"].contains("from A"));
    // B chooses to keep its version.
    tab_b.save_over(&doc("a", "from B")).unwrap();
    assert!(store.snapshot()["debrief:pm:a"].contains("from B"));
    // A now conflicts in turn, until it reloads.
    assert!(matches!(
        tab_a.save(&doc("a", "A again")),
        Err(StorageError::Conflict { .. })
    ));
    tab_a.load("a").unwrap();
    tab_a.save(&doc("a", "A again")).unwrap();
}

#[test]
fn repeated_saves_from_one_tab_still_notice_another_tabs_write() {
    // A tab's own consecutive saves skip re-reading the stored entry; a
    // write from another tab in between must still be caught.
    let store = std::rc::Rc::new(MemoryStore::new());
    let tab_a = Library::new(Shared::tab(store.clone()));
    let tab_b = Library::new(Shared::tab(store.clone()));
    assert_eq!(tab_a.save(&doc("a", "one")).unwrap(), 1);
    assert_eq!(tab_a.save(&doc("a", "two")).unwrap(), 2);
    assert_eq!(tab_a.save(&doc("a", "three")).unwrap(), 3);
    tab_b.load("a").unwrap();
    tab_b.save(&doc("a", "from B")).unwrap();
    assert!(matches!(
        tab_a.save(&doc("a", "four")),
        Err(StorageError::Conflict { .. })
    ));
    assert!(store.snapshot()["debrief:pm:a"].contains("from B"));
    // Someone editing the stored text by hand (same revision number, other
    // text) is another writer too.
    let raw = store.snapshot()["debrief:pm:a"].replace("from B", "by hand");
    tab_b.load("a").unwrap();
    tab_b.save(&doc("a", "B again")).unwrap();
    store_raw(&store, "debrief:pm:a", &raw);
    assert!(matches!(
        tab_b.save(&doc("a", "B once more")),
        Err(StorageError::Conflict { .. })
    ));
    assert!(store.snapshot()["debrief:pm:a"].contains("by hand"));
}

#[test]
fn saves_after_a_save_do_not_read_the_entry_back_in() {
    // On a large post-mortem, copying the stored text in to check it was a
    // fifth of every autosave; the store vouches for its own last write.
    let store = std::rc::Rc::new(MemoryStore::new());
    let reads = std::rc::Rc::new(std::cell::Cell::new(0));
    let tab = Library::new(Shared::own(store.clone(), reads.clone()));
    assert_eq!(tab.save(&doc("a", "one")).unwrap(), 1);
    let after_first = reads.get();
    assert_eq!(tab.save(&doc("a", "two")).unwrap(), 2);
    let other_tab = store.snapshot()["debrief:pm:a"].replace("two", "other tab");
    assert_eq!(tab.save(&doc("a", "three")).unwrap(), 3);
    assert_eq!(reads.get(), after_first, "no entry read by the later saves");
    // Anything else written there is noticed: read, and refused.
    let hand = other_tab;
    store_raw(&store, "debrief:pm:a", &hand);
    assert_eq!(store.unchanged("debrief:pm:a").unwrap(), None);
    assert!(matches!(
        tab.save(&doc("a", "four")),
        Err(StorageError::Conflict { .. })
    ));
    assert!(reads.get() > after_first);
    assert!(store.snapshot()["debrief:pm:a"].contains("other tab"));
    // Opened again (the one read), the first save reads nothing either.
    tab.load("a").unwrap();
    let opened = reads.get();
    tab.save(&doc("a", "five")).unwrap();
    assert_eq!(reads.get(), opened);
    // A removal is noticed too.
    let newer = store.snapshot()["debrief:pm:a"].replace("\"version\":4", "\"version\":99");
    assert!(newer.contains("\"version\":99"));
    store.remove("debrief:pm:a").unwrap();
    assert_eq!(store.unchanged("debrief:pm:a").unwrap(), None);
    // An entry of a newer version is read again on every save, never
    // taken as known: it is never overwritten.
    store_raw(
        &store,
        "debrief:pm:b",
        &newer.replace("\"id\":\"a\"", "\"id\":\"b\""),
    );
    tab.load("b").unwrap();
    assert!(matches!(
        tab.save(&doc("b", "over it")),
        Err(StorageError::ReadOnly { .. })
    ));
}

#[test]
fn a_write_that_does_not_stick_is_reported() {
    let lib = Library::new(Forgetful(MemoryStore::new()));
    assert_eq!(
        lib.save(&doc("a", "x")).unwrap_err(),
        StorageError::VerifyFailed
    );
}

#[test]
fn delete_moves_to_trash_and_restores_exactly() {
    let lib = Library::new(MemoryStore::new());
    lib.save(&doc("a", "A")).unwrap();
    lib.save(&doc("b", "B")).unwrap();
    let stored = lib.store().snapshot()["debrief:pm:a"].clone();
    lib.delete("a").unwrap();
    assert_eq!(lib.ids().unwrap(), ["b"]);
    assert!(lib.load("a").unwrap().is_none());
    assert_eq!(lib.trashed().unwrap(), [("a".to_string(), "A".to_string())]);
    // A new tab (after a reload) can still undo.
    let after_reload = Library::new(MemoryStore::new());
    for (k, v) in lib.store().snapshot() {
        after_reload.store().set(&k, &v).unwrap();
    }
    after_reload.restore("a").unwrap();
    assert_eq!(after_reload.store().snapshot()["debrief:pm:a"], stored);
    assert_eq!(after_reload.ids().unwrap(), ["b", "a"]);
    assert!(after_reload.trashed().unwrap().is_empty());
    lib.purge("a").unwrap();
    assert!(lib.trashed().unwrap().is_empty());
    assert!(!lib.store().snapshot().keys().any(|k| k.contains(":a")));
}

#[test]
fn lost_index_hides_nothing() {
    let lib = Library::new(MemoryStore::new());
    lib.save(&doc("a", "A")).unwrap();
    lib.save(&doc("b", "B")).unwrap();
    lib.store().set(INDEX_KEY, "corrupt[").unwrap();
    assert_eq!(lib.ids().unwrap(), ["a", "b"]);
}

#[test]
fn settings_round_trip_and_usage_counts() {
    let lib = Library::new(MemoryStore::new());
    assert_eq!(lib.settings().unwrap(), Settings::default());
    let s = Settings {
        ticket_url: "https://t.example/{id}".into(),
        new_ticket_url: "https://git.example/a/b/-/issues/new".into(),
    };
    lib.save_settings(&s).unwrap();
    assert_eq!(lib.settings().unwrap(), s);
    // Settings written before the new-ticket page existed still read.
    lib.store()
        .set(
            debrief::storage::SETTINGS_KEY,
            r#"{"ticket_url":"https://t.example/{id}"}"#,
        )
        .unwrap();
    assert_eq!(lib.settings().unwrap().new_ticket_url, "");
    assert_eq!(lib.settings().unwrap().ticket_url, "https://t.example/{id}");
    lib.store().set("other-app", &"x".repeat(1000)).unwrap();
    let used = lib.used_bytes().unwrap();
    assert!(used > 0 && used < 1000, "only Debrief's keys count: {used}");
}

fn store_raw(store: &MemoryStore, key: &str, value: &str) {
    store.set(key, value).unwrap();
}

/// Libraries over one store, as tabs over one localStorage. A tab made by
/// `tab` cannot vouch for what it read or wrote (the store's memory of that
/// is shared, and would speak for the other tab too), so it reads on every
/// save. One made by `own` is the only tab: it vouches (`unchanged`), as
/// the app's store does, and counts its reads of entries.
struct Shared {
    store: std::rc::Rc<MemoryStore>,
    reads: Option<std::rc::Rc<std::cell::Cell<usize>>>,
}
impl Shared {
    fn tab(store: std::rc::Rc<MemoryStore>) -> Self {
        Shared { store, reads: None }
    }
    fn own(store: std::rc::Rc<MemoryStore>, reads: std::rc::Rc<std::cell::Cell<usize>>) -> Self {
        Shared {
            store,
            reads: Some(reads),
        }
    }
    fn count(&self, k: &str) {
        if let Some(r) = self.reads.as_ref().filter(|_| k.starts_with("debrief:pm:")) {
            r.set(r.get() + 1);
        }
    }
}
impl KeyValue for Shared {
    fn get(&self, k: &str) -> Result<Option<String>, StorageError> {
        self.count(k);
        self.store.get(k)
    }
    fn set(&self, k: &str, v: &str) -> Result<(), StorageError> {
        self.store.set(k, v)
    }
    fn remove(&self, k: &str) -> Result<(), StorageError> {
        self.store.remove(k)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.store.keys()
    }
    fn set_checked(&self, k: &str, v: &str) -> Result<bool, StorageError> {
        match self.reads {
            Some(_) => self.store.set_checked(k, v),
            None => {
                self.store.set(k, v)?;
                Ok(self.store.get(k)?.as_deref() == Some(v))
            }
        }
    }
    fn get_kept(&self, k: &str) -> Result<Option<String>, StorageError> {
        self.count(k);
        match self.reads {
            Some(_) => self.store.get_kept(k),
            None => self.store.get(k),
        }
    }
    fn unchanged(&self, k: &str) -> Result<Option<bool>, StorageError> {
        match self.reads {
            Some(_) => self.store.unchanged(k),
            None => Ok(None),
        }
    }
}

/// A store that accepts writes and keeps none of them.
struct Forgetful(MemoryStore);
impl KeyValue for Forgetful {
    fn get(&self, k: &str) -> Result<Option<String>, StorageError> {
        self.0.get(k)
    }
    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Ok(())
    }
    fn remove(&self, k: &str) -> Result<(), StorageError> {
        self.0.remove(k)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.0.keys()
    }
}

#[test]
fn a_stored_draft_with_clashing_ids_opens_with_every_entry_intact() {
    use debrief::domain::{Entry, Factor, TimelineEvent};
    let mut d = doc("dup", "Clashing ids");
    let event = |id: &str, text: &str| TimelineEvent {
        id: id.into(),
        description: text.into(),
        ..TimelineEvent::default()
    };
    d.timeline = vec![
        event("e", "first"),
        event("e", "second"),
        event("e-2", "third"),
        event("", "fourth"),
    ];
    d.reason.factors = vec![
        Factor {
            id: "f".into(),
            description: "one".into(),
            ..Factor::default()
        },
        Factor {
            id: "f".into(),
            description: "two".into(),
            ..Factor::default()
        },
    ];
    d.lessons.helped = vec![
        Entry {
            id: "x".into(),
            text: "a".into(),
            cites: Vec::new(),
        },
        Entry {
            id: "x".into(),
            text: "b".into(),
            cites: Vec::new(),
        },
    ];
    // Written as another version or a hand edit might have left it: the
    // library's own save would not produce this.
    let store = MemoryStore::new();
    let raw = serde_json::json!({ "format": "debrief/entry", "revision": 3, "doc": d });
    store_raw(&store, "debrief:pm:dup", &raw.to_string());
    let lib = Library::new(store);
    let entry = lib.load("dup").unwrap().unwrap();
    let EntryState::Ready(loaded) = entry.state else {
        panic!("{:?}", entry.state)
    };
    assert!(
        debrief::domain::validate(&loaded).is_empty(),
        "{:?}",
        debrief::domain::validate(&loaded)
    );
    let ids: Vec<&str> = loaded.timeline.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["e", "e-3", "e-2", "event-2"],
        "the first keeps its id; new ones avoid taken ones"
    );
    let texts: Vec<&str> = loaded
        .timeline
        .iter()
        .map(|e| e.description.as_str())
        .collect();
    assert_eq!(
        texts,
        ["first", "second", "third", "fourth"],
        "no text lost or moved"
    );
    assert_eq!(loaded.reason.factors[1].description, "two");
    assert_ne!(loaded.reason.factors[0].id, loaded.reason.factors[1].id);
    assert_ne!(loaded.lessons.helped[0].id, loaded.lessons.helped[1].id);
    // Reading is not writing: the stored text is left as it was.
    assert_eq!(
        lib.store()
            .snapshot()
            .get("debrief:pm:dup")
            .map(String::as_str),
        Some(raw.to_string().as_str())
    );
}

#[test]
fn repairing_a_sound_document_changes_nothing() {
    let mut d = debrief::domain::example::example();
    let before = d.clone();
    assert_eq!(debrief::domain::repair_ids(&mut d), 0);
    assert_eq!(d, before);
}
