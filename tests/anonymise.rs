//! Anonymised exports carry no name of anyone involved, anywhere.

mod common;

use debrief::domain::*;
use debrief::export::anonymise::{anonymise, role_labels};
use debrief::export::markdown::{to_markdown, MarkdownOptions};
use proptest::prelude::*;
use serde_json::Value;

/// Keys whose values are not prose (ids, enums, dates): left alone when the
/// test plants names in every other string.
use debrief::export::anonymise::NOT_TEXT as NOT_PROSE;

fn plant(v: &mut Value, text: &str) {
    match v {
        Value::String(s) => *s = format!("{s} {text}"),
        Value::Array(a) => a.iter_mut().for_each(|x| plant(x, text)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                if !NOT_PROSE.contains(&k.as_str()) {
                    plant(x, text);
                }
            }
        }
        _ => {}
    }
}

fn person(id: &str, name: &str, role: &str) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        response_role: role.into(),
        ..Person::default()
    }
}

/// Whole words of `text`, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn mentions(text: &str, name_word: &str) -> bool {
    words(text).iter().any(|w| w == &name_word.to_lowercase())
}

#[test]
fn every_text_field_loses_every_name() {
    let d = common::rich_doc();
    let mut value = serde_json::to_value(&d).unwrap();
    plant(
        &mut value,
        "Ana Lopez told BORIS NOVAK and chen wei; later ana, Boris and Chen's team agreed with ANA\tLOPEZ.",
    );
    let mut planted: PostMortem = serde_json::from_value(value).unwrap();
    // The people list itself defines who is named: keep it as it was.
    planted.context.people = d.context.people.clone();
    let out = anonymise(&planted);
    let json = serde_json::to_string(&out).unwrap();
    for w in ["ana", "lopez", "boris", "novak", "chen", "wei"] {
        assert!(!mentions(&json, w), "{w} still in the document");
    }
    // The roles took their places, the structure did not move.
    assert!(out
        .reason
        .narrative
        .contains("incident commander told responder 1 and communications lead; later incident commander, responder 1 and communications lead's team agreed with incident commander."));
    assert_eq!(out.timeline.len(), planted.timeline.len());
    for (a, b) in out.timeline.iter().zip(&planted.timeline) {
        assert_eq!((&a.id, a.kind, a.time), (&b.id, b.kind, b.time));
    }
    assert_eq!(validate(&out), vec![]);
    let names: Vec<&str> = out.context.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["incident commander", "responder 1", "communications lead"]
    );
    let md = to_markdown(
        &planted,
        &MarkdownOptions {
            anonymise: true,
            front_matter: true,
            ..MarkdownOptions::default()
        },
    );
    for w in ["ana", "lopez", "boris", "novak", "chen", "wei"] {
        assert!(!mentions(&md, w), "{w} still in the Markdown");
    }
}

#[test]
fn labels_are_roles_numbered_when_shared() {
    let mut d = PostMortem::default();
    d.context.people = vec![
        person("1", "A One", "Incident commander"),
        person("2", "B Two", ""),
        person("3", "C Three", "incident commander"),
        person("4", "D Four", "responder 1"),
        person("5", "E Five", "  "),
    ];
    assert_eq!(
        role_labels(&d),
        [
            "Incident commander 1",
            "responder 2",
            "incident commander 2",
            "responder 1",
            "responder 3"
        ]
    );
}

#[test]
fn whole_words_only_and_unicode_case() {
    let mut d = PostMortem::default();
    d.context.people = vec![
        person("1", "Ana", "scribe"),
        person("2", "Łukasz Żak", "SRE"),
    ];
    d.reason.narrative =
        "Anastasia and Banana stay; Ana goes; ŁUKASZ and łukasz żak go; Żakowski stays.".into();
    let out = anonymise(&d);
    assert_eq!(
        out.reason.narrative,
        "Anastasia and Banana stay; scribe goes; SRE and SRE go; Żakowski stays."
    );
}

#[test]
fn shared_first_names_are_not_guessed() {
    let mut d = PostMortem::default();
    d.context.people = vec![
        person("1", "Sam Reed", "incident commander"),
        person("2", "Sam Ortiz", "scribe"),
    ];
    d.reason.narrative = "Sam Reed paged Sam Ortiz. Then Sam left.".into();
    let out = anonymise(&d);
    // Which Sam left cannot be known: the bare first name stays rather than
    // pinning it on the wrong person.
    assert_eq!(
        out.reason.narrative,
        "incident commander paged scribe. Then Sam left."
    );
}

#[test]
fn names_that_are_also_enum_values_break_nothing() {
    let mut d = common::rich_doc();
    d.context.people.push(person("p9", "Note", "observer"));
    d.context
        .people
        .push(person("p10", "Draft Process", "observer 2"));
    d.timeline[0].description = "Note saw it".into();
    let out = anonymise(&d);
    assert_eq!(out.timeline[5].kind, EventKind::Note);
    assert_eq!(
        out.reason.factors[1].category,
        Some(FactorCategory::Process)
    );
    assert_eq!(out.context.status, Status::InReview);
    assert_eq!(out.timeline[0].description, "observer saw it");
    assert_eq!(validate(&out), vec![]);
}

fn name_word() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{3,7}"
}

const ROLES: &[&str] = &[
    "incident commander",
    "scribe",
    "",
    "on-call responder",
    "communications lead",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_name_survives(
        people in prop::collection::vec((name_word(), name_word(), prop::sample::select(ROLES)), 1..5),
        mut d in common::arb_doc(),
        slots in prop::collection::vec((0usize..8, any::<prop::sample::Index>(), any::<bool>()), 1..12),
    ) {
        let role_words: Vec<String> = ROLES.iter().flat_map(|r| words(r)).chain(["responder".into()]).collect();
        for (f, l, _) in &people {
            prop_assume!(!role_words.contains(&f.to_lowercase()) && !role_words.contains(&l.to_lowercase()));
        }
        // Generated text may hold a name word by chance; such cases say
        // nothing about planted names, so they are skipped.
        let generated = words(&serde_json::to_string(&d).unwrap());
        for (f, l, _) in &people {
            prop_assume!(!generated.contains(&f.to_lowercase()) && !generated.contains(&l.to_lowercase()));
        }
        d.context.people = people
            .iter()
            .enumerate()
            .map(|(i, (f, l, r))| person(&format!("p{i}"), &format!("{f} {l}"), r))
            .collect();
        let full: Vec<String> = people.iter().map(|(f, l, _)| format!("{f} {l}")).collect();
        let unique_first = |first: &str| people.iter().filter(|(f, _, _)| f.eq_ignore_ascii_case(first)).count() == 1;
        for (n, (place, who, first_only)) in slots.iter().enumerate() {
            let i = who.index(full.len());
            let first = &people[i].0;
            let text = if *first_only && unique_first(first) { first.clone() } else { full[i].clone() };
            let line = format!(" {text} was there.");
            let id = format!("planted{n}");
            match place {
                0 => d.reason.narrative.push_str(&line),
                1 => d.context.summary.push_str(&line),
                2 => d.timeline.push(TimelineEvent { id, description: line, ..TimelineEvent::default() }),
                3 => d.meeting.dissent.push(Dissent { id, who: text.clone(), view: line }),
                4 => d.evidence.conversations.push(Conversation { id, participants: text.clone(), excerpt: line, ..Conversation::default() }),
                5 => d.remedy.items.push(RemediationItem { id, owner: text.clone(), ..RemediationItem::default() }),
                6 => d.lessons.lucky.push(Entry { id, text: line, ..Entry::default() }),
                _ => d.questions.push(Question { id, answer: line, ..Question::default() }),
            }
        }
        let out = anonymise(&d);
        let after = serde_json::to_string(&out).unwrap();
        let md = to_markdown(&d, &MarkdownOptions { anonymise: true, ..MarkdownOptions::default() });
        for (f, l, _) in &people {
            // A bare first name two people share stays (see
            // `shared_first_names_are_not_guessed`); every other name word goes.
            let mut gone = vec![l.as_str()];
            if unique_first(f) {
                gone.push(f.as_str());
            }
            for w in gone {
                prop_assert!(!mentions(&after, w), "{} in {}", w, after);
                prop_assert!(!mentions(&md, w), "{} in the Markdown", w);
            }
        }
        prop_assert_eq!(validate(&out), vec![]);
    }
}

#[test]
fn tags_on_factors_and_events_stay_in_the_anonymised_copy() {
    let d = common::rich_doc();
    let a = anonymise(&d);
    assert_eq!(a.reason.factors[0].tags, ["tls", "cert-rotation"]);
    assert_eq!(a.timeline[0].tags, ["cert-rotation"]);
    assert_eq!(a.timeline[2].tags, d.timeline[2].tags);
}
