//! How text goes into the Markdown: short fields escaped inline, long-form
//! fields passed through with their blocks closed, links only to http(s),
//! code blocks and tables.

use std::fmt::Write as _;

/// Whether a field holds anything but whitespace.
pub(super) fn has(text: &str) -> bool {
    !text.trim().is_empty()
}

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
pub(super) fn cell(text: &str) -> String {
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
pub(super) fn link(label: &str, url: &str) -> String {
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
pub(super) fn long_form(md: &mut String, text: &str) {
    long_form_indented(md, text, "");
}

pub(super) fn long_form_indented(md: &mut String, text: &str, indent: &str) {
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
pub(super) fn code_block(md: &mut String, text: &str) {
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

pub(super) fn table(md: &mut String, header: &[&str], rows: &[Vec<String>]) {
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
pub(super) fn table_without_empty(
    md: &mut String,
    header: &[&str],
    rows: &[Vec<String>],
    optional: &[usize],
) {
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
