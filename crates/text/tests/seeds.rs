//! Sentence splitting on the seed articles (read at run time from the shared
//! data folder): general properties every whole sentence must have.
//! `CROSSCHECK_PRINT_SENTENCES=1` prints the sentences for eyeballing.

use crosscheck_model::Range;
use crosscheck_text::SentenceSplitter;

const TITLES: &[&str] = &[
    "Dr.", "Mr.", "Mrs.", "Ms.", "Gen.", "Sen.", "Gov.", "Lt.", "Col.", "Capt.", "Prof.", "Rep.",
    "Sgt.", "Maj.", "Adm.", "Rev.",
];

fn ends_with_title(sentence: &str) -> bool {
    let last = sentence.split_whitespace().next_back().unwrap_or("");
    TITLES.contains(&last)
}

fn ends_with_ellipsis(sentence: &str) -> bool {
    let s = sentence.trim_end_matches(['”', '’', '"', '\'', ')']);
    s.ends_with("...") || s.ends_with('…')
}

/// Curly double quotes opened and not closed inside the sentence.
fn open_double_quotes(sentence: &str) -> i64 {
    sentence.chars().fold(0i64, |depth, c| match c {
        '“' => depth + 1,
        '”' => depth - 1,
        _ => depth,
    })
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_sentences_come_out_whole() {
    let files = crosscheck_testkit::seed_files();
    let splitter = SentenceSplitter::new();
    let print = std::env::var_os("CROSSCHECK_PRINT_SENTENCES").is_some();
    let mut problems = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("seed readable");
        let sentences = splitter.split(&text, Range::new(0, text.len()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let words = text.split_whitespace().count();
        // News sentences average 15-30 words; far outside that means runs
        // were glued together or chopped up.
        let (low, high) = (words / 45, words / 8);
        if sentences.len() < low || sentences.len() > high {
            problems.push(format!(
                "{name}: {} sentences for {words} words",
                sentences.len()
            ));
        }
        let mut prev: Option<&str> = None;
        for s in &sentences {
            let sent = &text[s.range.start..s.range.end];
            if print {
                println!("[{name}] {sent}");
            }
            assert_eq!(sent, sent.trim(), "sentences are trimmed");
            assert!(
                !sent.contains("\n\n"),
                "{name}: crosses a paragraph: {sent:?}"
            );
            if ends_with_title(sent) {
                problems.push(format!("{name}: ends after a title: {sent:?}"));
            }
            let depth = open_double_quotes(sent);
            if depth > 0 && !ends_in_quoted_sentence(sent) {
                problems.push(format!("{name}: ends inside an open quote: {sent:?}"));
            }
            let first = sent
                .trim_start_matches(['“', '‘', '"', '\''])
                .chars()
                .next();
            if first.is_some_and(char::is_lowercase) && !prev.is_some_and(ends_with_ellipsis) {
                problems.push(format!("{name}: starts in lower case: {sent:?}"));
            }
            prev = Some(sent);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A quotation of several sentences legitimately ends a sentence inside the
/// quote marks, but only at sentence-final punctuation.
fn ends_in_quoted_sentence(sentence: &str) -> bool {
    sentence.ends_with(['.', '?', '!'])
}
