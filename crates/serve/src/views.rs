//! Plain values templates show: links built from ids (percent-encoded),
//! claims as cards with their evidence in its sentence. Templates escape
//! every value; what is built here never contains markup.

use crosscheck_model::{Claim, Document, SourceKind};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::filter::ClaimParams;
use crate::snapshot::Snapshot;

/// Bytes of context shown on each side of a claim's evidence.
const CONTEXT: usize = 240;

/// What a path segment keeps as it is: RFC 3986 unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `text` percent-encoded as one path segment.
pub fn segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

/// The page of a document.
pub fn document_href(id: &str) -> String {
    format!("/documents/{}", segment(id))
}

/// A claim's evidence, highlighted in its document.
pub fn evidence_href(claim: &Claim) -> String {
    format!("{}#ev-{}", document_href(&claim.doc), claim.id)
}

/// The page of a story.
pub fn story_href(id: &str) -> String {
    format!("/stories/{}", segment(id))
}

/// A claim search with these filters.
pub fn claims_href(params: &ClaimParams) -> String {
    let query = params.to_query_string();
    if query.is_empty() {
        "/claims".to_string()
    } else {
        format!("/claims?{query}")
    }
}

/// `url` when it is safe to link to (http or https); a `javascript:` or
/// `data:` URL from an article is shown as text, never linked.
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url.trim())
}

/// At most `max` bytes of `text` from its start (cut on a character
/// boundary, marked with "…").
pub fn head(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

/// At most `max` bytes of `text` from its end.
pub fn tail(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    format!("…{}", &text[start..])
}

/// The readable name of a source kind.
pub fn source_kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "named person",
        SourceKind::Organization => "organisation",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Unattributed => "unattributed",
    }
}

/// A claim as a result card: what it says, the sentence with the
/// evidence marked, who, where and when.
#[derive(Debug, Clone)]
pub struct ClaimCard {
    /// Claim id.
    pub id: String,
    /// Kind name.
    pub kind: &'static str,
    /// One line saying what it asserts.
    pub summary: String,
    /// The sentence before the evidence.
    pub before: String,
    /// The evidence.
    pub evidence: String,
    /// The sentence after it.
    pub after: String,
    /// Who (name, else role, else "unattributed").
    pub source: String,
    /// The source's role, when a name is given too.
    pub role: Option<String>,
    /// Kind of source, readable.
    pub source_kind: &'static str,
    /// Anonymous source.
    pub anonymous: bool,
    /// Hedged, with the hedge words.
    pub hedges: Option<String>,
    /// Its document's title.
    pub title: String,
    /// Its document's outlet.
    pub outlet: Option<String>,
    /// Its document's date (and whether estimated).
    pub date: Option<String>,
    /// The document is a copy of another.
    pub copy: bool,
    /// Link to the evidence in the article.
    pub evidence_href: String,
    /// Link to the article.
    pub document_href: String,
    /// Link to this source's claims, when named.
    pub source_href: Option<String>,
}

impl ClaimCard {
    /// The card of `claim`.
    pub fn new(snapshot: &Snapshot, claim: &Claim) -> ClaimCard {
        let doc = snapshot.document(&claim.doc);
        let (before, evidence, after) = match doc {
            Some(doc) => in_sentence(doc, claim),
            None => (String::new(), claim.span.text.clone(), String::new()),
        };
        let mut source = claim
            .source
            .name
            .clone()
            .or_else(|| claim.source.role.clone())
            .unwrap_or_else(|| "unattributed".to_string());
        // "Ivo Sand, quoted by the Sarn Post", as the report writes it.
        if let Some(by) = claim.quoted_by.as_ref().and_then(|s| s.name.as_deref()) {
            source = format!("{source}, quoted by {by}");
        }
        let speaker = claim
            .source
            .name
            .as_deref()
            .or(claim.source.role.as_deref());
        ClaimCard {
            id: claim.id.clone(),
            kind: claim.kind().name(),
            summary: crosscheck_ledger::claim_summary(claim),
            before,
            evidence,
            after,
            role: claim.source.name.as_ref().and(claim.source.role.clone()),
            source,
            source_kind: source_kind_label(claim.source.kind),
            anonymous: Snapshot::is_anonymous(claim),
            hedges: claim.hedged.then(|| {
                if claim.hedges.is_empty() {
                    "hedged".to_string()
                } else {
                    format!("hedged: {}", claim.hedges.join(", "))
                }
            }),
            title: doc
                .and_then(|d| d.title.clone())
                .unwrap_or_else(|| claim.doc.clone()),
            outlet: doc.and_then(|d| d.outlet.clone()),
            date: doc.and_then(date_label),
            copy: doc.is_some_and(|d| d.duplicate_of.is_some()),
            evidence_href: evidence_href(claim),
            document_href: document_href(&claim.doc),
            source_href: speaker.map(|s| {
                claims_href(&ClaimParams {
                    speaker: Some(s.to_string()),
                    ..ClaimParams::default()
                })
            }),
        }
    }
}

/// A document's date as shown: `2031-03-04`, or `≈ 2031-03-04` when
/// estimated.
pub fn date_label(doc: &Document) -> Option<String> {
    doc.placed_date().map(|(date, estimated)| {
        if estimated {
            format!("≈ {date}")
        } else {
            date.to_string()
        }
    })
}

/// The claim's sentence cut around its evidence: before, evidence, after.
fn in_sentence(doc: &Document, claim: &Claim) -> (String, String, String) {
    let sentence = claim.sentence_text(doc);
    // The sentence is a slice of the text: its offset is where it starts.
    let start = (sentence.as_ptr() as usize).saturating_sub(doc.text.as_ptr() as usize);
    let end = start + sentence.len();
    let span = &claim.span;
    match (
        doc.text.get(start..span.start),
        doc.text.get(span.range()),
        doc.text.get(span.end..end),
    ) {
        (Some(before), Some(evidence), Some(after)) if start <= span.start && span.end <= end => (
            tail(before, CONTEXT),
            evidence.to_string(),
            head(after, CONTEXT),
        ),
        _ => (String::new(), span.text.clone(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_linked() {
        assert_eq!(safe_url("https://x.example/a"), Some("https://x.example/a"));
        assert_eq!(safe_url("  HTTP://x.example"), Some("HTTP://x.example"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "//x.example",
            "file:///etc/passwd",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(segment("per-ilse_marrow.1~"), "per-ilse_marrow.1~");
        assert_eq!(segment("a/b?c#d e"), "a%2Fb%3Fc%23d%20e");
        assert_eq!(segment("\"><script>"), "%22%3E%3Cscript%3E");
    }

    #[test]
    fn cuts_keep_characters_whole() {
        assert_eq!(head("héllo", 2), "h…");
        assert_eq!(tail("hellé", 1), "…");
        assert_eq!(head("short", 10), "short");
    }
}
