use leptos::prelude::*;

/// Biases that distort a review, each with the one line that explains it.
const BIASES: [(&str, &str); 4] = [
    (
        "Hindsight bias",
        "Knowing the ending makes the road to it look obvious. It was not obvious to the people on it.",
    ),
    (
        "Outcome bias",
        "Judging a decision by how things turned out instead of by what was known when it was made.",
    ),
    (
        "Recency bias",
        "Giving the latest events, or the incident we remember best, more weight than they deserve.",
    ),
    (
        "Fundamental attribution error",
        "Putting what happened down to someone's character or skill rather than to the situation they were in.",
    ),
];

/// The words the facilitator reads out to open the review. Fixed text, not
/// part of the document: every review starts from the same footing. Folded
/// to its title: it is read once, in the room (facilitator mode opens on
/// it), not while the write-up is being written.
#[component]
pub fn Opening() -> impl IntoView {
    view! {
        <details class="card opening">
            <summary>
                <span class="card-kicker">"Read aloud at the start"</span>
                <h3 id="opening-h">"Opening words"</h3>
            </summary>
            <p>
                "Complex systems fail in small ways all the time, and usually people's care and skill absorb it. Today we look at a time when that was not enough."
            </p>
            <p>
                "We are here to learn how our systems and our work really behave, not to find someone to blame. Everyone involved acted on what they knew and what made sense to them in that moment."
            </p>
            <p>
                "Blameless does not mean that nobody is accountable. Here, being accountable means telling the whole story of what you saw and did, so that together we can change what made it hard."
            </p>
            <p>"A few habits of thought catch every review. Watch for them:"</p>
            <dl class="biases">
                {BIASES
                    .iter()
                    .map(|(name, line)| {
                        view! {
                            <div>
                                <dt>{*name}</dt>
                                <dd>{*line}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <p class="invite">
                "When you hear one, from anyone, the facilitator included, say so. Naming it helps the review; nobody needs to apologise for it."
            </p>
        </details>
    }
}
