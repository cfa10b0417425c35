//! Reading an exported Markdown file back with a real CommonMark/GFM parser:
//! its tables, links and raw HTML, for the tests that check what a reader of
//! the file would see.

use debrief::domain::*;
use debrief::export::markdown::MarkdownOptions;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn gfm() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_MATH
}

pub fn options() -> MarkdownOptions {
    MarkdownOptions {
        front_matter: true,
        anonymise: false,
        ticket_url: Some("https://tracker.example/browse/{id}".into()),
        durations: vec![
            ("Time to detect".into(), "≈ 7 min".into()),
            ("Time to resolve".into(), "47 min".into()),
        ],
        // The checklist is asked for here: it is the last section, which
        // the guards against swallowed sections look for.
        basics: true,
        today: Some(super::day(15)),
    }
}

/// The text a short field should show once rendered: whitespace collapsed,
/// control characters dropped, nothing else changed.
pub fn shown(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

pub fn cell_text(s: &str) -> String {
    let t = shown(s);
    if t.is_empty() {
        "—".into()
    } else {
        t
    }
}

/// Every table in the document: header cells then body rows, as plain text.
pub fn tables(md: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let mut out = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_head = false;
    for ev in Parser::new_ext(md, gfm()) {
        match ev {
            Event::Start(Tag::Table(_)) => {
                header.clear();
                rows.clear();
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row.clear(),
            Event::Start(Tag::TableCell) => cell.clear(),
            Event::End(TagEnd::TableCell) => {
                if in_head {
                    header.push(cell.clone());
                } else {
                    row.push(cell.clone());
                }
            }
            Event::End(TagEnd::TableRow) => rows.push(row.clone()),
            Event::End(TagEnd::Table) => out.push((header.clone(), rows.clone())),
            Event::Text(t) | Event::Code(t) => cell.push_str(&t),
            _ => {}
        }
    }
    out
}

pub fn table<'a>(all: &'a [(Vec<String>, Vec<Vec<String>>)], first: &str) -> &'a [Vec<String>] {
    &all.iter()
        .find(|(h, _)| h.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("no table starting with {first}"))
        .1
}

pub fn links(md: &str) -> Vec<String> {
    Parser::new_ext(md, gfm())
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

pub fn has_html(md: &str) -> bool {
    html(md).is_some()
}

/// The first raw HTML the parser finds, if any.
pub fn html(md: &str) -> Option<String> {
    Parser::new_ext(md, gfm()).find_map(|e| match e {
        Event::Html(h) | Event::InlineHtml(h) => Some(h.to_string()),
        _ => None,
    })
}

/// Blanks every long-form field, leaving only short ones: whatever is left
/// must render without any HTML at all.
pub fn short_only(mut d: PostMortem) -> PostMortem {
    for f in Field::ALL {
        apply(&mut d, Edit::Text(f, String::new()));
    }
    d.context.title = "x".into();
    for q in &mut d.questions {
        q.answer.clear();
    }
    for c in &mut d.evidence.conversations {
        c.excerpt.clear();
    }
    for x in &mut d.meeting.dissent {
        x.view.clear();
    }
    // An account is told in the person's own (Markdown) words.
    for a in &mut d.accounts {
        a.text.clear();
        for p in Prompt::ALL {
            p.get_mut(a).clear();
        }
    }
    d
}

/// Task markers after the parsed `## Basics` heading, if that heading parsed.
pub fn basics_marks_after_heading(md: &str) -> Option<usize> {
    let mut in_h2 = false;
    let mut h2_text = String::new();
    let mut after: Option<usize> = None;
    for e in Parser::new_ext(md, gfm()) {
        match e {
            Event::Start(Tag::Heading {
                level: pulldown_cmark::HeadingLevel::H2,
                ..
            }) => {
                in_h2 = true;
                h2_text.clear();
            }
            Event::Text(t) if in_h2 => h2_text.push_str(&t),
            Event::End(TagEnd::Heading(_)) if in_h2 => {
                in_h2 = false;
                if h2_text == "Basics" {
                    after = Some(0);
                }
            }
            Event::TaskListMarker(_) => {
                if let Some(n) = after.as_mut() {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    after
}
