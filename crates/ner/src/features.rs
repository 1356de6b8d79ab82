//! Feature extraction for the tagger, shared by training and tagging so the
//! two cannot drift apart. Features are 64-bit keys mixed from a template id
//! and pre-hashed parts (no strings are built per feature), looked up in the
//! model's feature table (see `weights.rs`).
//!
//! The templates follow Ratinov & Roth (2009): the word, its lowercase form,
//! prefixes and suffixes, shape and capitalisation, the words and shapes
//! within two tokens, word clusters at four granularities for the word and
//! its neighbours, and name-list membership with the position inside the
//! listed name; the decoder adds label-to-label transitions. The second stage adds document
//! features from the first stage's labels (see `doc_context.rs`).
//!
//! Features fall in two groups. Those that read one word only, at a fixed
//! offset ([`word_features`]), have the same keys wherever that word
//! occurs, so the tagger may sum their weights once per word (integer
//! weights make any summing order exact). The rest ([`context_features`])
//! read several tokens or the sentence.

use crate::clusters::{Clusters, Ids, NONE};
use crate::name_lists::{part_of, Mask, LISTS};

/// Words seen written in lowercase in the training text, kept as 32-bit
/// hashes (the model stores no text). A capitalised word whose lowercase
/// form is common ("However", "This") is likely capitalised only because it
/// starts the sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct CommonWords {
    hashes: Vec<u32>,
}

impl CommonWords {
    pub(crate) fn hash(folded: &str) -> u32 {
        (hash_str(folded) >> 32) as u32
    }

    pub(crate) fn from_hashes(mut hashes: Vec<u32>) -> CommonWords {
        hashes.sort_unstable();
        hashes.dedup();
        CommonWords { hashes }
    }

    pub(crate) fn hashes(&self) -> &[u32] {
        &self.hashes
    }

    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.hashes
            .binary_search(&CommonWords::hash(folded))
            .is_ok()
    }
}

/// 64-bit FNV-1a of a string, with a final mix.
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    avalanche(h)
}

#[inline]
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature key from a template id and one part.
#[inline]
pub(crate) fn key(template: u16, part: u64) -> u64 {
    avalanche(part ^ (u64::from(template) << 48 | 0x5bd1_e995))
}

/// A feature key from a template id and two parts.
#[inline]
pub(crate) fn key2(template: u16, a: u64, b: u64) -> u64 {
    key(
        template,
        a.rotate_left(29) ^ avalanche(b ^ 0x2545_f491_4f6c_dd1d),
    )
}

/// Word flags (bits of [`WordFacts::flags`]).
pub(crate) mod flag {
    pub(crate) const INIT_CAP: u16 = 1;
    pub(crate) const ALL_CAPS: u16 = 1 << 1;
    pub(crate) const HAS_DIGIT: u16 = 1 << 2;
    pub(crate) const NUMBER: u16 = 1 << 3;
    pub(crate) const HYPHEN: u16 = 1 << 4;
    pub(crate) const DOT: u16 = 1 << 5;
    pub(crate) const PUNCT: u16 = 1 << 6;
    pub(crate) const COMMON: u16 = 1 << 7;
    pub(crate) const INNER_CAP: u16 = 1 << 8;
    pub(crate) const INITIAL: u16 = 1 << 9;
}

/// What the features read of one word, whatever its context.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordFacts {
    pub(crate) word: u64,
    pub(crate) lower: u64,
    pub(crate) shape: u64,
    pub(crate) prefixes: [u64; 4],
    pub(crate) suffixes: [u64; 4],
    pub(crate) clusters: Ids,
    pub(crate) flags: u16,
}

impl WordFacts {
    /// The facts of the position beyond a sentence's edge.
    pub(crate) fn boundary() -> WordFacts {
        let h = hash_str("<s>");
        WordFacts {
            word: h,
            lower: h,
            shape: h,
            prefixes: [h; 4],
            suffixes: [h; 4],
            clusters: NONE,
            flags: 0,
        }
    }

    /// The facts of `word`, whose folded form is `lower`, with its ids in
    /// the cluster table `table` (the lexicon's).
    pub(crate) fn of(table: &Clusters, word: &str, lower: &str, common: &CommonWords) -> WordFacts {
        let mut prefixes = [0; 4];
        let mut suffixes = [0; 4];
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        for k in 1..=4 {
            let pre = chars.get(k).map_or(lower, |(at, _)| &lower[..*at]);
            let suf = match chars.len().checked_sub(k) {
                Some(from) => chars.get(from).map_or(lower, |(at, _)| &lower[*at..]),
                None => lower,
            };
            prefixes[k - 1] = hash_str(pre);
            suffixes[k - 1] = hash_str(suf);
        }
        WordFacts {
            word: hash_str(word),
            lower: hash_str(lower),
            shape: hash_str(&shape(word)),
            prefixes,
            suffixes,
            clusters: cluster_ids(table, word, lower),
            flags: word_flags(word, lower, common),
        }
    }

    pub(crate) fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }

    /// Capitalisation class: 0 lower or other, 1 initial capital, 2 all
    /// capitals.
    pub(crate) fn caps(&self) -> u64 {
        if self.has(flag::ALL_CAPS) {
            2
        } else if self.has(flag::INIT_CAP) {
            1
        } else {
            0
        }
    }
}

/// Cluster ids: the lowercase word, else its folded form, else (for
/// numbers) the word with every digit read as `0`.
fn cluster_ids(table: &Clusters, word: &str, lower: &str) -> Ids {
    let lowercase = word.to_lowercase();
    let ids = table.ids(&lowercase);
    if ids != NONE || lowercase == lower {
        return ids;
    }
    table.ids(lower)
}

fn word_flags(word: &str, lower: &str, common: &CommonWords) -> u16 {
    let mut flags = 0;
    let mut letters = 0;
    let mut upper = 0;
    let mut digits = 0;
    let mut alnum = 0;
    let mut inner_upper = false;
    for (k, c) in word.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                inner_upper |= k > 0;
            }
        }
        if c.is_numeric() {
            digits += 1;
        }
        if c.is_alphanumeric() {
            alnum += 1;
        }
        if c == '-' {
            flags |= flag::HYPHEN;
        }
        if c == '.' {
            flags |= flag::DOT;
        }
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        flags |= flag::INIT_CAP;
    }
    if letters >= 2 && upper == letters {
        flags |= flag::ALL_CAPS;
    } else if inner_upper {
        flags |= flag::INNER_CAP;
    }
    if letters == 1 && upper == 1 && word.chars().count() <= 2 {
        flags |= flag::INITIAL;
    }
    if digits > 0 {
        flags |= flag::HAS_DIGIT;
        if letters == 0 {
            flags |= flag::NUMBER;
        }
    }
    if alnum == 0 {
        flags |= flag::PUNCT;
    }
    if letters > 0 && common.contains(lower) {
        flags |= flag::COMMON;
    }
    flags
}

/// Word shape: X for capitals, x for lowercase, d for digits, other
/// characters as they are; runs longer than two collapse ("Xxx", "dd-dd").
pub(crate) fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(s);
        last = s;
    }
    out
}

/// Facts of a word's folded form.
#[cfg(test)]
fn folded_facts(word: &str, common: &CommonWords) -> WordFacts {
    let lex = crate::Lexicon::standard();
    WordFacts::of(&lex.clusters, word, &crate::normalize::fold(word), common)
}

/// Features of the word at `offset` from the token being labelled that read
/// only that word.
pub(crate) fn word_features(w: &WordFacts, offset: i8, out: &mut Vec<u64>) {
    // Template ids: 100 * (offset + 3) + n, so each offset has its own.
    let t = |n: u16| (offset as i16 + 3) as u16 * 100 + n;
    let c = &w.clusters;
    let caps = w.caps();
    match offset {
        0 => {
            out.push(key(t(1), w.word));
            out.push(key(t(2), w.lower));
            for (k, p) in w.prefixes.iter().enumerate() {
                out.push(key(t(3 + k as u16), *p));
            }
            for (k, s) in w.suffixes.iter().enumerate() {
                out.push(key(t(7 + k as u16), *s));
            }
            out.push(key(t(11), w.shape));
            for (k, id) in c.iter().enumerate() {
                out.push(key(t(12 + k as u16), u64::from(*id)));
            }
            out.push(key2(t(16), u64::from(c[0]), caps));
            out.push(key2(t(17), u64::from(c[2]), caps));
            out.push(key(t(18), u64::from(w.flags)));
            out.push(key2(t(19), w.lower, caps));
        }
        -1 | 1 => {
            out.push(key(t(1), w.lower));
            out.push(key(t(2), w.shape));
            for (k, id) in c.iter().enumerate() {
                out.push(key(t(3 + k as u16), u64::from(*id)));
            }
            out.push(key(t(7), u64::from(w.flags)));
        }
        _ => {
            out.push(key(t(1), w.lower));
            out.push(key(t(2), u64::from(c[1])));
            out.push(key(t(3), u64::from(c[2])));
            out.push(key(t(4), caps));
        }
    }
}

/// Where a token's own word-identity features (the word, its lowercase
/// form, lowercase with capitalisation) stand among its stage-one keys:
/// after the 4 keys of offset -2 and the 7 of offset -1, the first two of
/// offset 0, and its last (see [`word_features`]). Training may leave them
/// out (`Settings::word_dropout`).
pub(crate) const WORD_IDENTITY: [usize; 3] = [11, 12, 29];

/// One sentence as the features see it.
pub(crate) struct SentenceView<'a> {
    pub(crate) words: &'a [WordFacts],
    pub(crate) masks: &'a [Mask],
    /// A headline in capitals (see `doc_context.rs`).
    pub(crate) caps_line: bool,
}

impl SentenceView<'_> {
    fn at(&self, i: isize) -> &WordFacts {
        static EDGE: std::sync::LazyLock<WordFacts> = std::sync::LazyLock::new(WordFacts::boundary);
        if i < 0 {
            return &EDGE;
        }
        self.words.get(i as usize).unwrap_or(&EDGE)
    }

    fn mask(&self, i: isize) -> Mask {
        if i < 0 {
            return 0;
        }
        self.masks.get(i as usize).copied().unwrap_or(0)
    }
}

/// Every word feature of token `i` (offsets -2..=2).
pub(crate) fn window_word_features(s: &SentenceView, i: usize, out: &mut Vec<u64>) {
    for offset in -2i8..=2 {
        word_features(s.at(i as isize + offset as isize), offset, out);
    }
}

/// What the class features of a token read: where it stands in its
/// sentence, its capitalisation, whether its line is a capitals headline,
/// and whether it is a common word or capitalised. These take few values
/// ([`TokenClass::COUNT`]), so the tagger sums the class features' weights
/// once per model instead of looking them up for every token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenClass {
    /// 0 first, 1 last, 2 inside the sentence.
    position: u64,
    /// [`WordFacts::caps`].
    caps: u64,
    caps_line: bool,
    common: bool,
    init_cap: bool,
}

impl TokenClass {
    /// How many classes there are.
    pub(crate) const COUNT: usize = 3 * 3 * 2 * 2 * 2;

    /// The class of token `i`.
    pub(crate) fn of(s: &SentenceView, i: usize) -> TokenClass {
        let w = s.at(i as isize);
        TokenClass {
            position: if i == 0 {
                0
            } else if i + 1 == s.words.len() {
                1
            } else {
                2
            },
            caps: w.caps(),
            caps_line: s.caps_line,
            common: w.has(flag::COMMON),
            init_cap: w.has(flag::INIT_CAP),
        }
    }

    /// A number below [`TokenClass::COUNT`], different for each class.
    pub(crate) fn index(self) -> usize {
        let bits = usize::from(self.caps_line) << 2
            | usize::from(self.common) << 1
            | usize::from(self.init_cap);
        (self.position as usize * 3 + self.caps as usize) * 8 + bits
    }

    /// Every class, in [`TokenClass::index`] order.
    pub(crate) fn all() -> impl Iterator<Item = TokenClass> {
        (0..TokenClass::COUNT).map(|n| TokenClass {
            position: (n / 24) as u64,
            caps: (n / 8 % 3) as u64,
            caps_line: n & 4 != 0,
            common: n & 2 != 0,
            init_cap: n & 1 != 0,
        })
    }
}

/// The features that read only a token's class: a bias, position with
/// capitalisation, headline with position and flags.
pub(crate) fn class_features(c: TokenClass) -> [u64; 3] {
    let flags =
        if c.common { flag::COMMON } else { 0 } | if c.init_cap { flag::INIT_CAP } else { 0 };
    [
        key(1000, 0),
        key2(1006, c.position, c.caps),
        key2(
            1012,
            u64::from(c.caps_line),
            u64::from(flags) | c.position << 16,
        ),
    ]
}

/// Features of token `i` that read more than one word or the sentence:
/// [`class_features`] and [`neighbour_features`], in the order training
/// has always added them (it sums float weights, where order counts).
pub(crate) fn context_features(s: &SentenceView, i: usize, out: &mut Vec<u64>) {
    let [bias, position, headline] = class_features(TokenClass::of(s, i));
    let start = out.len();
    neighbour_features(s, i, out);
    out.insert(start, bias);
    out.insert(start + 6, position);
    out.insert(start + 12, headline);
}

/// The context features other than the class features: word and shape
/// pairs, clusters and name-list parts of the token and its neighbours.
pub(crate) fn neighbour_features(s: &SentenceView, i: usize, out: &mut Vec<u64>) {
    let i = i as isize;
    let (p, w, n) = (s.at(i - 1), s.at(i), s.at(i + 1));
    let caps = w.caps();
    out.push(key2(1001, p.lower, w.lower));
    out.push(key2(1002, w.lower, n.lower));
    out.push(key2(1003, p.shape, w.shape));
    out.push(key2(1004, w.shape, n.shape));
    out.push(key2(1005, p.shape ^ n.shape.rotate_left(7), w.shape));
    out.push(key2(1007, u64::from(s.caps_line), w.shape));
    out.push(key2(
        1008,
        u64::from(p.clusters[2]),
        u64::from(w.clusters[2]),
    ));
    out.push(key2(
        1009,
        u64::from(w.clusters[2]),
        u64::from(n.clusters[2]),
    ));
    out.push(key2(1010, p.lower, caps));
    out.push(key2(1011, n.lower, caps));
    for (offset, mask) in [(0u16, s.mask(i)), (1, s.mask(i - 1)), (2, s.mask(i + 1))] {
        if mask == 0 {
            continue;
        }
        for list in 0..LISTS.len() {
            let part = part_of(mask, list);
            if part == 0 {
                continue;
            }
            let lp = (list as u64) << 8 | u64::from(part);
            out.push(key(1020 + offset, lp));
            if offset == 0 {
                out.push(key2(1023, lp, caps));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tagger's weights are keyed by these features, so their keys and
    /// order may change only with a retrained model: pinned here as one
    /// digest of every key of an invented sentence, with and without
    /// headline capitals and name-list parts.
    #[test]
    fn context_feature_keys_are_pinned() {
        let common = CommonWords::from_hashes(vec![CommonWords::hash("the")]);
        let words = [
            "The", "NATO", "envoy", "met", "Ilse", "Vogt", "in", "Paris", ".",
        ];
        let facts: Vec<WordFacts> = words.iter().map(|w| folded_facts(w, &common)).collect();
        let (mut digest, mut count) = (0u64, 0usize);
        for caps_line in [false, true] {
            for masks in [vec![0; words.len()], (0..words.len() as Mask).collect()] {
                let view = SentenceView {
                    words: &facts,
                    masks: &masks,
                    caps_line,
                };
                for i in 0..words.len() {
                    let mut keys = Vec::new();
                    context_features(&view, i, &mut keys);
                    count += keys.len();
                    for k in keys {
                        digest = (digest.rotate_left(5) ^ k).wrapping_mul(0x0100_0000_01b3);
                    }
                }
            }
        }
        assert_eq!((count, digest), (530, 0xb4a9_3f3f_a86b_4a29));
    }

    #[test]
    fn word_identity_positions_hold_the_word_keys() {
        let common = CommonWords::default();
        let words = ["Ilse", "Vogt", "met", "NATO", "envoys"];
        let facts: Vec<WordFacts> = words.iter().map(|w| folded_facts(w, &common)).collect();
        let masks = vec![0; words.len()];
        let view = SentenceView {
            words: &facts,
            masks: &masks,
            caps_line: false,
        };
        for (i, w) in facts.iter().enumerate() {
            let mut keys = Vec::new();
            window_word_features(&view, i, &mut keys);
            let mut own = Vec::new();
            word_features(w, 0, &mut own);
            let identity = [own[0], own[1], own[own.len() - 1]];
            let at: Vec<u64> = WORD_IDENTITY.iter().map(|&k| keys[k]).collect();
            assert_eq!(at, identity, "token {i}");
        }
    }

    #[test]
    fn token_classes_are_numbered_once() {
        let all: Vec<TokenClass> = TokenClass::all().collect();
        assert_eq!(all.len(), TokenClass::COUNT);
        for (n, c) in all.iter().enumerate() {
            assert_eq!(c.index(), n, "{c:?}");
        }
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Vladimir"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("14,000"), "dd,dd");
    }

    #[test]
    fn flags_read_capitalisation() {
        let common = CommonWords::from_hashes(vec![CommonWords::hash("the")]);
        let f = |w: &str| folded_facts(w, &common).flags;
        assert!(f("Reuters") & flag::INIT_CAP != 0);
        assert!(f("NATO") & flag::ALL_CAPS != 0);
        assert!(f("McDonald") & flag::INNER_CAP != 0);
        assert!(f("The") & flag::COMMON != 0);
        assert!(f("1996") & flag::NUMBER != 0);
        assert!(f(",") & flag::PUNCT != 0);
    }

    #[test]
    fn offsets_have_their_own_keys() {
        let w = folded_facts("Paris", &CommonWords::default());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        word_features(&w, -1, &mut a);
        word_features(&w, 1, &mut b);
        assert!(a.iter().all(|k| !b.contains(k)));
    }
}
