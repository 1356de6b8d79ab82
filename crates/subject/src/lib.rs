//! What a claim is about, normalised once per claim so that the ledger only
//! groups: a figure's subject ("some 10,000 North Korean troops deployed to
//! Russia") becomes a [`Measure`] (head class, entity modifiers, content
//! modifiers, actions), and a stance's matter ("the deployment of troops")
//! its lemmatised content words.
//!
//! The words this reads (stop words, partitives, words that cut a subject,
//! irregular lemmas, head classes, generic matters) live in `data/`; a
//! [`Normalizer`] owns them, so tests can build one with other lists.

use std::collections::BTreeSet;
use std::sync::{Arc, LazyLock};

use crosscheck_lexicon::{entries, lines, FxHashMap as HashMap, FxHashSet as HashSet};
use crosscheck_model::{Claim, ClaimBody, Measure};

/// The word lists of normalisation.
#[derive(Debug, Default)]
pub struct Lexicon {
    stopwords: HashSet<String>,
    partitives: HashSet<String>,
    cutters: HashSet<String>,
    irregular: HashMap<String, String>,
    irregular_verbs: HashSet<String>,
    classes: HashMap<String, String>,
    /// Words that make a stance's matter generic ("reports", "claims").
    generic: HashSet<String>,
}

static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(&LexiconData {
        stopwords: include_str!("../data/subject_stopwords.txt"),
        partitives: include_str!("../data/partitives.txt"),
        cutters: include_str!("../data/subject_cutters.txt"),
        irregular_lemmas: include_str!("../data/irregular_lemmas.txt"),
        head_classes: include_str!("../data/head_classes.txt"),
        generic_matters: include_str!("../data/generic_matters.txt"),
    }))
});

/// The texts of the lexicon's data files.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexiconData<'a> {
    /// Words that are never part of what is counted ("the", "some").
    pub stopwords: &'a str,
    /// Words before "of" that measure what follows ("thousands of troops").
    pub partitives: &'a str,
    /// Words that end the counted noun phrase ("to", "in", "who").
    pub cutters: &'a str,
    /// `surface <TAB> lemma [<TAB> verb]` for irregular plurals and
    /// participles.
    pub irregular_lemmas: &'a str,
    /// `word <TAB> class`: heads and actions that count the same thing.
    pub head_classes: &'a str,
    /// Words that make a stance's matter generic.
    pub generic_matters: &'a str,
}

impl Lexicon {
    /// The lexicon of the data files, parsed once.
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// A lexicon from the texts of its data files.
    pub fn parse(data: &LexiconData) -> Lexicon {
        let set = |text: &str| lines(text).map(str::to_string).collect::<HashSet<String>>();
        let pairs = |text: &str| {
            entries(text)
                .filter_map(|e| Some((e.column(0)?.to_string(), e.column(1)?.to_string())))
                .collect::<HashMap<String, String>>()
        };
        Lexicon {
            stopwords: set(data.stopwords),
            partitives: set(data.partitives),
            cutters: set(data.cutters),
            irregular: pairs(data.irregular_lemmas),
            irregular_verbs: entries(data.irregular_lemmas)
                .filter(|e| e.column(2) == Some("verb"))
                .map(|e| e.key().to_string())
                .collect(),
            classes: pairs(data.head_classes),
            generic: set(data.generic_matters),
        }
    }
}

/// Normalises what claims are about.
#[derive(Debug, Clone)]
pub struct Normalizer {
    lexicon: Arc<Lexicon>,
}

impl Default for Normalizer {
    fn default() -> Normalizer {
        Normalizer::new()
    }
}

impl Normalizer {
    /// A normalizer with the standard lexicon (shared, parsed once).
    pub fn new() -> Normalizer {
        Normalizer::with_lexicon(Lexicon::standard())
    }

    /// A normalizer reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> Normalizer {
        Normalizer { lexicon }
    }

    /// Fills a quantity claim's `measure` and a stance claim's `matter`.
    pub fn fill(&self, claim: &mut Claim) {
        match &mut claim.body {
            ClaimBody::Quantity { quantity } => {
                quantity.measure =
                    self.measure(quantity.subject.as_deref(), quantity.event.as_deref());
            }
            ClaimBody::Stance { stance } => {
                let about = stance.about.as_ref().map_or("", |s| s.text.trim());
                stance.matter = self.matter(about);
            }
            _ => {}
        }
    }

    /// What a figure counts, from its subject and the event the sentence
    /// says happened to it ("1,000 soldiers were killed": casualty counts
    /// must not meet deployment counts); `None` when the subject names
    /// nothing countable.
    pub fn measure(&self, subject: Option<&str>, event: Option<&str>) -> Option<Measure> {
        let mut measure = self.parse(subject?)?;
        if let Some(event) = event {
            measure.actions.extend(self.actions_of(event));
        }
        Some(measure)
    }

    /// Singular form of a (possibly plural) noun or the stem of a participle.
    pub fn lemma(&self, word: &str) -> String {
        if let Some(l) = self.lexicon.irregular.get(word) {
            return l.clone();
        }
        let n = word.len();
        let cut = |k: usize| word.get(..n - k).unwrap_or(word);
        if n > 4 && word.ends_with("ies") {
            return format!("{}y", cut(3));
        }
        if n > 4
            && (word.ends_with("ses")
                || word.ends_with("xes")
                || word.ends_with("ches")
                || word.ends_with("shes"))
        {
            return cut(2).to_string();
        }
        if n > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
        {
            return cut(1).to_string();
        }
        word.to_string()
    }

    /// Content words of what a stance is about, lemmatised; empty for
    /// generic references ("the reports", "such claims").
    pub fn matter(&self, about: &str) -> BTreeSet<String> {
        let lex = &*self.lexicon;
        about
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(str::to_lowercase)
            .filter(|w| {
                w.len() > 2
                    && !lex.generic.contains(w)
                    && !lex.stopwords.contains(w)
                    && !lex.cutters.contains(w)
            })
            .map(|w| self.lemma(&w))
            .collect()
    }

    /// A single word reduced for comparing the words around figures: stop
    /// words, numbers and words under three letters dropped (`None`),
    /// participles to their action class, nouns to their lemma's class
    /// ("killed" and "died" → kill, "soldiers" → troop).
    pub fn word_class(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        if is_number(&lower) || lower.chars().count() < 3 || self.lexicon.stopwords.contains(&lower)
        {
            return None;
        }
        Some(if self.is_participle(&lower) {
            self.action_of(&lower)
        } else {
            self.class_of(&self.lemma(&lower))
        })
    }

    fn class_of(&self, lemma: &str) -> String {
        self.lexicon
            .classes
            .get(lemma)
            .map_or_else(|| lemma.to_string(), Clone::clone)
    }

    fn is_participle(&self, word: &str) -> bool {
        (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
            || self.lexicon.irregular_verbs.contains(word)
    }

    fn action_of(&self, word: &str) -> String {
        if let Some(l) = self.lexicon.irregular.get(word) {
            return self.class_of(l);
        }
        let stem = word
            .strip_suffix("ing")
            .or_else(|| word.strip_suffix("ed"))
            .unwrap_or(word);
        self.class_of(stem)
    }

    /// Action classes of an event phrase ("killed or wounded" → kill, wound).
    pub fn actions_of(&self, event: &str) -> Vec<String> {
        words(event)
            .into_iter()
            .map(str::to_lowercase)
            .filter(|w| !self.lexicon.stopwords.contains(w) && w != "or")
            .map(|w| self.action_of(&w))
            .collect()
    }

    /// Parses a subject; `None` when nothing countable is left (only
    /// numbers or stop words).
    fn parse(&self, subject: &str) -> Option<Measure> {
        let lex = &*self.lexicon;
        let mut tokens: Vec<&str> = words(subject)
            .into_iter()
            .filter(|w| !is_number(w))
            .map(|w| w.trim_end_matches("'s").trim_end_matches("’s"))
            .collect();
        // "thousands of troops", "a contingent of soldiers": measure what follows.
        if let Some(of) = tokens.iter().position(|w| w.eq_ignore_ascii_case("of")) {
            let before_is_partitive = tokens.iter().take(of).all(|w| {
                let lower = w.to_lowercase();
                lex.stopwords.contains(&lower) || lex.partitives.contains(&lower)
            });
            if before_is_partitive && of + 1 < tokens.len() {
                tokens.drain(..=of);
            }
        }
        let (pre, post) = self.split_at_cut(&tokens);
        let mut pre = pre;
        let (_, head_word) = pre.pop()?;
        let mut measure = Measure {
            head: self.class_of(&self.lemma(&head_word)),
            ..Measure::default()
        };
        let mut phrase: Vec<String> = Vec::new();
        for (original, lower) in &pre {
            if capitalised(original) {
                phrase.push(lower.clone());
                continue;
            }
            if !phrase.is_empty() {
                measure.entities.insert(phrase.join(" "));
                phrase.clear();
            }
            self.add_content_word(&mut measure, lower);
        }
        if !phrase.is_empty() {
            measure.entities.insert(phrase.join(" "));
        }
        for word in post {
            self.add_content_word(&mut measure, &word);
        }
        Some(measure)
    }

    /// The words before the noun phrase is cut (with their lower-case
    /// forms, stop words dropped), and the content words after the cut.
    fn split_at_cut<'a>(&self, tokens: &[&'a str]) -> (Vec<(&'a str, String)>, Vec<String>) {
        let lex = &*self.lexicon;
        let mut pre: Vec<(&str, String)> = Vec::new();
        let mut post: Vec<String> = Vec::new();
        let mut cut = false;
        for (i, token) in tokens.iter().enumerate() {
            let lower = token.to_lowercase();
            if cut {
                if !lex.stopwords.contains(&lower) && !lex.cutters.contains(&lower) {
                    post.push(lower);
                }
                continue;
            }
            let seen_content = !pre.is_empty();
            let previous_plural = i > 0
                && tokens.get(i - 1).is_some_and(|p| {
                    let p = p.to_lowercase();
                    p != self.lemma(&p)
                });
            if seen_content
                && (lex.cutters.contains(&lower)
                    || (self.is_participle(&lower) && !capitalised(token) && previous_plural))
            {
                cut = true;
                if !lex.cutters.contains(&lower) {
                    post.push(lower);
                }
                continue;
            }
            if lex.stopwords.contains(&lower) || lex.cutters.contains(&lower) {
                continue;
            }
            pre.push((token, lower));
        }
        (pre, post)
    }

    /// A participle is an action; any other word a modifier.
    fn add_content_word(&self, measure: &mut Measure, word: &str) {
        if self.is_participle(word) {
            measure.actions.insert(self.action_of(word));
        } else {
            measure.modifiers.insert(self.class_of(&self.lemma(word)));
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lemmas() {
        let n = Normalizer::new();
        for (word, want) in [
            ("troops", "troop"),
            ("casualties", "casualty"),
            ("buses", "bus"),
            ("forces", "force"),
            ("men", "man"),
            ("status", "status"),
            ("class", "class"),
        ] {
            assert_eq!(n.lemma(word), want, "{word}");
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
        let n = Normalizer::new();
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
            let s = n
                .measure(Some(text), None)
                .unwrap_or_else(|| panic!("no subject for {text}"));
            assert_eq!(s.head, *head, "{text}");
            assert_eq!(s.entities, set(entities), "{text}");
            assert_eq!(s.modifiers, set(modifiers), "{text}");
            assert_eq!(s.actions, set(actions), "{text}");
        }
        assert!(n.measure(Some("12,000"), None).is_none());
        assert!(n.measure(Some("about some"), Some("killed")).is_none());
        assert!(n.measure(None, Some("killed")).is_none());
        let killed = n.measure(Some("Veloran soldiers"), Some("killed or wounded"));
        assert_eq!(killed.map(|m| m.actions), Some(set(&["kill", "wound"])));
    }

    #[test]
    fn matters_keep_content_words() {
        let n = Normalizer::new();
        assert!(n.matter("such reports").is_empty());
        assert!(n.matter("the claims").is_empty());
        assert_eq!(
            n.matter("the deployment of Veloran troops"),
            set(&["deployment", "troop", "veloran"])
        );
    }

    #[test]
    fn word_classes() {
        let n = Normalizer::new();
        for (word, want) in [
            ("killed", Some("kill")),
            ("Soldiers", Some("troop")),
            ("the", None),
            ("1,500", None),
            ("of", None),
        ] {
            assert_eq!(n.word_class(word).as_deref(), want, "{word}");
        }
        assert_eq!(n.actions_of("killed or wounded"), ["kill", "wound"]);
    }

    #[test]
    fn a_lexicon_can_be_swapped() {
        let lexicon = Lexicon::parse(&LexiconData {
            head_classes: "gadget\tthing\n",
            ..LexiconData::default()
        });
        let n = Normalizer::with_lexicon(Arc::new(lexicon));
        assert_eq!(
            n.measure(Some("gadgets"), None).map(|m| m.head),
            Some("thing".into())
        );
    }
}
