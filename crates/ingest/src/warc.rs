//! WARC crawls (plain or gzip, one member per record or whole-file): each
//! `response` (or `resource`) record holding an HTML page becomes a record
//! to turn into a document; other records are skipped.
//!
//! A damaged record costs that record at most, never the ones after it. A
//! record's `Content-Length` is trusted only when the next record (or the
//! end of the file) follows it; otherwise, and when the length is missing,
//! unreadable or over the limit, the record is taken to end where the next
//! `WARC/` version line starts after a blank line. A length off by some
//! bytes thus still yields the record and every one after it (with a
//! message saying the file is damaged); junk between records and a record
//! whose header cannot be read are reported and skipped; a gzip member that
//! does not decompress is skipped by the decoder below.

use std::io::{BufRead, Read};

use crate::gzip::is_skipped;
use crate::http::{parse_head, ResponseHead};
use crate::lines::{read_line_capped, LineRead, Pushback};
use crate::record::Record;
use crate::{IngestError, IngestOptions};

/// Longest WARC header line accepted.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Most header lines in one record.
const MAX_HEADER_LINES: usize = 1024;
/// Blank-line bytes allowed between one record's block and the next.
const MAX_SEPARATOR: usize = 16;

struct RecordHeader {
    kind: String,
    target: Option<String>,
    /// The declared length, when it is a number.
    length: Option<u64>,
    /// The `Content-Length` value as written, for messages.
    length_text: Option<String>,
}

/// Reads every record of a WARC stream (already decompressed).
pub fn read_warc(
    name: &str,
    reader: &mut dyn BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Record, IngestError>),
) {
    crate::report_if_empty(
        name,
        "no HTML response records in this WARC file",
        emit,
        |emit| {
            let mut warc = WarcReader {
                name,
                r: Pushback::new(reader),
                options,
                record_no: 0,
            };
            warc.read_all(emit);
        },
    );
}

struct WarcReader<'a, R: BufRead> {
    name: &'a str,
    r: Pushback<R>,
    options: &'a IngestOptions,
    record_no: usize,
}

/// How the search for the next record's header ended.
enum Next {
    Header(RecordHeader),
    /// A header that cannot be read; the reason. Reading goes on at the
    /// next record.
    Bad(String),
    End,
}

/// Why reading a stream stopped or paused.
enum Stop {
    /// A damaged part was skipped (the message says which); go on.
    Skipped(String),
    /// Reading cannot go on.
    Fatal(String),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Stop {
        if is_skipped(&e) {
            Stop::Skipped(e.to_string())
        } else {
            Stop::Fatal(format!("read failed: {e}"))
        }
    }
}

impl<R: BufRead> WarcReader<'_, R> {
    fn member(&self) -> String {
        format!("{}#{}", self.name, self.record_no.max(1))
    }

    fn error(&self, reason: impl Into<String>) -> Result<Record, IngestError> {
        Err(IngestError::new(&self.member(), reason))
    }

    fn read_all(&mut self, emit: &mut dyn FnMut(Result<Record, IngestError>)) {
        loop {
            match self.read_one(emit) {
                Ok(true) => {}
                Ok(false) => break,
                Err(Stop::Skipped(message)) => {
                    emit(self.error(message));
                    // Resume at the next record header.
                    if let Err(Stop::Fatal(m)) = self.skip_to_next_record() {
                        emit(self.error(m));
                        break;
                    }
                }
                Err(Stop::Fatal(message)) => {
                    emit(self.error(message));
                    break;
                }
            }
        }
    }

    /// Reads the next record; `false` at the end of the stream.
    fn read_one(
        &mut self,
        emit: &mut dyn FnMut(Result<Record, IngestError>),
    ) -> Result<bool, Stop> {
        let junk = self.skip_to_next_record()?;
        if junk > 0 {
            emit(Err(IngestError::new(
                &format!("{}#{}", self.name, self.record_no + 1),
                format!("{junk} bytes that are not a WARC record before it; skipped"),
            )));
        }
        let header = match self.read_header()? {
            Next::End => return Ok(false),
            Next::Header(h) => h,
            Next::Bad(reason) => {
                emit(self.error(reason));
                // The rest of the bad record is not reported again as junk.
                self.skip_to_next_record()?;
                return Ok(true);
            }
        };
        let cap = self.options.max_document_bytes;
        let (block, note) = match header.length {
            Some(len) if len <= cap as u64 => self.declared_block(len)?,
            _ => self.scanned_block(&header)?,
        };
        if let Some(note) = note {
            emit(self.error(note));
        }
        let Some(block) = block else {
            return Ok(true);
        };
        if let Some(record) = self.record(&header, block) {
            emit(record);
        }
        Ok(true)
    }

    /// Skips blank lines and anything that is not a record's version line;
    /// returns how many bytes of junk were skipped.
    fn skip_to_next_record(&mut self) -> Result<u64, Stop> {
        let mut junk = 0u64;
        let mut line = Vec::new();
        loop {
            let start = self.r.position();
            match read_line_capped(&mut self.r, &mut line, MAX_HEADER_LINE)? {
                LineRead::Eof => return Ok(junk),
                LineRead::Line if is_version_line(&line) => {
                    // Put it back: the header reader starts with it.
                    let mut again = line.clone();
                    again.push(b'\n');
                    self.r.unread(&again);
                    return Ok(junk);
                }
                LineRead::Line if line.trim_ascii().is_empty() => {}
                _ => junk += self.r.position() - start,
            }
        }
    }

    /// The header of the record starting here (at a version line).
    fn read_header(&mut self) -> Result<Next, Stop> {
        let mut line = Vec::new();
        match read_line_capped(&mut self.r, &mut line, MAX_HEADER_LINE)? {
            LineRead::Eof => return Ok(Next::End),
            LineRead::Line if is_version_line(&line) => {}
            // skip_to_next_record put a version line here.
            _ => return Ok(Next::End),
        }
        self.record_no += 1;
        let mut header = RecordHeader {
            kind: String::new(),
            target: None,
            length: None,
            length_text: None,
        };
        for _ in 0..MAX_HEADER_LINES {
            match read_line_capped(&mut self.r, &mut line, MAX_HEADER_LINE)? {
                LineRead::Line => {
                    let text = String::from_utf8_lossy(&line);
                    let text = text.trim_end();
                    if text.is_empty() {
                        return Ok(Next::Header(header));
                    }
                    let Some((key, value)) = text.split_once(':') else {
                        continue;
                    };
                    let value = value.trim();
                    match key.trim().to_ascii_lowercase().as_str() {
                        "warc-type" => header.kind = value.to_ascii_lowercase(),
                        "warc-target-uri" => {
                            header.target = Some(value.trim_matches(['<', '>']).to_string())
                        }
                        "content-length" => {
                            header.length = value.parse::<u64>().ok();
                            header.length_text = Some(value.chars().take(40).collect());
                        }
                        _ => {}
                    }
                }
                LineRead::TooLong(n) => {
                    return Ok(Next::Bad(format!(
                        "WARC header line of {n} bytes, over the {MAX_HEADER_LINE}-byte limit; record skipped"
                    )))
                }
                LineRead::Eof => {
                    return Ok(Next::Bad(
                        "truncated WARC record (stream ended in its header)".to_string(),
                    ))
                }
            }
        }
        Ok(Next::Bad(format!(
            "WARC header of more than {MAX_HEADER_LINES} lines; record skipped"
        )))
    }

    /// The block of a record with a usable declared length, checked
    /// against where the next record starts.
    fn declared_block(&mut self, len: u64) -> Result<(Option<Vec<u8>>, Option<String>), Stop> {
        let mut block = Vec::new();
        (&mut self.r).take(len).read_to_end(&mut block)?;
        let complete = block.len() as u64 == len;
        if complete && self.at_record_boundary()? {
            return Ok((Some(block), None));
        }
        if let Some((end, next)) = find_record_start(&block, 0) {
            // Declared too long: the next record starts inside this block.
            let rest = block.split_off(next);
            block.truncate(end);
            self.r.unread(&rest);
            let note = format!(
                "Content-Length {len} runs past the end of the record ({} bytes); read to the next record",
                block.len()
            );
            return Ok((Some(block), Some(note)));
        }
        if !complete {
            return Ok((
                None,
                Some("truncated WARC record (stream ended inside it)".to_string()),
            ));
        }
        // Declared too short: the record goes on to the next record.
        let cap = self.options.max_document_bytes;
        match self.scan_to_record_start(block, cap)? {
            Some(block) => {
                let note = format!(
                    "Content-Length {len} stops short of the end of the record ({} bytes); read to the next record",
                    block.len()
                );
                Ok((Some(block), Some(note)))
            }
            None => Ok((
                None,
                Some(format!(
                    "Content-Length {len} stops short of the end of the record, which is over the {cap}-byte limit for one document; skipped"
                )),
            )),
        }
    }

    /// The block of a record whose length cannot be used: read up to the
    /// next record.
    fn scanned_block(
        &mut self,
        header: &RecordHeader,
    ) -> Result<(Option<Vec<u8>>, Option<String>), Stop> {
        let cap = self.options.max_document_bytes;
        let why = match (&header.length, &header.length_text) {
            (Some(len), _) => {
                format!("record of {len} bytes is over the {cap}-byte limit for one document")
            }
            (None, Some(text)) => format!("Content-Length {text:?} is not a byte count"),
            (None, None) => "WARC record without a Content-Length".to_string(),
        };
        let oversized = header.length.is_some();
        match self.scan_to_record_start(Vec::new(), cap)? {
            Some(block) if !oversized => {
                Ok((Some(block), Some(format!("{why}; read to the next record"))))
            }
            Some(block) if block.len() as u64 != header.length.unwrap_or(0) => Ok((
                Some(block),
                Some(format!(
                    "{why}, but the next record follows sooner; read to it"
                )),
            )),
            _ if oversized && !is_wanted(&header.kind) => Ok((None, None)),
            _ => Ok((None, Some(format!("{why}; skipped")))),
        }
    }

    /// Whether the stream is at the end or at the next record, after at
    /// most a few blank-line bytes (which are consumed).
    fn at_record_boundary(&mut self) -> Result<bool, Stop> {
        let ahead = self.r.peek(MAX_SEPARATOR + 5)?;
        let sep = ahead
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let rest = ahead.get(sep..).unwrap_or_default();
        if rest.is_empty() || rest.starts_with(b"WARC/") {
            let mut skip = vec![0u8; sep];
            self.r.read_exact(&mut skip).map_err(Stop::from)?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads on until the next record starts (or the stream ends),
    /// appending to `block`; `None` when the block grew past `cap` (the
    /// bytes are then dropped as they are read).
    fn scan_to_record_start(
        &mut self,
        mut block: Vec<u8>,
        cap: usize,
    ) -> Result<Option<Vec<u8>>, Stop> {
        let mut searched = 0usize;
        let mut over = false;
        loop {
            if let Some((end, next)) = find_record_start(&block, searched) {
                let rest = block.split_off(next);
                block.truncate(end);
                self.r.unread(&rest);
                return Ok((!over).then_some(block));
            }
            // The pattern may straddle what is read next.
            searched = block.len().saturating_sub(8);
            let chunk = self.r.fill_buf()?;
            if chunk.is_empty() {
                let end = trim_trailing_newlines(&block);
                block.truncate(end);
                return Ok((!over).then_some(block));
            }
            block.extend_from_slice(chunk);
            let n = chunk.len();
            self.r.consume(n);
            if block.len() > cap {
                over = true;
                let keep = block.len().min(8);
                block.drain(..block.len() - keep);
                searched = 0;
            }
        }
    }

    /// The record to hand over for a block: HTML responses and resources.
    fn record(&self, header: &RecordHeader, block: Vec<u8>) -> Option<Result<Record, IngestError>> {
        match header.kind.as_str() {
            "response" => {
                let head = match parse_head(&block) {
                    Ok(head) => head,
                    Err(reason) => return Some(self.error(reason)),
                };
                if !head.is_html_page() || is_blank_plain_body(&head, &block) {
                    return None;
                }
                Some(Ok(Record::warc_response(
                    self.member(),
                    header.target.clone(),
                    head,
                    block,
                    self.options,
                )))
            }
            "resource" => {
                if block.iter().all(u8::is_ascii_whitespace) {
                    return None;
                }
                Some(Ok(Record::warc_resource(
                    self.member(),
                    header.target.clone(),
                    block,
                    self.options,
                )))
            }
            _ => None,
        }
    }
}

fn is_wanted(kind: &str) -> bool {
    matches!(kind, "response" | "resource")
}

fn is_blank_plain_body(head: &ResponseHead, block: &[u8]) -> bool {
    head.is_plain()
        && block
            .get(head.body_start..)
            .unwrap_or_default()
            .iter()
            .all(u8::is_ascii_whitespace)
}

/// A `WARC/1.0`-style version line.
fn is_version_line(line: &[u8]) -> bool {
    line.strip_prefix(b"WARC/")
        .and_then(|rest| rest.first())
        .is_some_and(u8::is_ascii_digit)
}

/// Where a record's block ends and the next record starts, searching from
/// `from`: a version line after a blank line.
fn find_record_start(buf: &[u8], from: usize) -> Option<(usize, usize)> {
    let finder = memchr::memmem::Finder::new(b"\nWARC/");
    let mut pos = from;
    while let Some(offset) = buf.get(pos..).and_then(|b| finder.find(b)) {
        let at = pos + offset;
        let next = at + 1;
        let before = buf.get(..next).unwrap_or_default();
        let blank_before = before.ends_with(b"\n\n") || before.ends_with(b"\n\r\n") || at == 0;
        let versioned = buf.get(next + 5).is_some_and(u8::is_ascii_digit);
        if blank_before && versioned {
            return Some((trim_trailing_newlines(before), next));
        }
        pos = at + 1;
    }
    None
}

/// The length of `buf` without the blank lines that separate records
/// (two line ends at most: the block's own last line end is kept).
fn trim_trailing_newlines(buf: &[u8]) -> usize {
    let mut end = buf.len();
    for sep in [&b"\r\n\r\n"[..], b"\n\n"] {
        if buf.ends_with(sep) {
            end = buf.len() - sep.len();
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(target: &str, body: &str) -> Vec<u8> {
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
        record("response", target, http.as_bytes(), None)
    }

    fn record(kind: &str, target: &str, block: &[u8], length: Option<&str>) -> Vec<u8> {
        let length = length.map_or(block.len().to_string(), str::to_string);
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {target}\r\nContent-Length: {length}\r\n\r\n"
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn page(n: usize) -> String {
        format!("<html><body><p>Story number {n} says the ferry strike ended on Friday.</p></body></html>")
    }

    /// The record names read and the error messages, in order.
    fn read(bytes: &[u8]) -> (Vec<String>, Vec<String>) {
        let mut names = Vec::new();
        let mut errors = Vec::new();
        let mut reader = std::io::BufReader::with_capacity(16, bytes);
        read_warc(
            "c.warc",
            &mut reader,
            &IngestOptions::default(),
            &mut |r| match r {
                Ok(rec) => names.push(rec.name().to_string()),
                Err(e) => errors.push(e.to_string()),
            },
        );
        (names, errors)
    }

    #[test]
    fn clean_records_read_in_order() {
        let mut bytes = record("warcinfo", "", b"software: test\r\n", None);
        bytes.extend(response("https://a.example/1", &page(1)));
        bytes.extend(record(
            "request",
            "https://a.example/2",
            b"GET / HTTP/1.1\r\n\r\n",
            None,
        ));
        bytes.extend(response("https://a.example/2", &page(2)));
        let (names, errors) = read(&bytes);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(names, vec!["c.warc#2", "c.warc#4"]);
    }

    #[test]
    fn a_bad_length_costs_no_record() {
        let good = |n| response(&format!("https://a.example/{n}"), &page(n));
        let http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
            page(2)
        );
        let real = http.len() as i64;
        let cases: Vec<(&str, String)> = vec![
            ("negative", "-5".to_string()),
            ("overflowing", "99999999999999999999999".to_string()),
            ("not a number", "lots".to_string()),
            ("100 too long", (real + 100).to_string()),
            ("100 too short", (real - 100).to_string()),
            ("huge", "123456789012".to_string()),
        ];
        for (what, length) in cases {
            let mut bytes = good(1);
            bytes.extend(record(
                "response",
                "https://a.example/2",
                http.as_bytes(),
                Some(&length),
            ));
            bytes.extend(good(3));
            bytes.extend(good(4));
            let (names, errors) = read(&bytes);
            assert_eq!(
                names,
                vec!["c.warc#1", "c.warc#2", "c.warc#3", "c.warc#4"],
                "{what}: {errors:?}"
            );
            assert_eq!(errors.len(), 1, "{what}: {errors:?}");
            assert!(errors[0].starts_with("c.warc#2: "), "{what}: {errors:?}");
        }
        // No Content-Length at all.
        let mut bytes = good(1);
        bytes.extend(format!("WARC/1.0\r\nWARC-Type: response\r\n\r\n{http}\r\n\r\n").into_bytes());
        bytes.extend(good(3));
        let (names, errors) = read(&bytes);
        assert_eq!(names.len(), 3, "{errors:?}");
        assert!(errors[0].contains("without a Content-Length"), "{errors:?}");
    }

    #[test]
    fn junk_and_unreadable_headers_are_skipped() {
        let mut bytes = b"this line is junk before the crawl\n".to_vec();
        bytes.extend(response("https://a.example/1", &page(1)));
        let long = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/{}\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n",
            "x".repeat(100 * 1024)
        );
        bytes.extend(long.into_bytes());
        bytes.extend(response("https://a.example/3", &page(3)));
        let (names, errors) = read(&bytes);
        assert_eq!(names, vec!["c.warc#1", "c.warc#3"], "{errors:?}");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("not a WARC record"), "{errors:?}");
        assert!(errors[1].contains("header line"), "{errors:?}");
    }

    #[test]
    fn record_starts_are_found_only_after_blank_lines() {
        let buf = b"body text\r\nWARC/1.0 inline\r\n\r\nWARC/1.0\r\nWARC-Type: x";
        assert_eq!(find_record_start(buf, 0), Some((26, 30)));
        assert_eq!(find_record_start(b"no record here", 0), None);
    }
}
