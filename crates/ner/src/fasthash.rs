//! A small non-cryptographic hasher for the gazetteer's word tables. Keys
//! are short lexicon words fixed at build time, not attacker-chosen input,
//! so SipHash's flooding resistance buys nothing while costing a large share
//! of every lookup.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a over the bytes written, with a final mix so the low bits the
/// table uses depend on every byte.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;

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
