//! Name lists matched against sentences for the tagger's gazetteer
//! features: the derived lists in `model/name_lists.bin` (GeoNames places,
//! WikiANN names; built by `scripts/ner_name_lists.py`) and the hand-written
//! gazetteer (`data/`). Each token gets, per list, its place in the longest
//! listed name covering it: B(egin), I(nside), L(ast) or U(nit), as in
//! Ratinov & Roth 2009.

use std::io::Read;

use crate::bilou::Part;
use crate::fasthash::{KeyMap, KeySet};
use crate::gazetteer::{key_of, Gazetteer};

/// The lists, in bit order. The first block comes from `name_lists.bin`,
/// the rest from the hand gazetteer (by [`crate::gazetteer::Place::class`]
/// and word list).
pub(crate) const LISTS: [&str; 18] = [
    "city",
    "country",
    "state",
    "region",
    "wiki_loc",
    "wiki_org",
    "wiki_per",
    "given",
    "surname",
    "hand_country",
    "hand_capital",
    "hand_city",
    "hand_seat",
    "hand_demonym",
    "hand_org",
    "title",
    "given_hand",
    "org_word",
];

/// Longest listed name, in tokens.
const MAX_TOKENS: usize = 8;

/// Bits per list in a token's mask: the [`Part`] code, 0 for none.
const BITS: u32 = 3;

/// A token's list memberships: [`BITS`] bits per list in [`LISTS`] order.
pub(crate) type Mask = u64;

#[derive(Debug, Default)]
pub(crate) struct NameLists {
    /// Key hash of a folded token sequence → bit set of the lists naming it.
    names: KeyMap<u32>,
    /// Key hashes of every token prefix of a name (the names included).
    prefixes: KeySet,
}

/// Hash of one folded token.
pub(crate) fn token_hash(folded: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in folded.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hash of a token sequence extended by one token.
fn extend(key: u64, token: u64) -> u64 {
    let x = (key.rotate_left(17) ^ token).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 31)
}

fn part_code(part: Part) -> u64 {
    match part {
        Part::Outside => 0,
        Part::Begin => 1,
        Part::Inside => 2,
        Part::Last => 3,
        Part::Unit => 4,
    }
}

/// The part of `mask` for list `list` (0 none, 1 B, 2 I, 3 L, 4 U).
pub(crate) fn part_of(mask: Mask, list: usize) -> u8 {
    ((mask >> (list as u32 * BITS)) & 0b111) as u8
}

impl NameLists {
    /// The lists of the deflated derived table `derived` and the hand
    /// gazetteer `gaz` (part of a [`crate::Lexicon`]).
    pub(crate) fn build(derived: &[u8], gaz: &Gazetteer) -> NameLists {
        let mut lists = NameLists::default();
        let mut text = String::new();
        // A damaged table leaves only the hand lists (a test rules it out).
        if flate2::read::DeflateDecoder::new(derived)
            .read_to_string(&mut text)
            .is_ok()
        {
            for line in text.lines() {
                let Some((list, name)) = line.split_once('\t') else {
                    continue;
                };
                if let Some(bit) = LISTS.iter().position(|l| *l == list) {
                    lists.add(&key_of(name), bit);
                }
            }
        }
        for (key, place) in gaz.entries() {
            let list = format!("hand_{}", place.class());
            if let Some(bit) = LISTS.iter().position(|l| *l == list) {
                lists.add(&key, bit);
            }
        }
        for (list, words) in gaz.word_lists() {
            if let Some(bit) = LISTS.iter().position(|l| *l == list) {
                for w in words {
                    lists.add(w, bit);
                }
            }
        }
        lists
    }

    fn add(&mut self, key: &str, bit: usize) {
        let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return;
        }
        let mut h = 0;
        for t in &tokens {
            h = extend(h, token_hash(t));
            self.prefixes.insert(h);
        }
        *self.names.entry(h).or_default() |= 1 << bit;
    }

    /// List masks of a sentence's tokens, from the hashes of their folded
    /// forms; a name must start on a capitalised word (`capitalised[i]`).
    pub(crate) fn masks(&self, hashes: &[u64], capitalised: &[bool]) -> Vec<Mask> {
        let mut out = vec![0; hashes.len()];
        let mut longest = [0usize; LISTS.len()];
        for i in 0..hashes.len() {
            if !capitalised.get(i).copied().unwrap_or(false) {
                continue;
            }
            longest.fill(0);
            let mut h = 0;
            for (n, t) in hashes.iter().skip(i).take(MAX_TOKENS).enumerate() {
                h = extend(h, *t);
                if !self.prefixes.contains(&h) {
                    break;
                }
                if let Some(bits) = self.names.get(&h) {
                    for (list, len) in longest.iter_mut().enumerate() {
                        if bits & (1 << list) != 0 {
                            *len = n + 1;
                        }
                    }
                }
            }
            for (list, len) in longest.iter().enumerate() {
                let shift = list as u32 * BITS;
                for k in 0..*len {
                    let Some(m) = out.get_mut(i + k) else { break };
                    if (*m >> shift) & 0b111 != 0 {
                        continue;
                    }
                    let part = match (k, *len) {
                        (_, 1) => Part::Unit,
                        (0, _) => Part::Begin,
                        (k, n) if k + 1 == n => Part::Last,
                        _ => Part::Inside,
                    };
                    *m |= part_code(part) << shift;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn masks(words: &[&str]) -> Vec<Mask> {
        let hashes: Vec<u64> = words.iter().map(|w| token_hash(&fold(w))).collect();
        let caps: Vec<bool> = words
            .iter()
            .map(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        crate::Lexicon::standard().name_lists.masks(&hashes, &caps)
    }

    #[test]
    fn marks_places_in_sentences() {
        let list = |name: &str| LISTS.iter().position(|l| *l == name).unwrap_or(0);
        let m = masks(&["They", "flew", "to", "Rio", "de", "Janeiro", "on", "Monday"]);
        assert_eq!(part_of(m[3], list("city")), 1);
        assert_eq!(part_of(m[4], list("city")), 2);
        assert_eq!(part_of(m[5], list("city")), 3);
        assert_eq!(part_of(m[1], list("city")), 0);
        let m = masks(&["the", "Kremlin", "said"]);
        assert_eq!(part_of(m[1], list("hand_seat")), 4);
        // Lowercase words start no name.
        let m = masks(&["new", "york"]);
        assert_eq!(m, [0, 0]);
    }
}
