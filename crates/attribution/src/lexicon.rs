//! Word lists the extractor consults, loaded once from `data/*.txt`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A speech cue as a sequence of lower-cased words.
#[derive(Debug, Clone)]
pub struct Cue {
    pub words: Vec<String>,
    /// Also introduces reported speech without quote marks.
    pub reported: bool,
}

#[derive(Debug)]
pub struct Lexicon {
    /// Cues grouped by their first word, longest first.
    cues: FilteredMap<Vec<Cue>>,
    anonymity: Phrases,
    role_nouns: Set<String>,
    org_heads: Set<String>,
    polities: Phrases,
    titles: Set<String>,
    channels: Phrases,
    female: Set<String>,
    determiners: Set<String>,
    pronouns: FilteredMap<char>,
    function_words: FilteredMap<FunctionClass>,
    document_nouns: Set<String>,
    org_nouns: Set<String>,
}

/// Classes of function words that bound a speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionClass {
    Preposition,
    Relative,
    /// Auxiliaries and adverbs that may sit between speaker and verb.
    Auxiliary,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words_lower(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(norm).collect()
}

/// Lower-cases and folds the curly apostrophe so that lexicon entries match
/// either spelling.
pub fn norm(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// [`norm`] without allocating when the word is already normalised.
pub fn norm_cow(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(norm(word))
    }
}

/// FNV-1a: the lexicon keys are short words, for which SipHash's
/// flood resistance buys nothing and costs a fifth of the run time.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastBuild = std::hash::BuildHasherDefault<Fnv>;
type Map<K, V> = HashMap<K, V, FastBuild>;
type HashedSet<T> = HashSet<T, FastBuild>;

/// Which (first byte, length) and (last byte, length) pairs occur among a
/// list's keys: most words fail this test in a few instructions, before
/// any hashing. Lengths of 64 bytes and more share the last bit.
#[derive(Debug)]
struct ShapeFilter {
    first: [u64; 256],
    last: [u64; 256],
}

impl Default for ShapeFilter {
    fn default() -> ShapeFilter {
        ShapeFilter {
            first: [0; 256],
            last: [0; 256],
        }
    }
}

impl ShapeFilter {
    fn bit(len: usize) -> u64 {
        1u64 << len.min(63)
    }

    fn add(&mut self, key: &str) {
        let (Some(&f), Some(&l)) = (key.as_bytes().first(), key.as_bytes().last()) else {
            return;
        };
        self.first[usize::from(f)] |= Self::bit(key.len());
        self.last[usize::from(l)] |= Self::bit(key.len());
    }

    /// False when `key` cannot be among the keys.
    fn may_hold(&self, key: &str) -> bool {
        match (key.as_bytes().first(), key.as_bytes().last()) {
            (Some(&f), Some(&l)) => {
                let bit = Self::bit(key.len());
                self.first[usize::from(f)] & bit != 0 && self.last[usize::from(l)] & bit != 0
            }
            _ => false,
        }
    }
}

/// A set of words with a [`ShapeFilter`] in front of the hash lookup.
#[derive(Debug, Default)]
struct Set<T> {
    filter: ShapeFilter,
    words: HashedSet<T>,
}

impl<T: AsRef<str> + Eq + std::hash::Hash> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Set<T> {
        let mut set = Set {
            filter: ShapeFilter::default(),
            words: HashedSet::default(),
        };
        for w in iter {
            set.filter.add(w.as_ref());
            set.words.insert(w);
        }
        set
    }
}

impl Set<String> {
    fn contains(&self, word: &str) -> bool {
        self.filter.may_hold(word) && self.words.contains(word)
    }
}

/// A map from words with a [`ShapeFilter`] in front of the hash lookup.
#[derive(Debug, Default)]
struct FilteredMap<V> {
    filter: ShapeFilter,
    map: Map<String, V>,
}

impl<V> FromIterator<(String, V)> for FilteredMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> FilteredMap<V> {
        let mut out = FilteredMap {
            filter: ShapeFilter::default(),
            map: Map::default(),
        };
        for (k, v) in iter {
            out.filter.add(&k);
            out.map.insert(k, v);
        }
        out
    }
}

impl<V> FilteredMap<V> {
    fn get(&self, word: &str) -> Option<&V> {
        if self.filter.may_hold(word) {
            self.map.get(word)
        } else {
            None
        }
    }
}

/// Multi-word phrases grouped by their first word, so that a lookup
/// compares only the phrases that can match.
#[derive(Debug, Default)]
struct Phrases {
    by_first: FilteredMap<Vec<Vec<String>>>,
}

impl Phrases {
    fn new(phrases: Vec<Vec<String>>) -> Phrases {
        let mut grouped: Map<String, Vec<Vec<String>>> = Map::default();
        for p in phrases {
            if let Some(first) = p.first() {
                grouped.entry(first.clone()).or_default().push(p);
            }
        }
        Phrases {
            by_first: grouped.into_iter().collect(),
        }
    }

    /// Length in words of the longest phrase that starts `words`.
    fn longest_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        let first = words.first()?;
        longest_prefix(self.by_first.get(first.as_ref())?, words)
    }
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut cues: Map<String, Vec<Cue>> = Map::default();
        for line in lines(include_str!("../data/speech_verbs.txt")) {
            let (phrase, reported) = match line.strip_suffix("|r") {
                Some(p) => (p, true),
                None => (line, false),
            };
            let words = words_lower(phrase);
            if let Some(first) = words.first() {
                cues.entry(first.clone())
                    .or_default()
                    .push(Cue { words, reported });
            }
        }
        for list in cues.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }
        let cues = cues.into_iter().collect();
        let pronouns = lines(include_str!("../data/pronouns.txt"))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let word = parts.next()?;
                let gender = parts.next()?.chars().next()?;
                Some((word.to_string(), gender))
            })
            .collect();
        let channels = Phrases::new(
            lines(include_str!("../data/channels.txt"))
                .map(words_lower)
                .collect(),
        );
        Lexicon {
            cues,
            anonymity: Phrases::new(
                lines(include_str!("../data/anonymity.txt"))
                    .map(words_lower)
                    .collect(),
            ),
            role_nouns: lines(include_str!("../data/role_nouns.txt"))
                .map(norm)
                .collect(),
            org_heads: lines(include_str!("../data/org_heads.txt"))
                .map(str::to_string)
                .collect(),
            polities: Phrases::new(
                lines(include_str!("../data/polities.txt"))
                    .map(words_lower)
                    .collect(),
            ),
            titles: lines(include_str!("../data/titles.txt"))
                .map(str::to_string)
                .collect(),
            channels,
            female: lines(include_str!("../data/female_names.txt"))
                .map(str::to_string)
                .collect(),
            determiners: lines(include_str!("../data/determiners.txt"))
                .map(norm)
                .collect(),
            pronouns,
            function_words: lines(include_str!("../data/function_words.txt"))
                .filter_map(|l| {
                    let (class, word) = l.split_once(' ')?;
                    let class = match class {
                        "prep" => FunctionClass::Preposition,
                        "rel" => FunctionClass::Relative,
                        _ => FunctionClass::Auxiliary,
                    };
                    Some((word.trim().to_string(), class))
                })
                .collect(),
            document_nouns: lines(include_str!("../data/document_nouns.txt"))
                .map(norm)
                .collect(),
            org_nouns: lines(include_str!("../data/org_nouns.txt"))
                .map(norm)
                .collect(),
        }
    }

    /// False when no cue starts with `word` (a cheap test before
    /// gathering the words that follow it).
    pub fn may_start_cue(&self, word: &str) -> bool {
        self.cues.filter.may_hold(word)
    }

    /// The longest cue starting at `words[0]`, with its length in words.
    pub fn cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<&Cue> {
        let first = words.first()?;
        self.cues.get(first.as_ref())?.iter().find(|c| {
            words.len() >= c.words.len() && c.words.iter().zip(words).all(|(a, b)| a == b.as_ref())
        })
    }

    pub fn anonymity_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.anonymity.longest_at(words)
    }

    pub fn channel_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.channels.longest_at(words)
    }

    /// Number of words of a polity name ("North Korea") at `words[0]`.
    pub fn polity_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.polities.longest_at(words)
    }

    pub fn is_role_noun(&self, word: &str) -> bool {
        self.role_nouns.contains(norm_cow(word).as_ref())
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    pub fn is_female(&self, word: &str) -> bool {
        self.female.contains(word)
    }

    pub fn is_determiner(&self, word: &str) -> bool {
        self.determiners.contains(norm_cow(word).as_ref())
    }

    /// Class of a lower-cased function word.
    pub fn function_class(&self, word: &str) -> Option<FunctionClass> {
        self.function_words.get(word).copied()
    }

    pub fn is_document_noun(&self, word: &str) -> bool {
        self.document_nouns.contains(norm_cow(word).as_ref())
    }

    pub fn is_org_noun(&self, word: &str) -> bool {
        self.org_nouns.contains(norm_cow(word).as_ref())
    }

    /// Gender class of a pronoun: `m`, `f`, `p` (plural), `n` (it), `s` (I).
    pub fn pronoun(&self, word: &str) -> Option<char> {
        self.pronouns.get(word).copied()
    }
}

fn longest_prefix<S: AsRef<str>>(phrases: &[Vec<String>], words: &[S]) -> Option<usize> {
    phrases
        .iter()
        .filter(|p| words.len() >= p.len() && p.iter().zip(words).all(|(a, b)| a == b.as_ref()))
        .map(Vec::len)
        .max()
}
