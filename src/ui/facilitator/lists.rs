//! What each list step of facilitator mode is made of, as data for the one
//! `ListStep` component: where its entries live, how one reads, how the
//! scribe's line becomes a new entry.

use crate::domain::facilitation::split_dissent;
use crate::domain::paste::{guess_kind, parse_paste_with, PastedLine};
use crate::domain::{
    Account, Dissent, Edit, Entry, Factor, LessonKind, ListEdit, ListKind, PostMortem, Precision,
    RemediationItem, TimelineEvent,
};
use crate::ui::sections::lessons::{kind_slug, kind_title};
use crate::ui::sections::timeline::time::{format_local, paste_base, wall_offset};

/// How one entry reads in the step: what it is about, and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub text: String,
}

/// A list step, as plain function pointers so the spec is `Copy` and the
/// component stays one.
#[derive(Clone, Copy)]
pub struct ListSpec {
    pub heading: &'static str,
    pub prompt: &'static str,
    pub empty: &'static str,
    /// What one entry is called ("event"), in labels and buttons.
    pub noun: &'static str,
    pub scribe_help: &'static str,
    /// The lists whose order the step follows.
    pub lists: &'static [ListKind],
    pub ids: fn(&PostMortem) -> Vec<(ListKind, String)>,
    pub row: fn(&PostMortem, ListKind, &str) -> Option<Row>,
    pub set_text: fn(&PostMortem, ListKind, &str, String) -> Option<Edit>,
    /// The scribe's line, the chosen kind (for lists that have kinds) and a
    /// fresh id: the edit that adds it, or why it cannot be added.
    pub add: fn(&PostMortem, &str, &str, String) -> Result<Edit, &'static str>,
    pub choices: fn() -> Vec<(&'static str, &'static str)>,
}

fn no_choices() -> Vec<(&'static str, &'static str)> {
    Vec::new()
}

// ---- timeline ------------------------------------------------------------

fn event_label(d: &PostMortem, e: &TimelineEvent) -> String {
    let zone = &d.context.time_zone;
    let when = match (e.time, e.precision) {
        (Some(t), Precision::Exact) => format_local(zone, t),
        (Some(t), Precision::Approximate) => format!("≈ {}", format_local(zone, t)),
        _ => "time unknown".to_string(),
    };
    format!("{when} · {}", e.kind.label())
}

/// "14:05 Alert fires" is placed at 14:05 on the incident's day; a line
/// without a time is kept with its time unknown, for the room to settle.
fn add_event(d: &PostMortem, text: &str, _: &str, id: String) -> Result<Edit, &'static str> {
    let zone = d.context.time_zone.clone();
    let line = parse_paste_with(text, paste_base(d), |l| wall_offset(&zone, l));
    let event = match line.into_iter().next() {
        Some(PastedLine::Event(c)) if !c.text.trim().is_empty() => c.to_event(id),
        Some(PastedLine::Event(_)) => return Err("Say what happened after the time."),
        Some(PastedLine::Unreadable {
            reason: crate::domain::paste::UnreadableReason::InvalidTime,
            ..
        }) => return Err("That time is not valid: write it as HH:MM."),
        _ => TimelineEvent {
            id,
            time: None,
            precision: Precision::Unknown,
            kind: guess_kind(text),
            description: text.to_string(),
            ..TimelineEvent::default()
        },
    };
    Ok(Edit::Event(ListEdit::Add(event, None)))
}

pub const TIMELINE: ListSpec = ListSpec {
    heading: "The timeline",
    prompt: "Walk through it together. Describe what happened at each point; hold explanations for later.",
    empty: "No events yet: build the timeline together now.",
    noun: "event",
    scribe_help: "Start with the time (14:05, or ~14:05 for “around”) to place it; Enter adds it.",
    lists: &[ListKind::Events],
    ids: |d| d.timeline.iter().map(|e| (ListKind::Events, e.id.clone())).collect(),
    row: |d, _, id| {
        d.timeline.iter().find(|e| e.id == id).map(|e| Row {
            label: event_label(d, e),
            text: e.description.clone(),
        })
    },
    set_text: |d, _, id, text| {
        let mut e = d.timeline.iter().find(|e| e.id == id)?.clone();
        e.description = text;
        Some(Edit::Event(ListEdit::Update(e)))
    },
    add: add_event,
    choices: no_choices,
};

// ---- factors -------------------------------------------------------------

pub const FACTORS: ListSpec = ListSpec {
    heading: "What contributed",
    prompt: "Which conditions made this possible, or made it worse? Look for several; there is rarely one cause.",
    empty: "No contributing factors yet.",
    noun: "factor",
    scribe_help: "One condition per line; Enter adds it.",
    lists: &[ListKind::Factors],
    ids: |d| {
        d.reason
            .factors
            .iter()
            .map(|f| (ListKind::Factors, f.id.clone()))
            .collect()
    },
    row: |d, _, id| {
        d.reason.factors.iter().find(|f| f.id == id).map(|f| Row {
            label: f.category.map(|c| c.label()).unwrap_or("").to_string(),
            text: f.description.clone(),
        })
    },
    set_text: |d, _, id, text| {
        let mut f = d.reason.factors.iter().find(|f| f.id == id)?.clone();
        f.description = text;
        Some(Edit::Factor(ListEdit::Update(f)))
    },
    add: |_, text, _, id| {
        Ok(Edit::Factor(ListEdit::Add(
            Factor {
                id,
                description: text.to_string(),
                ..Factor::default()
            },
            None,
        )))
    },
    choices: no_choices,
};

// ---- lessons -------------------------------------------------------------

fn lesson_kinds() -> Vec<(&'static str, &'static str)> {
    LessonKind::ALL
        .iter()
        .map(|k| (kind_slug(*k), kind_title(*k)))
        .collect()
}

pub const LESSONS: ListSpec = ListSpec {
    heading: "What we learned",
    prompt: "What helped, what slowed us down, what we know now, and where we got lucky.",
    empty: "No lessons yet.",
    noun: "lesson",
    scribe_help: "Choose which kind, type the lesson; Enter adds it.",
    lists: &[
        ListKind::Lessons(LessonKind::Helped),
        ListKind::Lessons(LessonKind::Slowed),
        ListKind::Lessons(LessonKind::Differently),
        ListKind::Lessons(LessonKind::Learned),
        ListKind::Lessons(LessonKind::Lucky),
        ListKind::Lessons(LessonKind::Expertise),
        ListKind::Lessons(LessonKind::Signals),
    ],
    ids: |d| {
        LessonKind::ALL
            .iter()
            .flat_map(|k| {
                k.list(&d.lessons)
                    .iter()
                    .map(|e| (ListKind::Lessons(*k), e.id.clone()))
            })
            .collect()
    },
    row: |d, kind, id| {
        let ListKind::Lessons(k) = kind else {
            return None;
        };
        k.list(&d.lessons).iter().find(|e| e.id == id).map(|e| Row {
            label: kind_title(k).to_string(),
            text: e.text.clone(),
        })
    },
    set_text: |d, kind, id, text| {
        let ListKind::Lessons(k) = kind else {
            return None;
        };
        let mut e = k.list(&d.lessons).iter().find(|e| e.id == id)?.clone();
        e.text = text;
        Some(Edit::Lesson(k, ListEdit::Update(e)))
    },
    add: |_, text, choice, id| {
        let kind = LessonKind::ALL
            .iter()
            .copied()
            .find(|k| kind_slug(*k) == choice)
            .unwrap_or(LessonKind::Learned);
        Ok(Edit::Lesson(
            kind,
            ListEdit::Add(
                Entry {
                    id,
                    text: text.to_string(),
                    cites: Vec::new(),
                },
                None,
            ),
        ))
    },
    choices: lesson_kinds,
};

// ---- actions -------------------------------------------------------------

pub const ACTIONS: ListSpec = ListSpec {
    heading: "What we will change",
    prompt: "The actions that make this less likely or less harmful. Owners and dates can be settled in the document.",
    empty: "No action items yet.",
    noun: "action",
    scribe_help: "One action per line; Enter adds it.",
    lists: &[ListKind::Items],
    ids: |d| {
        d.remedy
            .items
            .iter()
            .map(|i| (ListKind::Items, i.id.clone()))
            .collect()
    },
    row: |d, _, id| {
        d.remedy.items.iter().find(|i| i.id == id).map(|i| Row {
            label: if i.owner.trim().is_empty() {
                "no owner yet".to_string()
            } else {
                i.owner.clone()
            },
            text: i.action.clone(),
        })
    },
    set_text: |d, _, id, text| {
        let mut i = d.remedy.items.iter().find(|i| i.id == id)?.clone();
        i.action = text;
        Some(Edit::Item(ListEdit::Update(i)))
    },
    add: |_, text, _, id| {
        Ok(Edit::Item(ListEdit::Add(
            RemediationItem {
                id,
                action: text.to_string(),
                ..RemediationItem::default()
            },
            None,
        )))
    },
    choices: no_choices,
};

// ---- accounts ------------------------------------------------------------

pub const ACCOUNTS: ListSpec = ListSpec {
    heading: "Each person's account",
    prompt: "Ask each person in turn what they saw, knew and tried, and why it made sense then. Write it in their words; differing accounts are all kept.",
    empty: "No accounts yet.",
    noun: "account",
    scribe_help: "“Name: what they tell” keeps the name; Enter adds it.",
    lists: &[ListKind::Accounts],
    ids: |d| {
        d.accounts
            .iter()
            .map(|a| (ListKind::Accounts, a.id.clone()))
            .collect()
    },
    row: |d, _, id| {
        d.accounts.iter().find(|a| a.id == id).map(|a| Row {
            label: if a.who.trim().is_empty() {
                "someone".to_string()
            } else {
                a.who.clone()
            },
            text: a.text.clone(),
        })
    },
    set_text: |d, _, id, text| {
        let mut a = d.accounts.iter().find(|a| a.id == id)?.clone();
        a.text = text;
        Some(Edit::Account(ListEdit::Update(a)))
    },
    add: |_, text, _, id| {
        let (who, text) = split_dissent(text);
        Ok(Edit::Account(ListEdit::Add(
            Account {
                id,
                who,
                text,
                ..Account::default()
            },
            None,
        )))
    },
    choices: no_choices,
};

// ---- dissent -------------------------------------------------------------

pub const DISSENT: ListSpec = ListSpec {
    heading: "Where we disagree",
    prompt: "Views the room does not share are recorded as they are, not argued away.",
    empty: "No dissenting views recorded.",
    noun: "view",
    scribe_help: "“Name: their view” keeps the name; Enter adds it.",
    lists: &[ListKind::Dissent],
    ids: |d| {
        d.meeting
            .dissent
            .iter()
            .map(|x| (ListKind::Dissent, x.id.clone()))
            .collect()
    },
    row: |d, _, id| {
        d.meeting.dissent.iter().find(|x| x.id == id).map(|x| Row {
            label: if x.who.trim().is_empty() {
                "someone".to_string()
            } else {
                x.who.clone()
            },
            text: x.view.clone(),
        })
    },
    set_text: |d, _, id, text| {
        let mut x = d.meeting.dissent.iter().find(|x| x.id == id)?.clone();
        x.view = text;
        Some(Edit::Dissent(ListEdit::Update(x)))
    },
    add: |_, text, _, id| {
        let (who, view) = split_dissent(text);
        Ok(Edit::Dissent(ListEdit::Add(
            Dissent { id, who, view },
            None,
        )))
    },
    choices: no_choices,
};
