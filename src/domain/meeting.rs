//! What the facilitator reads out at the start of a review, as data so the
//! meeting-aids section, facilitator mode and exports say the same thing.

/// The opening context, paragraph by paragraph: (heading, text).
pub const OPENING: &[(&str, &str)] = &[
    (
        "Failure is normal here",
        "The systems we run are complex, and complex systems fail in ways nobody fully predicts. This incident is a chance to see how our work really happens, not proof that someone did it wrong.",
    ),
    (
        "We are here to learn",
        "The goal of this hour is understanding: what people saw, what they knew, and why their choices made sense at the time. Fixes come later, from that understanding.",
    ),
    (
        "Blameless is not the same as unaccountable",
        "Nobody is punished for telling the story as it happened. Being accountable means giving that account fully and honestly, and owning the follow-up work we agree on.",
    ),
    (
        "Watch for these biases, and name them when you hear them",
        "Everyone falls for them, the facilitator included. Saying \"that sounds like hindsight\" out loud is welcome and is not an accusation.",
    ),
];

/// The biases the room is asked to call out: (name, one-line explanation).
pub const BIASES: &[(&str, &str)] = &[
    (
        "Hindsight bias",
        "Knowing the ending makes the path look obvious. At the time it was not.",
    ),
    (
        "Outcome bias",
        "Judging a decision by how things turned out instead of by what was known when it was made.",
    ),
    (
        "Recency bias",
        "Giving the last incident, or the last few minutes of this one, more weight than it deserves.",
    ),
    (
        "Fundamental attribution error",
        "Explaining what someone did by who they are rather than by the situation they were in.",
    ),
];

/// When to hold the review: soon, before memories fade.
pub const TIMING: &str = "Hold the review soon, while memories are fresh: within a day or two for the most severe incidents, within a week for the rest.";

/// Why learning and actions get separate meetings.
pub const SOAK_TIME: &str = "Discuss what you learned first and decide on actions on another day: a night's sleep between the two gives better, less reactive fixes.";
