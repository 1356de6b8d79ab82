//! Bounds on when an undated document was written, from what its text says.
//!
//! Two kinds of evidence, both general:
//! - every explicitly dated expression (a full date, a month of a year, a
//!   year) names something the writer already knew of, so the latest one
//!   bounds the publication date from below;
//! - "the war enters its fourth year" / "a three-year-long conflict" together
//!   with the year the text says the thing began ("since 2022", "the
//!   invasion in 2022") bound it from both sides.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use crosscheck_model::{DateEstimate, TimeExpression, TimexType};
use regex::Regex;

use crate::lexicon::lexicon;

/// "its fourth year", "the third year", "its 3rd year".
static ORDINAL_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:its|the)\s+([a-z]+|\d{1,2}(?:st|nd|rd|th))\s+year\b").ok()
});

/// A year the text gives as the start of something ongoing: "since 2022",
/// "since February 2022", "began in 2019", "the outbreak of the war in 2014".
/// Conservative on purpose: "since the war ended in 1953" must not match.
static START_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:since|(?:began|begun|started|broke out|erupted|launched)(?:\s+in)?|(?:outbreak|start|beginning|launch)\s+of\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+in)\s+(?:(?:early|late|mid)[\s-]+)?(?:[a-z]+\s+)?((?:19|20)\d{2})\b",
    )
    .ok()
});

/// Bounds on the publication date from the text alone.
pub fn estimate_publication_date(
    text: &str,
    expressions: &[TimeExpression],
) -> Option<DateEstimate> {
    let mut earliest: Option<NaiveDate> = None;
    let mut latest: Option<NaiveDate> = None;
    let mut basis = Vec::new();
    if let Some((date, expr)) = latest_explicit(expressions) {
        earliest = Some(date);
        basis.push(format!(
            "latest explicit date in text: \"{}\" ({}) at bytes {}..{}",
            expr.text, expr.value, expr.span.start, expr.span.end
        ));
    }
    if let Some((start, nth, phrase)) = ordinal_year_of_ongoing(text) {
        // Year `nth` of something that began in `start` runs from some day in
        // `start + nth - 1` to some day in `start + nth`.
        let low = NaiveDate::from_ymd_opt(start + nth - 1, 1, 1);
        let high = NaiveDate::from_ymd_opt(start + nth, 12, 31);
        if let (Some(low), Some(high)) = (low, high) {
            if earliest.is_none_or(|e| e <= high) {
                earliest = Some(earliest.map_or(low, |e| e.max(low)));
                latest = Some(high);
                basis.push(format!(
                    "\"{phrase}\" of something begun in {start}: between {} and {}",
                    low.year(),
                    high.year()
                ));
            }
        }
    }
    if basis.is_empty() {
        return None;
    }
    Some(DateEstimate {
        earliest,
        latest,
        basis: basis.join("; "),
    })
}

fn latest_explicit(expressions: &[TimeExpression]) -> Option<(NaiveDate, &TimeExpression)> {
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
    best
}

/// ("2022", 4, "its fourth year") when the text says something is in its
/// fourth year and names the year it began.
fn ordinal_year_of_ongoing(text: &str) -> Option<(i32, i32, String)> {
    let ordinal_re = ORDINAL_YEAR.as_ref()?;
    let start_re = START_YEAR.as_ref()?;
    let start = start_re
        .captures_iter(text)
        .filter_map(|c| c.get(1)?.as_str().parse::<i32>().ok())
        .min()?;
    let lex = lexicon();
    ordinal_re.captures_iter(text).find_map(|c| {
        let word = c.get(1)?.as_str().to_lowercase();
        let digits = word.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        let nth = match lex.ordinals.get(&word) {
            Some(&n) if word != "last" => n as i32,
            _ if !digits.is_empty() => digits.parse().ok()?,
            _ => return None,
        };
        let phrase = c.get(0)?.as_str().to_string();
        (1..=50).contains(&nth).then_some((start, nth, phrase))
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
    NaiveDate::from_ymd_opt(year, month, day)
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

    #[test]
    fn ordinal_year_with_a_stated_start() {
        let cases: &[(&str, Option<(i32, i32)>)] = &[
            (
                "The blockade began in 2019. As it enters its fourth year, ports are empty.",
                Some((2019, 4)),
            ),
            (
                "Since 2016 the strike has dragged on; now in its 3rd year, it is unresolved.",
                Some((2016, 3)),
            ),
            ("The siege is in its second year.", None),
            ("The war in 2020 ended quickly.", None),
            ("Since the truce ended in 1990 the dispute, now in its third year, grew.", None),
            ("The outbreak of the border war in 2014 shocked the region; in its 10th year, it goes on.", Some((2014, 10))),
        ];
        for (text, want) in cases {
            let got = ordinal_year_of_ongoing(text).map(|(s, n, _)| (s, n));
            assert_eq!(got, *want, "{text}");
        }
        let est = estimate_publication_date(cases[0].0, &[]).expect("estimate");
        assert_eq!(est.earliest, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(est.latest, NaiveDate::from_ymd_opt(2023, 12, 31));
    }
}
