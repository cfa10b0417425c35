//! Merging two participants' drafts of the same incident.

mod common;

use chrono::Duration;
use debrief::domain::*;
use debrief::export::merge::{merge, resolve, same_event, similar, Choice, Conflict, ResolveError};
use proptest::prelude::*;

fn event(id: &str, mins: i64, kind: EventKind, text: &str) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time: Some(common::at(14, 0) + Duration::minutes(mins)),
        kind,
        description: text.into(),
        ..TimelineEvent::default()
    }
}

/// Two drafts of one incident: theirs started from the same export as ours
/// (shared ids) and then each person added and changed things.
fn drafts() -> (PostMortem, PostMortem) {
    let base = common::rich_doc();
    let mut ours = base.clone();
    let mut theirs = base;
    // The same moment written down twice, 30 s apart, in other words.
    ours.timeline.push(TimelineEvent {
        id: "o-page".into(),
        time: Some(common::at(14, 20)),
        kind: EventKind::Escalated,
        description: "Paged the payments team lead".into(),
        ..TimelineEvent::default()
    });
    theirs.timeline.push(TimelineEvent {
        id: "t-page".into(),
        time: Some(common::at(14, 20) + Duration::seconds(30)),
        kind: EventKind::Escalated,
        description: "paged payments team lead".into(),
        source: "https://chat.example/p/1".into(),
        ..TimelineEvent::default()
    });
    // Something only theirs saw.
    theirs.timeline.push(event(
        "t-status",
        25,
        EventKind::Communication,
        "Status page updated",
    ));
    // A lesson both wrote with different ids.
    ours.lessons.slowed.push(Entry {
        id: "o-s".into(),
        text: "Dashboards load slowly".into(),
        cites: Vec::new(),
    });
    theirs.lessons.slowed.push(Entry {
        id: "t-s".into(),
        text: "dashboards  load slowly".into(),
        cites: Vec::new(),
    });
    // A factor both wrote, and their item pointing at their copy of it.
    ours.reason.factors.push(Factor {
        id: "o-f".into(),
        description: "No canary for certificate rotations".into(),
        category: Some(FactorCategory::Process),
        ..Factor::default()
    });
    theirs.reason.factors.push(Factor {
        id: "t-f".into(),
        description: "No canary for certificate rotations".into(),
        category: Some(FactorCategory::Process),
        ..Factor::default()
    });
    theirs.remedy.items.push(RemediationItem {
        id: "t-i".into(),
        action: "Add a canary step".into(),
        factor_ids: vec!["t-f".into()],
        ..RemediationItem::default()
    });
    // Differing answers to the same question, and differing titles.
    for q in &mut theirs.questions {
        if q.id == "q-people-2" {
            q.answer = "Boris was not woken; he was at dinner.".into();
        }
        if q.id == "q-culture-1" {
            q.state = QuestionState::Answered;
            q.answer = "Mostly, but the rota is thin in May.".into();
        }
    }
    theirs.context.title = "Checkout outage during TLS rotation".into();
    theirs.context.severity = Some(Severity::Sev1);
    theirs.context.tags.push("rotation".into());
    ours.context.impact.revenue_sla.clear();
    (ours, theirs)
}

#[test]
fn drafts_combine() {
    let (ours, theirs) = drafts();
    let (m, conflicts) = merge(&ours, &theirs);
    assert_eq!(validate(&m), vec![]);
    // Timeline: the shared six, one escalation (not two), the status update.
    assert_eq!(m.timeline.len(), 8, "{:#?}", m.timeline);
    let page: Vec<&TimelineEvent> = m
        .timeline
        .iter()
        .filter(|e| e.kind == EventKind::Escalated)
        .collect();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, "o-page");
    assert_eq!(
        page[0].source, "https://chat.example/p/1",
        "their source fills our gap"
    );
    // Kept in time order, unknown time last.
    let times: Vec<_> = m.timeline.iter().filter_map(|e| e.time).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(m.timeline.last().unwrap().id, "e6");
    // Lists merged by equal text.
    assert_eq!(m.lessons.slowed.len(), 2);
    assert_eq!(m.reason.factors.len(), 3);
    let item = m.remedy.items.iter().find(|i| i.id == "t-i").unwrap();
    assert_eq!(
        item.factor_ids,
        ["o-f"],
        "their item follows the factor to our id"
    );
    // Unions and gaps filled without asking.
    assert_eq!(m.context.tags, ["tls", "payments", "a|b <i>", "rotation"]);
    assert_eq!(
        m.context.impact.revenue_sla,
        theirs.context.impact.revenue_sla
    );
    let culture = m.questions.iter().find(|q| q.id == "q-culture-1").unwrap();
    assert_eq!(
        (culture.state, culture.answer.as_str()),
        (
            QuestionState::Answered,
            "Mostly, but the rota is thin in May."
        )
    );
    // What differs is kept side by side, ours in the document until chosen.
    assert_eq!(m.context.title, ours.context.title);
    let keys: Vec<&str> = conflicts.iter().map(|c| c.field_key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "context.severity",
            "context.title",
            "questions[id=\"q-people-2\"].answer"
        ]
    );
    assert_eq!(
        conflicts[2].ours,
        "No, Boris was awake; the page came at dinner time."
    );
    assert_eq!(
        conflicts[2].theirs,
        "Boris was not woken; he was at dinner."
    );
}

#[test]
fn conflicts_resolve_as_chosen() {
    let (ours, theirs) = drafts();
    let (mut m, conflicts) = merge(&ours, &theirs);
    let by_key = |k: &str| {
        conflicts
            .iter()
            .find(|c| c.field_key.starts_with(k))
            .unwrap()
            .clone()
    };

    resolve(&mut m, &by_key("context.title"), Choice::Theirs).unwrap();
    assert_eq!(m.context.title, "Checkout outage during TLS rotation");
    resolve(&mut m, &by_key("context.title"), Choice::Ours).unwrap();
    assert_eq!(m.context.title, ours.context.title);
    resolve(&mut m, &by_key("context.title"), Choice::Both).unwrap();
    assert_eq!(
        m.context.title,
        format!(
            "{} / Checkout outage during TLS rotation",
            ours.context.title
        )
    );

    let answer = by_key("questions");
    resolve(&mut m, &answer, Choice::Both).unwrap();
    let q = m.questions.iter().find(|q| q.id == "q-people-2").unwrap();
    assert_eq!(q.answer, "No, Boris was awake; the page came at dinner time. / Boris was not woken; he was at dinner.");

    let sev = by_key("context.severity");
    assert_eq!((sev.ours.as_str(), sev.theirs.as_str()), ("sev2", "sev1"));
    resolve(&mut m, &sev, Choice::Theirs).unwrap();
    assert_eq!(m.context.severity, Some(Severity::Sev1));
    let before = m.clone();
    assert_eq!(
        resolve(&mut m, &sev, Choice::Both),
        Err(ResolveError::CannotCombine("context.severity".into()))
    );
    assert_eq!(m, before, "a refused choice changes nothing");

    let gone = Conflict {
        field_key: "questions[id=\"nope\"].answer".into(),
        ours: "a".into(),
        theirs: "b".into(),
    };
    assert_eq!(
        resolve(&mut m, &gone, Choice::Theirs),
        Err(ResolveError::NotFound(gone.field_key.clone()))
    );
    assert_eq!(m, before);
}

#[test]
fn ids_with_odd_characters_resolve() {
    let mut ours = common::rich_doc();
    ours.questions.push(Question {
        id: "a\"].b[id=".into(),
        answer: "x".into(),
        ..Question::default()
    });
    let mut theirs = ours.clone();
    theirs.questions.last_mut().unwrap().answer = "y".into();
    let (mut m, conflicts) = merge(&ours, &theirs);
    assert_eq!(conflicts.len(), 1);
    resolve(&mut m, &conflicts[0], Choice::Theirs).unwrap();
    assert_eq!(m.questions.last().unwrap().answer, "y");
}

#[test]
fn same_event_rules() {
    let a = event(
        "a",
        0,
        EventKind::Detected,
        "Alert fired for checkout errors",
    );
    assert!(same_event(
        &a,
        &event("b", 1, EventKind::Detected, "alert fired: checkout errors")
    ));
    assert!(
        !same_event(
            &a,
            &event("b", 2, EventKind::Detected, "alert fired: checkout errors")
        ),
        "more than a minute apart"
    );
    assert!(
        !same_event(
            &a,
            &event(
                "b",
                0,
                EventKind::Acknowledged,
                "alert fired for checkout errors"
            )
        ),
        "another kind"
    );
    assert!(
        !same_event(
            &a,
            &event("b", 0, EventKind::Detected, "Customer ticket about refunds")
        ),
        "other words"
    );
    assert!(similar("Rolled back gw-2", "rolled back gw-2 by hand"));
    assert!(!similar("Rolled back gw-2", "Restarted the database"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Merging a draft with itself changes nothing and asks nothing.
    #[test]
    fn self_merge_is_identity(d in common::arb_doc()) {
        let (m, conflicts) = merge(&d, &d);
        prop_assert!(conflicts.is_empty(), "{:?}", conflicts);
        let mut sorted = d.clone();
        debrief::domain::edit::sort_timeline(&mut sorted.timeline);
        sorted.sections.sort();
        sorted.sections.dedup();
        sorted.basics_ticked.sort();
        sorted.basics_ticked.dedup();
        prop_assert_eq!(m, sorted);
    }

    /// Every event of either draft is in the merge or has a twin there, and
    /// the merge is a sound document.
    #[test]
    fn merge_loses_nothing(a in common::arb_doc(), mut b in common::arb_doc()) {
        // Their ids must not collide with ours unless they are the same item.
        for e in &mut b.timeline { e.id = format!("t{}", e.id); }
        let (m, _) = merge(&a, &b);
        prop_assert_eq!(validate(&m), vec![]);
        for e in a.timeline.iter().chain(&b.timeline) {
            prop_assert!(m.timeline.iter().any(|x| x.id == e.id || same_event(x, e)), "lost {:?}", e);
        }
        prop_assert!(m.timeline.len() <= a.timeline.len() + b.timeline.len());
        prop_assert!(m.timeline.len() >= a.timeline.len());
        // Duplicating their events under new ids adds nothing more.
        let mut twice = b.clone();
        for e in &mut twice.timeline { e.id = format!("again-{}", e.id); }
        let (m2, _) = merge(&m, &twice);
        prop_assert_eq!(m2.timeline.len(), m.timeline.len());
    }
}
