//! The blameless writing aid, measured against a labelled corpus and checked
//! for the properties the editor relies on (offsets, quoting, dismissals,
//! never panicking).

use debrief::domain::hints::{
    self, answer_key, bias_reminder, dismissal, event_key, factor_key, hints, item_action_key,
    lesson_key, open_hints, Category, Hint, RULES,
};
use debrief::domain::{
    apply, Dissent, Edit, Entry, Factor, Field, LessonKind, Person, PostMortem, Question,
    RemediationItem, Section, TimelineEvent,
};

const CORPUS: &str = include_str!("blameless/corpus.tsv");

/// The participants named in the corpus header.
const PEOPLE: &[&str] = &[
    "Alice Martin",
    "Bob Okafor",
    "Carol Nguyen",
    "Dmitri Volkov",
    "Émilie Laurent",
    "Will Chen",
    "Zoë Park",
];

fn category(key: &str) -> Category {
    Category::ALL
        .into_iter()
        .find(|c| c.key() == key)
        .unwrap_or_else(|| panic!("unknown category {key:?} in corpus"))
}

/// How the writing aid does on a labelled corpus.
struct Score {
    flags: u32,
    oks: u32,
    precision: f64,
    recall: f64,
    misses: Vec<String>,
}

/// Reads a corpus (label, expected category, sentence per line) and checks
/// each sentence with `people` as the participant list. A flagged sentence
/// counts as found only if a hint of the expected category is among those
/// given; a hint of another category on it is a false alarm as well.
fn score(corpus: &str, people: &[&str]) -> Score {
    let (mut tp, mut fp, mut fn_) = (0u32, 0u32, 0u32);
    let (mut flags, mut oks) = (0u32, 0u32);
    let mut misses = Vec::new();
    for (n, line) in corpus.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.splitn(3, '\t').collect();
        assert_eq!(cols.len(), 3, "line {}: expected three columns", n + 1);
        let (label, cat, sentence) = (cols[0], cols[1], cols[2]);
        let found = hints(sentence, people);
        let cats: Vec<&str> = found.iter().map(|h| h.category.key()).collect();
        match label {
            "flag" => {
                flags += 1;
                let want = category(cat);
                if found.iter().any(|h| h.category == want) {
                    tp += 1;
                } else {
                    fn_ += 1;
                    if !found.is_empty() {
                        // Flagged, but for the wrong reason: a false alarm too.
                        fp += 1;
                    }
                    misses.push(format!("missed ({cat}, got {cats:?}): {sentence}"));
                }
            }
            "ok" => {
                oks += 1;
                if !found.is_empty() {
                    fp += 1;
                    let ids: Vec<&str> = found.iter().map(|h| h.rule_id).collect();
                    misses.push(format!("false alarm {ids:?}: {sentence}"));
                }
            }
            other => panic!("line {}: unknown label {other:?}", n + 1),
        }
    }
    let s = Score {
        flags,
        oks,
        precision: f64::from(tp) / f64::from((tp + fp).max(1)),
        recall: f64::from(tp) / f64::from((tp + fn_).max(1)),
        misses,
    };
    println!("{flags} flagged, {oks} ok sentences");
    println!("  true positives {tp}, false positives {fp}, false negatives {fn_}");
    println!("  precision {:.3}, recall {:.3}", s.precision, s.recall);
    for m in &s.misses {
        println!("  {m}");
    }
    s
}

#[test]
fn corpus_precision_and_recall() {
    let s = score(CORPUS, PEOPLE);
    assert!(s.flags + s.oks >= 180, "corpus too small");
    assert!(
        s.flags.abs_diff(s.oks) * 5 <= s.flags + s.oks,
        "corpus unbalanced: {} flag vs {} ok",
        s.flags,
        s.oks
    );
    assert!(s.precision >= 0.9, "precision {:.3} below 0.9", s.precision);
    assert!(s.recall >= 0.85, "recall {:.3} below 0.85", s.recall);
}

/// Sentences whose people are in no list (a draft written before anyone was
/// added), held out from the rules: written and labelled before the rules
/// that read unlisted names were.
#[test]
fn unlisted_names_precision_and_recall() {
    let s = score(include_str!("blameless/unlisted.tsv"), &[]);
    assert!(s.flags + s.oks >= 40, "held-out set too small");
    // Before the rules for unlisted names, grading verbs, mistake framing
    // and plain-to-see hindsight: precision 0.667, recall 0.138.
    assert!(s.precision >= 0.9, "precision {:.3} below 0.9", s.precision);
    assert!(s.recall >= 0.85, "recall {:.3} below 0.85", s.recall);
}

fn ids(text: &str, people: &[&str]) -> Vec<&'static str> {
    hints(text, people).into_iter().map(|h| h.rule_id).collect()
}

fn spans(text: &str, people: &[&str]) -> Vec<String> {
    hints(text, people)
        .into_iter()
        .map(|h| text[h.start..h.end].to_string())
        .collect()
}

#[test]
fn whole_words_only() {
    // Each of these contains a rule word inside a longer word.
    for text in [
        "We justified the change and adjusted the limits.",
        "The run was faultless and the review blameless.",
        "The shoulder of the graph flattened.",
        "Unclearly worded tickets were rewritten.",
        "The carelessness-detector plugin is a joke name.",
        "Easyjet flights were unaffected.",
        "The fix was non-trivial.",
        "Justin restarted the worker.",
    ] {
        assert_eq!(ids(text, &[]), Vec::<&str>::new(), "{text}");
    }
    // The same words on their own are caught, whatever the case and punctuation.
    assert_eq!(ids("It was just a typo.", &[]), ["just"]);
    assert_eq!(ids("(Just) a typo!", &[]), ["just"]);
    assert_eq!(ids("Whose FAULT? Nobody's.", &[]), ["fault"]);
    assert_eq!(spans("We should’ve paged—earlier.", &[]), ["should’ve"]);
}

#[test]
fn inflections_are_matched() {
    for text in [
        "He fails to page the secondary.",
        "They failed to page the secondary.",
        "We keep failing to page the secondary.",
        "You fail to page the secondary every time.",
    ] {
        assert_eq!(ids(text, &[]), ["failed-to"], "{text}");
    }
    for text in [
        "We neglect the runbooks.",
        "The runbook was neglected.",
        "Neglecting the runbook hurt us.",
    ] {
        assert_eq!(ids(text, &[]), ["neglected"], "{text}");
    }
}

#[test]
fn failed_to_needs_a_person_as_subject() {
    for text in [
        "The cache failed to refresh.",
        "The job failed to start.",
        "Pods that failed to schedule were evicted.",
        "Failed to connect to db-1 (timeout).",
    ] {
        assert_eq!(ids(text, &[]), Vec::<&str>::new(), "{text}");
    }
    for text in [
        "I failed to check the graph.",
        "The on-call engineer failed to escalate.",
        "Someone failed to renew the certificate.",
        "The engineer who failed to escalate was new.",
        "At 03:00, the operator restarted the job and failed to check it.",
        "Alice failed to escalate.",
    ] {
        assert_eq!(ids(text, &["Alice"]), ["failed-to"], "{text}");
    }
}

#[test]
fn temporal_just_is_not_a_minimiser() {
    for text in [
        "Just before 14:00 the alert fired.",
        "The deploy had just finished.",
        "We'd just paged the vendor.",
        "It landed just in time.",
        "Latency stayed just under 200 ms.",
        "Just 12 requests failed.",
        "We did not just restart it; we drained it first.",
    ] {
        assert_eq!(ids(text, &[]), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn quoted_text_and_code_are_not_judged() {
    for text in [
        "The log said \"should have retried\" twice.",
        "The ticket title was “human error in deploy”.",
        "Run `git blame` or ``just restart`` to see.",
        "```\nobviously_broken = true # should have\n```",
        "> Bob: sorry, I should have checked\n",
        "See https://wiki.example/why-we-just-blame-dns for background.",
    ] {
        assert_eq!(ids(text, &["Bob"]), Vec::<&str>::new(), "{text}");
    }
    // Outside the quotes the same sentence is still read.
    assert_eq!(
        ids("The log said \"retry\" but we should have checked.", &[]),
        ["should-have"]
    );
    // An unmatched quote mark does not hide the rest of the text.
    assert_eq!(
        ids("A 17\" screen; it was obviously wrong.", &[]),
        ["obviously"]
    );
    // Quotes close at the end of a paragraph, not across it.
    assert_eq!(
        ids("He wrote \"maybe\n\nThen it was just a typo.", &[]),
        ["just"]
    );
}

#[test]
fn offsets_are_bytes_on_char_boundaries() {
    let text = "🔥 À 03:10 Émilie Laurent forgot the step — c’était simply 🙂 a typo";
    let found = hints(text, &["Émilie Laurent"]);
    let got: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|h| (h.rule_id, &text[h.start..h.end], h.phrase.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "named-negative",
                "Émilie Laurent forgot",
                "émilie laurent forgot"
            ),
            ("simply", "simply", "simply"),
        ]
    );
    for h in &found {
        assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
    }
    // The first hint starts after a four-byte emoji and a two-byte letter.
    assert_eq!(found[0].start, text.find("Émilie").unwrap());
}

#[test]
fn names_need_their_capital_unless_given_lower_case() {
    // "Will" the person, "will" the verb.
    assert_eq!(
        ids("Will missed the page.", &["Will Chen"]),
        ["named-negative"]
    );
    assert_eq!(
        ids("The upgrade will break old clients.", &["Will Chen"]),
        Vec::<&str>::new()
    );
    // A handle given in lower case matches as written.
    assert_eq!(ids("@kai forgot the flag.", &["kai"]), ["named-negative"]);
    // Names are only a concern as the subject of a negative verb.
    assert_eq!(ids("Kai restarted the pod.", &["Kai"]), Vec::<&str>::new());
    assert_eq!(ids("The pager woke Kai.", &["Kai"]), Vec::<&str>::new());
    // Without the participant list, a word that looks like a name right
    // before the verb is read as one: a draft is often written before
    // anyone is listed.
    assert_eq!(ids("Kai forgot the flag.", &[]), ["named-negative"]);
}

#[test]
fn names_in_no_list_are_read_and_software_is_not() {
    for text in [
        "Priya forgot to drain the node.",
        "After the handover, Ines didn't check the replica lag.",
        "During the call Rafael forgot to update the status page.",
        "Marcus ignored the page.",
        "Sven rushed the rollback.",
        // Names that end like nouns of agents still read as names.
        "Peter forgot the flag.",
        "Trevor skipped the canary.",
    ] {
        assert_eq!(ids(text, &[]), ["named-negative"], "{text}");
    }
    for text in [
        // software, acronyms, product names with inner capitals
        "Kubernetes ignored the annotation.",
        "DNS broke for the internal zone.",
        "PagerDuty missed the escalation window.",
        "Redis skipped the snapshot.",
        // common nouns that start a sentence
        "Monitoring missed the spike.",
        "Deployment broke the cache.",
        "Cluster broke after the upgrade.",
        "Scheduler skipped the nightly job.",
        "Alerts missed the spike.",
        // a day, and a name that is not the subject of the verb
        "Friday's deploy broke nothing.",
        "The script Tomasz wrote broke on the new host.",
        "Sven rushed to the office.",
    ] {
        assert_eq!(ids(text, &[]), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn every_hint_carries_its_rule_text() {
    let found = hints("The root cause was obviously human error.", &[]);
    assert_eq!(found.len(), 3);
    for h in &found {
        let rule = hints::rule(h.rule_id).expect("hint from a known rule");
        assert_eq!(h.category, rule.category);
        assert_eq!(h.why, rule.why);
        assert_eq!(h.reframe, rule.reframe);
    }
    let cats: Vec<Category> = found.iter().map(|h| h.category).collect();
    assert_eq!(
        cats,
        [Category::RootCause, Category::Minimiser, Category::Blame]
    );
}

#[test]
fn rules_are_complete_data() {
    let mut seen = std::collections::HashSet::new();
    for r in RULES {
        assert!(seen.insert(r.id), "duplicate rule id {}", r.id);
        assert!(!r.matches.is_empty() && !r.why.is_empty() && !r.reframe.is_empty());
        assert!(r.why.len() > 60, "{}: the principle needs a sentence", r.id);
    }
    for c in Category::ALL {
        assert!(RULES.iter().any(|r| r.category == c), "{c:?} has no rule");
    }
}

fn doc_with_text() -> PostMortem {
    let mut doc = PostMortem::default();
    doc.context.people.push(Person {
        id: "p1".into(),
        name: "Carol Nguyen".into(),
        ..Person::default()
    });
    doc.reason.narrative = "We should have paged earlier. It was just a typo.".into();
    doc.regret.internal_summary = "We should have paged earlier.".into();
    doc.reason.factors.push(Factor {
        id: "f1".into(),
        description: "The root cause was a stale cache.".into(),
        ..Factor::default()
    });
    doc.lessons.differently.push(Entry {
        id: "l1".into(),
        text: "Obviously we need a canary.".into(),
        cites: Vec::new(),
    });
    doc.timeline.push(TimelineEvent {
        id: "e1".into(),
        description: "Carol forgot to re-enable the alert.".into(),
        ..TimelineEvent::default()
    });
    doc.questions.push(Question {
        id: "q1".into(),
        answer: "It was human error.".into(),
        ..Question::default()
    });
    doc.meeting.dissent.push(Dissent {
        id: "d1".into(),
        who: "Dmitri".into(),
        view: "The on-call failed to escalate.".into(),
    });
    doc.remedy.items.push(RemediationItem {
        id: "i1".into(),
        action: "Simply add a second reviewer.".into(),
        ..RemediationItem::default()
    });
    doc
}

#[test]
fn open_hints_scans_every_text_field() {
    let doc = doc_with_text();
    let got: Vec<(String, &str)> = open_hints(&doc)
        .into_iter()
        .map(|(k, h)| (k, h.rule_id))
        .collect();
    let want: Vec<(String, &str)> = vec![
        (Field::InternalSummary.key().into(), "should-have"),
        (Field::Narrative.key().into(), "should-have"),
        (Field::Narrative.key().into(), "just"),
        (factor_key("f1"), "root-cause"),
        (lesson_key(LessonKind::Differently, "l1"), "obviously"),
        (event_key("e1"), "named-negative"),
        (answer_key("q1"), "human-error"),
        ("meeting.dissent.d1.view".into(), "failed-to"),
        (item_action_key("i1"), "simply"),
    ];
    assert_eq!(got, want);
}

#[test]
fn dismissals_are_per_field_rule_and_phrase() {
    let mut doc = doc_with_text();
    let narrative = Field::Narrative.key();
    let (_, should) = open_hints(&doc)
        .into_iter()
        .find(|(k, h)| k == narrative && h.rule_id == "should-have")
        .unwrap();
    assert!(apply(
        &mut doc,
        Edit::DismissHint(dismissal(narrative, &should))
    ));
    let left: Vec<(String, &str)> = open_hints(&doc)
        .into_iter()
        .map(|(k, h)| (k, h.rule_id))
        .collect();
    // Gone from the narrative only: the same words in the summary still show,
    // and the other hint in the narrative stays.
    assert!(!left.contains(&(narrative.to_string(), "should-have")));
    assert!(left.contains(&(Field::InternalSummary.key().to_string(), "should-have")));
    assert!(left.contains(&(narrative.to_string(), "just")));
    assert_eq!(left.len(), 8);

    // A dismissal remembers the phrase: different words by the same rule in
    // the same field are hinted again.
    apply(
        &mut doc,
        Edit::Text(
            Field::Narrative,
            "We should have paged earlier. We shouldn't have waited.".into(),
        ),
    );
    let phrases: Vec<String> = open_hints(&doc)
        .into_iter()
        .filter(|(k, _)| k == narrative)
        .map(|(_, h)| h.phrase)
        .collect();
    assert_eq!(phrases, ["shouldn't have"]);
}

#[test]
fn bias_reminders_sit_where_the_bias_bites() {
    let title = |s| bias_reminder(s).map(|(t, _)| t);
    assert_eq!(title(Section::Reason), Some("Hindsight and outcome bias"));
    assert_eq!(title(Section::Remedy), Some("Over-reaction"));
    assert_eq!(title(Section::Meeting), Some("Recency bias"));
    assert_eq!(title(Section::Basics), None);
    assert_eq!(hints::FACTORS_REMINDER.0, "Fundamental attribution error");
    let (_, remedy) = bias_reminder(Section::Remedy).unwrap();
    assert!(remedy.contains("costs"));
}

/// Small deterministic generator so the fuzz loop needs no dependency and a
/// failure always reproduces.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn check_hint(text: &str, h: &Hint) {
    assert!(h.start < h.end && h.end <= text.len(), "{h:?} in {text:?}");
    assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
    assert!(!h.phrase.is_empty());
}

#[test]
fn never_panics_on_odd_input() {
    let fragments = [
        "should",
        "have",
        "’ve",
        "'",
        "’",
        "\"",
        "“",
        "”",
        "`",
        "```",
        "\n",
        "\n\n",
        "> ",
        "-",
        "—",
        "failed",
        "to",
        "just",
        "Alice",
        "ÉMILIE",
        "é",
        "🔥",
        "👩\u{200d}🚒",
        "\u{301}",
        "root",
        "cause",
        "the",
        "if only",
        " ",
        ".",
        ",",
        ":",
        "14:00",
        "fault",
        "'s",
        "http://",
        "www.",
        "\t",
        "\u{0}",
        "ß",
        "İ",
        "ǅ",
        "ﬁ",
        "didn't",
        "check",
        "of",
        "course",
        "easy",
        "à",
        "\r\n",
    ];
    let fixed = [
        "",
        " ",
        "'",
        "\"",
        "`",
        "``",
        "“”",
        "’’’",
        "-'-'-",
        "...",
        "should",
        "should have",
        "if only",
        "the",
        "Alice",
        ">",
        "> \n>",
        "http://",
        "İstanbul should have",
    ];
    let people = ["Alice", "Émilie", "İlke", "", "a", "ß-x"];
    for text in fixed {
        for h in hints(text, &people) {
            check_hint(text, &h);
        }
    }
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let n = (rng.next() % 24) as usize;
        let text: String = (0..n).map(|_| rng.pick(&fragments)).collect();
        for h in hints(&text, &people) {
            check_hint(&text, &h);
        }
    }
}

#[test]
fn the_advice_follows_its_own_rules() {
    // The explanations may *name* the words they warn about (in quotes), but
    // their own wording should not trip the rules.
    let mut texts: Vec<&str> = RULES.iter().flat_map(|r| [r.why, r.reframe]).collect();
    for s in Section::ALL {
        if let Some((_, text)) = bias_reminder(s) {
            texts.push(text);
        }
    }
    texts.push(hints::FACTORS_REMINDER.1);
    for text in texts {
        let found: Vec<&str> = hints(text, &[]).into_iter().map(|h| h.rule_id).collect();
        assert!(found.is_empty(), "{found:?} in {text:?}");
    }
}

#[test]
fn long_texts_stay_fast() {
    // A 200 kB pasted log, quotes and backticks everywhere and no blank line:
    // the scan must stay linear (a quadratic one takes minutes here).
    let text = "He said \"ok\" then `x` and “maybe” it was just a typo; ".repeat(3500);
    assert!(text.len() > 190_000);
    let started = std::time::Instant::now();
    let found = hints(&text, &["Alice"]);
    assert_eq!(found.len(), 3500);
    assert!(started.elapsed().as_secs() < 10);
}
