//! New documents: the three templates and the shipped question checklist.

use chrono::{DateTime, Utc};

use super::choice::choices;
use super::model::*;

/// The questions every post-mortem starts with, per area, in Debrief's words.
pub const QUESTIONS: &[(Area, &[&str])] = &[
    (
        Area::Aftermath,
        &[
            "How much time did the responders need to recover afterwards?",
            "What was done in the hours right after the incident?",
            "Should customers hear from us about this, and who tells them?",
        ],
    ),
    (
        Area::Culture,
        &[
            "Is the on-call arrangement working for the people on it?",
            "Should the rotations change?",
            "How can we talk about failure more openly?",
        ],
    ),
    (
        Area::NextTime,
        &[
            "Are we better prepared for the next outage than we were for this one?",
            "What would make us better prepared?",
            "Will someone who needs this write-up later be able to find it?",
        ],
    ),
    (
        Area::People,
        &[
            "What were the circumstances of the people fighting the fire?",
            "Was anyone woken up by the alert?",
            "How did it affect them, emotionally, physically and mentally?",
            "What would make that easier next time?",
        ],
    ),
    (
        Area::Process,
        &[
            "Did the responders feel supported?",
            "Did they know the escalation policy, and did they have the contacts at hand?",
            "Was the incident within their area of expertise?",
            "Which change of process would help before the next incident?",
        ],
    ),
];

/// The shipped checklist, with stable ids so merges of two drafts match up.
pub fn default_questions() -> Vec<Question> {
    let mut out = Vec::new();
    for (area, prompts) in QUESTIONS {
        for (i, p) in prompts.iter().enumerate() {
            out.push(Question {
                id: format!("q-{}-{}", area_slug(*area), i + 1),
                area: *area,
                prompt: (*p).to_string(),
                ..Question::default()
            });
        }
    }
    out
}

fn area_slug(a: Area) -> &'static str {
    match a {
        Area::Aftermath => "aftermath",
        Area::Culture => "culture",
        Area::NextTime => "next-time",
        Area::People => "people",
        Area::Process => "process",
    }
}

choices!(Template {
    Full => "full", "Full review";
    Quick => "quick", "Quick review";
    NearMiss => "near_miss", "Near miss";
});

impl Template {
    pub fn blurb(self) -> &'static str {
        match self {
            Template::Full => "Every section: the formal reason-for-outage report a SEV1 deserves.",
            Template::Quick => "The weekly short version: four prompts, about five minutes a case.",
            Template::NearMiss => {
                "A problem caught before it hurt: what was seen and what stopped it."
            }
        }
    }

    /// Sections that start open. Any other section can be added later.
    pub fn sections(self) -> Vec<Section> {
        match self {
            Template::Full => Section::ALL.to_vec(),
            Template::Quick => vec![
                Section::Context,
                Section::Reason,
                Section::Timeline,
                Section::Remedy,
            ],
            Template::NearMiss => vec![
                Section::Context,
                Section::Reason,
                Section::Timeline,
                Section::Remedy,
                Section::Lessons,
            ],
        }
    }
}

/// A fresh post-mortem. The caller supplies the id and the clock so this stays
/// pure and testable.
pub fn new_postmortem(
    id: &str,
    now: DateTime<Utc>,
    template: Template,
    time_zone: &str,
) -> PostMortem {
    let mut doc = PostMortem {
        id: id.to_string(),
        created: Some(now),
        updated: Some(now),
        template,
        sections: template.sections(),
        questions: default_questions(),
        ..PostMortem::default()
    };
    doc.context.time_zone = time_zone.to_string();
    if template == Template::NearMiss {
        doc.context.severity = Some(Severity::NearMiss);
    }
    doc
}
