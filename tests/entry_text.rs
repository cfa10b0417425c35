//! A save writes out again only the timeline events that changed since the
//! last save and uses the text kept for the others. Whatever the edits in
//! between, what is stored must be exactly what writing the whole document
//! out would give.

use debrief::domain::{new_postmortem, EventKind, PostMortem, Template, TimelineEvent};
use debrief::storage::*;
use proptest::prelude::*;
use serde_json::{json, Value};

fn doc(id: &str, events: usize) -> PostMortem {
    let mut d = new_postmortem(
        id,
        chrono::DateTime::from_timestamp(1_714_572_000, 0).unwrap(),
        Template::Full,
        "UTC",
    );
    d.context.title = format!("Document {id}");
    d.timeline = (0..events).map(|i| event(&format!("e{i}"), i)).collect();
    d
}

fn event(id: &str, n: usize) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: chrono::DateTime::from_timestamp(1_714_572_000 + n as i64 * 60, 0),
        kind: EventKind::Note,
        description: format!("Event {n}: \"quoted\", a \\ and a \"timeline\":[] inside"),
        ..TimelineEvent::default()
    }
}

/// The stored entry, parsed, beside what the whole document written out
/// in one go gives.
fn stored_and_expected(lib: &Library<MemoryStore>, d: &PostMortem) -> (Value, Value) {
    let text = lib
        .store()
        .get(&format!("{PREFIX}{}", d.id))
        .unwrap()
        .unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    let expected = json!({
        "format": "debrief/entry",
        "revision": stored["revision"],
        "saved": stored["saved"],
        "doc": serde_json::to_value(d).unwrap(),
    });
    (stored, expected)
}

#[test]
fn only_changed_events_differ_and_the_text_is_whole_after_every_kind_of_edit() {
    let lib = Library::new(MemoryStore::new());
    let mut d = doc("a", 6);
    let written = |d: &PostMortem| {
        lib.save(d).unwrap();
        let (stored, expected) = stored_and_expected(&lib, d);
        assert_eq!(stored, expected);
    };
    let check = |d: &PostMortem| {
        written(d);
        match lib.load(&d.id).unwrap().unwrap().state {
            EntryState::Ready(back) => assert_eq!(*back, *d),
            other => panic!("not read back: {other:?}"),
        }
    };
    check(&d);
    d.timeline[2].description = "Reworded".into();
    check(&d);
    d.timeline.push(event("e9", 9));
    check(&d);
    d.timeline.remove(0);
    check(&d);
    d.timeline.swap(0, 3);
    check(&d);
    d.context.title = "Renamed".into();
    check(&d);
    // Two events with one id (a damaged file): each is stored with its own
    // words (reading it back gives the second a new id, as for any file).
    let mut twin = d.timeline[1].clone();
    twin.description = "Same id, other words".into();
    d.timeline.push(twin);
    written(&d);
    d.timeline.pop();
    check(&d);
    d.timeline.clear();
    check(&d);
    // Another document in between, then back: nothing of one in the other.
    let other = doc("b", 3);
    check(&other);
    d.timeline = doc("a", 4).timeline;
    check(&d);
}

proptest! {
    #[test]
    fn any_sequence_of_edits_stores_the_whole_document(
        edits in prop::collection::vec((0u8..4, 0usize..8, "[a-z \"\\\\]{0,12}"), 1..12)
    ) {
        let lib = Library::new(MemoryStore::new());
        let mut d = doc("p", 5);
        lib.save(&d).unwrap();
        let mut next = 100;
        for (op, at, text) in edits {
            let n = d.timeline.len();
            match op {
                0 if n > 0 => d.timeline[at % n].description = text,
                1 => {
                    next += 1;
                    d.timeline.insert(at % (n + 1), event(&format!("e{next}"), next));
                }
                2 if n > 0 => {
                    d.timeline.remove(at % n);
                }
                3 if n > 1 => d.timeline.swap(at % n, (at + 1) % n),
                _ => d.context.summary = text,
            }
            lib.save(&d).unwrap();
            let (stored, expected) = stored_and_expected(&lib, &d);
            prop_assert_eq!(stored, expected);
        }
    }
}
