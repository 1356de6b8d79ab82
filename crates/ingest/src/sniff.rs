//! Deciding what a file is from its first bytes, with the extension only as
//! a tie-breaker: crawls name HTML `.txt`, and JSONL arrives as `.json`.

/// The formats ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// One JSON article per line.
    Jsonl,
    /// A WARC crawl.
    Warc,
}

impl Format {
    /// The name stored in `Document::format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }

    /// The format an extension suggests (`.gz` already stripped).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            "warc" | "arc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// True when the bytes start a gzip stream.
pub fn is_gzip(prefix: &[u8]) -> bool {
    prefix.starts_with(&[0x1f, 0x8b])
}

/// The format of a payload given its first bytes and the extension's hint.
pub fn sniff(prefix: &[u8], hint: Option<Format>) -> Format {
    let text = strip_bom(prefix);
    let trimmed = trim_ascii_start(text);
    if trimmed.starts_with(b"WARC/") || has_warc_record(trimmed) {
        // A junk first line does not make a crawl one text document.
        return Format::Warc;
    }
    if trimmed.first() == Some(&b'{') && first_lines_are_json(trimmed) {
        return Format::Jsonl;
    }
    if hint == Some(Format::Jsonl) && text_has_json_line(trimmed) {
        // A JSONL file whose first line is broken is still JSONL.
        return Format::Jsonl;
    }
    if looks_like_html(trimmed) {
        return Format::Html;
    }
    if mostly_json_lines(trimmed) {
        return Format::Jsonl;
    }
    match hint {
        Some(Format::Html) if trimmed.first() == Some(&b'<') => Format::Html,
        _ => Format::Text,
    }
}

/// [`sniff`], refusing a file whose name promises a structured format that
/// its content is not, instead of reading it as one text document.
pub fn sniff_checked(prefix: &[u8], hint: Option<Format>) -> Result<Format, String> {
    let format = sniff(prefix, hint);
    if format != Format::Text {
        return Ok(format);
    }
    let trimmed = trim_ascii_start(strip_bom(prefix));
    match hint {
        Some(Format::Warc) => Err(format!(
            "named as a WARC file, but no WARC record header (WARC/1.x) in its first {} bytes",
            prefix.len()
        )),
        Some(Format::Jsonl) if trimmed.first() == Some(&b'[') => {
            Err("a JSON array; JSON Lines (one JSON object per line) expected".to_string())
        }
        _ => Ok(format),
    }
}

/// A `WARC/1.x` version line followed by a WARC header field, anywhere in
/// the bytes.
fn has_warc_record(bytes: &[u8]) -> bool {
    let mut lines = bytes.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.trim_ascii_end();
        let versioned = line
            .strip_prefix(b"WARC/")
            .is_some_and(|v| !v.is_empty() && v.iter().all(|b| b.is_ascii_digit() || *b == b'.'));
        if versioned {
            let next = lines.peek().map(|l| l.to_ascii_lowercase());
            if next.is_some_and(|l| l.starts_with(b"warc-") || l.starts_with(b"content-")) {
                return true;
            }
        }
    }
    false
}

/// Most of the first complete lines are JSON objects (at least two): a
/// JSONL file whose first line is damaged.
fn mostly_json_lines(bytes: &[u8]) -> bool {
    let mut lines = bytes.split(|&b| b == b'\n').peekable();
    let (mut json, mut total) = (0, 0);
    while let Some(line) = lines.next() {
        if lines.peek().is_none() || total >= 10 {
            break;
        }
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        total += 1;
        if line.starts_with(b"{") && line.ends_with(b"}") {
            json += 1;
        }
    }
    json >= 2 && json * 2 > total
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// Each complete line among the first few starts with `{` and ends with `}`.
fn first_lines_are_json(bytes: &[u8]) -> bool {
    let mut seen = 0;
    let mut lines = bytes.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let complete = lines.peek().is_some();
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with(b"{") {
            return false;
        }
        if complete && !line.ends_with(b"}") {
            return false;
        }
        seen += 1;
        if seen >= 3 {
            break;
        }
    }
    seen > 0
}

fn text_has_json_line(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .take(20)
        .any(|line| line.trim_ascii().starts_with(b"{\""))
}

/// An HTML document or fragment: a doctype or one of the common structural
/// tags near the start.
fn looks_like_html(bytes: &[u8]) -> bool {
    if bytes.first() != Some(&b'<') {
        return false;
    }
    let head = &bytes[..bytes.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    const MARKERS: &[&[u8]] = &[
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<article",
        b"<div",
        b"<p>",
        b"<p ",
        b"<h1",
        b"<!--",
    ];
    MARKERS
        .iter()
        .any(|m| lower.windows(m.len()).any(|w| w == *m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_table() {
        let cases: &[(&str, &[u8], Option<Format>, Format)] = &[
            (
                "plain text",
                b"The council voted on Monday.\n",
                Some(Format::Text),
                Format::Text,
            ),
            (
                "html named txt",
                b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
                Some(Format::Text),
                Format::Html,
            ),
            (
                "html fragment",
                b"  <div class=\"story\"><p>Hi</p></div>",
                None,
                Format::Html,
            ),
            (
                "jsonl named txt",
                b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
                Some(Format::Text),
                Format::Jsonl,
            ),
            (
                "jsonl with broken first line",
                b"not json\n{\"text\": \"b\"}\n",
                Some(Format::Jsonl),
                Format::Jsonl,
            ),
            (
                "text named jsonl",
                b"Just words here.\nMore words.\n",
                Some(Format::Jsonl),
                Format::Text,
            ),
            (
                "warc named html",
                b"WARC/1.0\r\nWARC-Type: warcinfo\r\n",
                Some(Format::Html),
                Format::Warc,
            ),
            (
                "text with angle bracket",
                b"<BP> shares rose 3 pct.\n",
                Some(Format::Text),
                Format::Text,
            ),
            (
                "bom html",
                b"\xef\xbb\xbf<html><p>x</p></html>",
                None,
                Format::Html,
            ),
        ];
        for (name, bytes, hint, want) in cases {
            assert_eq!(sniff(bytes, *hint), *want, "case {name}");
        }
    }

    /// Name, bytes, extension hint, expected format or error fragment.
    type Case = (
        &'static str,
        &'static [u8],
        Option<Format>,
        Result<Format, &'static str>,
    );

    #[test]
    fn damaged_starts_and_lying_names() {
        let cases: &[Case] = &[
            (
                "warc after a junk line",
                b"junk junk\r\nWARC/1.0\r\nWARC-Type: response\r\n",
                None,
                Ok(Format::Warc),
            ),
            (
                "jsonl after a junk line",
                b"junk junk\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n",
                Some(Format::Text),
                Ok(Format::Jsonl),
            ),
            (
                "text that mentions WARC",
                b"The file began WARC/1.0 and then text.\nMore text.\n",
                None,
                Ok(Format::Text),
            ),
            (
                "text named warc",
                b"Just words here.\n",
                Some(Format::Warc),
                Err("no WARC record header"),
            ),
            (
                "json array named jsonl",
                b"[{\"text\": \"a\"}]\n",
                Some(Format::Jsonl),
                Err("JSON array"),
            ),
        ];
        for (name, bytes, hint, want) in cases {
            match (sniff_checked(bytes, *hint), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, *want, "case {name}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "case {name}: {got}"),
                (got, want) => panic!("case {name}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn gzip_magic() {
        assert!(is_gzip(&[0x1f, 0x8b, 8, 0]));
        assert!(!is_gzip(b"WARC/1.0"));
    }
}
