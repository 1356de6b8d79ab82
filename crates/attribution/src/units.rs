//! A paragraph as a sequence of units: word and punctuation tokens outside
//! quotes, and whole quote segments as single units, so that the grammar
//! around a quote can be read without looking inside it.

use std::borrow::Cow;

use crate::lexicon::norm;

/// Abbreviations that keep their full stop ("Gen.", "Dr.", "U.S.").
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Del", "Amb", "Supt", "Insp", "Gov", "Atty", "Gen", "Sen", "Rep",
    "Gov", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Rev", "Prof", "St", "Jr", "Sr", "Hon",
    "Brig", "Cmdr", "Gens", "Sens", "Reps", "Govs", "Pres", "Sept", "Jan", "Feb", "Aug", "Oct",
    "Nov", "Dec", "Mt", "Ft", "No", "vs", "Inc", "Corp", "Co", "Ltd",
];

/// Longest entry of [`ABBREVIATIONS`], in bytes: longer words skip the
/// list (every sentence-final word is checked).
const ABBREVIATION_MAX_LEN: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitKind {
    Word,
    Punct,
    /// Index into the document's quote segments.
    Quote(usize),
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
}

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
    units_into(text, lower, start, end, quotes, &mut out);
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

/// [`units`] into a buffer the caller reuses across paragraphs, so that a
/// document costs one allocation rather than one per paragraph.
pub fn units_into<'a>(
    text: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    quotes: &[(usize, usize, usize)],
    out: &mut Vec<Unit<'a>>,
) {
    out.clear();
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    out.reserve(slice.len() / 5 + 4);
    let mut q = quotes.iter().peekable();
    let mut i = 0; // byte offset into `slice`
    while let Some(&b) = bytes.get(i) {
        // ASCII white space (what `char::is_whitespace` accepts below 0x80);
        // no quote opens on it.
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            i += 1;
            continue;
        }
        let abs = start + i;
        if !quotes.is_empty() {
            while q.peek().is_some_and(|&&(_, qend, _)| qend <= abs) {
                q.next();
            }
            if let Some(&&(qopen, qend, idx)) = q.peek() {
                if qopen == abs {
                    out.push(Unit {
                        start: qopen,
                        end: qend,
                        kind: UnitKind::Quote(idx),
                        capital: false,
                        norm: Cow::Borrowed(""),
                    });
                    // Resume at the first char boundary at or after the quote end.
                    i = (qend - start).max(i + 1);
                    while i < slice.len() && !slice.is_char_boundary(i) {
                        i += 1;
                    }
                    continue;
                }
            }
        }
        // ASCII bytes are classified without decoding a char.
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match char_at(slice, i) {
                Some(c) => c,
                None => break,
            }
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if c.is_alphanumeric() {
            let (j, stop_dot, ascii) = word_end(slice, i + clen, c);
            let mut j = j;
            let word_end = start + j;
            let word = text.get(abs..word_end).unwrap_or("");
            let mut stop = word_end;
            if stop_dot {
                let single_letter =
                    word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                // "R-Ky." and "D-Wis.": a party and state tag.
                let state_tag = word.rsplit_once('-').is_some_and(|(_, s)| {
                    s.len() <= 4 && s.chars().next().is_some_and(char::is_uppercase)
                });
                if single_letter
                    || state_tag
                    || word.contains('.')
                    || (word.len() <= ABBREVIATION_MAX_LEN && ABBREVIATIONS.contains(&word))
                {
                    stop = word_end + 1;
                    j += 1;
                }
            }
            let word = text.get(abs..stop).unwrap_or("");
            out.push(Unit {
                start: abs,
                end: stop,
                kind: UnitKind::Word,
                capital: c.is_uppercase(),
                // An ASCII word's normal form is its slice of the
                // lower-cased text: no allocation per capitalised word.
                norm: match lower.get(abs..stop) {
                    Some(l) if ascii => Cow::Borrowed(l),
                    _ => Cow::Owned(norm(word)),
                },
            });
            i = j;
            continue;
        }
        out.push(Unit {
            start: abs,
            end: abs + clen,
            kind: UnitKind::Punct,
            capital: false,
            norm: Cow::Borrowed(text.get(abs..abs + clen).unwrap_or("")),
        });
        i += clen;
    }
}

/// End (byte offset in `slice`) of the word whose first char `first` ends
/// at `j`, whether a full stop follows it, and whether the word is ASCII. Apostrophes, hyphens, stops
/// and ampersands join letters (People’s, U.S., AT&T); a comma joins only
/// digits (12,000).
fn word_end(slice: &str, mut j: usize, first: char) -> (usize, bool, bool) {
    let bytes = slice.as_bytes();
    let mut prev = first;
    let mut ascii = first.is_ascii();
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_alphanumeric() {
            prev = char::from(b);
            j += 1;
            continue;
        }
        let Some(cj) = char_at(slice, j) else { break };
        let after = char_at(slice, j + cj.len_utf8());
        let next_alnum = after.is_some_and(char::is_alphanumeric);
        let inner = matches!(cj, '\'' | '’' | '-' | '.' | '&' | ',') && next_alnum;
        let inner = inner
            && (cj != ',' || (prev.is_ascii_digit() && after.is_some_and(|x| x.is_ascii_digit())));
        if cj.is_alphanumeric() || inner {
            prev = cj;
            ascii &= cj.is_ascii();
            j += cj.len_utf8();
        } else {
            break;
        }
    }
    (j, bytes.get(j) == Some(&b'.'), ascii)
}

/// True for units that end a sentence: `.`, `?`, `!` tokens, or a quote
/// whose text ends with one and is followed by a capitalised word or
/// another quote (“... over.” Next sentence).
pub fn ends_sentence(units: &[Unit], k: usize, text: &str) -> bool {
    let Some(u) = units.get(k) else { return true };
    match u.kind {
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
        UnitKind::Word => false,
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
