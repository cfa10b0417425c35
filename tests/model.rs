//! Document model v1: round trip, defaults, migration errors, validation,
//! edits and undo.

use chrono::{TimeZone, Utc};
use debrief::domain::edit::{sort_timeline, Instant, Strings};
use debrief::domain::history::History;
use debrief::domain::template::{default_questions, QUESTIONS};
use debrief::domain::*;

fn t(h: u32, m: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 5, 1, h, m, 0).unwrap()
}

fn sample() -> PostMortem {
    let mut d = new_postmortem("pm-1", t(9, 0), Template::Full, "Europe/Berlin");
    d.context.title = "Checkout errors".into();
    d.context.severity = Some(Severity::Sev2);
    d.context.started = Some(t(14, 0));
    d.context.ended = Some(t(14, 41));
    d.context.services = vec!["payments".into()];
    d.context.impact.users_affected = Some(1200);
    d.context.people.push(Person {
        id: "p1".into(),
        name: "Dana".into(),
        review_role: ReviewRole::Author,
        response_role: "incident commander".into(),
    });
    d.timeline.push(TimelineEvent {
        id: "e1".into(),
        time: Some(t(14, 0)),
        kind: EventKind::ImpactStart,
        description: "Errors begin".into(),
        ..TimelineEvent::default()
    });
    d
}

#[test]
fn round_trip_is_exact() {
    let d = sample();
    let text = to_json(&d);
    assert!(text.contains("\"schema\": \"debrief/postmortem\""));
    assert!(text.contains(&format!("\"version\": {}", debrief::domain::VERSION)));
    assert!(
        text.contains("\"started\": \"2024-05-01T14:00:00Z\""),
        "times are RFC 3339 UTC"
    );
    assert_eq!(parse(&text).unwrap(), d);
}

#[test]
fn missing_fields_take_defaults() {
    let d = parse(r#"{"schema":"debrief/postmortem","version":1,"id":"x"}"#).unwrap();
    assert_eq!(d.id, "x");
    assert_eq!(d.context.status, Status::Draft);
    assert!(d.timeline.is_empty());
    assert_eq!(d.sections, Section::ALL.to_vec());
}

#[test]
fn newer_version_is_a_typed_error() {
    let e = parse(r#"{"schema":"debrief/postmortem","version":99,"id":"x"}"#).unwrap_err();
    assert_eq!(e, LoadError::Newer { version: 99 });
    assert!(e.to_string().contains("newer version"));
}

#[test]
fn wrong_schema_and_bad_version_are_errors() {
    assert_eq!(
        parse(r#"{"schema":"other","version":1}"#).unwrap_err(),
        LoadError::WrongSchema {
            found: Some("other".into())
        }
    );
    assert_eq!(
        parse(r#"[1,2]"#).unwrap_err(),
        LoadError::WrongSchema { found: None }
    );
    assert_eq!(
        parse(r#"{"schema":"debrief/postmortem"}"#).unwrap_err(),
        LoadError::BadVersion
    );
    assert_eq!(
        parse(r#"{"schema":"debrief/postmortem","version":0}"#).unwrap_err(),
        LoadError::BadVersion
    );
    assert_eq!(
        parse(r#"{"schema":"debrief/postmortem","version":"1"}"#).unwrap_err(),
        LoadError::BadVersion
    );
}

#[test]
fn syntax_errors_say_where() {
    match parse("{\n  \"schema\": ").unwrap_err() {
        LoadError::Syntax { line, .. } => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn invalid_values_report_their_json_path() {
    let text = r#"{"schema":"debrief/postmortem","version":1,"id":"x","timeline":[
        {"id":"a","time":"2024-05-01T14:00:00Z"},
        {"id":"b","time":"yesterday"}]}"#;
    let e = parse(text).unwrap_err();
    match &e {
        LoadError::Invalid { path, message } => {
            assert_eq!(path, "timeline[1].time");
            assert!(message.contains("not a date"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().starts_with("timeline[1].time: "));

    let e = parse(r#"{"schema":"debrief/postmortem","version":1,"context":{"severity":"sev9"}}"#)
        .unwrap_err();
    assert!(
        matches!(e, LoadError::Invalid { ref path, .. } if path == "context.severity"),
        "{e:?}"
    );
    let e = parse(
        r#"{"schema":"debrief/postmortem","version":1,"context":{"impact":{"users_affected":-3}}}"#,
    )
    .unwrap_err();
    assert!(
        matches!(e, LoadError::Invalid { ref path, .. } if path == "context.impact.users_affected")
    );
}

#[test]
fn validation_reports_paths() {
    let mut d = sample();
    assert!(validate(&d).is_empty(), "{:?}", validate(&d));
    d.context.ended = Some(t(13, 0));
    d.timeline.push(d.timeline[0].clone());
    d.remedy.items.push(RemediationItem {
        id: "i1".into(),
        factor_ids: vec!["nope".into()],
        ..Default::default()
    });
    d.context.title = "x".repeat(validate::MAX_TEXT + 1);
    let problems: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
    assert!(
        problems.contains(&"context.ended: is before context.started".to_string()),
        "{problems:?}"
    );
    assert!(
        problems.contains(&"timeline[1].id: duplicate id \"e1\"".to_string()),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.starts_with("remedy.items[0].factor_ids[0]: ")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("context.title: text longer")));
    d.id.clear();
    assert!(validate(&d).iter().any(|p| p.path == "id"));
}

#[test]
fn templates_choose_open_sections_only() {
    let quick = new_postmortem("q", t(9, 0), Template::Quick, "UTC");
    assert!(quick.sections.contains(&Section::Reason));
    assert!(!quick.sections.contains(&Section::Meeting));
    assert_eq!(
        quick.questions.len(),
        default_questions().len(),
        "content is the same, only sections differ"
    );
    let near = new_postmortem("n", t(9, 0), Template::NearMiss, "UTC");
    assert_eq!(near.context.severity, Some(Severity::NearMiss));
    let total: usize = QUESTIONS.iter().map(|(_, q)| q.len()).sum();
    assert_eq!(default_questions().len(), total);
    for area in Area::ALL {
        assert!(
            default_questions().iter().any(|q| q.area == area),
            "{area:?} has questions"
        );
    }
    let mut q = quick;
    assert!(apply(&mut q, Edit::ShowSection(Section::Meeting, true)));
    assert!(q.sections.contains(&Section::Meeting));
    assert!(
        !apply(&mut q, Edit::ShowSection(Section::Meeting, true)),
        "no-op"
    );
}

#[test]
fn edits_apply_and_report_change() {
    let mut d = sample();
    assert!(apply(&mut d, Edit::Text(Field::Title, "New".into())));
    assert!(
        !apply(&mut d, Edit::Text(Field::Title, "New".into())),
        "same value is a no-op"
    );
    assert_eq!(d.context.title, "New");
    assert!(apply(
        &mut d,
        Edit::Strings(Strings::Tags, vec!["db".into()])
    ));
    assert!(apply(&mut d, Edit::Instant(Instant::Started, None)));
    assert_eq!(d.context.started, None);
    for f in Field::ALL {
        assert!(apply(&mut d, Edit::Text(f, format!("v-{}", f.key()))));
        assert_eq!(f.get(&d), format!("v-{}", f.key()));
    }
}

#[test]
fn list_edits_add_update_move_remove() {
    let mut d = sample();
    let f = |id: &str, text: &str| Factor {
        id: id.into(),
        description: text.into(),
        ..Default::default()
    };
    apply(&mut d, Edit::Factor(ListEdit::Add(f("a", "A"), None)));
    apply(&mut d, Edit::Factor(ListEdit::Add(f("b", "B"), None)));
    apply(&mut d, Edit::Factor(ListEdit::Add(f("c", "C"), Some(0))));
    let order = |d: &PostMortem| {
        d.reason
            .factors
            .iter()
            .map(|f| f.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&d), ["c", "a", "b"]);
    assert!(apply(&mut d, Edit::Factor(ListEdit::Move("c".into(), 2))));
    assert_eq!(order(&d), ["a", "b", "c"]);
    assert!(apply(&mut d, Edit::Factor(ListEdit::Update(f("b", "B2")))));
    assert_eq!(d.reason.factors[1].description, "B2");
    assert!(
        !apply(&mut d, Edit::Factor(ListEdit::Update(f("zz", "?")))),
        "unknown id changes nothing"
    );
    d.remedy.items.push(RemediationItem {
        id: "i".into(),
        factor_ids: vec!["a".into(), "b".into()],
        ..Default::default()
    });
    assert!(apply(&mut d, Edit::Factor(ListEdit::Remove("a".into()))));
    assert_eq!(
        d.remedy.items[0].factor_ids,
        ["b"],
        "no dangling factor links"
    );
}

#[test]
fn timeline_stays_sorted_and_stable() {
    let mut d = PostMortem::default();
    let ev = |id: &str, time: Option<chrono::DateTime<Utc>>| TimelineEvent {
        id: id.into(),
        time,
        ..Default::default()
    };
    apply(
        &mut d,
        Edit::Event(ListEdit::Add(ev("late", Some(t(15, 0))), None)),
    );
    apply(
        &mut d,
        Edit::Event(ListEdit::Add(ev("unknown", None), None)),
    );
    apply(
        &mut d,
        Edit::Event(ListEdit::Add(ev("early", Some(t(14, 0))), None)),
    );
    apply(
        &mut d,
        Edit::Event(ListEdit::Add(ev("early-2", Some(t(14, 0))), None)),
    );
    let ids: Vec<_> = d.timeline.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["early", "early-2", "late", "unknown"]);
    sort_timeline(&mut d.timeline);
    assert_eq!(d.timeline[0].id, "early");
}

#[test]
fn undo_redo_coalesces_typing() {
    let mut d = sample();
    let mut h = History::default();
    for s in ["C", "Ch", "Che"] {
        h.apply(&mut d, Edit::Text(Field::Title, s.into()));
    }
    h.seal();
    h.apply(&mut d, Edit::Text(Field::Title, "Chex".into()));
    h.apply(&mut d, Edit::Severity(Some(Severity::Sev1)));
    assert!(h.undo(&mut d));
    assert_eq!(d.context.severity, Some(Severity::Sev2));
    assert!(h.undo(&mut d));
    assert_eq!(d.context.title, "Che");
    assert!(h.undo(&mut d));
    assert_eq!(
        d.context.title, "Checkout errors",
        "one burst of typing is one step"
    );
    assert!(!h.can_undo());
    assert!(h.redo(&mut d));
    assert_eq!(d.context.title, "Che");
    h.apply(&mut d, Edit::Text(Field::Summary, "s".into()));
    assert!(!h.can_redo(), "a new edit clears redo");
    assert!(
        !h.apply(&mut d, Edit::Text(Field::Summary, "s".into())),
        "no-op records nothing"
    );
}

#[test]
fn pasted_events_are_one_sorted_undo_step() {
    let mut d = PostMortem::default();
    let mut h = History::default();
    let ev = |id: &str, m: u32| TimelineEvent {
        id: id.into(),
        time: Some(t(14, m)),
        ..Default::default()
    };
    h.apply(&mut d, Edit::Event(ListEdit::Add(ev("first", 30), None)));
    assert!(h.apply(&mut d, Edit::Events(vec![ev("b", 40), ev("a", 10)])));
    let ids: Vec<_> = d.timeline.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["a", "first", "b"]);
    assert!(h.undo(&mut d));
    assert_eq!(d.timeline.len(), 1, "one undo removes the whole paste");
    assert!(!apply(&mut d, Edit::Events(vec![])));
}

#[test]
fn replacing_the_whole_document_is_one_undo_step() {
    let mut d = sample();
    let before = d.clone();
    let mut h = History::default();
    let mut merged = d.clone();
    merged.context.title = "Checkout errors (merged)".into();
    merged.context.severity = Some(Severity::Sev1);
    merged.context.services.push("search".into());
    assert!(h.apply(&mut d, Edit::Replace(Box::new(merged.clone()))));
    assert_eq!(d, merged);
    assert!(h.undo(&mut d));
    assert_eq!(d, before, "one undo restores every field the merge touched");
    assert!(!h.can_undo());
    assert!(h.redo(&mut d));
    assert_eq!(d, merged);
    // Replacing with an identical document is no edit and no undo step.
    let mut h = History::default();
    let same = d.clone();
    assert!(!h.apply(&mut d, Edit::Replace(Box::new(same))));
    assert!(!h.can_undo());
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let text = format!("\u{feff}{}", to_json(&sample()));
    assert_eq!(parse(&text).unwrap(), sample());
    assert_eq!(
        debrief::export::json::import(&text).unwrap(),
        vec![sample()]
    );
}

#[test]
fn answering_an_open_question_marks_it_answered_once() {
    use debrief::domain::{Question, QuestionState};
    let mut q = Question::default();
    q.write_answer("We".into());
    assert_eq!(q.state, QuestionState::Answered);
    // The author sets it back to open and keeps typing: their choice holds.
    q.state = QuestionState::Open;
    q.write_answer("We paged".into());
    assert_eq!(q.state, QuestionState::Open);
    assert_eq!(q.answer, "We paged");
    // Blank text never marks a question answered.
    let mut blank = Question::default();
    blank.write_answer("   ".into());
    assert_eq!(blank.state, QuestionState::Open);
    // A question set aside stays set aside when a note is typed into it.
    let mut aside = Question {
        state: QuestionState::NotApplicable,
        ..Question::default()
    };
    aside.write_answer("Not our system".into());
    assert_eq!(aside.state, QuestionState::NotApplicable);
    assert_eq!(aside.answer, "Not our system");
}
