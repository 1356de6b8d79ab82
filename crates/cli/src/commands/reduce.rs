//! `crosscheck reduce`: the ledger from the Parquet parts `crosscheck map`
//! wrote. Parts are read in name order, which is the ledger's input order;
//! a document in two parts counts once (its first), and near-duplicates are
//! marked across all parts, as `analyze` marks them across its inputs.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use crosscheck_columnar::{part_names, read_part, Part};
use crosscheck_ingest::NearDuplicateIndex;
use crosscheck_model::{Claim, Document};

use crate::commands::analyze::{Built, LedgerOutputs, Outcome};
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
    let outcome = reduce(&args.dir, &names)?;
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

/// The ledger of parts `names` under `dir`.
pub fn reduce(dir: &Path, names: &[String]) -> Result<Outcome> {
    let mut gathered = Gathered::default();
    for name in names {
        gathered.add(read_part(dir, name)?);
    }
    let documents = gathered.documents.len();
    let mut status_line = format!("{documents} documents from {} parts", names.len());
    if gathered.repeats > 0 {
        status_line.push_str(&format!(
            " ({} already in an earlier part, skipped)",
            gathered.repeats
        ));
    }
    let ledger = crosscheck_ledger::build_ledger(gathered.documents, gathered.claims);
    Ok(Outcome {
        ledger: Built::Whole(ledger),
        failures: 0,
        status_line,
    })
}

/// The documents and claims of the parts read so far, each document once,
/// near-duplicates marked in order.
#[derive(Default)]
struct Gathered {
    seen: HashSet<String>,
    near: NearDuplicateIndex,
    documents: Vec<Document>,
    claims: Vec<Claim>,
    repeats: usize,
}

impl Gathered {
    fn add(&mut self, part: Part) {
        let mut repeated: HashSet<String> = HashSet::new();
        for mut doc in part.documents {
            if !self.seen.insert(doc.id.clone()) {
                self.repeats += 1;
                repeated.insert(doc.id);
                continue;
            }
            doc.duplicate_of = self.near.check(&doc);
            self.documents.push(doc);
        }
        self.claims.extend(
            part.claims
                .into_iter()
                .filter(|claim| !repeated.contains(&claim.doc)),
        );
    }
}
