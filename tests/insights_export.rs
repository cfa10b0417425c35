//! The Insights as tables: what the page shows under each chart and what
//! the Markdown export writes are the same rows, escaped for Markdown.

use debrief::domain::insights::*;
use debrief::domain::*;
use debrief::export::insights::markdown;

mod insights_common;
use insights_common::*;

#[test]
fn markdown_tables_carry_the_same_numbers() {
    let mut d = with_spans(
        pm("a", "2024-05-10T10:00:00Z", Some(Severity::Sev2)),
        Some(15),
        Some(120),
        Precision::Exact,
    );
    d.context.title = "Checkout | errors".into();
    d.context.services = vec!["check*out".into()];
    let i = run(&archive(vec![
        d,
        pm("b", "2024-07-01T10:00:00Z", Some(Severity::Sev1)),
    ]));
    let md = markdown(&i, &Filter::default(), &at_utc);
    assert!(
        md.contains("| Month | SEV1 | SEV2 | SEV3 | SEV4 | Near miss | Not set | Total |"),
        "{md}"
    );
    assert!(
        md.contains("| 2024-05 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("| 2024-06 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"),
        "{md}"
    );
    assert!(
        md.contains("| 2024-07 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"),
        "{md}"
    );
    assert!(
        md.contains("| Checkout \\| errors | 2024-05-10 | 2 h |"),
        "{md}"
    );
    assert!(md.contains("| check\\*out | 1 |"), "{md}");
    // Every table row has as many cells as its header, whatever the text holds.
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    let tables = parser
        .filter(|e| {
            matches!(
                e,
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_))
            )
        })
        .count();
    assert_eq!(
        tables,
        md.lines().filter(|l| l.starts_with("| --- |")).count()
    );
}

/// The page's tables and the Markdown come from the same rows: every row
/// the page shows under a chart is a row of the export, cell for cell.
#[test]
fn the_page_tables_are_the_markdown_tables() {
    let mut d = with_spans(
        pm("a", "2024-05-10T10:00:00Z", Some(Severity::Sev2)),
        Some(15),
        Some(120),
        Precision::Approximate,
    );
    d.context.title = "Checkout | errors".into();
    d.context.services = vec!["check*out".into()];
    d.remedy.items = vec![RemediationItem {
        id: "i1".into(),
        due: Some(date("2024-06-01")),
        ..Default::default()
    }];
    let i = run(&archive(vec![
        d,
        pm("b", "2024-07-01T10:00:00Z", Some(Severity::Sev1)),
    ]));
    let md = markdown(&i, &Filter::default(), &at_utc);
    let page = [
        tables::months(&i, "m".into()),
        tables::points(&i.detect, &at_utc, "d".into()),
        tables::points(&i.resolve, &at_utc, "r".into()),
        tables::ranked(&i.services, "Service", "s".into()),
        tables::remedy(&i, "i".into()),
    ];
    for t in &page {
        assert!(!t.rows.is_empty(), "{t:?}");
        assert!(md.contains(&format!("| {} |", t.head.join(" | "))), "{md}");
        for r in &t.rows {
            assert_eq!(r.len(), t.head.len(), "{t:?}");
            let cells: Vec<String> = r
                .iter()
                .map(|c| debrief::export::markdown::inline(c))
                .collect();
            assert!(
                md.contains(&format!("| {} |", cells.join(" | "))),
                "{r:?} in {md}"
            );
        }
    }
    assert_eq!(
        page[1].rows[0][0], "Checkout | errors",
        "the page shows the title as written"
    );
    assert_eq!(
        page[2].rows[0][3], "yes",
        "an approximate duration is marked"
    );
    assert!(
        md.contains("| Checkout \\| errors | 2024-05-10 | ≈ 2 h | yes |"),
        "{md}"
    );
}
