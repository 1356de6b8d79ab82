//! Article metadata from the page head: `<title>`, `<meta>` (description,
//! author, article:published_time), OpenGraph, JSON-LD `NewsArticle`
//! (headline, datePublished, author, publisher, articleBody) and the
//! canonical URL. Structured data wins over plain tags when both are given.

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

use crate::dates::parse_published;

/// Metadata found in one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub description: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// JSON-LD `articleBody`, when the page ships one.
    pub article_body: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|_| panic!("static selector {css} parses"))
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel]"));
static JSON_LD: LazyLock<Selector> = LazyLock::new(|| selector("script[type]"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Reads every metadata source and merges them by priority.
pub fn read_meta(doc: &Html) -> PageMeta {
    let mut tags = MetaTags::default();
    for el in doc.select(&META) {
        let key = el
            .value()
            .attr("property")
            .or_else(|| el.value().attr("name"))
            .or_else(|| el.value().attr("itemprop"))
            .map(str::to_ascii_lowercase);
        let (Some(key), Some(content)) = (key, el.value().attr("content").and_then(clean)) else {
            continue;
        };
        tags.add(&key, content);
    }
    let ld = doc
        .select(&JSON_LD)
        .filter(|el| {
            el.value()
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        })
        .filter_map(|el| serde_json::from_str::<Value>(&el.text().collect::<String>()).ok())
        .find_map(|v| find_article_object(&v).cloned());
    let ld_str = |key: &str| ld.as_ref().and_then(|v| v.get(key)).and_then(text_of);

    let html_title = doc
        .select(&TITLE)
        .next()
        .and_then(|t| clean(&t.text().collect::<String>()));
    let h1 = doc
        .select(&H1)
        .next()
        .and_then(|h| clean(&h.text().collect::<String>()));
    let outlet = ld
        .as_ref()
        .and_then(|v| v.get("publisher"))
        .and_then(name_of)
        .or_else(|| tags.get("og:site_name"))
        .or_else(|| tags.get("application-name"));
    let title = ld_str("headline")
        .or_else(|| tags.get("og:title"))
        .or_else(|| tags.get("twitter:title"))
        .or(h1)
        .or_else(|| html_title.map(|t| strip_site_suffix(&t, outlet.as_deref())));
    let published = ld_str("datePublished")
        .or_else(|| tags.get("article:published_time"))
        .or_else(|| tags.get("datepublished"))
        .or_else(|| tags.get("pubdate"))
        .or_else(|| tags.get("date"))
        .or_else(|| tags.get("dc.date"))
        .or_else(|| tags.get("dc.date.issued"))
        .or_else(|| tags.get("sailthru.date"))
        .and_then(|d| parse_published(&d));
    let author = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .and_then(name_of)
        .or_else(|| tags.get("author"))
        .or_else(|| {
            tags.get("article:author")
                .filter(|a| !a.starts_with("http"))
        })
        .or_else(|| tags.get("dc.creator"));
    let url = canonical(doc)
        .or_else(|| tags.get("og:url"))
        .or_else(|| ld_str("url"));
    PageMeta {
        title,
        description: tags
            .get("description")
            .or_else(|| tags.get("og:description"))
            .or_else(|| ld_str("description")),
        author,
        published,
        url,
        outlet,
        article_body: ld_str("articleBody"),
    }
}

#[derive(Default)]
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn add(&mut self, key: &str, value: String) {
        if self.get(key).is_none() {
            self.0.push((key.to_string(), value));
        }
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

fn canonical(doc: &Html) -> Option<String> {
    doc.select(&CANONICAL)
        .filter(|el: &ElementRef| {
            el.value().attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|el| el.value().attr("href").and_then(clean))
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "Report",
];

/// The first JSON-LD object typed as an article, searching `@graph` and
/// arrays (bounded depth: JSON-LD is input).
fn find_article_object(value: &Value) -> Option<&Value> {
    fn walk(value: &Value, depth: usize) -> Option<&Value> {
        if depth > 6 {
            return None;
        }
        match value {
            Value::Array(items) => items.iter().find_map(|v| walk(v, depth + 1)),
            Value::Object(map) => {
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                    _ => false,
                };
                if is_article {
                    return Some(value);
                }
                map.get("@graph").and_then(|g| walk(g, depth + 1))
            }
            _ => None,
        }
    }
    walk(value, 0)
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean(s),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// A person or organisation's name: a string, `{"name": ...}`, or a list
/// of those joined with commas.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean(s),
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// "Ferry strike ends | Harbour Times" → "Ferry strike ends".
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = outlet.is_some_and(|o| tail.trim().eq_ignore_ascii_case(o.trim()))
                || tail.split_whitespace().count() <= 4;
            if tail_is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_sources_table() {
        let page = r#"<html><head>
<title>Ferry strike ends after nine days | Harbour Times</title>
<meta name="description" content="The union accepted a new offer.">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2031-05-02T09:00:00Z">
<meta property="og:site_name" content="Harbour Times">
<link rel="canonical" href="https://harbour.example/ferry-strike">
</head><body><p>x</p></body></html>"#;
        let meta = read_meta(&Html::parse_document(page));
        assert_eq!(
            meta.title.as_deref(),
            Some("Ferry strike ends after nine days")
        );
        assert_eq!(
            meta.description.as_deref(),
            Some("The union accepted a new offer.")
        );
        assert_eq!(meta.author.as_deref(), Some("Mara Quill"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2031, 5, 2));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://harbour.example/ferry-strike")
        );
        assert_eq!(meta.outlet.as_deref(), Some("Harbour Times"));

        let ld_page = r#"<html><head><title>x</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
{"@type":"NewsArticle","headline":"Lindmark council backs bridge","datePublished":"2030-11-19",
"author":[{"@type":"Person","name":"Ana Vell"},{"@type":"Person","name":"Bo Kint"}],
"publisher":{"@type":"Organization","name":"Lindmark Post"},"articleBody":"The council voted."}]}</script>
<meta property="og:title" content="OG title loses"></head><body></body></html>"#;
        let meta = read_meta(&Html::parse_document(ld_page));
        assert_eq!(meta.title.as_deref(), Some("Lindmark council backs bridge"));
        assert_eq!(meta.author.as_deref(), Some("Ana Vell, Bo Kint"));
        assert_eq!(meta.outlet.as_deref(), Some("Lindmark Post"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2030, 11, 19));
        assert_eq!(meta.article_body.as_deref(), Some("The council voted."));

        let broken = r#"<script type="application/ld+json">{"@type": "NewsArticle", broken</script><h1>Only an h1</h1>"#;
        let meta = read_meta(&Html::parse_document(broken));
        assert_eq!(meta.title.as_deref(), Some("Only an h1"));
    }
}
