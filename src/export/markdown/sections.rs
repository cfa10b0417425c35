//! One function per post-mortem section, each writing its heading and
//! content; empty sections are left out.

use std::fmt::Write as _;

use crate::domain::model::*;

use super::escape::{
    cell, code_block, has, http_url, inline, link, long_form, long_form_indented, table,
    table_without_empty,
};
use super::learning::{accounts, decisions, Notes};
use super::values::{date, event_time, number, utc};
use super::MarkdownOptions;

/// Whether a section has anything worth exporting. Empty sections are left
/// out rather than printed as blank headings.
pub(super) fn filled(doc: &PostMortem, section: Section, opts: &MarkdownOptions) -> bool {
    let c = &doc.context;
    match section {
        Section::Context => {
            has(&c.impact.description)
                || c.impact.users_affected.is_some()
                || c.impact.requests_failed.is_some()
                || has(&c.impact.revenue_sla)
                || has(&c.detection)
                || !c.people.is_empty()
                || !c.links.is_empty()
        }
        Section::Regret => {
            let r = &doc.regret;
            [
                &r.acknowledgement,
                &r.empathy_customers,
                &r.empathy_responders,
                &r.internal_summary,
                &r.customer_what_happened,
                &r.customer_what_we_do,
            ]
            .iter()
            .any(|t| has(t))
        }
        Section::Reason => {
            has(&doc.reason.narrative)
                || has(&doc.reason.resolution)
                || !doc.reason.factors.is_empty()
        }
        Section::Timeline => !doc.timeline.is_empty(),
        Section::Accounts => !doc.accounts.is_empty(),
        Section::Remedy => doc.remedy.unknown || !doc.remedy.items.is_empty(),
        Section::Lessons => LessonKind::ALL
            .iter()
            .any(|k| k.list(&doc.lessons).iter().any(|e| has(&e.text))),
        Section::Questions => doc.questions.iter().any(worked_on),
        Section::Meeting => {
            let m = &doc.meeting;
            has(&m.check_in)
                || has(&m.check_out)
                || !m.dissent.is_empty()
                || m.learning_date.is_some()
                || m.actions_date.is_some()
                || has(&m.location)
        }
        Section::Evidence => {
            let e = &doc.evidence;
            !e.conversations.is_empty() || has(&e.notes) || !e.materials.is_empty()
        }
        Section::Basics => opts.basics,
    }
}

pub(super) fn render(
    md: &mut String,
    doc: &PostMortem,
    section: Section,
    opts: &MarkdownOptions,
    notes: &mut Notes,
) {
    match section {
        Section::Context => context(md, doc),
        Section::Regret => regret(md, &doc.regret),
        Section::Reason => reason(md, doc, notes),
        Section::Timeline => timeline(md, doc, opts, notes),
        Section::Accounts => accounts(md, doc),
        Section::Remedy => remedy(md, doc, opts),
        Section::Lessons => lessons(md, doc, notes),
        Section::Questions => questions(md, &doc.questions),
        Section::Meeting => meeting(md, &doc.meeting),
        Section::Evidence => evidence(md, &doc.evidence),
        Section::Basics => basics(md, doc),
    }
}

fn sub(md: &mut String, heading: &str, text: &str) {
    if has(text) {
        let _ = writeln!(md, "### {heading}\n");
        long_form(md, text);
    }
}

fn context(md: &mut String, doc: &PostMortem) {
    let c = &doc.context;
    md.push_str("## Context\n\n");
    let i = &c.impact;
    if has(&i.description)
        || i.users_affected.is_some()
        || i.requests_failed.is_some()
        || has(&i.revenue_sla)
    {
        md.push_str("### Customer impact\n\n");
        if has(&i.description) {
            long_form(md, &i.description);
        }
        let mut rows = Vec::new();
        if let Some(n) = i.users_affected {
            rows.push(vec!["Users affected".into(), number(n)]);
        }
        if let Some(n) = i.requests_failed {
            rows.push(vec!["Requests failed".into(), number(n)]);
        }
        if has(&i.revenue_sla) {
            rows.push(vec!["Revenue / SLA".into(), cell(&i.revenue_sla)]);
        }
        if !rows.is_empty() {
            table(md, &["Measure", "Value"], &rows);
        }
    }
    sub(md, "Detection", &c.detection);
    if !c.people.is_empty() {
        md.push_str("### People\n\n");
        let rows: Vec<Vec<String>> = c
            .people
            .iter()
            .map(|p| {
                vec![
                    cell(&p.name),
                    p.review_role.label().into(),
                    cell(&p.response_role),
                ]
            })
            .collect();
        table(md, &["Name", "Review role", "Role in the response"], &rows);
    }
    if !c.links.is_empty() {
        md.push_str("### Links\n\n");
        links(md, &c.links);
    }
}

fn links(md: &mut String, list: &[Link]) {
    for l in list {
        let _ = writeln!(md, "- {}: {}", l.kind.label(), link(&l.label, &l.url));
    }
    md.push('\n');
}

fn regret(md: &mut String, r: &Regret) {
    md.push_str("## Regret\n\n");
    sub(md, "Acknowledgement", &r.acknowledgement);
    sub(md, "For the customers affected", &r.empathy_customers);
    sub(md, "For the responders", &r.empathy_responders);
    sub(md, "Internal summary", &r.internal_summary);
    if has(&r.customer_what_happened) || has(&r.customer_what_we_do) {
        md.push_str("### Message to customers\n\n");
        if has(&r.customer_what_happened) {
            md.push_str("**What happened**\n\n");
            long_form(md, &r.customer_what_happened);
        }
        if has(&r.customer_what_we_do) {
            md.push_str("**What we are doing about it**\n\n");
            long_form(md, &r.customer_what_we_do);
        }
    }
}

fn reason(md: &mut String, doc: &PostMortem, notes: &mut Notes) {
    let r = &doc.reason;
    md.push_str("## Reason\n\n");
    sub(md, "What happened", &r.narrative);
    sub(md, "Resolution", &r.resolution);
    if !r.factors.is_empty() {
        md.push_str("### Contributing factors\n\n");
        for f in &r.factors {
            let mut tags = tag_list(&f.tags)
                .map(|t| format!(" (tags: {t})"))
                .unwrap_or_default();
            tags.push_str(&notes.marks(doc, &f.cites));
            let _ = match f.category {
                Some(c) => writeln!(md, "- **{}**: {}{tags}", c.label(), cell(&f.description)),
                None => writeln!(md, "- {}{tags}", cell(&f.description)),
            };
        }
        md.push('\n');
    }
}

/// A factor's or an event's tags, escaped and comma-separated, or `None`
/// when it has none worth printing.
fn tag_list(tags: &[String]) -> Option<String> {
    let parts: Vec<String> = tags
        .iter()
        .map(|t| inline(t))
        .filter(|t| !t.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn timeline(md: &mut String, doc: &PostMortem, opts: &MarkdownOptions, notes: &mut Notes) {
    md.push_str("## Timeline\n\n");
    let rows: Vec<Vec<String>> = doc
        .timeline
        .iter()
        .map(|e| {
            let source = if has(&e.source) {
                link("source", &e.source)
            } else {
                "—".into()
            };
            vec![
                event_time(e),
                e.kind.label().into(),
                cell(&e.description),
                source,
                tag_list(&e.tags).unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    table_without_empty(
        md,
        &["Time (UTC)", "Kind", "What happened", "Source", "Tags"],
        &rows,
        &[3, 4],
    );
    decisions(md, doc, notes);
    if !opts.durations.is_empty() {
        md.push_str("### Durations\n\n");
        let rows: Vec<Vec<String>> = opts
            .durations
            .iter()
            .map(|(label, value)| vec![cell(label), cell(value)])
            .collect();
        table(md, &["Duration", "Value"], &rows);
    }
}

/// A ticket as a link when the shared rule (`export::tickets`) gives it an
/// address, so the export links exactly what the editor links.
fn ticket(raw: &str, pattern: Option<&str>) -> String {
    let raw = raw.trim();
    if raw.is_empty() {
        return "—".into();
    }
    match crate::export::tickets::ticket_url(raw, pattern.unwrap_or("")).and_then(|u| http_url(&u))
    {
        Some(u) => format!("[{}]({u})", inline(raw)),
        None => inline(raw),
    }
}

fn remedy(md: &mut String, doc: &PostMortem, opts: &MarkdownOptions) {
    let r = &doc.remedy;
    md.push_str("## Remedy\n\n");
    if r.unknown {
        match r.next_review {
            Some(d) => {
                let _ = writeln!(
                    md,
                    "> Remedy not known yet: the investigation continues. Next review on {}.\n",
                    crate::domain::datefmt::ymd(d)
                );
            }
            None => md.push_str("> Remedy not known yet: the investigation continues.\n\n"),
        }
    }
    if r.items.is_empty() {
        return;
    }
    let pattern = opts.ticket_url.as_deref();
    let any_agreed = r.items.iter().any(|i| i.agreed);
    let rows: Vec<Vec<String>> = r
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let mut status = item.status.label().to_string();
            if let (Some(today), Some(due)) = (opts.today, item.due) {
                if item.status.is_open() && due < today {
                    status.push_str(" (overdue)");
                }
            }
            let agreed = match (item.agreed, any_agreed) {
                (true, _) => "yes",
                (false, true) => "no",
                // Nobody recorded an agreement: the column goes.
                (false, false) => "—",
            };
            vec![
                (n + 1).to_string(),
                cell(&item.action),
                cell(&item.owner),
                date(item.due),
                item.priority.map_or("—", Priority::label).into(),
                status,
                ticket(&item.ticket, pattern),
                item.kind.map_or("—", ItemKind::label).into(),
                agreed.into(),
            ]
        })
        .collect();
    table_without_empty(
        md,
        &[
            "#", "Action", "Owner", "Due", "Priority", "Status", "Ticket", "Kind", "Agreed",
        ],
        &rows,
        &[2, 3, 4, 6, 7, 8],
    );
    // Details that do not fit a table column, listed per item number.
    let mut details = String::new();
    for (n, item) in r.items.iter().enumerate() {
        let mut parts = Vec::new();
        let answers: Vec<String> = item
            .factor_ids
            .iter()
            .filter_map(|id| doc.reason.factors.iter().find(|f| &f.id == id))
            .map(|f| inline(&f.description))
            .collect();
        if !answers.is_empty() {
            parts.push(format!("answers: {}", answers.join("; ")));
        }
        if has(&item.measure) {
            parts.push(format!("measure: {}", inline(&item.measure)));
        }
        if has(&item.status_reason) {
            parts.push(format!("why: {}", inline(&item.status_reason)));
        }
        if has(&item.accepted_by) {
            parts.push(format!("risk accepted by {}", inline(&item.accepted_by)));
        }
        if has(&item.cost_benefit) {
            parts.push(format!("cost and benefit: {}", inline(&item.cost_benefit)));
        }
        if let Some(d) = item.completed {
            parts.push(format!("completed {}", crate::domain::datefmt::ymd(d)));
        }
        if !parts.is_empty() {
            let _ = writeln!(details, "{}. {}", n + 1, parts.join("; "));
        }
    }
    if !details.is_empty() {
        md.push_str("**Item details**\n\n");
        md.push_str(&details);
        md.push('\n');
    }
}

fn lessons(md: &mut String, doc: &PostMortem, notes: &mut Notes) {
    let l = &doc.lessons;
    md.push_str("## Lessons\n\n");
    for k in LessonKind::ALL {
        let entries: Vec<&Entry> = k.list(l).iter().filter(|e| has(&e.text)).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {}\n", k.heading());
        for e in entries {
            let marks = notes.marks(doc, &e.cites);
            let _ = writeln!(md, "- {}{marks}", inline(&e.text));
        }
        md.push('\n');
    }
}

/// A question someone answered, set aside or added: the shipped prompts
/// nobody took up are the form, not the review.
fn worked_on(q: &Question) -> bool {
    q.state != QuestionState::Open || has(&q.answer) || q.custom
}

fn questions(md: &mut String, qs: &[Question]) {
    md.push_str("## Questions\n\n");
    for area in Area::ALL {
        let in_area: Vec<&Question> = qs
            .iter()
            .filter(|q| q.area == area && worked_on(q))
            .collect();
        if in_area.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {}\n", area.label());
        for q in in_area {
            let (mark, note) = match q.state {
                QuestionState::Open => (" ", ""),
                QuestionState::Answered => ("x", ""),
                QuestionState::NotApplicable => ("x", " *(not applicable)*"),
            };
            let _ = writeln!(md, "- [{mark}] {}{note}", cell(&q.prompt));
            if has(&q.answer) {
                md.push('\n');
                // Indented under the item so the answer stays part of it.
                long_form_indented(md, &q.answer, "  ");
            }
        }
        md.push('\n');
    }
}

fn meeting(md: &mut String, m: &Meeting) {
    md.push_str("## Review meeting\n\n");
    let mut rows = Vec::new();
    if let Some(d) = m.learning_date {
        rows.push(vec!["Learning discussion".into(), date(Some(d))]);
    }
    if let Some(d) = m.actions_date {
        rows.push(vec!["Actions discussion".into(), date(Some(d))]);
    }
    if has(&m.location) {
        rows.push(vec!["Where and when".into(), cell(&m.location)]);
    }
    if !rows.is_empty() {
        table(md, &["Meeting", "Details"], &rows);
    }
    sub(md, "Check-in", &m.check_in);
    sub(md, "Check-out", &m.check_out);
    if !m.dissent.is_empty() {
        md.push_str("### Divergent and dissenting views\n\n");
        for d in &m.dissent {
            let who = if has(&d.who) {
                cell(&d.who)
            } else {
                "Someone".into()
            };
            let _ = writeln!(md, "- **{who}**:\n");
            long_form_indented(md, &d.view, "  ");
        }
    }
}

fn evidence(md: &mut String, e: &Evidence) {
    md.push_str("## Evidence and notes\n\n");
    for (n, c) in e.conversations.iter().enumerate() {
        let _ = writeln!(md, "### Conversation {}\n", n + 1);
        let mut facts = Vec::new();
        if let Some(t) = c.when {
            facts.push(format!("- When: {}", utc(t)));
        }
        if has(&c.participants) {
            facts.push(format!("- Who took part: {}", inline(&c.participants)));
        }
        if has(&c.link) {
            facts.push(format!("- Link: {}", link("", &c.link)));
        }
        if !facts.is_empty() {
            let _ = writeln!(md, "{}\n", facts.join("\n"));
        }
        if has(&c.excerpt) {
            code_block(md, &c.excerpt);
        }
    }
    sub(md, "Notes", &e.notes);
    if !e.materials.is_empty() {
        md.push_str("### Supporting material\n\n");
        links(md, &e.materials);
    }
}

/// The basics as the editor shows them (`domain::completeness`): derived
/// from the content or ticked by hand.
fn basics(md: &mut String, doc: &PostMortem) {
    md.push_str("## Basics\n\n");
    for r in crate::domain::completeness::basics(doc) {
        let mark = if r.done() { "x" } else { " " };
        let _ = writeln!(md, "- [{mark}] {}", r.basic.label());
    }
    md.push('\n');
}
