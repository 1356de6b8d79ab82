//! Writing output files without harming anything.
//!
//! Every output path is checked and opened before the analysis starts, so
//! a bad path fails at once instead of after an hour of work:
//!
//! - a path that is (or links to) an input or the store, or that another
//!   output also names, is refused;
//! - a directory is refused;
//! - a regular file (or a new one) is replaced atomically: the content goes
//!   to an unnamed temporary file in the same directory (Linux `O_TMPFILE`),
//!   which is given a name only once it is complete and renamed over the
//!   target, so an interrupted run (even `kill -9`, even a full disk) leaves
//!   the old file and no temporary behind. A symlink to a regular file
//!   replaces the file it points to and stays a symlink. Where the file
//!   system has no unnamed temporaries, a named one is used and removed on
//!   every exit path we control (error, panic, SIGINT, SIGTERM, SIGHUP);
//! - anything else, a device, FIFO or terminal, directly or through a
//!   symlink (`/dev/null`, `/dev/stdout`), is written through, never
//!   replaced; a FIFO without a reader is an error, not a hang;
//! - `-` is standard output.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};

/// Files that outputs must not overwrite: the inputs and the store.
#[derive(Default)]
pub struct Protected {
    /// (device, inode) of existing files, with what they are.
    existing: Vec<(u64, u64, String)>,
    /// Resolved paths of files that may not exist yet (a new store).
    planned: Vec<(PathBuf, String)>,
}

impl Protected {
    /// Protects an existing file (an input), if it is a regular file.
    pub fn input(&mut self, path: &Path) {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() {
                self.existing.push((
                    meta.dev(),
                    meta.ino(),
                    format!("the input {}", path.display()),
                ));
            }
        }
    }

    /// Protects a store and its SQLite side files, existing or not.
    pub fn store(&mut self, path: &Path) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = path.as_os_str().to_os_string();
            name.push(suffix);
            let file = PathBuf::from(name);
            let what = format!("the store {}", path.display());
            if let Ok(meta) = std::fs::metadata(&file) {
                self.existing.push((meta.dev(), meta.ino(), what.clone()));
            }
            if let Some(resolved) = resolve_new(&file) {
                self.planned.push((resolved, what));
            }
        }
    }

    fn conflict(&self, meta: Option<&Metadata>, resolved: Option<&Path>) -> Option<&str> {
        if let Some(meta) = meta {
            if let Some((_, _, what)) = self
                .existing
                .iter()
                .find(|(dev, ino, _)| *dev == meta.dev() && *ino == meta.ino())
            {
                return Some(what);
            }
        }
        let resolved = resolved?;
        self.planned
            .iter()
            .find(|(p, _)| p == resolved)
            .map(|(_, what)| what.as_str())
    }
}

/// An output checked and opened, waiting for its content.
pub struct Output {
    path: PathBuf,
    target: Target,
}

enum Target {
    Stdout,
    /// Written in place: a device, FIFO or terminal.
    Through(File),
    /// Replaces `dest` by rename once written.
    Replace {
        dest: PathBuf,
        temp: Temp,
    },
}

enum Temp {
    /// Unnamed until complete (`O_TMPFILE`).
    Unnamed(File),
    /// Named (file systems without `O_TMPFILE`); removed unless persisted.
    Named(tempfile::NamedTempFile),
}

/// Checks and opens every output, refusing two outputs on one file.
pub fn prepare_all(paths: &[(&str, &Path)], protected: &Protected) -> Result<Vec<Output>> {
    let mut outputs: Vec<Output> = Vec::new();
    // Each output's flag, resolved path and (device, inode).
    type Seen<'a> = (&'a str, Option<PathBuf>, Option<(u64, u64)>);
    let mut seen: Vec<Seen> = Vec::new();
    for (flag, path) in paths {
        let resolved = resolve_new(path);
        let id = std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
        if let Some((other, _, _)) = seen
            .iter()
            .find(|(_, r, i)| (resolved.is_some() && *r == resolved) || (id.is_some() && *i == id))
        {
            if path.as_os_str() != "-" || *other != *flag {
                bail!(
                    "{flag} and {other} name the same file {}; give each output its own file",
                    path.display()
                );
            }
        }
        seen.push((flag, resolved, id));
        outputs.push(Output::prepare(path, protected)?);
    }
    Ok(outputs)
}

impl Output {
    /// Checks `path` and opens what will be written.
    pub fn prepare(path: &Path, protected: &Protected) -> Result<Output> {
        if path.as_os_str() == "-" {
            return Ok(Output {
                path: path.to_path_buf(),
                target: Target::Stdout,
            });
        }
        let shown = path.display();
        let followed = std::fs::metadata(path);
        let link = std::fs::symlink_metadata(path);
        if let (Err(_), Ok(l)) = (&followed, &link) {
            if l.file_type().is_symlink() {
                bail!("{shown}: a symlink to a missing file; give the file's own path");
            }
        }
        if let Ok(meta) = &followed {
            if meta.is_dir() {
                bail!("{shown}: is a directory; give a file name");
            }
        }
        if followed.is_err() {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
        }
        let resolved = match &followed {
            Ok(meta) if !meta.is_file() => None,
            _ => resolve_new(path),
        };
        if let Some(what) = protected.conflict(followed.as_ref().ok(), resolved.as_deref()) {
            bail!("{shown}: is {what}; refusing to write over it");
        }
        let target = match followed {
            Ok(meta) if !meta.is_file() => Target::Through(open_through(path, &meta)?),
            existing => {
                let dest = resolved
                    .with_context(|| format!("{shown}: cannot resolve the directory it is in"))?;
                let temp = Temp::create(&dest)?;
                if let Ok(meta) = existing {
                    // The replacement keeps the file's permissions.
                    let _ = temp
                        .file()
                        .set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777));
                }
                Target::Replace { dest, temp }
            }
        };
        Ok(Output {
            path: path.to_path_buf(),
            target,
        })
    }

    /// The path as given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the whole content and puts it in place.
    pub fn commit(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
        let shown = self.path.display().to_string();
        match self.target {
            Target::Stdout => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                write(&mut out)
                    .and_then(|()| out.flush())
                    .map_err(crate::console::stdout_error)?;
                Ok(())
            }
            Target::Through(mut file) => {
                let mut out = io::BufWriter::new(&mut file);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("writing {shown}"))?;
                Ok(())
            }
            Target::Replace { dest, temp } => temp.persist(&dest, write, &shown),
        }
    }
}

/// Opens a special file to write through it. A FIFO is opened without
/// waiting: with no reader, that fails instead of blocking forever.
fn open_through(path: &Path, meta: &Metadata) -> Result<File> {
    let shown = path.display();
    let mut options = OpenOptions::new();
    options.write(true);
    let fifo = meta.file_type().is_fifo();
    if fifo {
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(|e| {
        if fifo && e.raw_os_error() == Some(rustix::io::Errno::NXIO.raw_os_error()) {
            anyhow::anyhow!("{shown}: a FIFO with no reader; start the reader first")
        } else {
            anyhow::anyhow!("{shown}: cannot open for writing: {e}")
        }
    })?;
    if fifo {
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    }
    Ok(file)
}

/// The absolute path a file has or would have, through symlinks in its
/// directory and a symlink at the path itself; `None` when the directory
/// does not exist.
fn resolve_new(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

impl Temp {
    fn create(dest: &Path) -> Result<Temp> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let unnamed = OpenOptions::new()
            .write(true)
            .mode(0o666)
            .custom_flags(rustix::fs::OFlags::TMPFILE.bits() as i32)
            .open(dir);
        match unnamed {
            Ok(file) => Ok(Temp::Unnamed(file)),
            Err(e) if unsupported(&e) => {
                let name = dest
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let named = tempfile::Builder::new()
                    .prefix(&format!(".{name}."))
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .with_context(|| {
                        format!("{}: cannot write in this directory", dir.display())
                    })?;
                register_named(named.path());
                Ok(Temp::Named(named))
            }
            Err(e) => {
                Err(e).with_context(|| format!("{}: cannot write in this directory", dir.display()))
            }
        }
    }

    fn file(&self) -> &File {
        match self {
            Temp::Unnamed(f) => f,
            Temp::Named(n) => n.as_file(),
        }
    }

    fn persist(
        self,
        dest: &Path,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
        shown: &str,
    ) -> Result<()> {
        let mut out = io::BufWriter::new(self.file());
        write(&mut out)
            .and_then(|()| out.flush())
            .with_context(|| format!("writing {shown}"))?;
        drop(out);
        self.file()
            .sync_data()
            .with_context(|| format!("writing {shown}"))?;
        match self {
            Temp::Unnamed(file) => {
                link_into_place(&file, dest).with_context(|| format!("writing {shown}"))
            }
            Temp::Named(named) => {
                let path = named.path().to_path_buf();
                let result = named
                    .persist(dest)
                    .map(drop)
                    .map_err(|e| anyhow::Error::new(e.error).context(format!("writing {shown}")));
                unregister_named(&path);
                result
            }
        }
    }
}

/// Gives an unnamed temporary file its final name: linked under a unique
/// hidden name, then renamed over the destination (a link cannot replace a
/// file). Between the two steps only a kill could leave the hidden name.
fn link_into_place(file: &File, dest: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
    let dir = dest.parent().unwrap_or(Path::new("."));
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    for attempt in 0..100u32 {
        let hidden = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match rustix::fs::linkat(
            rustix::fs::CWD,
            proc_path.as_str(),
            rustix::fs::CWD,
            &hidden,
            rustix::fs::AtFlags::SYMLINK_FOLLOW,
        ) {
            Ok(()) => {
                return std::fs::rename(&hidden, dest).inspect_err(|_| {
                    let _ = std::fs::remove_file(&hidden);
                });
            }
            Err(rustix::io::Errno::EXIST) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(io::Error::other("no free temporary name"))
}

/// `O_TMPFILE` not available on this file system or kernel.
fn unsupported(e: &io::Error) -> bool {
    use rustix::io::Errno;
    let code = e.raw_os_error();
    [Errno::OPNOTSUPP, Errno::ISDIR, Errno::INVAL, Errno::NOSYS]
        .iter()
        .any(|errno| code == Some(errno.raw_os_error()))
}

/// Named temporaries alive now, removed by the signal handler.
static NAMED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn register_named(path: &Path) {
    let mut named = NAMED.lock().unwrap_or_else(|e| e.into_inner());
    named.push(path.to_path_buf());
}

fn unregister_named(path: &Path) {
    let mut named = NAMED.lock().unwrap_or_else(|e| e.into_inner());
    named.retain(|p| p != path);
}

/// On SIGINT, SIGTERM or SIGHUP: removes named temporaries, then exits as
/// the signal would have (status 130). Called once from `main`.
pub fn remove_temporaries_on_signals() {
    let _ = ctrlc::set_handler(|| {
        let named = NAMED.lock().unwrap_or_else(|e| e.into_inner());
        for path in named.iter() {
            let _ = std::fs::remove_file(path);
        }
        std::process::exit(130);
    });
}
