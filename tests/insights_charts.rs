//! Geometry of the Insights bar charts: bars inside their area, stacks and
//! groups, labels that thin out and names that are shortened.

use debrief::domain::insights::*;

#[test]
fn bar_geometry_stacks_and_groups_inside_the_area() {
    let months = vec!["2024-05".to_string(), "2024-06".to_string()];
    let series = [("SEV1", "s-sev1"), ("SEV2", "s-sev2")];
    let stacked = month_bars(&months, &series, &[vec![2, 3], vec![0, 1]], true);
    assert_eq!(stacked.bars.len(), 3, "a zero draws nothing");
    let [l, t, r, b] = stacked.area;
    for bar in &stacked.bars {
        assert!(
            bar.x >= l
                && bar.x + bar.w <= r + 1e-9
                && bar.y >= t - 1e-9
                && bar.y + bar.h <= b + 1e-9,
            "{bar:?}"
        );
    }
    // The second series sits on top of the first.
    assert!((stacked.bars[1].y + stacked.bars[1].h - stacked.bars[0].y).abs() < 1e-9);
    assert_eq!(stacked.bars[1].label, "2024-05, SEV2: 3");
    // The top tick is a round number at least the tallest stack.
    let top: usize = stacked.y_ticks.last().unwrap().label.parse().unwrap();
    assert!(top >= 5);
    let grouped = month_bars(&months, &series, &[vec![2, 3], vec![0, 1]], false);
    assert!(grouped.bars[1].x > grouped.bars[0].x);
    assert_eq!(grouped.bars[0].y + grouped.bars[0].h, b);
    // Many months: labels thin out rather than overlap.
    let many: Vec<String> = (0..60).map(|i| format!("m{i}")).collect();
    let c = month_bars(&many, &series, &vec![vec![1, 1]; 60], true);
    let xs: Vec<f64> = c.x_ticks.iter().map(|t| t.pos).collect();
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 56.0 - 1e-9), "{xs:?}");
}

#[test]
fn a_single_month_is_a_bar_not_a_block() {
    let months = vec!["2024-05".to_string()];
    let series = [("SEV1", "s-sev1")];
    let c = month_bars(&months, &series, &[vec![1]], true);
    let bar = &c.bars[0];
    assert!(bar.w <= 48.0, "{bar:?}");
    // Still centred on its month's label.
    assert!((bar.x + bar.w / 2.0 - c.x_ticks[0].pos).abs() < 1e-9);
}

#[test]
fn ranked_bars_are_proportional_and_names_are_shortened() {
    let rows = vec![
        Ranked {
            label: "a name far too long to fit beside its bar".into(),
            count: 4,
        },
        Ranked {
            label: "b".into(),
            count: 2,
        },
    ];
    let c = ranked_bars(&rows, "post-mortems");
    assert!((c.bars[0].w - 2.0 * c.bars[1].w).abs() < 1e-9);
    assert!(c.y_ticks[0].label.ends_with('\u{2026}') && c.y_ticks[0].label.chars().count() == 24);
    assert_eq!(c.bars[1].label, "b: 2 post-mortems");
    assert!(c.bars[0].x + c.bars[0].w <= c.width);
}

// ---------------------------------------------------------------- time axis

fn spread(starts: &[&str]) -> Distribution {
    Distribution {
        points: starts
            .iter()
            .enumerate()
            .map(|(i, s)| DurationPoint {
                postmortem_id: format!("p{i}"),
                title: format!("P{i}"),
                at: chrono::DateTime::parse_from_rfc3339(s)
                    .unwrap()
                    .with_timezone(&chrono::Utc),
                seconds: 600,
                approximate: false,
            })
            .collect(),
        ..Default::default()
    }
}

fn utc(_: chrono::DateTime<chrono::Utc>) -> i32 {
    0
}

/// Labels never touch: each pair of neighbours is further apart than half
/// of each label, and every label stays inside the chart.
fn readable(plot: &DurationPlot) {
    let half = |t: &Tick| t.label.chars().count() as f64 * 3.3;
    for w in plot.x_ticks.windows(2) {
        assert!(
            w[1].pos - w[0].pos >= half(&w[0]) + half(&w[1]),
            "{:?}",
            plot.x_ticks
        );
    }
    if !plot.x_at_ends {
        for t in &plot.x_ticks {
            assert!(
                t.pos - half(t) >= 0.0 && t.pos + half(t) <= plot.width,
                "{t:?}"
            );
        }
    }
}

fn labels(plot: &DurationPlot) -> Vec<&str> {
    plot.x_ticks.iter().map(|t| t.label.as_str()).collect()
}

#[test]
fn ten_months_get_round_month_ticks_between_the_ends() {
    let plot = duration_plot(
        &spread(&[
            "2024-01-03T09:00:00Z",
            "2024-05-20T12:00:00Z",
            "2024-10-28T15:00:00Z",
        ]),
        &utc,
    );
    assert!(!plot.x_at_ends);
    let l = labels(&plot);
    assert!(l.len() >= 3, "{l:?}");
    // Round months, in order, inside the range.
    assert!(
        l.iter().all(|s| s.len() == 7 && s.starts_with("2024-")),
        "{l:?}"
    );
    // Every month would crowd 7-character labels into 55 units: every
    // other one, aligned to the calendar.
    assert_eq!(l, ["2024-03", "2024-05", "2024-07", "2024-09"]);
    let pos: Vec<f64> = plot.x_ticks.iter().map(|t| t.pos).collect();
    assert!(pos.windows(2).all(|w| w[0] < w[1]));
    // A tick sits where its day begins, between the points around it.
    let july = plot.x_ticks.iter().find(|t| t.label == "2024-07").unwrap();
    assert!(july.pos > plot.points[1].cx && july.pos < plot.points[2].cx);
    readable(&plot);
}

#[test]
fn a_few_weeks_get_day_ticks_and_years_get_year_ticks() {
    let weeks = duration_plot(
        &spread(&["2024-03-01T10:00:00Z", "2024-03-29T10:00:00Z"]),
        &utc,
    );
    let l = labels(&weeks);
    assert!(l.len() >= 3 && l.iter().all(|s| s.len() == 10), "{l:?}");
    readable(&weeks);
    let years = duration_plot(
        &spread(&["2015-06-01T00:00:00Z", "2024-06-01T00:00:00Z"]),
        &utc,
    );
    let l = labels(&years);
    assert!(l.len() >= 3 && l.iter().all(|s| s.len() == 4), "{l:?}");
    readable(&years);
}

#[test]
fn a_short_range_is_labelled_at_its_ends() {
    // Two incidents on one day, and on two days in a row: no round day to
    // speak of in between, so the first and last day, drawn inward.
    let same_day = duration_plot(
        &spread(&["2024-03-01T08:00:00Z", "2024-03-01T18:00:00Z"]),
        &utc,
    );
    assert_eq!(labels(&same_day), ["2024-03-01"]);
    let two = duration_plot(
        &spread(&["2024-03-01T08:00:00Z", "2024-03-02T18:00:00Z"]),
        &utc,
    );
    assert_eq!(labels(&two), ["2024-03-01", "2024-03-02"]);
    assert!(two.x_at_ends);
    let one = duration_plot(&spread(&["2024-03-01T08:00:00Z"]), &utc);
    assert_eq!(labels(&one), ["2024-03-01"]);
}

#[test]
fn ticks_follow_the_readers_calendar() {
    // Midnight of 1 June in Berlin (UTC+2) is 22:00 UTC on 31 May.
    let berlin = |_: chrono::DateTime<chrono::Utc>| 120;
    let starts = [
        "2024-03-15T12:00:00Z",
        "2024-05-31T21:00:00Z",
        "2024-05-31T23:00:00Z",
        "2024-09-15T12:00:00Z",
    ];
    let plot = duration_plot(&spread(&starts), &berlin);
    assert_eq!(
        labels(&plot),
        ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09"]
    );
    // 21:00 UTC is still May in Berlin, 23:00 UTC is already June.
    let june = plot.x_ticks.iter().find(|t| t.label == "2024-06").unwrap();
    assert!(june.pos > plot.points[1].cx && june.pos < plot.points[2].cx);
    // In UTC the month begins after both.
    let plot = duration_plot(&spread(&starts), &utc);
    let june = plot.x_ticks.iter().find(|t| t.label == "2024-06").unwrap();
    assert!(june.pos > plot.points[2].cx);
    readable(&plot);
}
