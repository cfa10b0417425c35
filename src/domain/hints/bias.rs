//! Reminders of the bias most likely to creep into a section.

use crate::domain::model::Section;

/// Shown beside the contributing factors, which live inside the Reason
/// section below the narrative (so `bias_reminder(Section::Reason)` covers the
/// narrative and this covers the factors).
pub const FACTORS_REMINDER: (&str, &str) = (
    "Fundamental attribution error",
    "When someone else's action goes wrong we tend to explain it by who they are, and when ours \
goes wrong we point to the situation. Give everyone the situational explanation you would \
want for yourself: a contributing factor is a condition, never a person.",
);

/// A short reminder of the bias most likely to creep into a section, as
/// (title, text), or `None` where no single bias stands out.
pub fn bias_reminder(section: Section) -> Option<(&'static str, &'static str)> {
    match section {
        Section::Reason => Some((
            "Hindsight and outcome bias",
            "You know how this ended; the responders did not. Knowing the outcome makes \
the warning signs look louder than they were and makes a bad result feel like proof of a bad \
decision. Describe what people saw and knew at each moment, not the conclusion that \
only seems inevitable now.",
        )),
        Section::Remedy => Some((
            "Over-reaction",
            "After a painful incident every safeguard looks worth it. Weigh what each item \
costs (in effort, in slower work for everyone, in added complexity) against how much it \
lowers the chance or the harm of a repeat; a fix for a one-off can cost more than the \
incident did.",
        )),
        Section::Meeting => Some((
            "Recency bias",
            "The last thing that happened, or the last incident the team lived through, \
weighs more than it should. Walk through the whole timeline before discussing causes, and \
ask whether this pattern has shown up before.",
        )),
        _ => None,
    }
}
