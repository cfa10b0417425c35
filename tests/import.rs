//! Reading the files people already have: CSV timelines and PagerDuty log
//! entries become candidate events, with every row left out named; the
//! CSV exports read back as they were written; no input panics.

use chrono::{NaiveDate, TimeZone, Utc};
use debrief::domain::example::example;
use debrief::domain::import::csv::{read, write_row};
use debrief::domain::import::markdown::read_markdown;
use debrief::domain::import::pagerduty::read_pagerduty;
use debrief::domain::import::slack::{index, read_channel, read_users};
use debrief::domain::import::timeline_csv::read_timeline_csv;
use debrief::domain::import::zip::read_zip;
use debrief::domain::{EventKind, Precision, Priority};
use debrief::export::csv::{items_csv, timeline_csv};
use proptest::prelude::*;
use std::collections::HashMap;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 3, 12).unwrap()
}

#[test]
fn csv_reads_quotes_line_breaks_and_blank_lines() {
    let text =
        "\u{feff}a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",x,\r\nlast,row";
    let rows = read(text).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].cells, ["a", "b, with comma", "say \"hi\""]);
    assert_eq!(rows[1].line, 3);
    assert_eq!(rows[1].cells, ["two\nlines", "x", ""]);
    assert_eq!(rows[2].line, 5, "the line break inside a cell is counted");
    assert_eq!(rows[2].cells, ["last", "row"]);
    // A stray quote inside an unquoted cell stays text.
    assert_eq!(
        read("5\" screen,ok\n").unwrap()[0].cells,
        ["5\" screen", "ok"]
    );
}

#[test]
fn a_quoted_cell_cut_short_is_an_error_naming_its_line() {
    assert_eq!(read("time,text\n14:00,fine\n14:05,\"cut off here"), Err(3));
    let err = read_timeline_csv("time,text\n14:00,\"never closed\n", day(), |_| 0).unwrap_err();
    assert_eq!(err.at.as_deref(), Some("line 2"));
    assert!(err.to_string().contains("never closed"), "{err}");
}

#[test]
fn written_rows_read_back_as_written() {
    let cells = [
        "plain",
        "a, b",
        "quote \"q\"",
        "two\r\nlines",
        " padded ",
        "",
    ];
    let mut out = String::new();
    write_row(&mut out, &cells);
    write_row(&mut out, &["second"]);
    assert!(out.ends_with("\r\n"));
    let rows = read(&out).unwrap();
    assert_eq!(rows[0].cells, cells);
    assert_eq!(rows[1].cells, ["second"]);
}

#[test]
fn a_csv_timeline_with_its_own_header_order() {
    let text = include_str!("fixtures/import/timeline.csv");
    let import = read_timeline_csv(text, day(), |_| 60).unwrap();
    let e = &import.events;
    assert_eq!(e.len(), 6, "{import:#?}");
    // In the zone one hour east of UTC.
    assert_eq!(
        e[0].time,
        Utc.with_ymd_and_hms(2024, 3, 12, 13, 3, 0).unwrap()
    );
    assert_eq!(e[0].kind, EventKind::Detected);
    assert_eq!(e[0].source, "alerting");
    assert_eq!(e[0].at, "line 2");
    // The app's label is a kind too; a time-only row takes the date above it.
    assert_eq!(e[1].kind, EventKind::Acknowledged);
    assert_eq!(e[1].description, "Acknowledged, looking at the pool");
    assert_eq!(e[2].precision, Precision::Approximate);
    assert_eq!(
        e[2].description,
        "Raised the pool limit to 600 — \"should hold\""
    );
    // No kind: guessed from the words, as a pasted log is.
    assert_eq!(e[3].description, "Note across\ntwo lines");
    assert_eq!(e[3].source, "");
    // Past midnight the date moves on.
    assert_eq!(
        e[5].time,
        Utc.with_ymd_and_hms(2024, 3, 12, 23, 10, 0).unwrap()
    );
    assert_eq!(e[5].kind, EventKind::Communication);
    // The unreadable time is named, with its line.
    assert_eq!(import.left_out.len(), 1);
    assert_eq!(
        import.left_out[0].at, "line 7",
        "the cell with a line break is counted"
    );
    assert!(
        import.left_out[0].reason.contains("not yet"),
        "{:?}",
        import.left_out
    );
}

#[test]
fn a_csv_timeline_without_a_header_is_time_description_kind_source() {
    let import = read_timeline_csv(
        "14:00,Deploy starts,action,ci\n14:10,Errors rise\n",
        day(),
        |_| 0,
    )
    .unwrap();
    assert_eq!(import.events.len(), 2);
    assert_eq!(import.events[0].kind, EventKind::Action);
    assert_eq!(import.events[0].source, "ci");
    assert_eq!(import.events[1].description, "Errors rise");
}

#[test]
fn a_csv_file_that_is_no_timeline_says_why() {
    assert!(read_timeline_csv("", day(), |_| 0).is_err());
    assert!(read_timeline_csv("\n\n", day(), |_| 0).is_err());
    let only_header = read_timeline_csv("time,description\n", day(), |_| 0).unwrap_err();
    assert!(only_header.message.contains("no events"), "{only_header}");
    let no_time =
        read_timeline_csv("description,source\nsomething,me\n", day(), |_| 0).unwrap_err();
    assert!(no_time.message.contains("time"), "{no_time}");
}

#[test]
fn pagerduty_log_entries_become_events_of_their_kinds() {
    let import = read_pagerduty(include_str!("fixtures/import/pagerduty.json")).unwrap();
    let e = &import.events;
    let kinds: Vec<EventKind> = e.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Detected,
            EventKind::Acknowledged,
            EventKind::Communication,
            EventKind::Escalated,
            EventKind::Note,
            EventKind::Resolved
        ],
        "in time order, whatever the file's order"
    );
    // +01:00 read as the instant it names.
    assert_eq!(
        e[1].time,
        Utc.with_ymd_and_hms(2024, 3, 12, 14, 5, 12).unwrap()
    );
    assert_eq!(e[1].description, "Acknowledged by Mei Tanaka");
    assert_eq!(e[1].source, "PagerDuty (mobile)");
    // No summary: said from the type and the agent.
    assert_eq!(e[3].description, "Escalated by Mei Tanaka");
    // A note's words come from its channel.
    assert_eq!(e[4].description, "Note added: Security on-call joined");
    assert_eq!(e[5].description, "Resolved by Amara Okafor");
    let left: Vec<(&str, &str)> = import
        .left_out
        .iter()
        .map(|l| (l.at.as_str(), l.reason.as_str()))
        .collect();
    assert_eq!(
        left,
        [
            ("entry 7", "no readable created_at time"),
            ("entry 8", "no type")
        ]
    );
    // A bare array is read too.
    let bare =
        read_pagerduty(r#"[{"type":"trigger_log_entry","created_at":"2024-03-12T14:03:00Z"}]"#)
            .unwrap();
    assert_eq!(bare.events[0].description, "Triggered");
}

#[test]
fn a_file_that_is_not_pagerduty_says_what_and_where() {
    let err = read_pagerduty("{\n  \"log_entries\": [\n    {,\n").unwrap_err();
    assert_eq!(err.at.as_deref(), Some("line 3, column 6"));
    assert!(read_pagerduty("{\"incidents\": []}")
        .unwrap_err()
        .message
        .contains("log_entries"));
    assert!(read_pagerduty("[]").unwrap_err().message.contains("empty"));
    assert!(read_pagerduty("42").is_err());
}

#[test]
fn the_timeline_csv_reads_back_into_the_same_events() {
    let doc = example();
    let csv = timeline_csv(&doc);
    let import = read_timeline_csv(&csv, day(), |_| 0).unwrap();
    let mut timed: Vec<_> = doc
        .timeline
        .iter()
        .filter(|e| e.time.is_some() && e.precision != Precision::Unknown)
        .collect();
    timed.sort_by_key(|e| e.time);
    assert_eq!(import.events.len(), timed.len());
    for (got, want) in import.events.iter().zip(timed) {
        assert_eq!(Some(got.time), want.time);
        assert_eq!(got.precision, want.precision);
        assert_eq!(got.kind, want.kind);
        assert_eq!(got.description, want.description);
        assert_eq!(got.source, want.source);
    }
    // The event with no time is named, not lost without a word.
    assert_eq!(
        import.left_out.len(),
        doc.timeline.len() - import.events.len()
    );
}

#[test]
fn the_jira_csv_has_one_row_per_item_with_jira_columns() {
    let doc = example();
    let rows = read(&items_csv(&doc)).unwrap();
    assert_eq!(
        rows[0].cells,
        ["Summary", "Description", "Assignee", "Due date", "Priority"]
    );
    assert_eq!(rows.len(), doc.remedy.items.len() + 1);
    for (row, item) in rows[1..].iter().zip(&doc.remedy.items) {
        assert_eq!(row.cells[0], item.action);
        assert_eq!(row.cells[2], item.owner);
        assert_eq!(
            row.cells[3],
            item.due.map(|d| d.to_string()).unwrap_or_default()
        );
        let want = match item.priority {
            Some(Priority::P1) => "Highest",
            Some(Priority::P2) => "High",
            Some(Priority::P3) => "Medium",
            Some(Priority::P4) => "Low",
            None => "",
        };
        assert_eq!(row.cells[4], want);
        assert!(row.cells[1].contains("From the post-mortem: Card payments declined"));
        for id in &item.factor_ids {
            let f = doc.reason.factors.iter().find(|f| &f.id == id).unwrap();
            assert!(
                row.cells[1].contains(f.description.trim()),
                "{}",
                row.cells[1]
            );
        }
    }
    assert!(
        rows[1..].iter().any(|r| r.cells[1].contains('\n')),
        "multi-line cells survive quoting"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn no_input_panics_an_importer(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = read(&text);
        let _ = read_timeline_csv(&text, day(), |_| 0);
        let _ = read_pagerduty(&text);
        let _ = read_markdown(&text);
        if let Ok(entries) = read_zip(&bytes) {
            for e in &entries {
                let data = e.compressed(&bytes).to_vec();
                let _ = e.check(&data);
                let _ = e.stored(&bytes);
            }
            let _ = index(&entries);
        }
        let days = vec![("c/2024-03-12.json".to_string(), text.to_string())];
        let _ = read_channel("c", &days, &read_users(&text), None, None);
    }

    /// A real archive with bytes changed or cut: the reader names the
    /// damage or reads on, never panics.
    #[test]
    fn a_damaged_slack_zip_never_panics(
        cut in 0usize..2400,
        flips in proptest::collection::vec((0usize..2400, any::<u8>()), 0..8),
    ) {
        let mut bytes = include_bytes!("fixtures/import/slack.zip").to_vec();
        for (at, b) in flips {
            if let Some(x) = bytes.get_mut(at) {
                *x = b;
            }
        }
        bytes.truncate(cut.max(1));
        if let Ok(entries) = read_zip(&bytes) {
            let _ = index(&entries);
            for e in &entries {
                if let Some(Ok(data)) = e.stored(&bytes) {
                    let text = String::from_utf8_lossy(&data);
                    let _ = read_users(&text);
                    let days = vec![(e.name.clone(), text.to_string())];
                    let _ = read_channel("c", &days, &HashMap::new(), None, None);
                }
            }
        }
    }

    #[test]
    fn markdown_like_input_never_panics(s in "[-|#*\\\\ a-z0-9:.;≈—\\[\\]()\n]{0,300}") {
        let _ = read_markdown(&format!("## Timeline\n\n| Time (UTC) | Kind |\n{s}\n## Remedy\n\n{s}\n**Item details**\n\n1. {s}"));
    }

    #[test]
    fn csv_like_input_never_panics(s in "[a-z0-9:,\"\\r\\n~ -]{0,200}") {
        let _ = read_timeline_csv(&s, day(), |_| 90);
    }
}
