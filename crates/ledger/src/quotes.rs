//! Quotes grouped by speaker across documents, flagging the same quote
//! reported with different wording.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crosscheck_model::{Claim, QuoteGroup, SourceKind};

use crate::dates::DocInfo;
use crate::entities::NameIndex;

/// Token-set Jaccard similarity from which two quotes count as one quote.
const VARIANT_SIMILARITY: f64 = 0.5;
/// Claims per wording tried when picking the pair to show.
const CLAIMS_PER_WORDING: usize = 8;

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Crude suffix stripping so "watching" and "watch" count as one word.
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return stem;
            }
        }
    }
    word
}

/// Same words, possibly reordered, or a different selection of words; a
/// shorter excerpt of the same wording is not a variant.
fn is_variant(a: &[String], b: &[String]) -> bool {
    if a == b || a.is_empty() || b.is_empty() {
        return false;
    }
    let sa: BTreeSet<&str> = a.iter().map(|w| stem(w)).collect();
    let sb: BTreeSet<&str> = b.iter().map(|w| stem(w)).collect();
    let shared = sa.intersection(&sb).count() as f64;
    let union = sa.union(&sb).count() as f64;
    if union == 0.0 || shared / union < VARIANT_SIMILARITY {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !long.windows(short.len()).any(|w| w == short)
}

/// Quote groups, most quoted speaker first.
pub fn quote_groups(
    claims: &[Claim],
    infos: &HashMap<String, DocInfo>,
    names: &NameIndex,
) -> Vec<QuoteGroup> {
    let mut by_speaker: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    let mut resolved: HashMap<&str, String> = HashMap::new();
    for claim in claims {
        let named = matches!(
            claim.source.kind,
            SourceKind::Person | SourceKind::Organization
        );
        let (Some(_), Some(name), true) = (claim.quote(), &claim.source.name, named) else {
            continue;
        };
        let speaker = resolved
            .entry(name.as_str())
            .or_insert_with(|| names.canonical_name(name))
            .clone();
        by_speaker.entry(speaker).or_default().push(claim);
    }
    let mut groups: Vec<QuoteGroup> = by_speaker
        .into_iter()
        .map(|(speaker, quotes)| QuoteGroup {
            story: String::new(),
            variants: variants(&quotes, infos),
            claims: quotes.iter().map(|c| c.id.clone()).collect(),
            speaker,
        })
        .collect();
    groups.sort_by(|a, b| {
        b.variants
            .len()
            .cmp(&a.variants.len())
            .then(b.claims.len().cmp(&a.claims.len()))
            .then(a.speaker.cmp(&b.speaker))
    });
    groups
}

/// Pairs of claims from different documents that report one quote in
/// different words. Identical wordings are compared once, and only wordings
/// that can reach the similarity threshold (prefix filtering) are compared.
fn variants(quotes: &[&Claim], infos: &HashMap<String, DocInfo>) -> Vec<[String; 2]> {
    // A pair needs two documents; most speakers are quoted in one.
    if quotes.windows(2).all(|w| w[0].doc == w[1].doc) {
        return Vec::new();
    }
    let mut wordings: BTreeMap<Vec<String>, Vec<&Claim>> = BTreeMap::new();
    for claim in quotes {
        if let Some(quote) = claim.quote() {
            wordings.entry(tokens(&quote.text)).or_default().push(claim);
        }
    }
    let wordings: Vec<(Vec<String>, Vec<&Claim>)> = wordings.into_iter().collect();
    let stems: Vec<BTreeSet<&str>> = wordings
        .iter()
        .map(|(words, _)| words.iter().map(|w| stem(w)).collect())
        .collect();
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for set in &stems {
        for w in set {
            *frequency.entry(w).or_default() += 1;
        }
    }
    // Prefix filtering: two sets with Jaccard >= t share at least one of
    // the |A| - ceil(t |A|) + 1 rarest words of A.
    let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut prefix_of: Vec<Vec<&str>> = Vec::with_capacity(stems.len());
    for (i, set) in stems.iter().enumerate() {
        let mut keyed: Vec<(usize, &str)> = set
            .iter()
            .map(|&w| (frequency.get(w).copied().unwrap_or(0), w))
            .collect();
        keyed.sort_unstable();
        let keep = keyed.len() - (VARIANT_SIMILARITY * keyed.len() as f64).ceil() as usize + 1;
        let ordered: Vec<&str> = keyed.into_iter().take(keep).map(|(_, w)| w).collect();
        for w in &ordered {
            by_prefix.entry(w).or_default().push(i);
        }
        prefix_of.push(ordered);
    }
    let outlet = |c: &Claim| infos.get(&c.doc).and_then(|i| i.outlet.clone());
    // The one document all of a wording's claims are in, if there is one:
    // two wordings at home in the same document make no pair, and one long
    // document of similar quotes made this quadratic.
    let home: Vec<Option<&str>> = wordings
        .iter()
        .map(|(_, claims)| {
            let first = claims.first().map(|c| c.doc.as_str());
            first.filter(|d| claims.iter().all(|c| c.doc == *d))
        })
        .collect();
    let apart = |i: usize, j: usize| {
        let (a, b) = (
            home.get(i).copied().flatten(),
            home.get(j).copied().flatten(),
        );
        a.is_none() || a != b
    };
    let mut pairs = Vec::new();
    for (i, prefix) in prefix_of.iter().enumerate() {
        let candidates: BTreeSet<usize> = prefix
            .iter()
            .filter_map(|w| by_prefix.get(w))
            .flatten()
            .copied()
            .filter(|&j| j > i && apart(i, j))
            .collect();
        let Some((words_a, claims_a)) = wordings.get(i) else {
            continue;
        };
        for j in candidates {
            let Some((words_b, claims_b)) = wordings.get(j) else {
                continue;
            };
            if !is_variant(words_a, words_b) {
                continue;
            }
            // Prefer two different outlets, else two different documents.
            let pair = claims_a
                .iter()
                .take(CLAIMS_PER_WORDING)
                .flat_map(|a| {
                    claims_b
                        .iter()
                        .take(CLAIMS_PER_WORDING)
                        .map(move |b| (*a, *b))
                })
                .filter(|(a, b)| a.doc != b.doc)
                .max_by_key(|(a, b)| outlet(a) != outlet(b));
            if let Some((a, b)) = pair {
                pairs.push([a.id.clone(), b.id.clone()]);
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokens(s)
    }

    #[test]
    fn variant_decisions() {
        let cases = [
            (
                "We will not send a single soldier",
                "We will not send a single soldier.",
                false,
            ),
            (
                "We will not send a single soldier",
                "We shall not send one single soldier",
                true,
            ),
            (
                "We will not send a single soldier",
                "not send a single soldier",
                false,
            ),
            (
                "We will not send a single soldier",
                "The harvest was early this year",
                false,
            ),
            (
                "the bridge is closed until spring",
                "until spring the bridge is closed",
                true,
            ),
        ];
        for (a, b, want) in cases {
            assert_eq!(is_variant(&t(a), &t(b)), want, "{a} | {b}");
        }
    }
}
