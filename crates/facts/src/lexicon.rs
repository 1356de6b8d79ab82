//! The word lists in `data/`, parsed once through `crosscheck-lexicon` (its
//! one loader: `#` comments and blank lines skipped, tab-separated columns)
//! and hashed with its Fx hasher; the lists several stages share (speech
//! verbs, titles, months, pronouns) come from `crosscheck_lexicon::shared`.

use std::sync::LazyLock;

use crosscheck_lexicon::shared::{self, SpeechUse, TitleUse};
use crosscheck_lexicon::{entries, word_set, FxHashMap as HashMap, FxHashSet as HashSet};
use crosscheck_model::{Bound, Polarity};

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

pub(crate) struct Lexicon {
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
    pub(crate) be: HashSet<&'static str>,
    pub(crate) negator: HashSet<&'static str>,
    pub(crate) time_unit: HashSet<&'static str>,
    pub(crate) time_preposition: HashSet<&'static str>,
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
            be: class("be"),
            negator: class("negator"),
            time_unit: class("time_unit"),
            time_preposition: class("time_preposition"),
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

impl Lexicon {
    fn load() -> Lexicon {
        let hedges = crosscheck_lexicon::lines(include_str!("../data/hedges.txt")).collect();
        let reporting = shared::speech_verbs(SpeechUse::Claimant)
            .map(phrase)
            .collect();
        let personnel = || entries(include_str!("../data/personnel.txt"));
        Lexicon {
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
        }
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

/// The lexicon, loaded on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse() {
        let lex = &*LEXICON;
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
        let c = &LEXICON.classes;
        for (name, class) in [
            ("between_verb", &c.between_verb),
            ("transitive_event", &c.transitive_event),
            ("verb_prefix", &c.verb_prefix),
            ("weekday", &c.weekday),
            ("name_inner", &c.name_inner),
            ("phrase_end", &c.phrase_end),
            ("stance_determiner", &c.stance_determiner),
            ("be", &c.be),
            ("negator", &c.negator),
            ("time_unit", &c.time_unit),
            ("time_preposition", &c.time_preposition),
        ] {
            assert!(!class.is_empty(), "no word of class {name}");
        }
        assert!(c.weekday.contains("sunday") && c.name_inner.contains("&"));
    }
}
