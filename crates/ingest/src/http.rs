//! The HTTP response inside a WARC `response` record: the status and
//! headers (parsed with `httparse`, leniently, as crawls store what servers
//! sent), then the body with its transfer and content encodings undone,
//! each step capped so a small record cannot expand without bound.

use std::borrow::Cow;

use crate::lines::read_capped;

/// Most header fields accepted in one response.
const MAX_HEADERS: usize = 512;

/// What the response head says about its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseHead {
    pub status: u16,
    pub content_type: Option<String>,
    /// Lower-cased `Content-Encoding`.
    pub content_encoding: Option<String>,
    /// `Transfer-Encoding: chunked`.
    pub chunked: bool,
    /// Where the body starts in the record block.
    pub body_start: usize,
}

impl ResponseHead {
    /// Whether the response holds a page worth reading: a 2xx status and an
    /// HTML (or XML, or unstated) content type.
    pub fn is_html_page(&self) -> bool {
        if !(200..300).contains(&self.status) {
            return false;
        }
        self.content_type.as_deref().is_none_or(|ct| {
            let lower = ct.to_ascii_lowercase();
            lower.contains("html") || lower.contains("xml")
        })
    }

    /// Whether the body is stored as sent, with no encoding to undo.
    pub fn is_plain(&self) -> bool {
        !self.chunked
            && self
                .content_encoding
                .as_deref()
                .is_none_or(|e| e.is_empty() || e == "identity")
    }
}

/// Parses the status line and headers at the start of `block`.
pub fn parse_head(block: &[u8]) -> Result<ResponseHead, String> {
    let mut headers = vec![httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let parsed = httparse::ParserConfig::default()
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true)
        .parse_response(&mut response, block);
    let body_start = match parsed {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err("HTTP response head does not end (no blank line after it)".to_string())
        }
        Err(httparse::Error::TooManyHeaders) => {
            return Err(format!(
                "HTTP response with more than {MAX_HEADERS} header fields"
            ))
        }
        Err(e) => return Err(format!("malformed HTTP response head ({e})")),
    };
    let mut head = ResponseHead {
        status: response.code.unwrap_or(0),
        body_start,
        ..ResponseHead::default()
    };
    for h in response.headers.iter() {
        let value = String::from_utf8_lossy(h.value).trim().to_string();
        if h.name.eq_ignore_ascii_case("content-type") {
            head.content_type = Some(value);
        } else if h.name.eq_ignore_ascii_case("content-encoding") {
            head.content_encoding = Some(value.to_ascii_lowercase());
        } else if h.name.eq_ignore_ascii_case("transfer-encoding") {
            head.chunked |= value.to_ascii_lowercase().contains("chunked");
        }
    }
    Ok(head)
}

/// The body with chunked transfer coding and gzip/deflate content coding
/// undone, refusing more than `cap` bytes. A body a crawler already stored
/// decoded (the header still says chunked or gzip) is taken as it is.
pub fn decode_body<'a>(
    head: &ResponseHead,
    body: &'a [u8],
    cap: usize,
) -> Result<Cow<'a, [u8]>, String> {
    let body: Cow<'a, [u8]> = if head.chunked {
        match dechunk(body) {
            Some(joined) => Cow::Owned(joined),
            None => Cow::Borrowed(body),
        }
    } else {
        Cow::Borrowed(body)
    };
    let encoding = head.content_encoding.as_deref().unwrap_or("").trim();
    match encoding {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" => {
            if !crate::sniff::is_gzip(&body) {
                return Ok(body);
            }
            crate::gunzip_capped(&body, cap)
                .map(Cow::Owned)
                .map_err(|e| format!("HTTP body is gzip but does not decompress: {e}"))
        }
        "deflate" => inflate(&body, cap).map(|o| o.map_or(body, Cow::Owned)),
        other => Err(format!(
            "HTTP body has Content-Encoding {other}, which is not supported"
        )),
    }
}

/// Joins a chunked body; `None` when it does not start like one. The
/// result is never longer than the body.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    loop {
        let rest = body.get(pos..).unwrap_or_default();
        let (used, size) = match httparse::parse_chunk_size(rest) {
            Ok(httparse::Status::Complete(found)) => found,
            // The first size line is not one: stored already joined. Later:
            // a cut or damaged body, keep what was read.
            _ if pos == 0 => return None,
            _ => return Some(out),
        };
        pos += used;
        if size == 0 {
            return Some(out);
        }
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        let end = pos.saturating_add(size).min(body.len());
        out.extend_from_slice(body.get(pos..end).unwrap_or_default());
        pos = end;
        let after = body.get(pos..).unwrap_or_default();
        if after.starts_with(b"\r\n") {
            pos += 2;
        } else if after.starts_with(b"\n") {
            pos += 1;
        }
        if pos >= body.len() {
            return Some(out);
        }
    }
}

/// `deflate` as servers send it: zlib-wrapped, or raw. `None` when neither
/// decodes (the body was stored decoded).
fn inflate(body: &[u8], cap: usize) -> Result<Option<Vec<u8>>, String> {
    let over =
        || format!("HTTP body decompresses to more than the {cap}-byte limit for one document");
    let mut zlib = std::io::BufReader::new(flate2::read::ZlibDecoder::new(body));
    match read_capped(&mut zlib, cap) {
        Ok(Ok(out)) => return Ok(Some(out)),
        Ok(Err(_)) => return Err(over()),
        Err(_) => {}
    }
    let mut raw = std::io::BufReader::new(flate2::read::DeflateDecoder::new(body));
    match read_capped(&mut raw, cap) {
        Ok(Ok(out)) => Ok(Some(out)),
        Ok(Err(_)) => Err(over()),
        Err(_) => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    #[test]
    fn heads_are_read_leniently() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX Bad Header: 1\r\nTransfer-Encoding: chunked\r\n\r\nbody";
        let head = parse_head(block).unwrap_or_default();
        assert_eq!(head.status, 200);
        assert_eq!(
            head.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert!(head.chunked);
        assert_eq!(block.get(head.body_start..), Some(&b"body"[..]));
        assert!(head.is_html_page());
        let lf_only = b"HTTP/1.0 404 Not Found\nContent-Type: text/html\n\n<p>gone</p>";
        let head = parse_head(lf_only).unwrap_or_default();
        assert_eq!(head.status, 404);
        assert!(!head.is_html_page());
        assert!(
            parse_head(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                .is_err_and(|e| e.contains("does not end"))
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let head = ResponseHead {
            status: 200,
            chunked: true,
            ..ResponseHead::default()
        };
        let body = b"7\r\n<p>The \r\n1f4;ext=1\r\n"
            .iter()
            .copied()
            .chain(std::iter::repeat_n(b'x', 0x1f4))
            .chain(b"\r\n5\r\n.</p>\r\n0\r\n\r\n".iter().copied())
            .collect::<Vec<u8>>();
        let out = decode_body(&head, &body, 1 << 20).unwrap_or_default();
        assert!(out.starts_with(b"<p>The xxx"));
        assert!(out.ends_with(b"xxx.</p>"));
        assert_eq!(out.len(), 7 + 0x1f4 + 5);
        // Already joined by the crawler: taken as it is.
        let stored = b"<html><p>troop 1f4 soldiers</p></html>";
        assert_eq!(
            decode_body(&head, stored, 1 << 20).as_deref().ok(),
            Some(&stored[..])
        );
        // A chunk declared far longer than the body: what is there is kept
        // (joining never makes a body longer than it is).
        let huge = b"ffffffffff\r\nxx";
        assert_eq!(
            decode_body(&head, huge, 1 << 20).as_deref().ok(),
            Some(&b"xx"[..])
        );
    }

    #[test]
    fn compressed_bodies_are_capped() {
        let head = ResponseHead {
            status: 200,
            content_encoding: Some("gzip".into()),
            ..ResponseHead::default()
        };
        let page = b"<html><p>A small page.</p></html>";
        assert_eq!(
            decode_body(&head, &gzip(page), 1024).as_deref().ok(),
            Some(&page[..])
        );
        // A bomb: 4 MB of zeros from a few KB, over a 1 MB cap.
        let bomb = gzip(&vec![0u8; 4 << 20]);
        assert!(bomb.len() < 64 * 1024);
        let err = decode_body(&head, &bomb, 1 << 20).err().unwrap_or_default();
        assert!(err.contains("limit"), "{err}");
        // Stored decoded although the header says gzip.
        assert_eq!(
            decode_body(&head, page, 1024).as_deref().ok(),
            Some(&page[..])
        );
        let deflate = ResponseHead {
            content_encoding: Some("deflate".into()),
            ..head.clone()
        };
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = z.write_all(page);
        let zbytes = z.finish().unwrap_or_default();
        assert_eq!(
            decode_body(&deflate, &zbytes, 1024).as_deref().ok(),
            Some(&page[..])
        );
        let brotli = ResponseHead {
            content_encoding: Some("br".into()),
            ..head
        };
        assert!(decode_body(&brotli, page, 1024).is_err_and(|e| e.contains("not supported")));
    }
}
