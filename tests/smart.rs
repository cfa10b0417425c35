//! SMART checks, overdue dates, status changes and the follow-ups view.

use chrono::NaiveDate;
use debrief::domain::smart::{
    self, action_text_reason, by_owner, by_postmortem, by_priority, check, follow_ups, is_overdue,
    is_smart, owners, status_change, summary, FollowUpFilter, FollowUpSummary, NotSmart,
    ACTION_VERBS,
};
use debrief::domain::{ItemStatus, PostMortem, Priority, RemediationItem, Severity};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An item that passes every check; tests break one thing at a time.
fn good(id: &str) -> RemediationItem {
    RemediationItem {
        id: id.into(),
        action: "Add an alert on connection pool saturation".into(),
        owner: "Amara".into(),
        due: Some(d(2024, 4, 1)),
        measure: "A staged saturation pages within three minutes".into(),
        ..RemediationItem::default()
    }
}

#[test]
fn a_complete_item_is_smart() {
    assert_eq!(check(&good("a")), Vec::<NotSmart>::new());
    assert!(is_smart(&good("a")));
}

#[test]
fn missing_owner_due_and_measure_are_each_reported() {
    let mut i = good("a");
    i.owner = "   ".into();
    assert_eq!(check(&i), vec![NotSmart::NoOwner]);

    let mut i = good("a");
    i.due = None;
    assert_eq!(check(&i), vec![NotSmart::NoDueDate]);

    let mut i = good("a");
    i.measure = String::new();
    assert_eq!(check(&i), vec![NotSmart::NoMeasure]);

    let bare = RemediationItem {
        action: "Document the rotation runbook".into(),
        ..RemediationItem::default()
    };
    assert_eq!(
        check(&bare),
        vec![NotSmart::NoOwner, NotSmart::NoDueDate, NotSmart::NoMeasure]
    );
    assert!(!is_smart(&bare));
}

#[test]
fn empty_action_is_reported() {
    assert_eq!(action_text_reason(""), Some(NotSmart::EmptyAction));
    assert_eq!(action_text_reason("  \n "), Some(NotSmart::EmptyAction));
    assert_eq!(action_text_reason("- …"), Some(NotSmart::EmptyAction));
    let mut i = good("a");
    i.action = " ".into();
    assert_eq!(check(&i), vec![NotSmart::EmptyAction]);
}

#[test]
fn questions_are_not_actions() {
    assert_eq!(
        action_text_reason("Add more alerting to the pool?"),
        Some(NotSmart::Question)
    );
    assert_eq!(
        action_text_reason("Should we page the database team sooner"),
        Some(NotSmart::Question)
    );
    assert_eq!(
        action_text_reason("How do we notice rotations earlier"),
        Some(NotSmart::Question)
    );
}

#[test]
fn too_short_actions_are_reported() {
    assert_eq!(action_text_reason("Fix it"), Some(NotSmart::TooShort));
    assert_eq!(action_text_reason("Monitoring"), Some(NotSmart::TooShort));
    // Three words is enough when it opens with a verb.
    assert_eq!(action_text_reason("Automate certificate rotation"), None);
}

#[test]
fn noun_phrases_are_not_actions() {
    for text in [
        "Better monitoring of the pool",
        "The database needs more connections",
        "More alerts for certificates",
        "Certificate rotation announcements in advance",
    ] {
        assert_eq!(
            action_text_reason(text),
            Some(NotSmart::NotAnAction),
            "{text}"
        );
    }
}

#[test]
fn non_committal_openers_are_vague() {
    for text in [
        "Investigate whether the pool is too small",
        "Look into alerting on handshakes",
        "Think about rotation windows again",
        "Be more careful with certificate rotations",
        "We will try to announce rotations earlier",
    ] {
        assert_eq!(action_text_reason(text), Some(NotSmart::Vague), "{text}");
    }
}

#[test]
fn imperative_verbs_pass_with_or_without_polite_prefixes() {
    for text in [
        "Add backoff with jitter to handshake retries",
        "Investigate the pool's handshake timeout setting",
        "Alert on TLS handshake failures at the pool",
        "We will document the rotation steps",
        "Please rotate the staging certificates monthly",
        "- Reload trust bundles without a restart.",
        "\"Publish\" the change calendar to every team",
    ] {
        assert_eq!(action_text_reason(text), None, "{text}");
    }
}

#[test]
fn the_verb_list_is_sorted_lowercase_and_large() {
    // Lookup is a binary search: an unsorted entry would silently never match.
    assert!(ACTION_VERBS.windows(2).all(|w| w[0] < w[1]));
    assert!(ACTION_VERBS
        .iter()
        .all(|v| v.chars().all(|c| c.is_ascii_lowercase())));
    assert!(ACTION_VERBS.len() >= 150, "{}", ACTION_VERBS.len());
}

#[test]
fn text_and_field_reasons_combine() {
    let i = RemediationItem {
        action: "Better monitoring?".into(),
        ..RemediationItem::default()
    };
    assert_eq!(
        check(&i),
        vec![
            NotSmart::Question,
            NotSmart::NoOwner,
            NotSmart::NoDueDate,
            NotSmart::NoMeasure
        ]
    );
}

#[test]
fn dropped_items_need_a_reason_not_a_date() {
    let mut i = RemediationItem {
        action: "Build a cross-team dashboard for handshakes".into(),
        status: ItemStatus::WontDo,
        ..RemediationItem::default()
    };
    assert_eq!(check(&i), vec![NotSmart::NoStatusReason]);
    i.status_reason = "The new alert covers it".into();
    assert!(is_smart(&i));

    i.status = ItemStatus::RiskAccepted;
    assert_eq!(check(&i), vec![NotSmart::NoAcceptor]);
    i.accepted_by = "Head of platform".into();
    assert!(is_smart(&i));
}

#[test]
fn every_reason_has_a_message_and_a_field() {
    let all = [
        NotSmart::EmptyAction,
        NotSmart::Question,
        NotSmart::TooShort,
        NotSmart::Vague,
        NotSmart::NotAnAction,
        NotSmart::NoOwner,
        NotSmart::NoDueDate,
        NotSmart::NoMeasure,
        NotSmart::NoStatusReason,
        NotSmart::NoAcceptor,
    ];
    for r in all {
        assert!(r.message().len() > 5, "{r:?}");
    }
    assert_eq!(NotSmart::NoOwner.field(), "owner");
    assert_eq!(NotSmart::NoDueDate.field(), "due");
    assert_eq!(NotSmart::NoMeasure.field(), "measure");
    assert_eq!(NotSmart::Vague.field(), "action");
    assert_eq!(NotSmart::NoAcceptor.field(), "accepted_by");
}

// ---------------------------------------------------------------- overdue

#[test]
fn overdue_only_after_the_due_date() {
    let mut i = good("a");
    i.due = Some(d(2024, 3, 14));
    assert!(!is_overdue(&i, d(2024, 3, 13)));
    // Due today is not overdue: the owner has until the end of the day.
    assert!(!is_overdue(&i, d(2024, 3, 14)));
    assert!(is_overdue(&i, d(2024, 3, 15)));
    i.status = ItemStatus::InProgress;
    assert!(is_overdue(&i, d(2024, 3, 15)));
}

#[test]
fn closed_or_undated_items_are_never_overdue() {
    let mut i = good("a");
    i.due = Some(d(2024, 3, 1));
    for s in [
        ItemStatus::Done,
        ItemStatus::WontDo,
        ItemStatus::RiskAccepted,
    ] {
        i.status = s;
        assert!(!is_overdue(&i, d(2024, 6, 1)), "{s:?}");
    }
    let mut undated = good("b");
    undated.due = None;
    assert!(!is_overdue(&undated, d(2030, 1, 1)));
}

#[test]
fn overdue_depends_on_the_users_date_not_on_utc() {
    // At 23:30 UTC on the 14th it is already the 15th in Tokyo and still the
    // 14th in New York. The caller turns the instant into each user's local
    // date; the answer then follows that date, whatever zone the code runs in.
    use chrono::{FixedOffset, TimeZone, Utc};
    let instant = Utc.with_ymd_and_hms(2024, 3, 14, 23, 30, 0).unwrap();
    let tokyo = instant
        .with_timezone(&FixedOffset::east_opt(9 * 3600).unwrap())
        .date_naive();
    let new_york = instant
        .with_timezone(&FixedOffset::west_opt(4 * 3600).unwrap())
        .date_naive();
    let mut i = good("a");
    i.due = Some(d(2024, 3, 14));
    assert!(is_overdue(&i, tokyo));
    assert!(!is_overdue(&i, new_york));
}

// ---------------------------------------------------------------- status changes

#[test]
fn marking_done_records_the_date_and_reopening_clears_it() {
    let i = good("a");
    let done = status_change(&i, ItemStatus::Done, d(2024, 3, 20));
    assert_eq!(done.status, ItemStatus::Done);
    assert_eq!(done.completed, Some(d(2024, 3, 20)));
    // Everything else is untouched.
    assert_eq!(done.action, i.action);
    assert_eq!(done.owner, i.owner);

    // Saving "done" again later keeps the original completion date.
    let again = status_change(&done, ItemStatus::Done, d(2024, 3, 25));
    assert_eq!(again.completed, Some(d(2024, 3, 20)));

    let reopened = status_change(&done, ItemStatus::InProgress, d(2024, 3, 26));
    assert_eq!(reopened.status, ItemStatus::InProgress);
    assert_eq!(reopened.completed, None);
}

#[test]
fn dropping_an_item_clears_completion_but_keeps_the_reason() {
    let mut i = status_change(&good("a"), ItemStatus::Done, d(2024, 3, 20));
    i.status_reason = "Cost outweighs the benefit".into();
    let dropped = status_change(&i, ItemStatus::WontDo, d(2024, 3, 21));
    assert_eq!(dropped.completed, None);
    assert_eq!(dropped.status_reason, "Cost outweighs the benefit");
    // A done item without a recorded date (older data) gets one when re-saved.
    let mut legacy = good("b");
    legacy.status = ItemStatus::Done;
    assert_eq!(
        status_change(&legacy, ItemStatus::Done, d(2024, 4, 2)).completed,
        Some(d(2024, 4, 2))
    );
}

// ---------------------------------------------------------------- follow-ups

fn item(
    id: &str,
    owner: &str,
    due: Option<NaiveDate>,
    p: Priority,
    s: ItemStatus,
) -> RemediationItem {
    RemediationItem {
        id: id.into(),
        action: format!("Add the fix for {id}"),
        owner: owner.into(),
        due,
        priority: Some(p),
        status: s,
        measure: "seen in a drill".into(),
        ..RemediationItem::default()
    }
}

fn doc(id: &str, items: Vec<RemediationItem>) -> PostMortem {
    let mut p = PostMortem {
        id: id.into(),
        ..PostMortem::default()
    };
    p.context.title = format!("Incident {id}");
    p.context.severity = Some(Severity::Sev3);
    p.remedy.items = items;
    p
}

fn library() -> Vec<PostMortem> {
    use ItemStatus::*;
    use Priority::*;
    vec![
        doc(
            "pm-1",
            vec![
                item("a1", "Amara", Some(d(2024, 3, 20)), P2, Open),
                item("a2", "Jonas", None, P3, Open),
                item("a3", "Amara", Some(d(2024, 3, 1)), P1, Done),
                item("a4", "Jonas", Some(d(2024, 2, 1)), P1, InProgress),
            ],
        ),
        doc(
            "pm-2",
            vec![
                item("b1", "amara ", Some(d(2024, 3, 10)), P1, Open),
                item("b2", "Tomás", Some(d(2024, 3, 15)), P2, Open),
                item("b3", "Tomás", Some(d(2024, 1, 1)), P2, WontDo),
                item("b4", "Mei", None, P1, Open),
            ],
        ),
        doc(
            "pm-3",
            vec![
                item("c1", "Mei", Some(d(2024, 3, 20)), P2, InProgress),
                item("c2", "Mei", Some(d(2024, 3, 15)), P4, RiskAccepted),
            ],
        ),
    ]
}

fn ids(list: &[smart::FollowUp]) -> Vec<&str> {
    list.iter().map(|f| f.item.id.as_str()).collect()
}

#[test]
fn follow_ups_list_open_items_overdue_first_then_by_date_undated_last() {
    let today = d(2024, 3, 15);
    let list = follow_ups(&library(), today);
    // a4 (Feb 1) and b1 (Mar 10) are overdue; b2 is due today, not overdue;
    // a1 and c1 share a date and keep library order; a2 and b4 have no date.
    assert_eq!(ids(&list), vec!["a4", "b1", "b2", "a1", "c1", "a2", "b4"]);
    let overdue: Vec<bool> = list.iter().map(|f| f.overdue).collect();
    assert_eq!(overdue, vec![true, true, false, false, false, false, false]);
    assert_eq!(list[0].days_left, Some(-43));
    assert_eq!(list[2].days_left, Some(0));
    assert_eq!(list[5].days_left, None);
    assert_eq!(list[0].postmortem_id, "pm-1");
    assert_eq!(list[1].postmortem_title, "Incident pm-2");
    assert_eq!(list[1].severity, Some(Severity::Sev3));
}

#[test]
fn a_follow_up_whose_item_changed_gets_a_new_key() {
    let list = follow_ups(&library(), d(2024, 3, 15));
    let keys: std::collections::HashSet<String> = list.iter().map(|f| f.key()).collect();
    assert_eq!(keys.len(), list.len());
    let mut changed = list[0].clone();
    changed.item.owner.push_str(" and Lee");
    assert_ne!(changed.key(), list[0].key());
}

#[test]
fn follow_ups_filters() {
    let list = follow_ups(&library(), d(2024, 3, 15));
    // Owner matching ignores case and surrounding spaces.
    assert_eq!(ids(&by_owner(&list, "AMARA")), vec!["b1", "a1"]);
    assert_eq!(
        ids(&by_priority(&list, Some(Priority::P1))),
        vec!["a4", "b1", "b4"]
    );
    assert_eq!(ids(&by_postmortem(&list, "pm-3")), vec!["c1"]);
    let f = FollowUpFilter {
        owner: Some("mei".into()),
        priority: Some(Some(Priority::P1)),
        ..FollowUpFilter::default()
    };
    assert_eq!(ids(&f.apply(&list)), vec!["b4"]);
    let overdue = FollowUpFilter {
        overdue_only: true,
        ..FollowUpFilter::default()
    };
    assert_eq!(ids(&overdue.apply(&list)), vec!["a4", "b1"]);
    // One entry per person, spelled as in the first listed item (b1, "amara ").
    assert_eq!(owners(&list), vec!["amara", "Jonas", "Mei", "Tomás"]);
}

#[test]
fn follow_up_summary_counts_open_overdue_and_done_this_month() {
    let mut docs = library();
    // a3 was completed on 1 March; add one completed last month, which must
    // not count, and one in March of another year.
    docs[0].remedy.items[2].completed = Some(d(2024, 3, 1));
    let mut feb = item("x1", "Amara", None, Priority::P2, ItemStatus::Done);
    feb.completed = Some(d(2024, 2, 29));
    let mut other_year = item("x2", "Amara", None, Priority::P2, ItemStatus::Done);
    other_year.completed = Some(d(2023, 3, 10));
    docs[2].remedy.items.push(feb);
    docs[2].remedy.items.push(other_year);
    assert_eq!(
        summary(&docs, d(2024, 3, 15)),
        FollowUpSummary {
            open: 7,
            overdue: 2,
            done_this_month: 1
        }
    );
    assert_eq!(summary(&[], d(2024, 3, 15)), FollowUpSummary::default());
}

#[test]
fn the_example_stays_out_of_follow_ups_and_their_counts() {
    let example = debrief::domain::example::example();
    assert!(
        example.remedy.items.iter().any(|i| i.status.is_open()),
        "the example has open items, or this test proves nothing"
    );
    let today = d(2030, 1, 1);
    assert!(follow_ups(std::slice::from_ref(&example), today).is_empty());
    let s = summary(std::slice::from_ref(&example), today);
    assert_eq!((s.open, s.overdue), (0, 0));

    // The same document under another id is real work again.
    let mut copy = example.clone();
    copy.id = "a-real-one".into();
    assert!(!follow_ups(&[copy.clone()], today).is_empty());
    assert!(summary(&[copy], today).overdue > 0);
}

#[test]
fn follow_ups_can_be_narrowed_to_items_with_no_priority_yet() {
    let mut unset = good("u1");
    unset.priority = None;
    let mut p1 = good("p1");
    p1.priority = Some(Priority::P1);
    let list = follow_ups(&[doc("pm-u", vec![p1, unset])], d(2020, 1, 1));
    let ids: Vec<String> = by_priority(&list, None)
        .iter()
        .map(|f| f.item.id.clone())
        .collect();
    assert_eq!(ids, vec!["u1"]);
    assert_eq!(FollowUpFilter::default().apply(&list).len(), 2);
}
