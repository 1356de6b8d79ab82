//! Per-document dates and order, and reading TIMEX3 values as calendar dates.

use std::collections::HashMap;

use crosscheck_model::Document;

/// What the other stages need to know about a document's place in time.
#[derive(Debug, Clone)]
pub struct DocInfo {
    /// Position in the input.
    pub order: usize,
    /// ISO date: published, else the earliest estimate.
    pub date: Option<String>,
    /// True when `date` comes from an estimate.
    pub estimated: bool,
    pub outlet: Option<String>,
    /// Documents that are copies of one another share this key, so a
    /// syndicated copy never counts as a second, independent source.
    pub origin: String,
}

/// Index of documents by id.
pub fn doc_infos(documents: &[Document]) -> HashMap<String, DocInfo> {
    documents
        .iter()
        .enumerate()
        .map(|(order, doc)| {
            let (date, estimated) = match doc.placed_date() {
                Some((d, estimated)) => (Some(d.to_string()), estimated),
                None => (None, false),
            };
            let info = DocInfo {
                order,
                date,
                estimated,
                outlet: doc.outlet.clone(),
                origin: doc.duplicate_of.clone().unwrap_or_else(|| doc.id.clone()),
            };
            (doc.id.clone(), info)
        })
        .collect()
}

/// A TIMEX3 value usable as a point on the calendar: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` (durations, weeks, `PRESENT_REF` and unresolved years are
/// not).
pub fn calendar_value(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        bytes
            .get(r)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let ok = match bytes.len() {
        4 => digits(0..4),
        7 => digits(0..4) && bytes.get(4) == Some(&b'-') && digits(5..7),
        10 => {
            digits(0..4)
                && bytes.get(4) == Some(&b'-')
                && digits(5..7)
                && bytes.get(7) == Some(&b'-')
                && digits(8..10)
        }
        _ => false,
    };
    ok.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values() {
        for (value, ok) in [
            ("2031-04-02", true),
            ("2031-04", true),
            ("2031", true),
            ("P3Y", false),
            ("XXXX-04-02", false),
            ("2031-W14", false),
            ("PRESENT_REF", false),
            ("", false),
        ] {
            assert_eq!(calendar_value(value).is_some(), ok, "{value}");
        }
    }
}
