//! Temporal expressions: finds dates, times, durations and sets in news text
//! and normalises them to TIMEX3 values against the document's date; estimates
//! a publication date from the text when metadata has none.
//!
//! A token grammar (`grammar`) driven by the lexicon in `data/lexicon.tsv`
//! proposes expressions at each token; the longest wins. Values are resolved
//! against the anchor (document date) and the discourse so far: a year-less
//! date takes the anchor's year, a weekday the nearest one in the direction
//! the clause's tense points to, "the quarter" and "a year earlier" the
//! quarter last talked about.
//!
//! Without an anchor a year-less date takes a year only where the text
//! supports one: a year stated earlier in its sentence, or the year after a
//! day or month told as past when words like "until" or "later" place it
//! after that ("surfaced in October 2024 ... silent until late April");
//! else it stays `XXXX`. `estimate_publication_date` bounds the date of an
//! undated text by the dates it tells as past and as future (`tense`).

mod calendar;
mod grammar;
mod lexicon;
mod publication;
mod tense;
mod words;

use std::collections::HashMap;
use std::sync::Arc;

use crosscheck_model::{DateEstimate, Range, Sentence, Span, TimeExpression, TimexType};
use crosscheck_text::{SentenceSplitter, TokenLayer};

pub use chrono::NaiveDate;
pub use lexicon::Lexicon;

use grammar::{Context, Found, Matcher, Stated};
use tense::{clause_tense, Tense};

/// Finds and normalises temporal expressions; estimates publication dates.
#[derive(Debug, Clone)]
pub struct TimeNormalizer {
    lexicon: Arc<Lexicon>,
}

impl Default for TimeNormalizer {
    fn default() -> TimeNormalizer {
        TimeNormalizer::new()
    }
}

impl TimeNormalizer {
    /// A normalizer with the standard lexicon (shared, parsed once).
    pub fn new() -> TimeNormalizer {
        TimeNormalizer::with_lexicon(Lexicon::standard())
    }

    /// A normalizer reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> TimeNormalizer {
        TimeNormalizer { lexicon }
    }

    /// Bounds on when an undated text was written, from the dates it tells
    /// as past and as future (see [`publication`]); `expressions` are its
    /// time expressions found without an anchor.
    pub fn estimate_publication_date(
        &self,
        text: &str,
        tokens: &TokenLayer,
        expressions: &[TimeExpression],
    ) -> Option<DateEstimate> {
        publication::estimate(&self.lexicon, text, tokens, expressions)
    }

    /// Temporal expressions in `text`, split and tokenised here, resolved
    /// against `anchor` (the document date) where one is known.
    pub fn extract_text(&self, text: &str, anchor: Option<NaiveDate>) -> Vec<TimeExpression> {
        let sentences = SentenceSplitter::new().split(text, Range::new(0, text.len()));
        let tokens = TokenLayer::new(text, &sentences);
        self.extract(text, &sentences, &tokens, anchor)
    }

    /// Temporal expressions in the sentences of `text`, read from its token
    /// layer (cut for these sentences), resolved against `anchor` (the document date) where one is
    /// known.
    pub fn extract(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &TokenLayer,
        anchor: Option<NaiveDate>,
    ) -> Vec<TimeExpression> {
        let lex = &*self.lexicon;
        let mut ctx = Context {
            anchor,
            ..Context::default()
        };
        let mut out = Vec::new();
        // Expressions (indices into `out`) whose year the narrative placed
        // across sentences ("... until late April").
        let mut narrative: Vec<usize> = Vec::new();
        let mut words = words::Words::default();
        let mut toks = Vec::new();
        for si in 0..sentences.len() {
            words.sentence(tokens, text, si, &mut toks);
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
                // Without an anchor, a year-less day or month whose year is
                // not the one stated earlier in its sentence got it from the
                // narrative rule.
                let year: Option<i32> = found.value.get(..4).and_then(|y| y.parse().ok());
                let placed = anchor.is_none()
                    && year.is_some()
                    && year != ctx.sentence_year
                    && found.kind == TimexType::Date
                    && matches!(found.granularity, "day" | "month");
                remember(&mut ctx, &found, &toks, lex);
                if let Some(expr) = to_expression(text, &toks, found) {
                    if placed && !states_year(&expr.text) {
                        narrative.push(out.len());
                    }
                    out.push(expr);
                }
            }
        }
        if anchor.is_none() {
            same_month_same_year(&mut out, &narrative);
        }
        out
    }
}

/// Whether an expression's own words give its year ("April 2025", "the
/// 1990s", "'98") rather than the text around it.
pub(crate) fn states_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.len() >= 4 && w.bytes().take(4).all(|b| b.is_ascii_digit()))
        || text.contains(['\'', '’'])
}

/// One sense per discourse for year-less dates in an undated text: "April
/// 27" left unresolved takes the year of the one April the narrative placed
/// (`placed`: "until late April" after "October 2024"), when there is
/// exactly one. Years written out ("April 2021") or taken from the same
/// sentence are not spread: on Reuters stories read without their dates,
/// spreading them put 4 in 5 of the dates it touched in the wrong year.
fn same_month_same_year(out: &mut [TimeExpression], placed: &[usize]) {
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
    // Every year the text gives a month blocks spreading when they differ;
    // only a placed one may spread.
    years.retain(|month, _| {
        placed
            .iter()
            .filter_map(|&i| out.get(i))
            .any(|e| month_part(&e.value) == Some(*month))
    });
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
fn remember(ctx: &mut Context, found: &Found, toks: &[words::Tok], lex: &lexicon::Lexicon) {
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
            let before = toks.get(..found.start).unwrap_or(&[]);
            let after = toks.get(found.end..).unwrap_or(&[]);
            // Only a day or month the text tells as past anchors the story:
            // "bonds due March 31, 2002" or "the 1987 budget" say nothing of
            // where later year-less dates fall.
            // "since August 2023" is past by itself.
            let start = opens_story(found, toks, lex);
            let told_as_past = match clause_tense(before, after, lex) {
                Tense::Past => true,
                Tense::Future => false,
                Tense::Unmarked => start,
            };
            if matches!(found.granularity, "day" | "month") && told_as_past {
                let part = |r: std::ops::Range<usize>| found.value.get(r)?.parse::<u32>().ok();
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

/// "since October 2024", "first surfaced in October 2024": the date opens
/// what the text goes on to tell; "the lowest since March 1978" does not.
fn opens_story(found: &Found, toks: &[words::Tok], lex: &lexicon::Lexicon) -> bool {
    let word = |k: usize| toks.get(k).map(|t| t.lower).unwrap_or("");
    (found.start.saturating_sub(4)..found.start).any(|k| {
        lex.start_cues.iter().any(|c| c == word(k))
            && !(k.saturating_sub(6)..k).any(|j| lex.comparisons.iter().any(|c| c == word(j)))
    })
}

fn to_expression(text: &str, toks: &[words::Tok], found: Found) -> Option<TimeExpression> {
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
