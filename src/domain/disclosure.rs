//! What the editor shows open and what it folds to a line: the order of the
//! work, the sections each template is built around, and whether the author
//! has written anything in a section yet. Pure, so the rule is tested here
//! and the editor only asks.

use super::model::*;

/// The order a post-mortem is written in: the facts, what happened when,
/// why, what changes, then the reflection and the meeting.
pub const WRITING_ORDER: [Section; 11] = [
    Section::Context,
    Section::Timeline,
    Section::Accounts,
    Section::Regret,
    Section::Reason,
    Section::Remedy,
    Section::Lessons,
    Section::Questions,
    Section::Meeting,
    Section::Evidence,
    Section::Basics,
];

/// The sections a template is built around: always open. Every other shown
/// section folds to a line until something is written in it.
pub fn core_sections(template: Template) -> &'static [Section] {
    match template {
        Template::Full => &[
            Section::Context,
            Section::Timeline,
            Section::Reason,
            Section::Remedy,
        ],
        Template::Quick => &[
            Section::Context,
            Section::Timeline,
            Section::Reason,
            Section::Remedy,
        ],
        Template::NearMiss => &[
            Section::Context,
            Section::Timeline,
            Section::Reason,
            Section::Lessons,
        ],
    }
}

fn any_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    texts.into_iter().any(|t| !t.trim().is_empty())
}

/// Whether the author has put anything into a section. The shipped
/// checklist questions are not the author's until one is answered, settled
/// or changed; a ticked basic is.
pub fn has_content(doc: &PostMortem, section: Section) -> bool {
    match section {
        Section::Context => true,
        Section::Timeline => !doc.timeline.is_empty(),
        Section::Accounts => !doc.accounts.is_empty(),
        Section::Regret => {
            let r = &doc.regret;
            any_text([
                r.acknowledgement.as_str(),
                &r.empathy_customers,
                &r.empathy_responders,
                &r.internal_summary,
                &r.customer_what_happened,
                &r.customer_what_we_do,
            ])
        }
        Section::Reason => {
            any_text([doc.reason.narrative.as_str(), &doc.reason.resolution])
                || !doc.reason.factors.is_empty()
        }
        Section::Remedy => !doc.remedy.items.is_empty() || doc.remedy.unknown,
        Section::Lessons => LessonKind::ALL
            .iter()
            .any(|k| !k.list(&doc.lessons).is_empty()),
        Section::Questions => doc
            .questions
            .iter()
            .any(|q| q.custom || q.state != QuestionState::Open || !q.answer.trim().is_empty()),
        Section::Meeting => {
            let m = &doc.meeting;
            any_text([m.check_in.as_str(), &m.check_out, &m.location])
                || !m.dissent.is_empty()
                || m.learning_date.is_some()
                || m.actions_date.is_some()
        }
        Section::Evidence => {
            let e = &doc.evidence;
            !e.notes.trim().is_empty() || !e.conversations.is_empty() || !e.materials.is_empty()
        }
        Section::Basics => !doc.basics_ticked.is_empty(),
    }
}

/// Whether a shown section starts folded: not what the template is built
/// around, and nothing written in it yet.
pub fn starts_folded(doc: &PostMortem, section: Section) -> bool {
    !core_sections(doc.template).contains(&section) && !has_content(doc, section)
}

/// The shown sections in writing order, whatever order the file lists them in.
pub fn shown_in_order(doc: &PostMortem) -> Vec<Section> {
    WRITING_ORDER
        .iter()
        .copied()
        .filter(|s| doc.sections.contains(s))
        .collect()
}
