//! How likely a document and a story are one story, from how they compare:
//! a logistic regression over a handful of similarities, trained on a
//! hand-grouped window of Reuters-21578 (`data/story_model.tsv`, written by
//! `cargo run --release -p crosscheck-eval --example train_story_model`).

use serde::{Deserialize, Serialize};

/// Number of features.
pub const FEATURES: usize = 5;

/// How a document compares with a story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Features {
    /// Cosine of the body words (tf-idf, headline and lead counting more).
    pub words: f32,
    /// Cosine of the headline words.
    pub title: f32,
    /// Cosine of the entities named.
    pub entities: f32,
    /// Cosine over all three together.
    pub all: f32,
    /// The idf (as a share of the largest possible) of the rarest headline
    /// word the story never uses: a headline about something else.
    pub unmatched_title: f32,
}

impl Features {
    /// Names in the order of [`Features::values`].
    pub const NAMES: [&'static str; FEATURES] =
        ["words", "title", "entities", "all", "unmatched_title"];

    /// The features in the order of [`Features::NAMES`].
    pub fn values(&self) -> [f32; FEATURES] {
        [
            self.words,
            self.title,
            self.entities,
            self.all,
            self.unmatched_title,
        ]
    }
}

/// A logistic regression over [`Features`] with its decision threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// One weight a feature, in the order of [`Features::NAMES`].
    pub weights: [f32; FEATURES],
    /// The intercept.
    pub bias: f32,
    /// Probability at which a document joins a story.
    pub threshold: f32,
}

impl Default for Model {
    fn default() -> Model {
        Model::parse(include_str!("../data/story_model.tsv")).unwrap_or(Model {
            weights: [0.0, 0.0, 0.0, 10.0, 0.0],
            bias: -3.0,
            threshold: 0.5,
        })
    }
}

impl Model {
    /// The probability that the two compared things are one story.
    pub fn probability(&self, features: &Features) -> f32 {
        let z = self.bias
            + self
                .weights
                .iter()
                .zip(features.values())
                .map(|(w, x)| w * x)
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Reads `name<TAB>value` lines (`bias`, `threshold` and each feature
    /// name); `None` when one is missing or unreadable.
    pub fn parse(text: &str) -> Option<Model> {
        let mut values = std::collections::HashMap::new();
        for entry in crosscheck_lexicon::entries(text) {
            if let Some(value) = entry.column(1) {
                values.insert(entry.key(), value.parse::<f32>().ok()?);
            }
        }
        let mut weights = [0.0; FEATURES];
        for (w, name) in weights.iter_mut().zip(Features::NAMES) {
            *w = *values.get(name)?;
        }
        Some(Model {
            weights,
            bias: *values.get("bias")?,
            threshold: *values.get("threshold")?,
        })
    }

    /// The model as [`Model::parse`] reads it.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        for (name, w) in Features::NAMES.iter().zip(self.weights) {
            out.push_str(&format!("{name}\t{w}\n"));
        }
        out.push_str(&format!(
            "bias\t{}\nthreshold\t{}\n",
            self.bias, self.threshold
        ));
        out
    }
}
