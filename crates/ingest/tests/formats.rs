//! Every input format and every kind of bad input, on invented fixtures.

mod common;

use chrono::NaiveDate;
use common::*;
use crosscheck_ingest::{discover, IngestOptions, Input};
use crosscheck_model::ParagraphKind;

fn defaults() -> IngestOptions {
    IngestOptions::default()
}

#[test]
fn html_page_metadata_and_body() {
    let dir = scratch("html");
    let path = write(&dir, "story.html", PAGE.as_bytes());
    let (docs, errors) = read_all(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    let doc = &docs[0];
    assert_eq!(doc.format, "html");
    assert_eq!(
        doc.title.as_deref(),
        Some("Lindmark votes to close north quay terminal")
    );
    assert_eq!(doc.outlet.as_deref(), Some("Lindmark Post"));
    assert_eq!(doc.author.as_deref(), Some("Mara Quill"));
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2031, 3, 4));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://post.example/lindmark-terminal")
    );
    assert!(doc
        .description
        .as_deref()
        .is_some_and(|d| d.contains("century")));
    let kinds: Vec<ParagraphKind> = doc.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ParagraphKind::Headline,
            ParagraphKind::Body,
            ParagraphKind::Body,
            ParagraphKind::Heading,
            ParagraphKind::Body,
            ParagraphKind::Body
        ]
    );
    assert!(doc
        .text
        .starts_with("Lindmark votes to close north quay terminal\n\nThe Lindmark harbour board"));
    assert!(doc.text.ends_with("fares would stay the same."));
    for phrase in PAGE_FURNITURE {
        assert!(
            !doc.text.contains(phrase),
            "furniture {phrase:?} leaked into {:?}",
            doc.text
        );
    }
}

#[test]
fn sniffing_overrides_lying_extensions() {
    let dir = scratch("sniff");
    let cases: &[(&str, Vec<u8>, &str)] = &[
        ("page.txt", PAGE.as_bytes().to_vec(), "html"),
        (
            "notes.html",
            b"The ferry strike ended on Friday, the union said.\n".to_vec(),
            "txt",
        ),
        (
            "feed.txt",
            b"{\"text\": \"The ferry strike ended on Friday, the union said.\"}\n".to_vec(),
            "jsonl",
        ),
        ("crawl.bin", warc_bytes(), "warc"),
        ("crawl.html", gzip(&warc_bytes()), "warc"),
        ("page.html.gz", gzip(PAGE.as_bytes()), "html"),
    ];
    for (name, bytes, want) in cases {
        let path = write(&dir, name, bytes);
        let (docs, errors) = read_all(&path, &defaults());
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(docs.len(), 1, "{name}");
        assert_eq!(docs[0].format, *want, "{name}");
    }
}

#[test]
fn jsonl_lines_stream_and_bad_lines_are_reported() {
    let dir = scratch("jsonl");
    let lines = [
        r#"{"title": "FERRY ORDER", "text": "Lindmark Shipping Co said it would buy two\nferries from Harbour Yards for 40 mln dlrs,\nsubject to board approval.\n    The company said delivery was expected in\nthe second half of next year, and that financing\nwould come from cash on hand.\n Reuter\n\u0003", "published": "26-FEB-2031 15:01:01.79", "outlet": "Wire"}"#,
        r#"{"text": "broken"#,
        r#"{"html": "<html><body><article><p>The Kessel pass reopened on Sunday after crews cleared three metres of snow, the road authority said.</p></article></body></html>", "url": "https://mountain.example/pass", "author": ["Ana Vell", "Bo Kint"]}"#,
        r#"{"title": "no body here"}"#,
        r#"[1, 2, 3]"#,
        "",
    ];
    let path = write(&dir, "feed.jsonl", lines.join("\n").as_bytes());
    let (docs, errors) = read_all(&path, &defaults());
    assert_eq!(docs.len(), 2, "{errors:?}");
    let first = &docs[0];
    assert_eq!(first.source, format!("{}#1", path.display()));
    assert_eq!(first.published, NaiveDate::from_ymd_opt(2031, 2, 26));
    assert_eq!(first.outlet.as_deref(), Some("Wire"));
    assert_eq!(
        first.text,
        "FERRY ORDER\n\nLindmark Shipping Co said it would buy two ferries from Harbour Yards for 40 mln dlrs, subject to board approval.\n\nThe company said delivery was expected in the second half of next year, and that financing would come from cash on hand."
    );
    assert_eq!(docs[1].author.as_deref(), Some("Ana Vell, Bo Kint"));
    assert_eq!(
        docs[1].url.as_deref(),
        Some("https://mountain.example/pass")
    );
    let names: Vec<String> = errors.iter().map(|e| e.source_name.clone()).collect();
    let want: Vec<String> = [2, 4, 5]
        .iter()
        .map(|n| format!("{}#{n}", path.display()))
        .collect();
    assert_eq!(names, want);
    assert!(errors[0].reason.contains("malformed JSON"));
    assert!(errors[0]
        .to_string()
        .starts_with(&format!("{}#2: ", path.display())));
}

#[test]
fn warc_plain_and_gzip_yield_the_html_response() {
    let dir = scratch("warc");
    for (name, bytes) in [
        ("crawl.warc", warc_bytes()),
        ("crawl.warc.gz", gzip(&warc_bytes())),
    ] {
        let path = write(&dir, name, &bytes);
        let (docs, errors) = read_all(&path, &defaults());
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(docs.len(), 1, "{name}");
        assert_eq!(docs[0].format, "warc");
        assert_eq!(docs[0].source, format!("{}#3", path.display()));
        assert_eq!(
            docs[0].url.as_deref(),
            Some("https://post.example/lindmark-terminal")
        );
        assert!(docs[0].text.contains("Ilse Varga"));
    }
}

#[test]
fn bad_inputs_each_give_one_clear_error() {
    let dir = scratch("bad");
    let gz = gzip(&warc_bytes());
    let truncated = gz[..gz.len() * 2 / 3].to_vec();
    let small = IngestOptions {
        max_document_bytes: 1024,
        ..IngestOptions::default()
    };
    let big_text = "The ferry strike ended on Friday, the union said. ".repeat(100);
    let big_jsonl = format!(
        "{{\"text\": \"{big_text}\"}}\n{{\"text\": \"The Kessel pass reopened on Sunday, the road authority said.\"}}\n"
    );
    let cases: &[(&str, Vec<u8>, &IngestOptions, &str, usize)] = &[
        (
            "empty.txt",
            Vec::new(),
            &IngestOptions::default(),
            "empty file",
            0,
        ),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(),
            &IngestOptions::default(),
            "binary",
            0,
        ),
        (
            "mixed.txt",
            b"caf\xc3\xa9 and \xff\xfe junk bytes".to_vec(),
            &IngestOptions::default(),
            "invalid UTF-8",
            0,
        ),
        (
            "cut.warc.gz",
            truncated,
            &IngestOptions::default(),
            "truncated",
            0,
        ),
        (
            "huge.txt",
            big_text.clone().into_bytes(),
            &small,
            "over the 1024-byte limit",
            0,
        ),
        (
            "huge.jsonl",
            big_jsonl.into_bytes(),
            &small,
            "over the 1024-byte limit",
            1,
        ),
        (
            "blank.txt",
            b"   \n\n  \n".to_vec(),
            &IngestOptions::default(),
            "no article text",
            0,
        ),
    ];
    for (name, bytes, options, reason, want_docs) in cases {
        let path = write(&dir, name, bytes);
        let (docs, errors) = read_all(&path, options);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(errors[0].reason.contains(reason), "{name}: {}", errors[0]);
        assert!(
            errors[0]
                .source_name
                .starts_with(&path.display().to_string()),
            "{name}"
        );
        assert_eq!(docs.len(), *want_docs, "{name}");
    }
}

#[test]
fn windows_1252_text_is_decoded_without_mojibake() {
    let dir = scratch("cp1252");
    let path = write(
        &dir,
        "legacy.txt",
        b"\x93We will reopen the caf\xe9 on Monday,\x94 the owner said \x96 and she meant it.\n",
    );
    let (docs, errors) = read_all(&path, &defaults());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        docs[0].text,
        "\u{201c}We will reopen the caf\u{e9} on Monday,\u{201d} the owner said \u{2013} and she meant it."
    );
}

#[test]
fn discover_is_recursive_sorted_and_reports_unreadable_paths() {
    let dir = scratch("discover");
    write(&dir, "b.txt", b"x");
    write(&dir, "a/z.txt", b"x");
    write(&dir, "a/y.html", b"x");
    write(&dir, ".hidden", b"x");
    write(&dir, "c/d/e.jsonl", b"x");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("dangling.txt")).expect("symlink");
    let missing = dir.join("missing.txt");
    let (inputs, errors) = discover(&[dir.clone(), missing.clone(), "-".into()]);
    let want = vec![
        Input::Path(dir.join("a/y.html")),
        Input::Path(dir.join("a/z.txt")),
        Input::Path(dir.join("b.txt")),
        Input::Path(dir.join("c/d/e.jsonl")),
        Input::Stdin,
    ];
    assert_eq!(inputs, want);
    let names: Vec<&str> = errors.iter().map(|e| e.source_name.as_str()).collect();
    let mut want_errors = vec![missing.display().to_string()];
    if cfg!(unix) {
        want_errors.insert(0, dir.join("dangling.txt").display().to_string());
    }
    assert_eq!(names, want_errors);
    assert!(errors.iter().all(|e| e.reason.contains("no such file")));
}

#[test]
fn same_content_gets_the_same_id() {
    let dir = scratch("ids");
    let a = write(
        &dir,
        "a.txt",
        b"The ferry strike ended on Friday, the union said.\n",
    );
    let b = write(
        &dir,
        "b.txt",
        b"The ferry strike ended on Friday,   the union said.\r\n",
    );
    let (da, _) = read_all(&a, &defaults());
    let (db, _) = read_all(&b, &defaults());
    assert_eq!(da[0].id, db[0].id);
    assert_eq!(da[0].id.len(), 16);
}

#[test]
fn in_memory_streams_read_like_files() {
    let cases: &[(&str, Vec<u8>, usize, &str)] = &[
        ("-", warc_bytes(), 1, "warc"),
        ("-", gzip(PAGE.as_bytes()), 1, "html"),
        (
            "-",
            b"{\"text\": \"The ferry strike ended on Friday, the union said.\"}\n{\"text\": \"The Kessel pass reopened on Sunday.\"}\n".to_vec(),
            2,
            "jsonl",
        ),
    ];
    for (name, bytes, want_docs, want_format) in cases {
        let mut docs = Vec::new();
        let mut errors = Vec::new();
        crosscheck_ingest::read_bytes(name, bytes, &defaults(), &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        });
        assert!(errors.is_empty(), "{want_format}: {errors:?}");
        assert_eq!(docs.len(), *want_docs, "{want_format}");
        assert!(docs.iter().all(|d| d.format == *want_format));
    }
}

/// Corrupted copies of every fixture (bytes flipped, cut short) are read
/// without a panic, each yielding documents or errors.
#[test]
fn corrupted_inputs_never_panic() {
    let fixtures: Vec<(&str, Vec<u8>)> = vec![
        ("page.html", PAGE.as_bytes().to_vec()),
        ("crawl.warc", warc_bytes()),
        ("crawl.warc.gz", gzip(&warc_bytes())),
        ("feed.jsonl", b"{\"text\": \"The ferry strike ended on Friday.\", \"published\": \"26-FEB-2031\"}\n{\"html\": \"<p>x</p>\"}\n".to_vec()),
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (name, original) in &fixtures {
        for _ in 0..150 {
            let mut bytes = original.clone();
            for _ in 0..(next() % 8) {
                let at = (next() as usize) % bytes.len().max(1);
                if let Some(b) = bytes.get_mut(at) {
                    *b = next() as u8;
                }
            }
            if next() % 3 == 0 {
                let keep = (next() as usize) % (bytes.len() + 1);
                bytes.truncate(keep);
            }
            let mut results = 0;
            crosscheck_ingest::read_bytes(name, &bytes, &defaults(), &mut |_| results += 1);
            assert!(results >= 1, "{name}: nothing reported");
        }
    }
}
