//! How complete a post-mortem is: the seven basics, and every section's
//! checks rolled into one percentage.
//!
//! Completeness is computed, never stored, so it cannot drift from the
//! content. It counts only the sections open in `doc.sections`: a quick review
//! that never opened the question checklist is not "incomplete" for it.
//! Every check that fails becomes a [`Missing`] entry naming the element the
//! editor should focus, so "what's left" is a list of links, not a riddle.
//!
//! A check is [`Need::Required`] only in a section the template is built
//! around ([`core_sections`]) and only when it is not an optional prompt;
//! everything else is a [`Need::Suggested`]. The percentages count needs
//! only, so a write-up that says what the template asks for reads as done
//! even with prompts such as "Where we got lucky" left empty.

use super::disclosure::core_sections;
use super::edit::Field;
use super::model::{
    Basic, EventKind, ItemStatus, LessonKind, LinkKind, PostMortem, Precision, QuestionState,
    Section, Severity, Status, TimelineEvent,
};
use super::model::{Factor, Prompt, Template};
use super::smart;

/// Fewest timed events for the timeline to count as documented: a start, a
/// detection and an end are the least that tells the shape of an incident.
pub const MIN_TIMELINE_EVENTS: usize = 3;

/// Whether a gap holds the write-up back or is only worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Need {
    /// The template needs it: it counts against the percentage.
    Required,
    /// An optional prompt: offered, never counted.
    Suggested,
}

/// One thing still to fill in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    pub section: Section,
    pub need: Need,
    /// Stable element id to focus: a [`Field::key`] for text fields, otherwise
    /// e.g. `context.severity`, `timeline.resolved`, `remedy.items`,
    /// `remedy.items.<id>.owner`, `questions.<id>.answer`, `basics.severity`.
    /// Keys of list entries follow the same `<list>.<id>.<field>` shape as the
    /// blameless hints, so one element id serves both.
    pub field_key: String,
    /// What is missing, in words.
    pub label: String,
}

/// Where a basic's tick comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BasicState {
    /// The content shows it (e.g. the timeline has an impact start and a resolution).
    Derived,
    /// The content does not show it, but the author ticked it by hand.
    Ticked,
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasicResult {
    pub basic: Basic,
    pub state: BasicState,
    /// `false` when the content can never show this basic on its own and only
    /// a hand tick (or, for "archived", publishing) can satisfy it.
    pub derivable: bool,
    /// Why it is derived or what would derive it, for a tooltip.
    pub hint: &'static str,
}

impl BasicResult {
    pub fn done(&self) -> bool {
        self.state != BasicState::Missing
    }
}

fn timed(e: &TimelineEvent) -> bool {
    e.time.is_some() && e.precision != Precision::Unknown
}

fn has_timed(doc: &PostMortem, kind: EventKind) -> bool {
    doc.timeline.iter().any(|e| e.kind == kind && timed(e))
}

/// Whether the content alone shows this basic.
pub fn derived(doc: &PostMortem, basic: Basic) -> bool {
    match basic {
        Basic::Timeline => doc.timeline.iter().filter(|e| timed(e)).count() >= MIN_TIMELINE_EVENTS,
        Basic::Conversations => {
            !doc.evidence.conversations.is_empty()
                || doc
                    .context
                    .links
                    .iter()
                    .chain(&doc.evidence.materials)
                    .any(|l| matches!(l.kind, LinkKind::Chat | LinkKind::Recording))
        }
        Basic::Notes => {
            !doc.evidence.notes.trim().is_empty()
                || !doc.meeting.check_in.trim().is_empty()
                || !doc.meeting.check_out.trim().is_empty()
        }
        // The same rule the durations summary uses, so the tick and the
        // numbers shown can never disagree.
        Basic::Durations => super::durations::durations(&doc.timeline).computed(),
        Basic::Severity => doc.context.severity.is_some(),
        // Nothing in the document proves it is stored where others will find
        // it, except having been published (or closed after publishing).
        Basic::Archived => matches!(doc.context.status, Status::Published | Status::Closed),
        Basic::Actionable => {
            (doc.remedy.unknown && doc.remedy.next_review.is_some())
                || (!doc.remedy.items.is_empty() && doc.remedy.items.iter().all(smart::is_smart))
        }
    }
}

fn basic_hint(basic: Basic) -> &'static str {
    match basic {
        Basic::Timeline => "Ticks itself with at least three timeline events that have a time.",
        Basic::Conversations => {
            "Ticks itself with a conversation in the evidence, or a chat or recording link."
        }
        Basic::Notes => "Ticks itself when there are notes, or check-in or check-out notes.",
        Basic::Durations => {
            "Ticks itself when the timeline has an impact start and a resolution with times."
        }
        Basic::Severity => "Ticks itself once a severity is set.",
        Basic::Archived => {
            "Tick it once the write-up is stored where others will find it; \
             publishing ticks it too."
        }
        Basic::Actionable => {
            "Ticks itself when every remediation item is SMART, \
             or when the remedy is still being investigated with a date to review it."
        }
    }
}

fn basic_key(basic: Basic) -> &'static str {
    match basic {
        Basic::Timeline => "basics.timeline",
        Basic::Conversations => "basics.conversations",
        Basic::Notes => "basics.notes",
        Basic::Durations => "basics.durations",
        Basic::Severity => "basics.severity",
        Basic::Archived => "basics.archived",
        Basic::Actionable => "basics.actionable",
    }
}

pub fn basic(doc: &PostMortem, basic: Basic) -> BasicResult {
    let state = if derived(doc, basic) {
        BasicState::Derived
    } else if doc.basics_ticked.contains(&basic) {
        BasicState::Ticked
    } else {
        BasicState::Missing
    };
    BasicResult {
        basic,
        state,
        derivable: basic != Basic::Archived,
        hint: basic_hint(basic),
    }
}

/// The seven basics, in [`Basic::ALL`] order.
pub fn basics(doc: &PostMortem) -> Vec<BasicResult> {
    Basic::ALL.iter().map(|b| basic(doc, *b)).collect()
}

/// One section's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionScore {
    pub section: Section,
    /// Every check, needed or suggested.
    pub done: usize,
    pub total: usize,
    /// The needed checks only; these are what the overall figure adds up.
    pub needs_done: usize,
    pub needs: usize,
    /// Over the needs; a section with no needs is scored over its
    /// suggestions, so it shows 100 only once it has no gaps at all.
    pub percent: u8,
    /// Needed and suggested gaps, in check order.
    pub missing: Vec<Missing>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completeness {
    /// Over the needed checks of the open sections. Rounded down, so 100
    /// means nothing needed is missing.
    pub percent: u8,
    /// Needed checks met, and needed checks in all.
    pub done: usize,
    pub total: usize,
    /// Open sections only, in [`Section::ALL`] order.
    pub sections: Vec<SectionScore>,
    /// Always all seven, whether or not the basics section is open.
    pub basics: Vec<BasicResult>,
    /// Remediation items that are not yet SMART (see [`smart::check`]).
    pub non_smart: usize,
}

impl Completeness {
    pub fn section(&self, section: Section) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.section == section)
    }

    /// Everything missing, needed or suggested, section by section.
    pub fn missing(&self) -> impl Iterator<Item = &Missing> {
        self.sections.iter().flat_map(|s| &s.missing)
    }

    /// What the template needs and is not there yet.
    pub fn needs(&self) -> impl Iterator<Item = &Missing> {
        self.missing().filter(|m| m.need == Need::Required)
    }

    /// Optional prompts still empty.
    pub fn suggestions(&self) -> impl Iterator<Item = &Missing> {
        self.missing().filter(|m| m.need == Need::Suggested)
    }
}

/// Rounds down, so a single missing item among hundreds never shows 100 %.
pub fn percent(done: usize, total: usize) -> u8 {
    if total == 0 {
        return 100;
    }
    (done * 100 / total) as u8
}

/// Collects one section's checks.
struct Checks {
    section: Section,
    /// Whether the template is built around this section: only then can a
    /// check be needed.
    core: bool,
    done: usize,
    total: usize,
    needs_done: usize,
    needs: usize,
    missing: Vec<Missing>,
}

impl Checks {
    fn new(section: Section, template: Template) -> Self {
        Checks {
            section,
            core: core_sections(template).contains(&section),
            done: 0,
            total: 0,
            needs_done: 0,
            needs: 0,
            missing: Vec::new(),
        }
    }

    fn add(&mut self, need: Need, ok: bool, key: String, label: String) {
        self.total += 1;
        self.done += usize::from(ok);
        if need == Need::Required {
            self.needs += 1;
            self.needs_done += usize::from(ok);
        }
        if !ok {
            self.missing.push(Missing {
                section: self.section,
                need,
                field_key: key,
                label,
            });
        }
    }

    /// Needed when the section is core.
    fn check(&mut self, ok: bool, key: impl Into<String>, label: impl Into<String>) {
        let need = if self.core {
            Need::Required
        } else {
            Need::Suggested
        };
        self.add(need, ok, key.into(), label.into());
    }

    /// An optional prompt: a suggestion wherever it appears.
    fn suggest(&mut self, ok: bool, key: impl Into<String>, label: impl Into<String>) {
        self.add(Need::Suggested, ok, key.into(), label.into());
    }

    fn text(&mut self, doc: &PostMortem, field: Field, label: &str) {
        self.check(!field.get(doc).trim().is_empty(), field.key(), label);
    }

    fn suggest_text(&mut self, doc: &PostMortem, field: Field, label: &str) {
        self.suggest(!field.get(doc).trim().is_empty(), field.key(), label);
    }

    fn score(self) -> SectionScore {
        let percent = if self.needs > 0 {
            percent(self.needs_done, self.needs)
        } else {
            percent(self.done, self.total)
        };
        SectionScore {
            section: self.section,
            done: self.done,
            total: self.total,
            needs_done: self.needs_done,
            needs: self.needs,
            percent,
            missing: self.missing,
        }
    }
}

fn lesson_key_label(kind: LessonKind) -> (&'static str, &'static str) {
    match kind {
        LessonKind::Helped => ("lessons.helped", "What helped us"),
        LessonKind::Slowed => ("lessons.slowed", "What slowed us down"),
        LessonKind::Differently => ("lessons.differently", "What we would do differently"),
        LessonKind::Learned => ("lessons.learned", "What we know now that we did not before"),
        LessonKind::Lucky => ("lessons.lucky", "Where we got lucky"),
        LessonKind::Expertise => ("lessons.expertise", "Expert knowledge the responders used"),
        LessonKind::Signals => ("lessons.signals", "Signals seen before the incident"),
    }
}

/// A factor as the review panel names it: its words, or its place when it
/// has none yet.
fn factor_name(f: &Factor) -> String {
    if f.description.trim().is_empty() {
        "a factor without a description".to_string()
    } else {
        format!("\"{}\"", short(&f.description))
    }
}

fn short(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= 60 {
        t.to_string()
    } else {
        let cut: String = t.chars().take(57).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One section's checks and what is missing from it. Works for any section,
/// open or not, so the editor can also preview a closed one.
pub fn section_score(doc: &PostMortem, section: Section) -> SectionScore {
    let mut c = Checks::new(section, doc.template);
    match section {
        Section::Context => {
            let x = &doc.context;
            // A quick review needs only what names and dates the incident;
            // the rest of the context is offered, not asked for.
            let quick = doc.template == Template::Quick;
            c.text(doc, Field::Title, "Title");
            c.text(doc, Field::Summary, "Summary");
            c.check(x.severity.is_some(), "context.severity", "Severity");
            c.check(x.started.is_some(), "context.started", "When it started");
            if quick {
                c.suggest(x.ended.is_some(), "context.ended", "When it ended");
            } else {
                c.check(x.ended.is_some(), "context.ended", "When it ended");
            }
            c.suggest_text(doc, Field::TimeZone, "Time zone");
            c.suggest(
                x.services.iter().any(|s| !s.trim().is_empty()),
                "context.services",
                "Systems or services affected",
            );
            if quick {
                c.suggest_text(doc, Field::ImpactDescription, "Customer impact in words");
            } else {
                c.text(doc, Field::ImpactDescription, "Customer impact in words");
            }
            c.suggest(
                x.impact.users_affected.is_some() || x.impact.requests_failed.is_some(),
                "context.impact.users_affected",
                "Customer impact in numbers (users affected or requests failed)",
            );
            c.suggest_text(doc, Field::Detection, "How it was detected");
            c.suggest(
                !x.people.is_empty(),
                "context.people",
                "People involved and their roles",
            );
        }
        Section::Regret => {
            c.text(doc, Field::Acknowledgement, "Acknowledgement and apology");
            c.text(doc, Field::EmpathyCustomers, "Empathy for the customers");
            c.text(doc, Field::EmpathyResponders, "Empathy for the responders");
            c.text(doc, Field::InternalSummary, "Internal summary");
            c.text(
                doc,
                Field::CustomerWhatHappened,
                "Customer message: what happened",
            );
            c.text(
                doc,
                Field::CustomerWhatWeDo,
                "Customer message: what we are doing about it",
            );
        }
        Section::Reason => {
            c.text(doc, Field::Narrative, "Narrative of what happened");
            c.text(doc, Field::Resolution, "How it was resolved");
            c.check(
                !doc.reason.factors.is_empty(),
                "reason.factors",
                "At least one contributing factor",
            );
            for f in &doc.reason.factors {
                c.check(
                    !f.description.trim().is_empty(),
                    format!("reason.factors.{}.description", f.id),
                    "A contributing factor without a description",
                );
            }
            // A review built on evidence says what each factor rests on; a
            // quick review is a conversation, not an investigation.
            if doc.template != Template::Quick {
                for f in super::cite::uncited_factors(doc) {
                    c.suggest(
                        false,
                        format!("reason.factors.{}.cites", f.id),
                        format!("No evidence cited for {}", factor_name(f)),
                    );
                }
            }
        }
        Section::Accounts => {
            c.check(
                !doc.accounts.is_empty(),
                "accounts",
                "At least one participant's account",
            );
            for a in &doc.accounts {
                let told = !a.text.trim().is_empty()
                    || Prompt::ALL.iter().any(|p| !p.get(a).trim().is_empty());
                c.check(
                    told,
                    format!("account.{}.text", a.id),
                    "An account with nothing written in it yet",
                );
                c.check(
                    !a.who.trim().is_empty(),
                    format!("account.{}.who", a.id),
                    "An account without whose it is",
                );
            }
        }
        Section::Timeline => {
            c.check(
                derived(doc, Basic::Timeline),
                "timeline",
                format!("At least {MIN_TIMELINE_EVENTS} events with a time"),
            );
            // A near miss never had customer impact, so it has no impact start.
            if doc.context.severity != Some(Severity::NearMiss) {
                c.check(
                    has_timed(doc, EventKind::ImpactStart),
                    "timeline.impact_start",
                    "An \"impact start\" event with a time",
                );
            }
            c.check(
                has_timed(doc, EventKind::Detected),
                "timeline.detected",
                "A \"detected\" event with a time",
            );
            c.check(
                has_timed(doc, EventKind::Resolved),
                "timeline.resolved",
                "A \"resolved\" event with a time",
            );
            for e in &doc.timeline {
                c.check(
                    !e.description.trim().is_empty(),
                    format!("timeline.{}.description", e.id),
                    format!("A \"{}\" event without a description", e.kind.label()),
                );
            }
        }
        Section::Remedy => {
            let r = &doc.remedy;
            if r.unknown {
                // "We don't know yet" is an honest, complete answer as long
                // as someone will come back to it on a known date.
                c.check(
                    r.next_review.is_some(),
                    "remedy.next_review",
                    "A date to review the investigation again",
                );
            } else {
                c.check(
                    !r.items.is_empty(),
                    "remedy.items",
                    "At least one remediation item, or mark the remedy as not known yet",
                );
                if doc.template != Template::Quick {
                    for f in super::cite::unanswered_factors(doc) {
                        c.suggest(
                            false,
                            format!("remedy.answers.{}", f.id),
                            format!("No remediation item answers {}", factor_name(f)),
                        );
                    }
                }
                for item in &r.items {
                    let reasons = smart::check(item);
                    let label = if reasons.is_empty() {
                        String::new()
                    } else {
                        let what: Vec<&str> = reasons.iter().map(|x| x.message()).collect();
                        let name = if item.action.trim().is_empty() {
                            "An item".to_string()
                        } else {
                            format!("\"{}\"", short(&item.action))
                        };
                        format!("{name} is not yet SMART: {}", what.join(" "))
                    };
                    let field = reasons.first().map_or("action", |x| x.field());
                    c.check(
                        reasons.is_empty(),
                        format!("remedy.items.{}.{field}", item.id),
                        label,
                    );
                }
            }
        }
        Section::Lessons => {
            let written = |kind: LessonKind| {
                kind.list(&doc.lessons)
                    .iter()
                    .any(|e| !e.text.trim().is_empty())
            };
            // Where lessons are core, one lesson of any kind is the need;
            // each kind is a prompt to think with, not a form to fill.
            if c.core {
                let (key, _) = lesson_key_label(LessonKind::ALL[0]);
                c.check(
                    LessonKind::ALL.into_iter().any(written),
                    key,
                    "At least one lesson",
                );
            }
            for kind in LessonKind::ALL {
                let (key, label) = lesson_key_label(kind);
                c.suggest(written(kind), key, label);
            }
        }
        Section::Questions => {
            if doc.questions.is_empty() {
                c.check(false, "questions", "At least one question");
            }
            for q in &doc.questions {
                // An answer typed without changing the state still answers
                // it; "answered" with no text does not.
                let ok = q.state == QuestionState::NotApplicable || !q.answer.trim().is_empty();
                c.check(ok, format!("questions.{}.answer", q.id), q.prompt.trim());
            }
        }
        Section::Meeting => {
            let m = &doc.meeting;
            c.text(doc, Field::CheckIn, "Check-in notes");
            c.text(doc, Field::CheckOut, "Check-out notes");
            c.check(
                m.learning_date.is_some(),
                "meeting.learning_date",
                "Date of the learning discussion",
            );
            c.check(
                m.actions_date.is_some(),
                "meeting.actions_date",
                "Date of the actions discussion",
            );
            c.text(doc, Field::Location, "Where and when the review happens");
        }
        Section::Evidence => {
            let e = &doc.evidence;
            c.check(
                !e.conversations.is_empty(),
                "evidence.conversations",
                "Conversations held during and after the incident",
            );
            c.text(doc, Field::Notes, "Notes");
            c.check(
                !e.materials.is_empty(),
                "evidence.materials",
                "Supporting material (graphs, logs)",
            );
        }
        Section::Basics => {
            for b in basics(doc) {
                c.check(b.done(), basic_key(b.basic), b.basic.label());
            }
        }
    }
    c.score()
}

/// Completeness over the sections open in `doc.sections`.
pub fn completeness(doc: &PostMortem) -> Completeness {
    let sections: Vec<SectionScore> = Section::ALL
        .iter()
        .filter(|s| doc.sections.contains(s))
        .map(|s| section_score(doc, *s))
        .collect();
    let done = sections.iter().map(|s| s.needs_done).sum();
    let total = sections.iter().map(|s| s.needs).sum();
    Completeness {
        percent: percent(done, total),
        done,
        total,
        sections,
        basics: basics(doc),
        non_smart: doc
            .remedy
            .items
            .iter()
            .filter(|i| !smart::is_smart(i))
            .count(),
    }
}

/// Whether the status may become "closed": only once every remediation item
/// is done, won't be done, or has its risk accepted. The error says which
/// items are still open, so the author knows where to look.
pub fn can_close(doc: &PostMortem) -> Result<(), String> {
    let open: Vec<_> = doc
        .remedy
        .items
        .iter()
        .filter(|i| {
            !matches!(
                i.status,
                ItemStatus::Done | ItemStatus::WontDo | ItemStatus::RiskAccepted
            )
        })
        .collect();
    if open.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = open
        .iter()
        .map(|i| {
            if i.action.trim().is_empty() {
                "(untitled item)".to_string()
            } else {
                format!("\"{}\"", short(&i.action))
            }
        })
        .collect();
    let n = open.len();
    let noun = if n == 1 { "item is" } else { "items are" };
    Err(format!(
        "{n} remediation {noun} still open or in progress: {}. Mark each done, \
         won't do, or risk accepted before closing.",
        names.join(", ")
    ))
}
