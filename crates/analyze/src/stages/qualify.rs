//! What qualifies every claim: the hedges and the date of its sentence, and
//! the claims' final order.

use crosscheck_facts::HedgeDetector;
use crosscheck_model::{ClaimTime, TimexType};
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Adds hedges and time qualifiers the extractors left unset; orders the
/// claims by where their evidence lies. Runs last, over whatever claims the
/// stages before it found.
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
        for claim in &mut ctx.claims {
            if claim.hedges.is_empty() {
                claim.hedges = self.hedges.hedges(claim.sentence_text(doc));
            }
            claim.hedged |= !claim.hedges.is_empty();
            if claim.time.is_some() {
                continue;
            }
            let Some(sentence) = doc.sentences.get(claim.sentence) else {
                continue;
            };
            claim.time = doc
                .time_expressions
                .iter()
                .find(|t| {
                    matches!(t.kind, TimexType::Date | TimexType::Time)
                        && t.span.start >= sentence.range.start
                        && t.span.end <= sentence.range.end
                })
                .map(|t| ClaimTime {
                    text: t.text.clone(),
                    value: t.value.clone(),
                });
        }
        ctx.claims.sort_by_key(|c| (c.span.start, c.span.end));
    }
}
