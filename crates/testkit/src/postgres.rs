//! A real PostgreSQL server for tests: initialised in a temp dir, listening
//! on a free loopback port, one per test process, each test in a fresh
//! database of its own.
//!
//! `initdb` refuses to run as root, so as root the server runs as the
//! `postgres` user (`runuser`). A watchdog started with the server stops
//! it and deletes its directory once the test process is gone, so no
//! server outlives the tests even though nothing runs at process exit.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Where the Debian packages put PostgreSQL 15 (`CROSSCHECK_PG_BIN`
/// overrides).
pub fn bin_dir() -> PathBuf {
    std::env::var_os("CROSSCHECK_PG_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/bin"))
}

/// Whether the server programs are there.
pub fn available() -> bool {
    bin_dir().join("initdb").is_file() && bin_dir().join("pg_ctl").is_file()
}

/// A running server.
#[derive(Debug)]
pub struct Server {
    port: u16,
    dir: PathBuf,
    next: AtomicU32,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program args…`, as the `postgres` user when we are root.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut cmd = Command::new("runuser");
        cmd.args(["-u", "postgres", "--"]).arg(program);
        cmd
    } else {
        Command::new(program)
    }
}

#[track_caller]
fn run(cmd: &mut Command, what: &str) {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{what}: cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}): {}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

impl Server {
    fn start() -> Server {
        assert!(
            available(),
            "PostgreSQL 15 not found in {} (Debian package postgresql-15; set CROSSCHECK_PG_BIN)",
            bin_dir().display()
        );
        let dir = std::env::temp_dir().join(format!(
            "crosscheck-pg-{}-{}",
            std::process::id(),
            free_port()
        ));
        let data = dir.join("data");
        std::fs::create_dir_all(&dir).expect("pg temp dir");
        if is_root() {
            // The server user must own its directory.
            run(
                Command::new("chown").arg("postgres:postgres").arg(&dir),
                "chown the PostgreSQL dir",
            );
        }
        let bin = bin_dir();
        run(
            as_server_user(&bin.join("initdb"))
                .args([
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8",
                    "-D",
                ])
                .arg(&data),
            "initdb",
        );
        let port = free_port();
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off",
            dir.display()
        );
        run(
            as_server_user(&bin.join("pg_ctl"))
                .args(["-w", "-t", "60", "-l"])
                .arg(dir.join("log"))
                .args(["-o", &options, "-D"])
                .arg(&data)
                .arg("start"),
            "pg_ctl start",
        );
        watchdog(&bin, &dir, &data);
        let server = Server {
            port,
            dir,
            next: AtomicU32::new(0),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "PostgreSQL did not listen on {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// The server's address for database `db`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// A new empty database; its URL.
    pub fn fresh_database(&self) -> String {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let name = format!("t{}_{n}", std::process::id());
        run(
            Command::new(bin_dir().join("createdb"))
                .args([
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &self.port.to_string(),
                    "-U",
                    "postgres",
                ])
                .arg(&name),
            "createdb",
        );
        self.url(&name)
    }

    /// The server's directory (data, log, socket).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

/// Stops the server and removes its directory once this process is gone.
fn watchdog(bin: &Path, dir: &Path, data: &Path) {
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
         {prefix}'{pg_ctl}' -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        prefix = if is_root() {
            "runuser -u postgres -- "
        } else {
            ""
        },
        pg_ctl = bin.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
    );
    // Detached: it must outlive us. Its output goes nowhere.
    let _ = Command::new("setsid")
        .args(["sh", "-c", &script])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// The test process's server, started at the first call.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(Server::start)
}
