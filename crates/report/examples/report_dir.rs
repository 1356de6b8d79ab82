//! Reads articles (files or directories), runs the per-document analysis,
//! builds the ledger and writes every report next to each other:
//!
//! ```text
//! cargo run --release -p crosscheck-report --example report_dir -- OUT_DIR INPUT...
//! ```
//!
//! Writes OUT_DIR/report.html, report.md, claims.csv and ledger.json, and
//! prints the terminal summary.

use std::path::PathBuf;

use crosscheck_analyze::Analyzer;
use crosscheck_ledger::build_ledger;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, inputs)) = args.split_first() else {
        eprintln!("usage: report_dir OUT_DIR INPUT...");
        std::process::exit(2);
    };
    let paths: Vec<PathBuf> = inputs.iter().map(PathBuf::from).collect();
    let (inputs, errors) = crosscheck_ingest::discover(&paths);
    for e in errors {
        eprintln!("skipped: {e}");
    }
    let analyzer = Analyzer::new();
    let mut documents = Vec::new();
    let mut claims = Vec::new();
    for input in &inputs {
        crosscheck_ingest::read_input(input, &mut |result| match result {
            Ok(doc) => {
                let analysed = analyzer.analyze(doc);
                documents.push(analysed.document);
                claims.extend(analysed.claims);
            }
            Err(e) => eprintln!("skipped: {e}"),
        });
    }
    let ledger = build_ledger(documents, claims);
    let out = PathBuf::from(out);
    let json = serde_json::to_string_pretty(&ledger).map_err(std::io::Error::other);
    let written = json.and_then(|j| {
        std::fs::create_dir_all(&out)?;
        std::fs::write(out.join("ledger.json"), j)
    });
    if let Err(e) = written {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
    let paths = match crosscheck_report::write_reports(&ledger, &out) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    print!("{}", crosscheck_report::summary(&ledger));
    eprintln!("wrote {}", paths.html.display());
}
