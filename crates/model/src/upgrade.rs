//! Reading what older versions wrote: ledgers and claims of schema
//! `crosscheck.ledger/1` are rewritten into the current shape before they
//! are deserialised, so nothing stored under the old schema is lost.
//!
//! The one change from version 1 to 2 is the claim: `sentence_index` and the
//! copied `sentence` text became `sentence` (the index; the text is in the
//! document), and the two payloads of other kinds, always `null`, are gone.

use serde::de::Error as _;
use serde_json::{Map, Value};

use crate::{Claim, Ledger, SCHEMA};

/// The schema identifier of the first ledger format.
pub const SCHEMA_V1: &str = "crosscheck.ledger/1";

/// Rewrites one claim object written under [`SCHEMA_V1`] into the current
/// shape, in place. A claim already in the current shape is left alone.
/// Fails when the claim has no payload for its kind: such a claim cannot be
/// represented any more, and dropping it silently would lose data.
pub fn upgrade_claim_v1(claim: &mut Map<String, Value>) -> Result<(), String> {
    let Some(index) = claim.remove("sentence_index") else {
        return Ok(());
    };
    claim.insert("sentence".to_string(), index);
    let kind = claim
        .get("kind")
        .and_then(Value::as_str)
        .ok_or("claim has no kind")?
        .to_string();
    for payload in ["quote", "quantity", "stance"] {
        if payload == kind {
            if claim.get(payload).is_none_or(Value::is_null) {
                return Err(format!("{kind} claim has no {kind} payload"));
            }
        } else {
            match claim.remove(payload) {
                None | Some(Value::Null) => {}
                Some(_) => return Err(format!("{kind} claim also carries a {payload}")),
            }
        }
    }
    Ok(())
}

/// One claim from its JSON, current or [`SCHEMA_V1`].
pub fn claim_from_json(text: &str) -> serde_json::Result<Claim> {
    let mut value: Value = serde_json::from_str(text)?;
    if let Value::Object(claim) = &mut value {
        upgrade_claim_v1(claim).map_err(serde_json::Error::custom)?;
    }
    serde_json::from_value(value)
}

/// The one field of a JSON ledger read before the rest: its schema. The
/// other fields are skipped without being kept, so skimming a ledger for
/// its head allocates nothing but the schema.
#[derive(Debug, serde::Deserialize)]
pub struct LedgerHead {
    /// The schema the ledger names (`crosscheck.ledger/...`), if any.
    pub schema: Option<String>,
}

/// A ledger from its JSON, current or [`SCHEMA_V1`] (upgraded on the way;
/// its `schema` then names the current version).
pub fn ledger_from_json(text: &str) -> serde_json::Result<Ledger> {
    // A generic JSON tree takes several times the ledger's own memory (ten
    // gigabytes for a ledger file of 900 MB), so only an old ledger, which
    // must be rewritten, goes through one.
    let head: LedgerHead = serde_json::from_str(text)?;
    if head.schema.as_deref() != Some(SCHEMA_V1) {
        return serde_json::from_str(text);
    }
    let mut value: Value = serde_json::from_str(text)?;
    if let Some(claims) = value.get_mut("claims").and_then(Value::as_array_mut) {
        for (i, claim) in claims.iter_mut().enumerate() {
            if let Value::Object(claim) = claim {
                upgrade_claim_v1(claim)
                    .map_err(|e| serde_json::Error::custom(format!("claim {i}: {e}")))?;
            }
        }
    }
    value["schema"] = Value::String(SCHEMA.to_string());
    serde_json::from_value(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1_QUOTE: &str = r#"{"id":"d:quote:0","doc":"d","kind":"quote","sentence_index":2,
        "sentence":"“Yes,” she said.","span":{"start":10,"end":26,"text":"“Yes,” she said."},
        "source":{"name":"Ada Vell","kind":"person","role":null,"entity":null,"span":null},
        "cue":"said","channel":null,"hedged":false,"time":null,
        "quote":{"text":"Yes,","direct":true,"span":{"start":13,"end":17,"text":"Yes,"}},
        "quantity":null,"stance":null}"#;

    #[test]
    fn v1_claim_becomes_current() {
        let claim = claim_from_json(V1_QUOTE).unwrap();
        assert_eq!(claim.sentence, 2);
        assert_eq!(claim.quote().map(|q| q.text.as_str()), Some("Yes,"));
        let json = serde_json::to_value(&claim).unwrap();
        assert_eq!(json["kind"], "quote");
        assert_eq!(json["sentence"], 2);
        assert!(json.get("sentence_index").is_none());
        assert!(json.get("quantity").is_none());
        // Current claims read back unchanged.
        let again = claim_from_json(&serde_json::to_string(&claim).unwrap()).unwrap();
        assert_eq!(again, claim);
    }

    #[test]
    fn v1_claim_without_its_payload_is_an_error() {
        let broken = V1_QUOTE.replace(
            r#""quote":{"text":"Yes,","direct":true,"span":{"start":13,"end":17,"text":"Yes,"}}"#,
            r#""quote":null"#,
        );
        let err = claim_from_json(&broken).unwrap_err().to_string();
        assert!(err.contains("no quote payload"), "{err}");
        let two = V1_QUOTE.replace(
            r#""stance":null"#,
            r#""stance":{"actor":"x","polarity":"deny","about":null}"#,
        );
        assert!(claim_from_json(&two).is_err());
    }

    #[test]
    fn v1_ledger_is_upgraded() {
        let ledger = format!(
            r#"{{"schema":"crosscheck.ledger/1","generator":"crosscheck 0.1.0","documents":[],
            "entities":[],"claims":[{V1_QUOTE}],"propositions":[],"timeline":[]}}"#
        );
        let ledger = ledger_from_json(&ledger).unwrap();
        assert_eq!(ledger.schema, SCHEMA);
        assert_eq!(ledger.claims.len(), 1);
        assert_eq!(ledger.claims[0].sentence, 2);
    }
}
