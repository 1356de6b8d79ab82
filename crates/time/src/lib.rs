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

use crosscheck_model::{Range, Sentence, Span, TimeExpression, TimexType};
use crosscheck_text::SentenceSplitter;

pub use chrono::NaiveDate;
pub use publication::estimate_publication_date;

use grammar::{Context, Found, Matcher};

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
                remember(&mut ctx, &found);
                if let Some(expr) = to_expression(text, &toks, found) {
                    out.push(expr);
                }
            }
        }
        out
    }
}

/// Keeps what later expressions need: the last stated year and quarter.
fn remember(ctx: &mut Context, found: &Found) {
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
