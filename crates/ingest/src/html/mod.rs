//! HTML pages into articles: metadata from the head, body from the DOM.

mod body;
pub mod budget;
pub(crate) mod hints;
pub mod meta;
pub mod prestrip;

use chrono::NaiveDate;
use crosscheck_model::ParagraphKind;
use scraper::Html;

use crate::furniture::{
    body_length_without_tail, ends_with_terminal_punctuation, furniture_line, word_count_upto,
    Furniture,
};
use crate::plaintext::Block;
use crate::repair::clean_paragraph;
use crate::Lexicon;

/// What extraction found in one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedArticle {
    /// The headline.
    pub title: Option<String>,
    /// The meta description.
    pub description: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The site name.
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
fn leading_furniture(furniture: &Furniture, blocks: &[Block]) -> usize {
    let mut n = 0;
    for block in blocks {
        let short_unpunctuated = word_count_upto(&block.text, 8) <= 8
            && !ends_with_terminal_punctuation(&block.text)
            && block.kind == ParagraphKind::Body;
        if furniture_line(furniture, &block.text) || short_unpunctuated {
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

/// [`extract_article_html`] for pages from outside: refuses (with the
/// reason) a page the parser would take quadratic time on. Reads the
/// standard lexicon.
pub fn extract_article_checked(html: &str) -> Result<ExtractedArticle, String> {
    extract_article_checked_with(Lexicon::standard_ref(), html)
}

/// [`extract_article_checked`] reading `lexicon`.
pub fn extract_article_checked_with(
    lexicon: &Lexicon,
    html: &str,
) -> Result<ExtractedArticle, String> {
    budget::check(html)?;
    Ok(extract_article_html_with(lexicon, html))
}

/// Extracts metadata and the article body from an HTML page, by the
/// standard lexicon.
pub fn extract_article_html(html: &str) -> ExtractedArticle {
    extract_article_html_with(Lexicon::standard_ref(), html)
}

/// [`extract_article_html`] reading `lexicon`: its class/id hints pick the
/// body, its furniture phrases trim it.
pub fn extract_article_html_with(lexicon: &Lexicon, html: &str) -> ExtractedArticle {
    let doc = Html::parse_document(&prestrip::strip_script_and_style(html));
    let meta = meta::read_meta(&doc);
    let mut blocks: Vec<Block> = body::extract_body(&doc, &lexicon.hints)
        .into_iter()
        .map(|b| Block::new(b.kind, clean_paragraph(&b.text)))
        .filter(|b| !b.text.is_empty())
        .collect();
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let keep = body_length_without_tail(&lexicon.furniture, &texts);
    blocks.truncate(keep);
    let lead = leading_furniture(&lexicon.furniture, &blocks);
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

#[cfg(test)]
mod tests {
    use super::*;

    const STORY_A: &str = "The Lindmark harbour board voted on Tuesday to close the old ferry terminal, ending a century of service from the north quay.";
    const STORY_B: &str = "Board chair Ilse Varga said repairs to the pilings would cost more than the new terminal planned for the south bank, which opens in spring.";

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>Ferry terminal to close</title></head><body>{body}</body></html>"
        )
    }

    #[test]
    fn body_extraction_table() {
        let story = format!("<p>{STORY_A}</p><p>{STORY_B}</p>");
        let cases: Vec<(&str, String, Vec<&str>)> = vec![
            ("plain article", format!("<article>{story}</article>"), vec![STORY_A, STORY_B]),
            (
                "navigation, share bar and footer",
                format!("<nav><a href='/'>Home</a> <a href='/n'>News</a></nav><div class='share-tools'><a href='#'>Share</a></div><div class='story-body'>{story}</div><footer><p>Copyright Lindmark Post, all rights reserved, since 1931.</p></footer>"),
                vec![STORY_A, STORY_B],
            ),
            (
                "comment thread longer than the story",
                format!("<div class='post'>{story}</div><div id='comments'><p>{STORY_B} I disagree, and so does everyone on my street.</p><p>{STORY_A} Nobody asked us, the residents, about any of this.</p><p>{STORY_A}</p></div>"),
                vec![STORY_A, STORY_B],
            ),
            (
                "cookie banner and hidden newsletter box",
                format!("<div class='cookie-consent'><p>We use cookies to make this site work, and to measure how you use it.</p></div><div style='display: none'><p>Sign up to our newsletter for the morning briefing, every day at seven.</p></div><main>{story}</main>"),
                vec![STORY_A, STORY_B],
            ),
            (
                "related list after the story",
                format!("<article>{story}<section class='related'><h3>More news</h3><ul><li><a href='/1'>Ferry fares frozen for the winter season</a></li><li><a href='/2'>South bank plan approved by council</a></li></ul></section></article>"),
                vec![STORY_A, STORY_B],
            ),
            (
                "text split by line breaks in one div",
                format!("<div class='main'><div class='text'>{STORY_A}<br><br>{STORY_B}</div></div><div class='sidebar'><a href='/x'>Weather</a></div>"),
                vec![STORY_A, STORY_B],
            ),
            (
                "embedded post inside a social wrapper is quoted content",
                format!("<article><p>{STORY_A}</p><div class='social-embed'><blockquote><p>We will fight this closure at every meeting until spring.</p></blockquote></div><p>{STORY_B}</p></article>"),
                vec![STORY_A, "We will fight this closure at every meeting until spring.", STORY_B],
            ),
            (
                "heading and list item kept with their kinds",
                format!("<article><p>{STORY_A}</p><h2>What happens next</h2><ul><li>{STORY_B}</li></ul></article>"),
                vec![STORY_A, "What happens next", STORY_B],
            ),
        ];
        for (name, body, want) in cases {
            let got = extract_article_html(&page(&body));
            let texts: Vec<&str> = got.blocks.iter().map(|b| b.text.as_str()).collect();
            assert_eq!(texts, want, "case {name}");
        }
    }

    #[test]
    fn block_kinds() {
        let html = page(&format!("<article><h1>Ferry terminal to close</h1><p>{STORY_A}</p><h2>What happens next</h2><ul><li>{STORY_B}</li></ul></article>"));
        let kinds: Vec<ParagraphKind> = extract_article_html(&html)
            .blocks
            .iter()
            .map(|b| b.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                ParagraphKind::Body,
                ParagraphKind::Heading,
                ParagraphKind::ListItem
            ]
        );
    }

    #[test]
    fn empty_and_hostile_pages_do_not_panic() {
        let deep = "<div>".repeat(20_000) + "text" + &"</div>".repeat(20_000);
        let inputs = [
            "",
            "<",
            "<html><body></body></html>",
            "\u{0}\u{1}<p>",
            deep.as_str(),
            "<script>var a = '<p>';</script>",
        ];
        for input in inputs {
            let _ = extract_article_html(input);
        }
    }
}
