//! Lookups and wording shared by every output format.

use std::collections::HashMap;

use crosscheck_ledger::{claim_summary, format_number, polarity_verb};
use crosscheck_model::{
    Bound, Claim, ClaimBody, Document, Ledger, PropositionValue, Quantity, Quote, SourceKind,
    Sourcing, StanceStep, StanceTimeline, Story,
};

/// One row of a sourcing table.
pub struct SourcingRow<'a> {
    /// Place in the ranking, 0 for the most anonymous.
    pub rank: usize,
    /// The document's short reference number.
    pub number: usize,
    pub doc: &'a Document,
    /// Share of its claims from anonymous sources.
    pub share: f64,
    /// Its sourcing counts (all zero when none were made).
    pub counts: Sourcing,
}

impl SourcingRow<'_> {
    /// The row's figures as the text tables show them, in their column
    /// order: anonymous share, named, organisation, anonymous, unattributed,
    /// hedged, single-source figures.
    pub fn cells(&self) -> [String; 7] {
        let s = &self.counts;
        [
            percent(self.share),
            s.named.to_string(),
            s.organization.to_string(),
            s.anonymous.to_string(),
            s.unattributed.to_string(),
            s.hedged.to_string(),
            s.single_source_figures.to_string(),
        ]
    }
}

/// Indexes a ledger's documents and claims by id.
pub struct View<'a> {
    docs: HashMap<&'a str, (usize, &'a Document)>,
    claims: HashMap<&'a str, &'a Claim>,
    by_doc: HashMap<&'a str, Vec<&'a Claim>>,
}

impl<'a> View<'a> {
    pub fn new(ledger: &'a Ledger) -> View<'a> {
        let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::new();
        for claim in &ledger.claims {
            by_doc.entry(claim.doc.as_str()).or_default().push(claim);
        }
        View {
            docs: ledger
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), (i, d)))
                .collect(),
            claims: ledger.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            by_doc,
        }
    }

    /// A view of only these documents and claims: what one part of a
    /// ledger (a proposition's chart) reads, without indexing the rest.
    pub fn of(
        documents: impl IntoIterator<Item = &'a Document>,
        claims: impl IntoIterator<Item = &'a Claim>,
    ) -> View<'a> {
        let mut by_doc: HashMap<&str, Vec<&Claim>> = HashMap::new();
        let claims: HashMap<&str, &Claim> = claims
            .into_iter()
            .map(|c| {
                by_doc.entry(c.doc.as_str()).or_default().push(c);
                (c.id.as_str(), c)
            })
            .collect();
        View {
            docs: documents
                .into_iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), (i, d)))
                .collect(),
            claims,
            by_doc,
        }
    }

    pub fn doc(&self, id: &str) -> Option<&'a Document> {
        self.docs.get(id).map(|(_, d)| *d)
    }

    /// The first `limit` documents of the sourcing ranking (most
    /// anonymous first) that the view holds: every format's sourcing table.
    pub fn sourcing_rows(&self, ledger: &Ledger, limit: usize) -> Vec<SourcingRow<'a>> {
        crosscheck_ledger::sourcing_ranking(ledger)
            .into_iter()
            .enumerate()
            .take(limit)
            .filter_map(|(rank, (id, share))| {
                let doc = self.doc(&id)?;
                Some(SourcingRow {
                    rank,
                    number: self.doc_number(&id).unwrap_or(0),
                    doc,
                    share,
                    counts: doc.sourcing.clone().unwrap_or_default(),
                })
            })
            .collect()
    }

    /// 1-based position of a document, for short references ("[2]").
    pub fn doc_number(&self, id: &str) -> Option<usize> {
        self.docs.get(id).map(|(i, _)| i + 1)
    }

    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        self.claims.get(id).copied()
    }

    /// A proposition value's date as shown: "≈" marks an estimated date.
    pub fn value_date(&self, v: &PropositionValue) -> String {
        match (&v.date, self.doc(&v.doc)) {
            (Some(d), Some(doc)) if doc.published.is_none() => format!("≈{d}"),
            (Some(d), _) => d.clone(),
            (None, _) => "undated".to_string(),
        }
    }

    /// The text of the sentence(s) holding a claim's evidence ("" when its
    /// document is not in the ledger).
    pub fn sentence(&self, claim: &Claim) -> &'a str {
        self.doc(&claim.doc)
            .map_or("", |doc| claim.sentence_text(doc))
    }

    pub fn claims_of(&self, doc: &str) -> &[&'a Claim] {
        self.by_doc.get(doc).map_or(&[], Vec::as_slice)
    }
}

/// A story's span of dates: "2031-03-02 – 2031-06-01", one date, or
/// "undated".
pub fn story_span(story: &Story) -> String {
    match (&story.first, &story.last) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) | (None, Some(a)) => a.clone(),
        (None, None) => "undated".to_string(),
    }
}

/// A story's title as shown.
pub fn story_title(story: &Story) -> &str {
    story.title.as_deref().unwrap_or("Untitled story")
}

/// "5 documents", "1 document".
pub fn documents_count(n: usize) -> String {
    if n == 1 {
        "1 document".to_string()
    } else {
        format!("{n} documents")
    }
}

/// "3 outlets", "1 outlet", "no outlet named".
pub fn outlets_count(n: usize) -> String {
    match n {
        0 => "no outlet named".to_string(),
        1 => "1 outlet".to_string(),
        n => format!("{n} outlets"),
    }
}

/// "2031-03-02", "≈2031-04-10" for an estimate, "undated (after 1987)" for
/// a bound resting on a year alone, or "undated".
pub fn doc_date(doc: &Document) -> String {
    match (doc.placed_date(), &doc.published_estimate) {
        (Some((d, false)), _) => d.to_string(),
        (Some((d, true)), _) => format!("≈{d}"),
        (None, Some(e)) => match e.earliest {
            Some(d) => format!("undated (after {})", d.format("%Y")),
            None => "undated".to_string(),
        },
        (None, None) => "undated".to_string(),
    }
}

pub fn title(doc: &Document) -> &str {
    doc.title.as_deref().unwrap_or("Untitled article")
}

pub fn outlet(doc: &Document) -> &str {
    doc.outlet.as_deref().unwrap_or("unknown outlet")
}

/// The article's address when it is one a reader can follow (http or
/// https); anything else an article claims as its URL is shown as text, if
/// at all, never linked.
pub fn web_url(doc: &Document) -> Option<&str> {
    let url = doc.url.as_deref()?.trim();
    let scheme = url.split_once("://")?.0;
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        .then_some(url)
        .filter(|u| !u.chars().any(|c| c.is_whitespace() || c.is_control()))
}

/// "copy of [2]" when the document copies another one of the ledger.
pub fn copy_note(doc: &Document, view: &View) -> Option<String> {
    let original = doc.duplicate_of.as_deref()?;
    Some(match view.doc_number(original) {
        Some(n) => format!("copy of [{n}]"),
        None => format!("copy of {original}"),
    })
}

/// A claim in a document's claim list, the same in every view: its kind
/// ("quote", "figure", "stance", ...) and what it says (quotes cut to
/// `quote_chars`), with "(hedged)" when it is.
pub fn claim_line(claim: &Claim, quote_chars: usize) -> (&'static str, String) {
    let (kind, text) = match &claim.body {
        ClaimBody::Quote { quote } => (
            "quote",
            format!("{} — {}", source_name(claim), said(quote, quote_chars)),
        ),
        ClaimBody::Quantity { quantity } => (
            "figure",
            format!("{} — {}", figure_text(quantity), source_name(claim)),
        ),
        // A stance, and any other kind: its one-line summary.
        _ => (claim.kind().name(), claim_summary(claim)),
    };
    let hedge = if claim.hedged { " (hedged)" } else { "" };
    (kind, format!("{text}{hedge}"))
}

/// How a quote claim's words are shown, in every view: verbatim words
/// (`direct`) inside quotation marks, reported speech as the paraphrase it
/// is, without them (quoted fragments it holds keep their own marks).
/// Cut to `max` characters.
pub fn said(quote: &Quote, max: usize) -> String {
    let text = shorten(&quote.text, max);
    if quote.direct {
        format!("“{text}”")
    } else {
        text
    }
}

/// "12 documents, 40 claims, 9 propositions, 31 entities", the parts
/// joined by `separator`.
pub fn counts(ledger: &Ledger, separator: &str) -> String {
    counts_line(ledger_counts(ledger), separator)
}

/// How many documents, claims, propositions and entities `ledger` holds, in
/// the order [`counts_line`] takes them.
pub fn ledger_counts(ledger: &Ledger) -> [usize; 4] {
    [
        ledger.documents.len(),
        ledger.claims.len(),
        ledger.propositions.len(),
        ledger.entities.len(),
    ]
}

/// The counts line from documents, claims, propositions and entities, in
/// that order (a ledger built story by story is not held whole).
pub fn counts_line(counts: [usize; 4], separator: &str) -> String {
    let [documents, claims, propositions, entities] = counts;
    [
        (documents, "documents"),
        (claims, "claims"),
        (propositions, "propositions"),
        (entities, "entities"),
    ]
    .map(|(n, what)| format!("{n} {what}"))
    .join(separator)
}

/// Who a claim comes from, for a reader; several sources of one claim
/// ("A and B said") are named together, and one who relays the words
/// follows ("Ivo Sand, quoted by Sarn Post").
pub fn source_name(claim: &Claim) -> String {
    let first = one_source_name(claim);
    let others: Vec<&str> = claim
        .co_sources
        .iter()
        .filter_map(|s| s.name.as_deref())
        .collect();
    let named = match others.split_last() {
        None => first,
        Some((last, [])) => format!("{first} and {last}"),
        Some((last, rest)) => format!("{first}, {} and {last}", rest.join(", ")),
    };
    match claim.quoted_by.as_ref().and_then(|s| s.name.as_deref()) {
        Some(by) => format!("{named}, quoted by {by}"),
        None => named,
    }
}

fn one_source_name(claim: &Claim) -> String {
    match (&claim.source.name, &claim.source.role, claim.source.kind) {
        (Some(name), _, _) => name.clone(),
        (None, Some(role), SourceKind::Anonymous) => format!("{role} (anonymous)"),
        (None, Some(role), _) => role.clone(),
        (None, None, SourceKind::Anonymous) => "anonymous".to_string(),
        (None, None, _) => "unattributed".to_string(),
    }
}

/// A figure's value as every view writes it, from the ledger's fields
/// alone: the bound ("at least", "up to", "nearly" for an approximate upper
/// bound), "~" for an approximation, a range by both ends, the unit, the
/// rate: "~14,000", "up to 12,000", "8,000–12,000", "45 percent", "$15 per
/// hour" as "15 USD per hour", "nearly 50% of" for a share. A vague amount
/// states no number and is written by its words: "millions (no number)".
pub fn figure_value(q: &Quantity) -> String {
    let share = q.unit.as_deref() == Some("share");
    let number = |v: f64| {
        if share {
            format!("{}%", format_number(v * 100.0))
        } else {
            format_number(v)
        }
    };
    let approx = if q.approximate { "~" } else { "" };
    let finite = q.low.is_none_or(f64::is_finite) && q.high.is_none_or(f64::is_finite);
    let core = if !finite {
        q.span.text.trim().to_string()
    } else if q.vague {
        format!("{} (no number)", q.span.text.trim())
    } else {
        match (q.low, q.high, q.bound) {
            (Some(l), Some(h), _) if l != h => format!("{approx}{}–{}", number(l), number(h)),
            (Some(l), _, Bound::AtLeast) | (Some(l), None, _) => format!("at least {}", number(l)),
            (_, Some(h), Bound::AtMost) | (None, Some(h), _) if q.approximate => {
                format!("nearly {}", number(h))
            }
            (_, Some(h), Bound::AtMost) | (None, Some(h), _) => format!("up to {}", number(h)),
            (Some(l), Some(_), _) => format!("{approx}{}", number(l)),
            (None, None, _) => q.span.text.trim().to_string(),
        }
    };
    let single = q.low.or(q.high) == Some(1.0) && q.low == q.high;
    let unit = match q.unit.as_deref() {
        None => String::new(),
        Some("share") => " of".to_string(),
        Some(id) => match crosscheck_facts::units::unit(id) {
            Some(u) if single => format!(" {}", u.reference),
            Some(u) => format!(" {}", u.display),
            None => format!(" {id}"),
        },
    };
    let rate = q
        .rate
        .as_deref()
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    if q.vague {
        return format!("{core}{rate}");
    }
    format!("{core}{unit}{rate}")
}

/// A figure with what it counts: "~14,000 North Korean troops", "3,000,000
/// artillery shells per year", "45 percent (voters)", "millions (no number)
/// artillery shells".
pub fn figure_text(q: &Quantity) -> String {
    let subject = q.subject.as_deref().unwrap_or("").trim();
    let counted = q.unit.is_none() || q.vague;
    if subject.is_empty() {
        return figure_value(q);
    }
    if counted {
        // The rate reads after what is counted.
        let rate = q
            .rate
            .as_deref()
            .map(|r| format!(" {r}"))
            .unwrap_or_default();
        let value = figure_value(&Quantity {
            rate: None,
            ..q.clone()
        });
        return format!("{value} {subject}{rate}");
    }
    format!("{} ({subject})", figure_value(q))
}

pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Cuts text to at most `max` characters, on a word boundary, with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// The sentence of a figure claim split around the figure, for highlighting:
/// (before, figure, after).
pub fn highlighted(claim: &Claim, view: &View) -> (String, String, String) {
    let sentence = view.sentence(claim);
    let Some(figure) = claim.quantity().map(|q| q.span.text.as_str()) else {
        return (sentence.to_string(), String::new(), String::new());
    };
    match sentence.find(figure).filter(|_| !figure.is_empty()) {
        Some(at) => (
            sentence.get(..at).unwrap_or("").to_string(),
            figure.to_string(),
            sentence.get(at + figure.len()..).unwrap_or("").to_string(),
        ),
        None => (sentence.to_string(), String::new(), String::new()),
    }
}

/// A stance timeline's steps as one line: "denied (initially · 2031-03-02)
/// → confirmed (2031-04-11)".
pub fn steps_line(timeline: &StanceTimeline, view: &View) -> String {
    let (dated, undated) = split_steps(timeline);
    let dated_line = dated
        .iter()
        .map(|s| format!("{} ({})", polarity_verb(s.polarity), step_time(s, view)))
        .collect::<Vec<_>>()
        .join(" → ");
    let undated_line = undated
        .iter()
        .map(|s| match s.when.as_deref().filter(|w| !w.is_empty()) {
            Some(when) => format!("{} ({when})", polarity_verb(s.polarity)),
            None => polarity_verb(s.polarity).to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ");
    match (dated.is_empty(), undated.is_empty()) {
        (_, true) => dated_line,
        (true, false) => format!("undated: {undated_line}"),
        (false, false) => {
            format!("{dated_line}; undated, so not placed in this order: {undated_line}")
        }
    }
}

/// Steps whose place in time is known, in order, and the rest: an undated
/// report could come before or after any of them, so it gets no arrow.
pub fn split_steps(timeline: &StanceTimeline) -> (Vec<&StanceStep>, Vec<&StanceStep>) {
    timeline.steps.iter().partition(|s| s.date.is_some())
}

/// When a stance step was taken, as a reader needs it: the text's own
/// qualifier ("initially", "until late April") with the date it names, or,
/// when the qualifier names none, the date it was reported ("≈" for an
/// estimated document date).
pub fn step_time(step: &StanceStep, view: &View) -> String {
    let claim = view.claim(&step.claim);
    let own_date = claim
        .and_then(|c| c.time.as_ref())
        .and_then(|t| crosscheck_ledger::calendar_value(&t.value))
        .is_some();
    let date = match (&step.date, own_date) {
        (None, _) => "undated".to_string(),
        (Some(d), true) => d.clone(),
        (Some(d), false) => {
            let estimated = view
                .doc(&step.doc)
                .and_then(Document::placed_date)
                .is_some_and(|(_, estimated)| estimated);
            let mark = if estimated { "≈" } else { "" };
            format!("reported {mark}{d}")
        }
    };
    match step.when.as_deref() {
        Some(when) if !when.is_empty() => format!("{when} · {date}"),
        _ => date,
    }
}

/// "on the deployment", without doubling a preposition the matter already
/// starts with ("on the issue", "about the claims").
pub fn about_phrase(about: &str) -> String {
    let lower = about.trim_start().to_lowercase();
    if ["on ", "about ", "over ", "regarding "]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        about.trim().to_string()
    } else {
        format!("on {}", about.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use crosscheck_model::DateEstimate;

    #[test]
    fn document_dates_as_shown() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let estimate = |earliest, weak| DateEstimate {
            earliest,
            latest: None,
            basis: String::new(),
            weak,
        };
        // (published, estimate, shown, placed)
        let cases = [
            (day(2031, 3, 2), None, "2031-03-02", Some((2031, false))),
            (
                None,
                Some(estimate(day(2031, 4, 10), false)),
                "≈2031-04-10",
                Some((2031, true)),
            ),
            (
                None,
                Some(estimate(day(1961, 1, 1), true)),
                "undated (after 1961)",
                None,
            ),
            (None, None, "undated", None),
        ];
        for (published, est, shown, placed) in cases {
            let doc = Document {
                published,
                published_estimate: est,
                ..Document::default()
            };
            assert_eq!(doc_date(&doc), shown);
            let got = doc
                .placed_date()
                .map(|(d, e)| (chrono::Datelike::year(&d), e));
            assert_eq!(got, placed, "{shown}");
        }
    }
}
