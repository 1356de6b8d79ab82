use crosscheck_model::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or dots ("People’s", "U.S.").
    Word,
    /// Digits with inner separators ("14,000", "1.5").
    Number,
    /// Any other single non-space character.
    Punct,
}

/// A token: byte range into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// Splits `text[range]` into word, number and punctuation tokens.
pub fn tokenize(text: &str, range: Range) -> Vec<Token> {
    let slice = text.get(range.start..range.end).unwrap_or("");
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = range.start + off;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if j + 1 < chars.len()
                    && chars[j + 1].1.is_alphanumeric()
                    && (is_inner_joiner(d) || (numeric && d == ','))
                {
                    j += 2;
                } else if d == '.'
                    && !numeric
                    && j >= 1
                    && chars[j - 1].1.is_uppercase()
                    && (j < 2 || chars[j - 2].1 == '.')
                {
                    // Acronym dots: "U.S." keeps its final dot.
                    j += 1;
                    break;
                } else {
                    break;
                }
            }
            let end = chars
                .get(j)
                .map(|(o, _)| range.start + o)
                .unwrap_or(range.end);
            let tok = &text[start..end];
            let kind = if tok
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token { start, end, kind });
            i = j;
        } else {
            let end = start + c.len_utf8();
            out.push(Token {
                start,
                end,
                kind: TokenKind::Punct,
            });
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, Range::new(0, s.len()))
            .iter()
            .map(|t| t.text(s))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "the Korean People’s Army",
                &["the", "Korean", "People’s", "Army"],
            ),
            ("14,000 troops.", &["14,000", "troops", "."]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("“Yes,” he said", &["“", "Yes", ",", "”", "he", "said"]),
            ("1.5 million", &["1.5", "million"]),
            ("10,000-12,000", &["10,000-12,000"]),
        ];
        for (input, want) in cases {
            assert_eq!(&words(input), want, "input: {input}");
        }
    }
}
