//! Feature extraction for the tagger, shared by training and tagging so the
//! two can never drift apart. Features are hashed (FNV-1a) straight into
//! buckets: no feature strings are stored in the model.

use crate::gazetteer::Gazetteer;
use crate::normalize::fold;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Incremental FNV-1a hasher over a feature template id and its parts.
#[derive(Clone, Copy)]
pub(crate) struct Fh(u64);

impl Fh {
    pub(crate) fn new(template: u8) -> Fh {
        Fh((FNV_OFFSET ^ u64::from(template)).wrapping_mul(FNV_PRIME))
    }

    pub(crate) fn bytes(mut self, b: &[u8]) -> Fh {
        for x in b {
            self.0 = (self.0 ^ u64::from(*x)).wrapping_mul(FNV_PRIME);
        }
        // A separator so ("ab","c") and ("a","bc") differ.
        self.0 = (self.0 ^ 0xff).wrapping_mul(FNV_PRIME);
        self
    }

    pub(crate) fn str(self, s: &str) -> Fh {
        self.bytes(s.as_bytes())
    }

    pub(crate) fn finish(self) -> u64 {
        // Final avalanche so low bits (used for bucketing) mix well.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// Words seen written in lowercase in the training text, kept as 32-bit
/// hashes (the model stores no text). A capitalised word whose lowercase
/// form is common ("However", "This") is likely capitalised only because it
/// starts the sentence.
#[derive(Debug, Clone, Default)]
pub struct CommonWords {
    hashes: Vec<u32>,
}

impl CommonWords {
    pub fn hash(folded: &str) -> u32 {
        (Fh::new(99).str(folded).finish() >> 32) as u32
    }

    pub fn from_hashes(mut hashes: Vec<u32>) -> CommonWords {
        hashes.sort_unstable();
        hashes.dedup();
        CommonWords { hashes }
    }

    pub fn hashes(&self) -> &[u32] {
        &self.hashes
    }

    pub fn contains(&self, folded: &str) -> bool {
        self.hashes
            .binary_search(&CommonWords::hash(folded))
            .is_ok()
    }
}

/// Per-token facts computed once per sentence.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    pub lower: String,
    pub shape: String,
    pub title_case: bool,
    pub gaz: &'static str,
    pub given: bool,
    pub title_word: bool,
    pub org_word: bool,
    pub common: bool,
}

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

/// Token facts for a sentence of surface words.
pub fn token_infos(words: &[&str], gaz: &Gazetteer, common: &CommonWords) -> Vec<TokenInfo> {
    let lowers: Vec<String> = words.iter().map(|w| fold(w)).collect();
    token_infos_folded(words, lowers, gaz, common)
}

/// [`token_infos`] for words whose folded forms the caller already has.
pub fn token_infos_folded(
    words: &[&str],
    lowers: Vec<String>,
    gaz: &Gazetteer,
    common: &CommonWords,
) -> Vec<TokenInfo> {
    let mut gaz_tags: Vec<&'static str> = vec![""; words.len()];
    let mut i = 0;
    while i < words.len() {
        if let Some((n, place)) = gaz.longest_match_folded(words, &lowers, i) {
            for (k, tag) in gaz_tags.iter_mut().skip(i).take(n).enumerate() {
                *tag = gaz_tag(place.class(), k == 0);
            }
            i += n;
        } else {
            i += 1;
        }
    }
    words
        .iter()
        .zip(gaz_tags)
        .zip(lowers)
        .map(|((w, g), lower)| TokenInfo {
            shape: shape(w),
            title_case: w.chars().next().is_some_and(char::is_uppercase),
            given: gaz.is_given_name(&lower),
            title_word: gaz.is_title(&lower),
            org_word: gaz.is_org_word(&lower),
            common: common.contains(&lower),
            gaz: g,
            lower,
        })
        .collect()
}

/// The first `k` characters of `s`.
pub(crate) fn prefix_chars(s: &str, k: usize) -> &str {
    match s.char_indices().nth(k) {
        Some((at, _)) => s.get(..at).unwrap_or(s),
        None => s,
    }
}

/// The last `k` characters of `s`, given its length in characters.
pub(crate) fn suffix_chars(s: &str, len: usize, k: usize) -> &str {
    match s.char_indices().nth(len.saturating_sub(k)) {
        Some((at, _)) => s.get(at..).unwrap_or(s),
        None => "",
    }
}

pub(crate) fn gaz_tag(class: &str, first: bool) -> &'static str {
    match (class, first) {
        ("country", true) => "B-country",
        ("country", false) => "I-country",
        ("capital", true) => "B-capital",
        ("capital", false) => "I-capital",
        ("city", true) => "B-city",
        ("city", false) => "I-city",
        ("seat", true) => "B-seat",
        ("seat", false) => "I-seat",
        ("demonym", true) => "B-demonym",
        ("demonym", false) => "I-demonym",
        ("org", true) => "B-org",
        (_, _) => "I-org",
    }
}

/// Every gazetteer tag a token can carry, with "" for none and "<s>" for
/// beyond the sentence; the fast path indexes its tables by position here.
pub(crate) const GAZ_TAGS: [&str; 14] = [
    "",
    "<s>",
    "B-country",
    "I-country",
    "B-capital",
    "I-capital",
    "B-city",
    "I-city",
    "B-seat",
    "I-seat",
    "B-demonym",
    "I-demonym",
    "B-org",
    "I-org",
];
/// Index of "" and of "<s>" in [`GAZ_TAGS`].
pub(crate) const NO_GAZ_TAG: u8 = 0;
pub(crate) const BOUNDARY_GAZ_TAG: u8 = 1;

/// [`gaz_tag`] as an index into [`GAZ_TAGS`].
pub(crate) fn gaz_tag_index(class: &str, first: bool) -> u8 {
    let tag = gaz_tag(class, first);
    GAZ_TAGS.iter().position(|t| *t == tag).unwrap_or(0) as u8
}

pub(crate) fn bin_ratio(num: usize, den: usize) -> u8 {
    (num * 4).checked_div(den).unwrap_or(0) as u8
}

/// Tag-independent feature hashes of every token, in one flat vector with
/// `STATIC_PER_TOKEN` entries per token.
pub const STATIC_PER_TOKEN: usize = 33;

pub fn static_features(infos: &[TokenInfo], out: &mut Vec<u64>) {
    out.clear();
    let n = infos.len();
    let caps = infos
        .iter()
        .filter(|t| t.shape.starts_with(['x', 'X']))
        .filter(|t| t.title_case)
        .count();
    let wordy = infos
        .iter()
        .filter(|t| t.shape.starts_with(['x', 'X']))
        .count();
    let cap_bin = bin_ratio(caps, wordy);
    let get = |i: isize| -> Option<&TokenInfo> {
        if i < 0 {
            None
        } else {
            infos.get(i as usize)
        }
    };
    let lw = |i: isize| get(i).map_or("<s>", |t| t.lower.as_str());
    let sh = |i: isize| get(i).map_or("<s>", |t| t.shape.as_str());
    let gz = |i: isize| get(i).map_or("<s>", |t| t.gaz);
    for (idx, t) in infos.iter().enumerate() {
        let i = idx as isize;
        // Prefixes and suffixes are slices of the folded word: hashing them
        // needs no copy.
        let len = t.lower.chars().count();
        let pre = |k: usize| prefix_chars(&t.lower, k);
        let suf = |k: usize| suffix_chars(&t.lower, len, k);
        let flags = [
            u8::from(t.title_case),
            u8::from(t.given),
            u8::from(t.title_word),
            u8::from(t.org_word),
        ];
        let pos: &[u8] = if idx == 0 {
            b"first"
        } else if idx + 1 == n {
            b"last"
        } else {
            b"mid"
        };
        let prev = get(i - 1);
        let next = get(i + 1);
        let next2 = get(i + 2);
        let feats = [
            Fh::new(0).finish(),
            Fh::new(1).str(&t.lower).finish(),
            Fh::new(2).str(lw(i - 1)).finish(),
            Fh::new(3).str(lw(i + 1)).finish(),
            Fh::new(4).str(lw(i - 2)).finish(),
            Fh::new(5).str(lw(i + 2)).finish(),
            Fh::new(6).str(suf(2)).finish(),
            Fh::new(7).str(suf(3)).finish(),
            Fh::new(8).str(suf(4)).finish(),
            Fh::new(9).str(pre(2)).finish(),
            Fh::new(10).str(pre(3)).finish(),
            Fh::new(11).str(&t.shape).finish(),
            Fh::new(12).str(sh(i - 1)).str(&t.shape).finish(),
            Fh::new(13).str(&t.shape).str(sh(i + 1)).finish(),
            Fh::new(14).bytes(pos).bytes(&[flags[0]]).finish(),
            Fh::new(15).str(t.gaz).finish(),
            Fh::new(16).str(gz(i - 1)).str(t.gaz).finish(),
            Fh::new(17).str(t.gaz).str(gz(i + 1)).finish(),
            Fh::new(18).bytes(&[flags[1], flags[0]]).finish(),
            Fh::new(19)
                .bytes(&[u8::from(prev.is_some_and(|p| p.given)), flags[0]])
                .finish(),
            Fh::new(20)
                .bytes(&[u8::from(prev.is_some_and(|p| p.title_word)), flags[0]])
                .finish(),
            Fh::new(21).bytes(&[flags[3], flags[0]]).finish(),
            Fh::new(22)
                .bytes(&[
                    u8::from(next.is_some_and(|p| p.org_word && p.title_case)),
                    u8::from(next2.is_some_and(|p| p.org_word && p.title_case)),
                    flags[0],
                ])
                .finish(),
            Fh::new(23).str(lw(i - 1)).str(&t.lower).finish(),
            Fh::new(24).str(&t.lower).str(lw(i + 1)).finish(),
            Fh::new(25).bytes(&[cap_bin, flags[0]]).bytes(pos).finish(),
            Fh::new(26)
                .bytes(&[flags[2], flags[0]])
                .str(sh(i + 1))
                .finish(),
            Fh::new(27).bytes(&[(len.min(12)) as u8, flags[0]]).finish(),
            Fh::new(28)
                .str(sh(i - 1))
                .str(&t.shape)
                .str(sh(i + 1))
                .finish(),
            Fh::new(29).str(&t.lower).str(sh(i + 1)).finish(),
            Fh::new(30)
                .bytes(&[u8::from(t.common), flags[0]])
                .bytes(pos)
                .finish(),
            Fh::new(31)
                .bytes(&[
                    u8::from(t.common),
                    u8::from(prev.is_some_and(|p| p.common && p.title_case)),
                    u8::from(next.is_some_and(|p| p.common && p.title_case)),
                    flags[0],
                ])
                .finish(),
            Fh::new(32)
                .bytes(&[u8::from(t.common), flags[0]])
                .str(&t.shape)
                .str(sh(i + 1))
                .finish(),
        ];
        out.extend_from_slice(&feats);
    }
}

/// Tag-dependent feature hashes for token `i` given the previous two labels.
pub fn dynamic_features(infos: &[TokenInfo], i: usize, prev: u8, prev2: u8) -> [u64; 4] {
    let t = infos.get(i);
    let lower = t.map_or("", |t| t.lower.as_str());
    let shape = t.map_or("", |t| t.shape.as_str());
    [
        Fh::new(40).bytes(&[prev]).finish(),
        Fh::new(41).bytes(&[prev, prev2]).finish(),
        Fh::new(42).bytes(&[prev]).str(lower).finish(),
        Fh::new(43).bytes(&[prev]).str(shape).finish(),
    ]
}
