//! WARC crawls (plain or gzip, one member per record or whole-file): each
//! `response` (or `resource`) record holding HTML becomes a document; other
//! records are skipped; a damaged record is reported as `file#n` and, when
//! the stream cannot be resynchronised (truncated gzip), reading stops.

use std::io::{BufRead, Read};

use crosscheck_model::Document;

use crate::decode::{content_type_charset, decode_html};
use crate::document::{build_document, ArticleParts};
use crate::html::extract_article_html;
use crate::lines::{read_line_capped, LineRead};
use crate::sniff::Format;
use crate::{IngestError, IngestOptions};

/// Longest WARC or HTTP header line accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;

struct RecordHeader {
    kind: String,
    target: Option<String>,
    length: u64,
}

/// Reads every record of a WARC stream (already decompressed).
pub fn read_warc(
    name: &str,
    reader: &mut dyn BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
) {
    crate::report_if_empty(
        name,
        "no HTML response records in this WARC file",
        emit,
        |emit| read_records(name, reader, options, emit),
    );
}

fn read_records(
    name: &str,
    reader: &mut dyn BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Document, IngestError>),
) {
    let mut record_no = 0usize;
    loop {
        let header = match read_record_header(reader) {
            Ok(Some(h)) => h,
            Ok(None) => break,
            Err(reason) => {
                emit(Err(IngestError::new(
                    &format!("{name}#{}", record_no + 1),
                    reason,
                )));
                break;
            }
        };
        record_no += 1;
        let member = format!("{name}#{record_no}");
        let wanted = matches!(header.kind.as_str(), "response" | "resource");
        if !wanted || header.length > options.max_document_bytes as u64 {
            let skipped = std::io::copy(&mut reader.take(header.length), &mut std::io::sink());
            match skipped {
                Ok(n) if n == header.length => {
                    if wanted {
                        emit(Err(IngestError::new(
                            &member,
                            format!(
                                "record is {} bytes, over the {}-byte limit for one document",
                                header.length, options.max_document_bytes
                            ),
                        )));
                    }
                    continue;
                }
                Ok(_) => {
                    emit(Err(IngestError::new(
                        &member,
                        "truncated WARC record (stream ended inside it)",
                    )));
                    break;
                }
                Err(e) => {
                    emit(Err(IngestError::new(&member, format!("read failed: {e}"))));
                    break;
                }
            }
        }
        let mut block = Vec::with_capacity(header.length as usize);
        match reader.take(header.length).read_to_end(&mut block) {
            Ok(n) if n as u64 == header.length => {}
            Ok(_) => {
                emit(Err(IngestError::new(
                    &member,
                    "truncated WARC record (stream ended inside it)",
                )));
                break;
            }
            Err(e) => {
                emit(Err(IngestError::new(
                    &member,
                    format!("read failed (truncated or corrupt): {e}"),
                )));
                break;
            }
        }
        if let Some(result) = record_document(&member, &header, &block) {
            emit(result.map_err(|reason| IngestError::new(&member, reason)));
        }
    }
}

/// The next record's header, `None` at a clean end of stream.
fn read_record_header(reader: &mut dyn BufRead) -> Result<Option<RecordHeader>, String> {
    let mut line = Vec::new();
    // Skip the blank lines that end the previous record.
    loop {
        match read_line_capped(reader, &mut line, MAX_HEADER_LINE) {
            Ok(LineRead::Eof) => return Ok(None),
            Ok(LineRead::TooLong(_)) => return Err("not a WARC record (overlong line)".to_string()),
            Ok(LineRead::Line) => {
                if line.trim_ascii().is_empty() {
                    continue;
                }
                if !line.starts_with(b"WARC/") {
                    return Err("not a WARC record (no WARC/ version line)".to_string());
                }
                break;
            }
            Err(e) => return Err(format!("read failed (truncated or corrupt): {e}")),
        }
    }
    let mut kind = String::new();
    let mut target = None;
    let mut length = None;
    loop {
        match read_line_capped(reader, &mut line, MAX_HEADER_LINE) {
            Ok(LineRead::Line) => {
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end();
                if text.is_empty() {
                    break;
                }
                if let Some((key, value)) = text.split_once(':') {
                    let value = value.trim();
                    match key.trim().to_ascii_lowercase().as_str() {
                        "warc-type" => kind = value.to_ascii_lowercase(),
                        "warc-target-uri" => {
                            target = Some(value.trim_matches(['<', '>']).to_string())
                        }
                        "content-length" => length = value.parse::<u64>().ok(),
                        _ => {}
                    }
                }
            }
            Ok(LineRead::TooLong(_)) => return Err("WARC header line too long".to_string()),
            Ok(LineRead::Eof) => {
                return Err("truncated WARC record (stream ended in its header)".to_string())
            }
            Err(e) => return Err(format!("read failed (truncated or corrupt): {e}")),
        }
    }
    let length = length.ok_or("WARC record without a valid Content-Length")?;
    Ok(Some(RecordHeader {
        kind,
        target,
        length,
    }))
}

/// A document from one record's block; `None` when the record holds no HTML.
fn record_document(
    member: &str,
    header: &RecordHeader,
    block: &[u8],
) -> Option<Result<Document, String>> {
    let (content_type, encoding, body) = if header.kind == "response" {
        split_http(block)?
    } else {
        (None, None, block)
    };
    if let Some(ct) = &content_type {
        let lower = ct.to_ascii_lowercase();
        if !(lower.contains("html") || lower.contains("xml")) {
            return None;
        }
    }
    let decompressed;
    let body = match encoding.as_deref() {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            if flate2::read::MultiGzDecoder::new(body)
                .read_to_end(&mut out)
                .is_err()
            {
                return Some(Err("HTTP body is gzip but does not decompress".to_string()));
            }
            decompressed = out;
            &decompressed[..]
        }
        _ => body,
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let charset = content_type.as_deref().and_then(content_type_charset);
    let html = match decode_html(body, charset.as_deref()) {
        Ok(h) => h,
        Err(e) => return Some(Err(e.to_string())),
    };
    let mut parts = ArticleParts::from(extract_article_html(&html));
    if parts.url.is_none() {
        parts.url = header.target.clone();
    }
    Some(build_document(member, Format::Warc, parts))
}

/// Splits an HTTP response into Content-Type, Content-Encoding and body;
/// `None` for non-200-class responses.
fn split_http(block: &[u8]) -> Option<(Option<String>, Option<String>, &[u8])> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })?;
    let head = String::from_utf8_lossy(block.get(..end.0)?);
    let mut lines = head.lines();
    let status = lines.next()?;
    let code: u16 = status.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&code) {
        return None;
    }
    let mut content_type = None;
    let mut encoding = None;
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(v.trim().to_string()),
                "content-encoding" => encoding = Some(v.trim().to_ascii_lowercase()),
                _ => {}
            }
        }
    }
    Some((content_type, encoding, block.get(end.1..)?))
}
