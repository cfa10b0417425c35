//! The walk facilitator mode takes: steps follow the sections the template
//! shows, questions go by area, and a scribe's "Name: view" keeps the name.

use chrono::{TimeZone, Utc};
use debrief::domain::facilitation::{split_dissent, steps, Step};
use debrief::domain::*;

fn fresh(template: Template) -> PostMortem {
    new_postmortem(
        "pm",
        Utc.with_ymd_and_hms(2024, 5, 1, 9, 0, 0).unwrap(),
        template,
        "UTC",
    )
}

fn names(s: &[Step]) -> Vec<String> {
    s.iter()
        .map(|s| match s {
            Step::Question(_) => "Question".to_string(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn a_quick_review_walks_what_the_meeting_decides_and_no_hidden_question() {
    let d = fresh(Template::Quick);
    assert!(
        !d.questions.is_empty(),
        "the checklist is there, only hidden"
    );
    assert_eq!(
        names(&steps(&d)),
        ["Opening", "Context", "Timeline", "Factors", "Actions", "Done"]
    );
}

#[test]
fn a_near_miss_adds_lessons() {
    let d = fresh(Template::NearMiss);
    assert_eq!(
        names(&steps(&d)),
        ["Opening", "Context", "Timeline", "Factors", "Lessons", "Actions", "Done"]
    );
}

#[test]
fn a_full_review_walks_every_question_by_area_then_actions_and_dissent() {
    let mut d = fresh(Template::Full);
    // A question added later, in an earlier area, still comes with its area.
    d.questions.push(Question {
        id: "mine".into(),
        area: Area::Aftermath,
        prompt: "Did the status page help?".into(),
        custom: true,
        ..Question::default()
    });
    let s = steps(&d);
    let n = names(&s);
    assert_eq!(
        &n[..6],
        ["Opening", "Context", "Timeline", "Accounts", "Factors", "Lessons"]
    );
    assert_eq!(&n[n.len() - 3..], ["Actions", "Dissent", "Done"]);
    let questions: Vec<&str> = s
        .iter()
        .filter_map(|s| match s {
            Step::Question(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(questions.len(), d.questions.len());
    let areas: Vec<Area> = questions
        .iter()
        .map(|id| d.questions.iter().find(|q| q.id == *id).unwrap().area)
        .collect();
    let mut sorted = areas.clone();
    sorted.sort();
    assert_eq!(areas, sorted, "questions go by area");
    let aftermath: Vec<&str> = questions
        .iter()
        .copied()
        .filter(|id| id.starts_with("q-aftermath") || *id == "mine")
        .collect();
    assert_eq!(
        aftermath.last(),
        Some(&"mine"),
        "within an area, list order"
    );
}

#[test]
fn hiding_a_section_drops_its_step() {
    let mut d = fresh(Template::Full);
    d.sections
        .retain(|s| *s != Section::Questions && *s != Section::Timeline);
    let n = names(&steps(&d));
    assert!(!n.contains(&"Question".to_string()));
    assert!(!n.contains(&"Timeline".to_string()));
    assert!(n.contains(&"Dissent".to_string()));
}

#[test]
fn a_short_name_before_a_colon_is_who_dissents() {
    assert_eq!(
        split_dissent("  Ana: the alert threshold was fine "),
        ("Ana".into(), "the alert threshold was fine".into())
    );
    assert_eq!(
        split_dissent("Mo Ali: rollback first"),
        ("Mo Ali".into(), "rollback first".into())
    );
    // A sentence with a colon in it stays whole.
    let long = "The real reason we were slow was this: nobody owned the queue";
    assert_eq!(split_dissent(long), (String::new(), long.into()));
    assert_eq!(split_dissent("no name"), (String::new(), "no name".into()));
    assert_eq!(split_dissent("Ana:"), (String::new(), "Ana:".into()));
}
