use super::svg::{frame, line, mark, text, Mark};
use crate::domain::insights::BarChart;
use crate::ui::tree::Node;

/// A bar chart drawn from its geometry: months along the bottom, or names
/// down the left for a ranking (`horizontal`).
pub fn bar_svg(
    id: &'static str,
    chart: BarChart,
    title: String,
    desc: String,
    horizontal: bool,
) -> Node {
    let [left, top, right, bottom] = chart.area;
    let mut body = Vec::new();
    for t in chart.y_ticks {
        if horizontal {
            body.push(text("tick-label", left - 8.0, t.pos + 4.0, "end", t.label));
        } else {
            body.push(line("grid", left, t.pos, right, t.pos));
            body.push(text("tick-label", left - 6.0, t.pos + 4.0, "end", t.label));
        }
    }
    body.push(if horizontal {
        line("axis", left, top, left, bottom)
    } else {
        line("axis", left, bottom, right, bottom)
    });
    for t in chart.x_ticks {
        body.push(text("tick-label", t.pos, bottom + 16.0, "middle", t.label));
    }
    for b in chart.bars {
        if horizontal {
            body.push(text(
                "value-label",
                b.x + b.w + 6.0,
                b.y + b.h / 2.0 + 4.0,
                "start",
                b.value.to_string(),
            ));
        }
        let shape = Mark::Rect {
            x: b.x,
            y: b.y,
            w: b.w,
            h: b.h,
        };
        body.push(mark(shape, format!("bar {}", b.class), b.label));
    }
    frame(id, (chart.width, chart.height), title, desc, body)
}
