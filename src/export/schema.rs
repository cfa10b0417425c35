//! The published JSON Schema of the post-mortem file (`postmortem.schema.json`).
//!
//! Generated from the model itself, so the schema and the code cannot drift;
//! a test compares it with the committed copy. Only built with the `schema`
//! feature: schemars has no place in the app bundle.

use serde_json::{json, Value};

use crate::domain::model::{PostMortem, SCHEMA, VERSION};

/// Where the schema is published, relative to the app.
pub const FILE_NAME: &str = "postmortem.schema.json";

/// The JSON Schema (draft 2020-12) of a post-mortem file of the current version.
pub fn postmortem_schema() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(PostMortem)).unwrap_or(Value::Null);
    if let Some(root) = schema.as_object_mut() {
        root.insert(
            "$id".into(),
            json!(format!("urn:debrief:postmortem:v{VERSION}")),
        );
        root.insert("title".into(), json!("Debrief post-mortem"));
        root.insert(
            "description".into(),
            json!(format!(
                "A blameless post-mortem written with Debrief (schema \"{SCHEMA}\", version {VERSION}). Times are RFC 3339 in UTC."
            )),
        );
        // The model accepts missing fields (older files of the same version);
        // what makes a file a Debrief post-mortem at all is stated here.
        root.insert("required".into(), json!(["schema", "version", "id"]));
        if let Some(props) = root.get_mut("properties").and_then(Value::as_object_mut) {
            if let Some(s) = props.get_mut("schema").and_then(Value::as_object_mut) {
                s.insert("const".into(), json!(SCHEMA));
            }
            if let Some(v) = props.get_mut("version").and_then(Value::as_object_mut) {
                v.insert("minimum".into(), json!(1));
                v.insert("maximum".into(), json!(VERSION));
            }
            if let Some(id) = props.get_mut("id").and_then(Value::as_object_mut) {
                id.insert("minLength".into(), json!(1));
            }
        }
    }
    schema
}

/// The schema as the committed file holds it: pretty JSON, one final newline.
pub fn postmortem_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&postmortem_schema()).unwrap_or_default();
    text.push('\n');
    text
}
