//! Ticket ids to links. A remediation item names its ticket either as a full
//! address or as an id ("PAY-1234") that the team's tracker pattern turns
//! into one. The editor, the follow-ups view and the exports all call these
//! functions, so an id links to the same place everywhere.
//!
//! Only http(s) addresses are ever produced: a ticket field is free text, and
//! a `javascript:` or `data:` value must stay text, never become a link.

use std::fmt::Write;

use crate::domain::{display_title, PostMortem, RemediationItem};

/// What a pattern puts the ticket id in place of.
pub const PLACEHOLDER: &str = "{id}";

/// Why a ticket address pattern cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatternProblem {
    /// Does not start with `http://` or `https://`.
    NotHttp,
    /// Has no `{id}` for the ticket id to go into.
    NoPlaceholder,
    /// Contains spaces or control characters.
    Whitespace,
}

impl PatternProblem {
    pub fn message(self) -> &'static str {
        match self {
            PatternProblem::NotHttp => "Start the pattern with https:// (or http://).",
            PatternProblem::NoPlaceholder => {
                "Put {id} where the ticket id goes, e.g. https://tracker.example/browse/{id}."
            }
            PatternProblem::Whitespace => "Remove the spaces from the pattern.",
        }
    }
}

/// The value itself when it is a usable http(s) address: something after the
/// scheme, and no whitespace or control characters (which would make it two
/// words rather than one address). The scheme is matched case-insensitively,
/// as browsers do.
pub fn http_url(raw: &str) -> Option<&str> {
    let url = raw.trim();
    let scheme_len = if starts_with_ignore_case(url, "https://") {
        8
    } else if starts_with_ignore_case(url, "http://") {
        7
    } else {
        return None;
    };
    let rest = &url[scheme_len..];
    if rest.is_empty()
        || rest.starts_with('/')
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    Some(url)
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Checks a ticket address pattern. An empty pattern is fine: it means
/// "no tracker", and only full addresses become links.
pub fn check_pattern(pattern: &str) -> Result<(), PatternProblem> {
    let p = pattern.trim();
    if p.is_empty() {
        return Ok(());
    }
    if p.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(PatternProblem::Whitespace);
    }
    // Checked on the pattern with a harmless id filled in, so that
    // "https://{id}.tracker.example" counts as an address too.
    if http_url(&p.replace(PLACEHOLDER, "x")).is_none() {
        return Err(PatternProblem::NotHttp);
    }
    if !p.contains(PLACEHOLDER) {
        return Err(PatternProblem::NoPlaceholder);
    }
    Ok(())
}

/// Percent-encodes everything but unreserved URL characters, so an id like
/// `../admin?x=1` stays inside the place the pattern gives it.
pub fn encode_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Where a ticket field points: the value itself when it is an http(s)
/// address, else the id put into `pattern` (when the pattern is usable),
/// else nowhere.
pub fn ticket_url(ticket: &str, pattern: &str) -> Option<String> {
    let t = ticket.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(url) = http_url(t) {
        return Some(url.to_string());
    }
    check_pattern(pattern).ok()?;
    let p = pattern.trim();
    if p.is_empty() {
        return None;
    }
    let url = p.replace(PLACEHOLDER, &encode_id(t));
    http_url(&url).map(str::to_string)
}

/// A tracker whose "new ticket" page takes its title and text in the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tracker {
    GitHub,
    GitLab,
    Jira,
}

impl Tracker {
    /// The query parameters its new-ticket page fills the form from.
    fn params(self) -> (&'static str, &'static str) {
        match self {
            Tracker::GitHub => ("title", "body"),
            Tracker::GitLab => ("issue[title]", "issue[description]"),
            Tracker::Jira => ("summary", "description"),
        }
    }
}

/// Which tracker a new-ticket address belongs to, by the shape of its path:
/// GitHub's `…/issues/new`, GitLab's `…/-/issues/new` (either on any host,
/// for self-hosted ones), Jira's `…/secure/CreateIssueDetails!init.jspa`.
pub fn tracker_of(new_url: &str) -> Option<Tracker> {
    let url = http_url(new_url)?;
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .trim_end_matches('/');
    if path.ends_with("/secure/CreateIssueDetails!init.jspa") {
        Some(Tracker::Jira)
    } else if path.ends_with("/-/issues/new") {
        Some(Tracker::GitLab)
    } else if path.ends_with("/issues/new") {
        Some(Tracker::GitHub)
    } else {
        None
    }
}

/// Why a new-ticket address cannot be used; `None` when it can (or is empty).
pub fn check_new_ticket(new_url: &str) -> Option<&'static str> {
    let u = new_url.trim();
    (!u.is_empty() && tracker_of(u).is_none()).then_some(
        "Use the address of your tracker's new-ticket page: …/issues/new (GitHub), …/-/issues/new (GitLab) or …/secure/CreateIssueDetails!init.jspa?pid=…&issuetype=… (Jira).",
    )
}

/// Longest text put into an address: browsers and trackers refuse very long
/// ones, and the ticket can always be edited after it opens.
const MAX_BODY: usize = 3000;

/// The new-ticket page with the title and text filled in; `None` when the
/// address is not one this app knows how to fill.
pub fn new_ticket_url(new_url: &str, title: &str, body: &str) -> Option<String> {
    let tracker = tracker_of(new_url)?;
    let base = http_url(new_url)?.split('#').next()?;
    let (title_key, body_key) = tracker.params();
    let mut body = body.trim();
    if body.len() > MAX_BODY {
        let mut cut = MAX_BODY;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body = &body[..cut];
    }
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(format!(
        "{base}{sep}{}={}&{}={}",
        encode_id(title_key),
        encode_id(title.trim()),
        encode_id(body_key),
        encode_id(body)
    ))
}

/// What a ticket for a remediation item says beyond its title: the factors
/// it answers, how done will be known, and where it came from, so the
/// ticket stands on its own in a backlog. Shared by the new-ticket link and
/// the Jira CSV.
pub fn item_description(doc: &PostMortem, item: &RemediationItem, origin: &str) -> String {
    let mut out = String::new();
    for f in item
        .factor_ids
        .iter()
        .filter_map(|id| doc.reason.factors.iter().find(|f| &f.id == id))
        .filter(|f| !f.description.trim().is_empty())
    {
        let _ = writeln!(
            out,
            "Answers the contributing factor: {}",
            f.description.trim()
        );
    }
    if !item.measure.trim().is_empty() {
        let _ = writeln!(out, "Done when: {}", item.measure.trim());
    }
    if let Some(due) = item.due {
        let _ = writeln!(out, "Due: {due}");
    }
    if !item.ticket.trim().is_empty() {
        let _ = writeln!(out, "Ticket: {}", item.ticket.trim());
    }
    let _ = write!(out, "From the post-mortem: {}{origin}", display_title(doc));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const JIRA: &str = "https://tracker.example/browse/{id}";

    #[test]
    fn an_id_goes_into_the_pattern() {
        assert_eq!(
            ticket_url("PAY-1234", JIRA).as_deref(),
            Some("https://tracker.example/browse/PAY-1234")
        );
        // Surrounding spaces typed by accident do not end up in the link.
        assert_eq!(
            ticket_url("  PAY-1234 ", &format!(" {JIRA} ")).as_deref(),
            Some("https://tracker.example/browse/PAY-1234")
        );
    }

    #[test]
    fn the_placeholder_may_appear_anywhere_and_more_than_once() {
        assert_eq!(
            ticket_url("42", "https://git.example/team/repo/-/issues/{id}?ref={id}").as_deref(),
            Some("https://git.example/team/repo/-/issues/42?ref=42")
        );
        assert_eq!(
            ticket_url("ops", "https://{id}.tracker.example/").as_deref(),
            Some("https://ops.tracker.example/")
        );
    }

    #[test]
    fn an_address_is_kept_as_it_is_with_or_without_a_pattern() {
        let url = "https://tracker.example/browse/PAY-9?focus=1";
        assert_eq!(ticket_url(url, "").as_deref(), Some(url));
        assert_eq!(ticket_url(url, JIRA).as_deref(), Some(url));
        assert_eq!(
            ticket_url("HTTP://intranet.example/t/7", "").as_deref(),
            Some("HTTP://intranet.example/t/7")
        );
    }

    #[test]
    fn without_a_usable_pattern_an_id_is_not_a_link() {
        assert_eq!(ticket_url("PAY-1234", ""), None);
        assert_eq!(
            ticket_url("PAY-1234", "https://tracker.example/browse/"),
            None
        );
        assert_eq!(ticket_url("PAY-1234", "tracker.example/{id}"), None);
        assert_eq!(ticket_url("", JIRA), None);
        assert_eq!(ticket_url("   ", JIRA), None);
    }

    #[test]
    fn hostile_values_never_become_anything_but_http_links() {
        // Not http(s) and no pattern: text.
        assert_eq!(ticket_url("javascript:alert(1)", ""), None);
        assert_eq!(ticket_url("data:text/html,<b>x</b>", ""), None);
        // With a pattern, the value is encoded into the tracker's address.
        assert_eq!(
            ticket_url("javascript:alert(1)", JIRA).as_deref(),
            Some("https://tracker.example/browse/javascript%3Aalert%281%29")
        );
        assert_eq!(
            ticket_url("../../admin?x=1#y", JIRA).as_deref(),
            Some("https://tracker.example/browse/..%2F..%2Fadmin%3Fx%3D1%23y")
        );
        // A non-ASCII id is encoded byte by byte.
        assert_eq!(
            ticket_url("Ärger 1", JIRA).as_deref(),
            Some("https://tracker.example/browse/%C3%84rger%201")
        );
    }

    #[test]
    fn http_url_rejects_what_is_not_one_address() {
        assert_eq!(http_url(" https://a.example "), Some("https://a.example"));
        for bad in [
            "https://",
            "http:///path",
            "https://a.example/x y",
            "ftp://a.example",
            "mailto:a@example.org",
            "https:a.example",
            "https://a.example/\u{7}",
            "",
        ] {
            assert_eq!(http_url(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn patterns_are_checked_with_a_reason() {
        assert_eq!(check_pattern(""), Ok(()));
        assert_eq!(check_pattern("   "), Ok(()));
        assert_eq!(check_pattern(JIRA), Ok(()));
        assert_eq!(check_pattern("https://{id}.t.example"), Ok(()));
        assert_eq!(
            check_pattern("tracker.example/browse/{id}"),
            Err(PatternProblem::NotHttp)
        );
        assert_eq!(
            check_pattern("javascript:open('{id}')"),
            Err(PatternProblem::NotHttp)
        );
        assert_eq!(
            check_pattern("https://tracker.example/browse/"),
            Err(PatternProblem::NoPlaceholder)
        );
        assert_eq!(
            check_pattern("https://tracker.example/browse/ {id}"),
            Err(PatternProblem::Whitespace)
        );
        // Every problem has something to say.
        for p in [
            PatternProblem::NotHttp,
            PatternProblem::NoPlaceholder,
            PatternProblem::Whitespace,
        ] {
            assert!(!p.message().is_empty());
        }
    }

    #[test]
    fn encode_id_keeps_unreserved_characters_only() {
        assert_eq!(encode_id("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(encode_id("a/b c"), "a%2Fb%20c");
        assert_eq!(encode_id("{id}"), "%7Bid%7D");
    }
}
