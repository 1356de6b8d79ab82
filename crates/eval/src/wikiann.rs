//! Named entities on the WikiANN English test split: entity-level precision,
//! recall and F1 (exact span and type, conlleval-style), running the full
//! recogniser on each sentence's tokens joined by spaces, plus tagging
//! speed.
//!
//! Type mapping to WikiANN's PER/ORG/LOC: Person → PER, Organization → ORG,
//! Location and Country (metonyms included) → LOC; Group (nationalities,
//! e.g. "Russian") and Misc have no WikiANN counterpart and are dropped, as
//! WikiANN leaves such words untagged.

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use crosscheck_model::{EntityType, Sentence};
use crosscheck_ner::bilou;
use crosscheck_ner::chunks::chunks_of;
use crosscheck_ner::EntityRecognizer;

use crate::{read_to_string, EvalError, EvalReport};

/// One test sentence: tokens and gold IOB labels.
pub struct LabelledSentence {
    /// The words.
    pub tokens: Vec<String>,
    /// Their IOB labels.
    pub labels: Vec<String>,
}

/// Sentences of a WikiANN file (`en:<token>\t<IOB>`, blank line between).
pub fn read_sentences(text: &str) -> Vec<LabelledSentence> {
    let mut out = Vec::new();
    let mut cur = LabelledSentence {
        tokens: Vec::new(),
        labels: Vec::new(),
    };
    for line in text.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    LabelledSentence {
                        tokens: Vec::new(),
                        labels: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (tok, tag) = line.rsplit_once('\t').unwrap_or((line, "O"));
        let tok = tok.split_once(':').map_or(tok, |(_, t)| t);
        cur.tokens.push(tok.to_string());
        cur.labels.push(tag.trim().to_string());
    }
    out
}

/// WikiANN type of one of our entity types, if it has one.
pub fn wikiann_type(kind: EntityType) -> Option<&'static str> {
    match kind {
        EntityType::Person => Some("PER"),
        EntityType::Organization => Some("ORG"),
        EntityType::Location | EntityType::Country => Some("LOC"),
        EntityType::Group | EntityType::Misc => None,
    }
}

/// Predicted chunks (token start, token end, type) for one sentence.
fn predict(recognizer: &EntityRecognizer, tokens: &[String]) -> Vec<(usize, usize, String)> {
    let text = tokens.join(" ");
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ends = Vec::with_capacity(tokens.len());
    let mut at = 0;
    for t in tokens {
        starts.push(at);
        ends.push(at + t.len());
        at += t.len() + 1;
    }
    let sentence = [Sentence::new(0, text.len())];
    recognizer
        .recognize(&text, &sentence)
        .into_iter()
        .filter_map(|m| {
            let kind = wikiann_type(m.kind)?;
            // A span that does not start and end on gold token boundaries
            // cannot match and counts as a false positive.
            let s = starts.iter().position(|x| *x == m.span.start);
            let e = ends.iter().position(|x| *x == m.span.end);
            Some(match (s, e) {
                (Some(s), Some(e)) => (s, e + 1, kind.to_string()),
                _ => (usize::MAX, m.span.start, kind.to_string()),
            })
        })
        .collect()
}

/// Precision, recall, F1 and counts per type over `sentences`.
pub fn score(
    recognizer: &EntityRecognizer,
    sentences: &[LabelledSentence],
) -> (Vec<(String, usize, usize, usize)>, usize) {
    let types = ["PER", "ORG", "LOC"];
    let mut counts: Vec<(String, usize, usize, usize)> =
        types.iter().map(|t| (t.to_string(), 0, 0, 0)).collect();
    let mut tokens = 0;
    for s in sentences {
        tokens += s.tokens.len();
        let gold: HashSet<(usize, usize, String)> = chunks_of(&s.labels)
            .into_iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect();
        let pred: HashSet<(usize, usize, String)> =
            predict(recognizer, &s.tokens).into_iter().collect();
        for (t, tp, np, ng) in counts.iter_mut() {
            *ng += gold.iter().filter(|g| g.2 == *t).count();
            *np += pred.iter().filter(|p| p.2 == *t).count();
            *tp += pred
                .iter()
                .filter(|p| p.2 == *t && gold.contains(*p))
                .count();
        }
    }
    (counts, tokens)
}

use crate::prf;

/// F1 of the bare tagger on the gold tokens, each sentence a document of
/// its own (no tokeniser, no gazetteer refinement; MISC names dropped):
/// separates tagging quality from span-convention effects.
fn tagger_only_f1(recognizer: &EntityRecognizer, sentences: &[LabelledSentence]) -> f64 {
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for s in sentences {
        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let labels = recognizer
            .tag_labels(&[words])
            .into_iter()
            .next()
            .unwrap_or_default();
        let gold: HashSet<(usize, usize, String)> = chunks_of(&s.labels)
            .into_iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect();
        let pred: HashSet<(usize, usize, String)> = bilou::spans(&labels)
            .into_iter()
            .filter(|c| c.type_name() != "MISC")
            .map(|c| (c.start, c.end, c.type_name().to_string()))
            .collect();
        ng += gold.len();
        np += pred.len();
        tp += pred.intersection(&gold).count();
    }
    prf(tp, np, ng).2
}

/// Scores the entity recogniser on the WikiANN English test split in `dir`.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("test");
    let sentences = read_sentences(&read_to_string(&path)?);
    if sentences.is_empty() {
        return Err(EvalError::data(&path, "no sentences"));
    }
    let recognizer =
        EntityRecognizer::try_new().map_err(|e| EvalError::data(&path, e.to_string()))?;
    let started = Instant::now();
    let (counts, tokens) = score(&recognizer, &sentences);
    let secs = started.elapsed().as_secs_f64();
    let (tp, np, ng) = counts
        .iter()
        .fold((0, 0, 0), |(a, b, c), (_, x, y, z)| (a + x, b + y, c + z));
    let (p, r, f) = prf(tp, np, ng);
    let mut report = EvalReport::new("wikiann");
    report.push("sentences", sentences.len() as f64);
    report.push("gold_entities", ng as f64);
    report.push("precision", p);
    report.push("recall", r);
    report.push("f1", f);
    let mut detail = String::from("type  precision  recall  f1      gold\n");
    for (t, tp, np, ng) in &counts {
        let (p, r, f) = prf(*tp, *np, *ng);
        report.push(&format!("f1_{}", t.to_lowercase()), f);
        detail.push_str(&format!("{t:<5} {p:<10.4} {r:<7.4} {f:<7.4} {ng}\n"));
    }
    report.push("tagger_only_f1", tagger_only_f1(&recognizer, &sentences));
    report.push_per_second("tokens_per_second", tokens, secs);
    detail.push_str(&format!(
        "\n{tokens} tokens recognised in {secs:.2}s on one thread (tokenise, tag, gazetteer, canonicalise)\n"
    ));
    report.detail = detail;
    Ok(report)
}
