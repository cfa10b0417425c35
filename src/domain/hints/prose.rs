//! Explanations and reframes that several rules share, so that related rules
//! give the same advice in the same words.

pub(super) const WHY_SHOULD: &str =
    "It holds the responders up against a course of events that never \
happened. Measured against that imagined ideal they look as if they chose badly, and \
the reasons their choice made sense at the time drop out of the story.";
pub(super) const REFRAME_SHOULD: &str =
    "Describe what was done and what the person could see, knew and \
was juggling at that moment: \u{201c}The runbook pointed to the replica, so she restarted the \
replica.\u{201d}";

pub(super) const WHY_JUDGE: &str =
    "Words about a person's care or character judge the individual and \
explain nothing about the system. Worse, they teach every reader that telling the full story \
here is risky.";
pub(super) const REFRAME_JUDGE: &str =
    "Describe the action and the conditions around it: workload, time \
of day, what the tools showed, what the person had been told.";

pub(super) const WHY_FAULT: &str =
    "Asking \u{201c}whose fault was it?\u{201d} points the discussion at a person. The \
useful question is how the system let an ordinary action turn into an incident.";
pub(super) const REFRAME_FAULT: &str =
    "Name the conditions that combined: \u{201c}The deploy script \
accepted an empty target list, and nothing reviewed its output.\u{201d}";

pub(super) const WHY_NAMED: &str =
    "A name in front of a negative verb turns the sentence into a story \
about that person instead of about what happened, and it makes the write-up unsafe to share \
widely.";
pub(super) const REFRAME_NAMED: &str = "Use the role and the action, and add the circumstances: \
\u{201c}The responder, paged at 03:10, restarted the primary; the runbook did not mention the \
replica.\u{201d}";

pub(super) const WHY_MINIMISE: &str =
    "Words like this make a step sound small, yet in the moment it \
was hard enough to take time. The word hides what made it hard and can read as dismissive to \
the people who were there.";
pub(super) const REFRAME_MINIMISE: &str =
    "Leave the word out, or say what made the step harder than it looks now.";

pub(super) const WHY_OBVIOUS: &str =
    "What looks plain afterwards was rarely plain in the middle of \
the incident. Calling it \u{201c}obvious\u{201d} is hindsight speaking, and it implies that a \
signal anyone could read went unread.";
pub(super) const REFRAME_OBVIOUS: &str =
    "Describe what the signal looked like at the time, among what \
else was going on: \u{201c}The disk alert was one of forty in the channel that hour.\u{201d}";

pub(super) const WHY_GRADE: &str = "Grading how fast or how carefully someone acted measures \
them against an ending they could not see yet, and says nothing about what made acting \
differently hard.";
pub(super) const REFRAME_GRADE: &str = "Give the times and what filled them: \u{201c}The \
first alert fired at 09:02; the page reached the secondary at 09:19, after the primary\u{2019}s \
phone had been silenced for a meeting.\u{201d}";
