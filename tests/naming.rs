//! What a post-mortem is called when nobody has titled it yet.

mod common;

use debrief::domain::*;

fn draft() -> PostMortem {
    new_postmortem("x", common::at(9, 0), Template::Full, "UTC")
}

#[test]
fn a_title_is_the_name() {
    let mut d = draft();
    d.context.title = "  Queue backlog  ".into();
    d.context.summary = "Something else".into();
    assert_eq!(display_title(&d), "Queue backlog");
}

#[test]
fn an_untitled_draft_is_named_from_its_summary() {
    let mut d = draft();
    d.context.summary = "\n\n## Checkout failed for card payments\nMore detail here.".into();
    assert_eq!(display_title(&d), "Checkout failed for card payments");
    d.context.summary = "- **Search** returned nothing".into();
    assert_eq!(display_title(&d), "**Search** returned nothing");
}

#[test]
fn without_a_summary_the_first_event_names_it() {
    let mut d = draft();
    d.context.summary = "   ".into();
    d.timeline = vec![
        TimelineEvent {
            id: "e1".into(),
            description: "".into(),
            ..TimelineEvent::default()
        },
        TimelineEvent {
            id: "e2".into(),
            description: "Disk full on db-3".into(),
            ..TimelineEvent::default()
        },
    ];
    assert_eq!(display_title(&d), "Disk full on db-3");
}

#[test]
fn a_long_first_line_is_cut_at_a_word() {
    let mut d = draft();
    d.context.summary = "word ".repeat(40);
    let name = display_title(&d);
    assert!(name.ends_with("word…"), "{name}");
    assert!(name.chars().count() <= 81, "{name}");
}

#[test]
fn with_nothing_written_the_date_names_it() {
    let mut d = draft();
    assert_eq!(display_title(&d), "Post-mortem of 2024-05-01");
    // The day of the incident wins over the day the draft was made.
    d.context.started =
        Some(chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2024, 4, 28, 23, 0, 0).unwrap());
    assert_eq!(display_title(&d), "Post-mortem of 2024-04-28");
    // Punctuation alone is not writing.
    d.context.summary = "— … ##".into();
    assert_eq!(display_title(&d), "Post-mortem of 2024-04-28");
}

#[test]
fn with_no_date_either_it_is_untitled() {
    assert_eq!(
        display_title(&PostMortem::default()),
        "Untitled post-mortem"
    );
}

#[test]
fn guidance_is_split_after_its_first_sentence_only() {
    use debrief::domain::naming::first_sentence;
    assert_eq!(
        first_sentence("Short entries. Enter starts the next one."),
        ("Short entries.", "Enter starts the next one.")
    );
    // Abbreviations and numbers are not sentence ends.
    assert_eq!(
        first_sentence("Use e.g. a graph of 14.5 minutes. Then more."),
        ("Use e.g. a graph of 14.5 minutes.", "Then more.")
    );
    assert_eq!(
        first_sentence("One sentence only."),
        ("One sentence only.", "")
    );
    assert_eq!(
        first_sentence("Is it? Yes! Fine."),
        ("Is it?", "Yes! Fine.")
    );
}
