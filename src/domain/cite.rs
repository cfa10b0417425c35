//! Claims tied to their evidence: what a factor, a lesson or a decision
//! point can cite, how a cite is found and named, and which factors still
//! rest on nothing.
//!
//! A cite names its target by kind and id. Targets are looked up, never
//! copied, so a cite always shows the event or account as it reads now; a
//! cite whose target is gone is skipped everywhere (see [`Cite`]).

use chrono::{DateTime, Utc};

use super::model::*;
use super::zone::format_at_offset;

/// Something a claim can point at, borrowed from the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target<'a> {
    Event(&'a TimelineEvent),
    /// With its place in the list, counted from 1: accounts and
    /// conversations are named by number where they have no title.
    Account(usize, &'a Account),
    Conversation(usize, &'a Conversation),
    Material(&'a Link),
}

fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let line = line.unwrap_or_default();
    if line.chars().count() <= max {
        line.to_string()
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

fn when(t: Option<DateTime<Utc>>, offset_minutes: i32) -> String {
    t.map_or_else(
        || "time unknown".to_string(),
        |t| format_at_offset(t, offset_minutes),
    )
}

impl Target<'_> {
    pub fn cite(&self) -> Cite {
        let (kind, id) = match self {
            Target::Event(e) => (CiteKind::Event, &e.id),
            Target::Account(_, a) => (CiteKind::Account, &a.id),
            Target::Conversation(_, c) => (CiteKind::Conversation, &c.id),
            Target::Material(l) => (CiteKind::Material, &l.id),
        };
        Cite {
            kind,
            id: id.clone(),
        }
    }

    /// The moment the target is about, where it has one: an event's time,
    /// a conversation's start. The editor reads labels in the author's
    /// zone at that moment's offset.
    pub fn time(&self) -> Option<DateTime<Utc>> {
        match self {
            Target::Event(e) => e.time,
            Target::Conversation(_, c) => c.when,
            _ => None,
        }
    }

    /// A one-line name for the target, with times at `offset_minutes` east
    /// of UTC: what a cite reads as in the editor and in exports.
    pub fn label(&self, offset_minutes: i32) -> String {
        match self {
            Target::Event(e) => {
                let what = first_line(&e.description, 60);
                let what = if what.is_empty() {
                    e.kind.label().to_string()
                } else {
                    what
                };
                format!("{}: {what}", when(e.time, offset_minutes))
            }
            Target::Account(n, a) => {
                let who = a.who.trim();
                let mut s = if who.is_empty() {
                    format!("Account {n}")
                } else {
                    format!("Account by {who}")
                };
                if let Some(d) = a.given {
                    s.push_str(&format!(", {}", crate::domain::datefmt::ymd(d)));
                }
                s
            }
            Target::Conversation(n, c) => {
                let mut s = format!("Conversation {n}");
                let gist = first_line(&c.excerpt, 50);
                if !gist.is_empty() {
                    s.push_str(&format!(": {gist}"));
                } else if !c.participants.trim().is_empty() {
                    s.push_str(&format!(" with {}", c.participants.trim()));
                }
                s
            }
            Target::Material(l) => {
                let label = l.label.trim();
                if label.is_empty() {
                    l.url.trim().to_string()
                } else {
                    label.to_string()
                }
            }
        }
    }
}

/// Every target a claim can cite, in the document's order: the timeline,
/// then accounts, conversations and supporting material.
pub fn targets(doc: &PostMortem) -> Vec<Target<'_>> {
    let mut out: Vec<Target<'_>> = doc.timeline.iter().map(Target::Event).collect();
    out.extend(
        doc.accounts
            .iter()
            .enumerate()
            .map(|(i, a)| Target::Account(i + 1, a)),
    );
    out.extend(
        doc.evidence
            .conversations
            .iter()
            .enumerate()
            .map(|(i, c)| Target::Conversation(i + 1, c)),
    );
    out.extend(doc.evidence.materials.iter().map(Target::Material));
    out
}

/// The target of a cite, or `None` when it is no longer in the document.
pub fn find<'a>(doc: &'a PostMortem, cite: &Cite) -> Option<Target<'a>> {
    let at = |id: &str| id == cite.id;
    match cite.kind {
        CiteKind::Event => doc.timeline.iter().find(|e| at(&e.id)).map(Target::Event),
        CiteKind::Account => doc
            .accounts
            .iter()
            .enumerate()
            .find(|(_, a)| at(&a.id))
            .map(|(i, a)| Target::Account(i + 1, a)),
        CiteKind::Conversation => doc
            .evidence
            .conversations
            .iter()
            .enumerate()
            .find(|(_, c)| at(&c.id))
            .map(|(i, c)| Target::Conversation(i + 1, c)),
        CiteKind::Material => doc
            .evidence
            .materials
            .iter()
            .find(|l| at(&l.id))
            .map(Target::Material),
    }
}

/// The cites of a claim whose targets are still there, each once, in the
/// order they were given.
pub fn live<'a>(doc: &'a PostMortem, cites: &[Cite]) -> Vec<Target<'a>> {
    let mut out: Vec<Target<'a>> = Vec::new();
    for c in cites {
        if let Some(t) = find(doc, c) {
            if !out.iter().any(|o| o.cite() == *c) {
                out.push(t);
            }
        }
    }
    out
}

/// `cites` with `cite` added, or the same list when it is already there.
pub fn with(cites: &[Cite], cite: Cite) -> Vec<Cite> {
    let mut out = cites.to_vec();
    if !out.contains(&cite) {
        out.push(cite);
    }
    out
}

/// `cites` without `cite`.
pub fn without(cites: &[Cite], cite: &Cite) -> Vec<Cite> {
    cites.iter().filter(|c| *c != cite).cloned().collect()
}

/// Factors that cite no evidence still in the document.
pub fn uncited_factors(doc: &PostMortem) -> Vec<&Factor> {
    doc.reason
        .factors
        .iter()
        .filter(|f| live(doc, &f.cites).is_empty())
        .collect()
}

/// Factors no remediation item answers (names among the factors it addresses).
pub fn unanswered_factors(doc: &PostMortem) -> Vec<&Factor> {
    doc.reason
        .factors
        .iter()
        .filter(|f| {
            !doc.remedy
                .items
                .iter()
                .any(|i| i.factor_ids.contains(&f.id))
        })
        .collect()
}

/// Where the accounts speak of a decision point: the accounts its tellings
/// come from, each once, in the order of the tellings.
pub fn accounts_of<'a>(doc: &'a PostMortem, decision: &Decision) -> Vec<&'a Account> {
    let mut out: Vec<&Account> = Vec::new();
    for t in &decision.tellings {
        if let Some(a) = doc.accounts.iter().find(|a| a.id == t.account) {
            if !out.iter().any(|o| o.id == a.id) {
                out.push(a);
            }
        }
    }
    out
}

/// Whether the tellings of a decision point disagree: two or more that say
/// different things about what was known, seen, chosen or why. Tellings
/// that differ only in case or spacing agree.
pub fn tellings_differ(decision: &Decision) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let said: Vec<Vec<String>> = decision
        .tellings
        .iter()
        .map(|t| TellingPart::ALL.iter().map(|p| norm(p.get(t))).collect())
        .filter(|parts: &Vec<String>| parts.iter().any(|p| !p.is_empty()))
        .collect();
    said.windows(2).any(|w| w[0] != w[1])
}
