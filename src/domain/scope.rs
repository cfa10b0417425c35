//! Which part of the document an edit touches.
//!
//! The editor keeps one change signal per scope and notifies only the scopes
//! an edit names, so a keystroke in one field re-runs what shows that field
//! and nothing else. Keeping the mapping here, beside `apply`, means the rule
//! "this edit changes that part" is written once and tested natively; the UI
//! only asks for the scope of what it shows.

use super::edit::{Date, Edit, Field, Instant, ListEdit, Number, Strings};
use super::model::{HasId, LessonKind, PostMortem};

/// One list of entries with ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListKind {
    People,
    Links,
    Factors,
    Events,
    Items,
    Lessons(LessonKind),
    Questions,
    Dissent,
    Conversations,
    Materials,
    Accounts,
}

impl ListKind {
    /// The edit that removes the entry with this id from this list, for
    /// views that show entries of several lists through one component.
    pub fn remove(self, id: String) -> Edit {
        match self {
            ListKind::People => Edit::Person(ListEdit::Remove(id)),
            ListKind::Links => Edit::Link(ListEdit::Remove(id)),
            ListKind::Factors => Edit::Factor(ListEdit::Remove(id)),
            ListKind::Events => Edit::Event(ListEdit::Remove(id)),
            ListKind::Items => Edit::Item(ListEdit::Remove(id)),
            ListKind::Lessons(k) => Edit::Lesson(k, ListEdit::Remove(id)),
            ListKind::Questions => Edit::Question(ListEdit::Remove(id)),
            ListKind::Dissent => Edit::Dissent(ListEdit::Remove(id)),
            ListKind::Conversations => Edit::Conversation(ListEdit::Remove(id)),
            ListKind::Materials => Edit::Material(ListEdit::Remove(id)),
            ListKind::Accounts => Edit::Account(ListEdit::Remove(id)),
        }
    }
}

/// A part of the document that can change on its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Field(Field),
    Strings(Strings),
    Number(Number),
    Instant(Instant),
    Date(Date),
    Status,
    Severity,
    RemedyUnknown,
    Sections,
    Basics,
    DismissedHints,
    Exported,
    /// Which entries a list holds, and in what order.
    List(ListKind),
    /// The content of one entry.
    Row(ListKind, String),
    /// The content of the entries of a list, whatever their order (for live
    /// counts over a list).
    Rows(ListKind),
    /// Everything (a whole document replaced).
    All,
}

fn list_scopes<T: HasId>(kind: ListKind, e: &ListEdit<T>) -> Vec<Scope> {
    match e {
        ListEdit::Update(x) => vec![Scope::Row(kind, x.id().to_string()), Scope::Rows(kind)],
        // Adding and removing change the membership (and so what a count
        // over the entries sees); moving changes only the order. The other
        // entries are unchanged either way, so their rows need not re-run.
        // The entry added or removed is named too: something may still
        // read it by id (a row being taken down, an undo notice).
        ListEdit::Add(x, _) => vec![
            Scope::List(kind),
            Scope::Rows(kind),
            Scope::Row(kind, x.id().to_string()),
        ],
        ListEdit::Remove(id) => vec![
            Scope::List(kind),
            Scope::Rows(kind),
            Scope::Row(kind, id.clone()),
        ],
        ListEdit::Move(..) => vec![Scope::List(kind)],
    }
}

impl Edit {
    /// The scopes this edit may change. Notifying a scope that did not
    /// change costs a memo comparison; leaving one out would show stale
    /// text, so an edit with wide effects says `All`.
    pub fn scopes(&self) -> Vec<Scope> {
        match self {
            Edit::Text(f, _) => vec![Scope::Field(*f)],
            Edit::Strings(s, _) => vec![Scope::Strings(*s)],
            Edit::Number(n, _) => vec![Scope::Number(*n)],
            Edit::Instant(i, _) => vec![Scope::Instant(*i)],
            Edit::Date(d, _) => vec![Scope::Date(*d)],
            Edit::Status(_) => vec![Scope::Status],
            Edit::Severity(_) => vec![Scope::Severity],
            Edit::RemedyUnknown(_) => vec![Scope::RemedyUnknown],
            Edit::ShowSection(..) => vec![Scope::Sections],
            Edit::Basic(..) => vec![Scope::Basics],
            Edit::DismissHint(_) => vec![Scope::DismissedHints],
            Edit::MarkExported(_) => vec![Scope::Exported],
            Edit::Person(e) => list_scopes(ListKind::People, e),
            Edit::Link(e) => list_scopes(ListKind::Links, e),
            // Removing a factor also unlinks it from every remediation item.
            Edit::Factor(ListEdit::Remove(_)) => vec![Scope::All],
            Edit::Factor(e) => list_scopes(ListKind::Factors, e),
            Edit::Event(e) => {
                let mut s = list_scopes(ListKind::Events, e);
                // A changed time re-sorts the timeline: its order may change.
                if matches!(e, ListEdit::Update(_)) {
                    s.push(Scope::List(ListKind::Events));
                }
                s
            }
            Edit::Events(events) => {
                let mut s = vec![Scope::List(ListKind::Events), Scope::Rows(ListKind::Events)];
                s.extend(
                    events
                        .iter()
                        .map(|e| Scope::Row(ListKind::Events, e.id.clone())),
                );
                s
            }
            Edit::Item(e) => list_scopes(ListKind::Items, e),
            Edit::Lesson(k, e) => list_scopes(ListKind::Lessons(*k), e),
            Edit::Question(e) => list_scopes(ListKind::Questions, e),
            Edit::Dissent(e) => list_scopes(ListKind::Dissent, e),
            Edit::Conversation(e) => list_scopes(ListKind::Conversations, e),
            Edit::Material(e) => list_scopes(ListKind::Materials, e),
            Edit::Account(e) => list_scopes(ListKind::Accounts, e),
            Edit::Replace(_) => vec![Scope::All],
        }
    }

    /// The scopes this edit changes in `doc` as it is before the edit: the
    /// same as `scopes`, narrowed where the document tells. Typing into an
    /// event's description cannot move it, so the timeline's order is not
    /// named: notifying it would re-check every row that follows the order,
    /// which on a long timeline is most of a keystroke's cost.
    pub fn scopes_in(&self, doc: &PostMortem) -> Vec<Scope> {
        match self {
            Edit::Event(e @ ListEdit::Update(new)) => {
                let mut s = list_scopes(ListKind::Events, e);
                let moves = doc
                    .timeline
                    .iter()
                    .find(|old| old.id == new.id)
                    .is_none_or(|old| old.time != new.time || old.precision != new.precision);
                if moves {
                    s.push(Scope::List(ListKind::Events));
                }
                s
            }
            _ => self.scopes(),
        }
    }

    /// Whether consecutive edits like this one merge into one undo step, and
    /// under which scope: typing into one field or one entry is one change,
    /// the way a text editor treats a burst of typing. Structural edits
    /// (add, remove, move, a choice from a menu) are each their own step.
    pub fn capture(&self) -> Option<Scope> {
        match self {
            Edit::Text(..) | Edit::Strings(..) | Edit::Number(..) => {
                self.scopes().into_iter().next()
            }
            Edit::Person(ListEdit::Update(_))
            | Edit::Link(ListEdit::Update(_))
            | Edit::Factor(ListEdit::Update(_))
            | Edit::Event(ListEdit::Update(_))
            | Edit::Item(ListEdit::Update(_))
            | Edit::Lesson(_, ListEdit::Update(_))
            | Edit::Question(ListEdit::Update(_))
            | Edit::Dissent(ListEdit::Update(_))
            | Edit::Conversation(ListEdit::Update(_))
            | Edit::Material(ListEdit::Update(_))
            | Edit::Account(ListEdit::Update(_)) => self.scopes().into_iter().next(),
            _ => None,
        }
    }
}
