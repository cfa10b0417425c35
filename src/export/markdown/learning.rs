//! The learning review in Markdown: accounts as sections, decision points
//! with every telling, and cites as footnotes.
//!
//! Footnotes (`[^1]` in the text, `[^1]: …` at the end) are what GitHub and
//! GitLab both render as numbered links to a note and back, and a reader of
//! the plain file still sees which claim rests on what. One target cited by
//! several claims gets one note.

use std::fmt::Write as _;

use crate::domain::cite::{self, Target};
use crate::domain::model::*;

use super::escape::{cell, has, inline, link, long_form};
use super::values::{date, event_time};

/// The footnotes of one export, numbered in the order they are first cited.
#[derive(Default)]
pub(super) struct Notes {
    cited: Vec<Cite>,
}

impl Notes {
    /// The footnote marks for a claim's cites (` [^1][^3]`), or nothing when
    /// none of its targets is in the document.
    pub(super) fn marks(&mut self, doc: &PostMortem, cites: &[Cite]) -> String {
        let mut out = String::new();
        for t in cite::live(doc, cites) {
            let c = t.cite();
            let n = match self.cited.iter().position(|x| *x == c) {
                Some(i) => i + 1,
                None => {
                    self.cited.push(c);
                    self.cited.len()
                }
            };
            let _ = write!(out, "[^{n}]");
        }
        if out.is_empty() {
            out
        } else {
            format!(" {out}")
        }
    }

    /// The notes themselves, at the end of the document.
    pub(super) fn write(&self, md: &mut String, doc: &PostMortem) {
        if self.cited.is_empty() {
            return;
        }
        for (i, c) in self.cited.iter().enumerate() {
            if let Some(t) = cite::find(doc, c) {
                let _ = writeln!(md, "[^{}]: {}", i + 1, note(&t));
            }
        }
        md.push('\n');
    }
}

/// One footnote's text: what the target is, and a link where it has one.
fn note(t: &Target<'_>) -> String {
    match t {
        Target::Event(e) => {
            let what = if has(&e.description) {
                inline(e.description.lines().next().unwrap_or_default())
            } else {
                e.kind.label().to_string()
            };
            let mut s = format!("Timeline, {} UTC: {what}", event_time(e));
            if has(&e.source) {
                s.push_str(&format!(" ({})", link("source", &e.source)));
            }
            s
        }
        Target::Account(..) => inline(&t.label(0)),
        Target::Conversation(_, c) => {
            let mut s = format!("Evidence: {}", inline(&t.label(0)));
            if has(&c.link) {
                s.push_str(&format!(" ({})", link("link", &c.link)));
            }
            s
        }
        Target::Material(l) => format!("Supporting material: {}", link(&l.label, &l.url)),
    }
}

/// Whose account, for its heading: a name, or its place in the list.
fn account_heading(n: usize, a: &Account) -> String {
    let who = if has(&a.who) {
        inline(&a.who)
    } else {
        format!("Account {n}")
    };
    match a.given {
        Some(d) => format!("{who} ({})", date(Some(d))),
        None => who,
    }
}

pub(super) fn accounts(md: &mut String, doc: &PostMortem) {
    md.push_str("## Accounts\n\n");
    for (i, a) in doc.accounts.iter().enumerate() {
        let _ = writeln!(md, "### {}\n", account_heading(i + 1, a));
        if has(&a.text) {
            long_form(md, &a.text);
        }
        for p in Prompt::ALL {
            let said = p.get(a);
            if has(said) {
                let _ = writeln!(md, "**{}**\n", p.label());
                long_form(md, said);
            }
        }
    }
}

/// The decision points of the timeline, after its table: each with every
/// telling, marked when they differ.
pub(super) fn decisions(md: &mut String, doc: &PostMortem, notes: &mut Notes) {
    let points: Vec<(&TimelineEvent, &Decision)> = doc
        .timeline
        .iter()
        .filter_map(|e| e.decision.as_ref().map(|d| (e, d)))
        .collect();
    if points.is_empty() {
        return;
    }
    md.push_str("### Decision points\n\n");
    for (e, d) in points {
        let what = if has(&e.description) {
            cell(&e.description)
        } else {
            e.kind.label().to_string()
        };
        let marks = notes.marks(doc, &d.cites);
        let _ = writeln!(md, "#### {} UTC: {what}{marks}\n", event_time(e));
        if cite::tellings_differ(d) {
            md.push_str(
                "> The accounts of this moment differ. Each telling is kept as it was given; none is the version.\n\n",
            );
        }
        for (n, t) in d.tellings.iter().enumerate() {
            let from = doc
                .accounts
                .iter()
                .position(|a| a.id == t.account)
                .map(|i| account_heading(i + 1, &doc.accounts[i]));
            let head = match (from, d.tellings.len()) {
                (Some(who), _) => format!("As {who} tells it"),
                (None, 1) => String::new(),
                (None, _) => format!("Telling {}", n + 1),
            };
            if !head.is_empty() {
                let _ = writeln!(md, "**{head}**\n");
            }
            for part in TellingPart::ALL {
                let said = part.get(t);
                if has(said) {
                    let _ = writeln!(md, "- {}: {}", part.label(), inline(said));
                }
            }
            md.push('\n');
        }
    }
}
