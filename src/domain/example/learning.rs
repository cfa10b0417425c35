//! What the example's team took away: lessons, the question checklist, the
//! meeting notes and the evidence.

use crate::domain::model::*;
use crate::domain::template::default_questions;

use super::{date, entry, link, s, utc};

pub(super) fn lessons() -> Lessons {
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

pub(super) fn questions() -> Vec<Question> {
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

pub(super) fn meeting() -> Meeting {
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

pub(super) fn evidence() -> Evidence {
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
