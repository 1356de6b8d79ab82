//! The tagger: two averaged-perceptron stages over a whole document, each
//! decoding the best BILOU label sequence of a sentence (Viterbi, see
//! `viterbi.rs` and `bilou.rs`) from per-token scores and label-to-label
//! transition scores. Decoding the whole sequence measured 0.7 F1 points
//! over greedy left-to-right decoding with the previous two labels as
//! features on CoNLL-2003 dev (0.932 against 0.925, three shuffles each).
//!
//! Stage one reads each sentence alone (the features of `features.rs`, with
//! capitals headlines read through the document, see `doc_context.rs`).
//! Stage two reads the same features plus what stage one made of every
//! word across the document. Both are linear models over integer weights.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::bilou::NUM_LABELS;
use crate::doc_context::{truecase, Stage1};
use crate::features::{
    class_features, context_features, neighbour_features, window_word_features, CommonWords,
    SentenceView, TokenClass, WordFacts,
};
use crate::lexicon::Lexicon;
use crate::name_lists::{token_hash, Mask};
use crate::normalize::fold;
use crate::viterbi::viterbi;
use crate::weights::{Paired, Row, Weights};
use crate::word_memo::{with_memo, Entry, WordMemo, EDGE};
use crate::NerError;

const MAGIC: &[u8; 8] = b"XCNER04\0";

/// The two stages' weights and the words the training text had in
/// lowercase.
#[derive(Debug, Default)]
pub struct Tagger {
    pub(crate) stage1: Weights,
    pub(crate) stage2: Weights,
    /// Both stages' weights side by side, for the features both read.
    paired: Paired,
    /// Both stages' summed weights of the class features of each
    /// [`TokenClass`], by its index.
    classes: Vec<[Row; 2]>,
    pub(crate) common: CommonWords,
    /// Identifies these weights to the per-thread word memo, which must not
    /// serve one tagger's sums to another (a clone gets its own id).
    id: u64,
}

impl Clone for Tagger {
    fn clone(&self) -> Tagger {
        Tagger::new(
            self.stage1.clone(),
            self.stage2.clone(),
            self.common.clone(),
        )
    }
}

fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One sentence ready for the features.
#[derive(Debug, Clone)]
pub(crate) struct PreparedSentence {
    pub(crate) facts: Vec<WordFacts>,
    pub(crate) masks: Vec<Mask>,
    pub(crate) caps_line: bool,
    /// The word key of each token for the document aggregates (its folded
    /// form's hash).
    pub(crate) keys: Vec<u64>,
}

impl PreparedSentence {
    pub(crate) fn view(&self) -> SentenceView<'_> {
        SentenceView {
            words: &self.facts,
            masks: &self.masks,
            caps_line: self.caps_line,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.facts.len()
    }

    /// Stage-one features of token `i`.
    pub(crate) fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let view = self.view();
        window_word_features(&view, i, out);
        context_features(&view, i, out);
    }
}

/// A document's sentences as the features see them, with the clusters and
/// name lists of `lex`.
pub(crate) fn prepare(
    lex: &Lexicon,
    sentences: &[Vec<&str>],
    common: &CommonWords,
) -> Vec<PreparedSentence> {
    let lists = &lex.name_lists;
    let (words, caps) = truecase(lists, sentences, common);
    words
        .iter()
        .zip(caps)
        .map(|(ws, caps_line)| {
            let lowers: Vec<String> = ws.iter().map(|w| fold(w)).collect();
            let facts: Vec<WordFacts> = ws
                .iter()
                .zip(&lowers)
                .map(|(w, l)| WordFacts::of(&lex.clusters, w, l, common))
                .collect();
            let hashes: Vec<u64> = lowers.iter().map(|l| token_hash(l)).collect();
            let capitalised: Vec<bool> = ws
                .iter()
                .map(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            let masks = lists.masks(&hashes, &capitalised);
            PreparedSentence {
                keys: facts.iter().map(|f| f.lower).collect(),
                facts,
                masks,
                caps_line,
            }
        })
        .collect()
}

/// Decoding of one sentence adding every feature one by one;
/// `statics(i, out)` writes the feature keys of token `i`.
fn decode(weights: &Weights, len: usize, mut statics: impl FnMut(usize, &mut Vec<u64>)) -> Vec<u8> {
    let mut keys = Vec::with_capacity(128);
    let emissions: Vec<[i64; NUM_LABELS]> = (0..len)
        .map(|i| {
            keys.clear();
            statics(i, &mut keys);
            let mut r: Row = [0; NUM_LABELS];
            for k in &keys {
                weights.add_to(*k, &mut r);
            }
            r.map(i64::from)
        })
        .collect();
    viterbi(&emissions, &weights.transitions())
}

/// Adds both stages' rows of `pair` to `scores`.
#[inline]
fn add_pair(scores: &mut [Row; 2], pair: &[Row; 2]) {
    for (s, r) in scores.iter_mut().zip(pair) {
        for (x, w) in s.iter_mut().zip(r) {
            *x = x.wrapping_add(*w);
        }
    }
}

/// Both stages' label-independent scores of one sentence through the word
/// memo: the word features' sums come from the memo, the class features'
/// from `classes` (see [`TokenClass`]), and the other context features
/// (which both stages read) are looked up once for both. Stage two's
/// scores lack its document features, which need stage one's labels.
fn sentence_scores(
    paired: &Paired,
    classes: &[[Row; 2]],
    memo: &WordMemo,
    ids: &[u32],
    view: &SentenceView,
) -> [Vec<[i64; NUM_LABELS]>; 2] {
    // The context features of the whole sentence are looked up in three
    // passes (keys, then slots, then rows), each first asking memory for
    // all it will read: the lookups, nearly all cache misses, then overlap
    // instead of waiting one after another.
    let mut keys = Vec::with_capacity(ids.len() * 16);
    let mut ends = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        neighbour_features(view, i, &mut keys);
        ends.push(keys.len());
    }
    for k in &keys {
        paired.prefetch_slot(*k);
    }
    let rows: Vec<Option<u32>> = keys.iter().map(|k| paired.row_number(*k)).collect();
    for n in rows.iter().flatten() {
        paired.prefetch_row(*n);
    }
    let mut out = [Vec::with_capacity(ids.len()), Vec::with_capacity(ids.len())];
    let mut start = 0;
    for (i, end) in ends.into_iter().enumerate() {
        let mut scores: [Row; 2] = [[0; NUM_LABELS]; 2];
        for (slot, offset) in (-2isize..=2).enumerate() {
            let at = i as isize + offset;
            let id = if at < 0 {
                EDGE
            } else {
                ids.get(at as usize).copied().unwrap_or(EDGE)
            };
            let Some(pair) = memo.entry(id).and_then(|e| e.rows.get(slot)) else {
                continue;
            };
            add_pair(&mut scores, pair);
        }
        if let Some(pair) = classes.get(TokenClass::of(view, i).index()) {
            add_pair(&mut scores, pair);
        }
        for n in rows.get(start..end).unwrap_or_default().iter().flatten() {
            if let Some(pair) = paired.row_at(*n) {
                add_pair(&mut scores, pair);
            }
        }
        start = end;
        for (o, s) in out.iter_mut().zip(scores) {
            o.push(s.map(i64::from));
        }
    }
    out
}

impl Tagger {
    pub(crate) fn new(stage1: Weights, stage2: Weights, common: CommonWords) -> Tagger {
        let paired = Paired::of(&stage1, &stage2);
        let classes = TokenClass::all()
            .map(|c| {
                let mut rows = [[0; NUM_LABELS]; 2];
                for k in class_features(c) {
                    paired.add_to(k, &mut rows);
                }
                rows
            })
            .collect();
        Tagger {
            paired,
            classes,
            stage1,
            stage2,
            common,
            id: next_id(),
        }
    }

    /// BILOU labels (see `bilou.rs`) for every token of a document given as
    /// sentences of words, with the standard lexicon's clusters and name
    /// lists (see [`Tagger::tag_document_in`]).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.tag_document_in(&Lexicon::standard(), sentences)
    }

    /// BILOU labels (see `bilou.rs`) for every token of a document given as
    /// sentences of words, reading the word clusters and name lists of
    /// `lex`.
    pub fn tag_document_in(&self, lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        with_memo(|memo| match memo {
            Some(memo) => self.tag_memo(memo, lex, sentences),
            None => self.tag_reference(lex, sentences),
        })
    }

    /// [`Tagger::tag_document_in`] adding every feature one by one, as in
    /// training.
    pub(crate) fn tag_reference(&self, lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.tag_prepared(&prepare(lex, sentences, &self.common))
    }

    fn tag_memo(
        &self,
        memo: &mut WordMemo,
        lex: &Lexicon,
        sentences: &[Vec<&str>],
    ) -> Vec<Vec<u8>> {
        // The memo's facts hold the lexicon's cluster ids and its sums
        // this model's weights: it serves only this pair.
        memo.prepare((self.id, lex.id), &self.paired);
        let lists = &lex.name_lists;
        let (words, caps) = truecase(lists, sentences, &self.common);
        let mut ids: Vec<Vec<u32>> = Vec::with_capacity(words.len());
        let mut prepared: Vec<PreparedSentence> = Vec::with_capacity(words.len());
        for (ws, caps_line) in words.iter().zip(caps) {
            let sentence_ids: Vec<u32> = ws
                .iter()
                .map(|w| memo.id(w, &lex.clusters, &self.common, &self.paired))
                .collect();
            let entries: Vec<&Entry> = sentence_ids
                .iter()
                .filter_map(|id| memo.entry(*id))
                .collect();
            let hashes: Vec<u64> = entries.iter().map(|e| e.folded).collect();
            let capitalised: Vec<bool> = entries.iter().map(|e| e.capitalised).collect();
            let facts: Vec<WordFacts> = entries.iter().map(|e| e.facts).collect();
            prepared.push(PreparedSentence {
                keys: facts.iter().map(|f| f.lower).collect(),
                masks: lists.masks(&hashes, &capitalised),
                facts,
                caps_line,
            });
            ids.push(sentence_ids);
        }
        let scores: Vec<[Vec<[i64; NUM_LABELS]>; 2]> = prepared
            .iter()
            .zip(&ids)
            .map(|(s, ids)| sentence_scores(&self.paired, &self.classes, memo, ids, &s.view()))
            .collect();
        let transitions = [self.stage1.transitions(), self.stage2.transitions()];
        let first: Vec<Vec<u8>> = scores
            .iter()
            .map(|[one, _]| viterbi(one, &transitions[0]))
            .collect();
        let stage1 = Stage1::new(prepared.iter().map(|s| s.keys.clone()).collect(), first);
        let mut keys = Vec::with_capacity(16);
        prepared
            .iter()
            .zip(scores)
            .enumerate()
            .map(|(si, (s, [_, mut two]))| {
                for (i, e) in two.iter_mut().enumerate() {
                    keys.clear();
                    let caps = s.facts.get(i).map_or(0, WordFacts::caps);
                    stage1.features(si, i, caps, &mut keys);
                    let mut row: Row = [0; NUM_LABELS];
                    for k in &keys {
                        self.stage2.add_to(*k, &mut row);
                    }
                    for (x, w) in e.iter_mut().zip(row) {
                        *x += i64::from(w);
                    }
                }
                viterbi(&two, &transitions[1])
            })
            .collect()
    }

    /// Stage one's labels alone (for measuring what stage two adds), with
    /// the standard lexicon.
    pub fn tag_document_stage1(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.tag_document_stage1_in(&Lexicon::standard(), sentences)
    }

    /// Stage one's labels alone, reading the clusters and name lists of
    /// `lex`.
    pub fn tag_document_stage1_in(&self, lex: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let prepared = prepare(lex, sentences, &self.common);
        self.stage1_labels(&prepared)
    }

    fn stage1_labels(&self, prepared: &[PreparedSentence]) -> Vec<Vec<u8>> {
        prepared
            .iter()
            .map(|s| decode(&self.stage1, s.len(), |i, out| s.static_features(i, out)))
            .collect()
    }

    /// [`Tagger::tag_document`] for a document already prepared.
    pub(crate) fn tag_prepared(&self, prepared: &[PreparedSentence]) -> Vec<Vec<u8>> {
        let first = self.stage1_labels(prepared);
        let stage1 = Stage1::new(prepared.iter().map(|s| s.keys.clone()).collect(), first);
        prepared
            .iter()
            .enumerate()
            .map(|(si, s)| {
                decode(&self.stage2, s.len(), |i, out| {
                    s.static_features(i, out);
                    let caps = s.facts.get(i).map_or(0, WordFacts::caps);
                    stage1.features(si, i, caps, out);
                })
            })
            .collect()
    }

    /// Both stages' weights side by side.
    #[cfg(test)]
    pub(crate) fn paired(&self) -> &Paired {
        &self.paired
    }

    /// Number of features with weights in each stage.
    pub fn sizes(&self) -> (usize, usize) {
        (self.stage1.len(), self.stage2.len())
    }

    /// The model file: magic, both weight tables, the common-word hashes;
    /// deflated.
    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        self.stage1.write(&mut raw);
        self.stage2.write(&mut raw);
        let hashes = self.common.hashes();
        raw.extend_from_slice(&(hashes.len() as u32).to_le_bytes());
        for h in hashes {
            raw.extend_from_slice(&h.to_le_bytes());
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&raw).map_err(NerError::Model)?;
        enc.finish().map_err(NerError::Model)
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(NerError::Model)?;
        let body = raw
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| NerError::Format("not a crosscheck NER model".to_string()))?;
        let (stage1, rest) = Weights::read(body).map_err(NerError::Format)?;
        let (stage2, rest) = Weights::read(rest).map_err(NerError::Format)?;
        let n = rest
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| NerError::Format("truncated common words".to_string()))?;
        let words = rest.get(4..).unwrap_or(&[]);
        if words.len() != n * 4 {
            return Err(NerError::Format(
                "common words do not match header".to_string(),
            ));
        }
        let common = CommonWords::from_hashes(
            words
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        );
        Ok(Tagger::new(stage1, stage2, common))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memo's sums give exactly the labels of adding every feature.
    #[test]
    fn memo_labels_equal_reference_labels() {
        let tagger = Tagger::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let doc: Vec<Vec<&str>> = [
            "SOCCER - VALDORIA BEAT MARVONIA IN CUP MATCH",
            "Finance minister Ilse Vogt said the Bank of Oporto fell .",
            "North Korean troops entered Kyiv ’s suburbs `` Gdańsk",
            "Valdoria beat Marvonia 2-1 at the Nordvik stadium on Tuesday .",
            "Ilse Vogt said 14,000 U.S. soldiers ÉTÉ x",
            "A",
        ]
        .iter()
        .map(|s| s.split_whitespace().collect())
        .collect();
        let lex = Lexicon::standard();
        for _ in 0..2 {
            assert_eq!(tagger.tag_document(&doc), tagger.tag_reference(&lex, &doc));
        }
    }
}
