//! What an edit says it touches (`Edit::scopes`) is what it changes: the
//! editor notifies only those scopes, so a scope left out would leave a field
//! on screen showing stale text. And what an edit captures
//! (`Edit::capture`) decides which edits share an undo step.

mod common;

use debrief::domain::edit::{Date, Instant, Number, Strings};
use debrief::domain::history::History;
use debrief::domain::*;
use serde_json::{json, Value};

/// The part of the document a scope covers, as JSON, so "did this part
/// change" is a comparison.
fn part(d: &PostMortem, scope: &Scope) -> Value {
    fn list<T: serde::Serialize + HasId>(v: &[T]) -> (Value, Vec<String>) {
        (
            serde_json::to_value(v).unwrap(),
            v.iter().map(|x| x.id().to_string()).collect(),
        )
    }
    fn of(d: &PostMortem, kind: ListKind) -> (Value, Vec<String>) {
        match kind {
            ListKind::People => list(&d.context.people),
            ListKind::Links => list(&d.context.links),
            ListKind::Factors => list(&d.reason.factors),
            ListKind::Events => list(&d.timeline),
            ListKind::Items => list(&d.remedy.items),
            ListKind::Lessons(k) => list(k.list(&d.lessons)),
            ListKind::Questions => list(&d.questions),
            ListKind::Dissent => list(&d.meeting.dissent),
            ListKind::Conversations => list(&d.evidence.conversations),
            ListKind::Materials => list(&d.evidence.materials),
            ListKind::Accounts => list(&d.accounts),
        }
    }
    match scope {
        Scope::Field(f) => json!(f.get(d)),
        Scope::Strings(Strings::Services) => json!(d.context.services),
        Scope::Strings(Strings::Tags) => json!(d.context.tags),
        Scope::Number(Number::UsersAffected) => json!(d.context.impact.users_affected),
        Scope::Number(Number::RequestsFailed) => json!(d.context.impact.requests_failed),
        Scope::Instant(Instant::Started) => json!(d.context.started),
        Scope::Instant(Instant::Ended) => json!(d.context.ended),
        Scope::Date(Date::LearningMeeting) => json!(d.meeting.learning_date),
        Scope::Date(Date::ActionsMeeting) => json!(d.meeting.actions_date),
        Scope::Date(Date::NextReview) => json!(d.remedy.next_review),
        Scope::Status => json!(d.context.status),
        Scope::Severity => json!(d.context.severity),
        Scope::RemedyUnknown => json!(d.remedy.unknown),
        Scope::Sections => json!(d.sections),
        Scope::Basics => json!(d.basics_ticked),
        Scope::DismissedHints => json!(d.dismissed_hints),
        Scope::Exported => json!(d.exported),
        Scope::List(k) => json!(of(d, *k).1),
        Scope::Row(k, id) => {
            let (v, ids) = of(d, *k);
            ids.iter()
                .position(|x| x == id)
                .map(|i| v[i].clone())
                .unwrap_or(Value::Null)
        }
        // The content of the entries, whatever their order (order is
        // `List`'s): a map from id to entry.
        Scope::Rows(k) => {
            let (v, ids) = of(d, *k);
            let map: serde_json::Map<String, Value> = ids
                .into_iter()
                .zip(v.as_array().unwrap().iter().cloned())
                .collect();
            Value::Object(map)
        }
        Scope::All => to_value(d),
    }
}

/// Every scope a reader of `d` can subscribe to.
fn every_scope(d: &PostMortem) -> Vec<Scope> {
    let mut out: Vec<Scope> = Field::ALL.iter().map(|f| Scope::Field(*f)).collect();
    out.extend([
        Scope::Strings(Strings::Services),
        Scope::Strings(Strings::Tags),
        Scope::Number(Number::UsersAffected),
        Scope::Number(Number::RequestsFailed),
        Scope::Instant(Instant::Started),
        Scope::Instant(Instant::Ended),
        Scope::Date(Date::LearningMeeting),
        Scope::Date(Date::ActionsMeeting),
        Scope::Date(Date::NextReview),
        Scope::Status,
        Scope::Severity,
        Scope::RemedyUnknown,
        Scope::Sections,
        Scope::Basics,
        Scope::DismissedHints,
        Scope::Exported,
    ]);
    let mut kinds = vec![
        ListKind::People,
        ListKind::Links,
        ListKind::Factors,
        ListKind::Events,
        ListKind::Items,
        ListKind::Questions,
        ListKind::Dissent,
        ListKind::Conversations,
        ListKind::Materials,
    ];
    kinds.extend(LessonKind::ALL.iter().map(|k| ListKind::Lessons(*k)));
    for k in kinds {
        out.push(Scope::List(k));
        out.push(Scope::Rows(k));
        let ids: Vec<String> = match part(d, &Scope::List(k)) {
            Value::Array(a) => a
                .into_iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect(),
            _ => vec![],
        };
        out.extend(ids.into_iter().map(|id| Scope::Row(k, id)));
    }
    out
}

/// Edits of every kind against the rich fixture document.
fn edits(d: &PostMortem) -> Vec<Edit> {
    let mut factor = d.reason.factors[0].clone();
    factor.description.push_str(" (more)");
    let mut late = d.timeline[0].clone();
    // A new time moves the first event to the end: order changes too.
    late.time = Some(common::at(23, 59));
    let mut item = d.remedy.items[0].clone();
    item.owner = "Someone else".into();
    let mut q = d.questions[0].clone();
    q.write_answer("An answer".into());
    vec![
        Edit::Text(Field::Title, "New title".into()),
        Edit::Text(Field::Narrative, "Another story".into()),
        Edit::Strings(Strings::Tags, vec!["tls".into()]),
        Edit::Number(Number::UsersAffected, Some(7)),
        Edit::Instant(Instant::Ended, Some(common::at(16, 0))),
        Edit::Date(Date::NextReview, Some(common::day(20))),
        Edit::Status(Status::Closed),
        Edit::Severity(None),
        Edit::RemedyUnknown(true),
        Edit::ShowSection(Section::Evidence, false),
        Edit::Basic(Basic::ALL[0], true),
        Edit::Factor(ListEdit::Update(factor)),
        Edit::Factor(ListEdit::Remove(d.reason.factors[0].id.clone())),
        Edit::Factor(ListEdit::Move(d.reason.factors[0].id.clone(), 5)),
        Edit::Event(ListEdit::Update(late)),
        Edit::Event(ListEdit::Add(
            TimelineEvent {
                id: "new".into(),
                ..Default::default()
            },
            None,
        )),
        Edit::Events(vec![TimelineEvent {
            id: "pasted".into(),
            ..Default::default()
        }]),
        Edit::Item(ListEdit::Update(item)),
        Edit::Lesson(
            LessonKind::Helped,
            ListEdit::Add(
                Entry {
                    id: "l-new".into(),
                    text: "x".into(),
                    cites: Vec::new(),
                },
                Some(0),
            ),
        ),
        Edit::Question(ListEdit::Update(q)),
        Edit::Question(ListEdit::Remove(d.questions[1].id.clone())),
        Edit::Account(ListEdit::Add(
            Account {
                id: "a-new".into(),
                who: "Ana".into(),
                ..Default::default()
            },
            None,
        )),
        Edit::Replace(Box::default()),
    ]
}

#[test]
fn an_edit_changes_only_the_scopes_it_names() {
    let before = common::rich_doc();
    for edit in edits(&before) {
        // The editor notifies what `scopes_in` names, which is never more
        // than `scopes`: checking the narrower one checks both.
        let named = edit.scopes_in(&before);
        assert!(named.iter().all(|s| edit.scopes().contains(s)));
        let mut after = before.clone();
        assert!(apply(&mut after, edit.clone()), "{edit:?} changed nothing");
        if named.contains(&Scope::All) {
            continue;
        }
        for scope in every_scope(&before).into_iter().chain(every_scope(&after)) {
            if scope == Scope::All {
                continue;
            }
            if part(&before, &scope) != part(&after, &scope) {
                assert!(
                    named.contains(&scope),
                    "{edit:?} changed {scope:?} but names only {named:?}"
                );
            }
        }
    }
}

#[test]
fn typing_into_an_event_leaves_the_timeline_order_alone_and_a_new_time_does_not() {
    let d = common::rich_doc();
    let order = Scope::List(ListKind::Events);
    let mut typed = d.timeline[1].clone();
    typed.description.push_str(" and more");
    assert!(!Edit::Event(ListEdit::Update(typed))
        .scopes_in(&d)
        .contains(&order));
    let mut moved = d.timeline[1].clone();
    moved.time = Some(common::at(23, 59));
    assert!(Edit::Event(ListEdit::Update(moved))
        .scopes_in(&d)
        .contains(&order));
    let mut unknown = d.timeline[1].clone();
    unknown.precision = Precision::Unknown;
    assert!(Edit::Event(ListEdit::Update(unknown))
        .scopes_in(&d)
        .contains(&order));
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_another_field_starts_a_new_one() {
    let mut d = common::rich_doc();
    let mut h = History::default();
    for text in ["A", "Ab", "Abc"] {
        h.apply(&mut d, Edit::Text(Field::Title, text.into()));
    }
    h.apply(&mut d, Edit::Text(Field::Summary, "S".into()));
    assert!(h.undo(&mut d));
    assert_eq!(d.context.title, "Abc");
    assert!(h.undo(&mut d));
    assert_eq!(d.context.title, common::rich_doc().context.title);
}

#[test]
fn typing_in_two_entries_of_one_list_is_two_undo_steps() {
    let base = common::rich_doc();
    let mut d = base.clone();
    let mut h = History::default();
    let mut a = d.reason.factors[0].clone();
    let mut b = d.reason.factors[1].clone();
    a.description = "first".into();
    h.apply(&mut d, Edit::Factor(ListEdit::Update(a.clone())));
    a.description = "first, longer".into();
    h.apply(&mut d, Edit::Factor(ListEdit::Update(a)));
    b.description = "second".into();
    h.apply(&mut d, Edit::Factor(ListEdit::Update(b)));
    assert!(h.undo(&mut d));
    assert_eq!(d.reason.factors[0].description, "first, longer");
    assert_eq!(
        d.reason.factors[1].description,
        base.reason.factors[1].description
    );
    assert!(h.undo(&mut d));
    assert_eq!(
        d.reason.factors[0].description,
        base.reason.factors[0].description
    );
}

#[test]
fn structural_edits_capture_nothing_and_text_edits_capture_their_row() {
    let d = common::rich_doc();
    let id = d.reason.factors[0].id.clone();
    assert_eq!(Edit::Factor(ListEdit::Move(id.clone(), 0)).capture(), None);
    assert_eq!(Edit::Status(Status::Closed).capture(), None);
    assert_eq!(
        Edit::Factor(ListEdit::Update(d.reason.factors[0].clone())).capture(),
        Some(Scope::Row(ListKind::Factors, id))
    );
    assert_eq!(
        Edit::Text(Field::Title, String::new()).capture(),
        Some(Scope::Field(Field::Title))
    );
}

#[test]
fn sealing_ends_a_typing_burst() {
    let mut d = common::rich_doc();
    let mut h = History::default();
    h.apply(&mut d, Edit::Text(Field::Title, "A".into()));
    h.seal();
    h.apply(&mut d, Edit::Text(Field::Title, "AB".into()));
    assert!(h.undo(&mut d));
    assert_eq!(d.context.title, "A");
}

#[test]
fn a_list_kind_removes_its_own_entries_and_nothing_else() {
    let before = common::rich_doc();
    for scope in every_scope(&before) {
        let Scope::Row(kind, id) = scope else {
            continue;
        };
        let mut after = before.clone();
        let edit = kind.remove(id.clone());
        assert!(apply(&mut after, edit.clone()), "{edit:?} changed nothing");
        let ids = |d: &PostMortem| part(d, &Scope::List(kind));
        let left = ids(&after);
        assert!(
            !left.as_array().unwrap().iter().any(|v| v == id.as_str()),
            "{id} still in {kind:?}"
        );
        for other in every_scope(&before) {
            if matches!(other, Scope::List(k) if k != kind) {
                assert_eq!(
                    part(&before, &other),
                    part(&after, &other),
                    "{edit:?} touched {other:?}"
                );
            }
        }
    }
}
