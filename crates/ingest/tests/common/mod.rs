//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use crosscheck_ingest::{read_input_with, IngestError, IngestOptions, Input};
use crosscheck_model::Document;

/// A fresh scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-ingest-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create parent");
    }
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip finish")
}

/// Everything one input yields.
pub fn read_all(path: &Path, options: &IngestOptions) -> (Vec<Document>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    read_input_with(
        &Input::Path(path.to_path_buf()),
        options,
        &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(e) => errors.push(e),
        },
    );
    (docs, errors)
}

/// A short invented article page with navigation, share bar, comments,
/// related links, a cookie banner and a footer around the story.
pub const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Lindmark votes to close north quay terminal | Lindmark Post</title>
<meta name="description" content="The harbour board ends a century of ferry service from the north quay.">
<meta property="og:site_name" content="Lindmark Post">
<link rel="canonical" href="https://post.example/lindmark-terminal">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Lindmark votes to close north quay terminal","datePublished":"2031-03-04T10:00:00Z","author":{"@type":"Person","name":"Mara Quill"},"publisher":{"@type":"Organization","name":"Lindmark Post"}}</script>
</head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="story">
<h1>Lindmark votes to close north quay terminal</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<div class="article-body">
<p>The Lindmark harbour board voted on Tuesday to close the old ferry terminal on the north quay by the end of next year, ending more than a century of service.</p>
<p>Board chair Ilse Varga said repairs to the terminal's pilings would cost more than the new terminal planned for the south bank, which is due to open in the spring.</p>
<h2>Jobs at risk</h2>
<p>Ferry workers' union leader Tomas Brenn said about 40 jobs were at risk, and he promised to fight the decision at the next council meeting.</p>
<p>The board said passengers would see no change to timetables before the new terminal opens, and that fares would stay the same.</p>
</div>
<section class="related-articles"><h3>Related</h3><ul><li><a href="/a">Ferry fares frozen for winter</a></li><li><a href="/b">South bank plan approved</a></li></ul></section>
</article>
<div id="comments" class="comments"><h3>Comments</h3><p>Fenna: This is a sad day for the north quay, my grandfather worked there all his life and so did his father.</p><p>Jorn: Finally, the old terminal was falling apart for years and nobody did anything about it.</p></div>
</main>
<footer class="site-footer"><p>Copyright 2031 Lindmark Post. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>"##;

/// Phrases of [`PAGE`] that are page furniture, never article text.
pub const PAGE_FURNITURE: &[&str] = &[
    "cookies",
    "Home",
    "Share on",
    "Ferry fares frozen",
    "Fenna",
    "Jorn",
    "Copyright",
    "About us",
];

/// A WARC file holding a warcinfo record, a request, the HTML response for
/// [`PAGE`] and a non-HTML response.
pub fn warc_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    let mut record = |kind: &str, uri: &str, block: &[u8]| {
        out.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
                block.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
    };
    record("warcinfo", "", b"software: invented-crawler/1.0\r\n");
    record(
        "request",
        "https://post.example/lindmark-terminal",
        b"GET /lindmark-terminal HTTP/1.1\r\nHost: post.example\r\n\r\n",
    );
    let mut response =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    response.extend_from_slice(PAGE.as_bytes());
    record(
        "response",
        "https://post.example/lindmark-terminal",
        &response,
    );
    record(
        "response",
        "https://post.example/logo.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....",
    );
    out
}
