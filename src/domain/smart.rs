//! Remediation items: the SMART check, overdue dates, status changes, and the
//! "follow-ups" view across every stored post-mortem.
//!
//! SMART (specific, measurable, agreeable, realistic, time-bound) cannot be
//! judged by a machine, but its absence often can: an item with no owner, no
//! date or no way to tell it worked, or one phrased as a wish ("Better
//! monitoring") or a question ("Should we page sooner?"), is not yet something
//! a team can pick up. The check below names each such gap so the editor can
//! say exactly what is missing instead of showing a bare red mark.
//!
//! Dates here are calendar dates (`NaiveDate`), never instants. The caller
//! passes "today" as the date in the user's own time zone, so an item due
//! "on the 14th" is overdue from the user's midnight on the 15th, wherever they
//! are, and this module never reads a clock.

use chrono::{Datelike, NaiveDate};

use super::model::{ItemStatus, PostMortem, Priority, RemediationItem, Severity};

/// Fewest words an action needs to say what will be done to what
/// ("Fix it" is two words and says neither).
pub const MIN_ACTION_WORDS: usize = 3;

/// Why an item is not yet SMART. One item can have several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NotSmart {
    /// The action text is empty.
    EmptyAction,
    /// The action is phrased as a question.
    Question,
    /// Fewer than [`MIN_ACTION_WORDS`] words.
    TooShort,
    /// Opens with a non-committal phrase ("look into", "consider", "be more …").
    Vague,
    /// Does not open with a verb that says what will be done.
    NotAnAction,
    NoOwner,
    NoDueDate,
    NoMeasure,
    /// Won't do / risk accepted, with no reason written down.
    NoStatusReason,
    /// Risk accepted, with nobody named as having accepted it.
    NoAcceptor,
}

impl NotSmart {
    /// A short, human explanation the editor shows next to the item.
    pub fn message(self) -> &'static str {
        match self {
            NotSmart::EmptyAction => "Say what will be done.",
            NotSmart::Question => {
                "This reads as a question. Turn the answer you hope for into an action, \
                 or move the question to the checklist."
            }
            NotSmart::TooShort => {
                "Too short to act on: say what will be done, to what, and how it will be seen."
            }
            NotSmart::Vague => {
                "Opens with a non-committal phrase. Name the concrete step, \
                 e.g. \"Add an alert on …\" rather than \"Look into alerting\"."
            }
            NotSmart::NotAnAction => {
                "Start with a verb that says what will be done, \
                 e.g. \"Add …\", \"Automate …\", \"Document …\"."
            }
            NotSmart::NoOwner => "Nobody owns it yet.",
            NotSmart::NoDueDate => "No due date.",
            NotSmart::NoMeasure => "No measure: how will we know it worked?",
            NotSmart::NoStatusReason => "Write down why it will not be done.",
            NotSmart::NoAcceptor => "Name who accepted the risk.",
        }
    }

    /// The item's field to focus to fix this, relative to the item
    /// (the editor prefixes `remedy.items.<id>.`).
    /// A few words for the closed line of an item: what is missing, not how
    /// to fix it (that waits until the item is opened).
    pub fn short(self) -> &'static str {
        match self {
            NotSmart::EmptyAction => "no action",
            NotSmart::Question => "reads as a question",
            NotSmart::TooShort => "too short",
            NotSmart::Vague => "vague opening",
            NotSmart::NotAnAction => "no clear verb",
            NotSmart::NoOwner => "no owner",
            NotSmart::NoDueDate => "no due date",
            NotSmart::NoMeasure => "no measure",
            NotSmart::NoStatusReason => "no reason given",
            NotSmart::NoAcceptor => "nobody accepted the risk",
        }
    }

    pub fn field(self) -> &'static str {
        match self {
            NotSmart::EmptyAction
            | NotSmart::Question
            | NotSmart::TooShort
            | NotSmart::Vague
            | NotSmart::NotAnAction => "action",
            NotSmart::NoOwner => "owner",
            NotSmart::NoDueDate => "due",
            NotSmart::NoMeasure => "measure",
            NotSmart::NoStatusReason => "status_reason",
            NotSmart::NoAcceptor => "accepted_by",
        }
    }
}

/// Openers that sound like an action but commit to nothing in particular.
/// Matched against the start of the lower-cased text, word by word.
pub const VAGUE_OPENERS: &[&str] = &[
    "be aware",
    "be careful",
    "be more",
    "consider",
    "don't forget",
    "hopefully",
    "investigate if",
    "investigate whether",
    "keep in mind",
    "look at",
    "look into",
    "maybe",
    "pay attention",
    "perhaps",
    "remember to",
    "think about",
    "try and",
    "try to",
];

/// Imperative verbs that open a concrete action. Sorted, so lookup is a binary
/// search (a test keeps it sorted). Words that are both noun and verb are
/// included on purpose: "Alert on pool saturation" is an action.
pub const ACTION_VERBS: &[&str] = &[
    "add",
    "adjust",
    "adopt",
    "alert",
    "align",
    "allocate",
    "analyse",
    "analyze",
    "announce",
    "apply",
    "archive",
    "assign",
    "audit",
    "automate",
    "backfill",
    "benchmark",
    "block",
    "book",
    "build",
    "bump",
    "cache",
    "calibrate",
    "cap",
    "capture",
    "change",
    "check",
    "clarify",
    "clean",
    "close",
    "collect",
    "configure",
    "confirm",
    "consolidate",
    "create",
    "cut",
    "decommission",
    "decouple",
    "deduplicate",
    "define",
    "delete",
    "deploy",
    "deprecate",
    "design",
    "detect",
    "disable",
    "document",
    "draft",
    "drill",
    "drop",
    "emit",
    "enable",
    "encrypt",
    "enforce",
    "ensure",
    "escalate",
    "establish",
    "estimate",
    "evaluate",
    "expand",
    "expire",
    "export",
    "expose",
    "extend",
    "extract",
    "fix",
    "flag",
    "gate",
    "generate",
    "give",
    "grant",
    "hire",
    "hold",
    "implement",
    "import",
    "increase",
    "index",
    "inform",
    "install",
    "instrument",
    "integrate",
    "introduce",
    "inventory",
    "investigate",
    "isolate",
    "label",
    "launch",
    "limit",
    "link",
    "log",
    "lower",
    "maintain",
    "make",
    "measure",
    "merge",
    "migrate",
    "monitor",
    "move",
    "notify",
    "onboard",
    "page",
    "pair",
    "patch",
    "pin",
    "plan",
    "post",
    "practice",
    "practise",
    "prepare",
    "prevent",
    "prioritise",
    "prioritize",
    "profile",
    "protect",
    "provision",
    "publish",
    "purge",
    "raise",
    "rebuild",
    "record",
    "reduce",
    "refactor",
    "refresh",
    "regenerate",
    "reject",
    "release",
    "reload",
    "remove",
    "rename",
    "renew",
    "repair",
    "replace",
    "replicate",
    "report",
    "require",
    "reserve",
    "reset",
    "resize",
    "restore",
    "restrict",
    "retire",
    "retry",
    "review",
    "revise",
    "revoke",
    "rewrite",
    "roll",
    "rotate",
    "route",
    "run",
    "scale",
    "schedule",
    "script",
    "secure",
    "send",
    "separate",
    "set",
    "share",
    "ship",
    "shorten",
    "simplify",
    "split",
    "stage",
    "standardise",
    "standardize",
    "start",
    "stop",
    "store",
    "switch",
    "sync",
    "tag",
    "teach",
    "test",
    "throttle",
    "track",
    "train",
    "trigger",
    "tune",
    "turn",
    "unify",
    "update",
    "upgrade",
    "validate",
    "verify",
    "version",
    "warm",
    "wire",
    "write",
];

/// Leading words that do not change what the action is: "We will add …",
/// "Please document …", "To automate …". Stripped before the verb test.
const PREFIXES: &[&[&str]] = &[
    &["we", "will"],
    &["we'll"],
    &["we", "are", "going", "to"],
    &["please"],
    &["let's"],
    &["to"],
];

/// Words that open a question. "Should …?" without the question mark still
/// asks rather than commits.
const QUESTION_OPENERS: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "how", "is", "should", "what", "when", "where",
    "whether", "which", "who", "why", "would",
];

/// Lower-cased words of the text, with surrounding punctuation (bullets,
/// quotes, commas) removed and apostrophes kept ("don't", "let's").
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\''))
                .replace('\u{2019}', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn starts_with(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
}

/// The checks on the action text alone, shared by every status.
///
/// The heuristic, in order: empty; a question (ends with `?`, or opens with a
/// question word); fewer than [`MIN_ACTION_WORDS`] words; opens with one of
/// [`VAGUE_OPENERS`]; otherwise, after dropping a polite or future-tense
/// prefix ("we will", "please"), the first word must be one of
/// [`ACTION_VERBS`]. A noun phrase ("The database …", "Better monitoring")
/// fails that last test. At most one text reason is returned: the first that
/// applies is the one worth fixing.
pub fn action_text_reason(action: &str) -> Option<NotSmart> {
    let text = action.trim();
    if text.is_empty() {
        return Some(NotSmart::EmptyAction);
    }
    let w = words(text);
    if w.is_empty() {
        // Only punctuation: nothing a person could act on.
        return Some(NotSmart::EmptyAction);
    }
    if text.ends_with('?') || QUESTION_OPENERS.contains(&w[0].as_str()) {
        return Some(NotSmart::Question);
    }
    if w.len() < MIN_ACTION_WORDS {
        return Some(NotSmart::TooShort);
    }
    let mut rest: &[String] = &w;
    for prefix in PREFIXES {
        if starts_with(rest, prefix) {
            rest = &rest[prefix.len()..];
            break;
        }
    }
    for opener in VAGUE_OPENERS {
        let phrase: Vec<&str> = opener.split(' ').collect();
        if starts_with(rest, &phrase) {
            return Some(NotSmart::Vague);
        }
    }
    match rest.first() {
        Some(first) if ACTION_VERBS.binary_search(&first.as_str()).is_ok() => None,
        _ => Some(NotSmart::NotAnAction),
    }
}

/// Every reason the item is not yet SMART; empty means it is.
///
/// Items the team will do or did (open, in progress, done) need an owner, a
/// due date and a measure. Items the team decided not to do (won't do, risk
/// accepted) are a decision rather than work: asking them for a due date
/// would only make authors invent one. They need the reason written down
/// instead, and a risk acceptance needs the name of who accepted it.
pub fn check(item: &RemediationItem) -> Vec<NotSmart> {
    let mut out = Vec::new();
    if let Some(r) = action_text_reason(&item.action) {
        out.push(r);
    }
    match item.status {
        ItemStatus::Open | ItemStatus::InProgress | ItemStatus::Done => {
            if item.owner.trim().is_empty() {
                out.push(NotSmart::NoOwner);
            }
            if item.due.is_none() {
                out.push(NotSmart::NoDueDate);
            }
            if item.measure.trim().is_empty() {
                out.push(NotSmart::NoMeasure);
            }
        }
        ItemStatus::WontDo | ItemStatus::RiskAccepted => {
            if item.status_reason.trim().is_empty() {
                out.push(NotSmart::NoStatusReason);
            }
            if item.status == ItemStatus::RiskAccepted && item.accepted_by.trim().is_empty() {
                out.push(NotSmart::NoAcceptor);
            }
        }
    }
    out
}

pub fn is_smart(item: &RemediationItem) -> bool {
    check(item).is_empty()
}

/// Still to do and past its due date. Due *today* is not overdue: the owner
/// has until the end of the day.
///
/// `today` must be the current date in the user's time zone (the UI derives it
/// from the browser clock and `context.time_zone` or the browser's own zone).
/// Because both sides are calendar dates, the answer does not depend on
/// where the code runs or on UTC offsets.
pub fn is_overdue(item: &RemediationItem, today: NaiveDate) -> bool {
    item.status.is_open() && matches!(item.due, Some(due) if due < today)
}

/// The item with its status changed, keeping `completed` truthful: set to
/// `today` when it becomes done, kept when it was already done (re-saving the
/// same status must not move the date), cleared when it is reopened or
/// dropped. The reason and acceptor are kept on purpose: flipping a status
/// back and forth must not lose text the author typed.
pub fn status_change(
    item: &RemediationItem,
    new_status: ItemStatus,
    today: NaiveDate,
) -> RemediationItem {
    let mut out = item.clone();
    out.status = new_status;
    out.completed = match new_status {
        ItemStatus::Done if item.status == ItemStatus::Done => item.completed.or(Some(today)),
        ItemStatus::Done => Some(today),
        _ => None,
    };
    out
}

// ---------------------------------------------------------------- follow-ups

/// One open remediation item, with enough of its post-mortem to show and
/// link it in a list spanning the whole library.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub postmortem_id: String,
    pub postmortem_title: String,
    pub severity: Option<Severity>,
    pub item: RemediationItem,
    pub overdue: bool,
    /// Days from today to the due date: negative when overdue, `None` with no date.
    pub days_left: Option<i64>,
}

impl FollowUp {
    /// Tells follow-ups apart in a keyed list: the whole follow-up, so a row
    /// whose item changed is drawn again rather than left stale. The item
    /// as JSON (its serialiser is in the app anyway) rather than `Debug`,
    /// which would ship a formatter for every type inside it.
    pub fn key(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            self.postmortem_id,
            self.postmortem_title,
            self.severity.map(|s| s.slug()).unwrap_or_default(),
            serde_json::to_string(&self.item).unwrap_or_default(),
            self.overdue,
            self.days_left.map(|d| d.to_string()).unwrap_or_default()
        )
    }
}

/// Open and in-progress items across `docs`: overdue first (longest overdue
/// at the top), then by due date ascending, then items without a date. Ties
/// keep library order, then item order, so the list does not jump around
/// between renders.
pub fn follow_ups(docs: &[PostMortem], today: NaiveDate) -> Vec<FollowUp> {
    let mut out: Vec<FollowUp> = docs
        .iter()
        .filter(|doc| !super::example::is_example(doc))
        .flat_map(|doc| {
            doc.remedy
                .items
                .iter()
                .filter(|item| item.status.is_open())
                .map(move |item| FollowUp {
                    postmortem_id: doc.id.clone(),
                    postmortem_title: super::naming::display_title(doc),
                    severity: doc.context.severity,
                    item: item.clone(),
                    overdue: is_overdue(item, today),
                    days_left: item.due.map(|d| (d - today).num_days()),
                })
        })
        .collect();
    // Overdue items have the earliest dates, so date order alone puts them
    // first; the explicit key keeps that true should "overdue" ever widen.
    super::sort::sort_by_key(&mut out, |f| (!f.overdue, f.item.due.is_none(), f.item.due));
    out
}

/// Owners compare trimmed and case-insensitively: "Amara" and "amara " are the
/// same person typed twice.
fn same_owner(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Narrows a follow-up list; every `None` criterion matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpFilter {
    pub owner: Option<String>,
    /// `None`: any priority; `Some(None)`: only items whose priority nobody
    /// has set yet.
    pub priority: Option<Option<Priority>>,
    pub postmortem_id: Option<String>,
    pub overdue_only: bool,
}

impl FollowUpFilter {
    pub fn matches(&self, f: &FollowUp) -> bool {
        self.owner
            .as_deref()
            .is_none_or(|o| same_owner(o, &f.item.owner))
            && self.priority.is_none_or(|p| f.item.priority == p)
            && self
                .postmortem_id
                .as_deref()
                .is_none_or(|id| id == f.postmortem_id)
            && (!self.overdue_only || f.overdue)
    }

    /// The matching follow-ups, in their original order.
    pub fn apply(&self, list: &[FollowUp]) -> Vec<FollowUp> {
        list.iter().filter(|f| self.matches(f)).cloned().collect()
    }
}

pub fn by_owner(list: &[FollowUp], owner: &str) -> Vec<FollowUp> {
    FollowUpFilter {
        owner: Some(owner.to_string()),
        ..FollowUpFilter::default()
    }
    .apply(list)
}

pub fn by_priority(list: &[FollowUp], priority: Option<Priority>) -> Vec<FollowUp> {
    FollowUpFilter {
        priority: Some(priority),
        ..FollowUpFilter::default()
    }
    .apply(list)
}

pub fn by_postmortem(list: &[FollowUp], postmortem_id: &str) -> Vec<FollowUp> {
    FollowUpFilter {
        postmortem_id: Some(postmortem_id.to_string()),
        ..FollowUpFilter::default()
    }
    .apply(list)
}

/// Distinct owners of the listed items, as first typed, sorted
/// case-insensitively: the choices for an owner filter. Items with no owner
/// are left out (the SMART check already flags them).
pub fn owners(list: &[FollowUp]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in list {
        let o = f.item.owner.trim();
        if !o.is_empty() && !out.iter().any(|x| same_owner(x, o)) {
            out.push(o.to_string());
        }
    }
    super::sort::sort_by_key(&mut out, |o| o.to_lowercase());
    out
}

/// Headline figures for the periodic follow-up review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FollowUpSummary {
    /// Open or in progress.
    pub open: usize,
    /// Of those, past their due date.
    pub overdue: usize,
    /// Done with a completion date in the calendar month of `today`.
    pub done_this_month: usize,
}

pub fn summary(docs: &[PostMortem], today: NaiveDate) -> FollowUpSummary {
    let mut s = FollowUpSummary::default();
    for item in docs
        .iter()
        .filter(|d| !super::example::is_example(d))
        .flat_map(|d| &d.remedy.items)
    {
        if item.status.is_open() {
            s.open += 1;
            if is_overdue(item, today) {
                s.overdue += 1;
            }
        } else if item.status == ItemStatus::Done {
            if let Some(c) = item.completed {
                if c.year() == today.year() && c.month() == today.month() {
                    s.done_this_month += 1;
                }
            }
        }
    }
    s
}
