//! How each document and each outlet is sourced.

use std::collections::{BTreeMap, HashMap, HashSet};

use crosscheck_model::{Claim, ClaimKind, Ledger, OutletSourcing, SourceKind, Sourcing};

/// Outlet name used for documents without one.
pub const UNKNOWN_OUTLET: &str = "(unknown outlet)";

fn add(sourcing: &mut Sourcing, claim: &Claim, uncorroborated: &HashSet<String>) {
    match claim.source.kind {
        SourceKind::Person => sourcing.named += 1,
        SourceKind::Organization => sourcing.organization += 1,
        SourceKind::Anonymous => sourcing.anonymous += 1,
        SourceKind::Unattributed => sourcing.unattributed += 1,
    }
    sourcing.hedged += usize::from(claim.hedged);
    if claim.kind() == ClaimKind::Quantity && uncorroborated.contains(&claim.id) {
        sourcing.single_source_figures += 1;
    }
    sourcing.claims += 1;
}

/// Adds `more`'s counts to `total` (an outlet's or a story's sum);
/// `anonymous_share` is left to be derived from the sums.
pub fn add_counts(total: &mut Sourcing, more: &Sourcing) {
    total.named += more.named;
    total.organization += more.organization;
    total.anonymous += more.anonymous;
    total.unattributed += more.unattributed;
    total.hedged += more.hedged;
    total.single_source_figures += more.single_source_figures;
    total.claims += more.claims;
}

fn finish(sourcing: &mut Sourcing) {
    sourcing.anonymous_share = if sourcing.claims == 0 {
        0.0
    } else {
        sourcing.anonymous as f64 / sourcing.claims as f64
    };
}

/// Fills each document's `sourcing` and the per-outlet table.
pub fn fill(ledger: &mut Ledger, uncorroborated: &HashSet<String>) {
    let mut per_doc = by_document(&ledger.claims, uncorroborated);
    let filled: Vec<Sourcing> = ledger
        .documents
        .iter()
        .map(|doc| per_doc.remove(doc.id.as_str()).unwrap_or_default())
        .collect();
    ledger.outlets = outlet_table(
        ledger
            .documents
            .iter()
            .zip(&filled)
            .map(|(doc, sourcing)| (doc.outlet.as_deref(), sourcing)),
    );
    for (doc, sourcing) in ledger.documents.iter_mut().zip(filled) {
        doc.sourcing = Some(sourcing);
    }
}

/// The sourcing of each document the claims are from (shares computed).
pub fn by_document<'a>(
    claims: &'a [Claim],
    uncorroborated: &HashSet<String>,
) -> HashMap<&'a str, Sourcing> {
    let mut per_doc: HashMap<&str, Sourcing> = HashMap::new();
    for claim in claims {
        add(
            per_doc.entry(claim.doc.as_str()).or_default(),
            claim,
            uncorroborated,
        );
    }
    for sourcing in per_doc.values_mut() {
        finish(sourcing);
    }
    per_doc
}

/// The per-outlet table from each document's outlet and sourcing, most
/// anonymously sourced outlet first.
pub fn outlet_table<'a>(
    documents: impl Iterator<Item = (Option<&'a str>, &'a Sourcing)>,
) -> Vec<OutletSourcing> {
    let mut per_outlet: BTreeMap<String, (usize, Sourcing)> = BTreeMap::new();
    for (outlet, sourcing) in documents {
        let outlet = outlet.unwrap_or(UNKNOWN_OUTLET).to_string();
        let (count, total) = per_outlet.entry(outlet).or_default();
        *count += 1;
        add_counts(total, sourcing);
    }
    let mut outlets: Vec<OutletSourcing> = per_outlet
        .into_iter()
        .map(|(outlet, (documents, mut sourcing))| {
            finish(&mut sourcing);
            OutletSourcing {
                outlet,
                documents,
                sourcing,
            }
        })
        .collect();
    outlets.sort_by(|a, b| {
        b.sourcing
            .anonymous_share
            .total_cmp(&a.sourcing.anonymous_share)
            .then(b.sourcing.anonymous.cmp(&a.sourcing.anonymous))
            .then(a.outlet.cmp(&b.outlet))
    });
    outlets
}

/// Documents by anonymous share, most anonymously sourced first (ties: more
/// anonymous claims first, then input order).
pub fn sourcing_ranking(ledger: &Ledger) -> Vec<(String, f64)> {
    let mut ranked: Vec<(usize, &str, f64, usize)> = ledger
        .documents
        .iter()
        .enumerate()
        .map(|(order, doc)| {
            let (share, anonymous) = doc
                .sourcing
                .as_ref()
                .map_or((0.0, 0), |s| (s.anonymous_share, s.anonymous));
            (order, doc.id.as_str(), share, anonymous)
        })
        .collect();
    ranked.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.3.cmp(&a.3)).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .map(|(_, id, share, _)| (id.to_string(), share))
        .collect()
}
