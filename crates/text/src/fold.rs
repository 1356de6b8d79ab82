//! The folded form of a word: lower case, common Latin diacritics off,
//! typographic apostrophes and dashes as their ASCII forms ("Zelenskyy’s" →
//! "zelenskyy's", "Gdańsk" → "gdansk", "third–quarter" → "third-quarter").
//!
//! Folding is char by char, so the folded form of any stretch of a word is
//! the matching stretch of the word's folded form: token views can cut a
//! token's folded form instead of folding again.

/// Appends the folded form of one (already lower-cased) char.
fn fold_lower_char(c: char, out: &mut String) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '’' | '‘' | '`' | '´' => "'",
        '‐' | '‑' | '–' | '—' => "-",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(folded);
}

/// Appends the folded form of one char.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    for l in c.to_lowercase() {
        fold_lower_char(l, out);
    }
}

/// Appends the folded form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    // ASCII (nearly every news token) folds to its ASCII lowercase; the
    // backtick is the one ASCII char folded to something else.
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        fold_char_into(c, out);
    }
}

/// The folded form of `word`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Bytes the folded form of `c` takes.
pub(crate) fn folded_len(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    let mut buf = String::new();
    fold_char_into(c, &mut buf);
    buf.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_typography() {
        let cases = [
            ("Zelenskyy’s", "zelenskyy's"),
            ("GDAŃSK", "gdansk"),
            ("Straße", "strasse"),
            ("third–quarter", "third-quarter"),
            ("`98", "'98"),
            ("14,000", "14,000"),
            ("ΣΟΦΙΑ", "σοφια"),
            ("", ""),
        ];
        for (word, want) in cases {
            assert_eq!(fold(word), want, "{word}");
        }
    }

    #[test]
    fn ascii_fast_path_folds_like_the_char_path() {
        for b in 0u8..128 {
            let token = format!("Ab{}Z", char::from(b));
            let mut slow = String::new();
            for c in token.chars() {
                fold_char_into(c, &mut slow);
            }
            assert_eq!(fold(&token), slow, "byte {b}");
        }
    }

    #[test]
    fn folding_is_char_by_char() {
        for word in ["Zelenskyy’s", "İstanbul", "Straße", "ÉTÉ–x", "a`b"] {
            let whole = fold(word);
            let pieces: String = word.chars().map(|c| fold(&c.to_string())).collect();
            assert_eq!(whole, pieces, "{word}");
            let lens: usize = word.chars().map(folded_len).sum();
            assert_eq!(lens, whole.len(), "{word}");
        }
    }
}
