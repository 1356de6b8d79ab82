//! One document in; sentences, time expressions, entity mentions and claims
//! (quotes, quantities, stances) out. Stages run in a fixed order because each
//! reads what the previous one wrote.

use std::time::{Duration, Instant};

use crosscheck_attribution::QuoteExtractor;
use crosscheck_facts::{HedgeDetector, QuantityExtractor, StanceExtractor};
use crosscheck_model::{Claim, ClaimTime, Document, TimeExpression, TimexType};
use crosscheck_ner::EntityRecognizer;
use crosscheck_text::SentenceSplitter;
use crosscheck_time::{estimate_publication_date, TimeNormalizer};

/// A document with its sentences, times and mentions filled, and its claims.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    pub document: Document,
    pub claims: Vec<Claim>,
}

/// How far [`Analyzer::analyze_stage`] goes; used to measure what each stage
/// costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Sentences only.
    Split,
    /// Sentences and quote attribution.
    Quotes,
    /// Everything: times, entities, quotes, figures, stances, hedges.
    Full,
}

/// Time spent in each stage, summed over documents (wall clock inside the
/// stage, so it counts time a busy machine takes the thread away too).
#[derive(Debug, Default, Clone, Copy)]
pub struct StageTimes {
    pub split: Duration,
    pub times: Duration,
    pub entities: Duration,
    pub quotes: Duration,
    pub figures: Duration,
    pub stances: Duration,
    pub qualify: Duration,
}

impl StageTimes {
    /// Stage names and times, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 7] {
        [
            ("sentences", self.split),
            ("time expressions", self.times),
            ("entities", self.entities),
            ("quotes", self.quotes),
            ("figures", self.figures),
            ("stances", self.stances),
            ("hedges and claim times", self.qualify),
        ]
    }
}

impl std::ops::AddAssign for StageTimes {
    fn add_assign(&mut self, o: StageTimes) {
        self.split += o.split;
        self.times += o.times;
        self.entities += o.entities;
        self.quotes += o.quotes;
        self.figures += o.figures;
        self.stances += o.stances;
        self.qualify += o.qualify;
    }
}

/// Runs every per-document stage. Build once, share across threads.
#[derive(Debug, Default)]
pub struct Analyzer {
    splitter: SentenceSplitter,
    times: TimeNormalizer,
    entities: EntityRecognizer,
    quotes: QuoteExtractor,
    quantities: QuantityExtractor,
    stances: StanceExtractor,
    hedges: HedgeDetector,
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer {
            splitter: SentenceSplitter::new(),
            times: TimeNormalizer::new(),
            entities: EntityRecognizer::new(),
            quotes: QuoteExtractor::new(),
            quantities: QuantityExtractor::new(),
            stances: StanceExtractor::new(),
            hedges: HedgeDetector::new(),
        }
    }

    /// Splits sentences only: the cheap first stage, used by `documents`.
    pub fn split(&self, doc: &mut Document) {
        doc.sentences = self.splitter.split_document(&doc.text, &doc.paragraphs);
    }

    pub fn analyze(&self, doc: Document) -> AnalyzedDocument {
        self.analyze_stage(doc, Stage::Full)
    }

    pub fn analyze_stage(&self, doc: Document, stage: Stage) -> AnalyzedDocument {
        self.run(doc, stage, &mut StageTimes::default())
    }

    /// Like [`Analyzer::analyze`], adding the time each stage took to `times`.
    pub fn analyze_profiled(&self, doc: Document, times: &mut StageTimes) -> AnalyzedDocument {
        self.run(doc, Stage::Full, times)
    }

    fn run(&self, mut doc: Document, stage: Stage, times: &mut StageTimes) -> AnalyzedDocument {
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };
        self.split(&mut doc);
        lap(&mut times.split);
        if stage == Stage::Split {
            return AnalyzedDocument {
                document: doc,
                claims: Vec::new(),
            };
        }
        if stage == Stage::Quotes {
            let claims = self.quotes.extract(&doc);
            lap(&mut times.quotes);
            return AnalyzedDocument {
                document: doc,
                claims,
            };
        }
        doc.time_expressions = self.times.extract(&doc.text, &doc.sentences, doc.published);
        // An undated document keeps its relative expressions unresolved: the
        // estimate is only a bound (the latest date the text tells as past),
        // typically months before the real date, and resolving "Friday"
        // against it would put invented dates on the timeline.
        if doc.published.is_none() {
            doc.published_estimate = estimate_publication_date(&doc.text, &doc.time_expressions);
        }
        lap(&mut times.times);
        doc.mentions = self.entities.recognize(&doc.text, &doc.sentences);
        lap(&mut times.entities);
        let mut claims = self.quotes.extract(&doc);
        lap(&mut times.quotes);
        let quantities = self.quantities.extract(&doc, &claims);
        lap(&mut times.figures);
        let stances = self.stances.extract(&doc, &claims);
        lap(&mut times.stances);
        claims.extend(quantities);
        claims.extend(stances);
        let sentence_times = first_time_per_sentence(&doc);
        for claim in &mut claims {
            self.qualify(claim, &sentence_times);
        }
        claims.sort_by_key(|c| (c.span.start, c.span.end));
        lap(&mut times.qualify);
        AnalyzedDocument {
            document: doc,
            claims,
        }
    }

    /// Adds the hedges and the time qualifier of the claim's sentence where
    /// the extractor left them unset. Only dates and times qualify a claim:
    /// a duration ("six months after") or a rate ("per year") does not say
    /// when it was made.
    fn qualify(&self, claim: &mut Claim, sentence_times: &[Option<&TimeExpression>]) {
        if claim.hedges.is_empty() {
            claim.hedges = self.hedges.hedges(&claim.sentence);
        }
        claim.hedged |= !claim.hedges.is_empty();
        if claim.time.is_none() {
            claim.time = sentence_times
                .get(claim.sentence_index)
                .copied()
                .flatten()
                .map(|t| ClaimTime {
                    text: t.text.clone(),
                    value: t.value.clone(),
                });
        }
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
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let inside = |s: &crosscheck_model::Sentence| {
            t.span.start >= s.range.start && t.span.end <= s.range.end
        };
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
