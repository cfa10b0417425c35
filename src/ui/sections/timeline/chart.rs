use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::html::Div;
use leptos::prelude::*;

use super::time::{format_local, offset};
use super::{use_timeline, TIMELINE};
use crate::domain::chart::{layout_with, Chart, ChartOptions};
use crate::domain::durations::format_minutes;
use crate::domain::{EventKind, Field, PostMortem, Scope};
use crate::ui::memo::{effect, memo};
use crate::ui::widgets::keyed;
use crate::ui::widgets::Show;

/// CSS class suffix for an event kind (`kind-impact-start`), shared by the
/// chart's markers and the list's rows so both use the same colour.
pub fn kind_slug(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ImpactStart => "impact-start",
        EventKind::Detected => "detected",
        EventKind::Acknowledged => "acknowledged",
        EventKind::Escalated => "escalated",
        EventKind::Mitigated => "mitigated",
        EventKind::Resolved => "resolved",
        EventKind::Communication => "communication",
        EventKind::Action => "action",
        EventKind::Note => "note",
    }
}

/// Milestones are drawn as diamonds, other events as dots, so the shape
/// carries the meaning as well as the colour.
fn is_milestone(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::ImpactStart
            | EventKind::Detected
            | EventKind::Acknowledged
            | EventKind::Escalated
            | EventKind::Mitigated
            | EventKind::Resolved
    )
}

const ROW_H: f64 = 16.0;
const TOP: f64 = 6.0;
const BAND_H: f64 = 18.0;

#[derive(Clone, Debug, PartialEq)]
pub struct PhaseItem {
    class: String,
    x: f64,
    w: f64,
    title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TickItem {
    x: f64,
    label: String,
    anchor: &'static str,
    day: Option<String>,
}

fn marker_key(m: &MarkerItem) -> String {
    m.key.clone()
}

/// A marker's key: a digest of everything drawn for it. Thousands of markers
/// are diffed whenever the chart is laid out again, and a short key is cheap
/// to compare, hash and copy where the text it stands for is not.
fn digest(parts: impl Hash) -> String {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    format!("{:016x}", h.finish())
}

#[derive(Clone, Debug, PartialEq)]
pub struct MarkerItem {
    /// Changes whenever anything drawn for the marker changes, so a keyed
    /// list redraws only the markers that moved or were relabelled.
    key: String,
    x: f64,
    kind: EventKind,
    approximate: bool,
    /// Label position and text, when a label row was free.
    label: Option<(f64, f64, String)>,
    /// The (first) event's time and its description, for the tooltip. Kept
    /// as data and written out only when the marker is drawn: thousands of
    /// markers are laid out on every change, and only the changed ones are
    /// drawn again.
    time: DateTime<Utc>,
    text: String,
    /// Events this marker stands for (more than one where they overlap).
    count: usize,
}

impl MarkerItem {
    fn class(&self) -> String {
        let approx = if self.approximate { " approx" } else { "" };
        format!("marker kind-{}{approx}", kind_slug(self.kind))
    }

    /// The tooltip: when, what kind and what happened; or, for a marker
    /// standing for several events, how many and from when.
    fn title(&self, zone: &str) -> String {
        let when = format!(
            "{}{}",
            if self.approximate { "≈ " } else { "" },
            format_local(zone, self.time)
        );
        if self.count > 1 {
            return format!(
                "{} {} events from {when}",
                self.count,
                self.kind.label().to_lowercase()
            );
        }
        match self.text.as_str() {
            "" => format!("{when} · {}", self.kind.label()),
            t => format!("{when} · {} — {t}", self.kind.label()),
        }
    }
}

/// Everything the SVG needs, computed once per width and document state.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartModel {
    /// The document's time zone, for the markers' tooltips.
    zone: String,
    width: f64,
    height: f64,
    band_y: f64,
    axis_y: f64,
    pub desc: String,
    phases: Vec<PhaseItem>,
    ticks: Vec<TickItem>,
    markers: Vec<MarkerItem>,
    pub unplaced: usize,
    pub hidden_labels: usize,
}

/// Lays out the chart of `d`'s timeline for a drawing `width` pixels wide;
/// `None` when no event has a known time.
pub fn chart_model(d: &PostMortem, width: f64) -> Option<ChartModel> {
    let zone = d.context.time_zone.as_str();
    let narrow = width < 520.0;
    let opts = ChartOptions {
        width,
        margin: 18.0,
        char_width: 6.6,
        label_gap: 8.0,
        max_label_chars: if narrow { 18 } else { 28 },
        max_rows: if narrow { 4 } else { 6 },
        min_tick_spacing: if narrow { 60.0 } else { 76.0 },
        offset_minutes: 0,
    };
    let chart = layout_with(&d.timeline, &opts, |t| offset(zone, t))?;
    let rows = chart.rows.max(1) as f64;
    let band_y = TOP + rows * ROW_H + 8.0;
    let axis_y = band_y + BAND_H;
    let height = axis_y + 34.0;

    let phases = chart
        .phases
        .iter()
        .map(|p| {
            let w = (p.x1 - p.x0).max(1.0);
            let name = p.phase.label();
            let mut class = format!("phase {}", p.phase.class());
            if p.approximate {
                class.push_str(" approx");
            }
            if p.open {
                class.push_str(" open");
            }
            PhaseItem {
                class,
                x: p.x0,
                w,
                title: format!(
                    "{name}: {} to {} ({})",
                    format_local(zone, p.start),
                    format_local(zone, p.end),
                    span_text(p.end - p.start)
                ),
            }
        })
        .collect();

    let last = chart.ticks.len().saturating_sub(1);
    let ticks = chart
        .ticks
        .iter()
        .enumerate()
        .map(|(i, t)| TickItem {
            x: t.x,
            label: t.label.clone(),
            anchor: if t.x < 24.0 {
                "start"
            } else if t.x > chart.width - 24.0 || (i == last && t.x > chart.width - 40.0) {
                "end"
            } else {
                "middle"
            },
            day: t.day.clone(),
        })
        .collect();

    let mut hidden_labels = 0;
    let mut markers: Vec<MarkerItem> = Vec::with_capacity(chart.markers.len());
    // For each marker, the id of the last event it stands for: part of its key.
    let mut last_ids: Vec<&str> = Vec::with_capacity(chart.markers.len());
    // Unlabelled markers that others of the same look may join, by two-pixel
    // column.
    let mut shared: HashMap<(EventKind, bool, i64), usize> = HashMap::new();
    for m in &chart.markers {
        let label = match m.row {
            Some(r) => Some((m.label_x, band_y - 6.0 - r as f64 * ROW_H, m.label.clone())),
            None => {
                hidden_labels += 1;
                None
            }
        };
        // Thousands of events put several on one pixel; unlabelled ones of
        // the same look that would be drawn on top of each other become one
        // marker that says how many it stands for. Milestones always get
        // their own.
        let bucket = (m.kind, m.approximate, (m.x / 2.0).floor() as i64);
        if label.is_none() && !is_milestone(m.kind) {
            if let Some(&i) = shared.get(&bucket) {
                markers[i].count += 1;
                last_ids[i] = m.event_id.as_str();
                continue;
            }
            shared.insert(bucket, markers.len());
        }
        let text = d
            .timeline
            .get(m.index)
            .map(|e| e.description.trim().to_string())
            .unwrap_or_default();
        markers.push(MarkerItem {
            key: String::new(),
            x: m.x,
            kind: m.kind,
            approximate: m.approximate,
            label,
            time: m.time,
            text,
            count: 1,
        });
        last_ids.push(m.event_id.as_str());
    }
    for (m, last) in markers.iter_mut().zip(last_ids) {
        m.key = digest((
            last,
            m.x.to_bits(),
            m.label
                .as_ref()
                .map(|(x, y, t)| (x.to_bits(), y.to_bits(), t)),
            m.kind,
            m.approximate,
            m.time,
            &m.text,
            m.count,
            rows.to_bits(),
            zone,
        ));
    }

    let desc = describe(&chart, zone);
    Some(ChartModel {
        zone: zone.to_string(),
        width: chart.width,
        height,
        band_y,
        axis_y,
        desc,
        phases,
        ticks,
        markers,
        unplaced: chart.unplaced.len(),
        hidden_labels,
    })
}

/// The chart's accessible name. Apart from the model, so retyping the title
/// does not lay the chart out again.
pub fn chart_title(d: &PostMortem) -> String {
    match d.context.title.trim() {
        "" => "Timeline chart".to_string(),
        t => format!("Timeline chart: {t}"),
    }
}

fn span_text(d: chrono::TimeDelta) -> String {
    let s = d.num_seconds();
    format_minutes((s + 30).div_euclid(60))
}

/// The chart in words, for the `<desc>`: range, phases and what is missing.
fn describe(chart: &Chart, zone: &str) -> String {
    let n = chart.markers.len();
    let first = chart.markers.iter().map(|m| m.time).min();
    let last = chart.markers.iter().map(|m| m.time).max();
    let mut out = match (first, last) {
        (Some(a), Some(b)) if n > 1 => format!(
            "{n} events from {} to {} ({}), over {}.",
            format_local(zone, a),
            format_local(zone, b),
            if zone.is_empty() { "UTC" } else { zone },
            span_text(b - a)
        ),
        (Some(a), _) => format!("1 event at {}.", format_local(zone, a)),
        _ => String::new(),
    };
    let phases: Vec<String> = chart
        .phases
        .iter()
        .map(|p| {
            format!(
                "{} for {}{}",
                p.phase.label().to_lowercase(),
                if p.approximate { "about " } else { "" },
                span_text(p.end - p.start)
            )
        })
        .collect();
    if !phases.is_empty() {
        let mut s = phases.join(", then ");
        if let Some(c) = s.get_mut(0..1) {
            c.make_ascii_uppercase();
        }
        out.push(' ');
        out.push_str(&s);
        out.push('.');
    }
    match chart.unplaced.len() {
        0 => {}
        1 => out.push_str(" 1 event has no known time and is not drawn."),
        k => out.push_str(&format!(
            " {k} events have no known time and are not drawn."
        )),
    }
    out
}

/// The drawing itself: phases as a coloured band, a time axis, and a marker
/// per event with its label on the first free row above. Colours come from
/// CSS classes only (the content security policy allows no inline styles).
#[component]
pub fn ChartSvg(
    model: Signal<Option<ChartModel>>,
    /// Its accessible name (`chart_title`).
    #[prop(into)]
    title: Signal<String>,
    /// Prefix for element ids.
    id: &'static str,
    /// Id of the element that lists the same events as text.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let describedby = match described_by {
        Some(other) => format!("{desc_id} {other}"),
        None => desc_id.clone(),
    };
    let get =
        move |f: fn(&ChartModel) -> String| model.with(|m| m.as_ref().map(f).unwrap_or_default());
    let markers =
        memo(move || model.with(|m| m.as_ref().map(|m| m.markers.clone()).unwrap_or_default()));
    // Only a few markers have a label (and a leader line to it): those two
    // layers list just those, not an empty entry for each of thousands.
    let labelled = memo(move || {
        markers.with(|all| {
            all.iter()
                .filter(|m| m.label.is_some())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || model.with(Option::is_some)>
            <svg
                class="timeline-chart"
                role="img"
                aria-labelledby=title_id.clone()
                aria-describedby=describedby.clone()
                width="100%"
                preserveAspectRatio="xMinYMin meet"
                viewBox=move || model.with(|m| m.as_ref().map(|m| format!("0 0 {:.0} {:.0}", m.width, m.height)).unwrap_or_default())
            >
                <title id=title_id.clone()>{move || title.get()}</title>
                <desc id=desc_id.clone()>{move || get(|m| m.desc.clone())}</desc>
                {move || {
                    model.with(|m| m.as_ref().map(|m| {
                        let (band_y, axis_y, width) = (m.band_y, m.axis_y, m.width);
                        let phases = m.phases.iter().map(|p| view! {
                            <g>
                                <title>{p.title.clone()}</title>
                                <rect class=p.class.clone() x=p.x y=band_y width=p.w height=BAND_H rx="2"></rect>
                            </g>
                        }).collect_view();
                        let ticks = m.ticks.iter().map(|t| view! {
                            <g class="tick">
                                <line class="grid" x1=t.x x2=t.x y1=TOP y2=axis_y></line>
                                <line class="tick-mark" x1=t.x x2=t.x y1=axis_y y2=axis_y + 4.0></line>
                                <text class="tick-label" x=t.x y=axis_y + 16.0 text-anchor=t.anchor>{t.label.clone()}</text>
                                {t.day.clone().map(|d| view! {
                                    <text class="day-label" x=t.x y=axis_y + 29.0 text-anchor=t.anchor>{d}</text>
                                })}
                            </g>
                        }).collect_view();
                        view! {
                            <g class="frame">
                                <rect class="band-base" x="0" y=band_y width=width height=BAND_H rx="2"></rect>
                                {phases}
                                <line class="axis" x1="0" x2=width y1=axis_y y2=axis_y></line>
                                {ticks}
                            </g>
                        }
                    }))
                }}
                // Three layers, so that no leader line is drawn over a label and
                // every marker sits on top.
                <g class="leaders">
                    {keyed(labelled, marker_key, move |m| {
                        let top = model.with_untracked(|x| x.as_ref().map(|x| x.band_y).unwrap_or(0.0));
                        m.label.map(|(_, ly, _)| view! {
                            <line class="leader" x1=m.x x2=m.x y1=top y2=ly - 9.0></line>
                        }).into_any()
                    })}
                </g>
                <g class="labels">
                    {keyed(labelled, marker_key, move |m| {
                        m.label.map(|(lx, ly, text)| view! {
                            <text class="marker-label" x=lx y=ly>{text}</text>
                        }).into_any()
                    })}
                </g>
                <g class="markers">
                    {keyed(markers, marker_key, move |m| {
                            let (cy, title) = model.with_untracked(|x| match x {
                                Some(x) => (x.band_y + BAND_H / 2.0, m.title(&x.zone)),
                                None => (0.0, String::new()),
                            });
                            let shape = if is_milestone(m.kind) {
                                let x = m.x;
                                view! {
                                    <polygon
                                        class="shape"
                                        points=format!("{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", x, cy - 6.0, x + 6.0, cy, x, cy + 6.0, x - 6.0, cy)
                                    ></polygon>
                                }
                                .into_any()
                            } else {
                                view! { <circle class="shape" cx=m.x cy=cy r="4"></circle> }.into_any()
                            };
                            view! {
                                <g class=m.class()>
                                    <title>{title}</title>
                                    {shape}
                                </g>
                            }
                            .into_any()
                    })}
                </g>
            </svg>
        </Show>
    }
}

/// Colour key under the chart.
#[component]
pub fn ChartLegend() -> impl IntoView {
    view! {
        <ul class="chart-legend">
            <li><span class="swatch phase-undetected"></span>"Undetected"</li>
            <li><span class="swatch phase-responding"></span>"Responding"</li>
            <li><span class="swatch phase-mitigated"></span>"Mitigated"</li>
            <li><span class="swatch phase-after"></span>"After resolution"</li>
            <li><span class="key-shape diamond"></span>"Milestone"</li>
            <li><span class="key-shape dot"></span>"Other event"</li>
            <li><span class="key-shape dot hollow"></span>"Approximate time"</li>
        </ul>
    }
}

/// The chart in the editor: as wide as the column (measured on load and on
/// resize) and redrawn when typing pauses.
#[component]
pub fn TimelineChart() -> impl IntoView {
    let tl = use_timeline();
    let editor = tl.editor;
    let wrap = NodeRef::<Div>::new();
    let width = RwSignal::new(0.0_f64);
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    effect(move || {
        if wrap.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // Only the timeline moves the chart: typing elsewhere does not lay out
    // thousands of markers again when it pauses. And when the timeline did
    // change, the chart is laid out in a task of its own, a moment after the
    // pause's other summaries, so the two are not one long task.
    let due = RwSignal::new(0_u64);
    let first = StoredValue::new(true);
    effect(move || {
        editor.settled_in(&TIMELINE, |_| ());
        if first.get_value() {
            // Mounting: the model below reads the document itself.
            first.set_value(false);
            return;
        }
        set_timeout(
            move || due.try_update(|n| *n += 1).unwrap_or(()),
            Duration::ZERO,
        );
    });
    let model = memo(move || {
        let w = width.get();
        tl.zone.track();
        due.track();
        if w <= 0.0 {
            return None;
        }
        editor.peek(|d| chart_model(d, w))
    });
    let title = memo(move || editor.settled_in(&[Scope::Field(Field::Title)], chart_title));
    let notes = memo(move || {
        model.with(|m| {
            m.as_ref().map(|m| {
                let mut s = String::new();
                if m.hidden_labels > 0 {
                    s.push_str(&format!(
                        "{} labels left out for room; point at a marker to read it. ",
                        m.hidden_labels
                    ));
                }
                match m.unplaced {
                    0 => {}
                    1 => s.push_str("1 event without a time is not drawn. "),
                    k => s.push_str(&format!("{k} events without a time are not drawn. ")),
                }
                s
            })
        })
    });
    view! {
        <figure class="chart">
            <div class="chart-wrap" node_ref=wrap>
                <ChartSvg model=model.into() title=title id="timeline-chart" described_by="timeline-chart-note" />
                <Show when=move || model.with(Option::is_none)>
                    <p class="empty">"The chart appears once an event has a time."</p>
                </Show>
            </div>
            <Show when=move || model.with(Option::is_some)>
                <ChartLegend />
                <figcaption class="help" id="timeline-chart-note">
                    {move || notes.get()}
                    <span class="visually-hidden">"Every event on the chart is listed below with its exact time."</span>
                </figcaption>
            </Show>
        </figure>
    }
}
