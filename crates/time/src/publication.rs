//! Bounds on when an undated document was written, from what its text says.

use chrono::{Datelike, NaiveDate};
use crosscheck_model::{DateEstimate, TimeExpression, TimexType};

/// Bounds on the publication date from the text alone.
///
/// Every explicitly dated expression (a full date, a month of a year, a
/// year) is something the writer already knew about or scheduled, so the
/// latest such *past* event bounds the publication date from below. Only
/// expressions that did not depend on an anchor count.
pub fn estimate_publication_date(
    _text: &str,
    expressions: &[TimeExpression],
) -> Option<DateEstimate> {
    let mut best: Option<(NaiveDate, &TimeExpression)> = None;
    for expr in expressions {
        if expr.relative || expr.kind != TimexType::Date {
            continue;
        }
        let Some(date) = earliest_day(&expr.value) else {
            continue;
        };
        if best.is_none_or(|(d, _)| date > d) {
            best = Some((date, expr));
        }
    }
    let (date, expr) = best?;
    Some(DateEstimate {
        earliest: Some(date),
        latest: None,
        basis: format!(
            "latest explicit date in text: \"{}\" ({}) at bytes {}..{}",
            expr.text, expr.value, expr.span.start, expr.span.end
        ),
    })
}

/// The first day of an explicit TIMEX3 date value: `2025-04-27`, `2024-10`,
/// `2022`, `1989-Q3`.
fn earliest_day(value: &str) -> Option<NaiveDate> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = &value[4..];
    if rest.is_empty() {
        return NaiveDate::from_ymd_opt(year, 1, 1);
    }
    if let Some(q) = rest.strip_prefix("-Q") {
        let q: u32 = q.parse().ok()?;
        return NaiveDate::from_ymd_opt(year, (q.checked_sub(1)?) * 3 + 1, 1);
    }
    let month: u32 = rest.get(1..3)?.parse().ok()?;
    let day: u32 = rest.get(4..6).and_then(|d| d.parse().ok()).unwrap_or(1);
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.with_day(day).unwrap_or(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(earliest_day("2025-04-27"), d(2025, 4, 27));
        assert_eq!(earliest_day("2024-10"), d(2024, 10, 1));
        assert_eq!(earliest_day("2022"), d(2022, 1, 1));
        assert_eq!(earliest_day("1989-Q3"), d(1989, 7, 1));
        assert_eq!(earliest_day("XXXX-04-27"), None);
        assert_eq!(earliest_day("PAST_REF"), None);
    }
}
