//! The example's learning review: three people's accounts, two decision
//! points (one told differently by two people), and the evidence each claim
//! rests on.

use super::{date, s};
use crate::domain::model::*;

fn cite(kind: CiteKind, id: &str) -> Cite {
    Cite { kind, id: s(id) }
}

pub(super) fn accounts() -> Vec<Account> {
    vec![
        Account {
            id: s("a-amara"),
            who: s("Amara Okafor"),
            given: Some(date(3, 13)),
            text: s(
                "The page came in while I was reviewing a pull request. The error graph looked \
                 like the pool incidents we had in the autumn, so I went to the pool dashboard \
                 first. Restarting two pods fixed both of them for about three minutes, which \
                 made me think the pods were fine and something behind them was not.",
            ),
            saw: s("Declined checkouts, 503s from charge-api, and ledger-pool full with a growing queue."),
            knew: s(
                "That the pool had been the bottleneck twice last autumn. I did not know a \
                 certificate rotation was running; I do not read #security-changes during the day.",
            ),
            tried: s("Restarting two pods, then paging the database on-call."),
            surprised: s("That the restart helped at all. It pointed me away from the pods."),
            hard: s("Nothing on the payments dashboards mentions changes made by other teams."),
        },
        Account {
            id: s("a-jonas"),
            who: s("Jonas Weber"),
            given: Some(date(3, 13)),
            text: s(
                "When I joined, the pool was at its limit and clients were queueing. Raising \
                 the limit is the step we can take back in seconds, and in the autumn it was \
                 enough. It filled again within four minutes, and that is when I said in the \
                 channel that this was not load.",
            ),
            knew: s("The pool graphs and the autumn incidents. Not the rotation."),
            tried: s("Raising the pool limit from 400 to 600."),
            surprised: s("How fast the new slots filled: real traffic had not grown at all."),
            ..Account::default()
        },
        Account {
            id: s("a-tomas"),
            who: s("Tomás Ribeiro"),
            given: Some(date(3, 14)),
            text: s(
                "I joined the bridge because Mei linked the rotation. The handshake errors in \
                 the ledger-pool logs were the ones we see when a client does not trust the \
                 issuer, so I checked the bundle mounted in a running pod: it had the old \
                 intermediate only. A restart reads the new bundle, so we agreed on a rolling \
                 restart rather than rolling the rotation back. The rotation ran at midday \
                 because the vendor had retired the old intermediate two weeks early.",
            ),
            hard: s(
                "The rotation runbook lists services to restart by hand; charge-api was not on \
                 it, and nothing in the pipeline flags a service that is missing.",
            ),
            ..Account::default()
        },
    ]
}

/// Decision points of the example's timeline, by event id.
pub(super) fn decision(event: &str) -> Option<Decision> {
    match event {
        "e-12" => Some(Decision {
            tellings: vec![
                Telling {
                    id: s("t-pool-jonas"),
                    account: s("a-jonas"),
                    known: s(
                        "The pool was full with clients queueing; the rotation was not known.",
                    ),
                    options: s("Raise the pool limit, restart more pods, or fail over the ledger."),
                    chosen: s("Raise the limit from 400 to 600."),
                    why: s(
                        "It can be taken back in seconds, and it had been enough in the autumn.",
                    ),
                },
                Telling {
                    id: s("t-pool-amara"),
                    account: s("a-amara"),
                    known: s(
                        "Restarts had helped for three minutes, so something was making \
                         connections go bad, not only the number of them.",
                    ),
                    options: s("Raise the limit, or keep restarting pods one by one."),
                    chosen: s("Raise the limit while looking for what else had changed."),
                    why: s("It bought time without closing any other line of enquiry."),
                },
            ],
            cites: vec![
                cite(CiteKind::Event, "e-07"),
                cite(CiteKind::Conversation, "c-channel"),
            ],
        }),
        "e-16" => Some(Decision {
            tellings: vec![Telling {
                id: s("t-restart-tomas"),
                account: s("a-tomas"),
                known: s("Running pods held the old trust bundle; a restart loads the new one."),
                options: s("A rolling restart of charge-api, or rolling the rotation back."),
                chosen: s("A rolling restart of all 40 pods."),
                why: s("A rollback breaks every service already on the new \
                     intermediate; a restart touched one service."),
            }],
            cites: vec![
                cite(CiteKind::Event, "e-15"),
                cite(CiteKind::Conversation, "c-bridge"),
            ],
        }),
        _ => None,
    }
}

/// What each factor and lesson of the example rests on, by their ids.
pub(super) fn cites_of(id: &str) -> Vec<Cite> {
    use CiteKind::*;
    match id {
        "f-trust-bundle" => vec![cite(Event, "e-15"), cite(Account, "a-tomas")],
        "f-retry" => vec![
            cite(Event, "e-07"),
            cite(Material, "m-pool-graph"),
            cite(Material, "m-handshake-logs"),
        ],
        "f-runbook" => vec![cite(Account, "a-tomas"), cite(Material, "m-ca-pipeline")],
        "f-announce" => vec![
            cite(Event, "e-03"),
            cite(Event, "e-11"),
            cite(Account, "a-amara"),
        ],
        "f-ownership" => vec![cite(Account, "a-amara"), cite(Account, "a-jonas")],
        "f-vendor" => vec![cite(Account, "a-tomas"), cite(Event, "e-01")],
        "ls-1" => vec![cite(Account, "a-jonas"), cite(Event, "e-12")],
        "ls-2" => vec![cite(Account, "a-amara"), cite(Event, "e-10")],
        _ => Vec::new(),
    }
}
