//! Printing that never panics. `print!` panics when standard output is a
//! closed pipe (`crosscheck ... | head -1`) or a full disk (`> /dev/full`);
//! here such a failure becomes an error that `main` reports in one line.
//! Standard error has nowhere to report its own failures: they are ignored.

use std::fmt;
use std::io::{self, Write};

/// Standard output could not be written.
#[derive(Debug)]
pub struct StdoutError(pub io::Error);

impl fmt::Display for StdoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.kind() == io::ErrorKind::BrokenPipe {
            f.write_str("standard output was closed before all output was written")
        } else {
            write!(f, "cannot write to standard output: {}", self.0)
        }
    }
}

impl std::error::Error for StdoutError {}

/// Wraps a failure to write standard output.
pub fn stdout_error(e: io::Error) -> anyhow::Error {
    anyhow::Error::new(StdoutError(e))
}

/// Writes `text` to standard output and flushes it.
pub fn out(text: &str) -> anyhow::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(stdout_error)
}

/// Writes `text` to standard error, ignoring failures.
pub fn err(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.flush();
}

/// `println!` to standard output, returning an error instead of panicking.
macro_rules! outln {
    () => { $crate::console::out("\n") };
    ($($arg:tt)*) => { $crate::console::out(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!` that never panics.
macro_rules! errln {
    ($($arg:tt)*) => { $crate::console::err(&format!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {errln, outln};
