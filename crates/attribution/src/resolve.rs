//! Resolving pronouns and definite descriptions ("he", "the diplomat") to
//! the most recent fitting source.

use crosscheck_model::{Source, SourceKind};

use crate::lexicon::Lexicon;
use crate::mentions::MentionIndex;
use crate::speaker::{Phrase, PhraseKind};

/// How far back (bytes) "the company" may look for its organisation.
const ORG_WINDOW: usize = 2500;

/// Most recent sources an antecedent is looked for among. An article
/// names a few dozen; without a bound, each lookup in a document of
/// thousands (a crawl concatenated into one file) read them all, and the
/// document took time quadratic in its length.
const LOOKBACK: usize = 1000;

/// A source seen so far in the document.
#[derive(Debug, Clone)]
pub struct Seen {
    pub at: usize,
    pub name: String,
    pub kind: SourceKind,
    pub role: Option<String>,
    pub head: String,
    pub female: bool,
    /// Known male (a "Mr." title, or already referred to as "he").
    pub male: bool,
    pub plural: bool,
}

/// Sources met so far, most recent last; document mentions of people join
/// them as candidates for pronouns when the NER stage filled them.
#[derive(Debug, Default)]
pub struct Tracker {
    seen: Vec<Seen>,
}

impl Tracker {
    /// A tracker that records into `entries` (emptied first), so that a
    /// caller can reuse the list's allocation.
    pub fn with_entries(mut entries: Vec<Seen>) -> Tracker {
        entries.clear();
        Tracker { seen: entries }
    }

    /// The recorded entries.
    pub fn into_entries(self) -> Vec<Seen> {
        self.seen
    }

    pub fn remember(&mut self, at: usize, source: &Source, phrase: &Phrase) {
        let Some(name) = source.name.clone() else {
            return;
        };
        self.seen.push(Seen {
            at,
            name,
            kind: source.kind,
            role: source.role.clone(),
            head: phrase.head.clone(),
            female: phrase.female,
            male: phrase.male,
            plural: phrase.plural,
        });
    }

    /// Number of entries recorded.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Records named people and organisations met as clause subjects (not
    /// sources, but possible antecedents), each placed before the entry
    /// that had index `before` (at the end when none has): (before, phrase)
    /// pairs in recording order.
    pub fn mentions_before(&mut self, subjects: Vec<(usize, Phrase)>) {
        let added: Vec<(usize, Seen)> = subjects
            .into_iter()
            .filter_map(|(before, phrase)| Some((before, mention(phrase)?)))
            .collect();
        if added.is_empty() {
            return;
        }
        // Entries before the first insertion point stay where they are;
        // only the tail is merged.
        let first = added.first().map_or(0, |(before, _)| *before);
        let tail = self.seen.split_off(first.min(self.seen.len()));
        self.seen.reserve(tail.len() + added.len());
        let mut added = added.into_iter().peekable();
        for (k, entry) in tail.into_iter().enumerate() {
            while let Some((_, seen)) = added.next_if(|(before, _)| *before <= first + k) {
                self.seen.push(seen);
            }
            self.seen.push(entry);
        }
        self.seen.extend(added.map(|(_, seen)| seen));
    }

    /// The full name and role of an earlier person whose name ends with
    /// `surname` ("Putin" → "Vladimir Putin", "Russian President").
    pub fn full_name(&self, surname: &str) -> Option<(String, Option<String>)> {
        self.seen
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|s| {
                s.kind == SourceKind::Person
                    && s.name.len() > surname.len()
                    && s.name.ends_with(surname)
                    && s.name[..s.name.len() - surname.len()].ends_with(' ')
            })
            .map(|s| (s.name.clone(), s.role.clone()))
    }

    /// Whether `word` is the short name of an earlier speaker: a person's
    /// surname ([`Tracker::full_name`]) or an organisation's first word or
    /// founder's name ([`Tracker::organization_starting`]).
    pub fn short_name_met(&self, word: &str) -> bool {
        self.full_name(word).is_some() || self.organization_starting(word).is_some()
    }

    /// An earlier organisation whose name starts with `word` ("Resource"
    /// after "Resource Exploration Inc") or holds it as a founder's name
    /// before "and Co" or "and Sons" ("Lilly" after "Eli Lilly and Co": the
    /// firm's short name; not "Taft" after "Dudley Taft and Orvo Inc").
    pub fn organization_starting(&self, word: &str) -> Option<String> {
        self.seen
            .iter()
            .rev()
            .take(LOOKBACK)
            .find(|s| {
                let words: Vec<&str> = s.name.split(' ').collect();
                s.kind == SourceKind::Organization
                    && words.len() > 1
                    && (words[0] == word
                        || words.windows(3).skip(1).any(|w| {
                            w[0] == word
                                && w[1] == "and"
                                && matches!(w[2], "Co" | "Co." | "Company" | "Sons")
                        }))
            })
            .map(|s| s.name.clone())
    }

    /// The organisation a definite description like "the agency" or "the
    /// company" points back to: the latest name that holds the head noun,
    /// else for a company the latest with a corporate suffix, then the
    /// latest name that may be a company's, else the latest fuller
    /// description with the head ("the transportation agency").
    pub fn organization_for(&self, lex: &Lexicon, head: &str, at: usize) -> Option<String> {
        // A legal form, or a group's word that stands for one.
        let corporate = |w: &str| lex.is_legal_form(w) || matches!(w, "Group" | "Holdings");
        let company = matches!(head, "company" | "firm");
        // Only a nearby antecedent: far back, "the company" may well be
        // one the text never named as a source.
        let earlier = || {
            self.seen.iter().rev().take(LOOKBACK).filter(move |s| {
                s.kind == SourceKind::Organization && s.at < at && at - s.at <= ORG_WINDOW
            })
        };
        let holds_head = |s: &&Seen| {
            s.name
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case(head))
        };
        // A headline's words in capitals taken for a name ("ORVO'S BANK
        // RAISES RATES") name nothing.
        let headline = |s: &Seen| s.name.contains(' ') && !s.name.chars().any(char::is_lowercase);
        // A name first: a description met before ("the company, part of
        // ...", recorded as "company") may stand for the very name a later
        // "the company" means. The head in other capitals ("GROUP" for
        // "the group") is no name; as written ("the KEXA") it is one. A
        // fuller description ("the transportation agency") is still better
        // than none; the bare head is none.
        let named = |s: &&Seen| {
            !headline(s)
                && s.name.split_whitespace().any(|w| {
                    w.starts_with(char::is_uppercase)
                        && !matches!(w, "A" | "An" | "The")
                        && (w == head || !w.eq_ignore_ascii_case(head))
                })
        };
        earlier()
            .filter(named)
            .find(holds_head)
            .or_else(|| {
                company
                    .then(|| {
                        earlier().find(|s| s.name.split_whitespace().last().is_some_and(corporate))
                    })
                    .flatten()
            })
            .or_else(|| {
                // A company named without a legal form ("Orvo Mills"): a
                // name that is no public body ("Finance Ministry"), polity
                // or acronym ("KEXA" may be an agency as well as a firm).
                company
                    .then(|| earlier().filter(named).find(|s| firm_like(lex, &s.name)))
                    .flatten()
            })
            .or_else(|| {
                // An agency or a newspaper ("the agency", "the newspaper")
                // after a single one named near it ("Orvo Ratings Service
                // said ... The agency said"): that one. (Other kinds, such
                // as "the group", are too often not the organisation named:
                // an investor group led by a firm from a state named.)
                let lower = head.to_lowercase();
                if !lex.is_press_or_agency_noun(&lower) {
                    return None;
                }
                let mut names = earlier()
                    .filter(named)
                    .filter(|s| !is_polity(lex, &lowered(&s.name)));
                let first = names.next()?;
                names.all(|s| s.name == first.name).then_some(first)
            })
            .or_else(|| {
                earlier()
                    .filter(|s| !headline(s) && !s.name.eq_ignore_ascii_case(head))
                    .find(holds_head)
            })
            .map(|s| s.name.clone())
    }

    /// Records a resolved reference as the newest mention of its antecedent.
    pub fn again(&mut self, at: usize, seen: &Seen) {
        let mut s = seen.clone();
        s.at = at;
        self.seen.push(s);
    }

    /// The source a pronoun or definite description at byte `at` stands for;
    /// `quoted` tells whether a byte lies inside a quotation.
    pub fn resolve(
        &self,
        lex: &Lexicon,
        phrase: &Phrase,
        at: usize,
        mentions: &MentionIndex,
        quoted: &dyn Fn(usize) -> bool,
    ) -> Option<Seen> {
        let mut earlier = self.seen.iter().rev().take(LOOKBACK).filter(|s| s.at < at);
        let found = match phrase.kind {
            PhraseKind::Pronoun('m') => {
                earlier
                    .find(|s| is_individual(s) && !s.female)
                    .map(|s| Seen {
                        male: true,
                        ..s.clone()
                    })
            }
            PhraseKind::Pronoun('f') => {
                let candidates: Vec<&Seen> =
                    earlier.filter(|s| is_individual(s) && !s.male).collect();
                // A known woman first, else the latest person of unknown gender.
                candidates
                    .iter()
                    .find(|s| s.female)
                    .or_else(|| candidates.first())
                    .map(|s| Seen {
                        female: true,
                        ..(*s).clone()
                    })
            }
            PhraseKind::Pronoun('p') => earlier
                .find(|s| s.plural || s.kind == SourceKind::Organization)
                .cloned(),
            PhraseKind::Pronoun('n') => earlier
                .find(|s| s.kind == SourceKind::Organization)
                .cloned(),
            PhraseKind::Definite => {
                let org_noun = lex.is_org_noun(&phrase.head) || lex.is_org_kind_noun(&phrase.head);
                return earlier
                    .find(|s| {
                        // (Not "traders and the official press" for "the
                        // official press": one of a group is not the group.)
                        let fits_number = phrase.plural || !s.plural;
                        // "The bank said" after "a central bank official
                        // said": an organisation's noun names no person
                        // whose role merely holds it.
                        let role_holds_it = (s.kind == SourceKind::Organization || !org_noun)
                            && s.role.as_deref().is_some_and(|r| {
                                r.split_whitespace()
                                    .any(|w| w.eq_ignore_ascii_case(&phrase.head))
                            });
                        fits_number && (s.head == phrase.head || role_holds_it)
                    })
                    .cloned();
            }
            _ => None,
        };
        // A person mention named after the last fitting source is the
        // better antecedent for he/she; not one named inside a quotation,
        // where the speaker talks of others ("“The mood in Sarn is
        // tense,” he said").
        if matches!(
            phrase.kind,
            PhraseKind::Pronoun('m') | PhraseKind::Pronoun('f')
        ) {
            let after = found.as_ref().map_or(0, |f| f.at);
            let mention = mentions
                .persons_between(after, at)
                .filter(|m| !quoted(m.span.start))
                // (Nor an opener the entity stage took for a name:
                // "Moreover, he said".)
                .filter(|m| {
                    let text = m.span.text.trim();
                    text.contains(' ') || !lex.is_not_name(&text.to_lowercase())
                })
                .take(LOOKBACK)
                .find(|m| {
                    let female = m
                        .span
                        .text
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| lex.is_female(w));
                    female == matches!(phrase.kind, PhraseKind::Pronoun('f'))
                });
            if let Some(m) = mention {
                let name = m.canonical.clone().unwrap_or_else(|| m.span.text.clone());
                return Some(Seen {
                    at: m.span.start,
                    name,
                    kind: SourceKind::Person,
                    role: None,
                    head: String::new(),
                    female: matches!(phrase.kind, PhraseKind::Pronoun('f')),
                    male: matches!(phrase.kind, PhraseKind::Pronoun('m')),
                    plural: false,
                });
            }
        }
        found
    }
}

/// Whether a name, as its lower-case words, is a polity's alone
/// ("Ostland"; "U.S." as "the U.S.").
fn is_polity(lex: &Lexicon, lower: &[String]) -> bool {
    if lex.polity_at(lower) == Some(lower.len()) {
        return true;
    }
    let mut with_the = Vec::with_capacity(lower.len() + 1);
    with_the.push("the".to_string());
    with_the.extend_from_slice(lower);
    lex.polity_at(&with_the) == Some(with_the.len())
}

/// A name's words, lower-case (as the lexicon's lists are).
fn lowered(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_lowercase).collect()
}

/// Whether an organisation's name may be a company's: no word of a public
/// body or other organisation noun but a firm's own ("Sarn Transit
/// Agency", "Kell Party" are not), not a polity alone ("Air Ostland" may
/// be a firm, "Ostland" is not), not an acronym alone, and every word
/// capitalised but the small ones of names ("Sarn and Velo"; not "Orvo
/// board and Kell").
fn firm_like(lex: &Lexicon, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let acronym = words.len() == 1 && !name.chars().any(char::is_lowercase);
    let capitalised = words
        .iter()
        .all(|w| !w.starts_with(char::is_lowercase) || matches!(*w, "and" | "of" | "de"));
    let lower = lowered(name);
    !acronym
        && capitalised
        && !is_polity(lex, &lower)
        && lower
            .iter()
            .all(|w| !lex.is_org_noun(w) || matches!(w.as_str(), "company" | "firm" | "group"))
}

/// The entry for a named person or organisation met as a clause subject;
/// other subjects are not antecedents.
fn mention(phrase: Phrase) -> Option<Seen> {
    let kind = match phrase.kind {
        PhraseKind::Person => SourceKind::Person,
        PhraseKind::Organization => SourceKind::Organization,
        _ => return None,
    };
    Some(Seen {
        at: phrase.start,
        name: phrase.name,
        kind,
        role: phrase.role,
        head: phrase.head,
        female: phrase.female,
        male: phrase.male,
        plural: phrase.plural,
    })
}

fn is_individual(s: &Seen) -> bool {
    !s.plural && matches!(s.kind, SourceKind::Person | SourceKind::Anonymous)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(at: usize, name: &str) -> Seen {
        Seen {
            at,
            name: name.to_string(),
            kind: SourceKind::Organization,
            role: None,
            head: String::new(),
            female: false,
            male: false,
            plural: false,
        }
    }

    /// "The analyst" after "traders and the Kell analyst": one of a group
    /// is not the group; "the bank" after "a central bank
    /// official" is no person whose role holds "bank".
    #[test]
    fn a_definite_description_is_no_group_and_no_person_of_its_noun() {
        let lex = Lexicon::standard();
        let seen = |name: &str, head: &str, role: Option<&str>, plural: bool| Seen {
            at: 0,
            name: name.to_string(),
            kind: SourceKind::Anonymous,
            role: role.map(str::to_string),
            head: head.to_string(),
            female: false,
            male: false,
            plural,
        };
        let definite = |head: &str| crate::speaker::Phrase {
            start: 50,
            end: 60,
            kind: PhraseKind::Definite,
            name: format!("the {head}"),
            role: Some(head.to_string()),
            head: head.to_string(),
            female: false,
            male: false,
            plural: false,
        };
        let mentions = crate::mentions::MentionIndex::new(&[]);
        let resolve = |entries: Vec<Seen>, head: &str| {
            Tracker { seen: entries }
                .resolve(&lex, &definite(head), 50, &mentions, &|_| false)
                .map(|s| s.name)
        };
        let group = seen("traders and the Kell analyst", "analyst", None, true);
        assert_eq!(resolve(vec![group], "analyst"), None);
        let one = seen("the Kell analyst", "analyst", None, false);
        assert_eq!(
            resolve(vec![one], "analyst").as_deref(),
            Some("the Kell analyst")
        );
        let official = seen(
            "a central bank official",
            "official",
            Some("central bank official"),
            false,
        );
        assert_eq!(resolve(vec![official.clone()], "bank"), None);
        assert_eq!(
            resolve(vec![official], "official").as_deref(),
            Some("a central bank official")
        );
    }

    /// Organisations met before (oldest first), a definite description's
    /// head, and what it stands for.
    #[test]
    fn a_definite_description_means_a_name_met_before() {
        let cases: &[(&[&str], &str, Option<&str>)] = &[
            // A name with a legal form, past a description recorded as met.
            (
                &["Orvo Mills Co", "company"],
                "company",
                Some("Orvo Mills Co"),
            ),
            // A name holding the head.
            (
                &["Sarn Transit Agency", "Kell"],
                "agency",
                Some("Sarn Transit Agency"),
            ),
            // A fuller description is better than none ...
            (
                &["transportation agency"],
                "agency",
                Some("transportation agency"),
            ),
            // ... the bare head is none, in any capitals.
            (&["company"], "company", None),
            (&["GROUP"], "group", None),
            // A headline's capitals are no name, but the head as written is.
            (&["SARN AGENCY DISMISSES KELL BID"], "agency", None),
            (&["KEXA", "ORVO'S KEXA COVER"], "KEXA", Some("KEXA")),
            // A company named without a legal form: the latest name that
            // is no public body, polity or acronym alone.
            (
                &["Orvo Mills", "Kell Transit Agency", "Japan", "KEXA"],
                "company",
                Some("Orvo Mills"),
            ),
            (&["Orvo board and Kell"], "firm", None),
            // An agency or newspaper named alone before; not one of two,
            // nor a polity, nor for another kind ("the group").
            (
                &["Orvo Ratings Service"],
                "agency",
                Some("Orvo Ratings Service"),
            ),
            (&["Orvo Ratings Service", "Kell Daily"], "newspaper", None),
            (&["Japan"], "newspaper", None),
            (&["Sarn Holdings"], "group", None),
            // An indefinite article does not make a description a name.
            (
                &["Sarn Holdings", "A commission"],
                "commission",
                Some("A commission"),
            ),
        ];
        let lex = Lexicon::standard();
        for (names, head, want) in cases {
            let mut tracker = Tracker::default();
            for (i, name) in names.iter().enumerate() {
                tracker.seen.push(org(i * 10, name));
            }
            let got = tracker.organization_for(&lex, head, 100);
            assert_eq!(got.as_deref(), *want, "{names:?} / the {head}");
        }
    }
}
