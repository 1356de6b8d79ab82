//! Paragraph ranges: the document's own when ingest filled them, else lines,
//! with hard-wrapped plain text (newswire wrapped at ~70 columns) rejoined
//! into paragraphs at blank or indented lines.

use crosscheck_model::Document;

/// Byte ranges of the paragraphs, in order, without line terminators.
pub fn paragraph_ranges(doc: &Document) -> Vec<(usize, usize)> {
    if !doc.paragraphs.is_empty() {
        let mut ranges: Vec<(usize, usize)> = doc
            .paragraphs
            .iter()
            .map(|p| (p.range.start, p.range.end.min(doc.text.len())))
            .filter(|(s, e)| {
                s < e && doc.text.is_char_boundary(*s) && doc.text.is_char_boundary(*e)
            })
            .collect();
        ranges.sort_unstable();
        ranges.dedup_by(|b, a| b.0 < a.1);
        return ranges;
    }
    text_paragraphs(&doc.text)
}

/// Paragraphs of plain text.
pub fn text_paragraphs(text: &str) -> Vec<(usize, usize)> {
    let lines = line_ranges(text);
    if !hard_wrapped(text, &lines) {
        return lines.into_iter().filter(|(s, e)| s < e).collect();
    }
    let mut out = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (s, e) in lines {
        let line = text.get(s..e).unwrap_or("");
        let blank = line.trim().is_empty();
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

fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push((offset, offset + body.len()));
        offset += line.len();
    }
    out
}

/// Most lines short and many ending mid-sentence: the text was wrapped at a
/// fixed width, so a single newline is not a paragraph break.
fn hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    let body: Vec<&str> = lines
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .filter(|l| !l.trim().is_empty())
        .collect();
    if body.len() < 4 {
        return false;
    }
    let short = body.iter().filter(|l| l.chars().count() <= 85).count();
    let open = body
        .iter()
        .filter(|l| !l.trim_end().ends_with(['.', '!', '?', '"', '”', ':', '’']))
        .count();
    short * 10 >= body.len() * 8 && open * 10 >= body.len() * 4
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
