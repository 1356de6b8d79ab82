//! Training the two-stage tagger, and reading its training data: CoNLL-style
//! files (`index<TAB>token<TAB>IOB2`, `-DOCSTART-` between documents),
//! WikiANN files (`en:token<TAB>IOB`), and the bracketed newswire sentences
//! in `data/news_train.txt` ("[PER Ana Silva] told [ORG Radio Nord] ...").
//!
//! Stage two learns from what stage one says about the training documents,
//! and a stage one trained on a document knows its labels too well; so the
//! stage-one labels it learns from are jackknifed: the documents are split
//! into folds and each fold is labelled by a stage one trained on the
//! others. Everything is deterministic: documents are shuffled with a fixed
//! seed and a fixed generator, and nothing runs in parallel.

use std::collections::HashMap;

use crate::bilou::{self, NUM_LABELS, OUTSIDE};
use crate::doc_context::Stage1;
use crate::features::{CommonWords, WORD_IDENTITY};
use crate::lexicon::Lexicon;
use crate::normalize::fold;
/// The tagger that [`train`] makes and [`score`] reads.
pub use crate::tagger::Tagger;
use crate::tagger::{prepare, PreparedSentence};
use crate::tokens::text_tokens;
use crate::viterbi::viterbi;
use crate::weights::{quantize, transition_key, TrainWeights, Weights};

/// One training sentence: words and BILOU labels.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub words: Vec<String>,
    pub labels: Vec<u8>,
}

/// A training document.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub sentences: Vec<Sentence>,
}

/// Documents of a CoNLL-2003 style file.
pub fn read_conll(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut doc = Doc::default();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush_sentence = |doc: &mut Doc, words: &mut Vec<String>, tags: &mut Vec<String>| {
        if !words.is_empty() {
            doc.sentences.push(Sentence {
                labels: bilou::from_iob(tags),
                words: std::mem::take(words),
            });
            tags.clear();
        }
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if cols.len() < 3 {
            flush_sentence(&mut doc, &mut words, &mut tags);
            continue;
        }
        let (word, tag) = (cols[1], cols[cols.len() - 1]);
        if word == "-DOCSTART-" {
            flush_sentence(&mut doc, &mut words, &mut tags);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        words.push(word.to_string());
        tags.push(tag.trim().to_string());
    }
    flush_sentence(&mut doc, &mut words, &mut tags);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Sentences of a WikiANN file, each a document of its own (the `en:`
/// prefix is dropped). WikiANN has no MISC type: its nationalities and
/// events read as outside names.
pub fn read_wikiann(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !words.is_empty() {
                docs.push(Doc {
                    sentences: vec![Sentence {
                        labels: bilou::from_iob(&tags),
                        words: std::mem::take(&mut words),
                    }],
                });
                tags.clear();
            }
            continue;
        }
        let (tok, tag) = line.rsplit_once('\t').unwrap_or((line, "O"));
        let tok = tok.split_once(':').map_or(tok, |(_, t)| t);
        words.push(tok.to_string());
        tags.push(tag.trim().to_string());
    }
    docs
}

/// Sentences written with inline brackets, `[TYPE words]` marking a name,
/// each a document of its own.
pub fn read_bracketed(text: &str) -> Vec<Doc> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = Vec::new();
        let mut spans = Vec::new();
        let mut rest = line;
        while !rest.is_empty() {
            let (plain, after) = match rest.find('[') {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            };
            push_words(&mut words, plain);
            let Some(after) = after else { break };
            let close = after.find(']').unwrap_or(after.len());
            let inner = &after[..close];
            let (kind, name) = inner.split_once(' ').unwrap_or(("MISC", inner));
            let start = words.len();
            push_words(&mut words, name);
            if let Some(kind) = bilou::TYPES.iter().position(|t| *t == kind) {
                spans.push(bilou::Span {
                    start,
                    end: words.len(),
                    kind,
                });
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        if !words.is_empty() {
            out.push(Doc {
                sentences: vec![Sentence {
                    labels: bilou::labels_of(&spans, words.len()),
                    words,
                }],
            });
        }
    }
    out
}

fn push_words(words: &mut Vec<String>, text: &str) {
    for t in text_tokens(text).1 {
        words.push(t.text(text).to_string());
    }
}

/// Words written in lowercase at least twice in the training text.
pub(crate) fn common_words(docs: &[Doc]) -> CommonWords {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let words = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .flat_map(|s| &s.words);
    for w in words {
        if w.chars().next().is_some_and(char::is_lowercase) {
            *counts.entry(CommonWords::hash(&fold(w))).or_default() += 1;
        }
    }
    CommonWords::from_hashes(
        counts
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(h, _)| h)
            .collect(),
    )
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Passes over the data for each stage.
    pub epochs: usize,
    /// Folds for the jackknifed stage-one labels.
    pub folds: usize,
    /// Seed of the shuffles.
    pub seed: u64,
    /// Models trained with different shuffles whose weights are averaged.
    pub ensemble: usize,
    /// Per mille of training tokens whose own word-identity features (the
    /// word, its lowercase form, lowercase with capitalisation) are left
    /// out of that step, so the weights also learn to read a name from its
    /// shape, clusters, lists and context, as they must for unseen names.
    pub word_dropout: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            epochs: 12,
            folds: 5,
            seed: 0x9e37_79b9_7f4a_7c15,
            ensemble: 1,
            word_dropout: 400,
        }
    }
}

/// A document with its features' inputs computed once.
struct Prepared {
    sentences: Vec<PreparedSentence>,
    gold: Vec<Vec<u8>>,
}

/// Static feature keys of every token of one stage, flat, with each token's
/// range.
#[derive(Default)]
struct Keys {
    keys: Vec<u64>,
    /// Per document, per sentence: where its first token's keys start, and
    /// where each token's keys end.
    ranges: Vec<Vec<(u32, Vec<u32>)>>,
}

impl Keys {
    fn build(docs: &[Prepared], mut extra: impl FnMut(usize, usize, usize, &mut Vec<u64>)) -> Keys {
        let mut out = Keys::default();
        let mut buf = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let mut doc_ranges = Vec::new();
            for (s, sentence) in doc.sentences.iter().enumerate() {
                let start = out.keys.len() as u32;
                let mut ends = Vec::with_capacity(sentence.len());
                for i in 0..sentence.len() {
                    buf.clear();
                    sentence.static_features(i, &mut buf);
                    extra(d, s, i, &mut buf);
                    out.keys.extend_from_slice(&buf);
                    ends.push(out.keys.len() as u32);
                }
                doc_ranges.push((start, ends));
            }
            out.ranges.push(doc_ranges);
        }
        out
    }

    fn token(&self, d: usize, s: usize, i: usize) -> &[u64] {
        let Some((start, ends)) = self.ranges.get(d).and_then(|x| x.get(s)) else {
            return &[];
        };
        let from = match i.checked_sub(1) {
            Some(p) => ends.get(p).copied().unwrap_or(*start),
            None => *start,
        } as usize;
        let to = ends.get(i).copied().unwrap_or(0) as usize;
        self.keys.get(from..to).unwrap_or(&[])
    }
}

/// xorshift64: the shuffles' generator.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Trains one stage on the documents `which`, [`Settings::ensemble`]
/// times with different shuffles, and averages the models.
fn train_stage(
    docs: &[Prepared],
    keys: &Keys,
    which: &[usize],
    settings: &Settings,
    mut progress: impl FnMut(usize, usize, &TrainWeights),
) -> Weights {
    let mut seed = settings.seed;
    let models: Vec<Vec<(u64, [f64; NUM_LABELS])>> = (0..settings.ensemble.max(1))
        .map(|_| {
            let model = train_one(docs, keys, which, settings, seed, &mut progress);
            next(&mut seed);
            model
        })
        .collect();
    quantize(&models)
}

/// One averaged perceptron over the documents `which`, shuffled from `seed`.
fn train_one(
    docs: &[Prepared],
    keys: &Keys,
    which: &[usize],
    settings: &Settings,
    seed: u64,
    progress: &mut impl FnMut(usize, usize, &TrainWeights),
) -> Vec<(u64, [f64; NUM_LABELS])> {
    let epochs = settings.epochs;
    // Its own generator, so the shuffles do not depend on the dropout.
    let mut drop_seed = seed ^ 0xd1b5_4a32_d192_ed03;
    let mut w = TrainWeights::default();
    let mut order: Vec<(usize, usize)> = which
        .iter()
        .flat_map(|d| (0..docs.get(*d).map_or(0, |x| x.sentences.len())).map(move |s| (*d, s)))
        .collect();
    let mut seed = seed;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (next(&mut seed) % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &(d, s) in &order {
            let Some(gold) = docs.get(d).and_then(|doc| doc.gold.get(s)) else {
                continue;
            };
            let dropped: Vec<bool> = gold
                .iter()
                .map(|_| (next(&mut drop_seed) % 1000) < settings.word_dropout as u64)
                .collect();
            errors += structured_step(&mut w, keys, d, s, gold, &dropped);
        }
        progress(epoch + 1, errors, &w);
    }
    w.averages()
}

/// One structured-perceptron step on sentence `s` of document `d`: the best
/// sequence under the current weights, and where it differs from `gold`,
/// the features of the gold labels and transitions up, the guessed ones
/// down. Returns the wrong tokens.
fn structured_step(
    w: &mut TrainWeights,
    keys: &Keys,
    d: usize,
    s: usize,
    gold: &[u8],
    dropped: &[bool],
) -> usize {
    // A token's keys, less its word-identity ones when it is dropped.
    let token = |i: usize| {
        let drop = dropped.get(i).copied().unwrap_or(false);
        keys.token(d, s, i)
            .iter()
            .enumerate()
            .filter(move |(at, _)| !(drop && WORD_IDENTITY.contains(at)))
            .map(|(_, k)| *k)
    };
    let emissions: Vec<[f32; NUM_LABELS]> = (0..gold.len())
        .map(|i| {
            let mut e = [0f32; NUM_LABELS];
            for k in token(i) {
                w.add_to(k, &mut e);
            }
            e
        })
        .collect();
    let guess = viterbi(&emissions, &w.transitions());
    let mut errors = 0;
    let (mut gp, mut pp) = (OUTSIDE, OUTSIDE);
    for (i, (g, p)) in gold.iter().zip(&guess).enumerate() {
        if g != p {
            errors += 1;
            w.adjust(token(i), *g, 1.0);
            w.adjust(token(i), *p, -1.0);
        }
        if (gp, *g) != (pp, *p) {
            w.adjust(std::iter::once(transition_key(gp)), *g, 1.0);
            w.adjust(std::iter::once(transition_key(pp)), *p, -1.0);
        }
        w.tick();
        gp = *g;
        pp = *p;
    }
    errors
}

/// Labels of every sentence of `doc` by one stage's weights over `keys`.
fn label_doc(weights: &Weights, keys: &Keys, d: usize, doc: &Prepared) -> Vec<Vec<u8>> {
    let t = weights.transitions();
    doc.sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            let e: Vec<[i64; NUM_LABELS]> = (0..sentence.len())
                .map(|i| {
                    let mut r = [0i32; NUM_LABELS];
                    for k in keys.token(d, s, i) {
                        weights.add_to(*k, &mut r);
                    }
                    r.map(i64::from)
                })
                .collect();
            viterbi(&e, &t)
        })
        .collect()
}

/// What training reports as it goes: a line per epoch and stage.
pub type Progress<'a> = &'a mut dyn FnMut(&str);

/// Trains both stages on `docs` with the standard lexicon's clusters and
/// name lists (see [`train_with_lexicon`]).
pub fn train(docs: &[Doc], settings: &Settings, log: Progress) -> Tagger {
    train_with_lexicon(&Lexicon::standard(), docs, settings, log)
}

/// Trains both stages on `docs`, reading the word clusters and name lists
/// of `lexicon` (a model should be tagged with the lexicon it was trained
/// with). Progress is reported through `log`.
pub fn train_with_lexicon(
    lexicon: &Lexicon,
    docs: &[Doc],
    settings: &Settings,
    log: Progress,
) -> Tagger {
    let common = common_words(docs);
    let prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| {
            let sentences: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            Prepared {
                sentences: prepare(lexicon, &sentences, &common),
                gold: d.sentences.iter().map(|s| s.labels.clone()).collect(),
            }
        })
        .collect();
    let tokens: usize = prepared.iter().flat_map(|d| &d.gold).map(Vec::len).sum();
    log(&format!("{} documents, {tokens} tokens", prepared.len()));
    let keys1 = Keys::build(&prepared, |_, _, _, _| {});
    log(&format!("stage one: {} feature keys", keys1.keys.len()));
    // Jackknifed stage-one labels for stage two's training documents.
    let folds = settings.folds.max(2);
    let mut first: Vec<Vec<Vec<u8>>> = vec![Vec::new(); prepared.len()];
    for fold in 0..folds {
        let train: Vec<usize> = (0..prepared.len()).filter(|d| d % folds != fold).collect();
        let weights = train_stage(&prepared, &keys1, &train, settings, |_, _, _| {});
        for d in (0..prepared.len()).filter(|d| d % folds == fold) {
            if let (Some(slot), Some(doc)) = (first.get_mut(d), prepared.get(d)) {
                *slot = label_doc(&weights, &keys1, d, doc);
            }
        }
        log(&format!("fold {}/{folds} labelled", fold + 1));
    }
    let all: Vec<usize> = (0..prepared.len()).collect();
    let stage1 = train_stage(&prepared, &keys1, &all, settings, |epoch, errors, _| {
        log(&format!("stage one, epoch {epoch}: {errors} token errors"));
    });
    drop(keys1);
    let aggregates: Vec<Stage1> = prepared
        .iter()
        .zip(first)
        .map(|(doc, labels)| {
            Stage1::new(
                doc.sentences.iter().map(|s| s.keys.clone()).collect(),
                labels,
            )
        })
        .collect();
    let keys2 = Keys::build(&prepared, |d, s, i, out| {
        let caps = prepared
            .get(d)
            .and_then(|doc| doc.sentences.get(s))
            .and_then(|x| x.facts.get(i))
            .map_or(0, |f| f.caps());
        if let Some(a) = aggregates.get(d) {
            a.features(s, i, caps, out);
        }
    });
    let stage2 = train_stage(&prepared, &keys2, &all, settings, |epoch, errors, _| {
        log(&format!("stage two, epoch {epoch}: {errors} token errors"));
    });
    Tagger::new(stage1, stage2, common)
}

/// Entity counts per type: (true positives, predicted, gold).
pub type Counts = [(usize, usize, usize); bilou::TYPES.len()];

/// Tags `docs` (with the standard lexicon) and counts exact entity
/// matches per type.
pub fn score(tagger: &Tagger, docs: &[Doc]) -> Counts {
    score_with(docs, |s| tagger.tag_document(s))
}

/// Counts exact entity matches per type of the labels `tag` gives each
/// document.
pub fn score_with(docs: &[Doc], mut tag: impl FnMut(&[Vec<&str>]) -> Vec<Vec<u8>>) -> Counts {
    let mut counts: Counts = Default::default();
    for d in docs {
        let sentences: Vec<Vec<&str>> = d
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let predicted = tag(&sentences);
        for (s, p) in d.sentences.iter().zip(&predicted) {
            let gold = bilou::spans(&s.labels);
            let pred = bilou::spans(p);
            for g in &gold {
                if let Some(c) = counts.get_mut(g.kind) {
                    c.2 += 1;
                }
            }
            for x in &pred {
                if let Some(c) = counts.get_mut(x.kind) {
                    c.1 += 1;
                    if gold.contains(x) {
                        c.0 += 1;
                    }
                }
            }
        }
    }
    counts
}

/// Precision, recall and F1 of counts summed over types.
pub fn overall(counts: &Counts) -> (f64, f64, f64) {
    let (tp, np, ng) = counts
        .iter()
        .fold((0, 0, 0), |(a, b, c), (x, y, z)| (a + x, b + y, c + z));
    prf(tp, np, ng)
}

/// Precision, recall and F1 (0 where undefined).
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conll_documents() {
        let text = "0\t-DOCSTART-\tO\n\n0\tAna\tB-PER\n1\tSilva\tI-PER\n2\tspoke\tO\n\n\
                    0\tin\tO\n1\tOporto\tB-LOC\n\n0\t-DOCSTART-\tO\n\n0\tHi\tO\n";
        let docs = read_conll(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let names: Vec<String> = docs[0].sentences[0]
            .labels
            .iter()
            .map(|l| bilou::name(*l))
            .collect();
        assert_eq!(names, ["B-PER", "L-PER", "O"]);
    }

    #[test]
    fn reads_bracketed_sentences() {
        let docs = read_bracketed("[PER Ana Silva] met [ORG Nord Bank] in [LOC Oporto] .");
        let s = &docs[0].sentences[0];
        let got: Vec<String> = s
            .words
            .iter()
            .zip(&s.labels)
            .map(|(w, l)| format!("{w}/{}", bilou::name(*l)))
            .collect();
        assert_eq!(
            got,
            [
                "Ana/B-PER",
                "Silva/L-PER",
                "met/O",
                "Nord/B-ORG",
                "Bank/L-ORG",
                "in/O",
                "Oporto/U-LOC",
                "./O"
            ]
        );
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let text = "[PER Ana Silva] met [ORG Nord Bank] in [LOC Oporto] .\n\
                    [PER Ivo Marsh] left [LOC Lisbon] for [ORG Sul Bank] .\n\
                    The [MISC Valdorian] team beat [LOC Oporto] .\n";
        let docs = read_bracketed(text);
        let settings = Settings {
            epochs: 5,
            folds: 2,
            ..Settings::default()
        };
        let a = train(&docs, &settings, &mut |_| {});
        let b = train(&docs, &settings, &mut |_| {});
        assert_eq!(a.to_bytes().ok(), b.to_bytes().ok());
        let (_, _, f) = overall(&score(&a, &docs));
        assert!(f > 0.9, "{f}");
    }
}
