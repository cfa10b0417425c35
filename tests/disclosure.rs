//! Which sections the editor folds to a line, and in what order it shows them.

use chrono::{TimeZone, Utc};
use debrief::domain::disclosure::*;
use debrief::domain::*;

fn fresh(template: Template) -> PostMortem {
    new_postmortem(
        "pm",
        Utc.with_ymd_and_hms(2024, 5, 1, 9, 0, 0).unwrap(),
        template,
        "UTC",
    )
}

#[test]
fn a_new_full_review_folds_everything_but_its_core() {
    let d = fresh(Template::Full);
    let folded: Vec<Section> = shown_in_order(&d)
        .into_iter()
        .filter(|s| starts_folded(&d, *s))
        .collect();
    assert_eq!(
        folded,
        vec![
            Section::Accounts,
            Section::Regret,
            Section::Lessons,
            Section::Questions,
            Section::Meeting,
            Section::Evidence,
            Section::Basics
        ]
    );
    // The shipped questions are not the author's writing.
    assert!(!d.questions.is_empty());
    assert!(!has_content(&d, Section::Questions));
}

#[test]
fn writing_in_a_section_keeps_it_open() {
    let mut d = fresh(Template::Full);
    d.questions[0].write_answer("We paged the database team".into());
    assert!(!starts_folded(&d, Section::Questions));
    d.meeting.learning_date = Some(chrono::NaiveDate::from_ymd_opt(2024, 5, 3).unwrap());
    assert!(!starts_folded(&d, Section::Meeting));
    d.regret.acknowledgement = "  ".into();
    assert!(
        starts_folded(&d, Section::Regret),
        "blank text is not writing"
    );
    d.lessons.lucky.push(Entry {
        id: "l".into(),
        text: String::new(),
        cites: Vec::new(),
    });
    assert!(
        !starts_folded(&d, Section::Lessons),
        "an entry the author added counts"
    );
}

#[test]
fn core_sections_never_fold_even_when_empty() {
    for t in Template::ALL {
        let d = fresh(t);
        for s in core_sections(t) {
            assert!(!starts_folded(&d, *s), "{t:?} {s:?}");
        }
    }
}

#[test]
fn sections_show_in_writing_order_whatever_the_file_says() {
    let mut d = fresh(Template::Full);
    d.sections = vec![Section::Remedy, Section::Context, Section::Timeline];
    assert_eq!(
        shown_in_order(&d),
        vec![Section::Context, Section::Timeline, Section::Remedy]
    );
    assert_eq!(WRITING_ORDER.len(), Section::ALL.len());
    for s in Section::ALL {
        assert!(WRITING_ORDER.contains(&s));
    }
}
