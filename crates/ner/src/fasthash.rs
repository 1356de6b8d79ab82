//! The lexicon tables' hasher: the one fast hasher of `crosscheck-lexicon`
//! (keys are short words, for which SipHash's flooding resistance buys
//! nothing while costing a large share of every lookup).

pub type FastMap<K, V> = crosscheck_lexicon::FxHashMap<K, V>;
pub type FastSet<K> = crosscheck_lexicon::FxHashSet<K>;
