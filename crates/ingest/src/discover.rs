//! Expanding the paths given on the command line into the inputs to read.
//!
//! Directories are walked with an explicit stack (a deep tree cannot
//! overflow the call stack) and each directory is entered once, by its
//! device and inode: a symlink back to an ancestor or to itself would
//! otherwise make the walk grow without end. Inside a directory only
//! regular files are read; a FIFO, socket or device found there is
//! reported, never opened (opening a FIFO nobody writes to blocks forever).
//! A special file named explicitly is read: `<(command)` and `/dev/stdin`
//! are pipes.

use std::collections::HashSet;
use std::fs::Metadata;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};

use crate::{io_reason, IngestError, Input};

/// Deepest directory nesting walked; deeper directories are reported.
const MAX_DEPTH: usize = 256;

/// Expands directories (recursively) into the files to read, in a stable
/// order; unreadable paths become errors. `-` is standard input. Hidden
/// files (dot-files) inside directories are skipped. A directory that holds
/// no file to read is an error too, so that no input passes silently.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut walk = Walk::default();
    for path in paths {
        if path.as_os_str() == "-" {
            walk.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let before = walk.inputs.len();
                let errors_before = walk.errors.len();
                walk.directory(path, &meta);
                if walk.inputs.len() == before && walk.errors.len() == errors_before {
                    walk.errors.push(IngestError::new(
                        &path.display().to_string(),
                        "directory holds no files to read",
                    ));
                }
            }
            Ok(_) => walk.inputs.push(Input::Path(path.clone())),
            Err(e) => walk.error(path, io_reason(&e)),
        }
    }
    (walk.inputs, walk.errors)
}

#[derive(Default)]
struct Walk {
    inputs: Vec<Input>,
    errors: Vec<IngestError>,
    /// (device, inode) of every directory entered.
    entered: HashSet<(u64, u64)>,
}

impl Walk {
    fn error(&mut self, path: &Path, reason: impl Into<String>) {
        self.errors
            .push(IngestError::new(&path.display().to_string(), reason));
    }

    fn directory(&mut self, root: &Path, meta: &Metadata) {
        if !self.entered.insert((meta.dev(), meta.ino())) {
            // The same directory given twice, or inside another given one.
            return;
        }
        let mut stack = vec![(root.to_path_buf(), 0usize, true)];
        while let Some((path, depth, is_dir)) = stack.pop() {
            if !is_dir {
                self.inputs.push(Input::Path(path));
                continue;
            }
            if depth > MAX_DEPTH {
                self.error(
                    &path,
                    format!("directories nested more than {MAX_DEPTH} deep; not read"),
                );
                continue;
            }
            let entries = match std::fs::read_dir(&path) {
                Ok(rd) => rd,
                Err(e) => {
                    self.error(&path, io_reason(&e));
                    continue;
                }
            };
            let mut children: Vec<PathBuf> = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) if entry.file_name().to_string_lossy().starts_with('.') => {}
                    Ok(entry) => children.push(entry.path()),
                    Err(e) => self.error(&path, io_reason(&e)),
                }
            }
            children.sort();
            let mut next = Vec::new();
            for child in children {
                if let Some(item) = self.child(&path, child, depth) {
                    next.push(item);
                }
            }
            // Pushed in reverse so that the smallest name is visited first.
            stack.extend(next.into_iter().rev());
        }
    }

    /// What to do with one directory entry: a file to read, a directory to
    /// enter, or nothing (reported or already seen).
    fn child(
        &mut self,
        parent: &Path,
        child: PathBuf,
        depth: usize,
    ) -> Option<(PathBuf, usize, bool)> {
        let meta = match std::fs::metadata(&child) {
            Ok(meta) => meta,
            Err(e) => {
                self.error(&child, io_reason(&e));
                return None;
            }
        };
        let kind = meta.file_type();
        if kind.is_file() {
            return Some((child, depth + 1, false));
        }
        if kind.is_dir() {
            if self.entered.insert((meta.dev(), meta.ino())) {
                return Some((child, depth + 1, true));
            }
            if is_ancestor(parent, &child) {
                self.error(
                    &child,
                    "symlink loop (links back to a directory being read); not followed",
                );
            }
            // Otherwise a second link to a directory already read: its files
            // are in the batch once.
            return None;
        }
        let what = if kind.is_fifo() {
            "a FIFO (named pipe)"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else {
            "not a regular file"
        };
        self.error(
            &child,
            format!("{what}, not read inside a directory (name it explicitly to read it)"),
        );
        None
    }
}

/// Whether the directory `link` resolves to is `dir` or one of its
/// ancestors.
fn is_ancestor(dir: &Path, link: &Path) -> bool {
    match (std::fs::canonicalize(dir), std::fs::canonicalize(link)) {
        (Ok(dir), Ok(target)) => dir.starts_with(target),
        _ => false,
    }
}
