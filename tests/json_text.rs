//! Every JSON form of a document is derived from its compact text (see
//! `domain::to_compact`); these tests hold the derived forms to exactly what
//! serde_json would have written directly.

mod common;

use debrief::domain::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn pretty_text_is_byte_for_byte_serde_json_pretty(doc in common::arb_doc()) {
        prop_assert_eq!(to_json(&doc), serde_json::to_string_pretty(&doc).unwrap());
    }

    #[test]
    fn value_is_serde_json_value(doc in common::arb_doc()) {
        prop_assert_eq!(to_value(&doc), serde_json::to_value(&doc).unwrap());
    }

    #[test]
    fn pretty_handles_any_json_value(text in common::hostile_text()) {
        // Strings holding brackets, commas, colons, quotes and backslashes must
        // pass through untouched, in keys as in values.
        let v = serde_json::json!({ text.clone(): [text.clone(), {}, [], { "k": [[], [{}]] }], "n": null });
        prop_assert_eq!(
            pretty(&serde_json::to_string(&v).unwrap()),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}

#[test]
fn example_and_empty_documents_print_as_before() {
    for doc in [
        example::example(),
        PostMortem::default(),
        common::rich_doc(),
    ] {
        assert_eq!(to_json(&doc), serde_json::to_string_pretty(&doc).unwrap());
    }
}
