use super::svg::{frame, line, mark, text, Mark};
use crate::domain::insights::DurationPlot;
use crate::ui::tree::{s, Node};

/// Durations over time: every incident a point (hollow when approximate),
/// the middle half shaded and the median drawn across.
pub fn duration_svg(id: &'static str, plot: DurationPlot, title: String, desc: String) -> Node {
    let [left, top, right, bottom] = plot.area;
    let mut body = Vec::new();
    if let Some((a, b)) = plot.quartiles {
        body.push(
            s("rect")
                .at("class", "quartiles")
                .num("x", left)
                .num("y", a)
                .num("width", right - left)
                .num("height", (b - a).max(1.0))
                .into(),
        );
    }
    for t in plot.y_ticks {
        body.push(line("grid", left, t.pos, right, t.pos));
        body.push(text("tick-label", left - 6.0, t.pos + 4.0, "end", t.label));
    }
    body.push(line("axis", left, bottom, right, bottom));
    body.push(line("axis", left, top, left, bottom));
    let ends = plot.x_at_ends;
    for (i, t) in plot.x_ticks.into_iter().enumerate() {
        let anchor = match (ends, i) {
            (true, 0) => "start",
            (true, _) => "end",
            _ => "middle",
        };
        if !ends {
            body.push(line("axis", t.pos, bottom, t.pos, bottom + 4.0));
        }
        body.push(text("tick-label", t.pos, bottom + 16.0, anchor, t.label));
    }
    if let Some(y) = plot.median {
        body.push(line("median", left, y, right, y));
    }
    for p in plot.points {
        let class = if p.approximate { "pt approx" } else { "pt" };
        body.push(mark(
            Mark::Dot { cx: p.cx, cy: p.cy },
            class.to_string(),
            p.label,
        ));
    }
    frame(id, (plot.width, plot.height), title, desc, body)
}
