//! A greedy left-to-right averaged-perceptron sequence tagger over hashed
//! features (see `features.rs`), with BIO labels for PER, ORG and LOC.

use std::cell::RefCell;
use std::io::{Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::features::{
    dynamic_features, static_features, token_infos, CommonWords, Fh, STATIC_PER_TOKEN,
};
use crate::gazetteer::Gazetteer;
use crate::word_cache::WordCache;
use crate::NerError;

/// BIO labels in model order.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
pub const NUM_LABELS: usize = LABELS.len();
/// Weights per bucket row in memory: the labels padded to eight floats, so a
/// row is 32-byte aligned and never straddles two cache lines (the random
/// row loads dominate tagging). Model files store `NUM_LABELS` per row.
const ROW: usize = 8;
const MAGIC: &[u8; 8] = b"XCNER03\0";

pub fn label_index(label: &str) -> u8 {
    LABELS.iter().position(|l| *l == label).unwrap_or(0) as u8
}

/// An `I-` label may only continue a chunk of its own type.
fn allowed(prev: u8, label: u8) -> bool {
    if label == 0 || label % 2 == 1 {
        return true;
    }
    prev == label || prev + 1 == label
}

/// One row of weights, aligned so that it fills half a cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Row([f32; ROW]);

/// Feature weights: `buckets` rows of `NUM_LABELS` columns.
#[derive(Debug, Clone)]
pub struct Tagger {
    buckets: usize,
    /// `buckets - 1` when `buckets` is a power of two: the bucket is then a
    /// mask, not a 64-bit division (same result).
    mask: Option<u64>,
    /// Identifies this tagger's common-word list to the per-thread word
    /// memo, which must not serve one tagger's facts to another.
    id: u64,
    weights: Vec<Row>,
    common: CommonWords,
}

impl Tagger {
    pub fn zeroed(buckets: usize) -> Tagger {
        Tagger::with_weights(
            buckets,
            vec![Row::default(); buckets],
            CommonWords::default(),
        )
    }

    fn with_weights(buckets: usize, weights: Vec<Row>, common: CommonWords) -> Tagger {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Tagger {
            buckets,
            mask: buckets.is_power_of_two().then(|| buckets as u64 - 1),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            weights,
            common,
        }
    }

    fn row(&self, feature: u64) -> usize {
        match self.mask {
            Some(mask) => (feature & mask) as usize,
            None => (feature % self.buckets as u64) as usize,
        }
    }

    fn add_scores(&self, feature: u64, scores: &mut [f32; ROW]) {
        if let Some(w) = self.weights.get(self.row(feature)) {
            for (s, x) in scores.iter_mut().zip(&w.0) {
                *s += x;
            }
        }
    }

    /// Scores of the tag-independent features, summed in feature order.
    fn static_scores(&self, stat: &[u64]) -> [f32; ROW] {
        let mut scores = [0f32; ROW];
        for f in stat {
            self.add_scores(*f, &mut scores);
        }
        scores
    }

    fn best(&self, stat: &[u64], dynf: &[u64; 4], prev: u8) -> u8 {
        self.best_from(self.static_scores(stat), dynf, prev)
    }

    /// The best allowed label given the static scores; the dynamic features
    /// are added after the static ones, the same order of float additions
    /// as summing all features at once.
    fn best_from(&self, mut scores: [f32; ROW], dynf: &[u64; 4], prev: u8) -> u8 {
        for f in dynf {
            self.add_scores(*f, &mut scores);
        }
        let mut best = 0u8;
        let mut best_score = f32::NEG_INFINITY;
        for (l, s) in scores.iter().take(NUM_LABELS).enumerate() {
            let l = l as u8;
            if allowed(prev, l) && *s > best_score {
                best = l;
                best_score = *s;
            }
        }
        best
    }

    /// Words the training text had in lowercase.
    pub fn common_words(&self) -> &CommonWords {
        &self.common
    }

    /// Label indices for a sentence of surface words.
    pub fn tag(&self, words: &[&str], gaz: &Gazetteer) -> Vec<u8> {
        thread_local! {
            static WORDS: RefCell<WordCache> = RefCell::new(WordCache::default());
        }
        WORDS.with(|memo| match memo.try_borrow_mut() {
            Ok(mut memo) => self.tag_memo(&mut memo, words, gaz),
            Err(_) => self.tag_reference(words, gaz),
        })
    }

    /// Tagging through the per-thread word memo (see `word_cache.rs`).
    fn tag_memo(&self, memo: &mut WordCache, words: &[&str], gaz: &Gazetteer) -> Vec<u8> {
        memo.prepare(self.id, gaz);
        let ids: Vec<usize> = words
            .iter()
            .map(|w| memo.id(w, gaz, &self.common))
            .collect();
        let gaz_tags = memo.gazetteer_tags(words, &ids, gaz);
        let mut stat = Vec::new();
        memo.static_features(&ids, &gaz_tags, &mut stat);
        self.greedy(&stat, |i, p1, p2| {
            let [d42, d43] = ids.get(i).map_or([0, 0], |&id| memo.facts(id).dynamic(p1));
            [
                Fh::new(40).bytes(&[p1]).finish(),
                Fh::new(41).bytes(&[p1, p2]).finish(),
                d42,
                d43,
            ]
        })
    }

    /// Tagging straight from the feature definitions, as in training.
    fn tag_reference(&self, words: &[&str], gaz: &Gazetteer) -> Vec<u8> {
        let infos = token_infos(words, gaz, &self.common);
        let mut stat = Vec::with_capacity(infos.len() * STATIC_PER_TOKEN);
        static_features(&infos, &mut stat);
        self.greedy(&stat, |i, p1, p2| dynamic_features(&infos, i, p1, p2))
    }

    /// Greedy left-to-right decoding over the static feature hashes of each
    /// token and `dynamic(i, prev, prev2)` for the label-dependent ones.
    fn greedy(&self, stat: &[u64], dynamic: impl Fn(usize, u8, u8) -> [u64; 4]) -> Vec<u8> {
        // All static rows first: their loads are independent of the labels,
        // so the CPU overlaps the cache misses instead of waiting on each
        // token's in turn.
        let statics: Vec<[f32; ROW]> = stat
            .chunks_exact(STATIC_PER_TOKEN)
            .map(|s| self.static_scores(s))
            .collect();
        let mut out = Vec::with_capacity(statics.len());
        let (mut p1, mut p2) = (0u8, 0u8);
        for (i, s) in statics.iter().enumerate() {
            let d = dynamic(i, p1, p2);
            let l = self.best_from(*s, &d, p1);
            out.push(l);
            p2 = p1;
            p1 = l;
        }
        out
    }

    /// Compressed model bytes: magic, bucket count, common-word count, then the weights
    /// as little-endian f32, then
    /// the common-word hashes as u32, deflated.
    pub fn to_bytes(&self) -> Result<Vec<u8>, NerError> {
        // Weights stay f32: a shared linear i16 scale would flatten the many
        // small averaged weights next to a few large ones; pruned zeros make
        // the table compress well anyway.
        let mut raw = Vec::with_capacity(16 + self.weights.len() * 4);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&(self.buckets as u32).to_le_bytes());
        raw.extend_from_slice(&(self.common.hashes().len() as u32).to_le_bytes());
        for w in self
            .weights
            .iter()
            .flat_map(|r| r.0.iter().take(NUM_LABELS))
        {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        for h in self.common.hashes() {
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
        let bad = |why: &str| NerError::Format(why.to_string());
        if raw.get(..8) != Some(MAGIC.as_slice()) {
            return Err(bad("not a crosscheck NER model"));
        }
        let word = |at: usize| -> Result<[u8; 4], NerError> {
            raw.get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| bad("truncated header"))
        };
        let buckets = u32::from_le_bytes(word(8)?) as usize;
        let common_len = u32::from_le_bytes(word(12)?) as usize;
        let weight_bytes = buckets * NUM_LABELS * 4;
        let body = raw.get(16..).unwrap_or(&[]);
        if buckets == 0 || body.len() != weight_bytes + common_len * 4 {
            return Err(bad("table sizes do not match header"));
        }
        let (body, common) = body.split_at(weight_bytes);
        let common = CommonWords::from_hashes(
            common
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        );
        let weights = body
            .chunks_exact(4 * NUM_LABELS)
            .map(|r| {
                let mut row = Row::default();
                for (w, c) in row.0.iter_mut().zip(r.chunks_exact(4)) {
                    *w = f32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                }
                row
            })
            .collect();
        Ok(Tagger::with_weights(buckets, weights, common))
    }
}

/// One training sentence: surface words and gold label indices.
#[derive(Debug, Clone)]
pub struct Example {
    pub words: Vec<String>,
    pub labels: Vec<u8>,
}

/// Averaged-perceptron trainer state.
pub struct Trainer {
    model: Tagger,
    totals: Vec<f32>,
    step: f32,
}

impl Trainer {
    pub fn new(buckets: usize, common: CommonWords) -> Trainer {
        let mut model = Tagger::zeroed(buckets);
        model.common = common;
        Trainer {
            model,
            totals: vec![0.0; buckets * ROW],
            step: 1.0,
        }
    }

    fn update(&mut self, features: &[u64], gold: u8, guess: u8) {
        for f in features {
            let r = self.model.row(*f);
            for (label, delta) in [(gold, 1.0f32), (guess, -1.0f32)] {
                let w = self
                    .model
                    .weights
                    .get_mut(r)
                    .and_then(|row| row.0.get_mut(label as usize));
                if let (Some(w), Some(t)) = (w, self.totals.get_mut(r * ROW + label as usize)) {
                    *w += delta;
                    *t += self.step * delta;
                }
            }
        }
    }

    /// One pass over `examples` in the given order; returns token errors.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize], gaz: &Gazetteer) -> usize {
        let mut errors = 0;
        let mut stat = Vec::new();
        for &e in order {
            let Some(ex) = examples.get(e) else { continue };
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let infos = token_infos(&words, gaz, &self.model.common);
            static_features(&infos, &mut stat);
            let (mut p1, mut p2) = (0u8, 0u8);
            for (i, gold) in ex.labels.iter().enumerate() {
                let s = stat
                    .get(i * STATIC_PER_TOKEN..(i + 1) * STATIC_PER_TOKEN)
                    .unwrap_or(&[]);
                let d = dynamic_features(&infos, i, p1, p2);
                let guess = self.model.best(s, &d, p1);
                if guess != *gold {
                    errors += 1;
                    let feats: Vec<u64> = s.iter().chain(&d).copied().collect();
                    self.update(&feats, *gold, guess);
                }
                self.step += 1.0;
                p2 = p1;
                p1 = guess;
            }
        }
        errors
    }

    /// The averaged weights, with weights below `prune` set to zero.
    pub fn averaged(&self, prune: f32) -> Tagger {
        let mut model = self.model.clone();
        let flat = model.weights.iter_mut().flat_map(|r| r.0.iter_mut());
        for (w, t) in flat.zip(&self.totals) {
            let avg = *w - t / self.step;
            *w = if avg.abs() < prune { 0.0 } else { avg };
        }
        model
    }
}
