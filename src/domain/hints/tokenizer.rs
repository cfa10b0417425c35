//! Splits a text into words with the punctuation between them, leaving out
//! what is quoted rather than said (code, quotes, block quotes, URLs).

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Brk {
    None,
    Clause,
    Sentence,
}

#[derive(Debug)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lower: String,
    /// First character upper-case: names are matched only when capitalised
    /// (unless written lower-case by the caller), so "will" is not Will.
    pub(super) cap: bool,
    /// Capitalised, letters only, no capital after the first ("Priya",
    /// not "DNS", "S3", "k8s" or "PagerDuty"): what a personal name looks
    /// like, for names that are in no people list.
    pub(super) name_like: bool,
    /// Punctuation between this token and the previous one.
    pub(super) brk: Brk,
}

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte ranges that are not judged: code spans and fenced code, text between
/// double quotes (straight or curly), Markdown block-quote lines (pasted chat)
/// and URLs. Quoting someone is recording what was said, not saying it.
pub(super) fn excluded_ranges(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let at_line_start = i == 0 || b[i - 1] == b'\n';
        if at_line_start {
            let mut k = i;
            while k < b.len() && k - i < 3 && b[k] == b' ' {
                k += 1;
            }
            if k < b.len() && b[k] == b'>' {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.push((i, end));
                i = end;
                continue;
            }
        }
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '`' {
            let n = rest.bytes().take_while(|&x| x == b'`').count();
            if let Some(close) = find_backtick_run(text, i + n, n) {
                out.push((i, close + n));
                i = close + n;
            } else {
                i += n;
            }
            continue;
        }
        if c == '"' || c == '\u{201c}' {
            let open_len = c.len_utf8();
            let inner = &text[i + open_len..];
            // Look for the closer first and only then check for a paragraph
            // break before it: scanning each time to the paragraph's end
            // would be quadratic on a long pasted log full of quotes.
            let closer = inner
                .char_indices()
                .find(|&(_, q)| q == '"' || q == '\u{201d}' || q == '\u{201c}');
            match closer {
                Some((pos, q)) if !inner[..pos].contains("\n\n") => {
                    let end = i + open_len + pos + q.len_utf8();
                    out.push((i, end));
                    i = end;
                }
                _ => i += open_len,
            }
            continue;
        }
        let url_start = i == 0 || !is_word_char(text[..i].chars().next_back().unwrap_or(' '));
        if url_start
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."))
        {
            let len = rest
                .find(|ch: char| ch.is_whitespace() || ch == '<' || ch == '>')
                .unwrap_or(rest.len());
            out.push((i, i + len));
            i += len;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

fn find_backtick_run(text: &str, from: usize, n: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = from;
    while k < b.len() {
        if b[k] == b'`' {
            let run = b[k..].iter().take_while(|&&x| x == b'`').count();
            if run == n {
                return Some(k);
            }
            k += run;
        } else {
            k += 1;
        }
    }
    None
}

pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let excluded = excluded_ranges(text);
    let mut ex = excluded.iter().peekable();
    let mut toks = Vec::new();
    let mut pending = Brk::Sentence;
    let mut word_start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut idx = 0;

    let finish = |start: usize, end: usize, pending: &mut Brk, toks: &mut Vec<Tok>| {
        let s = &text[start..end];
        toks.push(Tok {
            start,
            end,
            lower: s.to_lowercase().replace('\u{2019}', "'"),
            cap: s.chars().next().is_some_and(char::is_uppercase),
            name_like: s.chars().next().is_some_and(char::is_uppercase)
                && s.chars().count() >= 2
                && s.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'))
                && s.chars().skip(1).any(char::is_lowercase)
                && !s.chars().skip(1).any(char::is_uppercase),
            brk: *pending,
        });
        *pending = Brk::None;
    };

    while idx < chars.len() {
        let (pos, c) = chars[idx];
        while ex.peek().is_some_and(|r| r.1 <= pos) {
            ex.next();
        }
        if let Some(&&(s, e)) = ex.peek() {
            if s <= pos {
                if let Some(ws) = word_start.take() {
                    finish(ws, pos, &mut pending, &mut toks);
                }
                pending = pending.max(Brk::Clause);
                while idx < chars.len() && chars[idx].0 < e {
                    idx += 1;
                }
                continue;
            }
        }
        let prev = if idx > 0 {
            Some(chars[idx - 1].1)
        } else {
            None
        };
        let next = chars.get(idx + 1).map(|&(_, n)| n);
        let joins = word_start.is_some()
            && match c {
                '\'' | '\u{2019}' | '-' | '\u{2010}' | '.' => next.is_some_and(is_word_char),
                ':' | ',' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                _ => false,
            };
        if is_word_char(c) || joins {
            if word_start.is_none() {
                word_start = Some(pos);
            }
        } else {
            if let Some(ws) = word_start.take() {
                finish(ws, pos, &mut pending, &mut toks);
            }
            let brk = match c {
                '.' | '!' | '?' | ';' | ':' | '\n' | '\u{2026}' => Brk::Sentence,
                ',' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{2014}' | '\u{2013}' | '/' | '|'
                | '-' | '*' | '=' | '<' | '>' | '"' | '\u{201c}' | '\u{201d}' => Brk::Clause,
                _ => Brk::None,
            };
            pending = pending.max(brk);
        }
        idx += 1;
    }
    if let Some(ws) = word_start {
        finish(ws, text.len(), &mut pending, &mut toks);
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_joined_words_and_record_breaks() {
        let toks = tokenize("On-call didn’t reply, at 14:05. Root-cause v1.2");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "on-call",
                "didn't",
                "reply",
                "at",
                "14:05",
                "root-cause",
                "v1.2"
            ]
        );
        let brks: Vec<Brk> = toks.iter().map(|t| t.brk).collect();
        use Brk::*;
        assert_eq!(brks, [Sentence, None, None, Clause, None, Sentence, None]);
    }

    #[test]
    fn excluded_ranges_cover_quotes_code_blockquotes_and_urls() {
        let t = "a \"b\" `c` \u{201c}d\u{201d} https://e.f g\n> h\ni";
        let got: Vec<&str> = excluded_ranges(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            ["\"b\"", "`c`", "\u{201c}d\u{201d}", "https://e.f", "> h"]
        );
    }
}
