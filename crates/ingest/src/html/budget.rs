//! A linear pre-scan that refuses pages the HTML parser would take
//! quadratic time on, before it sees them. html5ever (through `scraper`)
//! looks through the stack of open elements for many tags, and checks each
//! new attribute against the tag's others, so 100,000 nested `<div>`s or
//! `<ul><li>`s, or one tag with a million attributes, take minutes. Real
//! pages nest a few dozen levels (browsers stop nesting at 512) and carry a
//! few attributes per tag.
//!
//! Depth is estimated from the tags alone: void elements and elements whose
//! end tag may be left out (`<p>`, `<li>`, `<td>`, ...) do not count, so
//! sloppy but ordinary markup stays far below the limit.

/// Deepest estimated nesting accepted.
pub const MAX_DEPTH: usize = 1024;
/// Most attributes on one tag.
pub const MAX_ATTRIBUTES: usize = 1024;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
];
/// Elements whose end tag may be left out: the parser closes them itself
/// without a deep search.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
];

/// `Err` with a reason when the page is too deep or has a tag with too
/// many attributes.
pub fn check(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    // Inside <svg> or <math> (opened at this depth), `/>` closes a tag;
    // in HTML it does not (`<div/>` opens a div).
    let mut foreign: Option<usize> = None;
    let mut i = 0usize;
    while let Some(offset) = bytes.get(i..).and_then(|b| memchr::memchr(b'<', b)) {
        let at = i + offset;
        let rest = bytes.get(at + 1..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(rest, b"-->").map_or(bytes.len(), |e| at + 1 + e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
            .count();
        if name_len == 0 || !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = at + 1;
            continue;
        }
        let name = String::from_utf8_lossy(
            bytes
                .get(name_start..name_start + name_len)
                .unwrap_or_default(),
        )
        .to_ascii_lowercase();
        let (end, attributes, self_closing) = scan_tag(bytes, name_start + name_len);
        if attributes > MAX_ATTRIBUTES {
            return Err(format!(
                "HTML tag <{name}> has {attributes} attributes, over the limit of {MAX_ATTRIBUTES}; page not parsed"
            ));
        }
        let counted = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        if counted {
            if closing {
                depth = depth.saturating_sub(1);
                if foreign.is_some_and(|d| depth < d) {
                    foreign = None;
                }
            } else if !(self_closing && foreign.is_some()) {
                depth += 1;
                if foreign.is_none() && matches!(name.as_str(), "svg" | "math") {
                    foreign = Some(depth);
                }
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "HTML nested more than {MAX_DEPTH} elements deep; page not parsed"
                    ));
                }
            }
        }
        i = end;
        // Raw-text elements: their content is not markup.
        if !closing
            && matches!(
                name.as_str(),
                "script" | "style" | "textarea" | "title" | "xmp"
            )
        {
            let close = format!("</{name}");
            i = find_ascii_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    Ok(())
}

/// Scans a tag's attributes from just after its name: where the tag ends,
/// how many attributes it has, and whether it ends with `/>`.
fn scan_tag(bytes: &[u8], mut i: usize) -> (usize, usize, bool) {
    let mut attributes = 0usize;
    let mut in_name = false;
    let mut last = 0u8;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'>' => return (i + 1, attributes, last == b'/'),
            b'"' | b'\'' => {
                i = memchr::memchr(b, bytes.get(i + 1..).unwrap_or_default())
                    .map_or(bytes.len(), |e| i + 1 + e + 1);
                in_name = false;
                last = b;
                continue;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'=' => in_name = false,
            _ => {
                if !in_name && last != b'=' {
                    attributes += 1;
                }
                in_name = true;
            }
        }
        if !b.is_ascii_whitespace() {
            last = b;
        }
        i += 1;
    }
    (bytes.len(), attributes, false)
}

fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass() {
        let page = "<!DOCTYPE html><html><head><title>a < b</title><meta charset=utf-8></head>\
            <body><div class=\"a\" id='b' data-x=1 hidden><p>one<p>two<ul><li>x<li>y</ul>\
            <img src=x.png alt=\"a > b\"><br/></div><script>if (a<b) {}</script></body></html>";
        assert_eq!(check(page), Ok(()));
        let flat_list = format!("<ul>{}</ul>", "<li>item".repeat(100_000));
        assert_eq!(check(&flat_list), Ok(()));
        let closed_divs = "<div>x</div>".repeat(100_000);
        assert_eq!(check(&closed_divs), Ok(()));
        let icons = format!("<svg>{}</svg>", "<path d=\"M0 0\"/>".repeat(100_000)).repeat(3);
        assert_eq!(check(&icons), Ok(()));
    }

    #[test]
    fn quadratic_shapes_are_refused() {
        let nested_lists = "<ul><li>".repeat(100_000);
        assert!(check(&nested_lists).is_err_and(|e| e.contains("nested")));
        let nested_divs = "<div>".repeat(100_000);
        assert!(check(&nested_divs).is_err_and(|e| e.contains("nested")));
        // In HTML `/>` does not close a div.
        let slashed_divs = "<div/>".repeat(100_000);
        assert!(check(&slashed_divs).is_err_and(|e| e.contains("nested")));
        let attributes: String = (0..100_000).map(|i| format!(" a{i}=1")).collect();
        let wide = format!("<div{attributes}>x</div>");
        assert!(check(&wide).is_err_and(|e| e.contains("100000 attributes")));
    }

    #[test]
    fn attributes_are_counted_once_each() {
        let (end, n, self_closing) = scan_tag(b" a=1 b = \"x y\" c d='>' />rest", 0);
        assert_eq!((n, self_closing), (4, true));
        assert_eq!(end, 25);
    }
}
