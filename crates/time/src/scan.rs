//! Tokens for the temporal grammar: words, numbers and single punctuation
//! marks with byte offsets and a lower-case form.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// Digits, possibly with inner `,` `.` `:` ("1,500", "10:30") or a
    /// suffix ("30th", "1990s").
    Num,
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    pub kind: Kind,
    pub capitalised: bool,
}

/// Tokens of `text[start..end]` (nothing when the range is not on character
/// boundaries).
pub(crate) fn tokens(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let Some(slice) = text.get(start..end) else {
        return out;
    };
    let mut iter = slice.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let tok_start = start + off;
        if c.is_alphanumeric() {
            let mut tok_end = off + c.len_utf8();
            let mut has_digit = c.is_ascii_digit();
            while let Some(&(o, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    has_digit |= d.is_ascii_digit();
                    tok_end = o + d.len_utf8();
                    iter.next();
                    continue;
                }
                // Inner separators of numbers: "1,500", "10:30", "2.5".
                let prev_digit = slice[..o].ends_with(|x: char| x.is_ascii_digit());
                let next_digit =
                    slice[o + d.len_utf8()..].starts_with(|x: char| x.is_ascii_digit());
                if matches!(d, ',' | '.' | ':') && prev_digit && next_digit && has_digit {
                    tok_end = o + d.len_utf8();
                    iter.next();
                    continue;
                }
                break;
            }
            let word = &slice[off..tok_end];
            let kind = if c.is_ascii_digit() {
                Kind::Num
            } else {
                Kind::Word
            };
            out.push(Tok {
                start: tok_start,
                end: start + tok_end,
                lower: word.to_lowercase(),
                kind,
                capitalised: c.is_uppercase(),
            });
        } else {
            let lower = match c {
                '’' | '‘' | '`' => "'".to_string(),
                '–' | '—' | '‐' => "-".to_string(),
                _ => c.to_string(),
            };
            out.push(Tok {
                start: tok_start,
                end: tok_start + c.len_utf8(),
                lower,
                kind: Kind::Punct,
                capitalised: false,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Sept. 30, 1989", &["sept", ".", "30", ",", "1989"]),
            ("third-quarter", &["third", "-", "quarter"]),
            ("at 10:30 a.m.", &["at", "10:30", "a", ".", "m", "."]),
            ("the '80s", &["the", "'", "80s"]),
            ("1,500 year’s", &["1,500", "year", "'", "s"]),
        ];
        for (input, want) in cases {
            let got: Vec<String> = tokens(input, 0, input.len())
                .into_iter()
                .map(|t| t.lower)
                .collect();
            assert_eq!(&got, want, "{input}");
        }
    }
}
