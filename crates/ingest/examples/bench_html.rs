//! Times HTML parsing alone against full article extraction over a folder
//! of `.html.gz` pages:
//! `cargo run --release -p crosscheck-ingest --example bench_html -- DIR`

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: bench_html DIR");
        std::process::exit(2);
    };
    let mut pages = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("cannot read {}", dir.to_string_lossy());
        std::process::exit(1);
    };
    for entry in entries.flatten() {
        let Ok(gz) = std::fs::read(entry.path()) else {
            continue;
        };
        let Ok(bytes) = crosscheck_ingest::gunzip_capped(&gz, 64 << 20) else {
            continue;
        };
        if let Ok(html) = crosscheck_ingest::decode_html(&bytes, None) {
            pages.push(html);
        }
    }
    let n = pages.len().max(1) as f64;
    let (mut best_parse, mut best_stripped, mut best_full) = (f64::MAX, f64::MAX, f64::MAX);
    for round in 0..5 {
        let t = Instant::now();
        for html in &pages {
            std::hint::black_box(scraper::Html::parse_document(html));
        }
        let parse = t.elapsed().as_secs_f64() * 1000.0 / n;
        let t = Instant::now();
        for html in &pages {
            let stripped = crosscheck_ingest::strip_script_and_style(html);
            std::hint::black_box(scraper::Html::parse_document(&stripped));
        }
        let stripped = t.elapsed().as_secs_f64() * 1000.0 / n;
        let t = Instant::now();
        for html in &pages {
            std::hint::black_box(crosscheck_ingest::extract_article_html(html));
        }
        let full = t.elapsed().as_secs_f64() * 1000.0 / n;
        println!(
            "round {round}: pages={} parse_ms_per_page={parse:.2} strip_and_parse_ms_per_page={stripped:.2} extract_ms_per_page={full:.2}",
            pages.len()
        );
        best_parse = best_parse.min(parse);
        best_stripped = best_stripped.min(stripped);
        best_full = best_full.min(full);
    }
    println!(
        "best of 5: parse_ms_per_page={best_parse:.2} strip_and_parse_ms_per_page={best_stripped:.2} extract_ms_per_page={best_full:.2}"
    );
}
