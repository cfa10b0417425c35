//! Blameless writing aid: gentle hints on wording that tends to assign blame or
//! lean on hindsight, and bias reminders tied to sections.
//!
//! The rules are data (`RULES`): each names what it matches, the principle
//! behind it and a suggested reframe, so the editor can explain a hint rather
//! than just underline it. Matching runs over a small hand-written tokenizer
//! instead of the `regex` crate: the patterns need context that regular
//! expressions express poorly anyway (who the subject of "failed to" is,
//! whether "just" is temporal), and leaving the crate out keeps a regex
//! engine and its Unicode tables out of the WebAssembly bundle.
//!
//! Nothing here blocks or rewrites anything: hints are advice the author can
//! dismiss per phrase (`PostMortem::dismissed_hints`).

use super::edit::Field;
use super::model::{DismissedHint, LessonKind, PostMortem, Section};

// ---------------------------------------------------------------- public types

/// The kind of wording a hint points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// What someone "should have" done: an imagined past instead of the real one.
    Counterfactual,
    /// Blame and judgement words about people.
    Blame,
    /// Words that make things sound easy or plain, usually only in hindsight.
    Minimiser,
    /// A single "root cause".
    RootCause,
    /// A named participant as the subject of a negative verb.
    NamedPerson,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Counterfactual,
        Category::Blame,
        Category::Minimiser,
        Category::RootCause,
        Category::NamedPerson,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Counterfactual => "Counterfactual",
            Category::Blame => "Blame or judgement",
            Category::Minimiser => "Minimiser or hindsight",
            Category::RootCause => "Single root cause",
            Category::NamedPerson => "Named person",
        }
    }

    /// Stable machine name (used by the test corpus and safe for CSS classes).
    pub fn key(self) -> &'static str {
        match self {
            Category::Counterfactual => "counterfactual",
            Category::Blame => "blame",
            Category::Minimiser => "minimiser",
            Category::RootCause => "root_cause",
            Category::NamedPerson => "named_person",
        }
    }
}

/// One occurrence of a rule in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub rule_id: &'static str,
    pub category: Category,
    /// Byte offsets into the scanned text, always on char boundaries.
    pub start: usize,
    pub end: usize,
    /// The matched words, lower-cased and joined by single spaces (curly
    /// apostrophes made straight). This is what a dismissal remembers.
    pub phrase: String,
    pub why: &'static str,
    pub reframe: &'static str,
}

/// A language rule. The public fields are for display; the pattern and its
/// guards are private so that the matching language can change freely.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub category: Category,
    /// What the rule looks for, in words a person can read.
    pub matches: &'static str,
    /// The principle behind it.
    pub why: &'static str,
    /// A suggested way to say it instead.
    pub reframe: &'static str,
    patterns: &'static [&'static [Pos]],
    /// Words allowed between two pattern positions ("should *really* have").
    gap: &'static [&'static str],
    guards: &'static [Guard],
}

// ---------------------------------------------------------------- pattern language

/// One position of a pattern: the word must equal one of the alternatives
/// (lower case). An alternative starting with `*` matches by suffix.
#[derive(Debug)]
enum Pos {
    W(&'static [&'static str]),
    /// May be absent. Never the first position of a pattern.
    Opt(&'static [&'static str]),
}
use Pos::{Opt, W};

/// Context a match must (or must not) have. Entries are words or short
/// phrases ("far from"); `*x` matches words ending in x; `$` stands for the end
/// of the clause.
#[derive(Debug)]
enum Guard {
    /// The words right before the match must not be one of these.
    NotAfter(&'static [&'static str]),
    /// None of these words in the n words before the match, same clause:
    /// "explained the plan clearly".
    NotAfterWithin(usize, &'static [&'static str]),
    /// The words right before the match must be one of these.
    OnlyAfter(&'static [&'static str]),
    /// When the match is this word, the words right before it must be one
    /// of these (other words of the rule match anywhere).
    WordOnlyAfter(&'static str, &'static [&'static str]),
    /// The words right after the match must not be one of these.
    NotBefore(&'static [&'static str]),
    /// The words right after the match must be one of these.
    OnlyBefore(&'static [&'static str]),
    /// The next word must not be a number ("just 3 requests" is a quantity).
    NotBeforeNumber,
    /// No negation in the three words before: "not obvious" is the opposite
    /// of a hindsight marker, "no single root cause" is the point.
    NotNegated,
    /// The next word (adverbs aside) is a past participle or the clause ends:
    /// "should have checked", not "should have access".
    ThenParticiple,
    /// One of these words follows within n words in the same sentence.
    Within(usize, &'static [&'static str]),
    /// The grammatical subject must be of this kind.
    Subject(Who),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// Any person: pronouns, roles, named participants.
    Person,
    /// One singled-out person other than a named participant: he, she,
    /// someone, a role ("the intern"). Included in the highlighted span.
    Individual,
    /// A named participant. Included in the highlighted span.
    Named,
}

// ---------------------------------------------------------------- word lists

const PERSON_PRONOUNS: &[&str] = &[
    "i",
    "we",
    "he",
    "she",
    "they",
    "you",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
];

const INDIVIDUAL_PRONOUNS: &[&str] = &["he", "she", "someone", "somebody"];

/// Nouns for people by their role. A "team" is people too.
const ROLES: &[&str] = &[
    "engineer",
    "engineers",
    "developer",
    "developers",
    "dev",
    "devs",
    "operator",
    "operators",
    "on-call",
    "oncall",
    "on-caller",
    "on-callers",
    "responder",
    "responders",
    "admin",
    "admins",
    "administrator",
    "administrators",
    "sysadmin",
    "sysadmins",
    "sre",
    "sres",
    "intern",
    "interns",
    "reviewer",
    "reviewers",
    "approver",
    "approvers",
    "owner",
    "owners",
    "manager",
    "managers",
    "lead",
    "leads",
    "commander",
    "person",
    "people",
    "staff",
    "employee",
    "employees",
    "contractor",
    "contractors",
    "colleague",
    "colleagues",
    "teammate",
    "teammates",
    "team",
    "teams",
    "member",
    "members",
    "human",
    "humans",
    "hire",
    "analyst",
    "analysts",
    "tester",
    "testers",
    "dba",
    "dbas",
    "user",
    "users",
    "customer",
    "customers",
];

/// Skipped when looking back from a verb to its subject.
const SUBJECT_SKIP: &[&str] = &[
    "had", "has", "have", "was", "were", "is", "are", "also", "again", "still", "just", "simply",
    "all", "both", "even", "who", "that", "which", "keep", "keeps", "kept", "*ly",
];

/// Coordination: "Alice restarted the pod and forgot …" — the subject is at
/// the start of the clause.
const CONJUNCTIONS: &[&str] = &["and", "but", "or", "then"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "their", "this", "that", "these", "those", "one", "each", "every",
    "new", "incident", "then",
];

/// Leading words of a clause that come before its subject ("At 14:02 Alice …").
const LEADING: &[&str] = &[
    "at", "around", "by", "after", "before", "during", "when", "while", "once", "about", "am",
    "pm", "utc", "later", "shortly", "then", "so",
];

const NEGATORS: &[&str] = &[
    "not", "never", "no", "nobody", "none", "hardly", "barely", "nothing", "cannot", "*n't",
];

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "half",
    "a few",
    "a couple",
    "a handful",
    "a single",
    "a dozen",
];

/// Past participles that do not end in -ed/-en/-wn.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "been",
    "done",
    "gone",
    "had",
    "made",
    "put",
    "set",
    "hit",
    "cut",
    "let",
    "read",
    "run",
    "met",
    "got",
    "sent",
    "spent",
    "built",
    "kept",
    "left",
    "lost",
    "meant",
    "paid",
    "said",
    "sold",
    "told",
    "thought",
    "brought",
    "bought",
    "caught",
    "taught",
    "sought",
    "found",
    "felt",
    "heard",
    "held",
    "led",
    "stood",
    "understood",
    "won",
    "begun",
    "come",
    "become",
    "rung",
    "struck",
    "stuck",
    "hung",
    "dug",
    "shut",
    "spread",
    "quit",
    "burst",
    "cast",
    "upset",
    "split",
    "dealt",
    "learnt",
    "spotted",
    "slept",
    "sat",
    "fed",
    "fled",
    "bent",
    "lent",
    "rebuilt",
];

/// Words after which "obvious" is a verdict: a linking verb, an intensifier
/// or an article ("it was obvious", "so obvious", "the obvious fix").
const OBVIOUS_AFTER: &[&str] = &[
    "was", "is", "were", "are", "been", "be", "being", "it's", "that's", "seemed", "seems", "seem",
    "looked", "looks", "look", "appeared", "appears", "so", "very", "quite", "pretty", "fairly",
    "the", "an", "most",
];

const ADVERB_GAP: &[&str] = &[
    "not", "never", "also", "really", "all", "both", "just", "perhaps", "maybe", "*ly",
];

/// Like `ADVERB_GAP` but without negation: "could not have known" argues
/// against hindsight rather than with it.
const POSITIVE_GAP: &[&str] = &[
    "also", "really", "all", "both", "just", "perhaps", "maybe", "*ly",
];

/// Verbs that single out a person's slip when that person is their subject.
const NEGATIVE_VERBS: &[&str] = &[
    "forgot",
    "forgotten",
    "forgets",
    "ignored",
    "ignores",
    "overlooked",
    "overlooks",
    "skipped",
    "skips",
    "missed",
    "misses",
    "broke",
    "broken",
    "breaks",
    "caused",
    "misconfigured",
    "misread",
    "misjudged",
    "mistyped",
    "mishandled",
    "misunderstood",
];

/// Verbs of diligence: "didn't *check*" reads as a charge of omission.
const DILIGENCE: &[&str] = &[
    "check",
    "checked",
    "double-check",
    "double-checked",
    "verify",
    "verified",
    "test",
    "tested",
    "notice",
    "noticed",
    "follow",
    "followed",
    "read",
    "review",
    "reviewed",
    "update",
    "updated",
    "escalate",
    "escalated",
    "ask",
    "asked",
    "tell",
    "told",
    "inform",
    "informed",
    "notify",
    "notified",
    "confirm",
    "confirmed",
    "validate",
    "validated",
    "monitor",
    "monitored",
    "look",
    "looked",
    "bother",
    "bothered",
    "realise",
    "realised",
    "realize",
    "realized",
    "consider",
    "considered",
    "think",
    "thought",
    "document",
    "documented",
    "respond",
    "responded",
    "answer",
    "answered",
    "wait",
    "waited",
    "pay",
    "paid",
    "listen",
    "listened",
    "acknowledge",
    "acknowledged",
    "ack",
    "acked",
    "run",
    "ran",
];

/// Verbs of writing, labelling and telling: "clearly" next to one of them
/// says how something was presented, not that it was plain to see.
const WRITING_VERBS: &[&str] = &[
    "explain",
    "explains",
    "explained",
    "communicate",
    "communicates",
    "communicated",
    "state",
    "states",
    "stated",
    "write",
    "writes",
    "written",
    "wrote",
    "speak",
    "speaks",
    "spoke",
    "describe",
    "describes",
    "described",
    "label",
    "labels",
    "labelled",
    "labeled",
    "mark",
    "marks",
    "marked",
    "define",
    "defines",
    "defined",
    "document",
    "documents",
    "documented",
    "list",
    "lists",
    "listed",
    "name",
    "names",
    "named",
    "separate",
    "separates",
    "separated",
    "hear",
    "heard",
    "say",
    "says",
    "said",
    "tell",
    "tells",
    "told",
];

const NEGATIVE_PATTERNS: &[&[Pos]] = &[
    &[W(NEGATIVE_VERBS)],
    &[W(&["didn't", "hadn't", "never"]), W(DILIGENCE)],
    &[W(&["did", "had"]), W(&["not"]), W(DILIGENCE)],
    &[
        W(&["made"]),
        W(&["a", "an"]),
        W(&["mistake", "error", "blunder"]),
    ],
];

// ---------------------------------------------------------------- the rules

const WHY_SHOULD: &str = "It holds the responders up against a course of events that never \
happened. Measured against that imagined ideal they look as if they chose badly, and \
the reasons their choice made sense at the time drop out of the story.";
const REFRAME_SHOULD: &str = "Describe what was done and what the person could see, knew and \
was juggling at that moment: \u{201c}The runbook pointed to the replica, so she restarted the \
replica.\u{201d}";

const WHY_JUDGE: &str = "Words about a person's care or character judge the individual and \
explain nothing about the system. Worse, they teach every reader that telling the full story \
here is risky.";
const REFRAME_JUDGE: &str = "Describe the action and the conditions around it: workload, time \
of day, what the tools showed, what the person had been told.";

const WHY_FAULT: &str =
    "Asking \u{201c}whose fault was it?\u{201d} points the discussion at a person. The \
useful question is how the system let an ordinary action turn into an incident.";
const REFRAME_FAULT: &str = "Name the conditions that combined: \u{201c}The deploy script \
accepted an empty target list, and nothing reviewed its output.\u{201d}";

const WHY_NAMED: &str = "A name in front of a negative verb turns the sentence into a story \
about that person instead of about what happened, and it makes the write-up unsafe to share \
widely.";
const REFRAME_NAMED: &str = "Use the role and the action, and add the circumstances: \
\u{201c}The responder, paged at 03:10, restarted the primary; the runbook did not mention the \
replica.\u{201d}";

const WHY_MINIMISE: &str = "Words like this make a step sound small, yet in the moment it \
was hard enough to take time. The word hides what made it hard and can read as dismissive to \
the people who were there.";
const REFRAME_MINIMISE: &str =
    "Leave the word out, or say what made the step harder than it looks now.";

const WHY_OBVIOUS: &str = "What looks plain afterwards was rarely plain in the middle of \
the incident. Calling it \u{201c}obvious\u{201d} is hindsight speaking, and it implies that a \
signal anyone could read went unread.";
const REFRAME_OBVIOUS: &str = "Describe what the signal looked like at the time, among what \
else was going on: \u{201c}The disk alert was one of forty in the channel that hour.\u{201d}";

/// Every rule, in the order hints are reported for the same position.
pub static RULES: &[Rule] = &[
    // ---- counterfactuals
    Rule {
        id: "should-have",
        category: Category::Counterfactual,
        matches: "\u{201c}should have\u{201d}, \u{201c}should\u{2019}ve\u{201d}, \
\u{201c}shouldn\u{2019}t have\u{201d}, \u{201c}should not have\u{201d}, \
\u{201c}should we have\u{2026}?\u{201d}",
        why: WHY_SHOULD,
        reframe: REFRAME_SHOULD,
        patterns: &[
            &[W(&["should", "shouldn't"]), W(&["have"])],
            &[W(&["should've", "shouldn't've"])],
            // The question form: "shouldn't the responder have paged…?"
            &[W(&["should", "shouldn't"]), W(PERSON_PRONOUNS), W(&["have"])],
            &[W(&["should", "shouldn't"]), W(&["the", "our", "their"]), W(ROLES), W(&["have"])],
        ],
        gap: ADVERB_GAP,
        guards: &[Guard::ThenParticiple],
    },
    Rule {
        id: "could-have",
        category: Category::Counterfactual,
        matches: "\u{201c}could have\u{201d}, \u{201c}could\u{2019}ve\u{201d}",
        why: "Once the outcome is known, a different path can be imagined at every turn. \
A list of alternatives says little about why the path actually taken looked right to the \
people on it.",
        reframe: "Describe the options that were visible at the time and what made the chosen \
one look reasonable; turn a good idea into a remediation item.",
        patterns: &[&[W(&["could"]), W(&["have"])], &[W(&["could've"])]],
        gap: POSITIVE_GAP,
        guards: &[Guard::ThenParticiple],
    },
    Rule {
        id: "would-have",
        category: Category::Counterfactual,
        matches: "\u{201c}would have\u{201d}, \u{201c}would not have\u{201d}, \
\u{201c}would\u{2019}ve\u{201d}",
        why: "A claim about an alternative history cannot be checked, and it quietly turns \
an outcome into a verdict on the people who did not take that path.",
        reframe: "State what happened, then record the idea as an improvement: \u{201c}A \
canary stage is tracked as item 3.\u{201d}",
        patterns: &[
            &[W(&["would", "wouldn't"]), W(&["have"])],
            &[W(&["would've", "wouldn't've"])],
        ],
        gap: ADVERB_GAP,
        guards: &[Guard::ThenParticiple],
    },
    Rule {
        id: "ought-to-have",
        category: Category::Counterfactual,
        matches: "\u{201c}ought to have\u{201d}",
        why: WHY_SHOULD,
        reframe: REFRAME_SHOULD,
        patterns: &[&[W(&["ought", "oughtn't"]), W(&["to"]), W(&["have"])]],
        gap: ADVERB_GAP,
        guards: &[Guard::ThenParticiple],
    },
    Rule {
        id: "failed-to",
        category: Category::Counterfactual,
        matches: "\u{201c}failed to\u{201d}, \u{201c}fails to\u{201d}, \u{201c}failing \
to\u{201d} with a person as the subject (a system failing to start is fine)",
        why: "Calling an action a failure measures a person against a standard set after \
the fact. It invites a defence where the review needs detail.",
        reframe: "Say what the person did and what shaped it: \u{201c}The on-call engineer \
did not see the second alert; it landed in a muted channel.\u{201d}",
        patterns: &[&[W(&["fail", "fails", "failed", "failing"]), W(&["to"])]],
        gap: &[],
        guards: &[Guard::Subject(Who::Person)],
    },
    Rule {
        id: "neglected",
        category: Category::Counterfactual,
        matches: "\u{201c}neglected\u{201d}, \u{201c}neglect\u{201d}, \
\u{201c}neglecting\u{201d}",
        why: "\u{201c}Neglect\u{201d} implies a duty known and ignored. It passes judgement on motives the \
review cannot see, and it hides the missing owner, reminder or signal.",
        reframe: "Describe the gap in the system: \u{201c}The certificate renewal had no \
owner and no reminder.\u{201d}",
        patterns: &[&[W(&[
            "neglect",
            "neglects",
            "neglected",
            "neglecting",
            "neglectful",
        ])]],
        gap: &[],
        guards: &[],
    },
    Rule {
        id: "if-only",
        category: Category::Counterfactual,
        matches: "\u{201c}if only \u{2026} had\u{201d}",
        why: "\u{201c}If only\u{201d} wishes for a different past. It loads one missing step \
with the whole incident and hides the other conditions that had to line up.",
        reframe: "List the conditions that combined, and what now makes each of them less \
likely.",
        patterns: &[&[W(&["if"]), W(&["only"])]],
        gap: &[],
        guards: &[
            Guard::NotBeforeNumber,
            Guard::Within(
                6,
                &[
                    "had", "hadn't", "*'d", "were", "did", "didn't", "would", "could",
                ],
            ),
        ],
    },
    // ---- blame and judgement
    Rule {
        id: "human-error",
        category: Category::Blame,
        matches: "\u{201c}human error\u{201d}, \u{201c}operator error\u{201d}, \u{201c}user \
error\u{201d}",
        why: "\u{201c}Human error\u{201d} ends the inquiry where it should begin. People's \
actions make sense in their situation, and the situation is the part that can be changed.",
        reframe: "Ask what made the action reasonable at the time (the tooling, the alerts, \
the time pressure, a confusing screen) and write that down.",
        patterns: &[&[
            W(&["human", "operator", "operator's", "user", "pilot"]),
            W(&["error", "errors"]),
        ]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotBefore(&[
                "message",
                "messages",
                "code",
                "codes",
                "page",
                "rate",
                "rates",
                "handling",
                "log",
                "logs",
                "response",
                "responses",
            ]),
        ],
    },
    Rule {
        id: "careless",
        category: Category::Blame,
        matches: "\u{201c}careless\u{201d}, \u{201c}sloppy\u{201d}, \u{201c}reckless\u{201d}, \
\u{201c}inattentive\u{201d} and their forms",
        why: WHY_JUDGE,
        reframe: REFRAME_JUDGE,
        patterns: &[&[W(&[
            "careless",
            "carelessly",
            "carelessness",
            "sloppy",
            "sloppily",
            "sloppiness",
            "reckless",
            "recklessly",
            "recklessness",
            "inattentive",
            "inattention",
        ])]],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "negligent",
        category: Category::Blame,
        matches: "\u{201c}negligent\u{201d}, \u{201c}negligence\u{201d}, \
\u{201c}irresponsible\u{201d}, \u{201c}inexcusable\u{201d}",
        why: "These are moral and legal verdicts. A post-mortem exists to learn how the \
system behaved, not to settle liability, and verdicts shut that learning down.",
        reframe: REFRAME_JUDGE,
        patterns: &[&[W(&[
            "negligent",
            "negligently",
            "negligence",
            "irresponsible",
            "irresponsibly",
            "inexcusable",
        ])]],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "incompetent",
        category: Category::Blame,
        matches: "\u{201c}incompetent\u{201d}, \u{201c}incompetence\u{201d}, \
\u{201c}stupid\u{201d}",
        why: WHY_JUDGE,
        reframe: "If some knowledge was missing, say which, and how it could be made \
available: training, a runbook, pairing, a clearer interface.",
        patterns: &[&[W(&[
            "incompetent",
            "incompetence",
            "incompetently",
            "stupid",
            "stupidity",
        ])]],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "lazy",
        category: Category::Blame,
        matches: "\u{201c}lazy\u{201d}, \u{201c}laziness\u{201d} (not lazy loading or \
evaluation)",
        why: WHY_JUDGE,
        reframe: REFRAME_JUDGE,
        patterns: &[&[W(&["lazy", "laziness"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotBefore(&[
                "load",
                "loads",
                "loading",
                "loaded",
                "loader",
                "eval",
                "evaluation",
                "evaluated",
                "init",
                "initialisation",
                "initialization",
                "initialised",
                "initialized",
                "static",
                "iterator",
                "iterators",
                "sequence",
                "list",
                "val",
                "import",
                "imports",
                "fetch",
                "fetching",
                "hydration",
                "mount",
                "mounting",
                "compilation",
                "binding",
                "property",
                "properties",
                "instantiation",
                "cell",
                "lock",
                "deletion",
                "expiry",
                "expiration",
                "replication",
            ]),
        ],
    },
    Rule {
        id: "fault",
        category: Category::Blame,
        matches: "\u{201c}my/his/her/their/someone\u{2019}s fault\u{201d}, \u{201c}at \
fault\u{201d}, \u{201c}whose fault\u{201d} (not fault tolerance or a page fault)",
        why: WHY_FAULT,
        reframe: REFRAME_FAULT,
        patterns: &[&[W(&["fault", "faults"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::OnlyAfter(&[
                "my", "your", "his", "her", "our", "their", "whose", "at", "*'s",
            ]),
        ],
    },
    Rule {
        id: "fault-lies",
        category: Category::Blame,
        matches: "\u{201c}the fault lies/lay with\u{201d}",
        why: WHY_FAULT,
        reframe: REFRAME_FAULT,
        patterns: &[&[W(&["fault"]), W(&["lies", "lay", "lie", "rests", "rested"])]],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "mistake-by",
        category: Category::Blame,
        matches: "\u{201c}a mistake by\u{201d}, \u{201c}an error made by\u{201d}",
        why: "Pinning a mistake on someone frames the incident as one person's slip rather \
than an interaction of many parts, and it was only a mistake once the outcome was known.",
        reframe: "Describe the action neutrally and what surrounded it: \u{201c}The \
configuration change was applied to all regions at once; the tool offered no staged \
rollout.\u{201d}",
        patterns: &[
            &[
                W(&["mistake", "mistakes", "blunder"]),
                Opt(&["made"]),
                W(&["by"]),
            ],
            &[W(&["error", "errors"]), W(&["made"]), W(&["by"])],
        ],
        gap: &[],
        guards: &[],
    },
    Rule {
        id: "blame",
        category: Category::Blame,
        matches: "\u{201c}blame\u{201d}, \u{201c}blamed\u{201d}, \u{201c}to blame\u{201d} \
(not git blame, not \u{201c}no blame\u{201d})",
        why: "Hunting for a culprit is the opposite of what the review is for: it makes people guarded, and \
guarded people leave out the details that teach the most.",
        reframe: "Replace who-is-responsible with how-did-it-happen: describe the sequence \
and the conditions, and let the contributing factors carry the explanation.",
        patterns: &[&[W(&["blame", "blamed", "blames", "blaming", "blameworthy"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotAfter(&["git", "svn", "hg", "without"]),
            Guard::NotBefore(&["output", "view", "annotation", "annotations"]),
        ],
    },
    Rule {
        id: "slip-idiom",
        category: Category::Blame,
        matches: "\u{201c}dropped the ball\u{201d}, \u{201c}messed up\u{201d}, \
\u{201c}screwed up\u{201d}, \u{201c}botched\u{201d}, \u{201c}fat-fingered\u{201d}",
        why: "Casual words for a slip still pass judgement; they shrink a situation with \
many causes into one clumsy moment.",
        reframe: "Say precisely what was done and what made it likely: \u{201c}The \
hostname was typed by hand; the prompt did not show which cluster it targeted.\u{201d}",
        patterns: &[
            &[
                W(&["dropped", "drop", "drops", "dropping"]),
                W(&["the"]),
                W(&["ball"]),
            ],
            &[
                W(&["messed", "screwed", "mess", "screw", "messing", "screwing"]),
                W(&["up"]),
            ],
            &[W(&[
                "botched",
                "botch",
                "botching",
                "fat-fingered",
                "fat-fingering",
                "fat-finger",
            ])],
        ],
        gap: &[],
        guards: &[],
    },
    Rule {
        id: "individual-negative",
        category: Category::Blame,
        matches: "he, she, someone or a role (\u{201c}the intern\u{201d}) as the subject of \
a negative verb: forgot, ignored, broke, didn\u{2019}t check \u{2026}",
        why: WHY_NAMED,
        reframe: REFRAME_NAMED,
        patterns: NEGATIVE_PATTERNS,
        gap: &[],
        guards: &[Guard::Subject(Who::Individual)],
    },
    // ---- minimisers and hindsight markers
    Rule {
        id: "just",
        category: Category::Minimiser,
        matches: "\u{201c}just\u{201d} as a minimiser (not \u{201c}just before 14:00\u{201d} \
or \u{201c}had just deployed\u{201d})",
        why: WHY_MINIMISE,
        reframe: REFRAME_MINIMISE,
        patterns: &[&[W(&["just"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotBeforeNumber,
            Guard::NotAfter(&["had", "has", "have", "*'d", "*'ve", "only"]),
            Guard::NotBefore(&[
                "before",
                "after",
                "as",
                "in",
                "now",
                "then",
                "when",
                "prior",
                "past",
                "under",
                "over",
                "below",
                "above",
                "about",
                "around",
                "shy",
                "short",
                "ahead",
                "behind",
                "gone",
                "once",
                "twice",
                "like",
                "since",
                "until",
                "till",
                "because",
                "culture",
                "enough",
                "minutes",
                "seconds",
                "hours",
                "moments",
                "a bit",
                "a little",
                "the same",
                "yet",
                "started",
                "finished",
                "begun",
                "landed",
                "arrived",
                "returned",
                "joined",
                "completed",
                "deployed",
                "come",
                "got",
                "woken",
                "left",
            ]),
        ],
    },
    Rule {
        id: "simply",
        category: Category::Minimiser,
        matches: "\u{201c}simply\u{201d}, \u{201c}merely\u{201d}",
        why: WHY_MINIMISE,
        reframe: REFRAME_MINIMISE,
        patterns: &[&[W(&["simply", "merely"])]],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "obviously",
        category: Category::Minimiser,
        matches: "\u{201c}obviously\u{201d}; \u{201c}obvious\u{201d} as a verdict \
(\u{201c}was obvious\u{201d}, \u{201c}the obvious fix\u{201d}), not \u{201c}not obvious\u{201d}",
        why: WHY_OBVIOUS,
        reframe: REFRAME_OBVIOUS,
        patterns: &[&[W(&["obviously", "obvious"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotAfter(&["far from", "less"]),
            // "Obvious" judges only as a verdict ("the cause was obvious", "the
            // obvious fix"); "made the impact obvious" and "was the failure
            // obvious at the time?" describe and ask.
            Guard::WordOnlyAfter("obvious", OBVIOUS_AFTER),
        ],
    },
    Rule {
        id: "clearly",
        category: Category::Minimiser,
        matches: "\u{201c}clearly\u{201d} as a hindsight marker (not \u{201c}clearly \
labelled\u{201d} or \u{201c}explained clearly\u{201d})",
        why: WHY_OBVIOUS,
        reframe: REFRAME_OBVIOUS,
        patterns: &[&[W(&["clearly"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            // Manner: *how* something is written or shown, not a verdict.
            Guard::NotAfterWithin(4, WRITING_VERBS),
            Guard::NotAfter(&["more", "less", "very", "as"]),
            Guard::NotBefore(WRITING_VERBS),
            Guard::NotBefore(&[
                "visible",
                "legible",
                "readable",
                "audible",
                "identified",
                "signposted",
                "worded",
                "displayed",
                "structured",
                "delineated",
                "scoped",
                "owned",
                "assigned",
                "formatted",
                "and",
                "$",
            ]),
        ],
    },
    Rule {
        id: "of-course",
        category: Category::Minimiser,
        matches: "\u{201c}of course\u{201d}",
        why: WHY_OBVIOUS,
        reframe: REFRAME_OBVIOUS,
        patterns: &[&[W(&["of"]), W(&["course"])]],
        gap: &[],
        guards: &[Guard::NotAfter(&[
            "change", "changes", "changed", "changing", "part", "end", "matter",
        ])],
    },
    Rule {
        id: "easy",
        category: Category::Minimiser,
        matches: "\u{201c}easy\u{201d}, \u{201c}easily\u{201d}, \u{201c}trivial\u{201d} \
(not \u{201c}easy to miss\u{201d})",
        why: WHY_MINIMISE,
        reframe: REFRAME_MINIMISE,
        patterns: &[&[W(&["easy", "easily", "trivial", "trivially"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            // "Easy to miss" explains a slip with the design; it is the reframe.
            Guard::NotBefore(&[
                "to miss",
                "to overlook",
                "to confuse",
                "to misread",
                "to mistake",
                "to misinterpret",
                "to misunderstand",
                "to forget",
                "to get wrong",
                "to lose",
                "to break",
                "to trip",
                "to mix up",
                "missed",
                "overlooked",
                "confused",
                "misread",
                "mistaken",
                "misunderstood",
                "forgotten",
                "lost",
                "broken",
            ]),
        ],
    },
    Rule {
        id: "hindsight",
        category: Category::Minimiser,
        matches: "\u{201c}in hindsight\u{201d}, \u{201c}with hindsight\u{201d}, \u{201c}in \
retrospect\u{201d}",
        why: "Knowing the ending reorganises the story: the signals that mattered stand out \
and the noise around them disappears. The responders had the noise and not the ending.",
        reframe: "Describe what was known at each moment, and put what was learned \
afterwards under Lessons.",
        patterns: &[&[W(&["in", "with"]), W(&["hindsight", "retrospect"])]],
        gap: &[],
        guards: &[],
    },
    // ---- a single root cause
    Rule {
        id: "root-cause",
        category: Category::RootCause,
        matches: "\u{201c}root cause\u{201d}, \u{201c}root-caused\u{201d} (not \u{201c}root \
cause analysis\u{201d} as the name of a practice, not \u{201c}no single root \
cause\u{201d})",
        why: "Incidents in complex systems come from several contributing factors acting \
together. Naming a single \u{201c}root cause\u{201d} stops the search early, and it usually lands on whatever \
was nearest to the outcome, often a person.",
        reframe: "List the contributing factors, each with its category (technology, \
process, communication, organisation, external).",
        patterns: &[
            &[W(&["root"]), W(&["cause", "caused", "causing"])],
            &[W(&["root-cause", "root-caused", "root-causing"])],
        ],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotBefore(&["analysis", "analyses", "tool", "tools", "tooling"]),
        ],
    },
    Rule {
        id: "the-cause",
        category: Category::RootCause,
        matches: "\u{201c}the cause\u{201d}, \u{201c}the real/main/underlying \
cause\u{201d}",
        why: "\u{201c}The cause\u{201d} promises one answer where there are usually several \
conditions that only hurt in combination.",
        reframe: "Write \u{201c}contributing factors\u{201d} and name more than one: what \
made it possible, what made it worse, what delayed the recovery.",
        patterns: &[&[
            W(&["the"]),
            Opt(&[
                "real",
                "main",
                "actual",
                "underlying",
                "primary",
                "sole",
                "single",
                "true",
                "only",
                "ultimate",
                "one",
                "direct",
                "original",
            ]),
            W(&["cause"]),
        ]],
        gap: &[],
        // Not `NotNegated`: "we don't know the cause yet" still expects one.
        guards: &[Guard::OnlyBefore(&[
            "of", "was", "is", "were", "behind", "for", "here", "turned", "appears", "seems",
            "yet", "$",
        ])],
    },
    // ---- named participants
    Rule {
        id: "named-negative",
        category: Category::NamedPerson,
        matches: "a participant\u{2019}s name as the subject of a negative verb: \
\u{201c}Alice forgot\u{201d}, \u{201c}Bob broke\u{201d}, \u{201c}Carol didn\u{2019}t \
check\u{201d}",
        why: WHY_NAMED,
        reframe: REFRAME_NAMED,
        patterns: NEGATIVE_PATTERNS,
        gap: &[],
        guards: &[Guard::Subject(Who::Named)],
    },
];

/// Looks a rule up by its id (for a dismissed hint, say).
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

// ---------------------------------------------------------------- tokenizer

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Brk {
    None,
    Clause,
    Sentence,
}

#[derive(Debug)]
struct Tok {
    start: usize,
    end: usize,
    lower: String,
    /// First character upper-case: names are matched only when capitalised
    /// (unless written lower-case by the caller), so "will" is not Will.
    cap: bool,
    /// Punctuation between this token and the previous one.
    brk: Brk,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte ranges that are not judged: code spans and fenced code, text between
/// double quotes (straight or curly), Markdown block-quote lines (pasted chat)
/// and URLs. Quoting someone is recording what was said, not saying it.
fn excluded_ranges(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let at_line_start = i == 0 || b[i - 1] == b'\n';
        if at_line_start {
            let mut k = i;
            while k < b.len() && k - i < 3 && b[k] == b' ' {
                k += 1;
            }
            if k < b.len() && b[k] == b'>' {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push((i, end));
                i = end;
                continue;
            }
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '`' {
            let n = rest.bytes().take_while(|&x| x == b'`').count();
            if let Some(close) = find_backtick_run(text, i + n, n) {
                out.push((i, close + n));
                i = close + n;
            } else {
                i += n;
            }
            continue;
        }
        if c == '"' || c == '\u{201c}' {
            let open_len = c.len_utf8();
            let inner = &text[i + open_len..];
            // Look for the closer first and only then check for a paragraph
            // break before it: scanning each time to the paragraph's end
            // would be quadratic on a long pasted log full of quotes.
            let closer = inner
                .char_indices()
                .find(|&(_, q)| q == '"' || q == '\u{201d}' || q == '\u{201c}');
            match closer {
                Some((pos, q)) if !inner[..pos].contains("\n\n") => {
                    let end = i + open_len + pos + q.len_utf8();
                    out.push((i, end));
                    i = end;
                }
                _ => i += open_len,
            }
            continue;
        }
        let url_start = i == 0 || !is_word_char(text[..i].chars().next_back().unwrap_or(' '));
        if url_start
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            let len = rest
                .find(|ch: char| ch.is_whitespace() || ch == '<' || ch == '>')
                .unwrap_or(rest.len());
            out.push((i, i + len));
            i += len;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

fn find_backtick_run(text: &str, from: usize, n: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = from;
    while k < b.len() {
        if b[k] == b'`' {
            let run = b[k..].iter().take_while(|&&x| x == b'`').count();
            if run == n {
                return Some(k);
            }
            k += run;
        } else {
            k += 1;
        }
    }
    None
}

fn tokenize(text: &str) -> Vec<Tok> {
    let excluded = excluded_ranges(text);
    let mut ex = excluded.iter().peekable();
    let mut toks = Vec::new();
    let mut pending = Brk::Sentence;
    let mut word_start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut idx = 0;

    let finish = |start: usize, end: usize, pending: &mut Brk, toks: &mut Vec<Tok>| {
        let s = &text[start..end];
        toks.push(Tok {
            start,
            end,
            lower: s.to_lowercase().replace('\u{2019}', "'"),
            cap: s.chars().next().is_some_and(char::is_uppercase),
            brk: *pending,
        });
        *pending = Brk::None;
    };

    while idx < chars.len() {
        let (pos, c) = chars[idx];
        while ex.peek().is_some_and(|r| r.1 <= pos) {
            ex.next();
        }
        if let Some(&&(s, e)) = ex.peek() {
            if s <= pos {
                if let Some(ws) = word_start.take() {
                    finish(ws, pos, &mut pending, &mut toks);
                }
                pending = pending.max(Brk::Clause);
                while idx < chars.len() && chars[idx].0 < e {
                    idx += 1;
                }
                continue;
            }
        }
        let prev = if idx > 0 {
            Some(chars[idx - 1].1)
        } else {
            None
        };
        let next = chars.get(idx + 1).map(|&(_, n)| n);
        let joins = word_start.is_some()
            && match c {
                '\'' | '\u{2019}' | '-' | '\u{2010}' | '.' => next.is_some_and(is_word_char),
                ':' | ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
        if is_word_char(c) || joins {
            if word_start.is_none() {
                word_start = Some(pos);
            }
        } else {
            if let Some(ws) = word_start.take() {
                finish(ws, pos, &mut pending, &mut toks);
            }
            let brk = match c {
                '.' | '!' | '?' | ';' | ':' | '\n' | '\u{2026}' => Brk::Sentence,
                ',' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{2014}' | '\u{2013}' | '/' | '|'
                | '-' | '*' | '=' | '<' | '>' | '"' | '\u{201c}' | '\u{201d}' => Brk::Clause,
                _ => Brk::None,
            };
            pending = pending.max(brk);
        }
        idx += 1;
    }
    if let Some(ws) = word_start {
        finish(ws, text.len(), &mut pending, &mut toks);
    }
    toks
}

// ---------------------------------------------------------------- matching

/// Participants' names, split into parts ("Alice Smith" → alice, smith).
struct Names(Vec<(String, bool)>);

impl Names {
    fn new(people: &[&str]) -> Names {
        let mut parts = Vec::new();
        for name in people {
            let name = name.replace('\u{2019}', "'");
            for part in name.split(|c: char| !is_word_char(c) && c != '\'' && c != '-') {
                if part.chars().count() < 2 {
                    continue;
                }
                let needs_cap = part.chars().any(char::is_uppercase);
                let lower = part.to_lowercase();
                if !parts.iter().any(|(p, _)| *p == lower) {
                    parts.push((lower, needs_cap));
                }
            }
        }
        Names(parts)
    }

    fn matches(&self, t: &Tok) -> bool {
        self.0
            .iter()
            .any(|(p, needs_cap)| *p == t.lower && (t.cap || !needs_cap))
    }
}

fn word_is(word: &str, alt: &str) -> bool {
    match alt.strip_prefix('*') {
        Some(suffix) => word.len() > suffix.len() && word.ends_with(suffix),
        None => word == alt,
    }
}

fn word_in(word: &str, alts: &[&str]) -> bool {
    alts.iter().any(|a| word_is(word, a))
}

/// Tries `pat` with its first position at token `j`; returns the index of the
/// last token consumed.
fn match_pattern(
    pat: &[Pos],
    gap: &[&str],
    toks: &[Tok],
    j: usize,
    last: Option<usize>,
) -> Option<usize> {
    let Some((pos, rest)) = pat.split_first() else {
        return last;
    };
    let (alts, optional) = match pos {
        W(a) => (*a, false),
        Opt(a) => (*a, true),
    };
    if optional && last.is_some() {
        if let Some(e) = match_pattern(rest, gap, toks, j, last) {
            return Some(e);
        }
    }
    // Up to two gap words may sit before this position (none before the first).
    for (skipped, t) in (0..=2).zip(j..) {
        let tok = toks.get(t)?;
        // A match never spans punctuation.
        if last.is_some() && tok.brk != Brk::None {
            return None;
        }
        if word_in(&tok.lower, alts) {
            if let Some(e) = match_pattern(rest, gap, toks, t + 1, Some(t)) {
                return Some(e);
            }
        }
        if last.is_none() || skipped == 2 || !word_in(&tok.lower, gap) {
            break;
        }
    }
    None
}

/// Whether the words of `phrase` sit directly before token `i` (same clause).
fn preceded_by(toks: &[Tok], i: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    let n = words.len();
    if i < n {
        return false;
    }
    (0..n).all(|k| {
        let t = i - n + k;
        word_is(&toks[t].lower, words[k]) && toks[t + 1].brk == Brk::None
    })
}

/// Whether the words of `phrase` follow token `e` directly; `$` means the
/// clause ends there.
fn followed_by(toks: &[Tok], e: usize, phrase: &str) -> bool {
    if phrase == "$" {
        return toks.get(e + 1).is_none_or(|t| t.brk != Brk::None);
    }
    phrase.split(' ').enumerate().all(|(k, w)| {
        toks.get(e + 1 + k)
            .is_some_and(|t| t.brk == Brk::None && word_is(&t.lower, w))
    })
}

fn is_number(toks: &[Tok], e: usize) -> bool {
    let Some(next) = toks.get(e + 1) else {
        return false;
    };
    next.brk == Brk::None
        && (next.lower.starts_with(|c: char| c.is_ascii_digit())
            || NUMBER_WORDS.iter().any(|w| followed_by(toks, e, w)))
}

/// Whether one of `words` occurs in the `n` words before token `i`, without
/// crossing punctuation.
fn after_within(toks: &[Tok], i: usize, n: usize, words: &[&str]) -> bool {
    let mut j = i;
    for _ in 0..n {
        if j == 0 || toks[j].brk != Brk::None {
            return false;
        }
        j -= 1;
        if word_in(&toks[j].lower, words) {
            return true;
        }
    }
    false
}

fn negated(toks: &[Tok], i: usize) -> bool {
    after_within(toks, i, 3, NEGATORS)
}

fn looks_participle(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")))
        || IRREGULAR_PARTICIPLES.contains(&w)
}

fn then_participle(toks: &[Tok], e: usize) -> bool {
    let mut k = e + 1;
    for _ in 0..3 {
        match toks.get(k) {
            None => return true,
            Some(t) if t.brk != Brk::None => return true,
            Some(t) if word_in(&t.lower, ADVERB_GAP) => k += 1,
            // "should have read access", "write permission": "read" and
            // "write" here name a kind of access, not something done.
            Some(t)
                if matches!(t.lower.as_str(), "read" | "write")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.brk == Brk::None && word_in(&n.lower, ACCESS_NOUNS)) =>
            {
                return false
            }
            Some(t) => return looks_participle(&t.lower),
        }
    }
    false
}

/// Nouns that make "read" or "write" before them a kind of access.
const ACCESS_NOUNS: &[&str] = &[
    "access",
    "permission",
    "permissions",
    "rights",
    "privileges",
    "only",
    "role",
    "roles",
];

fn within(toks: &[Tok], e: usize, n: usize, words: &[&str]) -> bool {
    toks.iter()
        .skip(e + 1)
        .take(n)
        .take_while(|t| t.brk != Brk::Sentence)
        .any(|t| word_in(&t.lower, words))
}

/// Strips a contracted auxiliary: "we'd" → "we", "they've" → "they".
fn base(word: &str) -> &str {
    for suffix in ["'d", "'ve", "'re", "'ll"] {
        if let Some(b) = word.strip_suffix(suffix) {
            return b;
        }
    }
    word
}

fn is_who(t: &Tok, names: &Names, who: Who) -> bool {
    let w = base(&t.lower);
    match who {
        Who::Person => PERSON_PRONOUNS.contains(&w) || ROLES.contains(&w) || names.matches(t),
        Who::Individual => INDIVIDUAL_PRONOUNS.contains(&w) || ROLES.contains(&w),
        Who::Named => names.matches(t),
    }
}

/// Finds a subject of the kind `who` for the verb at token `i`. Returns the
/// subject's index and whether it stands right before the verb (adverbs and
/// auxiliaries aside), in which case it joins the highlighted span.
fn subject(toks: &[Tok], i: usize, names: &Names, who: Who) -> Option<(usize, bool)> {
    let mut j = i;
    while j > 0 && toks[j].brk == Brk::None {
        j -= 1;
        let t = &toks[j];
        // A person first: "Emily" must not be skipped as an -ly adverb.
        if is_who(t, names, who) {
            return Some((j, true));
        }
        if word_in(&t.lower, SUBJECT_SKIP) {
            continue;
        }
        if CONJUNCTIONS.contains(&t.lower.as_str()) {
            return clause_subject(toks, j, names, who).map(|s| (s, false));
        }
        return None;
    }
    None
}

/// The subject at the start of the clause containing token `j`: skips a
/// leading time phrase and determiners, then looks at up to three words
/// ("the on-call engineer", "incident commander Bob").
fn clause_subject(toks: &[Tok], j: usize, names: &Names, who: Who) -> Option<usize> {
    let mut k = j;
    while k > 0 && toks[k].brk == Brk::None {
        k -= 1;
    }
    while k < j
        && (LEADING.contains(&toks[k].lower.as_str())
            || toks[k].lower.starts_with(|c: char| c.is_ascii_digit()))
    {
        k += 1;
    }
    while k < j && DETERMINERS.contains(&toks[k].lower.as_str()) {
        k += 1;
    }
    (k..j.min(k + 3)).find(|&m| is_who(&toks[m], names, who))
}

/// Checks the guards; returns the index where the highlighted span starts.
fn guarded(rule: &Rule, toks: &[Tok], i: usize, e: usize, names: &Names) -> Option<usize> {
    let mut start = i;
    for g in rule.guards {
        let ok = match g {
            Guard::NotAfter(list) => !list.iter().any(|p| preceded_by(toks, i, p)),
            Guard::NotAfterWithin(n, list) => !after_within(toks, i, *n, list),
            Guard::OnlyAfter(list) => list.iter().any(|p| preceded_by(toks, i, p)),
            Guard::WordOnlyAfter(word, list) => {
                toks[i].lower != *word || list.iter().any(|p| preceded_by(toks, i, p))
            }
            Guard::NotBefore(list) => !list.iter().any(|p| followed_by(toks, e, p)),
            Guard::OnlyBefore(list) => list.iter().any(|p| followed_by(toks, e, p)),
            Guard::NotBeforeNumber => !is_number(toks, e),
            Guard::NotNegated => !negated(toks, i),
            Guard::ThenParticiple => then_participle(toks, e),
            Guard::Within(n, words) => within(toks, e, *n, words),
            Guard::Subject(who) => match subject(toks, i, names, *who) {
                Some((mut s, direct)) => {
                    if direct && *who != Who::Person {
                        // "Carol Nguyen caused": highlight the whole name.
                        while *who == Who::Named
                            && s > 0
                            && toks[s].brk == Brk::None
                            && names.matches(&toks[s - 1])
                        {
                            s -= 1;
                        }
                        start = s;
                    }
                    true
                }
                None => false,
            },
        };
        if !ok {
            return None;
        }
    }
    Some(start)
}

fn scan(text: &str, toks: &[Tok], names: &Names) -> Vec<Hint> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for rule in RULES {
            let found = rule.patterns.iter().find_map(|pat| {
                let e = match_pattern(pat, rule.gap, toks, i, None)?;
                guarded(rule, toks, i, e, names).map(|s| (s, e))
            });
            if let Some((s, e)) = found {
                let phrase = toks[s..=e]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                debug_assert!(text.is_char_boundary(toks[s].start));
                out.push(Hint {
                    rule_id: rule.id,
                    category: rule.category,
                    start: toks[s].start,
                    end: toks[e].end,
                    phrase,
                    why: rule.why,
                    reframe: rule.reframe,
                });
            }
        }
    }
    super::sort::sort_by_key(&mut out, |h| (h.start, h.end));
    out
}

// ---------------------------------------------------------------- public API

/// Every hint in `text`, in order of position. `people` are the participants'
/// names (as in `doc.context.people`), used to spot a named person as the
/// subject of a negative verb. Never panics, whatever the input.
pub fn hints(text: &str, people: &[&str]) -> Vec<Hint> {
    let toks = tokenize(text);
    scan(text, &toks, &Names::new(people))
}

/// Key of a contributing factor's description.
pub fn factor_key(id: &str) -> String {
    format!("reason.factors.{id}.description")
}

/// Key of a lesson entry.
pub fn lesson_key(kind: LessonKind, id: &str) -> String {
    let k = match kind {
        LessonKind::Helped => "helped",
        LessonKind::Slowed => "slowed",
        LessonKind::Differently => "differently",
        LessonKind::Learned => "learned",
        LessonKind::Lucky => "lucky",
        LessonKind::Expertise => "expertise",
        LessonKind::Signals => "signals",
    };
    format!("lessons.{k}.{id}")
}

/// Key of a timeline event's description.
pub fn event_key(id: &str) -> String {
    format!("timeline.{id}.description")
}

/// Key of a question's answer.
pub fn answer_key(id: &str) -> String {
    format!("questions.{id}.answer")
}

/// Key of a dissenting view.
pub fn dissent_key(id: &str) -> String {
    format!("meeting.dissent.{id}.view")
}

/// Key of a remediation item's action.
pub fn item_action_key(id: &str) -> String {
    format!("remedy.items.{id}.action")
}

/// Every free-text field the aid reads, with its key: the single fields of
/// `Field::ALL` and the text of list entries (keyed by id, so a dismissal
/// survives re-ordering). Pasted chat excerpts are left out: they record what
/// was said, like quoted text.
pub fn text_fields(doc: &PostMortem) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Field::ALL
        .iter()
        .map(|f| (f.key().to_string(), f.get(doc)))
        .collect();
    for f in &doc.reason.factors {
        out.push((factor_key(&f.id), &f.description));
    }
    for kind in LessonKind::ALL {
        for e in kind.list(&doc.lessons) {
            out.push((lesson_key(kind, &e.id), &e.text));
        }
    }
    for ev in &doc.timeline {
        out.push((event_key(&ev.id), &ev.description));
    }
    for q in &doc.questions {
        out.push((answer_key(&q.id), &q.answer));
    }
    for d in &doc.meeting.dissent {
        out.push((dissent_key(&d.id), &d.view));
    }
    for item in &doc.remedy.items {
        out.push((item_action_key(&item.id), &item.action));
    }
    out
}

/// The dismissal that silences `hint` on the field `field_key` (to be applied
/// with `Edit::DismissHint`).
pub fn dismissal(field_key: &str, hint: &Hint) -> DismissedHint {
    DismissedHint {
        field: field_key.to_string(),
        rule: hint.rule_id.to_string(),
        phrase: hint.phrase.clone(),
    }
}

/// Whether the author dismissed this hint on this field.
pub fn is_dismissed(doc: &PostMortem, field_key: &str, hint: &Hint) -> bool {
    doc.dismissed_hints
        .iter()
        .any(|d| d.field == field_key && d.rule == hint.rule_id && d.phrase == hint.phrase)
}

/// Every hint in every free-text field of the document that has not been
/// dismissed, with the key of its field, in field order.
pub fn open_hints(doc: &PostMortem) -> Vec<(String, Hint)> {
    let people: Vec<&str> = doc
        .context
        .people
        .iter()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let names = Names::new(&people);
    let mut out = Vec::new();
    for (key, text) in text_fields(doc) {
        if text.trim().is_empty() {
            continue;
        }
        let toks = tokenize(text);
        for h in scan(text, &toks, &names) {
            if !is_dismissed(doc, &key, &h) {
                out.push((key.clone(), h));
            }
        }
    }
    out
}

// ---------------------------------------------------------------- bias reminders

/// Shown beside the contributing factors, which live inside the Reason
/// section below the narrative (so `bias_reminder(Section::Reason)` covers the
/// narrative and this covers the factors).
pub const FACTORS_REMINDER: (&str, &str) = (
    "Fundamental attribution error",
    "When someone else's action goes wrong we tend to explain it by who they are, and when ours \
goes wrong we point to the situation. Give everyone the situational explanation you would \
want for yourself: a contributing factor is a condition, never a person.",
);

/// A short reminder of the bias most likely to creep into a section, as
/// (title, text), or `None` where no single bias stands out.
pub fn bias_reminder(section: Section) -> Option<(&'static str, &'static str)> {
    match section {
        Section::Reason => Some((
            "Hindsight and outcome bias",
            "You know how this ended; the responders did not. Knowing the outcome makes \
the warning signs look louder than they were and makes a bad result feel like proof of a bad \
decision. Describe what people saw and knew at each moment, not the conclusion that \
only seems inevitable now.",
        )),
        Section::Remedy => Some((
            "Over-reaction",
            "After a painful incident every safeguard looks worth it. Weigh what each item \
costs (in effort, in slower work for everyone, in added complexity) against how much it \
lowers the chance or the harm of a repeat; a fix for a one-off can cost more than the \
incident did.",
        )),
        Section::Meeting => Some((
            "Recency bias",
            "The last thing that happened, or the last incident the team lived through, \
weighs more than it should. Walk through the whole timeline before discussing causes, and \
ask whether this pattern has shown up before.",
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_never_start_with_an_optional_position() {
        // `match_pattern` anchors a match on its first position; an optional
        // one there would silently never be skipped.
        for r in RULES {
            for p in r.patterns {
                assert!(matches!(p.first(), Some(W(_))), "{}", r.id);
            }
        }
    }

    #[test]
    fn tokens_keep_joined_words_and_record_breaks() {
        let toks = tokenize("On-call didn’t reply, at 14:05. Root-cause v1.2");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "on-call",
                "didn't",
                "reply",
                "at",
                "14:05",
                "root-cause",
                "v1.2"
            ]
        );
        let brks: Vec<Brk> = toks.iter().map(|t| t.brk).collect();
        use Brk::*;
        assert_eq!(brks, [Sentence, None, None, Clause, None, Sentence, None]);
    }

    #[test]
    fn excluded_ranges_cover_quotes_code_blockquotes_and_urls() {
        let t = "a \"b\" `c` \u{201c}d\u{201d} https://e.f g\n> h\ni";
        let got: Vec<&str> = excluded_ranges(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            ["\"b\"", "`c`", "\u{201c}d\u{201d}", "https://e.f", "> h"]
        );
    }
}
