//! Fixtures shared by the export tests: one rich, realistic document and a
//! proptest strategy for generated ones. Each test binary uses a different
//! part of this module, hence the `dead_code` allowance.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use debrief::domain::*;
use proptest::prelude::*;

pub fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 5, 1, h, m, 0).unwrap()
}

pub fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 5, d).unwrap()
}

fn entry(id: &str, text: &str) -> Entry {
    Entry {
        id: id.into(),
        text: text.into(),
    }
}

fn event(
    id: &str,
    time: Option<DateTime<Utc>>,
    precision: Precision,
    kind: EventKind,
    description: &str,
    source: &str,
) -> TimelineEvent {
    TimelineEvent {
        id: id.into(),
        time,
        precision,
        kind,
        description: description.into(),
        source: source.into(),
    }
}

/// A post-mortem with every section filled, names scattered through the
/// prose, and a few hostile short values (pipes, HTML, backticks).
pub fn rich_doc() -> PostMortem {
    let mut d = new_postmortem(
        "pm-checkout-2024-05-01",
        at(9, 0),
        Template::Full,
        "Europe/Berlin",
    );
    d.created = Some(at(18, 0));
    d.updated = Some(at(19, 30));
    let c = &mut d.context;
    c.title = "Checkout failures after the payment-gateway | TLS rotation".into();
    c.summary = "For **47 minutes** checkout requests failed for about a third of customers after a\ncertificate rotation on the payment gateway. Ana Lopez noticed the alert first.".into();
    c.status = Status::InReview;
    c.severity = Some(Severity::Sev2);
    c.started = Some(at(14, 3));
    c.ended = Some(at(14, 50));
    c.time_zone = "Europe/Berlin".into();
    c.services = vec!["checkout".into(), "payment-gateway".into()];
    c.impact = Impact {
        description:
            "Customers saw *Payment could not be processed* and some retried several times.".into(),
        users_affected: Some(18_250),
        requests_failed: Some(1_204_331),
        revenue_sla: "About 2 % of daily revenue; SLA credit for 3 enterprise accounts".into(),
    };
    c.detection = "An error-rate alert on checkout paged the on-call engineer, Boris Novak.".into();
    c.people = vec![
        Person {
            id: "p1".into(),
            name: "Ana Lopez".into(),
            review_role: ReviewRole::Author,
            response_role: "incident commander".into(),
        },
        Person {
            id: "p2".into(),
            name: "Boris Novak".into(),
            review_role: ReviewRole::Participant,
            response_role: "".into(),
        },
        Person {
            id: "p3".into(),
            name: "Chen Wei".into(),
            review_role: ReviewRole::Scribe,
            response_role: "communications lead".into(),
        },
    ];
    c.tags = vec!["tls".into(), "payments".into(), "a|b <i>".into()];
    c.links = vec![
        Link {
            id: "l1".into(),
            kind: LinkKind::Ticket,
            label: "INC-4411".into(),
            url: "https://tracker.example/browse/INC-4411".into(),
        },
        Link {
            id: "l2".into(),
            kind: LinkKind::Dashboard,
            label: "Checkout [errors]".into(),
            url: "javascript:alert(1)".into(),
        },
    ];
    let r = &mut d.regret;
    r.acknowledgement =
        "We are sorry: checkout failed for many customers for most of an hour.".into();
    r.empathy_customers =
        "People lost carts and some were charged twice before refunds ran.".into();
    r.empathy_responders = "Boris was paged during dinner and stayed on until late.".into();
    r.internal_summary =
        "A certificate rotation left one gateway node with an expired intermediate.".into();
    r.customer_what_happened =
        "Between 16:03 and 16:50 CEST some payments could not be processed.".into();
    r.customer_what_we_do =
        "We now check the whole certificate chain before a rotation completes.".into();
    let rs = &mut d.reason;
    rs.narrative = "At 14:03 the rotation job replaced the certificate on `gw-2`.\n\n1. Errors rose within a minute.\n2. Ana Lopez opened the incident channel.\n\n```\n$ openssl s_client -connect gw-2:443\nverify error:num=20\n```".into();
    rs.resolution = "Chen rolled the node back to the previous certificate bundle.".into();
    rs.factors = vec![
        Factor {
            id: "f1".into(),
            description: "The rotation job checks the leaf certificate, not the chain".into(),
            category: Some(FactorCategory::Technology),
        },
        Factor {
            id: "f2".into(),
            description: "The runbook did not say how to roll back a single node".into(),
            category: Some(FactorCategory::Process),
        },
    ];
    d.timeline = vec![
        event(
            "e1",
            Some(at(14, 3)),
            Precision::Exact,
            EventKind::ImpactStart,
            "Rotation job replaces the certificate on gw-2",
            "https://ci.example/runs/991",
        ),
        event(
            "e2",
            Some(at(14, 10)),
            Precision::Approximate,
            EventKind::Detected,
            "Error-rate alert pages Boris Novak",
            "",
        ),
        event(
            "e3",
            Some(at(14, 12)),
            Precision::Exact,
            EventKind::Acknowledged,
            "Boris acknowledges | opens #inc-checkout",
            "javascript:alert(document.cookie)",
        ),
        event(
            "e4",
            Some(at(14, 31)),
            Precision::Exact,
            EventKind::Mitigated,
            "Traffic drained from gw-2 <b>by hand</b>",
            "",
        ),
        event(
            "e5",
            Some(at(14, 50)),
            Precision::Exact,
            EventKind::Resolved,
            "Error rate back to baseline",
            "",
        ),
        event(
            "e6",
            None,
            Precision::Unknown,
            EventKind::Note,
            "Someone noticed an odd `openssl` warning earlier",
            "",
        ),
    ];
    d.remedy.items = vec![
        RemediationItem {
            id: "i1".into(),
            action: "Verify the full chain in the rotation job".into(),
            factor_ids: vec!["f1".into()],
            owner: "Ana Lopez".into(),
            due: Some(day(20)),
            priority: Some(Priority::P1),
            ticket: "PAY-77".into(),
            status: ItemStatus::InProgress,
            measure: "A rotation with a broken chain fails in staging".into(),
            kind: Some(ItemKind::Prevent),
            agreed: true,
            ..Default::default()
        },
        RemediationItem {
            id: "i2".into(),
            action: "Document single-node rollback".into(),
            factor_ids: vec!["f2".into()],
            owner: "".into(),
            due: None,
            priority: Some(Priority::P3),
            ticket: "https://tracker.example/browse/PAY-78".into(),
            status: ItemStatus::Open,
            kind: Some(ItemKind::Process),
            ..Default::default()
        },
        RemediationItem {
            id: "i3".into(),
            action: "Replace the gateway vendor".into(),
            owner: "Chen Wei".into(),
            due: Some(day(10)),
            priority: Some(Priority::P4),
            status: ItemStatus::RiskAccepted,
            status_reason: "Cost far above the benefit for now".into(),
            accepted_by: "Head of payments".into(),
            measure: "n/a".into(),
            kind: Some(ItemKind::Mitigate),
            cost_benefit: "Months of work against a rare failure".into(),
            ..Default::default()
        },
    ];
    let l = &mut d.lessons;
    l.helped = vec![entry("h1", "The error-rate alert fired within two minutes")];
    l.slowed = vec![entry("s1", "Nobody knew which node had rotated first")];
    l.learned = vec![entry("k1", "The gateway caches intermediates per node")];
    l.lucky = vec![entry(
        "u1",
        "It happened on a Wednesday, not on Black Friday",
    )];
    l.expertise = vec![entry("x1", "Chen's `openssl s_client` one-liner")];
    for q in &mut d.questions {
        if q.id == "q-people-2" {
            q.state = QuestionState::Answered;
            q.answer = "No, Boris was awake; the page came at dinner time.".into();
        }
        if q.id == "q-aftermath-3" {
            q.state = QuestionState::NotApplicable;
        }
    }
    let m = &mut d.meeting;
    m.check_in = "Everyone: one word for how the week felt.".into();
    m.dissent = vec![Dissent {
        id: "d1".into(),
        who: "Boris Novak".into(),
        view: "The alert threshold is still too high; we got lucky it fired at all.".into(),
    }];
    m.learning_date = Some(day(3));
    m.actions_date = Some(day(6));
    m.location = "Room 4 and the video call, open to anyone".into();
    let e = &mut d.evidence;
    e.conversations = vec![Conversation {
        id: "c1".into(),
        when: Some(at(14, 15)),
        participants: "Ana Lopez, Boris Novak".into(),
        link: "https://chat.example/archives/inc-checkout".into(),
        excerpt: "14:12 boris: seeing TLS errors on gw-2\n14:13 ana: ```is it the rotation?```\n14:14 boris: yes, rolling back".into(),
    }];
    e.notes = "Graphs attached in the ticket.".into();
    e.materials = vec![Link {
        id: "m1".into(),
        kind: LinkKind::Dashboard,
        label: "Checkout errors".into(),
        url: "https://grafana.example/d/checkout?from=now-6h&to=now".into(),
    }];
    d.basics_ticked = vec![Basic::Archived];
    d
}

// ---------------------------------------------------------------- strategies

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
        ),
        0..8,
    )
    .prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(
                |(i, (time, precision, kind, description, source))| TimelineEvent {
                    id: format!("e{i}"),
                    time,
                    precision,
                    kind,
                    description,
                    source,
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
            (hostile_text(), prop::option::of(pick(&FactorCategory::ALL))),
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
                    .map(|(i, (description, category))| Factor {
                        id: format!("f{i}"),
                        description,
                        category,
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
            prop::sample::subsequence(Section::ALL.to_vec(), 0..=10),
            prop::sample::subsequence(Basic::ALL.to_vec(), 0..=7),
            pick(&[Template::Full, Template::Quick, Template::NearMiss]),
            time(),
        ),
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
            )| PostMortem {
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
                ..PostMortem::default()
            },
        )
}
