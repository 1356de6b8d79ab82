use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use crosscheck_serve::{App, Db, Limits};

#[derive(clap::Args)]
pub struct Args {
    /// The store to serve (as written by `analyze --db` or `demo`): a
    /// SQLite file, or a PostgreSQL database as postgres://USER@HOST:PORT/DB.
    #[arg(long, value_name = "STORE")]
    pub db: String,
    /// Address to listen on. The default answers only this machine; give
    /// 0.0.0.0:PORT on purpose to serve a network.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Largest upload accepted from the browser or `POST /api/documents`, in MB.
    #[arg(long, value_name = "MB", default_value_t = 32)]
    pub max_upload: usize,
}

pub fn run(args: &Args, quiet: bool) -> Result<ExitCode> {
    let db = Db::open(&args.db)?;
    if !quiet {
        eprintln!("loading {} …", db.name());
    }
    let limits = Limits {
        max_upload: args.max_upload.saturating_mul(1024 * 1024),
    };
    let name = db.name().to_string();
    let app = Arc::new(App::new(db, limits)?);
    let runtime = tokio::runtime::Runtime::new().context("starting the server runtime")?;
    let snapshot = app.snapshot();
    let (documents, claims) = (
        snapshot.ledger.documents.len(),
        snapshot.ledger.claims.len(),
    );
    drop(snapshot);
    runtime
        .block_on(crosscheck_serve::serve(app, args.addr, |bound| {
            if !quiet {
                eprintln!(
                    "serving {documents} documents and {claims} claims from {name} on http://{bound}/ (Ctrl-C stops)"
                );
            }
        }))
        .with_context(|| format!("serving on {}", args.addr))?;
    Ok(ExitCode::SUCCESS)
}
