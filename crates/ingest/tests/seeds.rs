//! The five seed articles (read at run time from the shared folder): their
//! clean text must hold no trailing page furniture and keep every body
//! sentence. The checks are computed from the files, not written per file.

mod common;

use common::read_all;
use crosscheck_ingest::{clean_paragraph, is_author_bio, is_furniture_line, IngestOptions};

/// Lines of the original file, normalised the way ingest normalises a
/// paragraph, without blank lines.
fn original_lines(raw: &str) -> Vec<String> {
    raw.lines()
        .map(clean_paragraph)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A line that is certainly article body: a long sentence-final line.
fn is_body_sentence_line(line: &str) -> bool {
    line.split_whitespace().count() >= 15
        && line
            .trim_end_matches(['"', '\'', '’', '”', ')'])
            .ends_with(['.', '!', '?'])
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn seed_articles_lose_furniture_and_keep_every_body_line() {
    let seeds = crosscheck_testkit::shared("corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds)
        .expect("seeds folder readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        5,
        "expected five seed articles in {}",
        seeds.display()
    );
    let mut removed_lines = 0;
    for path in files {
        let raw = std::fs::read_to_string(&path).expect("seed readable");
        let (docs, errors) = read_all(&path, &IngestOptions::default());
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        let paragraphs: Vec<&str> = doc
            .paragraphs
            .iter()
            .map(|p| doc.text.get(p.range.start..p.range.end).unwrap_or_default())
            .collect();
        let name = path.display();

        // No paragraph of the clean text is furniture.
        for p in &paragraphs {
            assert!(!is_furniture_line(p), "{name}: furniture kept: {p:?}");
            assert!(!is_author_bio(p), "{name}: author bio kept: {p:?}");
        }
        assert!(!doc.text.contains(" ."), "{name}: space before a full stop");
        assert!(!doc.text.contains(" ,"), "{name}: space before a comma");

        // The clean paragraphs are the original lines, in order, minus the
        // removed ones (a subsequence).
        let lines = original_lines(&raw);
        let mut at = 0;
        for p in &paragraphs {
            let found = lines
                .get(at..)
                .and_then(|rest| rest.iter().position(|l| l == p));
            let Some(offset) = found else {
                panic!("{name}: paragraph not an original line in order: {p:?}");
            };
            removed_lines += offset;
            at += offset + 1;
        }
        removed_lines += lines.len().saturating_sub(at);

        // Every body sentence line survives, and the article ends with the
        // last of them.
        for line in lines.iter().filter(|l| is_body_sentence_line(l)) {
            assert!(
                paragraphs.contains(&line.as_str()),
                "{name}: body line lost: {line:?}"
            );
        }
        let last_body = lines.iter().rev().find(|l| is_body_sentence_line(l));
        assert_eq!(
            paragraphs.last().copied(),
            last_body.map(String::as_str),
            "{name}"
        );
    }
    // The seeds do carry furniture; something must have been removed.
    assert!(removed_lines >= 8, "only {removed_lines} lines removed");
}
