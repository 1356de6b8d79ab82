//! A paragraph as a sequence of units: word and punctuation tokens outside
//! quotes, and whole quote segments as single units, so that the grammar
//! around a quote can be read without looking inside it.

use std::cell::Cell;

use crosscheck_text::{Shape, Token, TokenKind, TokenLayer};

use crate::lexicon::{class, FunctionClass, Lexicon};

/// Abbreviations that keep their full stop ("Gen.", "Dr."); the token
/// layer keeps it only on initials and dotted acronyms ("J.", "U.S.").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Del", "Amb", "Supt", "Insp", "Gov", "Atty", "Gen", "Sen", "Rep",
    "Gov", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Rev", "Prof", "St", "Jr", "Sr", "Hon",
    "Brig", "Cmdr", "Gens", "Sens", "Reps", "Govs", "Pres", "Sept", "Jan", "Feb", "Aug", "Oct",
    "Nov", "Dec", "Mt", "Ft", "No", "vs", "Inc", "Corp", "Co", "Ltd",
];

/// A word of at most 4 bytes as a number (its bytes, zero above).
const fn pack4(word: &[u8]) -> u32 {
    let mut key = 0u32;
    let mut k = 0;
    while k < word.len() && k < 4 {
        key |= (word[k] as u32) << (8 * k);
        k += 1;
    }
    key
}

/// [`ABBREVIATIONS`] packed by [`pack4`]: a word is tested with integer
/// compares. Words hold no NUL byte, so the packing is exact.
const ABBREVIATION_KEYS: [u32; ABBREVIATIONS.len()] = {
    let mut out = [0u32; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        out[k] = pack4(ABBREVIATIONS[k].as_bytes());
        k += 1;
    }
    out
};

/// Longest entry of [`ABBREVIATIONS`], in bytes: longer words skip the
/// list (every word before a stop is checked).
const ABBREVIATION_MAX_LEN: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    Word,
    Punct,
    /// Index into the document's quote segments.
    /// (u32 keeps the unit at 56 bytes; an index past u32 finds no
    /// segment and the quote is skipped.)
    Quote(u32),
}

/// A word or mark of the token layer, or a whole quote segment.
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: UnitKind,
    /// A word whose first char is upper-case.
    capital: bool,
    /// A word's folded form, from the token layer; a mark as written;
    /// empty for quotes.
    norm: &'a str,
    /// Lexicon class bits of the normal form ([`class::BY_NORM`]) and of
    /// the word as written ([`class::AS_WRITTEN`]), with the cue list the
    /// word starts in the upper half: looked up when the unit is built,
    /// from the lexicon the extractor holds, so that the rules and the
    /// tagger read the units without a lexicon at hand.
    classes: u32,
    /// [`word_hash`] of the normal form, computed on first use (0: not
    /// yet): the tagger's cue gate and features share it.
    hash: Cell<u64>,
}

/// 64-bit FNV-1a of a normal form: stable across builds and platforms
/// (the tagger's model stores word hashes).
pub const fn word_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut k = 0;
    while k < bytes.len() {
        h ^= bytes[k] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        k += 1;
    }
    h
}

impl Unit<'_> {
    pub fn norm(&self) -> &str {
        self.norm
    }

    /// [`word_hash`] of the normal form, hashed once per unit.
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = word_hash(self.norm.as_bytes());
        self.hash.set(h);
        h
    }

    pub fn is_word(&self) -> bool {
        self.kind == UnitKind::Word
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, UnitKind::Quote(_))
    }

    /// "not", "never" or a word ending in "n't": a negation.
    pub fn is_negation(&self) -> bool {
        let w = self.norm();
        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n’t")
    }

    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == UnitKind::Punct && self.norm() == p
    }

    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }

    /// A word that starts with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.capital
    }

    /// Whether the normal form is in a list of `classes` (bits of
    /// [`class::BY_NORM`]).
    pub fn is(&self, classes: u16) -> bool {
        self.classes & u32::from(classes & class::BY_NORM) != 0
    }

    /// The class bits of the normal form ([`class::BY_NORM`]).
    pub fn classes(&self) -> u16 {
        (self.classes & u32::from(class::BY_NORM)) as u16
    }

    /// [`Unit::classes`] as the lists give them, without the bits a
    /// hyphenated word takes from its last part.
    pub fn listed_classes(&self) -> u16 {
        if self.classes & u32::from(class::FROM_LAST_PART) != 0 {
            0
        } else {
            self.classes()
        }
    }

    /// Whether the word as written is in a list of `classes` (bits of
    /// [`class::AS_WRITTEN`]).
    pub fn is_written(&self, classes: u16) -> bool {
        self.classes & u32::from(classes & class::AS_WRITTEN) != 0
    }

    /// Whether a speech cue may start with this word (its first word is in
    /// the cue list).
    #[inline]
    pub fn may_start_cue(&self) -> bool {
        self.is(class::CUE_START)
    }

    /// The cue list this word starts (for [`crate::lexicon::Lexicon::cue_in_list`]).
    pub fn cue_list(&self) -> u32 {
        self.classes >> 16
    }

    /// The function-word class of the normal form.
    pub fn function_class(&self) -> Option<FunctionClass> {
        if !self.is(class::PREPOSITION | class::RELATIVE | class::AUXILIARY) {
            None
        } else if self.is(class::PREPOSITION) {
            Some(FunctionClass::Preposition)
        } else if self.is(class::RELATIVE) {
            Some(FunctionClass::Relative)
        } else {
            Some(FunctionClass::Auxiliary)
        }
    }

    fn quote(start: usize, end: usize, index: usize, classes: u32) -> Unit<'static> {
        Unit {
            start,
            end,
            kind: UnitKind::Quote(u32::try_from(index).unwrap_or(u32::MAX)),
            capital: false,
            norm: "",
            classes,
            hash: Cell::new(0),
        }
    }
}

/// Units of `text[start..end]` read from the token layer; `quotes` are
/// (open, end, index) byte ranges of the quote segments that lie in it, in
/// order.
#[cfg(test)]
pub fn units<'a>(
    lexicon: &Lexicon,
    text: &'a str,
    layer: &'a TokenLayer,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize)],
) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    append_units(lexicon, text, layer, start, end, quotes, &mut out);
    out
}

/// [`units`] appended to `out`, which holds a whole document's units: the
/// layer's tokens that lie inside `text[start..end]`, a quote segment as
/// one unit in place of its tokens, and the full stop of an abbreviation
/// ("Gen.", "p.m.", "D-Wis.") joined to its word. Each unit's classes are
/// looked up in `lexicon` here.
pub fn append_units<'a>(
    lexicon: &Lexicon,
    text: &'a str,
    layer: &'a TokenLayer,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize)],
    out: &mut Vec<Unit<'a>>,
) {
    let tokens = layer.tokens();
    let first = tokens.partition_point(|t| t.start() < start);
    let tokens = tokens.get(first..).unwrap_or(&[]);
    // The next quote that has not ended before the current token, and
    // where it opens (most tokens lie before it: one compare).
    let mut q = 0;
    let mut next_open = quotes.first().map_or(usize::MAX, |&(open, _, _)| open);
    let mut k = 0;
    while let Some(t) = tokens.get(k) {
        let at = t.start();
        if t.end() > end {
            break;
        }
        if at >= next_open {
            while quotes.get(q).is_some_and(|&(_, qend, _)| qend <= at) {
                q += 1;
            }
            next_open = quotes.get(q).map_or(usize::MAX, |&(open, _, _)| open);
            if let Some(&(qopen, qend, index)) = quotes.get(q).filter(|&&(open, _, _)| open == at) {
                // A quote's normal form is empty; as written it is the
                // whole segment, looked up as any unit is.
                let classes = lexicon.listed_classes("", text.get(qopen..qend).unwrap_or(""));
                out.push(Unit::quote(qopen, qend, index, classes));
                k += tokens
                    .get(k..)
                    .unwrap_or(&[])
                    .partition_point(|t| t.start() < qend);
                continue;
            }
        }
        k += 1;
        if t.shape.has(CLOCK) && push_clock(lexicon, t, text, layer, out) {
            continue;
        }
        if t.kind == TokenKind::Punct {
            let mark = t.text(text);
            out.push(Unit {
                start: at,
                end: t.end(),
                kind: UnitKind::Punct,
                capital: false,
                norm: mark,
                classes: lexicon.listed_classes(mark, mark),
                hash: Cell::new(0),
            });
            continue;
        }
        let (stop, norm) = match tokens.get(k) {
            Some(next) if next.end() <= end && keeps_stop(t, next, text) => {
                match layer.fold_joined(t, next) {
                    Some(joined) => {
                        k += 1;
                        (next.end(), joined)
                    }
                    None => (t.end(), layer.fold(t)),
                }
            }
            _ => (t.end(), layer.fold(t)),
        };
        out.push(Unit {
            start: at,
            end: stop,
            kind: UnitKind::Word,
            capital: t.shape.capitalised(),
            norm,
            // An ASCII token with no joining mark inside holds no hyphen,
            // nor does its fold: its classes are the lists' alone.
            classes: if stop == t.end() && t.shape.has(Shape::ASCII) && !t.shape.has(Shape::JOINED)
            {
                lexicon.listed_classes(norm, text.get(at..stop).unwrap_or(""))
            } else {
                lexicon.unit_classes(norm, text.get(at..stop).unwrap_or(""))
            },
            hash: Cell::new(0),
        });
    }
}

/// Shape of a token that may join digits with a colon ("10:35PM").
const CLOCK: Shape = Shape::HAS_DIGIT
    .with(Shape::JOINED)
    .with(Shape::FOLD_SAME_LEN);

/// A token the layer joined at a colon between digits ("10:35PM") as the
/// units read it: the parts and the colons apart (a clock time is no
/// speaker). False when `t` holds no colon.
fn push_clock<'a>(
    lexicon: &Lexicon,
    t: &Token,
    text: &'a str,
    layer: &'a TokenLayer,
    out: &mut Vec<Unit<'a>>,
) -> bool {
    let word = t.text(text);
    if !word.contains(':') {
        return false;
    }
    let fold = layer.fold(t);
    let mut at = 0;
    for (k, part) in word.split(':').enumerate() {
        if k > 0 {
            out.push(Unit {
                start: t.start() + at - 1,
                end: t.start() + at,
                kind: UnitKind::Punct,
                capital: false,
                norm: ":",
                classes: lexicon.unit_classes(":", ":"),
                hash: Cell::new(0),
            });
        }
        let norm = fold.get(at..at + part.len()).unwrap_or("");
        let written = word.get(at..at + part.len()).unwrap_or("");
        out.push(Unit {
            start: t.start() + at,
            end: t.start() + at + part.len(),
            kind: UnitKind::Word,
            capital: part.chars().next().is_some_and(char::is_uppercase),
            norm,
            classes: lexicon.unit_classes(norm, written),
            hash: Cell::new(0),
        });
        at += part.len() + 1;
    }
    true
}

/// Whether word `t` takes the full stop `next` that touches it: a single
/// capital ("J."), a word with a stop inside ("p.m."), a party and state
/// tag ("R-Ky.", "D-Wis.") or an abbreviation of [`ABBREVIATIONS`].
#[inline]
fn keeps_stop(t: &Token, next: &Token, text: &str) -> bool {
    let is_stop =
        next.end() == next.start() + 1 && text.as_bytes().get(next.start()) == Some(&b'.');
    if !is_stop || !t.touches(next) {
        return false;
    }
    let word = t.text(text);
    if word.ends_with('.') {
        // The layer gave it its stop already ("U.S."): this one is another.
        return false;
    }
    let mut chars = word.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // (Byte loops: the words are short, a memchr call costs more.)
    let (mut last_dash, mut has_stop) = (None, false);
    for (p, &b) in word.as_bytes().iter().enumerate() {
        match b {
            b'-' => last_dash = Some(p),
            b'.' => has_stop = true,
            _ => {}
        }
    }
    let state_tag = last_dash.is_some_and(|p| {
        let s = word.get(p + 1..).unwrap_or("");
        s.len() <= 4 && s.chars().next().is_some_and(char::is_uppercase)
    });
    single_letter
        || state_tag
        || has_stop
        || (word.len() <= ABBREVIATION_MAX_LEN
            && ABBREVIATION_KEYS.contains(&pack4(word.as_bytes())))
}

/// True for units that end a sentence: `.`, `?`, `!` tokens, or a quote
/// whose text ends with one and is followed by a capitalised word or
/// another quote (“... over.” Next sentence).
#[inline]
pub fn ends_sentence(units: &[Unit], k: usize, text: &str) -> bool {
    let Some(u) = units.get(k) else { return true };
    match u.kind {
        UnitKind::Word => false,
        UnitKind::Punct => {
            // "(D-Wis.) said", "5 p.m. on": a stop before a bracket, comma or
            // lower-case word ends an abbreviation, not the sentence.
            matches!(u.norm(), "." | "?" | "!")
                && units.get(k + 1).is_none_or(|n| {
                    let continues = matches!(n.norm(), ")" | "," | ";" | ":")
                        || (n.is_word()
                            && n.text(text).chars().next().is_some_and(char::is_lowercase));
                    !continues
                })
        }
        UnitKind::Quote(_) => {
            let inner = text.get(u.start..u.end).unwrap_or("");
            let trimmed = inner.trim_end_matches(['”', '’', '"', '\'', '»']);
            let terminal = trimmed.ends_with(['.', '?', '!']);
            terminal
                && units.get(k + 1).is_none_or(|n| {
                    n.is_quote() || (n.capitalised() && !is_pronoun_start(n.norm()))
                })
        }
    }
}

fn is_pronoun_start(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we" | "i")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::Sentence;

    fn layer(text: &str) -> TokenLayer {
        TokenLayer::new(text, &[Sentence::new(0, text.len())])
    }

    /// The words of `text[from..to]`, as the units cut them.
    fn words(text: &str, from: usize, to: usize) -> Vec<&str> {
        units(&Lexicon::standard(), text, &layer(text), from, to, &[])
            .iter()
            .map(|u| u.text(text))
            .collect()
    }

    #[test]
    fn words_keep_abbreviations_and_apostrophes() {
        let text = "Gen. Mark Reynolds told U.S. officials People’s 12,000 troops, then left.";
        let got = words(text, 0, text.len());
        assert_eq!(
            got,
            [
                "Gen.",
                "Mark",
                "Reynolds",
                "told",
                "U.S.",
                "officials",
                "People’s",
                "12,000",
                "troops",
                ",",
                "then",
                "left",
                "."
            ]
        );
    }

    #[test]
    fn non_ascii_words_and_joiners() {
        // Each case: text, expected units, expected normal forms (the
        // layer's fold for words, marks as written).
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Zoë’s café, AT&T\u{a0}and 3,5 or 12,000.",
                &[
                    "Zoë’s", "café", ",", "AT&T", "and", "3,5", "or", "12,000", ".",
                ],
                &[
                    "zoe's", "cafe", ",", "at&t", "and", "3,5", "or", "12,000", ".",
                ],
            ),
            (
                "a,b x- y É.",
                &["a", ",", "b", "x", "-", "y", "É."],
                &["a", ",", "b", "x", "-", "y", "e."],
            ),
            (
                "Sen. Ola Brek (D-Wis.) spoke 5 p.m. — fine’ ok",
                &[
                    "Sen.", "Ola", "Brek", "(", "D-Wis.", ")", "spoke", "5", "p.m.", "—", "fine",
                    "’", "ok",
                ],
                &[
                    "sen.", "ola", "brek", "(", "d-wis.", ")", "spoke", "5", "p.m.", "—", "fine",
                    "’", "ok",
                ],
            ),
        ];
        for (text, want, norms) in cases {
            let layer = layer(text);
            let got = units(&Lexicon::standard(), text, &layer, 0, text.len(), &[]);
            let words: Vec<&str> = got.iter().map(|u| u.text(text)).collect();
            let got_norms: Vec<&str> = got.iter().map(Unit::norm).collect();
            assert_eq!(&words, want, "{text}");
            assert_eq!(&got_norms, norms, "{text}");
        }
        let text = "Émile x Y";
        let layer = layer(text);
        let caps: Vec<bool> = units(&Lexicon::standard(), text, &layer, 0, text.len(), &[])
            .iter()
            .map(Unit::capitalised)
            .collect();
        assert_eq!(caps, [true, false, true]);
    }

    #[test]
    fn a_range_holds_only_its_own_units() {
        let text = "One said. Two said.";
        let got = words(text, 10, text.len());
        assert_eq!(got, ["Two", "said", "."]);
        let got = words(text, 0, 8);
        assert_eq!(got, ["One", "said"]);
    }

    #[test]
    fn packed_abbreviations_match_the_list() {
        for w in ["Mr", "Gen", "Sept", "Inc", "vs", "No", "Co"] {
            assert!(ABBREVIATION_KEYS.contains(&pack4(w.as_bytes())), "{w}");
        }
        for w in ["M", "Mrs.", "Gene", "co", "INC", "Sep", "t"] {
            let listed = ABBREVIATIONS.contains(&w);
            assert_eq!(
                ABBREVIATION_KEYS.contains(&pack4(w.as_bytes())),
                listed,
                "{w}"
            );
        }
    }

    #[test]
    fn units_stay_small() {
        assert!(std::mem::size_of::<Unit>() <= 64);
    }

    #[test]
    fn abbreviation_length_bound_holds() {
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= ABBREVIATION_MAX_LEN));
    }

    #[test]
    fn quotes_are_single_units() {
        let text = "He said “a b c” today.";
        let open = text.find('“').unwrap_or(0);
        let close = text.find('”').unwrap_or(0) + '”'.len_utf8();
        let layer = layer(text);
        let u = units(
            &Lexicon::standard(),
            text,
            &layer,
            0,
            text.len(),
            &[(open, close, 0)],
        );
        let kinds: Vec<bool> = u.iter().map(Unit::is_quote).collect();
        assert_eq!(kinds, [false, false, true, false, false]);
    }

    #[test]
    fn word_hashes_are_computed_once_and_stable() {
        let text = "said";
        let layer = layer(text);
        let u = units(&Lexicon::standard(), text, &layer, 0, text.len(), &[]);
        assert_eq!(u[0].hash(), word_hash(b"said"));
        assert_eq!(u[0].hash(), word_hash(b"said"));
    }
}
