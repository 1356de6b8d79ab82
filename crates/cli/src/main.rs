//! `crosscheck`: turn a pile of news articles into a source-attributed claim
//! ledger. A thin layer over the library crates: argument parsing, progress,
//! files in and out, exit codes.

mod commands;
mod ledger_file;
mod pipeline;
mod progress;
mod read_ahead;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
crosscheck report --db story.db --html story.html"
)]
struct Cli {
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(short, long, global = true, value_name = "N")]
    jobs: Option<usize>,
    #[command(subcommand)]
    command: Command,
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
    /// Write Markdown, HTML or CSV reports from a ledger file or a store.
    Report(commands::report::Args),
    /// Throughput and memory benchmark on a corpus built from ../shared.
    Bench(commands::bench::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
        {
            eprintln!("crosscheck: cannot start {n} worker threads: {e}");
            return ExitCode::from(2);
        }
    }
    let result = match cli.command {
        Command::Demo { out } => commands::demo::run(&out, cli.quiet),
        Command::Analyze(args) => commands::analyze::run(&args, cli.quiet),
        Command::Map(args) => commands::map::run(&args, cli.quiet),
        Command::Reduce(args) => commands::reduce::run(&args, cli.quiet),
        Command::Documents { db } => commands::documents::run(&db),
        Command::Report(args) => commands::report::run(&args, cli.quiet),
        Command::Bench(args) => commands::bench::run(&args, cli.quiet),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: {e:#}");
            ExitCode::from(2)
        }
    }
}
