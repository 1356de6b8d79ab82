//! Claim filters as they arrive in a query string ([`ClaimParams`]) and as
//! the index runs them ([`ClaimQuery`]): checked values, the entity named
//! resolved to entity ids through names and aliases, the search words made
//! into a safe FTS5 expression.

use chrono::NaiveDate;
use crosscheck_model::ClaimKind;
use serde::{Deserialize, Serialize};

use crate::snapshot::Snapshot;

/// The claim filters of a page or API call, exactly as given: every field
/// optional, an empty value the same as none (HTML forms send empty fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ClaimParams {
    /// Words or "quoted phrases" to find in quotes and sentences; `word*`
    /// matches words starting with `word`.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub q: Option<String>,
    /// `quote`, `quantity` or `stance`.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub kind: Option<String>,
    /// Part of the source's name or role (case-insensitive).
    #[serde(default, skip_serializing_if = "is_blank")]
    pub speaker: Option<String>,
    /// An entity id, or a name or alias of one (case-insensitive): claims
    /// naming it or made by it.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub entity: Option<String>,
    /// The outlet, exactly.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub outlet: Option<String>,
    /// Earliest document date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub from: Option<String>,
    /// Latest document date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub to: Option<String>,
    /// `yes`: hedged claims only; `no`: unhedged only.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub hedged: Option<String>,
    /// `yes`: anonymous sources only; `no`: none of them.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub anonymous: Option<String>,
    /// `yes`: claims in copies of other articles only; `no`: originals only.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub copies: Option<String>,
    /// A story id.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub story: Option<String>,
    /// A document id.
    #[serde(default, skip_serializing_if = "is_blank")]
    pub doc: Option<String>,
    /// Only claims stored in batches after this one (the change feed).
    #[serde(default, skip_serializing_if = "is_blank")]
    pub since: Option<String>,
}

fn is_blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

/// A yes/no filter that may be off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Flag {
    /// Not filtered.
    #[default]
    Any,
    /// Only those that are.
    Yes,
    /// Only those that are not.
    No,
}

/// Checked filters, ready for the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimQuery {
    /// FTS5 expression built from the search words.
    pub text: Option<String>,
    /// Kind of claim.
    pub kind: Option<ClaimKind>,
    /// Lower-case part of the speaker's name.
    pub speaker: Option<String>,
    /// Entity ids the entity filter resolved to (empty: none matched, so
    /// nothing matches).
    pub entities: Option<Vec<String>>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Date range, inclusive.
    pub from: Option<NaiveDate>,
    /// Date range, inclusive.
    pub to: Option<NaiveDate>,
    /// Hedged.
    pub hedged: Flag,
    /// Anonymous source.
    pub anonymous: Flag,
    /// In a copy.
    pub copies: Flag,
    /// Story id.
    pub story: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// Batch number the claims must come after.
    pub since: Option<i64>,
}

impl ClaimQuery {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == ClaimQuery::default()
    }
}

/// A filter value that cannot be used, with what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}={value:?}: {problem}")]
pub struct BadFilter {
    /// The parameter.
    pub field: &'static str,
    /// Its value.
    pub value: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl ClaimParams {
    /// Checks every value and resolves the entity against `snapshot`.
    pub fn query(&self, snapshot: &Snapshot) -> Result<ClaimQuery, BadFilter> {
        let bad = |field: &'static str, value: &str, problem: &'static str| BadFilter {
            field,
            value: value.to_string(),
            problem,
        };
        let kind = given(&self.kind)
            .map(|k| {
                ClaimKind::from_name(k)
                    .ok_or_else(|| bad("kind", k, "not a kind of claim (quote, quantity, stance)"))
            })
            .transpose()?;
        let date = |field: &'static str, value: &Option<String>| {
            given(value)
                .map(|d| {
                    NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|_| bad(field, d, "not a date (YYYY-MM-DD)"))
                })
                .transpose()
        };
        let flag = |field: &'static str, value: &Option<String>| match given(value) {
            None | Some("any") => Ok(Flag::Any),
            Some("yes" | "true" | "1" | "on") => Ok(Flag::Yes),
            Some("no" | "false" | "0") => Ok(Flag::No),
            Some(v) => Err(bad(field, v, "not yes, no or any")),
        };
        let since = given(&self.since)
            .map(|s| {
                s.parse::<i64>()
                    .map_err(|_| bad("since", s, "not a batch number"))
            })
            .transpose()?;
        Ok(ClaimQuery {
            text: given(&self.q).and_then(fts_expression),
            kind,
            speaker: given(&self.speaker).map(str::to_lowercase),
            entities: given(&self.entity).map(|e| snapshot.resolve_entity(e)),
            outlet: given(&self.outlet).map(str::to_string),
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
            hedged: flag("hedged", &self.hedged)?,
            anonymous: flag("anonymous", &self.anonymous)?,
            copies: flag("copies", &self.copies)?,
            story: given(&self.story).map(str::to_string),
            doc: given(&self.doc).map(str::to_string),
            since,
        })
    }

    /// The same filters with one changed (for links that narrow a search).
    pub fn with(&self, field: &str, value: Option<&str>) -> ClaimParams {
        let mut out = self.clone();
        let value = value.map(str::to_string);
        match field {
            "q" => out.q = value,
            "kind" => out.kind = value,
            "speaker" => out.speaker = value,
            "entity" => out.entity = value,
            "outlet" => out.outlet = value,
            "from" => out.from = value,
            "to" => out.to = value,
            "hedged" => out.hedged = value,
            "anonymous" => out.anonymous = value,
            "copies" => out.copies = value,
            "story" => out.story = value,
            "doc" => out.doc = value,
            "since" => out.since = value,
            _ => {}
        }
        out
    }

    /// The filters as a query string (empty ones left out), for links.
    pub fn to_query_string(&self) -> String {
        serde_urlencoded::to_string(self).unwrap_or_default()
    }
}

/// An FTS5 expression matching every word and phrase of `input`, whatever
/// it holds: each word and each "quoted phrase" becomes a quoted FTS5
/// string (so FTS5 operators and stray quotes in the input are only text),
/// a trailing `*` a prefix match. `None` when there is nothing to search.
pub fn fts_expression(input: &str) -> Option<String> {
    let mut terms: Vec<String> = Vec::new();
    let push = |raw: &str, terms: &mut Vec<String>| {
        let (word, prefix) = match raw.strip_suffix('*') {
            Some(w) => (w, true),
            None => (raw, false),
        };
        // A term with no letter or digit would be an empty FTS5 string,
        // which matches nothing.
        if !word.chars().any(char::is_alphanumeric) {
            return;
        }
        let quoted = format!("\"{}\"", word.replace('"', "\"\""));
        terms.push(if prefix { format!("{quoted}*") } else { quoted });
    };
    let mut parts = input.split('"');
    let mut inside = false;
    // Text alternates between outside and inside quote marks; an unclosed
    // quote runs to the end.
    for part in parts.by_ref() {
        if inside {
            push(part.trim(), &mut terms);
        } else {
            for word in part.split_whitespace() {
                push(word, &mut terms);
            }
        }
        inside = !inside;
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_terms() {
        let cases: &[(&str, Option<&str>)] = &[
            ("", None),
            ("   ", None),
            ("troops", Some("\"troops\"")),
            ("Veloran troops", Some("\"Veloran\" \"troops\"")),
            (
                "\"port reopened\" Ostria",
                Some("\"port reopened\" \"Ostria\""),
            ),
            ("deploy*", Some("\"deploy\"*")),
            ("NOT OR AND", Some("\"NOT\" \"OR\" \"AND\"")),
            ("a\"b", Some("\"a\" \"b\"")),
            ("\"unclosed phrase", Some("\"unclosed phrase\"")),
            ("*", None),
            ("\"\"", None),
            ("col:umn ^x", Some("\"col:umn\" \"^x\"")),
            ("-- ;", None),
        ];
        for (input, want) in cases {
            assert_eq!(fts_expression(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn bad_values_are_named() {
        let snapshot = Snapshot::empty();
        let cases: &[(ClaimParams, &str)] = &[
            (
                ClaimParams {
                    kind: Some("rumour".into()),
                    ..ClaimParams::default()
                },
                "kind",
            ),
            (
                ClaimParams {
                    from: Some("last week".into()),
                    ..ClaimParams::default()
                },
                "from",
            ),
            (
                ClaimParams {
                    hedged: Some("maybe".into()),
                    ..ClaimParams::default()
                },
                "hedged",
            ),
            (
                ClaimParams {
                    since: Some("yesterday".into()),
                    ..ClaimParams::default()
                },
                "since",
            ),
        ];
        for (params, field) in cases {
            let err = params.query(&snapshot).unwrap_err();
            assert_eq!(err.field, *field);
        }
    }

    #[test]
    fn blank_values_filter_nothing() {
        let params = ClaimParams {
            q: Some(" ".into()),
            kind: Some(String::new()),
            hedged: Some("any".into()),
            ..ClaimParams::default()
        };
        assert!(params.query(&Snapshot::empty()).unwrap().is_empty());
        assert_eq!(params.to_query_string(), "hedged=any");
    }
}
