//! HTML pages into articles: metadata from the head, body from the DOM.

mod body;
mod hints;
pub mod meta;

use chrono::NaiveDate;
use crosscheck_model::ParagraphKind;
use scraper::Html;

use crate::furniture::{
    body_length_without_tail, ends_with_terminal_punctuation, is_furniture_line, word_count,
};
use crate::plaintext::Block;
use crate::repair::clean_paragraph;

/// What extraction found in one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedArticle {
    pub title: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Body paragraphs, headings and list items in reading order (no
    /// headline: that is `title`).
    pub blocks: Vec<Block>,
}

impl ExtractedArticle {
    /// The body as plain text, blocks separated by blank lines.
    pub fn body_text(&self) -> String {
        self.blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// How many blocks at the start are page furniture rather than story:
/// bare URLs, credits, bylines and datelines ("By …", "Updated 5:27 am"),
/// i.e. short lines without sentence punctuation before the first sentence.
fn leading_furniture(blocks: &[Block]) -> usize {
    let mut n = 0;
    for block in blocks {
        let short_unpunctuated = word_count(&block.text) <= 8
            && !ends_with_terminal_punctuation(&block.text)
            && block.kind == ParagraphKind::Body;
        if is_furniture_line(&block.text) || short_unpunctuated {
            n += 1;
        } else {
            break;
        }
    }
    // Never strip the whole body.
    if n >= blocks.len() {
        0
    } else {
        n
    }
}

/// Extracts metadata and the article body from an HTML page.
pub fn extract_article_html(html: &str) -> ExtractedArticle {
    let doc = Html::parse_document(html);
    let meta = meta::read_meta(&doc);
    let mut blocks: Vec<Block> = body::extract_body(&doc)
        .into_iter()
        .map(|b| Block::new(b.kind, clean_paragraph(&b.text)))
        .filter(|b| !b.text.is_empty())
        .collect();
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let keep = body_length_without_tail(&texts);
    blocks.truncate(keep);
    let lead = leading_furniture(&blocks);
    blocks.drain(..lead);
    if let Some(title) = &meta.title {
        // Pages often repeat the headline inside the body container.
        if blocks
            .first()
            .is_some_and(|b| b.text.eq_ignore_ascii_case(title))
        {
            blocks.remove(0);
        }
    }
    if blocks.is_empty() {
        if let Some(body) = &meta.article_body {
            blocks = body
                .split("\n")
                .map(clean_paragraph)
                .filter(|p| !p.is_empty())
                .map(|p| Block::new(ParagraphKind::Body, p))
                .collect();
        }
    }
    ExtractedArticle {
        title: meta.title,
        description: meta.description,
        author: meta.author,
        published: meta.published,
        url: meta.url,
        outlet: meta.outlet,
        blocks,
    }
}
