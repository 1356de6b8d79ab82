//! The lexicon tables' hasher: the one fast hasher of `crosscheck-lexicon`
//! (keys are short words, for which SipHash's flooding resistance buys
//! nothing while costing a large share of every lookup), and an identity
//! hasher for keys that are already hashes (feature keys, word hashes).

use std::hash::{BuildHasherDefault, Hasher};

pub type FastMap<K, V> = crosscheck_lexicon::FxHashMap<K, V>;
pub type FastSet<K> = crosscheck_lexicon::FxHashSet<K>;

/// A hasher for keys that are already well-mixed 64-bit hashes (feature
/// keys, word hashes): the key is its own hash.
#[derive(Clone, Copy, Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is expected; anything else still hashes.
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map from mixed 64-bit keys.
pub type KeyMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<KeyHasher>>;
/// A set of mixed 64-bit keys.
pub type KeySet = std::collections::HashSet<u64, BuildHasherDefault<KeyHasher>>;
