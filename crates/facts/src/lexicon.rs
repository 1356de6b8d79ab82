//! The word lists in `data/`, parsed through `crosscheck-lexicon` (its one
//! loader: `#` comments and blank lines skipped, tab-separated columns) and
//! hashed with its Fx hasher; the lists several stages share (speech verbs,
//! titles, months, pronouns) come from `crosscheck_lexicon::shared`.
//!
//! One [`Lexicon`] value holds every list, the unit tables and every index
//! derived from them; the extractors hold it behind an `Arc`, so a test can
//! hand them another. [`Lexicon::standard`] is the one parsed from `data/`,
//! built once and shared.

use std::fmt;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use crosscheck_lexicon::shared::{self, month_names, pronouns, PronounUse, SpeechUse, TitleUse};
use crosscheck_lexicon::{entries, word_set, FxHashMap as HashMap, FxHashSet as HashSet};
use crosscheck_model::{Bound, Polarity};

use crate::numbers::by_first_byte;
use crate::units::Units;

/// How a number word contributes to a spelled-out number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberWordClass {
    /// zero .. nineteen
    Unit,
    /// twenty .. ninety
    Ten,
    /// hundred, thousand, million, dozen: multiplies what precedes it.
    Scale,
    /// half, third, quarter: the denominator of a fraction.
    Fraction,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Modifier {
    pub(crate) bound: Bound,
    pub(crate) approximate: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum StanceForm {
    Verb,
    Noun,
    State,
    /// "called it a fabrication": a denial when a dismissal word follows.
    Dismiss,
}

/// The words the fact extractors read: number words, modifiers, rates,
/// units, stance cues, hedges, reporting verbs, the closed word classes, and
/// the indexes built from them. [`Lexicon::standard`] is parsed from the
/// crate's `data/` once and shared; give an extractor another through its
/// `with_lexicon`.
pub struct Lexicon {
    pub(crate) number_words: HashMap<&'static str, (f64, NumberWordClass)>,
    pub(crate) vague_plurals: HashMap<&'static str, f64>,
    pub(crate) modifiers: Vec<(Vec<&'static str>, Modifier)>,
    pub(crate) rates: Vec<(&'static str, &'static str)>,
    pub(crate) np_stop: HashSet<&'static str>,
    pub(crate) stance_cues: Vec<(Vec<&'static str>, Polarity, StanceForm)>,
    pub(crate) hedges: Vec<&'static str>,
    pub(crate) reporting: Vec<Vec<&'static str>>,
    pub(crate) time_qualifiers: Vec<(Vec<&'static str>, &'static str)>,
    pub(crate) anonymous_heads: HashSet<&'static str>,
    pub(crate) counter_nouns: HashSet<&'static str>,
    pub(crate) person_titles: HashSet<&'static str>,
    pub(crate) months: HashSet<&'static str>,
    pub(crate) verb_adverbs: HashSet<&'static str>,
    /// (surface, event, applies) from `data/events.tsv`.
    pub(crate) events: Vec<(&'static str, &'static str, EventScope)>,
    pub(crate) personnel: HashSet<&'static str>,
    /// The personnel heads marked `military`.
    pub(crate) military: HashSet<&'static str>,
    pub(crate) not_actors: HashSet<&'static str>,
    pub(crate) dismissal_words: HashSet<&'static str>,
    /// Nouns that label the number after them ("page 3", "exit 436").
    pub(crate) label_nouns: HashSet<&'static str>,
    /// Words that make "from X to Y" a change, not a range.
    pub(crate) change_verbs: HashSet<&'static str>,
    /// Product-line words after a model number ("737 Max").
    pub(crate) designation_words: HashSet<&'static str>,
    /// The word lists of `data/number_cues.tsv`, by list name.
    pub(crate) number_cues: HashMap<&'static str, HashSet<&'static str>>,
    /// The closed word classes of `data/word_classes.tsv`.
    pub(crate) classes: WordClasses,
    /// Pronouns that are never the subject a phrase reader returns.
    pub(crate) not_subject_pronouns: Vec<&'static str>,
    /// Pronouns that can be a stance actor.
    pub(crate) actor_pronouns: Vec<&'static str>,
    /// Full month names, January first.
    pub(crate) month_names: Vec<&'static str>,
    /// The unit list and its context classifier.
    pub(crate) units: Units,
    /// Lookups built from the lists above.
    pub(crate) index: Indexes,
}

/// Indexes over the lexicon's lists, so a token is checked only against the
/// entries it can start (or end); each keeps the lists' order, so the first
/// entry that matches is the one a scan of the whole list would find.
#[derive(Default)]
pub(crate) struct Indexes {
    /// Reporting phrases by their first word.
    pub(crate) reporting_by_first_word: HashMap<&'static str, Vec<usize>>,
    /// Stance cues by their first word.
    pub(crate) cues_by_first_word: HashMap<&'static str, Vec<usize>>,
    /// Modifier phrases by their last word; `None` when a phrase is empty
    /// and so could end anywhere.
    pub(crate) modifiers_by_last_word: Option<HashMap<&'static str, Vec<usize>>>,
    /// Every modifier, for when the index above is `None`.
    pub(crate) all_modifiers: Vec<usize>,
    /// Every word a spelled-out numeral can start with, "twofold" to
    /// "ninetyfold" (the number words written with "-fold") among them.
    pub(crate) numeral_first_words: HashSet<String>,
    /// Every word a numeral can start with but "a" and "an", and the
    /// fraction characters, for the byte scan that skips sentences with
    /// no figure.
    pub(crate) numeral_words: Option<AhoCorasick>,
    /// The hedge cues, longest match first, any ASCII case.
    pub(crate) hedges: Option<AhoCorasick>,
    /// Rates by the first byte of their surface.
    pub(crate) rates_by_first_byte: Vec<Vec<usize>>,
}

/// Indices of the phrases by their first word.
fn by_first_word<'p>(
    phrases: impl Iterator<Item = &'p [&'static str]>,
) -> HashMap<&'static str, Vec<usize>> {
    let mut index: HashMap<&'static str, Vec<usize>> = HashMap::default();
    for (k, phrase) in phrases.enumerate() {
        if let Some(first) = phrase.first() {
            index.entry(*first).or_default().push(k);
        }
    }
    index
}

impl Indexes {
    fn build(lex: &Lexicon) -> Indexes {
        let modifiers_by_last_word = (|| {
            let mut index: HashMap<&'static str, Vec<usize>> = HashMap::default();
            for (k, (phrase, _)) in lex.modifiers.iter().enumerate() {
                index.entry(*phrase.last()?).or_default().push(k);
            }
            Some(index)
        })();
        let fold_words = lex
            .number_words
            .iter()
            .filter(|(_, (_, c))| matches!(c, NumberWordClass::Unit | NumberWordClass::Ten))
            .map(|(w, _)| format!("{w}fold"));
        let numeral_first_words: HashSet<String> = lex
            .number_words
            .keys()
            .chain(lex.vague_plurals.keys())
            .copied()
            .chain(["a", "an", "half", "twice", "double", "triple", "quadruple"])
            .map(str::to_string)
            .chain(fold_words)
            .collect();
        let numeral_words: Vec<&str> = numeral_first_words
            .iter()
            .map(String::as_str)
            .filter(|w| !matches!(*w, "a" | "an"))
            .chain(["½", "⅓", "⅔", "¼", "¾", "⅛"])
            .collect();
        Indexes {
            reporting_by_first_word: by_first_word(lex.reporting.iter().map(Vec::as_slice)),
            cues_by_first_word: by_first_word(lex.stance_cues.iter().map(|(p, _, _)| p.as_slice())),
            modifiers_by_last_word,
            all_modifiers: (0..lex.modifiers.len()).collect(),
            numeral_words: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(numeral_words)
                .ok(),
            numeral_first_words,
            hedges: AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(lex.hedges.iter())
                .ok(),
            rates_by_first_byte: by_first_byte(lex.rates.iter().map(|(surface, _)| *surface)),
        }
    }
}

/// Closed word classes the rules read (`data/word_classes.tsv`, where each
/// is described).
pub(crate) struct WordClasses {
    pub(crate) between_verb: HashSet<&'static str>,
    pub(crate) transitive_event: HashSet<&'static str>,
    pub(crate) verb_prefix: HashSet<&'static str>,
    pub(crate) weekday: HashSet<&'static str>,
    pub(crate) name_inner: HashSet<&'static str>,
    pub(crate) phrase_end: HashSet<&'static str>,
    pub(crate) stance_determiner: HashSet<&'static str>,
    pub(crate) definite_determiner: HashSet<&'static str>,
    pub(crate) be: HashSet<&'static str>,
    pub(crate) negator: HashSet<&'static str>,
    pub(crate) time_unit: HashSet<&'static str>,
    pub(crate) time_preposition: HashSet<&'static str>,
    pub(crate) not_counted: HashSet<&'static str>,
    pub(crate) us_dollar_name: HashSet<&'static str>,
    pub(crate) nationality_ending: HashSet<&'static str>,
}

impl WordClasses {
    fn new(lists: &HashMap<&'static str, HashSet<&'static str>>) -> WordClasses {
        let class = |name: &str| lists.get(name).cloned().unwrap_or_default();
        WordClasses {
            between_verb: class("between_verb"),
            transitive_event: class("transitive_event"),
            verb_prefix: class("verb_prefix"),
            weekday: class("weekday"),
            name_inner: class("name_inner"),
            phrase_end: class("phrase_end"),
            stance_determiner: class("stance_determiner"),
            definite_determiner: class("definite_determiner"),
            be: class("be"),
            negator: class("negator"),
            time_unit: class("time_unit"),
            time_preposition: class("time_preposition"),
            not_counted: class("not_counted"),
            us_dollar_name: class("us_dollar_name"),
            nationality_ending: class("nationality_ending"),
        }
    }
}

/// A `list<TAB>word` file as sets of words by list name.
fn word_lists(data: &'static str) -> HashMap<&'static str, HashSet<&'static str>> {
    let mut lists: HashMap<&'static str, HashSet<&'static str>> = HashMap::default();
    for e in entries(data) {
        if let Some(word) = e.column(1) {
            lists.entry(e.key()).or_default().insert(word);
        }
    }
    lists
}

/// Which counted nouns an event word applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventScope {
    Any,
    People,
    Things,
}

fn bound(name: &str) -> Bound {
    match name {
        "at_least" => Bound::AtLeast,
        "at_most" => Bound::AtMost,
        "range" => Bound::Range,
        _ => Bound::Exact,
    }
}

fn polarity(name: &str) -> Option<Polarity> {
    Some(match name {
        "confirm" => Polarity::Confirm,
        "deny" => Polarity::Deny,
        "not_confirmed" => Polarity::NotConfirmed,
        "allege" => Polarity::Allege,
        "estimate" => Polarity::Estimate,
        "acknowledge" => Polarity::Acknowledge,
        "condemn" => Polarity::Condemn,
        _ => return None,
    })
}

fn phrase(s: &'static str) -> Vec<&'static str> {
    s.split_whitespace().collect()
}

/// Phrases longest first (a stable sort: equal lengths keep file order), so
/// "no more than" wins over "more than".
fn longest_first<T>(mut items: Vec<T>, words: impl Fn(&T) -> usize) -> Vec<T> {
    items.sort_by_key(|x| std::cmp::Reverse(words(x)));
    items
}

fn number_words() -> HashMap<&'static str, (f64, NumberWordClass)> {
    entries(include_str!("../data/number_words.tsv"))
        .filter_map(|e| {
            let value = e.column(1)?.parse().ok()?;
            let class = match e.column(2)? {
                "unit" => NumberWordClass::Unit,
                "ten" => NumberWordClass::Ten,
                "scale" => NumberWordClass::Scale,
                _ => NumberWordClass::Fraction,
            };
            Some((e.key(), (value, class)))
        })
        .collect()
}

fn vague_plurals() -> HashMap<&'static str, f64> {
    entries(include_str!("../data/vague_plurals.tsv"))
        .filter_map(|e| Some((e.key(), e.column(1)?.parse().ok()?)))
        .collect()
}

fn modifiers() -> Vec<(Vec<&'static str>, Modifier)> {
    let modifiers = entries(include_str!("../data/modifiers.tsv"))
        .filter_map(|e| {
            let modifier = Modifier {
                bound: bound(e.column(1)?),
                approximate: e.column(2)? == "true",
            };
            Some((phrase(e.key()), modifier))
        })
        .collect();
    longest_first(modifiers, |(p, _)| p.len())
}

fn rates() -> Vec<(&'static str, &'static str)> {
    entries(include_str!("../data/rates.tsv"))
        .filter_map(|e| Some((e.key(), e.column(1)?)))
        .collect()
}

fn stance_cues() -> Vec<(Vec<&'static str>, Polarity, StanceForm)> {
    let cues = entries(include_str!("../data/stance_cues.tsv"))
        .filter_map(|e| {
            let form = match e.column(2)? {
                "noun" => StanceForm::Noun,
                "state" => StanceForm::State,
                "dismiss" => StanceForm::Dismiss,
                _ => StanceForm::Verb,
            };
            Some((phrase(e.key()), polarity(e.column(1)?)?, form))
        })
        .collect();
    longest_first(cues, |(p, _, _)| p.len())
}

fn time_qualifiers() -> Vec<(Vec<&'static str>, &'static str)> {
    let qualifiers = entries(include_str!("../data/time_qualifiers.tsv"))
        .filter_map(|e| Some((phrase(e.key()), e.column(1)?)))
        .collect();
    longest_first(qualifiers, |(p, _)| p.len())
}

fn events() -> Vec<(&'static str, &'static str, EventScope)> {
    entries(include_str!("../data/events.tsv"))
        .filter_map(|e| {
            let scope = match e.column(2)? {
                "people" => EventScope::People,
                "things" => EventScope::Things,
                _ => EventScope::Any,
            };
            Some((e.key(), e.column(1)?, scope))
        })
        .collect()
}

/// The standard lexicon, parsed on first use.
static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| Arc::new(Lexicon::load()));

impl Lexicon {
    /// The lexicon of the crate's `data/` (parsed once, shared).
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// The standard lexicon for the convenience functions that hand out
    /// `'static` borrows of it (unit lookups by id).
    pub(crate) fn standard_ref() -> &'static Lexicon {
        &STANDARD
    }

    /// The lexicon of the crate's `data/`, parsed anew.
    pub(crate) fn load() -> Lexicon {
        let hedges = crosscheck_lexicon::lines(include_str!("../data/hedges.txt")).collect();
        let reporting = shared::speech_verbs(SpeechUse::Claimant)
            .map(phrase)
            .collect();
        let personnel = || entries(include_str!("../data/personnel.txt"));
        let mut lex = Lexicon {
            number_words: number_words(),
            vague_plurals: vague_plurals(),
            modifiers: modifiers(),
            rates: rates(),
            np_stop: word_set(include_str!("../data/np_stop.txt")),
            stance_cues: stance_cues(),
            hedges: longest_first(hedges, |h| h.len()),
            reporting: longest_first(reporting, Vec::len),
            time_qualifiers: time_qualifiers(),
            anonymous_heads: word_set(include_str!("../data/anonymous_heads.txt")),
            counter_nouns: word_set(include_str!("../data/counter_nouns.txt")),
            person_titles: shared::titles(TitleUse::Claimant).collect(),
            months: shared::months().map(|(month, _)| month).collect(),
            verb_adverbs: word_set(include_str!("../data/verb_adverbs.txt")),
            events: events(),
            personnel: personnel().map(|e| e.key()).collect(),
            military: personnel()
                .filter(|e| e.column(1) == Some("military"))
                .map(|e| e.key())
                .collect(),
            not_actors: word_set(include_str!("../data/not_actors.txt")),
            dismissal_words: word_set(include_str!("../data/dismissal_words.txt")),
            label_nouns: word_set(include_str!("../data/label_nouns.txt")),
            change_verbs: word_set(include_str!("../data/change_verbs.txt")),
            designation_words: word_set(include_str!("../data/designation_words.txt")),
            number_cues: word_lists(include_str!("../data/number_cues.tsv")),
            classes: WordClasses::new(&word_lists(include_str!("../data/word_classes.tsv"))),
            not_subject_pronouns: pronouns(PronounUse::NotSubject)
                .map(|(word, _)| word)
                .collect(),
            actor_pronouns: pronouns(PronounUse::Actor).map(|(word, _)| word).collect(),
            month_names: month_names().collect(),
            units: Units::load(),
            index: Indexes::default(),
        };
        lex.reindex();
        lex
    }

    /// Rebuilds the indexes from the lists, after a list changed (tests
    /// edit a loaded lexicon this way).
    pub(crate) fn reindex(&mut self) {
        self.index = Indexes::build(self);
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("number_words", &self.number_words.len())
            .field("stance_cues", &self.stance_cues.len())
            .field("hedges", &self.hedges.len())
            .field("units", &self.units.ids.len())
            .finish_non_exhaustive()
    }
}

impl Lexicon {
    /// True when `word` is in the list `list` of `data/number_cues.tsv`.
    pub(crate) fn number_cue(&self, list: &str, word: &str) -> bool {
        self.number_cues
            .get(list)
            .is_some_and(|words| words.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = Lexicon::standard();
        assert_eq!(lex.number_words.get("million").map(|v| v.0), Some(1e6));
        assert!(lex
            .modifiers
            .iter()
            .any(|(p, m)| p == &["up", "to"] && m.bound == Bound::AtMost));
        assert!(lex.label_nouns.contains("page"));
        assert!(lex
            .stance_cues
            .iter()
            .any(|(p, pol, _)| p == &["denied"] && *pol == Polarity::Deny));
        assert!(lex.np_stop.contains("have"));
        assert!(lex.hedges.contains(&"reportedly"));
    }

    #[test]
    fn every_word_class_is_in_the_file() {
        let lex = Lexicon::standard();
        let c = &lex.classes;
        for (name, class) in [
            ("between_verb", &c.between_verb),
            ("transitive_event", &c.transitive_event),
            ("verb_prefix", &c.verb_prefix),
            ("weekday", &c.weekday),
            ("name_inner", &c.name_inner),
            ("phrase_end", &c.phrase_end),
            ("stance_determiner", &c.stance_determiner),
            ("definite_determiner", &c.definite_determiner),
            ("be", &c.be),
            ("negator", &c.negator),
            ("nationality_ending", &c.nationality_ending),
            ("time_unit", &c.time_unit),
            ("time_preposition", &c.time_preposition),
            ("not_counted", &c.not_counted),
            ("us_dollar_name", &c.us_dollar_name),
        ] {
            assert!(!class.is_empty(), "no word of class {name}");
        }
        assert!(c.weekday.contains("sunday") && c.name_inner.contains("&"));
    }
}
