//! The seven basics, section scores, overall completeness and closing rules.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use debrief::domain::completeness::{
    basic, basics, can_close, completeness, derived, percent, section_score, BasicState,
};
use debrief::domain::template::new_postmortem;
use debrief::domain::{
    apply, Basic, Conversation, Edit, EventKind, Field, ItemStatus, Link, LinkKind, PostMortem,
    Precision, QuestionState, RemediationItem, Section, Severity, Status, Template, TimelineEvent,
};

fn t(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 12, h, m, 0).unwrap()
}

fn ev(id: &str, time: Option<DateTime<Utc>>, kind: EventKind) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time,
        kind,
        description: format!("{} happened", kind.label()),
        ..TimelineEvent::default()
    }
}

fn smart_item(id: &str) -> RemediationItem {
    RemediationItem {
        id: id.into(),
        action: "Add backoff to handshake retries".into(),
        owner: "Jonas".into(),
        due: NaiveDate::from_ymd_opt(2024, 4, 1),
        measure: "Pool stays below 60 % in a failure drill".into(),
        ..RemediationItem::default()
    }
}

fn blank() -> PostMortem {
    PostMortem {
        id: "pm".into(),
        ..PostMortem::default()
    }
}

// ---------------------------------------------------------------- basics

#[test]
fn timeline_basic_needs_three_timed_events() {
    let mut d = blank();
    d.timeline = vec![
        ev("1", Some(t(13, 0)), EventKind::ImpactStart),
        ev("2", Some(t(13, 5)), EventKind::Detected),
    ];
    assert!(!derived(&d, Basic::Timeline));
    // An event whose time is unknown does not count towards the three.
    let mut unknown = ev("3", Some(t(13, 9)), EventKind::Note);
    unknown.precision = Precision::Unknown;
    d.timeline.push(unknown);
    d.timeline.push(ev("4", None, EventKind::Note));
    assert!(!derived(&d, Basic::Timeline));
    // An approximate time does count.
    let mut approx = ev("5", Some(t(13, 20)), EventKind::Mitigated);
    approx.precision = Precision::Approximate;
    d.timeline.push(approx);
    assert!(derived(&d, Basic::Timeline));
}

#[test]
fn conversations_basic_from_conversations_or_chat_and_recording_links() {
    let mut d = blank();
    assert!(!derived(&d, Basic::Conversations));
    d.context.links.push(Link {
        id: "l".into(),
        kind: LinkKind::Dashboard,
        ..Link::default()
    });
    assert!(!derived(&d, Basic::Conversations));
    d.context.links[0].kind = LinkKind::Chat;
    assert!(derived(&d, Basic::Conversations));

    let mut d = blank();
    d.evidence.materials.push(Link {
        id: "m".into(),
        kind: LinkKind::Recording,
        ..Link::default()
    });
    assert!(derived(&d, Basic::Conversations));

    let mut d = blank();
    d.evidence.conversations.push(Conversation {
        id: "c".into(),
        ..Conversation::default()
    });
    assert!(derived(&d, Basic::Conversations));
}

#[test]
fn notes_basic_from_notes_or_check_in_out() {
    let mut d = blank();
    d.evidence.notes = "  \n".into();
    assert!(!derived(&d, Basic::Notes));
    d.evidence.notes = "Open threads".into();
    assert!(derived(&d, Basic::Notes));
    let mut d = blank();
    d.meeting.check_out = "Everyone named one take-away".into();
    assert!(derived(&d, Basic::Notes));
    let mut d = blank();
    d.meeting.check_in = "Round of how we feel".into();
    assert!(derived(&d, Basic::Notes));
}

#[test]
fn durations_basic_needs_timed_impact_start_and_resolution_in_order() {
    let mut d = blank();
    d.timeline = vec![
        ev("1", Some(t(13, 0)), EventKind::ImpactStart),
        ev("2", Some(t(13, 5)), EventKind::Detected),
    ];
    assert!(!derived(&d, Basic::Durations));
    d.timeline.push(ev("3", None, EventKind::Resolved));
    assert!(!derived(&d, Basic::Durations), "resolution without a time");
    d.timeline[2].time = Some(t(12, 0));
    assert!(!derived(&d, Basic::Durations), "resolved before it began");
    d.timeline[2].time = Some(t(14, 0));
    assert!(derived(&d, Basic::Durations));
}

#[test]
fn severity_basic() {
    let mut d = blank();
    assert!(!derived(&d, Basic::Severity));
    d.context.severity = Some(Severity::Sev4);
    assert!(derived(&d, Basic::Severity));
}

#[test]
fn archived_basic_is_manual_unless_published_or_closed() {
    let mut d = blank();
    for s in [Status::Draft, Status::InReview, Status::Reviewed] {
        d.context.status = s;
        assert!(!derived(&d, Basic::Archived), "{s:?}");
    }
    for s in [Status::Published, Status::Closed] {
        d.context.status = s;
        assert!(derived(&d, Basic::Archived), "{s:?}");
    }
    assert!(!basic(&d, Basic::Archived).derivable);
    assert!(basic(&d, Basic::Severity).derivable);
}

#[test]
fn actionable_basic_needs_all_items_smart_or_an_honest_unknown() {
    let mut d = blank();
    assert!(!derived(&d, Basic::Actionable), "no items at all");
    d.remedy.items = vec![smart_item("a"), smart_item("b")];
    assert!(derived(&d, Basic::Actionable));
    d.remedy.items[1].owner.clear();
    assert!(!derived(&d, Basic::Actionable));

    let mut d = blank();
    d.remedy.unknown = true;
    assert!(
        !derived(&d, Basic::Actionable),
        "unknown without a review date"
    );
    d.remedy.next_review = NaiveDate::from_ymd_opt(2024, 4, 2);
    assert!(derived(&d, Basic::Actionable));
}

#[test]
fn ticking_by_hand_satisfies_a_basic_and_derived_wins_over_ticked() {
    let mut d = blank();
    assert_eq!(basic(&d, Basic::Archived).state, BasicState::Missing);
    apply(&mut d, Edit::Basic(Basic::Archived, true));
    assert_eq!(basic(&d, Basic::Archived).state, BasicState::Ticked);
    assert!(basic(&d, Basic::Archived).done());

    apply(&mut d, Edit::Basic(Basic::Severity, true));
    apply(&mut d, Edit::Severity(Some(Severity::Sev2)));
    assert_eq!(basic(&d, Basic::Severity).state, BasicState::Derived);

    apply(&mut d, Edit::Basic(Basic::Archived, false));
    assert_eq!(basic(&d, Basic::Archived).state, BasicState::Missing);

    let all = basics(&d);
    assert_eq!(all.len(), 7);
    assert_eq!(
        all.iter().map(|b| b.basic).collect::<Vec<_>>(),
        Basic::ALL.to_vec()
    );
}

// ---------------------------------------------------------------- sections

#[test]
fn percent_rounds_down_and_empty_is_complete() {
    assert_eq!(percent(0, 0), 100);
    assert_eq!(percent(0, 7), 0);
    assert_eq!(percent(2, 3), 66);
    assert_eq!(percent(299, 300), 99);
    assert_eq!(percent(5, 5), 100);
}

#[test]
fn regret_section_counts_its_six_fields_and_names_them() {
    let mut d = blank();
    let s = section_score(&d, Section::Regret);
    assert_eq!((s.done, s.total, s.percent), (0, 6, 0));
    assert_eq!(s.missing[0].field_key, Field::Acknowledgement.key());
    assert_eq!(s.missing[0].section, Section::Regret);

    apply(
        &mut d,
        Edit::Text(Field::Acknowledgement, "We are sorry.".into()),
    );
    apply(
        &mut d,
        Edit::Text(Field::InternalSummary, "SEV2, 47 minutes".into()),
    );
    apply(&mut d, Edit::Text(Field::EmpathyCustomers, "   ".into()));
    let s = section_score(&d, Section::Regret);
    assert_eq!((s.done, s.total, s.percent), (2, 6, 33));
    let keys: Vec<&str> = s.missing.iter().map(|m| m.field_key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            Field::EmpathyCustomers.key(),
            Field::EmpathyResponders.key(),
            Field::CustomerWhatHappened.key(),
            Field::CustomerWhatWeDo.key(),
        ]
    );
}

#[test]
fn timeline_section_names_the_missing_kinds() {
    let mut d = blank();
    d.timeline = vec![
        ev("1", Some(t(13, 0)), EventKind::ImpactStart),
        ev("2", Some(t(13, 5)), EventKind::Detected),
        ev("3", Some(t(13, 30)), EventKind::Mitigated),
    ];
    d.timeline[2].description.clear();
    let s = section_score(&d, Section::Timeline);
    let keys: Vec<&str> = s.missing.iter().map(|m| m.field_key.as_str()).collect();
    assert_eq!(keys, vec!["timeline.resolved", "timeline.3.description"]);

    // A near miss has no impact, so no impact start is asked for.
    let mut near = blank();
    near.context.severity = Some(Severity::NearMiss);
    let s = section_score(&near, Section::Timeline);
    assert!(s
        .missing
        .iter()
        .all(|m| m.field_key != "timeline.impact_start"));
    let s = section_score(&blank(), Section::Timeline);
    assert!(s
        .missing
        .iter()
        .any(|m| m.field_key == "timeline.impact_start"));
}

#[test]
fn questions_section_counts_answers_and_not_applicable() {
    let mut d = new_postmortem("q", t(9, 0), Template::Full, "UTC");
    let n = d.questions.len();
    assert_eq!(section_score(&d, Section::Questions).total, n);
    assert_eq!(section_score(&d, Section::Questions).done, 0);
    d.questions[0].answer = "Two days off".into();
    d.questions[0].state = QuestionState::Answered;
    d.questions[1].state = QuestionState::NotApplicable;
    // "Answered" with no text is not an answer.
    d.questions[2].state = QuestionState::Answered;
    let s = section_score(&d, Section::Questions);
    assert_eq!(s.done, 2);
    let id2 = format!("questions.{}.answer", d.questions[2].id);
    assert_eq!(s.missing[0].field_key, id2);
    assert_eq!(s.missing[0].label, d.questions[2].prompt);
}

#[test]
fn remedy_section_reports_non_smart_items_with_a_focusable_field() {
    let mut d = blank();
    let s = section_score(&d, Section::Remedy);
    assert_eq!(s.missing[0].field_key, "remedy.items");

    let mut vague = smart_item("v");
    vague.action = "Better monitoring of the pool".into();
    let mut ownerless = smart_item("o");
    ownerless.owner.clear();
    d.remedy.items = vec![smart_item("a"), vague, ownerless];
    let s = section_score(&d, Section::Remedy);
    assert_eq!((s.done, s.total), (2, 4));
    let keys: Vec<&str> = s.missing.iter().map(|m| m.field_key.as_str()).collect();
    assert_eq!(keys, vec!["remedy.items.v.action", "remedy.items.o.owner"]);
    assert!(s.missing[1].label.contains("Nobody owns it yet"));
    assert_eq!(completeness(&d).non_smart, 2);
}

#[test]
fn remedy_unknown_with_a_review_date_is_complete_not_missing() {
    let mut d = blank();
    d.sections = vec![Section::Remedy];
    apply(&mut d, Edit::RemedyUnknown(true));
    let c = completeness(&d);
    assert_eq!(c.percent, 0);
    assert_eq!(
        c.missing()
            .map(|m| m.field_key.as_str())
            .collect::<Vec<_>>(),
        vec!["remedy.next_review"]
    );
    apply(
        &mut d,
        Edit::Date(
            debrief::domain::edit::Date::NextReview,
            NaiveDate::from_ymd_opt(2024, 4, 2),
        ),
    );
    let c = completeness(&d);
    assert_eq!(c.percent, 100);
    assert_eq!(c.missing().count(), 0);
}

// ---------------------------------------------------------------- overall

#[test]
fn only_open_sections_count_for_a_quick_review() {
    let d = new_postmortem("quick", t(9, 0), Template::Quick, "Europe/Berlin");
    let c = completeness(&d);
    let counted: Vec<Section> = c.sections.iter().map(|s| s.section).collect();
    assert_eq!(counted, Template::Quick.sections());
    // Closed sections contribute nothing, not even their missing items.
    assert!(c
        .missing()
        .all(|m| Template::Quick.sections().contains(&m.section)));
    assert!(c.missing().all(|m| !m.field_key.starts_with("questions.")));
    let total: usize = Template::Quick
        .sections()
        .iter()
        .map(|s| section_score(&d, *s).needs)
        .sum();
    assert_eq!(c.total, total);
    assert_eq!(c.done, 0);
    assert!(c.section(Section::Questions).is_none());
    assert!(c.section(Section::Context).is_some());
}

#[test]
fn a_quick_review_needs_little_and_names_it() {
    let d = new_postmortem("quick", t(9, 0), Template::Quick, "UTC");
    let c = completeness(&d);
    let context: Vec<&str> = c
        .needs()
        .filter(|m| m.section == Section::Context)
        .map(|m| m.label.as_str())
        .collect();
    assert_eq!(
        context,
        vec!["Title", "Summary", "Severity", "When it started"]
    );
    assert!(c.total <= 12, "{} needs", c.total);
    assert!(c.suggestions().any(|m| m.field_key == "context.ended"));
}

#[test]
fn a_new_full_review_does_not_need_the_optional_prompts() {
    let d = new_postmortem("full", t(9, 0), Template::Full, "UTC");
    let c = completeness(&d);
    assert!(!c.needs().any(|m| m.label == "Where we got lucky"));
    assert!(c.suggestions().any(|m| m.label == "Where we got lucky"));
    assert!(!c.needs().any(|m| m.section == Section::Basics));
    assert!(!c.needs().any(|m| m.field_key == Field::CheckIn.key()));
    assert!(c.needs().count() < c.missing().count());
    assert_eq!(c.needs().count(), c.total - c.done);
}

#[test]
fn all_needs_met_is_complete_with_suggestions_left() {
    let mut d = new_postmortem("quick", t(9, 0), Template::Quick, "UTC");
    d.sections = vec![Section::Context];
    apply(&mut d, Edit::Text(Field::Title, "Pool ran dry".into()));
    apply(&mut d, Edit::Text(Field::Summary, "Logins failed.".into()));
    apply(&mut d, Edit::Severity(Some(Severity::Sev3)));
    d.context.started = Some(t(9, 0));
    let c = completeness(&d);
    assert_eq!(c.percent, 100);
    assert_eq!(c.needs().count(), 0);
    assert!(c.suggestions().count() > 0);
    assert_eq!(c.section(Section::Context).unwrap().percent, 100);
}

#[test]
fn a_near_miss_needs_one_lesson_of_any_kind() {
    let mut d = new_postmortem("nm", t(9, 0), Template::NearMiss, "UTC");
    d.sections = vec![Section::Lessons];
    let c = completeness(&d);
    let needs: Vec<&str> = c.needs().map(|m| m.label.as_str()).collect();
    assert_eq!(needs, vec!["At least one lesson"]);
    assert_eq!(c.percent, 0);
    d.lessons.lucky.push(debrief::domain::Entry {
        id: "l1".into(),
        text: "The cache was warm".into(),
        cites: Vec::new(),
    });
    let c = completeness(&d);
    assert_eq!(c.percent, 100);
    assert_eq!(c.suggestions().count(), 6);
}

#[test]
fn opening_an_optional_section_adds_suggestions_not_needs() {
    let mut d = new_postmortem("quick", t(9, 0), Template::Quick, "UTC");
    let before = completeness(&d);
    apply(&mut d, Edit::ShowSection(Section::Regret, true));
    let c = completeness(&d);
    assert_eq!(c.total, before.total);
    assert_eq!(c.suggestions().count(), before.suggestions().count() + 6);
    apply(&mut d, Edit::ShowSection(Section::Regret, false));
    assert_eq!(completeness(&d), before);
}

#[test]
fn overall_percentage_is_over_the_needs_of_the_open_sections() {
    let mut d = new_postmortem("full", t(9, 0), Template::Full, "UTC");
    let empty = completeness(&d);
    assert_eq!(empty.sections.len(), Section::ALL.len());
    assert!(empty.percent < 10, "{}", empty.percent);
    // Regret is not core to a full review: filling it scores the section,
    // not the whole.
    for f in [
        Field::Acknowledgement,
        Field::EmpathyCustomers,
        Field::EmpathyResponders,
        Field::InternalSummary,
        Field::CustomerWhatHappened,
        Field::CustomerWhatWeDo,
    ] {
        apply(&mut d, Edit::Text(f, "filled in".into()));
    }
    let c = completeness(&d);
    assert_eq!(c.done, empty.done);
    assert_eq!(c.section(Section::Regret).unwrap().percent, 100);
    apply(&mut d, Edit::Text(Field::Title, "Pool ran dry".into()));
    let c = completeness(&d);
    assert_eq!(c.done, empty.done + 1);
    assert_eq!(c.percent, percent(c.done, c.total));
    assert!(c.percent >= empty.percent);
}

#[test]
fn basics_are_suggestions_scored_within_their_section() {
    let mut d = blank();
    d.sections = vec![Section::Basics];
    assert_eq!(completeness(&d).done, 0);
    apply(&mut d, Edit::Severity(Some(Severity::Sev3)));
    apply(&mut d, Edit::Basic(Basic::Archived, true));
    let c = completeness(&d);
    assert_eq!((c.done, c.total, c.percent), (0, 0, 100));
    let s = c.section(Section::Basics).unwrap();
    assert_eq!((s.done, s.total, s.percent), (2, 7, 28));
    assert!(c.suggestions().any(|m| m.field_key == "basics.notes"));
    assert!(!c.missing().any(|m| m.field_key == "basics.archived"));
}

// ---------------------------------------------------------------- closing

#[test]
fn closing_needs_every_item_done_dropped_or_accepted() {
    let mut d = blank();
    assert_eq!(can_close(&d), Ok(()), "nothing to follow up");
    d.remedy.items = vec![smart_item("a"), smart_item("b"), smart_item("c")];
    d.remedy.items[0].status = ItemStatus::Done;
    d.remedy.items[1].status = ItemStatus::InProgress;
    let err = can_close(&d).unwrap_err();
    assert!(
        err.starts_with("2 remediation items are still open"),
        "{err}"
    );
    assert!(err.contains("Add backoff to handshake retries"), "{err}");

    d.remedy.items[1].status = ItemStatus::WontDo;
    let err = can_close(&d).unwrap_err();
    assert!(err.starts_with("1 remediation item is still open"), "{err}");
    d.remedy.items[2].status = ItemStatus::RiskAccepted;
    assert_eq!(can_close(&d), Ok(()));
}
