//! The temporal grammar's view of the document's shared token layer: every
//! mark a token of its own except digit separators ([`Split::Marks`]: "Sept"
//! "." "30" "," "1989", "third" "-" "quarter", "10:30"), each with its
//! folded form.

use crosscheck_text::{Split, Token, TokenKind, TokenLayer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// Starts with a digit: "1,500", "10:30", "30th", "1990s".
    Num,
    Punct,
}

/// One token as the grammar reads it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// The folded form (lower case, typographic marks as ASCII).
    pub lower: &'a str,
    pub kind: Kind,
    pub capitalised: bool,
}

fn tok<'a>(layer: &'a TokenLayer, t: &Token) -> Tok<'a> {
    let kind = match t.kind {
        TokenKind::Punct => Kind::Punct,
        _ if t.shape.has(crosscheck_text::Shape::DIGIT_INITIAL) => Kind::Num,
        _ => Kind::Word,
    };
    Tok {
        start: t.start(),
        end: t.end(),
        lower: layer.fold(t),
        kind,
        capitalised: t.shape.capitalised(),
    }
}

/// Buffers for cutting sentence after sentence without allocating.
#[derive(Default)]
pub(crate) struct Words {
    pieces: Vec<Token>,
}

impl Words {
    /// The tokens of sentence `i` into `out` (cleared first).
    pub(crate) fn sentence<'a>(
        &mut self,
        layer: &'a TokenLayer,
        text: &str,
        i: usize,
        out: &mut Vec<Tok<'a>>,
    ) {
        self.pieces.clear();
        layer.split(text, layer.sentence(i), Split::Marks, &mut self.pieces);
        out.clear();
        out.extend(self.pieces.iter().map(|t| tok(layer, t)));
    }
}

/// The tokens of `text[from..to]`, cut as if that stretch stood alone.
pub(crate) fn window<'a>(
    layer: &'a TokenLayer,
    text: &str,
    from: usize,
    to: usize,
) -> Vec<Tok<'a>> {
    let mut pieces = Vec::new();
    layer.window(text, from, to, Split::Marks, &mut pieces);
    pieces.iter().map(|t| tok(layer, t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar's own tokeniser before it read the shared layer, kept to
    /// check the layer's view against.
    fn reference(text: &str, start: usize, end: usize) -> Vec<(usize, usize, String, Kind, bool)> {
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
                out.push((
                    tok_start,
                    start + tok_end,
                    word.to_lowercase(),
                    kind,
                    c.is_uppercase(),
                ));
            } else {
                let lower = match c {
                    '’' | '‘' | '`' => "'".to_string(),
                    '–' | '—' | '‐' => "-".to_string(),
                    _ => c.to_string(),
                };
                out.push((
                    tok_start,
                    tok_start + c.len_utf8(),
                    lower,
                    Kind::Punct,
                    false,
                ));
            }
        }
        out
    }

    /// The layer's view gives the old tokeniser's tokens for every stretch
    /// of mixed news text (same offsets, kinds and capitals; the same
    /// lower-case form wherever the text has no diacritics, which the
    /// layer's fold removes).
    #[test]
    fn layer_view_equals_the_old_tokeniser() {
        let texts = [
            "Sept. 30, 1989: at 10:30 a.m. the third-quarter (Q3) '80s 1,500 year’s mid-1990s.",
            "On 3/4/2024 the “April 27” report—x 2.5 10,000-12,000 a1,5 U.S. 30th.",
            "ÉTÉ 1999 Zoë’s «Mai» 5:0 ,1 1, ‘98",
        ];
        for text in texts {
            let sentences = crosscheck_text::SentenceSplitter::new()
                .split(text, crosscheck_model::Range::new(0, text.len()));
            let layer = TokenLayer::new(text, &sentences);
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b > a) {
                    let got: Vec<_> = window(&layer, text, a, b)
                        .into_iter()
                        .map(|t| (t.start, t.end, t.lower.to_string(), t.kind, t.capitalised))
                        .collect();
                    let mut want = reference(text, a, b);
                    for (w, g) in want.iter_mut().zip(&got) {
                        if !text[w.0..w.1].is_ascii() {
                            w.2 = g.2.clone();
                        }
                    }
                    assert_eq!(got, want, "{:?}", &text[a..b]);
                }
            }
        }
    }
}
