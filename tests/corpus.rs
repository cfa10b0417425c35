//! Bad and hostile files: each is refused with a message that says what is
//! wrong and where, nothing panics, and nothing stored changes.
//!
//! `tests/corpus/expected.tsv` lists every file with a substring of the error
//! it must produce. The very large inputs (huge strings, deep nesting, huge
//! lists) are generated here rather than committed.
//!
//! `tests/corpus/v1/` and `v2/` hold the opposite: sound files of older
//! versions, which must open with the meaning they had when they were written.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use debrief::domain::PostMortem;
use debrief::export::json::{export_library, import};
use debrief::storage::{EntryState, Library, MemoryStore, PREFIX};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("corpus")
}

/// (file name, file text, expected error substring) for every case.
fn cases() -> Vec<(String, String, String)> {
    let manifest = std::fs::read_to_string(corpus_dir().join("expected.tsv")).unwrap();
    let mut out = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (file, expected) = line.split_once('\t').expect("file<TAB>expected");
        let bytes =
            std::fs::read(corpus_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        // A picked file is read as text the way a browser's FileReader does:
        // invalid UTF-8 becomes replacement characters, not an error.
        out.push((
            file.to_string(),
            String::from_utf8_lossy(&bytes).into_owned(),
            expected.to_string(),
        ));
    }
    out.extend(generated());
    out
}

fn doc_with(extra: &str) -> String {
    format!(r#"{{"schema":"debrief/postmortem","version":1,"id":"big",{extra}}}"#)
}

fn generated() -> Vec<(String, String, String)> {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let deep_obj = |n: usize| format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));
    let events: Vec<String> = (0..20_001).map(|i| format!(r#"{{"id":"e{i}"}}"#)).collect();
    vec![
        (
            "generated: title of 200,001 characters".into(),
            doc_with(&format!(
                r#""context":{{"title":"{}"}}"#,
                "x".repeat(200_001)
            )),
            "context.title: text longer than 200000 characters".into(),
        ),
        (
            "generated: 5 MB excerpt".into(),
            doc_with(&format!(
                r#""evidence":{{"conversations":[{{"id":"c","excerpt":"{}"}}]}}"#,
                "y".repeat(5_000_000)
            )),
            "evidence.conversations[0].excerpt: text longer than 200000 characters".into(),
        ),
        (
            "generated: 10,000 nested arrays".into(),
            deep(10_000),
            "recursion limit exceeded".into(),
        ),
        (
            "generated: 10,000 nested objects".into(),
            deep_obj(10_000),
            "recursion limit exceeded".into(),
        ),
        (
            "generated: nesting inside a field".into(),
            doc_with(&format!(r#""context":{{"title":{}}}"#, deep(10_000))),
            "recursion limit exceeded".into(),
        ),
        (
            "generated: nesting inside a library member".into(),
            format!(
                r#"{{"schema":"debrief/library","version":1,"postmortems":[{}]}}"#,
                doc_with(&format!(r#""notes":{}"#, deep_obj(5_000)))
            ),
            "recursion limit exceeded".into(),
        ),
        (
            "generated: 20,001 timeline events".into(),
            doc_with(&format!(r#""timeline":[{}]"#, events.join(","))),
            "timeline: more than 20000 entries".into(),
        ),
    ]
}

#[test]
fn manifest_covers_the_corpus() {
    let manifest = std::fs::read_to_string(corpus_dir().join("expected.tsv")).unwrap();
    let listed: BTreeSet<String> = manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert_eq!(
        listed, on_disk,
        "every corpus file needs an expected error, and the reverse"
    );
    assert!(on_disk.len() >= 50, "{} files", on_disk.len());
}

#[test]
fn every_bad_file_is_refused_with_its_reason() {
    let mut failures = Vec::new();
    for (name, text, expected) in cases() {
        match import(&text) {
            Ok(docs) => failures.push(format!("{name}: accepted {} document(s)", docs.len())),
            Err(e) => {
                let shown = e.to_string();
                if !shown.contains(&expected) {
                    failures.push(format!(
                        "{name}:\n  expected …{expected}…\n  got      {shown}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What the app does with a picked file: import it whole, then save every
/// document, or save nothing.
fn import_into(lib: &Library<MemoryStore>, text: &str) -> Result<usize, String> {
    let docs = import(text).map_err(|e| e.to_string())?;
    for d in &docs {
        lib.save_over(d).map_err(|e| e.to_string())?;
    }
    Ok(docs.len())
}

fn stocked_library() -> Library<MemoryStore> {
    let lib = Library::new(MemoryStore::new());
    let mut a = common::rich_doc();
    a.id = "kept-a".into();
    let mut b = debrief::domain::new_postmortem(
        "kept-b",
        common::at(8, 0),
        debrief::domain::Template::Quick,
        "UTC",
    );
    b.context.title = "Another incident".into();
    lib.save(&a).unwrap();
    lib.save(&b).unwrap();
    let settings = debrief::storage::Settings {
        ticket_url: "https://tracker.example/browse/{id}".into(),
        new_ticket_url: "https://github.com/acme/payments/issues/new".into(),
    };
    lib.save_settings(&settings).unwrap();
    lib
}

#[test]
fn failed_imports_change_nothing_stored() {
    let lib = stocked_library();
    let before = lib.store().snapshot();
    for (name, text, _) in cases() {
        assert!(import_into(&lib, &text).is_err(), "{name} was imported");
        assert!(lib.store().snapshot() == before, "{name} changed storage");
    }
    // The check can see a change: a sound library file does change storage.
    let mut c = common::rich_doc();
    c.id = "new-c".into();
    let good = export_library(&[c]);
    assert_eq!(import_into(&lib, &good), Ok(1));
    assert!(lib.store().snapshot() != before);
}

#[test]
fn bad_text_found_in_storage_is_kept_not_lost() {
    for (name, text, _) in cases()
        .into_iter()
        .filter(|(n, _, _)| !n.starts_with("generated"))
    {
        let lib = stocked_library();
        // Someone (another version, an extension, a bad disk) left this text
        // in place of a stored post-mortem's document.
        let raw = format!(r#"{{"format":"debrief/entry","revision":3,"saved":"","doc":{text}}}"#);
        let key = format!("{PREFIX}hostile");
        debrief::storage::KeyValue::set(lib.store(), &key, &raw).unwrap();
        let entries = lib.load_all().unwrap();
        let ready: Vec<&str> = entries
            .iter()
            .filter(|e| matches!(e.state, EntryState::Ready(_)))
            .map(|e| e.id.as_str())
            .collect();
        assert!(
            ready.contains(&"kept-a") && ready.contains(&"kept-b"),
            "{name}: {ready:?}"
        );
        let hostile = entries.iter().find(|e| e.id == "hostile").unwrap();
        match &hostile.state {
            EntryState::Corrupt { recovery_key, .. } => {
                let kept = debrief::storage::KeyValue::get(lib.store(), recovery_key).unwrap();
                assert_eq!(kept.as_deref(), Some(raw.as_str()), "{name}: recovery copy");
            }
            EntryState::Newer { .. } => {}
            EntryState::Ready(d) => {
                // Storage opens what parses, with clashing ids given new ones
                // (see `repair_ids`); every other consistency problem is left
                // to the editor's warnings. Only such files may get here.
                let mut parsed: PostMortem = debrief::domain::parse(&text)
                    .unwrap_or_else(|e| panic!("{name}: opened though {e}"));
                debrief::domain::repair_ids(&mut parsed);
                assert_eq!(**d, parsed, "{name}");
                let clashes = debrief::domain::validate(d)
                    .into_iter()
                    .filter(|p| p.message.starts_with("duplicate id") || p.path.ends_with(".id"))
                    .collect::<Vec<_>>();
                assert!(clashes.is_empty(), "{name}: {clashes:?}");
            }
        }
        // Whatever happened, the stored text itself is untouched.
        let still = debrief::storage::KeyValue::get(lib.store(), &key).unwrap();
        assert_eq!(still.as_deref(), Some(raw.as_str()), "{name}");
    }
}

// ---------------------------------------------------------------- older files

/// A file in `tests/corpus/v1/`: documents written by version 1, which must
/// open (the files above must not).
fn older(name: &str) -> String {
    std::fs::read_to_string(corpus_dir().join("v1").join(name)).unwrap()
}

/// A file in `tests/corpus/v2/`, written by version 2.
fn older_v2(name: &str) -> String {
    std::fs::read_to_string(corpus_dir().join("v2").join(name)).unwrap()
}

/// No factor and no event of a file written before version 3 has a tag.
fn untagged(d: &PostMortem) -> bool {
    d.reason.factors.iter().all(|f| f.tags.is_empty())
        && d.timeline.iter().all(|e| e.tags.is_empty())
}

fn open_one(text: &str) -> PostMortem {
    let mut docs = import(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

#[test]
fn version_1_choices_open_unchanged() {
    use debrief::domain::{FactorCategory as C, ItemKind as K, Priority as P};
    let d = open_one(&older("choices.json"));
    assert_eq!(d.version, debrief::domain::VERSION);
    assert!(untagged(&d));
    let categories: Vec<_> = d.reason.factors.iter().map(|f| f.category).collect();
    // A factor without a category meant "technology" in version 1.
    assert_eq!(
        categories,
        [
            Some(C::External),
            Some(C::Organisation),
            Some(C::Technology)
        ]
    );
    let items: Vec<_> = d
        .remedy
        .items
        .iter()
        .map(|i| (i.priority, i.kind))
        .collect();
    // An item without them meant P2 and "prevent".
    assert_eq!(
        items,
        [
            (Some(P::P1), Some(K::Detect)),
            (Some(P::P4), Some(K::Learning)),
            (Some(P::P2), Some(K::Prevent)),
        ]
    );
    // Everything else reads as it did.
    assert_eq!(d.context.title, "Stale DNS after a resolver change");
    assert_eq!(d.remedy.items[0].owner, "Priya");
    assert_eq!(d.remedy.items[2].factor_ids, ["f3"]);
}

#[test]
fn version_1_without_choices_gets_the_old_defaults() {
    use debrief::domain::{FactorCategory as C, ItemKind as K, Priority as P};
    let d = open_one(&older("no_choices.json"));
    assert_eq!(d.reason.factors[0].category, Some(C::Technology));
    assert_eq!(d.remedy.items[0].priority, Some(P::P2));
    assert_eq!(d.remedy.items[0].kind, Some(K::Prevent));
}

#[test]
fn version_1_members_of_a_library_are_migrated_too() {
    let member: serde_json::Value = serde_json::from_str(&older("no_choices.json")).unwrap();
    let library = serde_json::json!({
        "schema": "debrief/library",
        "version": 1,
        "postmortems": [member],
    });
    let docs = import(&library.to_string()).unwrap();
    assert_eq!(
        docs[0].reason.factors[0].category,
        Some(debrief::domain::FactorCategory::Technology)
    );
}

#[test]
fn version_2_keeps_unset_choices_unset_and_round_trips() {
    let migrated = open_one(&older("choices.json"));
    let again = open_one(&debrief::export::json::export_one(&migrated));
    assert_eq!(again, migrated);

    // Written by this version: a missing or null choice is unset, not a default.
    let text = r#"{"schema":"debrief/postmortem","version":2,"id":"v2",
        "reason":{"factors":[{"id":"f1","description":"a"},{"id":"f2","category":null}]},
        "remedy":{"items":[{"id":"i1","action":"b"}]}}"#;
    let d = open_one(text);
    assert!(d.reason.factors.iter().all(|f| f.category.is_none()));
    assert_eq!(
        (d.remedy.items[0].priority, d.remedy.items[0].kind),
        (None, None)
    );
    let again = open_one(&debrief::export::json::export_one(&d));
    assert_eq!(again, d);
    // And a new draft starts with nothing chosen.
    assert_eq!(debrief::domain::Factor::default().category, None);
    assert_eq!(debrief::domain::RemediationItem::default().priority, None);
}

#[test]
fn a_newer_version_is_still_refused_clearly() {
    let text = std::fs::read_to_string(corpus_dir().join("version_newer.json")).unwrap();
    let e = import(&text).unwrap_err().to_string();
    assert!(
        e.contains(
            "written by a newer version of Debrief (format version 5; this one reads up to 4)"
        ),
        "{e}"
    );
}

#[test]
fn version_2_opens_with_empty_tags_and_its_meaning_unchanged() {
    let text = older_v2("before_tags.json");
    let d = open_one(&text);
    assert_eq!(d.version, debrief::domain::VERSION);
    assert!(untagged(&d));
    // What the file said, read as it was: the same document but for the
    // version number and the (empty) tag lists version 3 adds.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["version"] = serde_json::json!(debrief::domain::VERSION);
    let as_written = debrief::domain::migrate::read_typed(&value).unwrap();
    assert_eq!(d, as_written);
    assert_eq!(d.context.tags, ["config", "login"]);
    assert_eq!(d.reason.factors[1].category, None, "unset stays unset");
    assert_eq!(d.reason.factors[2].category, None);
    assert_eq!(d.timeline[1].source, "https://chat.example/c/1");
    // It saves as the current version with the tag lists written out, and reads back.
    let saved = debrief::export::json::export_one(&d);
    let saved_value: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(saved_value["version"], debrief::domain::VERSION);
    assert_eq!(
        saved_value["reason"]["factors"][0]["tags"],
        serde_json::json!([])
    );
    assert_eq!(open_one(&saved), d);
}

#[test]
fn migration_writes_the_empty_tag_lists_out() {
    let text = older_v2("before_tags.json");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let d = debrief::domain::migrate::migrate(value).unwrap();
    assert!(untagged(&d));
    // The version-1 files reach the current version through every step.
    for name in ["choices.json", "no_choices.json"] {
        let d = open_one(&older(name));
        assert_eq!(d.version, debrief::domain::VERSION, "{name}");
        assert!(untagged(&d), "{name}");
    }
}

#[test]
fn version_3_tags_on_factors_and_events_round_trip() {
    let text = r#"{"schema":"debrief/postmortem","version":3,"id":"v3",
        "reason":{"factors":[{"id":"f1","description":"a","tags":["dns","cache"]}]},
        "timeline":[{"id":"e1","description":"b","tags":["paging"]}]}"#;
    let d = open_one(text);
    assert_eq!(d.reason.factors[0].tags, ["dns", "cache"]);
    assert_eq!(d.timeline[0].tags, ["paging"]);
    assert_eq!(open_one(&debrief::export::json::export_one(&d)), d);
    // Tags of the wrong shape are refused with their path.
    let bad = r#"{"schema":"debrief/postmortem","version":3,"id":"v3",
        "reason":{"factors":[{"id":"f1","tags":[5]}]}}"#;
    let e = import(bad).unwrap_err().to_string();
    assert!(e.contains("reason.factors[0].tags"), "{e}");
}
