//! Word clusters at four granularities, derived from GloVe 6B 50-d vectors
//! by `scripts/ner_clusters.py` (k-means, nested levels; see `docs/ner.md`)
//! and built into the binary as `model/clusters.bin`. A word never seen in
//! the tagger's training data still shares a cluster with words that were,
//! which is most of what lets the tagger generalise to new names.

use std::io::Read;

use crate::fasthash::KeyMap;

/// Number of granularities (finest first).
pub(crate) const LEVELS: usize = 4;

/// Cluster ids of one word, finest first; `NONE` where the word is unknown.
pub(crate) type Ids = [u16; LEVELS];

/// The ids of a word missing from the table.
pub(crate) const NONE: Ids = [u16::MAX; LEVELS];

#[derive(Debug, Default)]
pub(crate) struct Clusters {
    /// Word hash → fine cluster id.
    fine: KeyMap<u16>,
    /// For each coarser level, the parent id of every cluster one level
    /// finer.
    parents: Vec<Vec<u16>>,
}

/// The table key of a word: 64-bit FNV-1a with a final mix.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

impl Clusters {
    /// Parses the deflated table (see `scripts/ner_clusters.py`).
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Clusters, String> {
        let mut text = String::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| format!("cluster table: {e}"))?;
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
        if header.first() != Some(&"clusters") || header.len() != 2 + LEVELS {
            return Err("cluster table: bad header".to_string());
        }
        let vocab: usize = header
            .get(1)
            .and_then(|v| v.parse().ok())
            .ok_or("cluster table: bad vocabulary size")?;
        let mut parents = Vec::new();
        for _ in 1..LEVELS {
            let line = lines.next().unwrap_or("");
            let ids = line
                .strip_prefix("level\t")
                .and_then(|l| l.split_once('\t'))
                .map(|(_, ids)| ids)
                .ok_or("cluster table: missing level line")?;
            let ids: Vec<u16> = ids
                .split(' ')
                .map(|p| p.parse().map_err(|_| "cluster table: bad parent id"))
                .collect::<Result<_, _>>()?;
            parents.push(ids);
        }
        let mut fine = KeyMap::default();
        fine.reserve(vocab);
        for line in lines {
            let Some((word, id)) = line.rsplit_once('\t') else {
                continue;
            };
            let id: u16 = id.parse().map_err(|_| "cluster table: bad id")?;
            fine.insert(word_hash(word), id);
        }
        Ok(Clusters { fine, parents })
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.fine.len()
    }

    /// Ids of a lowercase word at every level, finest first.
    pub(crate) fn ids(&self, lower: &str) -> Ids {
        let Some(fine) = self.fine.get(&word_hash(lower)).copied() else {
            return NONE;
        };
        let mut out = [fine; LEVELS];
        for (level, parents) in self.parents.iter().enumerate() {
            let below = out[level];
            out[level + 1] = parents.get(below as usize).copied().unwrap_or(u16::MAX);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_loads_and_groups_similar_words() {
        let lex = crate::Lexicon::standard();
        let c = &lex.clusters;
        assert!(c.len() > 100_000, "{}", c.len());
        let [monday, ..] = c.ids("monday");
        let [tuesday, ..] = c.ids("tuesday");
        assert_ne!(monday, u16::MAX);
        assert_eq!(monday, tuesday);
        // Coarser levels nest: words of one fine cluster share every level.
        assert_eq!(c.ids("monday"), c.ids("tuesday"));
        assert_eq!(c.ids("no-such-word-here"), NONE);
    }
}
