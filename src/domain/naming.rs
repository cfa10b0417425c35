//! What a post-mortem is called wherever it is named (an export's heading
//! and file name, the library, the follow-ups): its title, or, for a draft
//! nobody has titled yet, something the author did write.

use super::model::PostMortem;

/// Longest name taken from a line of text, in characters: a heading or a
/// file name, not a paragraph.
const MAX_CHARS: usize = 80;

/// The title; else the first line of the summary or, failing that, of the
/// first timeline event; else the day of the incident (or of the draft);
/// else a plain "Untitled post-mortem".
pub fn display_title(doc: &PostMortem) -> String {
    let title = doc.context.title.trim();
    if !title.is_empty() {
        return title.to_string();
    }
    let written = std::iter::once(doc.context.summary.as_str())
        .chain(doc.timeline.iter().map(|e| e.description.as_str()))
        .find_map(first_line);
    if let Some(line) = written {
        return line;
    }
    match doc.context.started.or(doc.created) {
        Some(t) => format!(
            "Post-mortem of {}",
            crate::domain::datefmt::ymd(t.date_naive())
        ),
        None => "Untitled post-mortem".to_string(),
    }
}

/// The first line with words in it, without the marks that open a Markdown
/// heading, quote or list item (the summary is written as Markdown), cut at
/// a word boundary when long.
fn first_line(text: &str) -> Option<String> {
    let line = text
        .lines()
        .map(|l| block_marks_off(l).trim_end())
        .find(|l| l.chars().any(char::is_alphanumeric))?;
    if line.chars().count() <= MAX_CHARS {
        return Some(line.to_string());
    }
    let cut: String = line.chars().take(MAX_CHARS).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > MAX_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    Some(format!("{}…", at_word.trim_end()))
}

/// The line without leading heading marks, quote marks and list bullets
/// (emphasis inside the text stays: it is part of what was written).
fn block_marks_off(mut line: &str) -> &str {
    loop {
        let rest = line.trim_start();
        let next = if rest.starts_with('#') {
            rest.trim_start_matches('#')
        } else if let Some(r) = rest.strip_prefix('>') {
            r
        } else if let Some(r) = ["- ", "* ", "+ "].iter().find_map(|b| rest.strip_prefix(b)) {
            r
        } else {
            return rest;
        };
        line = next;
    }
}

/// Element id for a field key (`context.title` → `context-title`): the one
/// rule that ties a field's key (completeness, wording notes) to the control
/// on the page, used by labels, jumps to a field and tests.
pub fn dom_id(key: &str) -> String {
    key.replace(['.', '[', ']'], "-")
        .trim_end_matches('-')
        .to_string()
}

/// Splits guidance after its first sentence: `("First.", "The rest.")`. A
/// sentence ends at `.`, `?` or `!` followed by a space and a capital, so
/// "e.g. this" and "14.5" stay whole.
pub fn first_sentence(text: &str) -> (&str, &str) {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for w in bytes.windows(3) {
        let [(i, end), (_, space), (_, next)] = [w[0], w[1], w[2]];
        if matches!(end, '.' | '?' | '!') && space == ' ' && next.is_uppercase() {
            let cut = i + end.len_utf8();
            return (&text[..cut], text[cut..].trim_start());
        }
    }
    (text, "")
}
