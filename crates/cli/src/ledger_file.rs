//! How the ledger file is written: compact JSON by default, pretty on
//! request, JSON lines for `.jsonl`; span texts only when asked for.

use std::io::{self, Write};
use std::path::Path;

use crosscheck_model::json::{write_json, write_lines, JsonOptions, LedgerForm, LedgerWriter};
use crosscheck_model::Ledger;

/// Options for the ledger file.
#[derive(clap::Args, Clone, Default)]
pub struct LedgerFormat {
    /// Indent the ledger JSON for reading by eye (default: compact, one line).
    #[arg(long, conflicts_with = "jsonl")]
    pub pretty: bool,
    /// Write each span's text beside its offsets (default: offsets only; every
    /// span's text is a slice of its document's `text`).
    #[arg(long)]
    pub with_text: bool,
    /// Write the ledger as JSON lines, one document, entity, claim or
    /// proposition per line (the default when the ledger file ends in .jsonl).
    #[arg(long)]
    pub jsonl: bool,
}

impl LedgerFormat {
    /// True when the ledger going to `path` (`None`: standard output) is
    /// written as JSON lines.
    pub fn lines(&self, path: Option<&Path>) -> bool {
        self.jsonl || path.is_some_and(|p| p.extension().is_some_and(|e| e == "jsonl"))
    }

    /// A writer of the ledger file going to `path` (`None`: standard
    /// output), its header written, for a ledger written section by section.
    pub fn writer<W: Write>(&self, path: Option<&Path>, out: W) -> io::Result<LedgerWriter<W>> {
        let form = if self.lines(path) {
            LedgerForm::Lines
        } else {
            LedgerForm::Json {
                pretty: self.pretty,
            }
        };
        LedgerWriter::new(out, form, self.with_text, crosscheck_model::GENERATOR)
    }

    /// Writes `ledger` to `out`, the file at `path` (`None`: standard output).
    pub fn write(&self, ledger: &Ledger, path: Option<&Path>, out: impl Write) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        if self.lines(path) {
            write_lines(ledger, &mut out, self.with_text)?;
        } else {
            let options = JsonOptions {
                pretty: self.pretty,
                with_text: self.with_text,
            };
            write_json(ledger, &mut out, options)?;
        }
        out.flush()
    }
}

/// Refuses a `--parquet` directory that is a file or holds other parts (a
/// map's), which a reader would count twice.
pub fn check_parquet_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!("--parquet {}: not a directory", dir.display());
    }
    if dir.join("documents").is_dir() {
        let others: Vec<String> = crosscheck_columnar::part_names(dir)?
            .into_iter()
            .filter(|name| name != LEDGER_PART)
            .collect();
        if !others.is_empty() {
            anyhow::bail!(
                "--parquet {} already holds other parts ({}): give it a directory of its own",
                dir.display(),
                others.join(", ")
            );
        }
    }
    Ok(())
}

/// Writes the ledger's documents, mentions and claims as the Parquet part
/// `ledger` of the tables under `dir`.
pub fn write_parquet(ledger: &Ledger, dir: &Path) -> anyhow::Result<()> {
    check_parquet_dir(dir)?;
    crosscheck_columnar::write_ledger(dir, LEDGER_PART, ledger)?;
    Ok(())
}

/// The name of the one part `--parquet` writes.
const LEDGER_PART: &str = "ledger";
