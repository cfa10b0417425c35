//! The learning review (format version 4): accounts, decision points and
//! cites, through every path a document takes: migration from each older
//! version, merge, anonymising, Markdown and share links.

mod common;

use debrief::domain::cite::{self, Target};
use debrief::domain::completeness::completeness;
use debrief::domain::example::example;
use debrief::domain::*;
use debrief::export::anonymise::anonymise;
use debrief::export::json::{export_one, import};
use debrief::export::markdown::{to_markdown, MarkdownOptions};
use debrief::export::merge::merge;
use serde_json::{json, Value};

fn open_one(text: &str) -> PostMortem {
    let mut docs = import(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

fn corpus(path: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    std::fs::read_to_string(dir.join(path)).unwrap()
}

/// Nothing of version 4 in it: what a file from before it can hold.
fn nothing_new(d: &PostMortem) -> bool {
    d.accounts.is_empty()
        && d.reason.factors.iter().all(|f| f.cites.is_empty())
        && d.timeline.iter().all(|e| e.decision.is_none())
        && LessonKind::ALL
            .iter()
            .all(|k| k.list(&d.lessons).iter().all(|e| e.cites.is_empty()))
}

fn cite(kind: CiteKind, id: &str) -> Cite {
    Cite {
        kind,
        id: id.into(),
    }
}

// ---------------------------------------------------------------- migration

#[test]
fn version_3_opens_with_nothing_lost_and_the_accounts_section_shown() {
    let text = corpus("v3/before_accounts.json");
    let d = open_one(&text);
    assert_eq!(d.version, VERSION);
    assert!(nothing_new(&d));
    // Read as written, but for the version and the section the migration
    // adds to a full review: the same document.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["version"] = json!(VERSION);
    value["sections"] = json!([
        "context", "regret", "reason", "timeline", "accounts", "remedy", "lessons", "evidence"
    ]);
    let as_written = debrief::domain::migrate::read_typed(&value).unwrap();
    assert_eq!(d, as_written);
    assert_eq!(d.reason.factors[0].tags, ["search", "alias"]);
    assert_eq!(d.reason.factors[1].category, None);
    assert_eq!(d.remedy.items[0].factor_ids, ["f1"]);
    // Saved, the new lists are written out, and it reads back the same.
    let saved: Value = serde_json::from_str(&export_one(&d)).unwrap();
    assert_eq!(saved["accounts"], json!([]));
    assert_eq!(saved["reason"]["factors"][0]["cites"], json!([]));
    assert_eq!(saved["timeline"][0]["decision"], Value::Null);
    assert_eq!(saved["lessons"]["helped"][0]["cites"], json!([]));
    assert_eq!(open_one(&export_one(&d)), d);
}

#[test]
fn quick_and_near_miss_reviews_keep_their_sections() {
    for template in ["quick", "near_miss"] {
        let text = format!(
            r#"{{"schema":"debrief/postmortem","version":3,"id":"x","template":"{template}",
            "sections":["context","timeline","reason"]}}"#
        );
        let d = open_one(&text);
        assert_eq!(
            d.sections,
            [Section::Context, Section::Timeline, Section::Reason],
            "{template}"
        );
    }
}

#[test]
fn version_1_files_reach_version_4_unchanged_in_meaning() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/v1");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let d = open_one(&text);
        assert_eq!(d.version, VERSION, "{path:?}");
        assert!(nothing_new(&d), "{path:?}");
        // Every text of the file is still there, word for word.
        let before: Value = serde_json::from_str(&text).unwrap();
        let after = to_value(&d);
        for (path_in, s) in strings(&before, String::new()) {
            assert!(
                strings(&after, String::new()).iter().any(|(_, t)| *t == s),
                "{path:?}: {path_in} lost {s:?}"
            );
        }
    }
}

fn strings(v: &Value, at: String) -> Vec<(String, String)> {
    match v {
        Value::String(s) => vec![(at, s.clone())],
        Value::Array(a) => a
            .iter()
            .enumerate()
            .flat_map(|(i, x)| strings(x, format!("{at}[{i}]")))
            .collect(),
        Value::Object(o) => o
            .iter()
            .flat_map(|(k, x)| strings(x, format!("{at}.{k}")))
            .collect(),
        _ => Vec::new(),
    }
}

/// The example as a version-1 file would have held it: none of what later
/// versions added, categories and priorities written out.
#[test]
fn the_example_written_as_version_1_migrates_back_to_itself() {
    let full = example();
    let mut old = to_value(&full);
    old["version"] = json!(1);
    old["accounts"].take();
    old.as_object_mut().unwrap().remove("accounts");
    let sections: Vec<Value> = old["sections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| *s != "accounts")
        .cloned()
        .collect();
    old["sections"] = Value::Array(sections);
    for f in old["reason"]["factors"].as_array_mut().unwrap() {
        let f = f.as_object_mut().unwrap();
        f.remove("tags");
        f.remove("cites");
    }
    for e in old["timeline"].as_array_mut().unwrap() {
        let e = e.as_object_mut().unwrap();
        e.remove("tags");
        e.remove("decision");
    }
    for (_, list) in old["lessons"].as_object_mut().unwrap().iter_mut() {
        for e in list.as_array_mut().unwrap() {
            e.as_object_mut().unwrap().remove("cites");
        }
    }
    let migrated = open_one(&old.to_string());
    // What version 1 could say is said the same; what it could not is empty.
    let mut expected = full.clone();
    expected.accounts.clear();
    for f in &mut expected.reason.factors {
        f.tags.clear();
        f.cites.clear();
    }
    for e in &mut expected.timeline {
        e.tags.clear();
        e.decision = None;
    }
    for k in LessonKind::ALL {
        for e in k.list_mut(&mut expected.lessons) {
            e.cites.clear();
        }
    }
    assert_eq!(migrated, expected);
}

// ---------------------------------------------------------------- cites

#[test]
fn cites_name_their_targets_and_skip_removed_ones() {
    let d = example();
    let f = &d.reason.factors[0];
    let labels: Vec<String> = cite::live(&d, &f.cites)
        .iter()
        .map(|t| t.label(0))
        .collect();
    assert_eq!(
        labels,
        [
            "2024-03-12 14:37: Tomás confirms the new intermediate is missing from the tru…",
            "Account by Tomás Ribeiro, 2024-03-14",
        ]
    );
    // Every target is offered, in document order, and finds itself.
    let all = cite::targets(&d);
    assert_eq!(
        all.len(),
        d.timeline.len() + d.accounts.len() + 2 + d.evidence.materials.len()
    );
    for t in &all {
        assert_eq!(cite::find(&d, &t.cite()).map(|x| x.cite()), Some(t.cite()));
    }
    // A removed event's cite is skipped, and kept for an undo.
    let mut gone = d.clone();
    apply(&mut gone, Edit::Event(ListEdit::Remove("e-15".into())));
    let f = &gone.reason.factors[0];
    assert_eq!(f.cites.len(), 2);
    assert!(matches!(
        cite::live(&gone, &f.cites)[..],
        [Target::Account(3, _)]
    ));
    // A cite given twice counts once.
    let twice = [
        cite(CiteKind::Account, "a-jonas"),
        cite(CiteKind::Account, "a-jonas"),
    ];
    assert_eq!(cite::live(&d, &twice).len(), 1);
    assert_eq!(cite::with(&twice[..1], twice[1].clone()).len(), 1);
    assert!(cite::without(&twice, &twice[0]).is_empty());
}

#[test]
fn the_review_panel_lists_uncited_and_unanswered_factors() {
    let mut d = example();
    assert!(cite::uncited_factors(&d).is_empty());
    assert!(cite::unanswered_factors(&d).is_empty());
    d.reason.factors.push(Factor {
        id: "f-new".into(),
        description: "Nobody owned the trust bundle".into(),
        ..Factor::default()
    });
    let c = completeness(&d);
    let worth: Vec<(&str, &str)> = c
        .suggestions()
        .map(|m| (m.field_key.as_str(), m.label.as_str()))
        .collect();
    assert_eq!(
        worth,
        [
            (
                "reason.factors.f-new.cites",
                "No evidence cited for \"Nobody owned the trust bundle\""
            ),
            (
                "remedy.answers.f-new",
                "No remediation item answers \"Nobody owned the trust bundle\""
            ),
        ]
    );
    // Citing an account answers the first; a quick review asks neither.
    d.reason.factors.last_mut().unwrap().cites = vec![cite(CiteKind::Account, "a-amara")];
    assert_eq!(cite::uncited_factors(&d).len(), 0);
    d.template = Template::Quick;
    assert!(completeness(&d)
        .suggestions()
        .all(|m| !m.field_key.contains("f-new")));
}

#[test]
fn differing_tellings_are_told_apart_from_agreeing_ones() {
    let d = example();
    let pool = d.timeline.iter().find(|e| e.id == "e-12").unwrap();
    let decision = pool.decision.as_ref().unwrap();
    assert!(cite::tellings_differ(decision));
    let names: Vec<&str> = cite::accounts_of(&d, decision)
        .iter()
        .map(|a| a.who.as_str())
        .collect();
    assert_eq!(names, ["Jonas Weber", "Amara Okafor"]);
    let mut same = decision.clone();
    same.tellings[1] = Telling {
        id: "t-2".into(),
        account: "a-amara".into(),
        ..same.tellings[0].clone()
    };
    same.tellings[1].why = same.tellings[1].why.to_uppercase();
    assert!(
        !cite::tellings_differ(&same),
        "case does not make a difference"
    );
    // An empty telling (just added) is not a different account.
    same.tellings.push(Telling::default());
    assert!(!cite::tellings_differ(&same));
}

// ---------------------------------------------------------------- merge

/// Two participants each wrote their account in their own copy of the same
/// draft, and each told the same decision point their way.
#[test]
fn merge_keeps_both_accounts_and_both_tellings() {
    let base = common::rich_doc();
    let event_id = base.timeline[1].id.clone();
    let mut ours = base.clone();
    let mut theirs = base;
    let account = |id: &str, who: &str, text: &str| Account {
        id: id.into(),
        who: who.into(),
        text: text.into(),
        ..Account::default()
    };
    // The same words, even: two accounts are never folded into one.
    ours.accounts
        .push(account("a-ana", "Ana", "I saw the alert first."));
    theirs
        .accounts
        .push(account("a-chen", "Chen", "I saw the alert first."));
    let telling = |id: &str, account: &str, why: &str| Telling {
        id: id.into(),
        account: account.into(),
        why: why.into(),
        ..Telling::default()
    };
    ours.timeline[1].decision = Some(Decision {
        tellings: vec![telling("t-ana", "a-ana", "Rolling back was quickest")],
        cites: vec![cite(CiteKind::Account, "a-ana")],
    });
    theirs.timeline[1].decision = Some(Decision {
        tellings: vec![telling("t-chen", "a-chen", "We trusted the canary")],
        cites: vec![cite(CiteKind::Account, "a-chen")],
    });
    let (merged, conflicts) = merge(&ours, &theirs);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let who: Vec<&str> = merged.accounts.iter().map(|a| a.who.as_str()).collect();
    assert_eq!(who, ["Ana", "Chen"]);
    let d = merged
        .timeline
        .iter()
        .find(|e| e.id == event_id)
        .and_then(|e| e.decision.as_ref())
        .unwrap();
    let tellings: Vec<&str> = d.tellings.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tellings, ["t-ana", "t-chen"]);
    assert_eq!(d.cites.len(), 2);
    assert!(cite::tellings_differ(d));
}

/// The same moment written down by two people in their own words, with
/// different ids: one event, both tellings, and cites of theirs that pointed
/// at their copy now point at ours.
#[test]
fn merge_of_a_moment_told_twice_keeps_both_tellings_and_moves_cites() {
    let mut ours = common::rich_doc();
    let mut theirs = ours.clone();
    let at = common::at(14, 40);
    ours.timeline.push(TimelineEvent {
        id: "o-roll".into(),
        time: Some(at),
        kind: EventKind::Action,
        description: "Rolled back the certificate".into(),
        decision: Some(Decision {
            tellings: vec![Telling {
                id: "t-o".into(),
                chosen: "Roll back".into(),
                ..Telling::default()
            }],
            cites: Vec::new(),
        }),
        ..TimelineEvent::default()
    });
    theirs.timeline.push(TimelineEvent {
        id: "t-roll".into(),
        time: Some(at),
        kind: EventKind::Action,
        description: "rolled back the certificate".into(),
        decision: Some(Decision {
            tellings: vec![Telling {
                id: "t-t".into(),
                chosen: "Roll back, then restart".into(),
                ..Telling::default()
            }],
            cites: Vec::new(),
        }),
        ..TimelineEvent::default()
    });
    theirs.reason.factors[0].cites = vec![cite(CiteKind::Event, "t-roll")];
    let (merged, _) = merge(&ours, &theirs);
    let rolls: Vec<&TimelineEvent> = merged
        .timeline
        .iter()
        .filter(|e| {
            e.description
                .to_lowercase()
                .contains("rolled back the certificate")
        })
        .collect();
    assert_eq!(rolls.len(), 1);
    let tellings = &rolls[0].decision.as_ref().unwrap().tellings;
    assert_eq!(tellings.len(), 2);
    assert_eq!(
        merged.reason.factors[0].cites,
        [cite(CiteKind::Event, "o-roll")]
    );
}

// ---------------------------------------------------------------- anonymise

#[test]
fn anonymising_replaces_names_inside_accounts() {
    let d = example();
    let a = anonymise(&d);
    let text = serde_json::to_string(&a.accounts).unwrap();
    for name in ["Amara", "Okafor", "Jonas", "Tomás", "Mei"] {
        assert!(!text.contains(name), "{name} left in {text}");
    }
    assert_eq!(a.accounts[0].who, "Payments on-call, first responder");
    assert_eq!(a.accounts[1].who, "Database on-call");

    // Someone who gave an account but is in no people list is still named
    // nowhere: "participant 1", in the account and everywhere else.
    let mut d = common::rich_doc();
    d.accounts.push(Account {
        id: "a1".into(),
        who: "Priya Raman".into(),
        text: "Priya Raman here: I restarted the job.".into(),
        ..Account::default()
    });
    d.reason.narrative = "Priya restarted the job, then Priya Raman paged Chen.".into();
    let a = anonymise(&d);
    assert_eq!(a.accounts[0].who, "participant 1");
    assert_eq!(
        a.accounts[0].text,
        "participant 1 here: I restarted the job."
    );
    assert!(
        !a.reason.narrative.contains("Priya Raman"),
        "{}",
        a.reason.narrative
    );
    // A role given as "who" is already anonymous and stays.
    let mut d = example();
    d.accounts[0].who = "Incident commander".into();
    assert_eq!(anonymise(&d).accounts[0].who, "Incident commander");
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_cites_are_footnotes_every_one_defined() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let md = to_markdown(&example(), &MarkdownOptions::default());
    let mut refs = std::collections::BTreeSet::new();
    let mut defs = std::collections::BTreeSet::new();
    for event in Parser::new_ext(&md, Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES) {
        match event {
            Event::FootnoteReference(r) => {
                refs.insert(r.to_string());
            }
            Event::Start(Tag::FootnoteDefinition(d)) => {
                defs.insert(d.to_string());
            }
            _ => {}
        }
    }
    assert!(refs.len() >= 10, "{refs:?}");
    assert_eq!(refs, defs, "every cite has its note and every note a cite");
    // One note per target, however many claims cite it.
    let amara = md
        .lines()
        .filter(|l| l.starts_with("[^") && l.contains("Account by Amara Okafor"))
        .count();
    assert_eq!(amara, 1);
    assert!(md.contains("## Accounts\n\n### Amara Okafor (2024-03-13)"));
    assert!(md.contains("### Decision points"));
    assert!(md.contains("The accounts of this moment differ."));
    assert!(md.contains("**As Jonas Weber (2024-03-13) tells it**"));
}

#[test]
fn markdown_without_cites_has_no_footnotes() {
    let md = to_markdown(&common::rich_doc(), &MarkdownOptions::default());
    assert!(!md.contains("[^"), "{md}");
    assert!(!md.contains("## Accounts"));
}

#[test]
fn anonymised_markdown_names_no_one_in_accounts_or_notes() {
    let opts = MarkdownOptions {
        anonymise: true,
        ..MarkdownOptions::default()
    };
    let md = to_markdown(&example(), &opts);
    for name in ["Amara", "Jonas", "Tomás"] {
        assert!(!md.contains(name), "{name}");
    }
    assert!(md.contains("Account by Database on-call"));
}

#[test]
fn the_markdown_reader_reads_cited_claims_without_their_marks() {
    let md = to_markdown(&example(), &MarkdownOptions::default());
    let report = debrief::domain::import::markdown::read_markdown(&md).unwrap();
    assert_eq!(
        report.factors[0].description,
        example().reason.factors[0].description
    );
    assert!(report.lessons.iter().all(|(_, t)| !t.contains("[^")));
    assert!(report.left_out.is_empty(), "{:?}", report.left_out);
}

// ---------------------------------------------------------------- share links

#[test]
fn a_share_link_carries_the_learning_review() {
    let d = example();
    let json = debrief::export::share::to_json(&d).unwrap();
    let back = debrief::export::share::from_json(&json).unwrap();
    assert_eq!(back.accounts, d.accounts);
    assert_eq!(back.timeline, d.timeline);
    assert_eq!(back.reason.factors, d.reason.factors);
}
