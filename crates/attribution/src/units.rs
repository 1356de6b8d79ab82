//! A paragraph as a sequence of units: word and punctuation tokens outside
//! quotes, and whole quote segments as single units, so that the grammar
//! around a quote can be read without looking inside it.

use std::borrow::Cow;
use std::cell::Cell;

use crate::lexicon::{class, norm, FunctionClass, LEXICON};

/// Abbreviations that keep their full stop ("Gen.", "Dr.", "U.S.").
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
/// list (every sentence-final word is checked).
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

#[derive(Debug, Clone)]
pub struct Unit<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: UnitKind,
    /// A word whose first char is upper-case.
    capital: bool,
    /// Lower-cased text with ’ folded to ' (empty for quotes); borrowed
    /// from the document when already in that form, which most words are.
    norm: Cow<'a, str>,
    /// Lexicon class bits, looked up on first use ([`NORM_KNOWN`] and
    /// [`WRITTEN_KNOWN`] tell which halves are filled): a word is often
    /// asked about several times as phrases are tried around it.
    classes: Cell<u32>,
}

/// Set at tokenisation when the word's shape fits some cue's first word,
/// so that most words fail the cue test on one bit.
const CUE_SHAPE: u32 = 1 << 13;
const NORM_KNOWN: u32 = 1 << 14;
const WRITTEN_KNOWN: u32 = 1 << 15;

impl Unit<'_> {
    pub fn norm(&self) -> &str {
        &self.norm
    }

    pub fn is_word(&self) -> bool {
        self.kind == UnitKind::Word
    }

    pub fn is_quote(&self) -> bool {
        matches!(self.kind, UnitKind::Quote(_))
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
        let mut c = self.classes.get();
        if c & NORM_KNOWN == 0 {
            c |= NORM_KNOWN | LEXICON.norm_entry(self.norm());
            self.classes.set(c);
        }
        c & u32::from(classes) != 0
    }

    /// Whether the word as written is in a list of `classes` (bits of
    /// [`class::AS_WRITTEN`]).
    pub fn is_written(&self, classes: u16, doc: &str) -> bool {
        let mut c = self.classes.get();
        if c & WRITTEN_KNOWN == 0 {
            c |= WRITTEN_KNOWN | u32::from(LEXICON.written_classes(self.text(doc)));
            self.classes.set(c);
        }
        c & u32::from(classes) != 0
    }

    /// Whether a speech cue may start with this word (its first word is in
    /// the cue list).
    #[inline]
    pub fn may_start_cue(&self) -> bool {
        self.classes.get() & CUE_SHAPE != 0 && self.is(class::CUE_START)
    }

    /// The cue list this word starts (for [`crate::lexicon::Lexicon::cue_in_list`]).
    pub fn cue_list(&self) -> u32 {
        self.is(0);
        self.classes.get() >> 16
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
}

/// Units of `text[start..end]`; `quotes` are (open, end) byte ranges of the
/// quote segments that lie in it, in order.
/// `lower` is `text` with ASCII letters lower-cased (same byte offsets).
#[cfg(test)]
pub fn units<'a>(
    text: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize)],
) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    append_units(text, lower, start, end, quotes, &mut out);
    out
}

/// The char starting at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    // ASCII first: almost all of news text, and no UTF-8 decoding needed.
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..)?.chars().next(),
        None => None,
    }
}

/// Byte classes for the tokeniser: one table load tells white space,
/// letters and digits, capitals and word-joining marks apart, so that
/// ASCII text is never decoded char by char.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const UPPER: u8 = 4;
/// `'`, `-`, `.`, `&`, `,`: join two word parts (People's, U.S., AT&T,
/// 12,000).
const JOINER: u8 = 8;
/// First or later byte of a multi-byte char.
const NON_ASCII: u8 = 16;

static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            // What `char::is_whitespace` accepts below 0x80.
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&' | b',') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};

#[inline(always)]
fn class(b: u8) -> u8 {
    BYTE_CLASS[usize::from(b)]
}

/// [`units`] appended to `out`, which holds a whole document's units.
pub fn append_units<'a>(
    text: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize)],
    out: &mut Vec<Unit<'a>>,
) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    let lexicon = &*LEXICON;
    let mut q = quotes.iter();
    // Open offset of the next quote that has not ended before `i`.
    let mut next_quote = q.next();
    let mut i = 0; // byte offset into `slice`
    while let Some(&b) = bytes.get(i) {
        let cl = class(b);
        // No quote opens on white space.
        if cl & SPACE != 0 {
            i += 1;
            continue;
        }
        let abs = start + i;
        if let Some(&(mut qopen, mut qend, mut idx)) = next_quote {
            while qend <= abs {
                next_quote = q.next();
                match next_quote {
                    Some(&(o, e, x)) => (qopen, qend, idx) = (o, e, x),
                    None => break,
                }
            }
            if next_quote.is_some() && qopen == abs {
                out.push(Unit {
                    start: qopen,
                    end: qend,
                    kind: UnitKind::Quote(u32::try_from(idx).unwrap_or(u32::MAX)),
                    capital: false,
                    norm: Cow::Borrowed(""),
                    classes: Cell::new(0),
                });
                // Resume at the first char boundary at or after the quote end.
                i = (qend - start).max(i + 1);
                while i < slice.len() && !slice.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
        }
        let (first, clen) = if cl & NON_ASCII == 0 {
            (char::from(b), 1)
        } else {
            match char_at(slice, i) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let is_word = if cl & NON_ASCII == 0 {
            cl & ALNUM != 0
        } else if first.is_whitespace() {
            i += clen;
            continue;
        } else {
            first.is_alphanumeric()
        };
        if !is_word {
            out.push(Unit {
                start: abs,
                end: abs + clen,
                kind: UnitKind::Punct,
                capital: false,
                norm: Cow::Borrowed(text.get(abs..abs + clen).unwrap_or("")),
                classes: Cell::new(0),
            });
            i += clen;
            continue;
        }
        let (mut j, ascii) = word_end(slice, i + clen, cl & NON_ASCII == 0);
        let word_end = start + j;
        let mut stop = word_end;
        if bytes.get(j) == Some(&b'.') {
            let word = text.get(abs..word_end).unwrap_or("");
            let mut chars = word.chars();
            let single_letter =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
            // "R-Ky." and "D-Wis.": a party and state tag. (Byte loops: the
            // words are short, a memchr call costs more.)
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
            if single_letter
                || state_tag
                || has_stop
                || (word.len() <= ABBREVIATION_MAX_LEN
                    && ABBREVIATION_KEYS.contains(&pack4(word.as_bytes())))
            {
                stop = word_end + 1;
                j += 1;
            }
        }
        // An ASCII word's normal form is its slice of the lower-cased
        // text: no allocation per capitalised word.
        let norm = match lower.get(abs..stop) {
            Some(l) if ascii => Cow::Borrowed(l),
            _ => Cow::Owned(norm(text.get(abs..stop).unwrap_or(""))),
        };
        let cue_shape = if lexicon.may_start_cue(&norm) {
            CUE_SHAPE
        } else {
            0
        };
        out.push(Unit {
            start: abs,
            end: stop,
            kind: UnitKind::Word,
            capital: if cl & NON_ASCII == 0 {
                cl & UPPER != 0
            } else {
                first.is_uppercase()
            },
            norm,
            classes: Cell::new(cue_shape),
        });
        i = j;
    }
}

/// Whether the char at byte `j` of `slice` is a letter or digit, and
/// whether it is an ASCII digit.
#[inline(always)]
fn alnum_at(slice: &str, j: usize) -> (bool, bool) {
    match slice.as_bytes().get(j) {
        Some(&b) if b < 0x80 => (class(b) & ALNUM != 0, b.is_ascii_digit()),
        Some(_) => (char_at(slice, j).is_some_and(char::is_alphanumeric), false),
        None => (false, false),
    }
}

/// End (byte offset in `slice`) of the word whose first char ends at `j`,
/// and whether the word is ASCII. Apostrophes, hyphens, stops and
/// ampersands join letters (People’s, U.S., AT&T); a comma joins only
/// digits (12,000).
#[inline(always)]
fn word_end(slice: &str, mut j: usize, mut ascii: bool) -> (usize, bool) {
    let bytes = slice.as_bytes();
    loop {
        // The hot loop: a run of ASCII letters and digits.
        let rest = bytes.get(j..).unwrap_or(&[]);
        j += rest
            .iter()
            .position(|&b| class(b) & ALNUM == 0)
            .unwrap_or(rest.len());
        let Some(&b) = bytes.get(j) else { break };
        let cl = class(b);
        if cl & JOINER != 0 {
            let (next_alnum, next_digit) = alnum_at(slice, j + 1);
            // The char before a joiner is always a letter or digit here, so
            // a byte test tells whether it is an ASCII digit.
            let prev_digit = j > 0 && bytes.get(j - 1).is_some_and(u8::is_ascii_digit);
            if next_alnum && (b != b',' || (prev_digit && next_digit)) {
                j += 1;
                continue;
            }
            break;
        }
        if cl & NON_ASCII == 0 {
            break;
        }
        let Some(cj) = char_at(slice, j) else { break };
        let len = cj.len_utf8();
        if cj.is_alphanumeric() || (cj == '’' && alnum_at(slice, j + len).0) {
            ascii = false;
            j += len;
            continue;
        }
        break;
    }
    (j, ascii)
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

    #[test]
    fn words_keep_abbreviations_and_apostrophes() {
        let text = "Gen. Mark Reynolds told U.S. officials People’s 12,000 troops, then left.";
        let lower = text.to_ascii_lowercase();
        let got: Vec<&str> = units(text, &lower, 0, text.len(), &[])
            .iter()
            .map(|u| u.text(text))
            .collect();
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
        // Each case: text, expected units, expected normal forms.
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Zoë’s café, AT&T\u{a0}and 3,5 or 12,000.",
                &[
                    "Zoë’s", "café", ",", "AT&T", "and", "3,5", "or", "12,000", ".",
                ],
                &[
                    "zoë's", "café", ",", "at&t", "and", "3,5", "or", "12,000", ".",
                ],
            ),
            (
                "a,b x- y É.",
                &["a", ",", "b", "x", "-", "y", "É."],
                &["a", ",", "b", "x", "-", "y", "é."],
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
            let lower = text.to_ascii_lowercase();
            let got = units(text, &lower, 0, text.len(), &[]);
            let words: Vec<&str> = got.iter().map(|u| u.text(text)).collect();
            let got_norms: Vec<&str> = got.iter().map(Unit::norm).collect();
            assert_eq!(&words, want, "{text}");
            assert_eq!(&got_norms, norms, "{text}");
        }
        let text = "Émile x Y";
        let lower = text.to_ascii_lowercase();
        let caps: Vec<bool> = units(text, &lower, 0, text.len(), &[])
            .iter()
            .map(Unit::capitalised)
            .collect();
        assert_eq!(caps, [true, false, true]);
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
        assert!(std::mem::size_of::<Unit>() <= 56);
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
        let lower = text.to_ascii_lowercase();
        let u = units(text, &lower, 0, text.len(), &[(open, close, 0)]);
        let kinds: Vec<bool> = u.iter().map(Unit::is_quote).collect();
        assert_eq!(kinds, [false, false, true, false, false]);
    }
}
