//! Edits as data: every change the editor makes is an `Edit` applied by the pure
//! `apply`. That keeps the UI thin, makes undo a matter of history, and lets
//! tests drive the model exactly as the editor does.

use chrono::{DateTime, NaiveDate, Utc};

use super::model::*;

/// Every free-text field of a post-mortem that is a single string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Summary,
    TimeZone,
    ImpactDescription,
    RevenueSla,
    Detection,
    Acknowledgement,
    EmpathyCustomers,
    EmpathyResponders,
    InternalSummary,
    CustomerWhatHappened,
    CustomerWhatWeDo,
    Narrative,
    Resolution,
    CheckIn,
    CheckOut,
    Location,
    Notes,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Title,
        Field::Summary,
        Field::TimeZone,
        Field::ImpactDescription,
        Field::RevenueSla,
        Field::Detection,
        Field::Acknowledgement,
        Field::EmpathyCustomers,
        Field::EmpathyResponders,
        Field::InternalSummary,
        Field::CustomerWhatHappened,
        Field::CustomerWhatWeDo,
        Field::Narrative,
        Field::Resolution,
        Field::CheckIn,
        Field::CheckOut,
        Field::Location,
        Field::Notes,
    ];

    /// Stable name, used for element ids, dismissed hints and validation paths.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "context.title",
            Field::Summary => "context.summary",
            Field::TimeZone => "context.time_zone",
            Field::ImpactDescription => "context.impact.description",
            Field::RevenueSla => "context.impact.revenue_sla",
            Field::Detection => "context.detection",
            Field::Acknowledgement => "regret.acknowledgement",
            Field::EmpathyCustomers => "regret.empathy_customers",
            Field::EmpathyResponders => "regret.empathy_responders",
            Field::InternalSummary => "regret.internal_summary",
            Field::CustomerWhatHappened => "regret.customer_what_happened",
            Field::CustomerWhatWeDo => "regret.customer_what_we_do",
            Field::Narrative => "reason.narrative",
            Field::Resolution => "reason.resolution",
            Field::CheckIn => "meeting.check_in",
            Field::CheckOut => "meeting.check_out",
            Field::Location => "meeting.location",
            Field::Notes => "evidence.notes",
        }
    }

    pub fn get(self, d: &PostMortem) -> &str {
        // Reuse the mutable accessor's mapping through a shared match would need
        // unsafe; a second small match is the honest price.
        match self {
            Field::Title => &d.context.title,
            Field::Summary => &d.context.summary,
            Field::TimeZone => &d.context.time_zone,
            Field::ImpactDescription => &d.context.impact.description,
            Field::RevenueSla => &d.context.impact.revenue_sla,
            Field::Detection => &d.context.detection,
            Field::Acknowledgement => &d.regret.acknowledgement,
            Field::EmpathyCustomers => &d.regret.empathy_customers,
            Field::EmpathyResponders => &d.regret.empathy_responders,
            Field::InternalSummary => &d.regret.internal_summary,
            Field::CustomerWhatHappened => &d.regret.customer_what_happened,
            Field::CustomerWhatWeDo => &d.regret.customer_what_we_do,
            Field::Narrative => &d.reason.narrative,
            Field::Resolution => &d.reason.resolution,
            Field::CheckIn => &d.meeting.check_in,
            Field::CheckOut => &d.meeting.check_out,
            Field::Location => &d.meeting.location,
            Field::Notes => &d.evidence.notes,
        }
    }

    fn get_mut(self, d: &mut PostMortem) -> &mut String {
        match self {
            Field::Title => &mut d.context.title,
            Field::Summary => &mut d.context.summary,
            Field::TimeZone => &mut d.context.time_zone,
            Field::ImpactDescription => &mut d.context.impact.description,
            Field::RevenueSla => &mut d.context.impact.revenue_sla,
            Field::Detection => &mut d.context.detection,
            Field::Acknowledgement => &mut d.regret.acknowledgement,
            Field::EmpathyCustomers => &mut d.regret.empathy_customers,
            Field::EmpathyResponders => &mut d.regret.empathy_responders,
            Field::InternalSummary => &mut d.regret.internal_summary,
            Field::CustomerWhatHappened => &mut d.regret.customer_what_happened,
            Field::CustomerWhatWeDo => &mut d.regret.customer_what_we_do,
            Field::Narrative => &mut d.reason.narrative,
            Field::Resolution => &mut d.reason.resolution,
            Field::CheckIn => &mut d.meeting.check_in,
            Field::CheckOut => &mut d.meeting.check_out,
            Field::Location => &mut d.meeting.location,
            Field::Notes => &mut d.evidence.notes,
        }
    }
}

/// A list of plain strings (chips).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Strings {
    Services,
    Tags,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    UsersAffected,
    RequestsFailed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instant {
    Started,
    Ended,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Date {
    LearningMeeting,
    ActionsMeeting,
    NextReview,
}

/// An operation on a list of items with ids.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit<T> {
    /// Insert at the index (clamped), or at the end.
    Add(T, Option<usize>),
    /// Replace the item with the same id.
    Update(T),
    Remove(String),
    /// Move the item with this id to the index (clamped).
    Move(String, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Text(Field, String),
    Strings(Strings, Vec<String>),
    Number(Number, Option<u64>),
    Instant(Instant, Option<DateTime<Utc>>),
    Date(Date, Option<NaiveDate>),
    Status(Status),
    Severity(Option<Severity>),
    RemedyUnknown(bool),
    ShowSection(Section, bool),
    Basic(Basic, bool),
    DismissHint(DismissedHint),
    MarkExported(DateTime<Utc>),
    Person(ListEdit<Person>),
    Link(ListEdit<Link>),
    Factor(ListEdit<Factor>),
    Event(ListEdit<TimelineEvent>),
    /// Several events at once (a paste): one change, one undo step.
    Events(Vec<TimelineEvent>),
    Item(ListEdit<RemediationItem>),
    Lesson(LessonKind, ListEdit<Entry>),
    Question(ListEdit<Question>),
    Dissent(ListEdit<Dissent>),
    Conversation(ListEdit<Conversation>),
    Material(ListEdit<Link>),
    Account(ListEdit<Account>),
    /// The whole document at once (a merge of two drafts): one undo step
    /// however many fields it touches.
    Replace(Box<PostMortem>),
}

fn apply_list<T: HasId>(list: &mut Vec<T>, edit: ListEdit<T>) -> bool {
    match edit {
        ListEdit::Add(item, at) => {
            let at = at.unwrap_or(list.len()).min(list.len());
            list.insert(at, item);
            true
        }
        ListEdit::Update(item) => match list.iter_mut().find(|x| x.id() == item.id()) {
            Some(slot) => {
                *slot = item;
                true
            }
            None => false,
        },
        ListEdit::Remove(id) => {
            let before = list.len();
            list.retain(|x| x.id() != id);
            list.len() != before
        }
        ListEdit::Move(id, to) => match list.iter().position(|x| x.id() == id) {
            Some(from) => {
                let item = list.remove(from);
                let to = to.min(list.len());
                list.insert(to, item);
                from != to
            }
            None => false,
        },
    }
}

/// Keeps the timeline in time order. Stable, so events at the same minute keep
/// the order they were entered in; events with an unknown time go last.
pub fn sort_timeline(events: &mut [TimelineEvent]) {
    super::sort::sort_by_key(events, |e| match e.time {
        Some(t) if e.precision != Precision::Unknown => (0, Some(t)),
        _ => (1, None),
    });
}

/// Applies one edit. Returns whether the document changed, so callers can skip
/// a save or an undo step for a no-op (e.g. re-typing the same value).
pub fn apply(doc: &mut PostMortem, edit: Edit) -> bool {
    match edit {
        Edit::Text(field, value) => {
            let slot = field.get_mut(doc);
            if *slot == value {
                return false;
            }
            *slot = value;
            true
        }
        Edit::Strings(which, values) => {
            let slot = match which {
                Strings::Services => &mut doc.context.services,
                Strings::Tags => &mut doc.context.tags,
            };
            set(slot, values)
        }
        Edit::Number(which, value) => {
            let slot = match which {
                Number::UsersAffected => &mut doc.context.impact.users_affected,
                Number::RequestsFailed => &mut doc.context.impact.requests_failed,
            };
            set(slot, value)
        }
        Edit::Instant(which, value) => {
            let slot = match which {
                Instant::Started => &mut doc.context.started,
                Instant::Ended => &mut doc.context.ended,
            };
            set(slot, value)
        }
        Edit::Date(which, value) => {
            let slot = match which {
                Date::LearningMeeting => &mut doc.meeting.learning_date,
                Date::ActionsMeeting => &mut doc.meeting.actions_date,
                Date::NextReview => &mut doc.remedy.next_review,
            };
            set(slot, value)
        }
        Edit::Status(s) => set(&mut doc.context.status, s),
        Edit::Severity(s) => set(&mut doc.context.severity, s),
        Edit::RemedyUnknown(b) => set(&mut doc.remedy.unknown, b),
        Edit::ShowSection(section, show) => {
            let has = doc.sections.contains(&section);
            if has == show {
                return false;
            }
            if show {
                doc.sections.push(section);
                super::sort::sort(&mut doc.sections);
            } else {
                doc.sections.retain(|s| *s != section);
            }
            true
        }
        Edit::Basic(basic, ticked) => {
            let has = doc.basics_ticked.contains(&basic);
            if has == ticked {
                return false;
            }
            if ticked {
                doc.basics_ticked.push(basic);
                super::sort::sort(&mut doc.basics_ticked);
            } else {
                doc.basics_ticked.retain(|b| *b != basic);
            }
            true
        }
        Edit::DismissHint(h) => {
            if doc.dismissed_hints.contains(&h) {
                return false;
            }
            doc.dismissed_hints.push(h);
            true
        }
        Edit::MarkExported(at) => set(&mut doc.exported, Some(at)),
        Edit::Person(e) => apply_list(&mut doc.context.people, e),
        Edit::Link(e) => apply_list(&mut doc.context.links, e),
        Edit::Factor(e) => {
            let removed = match &e {
                ListEdit::Remove(id) => Some(id.clone()),
                _ => None,
            };
            let changed = apply_list(&mut doc.reason.factors, e);
            // A removed factor must not leave dangling links on remediation items.
            if let Some(id) = removed {
                for item in &mut doc.remedy.items {
                    item.factor_ids.retain(|f| *f != id);
                }
            }
            changed
        }
        Edit::Event(e) => {
            // Rewording an event cannot move it: the timeline is sorted only
            // when a time, a precision or the membership changed (on a long
            // timeline the sort was a third of a keystroke's own work).
            let moves = match &e {
                ListEdit::Update(new) => doc
                    .timeline
                    .iter()
                    .find(|old| old.id == new.id)
                    .is_none_or(|old| old.time != new.time || old.precision != new.precision),
                _ => true,
            };
            let changed = apply_list(&mut doc.timeline, e);
            if moves {
                sort_timeline(&mut doc.timeline);
            }
            changed
        }
        Edit::Events(events) => {
            if events.is_empty() {
                return false;
            }
            doc.timeline.extend(events);
            sort_timeline(&mut doc.timeline);
            true
        }
        Edit::Item(e) => apply_list(&mut doc.remedy.items, e),
        Edit::Lesson(kind, e) => apply_list(kind.list_mut(&mut doc.lessons), e),
        Edit::Question(e) => apply_list(&mut doc.questions, e),
        Edit::Dissent(e) => apply_list(&mut doc.meeting.dissent, e),
        Edit::Conversation(e) => apply_list(&mut doc.evidence.conversations, e),
        Edit::Material(e) => apply_list(&mut doc.evidence.materials, e),
        Edit::Account(e) => apply_list(&mut doc.accounts, e),
        Edit::Replace(new) => set(doc, *new),
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}
