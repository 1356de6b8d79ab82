//! Hedge and modality cues ("reportedly", "may", "is believed to").

use crate::lexicon::Lexicon;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The hedge cues in `text`, lowercase, each once, in order of appearance.
pub(crate) fn hedges(lex: &Lexicon, text: &str) -> Vec<String> {
    let Some(ac) = lex.index.hedges.as_ref() else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for m in ac.find_iter(text) {
        let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
        let after_text = text.get(m.end()..).unwrap_or("");
        let after = after_text.chars().next();
        if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
            continue;
        }
        let surface = text.get(m.start()..m.end()).unwrap_or("");
        // "May 5": the month, not the modal.
        if surface == "May"
            && after_text
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let cue = surface.to_lowercase();
        if !out.contains(&cue) {
            out.push(cue);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cues_on_word_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("The convoy reportedly crossed the river.", &["reportedly"]),
            ("Troops may have been sent, officials said.", &["may"]),
            (
                "The minister is believed to be abroad.",
                &["is believed to"],
            ),
            (
                "The unconfirmed figure might rise.",
                &["unconfirmed", "might"],
            ),
            (
                "According to unverified reports, 40 boats sank.",
                &["according to unverified reports"],
            ),
            ("The talks resumed on May 5 in Geneva.", &[]),
            ("The mayor could not be reached.", &["could"]),
            ("The company confirmed the merger.", &[]),
            ("The allegedly forged letters", &["allegedly"]),
        ];
        let lex = Lexicon::standard();
        for (text, want) in cases {
            assert_eq!(hedges(&lex, text), *want, "{text}");
        }
    }
}
