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
