//! `crosscheck`: turn a pile of news articles into a source-attributed claim
//! ledger. A thin layer over the library crates: argument parsing, progress,
//! files in and out, exit codes.

mod allocator;
mod commands;
mod console;
mod ledger_file;
mod output;
mod pipeline;
mod progress;
mod read_ahead;
mod watchdog;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use crosscheck_ingest::IngestOptions;

use crate::console::errln;
use crate::pipeline::Limits;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Turn a pile of news articles into a source-attributed claim ledger",
    long_about = "crosscheck reads news articles (text, HTML, JSONL, WARC crawls) and writes a claim \
ledger: who said what, which figures, which stances, and where sources agree or conflict. \
Every claim points back to exact offsets in the article text.",
    after_help = "Examples:\n  \
crosscheck demo                                  run everything on the built-in demo story\n  \
crosscheck analyze articles/ -o ledger.json      analyse a directory, write the ledger\n  \
crosscheck analyze new/*.html --db story.db      add articles to a local store\n  \
crosscheck documents --db story.db               list what the store holds\n  \
crosscheck stories --db story.db                 list the stories it holds\n  \
crosscheck report --db story.db --html story.html\n  \
crosscheck serve --db story.db                   browse it in a web browser"
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Worker threads (default: all cores; at most 4 per core).
    #[arg(short, long, global = true, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
    /// Longest time to parse, or to analyse, one document; a document that
    /// takes longer is skipped with a message.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 60.0)]
    doc_timeout: f64,
    /// Largest document (a file, JSONL line, WARC record or decompressed
    /// body), in MiB; larger ones are skipped with a message.
    #[arg(long, global = true, value_name = "MIB", default_value_t = 16, value_parser = clap::value_parser!(u64).range(1..=4096))]
    max_document_mb: u64,
    /// Most bytes read from one file or stream after decompression, in MiB;
    /// reading stops there with a message.
    #[arg(long, global = true, value_name = "MIB", default_value_t = 8192, value_parser = clap::value_parser!(u64).range(1..))]
    max_input_mb: u64,
    #[command(subcommand)]
    command: Command,
}

/// Options every command sees.
pub struct Settings {
    /// No progress bars or summaries (`--quiet`).
    pub quiet: bool,
    /// Caps on input, memory and time.
    pub limits: Limits,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline on the built-in demo corpus (an invented story).
    Demo {
        /// Where to write the demo corpus, ledger and reports.
        #[arg(long, default_value = "crosscheck-demo")]
        out: PathBuf,
    },
    /// Analyse articles (files, directories, or - for stdin) into a ledger.
    #[command(after_help = "Examples:\n  \
crosscheck analyze story/ -o ledger.json\n  \
cat article.html | crosscheck analyze - -o ledger.json\n  \
crosscheck analyze crawl.warc.gz --db story.db --html report.html")]
    Analyze(commands::analyze::Args),
    /// The per-document stage alone: each input file (a shard) analysed
    /// into one Parquet part of DIR, replacing an earlier part of that shard.
    #[command(after_help = "Examples:\n  \
crosscheck map shards/ --out parts/\n  \
crosscheck map shard-017.jsonl --out parts/ --name shard-017\n  \
crosscheck reduce parts/ -o ledger.json")]
    Map(commands::map::Args),
    /// The ledger from the Parquet parts `crosscheck map` wrote.
    Reduce(commands::reduce::Args),
    /// List the documents kept in a store.
    Documents {
        /// The store to read.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// List the stories a store holds: size, span of dates, outlets, title.
    Stories {
        /// The store to read.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// Write Markdown, HTML or CSV reports from a ledger file or a store.
    Report(commands::report::Args),
    /// Throughput and memory benchmark on a corpus built from ../shared.
    Bench(commands::bench::Args),
    /// Browse a store in a web browser, with a JSON API (see docs/api.md).
    #[command(after_help = "Examples:\n  \
crosscheck serve --db story.db                    http://127.0.0.1:8080/\n  \
crosscheck serve --db story.db --addr 127.0.0.1:9000")]
    Serve(commands::serve::Args),
}

fn main() -> ExitCode {
    allocator::return_freed_memory();
    std::panic::set_hook(Box::new(report_panic));
    output::remove_temporaries_on_signals();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(e),
    };
    let settings = match settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            errln!("crosscheck: {}", one_line(&e));
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Demo { out } => commands::demo::run(&out, &settings),
        Command::Analyze(args) => commands::analyze::run(&args, &settings),
        Command::Map(args) => commands::map::run(&args, &settings),
        Command::Reduce(args) => commands::reduce::run(&args, &settings),
        Command::Documents { db } => commands::documents::run(&db),
        Command::Stories { db } => commands::stories::run(&db),
        Command::Report(args) => commands::report::run(&args, &settings),
        Command::Bench(args) => commands::bench::run(&args, settings.quiet),
        Command::Serve(args) => commands::serve::run(&args, settings.quiet),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            errln!("crosscheck: {}", one_line(&e));
            ExitCode::from(2)
        }
    }
}

/// An error and its causes on one line, each cause said once: many
/// library errors already quote their source in their own message.
fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// Help and version go to standard output (a failure to write them is an
/// error like any other); usage errors to standard error with status 2.
fn usage(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let shown = console::out(&e.render().to_string());
            let code = if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                2
            } else {
                0
            };
            match shown {
                Ok(()) => ExitCode::from(code),
                Err(err) => {
                    errln!("crosscheck: {err:#}");
                    ExitCode::from(2)
                }
            }
        }
        _ => {
            errln!("{}", e.render().to_string().trim_end());
            ExitCode::from(2)
        }
    }
}

/// Most worker threads per core: more only adds memory and switching.
const JOBS_PER_CORE: usize = 4;

fn settings(cli: &Cli) -> anyhow::Result<Settings> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores * JOBS_PER_CORE;
    let workers = match cli.jobs {
        None => cores,
        Some(n) => {
            let n = n as usize;
            if n > most {
                if !cli.quiet {
                    errln!(
                        "crosscheck: --jobs {n} is more than {JOBS_PER_CORE} per core; using {most} ({cores} cores)"
                    );
                }
                most
            } else {
                n
            }
        }
    };
    if let Some(jobs) = cli.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(workers.min(jobs as usize))
            .build_global()
        {
            anyhow::bail!("cannot start {workers} worker threads: {e}");
        }
    }
    if !(cli.doc_timeout.is_finite() && cli.doc_timeout > 0.0) {
        anyhow::bail!("--doc-timeout must be a positive number of seconds");
    }
    let mib = 1024 * 1024;
    Ok(Settings {
        quiet: cli.quiet,
        limits: Limits {
            ingest: IngestOptions {
                max_document_bytes: usize::try_from(cli.max_document_mb * mib)
                    .unwrap_or(usize::MAX),
                max_input_bytes: cli.max_input_mb.saturating_mul(mib),
                ..IngestOptions::default()
            },
            document_time: Duration::from_secs_f64(cli.doc_timeout.min(1e9)),
            workers,
        },
    })
}

/// One line instead of a backtrace. Worker threads stay quiet: the
/// pipeline reports their panics with the document. A failure to print to
/// standard output (a closed pipe, a full disk) from code that still uses
/// `print!` ends the run with a message, like any other output error.
fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    let message = watchdog::panic_message(info.payload());
    if message.starts_with("failed printing to stdout") {
        errln!("crosscheck: cannot write to standard output ({message})");
        std::process::exit(2);
    }
    if std::thread::current().name() == Some(watchdog::WORKER_THREAD) {
        return;
    }
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    errln!("crosscheck: internal error: {message}{at}; this is a bug, please report it");
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn an_error_line_says_each_cause_once() {
        let io = || std::io::Error::other("disk on fire");
        let quoted = anyhow::Error::new(io()).context("cannot open s.db: disk on fire");
        assert_eq!(one_line(&quoted), "cannot open s.db: disk on fire");
        let plain = anyhow::Error::new(io()).context("reading f.txt");
        assert_eq!(one_line(&plain), "reading f.txt: disk on fire");
    }
}
