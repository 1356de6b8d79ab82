//! Hostile and damaged inputs (issue 14): each case is built here, in a
//! scratch directory, and must give its documents and one clear error per
//! problem, in bounded time and memory.

mod common;

use std::io::Write;

use common::*;
use crosscheck_hostile::generate::warc_response;
use crosscheck_ingest::{discover, read_bytes, IngestError, IngestOptions, Input};
use crosscheck_model::Document;

fn page(n: usize) -> String {
    format!(
        "<html><head><title>Ferry story {n}</title></head><body><article>\
         <p>The Lindmark ferry strike entered day {n} on Friday, the union said, \
         and talks with the harbour board were set to resume next week.</p></article></body></html>"
    )
}

fn html_response(n: usize) -> Vec<u8> {
    warc_response(
        &format!("https://post.example/{n}"),
        "Content-Type: text/html; charset=utf-8\r\n",
        page(n).as_bytes(),
    )
}

fn read(name: &str, bytes: &[u8], options: &IngestOptions) -> (Vec<Document>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    read_bytes(name, bytes, options, &mut |r| match r {
        Ok(d) => docs.push(d),
        Err(e) => errors.push(e),
    });
    (docs, errors)
}

fn titles(docs: &[Document]) -> Vec<String> {
    docs.iter()
        .map(|d| d.title.clone().unwrap_or_default())
        .collect()
}

#[test]
fn binary_bodies_early_in_a_plain_warc_cost_nothing() {
    // A JPEG and a gzip body in the first 8 KB used to make the whole file
    // "binary".
    let jpeg: Vec<u8> = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0]
        .into_iter()
        .chain((0..6000u32).map(|i| (i % 251) as u8))
        .collect();
    let mut bytes = warc_response(
        "https://post.example/a.jpg",
        "Content-Type: image/jpeg\r\n",
        &jpeg,
    );
    bytes.extend(warc_response(
        "https://post.example/b.gz",
        "Content-Type: application/gzip\r\n",
        &gzip(b"not a page"),
    ));
    bytes.extend(html_response(1));
    let (docs, errors) = read("crawl.warc", &bytes, &IngestOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(titles(&docs), vec!["Ferry story 1"]);
}

#[test]
fn a_corrupt_gzip_member_costs_one_record() {
    let members: Vec<Vec<u8>> = (1..=5).map(|n| gzip(&html_response(n))).collect();
    let mut bytes = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let mut m = m.clone();
        if i == 2 {
            let mid = m.len() / 2;
            for b in m.iter_mut().skip(mid).take(16) {
                *b ^= 0xa5;
            }
        }
        bytes.extend(m);
    }
    let (docs, errors) = read("crawl.warc.gz", &bytes, &IngestOptions::default());
    assert_eq!(
        titles(&docs),
        vec![
            "Ferry story 1",
            "Ferry story 2",
            "Ferry story 4",
            "Ferry story 5"
        ],
        "{errors:?}"
    );
    assert!(!errors.is_empty());
    assert!(
        errors.iter().any(|e| e.reason.contains("gzip")),
        "{errors:?}"
    );
}

#[test]
fn chunked_bodies_are_joined() {
    let body = page(7);
    let (a, b) = body.split_at(body.len() / 2);
    let chunked = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
    let bytes = warc_response(
        "https://post.example/7",
        "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
        chunked.as_bytes(),
    );
    let (docs, errors) = read("crawl.warc", &bytes, &IngestOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(docs.len(), 1);
    assert!(
        docs[0].text.contains("entered day 7 on Friday"),
        "{}",
        docs[0].text
    );
    assert!(!docs[0].text.contains(&format!("{:x}", a.len())));
}

#[test]
fn a_decompression_bomb_in_a_record_is_refused_in_bounded_memory() {
    // 64 MiB of zeros in about 64 KB of gzip; the limit is 1 MiB.
    let bomb = gzip(&vec![0u8; 64 << 20]);
    let mut bytes = warc_response(
        "https://post.example/bomb",
        "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
        &bomb,
    );
    bytes.extend(html_response(2));
    let options = IngestOptions {
        max_document_bytes: 1 << 20,
        ..IngestOptions::default()
    };
    let (docs, errors) = read("crawl.warc", &bytes, &options);
    assert_eq!(titles(&docs), vec!["Ferry story 2"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].reason.contains("limit"), "{}", errors[0]);
    assert!(errors[0].source_name.ends_with("#1"), "{}", errors[0]);
}

#[test]
fn a_bomb_file_stops_at_the_input_limit() {
    let bomb = gzip(&vec![b'a'; 8 << 20]);
    let options = IngestOptions {
        max_input_bytes: 1 << 20,
        ..IngestOptions::default()
    };
    let (docs, errors) = read("bomb.txt.gz", &bomb, &options);
    assert!(docs.is_empty());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].reason.contains("limit"), "{}", errors[0]);
}

#[test]
fn junk_before_the_first_record_or_line_is_reported_not_swallowed() {
    let mut warc = b"garbage line from a broken crawler\r\n".to_vec();
    warc.extend(html_response(1));
    warc.extend(html_response(2));
    let (docs, errors) = read("crawl.warc", &warc, &IngestOptions::default());
    assert_eq!(titles(&docs), vec!["Ferry story 1", "Ferry story 2"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let jsonl = "garbage line\n{\"title\": \"One\", \"text\": \"The ferry strike ended on Friday, the union said.\"}\n\
                 {\"title\": \"Two\", \"text\": \"Talks resume on Monday, the board said.\"}\n";
    let (docs, errors) = read("feed", jsonl.as_bytes(), &IngestOptions::default());
    assert_eq!(titles(&docs), vec!["One", "Two"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].source_name.ends_with("#1"), "{}", errors[0]);
}

#[test]
fn utf16_html_is_read_as_html() {
    let html = page(3);
    for (bom, le) in [([0xffu8, 0xfe], true), ([0xfe, 0xff], false)] {
        let mut bytes = bom.to_vec();
        for unit in html.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let (docs, errors) = read("page.html", &bytes, &IngestOptions::default());
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(docs[0].format, "html");
        assert_eq!(docs[0].title.as_deref(), Some("Ferry story 3"));
        assert!(!docs[0].text.contains('<'), "{}", docs[0].text);
    }
}

#[test]
fn quadratic_html_is_refused_quickly() {
    let cases = [
        (
            "lists.html",
            "<html><body>".to_string() + &"<ul><li>x".repeat(100_000),
        ),
        (
            "divs.html",
            "<html><body>".to_string() + &"<div>".repeat(100_000),
        ),
        (
            "attributes.html",
            format!(
                "<html><body><p{}>x</p></body></html>",
                (0..200_000).map(|i| format!(" a{i}=1")).collect::<String>()
            ),
        ),
    ];
    for (name, html) in cases {
        let started = std::time::Instant::now();
        let (docs, errors) = read(name, html.as_bytes(), &IngestOptions::default());
        assert!(docs.is_empty(), "{name}");
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].reason.contains("not parsed"),
            "{name}: {}",
            errors[0]
        );
        // A hang guard, not a speed target: the parser took minutes.
        assert!(started.elapsed().as_secs() < 30, "{name}");
    }
}

#[test]
fn fifos_never_block() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo {} failed", fifo.display());
    write(
        &dir,
        "story.txt",
        b"The ferry strike ended on Friday, the union said.\n",
    );
    // Found in a directory: reported, not opened.
    let (inputs, errors) = discover(std::slice::from_ref(&dir));
    assert_eq!(inputs, vec![Input::Path(dir.join("story.txt"))]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].reason.contains("FIFO"), "{}", errors[0]);
    // Named explicitly with no writer: empty, at once.
    let (docs, errors) = read_all(&fifo, &IngestOptions::default());
    assert!(docs.is_empty());
    assert!(errors[0].reason.contains("empty"), "{}", errors[0]);
    // With a writer: read as any file.
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .expect("open fifo for writing");
        f.write_all(b"The pass reopened on Sunday, the road authority said.\n")
            .expect("write fifo");
    });
    // The writer may open after the reader: retry until it has written.
    let mut got = Vec::new();
    for _ in 0..200 {
        let (docs, _) = read_all(&fifo, &IngestOptions::default());
        if !docs.is_empty() {
            got = docs;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    writer.join().expect("writer");
    assert_eq!(got.len(), 1);
    assert!(got[0].text.contains("pass reopened"));
}

#[test]
fn symlink_loops_and_empty_directories_end() {
    let dir = scratch("loops");
    write(
        &dir,
        "t/d/story.txt",
        b"The ferry strike ended on Friday.\n",
    );
    std::os::unix::fs::symlink("..", dir.join("t/d/up")).expect("symlink");
    std::os::unix::fs::symlink(".", dir.join("t/d/same")).expect("symlink");
    std::fs::create_dir_all(dir.join("t/empty")).expect("mkdir");
    let (inputs, errors) = discover(&[dir.join("t")]);
    assert_eq!(inputs, vec![Input::Path(dir.join("t/d/story.txt"))]);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors.iter().all(|e| e.reason.contains("symlink loop")),
        "{errors:?}"
    );
    let (inputs, errors) = discover(&[dir.join("t/empty")]);
    assert!(inputs.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].reason.contains("no files"), "{}", errors[0]);
}
