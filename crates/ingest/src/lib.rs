//! Reading news articles into clean [`Document`]s: plain text, HTML, JSONL
//! and WARC crawls (plain or gzip), directories recursively, with format
//! sniffing, charset decoding, article-body extraction, page-furniture
//! removal and near-duplicate detection.
//!
//! Everything streams: a JSONL or WARC file is read one record at a time and
//! no single document may exceed [`IngestOptions::max_document_bytes`].
//! Problems with one input (or one line or record of it) are reported as an
//! [`IngestError`] naming it, and reading goes on.
//!
//! The word lists extraction reads (page-furniture phrases, HTML class/id
//! hints) form one [`Lexicon`], carried by [`IngestOptions::lexicon`] into
//! every record read; the functions without options read the standard one.

mod dates;
mod decode;
mod dedup;
mod discover;
mod document;
mod furniture;
mod gzip;
mod hash;
mod html;
mod http;
mod jsonl;
mod lexicon;
mod lines;
mod plaintext;
mod record;
mod repair;
mod sniff;
mod transcode;
mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crosscheck_model::Document;

pub use dates::parse_published;
pub use decode::{decode_html, decode_text, DecodeError};
pub use dedup::{NearDuplicateIndex, DEFAULT_THRESHOLD as NEAR_DUPLICATE_THRESHOLD};
pub use discover::discover;
pub use document::{build_document, document_from_html, document_from_text, ArticleParts};
pub use furniture::{is_author_bio, is_furniture_line, is_section_cut};
pub use hash::content_id;
pub use html::budget::check as check_html_budget;
pub use html::prestrip::strip_script_and_style;
pub use html::{
    extract_article_checked, extract_article_checked_with, extract_article_html,
    extract_article_html_with, ExtractedArticle,
};
pub use lexicon::Lexicon;
pub use plaintext::{clean_plain_text, clean_plain_text_with, Block};
pub use record::Record;
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

/// Limits that keep one bad input from exhausting memory or running
/// forever, and the lexicon documents are extracted by.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest single document (a text or HTML file, a JSONL line, a WARC
    /// record, a decompressed HTTP body) read; larger ones are reported and
    /// skipped.
    pub max_document_bytes: usize,
    /// Most bytes read from one file or stream, after decompression; past
    /// it reading stops with an error (an endless stdin, a gzip bomb).
    pub max_input_bytes: u64,
    /// The furniture phrases and HTML hints extraction reads; every record
    /// read with these options carries it. [`Lexicon::standard`] by
    /// default.
    pub lexicon: Arc<Lexicon>,
}

impl IngestOptions {
    /// Default [`IngestOptions::max_document_bytes`]: 16 MiB.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
    /// Default [`IngestOptions::max_input_bytes`]: 8 GiB.
    pub const DEFAULT_MAX_INPUT_BYTES: u64 = 8 * 1024 * 1024 * 1024;
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_document_bytes: Self::DEFAULT_MAX_DOCUMENT_BYTES,
            max_input_bytes: Self::DEFAULT_MAX_INPUT_BYTES,
            lexicon: Lexicon::standard(),
        }
    }
}

/// Runs `read` and, when it emitted nothing at all, reports `nothing` once
/// for the input, so that no file passes silently.
pub(crate) fn report_if_empty<T>(
    name: &str,
    nothing: &str,
    emit: &mut dyn FnMut(Result<T, IngestError>),
    read: impl FnOnce(&mut dyn FnMut(Result<T, IngestError>)),
) {
    let mut reported = 0usize;
    let mut counting = |result: Result<T, IngestError>| {
        reported += 1;
        emit(result);
    };
    read(&mut counting);
    if reported == 0 {
        emit(Err(IngestError::new(name, nothing)));
    }
}

pub(crate) fn io_reason(e: &io::Error) -> String {
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
    read_records(input, options, &mut |record| {
        emit(record.and_then(Record::into_document))
    });
}

/// Reads one input into records, calling `emit` for each record or problem
/// found, without parsing them: [`Record::into_document`] does that, on
/// whichever thread the caller likes.
pub fn read_records(
    input: &Input,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Record, IngestError>),
) {
    let name = input.name();
    match input {
        Input::Stdin => {
            let stdin = io::stdin();
            let capped = lines::Capped::new(stdin.lock(), options.max_input_bytes);
            let mut reader = BufReader::with_capacity(64 * 1024, capped);
            read_stream(&name, &mut reader, None, options, 0, emit);
        }
        Input::Path(path) => {
            let file = match open_input(path) {
                Ok(f) => f,
                Err(e) => {
                    emit(Err(IngestError::new(&name, io_reason(&e))));
                    return;
                }
            };
            let hint = extension_hint(path);
            let capped = lines::Capped::new(file, options.max_input_bytes);
            let mut reader = BufReader::with_capacity(64 * 1024, capped);
            read_stream(&name, &mut reader, hint, options, 0, emit);
        }
    }
}

/// Opens a file to read. A FIFO is opened without waiting for a writer
/// (which would block forever when there is none); once open, reads wait
/// for data as usual, and a FIFO nobody writes to reads as empty.
fn open_input(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let is_fifo = std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo());
    if !is_fifo {
        return File::open(path);
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    let flags = rustix::fs::fcntl_getfl(&file)?;
    rustix::fs::fcntl_setfl(&file, flags - rustix::fs::OFlags::NONBLOCK)?;
    Ok(file)
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
    read_stream(name, &mut reader, hint, options, 0, &mut |record| {
        emit(record.and_then(Record::into_document))
    });
}

/// The format a file name suggests, looking through a `.gz` suffix.
fn extension_hint(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_string_lossy().to_string();
    Format::from_extension(&ext)
}

/// Bytes looked at to decide what a stream is.
const SNIFF_BYTES: usize = 64 * 1024;

fn read_stream(
    name: &str,
    reader: &mut dyn BufRead,
    hint: Option<Format>,
    options: &IngestOptions,
    depth: usize,
    emit: &mut dyn FnMut(Result<Record, IngestError>),
) {
    let mut reader = lines::Pushback::new(reader);
    let prefix = match reader.peek(SNIFF_BYTES) {
        Ok(p) => p,
        Err(e) => {
            emit(Err(IngestError::new(name, read_failure(&e))));
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
        let decoder = gzip::ResyncGzDecoder::new(reader);
        let capped = lines::Capped::new(decoder, options.max_input_bytes);
        let mut inner = BufReader::with_capacity(64 * 1024, capped);
        read_stream(name, &mut inner, hint, options, depth + 1, emit);
        return;
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&prefix) {
        if encoding != encoding_rs::UTF_8 && depth < 2 {
            let utf8 = transcode::ToUtf8::new(reader, encoding);
            let mut inner = BufReader::with_capacity(64 * 1024, utf8);
            read_stream(name, &mut inner, hint, options, depth + 1, emit);
            return;
        }
    }
    let format = match sniff::sniff_checked(&prefix, hint) {
        Ok(format) => format,
        Err(reason) => {
            emit(Err(IngestError::new(name, reason)));
            return;
        }
    };
    // A WARC file holds binary payloads (images, gzip bodies) next to the
    // pages, and a damaged JSONL line does not make the others binary:
    // their records are judged one by one.
    let by_record = matches!(format, Format::Warc | Format::Jsonl);
    if !by_record && encoding_rs::Encoding::for_bom(&prefix).is_none() {
        if let Some(at) = decode::looks_binary(&prefix) {
            emit(Err(IngestError::new(
                name,
                format!("binary file, not text (control bytes at byte {at})"),
            )));
            return;
        }
    }
    match format {
        Format::Jsonl => jsonl::read_jsonl(name, &mut reader, options, emit),
        Format::Warc => warc::read_warc(name, &mut reader, options, emit),
        Format::Text | Format::Html => {
            let bytes = match lines::read_capped(&mut reader, options.max_document_bytes) {
                Ok(Ok(bytes)) => bytes,
                Ok(Err(_)) => {
                    emit(Err(IngestError::new(
                        name,
                        format!(
                            "more than {} bytes, over the {}-byte limit for one document",
                            options.max_document_bytes, options.max_document_bytes
                        ),
                    )));
                    return;
                }
                Err(e) => {
                    emit(Err(IngestError::new(name, read_failure(&e))));
                    return;
                }
            };
            emit(Ok(Record::file(name, format, bytes, options)));
        }
    }
}

/// The message for a read that failed part-way.
fn read_failure(e: &io::Error) -> String {
    if lines::is_over_limit(e) || gzip::is_skipped(e) {
        e.to_string()
    } else {
        format!("read failed (truncated or corrupt): {e}")
    }
}

/// Decompresses a gzip (possibly multi-member) byte string, refusing output
/// larger than `cap` bytes.
pub fn gunzip_capped(bytes: &[u8], cap: usize) -> io::Result<Vec<u8>> {
    let mut decoder = BufReader::new(flate2::read::MultiGzDecoder::new(bytes));
    match lines::read_capped(&mut decoder, cap)? {
        Ok(out) => Ok(out),
        Err(_) => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("decompresses to more than the {cap}-byte limit for one document"),
        )),
    }
}
