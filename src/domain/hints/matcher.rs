//! Finds the rules' patterns in a tokenized text and checks their guards.

use super::names::{COMMON_NOUN_ENDINGS, NAME_ENDINGS_IN_S, NOT_NAMES};
use super::pattern::Pos::{Opt, W};
use super::pattern::{Guard, Pos, Who};
use super::rules::RULES;
use super::tokenizer::{is_word_char, Brk, Tok};
use super::types::{Category, Hint, Rule};
use super::words::*;

/// Participants' names, split into parts ("Alice Smith" → alice, smith).
pub(super) struct Names(Vec<(String, bool)>);

impl Names {
    pub(super) fn new(people: &[&str]) -> Names {
        let mut parts = Vec::new();
        for name in people {
            let name = name.replace('\u{2019}', "'");
            for part in name.split(|c: char| !is_word_char(c) && c != '\'' && c != '-') {
                if part.chars().count() < 2 {
                    continue;
                }
                let needs_cap = part.chars().any(char::is_uppercase);
                let lower = part.to_lowercase();
                if !parts.iter().any(|(p, _)| *p == lower) {
                    parts.push((lower, needs_cap));
                }
            }
        }
        Names(parts)
    }

    fn matches(&self, t: &Tok) -> bool {
        self.0
            .iter()
            .any(|(p, needs_cap)| *p == t.lower && (t.cap || !needs_cap))
    }
}

fn word_is(word: &str, alt: &str) -> bool {
    match alt.strip_prefix('*') {
        Some(suffix) => word.len() > suffix.len() && word.ends_with(suffix),
        None => word == alt,
    }
}

fn word_in(word: &str, alts: &[&str]) -> bool {
    alts.iter().any(|a| word_is(word, a))
}

/// Tries `pat` with its first position at token `j`; returns the index of the
/// last token consumed.
fn match_pattern(
    pat: &[Pos],
    gap: &[&str],
    toks: &[Tok],
    j: usize,
    last: Option<usize>,
) -> Option<usize> {
    let Some((pos, rest)) = pat.split_first() else {
        return last;
    };
    let (alts, optional) = match pos {
        W(a) => (*a, false),
        Opt(a) => (*a, true),
    };
    if optional && last.is_some() {
        if let Some(e) = match_pattern(rest, gap, toks, j, last) {
            return Some(e);
        }
    }
    // Up to two gap words may sit before this position (none before the first).
    for (skipped, t) in (0..=2).zip(j..) {
        let tok = toks.get(t)?;
        // A match never spans punctuation.
        if last.is_some() && tok.brk != Brk::None {
            return None;
        }
        if word_in(&tok.lower, alts) {
            if let Some(e) = match_pattern(rest, gap, toks, t + 1, Some(t)) {
                return Some(e);
            }
        }
        if last.is_none() || skipped == 2 || !word_in(&tok.lower, gap) {
            break;
        }
    }
    None
}

/// Whether the words of `phrase` sit directly before token `i` (same clause).
fn preceded_by(toks: &[Tok], i: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    let n = words.len();
    if i < n {
        return false;
    }
    (0..n).all(|k| {
        let t = i - n + k;
        word_is(&toks[t].lower, words[k]) && toks[t + 1].brk == Brk::None
    })
}

/// Whether the words of `phrase` follow token `e` directly; `$` means the
/// clause ends there.
fn followed_by(toks: &[Tok], e: usize, phrase: &str) -> bool {
    if phrase == "$" {
        return toks.get(e + 1).is_none_or(|t| t.brk != Brk::None);
    }
    phrase.split(' ').enumerate().all(|(k, w)| {
        toks.get(e + 1 + k)
            .is_some_and(|t| t.brk == Brk::None && word_is(&t.lower, w))
    })
}

fn is_number(toks: &[Tok], e: usize) -> bool {
    let Some(next) = toks.get(e + 1) else {
        return false;
    };
    next.brk == Brk::None
        && (next.lower.starts_with(|c: char| c.is_ascii_digit())
            || NUMBER_WORDS.iter().any(|w| followed_by(toks, e, w)))
}

/// Whether one of `words` occurs in the `n` words before token `i`, without
/// crossing punctuation.
fn after_within(toks: &[Tok], i: usize, n: usize, words: &[&str]) -> bool {
    let mut j = i;
    for _ in 0..n {
        if j == 0 || toks[j].brk != Brk::None {
            return false;
        }
        j -= 1;
        if word_in(&toks[j].lower, words) {
            return true;
        }
    }
    false
}

fn negated(toks: &[Tok], i: usize) -> bool {
    // A clause whose subject is "nothing" or "none" denies what follows
    // however far off it is: "nothing in the logs was obvious".
    after_within(toks, i, 3, NEGATORS) || after_within(toks, i, 8, NEGATIVE_SUBJECTS)
}

fn looks_participle(w: &str) -> bool {
    (w.len() > 3 && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("wn")))
        || IRREGULAR_PARTICIPLES.contains(&w)
}

fn then_participle(toks: &[Tok], e: usize) -> bool {
    let mut k = e + 1;
    for _ in 0..3 {
        match toks.get(k) {
            None => return true,
            Some(t) if t.brk != Brk::None => return true,
            Some(t) if word_in(&t.lower, ADVERB_GAP) => k += 1,
            // "should have read access", "write permission": "read" and
            // "write" here name a kind of access, not something done.
            Some(t)
                if matches!(t.lower.as_str(), "read" | "write")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.brk == Brk::None && word_in(&n.lower, ACCESS_NOUNS)) =>
            {
                return false
            }
            Some(t) => return looks_participle(&t.lower),
        }
    }
    false
}

fn within(toks: &[Tok], e: usize, n: usize, words: &[&str]) -> bool {
    toks.iter()
        .skip(e + 1)
        .take(n)
        .take_while(|t| t.brk != Brk::Sentence)
        .any(|t| word_in(&t.lower, words))
}

/// Strips a contracted auxiliary: "we'd" → "we", "they've" → "they".
fn base(word: &str) -> &str {
    for suffix in ["'d", "'ve", "'re", "'ll"] {
        if let Some(b) = word.strip_suffix(suffix) {
            return b;
        }
    }
    word
}

fn is_who(t: &Tok, names: &Names, who: Who) -> bool {
    let w = base(&t.lower);
    match who {
        Who::Person => PERSON_PRONOUNS.contains(&w) || ROLES.contains(&w) || names.matches(t),
        Who::Individual => INDIVIDUAL_PRONOUNS.contains(&w) || ROLES.contains(&w),
        Who::Named => names.matches(t),
    }
}

/// Whether token `j` reads as the name of someone in no people list: a
/// draft is often written before anyone is listed, and "Priya forgot" judges
/// Priya all the same. Only a word that looks like a name counts, and not
/// the capitalised nouns that start sentences or name software ("Redis",
/// "Monitoring", "Friday"). Asked only of the word right before the verb,
/// where a name is the subject.
fn unlisted_name(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    let w = t.lower.strip_suffix("'s").unwrap_or(&t.lower);
    if !t.name_like || NOT_NAMES.contains(&w) || PERSON_PRONOUNS.contains(&w) {
        return false;
    }
    let starts_sentence = j == 0 || toks[j].brk == Brk::Sentence;
    // At the start of a sentence any noun is capitalised; these endings are
    // common nouns' (monitoring, deployment, users), rarely names'.
    let noun_like = COMMON_NOUN_ENDINGS.iter().any(|e| w.ends_with(e))
        || (w.ends_with('s') && !NAME_ENDINGS_IN_S.iter().any(|e| w.ends_with(e)));
    !(starts_sentence && noun_like)
}

/// Finds a subject of the kind `who` for the verb at token `i`. Returns the
/// subject's index and whether it stands right before the verb (adverbs and
/// auxiliaries aside), in which case it joins the highlighted span.
fn subject(toks: &[Tok], i: usize, names: &Names, who: Who) -> Option<(usize, bool)> {
    let mut j = i;
    while j > 0 && toks[j].brk == Brk::None {
        j -= 1;
        let t = &toks[j];
        // A person first: "Emily" must not be skipped as an -ly adverb.
        if is_who(t, names, who) || (who == Who::Named && unlisted_name(toks, j)) {
            return Some((j, true));
        }
        if word_in(&t.lower, SUBJECT_SKIP) {
            continue;
        }
        if CONJUNCTIONS.contains(&t.lower.as_str()) {
            return clause_subject(toks, j, names, who).map(|s| (s, false));
        }
        return None;
    }
    None
}

/// The subject at the start of the clause containing token `j`: skips a
/// leading time phrase and determiners, then looks at up to three words
/// ("the on-call engineer", "incident commander Bob").
fn clause_subject(toks: &[Tok], j: usize, names: &Names, who: Who) -> Option<usize> {
    let mut k = j;
    while k > 0 && toks[k].brk == Brk::None {
        k -= 1;
    }
    while k < j
        && (LEADING.contains(&toks[k].lower.as_str())
            || toks[k].lower.starts_with(|c: char| c.is_ascii_digit()))
    {
        k += 1;
    }
    while k < j && DETERMINERS.contains(&toks[k].lower.as_str()) {
        k += 1;
    }
    (k..j.min(k + 3)).find(|&m| is_who(&toks[m], names, who))
}

/// Checks the guards; returns the index where the highlighted span starts.
fn guarded(rule: &Rule, toks: &[Tok], i: usize, e: usize, names: &Names) -> Option<usize> {
    let mut start = i;
    for g in rule.guards {
        let ok = match g {
            Guard::NotAfter(list) => !list.iter().any(|p| preceded_by(toks, i, p)),
            Guard::NotAfterWithin(n, list) => !after_within(toks, i, *n, list),
            Guard::OnlyAfter(list) => list.iter().any(|p| preceded_by(toks, i, p)),
            Guard::WordOnlyAfter(word, list) => {
                toks[i].lower != *word || list.iter().any(|p| preceded_by(toks, i, p))
            }
            Guard::NotBefore(list) => !list.iter().any(|p| followed_by(toks, e, p)),
            Guard::OnlyBefore(list) => list.iter().any(|p| followed_by(toks, e, p)),
            Guard::NotBeforeNumber => !is_number(toks, e),
            Guard::NotNegated => !negated(toks, i),
            Guard::ThenParticiple => then_participle(toks, e),
            Guard::Within(n, words) => within(toks, e, *n, words),
            Guard::Near(n, words) => after_within(toks, i, *n, words) || within(toks, e, *n, words),
            Guard::Subject(who) => match subject(toks, i, names, *who) {
                Some((mut s, direct)) => {
                    if direct && *who != Who::Person {
                        // "Carol Nguyen caused": highlight the whole name.
                        while *who == Who::Named
                            && s > 0
                            && toks[s].brk == Brk::None
                            && names.matches(&toks[s - 1])
                        {
                            s -= 1;
                        }
                        start = s;
                    }
                    true
                }
                None => false,
            },
        };
        if !ok {
            return None;
        }
    }
    Some(start)
}

pub(super) fn scan(text: &str, toks: &[Tok], names: &Names) -> Vec<Hint> {
    let mut out = Vec::new();
    for i in 0..toks.len() {
        for rule in RULES {
            let found = rule.patterns.iter().find_map(|pat| {
                let e = match_pattern(pat, rule.gap, toks, i, None)?;
                guarded(rule, toks, i, e, names).map(|s| (s, e))
            });
            if let Some((s, e)) = found {
                let phrase = toks[s..=e]
                    .iter()
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                debug_assert!(text.is_char_boundary(toks[s].start));
                out.push(Hint {
                    rule_id: rule.id,
                    category: rule.category,
                    start: toks[s].start,
                    end: toks[e].end,
                    phrase,
                    why: rule.why,
                    reframe: rule.reframe,
                });
            }
        }
    }
    crate::domain::sort::sort_by_key(&mut out, |h| (h.start, h.end));
    // A note on what a person did ("Sven rushed the") already says what a
    // judgement of the same words inside it ("rushed") would: one note,
    // not two. Notes of other kinds on the same words stay ("could simply
    // have" is both a counterfactual and a minimiser).
    let about_people: Vec<(usize, usize)> = out
        .iter()
        .filter(|h| h.category == Category::NamedPerson || h.rule_id == "individual-negative")
        .map(|h| (h.start, h.end))
        .collect();
    out.retain(|h| {
        h.category != Category::Blame
            || !about_people
                .iter()
                .any(|&(s, e)| s <= h.start && e >= h.end && (s, e) != (h.start, h.end))
    });
    out
}
