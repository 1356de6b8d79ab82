//! Normalising one paragraph's text: whitespace collapsed, invisible and
//! control characters removed, and the gap an extractor leaves before a full
//! stop or comma when it drops a footnote link ("a new front .") closed.

/// Collapses whitespace runs to one space, drops control and zero-width
/// characters, and closes "word ." / "word ," gaps (but not " ..." or " .5").
pub fn clean_paragraph(text: &str) -> String {
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
}
