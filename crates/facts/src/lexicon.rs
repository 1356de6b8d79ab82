//! The word lists in `data/`, parsed once. Lines starting with `#` and blank
//! lines are comments; columns are tab-separated.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crosscheck_lexicon::shared::{self, SpeechUse, TitleUse};
use crosscheck_model::{Bound, Polarity};

pub(crate) fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

pub(crate) fn columns(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

fn word_set(src: &'static str) -> HashSet<&'static str> {
    lines(src).map(str::trim).collect()
}

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

impl Lexicon {
    fn load() -> Lexicon {
        let number_words = lines(include_str!("../data/number_words.tsv"))
            .filter_map(|l| {
                let c = columns(l);
                let value = c.get(1)?.parse().ok()?;
                let class = match *c.get(2)? {
                    "unit" => NumberWordClass::Unit,
                    "ten" => NumberWordClass::Ten,
                    "scale" => NumberWordClass::Scale,
                    _ => NumberWordClass::Fraction,
                };
                Some((*c.first()?, (value, class)))
            })
            .collect();
        let vague_plurals = lines(include_str!("../data/vague_plurals.tsv"))
            .filter_map(|l| {
                let c = columns(l);
                Some((*c.first()?, c.get(1)?.parse().ok()?))
            })
            .collect();
        let mut modifiers: Vec<(Vec<&'static str>, Modifier)> =
            lines(include_str!("../data/modifiers.tsv"))
                .filter_map(|l| {
                    let c = columns(l);
                    Some((
                        phrase(c.first()?),
                        Modifier {
                            bound: bound(c.get(1)?),
                            approximate: *c.get(2)? == "true",
                        },
                    ))
                })
                .collect();
        // Longest phrase first so "no more than" wins over "more than".
        modifiers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let rates = lines(include_str!("../data/rates.tsv"))
            .filter_map(|l| {
                let c = columns(l);
                Some((*c.first()?, *c.get(1)?))
            })
            .collect();
        let mut stance_cues: Vec<_> = lines(include_str!("../data/stance_cues.tsv"))
            .filter_map(|l| {
                let c = columns(l);
                let form = match *c.get(2)? {
                    "noun" => StanceForm::Noun,
                    "state" => StanceForm::State,
                    "dismiss" => StanceForm::Dismiss,
                    _ => StanceForm::Verb,
                };
                Some((phrase(c.first()?), polarity(c.get(1)?)?, form))
            })
            .collect();
        stance_cues.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
        let mut hedges: Vec<&'static str> = lines(include_str!("../data/hedges.txt"))
            .map(str::trim)
            .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.len()));
        let mut reporting: Vec<Vec<&'static str>> = shared::speech_verbs(SpeechUse::Claimant)
            .map(phrase)
            .collect();
        reporting.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut time_qualifiers: Vec<_> = lines(include_str!("../data/time_qualifiers.tsv"))
            .filter_map(|l| {
                let c = columns(l);
                Some((phrase(c.first()?), *c.get(1)?))
            })
            .collect();
        time_qualifiers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Lexicon {
            number_words,
            vague_plurals,
            modifiers,
            rates,
            np_stop: word_set(include_str!("../data/np_stop.txt")),
            stance_cues,
            hedges,
            reporting,
            time_qualifiers,
            anonymous_heads: word_set(include_str!("../data/anonymous_heads.txt")),
            counter_nouns: word_set(include_str!("../data/counter_nouns.txt")),
            person_titles: shared::titles(TitleUse::Claimant).collect(),
            months: shared::months().map(|(month, _)| month).collect(),
            verb_adverbs: word_set(include_str!("../data/verb_adverbs.txt")),
            events: lines(include_str!("../data/events.tsv"))
                .filter_map(|l| {
                    let c = columns(l);
                    let scope = match *c.get(2)? {
                        "people" => EventScope::People,
                        "things" => EventScope::Things,
                        _ => EventScope::Any,
                    };
                    Some((*c.first()?, *c.get(1)?, scope))
                })
                .collect(),
            personnel: lines(include_str!("../data/personnel.txt"))
                .filter_map(|l| columns(l).first().copied())
                .collect(),
            military: lines(include_str!("../data/personnel.txt"))
                .filter(|l| l.ends_with("\tmilitary"))
                .filter_map(|l| columns(l).first().copied())
                .collect(),
            not_actors: word_set(include_str!("../data/not_actors.txt")),
            dismissal_words: word_set(include_str!("../data/dismissal_words.txt")),
            label_nouns: word_set(include_str!("../data/label_nouns.txt")),
            change_verbs: word_set(include_str!("../data/change_verbs.txt")),
            designation_words: word_set(include_str!("../data/designation_words.txt")),
            number_cues: lines(include_str!("../data/number_cues.tsv")).fold(
                HashMap::default(),
                |mut lists: HashMap<&'static str, HashSet<&'static str>>, l| {
                    let c = columns(l);
                    if let (Some(list), Some(word)) = (c.first(), c.get(1)) {
                        lists.entry(list).or_default().insert(word);
                    }
                    lists
                },
            ),
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
}
