//! Placing cleaned blocks into a [`Document`]: headline first, paragraphs
//! joined by blank lines, byte ranges recorded, id from the clean text.

use chrono::NaiveDate;
use crosscheck_model::{Document, Paragraph, ParagraphKind, Range};

use crate::hash::content_id;
use crate::html::{extract_article_html, ExtractedArticle};
use crate::plaintext::{clean_plain_text, Block};
use crate::sniff::Format;

/// An article's metadata and blocks before assembly.
#[derive(Debug, Clone, Default)]
pub struct ArticleParts {
    /// The headline.
    pub title: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The standfirst or description.
    pub description: Option<String>,
    /// The body, block by block.
    pub blocks: Vec<Block>,
}

impl From<ExtractedArticle> for ArticleParts {
    fn from(a: ExtractedArticle) -> ArticleParts {
        ArticleParts {
            title: a.title,
            url: a.url,
            outlet: a.outlet,
            author: a.author,
            published: a.published,
            description: a.description,
            blocks: a.blocks,
        }
    }
}

/// Builds the document; `Err` with a reason when no article text is left.
pub fn build_document(
    source: &str,
    format: Format,
    mut parts: ArticleParts,
) -> Result<Document, String> {
    if !parts
        .blocks
        .iter()
        .any(|b| b.kind != ParagraphKind::Headline)
    {
        return Err("no article text found".to_string());
    }
    match parts.blocks.first() {
        Some(first) if first.kind == ParagraphKind::Headline && parts.title.is_none() => {
            parts.title = Some(first.text.clone());
        }
        Some(first) if first.kind == ParagraphKind::Headline => {}
        Some(first) => {
            if let Some(title) = parts.title.clone() {
                if first.text.eq_ignore_ascii_case(&title) {
                    if let Some(b) = parts.blocks.first_mut() {
                        b.kind = ParagraphKind::Headline;
                    }
                } else {
                    parts
                        .blocks
                        .insert(0, Block::new(ParagraphKind::Headline, title));
                }
            }
        }
        None => {}
    }
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(parts.blocks.len());
    for block in &parts.blocks {
        if block.text.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&block.text);
        paragraphs.push(Paragraph {
            range: Range::new(start, text.len()),
            kind: block.kind,
        });
    }
    Ok(Document {
        id: content_id(&text),
        source: source.to_string(),
        url: parts.url,
        title: parts.title,
        outlet: parts.outlet,
        author: parts.author,
        published: parts.published,
        description: parts.description,
        text,
        paragraphs,
        format: format.name().to_string(),
        ..Document::default()
    })
}

/// A document from plain article text (no metadata beyond what the text
/// shows). Empty text gives a document with empty text.
pub fn document_from_text(source: &str, text: &str) -> Document {
    let parts = ArticleParts {
        blocks: clean_plain_text(text),
        ..ArticleParts::default()
    };
    build_document(source, Format::Text, parts)
        .unwrap_or_else(|_| empty_document(source, Format::Text))
}

/// A document from an HTML page (already decoded).
pub fn document_from_html(source: &str, html: &str) -> Document {
    let parts = ArticleParts::from(extract_article_html(html));
    build_document(source, Format::Html, parts)
        .unwrap_or_else(|_| empty_document(source, Format::Html))
}

fn empty_document(source: &str, format: Format) -> Document {
    Document {
        id: content_id(""),
        source: source.to_string(),
        format: format.name().to_string(),
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_ranges_slice_the_text() {
        let doc = document_from_text(
            "mem.txt",
            "Ferry Strike Ends\n\nThe strike ended on Friday, the union said.\nTimetables return on Monday, officials said.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Ferry Strike Ends"));
        assert!(doc.text.starts_with("Ferry Strike Ends\n\nThe strike"));
        assert_eq!(doc.paragraphs.len(), 3);
        for p in &doc.paragraphs {
            assert!(doc
                .text
                .get(p.range.start..p.range.end)
                .is_some_and(|t| !t.is_empty()));
        }
        assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Headline);
        assert_eq!(doc.id, content_id(&doc.text));
        assert_eq!(doc.format, "txt");
    }

    #[test]
    fn title_from_metadata_goes_first() {
        let parts = ArticleParts {
            title: Some("Bridge vote delayed".into()),
            blocks: vec![Block::new(ParagraphKind::Body, "The vote was delayed.")],
            ..ArticleParts::default()
        };
        let doc = build_document("x", Format::Jsonl, parts).unwrap_or_default();
        assert_eq!(doc.text, "Bridge vote delayed\n\nThe vote was delayed.");
        assert!(build_document("x", Format::Text, ArticleParts::default()).is_err());
    }
}
