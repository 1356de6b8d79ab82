//! A per-thread memo of everything the tagger's features need from a word
//! alone: its folded form, shape, lexicon flags and the hashes of the
//! templates that read only that word. News text repeats its words, so most
//! tokens cost one table probe instead of a dozen byte-wise FNV passes, a
//! fold and four lexicon lookups. The hashes are exactly those of
//! [`crate::features::static_features`] and
//! [`crate::features::dynamic_features`] (the reference path, still used for
//! training); a unit test compares the two.

use crate::fasthash::FastMap;
use crate::features::{
    bin_ratio, gaz_tag, prefix_chars, shape, suffix_chars, CommonWords, Fh, STATIC_PER_TOKEN,
};
use crate::gazetteer::Gazetteer;
use crate::normalize::fold;
use crate::tagger::NUM_LABELS;

/// Words kept before the memo starts afresh (a few MB; large enough for
/// the vocabulary that makes up most of a news corpus's tokens).
const MAX_WORDS: usize = 1 << 15;

/// What the features need from one surface word.
pub(crate) struct WordFacts {
    lower: String,
    shape: String,
    title_case: bool,
    given: bool,
    title_word: bool,
    org_word: bool,
    common: bool,
    /// Length of the folded word in characters, capped at 12.
    len: u8,
    /// Finished hashes of templates 1..=11 (`single[k - 1]` is template k).
    single: [u64; 11],
    /// Templates that continue with a neighbour's text, hashed up to that
    /// point.
    t12: Fh,
    t13: Fh,
    t23: Fh,
    t24: Fh,
    t28: Fh,
    t29: Fh,
    /// Templates 42 and 43 for every previous label.
    d42: [u64; NUM_LABELS],
    d43: [u64; NUM_LABELS],
}

impl WordFacts {
    fn new(
        lower: String,
        shape: String,
        title_case: bool,
        gaz: Option<&Gazetteer>,
        common: Option<&CommonWords>,
    ) -> WordFacts {
        let len = lower.chars().count();
        let pre = |k: usize| prefix_chars(&lower, k);
        let suf = |k: usize| suffix_chars(&lower, len, k);
        let single = [
            Fh::new(1).str(&lower).finish(),
            Fh::new(2).str(&lower).finish(),
            Fh::new(3).str(&lower).finish(),
            Fh::new(4).str(&lower).finish(),
            Fh::new(5).str(&lower).finish(),
            Fh::new(6).str(suf(2)).finish(),
            Fh::new(7).str(suf(3)).finish(),
            Fh::new(8).str(suf(4)).finish(),
            Fh::new(9).str(pre(2)).finish(),
            Fh::new(10).str(pre(3)).finish(),
            Fh::new(11).str(&shape).finish(),
        ];
        let mut d42 = [0; NUM_LABELS];
        let mut d43 = [0; NUM_LABELS];
        for (prev, (a, b)) in d42.iter_mut().zip(d43.iter_mut()).enumerate() {
            let prev = [prev as u8];
            *a = Fh::new(42).bytes(&prev).str(&lower).finish();
            *b = Fh::new(43).bytes(&prev).str(&shape).finish();
        }
        WordFacts {
            title_case,
            given: gaz.is_some_and(|g| g.is_given_name(&lower)),
            title_word: gaz.is_some_and(|g| g.is_title(&lower)),
            org_word: gaz.is_some_and(|g| g.is_org_word(&lower)),
            common: common.is_some_and(|c| c.contains(&lower)),
            len: len.min(12) as u8,
            single,
            t12: Fh::new(12).str(&shape),
            t13: Fh::new(13).str(&shape),
            t23: Fh::new(23).str(&lower),
            t24: Fh::new(24).str(&lower),
            t28: Fh::new(28).str(&shape),
            t29: Fh::new(29).str(&lower),
            d42,
            d43,
            lower,
            shape,
        }
    }

    /// The folded word.
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    /// Templates 42 and 43 after label `prev`.
    pub(crate) fn dynamic(&self, prev: u8) -> [u64; 2] {
        let at = prev as usize;
        match (self.d42.get(at), self.d43.get(at)) {
            (Some(a), Some(b)) => [*a, *b],
            _ => [
                Fh::new(42).bytes(&[prev]).str(&self.lower).finish(),
                Fh::new(43).bytes(&[prev]).str(&self.shape).finish(),
            ],
        }
    }
}

/// The memo: surface word → its facts, for one tagger and gazetteer.
pub(crate) struct WordCache {
    owner: (u64, usize),
    ids: FastMap<String, u32>,
    words: Vec<WordFacts>,
    /// The sentence-boundary pseudo-word ("<s>") the templates read beyond
    /// either end.
    boundary: WordFacts,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache {
            owner: (u64::MAX, 0),
            ids: FastMap::default(),
            words: Vec::new(),
            boundary: WordFacts::new("<s>".into(), "<s>".into(), false, None, None),
        }
    }
}

impl WordCache {
    /// Starts afresh when another tagger or gazetteer uses the memo, or
    /// when it has grown past its bound.
    pub(crate) fn prepare(&mut self, tagger: u64, gaz: &Gazetteer) {
        let owner = (tagger, gaz as *const Gazetteer as usize);
        if self.owner != owner || self.words.len() >= MAX_WORDS {
            self.owner = owner;
            self.ids.clear();
            self.words.clear();
        }
    }

    /// The memo index of `word`, adding it if new.
    pub(crate) fn id(&mut self, word: &str, gaz: &Gazetteer, common: &CommonWords) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id as usize;
        }
        let id = self.words.len();
        self.words.push(WordFacts::new(
            fold(word),
            shape(word),
            word.chars().next().is_some_and(char::is_uppercase),
            Some(gaz),
            Some(common),
        ));
        self.ids.insert(word.to_string(), id as u32);
        id
    }

    pub(crate) fn facts(&self, id: usize) -> &WordFacts {
        self.words.get(id).unwrap_or(&self.boundary)
    }

    /// Gazetteer tags of a sentence given its words' memo indices.
    pub(crate) fn gazetteer_tags(
        &self,
        words: &[&str],
        ids: &[usize],
        gaz: &Gazetteer,
    ) -> Vec<&'static str> {
        let folded: Vec<&str> = ids.iter().map(|&id| self.facts(id).lower()).collect();
        let mut tags: Vec<&'static str> = vec![""; words.len()];
        let mut i = 0;
        while i < words.len() {
            if let Some((n, place)) = gaz.longest_match_folded(words, &folded, i) {
                for (k, tag) in tags.iter_mut().skip(i).take(n).enumerate() {
                    *tag = gaz_tag(place.class(), k == 0);
                }
                i += n;
            } else {
                i += 1;
            }
        }
        tags
    }

    /// The same hashes, in the same order, as
    /// [`crate::features::static_features`].
    pub(crate) fn static_features(&self, ids: &[usize], gaz_tags: &[&str], out: &mut Vec<u64>) {
        out.clear();
        out.reserve(ids.len() * STATIC_PER_TOKEN);
        let n = ids.len();
        let at = |i: isize| -> &WordFacts {
            usize::try_from(i)
                .ok()
                .and_then(|i| ids.get(i))
                .map_or(&self.boundary, |&id| self.facts(id))
        };
        let gz = |i: isize| -> &str {
            usize::try_from(i)
                .ok()
                .and_then(|i| gaz_tags.get(i))
                .map_or("<s>", |g| g)
        };
        let wordy = |t: &WordFacts| t.shape.starts_with(['x', 'X']);
        let caps = (0..n as isize)
            .map(at)
            .filter(|t| wordy(t) && t.title_case)
            .count();
        let wordy_count = (0..n as isize).map(at).filter(|t| wordy(t)).count();
        let cap_bin = bin_ratio(caps, wordy_count);
        for idx in 0..n {
            let i = idx as isize;
            let t = at(i);
            let prev = at(i - 1);
            let next = at(i + 1);
            let next2 = at(i + 2);
            let g = gz(i);
            let tc = u8::from(t.title_case);
            let pos: &[u8] = if idx == 0 {
                b"first"
            } else if idx + 1 == n {
                b"last"
            } else {
                b"mid"
            };
            let feats = [
                Fh::new(0).finish(),
                t.single[0],
                prev.single[1],
                next.single[2],
                at(i - 2).single[3],
                at(i + 2).single[4],
                t.single[5],
                t.single[6],
                t.single[7],
                t.single[8],
                t.single[9],
                t.single[10],
                prev.t12.str(&t.shape).finish(),
                t.t13.str(&next.shape).finish(),
                Fh::new(14).bytes(pos).bytes(&[tc]).finish(),
                Fh::new(15).str(g).finish(),
                Fh::new(16).str(gz(i - 1)).str(g).finish(),
                Fh::new(17).str(g).str(gz(i + 1)).finish(),
                Fh::new(18).bytes(&[u8::from(t.given), tc]).finish(),
                Fh::new(19).bytes(&[u8::from(prev.given), tc]).finish(),
                Fh::new(20).bytes(&[u8::from(prev.title_word), tc]).finish(),
                Fh::new(21).bytes(&[u8::from(t.org_word), tc]).finish(),
                Fh::new(22)
                    .bytes(&[
                        u8::from(next.org_word && next.title_case),
                        u8::from(next2.org_word && next2.title_case),
                        tc,
                    ])
                    .finish(),
                prev.t23.str(&t.lower).finish(),
                t.t24.str(&next.lower).finish(),
                Fh::new(25).bytes(&[cap_bin, tc]).bytes(pos).finish(),
                Fh::new(26)
                    .bytes(&[u8::from(t.title_word), tc])
                    .str(&next.shape)
                    .finish(),
                Fh::new(27).bytes(&[t.len, tc]).finish(),
                prev.t28.str(&t.shape).str(&next.shape).finish(),
                t.t29.str(&next.shape).finish(),
                Fh::new(30)
                    .bytes(&[u8::from(t.common), tc])
                    .bytes(pos)
                    .finish(),
                Fh::new(31)
                    .bytes(&[
                        u8::from(t.common),
                        u8::from(prev.common && prev.title_case),
                        u8::from(next.common && next.title_case),
                        tc,
                    ])
                    .finish(),
                Fh::new(32)
                    .bytes(&[u8::from(t.common), tc])
                    .str(&t.shape)
                    .str(&next.shape)
                    .finish(),
            ];
            out.extend_from_slice(&feats);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{dynamic_features, static_features, token_infos};
    use crate::gazetteer::gazetteer;

    /// The memo must give the reference path's hashes bit for bit, on
    /// sentences with boundaries, gazetteer names, titles, non-ASCII words
    /// and repeated words (served from the memo the second time).
    #[test]
    fn memo_hashes_equal_reference_hashes() {
        let gaz = gazetteer();
        let common = CommonWords::from_hashes(
            ["said", "the", "of"]
                .iter()
                .map(|w| CommonWords::hash(w))
                .collect(),
        );
        let sentences: &[&[&str]] = &[
            &[
                "Minister", "Ilse", "Vogt", "said", "the", "Bank", "of", "Oporto", "fell", ".",
            ],
            &[
                "North", "Korean", "troops", "entered", "Kyiv", "’s", "suburbs", "``", "Gdańsk",
            ],
            &[
                "Ilse", "Vogt", "said", "14,000", "U.S.", "soldiers", "ÉTÉ", "x",
            ],
            &["A"],
            &[],
        ];
        let mut cache = WordCache::default();
        cache.prepare(7, gaz);
        for words in sentences.iter().chain(sentences) {
            let infos = token_infos(words, gaz, &common);
            let mut want = Vec::new();
            static_features(&infos, &mut want);
            let ids: Vec<usize> = words.iter().map(|w| cache.id(w, gaz, &common)).collect();
            let tags = cache.gazetteer_tags(words, &ids, gaz);
            let mut got = Vec::new();
            cache.static_features(&ids, &tags, &mut got);
            assert_eq!(got, want, "{words:?}");
            for (i, id) in ids.iter().enumerate() {
                for prev in 0..NUM_LABELS as u8 {
                    let reference = dynamic_features(&infos, i, prev, 0);
                    assert_eq!(cache.facts(*id).dynamic(prev), [reference[2], reference[3]]);
                }
            }
        }
    }
}
