//! An article's clean text cut into pieces for the article page: paragraph
//! by paragraph, each piece either plain text or evidence of one or more
//! claims (spans may nest or overlap), so the page can highlight every
//! claim's evidence and link it to the claim, and each claim back to the
//! place its evidence starts.

use crosscheck_model::{Claim, Document, ParagraphKind};

/// One paragraph of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// `headline`, `standfirst`, `heading`, `body`, `list_item`.
    pub kind: &'static str,
    /// Its text, in pieces.
    pub pieces: Vec<Piece>,
}

/// A stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Ids of the claims whose evidence covers it (innermost first); empty
    /// for plain text.
    pub claims: Vec<String>,
    /// Ids of the claims whose evidence starts here.
    pub starts: Vec<String>,
    /// How many claims' evidence covers it (for shading nested evidence).
    pub depth: usize,
}

impl Piece {
    /// The claim a click on the piece leads to: the innermost.
    pub fn target(&self) -> Option<&str> {
        self.claims.first().map(String::as_str)
    }

    /// The claim ids, space-separated (for `data-claims`).
    pub fn claim_list(&self) -> String {
        self.claims.join(" ")
    }
}

fn kind_name(kind: ParagraphKind) -> &'static str {
    kind.name()
}

/// The article's paragraphs cut at every claim's evidence.
pub fn blocks<'a>(doc: &Document, claims: impl IntoIterator<Item = &'a Claim>) -> Vec<Block> {
    // Spans that do not fit the text (a damaged store) are left out rather
    // than cut into the wrong place.
    let mut spans: Vec<(usize, usize, &str)> = claims
        .into_iter()
        .filter(|c| c.span.start < c.span.end && doc.text.get(c.span.range()).is_some())
        .map(|c| (c.span.start, c.span.end, c.id.as_str()))
        .collect();
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let paragraphs: Vec<(usize, usize, &'static str)> = if doc.paragraphs.is_empty() {
        vec![(0, doc.text.len(), "body")]
    } else {
        doc.paragraphs
            .iter()
            .filter(|p| doc.text.get(p.range.start..p.range.end).is_some())
            .map(|p| (p.range.start, p.range.end, kind_name(p.kind)))
            .collect()
    };
    paragraphs
        .into_iter()
        .map(|(start, end, kind)| Block {
            kind,
            pieces: pieces(&doc.text, start, end, &spans),
        })
        .collect()
}

/// The pieces of `text[start..end]`: cut wherever a span starts or ends.
/// `spans` are sorted by start, longest first.
fn pieces(text: &str, start: usize, end: usize, spans: &[(usize, usize, &str)]) -> Vec<Piece> {
    let inside: Vec<&(usize, usize, &str)> = spans
        .iter()
        .filter(|&&(s, e, _)| s < end && e > start)
        .collect();
    let mut cuts: Vec<usize> = vec![start, end];
    for &&(s, e, _) in &inside {
        cuts.extend([s.max(start), e.min(end)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(slice) = text.get(a..b) else {
            continue;
        };
        let mut covering: Vec<&(usize, usize, &str)> = inside
            .iter()
            .copied()
            .filter(|&&(s, e, _)| s <= a && e >= b)
            .collect();
        // Innermost (shortest) first.
        covering.sort_by_key(|&&(s, e, _)| e - s);
        let piece = Piece {
            text: slice.to_string(),
            depth: covering.len(),
            claims: covering.iter().map(|c| c.2.to_string()).collect(),
            starts: inside
                .iter()
                .filter(|c| c.0 == a)
                .map(|c| c.2.to_string())
                .collect(),
        };
        // Neighbouring plain pieces (left by a cut on a char boundary
        // shift) are one.
        match out.last_mut() {
            Some(last) if last.claims.is_empty() && piece.claims.is_empty() => {
                last.text.push_str(&piece.text);
            }
            _ => out.push(piece),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::{Paragraph, Quote, Range, Source, Span};

    fn claim(id: &str, text: &str, start: usize, end: usize) -> Claim {
        let span = Span::of(text, start, end).unwrap();
        Claim::new(
            id.into(),
            "d".into(),
            Quote {
                text: span.text.clone(),
                direct: true,
                span: span.clone(),
            },
            0,
            span,
            Source::unattributed(),
        )
    }

    fn doc(text: &str, paragraphs: &[(usize, usize)]) -> Document {
        Document {
            id: "d".into(),
            text: text.into(),
            paragraphs: paragraphs
                .iter()
                .map(|&(s, e)| Paragraph {
                    range: Range::new(s, e),
                    kind: ParagraphKind::Body,
                })
                .collect(),
            ..Document::default()
        }
    }

    /// A piece as text, covering claims, claims starting there.
    type Shown = (String, Vec<String>, Vec<String>);

    fn shown(blocks: &[Block]) -> Vec<Vec<Shown>> {
        blocks
            .iter()
            .map(|b| {
                b.pieces
                    .iter()
                    .map(|p| (p.text.clone(), p.claims.clone(), p.starts.clone()))
                    .collect()
            })
            .collect()
    }

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn nested_and_overlapping_evidence_is_cut_and_kept_whole() {
        let text = "Ana said the port reopened. Boats left.\n\nAll calm.";
        let d = doc(text, &[(0, 39), (41, 50)]);
        let outer = claim("q", text, 0, 27); // the whole first sentence
        let inner = claim("f", text, 9, 17); // "the port"
        let across = claim("x", text, 13, 33); // "port reopened. Boats"
        let got = shown(&blocks(&d, [&outer, &inner, &across]));
        assert_eq!(
            got[0],
            vec![
                (s("Ana said "), vec![s("q")], vec![s("q")]),
                (s("the "), vec![s("f"), s("q")], vec![s("f")]),
                (s("port"), vec![s("f"), s("x"), s("q")], vec![s("x")]),
                (s(" reopened."), vec![s("x"), s("q")], vec![]),
                (s(" Boats"), vec![s("x")], vec![]),
                (s(" left."), vec![], vec![]),
            ]
        );
        assert_eq!(got[1], vec![(s("All calm."), vec![], vec![])]);
        // Every piece is the text it claims to be.
        let joined: String = got[0].iter().map(|p| p.0.as_str()).collect();
        assert_eq!(joined, &text[0..39]);
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_left_out() {
        let text = "Café opened.";
        let d = doc(text, &[(0, text.len())]);
        let mut bad = claim("b", text, 0, 3);
        bad.span.end = 400;
        let mut split = claim("s", text, 0, 3);
        split.span.end = 4; // inside "é"
        let got = shown(&blocks(&d, [&bad, &split]));
        assert_eq!(got, vec![vec![(s("Café opened."), vec![], vec![])]]);
    }

    #[test]
    fn a_document_without_paragraphs_is_one_block() {
        let text = "One line.";
        let got = blocks(&doc(text, &[]), []);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].pieces[0].text, text);
    }
}
