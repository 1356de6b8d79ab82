//! One CSV row per claim, for spreadsheet users.
//!
//! Text comes from articles and outlets we do not control, and a
//! spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab
//! or carriage return before one) as a formula: such cells get a leading
//! `'`, which spreadsheets show as text (OWASP's advice for CSV injection).
//! Numbers are written as numbers.

use std::borrow::Cow;
use std::io::Write;

use serde::{Serialize, Serializer};

use crosscheck_model::{Claim, Document, Ledger};

use crate::view::{figure_text, View};
use crate::ReportError;

#[derive(Serialize)]
struct Row<'a> {
    claim: Cell<'a>,
    story: Cell<'a>,
    doc: Cell<'a>,
    outlet: Cell<'a>,
    date: String,
    date_estimated: bool,
    kind: &'static str,
    source_name: Cell<'a>,
    source_kind: &'static str,
    source_role: Cell<'a>,
    source_entity: Cell<'a>,
    /// Who relays the words in a nested attribution.
    quoted_by: Cell<'a>,
    cue: Cell<'a>,
    quote: Cell<'a>,
    /// The figure as the other views write it ("up to 12,000 soldiers").
    quantity_text: Cell<'a>,
    quantity_low: Option<f64>,
    quantity_high: Option<f64>,
    quantity_bound: &'static str,
    quantity_approximate: Option<bool>,
    quantity_vague: Option<bool>,
    quantity_unit: Cell<'a>,
    quantity_dimension: Cell<'a>,
    quantity_rate: Cell<'a>,
    quantity_subject: Cell<'a>,
    quantity_event: Cell<'a>,
    stance_actor: Cell<'a>,
    stance_polarity: &'static str,
    hedged: bool,
    hedges: Cell<'static>,
    time: Cell<'a>,
    span_start: usize,
    span_end: usize,
    sentence: Cell<'a>,
}

/// A text cell, neutralised against formula injection when written.
struct Cell<'a>(Cow<'a, str>);

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell(Cow::Borrowed(s))
    }
}

impl From<String> for Cell<'static> {
    fn from(s: String) -> Cell<'static> {
        Cell(Cow::Owned(s))
    }
}

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&neutralise(&self.0))
    }
}

/// The text a spreadsheet shows as text: a leading `'` before a cell that
/// would start a formula.
fn neutralise(text: &str) -> Cow<'_, str> {
    let risky = text
        .trim_start_matches(['\t', '\r', '\n', ' '])
        .starts_with(['=', '+', '-', '@'])
        || text.starts_with(['\t', '\r']);
    if risky {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One CSV row per claim, with its document's outlet and date.
pub fn write_claims_csv<W: Write>(ledger: &Ledger, writer: W) -> Result<(), ReportError> {
    let view = View::new(ledger);
    let mut rows = ClaimRows::new(writer);
    for c in &ledger.claims {
        rows.write(c, view.doc(&c.doc))?;
    }
    rows.flush()
}

/// The rows of `claims.csv` written one claim at a time, for outputs that
/// stream claims (the server's CSV export) instead of holding a ledger.
pub struct ClaimRows<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> ClaimRows<W> {
    /// Rows into `writer`; the header comes with the first row.
    pub fn new(writer: W) -> ClaimRows<W> {
        ClaimRows {
            csv: csv::Writer::from_writer(writer),
        }
    }

    /// Writes the row of claim `c`, whose document is `doc` (its outlet,
    /// date, story and sentence; empty cells without it).
    pub fn write(&mut self, c: &Claim, doc: Option<&Document>) -> Result<(), ReportError> {
        let (date, date_estimated) = match doc.and_then(Document::placed_date) {
            Some((date, estimated)) => (date.to_string(), estimated),
            None => (String::new(), false),
        };
        let q = c.quantity();
        let s = c.stance();
        self.csv.serialize(Row {
            claim: Cell::from(c.id.as_str()),
            story: Cell::from(doc.and_then(|d| d.story.as_deref()).unwrap_or("")),
            doc: Cell::from(c.doc.as_str()),
            outlet: Cell::from(doc.and_then(|d| d.outlet.as_deref()).unwrap_or("")),
            date,
            date_estimated,
            kind: c.kind().name(),
            source_name: Cell::from(c.source.name.as_deref().unwrap_or("")),
            source_kind: c.source.kind.name(),
            source_role: Cell::from(c.source.role.as_deref().unwrap_or("")),
            source_entity: Cell::from(c.source.entity.as_deref().unwrap_or("")),
            quoted_by: Cell::from(
                c.quoted_by
                    .as_ref()
                    .and_then(|s| s.name.as_deref())
                    .unwrap_or(""),
            ),
            cue: Cell::from(c.cue.as_deref().unwrap_or("")),
            quote: Cell::from(c.quote().map_or("", |q| q.text.as_str())),
            quantity_text: Cell::from(q.map(figure_text).unwrap_or_default()),
            quantity_low: q.and_then(|q| q.low),
            quantity_high: q.and_then(|q| q.high),
            quantity_bound: q.map_or("", |q| q.bound.name()),
            quantity_approximate: q.map(|q| q.approximate),
            quantity_vague: q.map(|q| q.vague),
            quantity_unit: Cell::from(q.and_then(|q| q.unit.as_deref()).unwrap_or("")),
            quantity_dimension: Cell::from(q.and_then(|q| q.dimension.as_deref()).unwrap_or("")),
            quantity_rate: Cell::from(q.and_then(|q| q.rate.as_deref()).unwrap_or("")),
            quantity_subject: Cell::from(q.and_then(|q| q.subject.as_deref()).unwrap_or("")),
            quantity_event: Cell::from(q.and_then(|q| q.event.as_deref()).unwrap_or("")),
            stance_actor: Cell::from(s.map_or("", |s| s.actor.as_str())),
            stance_polarity: s.map_or("", |s| s.polarity.name()),
            hedged: c.hedged,
            hedges: Cell::from(c.hedges.join("; ")),
            time: Cell::from(c.time.as_ref().map_or("", |t| t.value.as_str())),
            span_start: c.span.start,
            span_end: c.span.end,
            sentence: Cell::from(doc.map_or("", |d| c.sentence_text(d))),
        })?;
        Ok(())
    }

    /// Pushes buffered rows into the writer.
    pub fn flush(&mut self) -> Result<(), ReportError> {
        self.csv.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        let cases = [
            (
                "=HYPERLINK(\"http://x.example\")",
                "'=HYPERLINK(\"http://x.example\")",
            ),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("  =1+1", "'  =1+1"),
            ("\t=1", "'\t=1"),
            ("\rx", "'\rx"),
            ("The Harbor Herald", "The Harbor Herald"),
            ("mid-sentence - and = signs", "mid-sentence - and = signs"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(neutralise(text), want, "{text:?}");
        }
    }
}
