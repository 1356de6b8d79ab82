//! A greedy left-to-right averaged-perceptron sequence tagger over hashed
//! features (see `features.rs`), with BIO labels for PER, ORG and LOC.

use std::io::{Read, Write};

use crate::features::{
    dynamic_features, static_features, token_infos, CommonWords, STATIC_PER_TOKEN,
};
use crate::gazetteer::Gazetteer;
use crate::NerError;

/// BIO labels in model order.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
pub const NUM_LABELS: usize = LABELS.len();
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

/// Feature weights: `buckets` rows of `NUM_LABELS` columns.
#[derive(Debug, Clone)]
pub struct Tagger {
    buckets: usize,
    weights: Vec<f32>,
    common: CommonWords,
}

impl Tagger {
    pub fn zeroed(buckets: usize) -> Tagger {
        Tagger {
            buckets,
            weights: vec![0.0; buckets * NUM_LABELS],
            common: CommonWords::default(),
        }
    }

    fn row(&self, feature: u64) -> usize {
        (feature % self.buckets as u64) as usize * NUM_LABELS
    }

    fn add_scores(&self, feature: u64, scores: &mut [f32; NUM_LABELS]) {
        let r = self.row(feature);
        if let Some(w) = self.weights.get(r..r + NUM_LABELS) {
            for (s, x) in scores.iter_mut().zip(w) {
                *s += x;
            }
        }
    }

    fn best(&self, stat: &[u64], dynf: &[u64; 4], prev: u8) -> u8 {
        let mut scores = [0f32; NUM_LABELS];
        for f in stat.iter().chain(dynf) {
            self.add_scores(*f, &mut scores);
        }
        let mut best = 0u8;
        let mut best_score = f32::NEG_INFINITY;
        for (l, s) in scores.iter().enumerate() {
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
        let infos = token_infos(words, gaz, &self.common);
        let mut stat = Vec::with_capacity(infos.len() * STATIC_PER_TOKEN);
        static_features(&infos, &mut stat);
        let mut out = Vec::with_capacity(words.len());
        let (mut p1, mut p2) = (0u8, 0u8);
        for i in 0..words.len() {
            let s = stat
                .get(i * STATIC_PER_TOKEN..(i + 1) * STATIC_PER_TOKEN)
                .unwrap_or(&[]);
            let d = dynamic_features(&infos, i, p1, p2);
            let l = self.best(s, &d, p1);
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
        for w in &self.weights {
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
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Tagger {
            buckets,
            weights,
            common,
        })
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
            totals: vec![0.0; buckets * NUM_LABELS],
            step: 1.0,
        }
    }

    fn update(&mut self, features: &[u64], gold: u8, guess: u8) {
        for f in features {
            let r = self.model.row(*f);
            for (label, delta) in [(gold, 1.0f32), (guess, -1.0f32)] {
                let k = r + label as usize;
                if let (Some(w), Some(t)) = (self.model.weights.get_mut(k), self.totals.get_mut(k))
                {
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
        for (w, t) in model.weights.iter_mut().zip(&self.totals) {
            let avg = *w - t / self.step;
            *w = if avg.abs() < prune { 0.0 } else { avg };
        }
        model
    }
}
