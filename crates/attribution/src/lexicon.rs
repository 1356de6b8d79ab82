//! Word lists the extractor consults, from `data/*.txt` and the shared
//! lists of `crosscheck-lexicon` (speech verbs, pronouns, titles). The
//! standard lexicon is built once and shared ([`Lexicon::standard`]); each
//! extractor holds the one it reads, so that a test can hand it another.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use crosscheck_lexicon::shared::{
    month_names, pronouns, speech_verbs, titles, PronounUse, SpeechUse, TitleUse,
};

/// A speech cue as a sequence of lower-cased words.
#[derive(Debug, Clone)]
pub struct Cue {
    pub words: Vec<String>,
    /// Also introduces reported speech without quote marks.
    pub reported: bool,
}

/// The word lists the extractor reads: speech cues, pronouns, titles,
/// role and organisation nouns, anonymity and channel phrases, polities,
/// function words. [`Lexicon::standard`] is built once and shared; a test
/// may build its own with [`Lexicon::load`] and change its speech cues
/// ([`Lexicon::with_cue`], [`Lexicon::without_cue`]).
#[derive(Debug)]
pub struct Lexicon {
    /// Cues grouped by their first word, longest first.
    cues: FilteredMap<Vec<Cue>>,
    /// The cue lists by first word, indexed by the upper half of the
    /// word's entry in `classes` (0: none, else 1 + index).
    cue_lists: Vec<Vec<Cue>>,
    anonymity: Phrases,
    /// "familiar with", "close to": modifiers after an unnamed speaker.
    speaker_modifiers: Phrases,
    /// Verbs of the manner of saying ("fumed", "put it"): cues next to a
    /// quote only.
    manner_cues: Phrases,
    /// Verbs of the manner of saying that attribute a quote only right
    /// next to it ("agreed").
    adjacent_cues: Phrases,
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
    press_agency_nouns: Set<String>,
    /// Cues whose negation still makes a claim ("does not believe").
    opinion_cues: Set<String>,
    /// Words that open a subordinate clause, prepositions that open one
    /// before a finite verb, and auxiliaries that make one finite
    /// (`data/clause_leads.txt`).
    clause_openers: Set<String>,
    clause_prepositions: Set<String>,
    finite_auxiliaries: Set<String>,
    /// Cues that are also verbs of change, and the words after them that
    /// read them so (`data/change_readings.txt`).
    change_verbs: Set<String>,
    change_followers: Set<String>,
    /// One-word cues that say nothing alone, and those that need "that"
    /// after them (`data/lone_cue_readings.txt`).
    never_cues: Set<String>,
    that_only_cues: Set<String>,
    /// Cues that also modify a noun, each with its nouns, as "cue noun"
    /// (`data/modifier_readings.txt`).
    modifier_readings: Set<String>,
    /// Nouns of whom or where something was told
    /// (`data/addressee_heads.txt`).
    addressee_heads: Set<String>,
    /// Words never read as a role between two names
    /// (`data/name_link_words.txt`).
    name_link_words: Set<String>,
    /// Lower-case particles inside personal names
    /// (`data/name_particles.txt`).
    name_particles: Set<String>,
    /// Honorifics before a surname (`data/honorifics.txt`).
    honorifics: Set<String>,
    /// Words a title leaves in lower case (`data/title_small_words.txt`).
    title_small_words: Set<String>,
    /// Nouns before a name that make it an organisation's
    /// (`data/org_kind_nouns.txt`).
    org_kind_nouns: Set<String>,
    /// Sentence openers that never name a speaker alone
    /// (`data/not_names.txt`).
    not_names: Set<String>,
    /// Day and month names (`data/weekdays.txt`, the shared months).
    calendar: Set<String>,
    /// Legal forms that end a company's name (`data/legal_forms.txt`).
    legal_forms: Set<String>,
    /// Sentence openers before a name that are no part of it
    /// (`data/name_openers.txt`).
    name_openers: Set<String>,
    /// Function words that begin a name when capitalised
    /// (`data/name_first_words.txt`).
    name_first_words: Set<String>,
    /// "-ing" words that work as prepositions
    /// (`data/prepositional_participles.txt`).
    prepositional_participles: Set<String>,
    /// Words before a cue that make it a noun (`data/noun_markers.txt`).
    noun_markers: Set<String>,
    /// Plural nouns of groups that speak unnamed (`data/group_nouns.txt`).
    group_nouns: Set<String>,
    /// Every single-word list at once, as class bits ([`class`]): one
    /// lookup per word answers all of them.
    classes: WordTable,
}

/// Word classes as bits of one `u16`, from the single-word lists.
pub mod class {
    /// Classes looked up by a word's normal form.
    pub const DETERMINER: u16 = 1;
    pub const ROLE_NOUN: u16 = 1 << 1;
    pub const ORG_NOUN: u16 = 1 << 2;
    pub const DOCUMENT_NOUN: u16 = 1 << 3;
    pub const PREPOSITION: u16 = 1 << 4;
    pub const RELATIVE: u16 = 1 << 5;
    pub const AUXILIARY: u16 = 1 << 6;
    /// The first word of a speech cue.
    pub const CUE_START: u16 = 1 << 7;
    pub const BY_NORM: u16 = 0x00ff;
    /// Classes looked up by the word as written (their lists are
    /// case-sensitive).
    pub const TITLE: u16 = 1 << 8;
    pub const ORG_WORD: u16 = 1 << 9;
    pub const FEMALE: u16 = 1 << 10;
    pub const AS_WRITTEN: u16 = 0x0f00;
    /// Set when the bits come from a hyphenated word's last part rather
    /// than from a list ("co-founder" as "founder"): the reported-speech
    /// tagger, trained on the listed classes, does not read them.
    pub const FROM_LAST_PART: u16 = 1 << 12;
}

/// Classes of function words that bound a speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FunctionClass {
    Preposition,
    Relative,
    /// Auxiliaries and adverbs that may sit between speaker and verb.
    Auxiliary,
}

/// The standard lexicon, built on first use: a cache behind
/// [`Lexicon::standard`] (building the tables costs milliseconds, too much
/// for every extractor a caller makes). Nothing reads it but that
/// constructor: the code is handed the extractor's lexicon.
static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::load()));

fn lines(data: &str) -> impl Iterator<Item = &str> {
    crosscheck_lexicon::lines(data)
}

const CLAUSE_LEADS: &str = include_str!("../data/clause_leads.txt");
const CHANGE_READINGS: &str = include_str!("../data/change_readings.txt");
const LONE_CUE_READINGS: &str = include_str!("../data/lone_cue_readings.txt");
const MODIFIER_READINGS: &str = include_str!("../data/modifier_readings.txt");

/// The words of one class in a "class word" list file.
fn class_set(data: &str, class: &str) -> Set<String> {
    lines(data)
        .filter_map(|l| l.split_once(' '))
        .filter(|(c, _)| *c == class)
        .map(|(_, w)| norm(w.trim()))
        .collect()
}

/// A one-word list file as a set of normal forms.
fn norm_set(data: &str) -> Set<String> {
    lines(data).map(norm).collect()
}

fn words_lower(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(norm).collect()
}

/// A word's normal form: the token layer's fold (lower case, common
/// diacritics off, typographic apostrophes as ASCII), so that lexicon
/// entries match the units' normal forms.
pub fn norm(word: &str) -> String {
    crosscheck_text::fold(word)
}

/// The lexicon tables' hasher: the one fast hasher of `crosscheck-lexicon`
/// (the keys are short words, for which SipHash's flood resistance buys
/// nothing and costs a fifth of the run time).
type FastBuild = crosscheck_lexicon::FxBuildHasher;
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

/// Longest key a [`WordTable`] holds inline.
const PACKED_MAX: usize = 16;

/// Class bits by word: an open-addressing table whose keys of up to 16
/// bytes are packed into one `u128`, so that a lookup costs a copy, a
/// multiply and usually one compare (no byte-wise hashing, no string
/// compare). Longer keys sit in a hash map.
#[derive(Debug, Default)]
struct WordTable {
    /// (packed key, length, bits); length 0 marks an empty slot.
    slots: Vec<(u128, u8, u32)>,
    shift: u32,
    long: Map<String, u32>,
}

impl WordTable {
    fn new(bits: Map<String, u32>) -> WordTable {
        // At most a quarter full: most lookups miss, and a miss ends at
        // the first empty slot.
        let size = (bits.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            slots: vec![(0, 0, 0); size],
            shift: 64 - size.trailing_zeros(),
            long: Map::default(),
        };
        for (word, b) in bits {
            match Self::pack(&word) {
                Some(key) => {
                    let mut at = table.home(key);
                    while table.slots.get(at).is_some_and(|s| s.1 != 0) {
                        at = (at + 1) & (size - 1);
                    }
                    if let Some(slot) = table.slots.get_mut(at) {
                        *slot = (key, word.len() as u8, b);
                    }
                }
                None => {
                    table.long.insert(word, b);
                }
            }
        }
        table
    }

    /// The bytes of `word` as a little-endian number (zero above its
    /// length). Two reads that overlap in the middle cover any length in
    /// a range; the overlapping bytes agree, so or-ing them is exact.
    fn pack(word: &str) -> Option<u128> {
        let b = word.as_bytes();
        let n = b.len();
        let key = match n {
            1 => u128::from(*b.first()?),
            2..=3 => {
                let head = u16::from_le_bytes(b.get(..2)?.try_into().ok()?);
                let tail = u16::from_le_bytes(b.get(n - 2..)?.try_into().ok()?);
                u128::from(head) | u128::from(tail) << (8 * (n - 2))
            }
            4..=7 => {
                let head = u32::from_le_bytes(b.get(..4)?.try_into().ok()?);
                let tail = u32::from_le_bytes(b.get(n - 4..)?.try_into().ok()?);
                u128::from(head) | u128::from(tail) << (8 * (n - 4))
            }
            8..=PACKED_MAX => {
                let head = u64::from_le_bytes(b.get(..8)?.try_into().ok()?);
                let tail = u64::from_le_bytes(b.get(n - 8..)?.try_into().ok()?);
                u128::from(head) | u128::from(tail) << (8 * (n - 8))
            }
            _ => return None,
        };
        Some(key)
    }

    fn home(&self, key: u128) -> usize {
        let mixed = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
        (mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The entry of `word`, 0 when it is in no list.
    fn get(&self, word: &str) -> u32 {
        let Some(key) = Self::pack(word) else {
            return if word.len() > PACKED_MAX {
                self.long.get(word).copied().unwrap_or(0)
            } else {
                0
            };
        };
        let len = word.len() as u8;
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = self.home(key);
        while let Some(&(k, l, b)) = self.slots.get(at) {
            if l == 0 {
                return 0;
            }
            if k == key && l == len {
                return b;
            }
            at = (at + 1) & mask;
        }
        0
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
    /// True for a cue of opinion or expectation ("believe", "expects"),
    /// whose negation still makes a claim (`data/opinion_cues.txt`).
    pub fn is_opinion_cue(&self, word: &str) -> bool {
        self.opinion_cues.contains(word)
    }

    /// True for a noun of whom or where something was told ("conference",
    /// "subcommittee"; `data/addressee_heads.txt`).
    pub fn is_addressee_head(&self, word: &str) -> bool {
        self.addressee_heads.contains(word)
    }

    /// True for a speech cue that is also a verb of change ("declined";
    /// `data/change_readings.txt`).
    pub fn is_change_verb(&self, word: &str) -> bool {
        self.change_verbs.contains(word)
    }

    /// True when `next`, first after a verb of change, reads it as change,
    /// not speech ("declined 2.1 pct", "declined sharply";
    /// `data/change_readings.txt`); `after_next` is the word after it
    /// ("declined to 3.4 billion" against "declined to comment").
    pub fn follows_change(&self, next: &str, after_next: Option<&str>) -> bool {
        let numeric = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
        numeric(next)
            || if next == "to" {
                after_next.is_some_and(numeric)
            } else {
                self.change_followers.contains(next)
            }
    }

    /// True when `cue`, the whole cue, says nothing: "of" and "to" never
    /// do, "states" and "continued" not when a content follows them
    /// (`content_after`) without "that" (`next`, the word after the cue);
    /// `data/lone_cue_readings.txt`.
    pub(crate) fn says_nothing_alone(
        &self,
        cue: &str,
        next: Option<&str>,
        content_after: bool,
    ) -> bool {
        self.never_cues.contains(cue)
            || content_after && self.that_only_cues.contains(cue) && next != Some("that")
    }

    /// True when cue word `cue` right before `next` modifies it rather than
    /// reports speech ("preferred stock", "about half", "about 40";
    /// `data/modifier_readings.txt`).
    pub fn modifies(&self, cue: &str, next: &str) -> bool {
        cue == "about" && next.starts_with(|c: char| c.is_ascii_digit())
            || self.modifier_readings.contains(&format!("{cue} {next}"))
    }

    /// True for a word that opens a subordinate clause ("if", "while",
    /// "despite"; `data/clause_leads.txt`).
    pub fn opens_clause(&self, word: &str) -> bool {
        self.clause_openers.contains(word)
    }

    /// True for a preposition that opens a clause when a finite verb
    /// follows ("after the vote was held"; `data/clause_leads.txt`).
    pub fn is_clause_preposition(&self, word: &str) -> bool {
        self.clause_prepositions.contains(word)
    }

    /// True for an auxiliary or modal that makes a clause finite ("is",
    /// "would"; `data/clause_leads.txt`).
    pub fn is_finite_auxiliary(&self, word: &str) -> bool {
        self.finite_auxiliaries.contains(word)
    }

    /// True for a word never read as a role between two names
    /// (`data/name_link_words.txt`).
    pub(crate) fn is_name_link_word(&self, word: &str) -> bool {
        self.name_link_words.contains(word)
    }

    /// True for a lower-case particle inside a personal name ("van",
    /// "du"; `data/name_particles.txt`).
    pub(crate) fn is_name_particle(&self, word: &str) -> bool {
        self.name_particles.contains(word)
    }

    /// True for an honorific before a surname ("mr.", "lord";
    /// `data/honorifics.txt`).
    pub(crate) fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// True when `text` reads as a title: at least two words, each
    /// capitalised or a word titles leave in lower case
    /// (`data/title_small_words.txt`), the first capitalised ("A Time for
    /// Truth", "Night Trains: A Memoir").
    pub(crate) fn reads_as_title(&self, text: &str) -> bool {
        let mut words = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty());
        let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let Some(first) = words.next() else {
            return false;
        };
        let mut rest = 0;
        capital(first)
            && words.all(|w| {
                rest += 1;
                capital(w) || self.title_small_words.contains(w)
            })
            && rest > 0
    }

    /// True for a noun that, before a name, makes it an organisation's
    /// (`data/org_kind_nouns.txt`).
    pub(crate) fn is_org_kind_noun(&self, word: &str) -> bool {
        self.org_kind_nouns.contains(word)
    }

    /// True for a noun of a news outlet or an agency ("newspaper",
    /// "agency"), lower-case: `data/press_agency_nouns.txt`.
    pub(crate) fn is_press_or_agency_noun(&self, word: &str) -> bool {
        self.press_agency_nouns.contains(word)
    }

    /// True for a noun naming an organisation in general ("ministry",
    /// "company"), lower-case (`data/org_nouns.txt`).
    pub(crate) fn is_org_noun(&self, word: &str) -> bool {
        self.org_nouns.contains(word)
    }

    /// True for a sentence opener that never names a speaker alone
    /// (`data/not_names.txt`).
    pub(crate) fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// True for a plural noun of a group that speaks unnamed
    /// (`data/group_nouns.txt`).
    pub(crate) fn is_group_noun(&self, word: &str) -> bool {
        self.group_nouns.contains(word)
    }

    /// True for a company's legal form as written ("Inc", "Co", "Ltd"),
    /// `data/legal_forms.txt`.
    pub(crate) fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(word)
    }

    /// True for a word that opens a sentence before a name without being
    /// part of it ("both", "although"), `data/name_openers.txt`.
    pub(crate) fn is_name_opener(&self, word: &str) -> bool {
        self.name_openers.contains(word)
    }

    /// True for a function word that, capitalised before another
    /// capitalised word, begins a name ("First Kell Bank"),
    /// `data/name_first_words.txt`.
    pub(crate) fn is_name_first_word(&self, word: &str) -> bool {
        self.name_first_words.contains(word)
    }

    /// True for an "-ing" word that works as a preposition ("including"),
    /// `data/prepositional_participles.txt`.
    pub(crate) fn is_prepositional_participle(&self, word: &str) -> bool {
        self.prepositional_participles.contains(word)
    }

    /// True for a word that makes the cue right after it a noun or a
    /// noun's modifier ("the notes", "a proposed tax"),
    /// `data/noun_markers.txt`.
    pub(crate) fn marks_noun(&self, word: &str) -> bool {
        self.noun_markers.contains(word)
    }

    /// True for a day or month name (lower case).
    pub(crate) fn is_calendar_word(&self, word: &str) -> bool {
        self.calendar.contains(word)
    }

    /// The lexicon of `data/*.txt` and the shared lists, built once and
    /// shared.
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// A fresh copy of the standard lexicon, owned by the caller so that
    /// it can be changed before it is shared.
    pub fn load() -> Lexicon {
        let mut cues: Map<String, Vec<Cue>> = Map::default();
        let reported_cues: HashedSet<&str> = speech_verbs(SpeechUse::Reported).collect();
        for phrase in speech_verbs(SpeechUse::Quote) {
            let reported = reported_cues.contains(phrase);
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
        let pronouns = pronouns(PronounUse::Speaker)
            .map(|(word, gender)| (word.to_string(), gender))
            .collect();
        let channels = Phrases::new(
            lines(include_str!("../data/channels.txt"))
                .map(words_lower)
                .collect(),
        );
        let mut lexicon = Lexicon {
            cues,
            anonymity: Phrases::new(
                lines(include_str!("../data/anonymity.txt"))
                    .map(words_lower)
                    .collect(),
            ),
            manner_cues: Phrases::new(speech_verbs(SpeechUse::Manner).map(words_lower).collect()),
            adjacent_cues: Phrases::new(
                speech_verbs(SpeechUse::Adjacent).map(words_lower).collect(),
            ),
            speaker_modifiers: Phrases::new(
                lines(include_str!("../data/speaker_modifiers.txt"))
                    .map(words_lower)
                    .collect(),
            ),
            role_nouns: norm_set(include_str!("../data/role_nouns.txt")),
            org_heads: lines(include_str!("../data/org_heads.txt"))
                .map(str::to_string)
                .collect(),
            polities: Phrases::new(
                lines(include_str!("../data/polities.txt"))
                    .map(words_lower)
                    .collect(),
            ),
            titles: titles(TitleUse::Role).map(str::to_string).collect(),
            channels,
            female: lines(include_str!("../data/female_names.txt"))
                .map(str::to_string)
                .collect(),
            determiners: norm_set(include_str!("../data/determiners.txt")),
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
            document_nouns: norm_set(include_str!("../data/document_nouns.txt")),
            org_nouns: norm_set(include_str!("../data/org_nouns.txt")),
            press_agency_nouns: norm_set(include_str!("../data/press_agency_nouns.txt")),
            name_link_words: norm_set(include_str!("../data/name_link_words.txt")),
            name_particles: norm_set(include_str!("../data/name_particles.txt")),
            honorifics: norm_set(include_str!("../data/honorifics.txt")),
            title_small_words: norm_set(include_str!("../data/title_small_words.txt")),
            org_kind_nouns: norm_set(include_str!("../data/org_kind_nouns.txt")),
            not_names: norm_set(include_str!("../data/not_names.txt")),
            group_nouns: norm_set(include_str!("../data/group_nouns.txt")),
            calendar: lines(include_str!("../data/weekdays.txt"))
                .chain(month_names())
                .map(norm)
                .collect(),
            name_openers: norm_set(include_str!("../data/name_openers.txt")),
            name_first_words: norm_set(include_str!("../data/name_first_words.txt")),
            prepositional_participles: norm_set(include_str!(
                "../data/prepositional_participles.txt"
            )),
            noun_markers: norm_set(include_str!("../data/noun_markers.txt")),
            legal_forms: lines(include_str!("../data/legal_forms.txt"))
                .map(str::to_string)
                .collect(),
            opinion_cues: norm_set(include_str!("../data/opinion_cues.txt")),
            clause_openers: class_set(CLAUSE_LEADS, "open"),
            clause_prepositions: class_set(CLAUSE_LEADS, "clause-preposition"),
            finite_auxiliaries: class_set(CLAUSE_LEADS, "finite"),
            change_verbs: class_set(CHANGE_READINGS, "verb"),
            change_followers: class_set(CHANGE_READINGS, "after"),
            never_cues: class_set(LONE_CUE_READINGS, "never"),
            that_only_cues: class_set(LONE_CUE_READINGS, "that-only"),
            modifier_readings: lines(MODIFIER_READINGS).map(|l| norm(l.trim())).collect(),
            addressee_heads: norm_set(include_str!("../data/addressee_heads.txt")),
            classes: WordTable::default(),
            cue_lists: Vec::new(),
        };
        lexicon.classes = lexicon.class_map();
        lexicon
    }

    /// The class bits of every word in the single-word lists, keyed as
    /// each list is (normal form, or as written).
    fn class_map(&mut self) -> WordTable {
        let mut bits: Map<String, u32> = Map::default();
        let sets = [
            (&self.determiners, class::DETERMINER),
            (&self.role_nouns, class::ROLE_NOUN),
            (&self.org_nouns, class::ORG_NOUN),
            (&self.document_nouns, class::DOCUMENT_NOUN),
            (&self.titles, class::TITLE),
            (&self.org_heads, class::ORG_WORD),
            (&self.female, class::FEMALE),
        ];
        for (set, bit) in sets {
            for w in &set.words {
                *bits.entry(w.clone()).or_default() |= u32::from(bit);
            }
        }
        // The cue lists, with each first word's list index (plus one) in
        // the upper half of its entry.
        self.cue_lists.clear();
        for (w, list) in &self.cues.map {
            self.cue_lists.push(list.clone());
            let index = u32::try_from(self.cue_lists.len()).unwrap_or(0);
            *bits.entry(w.clone()).or_default() |= u32::from(class::CUE_START) | index << 16;
        }
        for (w, c) in &self.function_words.map {
            *bits.entry(w.clone()).or_default() |= u32::from(match c {
                FunctionClass::Preposition => class::PREPOSITION,
                FunctionClass::Relative => class::RELATIVE,
                FunctionClass::Auxiliary => class::AUXILIARY,
            });
        }
        WordTable::new(bits)
    }

    /// This lexicon with `phrase` as a speech cue (before quotes; also
    /// before reported speech when `reported`), replacing an equal cue.
    pub fn with_cue(mut self, phrase: &str, reported: bool) -> Lexicon {
        let words = words_lower(phrase);
        let Some(first) = words.first().cloned() else {
            return self;
        };
        let list = self.cues.map.entry(first).or_default();
        list.retain(|c| c.words != words);
        list.push(Cue { words, reported });
        list.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        self.rebuild_cues();
        self
    }

    /// This lexicon without the speech cue `phrase`.
    pub fn without_cue(mut self, phrase: &str) -> Lexicon {
        let words = words_lower(phrase);
        if let Some(first) = words.first() {
            if let Some(list) = self.cues.map.get_mut(first) {
                list.retain(|c| c.words != words);
            }
            self.cues.map.retain(|_, list| !list.is_empty());
        }
        self.rebuild_cues();
        self
    }

    /// The cue map's shape filter and the class table, after the cues
    /// changed (both are derived from the cue lists).
    fn rebuild_cues(&mut self) {
        let cues = std::mem::take(&mut self.cues.map);
        self.cues = cues.into_iter().collect();
        self.classes = self.class_map();
    }

    /// Class bits ([`class::BY_NORM`]) of a word in normal form.
    #[cfg(test)]
    pub(crate) fn norm_classes(&self, norm: &str) -> u16 {
        self.norm_entry(norm) as u16
    }

    /// [`Lexicon::norm_classes`] in the lower half, and in the upper half
    /// the cue list the word starts (see [`Lexicon::cue_in_list`]).
    pub(crate) fn norm_entry(&self, norm: &str) -> u32 {
        self.classes.get(norm) & (u32::from(class::BY_NORM) | 0xffff_0000)
    }

    /// A unit's class entry: [`Lexicon::norm_entry`] of its normal form
    /// with [`Lexicon::written_classes`] of the word as written (one
    /// lookup when the two are the same, as for most lower-case words).
    pub(crate) fn unit_classes(&self, norm: &str, written: &str) -> u32 {
        let entry = self.listed_classes(norm, written);
        if entry & u32::from(class::BY_NORM) == 0 {
            if let Some(last) = hyphen_head(norm) {
                return entry | self.hyphenated_classes(last, hyphen_head(written).unwrap_or(last));
            }
        }
        entry
    }

    /// [`Lexicon::unit_classes`] of a word known to hold no hyphen (or of a
    /// mark): the lists' entries alone, without the look for a last part.
    pub(crate) fn listed_classes(&self, norm: &str, written: &str) -> u32 {
        let by_norm = self.classes.get(norm);
        let as_written = if written == norm {
            by_norm
        } else {
            self.classes.get(written)
        };
        (by_norm & (u32::from(class::BY_NORM) | 0xffff_0000))
            | (as_written & u32::from(class::AS_WRITTEN))
    }

    /// A hyphenated word the lists do not hold is the noun its last part
    /// names ("co-founder", "vice-president", "co-Anchor" head like
    /// "founder", "president", "Anchor"): the noun and title bits of that
    /// part, never its cue or function-word bits ("ex-said" is no cue).
    fn hyphenated_classes(&self, norm: &str, written: &str) -> u32 {
        let nouns = u32::from(class::ROLE_NOUN | class::ORG_NOUN | class::DOCUMENT_NOUN);
        let bits = (self.classes.get(norm) & nouns)
            | (self.classes.get(written) & u32::from(class::TITLE));
        if bits == 0 {
            0
        } else {
            bits | u32::from(class::FROM_LAST_PART)
        }
    }

    /// Class bits ([`class::AS_WRITTEN`]) of a word as written.
    pub(crate) fn written_classes(&self, word: &str) -> u16 {
        (self.classes.get(word) & u32::from(class::AS_WRITTEN)) as u16
    }

    /// The longest cue starting at `words[0]`, with its length in words.
    pub(crate) fn cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<&Cue> {
        let first = words.first()?;
        self.cue_in_list(self.norm_entry(first.as_ref()) >> 16, words)
    }

    /// The longest cue of list `list` (an entry's upper half: 0 for none)
    /// that starts `words`.
    pub(crate) fn cue_in_list<S: AsRef<str>>(&self, list: u32, words: &[S]) -> Option<&Cue> {
        let index = usize::try_from(list).ok()?.checked_sub(1)?;
        self.cue_lists.get(index)?.iter().find(|c| {
            words.len() >= c.words.len() && c.words.iter().zip(words).all(|(a, b)| a == b.as_ref())
        })
    }

    /// Length of the manner-of-saying cue ("fumed", "shot back") starting
    /// `words`.
    pub(crate) fn manner_cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.manner_cues.longest_at(words)
    }

    /// Length of the cue right next to a quote ("agreed") starting
    /// `words`.
    pub(crate) fn adjacent_cue_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.adjacent_cues.longest_at(words)
    }

    /// Length of the speaker modifier ("familiar with") starting `words`.
    pub(crate) fn speaker_modifier_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.speaker_modifiers.longest_at(words)
    }

    pub(crate) fn anonymity_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.anonymity.longest_at(words)
    }

    /// False when no channel phrase starts with `word`.
    pub(crate) fn may_start_channel(&self, word: &str) -> bool {
        self.channels.by_first.filter.may_hold(word)
    }

    pub(crate) fn channel_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.channels.longest_at(words)
    }

    /// Number of words of a polity name ("North Korea") at `words[0]`.
    pub(crate) fn polity_at<S: AsRef<str>>(&self, words: &[S]) -> Option<usize> {
        self.polities.longest_at(words)
    }

    /// A title or rank as written ("President", "Gen.").
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    pub(crate) fn is_female(&self, word: &str) -> bool {
        self.female.contains(word)
    }

    /// Gender class of a pronoun: `m`, `f`, `p` (plural), `n` (it), `s` (I).
    pub(crate) fn pronoun(&self, word: &str) -> Option<char> {
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

/// The part after the last hyphen of a word joined by hyphens, when both
/// sides hold letters ("co-founder" → "founder"; not "46-year-old"'s
/// "old" after a number, which is no noun anyway, nor a bare "-").
#[inline]
fn hyphen_head(word: &str) -> Option<&str> {
    // A byte loop: most words are short and hold no hyphen, and this runs
    // for every word no list holds (a memrchr call costs more here).
    let at = word.bytes().rposition(|b| b == b'-')?;
    let (before, last) = (word.get(..at)?, word.get(at + 1..)?);
    (before.chars().any(char::is_alphabetic)
        && last.chars().all(char::is_alphabetic)
        && !last.is_empty())
    .then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_read_as_titles() {
        let lex = Lexicon::standard();
        let table = [
            ("A Time for the Ferrymen", true),
            ("Night Trains: A Memoir of the Coast,", true),
            ("13 Days in Osk", true),
            ("SAVE THE FERRY", true),
            ("Tales From the Harbour", true),
            ("a Time for Truth", false),
            ("We will Open the Bridge", false),
            ("The bridge will open", false),
            ("Kell", false),
            ("", false),
        ];
        for (text, want) in table {
            assert_eq!(lex.reads_as_title(text), want, "{text:?}");
        }
    }

    #[test]
    fn lone_cues_that_say_nothing() {
        let lex = Lexicon::standard();
        // (cue, word after it, content after it, says nothing)
        let table = [
            ("of", Some("the"), true, true),
            ("of", None, false, true),
            ("to", Some("cruz's"), true, true),
            ("states", Some("hold"), true, true),
            ("states", Some("that"), true, false),
            ("continued", Some("her"), true, true),
            ("continued", Some("that"), true, false),
            ("continued", None, false, false),
            ("said", Some("the"), true, false),
        ];
        for (cue, next, after, want) in table {
            assert_eq!(
                lex.says_nothing_alone(cue, next, after),
                want,
                "{cue} {next:?}"
            );
        }
    }

    #[test]
    fn class_table_holds_every_listed_word() {
        let lex = Lexicon::standard();
        let lists = [
            (&lex.determiners, class::DETERMINER, true),
            (&lex.role_nouns, class::ROLE_NOUN, true),
            (&lex.org_nouns, class::ORG_NOUN, true),
            (&lex.document_nouns, class::DOCUMENT_NOUN, true),
            (&lex.titles, class::TITLE, false),
            (&lex.org_heads, class::ORG_WORD, false),
            (&lex.female, class::FEMALE, false),
        ];
        for (set, bit, by_norm) in lists {
            for w in &set.words {
                let got = if by_norm {
                    lex.norm_classes(w)
                } else {
                    lex.written_classes(w)
                };
                assert!(got & bit != 0, "{w} lacks its class {bit}");
            }
        }
        for w in lex.cues.map.keys() {
            assert!(lex.norm_classes(w) & class::CUE_START != 0, "{w}");
        }
    }

    #[test]
    fn anonymity_phrases_fit_the_stack_buffer() {
        // speaker::appositives reads at most 16 words and tries starts 0..3.
        let longest = Lexicon::standard()
            .anonymity
            .by_first
            .map
            .values()
            .flatten()
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        assert!(longest + 2 <= 16, "{longest}");
    }

    #[test]
    fn packed_keys_equal_byte_by_byte_packing() {
        let words = [
            "a",
            "of",
            "the",
            "said",
            "chair",
            "council",
            "minister",
            "spokesman",
            "spokeswoman",
            "intelligence",
            "organisations",
            "representative",
            "a-sixteen-bytes!",
            "zoë",
            "people's",
        ];
        for w in words {
            let mut want = 0u128;
            for (k, &b) in w.as_bytes().iter().enumerate() {
                want |= u128::from(b) << (8 * k);
            }
            assert_eq!(WordTable::pack(w), Some(want), "{w}");
        }
        assert_eq!(WordTable::pack(""), None);
        assert_eq!(WordTable::pack("seventeen-bytes!!"), None);
    }

    #[test]
    fn a_hyphenated_word_heads_like_its_last_part() {
        let lex = Lexicon::standard();
        let role = u32::from(class::ROLE_NOUN);
        // (normal form, as written, a role noun?)
        let cases = [
            ("co-founder", "co-founder", true),
            ("vice-president", "Vice-President", true),
            ("co-anchor", "co-Anchor", true),
            ("ex-minister", "ex-minister", true),
            ("46-year-old", "46-year-old", false),
            ("texas-based", "Texas-based", false),
            ("-founder", "-founder", false),
            ("founder-", "founder-", false),
        ];
        for (norm, written, want) in cases {
            let got = lex.unit_classes(norm, written) & role != 0;
            assert_eq!(got, want, "{written}");
        }
        // Marked as taken from the last part (the tagger reads only the
        // listed bits); a listed word is not marked.
        let from_last = u32::from(class::FROM_LAST_PART);
        assert_ne!(lex.unit_classes("co-founder", "co-founder") & from_last, 0);
        assert_eq!(lex.unit_classes("founder", "founder") & from_last, 0);
        // Only noun and title bits carry over: "ex-said" starts no cue.
        assert_eq!(lex.unit_classes("ex-said", "ex-said") >> 16, 0);
        assert_ne!(
            lex.unit_classes("vice-president", "Vice-President") & u32::from(class::TITLE),
            0
        );
    }

    #[test]
    fn class_lookups() {
        // (word, looked up by normal form, expected bits of that half)
        let cases: &[(&str, bool, u16)] = &[
            ("the", true, class::DETERMINER),
            ("said", true, class::CUE_START),
            ("of", true, class::PREPOSITION),
            ("President", false, class::TITLE),
            ("Banana", false, 0),
            ("zyxwvut", true, 0),
            ("", true, 0),
            ("an-unlisted-word-longer-than-sixteen", true, 0),
            ("an-unlisted-word-longer-than-sixteen", false, 0),
        ];
        for &(word, by_norm, want) in cases {
            let got = if by_norm {
                Lexicon::standard().norm_classes(word)
            } else {
                Lexicon::standard().written_classes(word)
            };
            assert_eq!(got & want, want, "{word}");
            if want == 0 {
                assert_eq!(got, 0, "{word}");
            }
        }
    }

    #[test]
    fn cue_words_that_modify_what_follows() {
        // (cue, next word, a modifier rather than a cue)
        let cases: &[(&str, &str, bool)] = &[
            ("preferred", "stock", true),
            ("preferred", "dividends", true),
            ("preferred", "to", false),
            ("about", "half", true),
            ("about", "2,800", true),
            ("about", "40", true),
            ("about", "the", false),
            ("about", "whether", false),
            ("said", "40", false),
            ("offering", "of", true),
            ("posted", "earnings", true),
            ("posted", "a", false),
            ("offered", "rate", true),
            ("offered", "to", false),
        ];
        for &(cue, next, want) in cases {
            assert_eq!(
                Lexicon::standard().modifies(cue, next),
                want,
                "{cue} {next}"
            );
        }
    }
}
