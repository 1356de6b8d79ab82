//! Normalising what a figure counts ("some 10,000 North Korean troops
//! deployed to Russia") into a head class, entity modifiers, content
//! modifiers and actions, so subjects written differently can be matched.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// A figure's subject reduced to what matters for matching.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject {
    /// Lemmatised head noun mapped to its class ("soldiers" → "troop").
    pub head: String,
    /// Proper-noun modifiers before the head, as lowercase phrases
    /// ("north korean"). They must agree when both subjects have some.
    pub entities: BTreeSet<String>,
    /// Other content words (lemmatised), before and after the head.
    pub modifiers: BTreeSet<String>,
    /// Participles and verbs ("deploy", "kill"): what happened to the counted
    /// things. Disjoint actions mean different measurements.
    pub actions: BTreeSet<String>,
}

struct Lexicon {
    stopwords: HashSet<&'static str>,
    partitives: HashSet<&'static str>,
    cutters: HashSet<&'static str>,
    irregular: HashMap<&'static str, &'static str>,
    irregular_verbs: HashSet<&'static str>,
    classes: HashMap<&'static str, &'static str>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(data: &'static str) -> HashMap<&'static str, &'static str> {
    lines(data)
        .filter_map(|l| {
            let mut parts = l.split('\t');
            Some((parts.next()?.trim(), parts.next()?.trim()))
        })
        .collect()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    stopwords: lines(include_str!("../data/subject_stopwords.txt")).collect(),
    partitives: lines(include_str!("../data/partitives.txt")).collect(),
    cutters: lines(include_str!("../data/subject_cutters.txt")).collect(),
    irregular: pairs(include_str!("../data/irregular_lemmas.txt")),
    irregular_verbs: lines(include_str!("../data/irregular_lemmas.txt"))
        .filter(|l| l.ends_with("\tverb"))
        .filter_map(|l| l.split('\t').next())
        .collect(),
    classes: pairs(include_str!("../data/head_classes.txt")),
});

/// Singular form of a (possibly plural) noun or the stem of a participle.
pub fn lemma(word: &str) -> String {
    let lex = &*LEXICON;
    if let Some(l) = lex.irregular.get(word) {
        return (*l).to_string();
    }
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]);
    }
    if n > 4
        && (word.ends_with("ses")
            || word.ends_with("xes")
            || word.ends_with("ches")
            || word.ends_with("shes"))
    {
        return word[..n - 2].to_string();
    }
    if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

/// A word reduced for comparison: stopwords dropped (`None`), participles
/// to their action class, nouns to their lemma's class ("killed" and
/// "died" → kill, "soldiers" → troop).
pub fn word_class(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().any(|c| c.is_ascii_digit())
        || lower.chars().count() < 3
        || LEXICON.stopwords.contains(lower.as_str())
    {
        return None;
    }
    Some(if is_participle(&lower) {
        action_of(&lower)
    } else {
        class_of(&lemma(&lower))
    })
}

fn class_of(lemma: &str) -> String {
    LEXICON
        .classes
        .get(lemma)
        .map_or_else(|| lemma.to_string(), |c| (*c).to_string())
}

fn is_participle(word: &str) -> bool {
    (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
        || LEXICON.irregular_verbs.contains(word)
}

fn action_of(word: &str) -> String {
    if let Some(l) = LEXICON.irregular.get(word) {
        return class_of(l);
    }
    let stem = word
        .strip_suffix("ing")
        .or_else(|| word.strip_suffix("ed"))
        .unwrap_or(word);
    class_of(stem)
}

/// Action classes of an event phrase ("killed or wounded" → kill, wound).
pub fn actions_of(event: &str) -> Vec<String> {
    words(event)
        .into_iter()
        .map(str::to_lowercase)
        .filter(|w| !LEXICON.stopwords.contains(w.as_str()) && w != "or")
        .map(|w| action_of(&w))
        .collect()
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Parses a subject; `None` when nothing countable is left (only numbers or
/// stopwords).
pub fn parse(subject: &str) -> Option<Subject> {
    let lex = &*LEXICON;
    let mut tokens: Vec<&str> = words(subject)
        .into_iter()
        .filter(|w| !is_number(w))
        .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
        .collect();
    // "thousands of troops", "a contingent of soldiers": measure what follows.
    if let Some(of) = tokens.iter().position(|w| w.eq_ignore_ascii_case("of")) {
        let before_is_partitive = tokens.iter().take(of).all(|w| {
            let lower = w.to_lowercase();
            lex.stopwords.contains(lower.as_str()) || lex.partitives.contains(lower.as_str())
        });
        if before_is_partitive && of + 1 < tokens.len() {
            tokens.drain(..=of);
        }
    }
    let mut pre: Vec<(&str, String)> = Vec::new();
    let mut post: Vec<String> = Vec::new();
    let mut cut = false;
    for (i, token) in tokens.iter().enumerate() {
        let lower = token.to_lowercase();
        if cut {
            if !lex.stopwords.contains(lower.as_str()) && !lex.cutters.contains(lower.as_str()) {
                post.push(lower);
            }
            continue;
        }
        let seen_content = !pre.is_empty();
        let previous_plural = i > 0
            && tokens
                .get(i - 1)
                .is_some_and(|p| p.to_lowercase() != lemma(&p.to_lowercase()));
        if seen_content
            && (lex.cutters.contains(lower.as_str())
                || (is_participle(&lower) && !capitalised(token) && previous_plural))
        {
            cut = true;
            if !lex.cutters.contains(lower.as_str()) {
                post.push(lower);
            }
            continue;
        }
        if lex.stopwords.contains(lower.as_str()) || lex.cutters.contains(lower.as_str()) {
            continue;
        }
        pre.push((token, lower));
    }
    let (_, head_word) = pre.pop()?;
    let head = class_of(&lemma(&head_word));
    let mut entities = BTreeSet::new();
    let mut modifiers = BTreeSet::new();
    let mut actions = BTreeSet::new();
    let mut phrase: Vec<String> = Vec::new();
    for (original, lower) in &pre {
        if capitalised(original) {
            phrase.push(lower.clone());
            continue;
        }
        if !phrase.is_empty() {
            entities.insert(phrase.join(" "));
            phrase.clear();
        }
        if is_participle(lower) {
            actions.insert(action_of(lower));
        } else {
            modifiers.insert(class_of(&lemma(lower)));
        }
    }
    if !phrase.is_empty() {
        entities.insert(phrase.join(" "));
    }
    for word in post {
        if is_participle(&word) {
            actions.insert(action_of(&word));
        } else {
            modifiers.insert(class_of(&lemma(&word)));
        }
    }
    Some(Subject {
        head,
        entities,
        modifiers,
        actions,
    })
}

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

/// How well two subjects (same head and unit) match: `None` when they
/// measure different things, else a score where higher is closer.
pub fn match_score(a: &Subject, b: &Subject) -> Option<usize> {
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

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lemmas() {
        for (word, want) in [
            ("troops", "troop"),
            ("casualties", "casualty"),
            ("buses", "bus"),
            ("forces", "force"),
            ("men", "man"),
            ("status", "status"),
            ("class", "class"),
        ] {
            assert_eq!(lemma(word), want, "{word}");
        }
    }

    /// text, head, entity modifiers, modifiers, actions
    type SubjectCase<'a> = (
        &'a str,
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
    );

    #[test]
    fn parses_subjects() {
        let cases: &[SubjectCase] = &[
            (
                "North Veloran troops",
                "troop",
                &["north veloran"],
                &[],
                &[],
            ),
            (
                "some 4,000 Veloran soldiers deployed to the border",
                "troop",
                &["veloran"],
                &["border"],
                &["deploy"],
            ),
            (
                "thousands of Ostrian fighters",
                "troop",
                &["ostrian"],
                &[],
                &[],
            ),
            ("the wounded civilians", "civilian", &[], &[], &["wound"]),
            ("artillery shells", "shell", &[], &["artillery"], &[]),
            (
                "civilians killed in the blast",
                "civilian",
                &[],
                &["blast"],
                &["kill"],
            ),
        ];
        for (text, head, entities, modifiers, actions) in cases {
            let s = parse(text).unwrap_or_else(|| panic!("no subject for {text}"));
            assert_eq!(s.head, *head, "{text}");
            assert_eq!(s.entities, set(entities), "{text}");
            assert_eq!(s.modifiers, set(modifiers), "{text}");
            assert_eq!(s.actions, set(actions), "{text}");
        }
        assert!(parse("12,000").is_none());
        assert!(parse("about some").is_none());
    }

    #[test]
    fn matching_decisions() {
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
            let (sa, sb) = (parse(a), parse(b));
            let got = match (sa, sb) {
                (Some(x), Some(y)) => match_score(&x, &y).is_some(),
                _ => false,
            };
            assert_eq!(got, want, "{a} vs {b}");
        }
    }
}
