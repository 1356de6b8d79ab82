//! Paragraph ranges: the document's own when ingest filled them, else lines,
//! with hard-wrapped plain text (newswire wrapped at ~70 columns) rejoined
//! into paragraphs at blank or indented lines.

use crosscheck_model::Document;

/// Byte ranges of the paragraphs, in order, without line terminators, into
/// `out` (cleared first).
pub fn paragraph_ranges_into(doc: &Document, out: &mut Vec<(usize, usize)>) {
    out.clear();
    if doc.paragraphs.is_empty() {
        out.extend(text_paragraphs(&doc.text));
        return;
    }
    out.extend(
        doc.paragraphs
            .iter()
            .map(|p| (p.range.start, p.range.end.min(doc.text.len())))
            .filter(|(s, e)| {
                s < e && doc.text.is_char_boundary(*s) && doc.text.is_char_boundary(*e)
            }),
    );
    // Ingest delivers them in order, so the sort is usually skipped.
    if !out.is_sorted() {
        out.sort_unstable();
    }
    out.dedup_by(|b, a| b.0 < a.1);
}

/// Paragraphs of plain text.
pub fn text_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut lines = line_ranges(text);
    if !hard_wrapped(text, &lines) {
        lines.retain(|(s, e)| s < e);
        return lines;
    }
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (s, e) in lines {
        let line = text.get(s..e).unwrap_or("");
        let blank = is_blank(line);
        let indented = line.starts_with([' ', '\t']);
        if blank || indented {
            out.extend(current.take());
        }
        if !blank {
            current = Some(match current {
                Some((cs, _)) => (cs, e),
                None => (s, e),
            });
        }
    }
    out.extend(current);
    out
}

/// Lines without their terminators (every `\n` and `\r` at the end).
fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut offset = 0;
    let body_end = |start: usize, mut e: usize| {
        while e > start && matches!(bytes.get(e - 1), Some(b'\n' | b'\r')) {
            e -= 1;
        }
        e
    };
    for nl in memchr::memchr_iter(b'\n', bytes) {
        out.push((offset, body_end(offset, nl + 1)));
        offset = nl + 1;
    }
    if offset < bytes.len() {
        out.push((offset, body_end(offset, bytes.len())));
    }
    out
}

/// A line of white space only (or empty).
fn is_blank(line: &str) -> bool {
    // Most lines start with a visible ASCII char: no trimming needed.
    match line.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii_graphic() => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// At most `max` chars: the byte length settles it for most lines.
fn at_most_chars(line: &str, max: usize) -> bool {
    line.len() <= max || (line.len() <= max * 4 && line.chars().count() <= max)
}

/// Most lines short and many ending mid-sentence: the text was wrapped at a
/// fixed width, so a single newline is not a paragraph break.
fn hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    let (mut body, mut short, mut open) = (0usize, 0usize, 0usize);
    for l in lines.iter().filter_map(|&(s, e)| text.get(s..e)) {
        if is_blank(l) {
            continue;
        }
        body += 1;
        short += usize::from(at_most_chars(l, 85));
        open += usize::from(!l.trim_end().ends_with(['.', '!', '?', '"', '”', ':', '’']));
    }
    if body < 4 {
        return false;
    }
    short * 10 >= body * 8 && open * 10 >= body * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs_in_unwrapped_text() {
        let text = "First paragraph is here.\nSecond one.\n\nThird.";
        let got: Vec<&str> = text_paragraphs(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got, ["First paragraph is here.", "Second one.", "Third."]);
    }

    #[test]
    fn wrapped_lines_are_rejoined() {
        let text = "The mayor said the new\nbridge would open in\nMay next year.\n    The council said it\nwould vote on the\nbudget soon.";
        let got: Vec<&str> = text_paragraphs(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("May next year."));
        assert!(got[1].trim_start().starts_with("The council"));
    }
}
