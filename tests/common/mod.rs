//! Fixtures shared by the export tests: one rich, realistic document, proptest
//! strategies for generated ones (`strategies`) and a Markdown reader
//! (`markdown`). Each test binary uses a different part of this module, hence
//! the `dead_code` allowance.
#![allow(dead_code)]

pub mod markdown;
mod strategies;

// Not every test binary draws generated documents.
#[allow(unused_imports)]
pub use strategies::*;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use debrief::domain::*;

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
        cites: Vec::new(),
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
        ..TimelineEvent::default()
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
            tags: vec!["tls".into(), "cert-rotation".into()],
            cites: Vec::new(),
        },
        Factor {
            id: "f2".into(),
            description: "The runbook did not say how to roll back a single node".into(),
            category: Some(FactorCategory::Process),
            ..Factor::default()
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
    d.timeline[0].tags = vec!["cert-rotation".into()];
    // A pipe must not break the Markdown table the tags are printed in.
    d.timeline[2].tags = vec!["pager|noise".into()];
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
