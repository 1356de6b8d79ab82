//! A tokeniser that keeps the conventions the tagger was trained on
//! (WikiANN/Penn-style: punctuation apart, possessive `'s` split off) and
//! reports byte offsets into the caller's text.

/// One token: byte range into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
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
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
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
                    || (j + d_len < slice.len() && keeps_dot(slice.get(i..j).unwrap_or(""))))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser as first written (over a vector of characters), kept
    /// to check the byte-wise one against.
    fn tokenize_reference(text: &str, start: usize, end: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let Some(slice) = text.get(start..end) else {
            return out;
        };
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        let byte_at = |i: usize| chars.get(i).map(|(o, _)| start + o).unwrap_or(end);
        let mut i = 0;
        while let Some(&(_, c)) = chars.get(i) {
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            if !is_word_char(c) {
                let len = clitic_at(slice, byte_at(i) - start).unwrap_or(c.len_utf8());
                let stop = byte_at(i) + len;
                out.push(Tok {
                    start: byte_at(i),
                    end: stop,
                });
                while chars.get(i).is_some_and(|(o, _)| start + o < stop) {
                    i += 1;
                }
                continue;
            }
            let numeric_start = c.is_ascii_digit();
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                if is_word_char(d) {
                    j += 1;
                    continue;
                }
                let next_is_word = chars.get(j + 1).is_some_and(|(_, n)| is_word_char(*n));
                // Commas join only digit groups ("14,000").
                if d == ',' && !(numeric_start && next_is_word) {
                    break;
                }
                if is_joiner(d) && next_is_word {
                    j += 2;
                    continue;
                }
                // Abbreviation dots: "U.S." and "St." keep the final dot when the
                // token already has an inner dot or is a single capital.
                if d == '.' {
                    let word: String = chars[i..j].iter().map(|(_, c)| *c).collect();
                    if word.contains('.')
                        || (word.chars().count() == 1 && c.is_uppercase())
                        || (j + 1 < chars.len() && keeps_dot(&word))
                    {
                        j += 1;
                    }
                }
                break;
            }
            // Split a trailing possessive: "Putin's" -> "Putin" "'s".
            let tok_start = byte_at(i);
            let tok_end = byte_at(j);
            let word = &text[tok_start..tok_end];
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

    /// Same tokens as the character-vector version on text mixing
    /// scripts, joiners, abbreviations, possessives, digit groups and
    /// odd spacing, at every start and end offset.
    #[test]
    fn bytewise_tokens_equal_reference_tokens() {
        let texts = [
            "Kim Jong-un's envoy met U.S. and E.U. officials in St. Petersburg, Russia.",
            "Mara’s 14,000 men (and 1,2 boys), J. Smith's pay: $3.5bn; A.B.C. d.e. x.",
            "Gdańsk’S ÉTÉ — «Zoë» l'été 'quoted' \u{85}tab\there\u{a0}nbsp 1.2.3 a-b- -c",
            "Ünïcödé.Wörd ü.ö. Ö. 東京 Tōkyō,1,000,x 9,a a,1 's 'S ’ ‐dash‐ M&A R&D.",
            "Acme Corp. and Zeta Inc.'s unit; Germany 's and ’ve 'sx 'll",
            "",
            " . , ' ",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    assert_eq!(
                        tokenize(text, a, b),
                        tokenize_reference(text, a, b),
                        "{text:?} {a}..{b}"
                    );
                }
            }
            assert_eq!(tokenize(text, 3, 1), Vec::new());
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
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
            ("Germany 's exports", &["Germany", "'s", "exports"]),
            ("'sorry' 's", &["'", "sorry", "'", "'s"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }
}
