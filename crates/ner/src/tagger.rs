//! The tagger: two averaged-perceptron stages over a whole document, each
//! decoding greedily left to right with BILOU labels (see `bilou.rs`).
//!
//! Stage one reads each sentence alone (the features of `features.rs`, with
//! capitals headlines read through the document, see `doc_context.rs`).
//! Stage two reads the same features plus what stage one made of every
//! word across the document. Both are linear models over integer weights.

use std::io::{Read, Write};

use crate::bilou::NUM_LABELS;
use crate::doc_context::{truecase, Stage1};
use crate::features::{
    context_features, label_features, window_word_features, CommonWords, SentenceView, WordFacts,
};
use crate::name_lists::{name_lists, token_hash, Mask};
use crate::normalize::fold;
use crate::weights::{Row, Weights};
use crate::NerError;

const MAGIC: &[u8; 8] = b"XCNER04\0";

/// The two stages' weights and the words the training text had in
/// lowercase.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    pub(crate) stage1: Weights,
    pub(crate) stage2: Weights,
    pub(crate) common: CommonWords,
}

/// One sentence ready for the features.
#[derive(Debug, Clone)]
pub struct PreparedSentence {
    pub facts: Vec<WordFacts>,
    pub masks: Vec<Mask>,
    pub caps_line: bool,
    /// The word key of each token for the document aggregates (its folded
    /// form's hash).
    pub keys: Vec<u64>,
}

impl PreparedSentence {
    pub fn view(&self) -> SentenceView<'_> {
        SentenceView {
            words: &self.facts,
            masks: &self.masks,
            caps_line: self.caps_line,
        }
    }

    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Stage-one features of token `i`.
    pub fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let view = self.view();
        window_word_features(&view, i, out);
        context_features(&view, i, out);
    }
}

/// A document's sentences as the features see them.
pub fn prepare(sentences: &[Vec<&str>], common: &CommonWords) -> Vec<PreparedSentence> {
    let (words, caps) = truecase(sentences, common);
    let lists = name_lists();
    words
        .iter()
        .zip(caps)
        .map(|(ws, caps_line)| {
            let lowers: Vec<String> = ws.iter().map(|w| fold(w)).collect();
            let facts: Vec<WordFacts> = ws
                .iter()
                .zip(&lowers)
                .map(|(w, l)| WordFacts::of(w, l, common))
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

/// The best-scoring label; ties go to the lower label. No transition is
/// forbidden: with BILOU's hard constraints a greedy decoder, once it has
/// opened a name, must run it on until some word scores L, and names then
/// swallowed punctuation and whole clauses; unconstrained, it measured 0.8
/// F1 points better on CoNLL-2003 dev, and `bilou::spans` reads any
/// sequence.
pub fn best<S: PartialOrd + Copy>(scores: &[S; NUM_LABELS]) -> u8 {
    let mut best = 0u8;
    let mut best_score = scores[0];
    for (l, s) in scores.iter().enumerate().skip(1) {
        if *s > best_score {
            best = l as u8;
            best_score = *s;
        }
    }
    best
}

/// Greedy decoding of one sentence with integer weights; `statics(i, out)`
/// writes the label-independent feature keys of token `i`.
fn decode(
    weights: &Weights,
    facts: &[WordFacts],
    mut statics: impl FnMut(usize, &mut Vec<u64>),
) -> Vec<u8> {
    let mut keys = Vec::with_capacity(128);
    let mut out = Vec::with_capacity(facts.len());
    let (mut p1, mut p2) = (0u8, 0u8);
    for (i, w) in facts.iter().enumerate() {
        keys.clear();
        statics(i, &mut keys);
        let mut scores: Row = [0; NUM_LABELS];
        for k in &keys {
            weights.add_to(*k, &mut scores);
        }
        for k in label_features(w, p1, p2) {
            weights.add_to(k, &mut scores);
        }
        let l = best(&scores);
        out.push(l);
        p2 = p1;
        p1 = l;
    }
    out
}

impl Tagger {
    /// BILOU labels (see `bilou.rs`) for every token of a document given as
    /// sentences of words.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let prepared = prepare(sentences, &self.common);
        self.tag_prepared(&prepared)
    }

    /// Stage one's labels alone (for measuring what stage two adds).
    pub fn tag_document_stage1(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        let prepared = prepare(sentences, &self.common);
        self.stage1_labels(&prepared)
    }

    fn stage1_labels(&self, prepared: &[PreparedSentence]) -> Vec<Vec<u8>> {
        prepared
            .iter()
            .map(|s| decode(&self.stage1, &s.facts, |i, out| s.static_features(i, out)))
            .collect()
    }

    /// [`Tagger::tag_document`] for a document already prepared.
    pub fn tag_prepared(&self, prepared: &[PreparedSentence]) -> Vec<Vec<u8>> {
        let first = self.stage1_labels(prepared);
        let stage1 = Stage1::new(prepared.iter().map(|s| s.keys.clone()).collect(), first);
        prepared
            .iter()
            .enumerate()
            .map(|(si, s)| {
                decode(&self.stage2, &s.facts, |i, out| {
                    s.static_features(i, out);
                    let caps = s.facts.get(i).map_or(0, WordFacts::caps);
                    stage1.features(si, i, caps, out);
                })
            })
            .collect()
    }

    /// Labels of one sentence read as a document of its own.
    pub fn tag(&self, words: &[&str]) -> Vec<u8> {
        self.tag_document(&[words.to_vec()])
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Words the training text had in lowercase.
    pub fn common_words(&self) -> &CommonWords {
        &self.common
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

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
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
            return Err(NerError::Format("common words do not match header".to_string()));
        }
        let common = CommonWords::from_hashes(
            words
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        );
        Ok(Tagger {
            stage1,
            stage2,
            common,
        })
    }
}
