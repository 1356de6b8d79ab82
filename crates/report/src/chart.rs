//! Inline SVG chart of one proposition: each value at its date (x) and size
//! (y), ranges as bars, open bounds as dashed bars, labelled by source.
//!
//! The geometry is computed here into [`Shape`]s; `templates/chart.html`
//! writes them out, escaping every text by construction.

use chrono::NaiveDate;
use crosscheck_ledger::format_number;
use crosscheck_model::{Proposition, PropositionStatus};

use crate::view::{shorten, View};

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 230.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 44.0;
/// Width of one slot for a value without a date (they sit side by side at
/// the right of the dated ones).
const UNDATED_SLOT: f64 = 56.0;
/// Horizontal spacing of values that share a date.
const SPREAD: f64 = 22.0;
/// Approximate width of one label character at the chart's font size.
const CHAR_WIDTH: f64 = 7.0;
const LABEL_HEIGHT: f64 = 14.0;

/// Grid lines and the axis.
const GRID: &str = "#e5e7eb";
const AXIS: &str = "#6b7280";

const PALETTE: [&str; 8] = [
    "#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#0891b2", "#be185d", "#4b5563",
];

fn parse_date(date: Option<&str>) -> Option<NaiveDate> {
    let date = date?;
    NaiveDate::parse_from_str(date.get(..10).unwrap_or(date), "%Y-%m-%d").ok()
}

/// A round step for about four grid lines up to `max`.
fn tick_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    step.max(f64::MIN_POSITIVE)
}

/// One SVG element. Coordinates are already formatted (the report's fixed
/// precision); colours and dash patterns are the constants of this module.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// `<line>`, with the stroke attributes it needs.
    Line {
        x1: String,
        y1: String,
        x2: String,
        y2: String,
        stroke: &'static str,
        width: Option<&'static str>,
        dash: Option<&'static str>,
        opacity: Option<&'static str>,
    },
    /// `<text>` with its class, colour and anchor.
    Text {
        x: String,
        y: String,
        class: &'static str,
        fill: Option<&'static str>,
        anchor: Option<&'static str>,
        text: String,
    },
    /// `<rect>`: the band of undated values or a range of values.
    Rect {
        x: String,
        y: String,
        width: String,
        height: String,
        rounded: bool,
        fill: &'static str,
        fill_opacity: &'static str,
        stroke: Option<&'static str>,
    },
    /// `<circle>`: a value, hollow when approximate, or a legend dot.
    Circle {
        cx: String,
        cy: String,
        r: &'static str,
        fill: &'static str,
        stroke: Option<&'static str>,
    },
    /// The dashed trend line of an evolving figure.
    Polyline { points: String },
}

/// A chart: what it shows, for screen readers, and its shapes in drawing
/// order.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub label: String,
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

/// A coordinate at the chart's precision.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

fn line(x1: String, y1: String, x2: String, y2: String, stroke: &'static str) -> Shape {
    Shape::Line {
        x1,
        y1,
        x2,
        y2,
        stroke,
        width: None,
        dash: None,
        opacity: None,
    }
}

fn tick_text(x: f64, y: f64, anchor: &'static str, text: String) -> Shape {
    Shape::Text {
        x: at(x),
        y: at(y),
        class: "tick",
        fill: None,
        anchor: Some(anchor),
        text,
    }
}

struct Mark {
    x: f64,
    low: Option<f64>,
    high: Option<f64>,
    approximate: bool,
    value: String,
    color: &'static str,
}

/// An axis value short enough for the margin: "2,500", "12k", "1.5M",
/// "300M", "4bn", "2tn".
fn axis_number(v: f64) -> String {
    const SCALES: [(f64, &str); 4] = [(1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "k")];
    let magnitude = v.abs();
    if magnitude < 10_000.0 {
        return format_number(v);
    }
    for (scale, suffix) in SCALES {
        if magnitude >= scale {
            // One decimal at most, dropped when it is zero.
            let shown = format!("{:.1}", v / scale);
            let shown = shown.strip_suffix(".0").unwrap_or(&shown);
            return format!("{shown}{suffix}");
        }
    }
    format_number(v)
}

/// Where dates and values fall on a chart.
struct Scale {
    first: Option<NaiveDate>,
    span_days: f64,
    /// Right edge of the dated part; undated values sit to its right.
    plot_right: f64,
    undated_width: f64,
    undated_slot: f64,
    /// Grid step and the value at the top of the plot.
    step: f64,
    top_value: f64,
}

impl Scale {
    fn new(p: &Proposition, dates: &[Option<NaiveDate>]) -> Scale {
        let first = dates.iter().flatten().min().copied();
        let last = dates.iter().flatten().max().copied();
        let undated_count = dates.iter().filter(|d| d.is_none()).count();
        let plot_width = WIDTH - RIGHT - LEFT;
        // Undated values take as much room as they need, up to all of it.
        let undated_width = if undated_count == 0 {
            0.0
        } else if dates.iter().any(Option::is_some) {
            (undated_count as f64 * UNDATED_SLOT + 20.0).min(plot_width * 0.6)
        } else {
            plot_width
        };
        let max_value = p
            .values
            .iter()
            .flat_map(|v| [v.low, v.high])
            .flatten()
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let step = tick_step(max_value * 1.1);
        Scale {
            first,
            span_days: match (first, last) {
                (Some(a), Some(b)) => (b - a).num_days() as f64,
                _ => 0.0,
            },
            plot_right: WIDTH - RIGHT - undated_width,
            undated_width,
            undated_slot: undated_width / undated_count.max(1) as f64,
            step,
            top_value: ((max_value * 1.1) / step).ceil().max(1.0) * step,
        }
    }

    /// The x of a date (the undated band's edge for none).
    fn x(&self, date: Option<NaiveDate>) -> f64 {
        match (date, self.first) {
            (Some(d), Some(f)) if self.span_days > 0.0 => {
                LEFT + 20.0
                    + (d - f).num_days() as f64 / self.span_days * (self.plot_right - LEFT - 40.0)
            }
            (Some(_), _) => (LEFT + self.plot_right) / 2.0,
            (None, _) => self.plot_right,
        }
    }

    /// The y of a value.
    fn y(&self, v: f64) -> f64 {
        TOP + (1.0 - (v / self.top_value).clamp(0.0, 1.05)) * (HEIGHT - TOP - BOTTOM)
    }
}

/// The chart alone, as the HTML report draws it.
#[derive(askama::Template)]
#[template(path = "chart.html")]
struct ChartSvg<'a> {
    chart: &'a Chart,
}

/// One proposition's chart as inline SVG (every text escaped by its
/// template), for pages that show propositions one by one. `documents` and
/// `claims` need hold only the proposition's own.
pub fn proposition_svg<'a>(
    p: &Proposition,
    documents: impl IntoIterator<Item = &'a crosscheck_model::Document>,
    claims: impl IntoIterator<Item = &'a crosscheck_model::Claim>,
) -> String {
    let view = View::of(documents, claims);
    askama::Template::render(&ChartSvg {
        chart: &chart(p, &view),
    })
    .unwrap_or_default()
}

/// The chart of one proposition.
pub fn chart(p: &Proposition, view: &View) -> Chart {
    let dates: Vec<Option<NaiveDate>> = p
        .values
        .iter()
        .map(|v| parse_date(v.date.as_deref()))
        .collect();
    let scale = Scale::new(p, &dates);
    let (marks, sources) = marks(p, &dates, &scale, view);
    let mut svg = grid(&scale);
    date_labels(&mut svg, p, &dates, &scale, view);
    if scale.undated_width > 0.0 {
        undated_band(&mut svg, &scale);
    }
    // A faint trend line for figures that change over time.
    if p.status == PropositionStatus::Evolving {
        svg.push(trend(&marks, &dates, &scale));
    }
    let mut placed: Vec<Label> = Vec::new();
    for m in &marks {
        draw_mark(&mut svg, m, &scale, &mut placed);
    }
    legend(&mut svg, &sources);
    Chart {
        label: format!("{}: values by date and source", p.label),
        width: WIDTH,
        height: HEIGHT,
        shapes: svg,
    }
}

/// Each value's mark, coloured by source (the sources in order of first
/// appearance), values sharing an x position spread apart.
fn marks(
    p: &Proposition,
    dates: &[Option<NaiveDate>],
    scale: &Scale,
    view: &View,
) -> (Vec<Mark>, Vec<String>) {
    let mut sources: Vec<String> = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut used: Vec<(i64, usize)> = Vec::new();
    let mut undated_seen = 0usize;
    for (v, date) in p.values.iter().zip(dates) {
        let claim = view.claim(&v.claim);
        let source = claim
            .map(crate::view::source_name)
            .unwrap_or_else(|| "unattributed".into());
        let index = match sources.iter().position(|s| *s == source) {
            Some(i) => i,
            None => {
                sources.push(source.clone());
                sources.len() - 1
            }
        };
        let x = if date.is_some() {
            let base = scale.x(*date);
            let slot = base.round() as i64;
            let n = match used
                .iter_mut()
                .find(|(x, _)| (*x - slot).abs() < SPREAD as i64)
            {
                Some((_, n)) => {
                    *n += 1;
                    *n - 1
                }
                None => {
                    used.push((slot, 1));
                    0
                }
            };
            base + n as f64 * SPREAD
        } else {
            undated_seen += 1;
            scale.plot_right + (undated_seen as f64 - 0.5) * scale.undated_slot
        };
        let quantity = claim.and_then(|c| c.quantity());
        marks.push(Mark {
            x,
            low: v.low,
            high: v.high,
            approximate: quantity.is_some_and(|q| q.approximate),
            value: quantity.map_or_else(|| v.text.clone(), crate::view::figure_value),
            color: PALETTE[index % PALETTE.len()],
        });
    }
    (marks, sources)
}

/// Grid lines with their values, and the axis.
fn grid(scale: &Scale) -> Vec<Shape> {
    let mut svg = Vec::new();
    let mut tick = 0.0;
    while tick <= scale.top_value + scale.step / 2.0 {
        let y = scale.y(tick);
        svg.push(line(
            LEFT.to_string(),
            at(y),
            at(WIDTH - RIGHT),
            at(y),
            GRID,
        ));
        svg.push(tick_text(LEFT - 8.0, y + 4.0, "end", axis_number(tick)));
        tick += scale.step;
    }
    let base_y = scale.y(0.0);
    svg.push(line(
        LEFT.to_string(),
        at(base_y),
        at(WIDTH - RIGHT),
        at(base_y),
        AXIS,
    ));
    svg
}

/// Date labels under the axis ("≈" for an estimated date), skipping those
/// that would collide.
fn date_labels(
    svg: &mut Vec<Shape>,
    p: &Proposition,
    dates: &[Option<NaiveDate>],
    scale: &Scale,
    view: &View,
) {
    let base_y = scale.y(0.0);
    let mut labelled: Vec<f64> = Vec::new();
    let mut distinct: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
    distinct.sort();
    distinct.dedup();
    let estimated: Vec<NaiveDate> = p
        .values
        .iter()
        .filter(|v| view.doc(&v.doc).is_some_and(|d| d.published.is_none()))
        .filter_map(|v| parse_date(v.date.as_deref()))
        .collect();
    for d in distinct {
        let x = scale.x(Some(d));
        let shown = if estimated.contains(&d) {
            format!("≈{d}")
        } else {
            d.to_string()
        };
        if labelled.iter().any(|l| (l - x).abs() < 74.0) {
            continue;
        }
        labelled.push(x);
        svg.push(line(at(x), at(base_y), at(x), at(base_y + 5.0), AXIS));
        svg.push(tick_text(x, base_y + 20.0, "middle", shown));
    }
}

/// The shaded band where undated values sit.
fn undated_band(svg: &mut Vec<Shape>, scale: &Scale) {
    let base_y = scale.y(0.0);
    svg.push(Shape::Rect {
        x: at(scale.plot_right),
        y: TOP.to_string(),
        width: at(scale.undated_width),
        height: at(base_y - TOP),
        rounded: false,
        fill: "#f3f4f6",
        fill_opacity: "0.6",
        stroke: None,
    });
    svg.push(tick_text(
        scale.plot_right + scale.undated_width / 2.0,
        base_y + 20.0,
        "middle",
        "no date".to_string(),
    ));
}

/// A line through the dated values' midpoints.
fn trend(marks: &[Mark], dates: &[Option<NaiveDate>], scale: &Scale) -> Shape {
    let points: Vec<String> = marks
        .iter()
        .zip(dates)
        .filter(|(_, d)| d.is_some())
        .filter_map(|(m, _)| {
            let v = match (m.low, m.high) {
                (Some(l), Some(h)) => (l + h) / 2.0,
                (Some(v), None) | (None, Some(v)) => v,
                (None, None) => return None,
            };
            Some(format!("{:.1},{:.1}", m.x, scale.y(v)))
        })
        .collect();
    Shape::Polyline {
        points: points.join(" "),
    }
}

/// One line per source.
fn legend(svg: &mut Vec<Shape>, sources: &[String]) {
    for (i, source) in sources.iter().enumerate().take(12) {
        let y = TOP + 6.0 + i as f64 * 17.0;
        let x = WIDTH - RIGHT + 16.0;
        svg.push(Shape::Circle {
            cx: at(x),
            cy: at(y),
            r: "5",
            fill: PALETTE[i % PALETTE.len()],
            stroke: None,
        });
        svg.push(Shape::Text {
            x: at(x + 10.0),
            y: at(y + 4.0),
            class: "legend",
            fill: None,
            anchor: None,
            text: shorten(source, 30),
        });
    }
}

/// A placed label's box, to keep later labels off it.
struct Label {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Label {
    fn overlaps(&self, other: &Label) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }
}

/// Where a mark's value label goes: above its top, else below its bottom,
/// else further out, whichever collides with no label placed so far.
fn place_label(x: f64, top: f64, bottom: f64, text: &str, placed: &mut Vec<Label>) -> (f64, f64) {
    let width = text.chars().count() as f64 * CHAR_WIDTH;
    // Keep the label inside the plot, clear of the axis labels and legend.
    let x = x.clamp(
        LEFT + width / 2.0,
        (WIDTH - RIGHT - width / 2.0).max(LEFT + width / 2.0),
    );
    let candidates = [
        top - 8.0,
        bottom + 8.0 + LABEL_HEIGHT,
        top - 8.0 - LABEL_HEIGHT,
        bottom + 8.0 + 2.0 * LABEL_HEIGHT,
        top - 8.0 - 2.0 * LABEL_HEIGHT,
    ];
    let boxed = |baseline: f64| Label {
        left: x - width / 2.0,
        right: x + width / 2.0,
        top: baseline - LABEL_HEIGHT + 2.0,
        bottom: baseline + 2.0,
    };
    let baseline = candidates
        .iter()
        .copied()
        .find(|b| {
            let candidate = boxed(*b);
            candidate.top >= 0.0
                && candidate.bottom <= HEIGHT
                && !placed.iter().any(|p| p.overlaps(&candidate))
        })
        .unwrap_or(top - 8.0);
    placed.push(boxed(baseline));
    (x, baseline)
}

fn draw_mark(svg: &mut Vec<Shape>, m: &Mark, scale: &Scale, placed: &mut Vec<Label>) {
    let y_of = |v: f64| scale.y(v);
    let top_value = scale.top_value;
    let (x, c) = (m.x, m.color);
    let (top, bottom) = match (m.low, m.high) {
        (Some(l), Some(h)) if (h - l).abs() > f64::EPSILON => {
            let (y1, y2) = (y_of(h), y_of(l));
            svg.push(Shape::Rect {
                x: at(x - 5.0),
                y: at(y1),
                width: "10".to_string(),
                height: at((y2 - y1).max(2.0)),
                rounded: true,
                fill: c,
                fill_opacity: "0.3",
                stroke: Some(c),
            });
            (y1, y2)
        }
        (Some(v), Some(_)) => {
            let y = y_of(v);
            if m.approximate {
                let (ya, yb) = (y_of(v * 1.1), y_of(v * 0.9));
                svg.push(Shape::Line {
                    x1: at(x),
                    y1: at(ya),
                    x2: at(x),
                    y2: at(yb),
                    stroke: c,
                    width: Some("2"),
                    dash: None,
                    opacity: Some("0.5"),
                });
                svg.push(Shape::Circle {
                    cx: at(x),
                    cy: at(y),
                    r: "5.5",
                    fill: "white",
                    stroke: Some(c),
                });
            } else {
                svg.push(Shape::Circle {
                    cx: at(x),
                    cy: at(y),
                    r: "5.5",
                    fill: c,
                    stroke: None,
                });
            }
            if m.approximate {
                (y_of(v * 1.1), y_of(v * 0.9))
            } else {
                (y - 5.0, y + 5.0)
            }
        }
        (None, Some(h)) => {
            let (y1, y2) = (y_of(h), y_of(0.0));
            open_bound(svg, x, y1, y2, y1, c);
            (y1, y1 + 4.0)
        }
        (Some(l), None) => {
            let (y1, y2) = (y_of(top_value), y_of(l));
            open_bound(svg, x, y1, y2, y2, c);
            (y2 - 4.0, y2)
        }
        (None, None) => return,
    };
    let (label_x, baseline) = place_label(x, top, bottom, &m.value, placed);
    svg.push(Shape::Text {
        x: at(label_x),
        y: at(baseline),
        class: "value",
        fill: Some(c),
        anchor: Some("middle"),
        text: m.value.clone(),
    });
}

/// An open bound: a dashed bar from `y1` to `y2` and a cap at `cap`.
fn open_bound(svg: &mut Vec<Shape>, x: f64, y1: f64, y2: f64, cap: f64, c: &'static str) {
    svg.push(Shape::Line {
        x1: at(x),
        y1: at(y1),
        x2: at(x),
        y2: at(y2),
        stroke: c,
        width: Some("3"),
        dash: Some("5 4"),
        opacity: Some("0.7"),
    });
    svg.push(Shape::Line {
        x1: at(x - 7.0),
        y1: at(cap),
        x2: at(x + 7.0),
        y2: at(cap),
        stroke: c,
        width: Some("3"),
        dash: None,
        opacity: None,
    });
}

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn axis_numbers_fit_the_margin() {
        for (value, shown) in [
            (0.0, "0"),
            (2500.0, "2,500"),
            (12_000.0, "12k"),
            (250_000.0, "250k"),
            (1_500_000.0, "1.5M"),
            (300_000_000.0, "300M"),
            (4e9, "4bn"),
            (2.24e12, "2.2tn"),
            (-50_000.0, "-50k"),
        ] {
            assert_eq!(super::axis_number(value), shown, "{value}");
        }
    }

    #[test]
    fn ticks_are_round() {
        for (max, want) in [(13200.0, 5000.0), (44.0, 20.0), (1.0, 0.25), (0.0, 1.0)] {
            assert_eq!(tick_step(max), want, "{max}");
        }
    }
}
