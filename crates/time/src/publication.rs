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

use chrono::NaiveDate;
use crosscheck_model::{DateEstimate, TimeExpression, TimexType};
use regex::Regex;

use crate::lexicon::Lexicon;
use crate::states_year;
use crate::tense::{clause_tense, Tense};
use crate::words::window;
use crosscheck_text::TokenLayer;

/// "its fourth year", "the third year", "its 3rd year".
static ORDINAL_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:its|the)\s+([a-z]+|\d{1,2}(?:st|nd|rd|th))\s+year\b").ok()
});

/// A year the text gives as the start of something ongoing: "since 2022",
/// "since February 2022", "began in 2019", "the outbreak of the war in 2014".
/// Conservative on purpose: "since the war ended in 1953" must not match.
static START_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:since|(?:began|begun|started|broke out|erupted|launched)(?:\s+in)?|(?:outbreak|start|beginning|launch)\s+of\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+in)\s+(?:(?:early|late|mid)[\s-]+)?(?:([a-z]+)\.?\s+)?((?:19|20)\d{2})\b",
    )
    .ok()
});

/// Bounds on the publication date from the text alone.
///
/// The bounds are bounds, not a date to resolve "on Friday" against: on
/// Reuters-21578 stories read without their dates, the lower bound lay
/// within a month before the real date for only about 4% of the stories
/// (see `examples/undated.rs` and BENCHMARKS.md).
pub(crate) fn estimate(
    lex: &Lexicon,
    text: &str,
    tokens: &TokenLayer,
    expressions: &[TimeExpression],
) -> Option<DateEstimate> {
    let mut earliest: Option<NaiveDate> = None;
    let mut latest: Option<NaiveDate> = None;
    let mut basis = Vec::new();
    let mut year_only = false;
    let dated = explicit_dates(lex, text, tokens, expressions);
    if let Some(d) = dated
        .iter()
        .filter(|d| d.tense == Tense::Past)
        .max_by_key(|d| d.first)
    {
        earliest = Some(d.first);
        year_only = d.expr.granularity.as_deref() == Some("year");
        let weak = if year_only {
            " (a year only: a weak lower bound)"
        } else if !states_year(&d.expr.text) {
            " (year inferred from the other dates the text states)"
        } else {
            ""
        };
        basis.push(format!(
            "latest explicit date in text: \"{}\" ({}) at bytes {}..{}{weak}",
            d.expr.text, d.expr.value, d.expr.span.start, d.expr.span.end
        ));
    }
    if let Some(d) = dated
        .iter()
        .filter(|d| d.tense == Tense::Future)
        .min_by_key(|d| d.last)
    {
        if earliest.is_none_or(|e| e <= d.last) {
            latest = Some(d.last);
            basis.push(format!(
                "the text looks forward to \"{}\" ({}) at bytes {}..{}: published by {}",
                d.expr.text, d.expr.value, d.expr.span.start, d.expr.span.end, d.last
            ));
        }
    }
    if let Some(ongoing) = ordinal_year_of_ongoing(lex, text) {
        let (low, high) = ongoing.bounds();
        if let (Some(low), Some(high)) = (low, high) {
            let fits = earliest.is_none_or(|e| e <= high) && latest.is_none_or(|l| low <= l);
            if fits {
                earliest = Some(earliest.map_or(low, |e| e.max(low)));
                latest = Some(latest.map_or(high, |l| l.min(high)));
                basis.push(format!(
                    "\"{}\" of something begun in {}: between {low} and {high}",
                    ongoing.phrase, ongoing.began
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
        weak: year_only && latest.is_none(),
    })
}

/// An explicitly dated expression with the days it covers, and whether the
/// text puts it in the writer's future.
struct Dated<'a> {
    expr: &'a TimeExpression,
    first: NaiveDate,
    last: NaiveDate,
    tense: Tense,
}

/// Expressions whose value names a calendar period by itself, or a named
/// month or day whose year the text placed ("late April" after "October
/// 2024"); not deictic ones ("yesterday"), which only an anchor resolves.
/// The expressions are meant to come from extraction without an anchor.
fn explicit_dates<'a>(
    lex: &Lexicon,
    text: &str,
    tokens: &TokenLayer,
    expressions: &'a [TimeExpression],
) -> Vec<Dated<'a>> {
    expressions
        .iter()
        .filter(|e| e.kind == TimexType::Date && (!e.relative || names_month(lex, &e.text)))
        .filter_map(|expr| {
            let (first, last) = period(&expr.value)?;
            Some(Dated {
                expr,
                first,
                last,
                tense: tense(lex, text, tokens, expr.span.start, expr.span.end),
            })
        })
        .collect()
}

/// Whether the words name a month ("late April", "Sept. 4").
fn names_month(lex: &Lexicon, text: &str) -> bool {
    let months = &lex.months;
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w.starts_with(char::is_uppercase) && months.contains_key(&w.to_lowercase()))
}

/// The tense of the clause around `text[start..end]`. A date that ends a
/// period ("a wage freeze until January 1988 has hurt", "investments made
/// between October 1986 and December 1990") may lie after the writing
/// whatever the tense nearby: a range's end is never told as past, an
/// "until" date only by a past verb before it.
fn tense(lex: &Lexicon, text: &str, tokens: &TokenLayer, start: usize, end: usize) -> Tense {
    // Spans from elsewhere may not fit this text: clamp before stepping to
    // character boundaries.
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    let mut from = start.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = window(tokens, text, from, start);
    let mut words = before.iter().rev().map(|t| t.lower);
    let previous = words.next().unwrap_or("");
    if previous == "and" && words.take(6).any(|w| w == "between") {
        return Tense::Unmarked;
    }
    if lex.endpoints.iter().any(|w| w == previous) {
        // Only the verb that governs the period: "stayed silent until late
        // April" is past, "the freeze until January 1988 has hurt" is not.
        return clause_tense(&before, &[], lex);
    }
    clause_tense(&before, &window(tokens, text, end, to), lex)
}

/// Something ongoing in its n-th year, and when it began.
struct Ongoing {
    began: String,
    year: i32,
    month: Option<u32>,
    nth: i32,
    phrase: String,
}

impl Ongoing {
    /// Year `nth` of something begun in `year` runs from some day in year
    /// `year + nth - 1` to some day in `year + nth`; a stated month narrows
    /// both ends to that month.
    fn bounds(&self) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let from = self.year + self.nth - 1;
        let to = self.year + self.nth;
        match self.month {
            Some(m) => (
                NaiveDate::from_ymd_opt(from, m, 1),
                period(&format!("{to:04}-{m:02}")).map(|(_, last)| last),
            ),
            None => (
                NaiveDate::from_ymd_opt(from, 1, 1),
                NaiveDate::from_ymd_opt(to, 12, 31),
            ),
        }
    }
}

/// Something the text says is in its n-th year ("its fourth year") when it
/// also names the year (and maybe the month) it began; the earliest such
/// start when it names several.
fn ordinal_year_of_ongoing(lex: &Lexicon, text: &str) -> Option<Ongoing> {
    let ordinal_re = ORDINAL_YEAR.as_ref()?;
    let start_re = START_YEAR.as_ref()?;
    let (year, month, began) = start_re
        .captures_iter(text)
        .filter_map(|c| {
            let year: i32 = c.get(2)?.as_str().parse().ok()?;
            let month = c
                .get(1)
                .and_then(|m| lex.months.get(&m.as_str().to_lowercase()).copied());
            let began = c.get(0)?.as_str().to_string();
            Some((year, month, began))
        })
        .min_by_key(|(y, m, _)| (*y, m.unwrap_or(0)))?;
    ordinal_re.captures_iter(text).find_map(|c| {
        let word = c.get(1)?.as_str().to_lowercase();
        let digits = word.trim_end_matches(|ch: char| ch.is_ascii_alphabetic());
        let nth = match lex.ordinals.get(&word) {
            Some(&n) if word != "last" => n as i32,
            _ if !digits.is_empty() => digits.parse().ok()?,
            _ => return None,
        };
        let phrase = c.get(0)?.as_str().to_string();
        (1..=50).contains(&nth).then(|| Ongoing {
            began: began.clone(),
            year,
            month,
            nth,
            phrase,
        })
    })
}

/// First and last day of an explicit TIMEX3 date value: `2025-04-27`,
/// `2024-10`, `2022`, `1989-Q3`.
fn period(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    let rest = value.get(4..)?;
    let months = |from: u32, to: u32| {
        let first = NaiveDate::from_ymd_opt(year, from, 1)?;
        let next = if to == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, to + 1, 1)?
        };
        Some((first, next.pred_opt()?))
    };
    if rest.is_empty() {
        return months(1, 12);
    }
    if let Some(q) = rest.strip_prefix("-Q") {
        let q: u32 = q.parse().ok()?;
        let from = q.checked_sub(1)? * 3 + 1;
        return months(from, from + 2);
    }
    let month: u32 = rest.get(1..3)?.parse().ok()?;
    match rest.get(4..6).and_then(|d| d.parse::<u32>().ok()) {
        Some(day) => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some((date, date))
        }
        None => months(month, month),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
        let cases: &[(&str, Option<(NaiveDate, NaiveDate)>)] = &[
            ("2025-04-27", Some((d(2025, 4, 27), d(2025, 4, 27)))),
            ("2024-10", Some((d(2024, 10, 1), d(2024, 10, 31)))),
            ("2024-02", Some((d(2024, 2, 1), d(2024, 2, 29)))),
            ("2024-12", Some((d(2024, 12, 1), d(2024, 12, 31)))),
            ("2022", Some((d(2022, 1, 1), d(2022, 12, 31)))),
            ("1989-Q3", Some((d(1989, 7, 1), d(1989, 9, 30)))),
            ("XXXX-04-27", None),
            ("PAST_REF", None),
            ("2024-13", None),
        ];
        for (value, want) in cases {
            assert_eq!(period(value), *want, "{value}");
        }
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
            let got = ordinal_year_of_ongoing(&Lexicon::standard(), text).map(|o| (o.year, o.nth));
            assert_eq!(got, *want, "{text}");
        }
        let est = crate::TimeNormalizer::new()
            .estimate_publication_date(
                cases[0].0,
                &crosscheck_text::TokenLayer::new(cases[0].0, &[]),
                &[],
            )
            .expect("estimate");
        assert_eq!(est.earliest, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(est.latest, NaiveDate::from_ymd_opt(2023, 12, 31));
    }

    #[test]
    fn a_year_alone_gives_a_weak_bound() {
        let normalizer = crate::TimeNormalizer::new();
        // (text, earliest, weak)
        let cases: &[(&str, Option<NaiveDate>, bool)] = &[
            (
                "The ferry line closed when the canal was filled in 1961.",
                NaiveDate::from_ymd_opt(1961, 1, 1),
                true,
            ),
            (
                "The council met on March 3, 2031, and again after the floods of 1998.",
                NaiveDate::from_ymd_opt(2031, 3, 3),
                false,
            ),
            (
                "The mill strike began in 2028; now in its second year, it drags on.",
                NaiveDate::from_ymd_opt(2029, 1, 1),
                false,
            ),
            ("Nothing here is dated.", None, false),
        ];
        for (text, earliest, weak) in cases {
            let exprs = normalizer.extract_text(text, None);
            let est = crate::TimeNormalizer::new().estimate_publication_date(
                text,
                &crosscheck_text::TokenLayer::new(text, &[]),
                &exprs,
            );
            assert_eq!(est.as_ref().and_then(|e| e.earliest), *earliest, "{text}");
            assert_eq!(est.as_ref().is_some_and(|e| e.weak), *weak, "{text}");
        }
    }
}
