//! The example's Context section: the incident in brief, the people who
//! responded, the links a reader would want.

use crate::domain::model::*;

use super::{link, person, s, utc};

pub(super) fn context() -> Context {
    Context {
        title: s("Card payments declined for 47 minutes after an internal certificate rotation"),
        summary: s(
            "On 12 March 2024, from 13:58 to 14:45 UTC, about 38 % of card payments sent to \
             the Fernhill charge API were declined with a 503. A scheduled rotation of the \
             internal certificate authority introduced a new intermediate certificate. \
             Running charge-api pods still trusted only the old chain, their TLS handshakes \
             with the ledger connection pool failed, and immediate retries held pool slots \
             until the pool was exhausted for every caller. A rolling restart of charge-api \
             loaded the new trust bundle and payments recovered.",
        ),
        status: Status::Published,
        severity: Some(Severity::Sev2),
        started: Some(utc(12, 13, 58)),
        ended: Some(utc(12, 14, 59)),
        time_zone: s("Europe/Berlin"),
        services: vec![s("charge-api"), s("ledger-pool"), s("internal-ca")],
        impact: Impact {
            description: s(
                "Shoppers at merchants using Fernhill saw \"payment could not be processed\" \
                 at checkout. Merchants with automatic retry recovered most orders; others \
                 lost sales. No payment was captured twice and no card data was exposed.",
            ),
            users_affected: Some(21_400),
            requests_failed: Some(63_870),
            revenue_sla: s(
                "Estimated 410,000 EUR of payment volume not processed in the window, part of \
                 it retried later by merchants. Monthly availability for charge-api fell to \
                 99.89 % against a 99.95 % commitment; service credits are due to 14 merchants.",
            ),
        },
        detection: s(
            "The alert \"charge-api 5xx above 2 % for 5 minutes\" paged the payments on-call \
             at 14:03 UTC, five minutes after errors began.",
        ),
        people: vec![
            person(
                "p-amara",
                "Amara Okafor",
                ReviewRole::Participant,
                "Payments on-call, first responder",
            ),
            person(
                "p-mei",
                "Mei Tanaka",
                ReviewRole::Participant,
                "Incident commander",
            ),
            person(
                "p-jonas",
                "Jonas Weber",
                ReviewRole::Author,
                "Database on-call",
            ),
            person(
                "p-tomas",
                "Tomás Ribeiro",
                ReviewRole::Scribe,
                "Security on-call, owner of the certificate rotation",
            ),
            person(
                "p-sofia",
                "Sofia Brandt",
                ReviewRole::Facilitator,
                "Not in the response; engineering manager from the search team",
            ),
        ],
        tags: vec![
            s("payments"),
            s("tls"),
            s("certificates"),
            s("connection-pool"),
        ],
        links: vec![
            link(
                "l-ticket",
                LinkKind::Ticket,
                "INC-2024-031",
                "https://tracker.fernhill.example/browse/INC-2024-031",
            ),
            link(
                "l-chat",
                LinkKind::Chat,
                "#inc-2024-03-12-payments",
                "https://chat.fernhill.example/channels/inc-2024-03-12-payments",
            ),
            link(
                "l-dash",
                LinkKind::Dashboard,
                "charge-api overview",
                "https://grafana.fernhill.example/d/charge-api",
            ),
            link(
                "l-logs",
                LinkKind::Logs,
                "ledger-pool handshake errors",
                "https://logs.fernhill.example/search?q=service%3Aledger-pool%20tls",
            ),
            link(
                "l-mr",
                LinkKind::MergeRequest,
                "Backoff with jitter for ledger handshakes",
                "https://git.fernhill.example/payments/charge-api/-/merge_requests/2291",
            ),
            link(
                "l-ci",
                LinkKind::CiRun,
                "CA rotation pipeline run",
                "https://ci.fernhill.example/security/internal-ca/-/pipelines/88412",
            ),
            link(
                "l-rec",
                LinkKind::Recording,
                "Incident bridge recording",
                "https://meet.fernhill.example/recordings/2024-03-12-bridge",
            ),
        ],
    }
}
