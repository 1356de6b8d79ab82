//! JSONL: one article per line as a JSON object with `text` or `html` and
//! optional `url`, `title`, `published`, `outlet`, `author`, `description`.
//! Lines are streamed; a bad line is reported as `file#line` and skipped.
//! Reading only splits lines; [`parse_line`] (run by
//! [`crate::Record::into_document`]) parses one.

use std::io::BufRead;

use crosscheck_model::Document;
use serde_json::{Map, Value};

use crate::dates::parse_published;
use crate::document::{build_document, ArticleParts};
use crate::gzip::is_skipped;
use crate::html::extract_article_checked_with;
use crate::lines::{read_line_capped, LineRead};
use crate::plaintext::clean_plain_text_with;
use crate::record::Record;
use crate::repair::clean_paragraph;
use crate::sniff::Format;
use crate::Lexicon;
use crate::{IngestError, IngestOptions};

/// Reads every line of a JSONL stream.
pub fn read_jsonl(
    name: &str,
    reader: &mut dyn BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Record, IngestError>),
) {
    crate::report_if_empty(name, "no JSON records in this JSONL file", emit, |emit| {
        read_lines(name, reader, options, emit)
    });
}

fn read_lines(
    name: &str,
    reader: &mut dyn BufRead,
    options: &IngestOptions,
    emit: &mut dyn FnMut(Result<Record, IngestError>),
) {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let member = format!("{name}#{line_no}");
        match read_line_capped(reader, &mut buf, options.max_document_bytes) {
            Ok(LineRead::Eof) => break,
            Ok(LineRead::TooLong(n)) => emit(Err(IngestError::new(
                &member,
                format!(
                    "line is {n} bytes, over the {}-byte limit for one document",
                    options.max_document_bytes
                ),
            ))),
            Ok(LineRead::Line) => {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                emit(Ok(Record::json_line(
                    member,
                    std::mem::take(&mut buf),
                    options,
                )));
            }
            // A damaged gzip member was skipped: this line is lost, the
            // next ones are not.
            Err(e) if is_skipped(&e) => emit(Err(IngestError::new(&member, e.to_string()))),
            Err(e) => {
                emit(Err(IngestError::new(&member, format!("read failed: {e}"))));
                break;
            }
        }
    }
}

/// Parses one JSONL line into a document.
pub(crate) fn parse_line(
    lexicon: &Lexicon,
    member: &str,
    bytes: &[u8],
) -> Result<Document, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("malformed JSON: {e}"))?;
    let Value::Object(record) = value else {
        return Err("line is JSON but not an object".to_string());
    };
    document_from_record(lexicon, member, &record)
}

fn string_field(record: &Map<String, Value>, key: &str) -> Option<String> {
    match record.get(key)? {
        Value::String(s) => Some(clean_paragraph(s)).filter(|s| !s.is_empty()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|v| v.as_str())
                .map(clean_paragraph)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Builds a document from one parsed JSONL object.
pub fn document_from_record(
    lexicon: &Lexicon,
    member: &str,
    record: &Map<String, Value>,
) -> Result<Document, String> {
    let raw_text = record.get("text").and_then(Value::as_str);
    let raw_html = record.get("html").and_then(Value::as_str);
    let (mut parts, format) = match (raw_text, raw_html) {
        (Some(text), _) if !text.trim().is_empty() => (
            ArticleParts {
                blocks: clean_plain_text_with(lexicon, text),
                ..ArticleParts::default()
            },
            Format::Jsonl,
        ),
        (_, Some(html)) if !html.trim().is_empty() => (
            ArticleParts::from(extract_article_checked_with(lexicon, html)?),
            Format::Jsonl,
        ),
        _ => return Err("record has no non-empty `text` or `html` field".to_string()),
    };
    if let Some(title) = string_field(record, "title") {
        parts.title = Some(title);
    }
    if let Some(url) = string_field(record, "url") {
        parts.url = Some(url);
    }
    if let Some(outlet) = string_field(record, "outlet").or_else(|| string_field(record, "source"))
    {
        parts.outlet = Some(outlet);
    }
    if let Some(author) = string_field(record, "author").or_else(|| string_field(record, "authors"))
    {
        parts.author = Some(author);
    }
    if let Some(description) = string_field(record, "description") {
        parts.description = Some(description);
    }
    if let Some(date) = string_field(record, "published")
        .or_else(|| string_field(record, "date"))
        .and_then(|d| parse_published(&d))
    {
        parts.published = Some(date);
    }
    // A title given separately replaces a headline the text began with only
    // when they are the same line.
    if let (Some(title), Some(first)) = (&parts.title, parts.blocks.first()) {
        if first.kind == crosscheck_model::ParagraphKind::Headline
            && !first.text.eq_ignore_ascii_case(title)
        {
            if let Some(b) = parts.blocks.first_mut() {
                b.kind = crosscheck_model::ParagraphKind::Heading;
            }
        }
    }
    build_document(member, format, parts)
}
