//! Whether two figures' measures (see `crosscheck_model::Measure`, filled in
//! analysis) can count the same thing, and how closely.

use std::collections::{BTreeSet, HashSet};

use crosscheck_model::Measure;

/// Two entity-modifier phrases agree when one's words are all in the other
/// ("korean" / "north korean"), not when they differ ("south korean").
fn phrases_agree(a: &str, b: &str) -> bool {
    let wa: HashSet<&str> = a.split(' ').collect();
    let wb: HashSet<&str> = b.split(' ').collect();
    wa.is_subset(&wb) || wb.is_subset(&wa)
}

/// Entity modifiers agree when either side has none, or every phrase of the
/// smaller side agrees with some phrase of the other.
pub fn entities_agree(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .all(|p| large.iter().any(|q| phrases_agree(p, q)))
}

/// How well two measures (same head and unit) match: `None` when they
/// measure different things, else a score where higher is closer.
pub fn match_score(a: &Measure, b: &Measure) -> Option<usize> {
    if a.head != b.head || !entities_agree(&a.entities, &b.entities) {
        return None;
    }
    if !a.actions.is_empty() && !b.actions.is_empty() && a.actions.is_disjoint(&b.actions) {
        return None;
    }
    let both_entities = !a.entities.is_empty() && !b.entities.is_empty();
    let shared = a.modifiers.intersection(&b.modifiers).count();
    if !both_entities && !a.modifiers.is_empty() && !b.modifiers.is_empty() && shared == 0 {
        return None;
    }
    let shared_entities = a
        .entities
        .iter()
        .filter(|p| b.entities.iter().any(|q| phrases_agree(p, q)))
        .count();
    let shared_actions = a.actions.intersection(&b.actions).count();
    Some(1 + 4 * shared_entities + 2 * shared_actions + shared)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_subject::Normalizer;

    #[test]
    fn matching_decisions() {
        let n = Normalizer::new();
        let cases = [
            (
                "North Veloran troops",
                "Veloran soldiers sent to Ostria",
                true,
            ),
            ("North Veloran troops", "South Veloran troops", false),
            ("troops", "North Veloran troops", true),
            ("civilian casualties", "military casualties", false),
            ("soldiers killed", "soldiers deployed", false),
            ("artillery shells", "troops", false),
            (
                "Veloran troops deployed",
                "Veloran troops stationed in Ostria",
                true,
            ),
        ];
        for (a, b, want) in cases {
            let got = match (n.measure(Some(a), None), n.measure(Some(b), None)) {
                (Some(x), Some(y)) => match_score(&x, &y).is_some(),
                _ => false,
            };
            assert_eq!(got, want, "{a} vs {b}");
        }
    }
}
