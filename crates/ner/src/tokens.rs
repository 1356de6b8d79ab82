//! The tagger's view of the shared token layer ([`TokenLayer`]): the
//! layer's tokens, cut or kept together where the conventions the tagger was
//! trained on (Penn/CoNLL) differ from the layer's:
//!
//! - a possessive `'s` apart ("Putin" "'s"; the layer's `Split::Possessive`);
//! - a clitic written apart is one token ("Germany 's", "’ve"), not a quote
//!   mark and a word;
//! - a word with a dot inside keeps its final dot ("a.m."), and so does a
//!   capitalised known abbreviation ("Corp.", "Jr.") unless that dot ends
//!   the sentence, where it is read as the full stop.
//!
//! Digits are as the layer cuts them: a comma or colon between two digits
//! joins ("14,000", "10:30"), any other does not ("1,a" is three tokens).

use std::ops::Range;

use crosscheck_model::Sentence;
use crosscheck_text::{Shape, Split, Token, TokenKind, TokenLayer};

/// Clitics written apart, as tokenised text has them ("Germany 's").
const CLITICS: &[&str] = &["s", "S", "m", "ve", "ll", "d", "re"];

/// The tagger's tokens of sentence `i` of `layer`, whose text is
/// `text[range]`, appended to `out`.
pub(crate) fn sentence_tokens(
    layer: &TokenLayer,
    text: &str,
    i: usize,
    range: Range<usize>,
    out: &mut Vec<Token>,
) {
    let toks = layer.sentence(i);
    // A possessive or two more than the layer's tokens.
    out.reserve(toks.len() + 4);
    let mut k = 0;
    while let Some(t) = toks.get(k) {
        let joined = toks
            .get(k + 1)
            .filter(|n| joins(text, &range, t, n))
            .and_then(|n| layer.join(text, t, n));
        let token = joined.unwrap_or(*t);
        k += if joined.is_some() { 2 } else { 1 };
        if token.shape.has(Shape::POSSESSIVE) {
            layer.split(text, std::slice::from_ref(&token), Split::Possessive, out);
        } else {
            out.push(token);
        }
    }
}

/// A text (a name, a line of training text) cut as one sentence: its layer
/// and the tagger's tokens.
pub(crate) fn text_tokens(text: &str) -> (TokenLayer, Vec<Token>) {
    let layer = TokenLayer::new(text, &[Sentence::new(0, text.len())]);
    let mut out = Vec::new();
    sentence_tokens(&layer, text, 0, 0..text.len(), &mut out);
    (layer, out)
}

/// Whether the tagger reads `t` and the token `n` right after it as one: a
/// clitic after a space, or a word and its final dot.
fn joins(text: &str, sentence: &Range<usize>, t: &Token, n: &Token) -> bool {
    if !t.touches(n) {
        return false;
    }
    let (word, next) = (t.text(text), n.text(text));
    if t.kind == TokenKind::Punct {
        let after_space = t.start() == sentence.start
            || text
                .get(..t.start())
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_whitespace);
        return matches!(word, "'" | "’") && after_space && CLITICS.contains(&next);
    }
    next == "."
        && ((word.contains('.') && !word.ends_with('.'))
            || (t.shape.capitalised()
                && n.end() < sentence.end
                && crosscheck_text::is_abbreviation(word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod reference {
        //! The tokeniser the tagger used before it read the token layer,
        //! kept to check the view against.

        /// One token: byte range into the text it came from.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) struct Tok {
            pub(super) start: usize,
            pub(super) end: usize,
        }

        fn is_joiner(c: char) -> bool {
            matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | ',')
        }

        fn is_word_char(c: char) -> bool {
            c.is_alphanumeric()
        }

        /// The character at byte `at` of `s` and its length in bytes (ASCII
        /// without decoding).
        #[inline]
        fn char_at(s: &str, at: usize) -> Option<(char, usize)> {
            let b = *s.as_bytes().get(at)?;
            if b.is_ascii() {
                return Some((char::from(b), 1));
            }
            let c = s.get(at..)?.chars().next()?;
            Some((c, c.len_utf8()))
        }

        /// Clitics written apart, as tokenised text has them ("Germany 's"): the
        /// apostrophe and its letters stay one token.
        const CLITICS: &[&str] = &["s", "S", "m", "ve", "ll", "d", "re"];

        /// The length in bytes of a clitic (`'s`, `’ve`, ...) starting at byte `at`
        /// of `slice`, when it stands alone: after white space or the start, before
        /// anything but a letter or digit.
        fn clitic_at(slice: &str, at: usize) -> Option<usize> {
            let rest = slice.get(at..)?;
            let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '’'))?;
            let after_space = slice
                .get(..at)
                .is_some_and(|b| b.chars().next_back().is_none_or(char::is_whitespace));
            if !after_space {
                return None;
            }
            let letters = rest.get(quote.len_utf8()..)?;
            CLITICS.iter().find_map(|c| {
                let tail = letters.strip_prefix(c)?;
                let ends = tail.chars().next().is_none_or(|n| !is_word_char(n));
                ends.then(|| quote.len_utf8() + c.len())
            })
        }

        /// A capitalised abbreviation whose dot belongs to it ("Corp.", "Jr.").
        fn keeps_dot(word: &str) -> bool {
            word.starts_with(char::is_uppercase) && crosscheck_text::is_abbreviation(word)
        }

        /// Tokens of `text[start..end]`.
        pub(super) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
            let mut out = Vec::new();
            let Some(slice) = text.get(start..end) else {
                return out;
            };
            // About one token per five bytes of news text.
            out.reserve(slice.len() / 5 + 1);
            let mut i = 0;
            while let Some((c, c_len)) = char_at(slice, i) {
                if c.is_whitespace() {
                    i += c_len;
                    continue;
                }
                if !is_word_char(c) {
                    let len = clitic_at(slice, i).unwrap_or(c_len);
                    out.push(Tok {
                        start: start + i,
                        end: start + i + len,
                    });
                    i += len;
                    continue;
                }
                let numeric_start = c.is_ascii_digit();
                // The token so far: `i..j`, `chars` characters, `dotted` when a
                // joining dot is inside it.
                let mut j = i + c_len;
                let mut chars = 1;
                let mut dotted = false;
                while let Some((d, d_len)) = char_at(slice, j) {
                    if is_word_char(d) {
                        j += d_len;
                        chars += 1;
                        continue;
                    }
                    let next = char_at(slice, j + d_len).filter(|(n, _)| is_word_char(*n));
                    // Commas join only digit groups ("14,000").
                    if d == ',' && !(numeric_start && next.is_some()) {
                        break;
                    }
                    if let (true, Some((_, n_len))) = (is_joiner(d), next) {
                        j += d_len + n_len;
                        chars += 2;
                        dotted |= d == '.';
                        continue;
                    }
                    // Abbreviation dots: "U.S.", "J." and "Corp." keep the final dot
                    // when the token already has an inner dot, is a single capital
                    // or a known abbreviation not ending the text (there the dot
                    // ends the sentence too, and is read as doing so).
                    if d == '.'
                        && (dotted
                            || (chars == 1 && c.is_uppercase())
                            || (j + d_len < slice.len()
                                && keeps_dot(slice.get(i..j).unwrap_or(""))))
                    {
                        j += d_len;
                    }
                    break;
                }
                // Split a trailing possessive: "Putin's" -> "Putin" "'s".
                let (tok_start, tok_end) = (start + i, start + j);
                let word = slice.get(i..j).unwrap_or("");
                let split = ["'s", "’s", "'S", "’S"]
                    .iter()
                    .find(|p| word.len() > p.len() && word.ends_with(**p))
                    .map(|p| tok_end - p.len());
                match split {
                    Some(mid) => {
                        out.push(Tok {
                            start: tok_start,
                            end: mid,
                        });
                        out.push(Tok {
                            start: mid,
                            end: tok_end,
                        });
                    }
                    None => out.push(Tok {
                        start: tok_start,
                        end: tok_end,
                    }),
                }
                i = j;
            }
            out
        }
    }

    fn view(text: &str) -> Vec<&str> {
        let (_, toks) = text_tokens(text);
        toks.iter().map(|t| t.text(text)).collect()
    }

    fn reference(text: &str) -> Vec<&str> {
        reference::tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_news_text() {
        let cases: &[(&str, &[&str])] = &[
            ("Kim Jong-un's envoy", &["Kim", "Jong-un", "'s", "envoy"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("Mara’s 14,000 men.", &["Mara", "’s", "14,000", "men", "."]),
            ("(KCNA) reported", &["(", "KCNA", ")", "reported"]),
            ("Paris, France", &["Paris", ",", "France"]),
            ("J. Smith", &["J.", "Smith"]),
            (
                "Dow Chemical Corp. said",
                &["Dow", "Chemical", "Corp.", "said"],
            ),
            (
                "shares of Dow Chemical Corp.",
                &["shares", "of", "Dow", "Chemical", "Corp", "."],
            ),
            ("at 10 a.m. today", &["at", "10", "a.m.", "today"]),
            ("Germany 's exports", &["Germany", "'s", "exports"]),
            ("'sorry' 's", &["'", "sorry", "'", "'s"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&view(text), want, "{text}");
        }
    }

    /// The view cuts as the tokeniser it replaced on text mixing scripts,
    /// joiners, abbreviations, possessives, clitics and odd spacing, in
    /// every window of it.
    #[test]
    fn view_equals_the_replaced_tokeniser() {
        let texts = [
            "Kim Jong-un's envoy met U.S. and E.U. officials in St. Petersburg, Russia.",
            "Mara’s 14,000 men (and 2 boys), J. Smith's pay: $3.5bn; A.B.C. d.e. x.",
            "Gdańsk’S ÉTÉ — «Zoë» l'été 'quoted' \u{85}tab\there\u{a0}nbsp a-b- -c",
            "Ünïcödé.Wörd ü.ö. Ö. 東京 Tōkyō 's 'S ’ ‐dash‐ M&A R&D. Co.'s",
            "Acme Corp. and Zeta Inc.'s unit; Germany 's and ’ve 'sx 'll",
            "in the U.S.. Then N.Y.. and C.. Co..",
            "",
            " . , ' ",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let slice = &text[a..b];
                    let layer = TokenLayer::new(text, &[Sentence::new(a, b)]);
                    let mut toks = Vec::new();
                    sentence_tokens(&layer, text, 0, a..b, &mut toks);
                    let view: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
                    assert_eq!(view, reference(slice), "{slice:?} in {text:?}");
                }
            }
        }
    }

    /// Where the view knowingly differs: digits joined by commas and colons
    /// follow the layer.
    #[test]
    fn digits_follow_the_layer() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "at 10:30 today",
                &["at", "10:30", "today"],
                &["at", "10", ":", "30", "today"],
            ),
            ("1,a", &["1", ",", "a"], &["1,a"]),
            ("B1,000", &["B1,000"], &["B1", ",", "000"]),
        ];
        for (text, now, before) in cases {
            assert_eq!(&view(text), now, "{text}");
            assert_eq!(&reference(text), before, "{text}");
        }
    }
}
