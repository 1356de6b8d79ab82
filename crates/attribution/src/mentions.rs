//! Lookups in a document's entity mentions by offset, in logarithmic time.
//! Extraction asks once or more for every attribution, and a scan of all
//! mentions per question made long documents quadratic (an 8 MB text took
//! minutes). The recognizer writes mentions in text order (by start, then
//! end); the answers are those of a scan in that order, and a document
//! whose mentions are not in order is scanned as before.

use std::collections::{HashMap, HashSet};

use crosscheck_model::{EntityType, Mention};

/// A document's mentions with what the lookups need, built once.
pub struct MentionIndex<'d> {
    mentions: &'d [Mention],
    sorted: bool,
    /// `end_max[i]`: the largest end among `mentions[..=i]`.
    end_max: Vec<usize>,
    /// Lower-cased last word of a several-word organisation name → that
    /// name, or `None` when two names share it.
    organization_heads: HashMap<String, Option<&'d str>>,
    /// Every word of every mention, lower-cased: built on the first
    /// [`MentionIndex::names_word`] question (most documents ask none).
    words: std::cell::OnceCell<HashSet<String>>,
}

impl<'d> MentionIndex<'d> {
    pub fn new(mentions: &'d [Mention]) -> MentionIndex<'d> {
        let sorted = mentions
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end));
        let mut end_max = Vec::with_capacity(mentions.len());
        let mut max = 0;
        for m in mentions {
            max = max.max(m.span.end);
            end_max.push(max);
        }
        let mut organization_heads: HashMap<String, Option<&'d str>> = HashMap::new();
        for m in mentions
            .iter()
            .filter(|m| m.kind == EntityType::Organization)
        {
            let name = m.canonical.as_deref().unwrap_or(m.span.text.as_str());
            if !name.contains(' ') {
                continue;
            }
            let last = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
            organization_heads
                .entry(last)
                .and_modify(|found| {
                    if found.is_some_and(|other| other != name) {
                        *found = None;
                    }
                })
                .or_insert(Some(name));
        }
        MentionIndex {
            mentions,
            sorted,
            end_max,
            organization_heads,
            words: std::cell::OnceCell::new(),
        }
    }

    /// The last mention lying inside `start..end`: a phrase's head ("the
    /// North's Central Military Commission").
    pub fn last_inside(&self, start: usize, end: usize) -> Option<&'d Mention> {
        let inside = |m: &&Mention| m.span.start >= start && m.span.end <= end;
        if !self.sorted {
            return self.mentions.iter().rev().find(inside);
        }
        let from = self.mentions.partition_point(|m| m.span.start < start);
        let to = self.mentions.partition_point(|m| m.span.start <= end);
        self.mentions
            .get(from..to.max(from))?
            .iter()
            .rev()
            .find(inside)
    }

    /// The first mention that covers `at`: starts at or before it and ends
    /// after it.
    pub fn first_covering(&self, at: usize) -> Option<&'d Mention> {
        if !self.sorted {
            return self
                .mentions
                .iter()
                .find(|m| m.span.start <= at && m.span.end > at);
        }
        // The first mention ending after `at` is where the running maximum
        // of ends first passes it; any later one starts no earlier.
        let i = self.end_max.partition_point(|&e| e <= at);
        self.mentions
            .get(i..)?
            .iter()
            .take_while(|m| m.span.start <= at)
            .find(|m| m.span.end > at)
    }

    /// The first person mention starting at `at`.
    pub fn person_at(&self, at: usize) -> Option<&'d Mention> {
        let person = |m: &&Mention| m.kind == EntityType::Person && m.span.start == at;
        if !self.sorted {
            return self.mentions.iter().find(person);
        }
        let from = self.mentions.partition_point(|m| m.span.start < at);
        self.mentions
            .get(from..)?
            .iter()
            .take_while(|m| m.span.start == at)
            .find(person)
    }

    /// The person mentions ending at or before `at` and starting after
    /// `after`, latest first.
    pub fn persons_between(&self, after: usize, at: usize) -> impl Iterator<Item = &'d Mention> {
        let (from, to) = if self.sorted {
            // Later ones start at or after `at`; earlier ones at or before
            // `after`.
            let to = self.mentions.partition_point(|m| m.span.start < at);
            let from = self.mentions.partition_point(|m| m.span.start <= after);
            (from.min(to), to)
        } else {
            (0, self.mentions.len())
        };
        self.mentions
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .rev()
            .filter(move |m| {
                m.kind == EntityType::Person && m.span.end <= at && m.span.start > after
            })
    }

    /// Whether the document has any mention at all: whether an entity
    /// stage ran on it (the extractor also runs on documents without one).
    pub fn any(&self) -> bool {
        !self.mentions.is_empty()
    }

    /// Whether some mention of any type has `word` among its words ("Ivo
    /// Held" for "Held", "United Airlines" for "United", "Kell-Werke AG"
    /// for "Kell"), compared without case.
    pub fn names_word(&self, word: &str) -> bool {
        let words = self.words.get_or_init(|| {
            self.mentions
                .iter()
                .flat_map(|m| {
                    [Some(m.span.text.as_str()), m.canonical.as_deref()]
                        .into_iter()
                        .flatten()
                        .flat_map(|name| name.split(|c: char| c.is_whitespace() || c == '-'))
                })
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        });
        words.contains(&word.to_lowercase())
    }

    /// The one several-word organisation whose name ends in `head`; none
    /// when two organisations share the head.
    pub fn organization_by_head(&self, head: &str) -> Option<String> {
        self.organization_heads
            .get(&head.to_ascii_lowercase())
            .copied()
            .flatten()
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::Span;

    fn mention(start: usize, end: usize, kind: EntityType, text: &str) -> Mention {
        Mention {
            span: Span {
                start,
                end,
                text: text.to_string(),
            },
            kind,
            canonical: None,
            refers_to: None,
        }
    }

    /// Every lookup answers as a scan in order would, sorted or not.
    #[test]
    fn lookups_match_a_scan() {
        let sorted = vec![
            mention(
                0,
                40,
                EntityType::Organization,
                "Harbor Transit Authority of Lindmark",
            ),
            mention(5, 12, EntityType::Person, "Ana Lind"),
            mention(20, 25, EntityType::Organization, "Lindmark Authority"),
            mention(30, 33, EntityType::Person, "Kim"),
            mention(30, 38, EntityType::Person, "Kim Ode"),
            mention(50, 60, EntityType::Organization, "Lindmark Authority"),
            mention(70, 80, EntityType::Organization, "Other Authority"),
        ];
        let mut shuffled = sorted.clone();
        shuffled.reverse();
        for mentions in [&sorted, &shuffled] {
            let index = MentionIndex::new(mentions);
            for at in 0..90 {
                let want = mentions
                    .iter()
                    .find(|m| m.span.start <= at && m.span.end > at);
                assert_eq!(index.first_covering(at), want, "covering {at}");
                let want = mentions
                    .iter()
                    .find(|m| m.kind == EntityType::Person && m.span.start == at);
                assert_eq!(index.person_at(at), want, "person at {at}");
                for len in [0, 3, 8, 30] {
                    let want = mentions
                        .iter()
                        .rev()
                        .find(|m| m.span.start >= at && m.span.end <= at + len);
                    assert_eq!(
                        index.last_inside(at, at + len),
                        want,
                        "last inside {at}+{len}"
                    );
                }
            }
            for after in [0, 4, 10, 29, 31] {
                for at in [0, 12, 33, 38, 90] {
                    let want: Vec<&Mention> = mentions
                        .iter()
                        .rev()
                        .filter(|m| {
                            m.kind == EntityType::Person && m.span.end <= at && m.span.start > after
                        })
                        .collect();
                    let got: Vec<&Mention> = index.persons_between(after, at).collect();
                    assert_eq!(got, want, "persons between {after} and {at}");
                }
            }
            assert_eq!(index.organization_by_head("authority"), None);
            assert_eq!(
                index.organization_by_head("LINDMARK"),
                Some("Harbor Transit Authority of Lindmark".into())
            );
        }
        let two = [
            mention(0, 5, EntityType::Organization, "Lindmark Authority"),
            mention(9, 14, EntityType::Organization, "Lindmark Authority"),
        ];
        assert_eq!(
            MentionIndex::new(&two).organization_by_head("Authority"),
            Some("Lindmark Authority".into())
        );
    }
}
