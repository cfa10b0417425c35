//! The app's one shared sort must agree exactly with the standard library's
//! stable sort, for any input: same order, and equal keys keep their order.

use debrief::domain::sort::{sort, sort_by, sort_by_key, sorted_positions};
use proptest::prelude::*;

proptest! {
    #[test]
    fn sort_by_key_matches_std_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
        // The key looks at the first half only, so many elements tie and
        // stability shows in the second half.
        let mut expected = v.clone();
        expected.sort_by_key(|p| p.0);
        let mut got = v;
        sort_by_key(&mut got, |p| p.0);
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn sort_by_matches_std(v in proptest::collection::vec((0u8..4, any::<u8>()), 0..200)) {
        let mut expected = v.clone();
        expected.sort_by(|a, b| (b.0 % 3).cmp(&(a.0 % 3)).then(a.0.cmp(&b.0)));
        let mut got = v;
        sort_by(&mut got, |a, b| (b.0 % 3).cmp(&(a.0 % 3)).then(a.0.cmp(&b.0)));
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn sort_matches_std(v in proptest::collection::vec(".{0,4}", 0..100)) {
        let mut expected = v.clone();
        expected.sort();
        let mut got = v;
        sort(&mut got);
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn elements_that_are_not_clone_are_moved_into_place() {
    // Boxes prove nothing is copied: each element arrives exactly once.
    let mut v: Vec<Box<str>> = ["pear", "fig", "apple", "kiwi", "date"]
        .into_iter()
        .map(Box::from)
        .collect();
    sort_by_key(&mut v, |s| s.len());
    let got: Vec<&str> = v.iter().map(|s| &**s).collect();
    assert_eq!(got, ["fig", "pear", "kiwi", "date", "apple"]);
}

#[test]
fn positions_are_ordered_by_the_comparison() {
    let xs = [3.5, -1.0, 2.0, f64::NAN, 0.0];
    let order = sorted_positions(xs.len(), &mut |a, b| xs[a].total_cmp(&xs[b]));
    assert_eq!(order, [1, 4, 2, 0, 3]);
}

#[test]
fn empty_and_single_lists_are_left_alone() {
    let mut none: Vec<u8> = Vec::new();
    sort(&mut none);
    assert!(none.is_empty());
    let mut one = vec![7];
    sort_by_key(&mut one, |x| *x);
    assert_eq!(one, [7]);
}
