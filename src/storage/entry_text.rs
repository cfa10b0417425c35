//! The text of a stored entry, written again on every autosave. On a long
//! timeline nearly all of that text is the events, and nearly all of them
//! are as they were at the last save: writing 5,000 events out again took
//! half of each save. Each event's JSON is kept beside the event it was
//! written from and used again while the event at that place is unchanged,
//! so a save while typing writes out one event and the rest of the document.

use crate::domain::{PostMortem, TimelineEvent};

/// The events' place in the text of the rest of the document: the only key
/// of that name, written as an empty list. No string value can contain it,
/// since every quotation mark inside a JSON string is escaped.
const SLOT: &str = "\"timeline\":[]";

/// The JSON of each event of the document saved last, with the event it was
/// written from, in the order they were saved.
#[derive(Default)]
pub struct EventTexts {
    /// The document the texts belong to.
    doc: String,
    kept: Vec<(TimelineEvent, String)>,
    /// How long the events' text was last time, to size the next one.
    len: usize,
}

impl EventTexts {
    /// The text `wrap` gives for `doc`, the same as `wrap(doc)` would give,
    /// with the events' JSON used again where the event is unchanged. `wrap`
    /// writes whatever surrounds the document (the storage envelope); it is
    /// given the document without its events.
    pub fn text(
        &mut self,
        doc: &PostMortem,
        wrap: impl Fn(&PostMortem) -> serde_json::Result<String>,
    ) -> serde_json::Result<String> {
        let rest = wrap(&without_timeline(doc))?;
        let Some(at) = rest.find(SLOT) else {
            // The document's shape no longer lists its events that way:
            // write everything, as if nothing had been kept.
            return wrap(doc);
        };
        let mut out = String::with_capacity(rest.len() + self.len + 16);
        out.push_str(&rest[..at]);
        out.push_str("\"timeline\":[");
        let start = out.len();
        self.events(doc, &mut out)?;
        self.len = out.len() - start;
        out.push(']');
        out.push_str(&rest[at + SLOT.len()..]);
        Ok(out)
    }

    /// Appends the events of `doc` to `out` as a JSON list's contents,
    /// written anew only where an event differs from the one its kept text
    /// was written from.
    fn events(&mut self, doc: &PostMortem, out: &mut String) -> serde_json::Result<()> {
        if self.doc != doc.id {
            self.doc = doc.id.clone();
            self.kept.clear();
        }
        // Typing changes one event and leaves every other where it was, so
        // each event's text is looked for at its own place only. After an
        // insert or a delete the events that moved are written anew once:
        // that save costs what every save cost before texts were kept.
        let was = std::mem::take(&mut self.kept);
        let mut was = was.into_iter();
        self.kept.reserve(doc.timeline.len());
        for (i, event) in doc.timeline.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let entry = match was.next() {
                Some((e, text)) if e == *event => (e, text),
                _ => (event.clone(), serde_json::to_string(event)?),
            };
            out.push_str(&entry.1);
            self.kept.push(entry);
        }
        Ok(())
    }
}

/// `d` with no events: every other field copied. Written out field by field,
/// so a field added to the document that is left out here does not compile.
fn without_timeline(d: &PostMortem) -> PostMortem {
    PostMortem {
        schema: d.schema.clone(),
        version: d.version,
        id: d.id.clone(),
        created: d.created,
        updated: d.updated,
        exported: d.exported,
        template: d.template,
        sections: d.sections.clone(),
        context: d.context.clone(),
        regret: d.regret.clone(),
        reason: d.reason.clone(),
        timeline: Vec::new(),
        accounts: d.accounts.clone(),
        remedy: d.remedy.clone(),
        lessons: d.lessons.clone(),
        questions: d.questions.clone(),
        meeting: d.meeting.clone(),
        evidence: d.evidence.clone(),
        basics_ticked: d.basics_ticked.clone(),
        dismissed_hints: d.dismissed_hints.clone(),
    }
}
