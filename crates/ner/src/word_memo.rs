//! The tagger's per-thread word memo: for each distinct word, its
//! [`WordFacts`], the hash of its folded form, and for each stage and each
//! offset -2..=2 the sum of the weights of the features that read that word
//! alone at that offset ([`word_features`]). A token then costs five row
//! additions for those features instead of some forty table lookups.
//! Weights are integers, so the sums are exactly those of adding the
//! features one by one (a test compares the two paths).

use std::cell::RefCell;

use crate::bilou::NUM_LABELS;
use crate::clusters::Clusters;
use crate::fasthash::FastMap;
use crate::features::{word_features, CommonWords, WordFacts};
use crate::name_lists::token_hash;
use crate::normalize::fold;
use crate::weights::{Paired, Row};

/// Words kept at most (about 26 MB); past that, the memo keeps the words
/// most asked for and forgets the rest.
const CAPACITY: usize = 32_768;

/// Room for the new words of the document that fills the memo (it is only
/// trimmed between documents).
const SLACK: usize = 4_096;

/// One word's facts and partial sums.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) facts: WordFacts,
    /// Hash of the folded form, for the name lists.
    pub(crate) folded: u64,
    pub(crate) capitalised: bool,
    /// Per offset (-2..=2), both stages' summed weights (side by side: a
    /// token reads both stages' rows of each offset).
    pub(crate) rows: [[Row; 2]; 5],
}

/// Index of the entry for positions beyond a sentence's edge.
pub(crate) const EDGE: u32 = 0;

#[derive(Debug)]
pub(crate) struct WordMemo {
    /// The tagger whose weights the sums hold and the lexicon whose
    /// clusters the facts hold (their ids).
    model: Option<(u64, u64)>,
    index: FastMap<String, u32>,
    entries: Vec<Entry>,
    /// How often each entry was asked for since it was made or last kept.
    uses: Vec<u32>,
    /// Words kept at most ([`CAPACITY`]; smaller in tests).
    capacity: usize,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::default());
}

/// Runs `f` with this thread's memo, or `None` when it is in use already
/// (a re-entrant call).
pub(crate) fn with_memo<T>(f: impl FnOnce(Option<&mut WordMemo>) -> T) -> T {
    MEMO.with(|m| match m.try_borrow_mut() {
        Ok(mut memo) => f(Some(&mut memo)),
        Err(_) => f(None),
    })
}

fn sums(facts: &WordFacts, weights: &Paired) -> [[Row; 2]; 5] {
    let mut rows = [[[0i32; NUM_LABELS]; 2]; 5];
    let mut keys = Vec::with_capacity(32);
    for (pair, offset) in rows.iter_mut().zip(-2i8..=2) {
        keys.clear();
        word_features(facts, offset, &mut keys);
        for k in &keys {
            weights.add_to(*k, pair);
        }
    }
    rows
}

impl Default for WordMemo {
    fn default() -> WordMemo {
        WordMemo::with_capacity(CAPACITY)
    }
}

impl WordMemo {
    fn with_capacity(capacity: usize) -> WordMemo {
        WordMemo {
            model: None,
            index: FastMap::default(),
            // Reserved whole (with room for one document's new words past
            // the limit): pages are only committed as words arrive, and the
            // memo does not reallocate while it fills.
            entries: Vec::with_capacity(capacity + SLACK),
            uses: Vec::with_capacity(capacity + SLACK),
            capacity,
        }
    }

    /// Readies the memo for a document tagged by the model and lexicon
    /// `model` (their ids): a memo of another pair starts afresh, a full one keeps the half of
    /// its words most asked for (news repeats its common words: starting
    /// afresh each time made the memo compute them again and again).
    pub(crate) fn prepare(&mut self, model: (u64, u64), weights: &Paired) {
        if self.model != Some(model) {
            self.index.clear();
            self.entries.clear();
            self.uses.clear();
            self.model = Some(model);
            let edge = WordFacts::boundary();
            self.entries.push(Entry {
                rows: sums(&edge, weights),
                facts: edge,
                folded: 0,
                capitalised: false,
            });
            self.uses.push(u32::MAX);
        } else if self.entries.len() > self.capacity {
            self.keep_most_used(self.capacity / 2);
        }
    }

    /// Keeps the edge entry and at most `n` words, those asked for most
    /// (a word asked for as often as the `n`th goes too), with new ids in
    /// the same order; their counts are halved, so that words stop
    /// counting for what they were asked for long ago.
    fn keep_most_used(&mut self, n: usize) {
        let mut counts: Vec<u32> = self.uses.iter().skip(1).copied().collect();
        let floor = match counts.len().checked_sub(n + 1) {
            // Keep counts above the (n + 1)th largest.
            Some(at) => *counts.select_nth_unstable(at).1,
            None => 0,
        };
        // Compacted in place: the vectors keep their capacity, so a full
        // memo refills without reallocating (and without the kernel
        // zeroing fresh pages for the copy).
        let mut new_id = vec![u32::MAX; self.entries.len()];
        let mut kept = 0u32;
        for (id, (slot, &count)) in new_id.iter_mut().zip(&self.uses).enumerate() {
            if id == EDGE as usize || count > floor {
                *slot = kept;
                kept += 1;
            }
        }
        let keeps = |id: usize| new_id.get(id).is_some_and(|n| *n != u32::MAX);
        let mut id = 0;
        self.entries.retain(|_| {
            id += 1;
            keeps(id - 1)
        });
        let mut id = 0;
        self.uses.retain_mut(|count| {
            id += 1;
            if id - 1 != EDGE as usize {
                *count /= 2;
            }
            keeps(id - 1)
        });
        self.index.retain(|_, id| match new_id.get(*id as usize) {
            Some(&new) if new != u32::MAX => {
                *id = new;
                true
            }
            _ => false,
        });
    }

    /// The entry id of `word`, computed on first sight (its facts with the
    /// cluster ids of `clusters`).
    pub(crate) fn id(
        &mut self,
        word: &str,
        clusters: &Clusters,
        common: &CommonWords,
        weights: &Paired,
    ) -> u32 {
        if let Some(&id) = self.index.get(word) {
            if let Some(count) = self.uses.get_mut(id as usize) {
                *count = count.saturating_add(1);
            }
            return id;
        }
        let lower = fold(word);
        let facts = WordFacts::of(clusters, word, &lower, common);
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            rows: sums(&facts, weights),
            facts,
            folded: token_hash(&lower),
            capitalised: word.chars().next().is_some_and(char::is_uppercase),
        });
        self.uses.push(1);
        self.index.insert(word.to_string(), id);
        id
    }

    pub(crate) fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::Tagger;

    /// A full memo keeps the words asked for most, and every word it keeps
    /// still has its own facts and sums.
    #[test]
    fn a_full_memo_keeps_the_most_used_words() {
        let tagger = Tagger::from_bytes(include_bytes!("../model/ner.bin")).expect("model");
        let (paired, common) = (tagger.paired(), &tagger.common);
        let lex = crate::Lexicon::standard();
        let clusters = &lex.clusters;
        let mut memo = WordMemo::with_capacity(4);
        memo.prepare((7, 1), paired);
        for w in ["the", "the", "the", "said", "said", "Acme", "x", "y", "z"] {
            memo.id(w, clusters, common, paired);
        }
        let reserved = memo.entries.capacity();
        memo.prepare((7, 1), paired);
        // Trimmed in place: refilling does not reallocate.
        assert_eq!(memo.entries.capacity(), reserved);
        let mut kept: Vec<&str> = memo.index.keys().map(String::as_str).collect();
        kept.sort_unstable();
        assert_eq!(kept, ["said", "the"]);
        for w in ["the", "said", "Acme", "z"] {
            let id = memo.id(w, clusters, common, paired);
            let entry = memo.entry(id).expect("entry");
            let facts = WordFacts::of(clusters, w, &fold(w), common);
            assert_eq!(entry.rows, sums(&facts, paired), "{w}");
            assert_eq!(entry.folded, token_hash(&fold(w)), "{w}");
        }
        assert_eq!(memo.entries.len(), 5);
        assert_eq!(memo.entry(EDGE).map(|e| e.folded), Some(0));
    }
}
