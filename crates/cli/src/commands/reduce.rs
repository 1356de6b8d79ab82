//! `crosscheck reduce`: the ledger from the Parquet parts `crosscheck map`
//! wrote. Parts are read in name order, which is the ledger's input order;
//! a document in two parts counts once (its first), and near-duplicates are
//! marked across all parts, as `analyze` marks them across its inputs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use crosscheck_columnar::{part_names, read_part};
use crosscheck_ingest::NearDuplicateIndex;
use crosscheck_model::Claim;
use crosscheck_stories::StoryIndex;

use crate::commands::analyze::{spilling_ledger, Built, LedgerOutputs, Outcome};
use crate::output::Protected;
use crate::Settings;

#[derive(clap::Args)]
pub struct Args {
    /// The directory of Parquet tables `crosscheck map` wrote.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub outputs: LedgerOutputs,
}

pub fn run(args: &Args, settings: &Settings) -> Result<ExitCode> {
    let names = parts_of(&args.dir)?;
    let mut protected = Protected::default();
    for name in &names {
        for table in crosscheck_columnar::TABLES {
            protected.input(&args.dir.join(table).join(format!("{name}.parquet")));
        }
    }
    let outputs = args.outputs.prepare(&protected)?;
    let outcome = reduce_by_story(&args.dir, &names)?;
    let code = outcome.exit_code();
    outputs.write(outcome, settings.quiet)?;
    Ok(code)
}

/// The parts under `dir`, refusing a directory without any.
fn parts_of(dir: &Path) -> Result<Vec<String>> {
    let names = if dir.join("documents").is_dir() {
        part_names(dir)?
    } else {
        Vec::new()
    };
    if names.is_empty() {
        bail!(
            "{}: no parts (expected documents/*.parquet as `crosscheck map --out` writes)",
            dir.display()
        );
    }
    Ok(names)
}

/// The ledger of parts `names` under `dir`, built story by story as it is
/// written: the parts are read one at a time, each document handed on with
/// its claims.
pub fn reduce_by_story(dir: &Path, names: &[String]) -> Result<Outcome> {
    let mut ledger = spilling_ledger(StoryIndex::new())?;
    // The near-duplicate index remembers every id it checked: the ids seen.
    let mut near = NearDuplicateIndex::new();
    let mut repeats = 0;
    for name in names {
        let part = read_part(dir, name)?;
        let mut claims_of: HashMap<String, Vec<Claim>> = HashMap::new();
        for claim in part.claims {
            claims_of.entry(claim.doc.clone()).or_default().push(claim);
        }
        for mut doc in part.documents {
            if near.contains(&doc.id) {
                repeats += 1;
                continue;
            }
            doc.duplicate_of = near.check(&doc);
            let claims = claims_of.remove(&doc.id).unwrap_or_default();
            ledger.add(doc, claims)?;
        }
    }
    Ok(Outcome {
        status_line: parts_line(ledger.len(), names.len(), repeats),
        ledger: Built::ByStory(Box::new(ledger)),
        failures: 0,
    })
}

/// What a reduce read, in a line.
fn parts_line(documents: usize, parts: usize, repeats: usize) -> String {
    let mut line = format!("{documents} documents from {parts} parts");
    if repeats > 0 {
        line.push_str(&format!(" ({repeats} already in an earlier part, skipped)"));
    }
    line
}
