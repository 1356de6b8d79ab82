//! Sources as the text introduces them: the antecedents met so far (with
//! the subjects of sentences that make no statement, read only when a
//! lookup needs them), and the ledger source an attribution names once its
//! pronoun or definite description is resolved against them.

use crosscheck_model::{Document, EntityType, Source, SourceKind, Span};

use crate::attribute::{clause_subject, subject_without_cue, Attribution};
use crate::lexicon::{class, Lexicon};
use crate::mentions::MentionIndex;
use crate::resolve::{Seen, Tracker};
use crate::speaker::{squash, strip_the, Phrase, PhraseKind};
use crate::units::Unit;

/// The sources met so far. The subject of a sentence that makes no
/// statement matters only as an antecedent, so it is read only when a
/// lookup needs the tracker; it then takes its place among the entries
/// met after it, and the lookup sees what an eager read would have given.
pub(crate) struct Antecedents<'u, 'a> {
    pub(crate) tracker: Tracker,
    pub(crate) units: &'u [Unit<'a>],
    pub(crate) text: &'u str,
    pub(crate) deferred: Vec<Deferred>,
    /// The document's entity mentions, for lookups by offset.
    pub(crate) mentions: MentionIndex<'u>,
    /// While set, pronouns and descriptions resolve to sources met before
    /// this byte (a relayed speaker: "the radio quoted him" does not mean
    /// the radio).
    pub(crate) before: Option<usize>,
}

/// A sentence whose subject has not been read yet.
pub(crate) struct Deferred {
    /// Tracker entries recorded before it.
    before: usize,
    /// The paragraph's units (a range of the document's units).
    paragraph: (usize, usize),
    /// The clause, as unit indices within the paragraph.
    start: usize,
    end: usize,
    /// Whether a speech cue starts in the clause.
    cue: bool,
}

impl Antecedents<'_, '_> {
    pub(crate) fn defer(&mut self, paragraph: (usize, usize), start: usize, end: usize, cue: bool) {
        self.deferred.push(Deferred {
            before: self.tracker.len(),
            paragraph,
            start,
            end,
            cue,
        });
    }

    /// The tracker for a lookup, with every deferred subject read.
    pub(crate) fn read(&mut self, lex: &Lexicon) -> &mut Tracker {
        if !self.deferred.is_empty() {
            let (units, text) = (self.units, self.text);
            let found = self.deferred.drain(..).filter_map(|d| {
                let us = units.get(d.paragraph.0..d.paragraph.1)?;
                let phrase = if d.cue {
                    clause_subject(lex, us, d.start, d.end, text).map(|(phrase, _, _)| phrase)
                } else {
                    // No cue up to `end`, where a stop follows (or the
                    // paragraph ends), so no cue can start inside the clause.
                    subject_without_cue(lex, us, d.start, d.end, text)
                }?;
                Some((d.before, vetted(phrase, &self.mentions)?))
            });
            let found: Vec<_> = found.collect();
            self.tracker.mentions_before(found);
        }
        &mut self.tracker
    }

    /// The earlier source a pronoun or definite description stands for.
    pub(crate) fn resolve(&mut self, lex: &Lexicon, phrase: &Phrase) -> Option<Seen> {
        self.read(lex);
        let at = self.before.map_or(phrase.start, |b| b.min(phrase.start));
        let units = self.units;
        let quoted = |byte: usize| {
            let k = units.partition_point(|u| u.start <= byte);
            k.checked_sub(1)
                .and_then(|k| units.get(k))
                .is_some_and(|u| u.is_quote() && byte < u.end)
        };
        self.tracker
            .resolve(lex, phrase, at, &self.mentions, &quoted)
    }

    /// The tracker for recording a source (no lookup).
    pub(crate) fn write(&mut self) -> &mut Tracker {
        &mut self.tracker
    }
}

/// The ledger source for an attribution, resolving pronouns and definite
/// descriptions against earlier sources.
pub(crate) fn resolve(
    lex: &Lexicon,
    doc: &Document,
    att: &Attribution,
    sources: &mut Antecedents,
) -> Source {
    let possessed = person_after_possessive(lex, &doc.text, &att.phrase, &sources.mentions);
    let phrase = possessed.as_ref().unwrap_or(&att.phrase);
    // The source span keeps the speaker's description, as PolNeAR does:
    // "Michael Kofman, a military analyst".
    let described_end = att.appositive.as_ref().map_or(0, |a| a.describes_end);
    let span = Span::of(&doc.text, phrase.start, phrase.end.max(described_end));
    let apos_role = att.appositive.as_ref().and_then(|a| a.role.clone());
    let anonymous = att.appositive.as_ref().is_some_and(|a| a.anonymous);
    // The last mention inside the phrase is its head ("Russian President
    // Vladimir Putin", "the North's Central Military Commission").
    let entity = sources
        .mentions
        .last_inside(phrase.start, phrase.end)
        .and_then(|m| m.canonical.clone().or_else(|| Some(m.span.text.clone())));
    // The NER stage's type, when it found the speaker, beats the default
    // reading of an unknown capitalised name as a person ("Millipore said").
    let covering = sources.mentions.first_covering(phrase.start);
    let ner_kind = covering.map(|m| m.kind);
    // "General Motors said": a title word that opens an organisation's
    // name the NER stage found whole is part of that name, no person's
    // title.
    let title_in_org_name = phrase.role.is_some()
        && covering.is_some_and(|m| {
            m.kind == EntityType::Organization
                && m.span.start <= phrase.start
                && m.span.end >= phrase.end
        });
    // "Prices rose", "Consumers say": a lone capitalised word opening its
    // sentence, which the entity stage (run on this document) found as no
    // name here nor anywhere else in it, is a common word, not a person.
    let common_word = phrase.kind == PhraseKind::Person
        && phrase.role.is_none()
        && att.appositive.is_none()
        && !phrase.name.contains(' ')
        && doc.text.get(phrase.start..phrase.end) == Some(phrase.name.as_str())
        && covering.is_none()
        && sources.mentions.any()
        && opens_sentence(&doc.text, phrase.start)
        && !sources.mentions.names_word(&phrase.name)
        && sources
            .mentions
            .organization_by_head(&phrase.name)
            .is_none()
        && !sources.read(lex).short_name_met(&phrase.name);
    // "As I've said": a pronoun with a verb's clitic names no one.
    if phrase.kind == PhraseKind::Person
        && phrase.role.is_none()
        && !phrase.name.contains(' ')
        && has_verb_clitic(&phrase.name)
    {
        return Source::unattributed();
    }
    if common_word {
        // A plural names a group of people speaking unnamed ("Dealers");
        // anything else says who spoke no more than "Prices" does.
        let plural = (phrase.head.ends_with('s') && !phrase.head.ends_with("ss"))
            || phrase.head.ends_with("men");
        if !plural {
            return Source::unattributed();
        }
        let source = Source {
            name: Some(phrase.name.clone()),
            kind: SourceKind::Anonymous,
            role: Some(phrase.head.clone()),
            entity: None,
            span,
        };
        let group = Phrase {
            kind: PhraseKind::Unnamed,
            plural: true,
            ..phrase.clone()
        };
        sources.write().remember(phrase.start, &source, &group);
        return source;
    }
    // A place that speaks is its government ("Moscow said", a country the
    // gazetteer does not know), unless a person with that surname spoke
    // before ("Harbour chief Tam Paris said ..." then "Paris said").
    let phrase_kind = match (phrase.kind, ner_kind) {
        (
            PhraseKind::Person,
            Some(
                EntityType::Organization
                | EntityType::Country
                | EntityType::Group
                | EntityType::Location,
            ),
        ) if phrase.role.is_none() => PhraseKind::Organization,
        (PhraseKind::Person, _) if title_in_org_name => PhraseKind::Organization,
        (kind, _) => kind,
    };
    let surname_met = phrase_kind == PhraseKind::Organization
        && phrase.role.is_none()
        && matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization)
        && !phrase.name.contains(' ')
        // (An acronym names a body: "the UAW".)
        && phrase.name.chars().any(char::is_lowercase)
        && sources
            .read(lex)
            .full_name(&phrase.name)
            // (Not "Ivo Sand of Kell Freight" for "Kell Freight", nor a
            // headline's capitals.)
            .is_some_and(|(full, _)| {
                !full.contains(" of ") && full.chars().any(char::is_lowercase)
            });
    let phrase_kind = if surname_met {
        PhraseKind::Person
    } else {
        phrase_kind
    };
    match phrase_kind {
        PhraseKind::Person | PhraseKind::Organization | PhraseKind::Unnamed => {
            let kind = match phrase_kind {
                PhraseKind::Person if !anonymous || phrase.role.is_some() => SourceKind::Person,
                PhraseKind::Person => SourceKind::Person,
                PhraseKind::Organization => SourceKind::Organization,
                _ => SourceKind::Anonymous,
            };
            let (mut name, phrase_role) = if title_in_org_name {
                let whole = doc.text.get(phrase.start..phrase.end).unwrap_or("");
                (strip_the(&squash(whole)), None)
            } else {
                (phrase.name.clone(), phrase.role.clone())
            };
            let mut kind = kind;
            let mut role = apos_role.or(phrase_role);
            let definite_org = kind == SourceKind::Organization
                && phrase.name.split_whitespace().count() == 1
                && text_starts_with_the(&doc.text, phrase.start);
            if definite_org {
                if let Some(org) =
                    sources
                        .read(lex)
                        .organization_for(lex, &phrase.head, phrase.start)
                {
                    name = org;
                }
            }
            if kind == SourceKind::Organization && !name.contains(' ') {
                if let Some(full) = sources.mentions.organization_by_head(&name) {
                    name = full;
                }
            }
            if kind == SourceKind::Person && !name.contains(' ') {
                // The NER stage knows full names met anywhere earlier, not
                // only as speakers ("Mark Rutte described ..." then "Rutte
                // said").
                let full_from_ner = entity.as_ref().filter(|full| {
                    ner_kind == Some(EntityType::Person)
                        && full.contains(' ')
                        && full.ends_with(name.as_str())
                });
                if let Some((full, full_role)) = sources.read(lex).full_name(&name) {
                    name = full;
                    role = role.or(full_role);
                } else if let Some(full) = full_from_ner {
                    name = full.clone();
                } else if let Some(org) = sources.read(lex).organization_starting(&name) {
                    name = org;
                    kind = SourceKind::Organization;
                }
            }
            let source = Source {
                name: Some(name),
                kind,
                role,
                entity: if kind == SourceKind::Anonymous {
                    None
                } else {
                    entity
                },
                span,
            };
            sources.write().remember(phrase.start, &source, phrase);
            source
        }
        PhraseKind::Pronoun(_) | PhraseKind::Definite => match sources.resolve(lex, phrase) {
            Some(seen) => {
                let seen: Seen = seen;
                sources.write().again(phrase.start, &seen);
                let name = match seen.kind {
                    SourceKind::Person => ner_full_name(&sources.mentions, seen.at, &seen.name),
                    _ => None,
                };
                Source {
                    name: Some(name.unwrap_or(seen.name)),
                    kind: seen.kind,
                    role: seen.role,
                    entity: None,
                    span,
                }
            }
            None if phrase.kind == PhraseKind::Definite => {
                let source = Source {
                    name: Some(phrase.name.clone()),
                    kind: SourceKind::Anonymous,
                    role: phrase.role.clone(),
                    entity: None,
                    span,
                };
                sources.write().remember(phrase.start, &source, phrase);
                source
            }
            None => Source::unattributed(),
        },
    }
}

/// A sentence's subject as an antecedent, checked against the entity
/// stage when it ran: a lone capitalised word read as a person's name that
/// it found as no name ("Quotas are due to change", "Chancellor") is no
/// one a later "he" can mean (without entity mentions, the extractor
/// alone, such a word stands), nor are a headline's capitals that it did
/// not find as a person's name. Nor is a word with a clitic ("China's",
/// "I've"), with or without them.
fn vetted(phrase: Phrase, mentions: &MentionIndex) -> Option<Phrase> {
    if phrase.kind != PhraseKind::Person || phrase.role.is_some() {
        return Some(phrase);
    }
    let lone = !phrase.name.contains(' ');
    if lone && has_clitic(&phrase.name) {
        return None;
    }
    if !mentions.any() {
        return Some(phrase);
    }
    let covering = mentions.first_covering(phrase.start);
    let unnamed = lone && covering.is_none();
    // "CHINA REFORMS ...": a headline's capitals are a person's name only
    // where the entity stage found one.
    let capitals = !phrase.name.chars().any(char::is_lowercase)
        && covering.is_none_or(|m| m.kind != EntityType::Person);
    (!unnamed && !capitals).then_some(phrase)
}

/// Whether a word ends in a verb's clitic ("I've", "we're", "I'm",
/// "they'll", "we'd"), never part of a name ("Moody's" is).
fn has_verb_clitic(word: &str) -> bool {
    let lower = word.to_lowercase().replace('\u{2019}', "'");
    ["'ve", "'re", "'m", "'ll", "'d"]
        .iter()
        .any(|c| lower.len() > c.len() && lower.ends_with(c))
}

/// Whether a word holds an apostrophe before a lower-case letter ("China's",
/// "I've"; not "O'Neill").
fn has_clitic(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '\'' | '\u{2019}') && chars.peek().is_some_and(|n| n.is_lowercase()) {
            return true;
        }
    }
    false
}

/// "Orvo Bank's Tam Velo said", "the Bank of Kell's Lume said": a phrase
/// read as an organisation's name for its possessive is a person's when
/// the entity stage found a person right after the possessive, up to the
/// phrase's end; whoever owns them is where they speak from, their role.
/// ("Ostland's Air Defense" stays a body: no person follows; so does a
/// name holding an organisation's word, "Kell Corp's Kell Bank-Orvo".)
fn person_after_possessive(
    lex: &Lexicon,
    text: &str,
    phrase: &Phrase,
    mentions: &MentionIndex,
) -> Option<Phrase> {
    if phrase.kind != PhraseKind::Organization || phrase.role.is_some() {
        return None;
    }
    let written = text.get(phrase.start..phrase.end)?;
    let (owner_end, name_start) = ["'s ", "\u{2019}s "]
        .iter()
        .filter_map(|mark| written.rfind(mark).map(|k| (k, k + mark.len())))
        .max()?;
    let person = mentions.person_at(phrase.start + name_start)?;
    if person.span.end != phrase.end {
        return None;
    }
    let owner = strip_the(&squash(written.get(..owner_end)?));
    let name = squash(written.get(name_start..)?);
    let org_word = name
        .split([' ', '-'])
        .any(|w| lex.written_classes(w) & class::ORG_WORD != 0 || lex.is_legal_form(w));
    if owner.is_empty() || name.is_empty() || org_word {
        return None;
    }
    Some(Phrase {
        kind: PhraseKind::Person,
        name,
        role: Some(owner),
        ..phrase.clone()
    })
}

/// The full name the NER stage gave the one-word person named at `at`
/// ("Kovalenko told parliament" after "Mira Kovalenko"), for a pronoun that
/// refers back to that mention.
fn ner_full_name(mentions: &MentionIndex, at: usize, name: &str) -> Option<String> {
    if name.contains(' ') {
        return None;
    }
    mentions
        .person_at(at)
        .and_then(|m| m.canonical.clone())
        .filter(|full| full.contains(' ') && full.ends_with(name))
}

/// Whether byte `at` opens a sentence: nothing but spaces, quote marks
/// and brackets since the text's start or a sentence's end.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    match before
        .trim_end_matches(|c: char| c.is_whitespace() || "\"'“”‘’(".contains(c))
        .chars()
        .next_back()
    {
        None => true,
        Some(c) => {
            matches!(c, '.' | '!' | '?' | ':' | ';')
                || before.trim_end_matches([' ', '\t']).ends_with('\n')
        }
    }
}

/// True when the phrase at `start` opens with "the"/"The" ("the company").
fn text_starts_with_the(text: &str, start: usize) -> bool {
    text.get(start..)
        .is_some_and(|s| s.starts_with("the ") || s.starts_with("The "))
}
