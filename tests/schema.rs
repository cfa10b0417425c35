//! The published JSON Schema: generated from the model, committed under
//! `public/`, never stale, and it accepts what Debrief exports and rejects
//! what Debrief refuses.

mod common;

use std::path::PathBuf;

use debrief::export::json::export_one;
use debrief::export::schema::{postmortem_schema, postmortem_schema_text, FILE_NAME};
use jsonschema::Validator;
use proptest::prelude::*;
use serde_json::{json, Value};

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("public")
        .join(FILE_NAME)
}

fn validator() -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&postmortem_schema())
        .expect("the generated schema is itself valid")
}

/// Fails when the committed schema differs from the model. Run with
/// `DEBRIEF_WRITE_SCHEMA=1` to rewrite it after changing the model.
#[test]
fn committed_schema_is_current() {
    let fresh = postmortem_schema_text();
    let path = committed_path();
    if std::env::var_os("DEBRIEF_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `DEBRIEF_WRITE_SCHEMA=1 cargo test --test schema` and commit it",
        path.display()
    );
}

#[test]
fn schema_declares_the_format() {
    let s = postmortem_schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["schema"]["const"], "debrief/postmortem");
    assert_eq!(
        s["properties"]["version"]["maximum"],
        debrief::domain::VERSION
    );
    assert_eq!(s["required"], json!(["schema", "version", "id"]));
}

#[test]
fn exported_documents_are_valid() {
    let v = validator();
    for doc in [
        common::rich_doc(),
        debrief::domain::new_postmortem(
            "x",
            common::at(9, 0),
            debrief::domain::Template::NearMiss,
            "UTC",
        ),
    ] {
        let value: Value = serde_json::from_str(&export_one(&doc)).unwrap();
        let errors: Vec<String> = v
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

/// What it is, how to break a valid export that way, where the error points.
type Breakage = (&'static str, Box<dyn Fn(&mut Value)>, &'static str);

/// Each breakage, applied to a valid export, with where the schema should
/// point.
#[test]
fn broken_documents_are_rejected() {
    let v = validator();
    let good: Value = serde_json::from_str(&export_one(&common::rich_doc())).unwrap();
    let cases: Vec<Breakage> = vec![
        (
            "wrong schema name",
            Box::new(|d| d["schema"] = json!("other/thing")),
            "/schema",
        ),
        (
            "newer version",
            Box::new(|d| d["version"] = json!(debrief::domain::VERSION + 1)),
            "/version",
        ),
        (
            "version zero",
            Box::new(|d| d["version"] = json!(0)),
            "/version",
        ),
        ("empty id", Box::new(|d| d["id"] = json!("")), "/id"),
        (
            "no id",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("id");
            }),
            "",
        ),
        (
            "title as number",
            Box::new(|d| d["context"]["title"] = json!(5)),
            "/context/title",
        ),
        (
            "unknown severity",
            Box::new(|d| d["context"]["severity"] = json!("sev9")),
            "/context/severity",
        ),
        (
            "date in words",
            Box::new(|d| d["timeline"][3]["time"] = json!("yesterday")),
            "/timeline/3/time",
        ),
        (
            "impossible date",
            Box::new(|d| d["context"]["started"] = json!("2024-13-45T99:00:00Z")),
            "/context/started",
        ),
        (
            "day as timestamp",
            Box::new(|d| d["remedy"]["items"][0]["due"] = json!("2024-05-20T00:00:00Z")),
            "/remedy/items/0/due",
        ),
        (
            "negative count",
            Box::new(|d| d["context"]["impact"]["users_affected"] = json!(-5)),
            "/context/impact/users_affected",
        ),
        (
            "fractional count",
            Box::new(|d| d["context"]["impact"]["requests_failed"] = json!(1.5)),
            "/context/impact/requests_failed",
        ),
        (
            "timeline as object",
            Box::new(|d| d["timeline"] = json!({})),
            "/timeline",
        ),
        (
            "person as string",
            Box::new(|d| d["context"]["people"][0] = json!("Ana")),
            "/context/people/0",
        ),
        (
            "unknown section",
            Box::new(|d| d["sections"][0] = json!("appendix")),
            "/sections/0",
        ),
        (
            "flag as text",
            Box::new(|d| d["remedy"]["unknown"] = json!("yes")),
            "/remedy/unknown",
        ),
        (
            "unknown event kind",
            Box::new(|d| d["timeline"][0]["kind"] = json!("explosion")),
            "/timeline/0/kind",
        ),
    ];
    assert!(v.is_valid(&good));
    for (what, break_it, at) in cases {
        let mut doc = good.clone();
        break_it(&mut doc);
        let paths: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| e.instance_path().to_string())
            .collect();
        assert!(!paths.is_empty(), "{what}: accepted");
        assert!(
            paths.iter().any(|p| p == at),
            "{what}: errors at {paths:?}, expected {at}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_are_valid(d in common::arb_doc()) {
        let value: Value = serde_json::from_str(&export_one(&d)).unwrap();
        let v = validator();
        let errors: Vec<String> = v.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }
}
