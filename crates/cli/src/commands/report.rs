use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use crosscheck_model::Ledger;
use crosscheck_store::Store;

use crate::commands::analyze::write_atomically;

/// Where to write the human-facing reports.
#[derive(clap::Args, Default)]
pub struct ReportPaths {
    /// Write a self-contained HTML report here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write a Markdown report here.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Write every claim as a CSV row here (for spreadsheets).
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

impl ReportPaths {
    fn is_empty(&self) -> bool {
        self.html.is_none() && self.markdown.is_none() && self.csv.is_none()
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Read the ledger from this file (as written by `analyze -o`: JSON or
    /// JSON lines, with span texts or without).
    #[arg(long, value_name = "FILE", conflicts_with = "db")]
    pub ledger: Option<PathBuf>,
    /// Build the ledger from everything in this store.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub paths: ReportPaths,
}

pub fn run(args: &Args, quiet: bool) -> Result<ExitCode> {
    let ledger = match (&args.ledger, &args.db) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            crosscheck_model::json::read_ledger(&text)
                .with_context(|| format!("{}: not a crosscheck ledger", path.display()))?
        }
        (None, Some(db)) => {
            let store = Store::open_existing(db)?;
            let (documents, claims) = crate::pipeline::load_store(&store)?;
            crosscheck_ledger::build_ledger(documents, claims)
        }
        (None, None) => bail!("give --ledger FILE or --db FILE"),
    };
    if args.paths.is_empty() {
        print!("{}", crosscheck_report::markdown(&ledger));
    } else {
        write_reports(&ledger, &args.paths)?;
        if !quiet {
            for path in [&args.paths.html, &args.paths.markdown, &args.paths.csv]
                .into_iter()
                .flatten()
            {
                println!("wrote {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn write_reports(ledger: &Ledger, paths: &ReportPaths) -> Result<()> {
    if let Some(path) = &paths.html {
        write_atomically(path, crosscheck_report::html(ledger).as_bytes())?;
    }
    if let Some(path) = &paths.markdown {
        write_atomically(path, crosscheck_report::markdown(ledger).as_bytes())?;
    }
    if let Some(path) = &paths.csv {
        let mut buf = Vec::new();
        crosscheck_report::write_claims_csv(ledger, &mut buf)
            .with_context(|| format!("writing {}", path.display()))?;
        write_atomically(path, &buf)?;
    }
    Ok(())
}
