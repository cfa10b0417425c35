//! One stable sort for the whole app.
//!
//! `slice::sort_by_key` is generic over the element and the key, so every call
//! site compiles its own copy of the sorting algorithm: about 3.5 kB of
//! WebAssembly each, which a dozen call sites turn into a noticeable part of
//! the download. Here the algorithm runs once, on a list of positions with a
//! comparison behind a `dyn` pointer, and only the small steps around it (work
//! out the keys, move the elements into place) are specialised per type.
//!
//! Both functions are stable: equal elements keep their order. Keys are
//! computed once per element, not once per comparison.

use std::cmp::Ordering;

/// Sorts by a key, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// Sorts with a comparison, stably, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts in the natural order, stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` ordered by `cmp`: the only instance of the sorting
/// algorithm in the program.
#[inline(never)]
pub fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`, by
/// following each cycle of the permutation with swaps (no clone, no extra
/// copy of the elements).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            // Marks `at` as settled, so a later `start` in this cycle stops at once.
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}
