//! Word-level reductions the verdict and the story keys compare by (word
//! classes, action classes, head classes), read through the subject
//! normaliser's lexicon so "killed" beside one figure meets "died" beside
//! another. What a figure counts is not re-derived here: that is
//! `quantity.measure`, filled in analysis.

use crosscheck_subject::Normalizer;

/// Word-level reductions, held by the ledger's [`crate::Lexicon`].
pub struct Words {
    normalizer: Normalizer,
}

impl Words {
    /// The reductions of `normalizer`'s lexicon.
    pub fn new(normalizer: Normalizer) -> Words {
        Words { normalizer }
    }

    /// A word's class for comparison; `None` for stop words and numbers.
    pub fn word_class(&self, word: &str) -> Option<String> {
        self.normalizer.word_class(word)
    }

    /// The action classes of an event phrase.
    pub fn actions_of(&self, event: &str) -> Vec<String> {
        self.normalizer.actions_of(event)
    }

    /// The head class of a noun phrase ("dlrs" → its class), the phrase
    /// itself when nothing countable is left.
    pub fn head_of(&self, phrase: &str) -> String {
        self.normalizer
            .measure(Some(phrase), None)
            .map_or_else(|| phrase.to_string(), |m| m.head)
    }
}
