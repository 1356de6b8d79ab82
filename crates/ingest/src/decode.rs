//! Bytes to text: byte-order mark, then a declared charset (HTTP header or
//! `<meta>`), then UTF-8, then windows-1252 for legacy single-byte files.
//! Binary data is refused rather than decoded into garbage.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Why bytes could not become text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file (0 bytes)")]
    /// Nothing to read.
    Empty,
    #[error("binary data, not text (NUL or control bytes at byte {0})")]
    /// Control bytes at this offset: not text.
    Binary(usize),
    #[error("invalid UTF-8 at byte {0}, and not windows-1252 text either")]
    /// Not valid UTF-8 at this offset, and no declared charset fits.
    InvalidUtf8(usize),
}

/// Looks at the first few KiB and says whether they are binary: NUL bytes or
/// many control characters that no text file contains.
pub fn looks_binary(prefix: &[u8]) -> Option<usize> {
    let window = &prefix[..prefix.len().min(8192)];
    if let Some(pos) = window.iter().position(|&b| b == 0) {
        // UTF-16 text has NULs too, but it carries a BOM that is checked first.
        return Some(pos);
    }
    let mut controls = 0usize;
    let mut first = None;
    for (i, &b) in window.iter().enumerate() {
        let is_control = b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x03 | 0x1b);
        if is_control {
            controls += 1;
            first.get_or_insert(i);
        }
    }
    // A stray control byte happens (Reuters ends stories with ^C); text with
    // more than 1 in 50 is not text.
    if controls > 0 && controls * 50 > window.len() {
        return first;
    }
    None
}

/// The encoding a byte-order mark announces, and the mark's length.
fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Decodes a plain-text payload: BOM, else strict UTF-8, else windows-1252
/// when the bytes are plausible windows-1252 text.
pub fn decode_text(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_with_declared(bytes, None)
}

/// Decodes with an optional declared charset label (from HTTP headers or an
/// HTML `<meta>`); a declared charset decodes the way browsers do (lossy).
pub fn decode_with_declared(bytes: &[u8], declared: Option<&str>) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, len)) = bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes.get(len..).unwrap_or_default());
        return Ok(text.into_owned());
    }
    if let Some(pos) = looks_binary(bytes) {
        return Err(DecodeError::Binary(pos));
    }
    if let Some(encoding) = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()))
    {
        // UTF-16 labels in a byte stream without BOM are almost always wrong.
        let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        };
        // A declared UTF-8 that does not validate falls through to the
        // windows-1252 check below: mislabelled legacy pages are common.
        if encoding != UTF_8 {
            let (text, _, _) = encoding.decode(bytes);
            return Ok(text.into_owned());
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let bad = err.valid_up_to();
            if is_plausible_windows_1252(bytes) {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                Ok(text.into_owned())
            } else {
                Err(DecodeError::InvalidUtf8(bad))
            }
        }
    }
}

/// Decodes an HTML payload: BOM, then the HTTP charset, then a `<meta>`
/// charset in the first 4 KiB, then UTF-8, then windows-1252. HTML is
/// decoded leniently because browsers do so.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<String, DecodeError> {
    let declared = http_charset
        .map(str::to_string)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(4096)]));
    match decode_with_declared(bytes, declared.as_deref()) {
        Err(DecodeError::InvalidUtf8(_)) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        other => other,
    }
}

/// Windows-1252 text: no byte that the code page leaves undefined, and no
/// valid multi-byte UTF-8 sequence (a file that mixes both is corrupt).
fn is_plausible_windows_1252(bytes: &[u8]) -> bool {
    if bytes
        .iter()
        .any(|b| matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d))
    {
        return false;
    }
    !contains_utf8_multibyte(bytes)
}

fn contains_utf8_multibyte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let need = match b {
            0xc2..=0xdf => 1,
            0xe0..=0xef => 2,
            0xf0..=0xf4 => 3,
            _ => 0,
        };
        if need > 0 {
            let tail = bytes.get(i + 1..i + 1 + need);
            if tail.is_some_and(|t| t.iter().all(|&c| (0x80..=0xbf).contains(&c))) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Finds `charset=` in a `<meta charset>` or `<meta http-equiv content>`.
pub fn meta_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find("<meta")) {
        let start = from + pos;
        let end = text
            .get(start..)
            .and_then(|t| t.find('>'))
            .map_or(text.len(), |e| start + e);
        let tag = text.get(start..end).unwrap_or_default();
        if let Some(cpos) = tag.find("charset") {
            let rest = tag.get(cpos + "charset".len()..).unwrap_or_default();
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let label: String = value
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = end;
    }
    None
}

/// The `charset` parameter of an HTTP `Content-Type` header value.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_table() {
        let cases: &[(&str, &[u8], Result<&str, DecodeError>)] = &[
            ("utf-8", "Café crème".as_bytes(), Ok("Café crème")),
            ("utf-8 bom", b"\xef\xbb\xbfHello", Ok("Hello")),
            ("utf-16le bom", b"\xff\xfeH\x00i\x00", Ok("Hi")),
            (
                "windows-1252 quotes",
                b"\x93Yes,\x94 she said \x96 caf\xe9",
                Ok("\u{201c}Yes,\u{201d} she said \u{2013} caf\u{e9}"),
            ),
            ("empty", b"", Err(DecodeError::Empty)),
            (
                "binary",
                b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                Err(DecodeError::Binary(8)),
            ),
            (
                "mixed utf-8 and junk",
                b"caf\xc3\xa9 and \xff\xfe\x81 junk",
                Err(DecodeError::InvalidUtf8(10)),
            ),
        ];
        for (name, input, want) in cases {
            let got = decode_text(input);
            assert_eq!(
                got.as_deref().map_err(Clone::clone),
                want.clone(),
                "case {name}"
            );
        }
    }

    #[test]
    fn html_charset_sources() {
        let latin =
            b"<html><head><meta charset=\"windows-1252\"></head><body>\x93Quoted\x94</body></html>";
        assert!(decode_html(latin, None)
            .unwrap_or_default()
            .contains("\u{201c}Quoted\u{201d}"));
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>na\xefve</p>";
        assert!(decode_html(http_equiv, None)
            .unwrap_or_default()
            .contains("na\u{ef}ve"));
        let mislabelled = b"<meta charset=\"utf-8\"><p>\x93Quoted\x94 caf\xe9</p>";
        assert!(decode_html(mislabelled, None)
            .unwrap_or_default()
            .contains("\u{201c}Quoted\u{201d} caf\u{e9}"));
        let header = b"<p>r\xe9sum\xe9</p>";
        assert!(decode_html(header, Some("latin1"))
            .unwrap_or_default()
            .contains("r\u{e9}sum\u{e9}"));
        assert_eq!(
            content_type_charset("text/html; charset=\"UTF-8\"").as_deref(),
            Some("UTF-8")
        );
        assert_eq!(content_type_charset("text/html"), None);
    }
}
