//! "Seen before": which of a post-mortem's tags other post-mortems carry too.
//!
//! A factor tagged `dns` reads differently once the author sees that two
//! earlier incidents were tagged `dns` as well; a pattern across incidents
//! is a lesson no single write-up holds. Tags compare the way Insights
//! compares them (trimmed, any case), and a tag counts wherever it was put:
//! on the post-mortem, on a factor or on a timeline event.

use super::filter::{all_tags, same};
use super::started;
use crate::domain::model::{Factor, PostMortem};
use crate::domain::naming::display_title;

/// A post-mortem to link to: its id (for `#/pm/<id>`) and its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRef {
    pub id: String,
    pub title: String,
}

impl DocRef {
    pub fn of(doc: &PostMortem) -> DocRef {
        DocRef {
            id: doc.id.clone(),
            title: display_title(doc),
        }
    }
}

/// Another post-mortem that shares tags with what is being looked at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenIn {
    pub doc: DocRef,
    /// The shared tags, spelled as they are here.
    pub tags: Vec<String>,
    /// It has a factor of the same category carrying one of those tags: the
    /// closest kind of match, so it is listed first.
    pub same_category: bool,
}

/// One factor of the current post-mortem and where its tags were seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorSeen {
    pub factor_id: String,
    pub seen: Vec<SeenIn>,
}

/// Everything of the current post-mortem that other ones share.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeenBefore {
    /// For the post-mortem's own tags.
    pub tags: Vec<SeenIn>,
    /// Only the factors with at least one tag seen elsewhere, in their order.
    pub factors: Vec<FactorSeen>,
}

/// The post-mortems worth comparing with: every other real one.
fn others<'a>(current_id: &'a str, docs: &'a [PostMortem]) -> impl Iterator<Item = &'a PostMortem> {
    super::real(docs).filter(move |d| d.id != current_id)
}

/// Where any of `tags` appears outside the post-mortem `current_id`; with a
/// `category`, a factor of that category carrying the tag ranks first.
/// Closest first, then the most shared tags, then the latest incident.
fn seen_in(
    tags: &[String],
    category: Option<crate::domain::model::FactorCategory>,
    current_id: &str,
    docs: &[PostMortem],
) -> Vec<SeenIn> {
    let tags: Vec<&str> = tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(SeenIn, Option<chrono::DateTime<chrono::Utc>>)> = Vec::new();
    for doc in others(current_id, docs) {
        let theirs = all_tags(doc);
        let mut shared: Vec<String> = Vec::new();
        for t in &tags {
            if theirs.iter().any(|x| same(x, t)) && !shared.iter().any(|x| same(x, t)) {
                shared.push(t.to_string());
            }
        }
        if shared.is_empty() {
            continue;
        }
        let same_category = category.is_some_and(|c| {
            doc.reason.factors.iter().any(|f| {
                f.category == Some(c) && f.tags.iter().any(|x| shared.iter().any(|s| same(x, s)))
            })
        });
        out.push((
            SeenIn {
                doc: DocRef::of(doc),
                tags: shared,
                same_category,
            },
            started(doc),
        ));
    }
    crate::domain::sort::sort_by_key(&mut out, |(s, at)| {
        (
            !s.same_category,
            std::cmp::Reverse(s.tags.len()),
            std::cmp::Reverse(*at),
            s.doc.title.to_lowercase(),
        )
    });
    out.into_iter().map(|(s, _)| s).collect()
}

/// Where one factor's tags were seen outside the post-mortem `current_id`.
pub fn factor_seen(factor: &Factor, current_id: &str, docs: &[PostMortem]) -> Vec<SeenIn> {
    seen_in(&factor.tags, factor.category, current_id, docs)
}

/// Where the post-mortem's own tags were seen outside the post-mortem
/// `current_id`.
pub fn tags_seen(tags: &[String], current_id: &str, docs: &[PostMortem]) -> Vec<SeenIn> {
    seen_in(tags, None, current_id, docs)
}

/// What the current post-mortem shares with the others in `docs` (which
/// may include the current one: it is never compared with itself).
pub fn seen_before(current: &PostMortem, docs: &[PostMortem]) -> SeenBefore {
    SeenBefore {
        tags: tags_seen(&current.context.tags, &current.id, docs),
        factors: current
            .reason
            .factors
            .iter()
            .map(|f| FactorSeen {
                factor_id: f.id.clone(),
                seen: factor_seen(f, &current.id, docs),
            })
            .filter(|f| !f.seen.is_empty())
            .collect(),
    }
}

/// One tag across the archive and the post-mortems it is in, latest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPlaces {
    pub tag: String,
    pub docs: Vec<DocRef>,
}

/// For each of `tags` (a ranking's labels), the counted post-mortems that
/// carry it anywhere.
pub(super) fn places(tags: &[String], docs: &[&PostMortem]) -> Vec<TagPlaces> {
    tags.iter()
        .map(|tag| {
            let mut found: Vec<&PostMortem> = docs
                .iter()
                .copied()
                .filter(|d| all_tags(d).iter().any(|x| same(x, tag)))
                .collect();
            crate::domain::sort::sort_by_key(&mut found, |d| {
                (
                    std::cmp::Reverse(started(d)),
                    display_title(d).to_lowercase(),
                )
            });
            TagPlaces {
                tag: tag.clone(),
                docs: found.into_iter().map(DocRef::of).collect(),
            }
        })
        .collect()
}
