//! Inline SVG chart of one proposition: each value at its date (x) and size
//! (y), ranges as bars, open bounds as dashed bars, labelled by source.

use std::fmt::Write;

use chrono::NaiveDate;
use crosscheck_ledger::format_number;
use crosscheck_model::{Proposition, PropositionStatus};

use crate::escape::esc;
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

struct Mark {
    x: f64,
    low: Option<f64>,
    high: Option<f64>,
    approximate: bool,
    value: String,
    color: &'static str,
}

/// The chart as an `<svg>` element.
pub fn chart(p: &Proposition, view: &View) -> String {
    let dates: Vec<Option<NaiveDate>> = p
        .values
        .iter()
        .map(|v| parse_date(v.date.as_deref()))
        .collect();
    let first = dates.iter().flatten().min().copied();
    let last = dates.iter().flatten().max().copied();
    let undated_count = dates.iter().filter(|d| d.is_none()).count();
    let any_undated = undated_count > 0;
    let dated_any = dates.iter().any(Option::is_some);
    let plot_width = WIDTH - RIGHT - LEFT;
    // Undated values take as much room as they need, up to all of it.
    let undated_width = if !any_undated {
        0.0
    } else if dated_any {
        (undated_count as f64 * UNDATED_SLOT + 20.0).min(plot_width * 0.6)
    } else {
        plot_width
    };
    let plot_right = WIDTH - RIGHT - undated_width;
    let span_days = match (first, last) {
        (Some(a), Some(b)) => (b - a).num_days() as f64,
        _ => 0.0,
    };
    let x_of = |date: Option<NaiveDate>| -> f64 {
        match (date, first) {
            (Some(d), Some(f)) if span_days > 0.0 => {
                LEFT + 20.0 + (d - f).num_days() as f64 / span_days * (plot_right - LEFT - 40.0)
            }
            (Some(_), _) => (LEFT + plot_right) / 2.0,
            (None, _) => plot_right,
        }
    };
    let undated_slot = undated_width / undated_count.max(1) as f64;
    let mut undated_seen = 0usize;
    let max_value = p
        .values
        .iter()
        .flat_map(|v| [v.low, v.high])
        .flatten()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max);
    let step = tick_step(max_value * 1.1);
    let top_value = ((max_value * 1.1) / step).ceil().max(1.0) * step;
    let y_of = |v: f64| TOP + (1.0 - (v / top_value).clamp(0.0, 1.05)) * (HEIGHT - TOP - BOTTOM);

    // Colour by source, spread values sharing an x position.
    let mut sources: Vec<String> = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    let mut used: Vec<(i64, usize)> = Vec::new();
    for (v, date) in p.values.iter().zip(&dates) {
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
            let base = x_of(*date);
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
            plot_right + (undated_seen as f64 - 0.5) * undated_slot
        };
        let quantity = claim.and_then(|c| c.quantity.as_ref());
        marks.push(Mark {
            x,
            low: v.low,
            high: v.high,
            approximate: quantity.is_some_and(|q| q.approximate),
            value: quantity.map_or_else(|| v.text.clone(), crate::view::figure_value),
            color: PALETTE[index % PALETTE.len()],
        });
    }

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(&format!("{}: values by date and source", p.label))
    );
    // Grid and y axis.
    let mut tick = 0.0;
    while tick <= top_value + step / 2.0 {
        let y = y_of(tick);
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#e5e7eb"/><text x="{:.1}" y="{:.1}" class="tick" text-anchor="end">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 8.0,
            y + 4.0,
            esc(&format_number(tick))
        );
        tick += step;
    }
    let base_y = y_of(0.0);
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" y1="{base_y:.1}" x2="{:.1}" y2="{base_y:.1}" stroke="#6b7280"/>"##,
        WIDTH - RIGHT
    );
    // Date labels, skipping those that would collide.
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
        let x = x_of(Some(d));
        let shown = if estimated.contains(&d) {
            format!("≈{d}")
        } else {
            d.to_string()
        };
        if labelled.iter().any(|l| (l - x).abs() < 74.0) {
            continue;
        }
        labelled.push(x);
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" y1="{base_y:.1}" x2="{x:.1}" y2="{:.1}" stroke="#6b7280"/><text x="{x:.1}" y="{:.1}" class="tick" text-anchor="middle">{}</text>"##,
            base_y + 5.0,
            base_y + 20.0,
            shown
        );
    }
    if any_undated {
        let _ = write!(
            svg,
            r##"<rect x="{plot_right:.1}" y="{TOP}" width="{undated_width:.1}" height="{:.1}" fill="#f3f4f6" fill-opacity="0.6"/><text x="{:.1}" y="{:.1}" class="tick" text-anchor="middle">no date</text>"##,
            base_y - TOP,
            plot_right + undated_width / 2.0,
            base_y + 20.0
        );
    }
    // A faint trend line for figures that change over time.
    if p.status == PropositionStatus::Evolving {
        let points: Vec<String> = marks
            .iter()
            .zip(&dates)
            .filter(|(_, d)| d.is_some())
            .filter_map(|(m, _)| {
                let v = match (m.low, m.high) {
                    (Some(l), Some(h)) => (l + h) / 2.0,
                    (Some(v), None) | (None, Some(v)) => v,
                    (None, None) => return None,
                };
                Some(format!("{:.1},{:.1}", m.x, y_of(v)))
            })
            .collect();
        let _ = write!(
            svg,
            r##"<polyline points="{}" fill="none" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="4 3"/>"##,
            points.join(" ")
        );
    }
    let mut placed: Vec<Label> = Vec::new();
    for m in &marks {
        draw_mark(&mut svg, m, &y_of, top_value, &mut placed);
    }
    // Legend: one line per source.
    for (i, source) in sources.iter().enumerate().take(12) {
        let y = TOP + 6.0 + i as f64 * 17.0;
        let x = WIDTH - RIGHT + 16.0;
        let _ = write!(
            svg,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="{}"/><text x="{:.1}" y="{:.1}" class="legend">{}</text>"#,
            PALETTE[i % PALETTE.len()],
            x + 10.0,
            y + 4.0,
            esc(&shorten(source, 30))
        );
    }
    svg.push_str("</svg>");
    svg
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

fn draw_mark(
    svg: &mut String,
    m: &Mark,
    y_of: &dyn Fn(f64) -> f64,
    top_value: f64,
    placed: &mut Vec<Label>,
) {
    let (x, c) = (m.x, m.color);
    let (top, bottom) = match (m.low, m.high) {
        (Some(l), Some(h)) if (h - l).abs() > f64::EPSILON => {
            let (y1, y2) = (y_of(h), y_of(l));
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{y1:.1}" width="10" height="{:.1}" rx="3" fill="{c}" fill-opacity="0.3" stroke="{c}" stroke-width="1.5"/>"#,
                x - 5.0,
                (y2 - y1).max(2.0)
            );
            (y1, y2)
        }
        (Some(v), Some(_)) => {
            let y = y_of(v);
            if m.approximate {
                let (ya, yb) = (y_of(v * 1.1), y_of(v * 0.9));
                let _ = write!(
                    svg,
                    r#"<line x1="{x:.1}" y1="{ya:.1}" x2="{x:.1}" y2="{yb:.1}" stroke="{c}" stroke-width="2" stroke-opacity="0.5"/><circle cx="{x:.1}" cy="{y:.1}" r="5.5" fill="white" stroke="{c}" stroke-width="2.5"/>"#
                );
            } else {
                let _ = write!(
                    svg,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="5.5" fill="{c}"/>"#
                );
            }
            if m.approximate {
                (y_of(v * 1.1), y_of(v * 0.9))
            } else {
                (y - 5.0, y + 5.0)
            }
        }
        (None, Some(h)) => {
            let (y1, y2) = (y_of(h), y_of(0.0));
            let _ = write!(
                svg,
                r#"<line x1="{x:.1}" y1="{y1:.1}" x2="{x:.1}" y2="{y2:.1}" stroke="{c}" stroke-width="3" stroke-dasharray="5 4" stroke-opacity="0.7"/><line x1="{:.1}" y1="{y1:.1}" x2="{:.1}" y2="{y1:.1}" stroke="{c}" stroke-width="3"/>"#,
                x - 7.0,
                x + 7.0
            );
            (y1, y1 + 4.0)
        }
        (Some(l), None) => {
            let (y1, y2) = (y_of(top_value), y_of(l));
            let _ = write!(
                svg,
                r#"<line x1="{x:.1}" y1="{y1:.1}" x2="{x:.1}" y2="{y2:.1}" stroke="{c}" stroke-width="3" stroke-dasharray="5 4" stroke-opacity="0.7"/><line x1="{:.1}" y1="{y2:.1}" x2="{:.1}" y2="{y2:.1}" stroke="{c}" stroke-width="3"/>"#,
                x - 7.0,
                x + 7.0
            );
            (y2 - 4.0, y2)
        }
        (None, None) => return,
    };
    let (label_x, baseline) = place_label(x, top, bottom, &m.value, placed);
    let _ = write!(
        svg,
        r#"<text x="{label_x:.1}" y="{baseline:.1}" class="value" fill="{c}" text-anchor="middle">{}</text>"#,
        esc(&m.value)
    );
}

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn ticks_are_round() {
        for (max, want) in [(13200.0, 5000.0), (44.0, 20.0), (1.0, 0.25), (0.0, 1.0)] {
            assert_eq!(tick_step(max), want, "{max}");
        }
    }
}
