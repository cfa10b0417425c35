//! Tags on factors and events: "seen before" in other post-mortems, and the
//! tag figures of Insights that count them wherever they were put.

use chrono::{DateTime, NaiveDate, Utc};
use debrief::domain::example::example;
use debrief::domain::insights::*;
use debrief::domain::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn pm(id: &str, title: &str, started: &str) -> PostMortem {
    let mut d = PostMortem {
        id: id.into(),
        ..Default::default()
    };
    d.context.title = title.into();
    d.context.started = Some(utc(started));
    d
}

fn factor(id: &str, category: Option<FactorCategory>, tags: &[&str]) -> Factor {
    Factor {
        id: id.into(),
        description: format!("factor {id}"),
        category,
        tags: strings(tags),
        cites: Vec::new(),
    }
}

fn event(id: &str, tags: &[&str]) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        description: format!("event {id}"),
        tags: strings(tags),
        ..Default::default()
    }
}

fn ids(seen: &[SeenIn]) -> Vec<&str> {
    seen.iter().map(|s| s.doc.id.as_str()).collect()
}

/// The current post-mortem and three others: one shares `dns` on a factor
/// of the same category, one has `DNS ` on an event, one has nothing.
fn archive() -> (PostMortem, Vec<PostMortem>) {
    let mut current = pm("now", "Resolver outage", "2024-06-10T10:00:00Z");
    current.context.tags = strings(&["network"]);
    current.reason.factors = vec![
        factor("f1", Some(FactorCategory::Technology), &["dns", "cache"]),
        factor("f2", Some(FactorCategory::Process), &["handover"]),
        factor("f3", None, &[]),
    ];
    let mut a = pm("a", "Stale records in March", "2024-03-01T08:00:00Z");
    a.reason.factors = vec![factor("x", Some(FactorCategory::Technology), &["dns"])];
    let mut b = pm("b", "Mail bounced", "2024-05-01T08:00:00Z");
    b.timeline = vec![event("e1", &["DNS "])];
    b.context.tags = strings(&["Network"]);
    let c = pm("c", "Nothing shared", "2024-05-20T08:00:00Z");
    let mut docs = vec![current.clone(), a, b, c];
    // The example never counts as history, whatever it is tagged with.
    let mut ex = example();
    ex.reason.factors[0].tags = strings(&["dns"]);
    docs.push(ex);
    (current, docs)
}

#[test]
fn a_factor_tag_is_seen_in_factors_events_and_post_mortem_tags_elsewhere() {
    let (current, docs) = archive();
    let seen = seen_before(&current, &docs);
    assert_eq!(seen.factors.len(), 1, "only f1 has a tag seen elsewhere");
    let f1 = &seen.factors[0];
    assert_eq!(f1.factor_id, "f1");
    // Same category and tag first, then the event match; never itself, never
    // the example, never the post-mortem with nothing in common.
    assert_eq!(ids(&f1.seen), ["a", "b"]);
    assert!(f1.seen[0].same_category);
    assert!(!f1.seen[1].same_category);
    assert_eq!(f1.seen[0].tags, ["dns"]);
    assert_eq!(f1.seen[0].doc.title, "Stale records in March");
    // The post-mortem's own tag, compared in any case.
    assert_eq!(ids(&seen.tags), ["b"]);
    assert_eq!(seen.tags[0].tags, ["network"]);
}

#[test]
fn same_category_needs_the_tag_on_that_factor() {
    let (current, mut docs) = archive();
    // `b` gains a technology factor, but with another tag: its `dns` is still
    // only on an event, so it is not the same kind of factor.
    docs[2].reason.factors = vec![factor("y", Some(FactorCategory::Technology), &["disk"])];
    let f1 = factor_seen(&current.reason.factors[0], "now", &docs);
    assert_eq!(ids(&f1), ["a", "b"]);
    assert!(!f1[1].same_category);
    // With the tag on it, it is.
    docs[2].reason.factors[0].tags.push("dns".into());
    let f1 = factor_seen(&current.reason.factors[0], "now", &docs);
    assert!(f1.iter().all(|s| s.same_category));
    // Both match the same way: the one sharing more tags, then the latest.
    docs[1].reason.factors[0].tags.push("cache".into());
    let f1 = factor_seen(&current.reason.factors[0], "now", &docs);
    assert_eq!(ids(&f1), ["a", "b"]);
    assert_eq!(f1[0].tags, ["dns", "cache"]);
    docs[1].reason.factors[0].tags.pop();
    let f1 = factor_seen(&current.reason.factors[0], "now", &docs);
    assert_eq!(ids(&f1), ["b", "a"], "b started later");
}

#[test]
fn the_post_mortems_own_tags_are_looked_up_alone() {
    let (current, docs) = archive();
    let seen = tags_seen(&strings(&["NETWORK", "dns"]), &current.id, &docs);
    // `b` has both (one on the post-mortem, one on an event), `a` only dns.
    assert_eq!(ids(&seen), ["b", "a"]);
    assert_eq!(seen[0].tags, ["NETWORK", "dns"]);
    assert!(seen.iter().all(|s| !s.same_category));
    assert_eq!(
        seen_before(&current, &docs).tags,
        tags_seen(&current.context.tags, "now", &docs)
    );
}

#[test]
fn nothing_is_seen_without_tags_or_other_post_mortems() {
    let (current, docs) = archive();
    assert!(factor_seen(&current.reason.factors[2], "now", &docs).is_empty());
    assert_eq!(seen_before(&current, &docs[..1]), SeenBefore::default());
    let blank = factor("z", None, &["  ", ""]);
    assert!(factor_seen(&blank, "now", &docs).is_empty());
}

#[test]
fn all_tags_gathers_every_place_once() {
    let mut d = pm("d", "t", "2024-01-01T00:00:00Z");
    d.context.tags = strings(&["Payments"]);
    d.reason.factors = vec![factor("f", None, &["payments", " dns "])];
    d.timeline = vec![event("e", &["paging", "DNS"])];
    assert_eq!(all_tags(&d), ["Payments", "dns", "paging"]);
}

fn run(docs: Vec<PostMortem>) -> Insights {
    let a = Archive {
        docs,
        ..Default::default()
    };
    insights(
        &a,
        &Filter::default(),
        &|_| 0,
        NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
    )
}

#[test]
fn insights_count_factor_and_event_tags_once_per_post_mortem() {
    let (_, docs) = archive();
    let i = run(docs);
    let tags: Vec<_> = i.tags.iter().map(|r| (r.label.as_str(), r.count)).collect();
    // dns: on now's factor, a's factor, b's event; network: now and b.
    assert_eq!(
        tags,
        [("dns", 3), ("network", 2), ("cache", 1), ("handover", 1)]
    );
    let places: Vec<(&str, Vec<&str>)> = i
        .tag_places
        .iter()
        .map(|p| {
            (
                p.tag.as_str(),
                p.docs.iter().map(|d| d.id.as_str()).collect(),
            )
        })
        .collect();
    // Where each was seen, latest incident first, in the ranking's order.
    assert_eq!(
        places,
        [
            ("dns", vec!["now", "b", "a"]),
            ("network", vec!["now", "b"]),
            ("cache", vec!["now"]),
            ("handover", vec!["now"]),
        ]
    );
    assert_eq!(i.tag_places[0].docs[2].title, "Stale records in March");
}

#[test]
fn factor_and_event_tags_occur_together_and_filter() {
    let (_, docs) = archive();
    let i = run(docs.clone());
    let pairs: Vec<_> = i
        .together
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str(), p.count))
        .collect();
    // dns and network share now and b (one from a factor, one from an event).
    assert!(pairs.contains(&("#dns", "#network", 2)), "{pairs:?}");
    // The filter and its choices know factor and event tags too.
    assert_eq!(tags(&docs), ["cache", "dns", "handover", "network"]);
    let f = Filter {
        tag: Some("DNS".into()),
        ..Default::default()
    };
    let a = Archive {
        docs,
        ..Default::default()
    };
    let i = insights(&a, &f, &|_| 0, NaiveDate::from_ymd_opt(2024, 7, 1).unwrap());
    assert_eq!(i.counted, 3);
}

#[test]
fn the_insights_markdown_says_where_each_tag_was_seen() {
    let (_, docs) = archive();
    let i = run(docs);
    let md = debrief::export::insights::markdown(&i, &Filter::default(), &|_| 0);
    assert!(md.contains("## Where each tag was seen\n\n"), "{md}");
    assert!(
        md.contains("| dns | Resolver outage, Mail bounced, Stale records in March |"),
        "{md}"
    );
    // Nothing tagged, no such section.
    let md = debrief::export::insights::markdown(&run(Vec::new()), &Filter::default(), &|_| 0);
    assert!(!md.contains("Where each tag was seen"), "{md}");
}

#[test]
fn suggestions_are_the_archive_tags_and_those_just_given_in_the_open_one() {
    let mut stored = pm("a", "Stored", "2024-03-01T10:00:00Z");
    stored.context.tags = strings(&["dns", "paging"]);
    let mut open = pm("b", "Open", "2024-04-01T10:00:00Z");
    // Its stored copy has no tags yet; the open one has just been given two,
    // one of them the archive's already (in another case).
    let stored_open = open.clone();
    open.reason.factors.push(Factor {
        id: "f1".into(),
        tags: strings(&["cache", "DNS"]),
        ..Default::default()
    });
    let docs = vec![stored.clone(), stored_open];
    assert_eq!(tags(&docs), strings(&["dns", "paging"]));
    assert_eq!(
        suggested_tags(&docs, &open),
        strings(&["cache", "dns", "paging"])
    );
}
