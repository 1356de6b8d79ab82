//! How facts reads the shared token layer (`crosscheck_text::TokenLayer`):
//! as its `Split::DigitLetter` view, so digits and letters are apart ("4km",
//! "10M", "21st") and hyphens stand alone ("three-year-long"), which lets
//! the number reader see each piece. Folded forms come from the layer.

use std::borrow::Cow;

use crosscheck_model::{Document, Sentence};
use crosscheck_text::{Shape, Split, TokenLayer};

pub(crate) use crosscheck_text::{Token as Tok, TokenKind as Kind};

/// The word without its possessive "'s" or "’s" ("Sweden's" → "Sweden"),
/// when it has one.
pub(crate) fn without_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"))
}

/// The tokens of sentence `i` of the layer's document, as facts cuts them,
/// appended to `out`: the layer's digit/letter view, with one cut of its
/// own (see [`lone_numeral`]).
pub(crate) fn sentence_tokens(layer: &TokenLayer, text: &str, i: usize, out: &mut Vec<Tok>) {
    let from = out.len();
    layer.split(text, layer.sentence(i), Split::DigitLetter, out);
    // Nearly every sentence is ASCII, and no ASCII token holds one.
    if out
        .get(from..)
        .is_none_or(|view| view.iter().all(|t| t.shape.has(Shape::ASCII)))
    {
        return;
    }
    let view: Vec<Tok> = out.drain(from..).collect();
    for t in view {
        if t.shape.has(Shape::ASCII) || !t.text(text).chars().any(lone_numeral) {
            out.push(t);
            continue;
        }
        let mut at = t.start();
        for (offset, c) in t
            .text(text)
            .char_indices()
            .filter(|&(_, c)| lone_numeral(c))
        {
            let (c0, c1) = (t.start() + offset, t.start() + offset + c.len_utf8());
            layer.window(text, at, c0, Split::DigitLetter, out);
            let mark = out.len();
            layer.window(text, c0, c1, Split::DigitLetter, out);
            for piece in out.iter_mut().skip(mark) {
                piece.kind = Kind::Punct;
            }
            at = c1;
        }
        layer.window(text, at, t.end(), Split::DigitLetter, out);
    }
}

/// A char the layer counts in words but the figure reader reads as a mark
/// of its own: a numeral that is neither a letter nor an ASCII digit ("½"
/// in "1½", "²" in "km²"), which the numeral and unit rules look for alone.
fn lone_numeral(c: char) -> bool {
    !c.is_ascii() && c.is_alphanumeric() && !c.is_alphabetic()
}

/// `text[start..end]` cut on its own, for callers without a document's
/// layer (a unit surface, one sentence to read): its layer (which holds the
/// folded forms) and its tokens.
pub(crate) fn cut(text: &str, start: usize, end: usize) -> (TokenLayer, Vec<Tok>) {
    let layer = TokenLayer::new(text, &[Sentence::new(start, end)]);
    let mut toks = Vec::new();
    sentence_tokens(&layer, text, 0, &mut toks);
    (layer, toks)
}

/// `doc`'s layer, or one cut here when the caller has none or one not cut
/// for these sentences (a document analysed outside the pipeline).
pub(crate) fn layer_for<'a>(layer: Option<&'a TokenLayer>, doc: &Document) -> Cow<'a, TokenLayer> {
    match layer {
        Some(l) if l.sentence_count() == doc.sentences.len() => Cow::Borrowed(l),
        _ => Cow::Owned(TokenLayer::new(&doc.text, &doc.sentences)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        cut(s, 0, s.len()).1.iter().map(|t| t.text(s)).collect()
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
            ("at 10:30", &["at", "10", ":", "30"]),
            (
                "1½ cups, 5 km² and ½cup",
                &["1", "½", "cups", ",", "5", "km", "²", "and", "½", "cup"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&pieces(input), want, "input: {input}");
        }
    }

    #[test]
    fn kinds_and_folds() {
        let text = "The U.S. SAID 14,000 Troops’ 4km";
        let (layer, toks) = cut(text, 0, text.len());
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Word,
                Kind::Word,
                Kind::Number,
                Kind::Word,
                Kind::Punct,
                Kind::Number,
                Kind::Word
            ]
        );
        let folds: Vec<&str> = toks.iter().map(|t| layer.fold(t)).collect();
        assert_eq!(
            folds,
            ["the", "u.s.", "said", "14,000", "troops", "'", "4", "km"]
        );
        let text = "2½ km²";
        let (layer, toks) = cut(text, 0, text.len());
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Kind::Number, Kind::Punct, Kind::Word, Kind::Punct]);
        assert_eq!(layer.fold(&toks[2]), "km");
    }
}
