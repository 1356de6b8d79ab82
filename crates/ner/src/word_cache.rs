//! A per-thread memo of everything the tagger's features need from a word
//! alone: its folded form, shape, lexicon flags, the hashes of the
//! templates that start with that word, and the summed weight rows of the
//! templates that read only that word (its own templates, and its templates
//! as the neighbour one or two words away). News text repeats its words, so
//! most tokens cost one table probe instead of a dozen byte-wise FNV passes,
//! a fold, four lexicon lookups and a dozen random row loads.
//!
//! [`WordCache::static_features_at`] gives exactly the hashes of
//! [`crate::features::static_features`] (the reference path, still used for
//! training, and the tagger's fallback; a unit test compares the two);
//! [`WordCache::static_rows`] sums the same features' rows in another order
//! (see `tagger.rs` for why the labels still come out the same).

use crate::fasthash::FastMap;
use crate::features::{
    bin_ratio, gaz_tag_index, prefix_chars, shape, suffix_chars, Fh, BOUNDARY_GAZ_TAG, GAZ_TAGS,
    NO_GAZ_TAG, STATIC_PER_TOKEN,
};
use crate::gazetteer::Gazetteer;
use crate::normalize::fold;
use crate::tagger::{Row, Tables, Tagger, NUM_LABELS};

/// Words in the memo's current generation before it becomes the old one
/// (each generation a few MB; together large enough for the vocabulary
/// that makes up most of a news corpus's tokens). A word found in the old
/// generation moves back into the current one, so words in steady use are
/// never computed again, and rare words age out.
const GENERATION_WORDS: usize = 1 << 14;

/// Position of a token in its sentence, as templates 14, 25 and 30 spell it.
const POSITIONS: [&[u8]; 3] = [b"first", b"last", b"mid"];
/// Templates hashed per token from a word and its neighbour (12, 13, 23,
/// 24, 26, 28, 29 and 32).
const PAIR_TEMPLATES: usize = 8;
/// Values of the capitals bin (`bin_ratio` of a part of a whole: 0..=4).
const CAP_BINS: usize = 5;

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
    /// Templates that continue with a neighbour's text, hashed up to that
    /// point.
    t12: Fh,
    t13: Fh,
    t23: Fh,
    t24: Fh,
    t26: Fh,
    t28: Fh,
    t29: Fh,
    t32: Fh,
    /// Templates 42 and 43 for every previous label.
    d42: [u64; NUM_LABELS],
    d43: [u64; NUM_LABELS],
    /// Summed rows of the bias and of templates 1, 6-11, 18, 21 and 27.
    own: Row,
    /// Rows of templates 2, 3, 4 and 5: this word as the previous, next,
    /// second previous and second next word.
    as_prev: Row,
    as_next: Row,
    as_prev2: Row,
    as_next2: Row,
    /// Rows of templates 42 and 43 after an O label, the usual case.
    after_outside: Row,
}

impl WordFacts {
    fn new(
        lower: String,
        shape: String,
        title_case: bool,
        gaz: Option<&Gazetteer>,
        tagger: &Tagger,
        with_lexicons: bool,
    ) -> WordFacts {
        let len = lower.chars().count();
        let pre = |k: usize| prefix_chars(&lower, k);
        let suf = |k: usize| suffix_chars(&lower, len, k);
        let given = gaz.is_some_and(|g| g.is_given_name(&lower));
        let title_word = gaz.is_some_and(|g| g.is_title(&lower));
        let org_word = gaz.is_some_and(|g| g.is_org_word(&lower));
        let common = with_lexicons && tagger.common_words().contains(&lower);
        let tc = u8::from(title_case);
        let capped = len.min(12) as u8;
        let own = tagger.rows_sum(&[
            Fh::new(0).finish(),
            Fh::new(1).str(&lower).finish(),
            Fh::new(6).str(suf(2)).finish(),
            Fh::new(7).str(suf(3)).finish(),
            Fh::new(8).str(suf(4)).finish(),
            Fh::new(9).str(pre(2)).finish(),
            Fh::new(10).str(pre(3)).finish(),
            Fh::new(11).str(&shape).finish(),
            Fh::new(18).bytes(&[u8::from(given), tc]).finish(),
            Fh::new(21).bytes(&[u8::from(org_word), tc]).finish(),
            Fh::new(27).bytes(&[capped, tc]).finish(),
        ]);
        let neighbour = |template: u8| *tagger.row_of(Fh::new(template).str(&lower).finish());
        let mut d42 = [0; NUM_LABELS];
        let mut d43 = [0; NUM_LABELS];
        for (prev, (a, b)) in d42.iter_mut().zip(d43.iter_mut()).enumerate() {
            let prev = [prev as u8];
            *a = Fh::new(42).bytes(&prev).str(&lower).finish();
            *b = Fh::new(43).bytes(&prev).str(&shape).finish();
        }
        WordFacts {
            title_case,
            given,
            title_word,
            org_word,
            common,
            len: capped,
            t12: Fh::new(12).str(&shape),
            t13: Fh::new(13).str(&shape),
            t23: Fh::new(23).str(&lower),
            t24: Fh::new(24).str(&lower),
            t26: Fh::new(26).bytes(&[u8::from(title_word), tc]),
            t28: Fh::new(28).str(&shape),
            t29: Fh::new(29).str(&lower),
            t32: Fh::new(32).bytes(&[u8::from(common), tc]).str(&shape),
            own,
            as_prev: neighbour(2),
            as_next: neighbour(3),
            as_prev2: neighbour(4),
            as_next2: neighbour(5),
            after_outside: tagger.rows_sum(&[d42[0], d43[0]]),
            d42,
            d43,
            lower,
            shape,
        }
    }

    /// The sentence-boundary pseudo-word ("<s>") the templates read beyond
    /// either end.
    fn boundary(tagger: &Tagger) -> WordFacts {
        WordFacts::new("<s>".into(), "<s>".into(), false, None, tagger, false)
    }

    /// What a word moved back from the old generation leaves there (never
    /// read: its key is gone).
    fn placeholder() -> WordFacts {
        WordFacts {
            lower: String::new(),
            shape: String::new(),
            title_case: false,
            given: false,
            title_word: false,
            org_word: false,
            common: false,
            len: 0,
            t12: Fh::new(0),
            t13: Fh::new(0),
            t23: Fh::new(0),
            t24: Fh::new(0),
            t26: Fh::new(0),
            t28: Fh::new(0),
            t29: Fh::new(0),
            t32: Fh::new(0),
            d42: [0; NUM_LABELS],
            d43: [0; NUM_LABELS],
            own: Row::ZERO,
            as_prev: Row::ZERO,
            as_next: Row::ZERO,
            as_prev2: Row::ZERO,
            as_next2: Row::ZERO,
            after_outside: Row::ZERO,
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

    /// Rows of templates 42 and 43 after an O label.
    pub(crate) fn after_outside(&self) -> &Row {
        &self.after_outside
    }

    fn wordy(&self) -> bool {
        self.shape.starts_with(['x', 'X'])
    }
}

/// One sentence as the memo sees it: memo indices of its words, their
/// gazetteer tags (indices into `GAZ_TAGS`) and its capitals bin.
#[derive(Default)]
pub(crate) struct SentenceIds {
    pub(crate) ids: Vec<usize>,
    gaz: Vec<u8>,
    cap_bin: u8,
}

/// The memo: surface word → its facts, for one tagger and gazetteer.
pub(crate) struct WordCache {
    owner: (u64, usize),
    /// The current generation: word → index into `words`.
    ids: FastMap<String, u32>,
    words: Vec<WordFacts>,
    /// The previous generation, consulted when the current one misses; a
    /// word moved back leaves an empty placeholder in `old_words`.
    old_ids: FastMap<String, u32>,
    old_words: Vec<WordFacts>,
    /// The boundary pseudo-word, with the rows of the tagger in use.
    boundary: WordFacts,
    /// Buffers reused from sentence to sentence.
    spare_sentence: SentenceIds,
    spare_rows: Vec<Row>,
    /// Row indices of each token's word-pair templates.
    spare_pending: Vec<usize>,
}

impl Default for WordCache {
    fn default() -> WordCache {
        WordCache {
            owner: (u64::MAX, 0),
            ids: FastMap::default(),
            words: Vec::new(),
            old_ids: FastMap::default(),
            old_words: Vec::new(),
            boundary: WordFacts::boundary(&Tagger::zeroed(1)),
            spare_sentence: SentenceIds::default(),
            spare_rows: Vec::new(),
            spare_pending: Vec::new(),
        }
    }
}

/// Rows of features that take few values, summed per combination (the
/// layouts [`WordCache::static_rows`] indexes).
pub(crate) fn tables(tagger: &Tagger) -> Tables {
    let mut t = Tables::default();
    for pos in POSITIONS {
        for tc in 0..2u8 {
            for cap_bin in 0..CAP_BINS as u8 {
                for common in 0..2u8 {
                    t.position.push(tagger.rows_sum(&[
                        Fh::new(14).bytes(pos).bytes(&[tc]).finish(),
                        Fh::new(25).bytes(&[cap_bin, tc]).bytes(pos).finish(),
                        Fh::new(30).bytes(&[common, tc]).bytes(pos).finish(),
                    ]));
                }
            }
        }
    }
    for given in 0..2u8 {
        for title in 0..2u8 {
            for tc in 0..2u8 {
                t.prev_flags.push(tagger.rows_sum(&[
                    Fh::new(19).bytes(&[given, tc]).finish(),
                    Fh::new(20).bytes(&[title, tc]).finish(),
                ]));
            }
        }
    }
    for bits in 0..64u8 {
        let [a, b, c, d, e, tc] = [5, 4, 3, 2, 1, 0].map(|k| (bits >> k) & 1);
        t.neighbours.push(tagger.rows_sum(&[
            Fh::new(22).bytes(&[a, b, tc]).finish(),
            Fh::new(31).bytes(&[c, d, e, tc]).finish(),
        ]));
    }
    for first in GAZ_TAGS {
        for second in GAZ_TAGS {
            t.gaz_prev.push(tagger.rows_sum(&[
                Fh::new(15).str(second).finish(),
                Fh::new(16).str(first).str(second).finish(),
            ]));
            t.gaz_next
                .push(tagger.rows_sum(&[Fh::new(17).str(first).str(second).finish()]));
        }
    }
    for p1 in 0..NUM_LABELS as u8 {
        for p2 in 0..NUM_LABELS as u8 {
            t.labels.push(tagger.rows_sum(&[
                Fh::new(40).bytes(&[p1]).finish(),
                Fh::new(41).bytes(&[p1, p2]).finish(),
            ]));
        }
    }
    t
}

fn table_row(table: &[Row], at: usize) -> &Row {
    static ZERO: Row = Row::ZERO;
    table.get(at).unwrap_or(&ZERO)
}

impl WordCache {
    /// Starts afresh when another tagger or gazetteer uses the memo, and
    /// turns a full current generation into the old one (between
    /// sentences only: a sentence's memo indices must stay valid).
    pub(crate) fn prepare(&mut self, tagger: &Tagger, gaz: &Gazetteer) {
        let owner = (tagger.id(), gaz as *const Gazetteer as usize);
        if self.owner != owner {
            self.boundary = WordFacts::boundary(tagger);
            self.owner = owner;
            self.ids.clear();
            self.words.clear();
            self.old_ids.clear();
            self.old_words.clear();
        } else if self.words.len() >= GENERATION_WORDS {
            // Swapped, not rebuilt: both generations keep their buffers.
            std::mem::swap(&mut self.ids, &mut self.old_ids);
            std::mem::swap(&mut self.words, &mut self.old_words);
            self.ids.clear();
            self.words.clear();
        }
    }

    /// The memo index of `word`, adding it if new.
    pub(crate) fn id(&mut self, word: &str, gaz: &Gazetteer, tagger: &Tagger) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id as usize;
        }
        let id = self.words.len();
        let kept = self.old_ids.remove_entry(word).and_then(|(key, old)| {
            let facts = self.old_words.get_mut(old as usize)?;
            Some((key, std::mem::replace(facts, WordFacts::placeholder())))
        });
        let (key, facts) = kept.unwrap_or_else(|| {
            let facts = WordFacts::new(
                fold(word),
                shape(word),
                word.chars().next().is_some_and(char::is_uppercase),
                Some(gaz),
                tagger,
                true,
            );
            (word.to_string(), facts)
        });
        if self.words.len() == self.words.capacity() {
            // Doubling, but no further than a generation and a long
            // sentence: the entries are large.
            let want = (id * 2).clamp(64, GENERATION_WORDS + 512);
            self.words.reserve_exact(want.saturating_sub(id).max(1));
        }
        self.words.push(facts);
        self.ids.insert(key, id as u32);
        id
    }

    /// The facts of memo index `id`; the boundary pseudo-word for an index
    /// not in the memo.
    pub(crate) fn facts(&self, id: usize) -> &WordFacts {
        self.words.get(id).unwrap_or(&self.boundary)
    }

    /// An empty sentence buffer (reused).
    pub(crate) fn take_sentence(&mut self) -> SentenceIds {
        std::mem::take(&mut self.spare_sentence)
    }

    /// Returns the buffers of a finished sentence for reuse.
    pub(crate) fn give_back(&mut self, sentence: SentenceIds, rows: Vec<Row>) {
        self.spare_sentence = sentence;
        self.spare_rows = rows;
    }

    /// Memo indices, gazetteer tags and capitals bin of `words`.
    pub(crate) fn load_sentence(
        &mut self,
        s: &mut SentenceIds,
        words: &[&str],
        gaz: &Gazetteer,
        tagger: &Tagger,
    ) {
        s.ids.clear();
        for w in words {
            let id = self.id(w, gaz, tagger);
            s.ids.push(id);
        }
        self.gazetteer_tags(words, &s.ids, gaz, &mut s.gaz);
        let (mut caps, mut wordy) = (0, 0);
        for &id in &s.ids {
            let t = self.facts(id);
            if t.wordy() {
                wordy += 1;
                caps += usize::from(t.title_case);
            }
        }
        s.cap_bin = bin_ratio(caps, wordy);
    }

    /// Gazetteer tags (indices into `GAZ_TAGS`) of a sentence given its
    /// words' memo indices.
    fn gazetteer_tags(&self, words: &[&str], ids: &[usize], gaz: &Gazetteer, tags: &mut Vec<u8>) {
        let folded: Vec<&str> = ids.iter().map(|&id| self.facts(id).lower()).collect();
        tags.clear();
        tags.resize(words.len(), NO_GAZ_TAG);
        let mut i = 0;
        while i < words.len() {
            // Gazetteer names start with a capital (the matcher's own first
            // test, answered here from the memo without a call).
            let capital = ids.get(i).is_some_and(|&id| self.facts(id).title_case);
            if !capital {
                i += 1;
                continue;
            }
            if let Some((n, place)) = gaz.longest_match_folded(words, &folded, i) {
                for (k, tag) in tags.iter_mut().skip(i).take(n).enumerate() {
                    *tag = gaz_tag_index(place.class(), k == 0);
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }

    fn at<'a>(&'a self, s: &SentenceIds, i: isize) -> &'a WordFacts {
        match usize::try_from(i).ok().and_then(|i| s.ids.get(i)) {
            Some(&id) => self.facts(id),
            None => &self.boundary,
        }
    }

    fn gaz_at(s: &SentenceIds, i: isize) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| s.gaz.get(i))
            .copied()
            .unwrap_or(BOUNDARY_GAZ_TAG)
    }

    /// Position index into `POSITIONS`.
    fn position(idx: usize, n: usize) -> usize {
        if idx == 0 {
            0
        } else if idx + 1 == n {
            1
        } else {
            2
        }
    }

    /// The summed rows of every static feature of every token: the same
    /// features as [`WordCache::static_features_at`], added in another
    /// order.
    pub(crate) fn static_rows(&mut self, s: &SentenceIds, tagger: &Tagger) -> Vec<Row> {
        let mut out = std::mem::take(&mut self.spare_rows);
        out.clear();
        let mut pending = std::mem::take(&mut self.spare_pending);
        pending.clear();
        let tables = tagger.tables();
        let n = s.ids.len();
        let cap_bin = usize::from(s.cap_bin).min(CAP_BINS - 1);
        for idx in 0..n {
            let i = idx as isize;
            let t = self.at(s, i);
            let prev = self.at(s, i - 1);
            let next = self.at(s, i + 1);
            let next2 = self.at(s, i + 2);
            let g = usize::from(Self::gaz_at(s, i));
            let tags = GAZ_TAGS.len();
            let tc = usize::from(t.title_case);
            let b = |x: bool| usize::from(x);
            let pos = Self::position(idx, n);
            let mut sum = t.own;
            sum.add(&prev.as_prev);
            sum.add(&next.as_next);
            sum.add(&self.at(s, i - 2).as_prev2);
            sum.add(&next2.as_next2);
            let at_position = ((pos * 2 + tc) * CAP_BINS + cap_bin) * 2 + b(t.common);
            sum.add(table_row(&tables.position, at_position));
            let flags = (b(prev.given) * 2 + b(prev.title_word)) * 2 + tc;
            sum.add(table_row(&tables.prev_flags, flags));
            let neighbours = [
                next.org_word && next.title_case,
                next2.org_word && next2.title_case,
                t.common,
                prev.common && prev.title_case,
                next.common && next.title_case,
                t.title_case,
            ]
            .iter()
            .fold(0, |acc, f| acc * 2 + b(*f));
            sum.add(table_row(&tables.neighbours, neighbours));
            let gp = usize::from(Self::gaz_at(s, i - 1));
            let gn = usize::from(Self::gaz_at(s, i + 1));
            sum.add(table_row(&tables.gaz_prev, gp * tags + g));
            sum.add(table_row(&tables.gaz_next, g * tags + gn));
            pending.extend(
                [
                    prev.t12.str(&t.shape).finish(),
                    t.t13.str(&next.shape).finish(),
                    prev.t23.str(&t.lower).finish(),
                    t.t24.str(&next.lower).finish(),
                    t.t26.str(&next.shape).finish(),
                    prev.t28.str(&t.shape).str(&next.shape).finish(),
                    t.t29.str(&next.shape).finish(),
                    t.t32.str(&next.shape).finish(),
                ]
                .map(|f| tagger.row_index(f)),
            );
            out.push(sum);
        }
        // The rows of the word-pair templates are mostly cache misses in a
        // 16 MB table. Loaded here, in a loop that does nothing else, many
        // are in flight at once instead of a few between the hashing.
        for (sum, rows) in out.iter_mut().zip(pending.chunks_exact(PAIR_TEMPLATES)) {
            // Summed in a local: written through `sum`, each lane would be
            // stored and reloaded after every row.
            let mut acc = *sum;
            for &r in rows {
                acc.add(tagger.row_at(r));
            }
            *sum = acc;
        }
        self.spare_pending = pending;
        out
    }

    /// The same hashes, in the same order, as
    /// [`crate::features::static_features`] gives for token `idx`.
    pub(crate) fn static_features_at(
        &self,
        s: &SentenceIds,
        idx: usize,
    ) -> [u64; STATIC_PER_TOKEN] {
        let n = s.ids.len();
        let i = idx as isize;
        let t = self.at(s, i);
        let prev = self.at(s, i - 1);
        let next = self.at(s, i + 1);
        let next2 = self.at(s, i + 2);
        let gz = |i: isize| {
            GAZ_TAGS
                .get(usize::from(Self::gaz_at(s, i)))
                .copied()
                .unwrap_or("")
        };
        let g = gz(i);
        let tc = u8::from(t.title_case);
        let pos = POSITIONS[Self::position(idx, n)];
        let lower = t.lower.as_str();
        let len = lower.chars().count();
        let pre = |k: usize| prefix_chars(lower, k);
        let suf = |k: usize| suffix_chars(lower, len, k);
        [
            Fh::new(0).finish(),
            Fh::new(1).str(lower).finish(),
            Fh::new(2).str(&prev.lower).finish(),
            Fh::new(3).str(&next.lower).finish(),
            Fh::new(4).str(&self.at(s, i - 2).lower).finish(),
            Fh::new(5).str(&next2.lower).finish(),
            Fh::new(6).str(suf(2)).finish(),
            Fh::new(7).str(suf(3)).finish(),
            Fh::new(8).str(suf(4)).finish(),
            Fh::new(9).str(pre(2)).finish(),
            Fh::new(10).str(pre(3)).finish(),
            Fh::new(11).str(&t.shape).finish(),
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
            Fh::new(25).bytes(&[s.cap_bin, tc]).bytes(pos).finish(),
            t.t26.str(&next.shape).finish(),
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
            t.t32.str(&next.shape).finish(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{dynamic_features, static_features, token_infos, CommonWords};
    use crate::gazetteer::gazetteer;

    const SENTENCES: &[&[&str]] = &[
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

    fn test_tagger() -> Tagger {
        let common = CommonWords::from_hashes(
            ["said", "the", "of"]
                .iter()
                .map(|w| CommonWords::hash(w))
                .collect(),
        );
        Tagger::from_parts(1 << 10, common, |_| [0.0; NUM_LABELS])
    }

    /// The memo must give the reference path's hashes bit for bit, on
    /// sentences with boundaries, gazetteer names, titles, non-ASCII words
    /// and repeated words (served from the memo the second time).
    #[test]
    fn memo_hashes_equal_reference_hashes() {
        let gaz = gazetteer();
        let tagger = test_tagger();
        let mut cache = WordCache::default();
        cache.prepare(&tagger, gaz);
        for words in SENTENCES.iter().chain(SENTENCES) {
            let infos = token_infos(words, gaz, tagger.common_words());
            let mut want = Vec::new();
            static_features(&infos, &mut want);
            let mut s = SentenceIds::default();
            cache.load_sentence(&mut s, words, gaz, &tagger);
            let got: Vec<u64> = (0..words.len())
                .flat_map(|i| cache.static_features_at(&s, i))
                .collect();
            assert_eq!(got, want, "{words:?}");
            for (i, id) in s.ids.iter().enumerate() {
                for prev in 0..NUM_LABELS as u8 {
                    let reference = dynamic_features(&infos, i, prev, 0);
                    assert_eq!(cache.facts(*id).dynamic(prev), [reference[2], reference[3]]);
                }
            }
        }
    }

    /// Words keep their facts when the memo turns over a generation, and
    /// come back from the old one intact.
    #[test]
    fn generations_keep_facts_exact() {
        let gaz = gazetteer();
        let tagger = test_tagger();
        let mut cache = WordCache::default();
        let filler: Vec<String> = (0..GENERATION_WORDS + 10)
            .map(|i| format!("w{i}"))
            .collect();
        for round in 0..3 {
            cache.prepare(&tagger, gaz);
            for w in &filler {
                cache.id(w, gaz, &tagger);
            }
            for words in SENTENCES {
                cache.prepare(&tagger, gaz);
                let infos = token_infos(words, gaz, tagger.common_words());
                let mut want = Vec::new();
                static_features(&infos, &mut want);
                let mut s = SentenceIds::default();
                cache.load_sentence(&mut s, words, gaz, &tagger);
                let got: Vec<u64> = (0..words.len())
                    .flat_map(|i| cache.static_features_at(&s, i))
                    .collect();
                assert_eq!(got, want, "round {round}: {words:?}");
            }
            assert!(cache.words.len() <= GENERATION_WORDS + 10 + 40);
        }
    }

    /// The fast rows are sums of exactly the reference features' rows: with
    /// weights that are powers of two of distinct features (exact in any
    /// order), the two sums agree bit for bit.
    #[test]
    fn fast_rows_sum_the_reference_features() {
        let gaz = gazetteer();
        // Each bucket gets a distinct small integer per label, so sums are
        // exact in any order and any missing or doubled feature shows.
        let tagger = Tagger::from_parts(1 << 12, test_tagger().common_words().clone(), |b| {
            std::array::from_fn(|l| ((b * 7 + l * 13) % 101) as f32)
        });
        let mut cache = WordCache::default();
        cache.prepare(&tagger, gaz);
        for words in SENTENCES.iter().chain(SENTENCES) {
            let mut s = SentenceIds::default();
            cache.load_sentence(&mut s, words, gaz, &tagger);
            let fast = cache.static_rows(&s, &tagger);
            for (i, row) in fast.iter().enumerate() {
                let want = tagger.rows_sum(&cache.static_features_at(&s, i));
                assert_eq!(*row, want, "{words:?} token {i}");
            }
        }
    }
}
