//! What readers hand over: the raw bytes of one document and where they
//! came from. Reading is serial (a stream is read in order) and cheap;
//! turning a record into a [`Document`] (decoding, HTML parsing, body
//! extraction) is the costly part, done by [`Record::into_document`], so
//! that callers can run it on worker threads, under a time limit.

use std::sync::Arc;

use crosscheck_model::Document;

use crate::decode::{content_type_charset, decode_html, decode_text};
use crate::document::{build_document, ArticleParts};
use crate::html::extract_article_checked_with;
use crate::http::{decode_body, ResponseHead};
use crate::plaintext::clean_plain_text_with;
use crate::sniff::Format;
use crate::{IngestError, IngestOptions, Lexicon};

/// One document's raw bytes, read but not yet parsed.
#[derive(Debug, Clone)]
pub struct Record {
    name: String,
    body: Body,
    /// Largest document, for decompressing inside the record.
    max_document_bytes: usize,
    /// The lexicon of the options it was read with: parsing may run on
    /// another thread, after the options are gone.
    lexicon: Arc<Lexicon>,
}

#[derive(Debug, Clone)]
enum Body {
    /// A whole text or HTML file.
    File { format: Format, bytes: Vec<u8> },
    /// One line of a JSONL file.
    JsonLine(Vec<u8>),
    /// A WARC `response` record: the HTTP response as stored.
    WarcResponse {
        target: Option<String>,
        head: ResponseHead,
        block: Vec<u8>,
    },
    /// A WARC `resource` record: the page itself.
    WarcResource {
        target: Option<String>,
        block: Vec<u8>,
    },
}

impl Record {
    pub(crate) fn file(
        name: &str,
        format: Format,
        bytes: Vec<u8>,
        options: &IngestOptions,
    ) -> Record {
        Record {
            name: name.to_string(),
            body: Body::File { format, bytes },
            max_document_bytes: options.max_document_bytes,
            lexicon: Arc::clone(&options.lexicon),
        }
    }

    pub(crate) fn json_line(name: String, bytes: Vec<u8>, options: &IngestOptions) -> Record {
        Record {
            name,
            body: Body::JsonLine(bytes),
            max_document_bytes: options.max_document_bytes,
            lexicon: Arc::clone(&options.lexicon),
        }
    }

    pub(crate) fn warc_response(
        name: String,
        target: Option<String>,
        head: ResponseHead,
        block: Vec<u8>,
        options: &IngestOptions,
    ) -> Record {
        Record {
            name,
            body: Body::WarcResponse {
                target,
                head,
                block,
            },
            max_document_bytes: options.max_document_bytes,
            lexicon: Arc::clone(&options.lexicon),
        }
    }

    pub(crate) fn warc_resource(
        name: String,
        target: Option<String>,
        block: Vec<u8>,
        options: &IngestOptions,
    ) -> Record {
        Record {
            name,
            body: Body::WarcResource { target, block },
            max_document_bytes: options.max_document_bytes,
            lexicon: Arc::clone(&options.lexicon),
        }
    }

    /// The name errors and the document use: the file, or `file#n` for a
    /// line or record inside it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Bytes held.
    pub fn size(&self) -> usize {
        match &self.body {
            Body::File { bytes, .. } | Body::JsonLine(bytes) => bytes.len(),
            Body::WarcResponse { block, .. } | Body::WarcResource { block, .. } => block.len(),
        }
    }

    /// Decodes, parses and extracts the document.
    pub fn into_document(self) -> Result<Document, IngestError> {
        let name = self.name;
        let max = self.max_document_bytes;
        let lex = &*self.lexicon;
        let result = match self.body {
            Body::File { format, bytes } => file_document(lex, &name, format, &bytes),
            Body::JsonLine(bytes) => crate::jsonl::parse_line(lex, &name, &bytes),
            Body::WarcResponse {
                target,
                head,
                block,
            } => warc_response_document(lex, &name, target, &head, &block, max),
            Body::WarcResource { target, block } => html_document(lex, &name, &block, None, target),
        };
        result.map_err(|reason| IngestError::new(&name, reason))
    }
}

fn file_document(
    lex: &Lexicon,
    name: &str,
    format: Format,
    bytes: &[u8],
) -> Result<Document, String> {
    let parts = if format == Format::Html {
        let html = decode_html(bytes, None).map_err(|e| e.to_string())?;
        ArticleParts::from(extract_article_checked_with(lex, &html)?)
    } else {
        let text = decode_text(bytes).map_err(|e| e.to_string())?;
        ArticleParts {
            blocks: clean_plain_text_with(lex, &text),
            ..ArticleParts::default()
        }
    };
    build_document(name, format, parts)
}

fn warc_response_document(
    lex: &Lexicon,
    name: &str,
    target: Option<String>,
    head: &ResponseHead,
    block: &[u8],
    max: usize,
) -> Result<Document, String> {
    let body = block.get(head.body_start..).unwrap_or_default();
    let body = decode_body(head, body, max)?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("HTTP response body is empty".to_string());
    }
    let charset = head.content_type.as_deref().and_then(content_type_charset);
    html_document(lex, name, &body, charset.as_deref(), target)
}

fn html_document(
    lex: &Lexicon,
    name: &str,
    bytes: &[u8],
    charset: Option<&str>,
    target: Option<String>,
) -> Result<Document, String> {
    let html = decode_html(bytes, charset).map_err(|e| e.to_string())?;
    let mut parts = ArticleParts::from(extract_article_checked_with(lex, &html)?);
    if parts.url.is_none() {
        parts.url = target;
    }
    build_document(name, Format::Warc, parts)
}
