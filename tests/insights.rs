//! Insights across the archive: every aggregate, its Markdown and its chart
//! geometry, on archives from empty to awkward.

use chrono::{DateTime, Utc};
use debrief::domain::example::example;
use debrief::domain::insights::*;
use debrief::domain::*;
use debrief::export::insights::markdown;
use debrief::storage::{Library, MemoryStore, PREFIX};

mod insights_common;
use insights_common::*;

#[test]
fn an_empty_archive_has_no_figures_and_no_mean() {
    let i = run(&Archive::default());
    assert_eq!(i.counted, 0);
    assert!(i.months.is_empty());
    assert!(i.detect.points.is_empty());
    assert_eq!(i.detect.median, None);
    assert_eq!(i.resolve.quartiles_label(), "\u{2014}");
    assert!(i.categories.is_empty() && i.tags.is_empty() && i.services.is_empty());
    assert_eq!(i.remedy, RemedyStats::default());
    assert_eq!(i.remedy.unanswered_percent(), None);
    let md = markdown(&i, &Filter::default(), &at_utc);
    assert!(md.starts_with("# Insights\n\n0 post-mortems counted: 0 incidents and 0 near misses."));
    assert!(!md.to_lowercase().contains("mean"), "{md}");
    // Empty charts still have an axis to draw.
    let c = month_bars(&[], &[("SEV1", "s-sev1")], &[], true);
    assert!(c.bars.is_empty());
    assert_eq!(c.y_ticks.first().map(|t| t.label.as_str()), Some("0"));
    assert!(duration_plot(&i.detect, &at_utc).points.is_empty());
}

#[test]
fn one_post_mortem_is_every_figure_at_once() {
    let mut d = with_spans(
        pm("a", "2024-05-10T10:00:00Z", Some(Severity::Sev2)),
        Some(15),
        Some(120),
        Precision::Exact,
    );
    d.context.tags = vec!["payments".into()];
    d.context.services = vec!["checkout".into(), "Checkout ".into()];
    d.reason.factors = vec![
        Factor {
            id: "f1".into(),
            description: "A retry storm".into(),
            category: Some(FactorCategory::Technology),
            ..Factor::default()
        },
        Factor {
            id: "f2".into(),
            description: "No runbook".into(),
            category: None,
            ..Factor::default()
        },
    ];
    d.remedy.items = vec![RemediationItem {
        id: "i1".into(),
        factor_ids: vec!["f1".into()],
        due: Some(date("2024-06-01")),
        ..Default::default()
    }];
    let i = run(&archive(vec![d]));
    assert_eq!(i.counted, 1);
    assert_eq!(i.months.len(), 1);
    assert_eq!(i.months[0].month.label(), "2024-05");
    assert_eq!(i.months[0].by_severity, [0, 1, 0, 0, 0, 0]);
    assert_eq!((i.incidents(), i.near_misses()), (1, 0));
    assert_eq!(i.detect.median, Some(900.0));
    assert_eq!(i.detect.q1, Some(900.0));
    assert_eq!(i.resolve.median_label(), "2 h");
    assert_eq!(
        i.categories,
        vec![Ranked {
            label: "Technology".into(),
            count: 1
        }]
    );
    assert_eq!(i.uncategorised, 1);
    assert_eq!(
        i.services,
        vec![Ranked {
            label: "checkout".into(),
            count: 1
        }],
        "one service typed twice counts once"
    );
    assert_eq!(i.tags[0].label, "payments");
    assert!(i.together.is_empty(), "a pair seen once is not a pattern");
    let r = &i.remedy;
    assert_eq!((r.items, r.open, r.overdue, r.done), (1, 1, 1, 0));
    assert_eq!(
        (r.factors, r.unanswered, r.unanswered_percent()),
        (2, 1, Some(50))
    );
    let months: Vec<_> = r
        .months
        .iter()
        .map(|m| (m.month.label(), m.opened, m.done, m.overdue))
        .collect();
    assert_eq!(
        months,
        [
            ("2024-05".to_string(), 1, 0, 0),
            ("2024-06".to_string(), 0, 0, 1)
        ]
    );
}

#[test]
fn the_example_never_counts_as_real_work() {
    let i = run(&archive(vec![example()]));
    assert_eq!((i.counted, i.readable), (0, 0));
    assert!(services(&[example()]).is_empty());
}

#[test]
fn missing_and_approximate_durations_are_counted_not_guessed() {
    let docs = vec![
        with_spans(
            pm("a", "2024-05-01T10:00:00Z", None),
            Some(10),
            Some(60),
            Precision::Exact,
        ),
        with_spans(
            pm("b", "2024-05-02T10:00:00Z", None),
            Some(20),
            Some(600),
            Precision::Approximate,
        ),
        with_spans(
            pm("c", "2024-05-03T10:00:00Z", None),
            None,
            Some(6000),
            Precision::Exact,
        ),
        // No timeline at all: nothing to measure, but still an incident.
        PostMortem {
            id: "d".into(),
            created: Some(utc("2024-05-04T10:00:00Z")),
            ..Default::default()
        },
    ];
    let i = run(&archive(docs));
    assert_eq!(i.counted, 4);
    assert_eq!(
        (
            i.detect.points.len(),
            i.detect.missing,
            i.detect.approximate
        ),
        (2, 2, 1)
    );
    assert_eq!(
        (
            i.resolve.points.len(),
            i.resolve.missing,
            i.resolve.approximate
        ),
        (3, 1, 1)
    );
    // Median of 60, 600, 6000 minutes is the middle one, far below the mean.
    assert_eq!(i.resolve.median, Some(36_000.0));
    assert_eq!(i.resolve.q1, Some(330.0 * 60.0));
    assert_eq!(i.resolve.q3, Some(3300.0 * 60.0));
    assert_eq!(i.detect.median, Some(900.0), "two points: halfway between");
    let b = i
        .resolve
        .points
        .iter()
        .find(|p| p.postmortem_id == "b")
        .unwrap();
    assert!(b.approximate);
    assert_eq!(b.label(), "\u{2248} 10 h");
    let plot = duration_plot(&i.resolve, &at_utc);
    assert_eq!(plot.points.iter().filter(|p| p.approximate).count(), 1);
    assert!(plot
        .points
        .iter()
        .any(|p| p.label.ends_with("(approximate)")));
    // Longer durations sit higher (smaller y); the points run oldest first.
    assert!(plot.points[0].cy > plot.points[1].cy && plot.points[1].cy > plot.points[2].cy);
    assert!(plot.points[0].cx < plot.points[2].cx);
    let (q_top, q_bottom) = plot.quartiles.unwrap();
    assert!(q_top < plot.median.unwrap() && plot.median.unwrap() < q_bottom);
    for p in &plot.points {
        assert!(
            p.cy >= plot.area[1] - 1e-9 && p.cy <= plot.area[3] + 1e-9,
            "{p:?}"
        );
    }
    let md = markdown(&i, &Filter::default(), &at_utc);
    assert!(
        md.contains("| 3 | 10 h | 5 h 30 min \u{2013} 2 d 7 h | 1 | 1 |"),
        "{md}"
    );
}

#[test]
fn quantiles_interpolate_between_ranks() {
    assert_eq!(quantile(&[], 0.5), None);
    assert_eq!(quantile(&[7], 0.25), Some(7.0));
    assert_eq!(quantile(&[1, 2, 3, 4], 0.5), Some(2.5));
    assert_eq!(quantile(&[1, 2, 3, 4, 5], 0.25), Some(2.0));
    assert_eq!(quantile(&[0, 10], 0.75), Some(7.5));
}

#[test]
fn months_follow_the_readers_calendar() {
    // 23:30 UTC on 31 May is already June in Berlin (UTC+2) and still May in
    // New York (UTC-4); 02:00 UTC on 1 June is still May in New York.
    let docs = vec![
        pm("late", "2024-05-31T23:30:00Z", Some(Severity::Sev1)),
        pm("early", "2024-06-01T02:00:00Z", Some(Severity::Sev3)),
    ];
    let a = archive(docs);
    let labels = |zone: &dyn Fn(DateTime<Utc>) -> i32| {
        insights(&a, &Filter::default(), zone, today())
            .months
            .iter()
            .map(|m| (m.month.label(), m.total()))
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&|_| 120), [("2024-06".to_string(), 2)]);
    assert_eq!(labels(&|_| -240), [("2024-05".to_string(), 2)]);
    assert_eq!(
        labels(&|_| 0),
        [("2024-05".to_string(), 1), ("2024-06".to_string(), 1)]
    );
    // The offset is asked for the instant itself, so a zone whose offset
    // changes (daylight saving) is read at the right moment.
    let dst = |t: DateTime<Utc>| {
        if t < utc("2024-06-01T00:00:00Z") {
            0
        } else {
            -180
        }
    };
    assert_eq!(labels(&dst), [("2024-05".to_string(), 2)]);
    // A date range is on the same calendar.
    let june = Filter {
        from: Some(date("2024-06-01")),
        to: Some(date("2024-06-30")),
        ..Default::default()
    };
    assert_eq!(insights(&a, &june, &|_| 120, today()).counted, 2);
    assert_eq!(insights(&a, &june, &|_| -240, today()).counted, 0);
    assert_eq!(insights(&a, &june, &at_utc, today()).counted, 1);
}

#[test]
fn empty_months_in_between_show_as_zero() {
    let a = archive(vec![
        pm("a", "2023-11-10T10:00:00Z", None),
        pm("b", "2024-02-10T10:00:00Z", None),
    ]);
    let m: Vec<_> = run(&a)
        .months
        .iter()
        .map(|m| (m.month.label(), m.total()))
        .collect();
    assert_eq!(
        m,
        [
            ("2023-11".into(), 1),
            ("2023-12".into(), 0),
            ("2024-01".into(), 0),
            ("2024-02".into(), 1)
        ]
    );
}

#[test]
fn near_misses_count_apart_from_incidents() {
    let mut quick = pm("b", "2024-05-02T10:00:00Z", None);
    quick.template = Template::NearMiss;
    let a = archive(vec![
        pm("a", "2024-05-01T10:00:00Z", Some(Severity::NearMiss)),
        quick,
        pm("c", "2024-05-03T10:00:00Z", None),
    ]);
    let i = run(&a);
    assert_eq!(i.months[0].by_severity, [0, 0, 0, 0, 2, 1]);
    assert_eq!((i.incidents(), i.near_misses()), (1, 2));
}

#[test]
fn unreadable_and_newer_entries_are_counted_apart() {
    let lib = Library::new(MemoryStore::new());
    lib.save(&pm("good", "2024-05-01T10:00:00Z", Some(Severity::Sev2)))
        .unwrap();
    use debrief::storage::KeyValue;
    let store = lib.store();
    store.set(&format!("{PREFIX}broken"), "{ not json").unwrap();
    store
        .set(
            &format!("{PREFIX}future"),
            r#"{"format":"debrief/entry","revision":1,"saved":"","doc":{"schema":"debrief/postmortem","version":99,"id":"future","context":{"title":"From the future"}}}"#,
        )
        .unwrap();
    let copy = std::rc::Rc::new(MemoryStore::new());
    for (k, v) in store.snapshot() {
        copy.set(&k, &v).unwrap();
    }
    let before = copy.snapshot();
    let a = debrief::storage::read_archive(copy.clone()).unwrap();
    assert_eq!(
        copy.snapshot(),
        before,
        "reading for insights writes nothing, not even a recovery copy"
    );
    assert_eq!((a.docs.len(), a.newer, a.unreadable), (1, 1, 1));
    assert_eq!(debrief::storage::archive(lib.load_all().unwrap()), a);
    let i = run(&a);
    assert_eq!((i.counted, i.newer, i.unreadable), (1, 1, 1));
    let md = markdown(&i, &Filter::default(), &at_utc);
    assert!(
        md.contains("Left out of every figure: 1 post-mortem saved by a newer version of Debrief and 1 entry that could not be read."),
        "{md}"
    );
}

#[test]
fn undated_post_mortems_count_but_stay_out_of_the_months() {
    let a = archive(vec![PostMortem {
        id: "x".into(),
        ..Default::default()
    }]);
    let i = run(&a);
    assert_eq!((i.counted, i.undated), (1, 1));
    assert!(i.months.is_empty());
    let ranged = Filter {
        from: Some(date("2000-01-01")),
        ..Default::default()
    };
    assert_eq!(
        insights(&a, &ranged, &at_utc, today()).counted,
        0,
        "no date, not in any range"
    );
}

fn themed(id: &str, tags: &[&str], cats: &[FactorCategory], services: &[&str]) -> PostMortem {
    let mut d = pm(id, "2024-05-01T10:00:00Z", Some(Severity::Sev3));
    d.context.tags = tags.iter().map(|s| s.to_string()).collect();
    d.context.services = services.iter().map(|s| s.to_string()).collect();
    d.reason.factors = cats
        .iter()
        .enumerate()
        .map(|(n, c)| Factor {
            id: format!("{id}-f{n}"),
            description: String::new(),
            category: Some(*c),
            ..Factor::default()
        })
        .collect();
    d
}

#[test]
fn themes_rank_by_post_mortems_and_pairs_need_two() {
    use FactorCategory::*;
    let a = archive(vec![
        themed(
            "a",
            &["dns", "config"],
            &[Technology, Technology, Process],
            &["api"],
        ),
        themed("b", &["DNS"], &[Technology], &["api", "web"]),
        themed("c", &["config"], &[Communication], &["web"]),
        themed("d", &["dns"], &[Process], &["API"]),
    ]);
    let i = run(&a);
    let cats: Vec<_> = i
        .categories
        .iter()
        .map(|r| (r.label.as_str(), r.count))
        .collect();
    assert_eq!(
        cats,
        [("Process", 2), ("Technology", 2), ("Communication", 1)],
        "two factors in one post-mortem count once"
    );
    let tags: Vec<_> = i.tags.iter().map(|r| (r.label.as_str(), r.count)).collect();
    assert_eq!(tags, [("dns", 3), ("config", 2)]);
    let services: Vec<_> = i
        .services
        .iter()
        .map(|r| (r.label.as_str(), r.count))
        .collect();
    assert_eq!(services, [("api", 3), ("web", 2)]);
    let pairs: Vec<_> = i
        .together
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str(), p.count))
        .collect();
    assert_eq!(pairs, [("#dns", "Process", 2), ("#dns", "Technology", 2)]);
}

#[test]
fn filters_narrow_every_figure() {
    let a = archive(vec![
        themed("a", &["dns"], &[], &["api"]),
        themed("b", &["db"], &[], &["web"]),
        pm("c", "2024-05-01T10:00:00Z", Some(Severity::Sev1)),
    ]);
    let f = |f: Filter| insights(&a, &f, &at_utc, today()).counted;
    assert_eq!(
        f(Filter {
            tag: Some(" DNS".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(Filter {
            service: Some("web".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(Filter {
            severity: Some(Some(Severity::Sev1)),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(Filter {
            severity: Some(None),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        f(Filter {
            to: Some(date("2024-04-30")),
            ..Default::default()
        }),
        0
    );
    assert_eq!(services(&a.docs), ["api", "web"]);
    assert_eq!(tags(&a.docs), ["db", "dns"]);
    let filter = Filter {
        tag: Some("dns".into()),
        severity: Some(Some(Severity::Sev3)),
        ..Default::default()
    };
    let md = markdown(&insights(&a, &filter, &at_utc, today()), &filter, &at_utc);
    assert!(
        md.contains(
            "1 post-mortem counted: 1 incident and 0 near misses. 1 of 3 match the filters.\n\nFilters: severity SEV3, tag “dns”."
        ),
        "{md}"
    );
}

#[test]
fn remediation_months_use_completion_and_due_dates() {
    let mut d = pm("a", "2024-03-05T10:00:00Z", None);
    let item =
        |id: &str, status: ItemStatus, due: Option<&str>, done: Option<&str>| RemediationItem {
            id: id.into(),
            status,
            due: due.map(date),
            completed: done.map(date),
            ..Default::default()
        };
    d.remedy.items = vec![
        item(
            "1",
            ItemStatus::Done,
            Some("2024-04-01"),
            Some("2024-04-20"),
        ),
        item("2", ItemStatus::Open, Some("2024-05-15"), None),
        item("3", ItemStatus::InProgress, Some("2024-08-01"), None),
        item("4", ItemStatus::WontDo, Some("2024-01-01"), None),
        item("5", ItemStatus::Done, None, None),
    ];
    let r = run(&archive(vec![d])).remedy;
    assert_eq!(
        (r.items, r.open, r.done, r.overdue, r.undated),
        (5, 2, 2, 1, 1)
    );
    let m: Vec<_> = r
        .months
        .iter()
        .map(|m| (m.month.label(), m.opened, m.done, m.overdue))
        .collect();
    assert_eq!(
        m,
        [
            ("2024-03".into(), 5, 0, 0),
            ("2024-04".into(), 0, 1, 0),
            ("2024-05".into(), 0, 0, 1),
        ]
    );
}

#[test]
fn the_weekly_review_takes_the_readers_week_and_its_four_prompts() {
    use debrief::domain::insights::review::{week, week_start};
    assert_eq!(
        week_start(date("2024-05-05")),
        date("2024-04-29"),
        "a Sunday belongs to the week before"
    );
    assert_eq!(week_start(date("2024-05-06")), date("2024-05-06"));
    let mut d = themed("now", &["dns"], &[FactorCategory::Process], &["api"]);
    d.timeline[0].time = Some(utc("2024-05-12T23:30:00Z"));
    d.context.summary = "  ".into();
    d.reason.narrative = "Lookups failed after a resolver change.".into();
    d.reason.resolution = "Rolled the resolver back.".into();
    d.reason.factors[0].description = "The change skipped review".into();
    d.remedy.items = vec![RemediationItem {
        action: "Review resolver changes".into(),
        ..Default::default()
    }];
    let docs = vec![
        d,
        themed("old", &["DNS"], &[], &[]),
        themed("older", &["db"], &[FactorCategory::Process], &[]),
        example(),
    ];
    // 23:30 UTC on Sunday is Monday in Berlin: next week there, this week in UTC.
    let utc_week = week(&docs, date("2024-05-06"), &at_utc);
    assert_eq!(utc_week.len(), 1);
    assert!(week(&docs, date("2024-05-06"), &|_| 120).is_empty());
    assert_eq!(week(&docs, date("2024-05-13"), &|_| 120).len(), 1);
    let c = &utc_week[0];
    assert_eq!(c.what_happened, "Lookups failed after a resolver change.");
    assert_eq!(c.response, "Rolled the resolver back.");
    assert_eq!(c.contributed, ["The change skipped review"]);
    assert_eq!(c.change, ["Review resolver changes"]);
    assert_eq!(c.resolve, "\u{2014}");
    let seen: Vec<_> = c
        .seen_before
        .iter()
        .map(|s| {
            (
                s.theme.as_str(),
                s.earlier.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(seen, [("Process", vec!["older"]), ("#dns", vec!["old"])]);
    // The earliest one has nothing before it; the example is never a case.
    let first = week(&docs, date("2024-04-29"), &at_utc);
    assert_eq!(
        first.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["old", "older"]
    );
    assert!(first.iter().all(|c| c.seen_before.is_empty()));
}
