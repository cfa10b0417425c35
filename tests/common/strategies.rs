//! Proptest strategies for generated documents: every field drawn from text
//! that breaks Markdown and HTML most often.

use chrono::{DateTime, NaiveDate, Utc};
use debrief::domain::*;
use proptest::prelude::*;

/// Short text with the characters that break Markdown and HTML most often.
pub fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ]{0,16}",
        3 => "[ -~]{0,24}",
        2 => "[|<>`#*_\\[\\]\\\\!&~$:=+\\-\\n\\t\\r. a-z0-9]{0,24}",
        1 => "\\PC{0,12}",
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("a | b | c".to_string()),
        1 => Just("```\ncode\n```".to_string()),
        1 => Just("[x](javascript:alert(1))".to_string()),
        1 => Just("1. numbered".to_string()),
        1 => Just("- dash".to_string()),
        1 => Just("<!-- open comment".to_string()),
    ]
}

fn time() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    prop::option::of(
        (1_500_000_000i64..1_900_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    )
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(
        (0i64..3000)
            .prop_map(|n| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(n)),
    )
}

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn events() -> impl Strategy<Value = Vec<TimelineEvent>> {
    prop::collection::vec(
        (
            time(),
            pick(&[Precision::Exact, Precision::Approximate, Precision::Unknown]),
            pick(&EventKind::ALL),
            hostile_text(),
            hostile_text(),
            prop::collection::vec(hostile_text(), 0..3),
        ),
        0..8,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(
                |(i, (time, precision, kind, description, source, tags))| TimelineEvent {
                    id: format!("e{i}"),
                    time,
                    precision,
                    kind,
                    description,
                    source,
                    tags,
                    decision: None,
                },
            )
            .collect()
    })
}

fn entries(prefix: &'static str) -> impl Strategy<Value = Vec<Entry>> {
    prop::collection::vec(hostile_text(), 0..3).prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(|(i, text)| Entry {
                id: format!("{prefix}{i}"),
                text,
                cites: Vec::new(),
            })
            .collect()
    })
}

fn links(prefix: &'static str) -> impl Strategy<Value = Vec<Link>> {
    let url = prop_oneof![
        hostile_text(),
        "https://[a-z]{1,8}\\.example/[a-z0-9_()|]{0,10}",
        Just("javascript:alert(1)".to_string())
    ];
    prop::collection::vec((pick(&LinkKind::ALL), hostile_text(), url), 0..3).prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (kind, label, url))| Link {
                id: format!("{prefix}{i}"),
                kind,
                label,
                url,
            })
            .collect()
    })
}

fn context() -> impl Strategy<Value = Context> {
    (
        (
            hostile_text(),
            hostile_text(),
            pick(&Status::ALL),
            prop::option::of(pick(&Severity::ALL)),
        ),
        (time(), 0i64..100_000, hostile_text()),
        (
            prop::collection::vec(hostile_text(), 0..3),
            prop::collection::vec(hostile_text(), 0..3),
        ),
        (
            hostile_text(),
            prop::option::of(any::<u64>()),
            prop::option::of(any::<u64>()),
            hostile_text(),
            hostile_text(),
        ),
        prop::collection::vec(
            (hostile_text(), pick(&ReviewRole::ALL), hostile_text()),
            0..4,
        ),
        links("l"),
    )
        .prop_map(
            |(
                (title, summary, status, severity),
                (started, span, time_zone),
                (services, tags),
                (desc, users, reqs, sla, detection),
                people,
                links,
            )| Context {
                title,
                summary,
                status,
                severity,
                started,
                ended: started.map(|s| s + chrono::Duration::seconds(span)),
                time_zone,
                services,
                impact: Impact {
                    description: desc,
                    users_affected: users,
                    requests_failed: reqs,
                    revenue_sla: sla,
                },
                detection,
                people: people
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, review_role, response_role))| Person {
                        id: format!("p{i}"),
                        name,
                        review_role,
                        response_role,
                    })
                    .collect(),
                tags,
                links,
            },
        )
}

fn items(factors: usize) -> impl Strategy<Value = Vec<RemediationItem>> {
    prop::collection::vec(
        (
            (
                hostile_text(),
                prop::collection::vec(0..factors.max(1), 0..3),
                hostile_text(),
                date(),
                prop::option::of(pick(&Priority::ALL)),
                hostile_text(),
            ),
            (
                pick(&ItemStatus::ALL),
                hostile_text(),
                hostile_text(),
                hostile_text(),
                prop::option::of(pick(&ItemKind::ALL)),
                any::<bool>(),
                hostile_text(),
                date(),
            ),
        ),
        0..4,
    )
    .prop_map(move |v| {
        v.into_iter()
            .enumerate()
            .map(
                |(
                    i,
                    (
                        (action, fids, owner, due, priority, ticket),
                        (
                            status,
                            status_reason,
                            accepted_by,
                            measure,
                            kind,
                            agreed,
                            cost_benefit,
                            completed,
                        ),
                    ),
                )| {
                    let mut factor_ids: Vec<String> = if factors == 0 {
                        vec![]
                    } else {
                        fids.into_iter().map(|f| format!("f{f}")).collect()
                    };
                    factor_ids.dedup();
                    RemediationItem {
                        id: format!("i{i}"),
                        action,
                        factor_ids,
                        owner,
                        due,
                        priority,
                        ticket,
                        status,
                        status_reason,
                        accepted_by,
                        measure,
                        kind,
                        agreed,
                        cost_benefit,
                        completed,
                    }
                },
            )
            .collect()
    })
}

fn reason_and_remedy() -> impl Strategy<Value = (Reason, Remedy)> {
    (
        hostile_text(),
        hostile_text(),
        prop::collection::vec(
            (
                hostile_text(),
                prop::option::of(pick(&FactorCategory::ALL)),
                prop::collection::vec(hostile_text(), 0..3),
            ),
            0..4,
        ),
        any::<bool>(),
        date(),
    )
        .prop_flat_map(|(narrative, resolution, factors, unknown, next_review)| {
            let n = factors.len();
            let reason = Reason {
                narrative,
                resolution,
                factors: factors
                    .into_iter()
                    .enumerate()
                    .map(|(i, (description, category, tags))| Factor {
                        id: format!("f{i}"),
                        description,
                        category,
                        tags,
                        cites: Vec::new(),
                    })
                    .collect(),
            };
            items(n).prop_map(move |items| {
                (
                    reason.clone(),
                    Remedy {
                        unknown,
                        next_review,
                        items,
                    },
                )
            })
        })
}

fn questions() -> impl Strategy<Value = Vec<Question>> {
    prop::collection::vec(
        (
            pick(&Area::ALL),
            hostile_text(),
            hostile_text(),
            pick(&[
                QuestionState::Open,
                QuestionState::Answered,
                QuestionState::NotApplicable,
            ]),
            any::<bool>(),
        ),
        0..6,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (area, prompt, answer, state, custom))| Question {
                id: format!("q{i}"),
                area,
                prompt,
                answer,
                state,
                custom,
            })
            .collect()
    })
}

fn meeting_and_evidence() -> impl Strategy<Value = (Meeting, Evidence)> {
    (
        (
            hostile_text(),
            hostile_text(),
            prop::collection::vec((hostile_text(), hostile_text()), 0..3),
            date(),
            date(),
            hostile_text(),
        ),
        (
            prop::collection::vec(
                (time(), hostile_text(), hostile_text(), hostile_text()),
                0..3,
            ),
            hostile_text(),
            links("m"),
        ),
    )
        .prop_map(
            |(
                (check_in, check_out, dissent, learning_date, actions_date, location),
                (convs, notes, materials),
            )| {
                (
                    Meeting {
                        check_in,
                        check_out,
                        dissent: dissent
                            .into_iter()
                            .enumerate()
                            .map(|(i, (who, view))| Dissent {
                                id: format!("d{i}"),
                                who,
                                view,
                            })
                            .collect(),
                        learning_date,
                        actions_date,
                        location,
                    },
                    Evidence {
                        conversations: convs
                            .into_iter()
                            .enumerate()
                            .map(|(i, (when, participants, link, excerpt))| Conversation {
                                id: format!("c{i}"),
                                when,
                                participants,
                                link,
                                excerpt,
                            })
                            .collect(),
                        notes,
                        materials,
                    },
                )
            },
        )
}

/// A valid post-mortem (it passes `validate`) with every part generated.
/// Accounts in hostile text, and a telling of a decision (put on the first
/// event, which every factor then cites).
fn learning() -> impl Strategy<Value = (Vec<Account>, String)> {
    (
        prop::collection::vec(
            (hostile_text(), hostile_text(), hostile_text(), date()),
            0..3,
        ),
        hostile_text(),
    )
        .prop_map(|(v, why)| {
            let accounts = v
                .into_iter()
                .enumerate()
                .map(|(i, (who, text, hard, given))| Account {
                    id: format!("a{i}"),
                    who,
                    text,
                    hard,
                    given,
                    ..Account::default()
                })
                .collect();
            (accounts, why)
        })
}

pub fn arb_doc() -> impl Strategy<Value = PostMortem> {
    (
        "[a-z0-9-]{1,12}",
        context(),
        (
            hostile_text(),
            hostile_text(),
            hostile_text(),
            hostile_text(),
            hostile_text(),
            hostile_text(),
        ),
        reason_and_remedy(),
        events(),
        (
            entries("h"),
            entries("s"),
            entries("d"),
            entries("k"),
            entries("u"),
            entries("x"),
            entries("g"),
        ),
        questions(),
        meeting_and_evidence(),
        (
            prop::sample::subsequence(Section::ALL.to_vec(), 0..=11),
            prop::sample::subsequence(Basic::ALL.to_vec(), 0..=7),
            pick(&[Template::Full, Template::Quick, Template::NearMiss]),
            time(),
        ),
        learning(),
    )
        .prop_map(
            |(
                id,
                context,
                regret,
                (reason, remedy),
                timeline,
                lessons,
                questions,
                (meeting, evidence),
                (sections, basics_ticked, template, updated),
                (accounts, why),
            )| {
                let mut d = PostMortem {
                    id,
                    updated,
                    template,
                    sections,
                    context,
                    regret: Regret {
                        acknowledgement: regret.0,
                        empathy_customers: regret.1,
                        empathy_responders: regret.2,
                        internal_summary: regret.3,
                        customer_what_happened: regret.4,
                        customer_what_we_do: regret.5,
                    },
                    reason,
                    timeline,
                    remedy,
                    lessons: Lessons {
                        helped: lessons.0,
                        slowed: lessons.1,
                        differently: lessons.2,
                        learned: lessons.3,
                        lucky: lessons.4,
                        expertise: lessons.5,
                        signals: lessons.6,
                    },
                    questions,
                    meeting,
                    evidence,
                    basics_ticked,
                    accounts,
                    ..PostMortem::default()
                };
                if let Some(first) = d.timeline.first_mut() {
                    let event = Cite {
                        kind: CiteKind::Event,
                        id: first.id.clone(),
                    };
                    first.decision = Some(Decision {
                        tellings: vec![Telling {
                            id: "t0".into(),
                            account: d.accounts.first().map(|a| a.id.clone()).unwrap_or_default(),
                            why,
                            ..Telling::default()
                        }],
                        cites: Vec::new(),
                    });
                    for f in &mut d.reason.factors {
                        f.cites.push(event.clone());
                    }
                }
                d
            },
        )
}
