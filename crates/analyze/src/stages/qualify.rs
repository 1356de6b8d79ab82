//! What qualifies every claim: the hedges and the date of its sentence, and
//! the claims' final order.

use crosscheck_facts::HedgeDetector;
use crosscheck_model::{ClaimBody, ClaimTime, Document, Sentence, TimeExpression};
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Adds hedges and, to quotes and figures, the date of their sentence where
/// the extractors left it unset; orders the claims by where their evidence
/// lies. Runs last, over whatever claims the stages before it found.
#[derive(Debug, Default)]
pub struct Qualify {
    hedges: HedgeDetector,
}

impl Stage for Qualify {
    fn name(&self) -> &'static str {
        "qualify"
    }

    fn reads(&self) -> &'static [Slot] {
        &[Slot::Text, Slot::Sentences, Slot::TimeExpressions]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::ClaimQualifiers]
    }

    /// Only dates and times qualify a claim: a duration ("six months
    /// after") or a rate ("per year") does not say when it was made.
    fn run(&self, ctx: &mut DocContext) {
        let doc = &ctx.doc;
        let sentence_times = first_time_per_sentence(doc);
        for claim in &mut ctx.claims {
            if claim.hedges.is_empty() {
                claim.hedges = self.hedges.hedges(claim.sentence_text(doc));
            }
            claim.hedged |= !claim.hedges.is_empty();
            // A stance's own clause dates it (the stance extractor reads the
            // clause and its leading adverbial); another clause's date would
            // misdate it: "Lorvan said on Monday it had left, which Keldar
            // denies" is not a Monday denial.
            if claim.time.is_some() || matches!(claim.body, ClaimBody::Stance { .. }) {
                continue;
            }
            claim.time = sentence_times
                .get(claim.sentence)
                .copied()
                .flatten()
                .map(|t| ClaimTime {
                    text: t.text.clone(),
                    value: t.value.clone(),
                });
        }
        ctx.claims.sort_by_key(|c| (c.span.start, c.span.end));
    }
}

/// For each sentence, its first date or time expression (in the order the
/// normalizer found them) lying inside it: found once per document rather
/// than by a scan per claim, which made long documents quadratic.
fn first_time_per_sentence(doc: &Document) -> Vec<Option<&TimeExpression>> {
    let mut first: Vec<Option<&TimeExpression>> = vec![None; doc.sentences.len()];
    let sorted = doc
        .sentences
        .windows(2)
        .all(|w| w[0].range.end <= w[1].range.start);
    for t in &doc.time_expressions {
        if !t.kind.says_when() {
            continue;
        }
        let inside = |s: &Sentence| t.span.start >= s.range.start && t.span.end <= s.range.end;
        if sorted {
            // Sentences do not overlap: only the first one ending at or
            // after the expression's end can hold it.
            let i = doc.sentences.partition_point(|s| s.range.end < t.span.end);
            if doc.sentences.get(i).is_some_and(inside) {
                if let Some(slot) = first.get_mut(i) {
                    slot.get_or_insert(t);
                }
            }
        } else {
            for (slot, s) in first.iter_mut().zip(&doc.sentences) {
                if inside(s) {
                    slot.get_or_insert(t);
                }
            }
        }
    }
    first
}
