//! Removing the contents of `<script>` and `<style>` elements before the
//! HTML parser sees them. On news pages they are about half of the bytes,
//! and the parser would spend that time building text nodes that
//! extraction throws away. JSON-LD scripts are kept (they carry metadata).
//!
//! The scan follows the HTML tokenizer just far enough to be safe: it skips
//! comments and reads tags with their quoted attribute values, so a
//! "<script" inside an attribute or a comment is not taken for a tag.

use std::borrow::Cow;

/// The page with script and style contents emptied (the elements stay).
pub fn strip_script_and_style(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes up to `copied` are already in `out` (or unchanged so far).
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = bytes.get(i..).and_then(memchr_lt) {
        let at = i + offset;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let Some(&next) = rest.get(1) else { break };
        if !(next.is_ascii_alphabetic() || next == b'/') {
            i = at + 1;
            continue;
        }
        let tag_end = end_of_tag(bytes, at + 1);
        let name = raw_text_name(rest);
        match name {
            Some(name) if !is_json_ld(bytes.get(at..tag_end).unwrap_or_default()) => {
                let Some(close) = find_closing(bytes, tag_end, name) else {
                    // Unclosed: leave the rest to the parser.
                    break;
                };
                if close > tag_end {
                    let buf = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
                    buf.push_str(html.get(copied..tag_end).unwrap_or_default());
                    copied = close;
                }
                i = close;
            }
            _ => i = tag_end,
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(html.get(copied..).unwrap_or_default());
            Cow::Owned(buf)
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| from + p)
}

/// Index just past the `>` ending the tag that starts before `from`,
/// skipping quoted attribute values.
fn end_of_tag(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

/// `script` or `style` when the tag at the start of `tag` opens one.
fn raw_text_name(tag: &[u8]) -> Option<&'static [u8]> {
    for name in [&b"script"[..], &b"style"[..]] {
        let Some(candidate) = tag.get(1..1 + name.len()) else {
            continue;
        };
        let after = tag.get(1 + name.len()).copied().unwrap_or(b'>');
        if candidate.eq_ignore_ascii_case(name)
            && (after.is_ascii_whitespace() || after == b'>' || after == b'/')
        {
            return Some(name);
        }
    }
    None
}

fn is_json_ld(start_tag: &[u8]) -> bool {
    start_tag.len() < 4096
        && start_tag
            .to_ascii_lowercase()
            .windows(7)
            .any(|w| w == b"ld+json")
}

/// Where `</name` starts at or after `from` (ASCII case-insensitive).
fn find_closing(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| memchr::memmem::find(rest, b"</"))
    {
        let at = i + offset;
        let candidate = bytes.get(at + 2..at + 2 + name.len());
        if bytes.get(at + 1) == Some(&b'/')
            && candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping_table() {
        let cases: &[(&str, &str)] = &[
            (
                "<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>",
                "<p>a</p><script></script><p>b</p>",
            ),
            (
                "<STYLE type=text/css>p { color: red }</STYLE><p>b</p>",
                "<STYLE type=text/css></STYLE><p>b</p>",
            ),
            (
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
                "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script>",
            ),
            (
                "<!-- <script> --><p>kept</p>",
                "<!-- <script> --><p>kept</p>",
            ),
            (
                "<a title=\"<script>\">link</a><p>kept</p>",
                "<a title=\"<script>\">link</a><p>kept</p>",
            ),
            (
                "<p>scripts are fun</p><scripted>x</scripted>",
                "<p>scripts are fun</p><scripted>x</scripted>",
            ),
            (
                "<script>never closed <p>x</p>",
                "<script>never closed <p>x</p>",
            ),
            ("a < b and <", "a < b and <"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(strip_script_and_style(input), *want, "input {input:?}");
        }
    }
}
