//! A complete, fictional post-mortem that shows what a finished write-up looks
//! like: every section filled, every basic satisfied. The editor offers it as
//! "open the example", the exports are tested against it, and it doubles as a
//! model of blameless wording (it describes, it does not blame).
//!
//! The company, people and systems are invented. Ids and timestamps are fixed
//! so the example is byte-for-byte the same on every build.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::model::*;
use super::template::default_questions;

/// The example's document id.
pub const EXAMPLE_ID: &str = "example";

/// Whether this is the built-in example: it shows how a finished review
/// reads, and its actions are nobody's work, so follow-ups leave it out.
pub fn is_example(doc: &PostMortem) -> bool {
    doc.id == EXAMPLE_ID
}

fn utc(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, day, h, m, 0)
        .single()
        .expect("fixed example times are valid")
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, day).expect("fixed example dates are valid")
}

fn s(text: &str) -> String {
    text.to_string()
}

fn entry(id: &str, text: &str) -> Entry {
    Entry {
        id: s(id),
        text: s(text),
    }
}

fn link(id: &str, kind: LinkKind, label: &str, url: &str) -> Link {
    Link {
        id: s(id),
        kind,
        label: s(label),
        url: s(url),
    }
}

fn person(id: &str, name: &str, review_role: ReviewRole, response_role: &str) -> Person {
    Person {
        id: s(id),
        name: s(name),
        review_role,
        response_role: s(response_role),
    }
}

fn factor(id: &str, category: FactorCategory, description: &str) -> Factor {
    Factor {
        id: s(id),
        description: s(description),
        category: Some(category),
    }
}

/// A timeline event on the incident day (12 March 2024, UTC).
fn event(
    id: &str,
    at: Option<(u32, u32)>,
    precision: Precision,
    kind: EventKind,
    description: &str,
    source: &str,
) -> TimelineEvent {
    TimelineEvent {
        id: s(id),
        time: at.map(|(h, m)| utc(12, h, m)),
        precision,
        kind,
        description: s(description),
        source: s(source),
    }
}

fn context() -> Context {
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

fn regret() -> Regret {
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

fn reason() -> Reason {
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

fn timeline() -> Vec<TimelineEvent> {
    use EventKind::*;
    use Precision::*;
    vec![
        event(
            "e-01",
            Some((13, 40)),
            Exact,
            Action,
            "Scheduled CA rotation pipeline starts issuing certificates from the new intermediate.",
            "https://ci.fernhill.example/security/internal-ca/-/pipelines/88412",
        ),
        event(
            "e-02",
            Some((13, 52)),
            Approximate,
            Note,
            "First TLS handshake warnings appear in ledger-pool logs (found afterwards while reading the logs).",
            "https://logs.fernhill.example/search?q=service%3Aledger-pool%20tls",
        ),
        event(
            "e-03",
            Some((13, 55)),
            Exact,
            Communication,
            "Security posts \"CA rotation complete\" in #security-changes.",
            "",
        ),
        event(
            "e-04",
            Some((13, 58)),
            Exact,
            ImpactStart,
            "charge-api error rate passes 5 %; checkouts start to be declined with 503.",
            "https://grafana.fernhill.example/d/charge-api",
        ),
        event(
            "e-05",
            Some((14, 3)),
            Exact,
            Detected,
            "Alert \"charge-api 5xx above 2 % for 5 minutes\" pages the payments on-call.",
            "",
        ),
        event(
            "e-06",
            Some((14, 5)),
            Exact,
            Acknowledged,
            "Amara acknowledges the page and opens #inc-2024-03-12-payments.",
            "https://chat.fernhill.example/channels/inc-2024-03-12-payments",
        ),
        event(
            "e-07",
            Some((14, 9)),
            Exact,
            Note,
            "Dashboards show ledger-pool at 400 of 400 connections with a growing queue of waiting clients.",
            "https://grafana.fernhill.example/d/ledger-pool",
        ),
        event(
            "e-08",
            Some((14, 11)),
            Exact,
            Communication,
            "Status page updated: \"We are investigating elevated payment errors.\"",
            "https://status.fernhill.example/incidents/7731",
        ),
        event(
            "e-09",
            Some((14, 14)),
            Exact,
            Escalated,
            "Amara pages the database on-call (Jonas) and Mei takes the incident commander role.",
            "",
        ),
        event(
            "e-10",
            Some((14, 18)),
            Exact,
            Action,
            "Two charge-api pods restarted; their errors stop for about three minutes, then return.",
            "",
        ),
        event(
            "e-11",
            Some((14, 22)),
            Approximate,
            Note,
            "Mei links the rotation message from #security-changes into the incident channel.",
            "",
        ),
        event(
            "e-12",
            Some((14, 26)),
            Exact,
            Action,
            "Jonas raises the pool limit from 400 to 600; it is full again by 14:30.",
            "",
        ),
        event(
            "e-13",
            Some((14, 31)),
            Exact,
            Escalated,
            "Security on-call (Tomás) joins the bridge.",
            "https://meet.fernhill.example/recordings/2024-03-12-bridge",
        ),
        event(
            "e-14",
            Some((14, 34)),
            Exact,
            Communication,
            "Merchant support briefs the 20 largest merchants by phone.",
            "",
        ),
        event(
            "e-15",
            Some((14, 37)),
            Exact,
            Note,
            "Tomás confirms the new intermediate is missing from the trust bundle loaded by running charge-api pods.",
            "",
        ),
        event(
            "e-16",
            Some((14, 38)),
            Exact,
            Action,
            "Rolling restart of all 40 charge-api pods begins.",
            "",
        ),
        event(
            "e-17",
            Some((14, 45)),
            Exact,
            Mitigated,
            "Error rate back at baseline; pool use below 40 %.",
            "https://grafana.fernhill.example/d/charge-api",
        ),
        event(
            "e-18",
            Some((14, 50)),
            Approximate,
            Note,
            "A burst of merchant retries raises traffic by about a third for a few minutes; the pool absorbs it.",
            "",
        ),
        event(
            "e-19",
            Some((14, 59)),
            Exact,
            Resolved,
            "Mei declares the incident resolved after fifteen quiet minutes.",
            "",
        ),
        event(
            "e-20",
            Some((15, 20)),
            Exact,
            Communication,
            "Status page marked resolved; internal summary posted to #engineering.",
            "https://status.fernhill.example/incidents/7731",
        ),
        event(
            "e-21",
            None,
            Unknown,
            Note,
            "Some time in the afternoon a merchant reported possible double charges; checked later, none were captured.",
            "",
        ),
    ]
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

fn remedy() -> Remedy {
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

fn lessons() -> Lessons {
    Lessons {
        helped: vec![
            entry(
                "lh-1",
                "The 5xx alert paged within five minutes of the first errors.",
            ),
            entry(
                "lh-2",
                "A shared #security-changes channel made the rotation findable once someone looked there.",
            ),
            entry(
                "lh-3",
                "Merchant support called the largest merchants before they called us.",
            ),
        ],
        slowed: vec![
            entry(
                "ls-1",
                "Pool exhaustion looked like a database capacity problem, which pointed the first 20 minutes at the pool size.",
            ),
            entry(
                "ls-2",
                "Restarting two pods helped briefly, which made the restart look like a dead end.",
            ),
        ],
        differently: vec![
            entry(
                "ld-1",
                "Ask \"what changed in the last hour, anywhere?\" in the first five minutes, and keep a link to the change calendar in the incident template.",
            ),
            entry(
                "ld-2",
                "Page security on-call as soon as TLS errors show up in logs, even when the symptom is elsewhere.",
            ),
        ],
        learned: vec![
            entry(
                "ll-1",
                "charge-api trusts only the certificates it saw at start-up.",
            ),
            entry(
                "ll-2",
                "A slow, failing handshake occupies a pool slot the same way a busy query does; pool size is no defence against it.",
            ),
        ],
        lucky: vec![entry(
            "lk-1",
            "The rotation finished at 13:55, not at the evening peak two hours later.",
        )],
        expertise: vec![
            entry(
                "le-1",
                "Jonas reads ledger-pool's \"waiting clients\" graph rather than \"active connections\": the latter flatlines at the limit and hides growth.",
            ),
            entry(
                "le-2",
                "Tomás checks the certificate serial in the pod's mounted bundle with openssl instead of trusting the secret's age.",
            ),
        ],
        signals: vec![entry(
            "lg-1",
            "During the January rotation in staging, one charge-api pod logged handshake warnings for ten minutes; it was recycled by a deploy before anyone looked.",
        )],
    }
}

/// Answers for the shipped questions, by id. Any question without an answer
/// here is marked not applicable, with a reason.
fn answer(id: &str) -> Option<&'static str> {
    Some(match id {
        "q-aftermath-1" => {
            "Amara took the next morning off; the others returned to normal work the same afternoon."
        }
        "q-aftermath-2" => {
            "Status page closed, merchants briefed, the backoff change reviewed and shipped the next morning."
        }
        "q-aftermath-3" => {
            "Yes. Merchant support sent the customer message on 13 March, and account managers called the 14 merchants due service credits."
        }
        "q-culture-1" => {
            "Mostly. Payments on-call is a rotation of six, which leaves little slack when someone is ill."
        }
        "q-culture-2" => {
            "The payments team will grow its rotation to eight people in April."
        }
        "q-culture-3" => {
            "Share this write-up at the engineering all-hands and invite questions from other teams."
        }
        "q-next-time-1" => {
            "Yes for this failure: the backoff is live and the handshake alert is on its way."
        }
        "q-next-time-2" => {
            "A joined view of changes across teams, and a habit of asking what changed anywhere."
        }
        "q-next-time-3" => {
            "It is published in the post-mortem archive, tagged tls and certificates, and linked from INC-2024-031."
        }
        "q-people-1" => {
            "Afternoon, at their desks, with a busy chat channel and many people watching."
        }
        "q-people-2" => return None,
        "q-people-3" => {
            "Amara described the restarts that worked and then stopped working as disorienting, and the time after the incident as draining."
        }
        "q-people-4" => {
            "A second on-call to share the first half hour, and a clear point at which to page other teams."
        }
        "q-process-1" => {
            "Yes, once the incident commander took over coordination at 14:14."
        }
        "q-process-2" => {
            "The policy was known. The security on-call number was not in the payments runbook and had to be looked up."
        }
        "q-process-3" => {
            "Partly: the pool was in Jonas's area, certificates in nobody's on the first call."
        }
        "q-process-4" => {
            "Announcing rotations to the teams whose services trust the certificate authority (r-announce)."
        }
        _ => return None,
    })
}

fn questions() -> Vec<Question> {
    let mut qs: Vec<Question> = default_questions()
        .into_iter()
        .map(|mut q| {
            match answer(&q.id) {
                Some(a) => {
                    q.answer = s(a);
                    q.state = QuestionState::Answered;
                }
                None => {
                    q.answer = s("Not applicable: the incident happened during working hours.");
                    q.state = QuestionState::NotApplicable;
                }
            }
            q
        })
        .collect();
    qs.push(Question {
        id: s("q-custom-rotation"),
        area: Area::Process,
        prompt: s(
            "How does news of a certificate rotation reach the teams whose services depend on it?",
        ),
        answer: s(
            "Today, only through the security channel. From now on through the shared change \
             calendar and each affected on-call channel, 48 hours ahead.",
        ),
        state: QuestionState::Answered,
        custom: true,
    });
    qs
}

fn meeting() -> Meeting {
    Meeting {
        check_in: s(
            "Each person said in one sentence how they felt about the incident today. Amara \
             said she was still a little tired; Tomás said he was glad to talk it through.",
        ),
        check_out: s(
            "Everyone named one thing they would take away. Several mentioned asking \"what \
             changed anywhere?\" early; Jonas mentioned the waiting-clients graph.",
        ),
        dissent: vec![
            Dissent {
                id: s("d-1"),
                who: s("Jonas Weber"),
                view: s(
                    "Reloading trust bundles at run time adds a moving part; a scheduled \
                     restart after each rotation would be simpler. Kept open until the \
                     drill for r-reload shows how much complexity it adds.",
                ),
            },
            Dissent {
                id: s("d-2"),
                who: s("Amara Okafor"),
                view: s(
                    "The severity belongs at SEV1, not SEV2: for many merchants checkout was \
                     fully down. The group kept SEV2 because the overall decline rate stayed \
                     below half, and recorded this view.",
                ),
            },
        ],
        learning_date: Some(date(3, 14)),
        actions_date: Some(date(3, 18)),
        location: s(
            "Room Spree, 3rd floor, and the video link in #inc-2024-03-12-payments; \
             14 March 10:00 CET for learning, 18 March 10:00 CET for actions. Anyone \
             interested is welcome.",
        ),
    }
}

fn evidence() -> Evidence {
    Evidence {
        conversations: vec![
            Conversation {
                id: s("c-channel"),
                when: Some(utc(12, 14, 5)),
                participants: s("Amara Okafor, Mei Tanaka, Jonas Weber, Tomás Ribeiro"),
                link: s("https://chat.fernhill.example/channels/inc-2024-03-12-payments"),
                excerpt: s(
                    "14:18 Amara: restarted charge-api-7f9 and -b21, errors gone on both\n\
                     14:21 Amara: both failing again. pool still pinned at 400\n\
                     14:22 Mei: security posted a CA rotation at 13:55, linking it here\n\
                     14:26 Jonas: raising pool max to 600 to buy room\n\
                     14:30 Jonas: full again, this is not load\n\
                     14:37 Tomás: running pods have the old bundle, new intermediate missing. \
                     a restart picks it up",
                ),
            },
            Conversation {
                id: s("c-bridge"),
                when: Some(utc(12, 14, 31)),
                participants: s("Mei Tanaka, Tomás Ribeiro, Jonas Weber, Lukas Meyer (merchant support)"),
                link: s("https://meet.fernhill.example/recordings/2024-03-12-bridge"),
                excerpt: s(
                    "Bridge call, 14:31–15:02 UTC. Agreed the rolling restart at 14:37, \
                     merchant call list at 14:34, and the wording of the status page update.",
                ),
            },
        ],
        notes: s(
            "Open threads after the learning meeting:\n\
             - Does the ledger client share its retry code with other services? If so, the \
             backoff change may be needed there too.\n\
             - The January staging warning (lessons, signals) suggests looking for similar \
             short-lived warnings in other rotations.\n\
             - Merchant support would like a template for the first call to large merchants.",
        ),
        materials: vec![
            link(
                "m-pool-graph",
                LinkKind::Dashboard,
                "ledger-pool waiting clients, 13:30–15:30 UTC",
                "https://grafana.fernhill.example/d/ledger-pool?from=1710250200000&to=1710257400000",
            ),
            link(
                "m-handshake-logs",
                LinkKind::Logs,
                "Handshake failures by pod",
                "https://logs.fernhill.example/search?q=service%3Aledger-pool%20handshake",
            ),
            link(
                "m-ca-pipeline",
                LinkKind::CiRun,
                "Rotation pipeline log",
                "https://ci.fernhill.example/security/internal-ca/-/pipelines/88412",
            ),
        ],
    }
}

/// The complete example post-mortem. Deterministic: the same value every call.
pub fn example() -> PostMortem {
    PostMortem {
        id: s(EXAMPLE_ID),
        created: Some(utc(13, 8, 30)),
        updated: Some(utc(20, 16, 10)),
        exported: None,
        template: Template::Full,
        sections: Section::ALL.to_vec(),
        context: context(),
        regret: regret(),
        reason: reason(),
        timeline: timeline(),
        remedy: remedy(),
        lessons: lessons(),
        questions: questions(),
        meeting: meeting(),
        evidence: evidence(),
        basics_ticked: Vec::new(),
        dismissed_hints: Vec::new(),
        ..PostMortem::default()
    }
}
