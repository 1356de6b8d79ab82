//! Temporal expressions: finds dates, times, durations and sets in news text
//! and normalises them to TIMEX3 values against the document's date; estimates
//! a publication date from the text when metadata has none.
//!
//! A token grammar (`grammar`) driven by the lexicon in `data/lexicon.tsv`
//! proposes expressions at each token; the longest wins. Values are resolved
//! against the anchor (document date) and the discourse so far: a year-less
//! date takes the anchor's year (or the last year the text stated), a
//! weekday the nearest one in the direction the clause's tense points to,
//! "the quarter" and "a year earlier" the quarter last talked about.

mod calendar;
mod grammar;
mod lexicon;
mod publication;
mod scan;

use std::collections::HashMap;

use crosscheck_model::{Range, Sentence, Span, TimeExpression, TimexType};
use crosscheck_text::SentenceSplitter;

pub use chrono::NaiveDate;
pub use publication::{estimate_publication_date, resolution_anchor};

use grammar::{Context, Found, Matcher, Stated};

/// Finds and normalises temporal expressions.
#[derive(Debug, Default)]
pub struct TimeNormalizer {}

impl TimeNormalizer {
    pub fn new() -> TimeNormalizer {
        TimeNormalizer {}
    }

    /// Temporal expressions in `text`, resolved against `anchor` (the
    /// document date) where one is known. Without sentences the text is
    /// split here.
    pub fn extract(
        &self,
        text: &str,
        sentences: &[Sentence],
        anchor: Option<NaiveDate>,
    ) -> Vec<TimeExpression> {
        let split;
        let sentences = if sentences.is_empty() {
            split = SentenceSplitter::new().split(text, Range::new(0, text.len()));
            &split[..]
        } else {
            sentences
        };
        let lex = lexicon::lexicon();
        let mut ctx = Context {
            anchor,
            ..Context::default()
        };
        let mut out = Vec::new();
        for sentence in sentences {
            let toks = scan::tokens(text, sentence.range.start, sentence.range.end);
            ctx.sentence_date = None;
            ctx.sentence_year = None;
            let mut i = 0;
            while i < toks.len() {
                let found = Matcher {
                    toks: &toks,
                    lex,
                    ctx: &ctx,
                }
                .match_at(i);
                let Some(found) = found else {
                    i += 1;
                    continue;
                };
                i = found.end.max(i + 1);
                remember(&mut ctx, &found, &toks, lex);
                if let Some(expr) = to_expression(text, &toks, found) {
                    out.push(expr);
                }
            }
        }
        if anchor.is_none() {
            same_month_same_year(&mut out);
        }
        out
    }
}

/// One sense per discourse for year-less dates in an undated text: "April
/// 27" left unresolved takes the year of the one April the text placed
/// ("until late April" after "October 2024"), when there is exactly one.
fn same_month_same_year(out: &mut [TimeExpression]) {
    let mut years: HashMap<&str, Vec<&str>> = HashMap::new();
    for e in out.iter() {
        if e.kind != TimexType::Date || e.value.starts_with('X') {
            continue;
        }
        if let (Some(year), Some(month)) = (e.value.get(..4), month_part(&e.value)) {
            let seen = years.entry(month).or_default();
            if !seen.contains(&year) {
                seen.push(year);
            }
        }
    }
    let fills: Vec<(usize, String)> = out
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == TimexType::Date && e.value.starts_with("XXXX-"))
        .filter_map(|(i, e)| {
            let month = month_part(&e.value)?;
            match years.get(month)?.as_slice() {
                [year] => Some((i, format!("{year}{}", e.value.get(4..)?))),
                _ => None,
            }
        })
        .collect();
    for (i, value) in fills {
        if let Some(e) = out.get_mut(i) {
            e.value = value;
            e.relative = false;
        }
    }
}

/// "-04" of `2025-04-27`, `XXXX-04`; none for weeks, quarters, seasons.
fn month_part(value: &str) -> Option<&str> {
    let part = value.get(4..7)?;
    let digits = part.strip_prefix('-')?;
    (digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(part)
}

/// Keeps what later expressions need: the last stated year, date and quarter.
fn remember(ctx: &mut Context, found: &Found, toks: &[scan::Tok], lex: &lexicon::Lexicon) {
    if found.kind != TimexType::Date {
        return;
    }
    let year: Option<i32> = found.value.get(..4).and_then(|y| y.parse().ok());
    if year.is_some() && matches!(found.granularity, "day" | "month") {
        ctx.sentence_date = Some(found.value.clone());
    }
    if !found.relative {
        if let Some(y) = year {
            ctx.last_year = Some(y);
            ctx.sentence_year = Some(y);
            if matches!(found.granularity, "day" | "month" | "year") {
                let part = |r: std::ops::Range<usize>| found.value.get(r)?.parse::<u32>().ok();
                // "since October 2024", "first surfaced in October 2024"
                let start = (found.start.saturating_sub(4)..found.start).any(|k| {
                    toks.get(k)
                        .is_some_and(|t| lex.start_cues.contains(&t.lower))
                });
                ctx.last_stated = Some(Stated {
                    year: y,
                    month: part(5..7),
                    day: part(8..10),
                    start,
                });
            }
        }
    }
    if !found.quarter_topic {
        return;
    }
    if let Some(q) = found
        .value
        .get(4..)
        .and_then(|rest| rest.strip_prefix("-Q"))
        .and_then(|q| q.parse::<u32>().ok())
    {
        ctx.last_quarter = Some((year, q));
    }
}

fn to_expression(text: &str, toks: &[scan::Tok], found: Found) -> Option<TimeExpression> {
    let start = toks.get(found.start)?.start;
    let end = toks.get(found.end.checked_sub(1)?)?.end;
    let span = Span::of(text, start, end)?;
    Some(TimeExpression {
        text: span.text.clone(),
        span,
        value: found.value,
        kind: found.kind,
        granularity: (!found.granularity.is_empty()).then(|| found.granularity.to_string()),
        relative: found.relative,
    })
}

#[cfg(test)]
mod tests;
