//! A greedy left-to-right averaged-perceptron sequence tagger over hashed
//! features (see `features.rs`), with BIO labels for PER, ORG and LOC.
//!
//! Tagging takes a fast path (see `word_cache.rs`): the scores of features
//! that read one word, or a few small flags, are summed once per word or
//! per flag combination, so a token adds about twenty precomputed rows
//! instead of hashing and loading thirty-seven. Float sums depend on their
//! order, so the fast scores can differ from the reference sums (features
//! added one by one in template order) in the last bits. Every row carries
//! in its padding lane the largest magnitude of its weights; the fast sum
//! of that lane bounds how far either sum can stray from the exact one,
//! and a token whose best label does not beat every other allowed label by
//! more than twice that bound is scored again the reference way. The labels
//! are therefore exactly those of the reference sums.

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
/// The padding lane: the largest weight magnitude of the row (see the
/// module doc). Sums of rows sum it too.
const BOUND: usize = NUM_LABELS;
/// How far a fast sum of rows whose bound lanes add up to `A` may be from
/// the reference sum of the same weights, as a multiple of `A`: each of at
/// most 40 rounded additions (37 features) errs by at most 2^-24 of a
/// partial sum no larger than `A`, for each of the two sums, for each of
/// the two labels compared; 170 rather than 160 covers the rounding of
/// the bound and of the margin themselves.
const MARGIN_PER_BOUND: f32 = 170.0 / 16_777_216.0;
const MAGIC: &[u8; 8] = b"XCNER03\0";

pub fn label_index(label: &str) -> u8 {
    LABELS.iter().position(|l| *l == label).unwrap_or(0) as u8
}

/// An `I-` label may only continue a chunk of its own type.
const fn allowed(prev: u8, label: u8) -> bool {
    if label == 0 || label % 2 == 1 {
        return true;
    }
    prev == label || prev + 1 == label
}

/// [`allowed`] as one bit per label, for each previous label.
const ALLOWED_AFTER: [u8; NUM_LABELS] = {
    let mut masks = [0u8; NUM_LABELS];
    let mut prev = 0;
    while prev < NUM_LABELS {
        let mut label = 0;
        while label < NUM_LABELS {
            if allowed(prev as u8, label as u8) {
                masks[prev] |= 1 << label;
            }
            label += 1;
        }
        prev += 1;
    }
    masks
};

/// One row of weights, aligned so that it fills half a cache line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[repr(C, align(32))]
pub(crate) struct Row([f32; ROW]);

impl Row {
    pub(crate) const ZERO: Row = Row([0.0; ROW]);

    #[inline]
    pub(crate) fn add(&mut self, other: &Row) {
        for (s, x) in self.0.iter_mut().zip(&other.0) {
            *s += x;
        }
    }

    /// Sets the bound lane to the largest weight magnitude.
    fn with_bound(mut self) -> Row {
        let bound = self.0[..NUM_LABELS]
            .iter()
            .fold(0f32, |m, w| if w.abs() > m { w.abs() } else { m });
        // A NaN weight makes the bound NaN, which sends every token using
        // the row to the reference path.
        self.0[BOUND] = if self.0[..NUM_LABELS].iter().any(|w| w.is_nan()) {
            f32::NAN
        } else {
            bound
        };
        self
    }

    /// The best allowed label after `prev` when it wins clearly enough that
    /// the reference sums would choose it too; `None` otherwise.
    #[inline]
    pub(crate) fn clear_best(&self, prev: u8) -> Option<u8> {
        let mut best = 0u8;
        let mut best_score = f32::NEG_INFINITY;
        let mut second = f32::NEG_INFINITY;
        let allowed = ALLOWED_AFTER.get(prev as usize).copied().unwrap_or(0);
        for (l, s) in self.0[..NUM_LABELS].iter().enumerate() {
            if allowed & (1 << l) == 0 {
                continue;
            }
            let l = l as u8;
            if *s > best_score {
                second = best_score;
                best = l;
                best_score = *s;
            } else if *s > second {
                second = *s;
            }
        }
        let margin = best_score - second;
        // Written so that NaN anywhere falls to the reference path.
        (margin > self.0[BOUND] * MARGIN_PER_BOUND).then_some(best)
    }
}

/// Precomputed sums of the rows of features that take few values: the
/// position and capitalisation templates, the neighbours' flags, the
/// gazetteer tags and the previous labels (see `word_cache.rs` for the
/// index layouts).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// Templates 14, 25 and 30 by (position, title case, capitals bin,
    /// common word).
    pub(crate) position: Vec<Row>,
    /// Templates 19 and 20 by (previous given name, previous title word,
    /// title case).
    pub(crate) prev_flags: Vec<Row>,
    /// Templates 22 and 31 by their six flags.
    pub(crate) neighbours: Vec<Row>,
    /// Templates 15 and 16 by (previous gazetteer tag, own tag).
    pub(crate) gaz_prev: Vec<Row>,
    /// Template 17 by (own gazetteer tag, next tag).
    pub(crate) gaz_next: Vec<Row>,
    /// Templates 40 and 41 by (previous label, label before it).
    pub(crate) labels: Vec<Row>,
}

/// Feature weights: `buckets` rows of `NUM_LABELS` columns.
#[derive(Debug)]
pub struct Tagger {
    buckets: usize,
    /// `buckets - 1` when `buckets` is a power of two: the bucket is then a
    /// mask, not a 64-bit division (same result).
    mask: Option<u64>,
    /// Identifies this tagger's weights and common-word list to the
    /// per-thread word memo, which must not serve one tagger's facts to
    /// another (a clone gets its own id).
    id: u64,
    weights: Vec<Row>,
    common: CommonWords,
    tables: Tables,
}

impl Clone for Tagger {
    fn clone(&self) -> Tagger {
        Tagger {
            buckets: self.buckets,
            mask: self.mask,
            id: next_id(),
            weights: self.weights.clone(),
            common: self.common.clone(),
            tables: self.tables.clone(),
        }
    }
}

fn next_id() -> u64 {
    static NEXT_ID: AtomicU64 = AtomicU64::new(0);
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
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
        let mut tagger = Tagger {
            buckets,
            mask: buckets.is_power_of_two().then(|| buckets as u64 - 1),
            id: next_id(),
            weights: weights.into_iter().map(Row::with_bound).collect(),
            common,
            tables: Tables::default(),
        };
        tagger.tables = crate::word_cache::tables(&tagger);
        tagger
    }

    /// A tagger whose bucket `b` holds `weights(b)` (for tests).
    #[cfg(test)]
    pub(crate) fn from_parts(
        buckets: usize,
        common: CommonWords,
        mut weights: impl FnMut(usize) -> [f32; NUM_LABELS],
    ) -> Tagger {
        let rows = (0..buckets)
            .map(|b| {
                let mut row = Row::default();
                row.0[..NUM_LABELS].copy_from_slice(&weights(b));
                row
            })
            .collect();
        Tagger::with_weights(buckets, rows, common)
    }

    /// The row index of a feature hash.
    #[inline]
    pub(crate) fn row_index(&self, feature: u64) -> usize {
        self.row(feature)
    }

    /// The row at `index` (zeros past the end).
    #[inline]
    pub(crate) fn row_at(&self, index: usize) -> &Row {
        static ZERO: Row = Row::ZERO;
        self.weights.get(index).unwrap_or(&ZERO)
    }

    /// The row of a feature hash (zeros if the table is empty).
    #[inline]
    pub(crate) fn row_of(&self, feature: u64) -> &Row {
        static ZERO: Row = Row::ZERO;
        self.weights.get(self.row(feature)).unwrap_or(&ZERO)
    }

    /// The sum of the rows of `features`.
    pub(crate) fn rows_sum(&self, features: &[u64]) -> Row {
        let mut sum = Row::default();
        for f in features {
            sum.add(self.row_of(*f));
        }
        sum
    }

    pub(crate) fn tables(&self) -> &Tables {
        &self.tables
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
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

    /// Tagging through the per-thread word memo (see `word_cache.rs` and
    /// the module doc): fast sums, the reference sums where those are not
    /// clear.
    fn tag_memo(&self, memo: &mut WordCache, words: &[&str], gaz: &Gazetteer) -> Vec<u8> {
        memo.prepare(self, gaz);
        let mut sentence = memo.take_sentence();
        memo.load_sentence(&mut sentence, words, gaz, self);
        let statics = memo.static_rows(&sentence, self);
        let labels = &self.tables.labels;
        let mut out = Vec::with_capacity(statics.len());
        let (mut p1, mut p2) = (0u8, 0u8);
        for (i, s) in statics.iter().enumerate() {
            let facts = memo.facts(sentence.ids.get(i).copied().unwrap_or(usize::MAX));
            let mut scores = *s;
            if let Some(r) = labels.get(p1 as usize * NUM_LABELS + p2 as usize) {
                scores.add(r);
            }
            if p1 == 0 {
                scores.add(facts.after_outside());
            } else {
                let [d42, d43] = facts.dynamic(p1);
                scores.add(self.row_of(d42));
                scores.add(self.row_of(d43));
            }
            let l = match scores.clear_best(p1) {
                Some(l) => l,
                None => {
                    let stat = memo.static_features_at(&sentence, i);
                    let [d42, d43] = facts.dynamic(p1);
                    let dynf = [
                        Fh::new(40).bytes(&[p1]).finish(),
                        Fh::new(41).bytes(&[p1, p2]).finish(),
                        d42,
                        d43,
                    ];
                    self.best(&stat, &dynf, p1)
                }
            };
            out.push(l);
            p2 = p1;
            p1 = l;
        }
        memo.give_back(sentence, statics);
        out
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
        Trainer {
            model: Tagger::with_weights(buckets, vec![Row::default(); buckets], common),
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
        let mut weights = self.model.weights.clone();
        let flat = weights.iter_mut().flat_map(|r| r.0.iter_mut());
        for (w, t) in flat.zip(&self.totals) {
            let avg = *w - t / self.step;
            *w = if avg.abs() < prune { 0.0 } else { avg };
        }
        Tagger::with_weights(self.model.buckets, weights, self.model.common.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;

    fn sentences() -> Vec<Vec<&'static str>> {
        [
            "Minister Ilse Vogt said the Bank of Oporto fell .",
            "North Korean troops entered Kyiv ’s suburbs `` Gdańsk",
            "Ilse Vogt said 14,000 U.S. soldiers ÉTÉ x",
            "The Nordvik Shipping Co said on Tuesday that Arno Pelt will join its board .",
            "A",
            "",
        ]
        .iter()
        .map(|s| s.split_whitespace().collect())
        .collect()
    }

    /// The fast path must give the reference labels, with the shipped model
    /// and with weights whose magnitudes span many orders (so that fast and
    /// reference sums round differently and the fallback is exercised).
    #[test]
    fn fast_labels_equal_reference_labels() {
        let gaz = gazetteer();
        let shipped = Tagger::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let wild = Tagger::from_parts(1 << 12, shipped.common_words().clone(), |_| {
            std::array::from_fn(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let mantissa = (seed % 2001) as f32 / 1000.0 - 1.0;
                mantissa * 10f32.powi((seed >> 40) as i32 % 9 - 4)
            })
        });
        for tagger in [&shipped, &wild] {
            for words in sentences() {
                let mut memo = WordCache::default();
                assert_eq!(
                    tagger.tag_memo(&mut memo, &words, gaz),
                    tagger.tag_reference(&words, gaz),
                    "{words:?}"
                );
            }
        }
    }
}
