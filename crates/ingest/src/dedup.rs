//! Near-duplicate detection: word 5-shingles, a 100-value MinHash signature
//! and LSH banding (20 bands of 5 rows), so a check looks only at documents
//! sharing a band bucket instead of every earlier document. Candidates are
//! confirmed by the share of equal signature values (estimated Jaccard).

use std::collections::HashSet;

use hashbrown::HashTable;

use crosscheck_model::Document;

use crate::hash::fnv1a64;

const SHINGLE_WORDS: usize = 5;
const BANDS: usize = 20;
const ROWS: usize = 5;
const PERMUTATIONS: usize = BANDS * ROWS;
/// Estimated Jaccard similarity from which two documents are near-duplicates.
pub const DEFAULT_THRESHOLD: f64 = 0.5;
/// Documents with fewer shingles are too short to judge.
const MIN_SHINGLES: usize = 16;
/// Most candidates compared per band bucket, so boilerplate-heavy buckets
/// cannot make a check linear in the corpus.
const MAX_BUCKET_CANDIDATES: usize = 64;

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hashes of the document's lower-cased word 5-shingles.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut lower = String::new();
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            fnv1a64(lower.as_bytes())
        })
        .collect();
    let mut out: Vec<u64> = words
        .windows(SHINGLE_WORDS)
        .map(|w| w.iter().fold(0u64, |acc, &h| splitmix(acc ^ h)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Per-permutation seeds and odd multipliers, derived once.
static PERMUTATION_KEYS: std::sync::LazyLock<[(u64, u64); PERMUTATIONS]> =
    std::sync::LazyLock::new(|| {
        let mut keys = [(0u64, 0u64); PERMUTATIONS];
        for (i, key) in keys.iter_mut().enumerate() {
            *key = (splitmix(i as u64 + 1), splitmix(!(i as u64)) | 1);
        }
        keys
    });

/// The MinHash signature of a shingle set: for each permutation
/// `x -> ((x ^ seed) * odd) ^ shifted`, the smallest value over the set.
pub fn signature(shingles: &[u64]) -> [u64; PERMUTATIONS] {
    let keys = &*PERMUTATION_KEYS;
    let mut sig = [u64::MAX; PERMUTATIONS];
    for &s in shingles {
        for (slot, &(seed, mult)) in sig.iter_mut().zip(keys.iter()) {
            let mut h = (s ^ seed).wrapping_mul(mult);
            h ^= h >> 31;
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

fn similarity(a: &[u64; PERMUTATIONS], b: &[u64; PERMUTATIONS]) -> f64 {
    a.iter().zip(b.iter()).filter(|(x, y)| x == y).count() as f64 / PERMUTATIONS as f64
}

/// The LSH bucket key of one band of a signature.
fn band_key(sig: &[u64; PERMUTATIONS], band: usize) -> u64 {
    sig.get(band * ROWS..(band + 1) * ROWS)
        .unwrap_or_default()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |acc, &v| splitmix(acc ^ v))
}

/// End of a bucket's chain.
const NONE: u32 = u32::MAX;

/// A document id, held as the number it spells when it is a content id (16
/// lowercase hex digits, as ingest makes them), else as written: the index
/// keeps one for every document it has seen, so its size counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum IdKey {
    Hex(u64),
    Other(Box<str>),
}

impl IdKey {
    fn of(id: &str) -> IdKey {
        let hex = id.len() == 16
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        match u64::from_str_radix(id, 16) {
            Ok(n) if hex => IdKey::Hex(n),
            _ => IdKey::Other(id.into()),
        }
    }

    fn to_id(&self) -> String {
        match self {
            IdKey::Hex(n) => format!("{n:016x}"),
            IdKey::Other(s) => s.to_string(),
        }
    }
}

/// Near-duplicate detection over the documents seen so far.
///
/// It keeps something for every document until it is dropped, so it is
/// laid out to be small: ids as numbers, and band buckets as chains through
/// the documents (each bucket's first document in a table per band, found
/// by the band key recomputed from that document's signature, and each
/// document's successor in every band) rather than a map of vectors.
#[derive(Debug)]
pub struct NearDuplicateIndex {
    threshold: f64,
    ids: Vec<IdKey>,
    seen: HashSet<IdKey>,
    signatures: Vec<[u64; PERMUTATIONS]>,
    /// Per band: the first document of each bucket.
    heads: Vec<HashTable<u32>>,
    /// Per document and band: the next document in its bucket, in the
    /// order they came, or [`NONE`]. A bucket's chain stops at
    /// [`MAX_BUCKET_CANDIDATES`]: later members would never be compared.
    next: Vec<[u32; BANDS]>,
}

impl Default for NearDuplicateIndex {
    fn default() -> Self {
        NearDuplicateIndex::with_threshold(DEFAULT_THRESHOLD)
    }
}

impl NearDuplicateIndex {
    /// An empty index.
    pub fn new() -> NearDuplicateIndex {
        NearDuplicateIndex::default()
    }

    /// An index that calls documents near-duplicates from `threshold`
    /// estimated Jaccard similarity of their 5-shingles.
    pub fn with_threshold(threshold: f64) -> NearDuplicateIndex {
        NearDuplicateIndex {
            threshold,
            ids: Vec::new(),
            seen: HashSet::new(),
            signatures: Vec::new(),
            heads: (0..BANDS).map(|_| HashTable::new()).collect(),
            next: Vec::new(),
        }
    }

    /// Whether a document with this id was checked before.
    pub fn contains(&self, id: &str) -> bool {
        self.seen.contains(&IdKey::of(id))
    }

    /// Records `doc` and returns the id of the earliest-seen near-duplicate,
    /// if any. An exact duplicate (same id) is not reported: the content id
    /// already identifies it.
    pub fn check(&mut self, doc: &Document) -> Option<String> {
        let key = IdKey::of(&doc.id);
        if self.seen.contains(&key) {
            return None;
        }
        self.seen.insert(key.clone());
        let shingles = shingles(&doc.text);
        if shingles.len() < MIN_SHINGLES {
            return None;
        }
        let sig = signature(&shingles);
        let NearDuplicateIndex {
            threshold,
            ids,
            signatures,
            heads,
            next,
            ..
        } = self;
        let key_of = |idx: u32, band: usize| {
            signatures
                .get(idx as usize)
                .map_or(0, |s| band_key(s, band))
        };
        let mut best: Option<(usize, f64)> = None;
        // Each band's bucket: its first document, if any.
        let mut found = [NONE; BANDS];
        for (band, (table, head)) in heads.iter().zip(found.iter_mut()).enumerate() {
            let k = band_key(&sig, band);
            let Some(&first) = table.find(k, |&idx| key_of(idx, band) == k) else {
                continue;
            };
            *head = first;
            let mut at = first;
            for _ in 0..MAX_BUCKET_CANDIDATES {
                if at == NONE {
                    break;
                }
                let idx = at as usize;
                at = next.get(idx).map_or(NONE, |n| n[band]);
                if ids.get(idx).is_some_and(|id| *id == key) {
                    continue;
                }
                let Some(other) = signatures.get(idx) else {
                    continue;
                };
                let sim = similarity(&sig, other);
                if sim >= *threshold && best.is_none_or(|(b, _)| idx < b) {
                    best = Some((idx, sim));
                }
            }
        }
        let idx = ids.len() as u32;
        ids.push(key);
        signatures.push(sig);
        next.push([NONE; BANDS]);
        for (band, (table, first)) in heads.iter_mut().zip(found).enumerate() {
            if first == NONE {
                let k = band_key(&sig, band);
                table.insert_unique(k, idx, |&i| {
                    signatures.get(i as usize).map_or(0, |s| band_key(s, band))
                });
                continue;
            }
            // Append at the chain's end, unless the bucket already has as
            // many members as a check ever compares.
            let mut last = first;
            for _ in 1..MAX_BUCKET_CANDIDATES {
                match next.get(last as usize).map(|n| n[band]) {
                    Some(NONE) => {
                        if let Some(n) = next.get_mut(last as usize) {
                            n[band] = idx;
                        }
                        break;
                    }
                    Some(following) => last = following,
                    None => break,
                }
            }
        }
        best.and_then(|(i, _)| ids.get(i).map(IdKey::to_id))
    }

    /// Number of distinct documents recorded.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True before any document was added.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::document_from_text;

    const STORY: &str = "The Lindmark harbour board voted on Tuesday to close the old ferry terminal by the end of next year, ending more than a century of service from the town's north quay. Board chair Ilse Varga said repairs to the terminal's pilings would cost more than the new terminal planned for the south bank. Ferry workers' union leader Tomas Brenn said about 40 jobs were at risk and promised to fight the decision. The board said passengers would see no change to timetables before the new terminal opens.";

    #[test]
    fn near_duplicates_table() {
        let edited = STORY
            .replace("on Tuesday", "late on Tuesday")
            .replace("about 40 jobs", "around 40 jobs")
            + " Lindmark Post contributed to this report.";
        let unrelated = "Snow closed the mountain pass above Kessel for the third time this winter, the road authority said on Sunday, and crews expect to clear it by Wednesday if the weather holds. Drivers were told to use the valley route, which adds about an hour to the journey between Kessel and the coast.";
        let mut index = NearDuplicateIndex::new();
        let original = document_from_text("a.txt", STORY);
        let copy = document_from_text("b.txt", &edited);
        let exact = document_from_text("c.txt", STORY);
        let other = document_from_text("d.txt", unrelated);
        let short = document_from_text("e.txt", "Ferry closes.");
        let cases: &[(&Document, Option<&str>)] = &[
            (&original, None),
            (&copy, Some(original.id.as_str())),
            (&exact, None),
            (&other, None),
            (&short, None),
        ];
        for (doc, want) in cases {
            assert_eq!(index.check(doc).as_deref(), *want, "doc {}", doc.source);
        }
        assert_eq!(exact.id, original.id);
        assert_eq!(
            index.len(),
            3,
            "a, b and d; the exact copy and the short note are not recorded"
        );
    }
}
