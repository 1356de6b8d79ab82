//! Where a clause puts a dated expression relative to the writing: a
//! future marker ("will meet on June 3", "bonds due 2002"), a past-tense verb
//! ("closed on March 3"), or neither.

use crate::lexicon::Lexicon;
use crate::words::{Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unmarked,
}

/// The nearest tense cue among the (up to 8) words of the clause before the
/// expression, else among the (up to 4) words after it up to a comma
/// ("On March 3 the plant closed"). `before` ends where the expression
/// starts; `after` starts where it ends.
pub(crate) fn clause_tense(before: &[Tok], after: &[Tok], lex: &Lexicon) -> Tense {
    let clause_end = |t: &&Tok| matches!(t.lower, "." | "!" | "?" | ";" | ":");
    let words: Vec<&Tok> = before
        .iter()
        .rev()
        .take_while(|t| !clause_end(t))
        .filter(|t| t.kind == Kind::Word)
        .take(8)
        .collect();
    // A participle after "be" ("will be held on", "is to be paid") is no
    // past tense: the auxiliary before it decides.
    let participle = |k: usize| {
        (k + 1..k + 3).any(|j| {
            words
                .get(j)
                .is_some_and(|t| matches!(t.lower, "be" | "been" | "being"))
        })
    };
    // "due to the tax act of 1986" gives a cause, not a due date ("due to
    // be paid", "due to begin" are); a determiner after "due to" tells the
    // noun phrase. `words` runs backwards: the words after "due" are at
    // `k - 1`, `k - 2`.
    let word = |k: Option<usize>| k.and_then(|k| words.get(k)).map(|t| t.lower);
    let causal = |k: usize| {
        word(Some(k)) == Some("due")
            && word(k.checked_sub(1)) == Some("to")
            && word(k.checked_sub(2)).is_some_and(|w| lex.determiners.iter().any(|d| d == w))
    };
    let found = words
        .iter()
        .enumerate()
        .find_map(|(k, t)| match cue(t, lex) {
            Some(Tense::Past) if participle(k) => None,
            Some(Tense::Future) if causal(k) => None,
            other => other,
        });
    if let Some(tense) = found {
        return tense;
    }
    after
        .iter()
        .take_while(|t| !clause_end(t) && t.lower != ",")
        .filter(|t| t.kind == Kind::Word)
        .take(4)
        .find_map(|t| cue(t, lex))
        .unwrap_or(Tense::Unmarked)
}

fn cue(t: &Tok, lex: &Lexicon) -> Option<Tense> {
    if lex.future_markers.iter().any(|w| w == t.lower) {
        return Some(Tense::Future);
    }
    let regular_past =
        t.lower.len() > 4 && t.lower.ends_with("ed") && !lex.not_past.iter().any(|w| w == t.lower);
    (regular_past || lex.past_words.iter().any(|w| w == t.lower)).then_some(Tense::Past)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::words::window;
    use crosscheck_text::TokenLayer;

    #[test]
    fn table() {
        use Tense::{Future, Past, Unmarked};
        // (sentence, the dated words in it, tense)
        let cases: &[(&str, &str, Tense)] = &[
            ("The dam closed on March 3.", "March 3", Past),
            ("On March 3 the dam closed.", "March 3", Past),
            (
                "The envoy said on May 2, 2024 that talks were over.",
                "May 2, 2024",
                Past,
            ),
            ("The board will meet on June 3.", "June 3", Future),
            ("The vote will be held in June 2025.", "June 2025", Future),
            (
                "Bonds due March 31, 2002 were sold.",
                "March 31, 2002",
                Future,
            ),
            (
                "Next month's summit on June 3 is the first.",
                "June 3",
                Future,
            ),
            ("The fair opens in June.", "June", Unmarked),
            ("The mill spread its losses over 2022.", "2022", Past),
            // a plan, even one made in the past: kept out of the lower bound
            ("It had been scheduled for May 2.", "May 2", Future),
            // a forecast, whoever reports it
            (
                "The expected rise in May 2024, the bank said, came.",
                "May 2024",
                Future,
            ),
            ("Output fell; in June 2024 the plant", "June 2024", Unmarked),
            ("Costs rose due to the tax act of 1986.", "1986", Past),
            ("Payment is due to be made on May 4.", "May 4", Future),
            (
                "Repayments were not due to begin until 1990.",
                "1990",
                Future,
            ),
        ];
        for (text, dated, want) in cases {
            let Some(start) = text.find(dated) else {
                panic!("{dated} not in {text}");
            };
            let end = start + dated.len();
            let layer = TokenLayer::new(text, &[]);
            let before = window(&layer, text, 0, start);
            let after = window(&layer, text, end, text.len());
            assert_eq!(
                clause_tense(&before, &after, &Lexicon::standard()),
                *want,
                "{text}"
            );
        }
    }
}
