use crate::domain::model::{FactorCategory, PostMortem};

use super::filter::{all_tags, same};

/// A name and how many post-mortems it appears in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub label: String,
    pub count: usize,
}

/// Two themes found in the same post-mortems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub a: String,
    pub b: String,
    pub count: usize,
}

/// Rows kept in a ranking: the long tail says little and costs space.
const TOP: usize = 10;

/// Counts each name once per post-mortem (case-insensitively, shown as first
/// typed), most frequent first, ties in alphabetical order. `names` is a
/// function pointer so the counting is compiled once for every ranking.
fn rank(docs: &[&PostMortem], names: fn(&PostMortem) -> Vec<String>) -> Vec<Ranked> {
    let mut out: Vec<Ranked> = Vec::new();
    for doc in docs {
        let mut seen: Vec<String> = Vec::new();
        for n in names(doc) {
            let n = n.trim().to_string();
            if n.is_empty() || seen.iter().any(|s| same(s, &n)) {
                continue;
            }
            match out.iter_mut().find(|r| same(&r.label, &n)) {
                Some(r) => r.count += 1,
                None => out.push(Ranked {
                    label: n.clone(),
                    count: 1,
                }),
            }
            seen.push(n);
        }
    }
    crate::domain::sort::sort_by_key(&mut out, |r| {
        (std::cmp::Reverse(r.count), r.label.to_lowercase())
    });
    out
}

fn category_names(doc: &PostMortem) -> Vec<String> {
    doc.reason
        .factors
        .iter()
        .filter_map(|f| f.category)
        .map(|c: FactorCategory| c.label().to_string())
        .collect()
}

/// Factor categories by the post-mortems they contribute to, and how many
/// factors have no category yet.
pub(super) fn categories(docs: &[&PostMortem]) -> (Vec<Ranked>, usize) {
    let uncategorised = docs
        .iter()
        .flat_map(|d| &d.reason.factors)
        .filter(|f| f.category.is_none())
        .count();
    (rank(docs, category_names), uncategorised)
}

/// Tags wherever they were put: on the post-mortem, a factor or an event,
/// still counted once per post-mortem.
pub(super) fn tags(docs: &[&PostMortem]) -> Vec<Ranked> {
    let mut r = rank(docs, all_tags);
    r.truncate(TOP);
    r
}

pub(super) fn services(docs: &[&PostMortem]) -> Vec<Ranked> {
    let mut r = rank(docs, |d| d.context.services.clone());
    r.truncate(TOP);
    r
}

/// Tags (as `#tag`) and factor categories of one post-mortem, each once.
pub(super) fn themes(doc: &PostMortem) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let tags = all_tags(doc).into_iter().map(|t| format!("#{t}"));
    for t in category_names(doc).into_iter().chain(tags) {
        if t != "#" && !out.iter().any(|x| same(x, &t)) {
            out.push(t);
        }
    }
    out
}

/// Pairs of themes that share at least two post-mortems: once is a
/// coincidence, twice is worth a look.
pub(super) fn together(docs: &[&PostMortem]) -> Vec<Pair> {
    let mut out: Vec<Pair> = Vec::new();
    for doc in docs {
        let mut t = themes(doc);
        crate::domain::sort::sort_by_key(&mut t, |s| s.to_lowercase());
        for (i, a) in t.iter().enumerate() {
            for b in &t[i + 1..] {
                match out.iter_mut().find(|p| same(&p.a, a) && same(&p.b, b)) {
                    Some(p) => p.count += 1,
                    None => out.push(Pair {
                        a: a.clone(),
                        b: b.clone(),
                        count: 1,
                    }),
                }
            }
        }
    }
    out.retain(|p| p.count >= 2);
    crate::domain::sort::sort_by_key(&mut out, |p| {
        (
            std::cmp::Reverse(p.count),
            p.a.to_lowercase(),
            p.b.to_lowercase(),
        )
    });
    out.truncate(TOP);
    out
}
