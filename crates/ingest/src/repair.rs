//! Normalising one paragraph's text: whitespace collapsed, invisible and
//! control characters removed, and the gap an extractor leaves before a full
//! stop or comma when it drops a footnote link ("a new front .") closed.

/// Collapses whitespace runs to one space, drops control and zero-width
/// characters, and closes "word ." / "word ," gaps (but not " ..." or " .5").
pub fn clean_paragraph(text: &str) -> String {
    // Most paragraphs of news are ASCII: read as bytes, the same rules
    // skip decoding every character and growing a four-byte-per-char copy.
    if text.is_ascii() {
        return clean_ascii(text);
    }
    clean_chars(text)
}

/// [`clean_paragraph`] of ASCII text, one byte per character.
fn clean_ascii(text: &str) -> String {
    let space = |b: u8| char::from(b).is_whitespace();
    let kept: Vec<u8> = text
        .bytes()
        .filter(|&b| space(b) || !char::from(b).is_control())
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(kept.len());
    let mut i = 0;
    while let Some(&c) = kept.get(i) {
        if !space(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while kept.get(j).is_some_and(|&b| space(b)) {
            j += 1;
        }
        if !out.is_empty() && j < kept.len() && !is_ascii_footnote_gap(&out, &kept, j) {
            out.push(b' ');
        }
        i = j;
    }
    // ASCII in, ASCII out.
    String::from_utf8(out).unwrap_or_default()
}

/// [`is_footnote_gap`] over ASCII bytes.
fn is_ascii_footnote_gap(out: &[u8], kept: &[u8], punct_at: usize) -> bool {
    if !kept
        .get(punct_at)
        .is_some_and(|p| matches!(p, b'.' | b',' | b';'))
    {
        return false;
    }
    let after_ok = kept
        .get(punct_at + 1)
        .is_none_or(|&n| char::from(n).is_whitespace());
    let before_ok = out
        .last()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b')' | b'"' | b'\''));
    after_ok && before_ok
}

/// [`clean_paragraph`] of any text, character by character.
fn clean_chars(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .filter(|&c| {
            c.is_whitespace()
                || !(c.is_control()
                    || matches!(
                        c,
                        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{ad}'
                    ))
        })
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        if !out.is_empty() && j < chars.len() && !is_footnote_gap(&out, &chars, j) {
            out.push(' ');
        }
        i = j;
    }
    out
}

/// A space before `.`, `,` or `;` that follows a word and is followed by the
/// end or a space: the trace of a removed footnote link.
fn is_footnote_gap(out: &str, chars: &[char], punct_at: usize) -> bool {
    let Some(&p) = chars.get(punct_at) else {
        return false;
    };
    if !matches!(p, '.' | ',' | ';') {
        return false;
    }
    let after_ok = chars.get(punct_at + 1).is_none_or(|n| n.is_whitespace());
    let before_ok = out
        .chars()
        .last()
        .is_some_and(|b| b.is_alphanumeric() || matches!(b, ')' | '"' | '”' | '’' | '\''));
    after_ok && before_ok
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

    /// The ASCII path gives what the character path gives, on random
    /// strings of the characters the rules look at.
    #[test]
    fn ascii_path_matches_the_character_path() {
        const PIECES: &[&str] = &[
            "a", "Z", "7", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1}", "\u{1f}",
            "\u{7f}", ".", ",", ";", "...", ")", "\"", "'", "word", " .", " ,", " ;5",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            let mut text = String::new();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            for _ in 0..(state >> 59) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(PIECES[((state >> 33) as usize) % PIECES.len()]);
            }
            assert_eq!(clean_ascii(&text), clean_chars(&text), "input {text:?}");
        }
    }
}
