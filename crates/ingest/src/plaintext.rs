//! Plain-text articles into paragraphs: hard-wrapped newswire is unwrapped
//! (an indented line starts a paragraph), a headline and standfirst at the
//! top and short unpunctuated section headings are recognised, trailing
//! page furniture is dropped and extraction artifacts are repaired.

use crosscheck_model::ParagraphKind;

use crate::furniture::{body_length_without_tail, ends_with_terminal_punctuation, word_count_upto};
use crate::repair::clean_paragraph;
use crate::Lexicon;

/// One paragraph before it is placed into a document's clean text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: ParagraphKind,
    /// Its text.
    pub text: String,
}

impl Block {
    /// A block of `kind` holding `text`.
    pub fn new(kind: ParagraphKind, text: impl Into<String>) -> Block {
        Block {
            kind,
            text: text.into(),
        }
    }
}

/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 16;
/// Longest standfirst, in words.
const MAX_STANDFIRST_WORDS: usize = 60;

/// Splits, classifies and cleans a plain-text article, dropping trailing
/// furniture by the standard lexicon.
pub fn clean_plain_text(text: &str) -> Vec<Block> {
    clean_plain_text_with(Lexicon::standard_ref(), text)
}

/// [`clean_plain_text`] reading `lexicon`.
pub fn clean_plain_text_with(lexicon: &Lexicon, text: &str) -> Vec<Block> {
    let paragraphs: Vec<String> = split_paragraphs(text)
        .into_iter()
        .map(|p| clean_paragraph(&p))
        .filter(|p| !p.is_empty())
        .collect();
    let keep = body_length_without_tail(&lexicon.furniture, &paragraphs);
    let paragraphs = paragraphs.get(..keep).unwrap_or_default();
    classify(paragraphs)
}

/// Paragraph texts (not yet whitespace-normalised).
fn split_paragraphs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    if is_hard_wrapped(&lines) {
        unwrap_lines(&lines)
    } else {
        lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| (*l).to_string())
            .collect()
    }
}

/// Hard-wrapped text: most lines stop near one width and do not end a
/// sentence, so line ends are not paragraph ends.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    let content: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    if content.len() < 4 {
        return false;
    }
    let longest = content.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    if longest > 100 {
        return false;
    }
    let continued = content.iter().filter(|l| cut_mid_sentence(l)).count();
    continued * 10 >= content.len() * 4 || wraps_mid_sentence(&content)
}

/// A line of some length that stops without ending a sentence.
fn cut_mid_sentence(line: &str) -> bool {
    line.chars().count() >= 30 && !ends_with_terminal_punctuation(line)
}

/// A line cut mid-sentence, the next going on flush left in lower case
/// ("... said John Smith has" / "resigned as ..."): a paragraph never
/// opens that way, so the text is wrapped even when, being short, most of
/// its lines end paragraphs.
fn wraps_mid_sentence(content: &[&str]) -> bool {
    content.windows(2).any(|pair| {
        let [line, next] = pair else { return false };
        cut_mid_sentence(line)
            && !next.starts_with([' ', '\t'])
            && next.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Joins wrapped lines; a blank line or an indented line starts a paragraph.
fn unwrap_lines(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in lines {
        // Wrapped continuation lines start flush left; any indent opens a
        // paragraph (newswire indents paragraphs and sign-offs).
        let indented = line.starts_with([' ', '\t']);
        if line.trim().is_empty() || indented {
            if !current.trim().is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        if !line.trim().is_empty() {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line.trim());
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn starts_capitalised(text: &str) -> bool {
    text.chars()
        .find(|c| !matches!(c, '"' | '\'' | '“' | '‘' | '('))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A short unpunctuated line that starts with a capital: a headline or
/// section heading.
pub fn is_heading_shaped(text: &str) -> bool {
    // The length in bytes first: it costs nothing and rules out most
    // paragraphs.
    text.len() <= 160
        && (1..=MAX_HEADING_WORDS).contains(&word_count_upto(text, MAX_HEADING_WORDS))
        && starts_capitalised(text)
        && !ends_with_terminal_punctuation(text)
}

fn is_list_item(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['•', '–', '●', '▪', '◦'])
        || t.starts_with("- ")
        || t.starts_with("* ")
        || numbered_marker(t)
}

fn numbered_marker(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && t.get(digits..)
            .is_some_and(|rest| rest.starts_with(". ") || rest.starts_with(") "))
}

fn classify(paragraphs: &[String]) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(paragraphs.len());
    let mut headline_found = false;
    for (i, text) in paragraphs.iter().enumerate() {
        let is_last = i + 1 == paragraphs.len();
        let kind = if i == 0 && !is_last && is_heading_shaped(text) {
            headline_found = true;
            ParagraphKind::Headline
        } else if i == 1
            && headline_found
            && !is_last
            && word_count_upto(text, MAX_STANDFIRST_WORDS) <= MAX_STANDFIRST_WORDS
            && !ends_with_terminal_punctuation(text)
        {
            ParagraphKind::Standfirst
        } else if is_list_item(text) {
            ParagraphKind::ListItem
        } else if !is_last && is_heading_shaped(text) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        blocks.push(Block::new(kind, text.clone()));
    }
    demote_heading_runs(&mut blocks);
    blocks
}

/// Headings come one at a time before body text; a run of short
/// unpunctuated lines is a table or a list of figures, not headings.
fn demote_heading_runs(blocks: &mut [Block]) {
    let mut i = 0;
    while i < blocks.len() {
        let run = blocks[i..]
            .iter()
            .take_while(|b| b.kind == ParagraphKind::Heading)
            .count();
        if run >= 2 {
            for block in &mut blocks[i..i + run] {
                block.kind = ParagraphKind::Body;
            }
        }
        i += run.max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParagraphKind::*;

    fn kinds(text: &str) -> Vec<(ParagraphKind, String)> {
        clean_plain_text(text)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn layout_table() {
        type Case<'a> = (&'a str, &'a str, &'a [(ParagraphKind, &'a str)]);
        let cases: &[Case] = &[
            (
                "headline, standfirst, heading, body",
                "Ferry Strike Ends in Lindmark\nUnion accepts a new offer after nine days\n\nThe ferry strike ended on Friday, the union said.\nWhat Comes Next\nTimetables return to normal on Monday, officials said.\n",
                &[
                    (Headline, "Ferry Strike Ends in Lindmark"),
                    (Standfirst, "Union accepts a new offer after nine days"),
                    (Body, "The ferry strike ended on Friday, the union said."),
                    (Heading, "What Comes Next"),
                    (Body, "Timetables return to normal on Monday, officials said."),
                ],
            ),
            (
                "no headline when the first line is a sentence",
                "The ferry strike ended on Friday.\nTimetables return on Monday.\n",
                &[(Body, "The ferry strike ended on Friday."), (Body, "Timetables return on Monday.")],
            ),
            (
                "trailing furniture is dropped, artifacts repaired",
                "The ferry strike ended on Friday after nine days of talks between the union and the harbour board .\nThe harbour board said timetables would return to normal on Monday morning, a spokesman said.\nRelated Posts\nFerry fares to rise\n",
                &[
                    (Body, "The ferry strike ended on Friday after nine days of talks between the union and the harbour board."),
                    (Body, "The harbour board said timetables would return to normal on Monday morning, a spokesman said."),
                ],
            ),
            (
                "list items",
                "Officials listed three demands:\n- higher pay\n- shorter shifts\n- new boats for the northern route.\n",
                &[
                    (Body, "Officials listed three demands:"),
                    (ListItem, "- higher pay"),
                    (ListItem, "- shorter shifts"),
                    (ListItem, "- new boats for the northern route."),
                ],
            ),
        ];
        for (name, input, want) in cases {
            let want: Vec<(ParagraphKind, String)> =
                want.iter().map(|(k, t)| (*k, t.to_string())).collect();
            assert_eq!(kinds(input), want, "case {name}");
        }
    }

    #[test]
    fn table_rows_are_not_headings() {
        let text = "Prices for the week were as follows.\n    Wheat 2.55 2.40 IV\n    Corn 1.35 1.92 IV\n    Oats 1.24 0.99 V\nLevels IV and V reflect grain entered after October.\n";
        let got: Vec<ParagraphKind> = kinds(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, vec![Body; 5]);
    }

    #[test]
    fn a_short_wrapped_story_is_unwrapped() {
        // Five lines, only two cut mid-sentence: the share alone does not
        // say wrapped, the lower-case continuation does.
        let text = "Orlen Mills Inc said Tamsin Vale has\nleft the posts of treasurer and head of finance at Orlen\nMills Europe Ltd, from May 2 this year.\n    The company said a successor would be named soon.\n    Orlen said Vale was leaving to join a bank.\n";
        let got = kinds(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0].1,
            "Orlen Mills Inc said Tamsin Vale has left the posts of treasurer and head of finance at Orlen Mills Europe Ltd, from May 2 this year."
        );
    }

    #[test]
    fn hard_wrapped_newswire_is_unwrapped() {
        let text = "Lindmark Shipping Co said it would buy two\nferries from Harbour Yards for 40 mln dlrs,\nsubject to board approval.\n    The company said delivery was expected in\nthe second half of next year, and that financing\nwould come from cash on hand.\n\n Reuter\n\u{3}";
        let got = kinds(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].1,
            "Lindmark Shipping Co said it would buy two ferries from Harbour Yards for 40 mln dlrs, subject to board approval."
        );
        assert!(got[1].1.starts_with("The company said delivery"));
        assert!(got[1].1.ends_with("cash on hand."));
    }
}
