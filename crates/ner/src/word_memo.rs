//! The tagger's per-thread word memo: for each distinct word, its
//! [`WordFacts`], the hash of its folded form, and for each stage and each
//! offset -2..=2 the sum of the weights of the features that read that word
//! alone at that offset ([`word_features`]). A token then costs five row
//! additions for those features instead of some forty table lookups.
//! Weights are integers, so the sums are exactly those of adding the
//! features one by one (a test compares the two paths).

use std::cell::RefCell;

use crate::bilou::NUM_LABELS;
use crate::fasthash::FastMap;
use crate::features::{word_features, CommonWords, WordFacts};
use crate::name_lists::token_hash;
use crate::normalize::fold;
use crate::weights::{Paired, Row};

/// Words kept before the memo starts afresh (about 26 MB).
const CAPACITY: usize = 32_768;

/// One word's facts and partial sums.
#[derive(Debug, Clone)]
pub struct Entry {
    pub facts: WordFacts,
    /// Hash of the folded form, for the name lists.
    pub folded: u64,
    pub capitalised: bool,
    /// Per stage, per offset (-2..=2): the summed weights.
    pub rows: [[Row; 5]; 2],
}

/// Index of the entry for positions beyond a sentence's edge.
pub const EDGE: u32 = 0;

#[derive(Debug, Default)]
pub struct WordMemo {
    /// The tagger whose weights the sums hold.
    model: Option<u64>,
    index: FastMap<String, u32>,
    entries: Vec<Entry>,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::default());
}

/// Runs `f` with this thread's memo, or `None` when it is in use already
/// (a re-entrant call).
pub fn with_memo<T>(f: impl FnOnce(Option<&mut WordMemo>) -> T) -> T {
    MEMO.with(|m| match m.try_borrow_mut() {
        Ok(mut memo) => f(Some(&mut memo)),
        Err(_) => f(None),
    })
}

fn sums(facts: &WordFacts, weights: &Paired) -> [[Row; 5]; 2] {
    let mut rows = [[[0i32; NUM_LABELS]; 5]; 2];
    let mut keys = Vec::with_capacity(32);
    for (slot, offset) in (-2i8..=2).enumerate() {
        keys.clear();
        word_features(facts, offset, &mut keys);
        let mut pair = [[0i32; NUM_LABELS]; 2];
        for k in &keys {
            weights.add_to(*k, &mut pair);
        }
        for (stage, row) in pair.into_iter().enumerate() {
            if let Some(r) = rows.get_mut(stage).and_then(|r| r.get_mut(slot)) {
                *r = row;
            }
        }
    }
    rows
}

impl WordMemo {
    /// Readies the memo for a document tagged by the model `model`: a
    /// memo of another model, or a full one, starts afresh.
    pub fn prepare(&mut self, model: u64, weights: &Paired) {
        if self.model != Some(model) || self.entries.len() > CAPACITY {
            self.index.clear();
            self.entries.clear();
            self.model = Some(model);
            let edge = WordFacts::boundary();
            self.entries.push(Entry {
                rows: sums(&edge, weights),
                facts: edge,
                folded: 0,
                capitalised: false,
            });
        }
    }

    /// The entry id of `word`, computed on first sight.
    pub fn id(&mut self, word: &str, common: &CommonWords, weights: &Paired) -> u32 {
        if let Some(id) = self.index.get(word) {
            return *id;
        }
        let lower = fold(word);
        let facts = WordFacts::of(word, &lower, common);
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            rows: sums(&facts, weights),
            facts,
            folded: token_hash(&lower),
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
        });
        self.index.insert(word.to_string(), id);
        id
    }

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }
}
