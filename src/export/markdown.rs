//! GitHub-flavoured Markdown export.
//!
//! Two kinds of text meet here. Long-form fields (summary, narrative, notes,
//! answers…) are written by the author *as* Markdown and pass through, with a
//! guard so an unclosed fence or `<pre>` cannot swallow the rest of the file.
//! Short fields (titles, names, table cells, list entries) are plain text:
//! they are escaped so that no character in them can break a table, start a
//! block, make a link or inject HTML. Links are only ever made from http(s)
//! URLs; anything else is shown as inert text.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Timelike, Utc};

use crate::domain::model::*;
use crate::domain::naming::display_title;

/// What the caller decides about one Markdown export. Durations come from the
/// domain's timeline analysis and are passed in already formatted, so this
/// module never computes one itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MarkdownOptions {
    /// Start with YAML front matter (title, start, end, severity, tags).
    pub front_matter: bool,
    /// Replace people's names with their response roles everywhere.
    pub anonymise: bool,
    /// Pattern turning a ticket id into a link, with `{id}` as the placeholder,
    /// e.g. `https://tracker.example/browse/{id}`.
    pub ticket_url: Option<String>,
    /// Rows of the durations table: label (e.g. "Time to detect") and value
    /// (e.g. "≈ 25 min"). Empty: no durations table.
    pub durations: Vec<(String, String)>,
    /// Add the basics checklist: the author's own tracking, so only on request.
    pub basics: bool,
    /// Marks open remediation items due before this day as overdue. `None`
    /// keeps the output independent of the day it is made.
    pub today: Option<NaiveDate>,
}

/// The durations table rows for `doc`, from the domain's timeline analysis:
/// only the spans that can be measured. Why the others cannot is the
/// editor's business, not the reader's.
pub fn duration_rows(doc: &PostMortem) -> Vec<(String, String)> {
    crate::domain::durations::durations(&doc.timeline)
        .rows()
        .iter()
        .filter(|(_, span)| span.is_available())
        .map(|(label, span)| (label.to_string(), span.to_string()))
        .collect()
}

/// The whole post-mortem as one GitHub-flavoured Markdown document.
pub fn to_markdown(doc: &PostMortem, opts: &MarkdownOptions) -> String {
    let anonymised;
    let doc = if opts.anonymise {
        anonymised = super::anonymise::anonymise(doc);
        &anonymised
    } else {
        doc
    };
    let mut md = String::new();
    if opts.front_matter {
        front_matter(&mut md, doc);
    }
    let _ = writeln!(md, "# {}\n", inline(&display_title(doc)));
    metadata(&mut md, doc);
    if !doc.context.summary.trim().is_empty() {
        long_form(&mut md, &doc.context.summary);
    }
    for section in Section::ALL {
        if filled(doc, section, opts) {
            render(&mut md, doc, section, opts);
        }
    }
    // Exactly one trailing newline, whatever the last block left behind.
    while md.ends_with("\n\n") {
        md.pop();
    }
    md
}

// ---------------------------------------------------------------- escaping

/// Escapes plain text for use inline (a heading, a list item, a table cell).
/// Whitespace, newlines included, collapses to single spaces, control
/// characters are dropped, and every character that Markdown could read as
/// syntax (emphasis, code, links, HTML, entities, table pipes) is
/// backslash-escaped, which CommonMark defines for all ASCII punctuation.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading marker would start a list, a quote or a setext underline when
    // the text opens a line (list items, headings): escape it too.
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=' | ':')) {
        out.insert(0, '\\');
    } else if let Some(end) = out.find(|c: char| !c.is_ascii_digit()) {
        if end > 0 && matches!(out[end..].chars().next(), Some('.' | ')')) {
            out.insert(end, '\\');
        }
    }
    out
}

/// Inline text, or a dash when empty so a table cell never looks missing.
fn cell(text: &str) -> String {
    let s = inline(text);
    if s.is_empty() {
        "—".into()
    } else {
        s
    }
}

/// `Some(url)` ready for a link destination if `raw` is an absolute http(s)
/// URL, else `None`. Characters that could end the destination, or split a
/// table row, are percent-encoded.
pub fn http_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    if rest.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '<' | '>' | '[' | ']' | '|' | '\\' | '`' | '"' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            _ => out.push(c),
        }
    }
    Some(out)
}

/// A link when the URL is http(s), else the label and the URL as plain text.
fn link(label: &str, url: &str) -> String {
    let shown = if label.trim().is_empty() { url } else { label };
    match http_url(url) {
        Some(u) => format!("[{}]({u})", inline(shown)),
        None if url.trim().is_empty() || label.trim().is_empty() => inline(shown),
        None => format!("{} ({})", inline(label), inline(url)),
    }
}

/// Writes author Markdown as its own block. An unclosed code fence would turn
/// the rest of the export into code, and an HTML block opened by `<pre>`,
/// `<script>`, `<style>` or `<textarea>` runs until its closing tag: both are
/// closed or defused here so one field cannot swallow the sections after it.
fn long_form(md: &mut String, text: &str) {
    long_form_indented(md, text, "");
}

fn long_form_indented(md: &mut String, text: &str, indent: &str) {
    let text = text
        .trim_matches('\n')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let lower = text.to_ascii_lowercase();
    let mut last_end: std::collections::HashMap<&str, Option<usize>> = Default::default();
    let mut fence: Option<(char, usize)> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let trimmed = line.trim_start_matches(' ');
        let lead = line.len() - trimmed.len();
        let mut out_line = line.to_string();
        if lead <= 3 {
            let marker = trimmed.chars().next();
            if let Some(m @ ('`' | '~')) = marker {
                let n = trimmed.chars().take_while(|c| *c == m).count();
                match fence {
                    None if n >= 3 && !(m == '`' && trimmed[n..].contains('`')) => {
                        fence = Some((m, n))
                    }
                    Some((fm, fnum)) if fm == m && n >= fnum && trimmed[n..].trim().is_empty() => {
                        fence = None
                    }
                    _ => {}
                }
            } else if fence.is_none() {
                if let Some(end) = html_block_end(trimmed) {
                    // The block is harmless if it closes later in this field.
                    // Only the last end marker matters, found once per marker
                    // so a field of many such lines stays linear.
                    let from = offset + lead + 2;
                    let last = *last_end.entry(end).or_insert_with(|| lower.rfind(end));
                    if last.is_none_or(|at| at < from) {
                        out_line = format!("{}\\{}", &line[..lead], trimmed);
                    }
                }
            }
        }
        let _ = writeln!(md, "{indent}{out_line}");
        offset += line.len() + 1;
    }
    if let Some((m, n)) = fence {
        let _ = writeln!(md, "{indent}{}", m.to_string().repeat(n));
    }
    md.push('\n');
}

/// The CommonMark HTML blocks (types 1 to 5) that run until an end marker
/// rather than a blank line, with that marker.
fn html_block_end(line: &str) -> Option<&'static str> {
    let lower = line.to_ascii_lowercase();
    for (tag, end) in [
        ("<pre", "</pre>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
    ] {
        if lower.starts_with(tag)
            && matches!(
                lower[tag.len()..].chars().next(),
                None | Some(' ' | '>' | '\t')
            )
        {
            return Some(end);
        }
    }
    if lower.starts_with("<!--") {
        Some("-->")
    } else if lower.starts_with("<?") {
        Some("?>")
    } else if lower.starts_with("<![cdata[") {
        Some("]]>")
    } else if lower.starts_with("<!") && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        Some(">")
    } else {
        None
    }
}

/// A fenced code block whose fence is longer than any backtick run inside, so
/// a pasted chat log (which may hold fences of its own) stays one block.
fn code_block(md: &mut String, text: &str) {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat((longest + 1).max(3));
    let body = text.replace("\r\n", "\n").replace('\r', "\n");
    let _ = writeln!(
        md,
        "{fence}text\n{}\n{fence}\n",
        body.trim_end_matches('\n')
    );
}

fn table(md: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(md, "| {} |", header.join(" | "));
    let _ = writeln!(
        md,
        "|{}|",
        header.iter().map(|_| " --- ").collect::<Vec<_>>().join("|")
    );
    for row in rows {
        let _ = writeln!(md, "| {} |", row.join(" | "));
    }
    md.push('\n');
}

/// A table without those `optional` columns that hold only dashes: a column
/// nobody filled in is the form's scaffolding, not the author's content.
fn table_without_empty(md: &mut String, header: &[&str], rows: &[Vec<String>], optional: &[usize]) {
    let keep: Vec<usize> = (0..header.len())
        .filter(|i| !optional.contains(i) || rows.iter().any(|r| r[*i] != "—"))
        .collect();
    let header: Vec<&str> = keep.iter().map(|&i| header[i]).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| keep.iter().map(|&i| r[i].clone()).collect())
        .collect();
    table(md, &header, &rows);
}

// ---------------------------------------------------------------- values

fn utc(t: DateTime<Utc>) -> String {
    if t.second() == 0 {
        t.format("%Y-%m-%d %H:%M UTC").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
    }
}

fn event_time(e: &TimelineEvent) -> String {
    match (e.time, e.precision) {
        (None, _) | (_, Precision::Unknown) => "unknown".into(),
        (Some(t), Precision::Approximate) => format!("≈ {}", utc(t).trim_end_matches(" UTC")),
        (Some(t), Precision::Exact) => utc(t).trim_end_matches(" UTC").to_string(),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "—".into())
}

/// Groups digits in threes so large counts read at a glance.
pub(crate) fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn yaml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // YAML counts these as line breaks, and control characters are
            // not allowed raw: both go out as escapes.
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn front_matter(md: &mut String, doc: &PostMortem) {
    let c = &doc.context;
    md.push_str("---\n");
    let _ = writeln!(md, "title: {}", yaml_string(&display_title(doc)));
    if let Some(t) = c.started {
        let _ = writeln!(
            md,
            "start: {}",
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    if let Some(t) = c.ended {
        let _ = writeln!(
            md,
            "end: {}",
            t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
    }
    if let Some(s) = c.severity {
        let _ = writeln!(md, "severity: {}", yaml_string(s.short()));
    }
    let tags: Vec<String> = c.tags.iter().map(|t| yaml_string(t)).collect();
    let _ = writeln!(md, "tags: [{}]", tags.join(", "));
    md.push_str("---\n\n");
}

fn metadata(md: &mut String, doc: &PostMortem) {
    let c = &doc.context;
    let list = |v: &[String]| {
        let parts: Vec<String> = v
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| inline(s))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    };
    // Only what is known: a row of "not set" tells a reader nothing.
    let rows: Vec<Vec<String>> = [
        ("Severity", c.severity.map(|s| s.label().to_string())),
        ("Status", Some(c.status.label().to_string())),
        ("Start", c.started.map(utc)),
        ("End", c.ended.map(utc)),
        ("Time zone", has(&c.time_zone).then(|| inline(&c.time_zone))),
        ("Services", list(&c.services)),
        ("Tags", list(&c.tags)),
    ]
    .into_iter()
    .filter_map(|(field, value)| Some(vec![field.to_string(), value?]))
    .collect();
    table(md, &["Field", "Value"], &rows);
}

// ---------------------------------------------------------------- sections

fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Whether a section has anything worth exporting. Empty sections are left
/// out rather than printed as blank headings.
fn filled(doc: &PostMortem, section: Section, opts: &MarkdownOptions) -> bool {
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

fn render(md: &mut String, doc: &PostMortem, section: Section, opts: &MarkdownOptions) {
    match section {
        Section::Context => context(md, doc),
        Section::Regret => regret(md, &doc.regret),
        Section::Reason => reason(md, &doc.reason),
        Section::Timeline => timeline(md, doc, opts),
        Section::Remedy => remedy(md, doc, opts),
        Section::Lessons => lessons(md, &doc.lessons),
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

fn reason(md: &mut String, r: &Reason) {
    md.push_str("## Reason\n\n");
    sub(md, "What happened", &r.narrative);
    sub(md, "Resolution", &r.resolution);
    if !r.factors.is_empty() {
        md.push_str("### Contributing factors\n\n");
        for f in &r.factors {
            let _ = match f.category {
                Some(c) => writeln!(md, "- **{}**: {}", c.label(), cell(&f.description)),
                None => writeln!(md, "- {}", cell(&f.description)),
            };
        }
        md.push('\n');
    }
}

fn timeline(md: &mut String, doc: &PostMortem, opts: &MarkdownOptions) {
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
            ]
        })
        .collect();
    table_without_empty(
        md,
        &["Time (UTC)", "Kind", "What happened", "Source"],
        &rows,
        &[3],
    );
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
    match super::tickets::ticket_url(raw, pattern.unwrap_or("")).and_then(|u| http_url(&u)) {
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
                    d.format("%Y-%m-%d")
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
            parts.push(format!("completed {}", d.format("%Y-%m-%d")));
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

fn lesson_heading(k: LessonKind) -> &'static str {
    match k {
        LessonKind::Helped => "What helped us",
        LessonKind::Slowed => "What slowed us down",
        LessonKind::Differently => "What we could have done differently",
        LessonKind::Learned => "What we know now that we did not know before",
        LessonKind::Lucky => "Where we got lucky",
        LessonKind::Expertise => "Expert knowledge the responders used",
        LessonKind::Signals => "Signals seen before the incident",
    }
}

fn lessons(md: &mut String, l: &Lessons) {
    md.push_str("## Lessons\n\n");
    for k in LessonKind::ALL {
        let entries: Vec<&Entry> = k.list(l).iter().filter(|e| has(&e.text)).collect();
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(md, "### {}\n", lesson_heading(k));
        for e in entries {
            let _ = writeln!(md, "- {}", inline(&e.text));
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
