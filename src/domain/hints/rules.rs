//! Every rule as data: what it matches, the principle behind it, a suggested
//! reframe, and the patterns and guards that find it.

use super::pattern::Pos::{Opt, W};
use super::pattern::{Guard, Pos, Who};
use super::prose::*;
use super::types::{Category, Rule};
use super::words::*;

pub(super) const NEGATIVE_PATTERNS: &[&[Pos]] = &[
    &[W(NEGATIVE_VERBS)],
    &[W(&["didn't", "hadn't", "never"]), W(DILIGENCE)],
    &[W(&["did", "had"]), W(&["not"]), W(DILIGENCE)],
    &[
        W(&["made"]),
        W(&["a", "an"]),
        W(&["mistake", "error", "blunder"]),
    ],
    // "Sven rushed the rollback", not "Sven rushed to the office".
    &[
        W(&["rushed"]),
        W(&[
            "the", "a", "an", "through", "our", "their", "his", "her", "this", "that",
        ]),
    ],
];

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
            Guard::NotBefore(LAZY_TECH_NOUNS),
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
        why: "Pinning a slip on someone frames the incident as one person's doing rather \
than an interaction of many parts, and it only looked like a slip once the outcome was known.",
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
    Rule {
        id: "too-slow",
        category: Category::Blame,
        matches: "\u{201c}too slow to react\u{201d}, \u{201c}reacted too slowly\u{201d}, \
\u{201c}hastily\u{201d}",
        why: WHY_GRADE,
        reframe: REFRAME_GRADE,
        patterns: &[
            &[W(&["too"]), W(&["slow"]), W(&["to"]), W(RESPONSE_VERBS)],
            &[
                W(RESPONSE_VERBS),
                Opt(&["far", "much", "way"]),
                W(&["too"]),
                W(&["slowly", "late"]),
            ],
            &[W(&["hastily", "hasty", "hurriedly"])],
        ],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
    Rule {
        id: "rushed",
        category: Category::Blame,
        matches: "\u{201c}rushed\u{201d} as a verdict on work (\u{201c}the rollback was \
rushed\u{201d}), not \u{201c}rushed to the office\u{201d}",
        why: WHY_GRADE,
        reframe: REFRAME_GRADE,
        patterns: &[&[W(&["rushed"])]],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            Guard::NotBefore(&["to", "over", "back", "home", "off", "in", "into", "out"]),
        ],
    },
    Rule {
        id: "poorly",
        category: Category::Blame,
        matches: "\u{201c}handled poorly\u{201d}, \u{201c}badly managed\u{201d}: a grade on \
how people handled something",
        why: WHY_GRADE,
        reframe: REFRAME_GRADE,
        patterns: &[&[W(&["poorly", "badly", "clumsily"])]],
        gap: &[],
        guards: &[Guard::NotNegated, Guard::Near(4, HANDLING_VERBS)],
    },
    Rule {
        id: "mistake",
        category: Category::Blame,
        matches: "\u{201c}a mistake\u{201d}, \u{201c}a simple error\u{201d}: an action \
framed as a mistake (not an error counter or message)",
        why: "Framing an action as a slip-up judges it by its outcome: at the time it was a \
choice that made sense to someone, and the review is there to find out why.",
        reframe: "Describe the action and what made it reasonable then: \u{201c}The record \
was edited by hand, as the runbook described; nothing checked the new value.\u{201d}",
        patterns: &[
            &[W(&["mistake", "mistakes", "blunder", "blunders", "misstep", "missteps"])],
            &[W(VERDICT_ADJECTIVES), W(&["error", "errors"])],
        ],
        gap: &[],
        guards: &[
            Guard::NotNegated,
            // "made a mistake" is read with its subject by the rules on people.
            Guard::NotAfter(&["made a", "made an", "made the", "made"]),
            Guard::NotBefore(&[
                "by", "made by", "counter", "counters", "rate", "log", "logs", "code", "codes",
                "budget", "message", "messages",
            ]),
        ],
    },
    // ---- minimisers and hindsight markers
    Rule {
        id: "plain-to-see",
        category: Category::Minimiser,
        matches: "\u{201c}plain to see\u{201d}, \u{201c}staring us in the face\u{201d}, \
\u{201c}there all along\u{201d}, \u{201c}self-evident\u{201d}",
        why: WHY_OBVIOUS,
        reframe: REFRAME_OBVIOUS,
        patterns: &[
            &[W(&["plain"]), W(&["to"]), W(&["see"])],
            &[
                W(&["staring"]),
                Opt(&["us", "them", "me", "you", "everyone", "him", "her"]),
                W(&["in"]),
                W(&["the"]),
                W(&["face"]),
            ],
            &[W(&["there"]), W(&["all"]), W(&["along"])],
            &[W(&["self-evident"])],
        ],
        gap: &[],
        guards: &[Guard::NotNegated],
    },
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
            Guard::NotBefore(CLEARLY_DESCRIBES),
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
            Opt(CAUSE_ADJECTIVES),
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
}
