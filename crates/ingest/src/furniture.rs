//! Page furniture around an article body: section openers that end the
//! story ("Related Posts", "Comments"), credit and prompt lines ("Source: …",
//! "Be the first to respond…"), agency credits, bare URLs and author bios.
//! The phrases live in `data/*.txt`; the shapes are general rules.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::Lexicon;

/// Longest line (in words) that can be a furniture marker or credit.
const MAX_FURNITURE_WORDS: usize = 14;

/// The furniture phrases, agency names and bio role words, parsed; held by
/// the crate's [`Lexicon`] so that tests can swap them.
pub(crate) struct Furniture {
    cut: HashSet<String>,
    line_prefixes: AhoCorasick,
    agencies: HashSet<String>,
    bio_roles: HashSet<String>,
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    crosscheck_lexicon::entries(data).map(|e| e.text)
}

impl Furniture {
    /// Parses `furniture` (`cut …` section openers and `line …` prefixes),
    /// `agencies` and `bio_roles` (one entry a line).
    pub(crate) fn parse(furniture: &str, agencies: &str, bio_roles: &str) -> Furniture {
        let mut cut = HashSet::new();
        let mut prefixes = Vec::new();
        for line in data_lines(furniture) {
            if let Some(phrase) = line.strip_prefix("cut ") {
                cut.insert(normalize(phrase));
            } else if let Some(prefix) = line.strip_prefix("line ") {
                prefixes.push(prefix.trim().to_lowercase());
            }
        }
        let line_prefixes = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&prefixes)
            .expect("the furniture lexicon is small enough to build");
        Furniture {
            cut,
            line_prefixes,
            agencies: data_lines(agencies).map(str::to_string).collect(),
            bio_roles: data_lines(bio_roles).map(str::to_string).collect(),
        }
    }

    /// Entries held, for the lexicon's `Debug`.
    pub(crate) fn len(&self) -> usize {
        self.cut.len()
            + self.line_prefixes.patterns_len()
            + self.agencies.len()
            + self.bio_roles.len()
    }
}

/// Lower case, inner whitespace collapsed, trailing punctuation and a
/// leading bullet removed: the form lexicon phrases are compared in.
fn normalize(line: &str) -> String {
    let words: Vec<&str> = line.split_whitespace().collect();
    let joined = words.join(" ").to_lowercase();
    joined
        .trim_start_matches(['•', '-', '*', '|', '›', '»', '#'])
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…' || c == '›' || c == '»')
        .trim()
        .to_string()
}

/// Words, counting two CJK characters as one word (those scripts do not
/// separate words with spaces), up to `cap`: the count stops once it
/// passes `cap`, since every caller compares it with a small limit and
/// paragraphs run to hundreds of words. Exact up to `cap`; any value above
/// `cap` means "more than `cap`".
pub fn word_count_upto(line: &str, cap: usize) -> usize {
    let (mut spaced, mut cjk) = (0usize, 0usize);
    let mut in_word = false;
    for c in line.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            in_word = true;
            spaced += 1;
        }
        if !c.is_ascii() && is_cjk(c) {
            cjk += 1;
        }
        if spaced.max(cjk / 2) > cap {
            break;
        }
    }
    spaced.max(cjk / 2)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// A short line that opens a non-article section ("Related Posts"), by
/// the standard lexicon.
pub fn is_section_cut(line: &str) -> bool {
    section_cut(&Lexicon::standard_ref().furniture, line)
}

fn section_cut(furniture: &Furniture, line: &str) -> bool {
    word_count_upto(line, 6) <= 6 && furniture.cut.contains(&normalize(line))
}

/// A line that is furniture by itself: a lexicon prefix, a bare URL, an
/// agency credit, or a section opener, by the standard lexicon.
pub fn is_furniture_line(line: &str) -> bool {
    furniture_line(&Lexicon::standard_ref().furniture, line)
}

/// [`is_furniture_line`] by `furniture`.
pub(crate) fn furniture_line(furniture: &Furniture, line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return true;
    }
    if word_count_upto(trimmed, MAX_FURNITURE_WORDS) > MAX_FURNITURE_WORDS {
        return false;
    }
    section_cut(furniture, trimmed)
        || starts_with_furniture_prefix(furniture, trimmed)
        || is_bare_url(trimmed)
        || is_agency_credit(furniture, trimmed)
}

fn starts_with_furniture_prefix(furniture: &Furniture, line: &str) -> bool {
    let lower = line.to_lowercase();
    let input = Input::new(&lower).anchored(Anchored::Yes);
    furniture.line_prefixes.find(input).is_some()
}

fn is_bare_url(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && (line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www."))
}

/// "(dpa, AFP, reuters)", "— AP", "/Reuters/": agency names and separators
/// only.
fn is_agency_credit(furniture: &Furniture, line: &str) -> bool {
    let names: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric() && c != ' ')
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty() && p != "and")
        .collect();
    !names.is_empty() && names.iter().all(|n| furniture.agencies.contains(n))
}

/// "Jane Roe is a senior fellow at the Institute." A short sentence whose
/// subject is a capitalised name followed by is/was/writes/covers and a role
/// word: an author bio, not article body. Reads the standard lexicon.
pub fn is_author_bio(line: &str) -> bool {
    author_bio(&Lexicon::standard_ref().furniture, line)
}

fn author_bio(furniture: &Furniture, line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 4 || words.len() > 45 {
        return false;
    }
    let verbs = [
        "is", "was", "writes", "covers", "has", "reports", "teaches", "serves",
    ];
    let Some(verb_at) = words.iter().position(|w| verbs.contains(w)) else {
        return false;
    };
    if !(2..=4).contains(&verb_at) {
        return false;
    }
    let name_like = words.iter().take(verb_at).all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    });
    if !name_like {
        return false;
    }
    words.iter().skip(verb_at + 1).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        furniture.bio_roles.contains(&w)
    })
}

/// Ends with sentence punctuation, looking through closing quotes and
/// brackets.
pub fn ends_with_terminal_punctuation(line: &str) -> bool {
    let trimmed = line
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')', ']', '»', '*', '」', '』', '）']);
    trimmed.ends_with([
        '.', '!', '?', '…', ':', ';', '。', '！', '？', '：', '；', '؟', '।',
    ])
}

/// Indices (into `paragraphs`) to keep after dropping trailing furniture:
/// everything from a section opener in the second half on, then trailing
/// furniture lines, dangling headings and author bios, repeatedly, by
/// `furniture`.
pub fn body_length_without_tail<S: AsRef<str>>(furniture: &Furniture, paragraphs: &[S]) -> usize {
    let total: usize = paragraphs.iter().map(|p| p.as_ref().len()).sum();
    let mut seen = 0usize;
    let mut end = paragraphs.len();
    for (i, p) in paragraphs.iter().enumerate() {
        let text = p.as_ref();
        if i > 0 && seen * 2 >= total && section_cut(furniture, text) {
            end = i;
            break;
        }
        seen += text.len();
    }
    while end > 1 {
        let Some(last) = paragraphs.get(end - 1).map(AsRef::as_ref) else {
            break;
        };
        let dangling_heading =
            word_count_upto(last, 6) <= 6 && !ends_with_terminal_punctuation(last);
        if furniture_line(furniture, last) || author_bio(furniture, last) || dangling_heading {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_upto_is_exact_below_its_cap() {
        // (line, cap, count)
        let cases: &[(&str, usize, usize)] = &[
            ("", 6, 0),
            ("  Related   stories\t ", 6, 2),
            ("one two three four five six", 6, 6),
            ("one two three four five six seven eight", 6, 7),
            ("one two three", 2, 3),
            // Two CJK characters count as one word.
            ("東京都議会選挙の結果", 10, 5),
            ("東京都議会選挙の結果", 2, 3),
            ("Tokyo 東京 news", 6, 3),
            ("a\u{a0}b\u{2003}c", 6, 3),
        ];
        for &(line, cap, want) in cases {
            assert_eq!(word_count_upto(line, cap), want, "{line:?} up to {cap}");
        }
    }

    #[test]
    fn furniture_line_table() {
        let cases: &[(&str, bool)] = &[
            ("Related Posts", true),
            ("RELATED ARTICLES:", true),
            ("Source: Harbour Times", true),
            ("There are no comments for this story", true),
            ("Be the first to comment on this article.", true),
            ("https://example.org/about/", true),
            ("(dpa, AFP, reuters)", true),
            ("(AP)", true),
            ("Reporting by Ann Tester; Editing by Bo Sample", true),
            ("Comments", true),
            ("The mayor said the comments were unfair.", false),
            (
                "Source of the leak remains unknown, officials in Lindmark said on Friday.",
                false,
            ),
            ("AP officials said nothing.", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_furniture_line(line), *want, "line {line:?}");
        }
    }

    #[test]
    fn author_bio_table() {
        let cases: &[(&str, bool)] = &[
            (
                "Mara Quill is a senior fellow at the Lindmark Institute.",
                true,
            ),
            (
                "Tomas K. Brenn is Associate Editor of the Harbour Review.",
                true,
            ),
            (
                "Mara Quill writes about shipping for the Harbour Times.",
                false,
            ),
            ("The ferry is a symbol of the town's past.", false),
            (
                "Mayor Ilse Varga is expected to resign on Monday, her deputy said.",
                false,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(is_author_bio(line), *want, "line {line:?}");
        }
    }

    #[test]
    fn tail_trimming_table() {
        let body = "The harbour board approved the new ferry schedule after a long and heated meeting on Tuesday night.";
        let cases: &[(&[&str], usize)] = &[
            (&[body, body, "Related Posts", "Ferry prices rise"], 2),
            (
                &[
                    body,
                    body,
                    "Mara Quill is a fellow at the Lindmark Institute.",
                    "Source: Source",
                ],
                2,
            ),
            (&[body, "Comments", body, body, body], 5),
            (
                &[
                    body,
                    body,
                    "(AFP)",
                    "About the Author",
                    "Mara Quill",
                    "https://example.org",
                ],
                2,
            ),
            (&[body, body], 2),
            (&["Related Posts"], 1),
        ];
        for (paragraphs, want) in cases {
            assert_eq!(
                body_length_without_tail(&Lexicon::standard().furniture, paragraphs),
                *want,
                "case {paragraphs:?}"
            );
        }
    }
}
