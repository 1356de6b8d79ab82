//! Lookups by offset into one document's quotes, entity mentions and time
//! expressions, built once per document. The extractors ask for every
//! figure and stance; a scan of the whole document per question made long
//! documents quadratic (an 8 MB text took minutes). Answers are those of
//! the scans they replace: lists found in text order are searched by
//! binary search, and a list that is not in order is scanned as before.

use crosscheck_model::{Claim, Document, Mention, TimeExpression};

/// One document with its lookup tables.
pub struct Lookup<'d> {
    pub doc: &'d Document,
    quote_claims: &'d [Claim],
    /// Quote spans (start, end, index into `quote_claims`), by start.
    quotes: Vec<(usize, usize, usize)>,
    /// `quote_end_max[i]`: the largest end among `quotes[..=i]`.
    quote_end_max: Vec<usize>,
    mentions_sorted: bool,
    /// `mention_end_max[i]`: the largest end among `doc.mentions[..=i]`.
    mention_end_max: Vec<usize>,
    times_sorted: bool,
}

impl<'d> Lookup<'d> {
    pub fn new(doc: &'d Document, quote_claims: &'d [Claim]) -> Lookup<'d> {
        let mut quotes: Vec<(usize, usize, usize)> = quote_claims
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.quote().map(|qt| (qt.span.start, qt.span.end, i)))
            .collect();
        quotes.sort_unstable();
        let quote_end_max = running_max(quotes.iter().map(|q| q.1));
        let mentions_sorted = doc
            .mentions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        let mention_end_max = running_max(doc.mentions.iter().map(|m| m.span.end));
        let times_sorted = doc
            .time_expressions
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        Lookup {
            doc,
            quote_claims,
            quotes,
            quote_end_max,
            mentions_sorted,
            mention_end_max,
            times_sorted,
        }
    }

    /// The quote claim whose content holds `[start, end)`, if any: the
    /// first such claim in the order given.
    pub fn quote_holding(&self, start: usize, end: usize) -> Option<&'d Claim> {
        let hi = self.quotes.partition_point(|q| q.0 <= start);
        let mut best: Option<usize> = None;
        for k in (0..hi).rev() {
            // No quote up to k reaches `end`.
            if self.quote_end_max.get(k).is_none_or(|&e| e < end) {
                break;
            }
            if let Some(&(_, q_end, index)) = self.quotes.get(k) {
                if q_end >= end && best.is_none_or(|b| index < b) {
                    best = Some(index);
                }
            }
        }
        best.and_then(|i| self.quote_claims.get(i))
    }

    /// The mention overlapping `[start, end)` that reaches furthest (the
    /// last such in text order on a tie).
    pub fn mention_over(&self, start: usize, end: usize) -> Option<&'d Mention> {
        let mentions = &self.doc.mentions;
        let overlaps = |m: &&Mention| m.span.start < end && start < m.span.end;
        if !self.mentions_sorted {
            return mentions.iter().filter(overlaps).max_by_key(|m| m.span.end);
        }
        let hi = mentions.partition_point(|m| m.span.start < end);
        let mut best: Option<&Mention> = None;
        for k in (0..hi).rev() {
            let reach = self.mention_end_max.get(k).copied().unwrap_or(0);
            // Nothing up to k overlaps, or nothing up to k can beat the
            // best (a tie goes to the later mention, already found).
            if reach <= start || best.is_some_and(|b| reach <= b.span.end) {
                break;
            }
            if let Some(m) = mentions.get(k).filter(overlaps) {
                if best.is_none_or(|b| m.span.end > b.span.end) {
                    best = Some(m);
                }
            }
        }
        best
    }

    /// The dates and times inside `s0..s1`, in document order.
    pub fn dated_in(&self, s0: usize, s1: usize) -> Vec<&'d TimeExpression> {
        let times = &self.doc.time_expressions;
        let wanted =
            |t: &&TimeExpression| t.span.start >= s0 && t.span.end <= s1 && t.kind.says_when();
        if !self.times_sorted {
            return times.iter().filter(wanted).collect();
        }
        let from = times.partition_point(|t| t.span.start < s0);
        times
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| t.span.start <= s1)
            .filter(wanted)
            .collect()
    }
}

fn running_max(values: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut max = 0;
    values
        .map(|v| {
            max = max.max(v);
            max
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::{EntityType, Span, TimexType};

    fn span(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            text: String::new(),
        }
    }

    /// A document with overlapping mentions and time expressions of both
    /// kinds, generated from a seed.
    fn document(seed: u64, shuffled: bool) -> Document {
        let mut state = seed;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        let mut doc = Document::default();
        for _ in 0..40 {
            let start = next(200);
            doc.mentions.push(Mention {
                span: span(start, start + 1 + next(30)),
                kind: EntityType::Person,
                canonical: None,
                refers_to: None,
            });
            let start = next(200);
            doc.time_expressions.push(TimeExpression {
                text: String::new(),
                span: span(start, start + next(12)),
                value: String::new(),
                kind: if next(2) == 0 {
                    TimexType::Date
                } else {
                    TimexType::Duration
                },
                granularity: None,
                relative: false,
            });
        }
        if !shuffled {
            doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            doc.time_expressions.sort_by_key(|t| t.span.start);
        }
        doc
    }

    #[test]
    fn lookups_answer_as_the_scans_did() {
        for seed in 1..30 {
            for shuffled in [false, true] {
                let doc = document(seed * 7919, shuffled);
                let lookup = Lookup::new(&doc, &[]);
                for start in 0..230 {
                    for len in [0, 1, 5, 20, 60] {
                        let end = start + len;
                        let want = doc
                            .mentions
                            .iter()
                            .filter(|m| m.span.start < end && start < m.span.end)
                            .max_by_key(|m| m.span.end);
                        assert_eq!(
                            lookup.mention_over(start, end).map(|m| m as *const _),
                            want.map(|m| m as *const _)
                        );
                        let want: Vec<&TimeExpression> = doc
                            .time_expressions
                            .iter()
                            .filter(|t| t.span.start >= start && t.span.end <= end)
                            .filter(|t| t.kind.says_when())
                            .collect();
                        assert_eq!(lookup.dated_in(start, end), want);
                    }
                }
                assert!(lookup.quote_holding(0, 1).is_none());
            }
        }
    }
}
