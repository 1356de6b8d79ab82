//! Prints what ingest extracts from one file (gzip allowed):
//! `cargo run --release -p crosscheck-ingest --example extract -- PAGE.html.gz`

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: extract FILE");
        std::process::exit(2);
    };
    let input = crosscheck_ingest::Input::Path(path);
    // Output errors (a closed pipe) end the listing quietly.
    let mut out = std::io::stdout().lock();
    crosscheck_ingest::read_input(&input, &mut |result| match result {
        Ok(doc) => {
            let _ = writeln!(
                out,
                "id={} title={:?} outlet={:?} author={:?} published={:?} url={:?}",
                doc.id, doc.title, doc.outlet, doc.author, doc.published, doc.url
            );
            for p in &doc.paragraphs {
                let text = doc.text.get(p.range.start..p.range.end).unwrap_or_default();
                let _ = writeln!(out, "[{:?}] {text}", p.kind);
            }
        }
        Err(e) => eprintln!("{e}"),
    });
}
