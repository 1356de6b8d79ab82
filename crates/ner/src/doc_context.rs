//! What the tagger reads from the whole document rather than one sentence.
//!
//! - Headlines in capitals ("ENGLAND BEAT SCOTLAND AT MURRAYFIELD") carry no
//!   case information, so each of their words is read as the document
//!   writes it elsewhere ("England", "Murrayfield"), or in lowercase when
//!   the document or the training text uses it in lowercase; title-case
//!   headlines lowercase the words the document writes in lowercase
//!   ([`truecase`]).
//! - The second stage sees what the first stage made of the same word
//!   elsewhere in the document: the type most of its other occurrences got,
//!   the types any of them got, the type of its last earlier occurrence
//!   (Ratinov & Roth 2009's two-stage prediction aggregation), plus the
//!   first-stage labels of the token and its neighbours ([`Stage1`]).

use std::borrow::Cow;

use crate::bilou::{split, Part, TYPES};
use crate::fasthash::{FastMap, FastSet, KeyMap};
use crate::features::{key, key2, CommonWords};
use crate::name_lists::{token_hash, NameLists};
use crate::normalize::{fold, fold_into};

/// A line with no lowercase letter and a word of two or more capitals: a
/// headline or dateline in capitals.
pub(crate) fn caps_line(words: &[&str]) -> bool {
    let mut capitals = false;
    for w in words {
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        capitals |= w.chars().filter(|c| c.is_uppercase()).count() >= 2;
    }
    capitals
}

/// A line whose words of four letters or more all start with a capital,
/// three of them at least, that does not end as a sentence does and holds
/// no number ("North Korean Troops Confirmed in Ukraine Conflict", not a
/// results line "Manchester United 3 Chelsea 1"): a headline in title case.
pub(crate) fn title_line(words: &[&str]) -> bool {
    if words
        .last()
        .is_some_and(|w| matches!(*w, "." | "?" | "!" | "\"" | "'"))
        || words
            .iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let mut long = 0;
    for w in words {
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        long += 1;
    }
    long >= 3
}

fn is_capitals_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Typographic quotes and dashes as the plain ones of the training text
/// (CoNLL-2003 is ASCII): "People’s" reads as "People's".
fn plain(word: &str) -> Cow<'_, str> {
    let typographic = |c: char| matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '‐');
    if !word.chars().any(typographic) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                '–' | '—' | '‐' => '-',
                c => c,
            })
            .collect(),
    )
}

/// How a folded word is written outside headlines: each form with its
/// count not opening a sentence, its count opening one, and when it was
/// first seen.
type Forms<'a> = FastMap<String, Vec<(Cow<'a, str>, usize, usize, usize)>>;

/// Only the folded words of `wanted` are counted: the headlines' words are
/// the only ones looked up, and a document's other words are most of it.
fn forms_outside<'a>(
    words: &[Vec<Cow<'a, str>>],
    headline: &[bool],
    wanted: &FastSet<String>,
) -> Forms<'a> {
    let mut forms: Forms<'a> = FastMap::default();
    let mut seen = 0;
    // The folded word, in a buffer kept across words: most are seen already.
    let mut key = String::new();
    for (s, line) in words.iter().enumerate() {
        if headline.get(s).copied().unwrap_or(true) {
            continue;
        }
        for (i, w) in line.iter().enumerate() {
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            key.clear();
            fold_into(w, &mut key);
            if !wanted.contains(key.as_str()) {
                continue;
            }
            if !forms.contains_key(key.as_str()) {
                forms.insert(key.clone(), Vec::new());
            }
            let Some(entry) = forms.get_mut(key.as_str()) else {
                continue;
            };
            let at = match entry.iter().position(|f| f.0 == *w) {
                Some(at) => at,
                None => {
                    entry.push((w.clone(), 0, 0, seen));
                    seen += 1;
                    entry.len() - 1
                }
            };
            if let Some(slot) = entry.get_mut(at) {
                if i == 0 {
                    slot.2 += 1;
                } else {
                    slot.1 += 1;
                }
            }
        }
    }
    forms
}

/// The document's words as the tagger reads them, and which sentences are
/// headlines in capitals. Typographic quotes and dashes become plain ones.
/// Headlines carry little case information, so their words are read
/// through the rest of the document:
///
/// - in a capitals line, each word of capitals takes the form the document
///   uses most elsewhere ("ENGLAND" → "England", "BEAT" → "beat"), else
///   lowercase if the training text had it in lowercase, else stays;
/// - in a title-case line of a document with other text, a capitalised
///   word is read in lowercase when the document writes it in lowercase
///   more often than capitalised elsewhere (not counting sentence
///   openings), or, when the document has it nowhere else, when the
///   training text had it in lowercase and no name list has it here
///   ("Solidify Military Alliance" → "solidify military alliance", "New
///   York" stays).
pub(crate) fn truecase<'a>(
    lists: &NameLists,
    sentences: &[Vec<&'a str>],
    common: &CommonWords,
) -> (Vec<Vec<Cow<'a, str>>>, Vec<bool>) {
    let caps: Vec<bool> = sentences.iter().map(|s| caps_line(s)).collect();
    let title: Vec<bool> = sentences
        .iter()
        .zip(&caps)
        .map(|(s, c)| !c && title_line(s))
        .collect();
    let mut out: Vec<Vec<Cow<'a, str>>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| plain(w)).collect())
        .collect();
    let headline: Vec<bool> = caps.iter().zip(&title).map(|(c, t)| *c || *t).collect();
    if !headline.iter().any(|h| *h) || headline.iter().all(|h| *h) {
        return (out, caps);
    }
    let wanted: FastSet<String> = out
        .iter()
        .zip(&headline)
        .filter(|(_, h)| **h)
        .flat_map(|(line, _)| line.iter().map(|w| fold(w)))
        .collect();
    let forms = forms_outside(&out, &headline, &wanted);
    let mut changes: Vec<(usize, usize, Cow<'a, str>)> = Vec::new();
    for (s, words) in out.iter().enumerate() {
        if caps.get(s).copied().unwrap_or(false) {
            for (i, w) in words.iter().enumerate() {
                if let Some(form) = capitals_word_form(w, &forms, common) {
                    changes.push((s, i, form));
                }
            }
        } else if title.get(s).copied().unwrap_or(false) {
            let listed = listed_words(lists, words);
            for (i, w) in words.iter().enumerate() {
                let listed = listed.get(i).copied().unwrap_or(true);
                if title_word_lowered(w, &forms, listed, common) {
                    changes.push((s, i, Cow::Owned(w.to_lowercase())));
                }
            }
        }
    }
    for (s, i, form) in changes {
        if let Some(slot) = out.get_mut(s).and_then(|l| l.get_mut(i)) {
            *slot = form;
        }
    }
    (out, caps)
}

/// Which words of a line are inside a listed name ("New" of "New York"):
/// in a title-case line they keep their capital.
fn listed_words(lists: &NameLists, line: &[Cow<str>]) -> Vec<bool> {
    let hashes: Vec<u64> = line.iter().map(|w| token_hash(&fold(w))).collect();
    let caps: Vec<bool> = line
        .iter()
        .map(|w| w.starts_with(char::is_uppercase))
        .collect();
    lists
        .masks(&hashes, &caps)
        .iter()
        .map(|m| *m != 0)
        .collect()
}

/// How a word of a capitals line is read: the form the document uses most
/// elsewhere, else lowercase if the training text had it so; `None` to
/// leave it.
fn capitals_word_form<'a>(
    w: &str,
    forms: &Forms<'a>,
    common: &CommonWords,
) -> Option<Cow<'a, str>> {
    if !is_capitals_word(w) {
        return None;
    }
    let folded = fold(w);
    let best = forms.get(&folded).and_then(|fs| {
        fs.iter()
            .max_by_key(|f| (f.1, f.2, std::cmp::Reverse(f.3)))
            .map(|f| f.0.clone())
    });
    match best {
        Some(form) => Some(form),
        None if common.contains(&folded) => Some(Cow::Owned(w.to_lowercase())),
        None => None,
    }
}

/// Whether a capitalised word of a title-case line is read in lowercase:
/// the document writes it so more often than capitalised, or has it
/// nowhere else while the training text had it in lowercase and no name
/// list covers it (`listed`).
fn title_word_lowered(w: &str, forms: &Forms, listed: bool, common: &CommonWords) -> bool {
    if !w.starts_with(char::is_uppercase) || w.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let folded = fold(w);
    let (lower, upper) = forms.get(&folded).map_or((0, 0), |fs| {
        fs.iter().fold((0, 0), |(l, u), f| {
            if f.0.starts_with(char::is_lowercase) {
                (l + f.1, u)
            } else {
                (l, u + f.1)
            }
        })
    });
    let unseen = lower == 0 && upper == 0;
    lower > upper || (unseen && !listed && common.contains(&folded))
}

/// The first stage's labels, aggregated over the document.
#[derive(Debug, Default)]
pub(crate) struct Stage1 {
    /// Per sentence, per token: the first-stage label.
    labels: Vec<Vec<u8>>,
    /// Per sentence, per token: the word key (folded form hash).
    keys: Vec<Vec<u64>>,
    /// Word key → occurrences per type (O, PER, ORG, LOC, MISC), and how
    /// many of them were inside a name of two or more words, per type.
    counts: KeyMap<([u16; 5], [u16; 5])>,
    /// Per sentence, per token: the type of the last earlier occurrence of
    /// the same word (0 none, 1 O, 2.. types).
    earlier: Vec<Vec<u8>>,
}

/// Type slot of a label: 0 for O, 1 + type otherwise.
fn type_slot(label: u8) -> usize {
    match split(label) {
        (Part::Outside, _) => 0,
        (_, kind) => 1 + kind.min(TYPES.len() - 1),
    }
}

fn in_long_name(label: u8) -> bool {
    matches!(split(label).0, Part::Begin | Part::Inside | Part::Last)
}

impl Stage1 {
    /// Aggregates `labels` (per sentence, per token) over words keyed by
    /// `keys` (same shape).
    pub(crate) fn new(keys: Vec<Vec<u64>>, labels: Vec<Vec<u8>>) -> Stage1 {
        let mut counts: KeyMap<([u16; 5], [u16; 5])> = KeyMap::default();
        let mut last: KeyMap<u8> = KeyMap::default();
        let mut earlier = Vec::with_capacity(keys.len());
        for (ks, ls) in keys.iter().zip(&labels) {
            let mut row = Vec::with_capacity(ks.len());
            for (k, l) in ks.iter().zip(ls) {
                let slot = type_slot(*l);
                let c = counts.entry(*k).or_default();
                c.0[slot] = c.0[slot].saturating_add(1);
                if in_long_name(*l) {
                    c.1[slot] = c.1[slot].saturating_add(1);
                }
                row.push(last.get(k).copied().unwrap_or(0));
                last.insert(*k, 1 + slot as u8);
            }
            earlier.push(row);
        }
        Stage1 {
            labels,
            keys,
            counts,
            earlier,
        }
    }

    pub(crate) fn label(&self, s: usize, i: usize) -> u8 {
        self.labels
            .get(s)
            .and_then(|l| l.get(i))
            .copied()
            .unwrap_or(0)
    }

    /// Document features of token `i` of sentence `s`; `caps` is the
    /// token's capitalisation class (0 lower, 1 initial, 2 all).
    pub(crate) fn features(&self, s: usize, i: usize, caps: u64, out: &mut Vec<u64>) {
        let own = self.label(s, i);
        let prev = if i == 0 { 100 } else { self.label(s, i - 1) };
        let next = match self.labels.get(s).map(Vec::len) {
            Some(n) if i + 1 < n => self.label(s, i + 1),
            _ => 100,
        };
        out.push(key(3000, u64::from(own)));
        out.push(key2(3001, u64::from(prev), u64::from(own)));
        out.push(key2(3002, u64::from(own), u64::from(next)));
        let Some(k) = self.keys.get(s).and_then(|ks| ks.get(i)) else {
            return;
        };
        let earlier = self
            .earlier
            .get(s)
            .and_then(|e| e.get(i))
            .copied()
            .unwrap_or(0);
        out.push(key2(3003, u64::from(earlier), caps));
        let Some((all, long)) = self.counts.get(k) else {
            return;
        };
        // The other occurrences: this one's own label taken out.
        let mut others = *all;
        let slot = type_slot(own);
        others[slot] = others[slot].saturating_sub(1);
        let mut long = *long;
        if in_long_name(own) {
            long[slot] = long[slot].saturating_sub(1);
        }
        let total: u32 = others.iter().map(|c| u32::from(*c)).sum();
        if total == 0 {
            out.push(key2(3004, 99, caps));
            return;
        }
        let (best, n) = others
            .iter()
            .enumerate()
            .max_by_key(|(t, c)| (**c, std::cmp::Reverse(*t)))
            .map(|(t, c)| (t, u32::from(*c)))
            .unwrap_or((0, 0));
        let share = u64::from((n * 4 - 1) / total);
        out.push(key2(3004, best as u64, caps));
        out.push(key2(3005, best as u64 | share << 8, u64::from(own)));
        for (t, c) in others.iter().enumerate().skip(1) {
            if *c > 0 {
                out.push(key2(3006, t as u64, caps));
            }
        }
        for (t, c) in long.iter().enumerate().skip(1) {
            if *c > 0 {
                out.push(key(3007, t as u64));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_lines_read_through_the_document() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "RUGBY",
                "-",
                "ENGLAND",
                "BEAT",
                "VALDORIA",
                "AT",
                "TWICKENHAM",
            ],
            vec![
                "England",
                "beat",
                "the",
                "visitors",
                "at",
                "Twickenham",
                ".",
            ],
            vec!["At", "the", "end", "England", "led", "."],
        ];
        let common = CommonWords::from_hashes(vec![CommonWords::hash("beat")]);
        let (words, caps) = truecase(&crate::Lexicon::standard().name_lists, &doc, &common);
        assert_eq!(caps, [true, false, false]);
        let first: Vec<&str> = words[0].iter().map(|w| w.as_ref()).collect();
        assert_eq!(
            first,
            [
                "RUGBY",
                "-",
                "England",
                "beat",
                "VALDORIA",
                "at",
                "Twickenham"
            ]
        );
    }

    #[test]
    fn title_case_headlines_read_ordinary_words_in_lowercase() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["Valdoria", "Signs", "Trade", "Pact", "With", "Marvonia"],
            vec![
                "Valdoria", "said", "the", "trade", "pact", "was", "signed", ".",
            ],
            vec![
                "The", "pact", "covers", "grain", "and", "Marvonia", "’s", "ports", ".",
            ],
        ];
        let (words, _) = truecase(
            &crate::Lexicon::standard().name_lists,
            &doc,
            &CommonWords::default(),
        );
        let first: Vec<&str> = words[0].iter().map(|w| w.as_ref()).collect();
        assert_eq!(
            first,
            ["Valdoria", "Signs", "trade", "pact", "With", "Marvonia"]
        );
        assert_eq!(words[2][6], "'s");
    }

    #[test]
    fn aggregates_leave_the_token_itself_out() {
        // "Ardent" labelled ORG twice elsewhere and PER here.
        let keys = vec![vec![7, 1], vec![7, 2], vec![7]];
        let u = |kind: usize| crate::bilou::join(Part::Unit, kind);
        let labels = vec![vec![u(1), 0], vec![u(1), 0], vec![u(0)]];
        let stage1 = Stage1::new(keys, labels);
        let mut out = Vec::new();
        stage1.features(2, 0, 1, &mut out);
        // Majority of the others: ORG (slot 2), all of them; the last
        // earlier occurrence: ORG (coded 1 + slot).
        assert!(out.contains(&key2(3004, 2, 1)));
        assert!(out.contains(&key2(3003, 3, 1)));
    }
}
