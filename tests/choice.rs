//! Every enum a person picks from has one table: its slugs are exactly the
//! names serde writes in a file, and each reads back to its own value.

use std::collections::HashSet;
use std::fmt::Debug;

use debrief::domain::*;
use serde::{de::DeserializeOwned, Serialize};

fn check<C: Choice + Serialize + DeserializeOwned + Debug>() {
    assert!(!C::ALL.is_empty());
    let mut slugs = HashSet::new();
    let mut labels = HashSet::new();
    for &c in C::ALL {
        let serde_name = serde_json::to_value(c).unwrap();
        assert_eq!(serde_name, serde_json::json!(c.slug()), "{c:?}");
        assert_eq!(C::from_slug(c.slug()), Some(c), "{c:?}");
        let parsed: C = serde_json::from_value(serde_json::json!(c.slug())).unwrap();
        assert_eq!(parsed, c);
        assert!(!c.label().trim().is_empty(), "{c:?}");
        assert!(slugs.insert(c.slug()), "{c:?}: slug twice");
        assert!(labels.insert(c.label()), "{c:?}: label twice");
    }
    // Nothing else reads as a value: not the empty "not set" option, not
    // the Rust name of a variant.
    assert_eq!(C::from_slug(""), None);
    let rust_name = format!("{:?}", C::ALL[C::ALL.len() - 1]);
    if rust_name != C::ALL[C::ALL.len() - 1].slug() {
        assert_eq!(C::from_slug(&rust_name), None, "{rust_name}");
    }
}

#[test]
fn every_table_matches_serde() {
    check::<Template>();
    check::<Status>();
    check::<Severity>();
    check::<ReviewRole>();
    check::<LinkKind>();
    check::<FactorCategory>();
    check::<Precision>();
    check::<EventKind>();
    check::<Priority>();
    check::<ItemStatus>();
    check::<ItemKind>();
    check::<Area>();
    check::<QuestionState>();
    check::<Basic>();
}

#[test]
fn tables_list_every_variant_in_order() {
    // `ALL` is what a select offers: one entry per variant, in the order
    // the enum declares them (which is also their sort order).
    assert_eq!(EventKind::ALL.to_vec(), {
        let mut v = EventKind::ALL.to_vec();
        v.sort();
        v
    });
    assert_eq!(
        Priority::ALL,
        [Priority::P1, Priority::P2, Priority::P3, Priority::P4]
    );
    assert_eq!(ItemStatus::InProgress.slug(), "in_progress");
    assert_eq!(Status::from_slug("in_review"), Some(Status::InReview));
    assert_eq!(Status::from_slug("InReview"), None);
}

#[test]
fn an_optional_choice_is_empty_when_unset() {
    assert_eq!(optional_slug::<FactorCategory>(None), "");
    assert_eq!(
        optional_slug(Some(FactorCategory::Organisation)),
        "organisation"
    );
}
