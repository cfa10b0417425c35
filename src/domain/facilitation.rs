//! The walk facilitator mode takes through a review meeting: which steps,
//! in which order. Pure, so what a quick review walks (and what it leaves
//! out) is tested here and the mode only follows the list.

use super::model::*;
use super::sort;

/// One screen of the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The rules of the room, read out before anything else.
    Opening,
    /// What happened and to whom, in a sentence or two.
    Context,
    Timeline,
    /// Each person's account, in their words, before anyone explains.
    Accounts,
    Factors,
    Lessons,
    /// One checklist question, by id.
    Question(String),
    Actions,
    /// Views the room did not agree on, recorded as such.
    Dissent,
    /// Check-out.
    Done,
}

/// The steps for this document, in meeting order: the facts first, then
/// why, what was learned, the questions, what changes, and what the room
/// disagrees on. A step appears only when its section is shown, so a quick
/// review never walks the checklist its template hides. Questions go by
/// area, as the checklist lists them; the order is read once when the mode
/// opens, so answering never reshuffles the walk.
pub fn steps(doc: &PostMortem) -> Vec<Step> {
    let shown = |s: Section| doc.sections.contains(&s);
    let mut out = vec![Step::Opening, Step::Context];
    if shown(Section::Timeline) {
        out.push(Step::Timeline);
    }
    if shown(Section::Accounts) {
        out.push(Step::Accounts);
    }
    if shown(Section::Reason) {
        out.push(Step::Factors);
    }
    if shown(Section::Lessons) {
        out.push(Step::Lessons);
    }
    if shown(Section::Questions) {
        let mut ids: Vec<(Area, usize, &str)> = doc
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.area, i, q.id.as_str()))
            .collect();
        sort::sort(&mut ids);
        out.extend(ids.into_iter().map(|(_, _, id)| Step::Question(id.into())));
    }
    if shown(Section::Remedy) {
        out.push(Step::Actions);
    }
    if shown(Section::Meeting) {
        out.push(Step::Dissent);
    }
    out.push(Step::Done);
    out
}

/// A dissenting view typed by the scribe as "Name: what they think" keeps
/// the name apart; anything else is the view alone. Only a short first part
/// counts as a name, so a sentence with a colon in it stays whole.
pub fn split_dissent(text: &str) -> (String, String) {
    let text = text.trim();
    if let Some((who, view)) = text.split_once(':') {
        let who = who.trim();
        let view = view.trim();
        if !who.is_empty() && !view.is_empty() && who.split_whitespace().count() <= 3 {
            return (who.to_string(), view.to_string());
        }
    }
    (String::new(), text.to_string())
}
