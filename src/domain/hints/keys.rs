//! The key of every free-text field the aid reads: what a dismissal names.

use crate::domain::edit::Field;
use crate::domain::model::{LessonKind, PostMortem};

/// Key of a contributing factor's description.
pub fn factor_key(id: &str) -> String {
    format!("reason.factors.{id}.description")
}

/// Key of a lesson entry.
pub fn lesson_key(kind: LessonKind, id: &str) -> String {
    let k = match kind {
        LessonKind::Helped => "helped",
        LessonKind::Slowed => "slowed",
        LessonKind::Differently => "differently",
        LessonKind::Learned => "learned",
        LessonKind::Lucky => "lucky",
        LessonKind::Expertise => "expertise",
        LessonKind::Signals => "signals",
    };
    format!("lessons.{k}.{id}")
}

/// Key of a timeline event's description.
pub fn event_key(id: &str) -> String {
    format!("timeline.{id}.description")
}

/// Key of a question's answer.
pub fn answer_key(id: &str) -> String {
    format!("questions.{id}.answer")
}

/// Key of a dissenting view.
pub fn dissent_key(id: &str) -> String {
    format!("meeting.dissent.{id}.view")
}

/// Key of a remediation item's action.
pub fn item_action_key(id: &str) -> String {
    format!("remedy.items.{id}.action")
}

/// Every free-text field the aid reads, with its key: the single fields of
/// `Field::ALL` and the text of list entries (keyed by id, so a dismissal
/// survives re-ordering). Pasted chat excerpts are left out: they record what
/// was said, like quoted text.
pub fn text_fields(doc: &PostMortem) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Field::ALL
        .iter()
        .map(|f| (f.key().to_string(), f.get(doc)))
        .collect();
    for f in &doc.reason.factors {
        out.push((factor_key(&f.id), &f.description));
    }
    for kind in LessonKind::ALL {
        for e in kind.list(&doc.lessons) {
            out.push((lesson_key(kind, &e.id), &e.text));
        }
    }
    for ev in &doc.timeline {
        out.push((event_key(&ev.id), &ev.description));
    }
    for q in &doc.questions {
        out.push((answer_key(&q.id), &q.answer));
    }
    for d in &doc.meeting.dissent {
        out.push((dissent_key(&d.id), &d.view));
    }
    for item in &doc.remedy.items {
        out.push((item_action_key(&item.id), &item.action));
    }
    out
}
