//! The example's three Rs: Regret, Reason (with its contributing factors)
//! and Remedy (the agreed items).

use chrono::NaiveDate;

use crate::domain::model::*;

use super::{date, factor, s};

pub(super) fn regret() -> Regret {
    Regret {
        acknowledgement: s(
            "For 47 minutes on a Tuesday afternoon, many of our merchants could not take card \
             payments through us. We are sorry. Our merchants rely on checkout working every \
             minute of the day, and on that afternoon it did not.",
        ),
        empathy_customers: s(
            "Shoppers were turned away at the last step of an order, some several times. \
             Merchants watched sales drop in real time, and their support teams answered \
             questions we had not yet given them answers to.",
        ),
        empathy_responders: s(
            "The responders worked through a confusing picture: restarts helped for a minute \
             and then did not, and raising the pool size made no lasting difference. They \
             kept a calm, open channel, said what they did not know, and brought in the \
             right people. Amara stayed on past the end of her shift to hand over cleanly.",
        ),
        internal_summary: s(
            "SEV2, 12 March 13:58–14:45 UTC: 38 % of card payments declined. A planned \
             internal CA rotation added a new intermediate certificate that running \
             charge-api pods did not yet trust. Failing handshakes were retried at once and \
             exhausted the ledger connection pool. A rolling restart restored service. \
             Backoff on retries has shipped; trust-bundle reloading and rotation announcements \
             are in progress. Review notes and actions: INC-2024-031.",
        ),
        customer_what_happened: s(
            "On 12 March between 14:58 and 15:45 CET, a share of card payments made through \
             Fernhill were declined. An update to the security certificates our internal \
             systems use to talk to each other was not picked up by the service that \
             authorises payments, and it could not reach our payment ledger. No payment was \
             charged twice and no card data was affected.",
        ),
        customer_what_we_do: s(
            "We have changed how that service retries, so a similar problem can no longer \
             block every payment. We are making it pick up certificate changes without a \
             restart, adding an alert that points straight at this kind of failure, and \
             announcing certificate changes to every team they affect. Service credits for \
             the affected period will appear on your next invoice.",
        ),
    }
}

pub(super) fn reason() -> Reason {
    Reason {
        narrative: s(
            "At 13:40 UTC the scheduled rotation of the internal certificate authority began. \
             It was planned for 26 March and had been moved forward two weeks after the \
             upstream vendor announced the old intermediate would stop being accepted. By \
             13:55 the ledger-pool proxies were presenting certificates signed by the new \
             intermediate.\n\n\
             charge-api loads its trust bundle once, at start-up. Its 40 pods had started \
             before the rotation, so they did not recognise the new chain and their \
             handshakes with ledger-pool failed. The ledger client retries a failed \
             handshake at once, and each attempt waits up to 10 seconds before timing out \
             while holding one of the pool's 400 slots. By 13:58 the pool was full and \
             payments began to fail, including for callers whose certificates were fine.\n\n\
             The payments on-call was paged at 14:03 and saw the pool at 100 %. Restarting \
             two pods helped for about three minutes; the other 38 pods kept filling the \
             pool. Raising the limit to 600 filled up again within four minutes. At 14:22 a \
             message in the shared changes channel about the finished rotation was linked \
             into the incident channel, and security on-call joined at 14:31. At 14:37 they \
             confirmed the new intermediate was missing from the bundle charge-api had \
             loaded.",
        ),
        resolution: s(
            "A rolling restart of all charge-api pods, started at 14:38, loaded the current \
             trust bundle. Handshakes succeeded, pool use fell below 40 % and the error rate \
             returned to its baseline at 14:45. After fifteen quiet minutes the incident \
             commander declared it resolved at 14:59. A backoff for handshake retries \
             shipped the next morning.",
        ),
        factors: vec![
            factor(
                "f-trust-bundle",
                FactorCategory::Technology,
                "charge-api reads its certificate trust bundle only at start-up, so a new \
                 intermediate certificate is not trusted by running pods until they restart.",
            ),
            factor(
                "f-retry",
                FactorCategory::Technology,
                "The ledger client retries failed handshakes immediately and without limit; \
                 each attempt holds a pool slot for up to 10 seconds, so a failure in some \
                 callers turns into an outage for all of them.",
            ),
            factor(
                "f-runbook",
                FactorCategory::Process,
                "The rotation runbook keeps its list of services to restart by hand. \
                 charge-api began using mutual TLS to the ledger in January and was not yet \
                 on that list.",
            ),
            factor(
                "f-announce",
                FactorCategory::Communication,
                "The rotation was announced in the security channel only. The payments \
                 on-call had no way to see it from their dashboards, so connecting the \
                 errors with the rotation took 24 minutes.",
            ),
            factor(
                "f-ownership",
                FactorCategory::Organisation,
                "The certificate authority, the connection pool and the ledger client belong \
                 to three teams. No single view showed handshake errors next to pool \
                 saturation.",
            ),
            factor(
                "f-vendor",
                FactorCategory::External,
                "The upstream certificate vendor retired the old intermediate earlier than \
                 announced, which moved the rotation into business hours on a busy day.",
            ),
        ],
    }
}

#[allow(clippy::too_many_arguments)]
fn item(
    id: &str,
    action: &str,
    factor_ids: &[&str],
    owner: &str,
    due: NaiveDate,
    priority: Priority,
    ticket: &str,
    status: ItemStatus,
    measure: &str,
    kind: ItemKind,
    cost_benefit: &str,
) -> RemediationItem {
    RemediationItem {
        id: s(id),
        action: s(action),
        factor_ids: factor_ids.iter().map(|f| s(f)).collect(),
        owner: s(owner),
        due: Some(due),
        priority: Some(priority),
        ticket: s(ticket),
        status,
        measure: s(measure),
        kind: Some(kind),
        agreed: true,
        cost_benefit: s(cost_benefit),
        ..RemediationItem::default()
    }
}

pub(super) fn remedy() -> Remedy {
    let mut backoff = item(
        "r-backoff",
        "Add exponential backoff with jitter to ledger handshake retries in charge-api",
        &["f-retry"],
        "Jonas Weber",
        date(3, 15),
        Priority::P1,
        "PAY-1431",
        ItemStatus::Done,
        "A load test with 25 % of handshakes forced to fail keeps ledger-pool use below 60 %.",
        ItemKind::Mitigate,
        "Two days of work; stops a partial failure from taking down every caller.",
    );
    backoff.completed = Some(date(3, 13));

    let dashboard = RemediationItem {
        id: s("r-dashboard"),
        action: s(
            "Build one dashboard that joins certificate events, handshake errors and pool \
             saturation across the three owning teams",
        ),
        factor_ids: vec![s("f-ownership")],
        owner: s("Mei Tanaka"),
        due: None,
        priority: Some(Priority::P3),
        ticket: s("OBS-508"),
        status: ItemStatus::RiskAccepted,
        status_reason: s(
            "The handshake alert (r-alert) already points responders at this failure. A \
             joined dashboard needs a change to the metrics pipeline estimated at six weeks, \
             which does not fit this quarter. To be revisited at the Q3 planning.",
        ),
        accepted_by: s("Dana Lee, head of platform engineering"),
        measure: String::new(),
        kind: Some(ItemKind::Detect),
        agreed: true,
        cost_benefit: s(
            "Six weeks of platform work against a gain mostly covered by the new alert.",
        ),
        completed: None,
    };

    Remedy {
        unknown: false,
        next_review: None,
        items: vec![
            item(
                "r-reload",
                "Reload the CA trust bundle in charge-api whenever the mounted file changes, without a restart",
                &["f-trust-bundle"],
                "Amara Okafor",
                date(4, 5),
                Priority::P1,
                "PAY-1432",
                ItemStatus::InProgress,
                "In a staging rotation drill every charge-api pod trusts the new chain within 2 minutes and ledger-pool logs no handshake errors.",
                ItemKind::Prevent,
                "About a week; removes the restart step that this incident depended on.",
            ),
            backoff,
            item(
                "r-inventory",
                "Generate the rotation runbook's restart list from the mutual TLS client inventory",
                &["f-runbook"],
                "Tomás Ribeiro",
                date(4, 30),
                Priority::P2,
                "SEC-219",
                ItemStatus::Open,
                "The next rotation's checklist matches the inventory with no hand edits.",
                ItemKind::Process,
                "Small script; keeps the list true as services adopt mutual TLS.",
            ),
            item(
                "r-alert",
                "Alert on TLS handshake failures at ledger-pool, routed to the on-call of the calling service",
                &["f-ownership", "f-announce"],
                "Mei Tanaka",
                date(4, 12),
                Priority::P2,
                "OBS-507",
                ItemStatus::Open,
                "During a game day, a staged handshake failure pages the right on-call within 3 minutes.",
                ItemKind::Detect,
                "A day of alert work; likely to cut about 20 minutes of diagnosis from a similar incident.",
            ),
            item(
                "r-announce",
                "Post every CA rotation in the shared change calendar and the payments on-call channel 48 hours ahead",
                &["f-announce", "f-vendor"],
                "Tomás Ribeiro",
                date(3, 29),
                Priority::P2,
                "SEC-220",
                ItemStatus::Open,
                "The next two rotations appear in the calendar and the channel at least 48 hours before they start.",
                ItemKind::Process,
                "Minutes per rotation.",
            ),
            item(
                "r-walkthrough",
                "Hold a 30-minute walkthrough of how services load trust bundles for payments and database on-call",
                &["f-trust-bundle", "f-ownership"],
                "Tomás Ribeiro",
                date(4, 18),
                Priority::P3,
                "SEC-221",
                ItemStatus::Open,
                "Recording published and at least 80 % of both rotations attended or watched it.",
                ItemKind::Learning,
                "Half an hour for about twenty people.",
            ),
            dashboard,
        ],
    }
}
