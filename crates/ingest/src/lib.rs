//! Reading news articles into clean [`Document`]s: plain text, HTML, JSONL
//! and WARC crawls (plain or gzip), directories recursively, with format
//! sniffing, charset decoding, article-body extraction, page-furniture
//! removal and near-duplicate detection.
//!
//! Everything streams: a JSONL or WARC file is read one record at a time and
//! no single document may exceed [`IngestOptions::max_document_bytes`].
//! Problems with one input (or one line or record of it) are reported as an
//! [`IngestError`] naming it, and reading goes on.

mod dates;
mod decode;
mod dedup;
mod document;
mod furniture;
mod hash;
mod html;
mod jsonl;
mod lines;
mod plaintext;
mod repair;
mod sniff;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use crosscheck_model::Document;

pub use dates::parse_published;
pub use decode::{decode_html, decode_text, DecodeError};
pub use dedup::{NearDuplicateIndex, DEFAULT_THRESHOLD as NEAR_DUPLICATE_THRESHOLD};
pub use document::{build_document, document_from_html, document_from_text, ArticleParts};
pub use furniture::{is_author_bio, is_furniture_line, is_section_cut};
pub use hash::content_id;
pub use html::prestrip::strip_script_and_style;
pub use html::{extract_article_html, ExtractedArticle};
pub use plaintext::{clean_plain_text, Block};
pub use repair::clean_paragraph;
pub use sniff::Format;

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or directory.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name errors and documents use for this input.
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// A problem with one input, reported and skipped; the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct IngestError {
    /// The file (or `file#line`) the problem is in.
    pub source_name: String,
    /// What is wrong.
    pub reason: String,
}

impl IngestError {
    /// An error for the input named `source_name`.
    pub fn new(source_name: &str, reason: impl Into<String>) -> IngestError {
        IngestError {
            source_name: source_name.to_string(),
            reason: reason.into(),
        }
    }
}

/// Limits that keep one bad input from exhausting memory.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest single document (a text or HTML file, a JSONL line, a WARC
    /// record) read; larger ones are reported and skipped.
    pub max_document_bytes: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_document_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Expands directories (recursively) into the files to read, in a stable
/// order; unreadable paths become errors. `-` is standard input. Hidden
/// files (dot-files) inside directories are skipped.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::Path(path.clone())),
            Err(e) => errors.push(IngestError::new(&path.display().to_string(), io_reason(&e))),
        }
    }
    (inputs, errors)
}

/// Depth-first over a directory with an explicit stack (deep trees cannot
/// overflow the call stack), visiting entries in sorted path order.
fn walk_dir(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<IngestError>) {
    let mut stack = vec![(root.to_path_buf(), true)];
    while let Some((path, is_dir)) = stack.pop() {
        if !is_dir {
            inputs.push(Input::Path(path));
            continue;
        }
        let entries = match std::fs::read_dir(&path) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push(IngestError::new(&path.display().to_string(), io_reason(&e)));
                continue;
            }
        };
        let mut children: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) if entry.file_name().to_string_lossy().starts_with('.') => {}
                Ok(entry) => children.push(entry.path()),
                Err(e) => errors.push(IngestError::new(&path.display().to_string(), io_reason(&e))),
            }
        }
        children.sort();
        // Pushed in reverse so that the smallest name is visited first.
        for child in children.into_iter().rev() {
            match std::fs::metadata(&child) {
                Ok(meta) => stack.push((child, meta.is_dir())),
                Err(e) => errors.push(IngestError::new(
                    &child.display().to_string(),
                    io_reason(&e),
                )),
            }
        }
    }
}

/// Runs `read` and, when it emitted nothing at all, reports `nothing` once
/// for the input, so that no file passes silently.
pub(crate) fn report_if_empty(
    name: &str,
    nothing: &str,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
    read: impl FnOnce(&mut dyn FnMut(Result<Document, IngestError>)),
) {
    let mut reported = 0usize;
    let mut counting = |result: Result<Document, IngestError>| {
        reported += 1;
        emit(result);
    };
    read(&mut counting);
    if reported == 0 {
        emit(Err(IngestError::new(name, nothing)));
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Reads one input, calling `emit` for each document or problem found (a
/// JSONL or WARC file yields many). Streams: never holds more than one record.
pub fn read_input(input: &Input, emit: &mut dyn FnMut(Result<Document, IngestError>)) {
    read_input_with(input, &IngestOptions::default(), emit);
}

/// [`read_input`] with explicit limits.
pub fn read_input_with(
    input: &Input,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
) {
    let name = input.name();
    match input {
        Input::Stdin => {
            let stdin = io::stdin();
            let mut reader = BufReader::with_capacity(64 * 1024, stdin.lock());
            read_stream(&name, &mut reader, None, options, 0, emit);
        }
        Input::Path(path) => {
            let file = match File::open(path) {
                Ok(f) => f,
                Err(e) => {
                    emit(Err(IngestError::new(&name, io_reason(&e))));
                    return;
                }
            };
            let hint = extension_hint(path);
            let mut reader = BufReader::with_capacity(64 * 1024, file);
            read_stream(&name, &mut reader, hint, options, 0, emit);
        }
    }
}

/// Reads documents from bytes held in memory (tests, embedded corpora).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
) {
    let hint = extension_hint(Path::new(name));
    let mut reader = BufReader::new(bytes);
    read_stream(name, &mut reader, hint, options, 0, emit);
}

/// The format a file name suggests, looking through a `.gz` suffix.
fn extension_hint(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_string_lossy().to_string();
    Format::from_extension(&ext)
}

fn read_stream(
    name: &str,
    reader: &mut dyn BufRead,
    hint: Option<Format>,
    options: &IngestOptions,
    depth: usize,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
) {
    let prefix = match reader.fill_buf() {
        Ok(p) => p.to_vec(),
        Err(e) => {
            emit(Err(IngestError::new(name, format!("read failed: {e}"))));
            return;
        }
    };
    if prefix.is_empty() {
        emit(Err(IngestError::new(
            name,
            if depth == 0 {
                "empty file (0 bytes)"
            } else {
                "empty after decompression"
            },
        )));
        return;
    }
    if sniff::is_gzip(&prefix) {
        if depth > 0 {
            emit(Err(IngestError::new(
                name,
                "nested gzip streams are not supported",
            )));
            return;
        }
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        let mut inner = BufReader::with_capacity(64 * 1024, decoder);
        read_stream(name, &mut inner, hint, options, depth + 1, emit);
        return;
    }
    if encoding_rs::Encoding::for_bom(&prefix).is_none() {
        if let Some(at) = decode::looks_binary(&prefix) {
            emit(Err(IngestError::new(
                name,
                format!("binary file, not text (control bytes at byte {at})"),
            )));
            return;
        }
    }
    match sniff::sniff(&prefix, hint) {
        Format::Jsonl => jsonl::read_jsonl(name, reader, options, emit),
        Format::Warc => warc::read_warc(name, reader, options, emit),
        format @ (Format::Text | Format::Html) => {
            let bytes = match lines::read_capped(reader, options.max_document_bytes) {
                Ok(Ok(bytes)) => bytes,
                Ok(Err(size)) => {
                    emit(Err(IngestError::new(
                        name,
                        format!(
                            "{size} bytes, over the {}-byte limit for one document",
                            options.max_document_bytes
                        ),
                    )));
                    return;
                }
                Err(e) => {
                    emit(Err(IngestError::new(
                        name,
                        format!("read failed (truncated or corrupt): {e}"),
                    )));
                    return;
                }
            };
            emit(single_document(name, format, &bytes));
        }
    }
}

fn single_document(name: &str, format: Format, bytes: &[u8]) -> Result<Document, IngestError> {
    let fail = |reason: String| IngestError::new(name, reason);
    let parts = if format == Format::Html {
        let html = decode::decode_html(bytes, None).map_err(|e| fail(e.to_string()))?;
        ArticleParts::from(extract_article_html(&html))
    } else {
        let text = decode::decode_text(bytes).map_err(|e| fail(e.to_string()))?;
        ArticleParts {
            blocks: clean_plain_text(&text),
            ..ArticleParts::default()
        }
    };
    build_document(name, format, parts).map_err(fail)
}

/// Decompresses a gzip (possibly multi-member) byte string, refusing output
/// larger than `cap` bytes.
pub fn gunzip_capped(bytes: &[u8], cap: usize) -> io::Result<Vec<u8>> {
    let mut decoder = BufReader::new(flate2::read::MultiGzDecoder::new(bytes));
    match lines::read_capped(&mut decoder, cap)? {
        Ok(out) => Ok(out),
        Err(size) => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("decompresses to {size} bytes, over the {cap}-byte limit"),
        )),
    }
}
