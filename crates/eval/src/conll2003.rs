//! Named entities on CoNLL-2003 English (Reuters newswire, 1996-97; PER,
//! ORG, LOC, MISC), scored at entity level with exact span and type, as
//! conlleval does.
//!
//! Two figures per file: the full recogniser, which reads each document as
//! crosscheck reads news (the tokens of each sentence joined by spaces, the
//! sentences one per line, the document's sentences given as its sentence
//! ranges), and the bare tagger on the gold tokens. A mention that does not
//! start and end on gold token boundaries counts as a wrong prediction.
//! Type mapping: Person → PER, Organization → ORG, Location and Country →
//! LOC, Group and Misc → MISC.
//!
//! Files: `dev.conllu` (what the tagger was tuned on), `holdout` (the
//! training documents the shipped model never saw: every sixth, counting
//! from the sixth, see `docs/ner.md`), or any file in the same format.

use std::path::Path;
use std::time::Instant;

use crosscheck_model::Sentence;
use crosscheck_ner::bilou::{self, TYPES};
use crosscheck_ner::training::{prf, read_conll, Counts, Doc};
use crosscheck_ner::EntityRecognizer;

use crate::newswire_ner::conll_type;
use crate::{read_to_string, EvalError, EvalReport};

/// Which training document the shipped model holds out (0-based, file
/// order); `train_ner` uses the same rule.
pub fn held_out(index: usize) -> bool {
    index % 6 == 5
}

/// The documents of `path`; `holdout_only` keeps only the held-out ones.
pub fn read_docs(path: &Path, holdout_only: bool) -> Result<Vec<Doc>, EvalError> {
    let docs = read_conll(&read_to_string(path)?);
    if docs.is_empty() {
        return Err(EvalError::data(path, "no documents"));
    }
    Ok(if holdout_only {
        docs.into_iter()
            .enumerate()
            .filter(|(i, _)| held_out(*i))
            .map(|(_, d)| d)
            .collect()
    } else {
        docs
    })
}

/// A document as text: tokens joined by spaces, sentences by newlines.
pub struct DocumentText {
    /// The tokens joined by spaces, sentences by newlines.
    pub text: String,
    /// Each sentence's range in `text`.
    pub sentences: Vec<Sentence>,
    /// Per sentence, each token's byte range.
    pub tokens: Vec<Vec<(usize, usize)>>,
}

/// The document's text, its sentence ranges and each token's byte range.
pub fn document_text(doc: &Doc) -> DocumentText {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for s in &doc.sentences {
        let start = text.len();
        let mut ranges = Vec::with_capacity(s.words.len());
        for (k, w) in s.words.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            ranges.push((text.len(), text.len() + w.len()));
            text.push_str(w);
        }
        sentences.push(Sentence::new(start, text.len()));
        tokens.push(ranges);
        text.push('\n');
    }
    DocumentText {
        text,
        sentences,
        tokens,
    }
}

/// Predicted names per sentence (token ranges and type index) by the full
/// recogniser; mentions off the token grid get an impossible range.
pub fn recognise(recognizer: &EntityRecognizer, doc: &Doc) -> Vec<Vec<bilou::Span>> {
    let DocumentText {
        text,
        sentences,
        tokens,
    } = document_text(doc);
    let mut out = vec![Vec::new(); tokens.len()];
    for m in recognizer.recognize(&text, &sentences) {
        let kind = TYPES
            .iter()
            .position(|t| *t == conll_type(m.kind))
            .unwrap_or(3);
        let Some(s) = sentences
            .iter()
            .position(|s| s.range.start <= m.span.start && m.span.end <= s.range.end)
        else {
            continue;
        };
        let (Some(slot), Some(ranges)) = (out.get_mut(s), tokens.get(s)) else {
            continue;
        };
        let start = ranges.iter().position(|r| r.0 == m.span.start);
        let end = ranges.iter().position(|r| r.1 == m.span.end);
        slot.push(match (start, end) {
            (Some(a), Some(b)) if a <= b => bilou::Span {
                start: a,
                end: b + 1,
                kind,
            },
            _ => bilou::Span {
                start: usize::MAX,
                end: m.span.start,
                kind,
            },
        });
    }
    out
}

/// Adds one sentence's gold and predicted names to `counts`.
pub fn count(counts: &mut Counts, gold: &[bilou::Span], predicted: &[bilou::Span]) {
    for g in gold {
        if let Some(c) = counts.get_mut(g.kind) {
            c.2 += 1;
        }
    }
    let mut seen: Vec<&bilou::Span> = Vec::with_capacity(predicted.len());
    for p in predicted {
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        if let Some(c) = counts.get_mut(p.kind) {
            c.1 += 1;
            if gold.contains(p) {
                c.0 += 1;
            }
        }
    }
}

/// Counts of the full recogniser over `docs`, and the tokens read.
pub fn score_recogniser(recognizer: &EntityRecognizer, docs: &[Doc]) -> (Counts, usize) {
    let mut counts = Counts::default();
    let mut tokens = 0;
    for d in docs {
        let predicted = recognise(recognizer, d);
        for (s, p) in d.sentences.iter().zip(&predicted) {
            tokens += s.words.len();
            count(&mut counts, &bilou::spans(&s.labels), p);
        }
    }
    (counts, tokens)
}

/// Counts of the bare tagger on the gold tokens.
pub fn score_tagger(recognizer: &EntityRecognizer, docs: &[Doc]) -> Counts {
    let mut counts = Counts::default();
    for d in docs {
        let words: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        for (s, labels) in d.sentences.iter().zip(recognizer.tag_labels(&words)) {
            count(
                &mut counts,
                &bilou::spans(&s.labels),
                &bilou::spans(&labels),
            );
        }
    }
    counts
}

fn push_counts(report: &mut EvalReport, detail: &mut String, prefix: &str, counts: &Counts) {
    let (tp, np, ng) = counts
        .iter()
        .fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
    let (p, r, f) = prf(tp, np, ng);
    report.push(&format!("{prefix}precision"), p);
    report.push(&format!("{prefix}recall"), r);
    report.push(&format!("{prefix}f1"), f);
    for (t, (tp, np, ng)) in TYPES.iter().zip(counts) {
        let (p, r, f) = prf(*tp, *np, *ng);
        report.push(&format!("{prefix}f1_{}", t.to_lowercase()), f);
        detail.push_str(&format!("{t:<5} {p:<10.4} {r:<7.4} {f:<7.4} {ng}\n"));
    }
    detail.push_str(&format!("all   {p:<10.4} {r:<7.4} {f:<7.4} {ng}\n"));
}

/// Scores the recogniser and the bare tagger on `docs` read from `path`.
pub fn evaluate_docs(name: &str, path: &Path, docs: &[Doc]) -> Result<EvalReport, EvalError> {
    let recognizer =
        EntityRecognizer::try_new().map_err(|e| EvalError::data(path, e.to_string()))?;
    let started = Instant::now();
    let (counts, tokens) = score_recogniser(&recognizer, docs);
    let secs = started.elapsed().as_secs_f64();
    let mut report = EvalReport::new(name);
    report.push("documents", docs.len() as f64);
    report.push("tokens", tokens as f64);
    let mut detail = format!(
        "{}\n\nFull recogniser (documents as text):\ntype  precision  recall  f1      gold\n",
        path.display()
    );
    push_counts(&mut report, &mut detail, "", &counts);
    let started = Instant::now();
    let tagger = score_tagger(&recognizer, docs);
    let tagger_secs = started.elapsed().as_secs_f64();
    detail.push_str("\nBare tagger on the gold tokens:\ntype  precision  recall  f1      gold\n");
    push_counts(&mut report, &mut detail, "tagger_", &tagger);
    report.push_per_second("tokens_per_second", tokens, secs);
    report.push_per_second("tagger_tokens_per_second", tokens, tagger_secs);
    detail.push_str(&format!(
        "\n{tokens} tokens: recogniser {secs:.2}s, bare tagger {tagger_secs:.2}s, one thread\n"
    ));
    report.detail = detail;
    Ok(report)
}

/// `dev.conllu` of the CoNLL-2003 folder.
pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("dev.conllu");
    let docs = read_docs(&path, false)?;
    evaluate_docs("conll2003", &path, &docs)
}

/// The held-out training documents (see [`held_out`]).
pub fn evaluate_holdout(dir: &Path) -> Result<EvalReport, EvalError> {
    let path = dir.join("train.conllu");
    let docs = read_docs(&path, true)?;
    evaluate_docs("conll2003-holdout", &path, &docs)
}

/// Any CoNLL-format file (`test.conllu` by default).
pub fn evaluate_file(path: &Path) -> Result<EvalReport, EvalError> {
    let docs = read_docs(path, false)?;
    evaluate_docs("conll2003-file", path, &docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_ner::training::Sentence as Labelled;

    #[test]
    fn text_keeps_token_offsets() {
        let doc = Doc {
            sentences: vec![
                Labelled {
                    words: vec!["Ana".into(), "left".into()],
                    labels: vec![0, 0],
                },
                Labelled {
                    words: vec!["Hi".into()],
                    labels: vec![0],
                },
            ],
        };
        let d = document_text(&doc);
        assert_eq!(d.text, "Ana left\nHi\n");
        assert_eq!(
            (d.sentences[1].range.start, d.sentences[1].range.end),
            (9, 11)
        );
        assert_eq!(d.tokens[0], [(0, 3), (4, 8)]);
    }

    #[test]
    fn counts_need_exact_span_and_type() {
        let s = |start, end, kind| bilou::Span { start, end, kind };
        let mut c = Counts::default();
        count(
            &mut c,
            &[s(0, 2, 0), s(3, 4, 2)],
            &[s(0, 2, 0), s(3, 4, 1), s(3, 4, 1)],
        );
        assert_eq!(c[0], (1, 1, 1));
        assert_eq!(c[1], (0, 1, 0));
        assert_eq!(c[2], (0, 0, 1));
    }
}
