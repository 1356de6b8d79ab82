//! `crosscheck map`: the per-document stage alone, each input file (a
//! shard) analysed into one Parquet part of a directory that
//! `crosscheck reduce` turns into the ledger. A rerun of a shard replaces
//! its part, so a failed or repeated task on a cluster is harmless.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use crosscheck_columnar::PartWriter;
use crosscheck_ingest::{discover, Input, NearDuplicateIndex};

use crate::console::{errln, outln};
use crate::pipeline;
use crate::Settings;

#[derive(clap::Args)]
pub struct Args {
    /// Article files or directories (read recursively), or - for stdin; each
    /// file is a shard and becomes one part.
    #[arg(required = true, value_name = "INPUTS")]
    pub inputs: Vec<PathBuf>,
    /// The directory of Parquet tables the parts go to (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The part's name, for a single input (default: the input's file name).
    /// Reduce reads parts in name order, which is the ledger's input order.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

pub fn run(args: &Args, settings: &Settings) -> Result<ExitCode> {
    let quiet = settings.quiet;
    let (inputs, errors) = discover(&args.inputs);
    for e in &errors {
        errln!("crosscheck: {e}");
    }
    if args.name.is_some() && inputs.len() > 1 {
        bail!(
            "--name names one part, but the inputs hold {} files: map them one by one",
            inputs.len()
        );
    }
    let mut named: HashMap<String, String> = HashMap::new();
    let mut shards = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let name = match &args.name {
            Some(name) => name.clone(),
            None => part_name(input),
        };
        if let Some(other) = named.insert(name.clone(), input.name()) {
            bail!(
                "{other} and {} would both be part {name}: map them one by one, each with --name",
                input.name()
            );
        }
        shards.push((input, name));
    }
    let mut failures = errors.len();
    let (mut documents, mut claims) = (0, 0);
    for (input, name) in shards {
        let mut part = PartWriter::create(&args.out, &name)?;
        let shard = std::slice::from_ref(input);
        let stats = pipeline::run(
            shard,
            &[],
            NearDuplicateIndex::new(),
            &settings.limits,
            quiet,
            &mut |chunk| {
                for analysed in chunk {
                    let mut doc = analysed.document;
                    // Near-duplicates are marked across all shards by reduce.
                    doc.duplicate_of = None;
                    part.add(&doc, &analysed.claims, &[])?;
                }
                Ok(())
            },
        )?;
        failures += stats.failures;
        let written = part.finish()?;
        documents += written.documents;
        claims += written.claims;
        if !quiet {
            outln!(
                "{}: part {name}, {} documents, {} claims",
                input.name(),
                written.documents,
                written.claims
            )?;
        }
    }
    if !quiet {
        outln!(
            "{documents} documents and {claims} claims written to {}",
            args.out.display()
        )?;
    }
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The part of a shard: its file name, with any character a part name may
/// not hold replaced.
fn part_name(input: &Input) -> String {
    let file = match input {
        Input::Path(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        Input::Stdin => "stdin".to_string(),
    };
    let name: String = file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match name.trim_start_matches('.') {
        "" => "part".to_string(),
        trimmed => trimmed.to_string(),
    }
}
