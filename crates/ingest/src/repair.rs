//! Normalising one paragraph's text: whitespace collapsed, invisible and
//! control characters removed, and the gap an extractor leaves before a full
//! stop or comma when it drops a footnote link ("a new front .") closed.

use std::borrow::Cow;

/// Collapses whitespace runs to one space, drops control and zero-width
/// characters, and closes "word ." / "word ," gaps (but not " ..." or " .5").
pub fn clean_paragraph(text: &str) -> String {
    let ascii = text.is_ascii();
    let kept: Cow<str> = if has_dropped(text, ascii) {
        text.chars()
            .filter(|&c| !is_dropped(c))
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    let out = if ascii {
        // Most paragraphs of news are ASCII: split as bytes, the words are
        // found without decoding a character.
        let words = kept.as_bytes().split(|&b| is_ascii_space(b));
        join_words(words, kept.len())
    } else {
        join_words(kept.split_whitespace().map(str::as_bytes), kept.len())
    };
    // Whole words of the text and spaces: UTF-8 as the text was.
    String::from_utf8(out).unwrap_or_default()
}

/// The non-empty `words` joined by one space, except before a lone `.`,
/// `,` or `;` after a word: that space is the trace of a removed footnote
/// link ("a new front ."). Words are copied whole: a byte or a character
/// at a time costs several times more on the megabytes of a crawl.
fn join_words<'a>(words: impl Iterator<Item = &'a [u8]>, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    for word in words.filter(|w| !w.is_empty()) {
        let footnote_gap =
            matches!(word, b"." | b"," | b";") && last_char(&out).is_some_and(ends_word);
        if !out.is_empty() && !footnote_gap {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    out
}

/// The last character of the UTF-8 text in `bytes`.
fn last_char(bytes: &[u8]) -> Option<char> {
    // A character starts at any byte that does not continue one.
    let start = bytes.iter().rposition(|&b| b & 0xc0 != 0x80)?;
    std::str::from_utf8(bytes.get(start..)?)
        .ok()?
        .chars()
        .next()
}

/// `char::is_whitespace` of an ASCII byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether `text` holds a character [`is_dropped`] drops; `ascii` text is
/// read as bytes, without the Unicode tables.
fn has_dropped(text: &str, ascii: bool) -> bool {
    if ascii {
        text.bytes()
            .any(|b| b.is_ascii_control() && !is_ascii_space(b))
    } else {
        text.chars().any(is_dropped)
    }
}

/// Control and zero-width characters, which the text never shows.
fn is_dropped(c: char) -> bool {
    !c.is_whitespace()
        && (c.is_control()
            || matches!(
                c,
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
            ))
}

/// The end of a word, a bracket or a closing quote: what a footnote link
/// may follow.
fn ends_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ')' | '"' | '”' | '’' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_repair_table() {
        let cases: &[(&str, &str)] = &[
            ("  a  new\tfront .  ", "a new front."),
            (
                "officials said , on Monday , that",
                "officials said, on Monday, that",
            ),
            ("the end ;", "the end;"),
            (
                "zero\u{200b}width and soft\u{ad}hyphen",
                "zerowidth and softhyphen",
            ),
            ("control\u{3} char", "control char"),
            ("“quoted” .", "“quoted”."),
            ("line\nbreak", "line break"),
            ("", ""),
            ("wait ... and see", "wait ... and see"),
            ("rose by .5 points", "rose by .5 points"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_paragraph(input), *want, "input {input:?}");
        }
    }

    /// On random strings of the characters the rules look at, ASCII and
    /// not: the kept characters stay in order, one space at most between
    /// them and none at the ends, and a space before a lone `.`, `,` or `;`
    /// only where no word, bracket or closing quote stands before it.
    #[test]
    fn random_paragraphs_keep_the_rules() {
        const PIECES: &[&str] = &[
            "a", "Z", "7", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1}", "\u{1f}",
            "\u{7f}", ".", ",", ";", "...", ")", "\"", "'", "word", " .", " ,", " ;5", "”", "’",
            "\u{200b}", "\u{ad}", "\u{a0}", "é",
        ];
        let mut rng = crosscheck_testkit::Lcg::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..rng.below(32) {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
            let out = clean_paragraph(&text);
            let shown: String = text
                .chars()
                .filter(|&c| !is_dropped(c) && !c.is_whitespace())
                .collect();
            assert_eq!(out.replace(' ', ""), shown, "input {text:?}");
            assert!(!out.starts_with(' ') && !out.ends_with(' '), "{text:?}");
            assert!(!out.contains("  "), "{text:?}");
            assert!(
                !out.chars().any(|c| c != ' ' && c.is_whitespace()),
                "{text:?}"
            );
            let chars: Vec<char> = out.chars().collect();
            for (k, w) in chars.windows(2).enumerate() {
                if w[0] == ' ' && matches!(w[1], '.' | ',' | ';') {
                    let lone = chars.get(k + 2).is_none_or(|&n| n == ' ');
                    let after_word = k > 0 && chars.get(k - 1).is_some_and(|&p| ends_word(p));
                    assert!(
                        !(lone && after_word),
                        "gap left open in {out:?} from {text:?}"
                    );
                }
            }
        }
    }
}
