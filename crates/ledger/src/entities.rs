//! Looking up names (claim sources, stance actors) among canonical entities
//! and the documents' own mention annotations.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use crosscheck_ner::gazetteer::{gazetteer, Place};

use crosscheck_model::{Claim, Document, Entity};

static GOVERNMENT_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/government_nouns.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Lowercase name with leading articles dropped: "The Kremlin" → "kremlin".
pub fn name_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let stripped = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(lower);
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Resolves names to entity ids and to the canonical name of what they stand
/// for ("the Kremlin" → "Russia").
#[derive(Debug, Default)]
pub struct NameIndex {
    /// name key → entity id
    ids: HashMap<String, String>,
    /// name key → canonical name of the referent
    canonical: HashMap<String, String>,
    /// (doc, start, end) of a mention → entity id
    spans: HashMap<(String, usize, usize), String>,
}

impl NameIndex {
    pub fn new(entities: &[Entity], documents: &[Document]) -> NameIndex {
        let mut index = NameIndex::default();
        let by_id: HashMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
        for entity in entities {
            // A metonym speaks for its referent: actors named "Moscow" are
            // the Russian government.
            let referent = entity
                .refers_to
                .as_deref()
                .and_then(|id| by_id.get(id))
                .map_or(entity.name.as_str(), |r| r.name.as_str());
            for name in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                index
                    .ids
                    .entry(key.clone())
                    .or_insert_with(|| entity.id.clone());
                index
                    .canonical
                    .entry(key)
                    .or_insert_with(|| referent.to_string());
            }
            for mention in &entity.mentions {
                index.spans.insert(
                    (mention.doc.clone(), mention.span.start, mention.span.end),
                    entity.id.clone(),
                );
            }
        }
        // The documents' own in-document resolution fills what the
        // cross-document entities do not cover.
        for doc in documents {
            for mention in &doc.mentions {
                let key = name_key(&mention.span.text);
                let target = mention.refers_to.as_ref().or(mention.canonical.as_ref());
                if let (false, Some(target)) = (key.is_empty(), target) {
                    index.canonical.entry(key).or_insert_with(|| target.clone());
                }
            }
        }
        index
    }

    /// The entity a claim's source is, by its span first, then by name.
    pub fn source_entity(&self, claim: &Claim) -> Option<String> {
        if let Some(span) = &claim.source.span {
            let key = (claim.doc.clone(), span.start, span.end);
            if let Some(id) = self.spans.get(&key) {
                return Some(id.clone());
            }
        }
        let name = claim.source.name.as_deref()?;
        self.ids.get(&name_key(name)).cloned()
    }

    /// Canonical name of a stance actor: a known name, a known name at the
    /// end of a titled phrase ("Ostrian President Ana Vell" → "Ana Vell"),
    /// or the one country a state body belongs to ("Velish officials",
    /// "authorities in Velora" → "Velora").
    pub fn actor_name(&self, actor: &str) -> String {
        if let Some(canonical) = self.canonical.get(&name_key(actor)) {
            return canonical.clone();
        }
        let words: Vec<&str> = actor
            .split_whitespace()
            .map(|w| {
                w.trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            })
            .filter(|w| !w.is_empty())
            .collect();
        for start in 1..words.len() {
            let key = name_key(&words.get(start..).unwrap_or(&[]).join(" "));
            let starts_upper = words
                .get(start)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if let (true, Some(canonical)) = (starts_upper, self.canonical.get(&key)) {
                return canonical.clone();
            }
        }
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let speaks_for_state = lower.iter().any(|w| GOVERNMENT_NOUNS.contains(w.as_str()));
        if speaks_for_state {
            let countries = countries_named(&words);
            if countries.len() == 1 {
                if let Some(country) = countries.into_iter().next() {
                    return self.canonical_name(&country);
                }
            }
        }
        self.canonical_name(actor)
    }

    /// Canonical display name for an actor or speaker.
    pub fn canonical_name(&self, name: &str) -> String {
        let key = name_key(name);
        match self.canonical.get(&key) {
            Some(canonical) => canonical.clone(),
            None => {
                let trimmed = name.trim();
                ["the ", "The "]
                    .iter()
                    .find_map(|a| trimmed.strip_prefix(a))
                    .map_or_else(|| trimmed.to_string(), capitalise)
            }
        }
    }
}

/// Countries a phrase names, directly, by demonym, or by capital or seat.
fn countries_named(words: &[&str]) -> BTreeSet<String> {
    let gaz = gazetteer();
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < words.len() {
        let Some((len, place)) = gaz.longest_match(words, i) else {
            i += 1;
            continue;
        };
        let country = match place {
            Place::Country(c) | Place::Demonym(Some(c)) => gaz.countries.get(c),
            Place::Capital(_) | Place::Seat(_) => gaz.metonym_referent(place),
            _ => None,
        };
        if let Some(country) = country {
            found.insert(country.name.clone());
        }
        i += len.max(1);
    }
    found
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Fills `claim.source.entity` with the entity id its source resolves to.
pub fn link_sources(claims: &mut [Claim], index: &NameIndex) {
    for claim in claims {
        if let Some(id) = index.source_entity(claim) {
            claim.source.entity = Some(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(name_key("The Kremlin"), "kremlin");
        assert_eq!(
            name_key("  Ostrian   Defence Ministry "),
            "ostrian defence ministry"
        );
        assert_eq!(name_key("“Marek Tol”"), "marek tol");
    }

    #[test]
    fn actor_names() {
        let index = NameIndex::default();
        for (actor, want) in [
            ("French officials", "France"),
            ("authorities in Peru", "Peru"),
            ("the Peruvian government", "Peru"),
            (
                "Chilean and Peruvian officials",
                "Chilean and Peruvian officials",
            ),
            ("the Harbour Authority", "Harbour Authority"),
            ("French farmers", "French farmers"),
        ] {
            assert_eq!(index.actor_name(actor), want, "{actor}");
        }
    }
}
