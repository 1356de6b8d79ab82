//! A tokenizer for figure reading: digits and letters are split apart ("4km",
//! "10M", "21st") and hyphens stand alone ("three-year-long"), so the number
//! reader can see each piece; `attached` tells whether two tokens touch.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes and acronym dots ("People’s", "U.S.").
    Word,
    /// ASCII digits with inner `,` or `.` separators ("14,000", "1.5").
    Num,
    /// Any other single character.
    Sym,
}

/// A token: byte offsets into the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
}

impl Tok {
    pub(crate) fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokens of `text[start..end]` with absolute offsets.
pub(crate) fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let Some(slice) = text.get(start..end) else {
        return Vec::new();
    };
    // ASCII text (most newswire) is scanned by byte; other text through its
    // decoded characters. Both run the same scanner.
    if slice.is_ascii() {
        let bytes = slice.as_bytes();
        scan(
            |i| bytes.get(i).map(|&b| char::from(b)),
            |i| if i < bytes.len() { start + i } else { end },
        )
    } else {
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        scan(
            |i| chars.get(i).map(|&(_, c)| c),
            |i| chars.get(i).map(|&(o, _)| start + o).unwrap_or(end),
        )
    }
}

/// The tokenizer proper: `ch(i)` is the `i`-th character (None past the
/// end) and `at(i)` its byte offset in the text (the end offset past it).
fn scan(ch: impl Fn(usize) -> Option<char>, at: impl Fn(usize) -> usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = ch(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let begin = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while let Some(d) = ch(i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if matches!(d, ',' | '.') && ch(i + 1).is_some_and(|n| n.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            Kind::Num
        } else if c.is_alphabetic() {
            i += 1;
            while let Some(d) = ch(i) {
                if d.is_alphabetic() {
                    i += 1;
                } else if is_apostrophe(d) && ch(i + 1).is_some_and(|n| n.is_alphabetic()) {
                    i += 2;
                } else if d == '.'
                    && ch(i - 1).is_some_and(|p| p.is_uppercase())
                    && (i - begin == 1 || ch(i - 2) == Some('.'))
                    && ch(i + 1).is_none_or(|n| !n.is_lowercase())
                {
                    // Acronym dots: "U.S." keeps its dots; "U.S" gets the last one too.
                    i += 1;
                    if !ch(i).is_some_and(|n| n.is_uppercase()) {
                        break;
                    }
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += 1;
            Kind::Sym
        };
        out.push(Tok {
            start: at(begin),
            end: at(i),
            kind,
        });
    }
    out
}

/// The lowercase form of every token of a list, computed once: the
/// extractors compare each word against many lexicon entries, and lowering
/// it anew for each comparison dominated their run time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lowered {
    buf: String,
    /// Each token's lowercase form as a byte range of `buf`.
    spans: Vec<(usize, usize)>,
}

impl Lowered {
    pub(crate) fn new(text: &str, toks: &[Tok]) -> Lowered {
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return Lowered::default();
        };
        // An ASCII stretch is lowered in one pass and tokens index into it;
        // otherwise each token is lowered on its own (`to_lowercase` may
        // change its length).
        if let Some(stretch) = text.get(first.start..last.end).filter(|s| {
            s.is_ascii()
                && toks
                    .iter()
                    .all(|t| first.start <= t.start && t.start <= t.end && t.end <= last.end)
        }) {
            let base = first.start;
            let buf = stretch.to_ascii_lowercase();
            let spans = toks
                .iter()
                .map(|t| (t.start.saturating_sub(base), t.end.saturating_sub(base)))
                .collect();
            return Lowered { buf, spans };
        }
        let mut buf = String::with_capacity(toks.iter().map(|t| t.end - t.start).sum());
        let mut spans = Vec::with_capacity(toks.len());
        for t in toks {
            let from = buf.len();
            let s = t.text(text);
            if s.is_ascii() {
                buf.push_str(s);
                if let Some(added) = buf.get_mut(from..) {
                    added.make_ascii_lowercase();
                }
            } else {
                buf.push_str(&s.to_lowercase());
            }
            spans.push((from, buf.len()));
        }
        Lowered { buf, spans }
    }

    /// Token `i` in lowercase, "" past the end.
    pub(crate) fn get(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .and_then(|&(a, b)| self.buf.get(a..b))
            .unwrap_or("")
    }
}

/// True when token `b` starts right where `a` ends.
pub(crate) fn attached(a: &Tok, b: &Tok) -> bool {
    a.end == b.start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn lowered_equals_to_lowercase_of_each_token() {
        let cases = [
            "The U.S. Army SAID 14,000 Troops.",
            "ÉCOLE Straße: İstanbul’s KELVIN \u{212A}m and ΣΟΦΙΑ",
            "",
            "   ",
        ];
        for input in cases {
            for (start, end) in [(0, input.len()), (0, input.len() / 2)] {
                let Some(_) = input.get(start..end) else {
                    continue;
                };
                let toks = tokenize(input, start, end);
                let lowered = Lowered::new(input, &toks);
                for (i, t) in toks.iter().enumerate() {
                    assert_eq!(
                        lowered.get(i),
                        t.text(input).to_lowercase(),
                        "{input:?} #{i}"
                    );
                }
                assert_eq!(lowered.get(toks.len()), "");
            }
        }
    }

    #[test]
    fn splits_digits_letters_and_hyphens() {
        let cases: &[(&str, &[&str])] = &[
            ("14,000 troops.", &["14,000", "troops", "."]),
            (
                "a three-year-long war",
                &["a", "three", "-", "year", "-", "long", "war"],
            ),
            (
                "€10M and 4km^2",
                &["€", "10", "M", "and", "4", "km", "^", "2"],
            ),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("Russia’s 21st", &["Russia’s", "21", "st"]),
            ("10,000-12,000", &["10,000", "-", "12,000"]),
            ("1.5 million.", &["1.5", "million", "."]),
        ];
        for (input, want) in cases {
            assert_eq!(&pieces(input), want, "input: {input}");
        }
    }
}
