//! Handing items to trackers without a request: the new-ticket page of
//! GitHub, GitLab or Jira with the item's title and text filled in, opened
//! by the user's own click.

use debrief::domain::example::example;
use debrief::export::tickets::{
    check_new_ticket, item_description, new_ticket_url, tracker_of, Tracker,
};

#[test]
fn each_tracker_is_known_by_its_new_ticket_page() {
    assert_eq!(
        tracker_of("https://github.com/acme/payments/issues/new"),
        Some(Tracker::GitHub)
    );
    assert_eq!(
        tracker_of("https://git.acme.example/pay/api/-/issues/new"),
        Some(Tracker::GitLab)
    );
    assert_eq!(
        tracker_of("https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10000&issuetype=10001"),
        Some(Tracker::Jira)
    );
    assert_eq!(tracker_of("https://github.com/acme/payments/issues"), None);
    assert_eq!(tracker_of("javascript:alert(1)//issues/new"), None);
    assert!(check_new_ticket("").is_none(), "empty means no tracker");
    assert!(check_new_ticket("https://tracker.example/browse").is_some());
}

#[test]
fn the_title_and_text_go_where_each_tracker_reads_them() {
    let gh = new_ticket_url(
        "https://github.com/acme/payments/issues/new",
        "Add backoff & jitter",
        "Line one\nline two",
    )
    .unwrap();
    assert_eq!(
        gh,
        "https://github.com/acme/payments/issues/new?title=Add%20backoff%20%26%20jitter&body=Line%20one%0Aline%20two"
    );
    let gl = new_ticket_url("https://git.acme.example/pay/api/-/issues/new", "T", "B").unwrap();
    assert_eq!(
        gl,
        "https://git.acme.example/pay/api/-/issues/new?issue%5Btitle%5D=T&issue%5Bdescription%5D=B"
    );
    // Jira's address already has a query: the fields are appended to it.
    let jira = new_ticket_url(
        "https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10000&issuetype=10001",
        "T",
        "B",
    )
    .unwrap();
    assert_eq!(
        jira,
        "https://acme.atlassian.net/secure/CreateIssueDetails!init.jspa?pid=10000&issuetype=10001&summary=T&description=B"
    );
    // A very long text is cut (on a character boundary) so the address stays usable.
    let long = "é".repeat(5000);
    let url = new_ticket_url("https://github.com/a/b/issues/new", "T", &long).unwrap();
    assert!(url.len() < 20_000, "{}", url.len());
}

#[test]
fn the_ticket_text_names_the_factor_the_measure_and_the_post_mortem() {
    let doc = example();
    let item = &doc.remedy.items[0];
    let text = item_description(&doc, item, " (card-payments.debrief.json)");
    let factor = doc
        .reason
        .factors
        .iter()
        .find(|f| f.id == item.factor_ids[0])
        .unwrap();
    assert!(
        text.contains(&format!(
            "Answers the contributing factor: {}",
            factor.description.trim()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("Done when: {}", item.measure.trim())),
        "{text}"
    );
    assert!(text.ends_with("From the post-mortem: Card payments declined for 47 minutes after an internal certificate rotation (card-payments.debrief.json)"), "{text}");
}
