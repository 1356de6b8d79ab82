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

/// Tokens of `text[start..end]`.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
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
            out.push(Tok {
                start: byte_at(i),
                end: byte_at(i + 1),
            });
            i += 1;
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
                if word.contains('.') || (word.chars().count() == 1 && c.is_uppercase()) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&words(text), want, "{text}");
        }
    }
}
