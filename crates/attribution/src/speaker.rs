//! Reading a speaker noun phrase off a run of units: a name with its titles,
//! an organisation, an unnamed description ("a senior official"), a
//! pronoun, or a definite description pointing back ("the diplomat").

use crate::lexicon::{class, FunctionClass, Lexicon};
use crate::units::{Unit, UnitKind};

/// What sort of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Person,
    Organization,
    /// Unnamed description: "a senior official", "analysts", "reports".
    Unnamed,
    /// "he", "she", "they", "it" with its gender class.
    Pronoun(char),
    /// "the official": refers back to an earlier source with that head noun.
    Definite,
}

/// A speaker phrase as read from the text.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub kind: PhraseKind,
    /// Name as a reader would cite it: "Michael Kofman", "White House",
    /// "a senior intelligence official".
    pub name: String,
    /// Title or description: "Russian President", "military analyst".
    pub role: Option<String>,
    /// Lower-cased head noun ("official", "kremlin").
    pub head: String,
    pub female: bool,
    pub male: bool,
    pub plural: bool,
}

/// Conjunctions that open a clause after a speaker's comma ("..., said
/// Tia Marsh, though she added ..."): never the start of an appositive.
/// ("and" may join a second speaker: "A, chairman, and B, president, said".)
const CLAUSE_OPENERS: [&str; 11] = [
    "though", "although", "while", "because", "but", "as", "when", "if", "since", "so", "whereas",
];

/// Longest phrase allowed, in words.
const MAX_WORDS: usize = 12;

/// Words a phrase or appositive keeps on the stack for list lookups.
const WORDS_ON_STACK: usize = 16;

fn word_text<'a>(u: &Unit, text: &'a str) -> &'a str {
    u.text(text)
}

pub(crate) fn is_adverb(u: &Unit) -> bool {
    u.norm().len() > 4
        && u.norm().ends_with("ly")
        && !matches!(u.norm(), "italy" | "family" | "ally" | "assembly")
}

/// Skips auxiliaries and adverbs between a speaker and its verb. An
/// unlisted capitalised "-ly" word is a name after a capitalised word
/// ("Ms. Ashly said") or right before a speech verb ("Ashly said"), not an
/// adverb ("Apolitically ...").
pub fn skip_aux(units: &[Unit], mut k: usize, limit: usize) -> usize {
    let adverb = |k: usize, u: &Unit| {
        let name = u.capitalised()
            && (k
                .checked_sub(1)
                .and_then(|p| units.get(p))
                .is_some_and(|p| p.is_word() && p.capitalised())
                || units.get(k + 1).is_some_and(|n| n.may_start_cue()));
        is_adverb(u) && !name
    };
    while k < limit
        && units.get(k).is_some_and(|u| {
            u.is_word() && (u.function_class() == Some(FunctionClass::Auxiliary) || adverb(k, u))
        })
    {
        k += 1;
    }
    k
}

/// Whether a title follows the first word of the phrase begun at `start`,
/// before `k` ("Secretary of State Ann Vey and ..." holds one): read only
/// when an "and" might join two names.
fn title_after_first(units: &[Unit], start: usize, k: usize) -> bool {
    units
        .get(start + 1..k)
        .is_some_and(|us| us.iter().any(|u| u.is_written(class::TITLE)))
}

/// Whether `units[start..k]` hold a title (or a role noun: "analyst")
/// followed by a name ("Gov. Ivo Marren"): an "of" after it says where the
/// person is from ("of Sarn") or whom the person works for,
/// where one right after the title names the office ("Secretary of
/// State") and one after an institution's word names the institution
/// ("lead manager Union Bank of Sarn").
fn named_after_title(units: &[Unit], start: usize, k: usize) -> bool {
    let Some(run) = units.get(start..k) else {
        return false;
    };
    // ("analyst Ivo Marren of Norton Brothers": a role noun before the
    // name stands as a title does.)
    run.iter()
        .position(|u| u.is_written(class::TITLE) || !u.capitalised() && u.is(class::ROLE_NOUN))
        .is_some_and(|t| {
            run.get(t + 1..).is_some_and(|rest| {
                rest.iter()
                    .filter(|u| u.capitalised() && !u.is_written(class::TITLE))
                    .count()
                    >= 2
                    && !rest.iter().any(|u| u.is_written(class::ORG_WORD))
            })
        })
}

/// Whether the "of" at `k` opens an office named with "the" after a title
/// ("Chancellor of the Exchequer Tam Velo", "Chairman of the Harbour Board
/// Ivo Sand"): the words before it capitalised, the last a title (not a
/// name: "Mr. Sand of the Harbour Board" is where Mr. Sand works), and
/// "the" then a capitalised word after it.
fn office_of_the(units: &[Unit], start: usize, k: usize) -> bool {
    // (Most calls are at other words: the "of" is looked at first.)
    if units.get(k).is_none_or(|u| u.norm() != "of") {
        return false;
    }
    let Some(before) = units.get(start..k).filter(|b| !b.is_empty()) else {
        return false;
    };
    units.get(k + 1).is_some_and(|u| u.norm() == "the")
        && units
            .get(k + 2)
            .is_some_and(|u| u.is_word() && u.capitalised())
        && before.iter().all(|u| u.is_word() && u.capitalised())
        && before.last().is_some_and(|u| u.is_written(class::TITLE))
}

/// "Standard and Poor's Corp", "S and P": an "and" at `k` inside a
/// company's name, where a company word follows among the next capitalised
/// words or single capitals stand on both sides.
fn company_after_and(lex: &Lexicon, units: &[Unit], start: usize, k: usize, text: &str) -> bool {
    let single = |u: Option<&Unit>| u.is_some_and(|u| u.norm().len() == 1 && u.capitalised());
    let letters = k == start + 1 && single(units.get(start)) && single(units.get(k + 1));
    letters
        || units
            .get(k + 1..)
            .unwrap_or(&[])
            .iter()
            .take(4)
            .take_while(|u| u.is_word() && u.capitalised())
            .any(|u| u.is_written(class::ORG_WORD) || lex.is_legal_form(u.text(text)))
}

/// Whether the "and" at `k` joins a firm's name of names ending in a
/// possessive that stands for the firm ("Sarn and Velo's said"): the
/// possessive ends the phrase, before a cue or no word at all.
fn firm_of_names(lex: &Lexicon, units: &[Unit], k: usize) -> bool {
    units.get(k + 1).is_some_and(|u| {
        u.is_word()
            && u.capitalised()
            && (u.norm().ends_with("'s") || u.norm().ends_with("’s"))
            && u.norm().len() > 3
    }) && units
        .get(k + 2)
        .is_none_or(|n| !n.is_word() || cue_here(lex, units, k + 2))
}

/// True when the word at `k` can continue a noun phrase begun at `start`.
fn continues_phrase(lex: &Lexicon, units: &[Unit], start: usize, k: usize, text: &str) -> bool {
    let Some(u) = units.get(k) else { return false };
    if u.kind != UnitKind::Word {
        return false;
    }
    let capital = u.capitalised();
    if k > start && !capital && manner_verb_ends_clause(lex, units, k) {
        return false;
    }
    if k > start && !capital && cue_here(lex, units, k) {
        // "intelligence reports said" and "according to reports," keep
        // "reports" as the head; in "analysts estimate that" it is the verb.
        let as_noun = u.is(class::DOCUMENT_NOUN)
            && units
                .get(k + 1)
                .is_none_or(|n| !n.is_word() || cue_here(lex, units, k + 1));
        if !as_noun {
            return false;
        }
    }
    // "Ana van der Lume", "Ivo du Sand": a particle inside a person's name.
    if k > start && !capital && particle_in_name(lex, units, k) {
        return true;
    }
    // "First Kell Bank": a function word that begins a name.
    let name_first = capital
        && lex.is_name_first_word(u.norm())
        && units
            .get(k + 1)
            .is_some_and(|n| n.is_word() && n.capitalised() && n.function_class().is_none());
    if name_first {
        return true;
    }
    if let Some(function) = u.function_class() {
        if k == start {
            return false;
        }
        // Joiners inside proper names: "Secretary of State", "Center for
        // Strategic and International Studies".
        let joins = matches!(u.norm(), "of" | "for" | "and" | "de" | "on")
            && units.get(k - 1).is_some_and(|p| p.capitalised())
            && units
                .get(k + 1)
                .is_some_and(|n| n.capitalised() && !lex.is_calendar_word(n.norm()))
            && (u.norm() != "and"
                || (!title_after_first(units, start, k)
                    && (units[start..k]
                        .iter()
                        .any(|p| p.is_written(class::ORG_WORD))
                        || company_after_and(lex, units, start, k, text)
                        || firm_of_names(lex, units, k))));
        let joins = joins && !(u.norm() == "of" && named_after_title(units, start, k));
        // "Chancellor of the Exchequer Tam Velo": an office named with
        // "the" after a title.
        let office = office_of_the(units, start, k)
            || (u.norm() == "the"
                && k >= 1
                && units.get(k - 1).is_some_and(|p| p.norm() == "of")
                && office_of_the(units, start, k - 1));
        return joins || office || (function == FunctionClass::Auxiliary && capital && k == start);
    }
    if is_adverb(u) && !capital {
        return false;
    }
    // After a name, lower-case words continue the phrase only on the way
    // to a common-noun head ("Russian military analysts"), never as a verb
    // ("the European Union issued").
    if k > start && !capital && units.get(k - 1).is_some_and(|p| p.capitalised()) {
        // (The first may be an adjective the determiner list holds:
        // "Ostmark's top port policy adviser".)
        let head_ahead = units[k..]
            .iter()
            .take(4)
            .enumerate()
            .take_while(|&(o, n)| {
                n.is_word() && !n.capitalised() && (o == 0 || !n.is(class::DETERMINER))
            })
            .map(|(_, n)| n)
            .any(|n| {
                n.is(class::ROLE_NOUN | class::ORG_NOUN | class::DOCUMENT_NOUN)
                    || n.is_written(class::TITLE)
            });
        // "Varn constituent Della Moss", "Pell ally Anton Vey": one plain
        // word between a name and a person's two-word name is the
        // person's role, whatever noun the lists lack.
        let name_ahead = k - start <= 2
            && role_before_name(lex, u)
            && !units[k - 1].is(class::DETERMINER)
            && units.get(k + 1..k + 3).is_some_and(|next| {
                next.iter().all(|n| {
                    n.is_word()
                        && n.capitalised()
                        && n.function_class().is_none()
                        && !n.is(class::ROLE_NOUN)
                })
            });
        if !head_ahead && !name_ahead {
            return false;
        }
    }

    true
}

/// Whether unit `k` is a particle of a personal name between its
/// capitalised parts (`data/name_particles.txt`), a second particle
/// allowed on either side ("van der").
fn particle_in_name(lex: &Lexicon, units: &[Unit], k: usize) -> bool {
    let particle = |u: &Unit| u.is_word() && !u.capitalised() && lex.is_name_particle(u.norm());
    let name_part = |u: &Unit| u.is_word() && u.capitalised() && u.function_class().is_none();
    if !units.get(k).is_some_and(particle) {
        return false;
    }
    let before = match k.checked_sub(1).and_then(|p| units.get(p)) {
        Some(p) if particle(p) => k
            .checked_sub(2)
            .and_then(|p| units.get(p))
            .is_some_and(name_part),
        Some(p) => name_part(p),
        None => false,
    };
    let after = match units.get(k + 1) {
        Some(n) if particle(n) => units.get(k + 2).is_some_and(name_part),
        Some(n) => name_part(n) && !lex.is_calendar_word(n.norm()),
        None => false,
    };
    before && after
}

/// Whether lower-case word `u` may be the role between a name and a
/// person's name ("Ostland delegate Rudi Kamp"): a plain word, not a verb
/// form ("-ed", "-ing", "-s", `data/name_link_words.txt`) nor a particle
/// inside a name ("Banca della Valle").
fn role_before_name(lex: &Lexicon, u: &Unit) -> bool {
    let w = u.norm();
    u.is_word()
        && !u.capitalised()
        && u.function_class().is_none()
        && w.len() >= 4
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && (!w.ends_with('s') || w.ends_with("ss"))
        && !lex.is_name_link_word(w)
        && !lex.is_name_particle(w)
}

#[inline]
/// A verb of the manner of saying, or one that attributes a quote only
/// next to it, ending its clause ("“...,” the mayor fumed.", "“...,” one
/// trader agreed,"): the verb after a speaker, not a word of the phrase.
fn manner_verb_ends_clause(lex: &Lexicon, units: &[Unit], k: usize) -> bool {
    let Some(u) = units.get(k).filter(|u| u.is_word()) else {
        return false;
    };
    let ends_clause = units.get(k + 1).is_none_or(|n| !n.is_word());
    let words = [u.norm(), ""];
    ends_clause && (lex.manner_cue_at(&words) == Some(1) || lex.adjacent_cue_at(&words) == Some(1))
}

fn cue_here(lex: &Lexicon, units: &[Unit], k: usize) -> bool {
    units
        .get(k)
        .is_some_and(|u| u.is_word() && u.may_start_cue() && cue_words_here(lex, units, k))
}

/// [`cue_here`] once the first word may start a cue.
fn cue_words_here(lex: &Lexicon, units: &[Unit], k: usize) -> bool {
    let mut words: [&str; 4] = [""; 4];
    let mut n = 0;
    for u in units
        .get(k..)
        .unwrap_or(&[])
        .iter()
        .take(4)
        .take_while(|u| u.is_word())
    {
        words[n] = u.norm();
        n += 1;
    }
    units
        .get(k)
        .is_some_and(|first| lex.cue_in_list(first.cue_list(), &words[..n]).is_some())
}

/// Reads the speaker phrase starting at unit `i`; returns it with the index
/// of the first unit after it.
pub fn phrase_forward(
    lex: &Lexicon,
    units: &[Unit],
    i: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let first = units.get(i).filter(|u| u.is_word())?;
    if let Some(g) = lex.pronoun(word_text(first, text)) {
        return Some((
            Phrase {
                start: first.start,
                end: first.end,
                kind: PhraseKind::Pronoun(g),
                name: word_text(first, text).to_string(),
                role: None,
                head: first.norm().to_string(),
                female: g == 'f',
                male: g == 'm',
                plural: g == 'p',
            },
            i + 1,
        ));
    }
    // "“...,” one said.", "Another added: ...": one of a group named
    // before, unnamed, standing alone before a cue or after one.
    // ("One report said": a noun that doubles as a cue is the head.)
    let alone = || {
        units.get(i + 1).is_none_or(|n| {
            !n.is_word()
                || cue_here(lex, units, i + 1)
                    && !n.is(class::DOCUMENT_NOUN | class::ROLE_NOUN | class::ORG_NOUN)
        })
    };
    if matches!(first.norm(), "one" | "another") && i < limit && alone() {
        return Some((
            Phrase {
                start: first.start,
                end: first.end,
                kind: PhraseKind::Unnamed,
                name: word_text(first, text).to_string(),
                role: None,
                head: first.norm().to_string(),
                female: false,
                male: false,
                plural: false,
            },
            i + 1,
        ));
    }
    let mut j = i;
    while j < limit && j - i < MAX_WORDS && continues_phrase(lex, units, i, j, text) {
        // "a source familiar with the talks": the phrase ends before its
        // modifier.
        if j > i && modifier_here(lex, units, j).is_some() {
            break;
        }
        // A determiner after the first words starts a new phrase, unless
        // it is one used as an adjective before the head ("the former top
        // aide", "Ostmark's top port policy adviser").
        if j > i
            && !units[j].capitalised()
            && units[j].is(class::DETERMINER)
            && !is_leading_det(units, i, j)
            && !role_ahead(units, j + 1)
            && !office_of_the(units, i, j - 1)
        {
            break;
        }
        j += 1;
    }
    let phrase = classify(lex, units, i, j, text)?;
    let (phrase, j) = company_tail(lex, units, phrase, j, limit, text);
    Some(with_modifier(lex, units, phrase, j, limit, text))
}

/// The legal form a company's name ends with after a bracketed place or a
/// comma ("Orvo Securities Co (Europe) Ltd", "Energy Watch Analysis,
/// Inc"), read forward from the name before it, which ends before unit
/// `j`: the whole name and the unit after it.
fn company_tail(
    lex: &Lexicon,
    units: &[Unit],
    phrase: Phrase,
    j: usize,
    limit: usize,
    text: &str,
) -> (Phrase, usize) {
    if !matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization) {
        return (phrase, j);
    }
    let punct = |k: usize, p: &str| units.get(k).is_some_and(|u| u.is_punct(p));
    let legal = |k: usize| {
        units
            .get(k)
            .is_some_and(|u| lex.is_legal_form(u.text(text)))
    };
    let bracketed = punct(j, "(")
        && units
            .get(j + 1)
            .is_some_and(|u| u.is_word() && u.capitalised())
        && punct(j + 2, ")")
        && legal(j + 3);
    // "Sarn, Velo and Co": names after a comma, then "and" and a legal form.
    // (Not after a person's name with the firm: "Ivo Sand of Sarn, Velo and
    // Co" stays Ivo Sand.)
    let of_firm = || {
        text.get(phrase.start..phrase.end)
            .is_some_and(|w| w.split_whitespace().any(|word| word == "of"))
    };
    let names_and_form = (punct(j, ",") && !of_firm())
        .then(|| {
            let names = units
                .get(j + 1..limit.min(j + 4))
                .unwrap_or(&[])
                .iter()
                .take_while(|u| u.is_word() && u.capitalised() && !u.may_start_cue())
                .count();
            let and = j + 1 + names;
            (names >= 1 && units.get(and).is_some_and(|u| u.norm() == "and") && legal(and + 1))
                .then(|| if legal(and + 2) { and + 2 } else { and + 1 })
        })
        .flatten();
    let tail = if let Some(form) = names_and_form {
        form
    } else if bracketed {
        j + 3
    } else if punct(j, ",")
        && legal(j + 1)
        && units
            .get(j + 2)
            .is_none_or(|u| !u.is_word() || j + 2 >= limit || u.may_start_cue())
    {
        j + 1
    } else {
        return (phrase, j);
    };
    match units.get(tail).filter(|_| tail < limit) {
        Some(last) => {
            // ("lead manager Sarn, Velo and Co": the words before the name
            // are no part of it.)
            let written = squash(text.get(phrase.start..last.end).unwrap_or(""));
            let name_at = names_and_form
                .and_then(|_| written.find(phrase.name.as_str()))
                .unwrap_or(0);
            let mut name = strip_the(written.get(name_at..).unwrap_or(""));
            // A sentence's full stop the legal form took ("... and Co.")
            // ends the sentence, not the name.
            if names_and_form.is_some() && units.get(tail + 1).is_none_or(|u| !u.is_word()) {
                if let Some(bare) = name.strip_suffix('.') {
                    if lex.is_legal_form(bare.rsplit(' ').next().unwrap_or("")) {
                        name = bare.to_string();
                    }
                }
            }
            (
                Phrase {
                    end: last.end,
                    kind: PhraseKind::Organization,
                    name,
                    head: last.norm().to_string(),
                    ..phrase
                },
                tail + 1,
            )
        }
        None => (phrase, j),
    }
}

/// "a source familiar with the talks": a description takes a speaker
/// modifier and its words, up to the clause's cue or punctuation (at most
/// six words after the modifier), into its span and name.
fn with_modifier(
    lex: &Lexicon,
    units: &[Unit],
    mut phrase: Phrase,
    j: usize,
    limit: usize,
    text: &str,
) -> (Phrase, usize) {
    if !matches!(phrase.kind, PhraseKind::Unnamed | PhraseKind::Definite) {
        return (phrase, j);
    }
    let Some(len) = modifier_here(lex, units, j) else {
        return (phrase, j);
    };
    let end = (j + len..limit.min(j + len + 6))
        .find(|&k| {
            units
                .get(k)
                .is_none_or(|u| !u.is_word() || cue_here(lex, units, k))
        })
        .unwrap_or(limit.min(j + len + 6));
    let Some(last) = units.get(end.wrapping_sub(1)).filter(|_| end > j + len) else {
        return (phrase, j);
    };
    phrase.end = last.end;
    if let Some(name) = text.get(phrase.start..phrase.end) {
        phrase.name = squash(name);
    }
    (phrase, end)
}

/// The length in words of a speaker modifier ("familiar with", "close
/// to", `data/speaker_modifiers.txt`) starting at unit `k`.
fn modifier_here(lex: &Lexicon, units: &[Unit], k: usize) -> Option<usize> {
    let first = units.get(k).filter(|u| u.is_word() && !u.capitalised())?;
    // Every modifier ends in a preposition: the one lookup most words skip.
    let second = units
        .get(k + 1)
        .filter(|u| u.function_class() == Some(FunctionClass::Preposition))?;
    lex.speaker_modifier_at(&[first.norm(), second.norm()])
}

/// Whether a role noun heads the lower-case words from `k` on, within
/// three words ("foreign policy aide").
fn role_ahead(units: &[Unit], k: usize) -> bool {
    units
        .get(k..)
        .unwrap_or(&[])
        .iter()
        .take(3)
        .take_while(|u| u.is_word() && !u.capitalised())
        .any(|u| u.is(class::ROLE_NOUN))
}

fn is_leading_det(units: &[Unit], i: usize, j: usize) -> bool {
    units[i..j].iter().all(|u| u.is(class::DETERMINER))
}

/// A description whose head noun the lexicon does not know, accepted only
/// because a speech cue follows it at once: “...,” the New York
/// businessman said.
pub fn description_before_cue(
    lex: &Lexicon,
    units: &[Unit],
    i: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    if !units.get(i)?.is(class::DETERMINER) {
        return None;
    }
    let cue = (i + 2..limit.min(i + 8))
        .find(|&j| cue_here(lex, units, j) || manner_verb_ends_clause(lex, units, j))?;
    // "the growing reports did ...": a noun that doubles as a cue is the
    // head here, not the verb.
    if units.get(cue).is_some_and(|u| u.is(class::DOCUMENT_NOUN)) {
        return None;
    }
    // "the editorial board recently wrote": adverbs and auxiliaries
    // before the cue are no part of the description. (Not a negation, which
    // the cue keeps: "a figure Kell does not deny"; nor one after a
    // determiner: "the new lease extends a previously announced ...".)
    let mut end = cue;
    while end > i + 2
        && units.get(end - 1).is_some_and(|u| {
            !u.capitalised()
                && (is_adverb(u) || u.function_class() == Some(FunctionClass::Auxiliary))
        })
    {
        end -= 1;
    }
    let kept = units
        .get(end..cue)
        .is_some_and(|between| !between.iter().any(Unit::is_negation))
        && units
            .get(end - 1)
            .is_some_and(|u| u.function_class().is_none() && !u.is(class::DETERMINER));
    let end = if kept { end } else { cue };
    described_with_place(units, i, end, text).map(|p| (p, end))
}

/// “...,” screenwriter Ada Lume wrote: words the lexicon does not know as
/// a role (an "and" may join two), then a name of two or more capitalised
/// words, then the cue at once. The words before the name are the
/// person's role; a capitalised function word among them belongs to a
/// name ("Kell This Morning co-host").
pub fn described_name_before_cue(
    lex: &Lexicon,
    units: &[Unit],
    i: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let first = units.get(i)?;
    if !first.is_word() || first.function_class().is_some() || is_adverb(first) {
        return None;
    }
    let run_end = word_run_end(units, i, limit);
    let cue = (i + 3..run_end.min(i + 10)).find(|&j| cue_here(lex, units, j))?;
    let mut n = cue;
    while n > i && units.get(n - 1).is_some_and(Unit::capitalised) {
        n -= 1;
    }
    if cue < n + 2 || n == i || n > i + 6 {
        return None;
    }
    let role = units.get(i..n)?;
    // The role's last word is its head noun: not a verb's participle
    // ("meaning", "joined"), not a cue.
    let head = role.last()?;
    // ("Kell vice-president and group executive Ivo Sand": an "and"
    // joins two roles.)
    let described = role
        .iter()
        .all(|u| u.function_class().is_none() || u.capitalised() || u.norm() == "and")
        && head.norm() != "and"
        && role.iter().any(|u| !u.capitalised())
        && !head.norm().ends_with("ing")
        && !head.norm().ends_with("ed")
        && (i..n).all(|k| !cue_here(lex, units, k));
    if !described {
        return None;
    }
    let (mut name, next) = phrase_forward(lex, units, n, cue, text)?;
    if name.kind != PhraseKind::Person || next != cue {
        return None;
    }
    if name.role.is_none() {
        name.role = Some(squash(text.get(first.start..head.end)?));
    }
    name.start = first.start;
    Some((name, cue))
}

/// [`bare_description`] of `units[i..end]`, or of its words before a short
/// prepositional phrase that runs to `end` ("a dealer in Tokyo", "an
/// analyst at a Sarn bank"): the phrase joins the span and the name.
fn described_with_place(units: &[Unit], i: usize, end: usize, text: &str) -> Option<Phrase> {
    if let Some(p) = bare_description(units, i, end, text) {
        return Some(p);
    }
    // Prepositions of place and affiliation ("came as Tarn announced",
    // "rose after the ministry said" are clauses, not speakers).
    let prep = (i + 2..end).find(|&k| {
        units.get(k).is_some_and(|u| {
            matches!(
                u.norm(),
                "at" | "in" | "with" | "for" | "from" | "on" | "of"
            )
        })
    })?;
    let tail = units.get(prep..end)?;
    // One preposition and its noun phrase ("at a major bank"; not "of
    // boats to the northern", "of councillors have"), after a noun (not
    // "rose after the ministry").
    let plain =
        |u: &&Unit| u.is_word() && (u.function_class().is_none() || u.is(class::DETERMINER));
    let head = units.get(prep - 1)?.norm();
    if tail.len() < 2
        || tail.len() > 5
        || !tail.get(1..)?.iter().all(|u| plain(&u))
        || tail.last()?.is(class::DETERMINER)
        || head.ends_with("ed")
        || head.ends_with("ing")
    {
        return None;
    }
    let mut phrase = bare_description(units, i, prep, text)?;
    phrase.end = units.get(end - 1)?.end;
    phrase.name = squash(text.get(phrase.start..phrase.end)?);
    Some(phrase)
}

/// The same description after a quote and its cue, closing the clause:
/// “...,” said the New York businessman. / “...,” said the 46-year-old, ...
pub fn description_after_cue(
    lex: &Lexicon,
    units: &[Unit],
    i: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    if !units.get(i)?.is(class::DETERMINER) {
        return None;
    }
    // `limit` is the end of the clause (its full stop or the next quote).
    let run_end = word_run_end(units, i + 1, limit);
    let closes = run_end == limit
        || units
            .get(run_end)
            .is_some_and(|u| matches!(u.norm(), "," | ";" | "!" | "?"));
    // "said a Kell banker who spoke from the pier": a relative clause
    // closing the clause describes the speaker; its span holds it.
    let relative = (i + 2..run_end.min(i + 9)).find(|&j| {
        units
            .get(j)
            .is_some_and(|u| matches!(u.norm(), "who" | "whom"))
    });
    let end = relative.unwrap_or(run_end);
    if end < i + 2
        || end > i + 9
        || run_end > end + MAX_RELATIVE_UNITS
        || !closes
        || (i + 1..end).any(|j| cue_here(lex, units, j))
    {
        return None;
    }
    let mut phrase = described_with_place(units, i, end, text)?;
    if relative.is_some() {
        phrase.end = units.get(run_end - 1)?.end;
    }
    Some((phrase, run_end))
}

/// Most units a relative clause after a described speaker holds.
const MAX_RELATIVE_UNITS: usize = 14;

/// The first unit from `from` on that is not a word, or `limit`: where a
/// run of words read towards the end of a clause stops.
pub(crate) fn word_run_end(units: &[Unit], from: usize, limit: usize) -> usize {
    (from..limit)
        .find(|&j| units.get(j).is_none_or(|u| !u.is_word()))
        .unwrap_or(limit)
}

/// `units[i..end]`, a determiner and plain words (no function word, no
/// "-ing" verb at the end), as a description of an unnamed speaker.
fn bare_description(units: &[Unit], i: usize, end: usize, text: &str) -> Option<Phrase> {
    let first = units.get(i)?;
    let body = units.get(i..end)?;
    if body.last().is_some_and(|u| u.norm().ends_with("ing")) {
        return None;
    }
    // "one of the advisers", "two of his aides": a partitive.
    let partitive = body.get(1).is_some_and(|u| u.norm() == "of");
    let skip = if partitive {
        let owner = body.get(2).is_some_and(|u| {
            matches!(
                u.norm(),
                "the" | "those" | "these" | "his" | "her" | "their" | "its" | "our"
            )
        });
        2 + usize::from(owner)
    } else {
        0
    };
    if body.len() <= skip
        || body.iter().any(|u| !u.is_word())
        || body[skip..].iter().any(|u| u.function_class().is_some())
    {
        return None;
    }
    let head = body.last()?;
    // A partitive names people: "one of the negotiators", not "one of the
    // first measures".
    if partitive && !head.is(class::ROLE_NOUN) {
        return None;
    }
    // "a claim Valdoria denies": a name after a cited text's noun is the
    // subject of a reduced relative clause, not part of a speaker.
    if head.capitalised()
        && body.len() >= 3
        && body
            .get(body.len() - 2)
            .is_some_and(|u| !u.capitalised() && u.is(class::DOCUMENT_NOUN))
    {
        return None;
    }
    let definite = first.norm() == "the";
    let plural = head.norm().ends_with('s')
        && !head.norm().ends_with("ss")
        && !(partitive && first.norm() == "one");
    Some(Phrase {
        start: first.start,
        end: head.end,
        kind: if definite && !plural {
            PhraseKind::Definite
        } else {
            PhraseKind::Unnamed
        },
        name: join(body, text),
        role: Some(join(role_words(body, skip), text)),
        head: head.norm().to_string(),
        female: false,
        male: false,
        plural,
    })
}

/// The words of a description that name the role: all but its
/// determiner, or after a partitive's `skip` words, its noun ("one of two
/// witnesses": "witnesses").
fn role_words<'u, 'a>(body: &'u [Unit<'a>], skip: usize) -> &'u [Unit<'a>] {
    let rest = body.get(skip.max(1)..).unwrap_or(&[]);
    if skip == 0 {
        return rest;
    }
    let lead = rest
        .iter()
        .take_while(|u| u.is(class::DETERMINER))
        .count()
        .min(rest.len().saturating_sub(1));
    rest.get(lead..).unwrap_or(rest)
}

/// Reads the speaker phrase that ends just before unit `end`; the longest
/// phrase that parses up to exactly there wins (a company's name across a
/// comma or bracket whole, see [`whole_company`]).
pub fn phrase_backward(
    lex: &Lexicon,
    units: &[Unit],
    floor: usize,
    end: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let found = phrase_backward_plain(lex, units, floor, end, text)?;
    Some(whole_company(lex, units, floor, end, text, found))
}

/// [`phrase_backward`] over one run of words.
fn phrase_backward_plain(
    lex: &Lexicon,
    units: &[Unit],
    floor: usize,
    end: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let lowest = end.saturating_sub(MAX_WORDS).max(floor);
    let mut start = end;
    while start > lowest && units.get(start - 1).is_some_and(Unit::is_word) {
        start -= 1;
    }
    (start..end).find_map(|s| {
        phrase_forward(lex, units, s, end, text)
            .filter(|&(_, next)| next == end)
            .map(|(p, _)| (p, s))
    })
}

/// A company's name that newswire writes with a comma or a bracketed
/// place inside ("Sears, Roebuck and Co", "Energy Watch Analysis, Inc",
/// "Orvo Securities Co (Europe) Ltd"): the phrase read back to the comma
/// or bracket, `found` (units `s..end`), is only the name's end, a lone
/// legal form or one after "and". The name before joins it when it is one
/// to three capitalised words.
fn whole_company(
    lex: &Lexicon,
    units: &[Unit],
    floor: usize,
    end: usize,
    text: &str,
    found: (Phrase, usize),
) -> (Phrase, usize) {
    let (phrase, s) = &found;
    let Some(words) = units.get(*s..end).filter(|w| !w.is_empty()) else {
        return found;
    };
    let last = &words[words.len() - 1];
    if phrase.kind != PhraseKind::Organization || !lex.is_legal_form(last.text(text)) {
        return found;
    }
    let lone = words.len() == 1;
    let after_and = words.iter().any(|u| u.norm() == "and");
    let punct = |k: usize, p: &str| units.get(k).is_some_and(|u| u.is_punct(p));
    // The unit the name before ends at: a comma, or a bracketed place
    // after which only a lone legal form stands.
    let before = match s.checked_sub(1) {
        Some(c) if punct(c, ",") && (lone || after_and) => c,
        Some(c)
            if lone
                && punct(c, ")")
                && c >= 2
                && punct(c - 2, "(")
                && units
                    .get(c - 1)
                    .is_some_and(|u| u.is_word() && u.capitalised()) =>
        {
            c - 2
        }
        _ => return found,
    };
    // The name before: one to three capitalised words, no title.
    let name_word = |k: &usize| {
        *k >= floor
            && units.get(*k).is_some_and(|u| {
                u.is_word()
                    && u.capitalised()
                    && u.function_class().is_none()
                    && !u.is_written(class::TITLE)
            })
    };
    let hs = (before.saturating_sub(3)..before)
        .rev()
        .take_while(name_word)
        .last()
        .unwrap_or(before);
    // "In Sarn, Tully and Co said": a clause opening with a preposition
    // ends at the comma.
    let opens_clause = hs.checked_sub(1).is_some_and(|p| {
        units.get(p).is_some_and(|u| u.is(class::PREPOSITION))
            && p.checked_sub(1)
                .is_none_or(|q| units.get(q).is_none_or(|u| !u.is_word()))
    });
    let (Some(head), false) = (units.get(hs).filter(|_| hs < before), opens_clause) else {
        return found;
    };
    let name = strip_the(&squash(text.get(head.start..phrase.end).unwrap_or("")));
    (
        Phrase {
            start: head.start,
            name,
            ..phrase.clone()
        },
        hs,
    )
}

fn join(units: &[Unit], text: &str) -> String {
    match (units.first(), units.last()) {
        (Some(a), Some(b)) => squash(text.get(a.start..b.end).unwrap_or("")),
        _ => String::new(),
    }
}

/// Collapses whitespace runs (line wraps inside a name) to single spaces.
pub fn squash(s: &str) -> String {
    // Most phrases are ASCII words split by single spaces: copied as is.
    let bytes = s.as_bytes();
    let plain = bytes
        .iter()
        .all(|&b| b.is_ascii() && !matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
        && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ');
    if plain {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (k, word) in s.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn classify(lex: &Lexicon, units: &[Unit], i: usize, j: usize, text: &str) -> Option<Phrase> {
    let all = units.get(i..j)?;
    if all.is_empty() {
        return None;
    }
    // "Both Ivo Sand and ...": a quantifier opening the sentence before a
    // name is no part of it (the phrase's span keeps it); before a
    // description ("One Western diplomat") it is.
    let quantifier = all.len() > 1
        && all[0].capitalised()
        && all[1].capitalised()
        && i.checked_sub(1)
            .is_none_or(|p| units.get(p).is_some_and(|u| !u.is_word()))
        && lex.is_name_opener(all[0].norm())
        // ("Most Sarn dealers said": a description the name only opens.)
        && units.get(j).is_none_or(|n| {
            !n.is_word()
                || n.capitalised()
                || matches!(n.norm(), "and" | "or" | "nor")
                || cue_here(lex, units, j)
                || n.function_class().is_some()
        });
    if let Some(named) = quantifier
        .then(|| classify(lex, units, i + 1, j, text))
        .flatten()
        .filter(|p| matches!(p.kind, PhraseKind::Person | PhraseKind::Organization))
    {
        return Some(Phrase {
            start: all[0].start,
            ..named
        });
    }
    let dets = all
        .iter()
        .take_while(|u| u.is(class::DETERMINER) && !u.is(class::ROLE_NOUN))
        .count();
    let body = &all[dets..];
    let head_unit = body.last()?;
    let head = word_text(head_unit, text);
    // The normal form, for the lexicon lists that ignore case.
    let head_lower = head_unit.norm();
    let start = all.first()?.start;
    let end = head_unit.end;
    // Built only for the phrase returned: most candidate phrases fail.
    let whole = || squash(text.get(start..end).unwrap_or(""));
    let description = || join(body, text);
    let head_capital = head_unit.capitalised();
    let head_norm = || head_lower.to_string();
    let organization = || Phrase {
        start,
        end,
        kind: PhraseKind::Organization,
        name: strip_the(&whole()),
        role: None,
        head: head_norm(),
        female: false,
        male: false,
        plural: false,
    };
    let plural = head_lower.ends_with('s') && !head_lower.ends_with("ss");
    // A description naming no one: its words are the name and the role.
    let described = |kind: PhraseKind, plural: bool| Phrase {
        start,
        end,
        kind,
        name: whole(),
        role: Some(description()),
        head: head_norm(),
        female: false,
        male: false,
        plural,
    };
    let proper_inside = body[..body.len() - 1]
        .iter()
        .enumerate()
        .any(|(k, u)| u.capitalised() && (k > 0 || dets > 0) && u.is_written(class::ORG_WORD));
    // Descriptions headed by a common noun.
    if !head_capital || (body.len() == 1 && dets == 0 && head_unit.is(class::ROLE_NOUN)) {
        let definite = dets == 1 && all[0].norm() == "the";
        if head_unit.is(class::ORG_NOUN) || (proper_inside && !head_unit.is(class::ROLE_NOUN)) {
            return Some(organization());
        }
        if head_unit.is(class::ROLE_NOUN | class::DOCUMENT_NOUN) {
            let kind = if definite && !plural && body.len() <= 2 {
                PhraseKind::Definite
            } else {
                PhraseKind::Unnamed
            };
            return Some(described(kind, plural));
        }
        return None;
    }
    // A capitalised head: a name, possibly after titles.
    if body.iter().any(|u| !u.is_word()) {
        return None;
    }
    // "A Japanese trader said", "an Ostland banker said", "Most Kell
    // dealers said": a capital after an indefinite article or a quantifier,
    // with a lower-case noun still to come, is a description's adjective,
    // not a name.
    let adjective = dets == 1
        && matches!(
            all[0].norm(),
            "a" | "an" | "most" | "many" | "some" | "several" | "few"
        )
        && units.get(j).is_some_and(|n| {
            n.is_word()
                && !n.capitalised()
                && n.function_class().is_none()
                && !n.is(class::DETERMINER)
                && (n.is(class::DOCUMENT_NOUN) || !cue_here(lex, units, j))
        });
    if adjective {
        return None;
    }
    // "most Congressmen", "some Democrats": a plural after a quantifier
    // is a group of people speaking unnamed.
    let quantified_group = dets == 1
        && body.len() == 1
        && matches!(
            all[0].norm(),
            "most" | "many" | "some" | "several" | "all" | "few" | "other" | "two" | "three"
        )
        && (plural || head_lower.ends_with("men"));
    if quantified_group {
        return Some(described(PhraseKind::Unnamed, true));
    }
    let lone = dets == 0 && body.len() == 1;
    // "Speaking at a rally, ...", "Asked about the vote, ...", "Smiling
    // broadly, ...": a participle opening a clause, not a name.
    let opens_sentence = i
        .checked_sub(1)
        .is_none_or(|p| units.get(p).is_some_and(|u| !u.is_word()));
    let next = units.get(j);
    let ing = head_lower.len() >= 6
        && head_lower.ends_with("ing")
        && next.is_some_and(|n| {
            n.function_class() == Some(FunctionClass::Preposition)
                || n.is(class::DETERMINER)
                // "Smiling broadly throughout her speech, ..."
                || (is_adverb(n) && !n.capitalised())
        });
    // "Asked on Monday whether ...", "Asked which county ...", "Asked a
    // direct question ...": a short list, since names end in "-ed" too
    // ("Alfred", "Mildred").
    let ed = head_lower.len() >= 5
        && head_lower.ends_with("ed")
        && next.is_some_and(|n| {
            matches!(
                n.norm(),
                "about"
                    | "whether"
                    | "if"
                    | "by"
                    | "on"
                    | "at"
                    | "during"
                    | "which"
                    | "what"
                    | "how"
                    | "why"
                    | "when"
                    | "who"
                    | "a"
                    | "an"
                    | "the"
            )
        });
    let participle = lone && opens_sentence && (ing || ed);
    if participle || (lone && (lex.is_not_name(head_lower) || lex.is_calendar_word(head_lower))) {
        return None;
    }
    // "Dealers said ...": a group, unnamed.
    if lone && lex.is_group_noun(head_lower) {
        return Some(described(PhraseKind::Unnamed, true));
    }
    // Normal forms on the stack: phrases are short (the heap only for a
    // phrase longer than any the reader builds).
    let mut buf = [""; WORDS_ON_STACK];
    let heap: Vec<&str>;
    let words: &[&str] = if body.len() <= WORDS_ON_STACK {
        for (slot, u) in buf.iter_mut().zip(body) {
            *slot = u.norm();
        }
        buf.get(..body.len()).unwrap_or(&[])
    } else {
        heap = body.iter().map(|u| u.norm()).collect();
        &heap
    };
    // "Trump lawyer Marc Kasowitz": a lower-case role noun also ends the
    // title part.
    // "Ostland delegate Rudi Kamp": so does a plain lower-case word before
    // a name of two or more capitalised words that ends the phrase.
    let before_name = |k: usize, u: &Unit| {
        (1..=2).contains(&k)
            && role_before_name(lex, u)
            && body.len() >= k + 3
            && body[k + 1..].iter().all(Unit::capitalised)
    };
    let title_end = body[..body.len() - 1]
        .iter()
        .enumerate()
        .rposition(|(k, u)| {
            u.is_written(class::TITLE)
                || (!u.capitalised() && u.is(class::ROLE_NOUN))
                || before_name(k, u)
                // ("shipping group Cie Maritime": see `org_named`.)
                || (!u.capitalised() && lex.is_org_kind_noun(u.norm()))
        })
        .map(|k| k + 1);
    let polity_len = lex.polity_at(words);
    // "Ukraine’s Air Defense": a possessive inside a name makes it an
    // institution, not a person.
    let possessive = body[..body.len() - 1]
        .iter()
        .any(|u| u.norm().ends_with("'s"));
    let org = possessive
        || body.iter().any(|u| u.is_written(class::ORG_WORD))
        // An "and" inside a name joins a company's ("S and P").
        || body.iter().any(|u| u.norm() == "and")
        || (body.len() == 1 && is_acronym(head))
        || polity_len == Some(body.len())
        // "First Kell": a name a listed function word begins is a firm's
        // (not "First Lady Ada Lume", a title or an honorific).
        || (body[0].capitalised()
            && lex.is_name_first_word(body[0].norm())
            && !body
                .get(1)
                .is_some_and(|u| u.is_written(class::TITLE) || lex.is_honorific(u.norm())));
    // "Chancellor of the Exchequer Tam Velo": after an office named with
    // "the", the last two words are the person's name; without one ("the
    // Chairman of the Sarn Reserve Board") the office is a description.
    if let Some(k) = (0..body.len()).find(|&k| office_of_the(body, 0, k)) {
        let name_units = body.get(body.len().saturating_sub(2)..).unwrap_or(&[]);
        // (Not an institution's last words: "of the Central Bank of the
        // Sarn CKR zone", "of the Ostland Federation of Banks".)
        let named = body.len() >= k + 5
            && name_units.iter().all(|u| {
                u.capitalised()
                    && !u.is_written(class::ORG_WORD | class::TITLE)
                    && !is_acronym(word_text(u, text))
            })
            && units.get(j).is_none_or(|n| n.norm() != "of");
        let (kind, name, role) = if named {
            let office = body.get(..body.len() - 2).unwrap_or(&[]);
            (
                PhraseKind::Person,
                join(name_units, text),
                join(office, text),
            )
        } else {
            (PhraseKind::Unnamed, whole(), description())
        };
        let title = body
            .get(..k)
            .and_then(|t| t.last())
            .map(|u| u.norm().to_string());
        return Some(Phrase {
            start,
            end,
            kind,
            name,
            role: Some(role),
            head: if named {
                head_norm()
            } else {
                title.unwrap_or_else(head_norm)
            },
            female: named
                && name_units
                    .first()
                    .is_some_and(|u| u.is_written(class::FEMALE)),
            male: false,
            plural: false,
        });
    }
    // "Orvo's General Manager", "The Minister": titles and role nouns
    // with no name after them describe a speaker (an appositive or an
    // earlier mention may name them), they are no name.
    let office = |u: &Unit| u.is(class::ROLE_NOUN) || u.is_written(class::TITLE);
    // (After an honorific the last word is a surname: "Mr. King", "Lord
    // Prince".)
    let office_only = head_capital
        && match title_end {
            Some(te) => {
                body[te..].iter().all(office)
                    && !body[..te].iter().any(|u| lex.is_honorific(u.norm()))
            }
            None => dets > 0 && body.len() == 1 && office(head_unit),
        };
    if office_only {
        let definite = dets == 1 && all[0].norm() == "the" && body.len() <= 2 && !plural;
        let kind = if definite {
            PhraseKind::Definite
        } else {
            PhraseKind::Unnamed
        };
        return Some(described(kind, plural));
    }
    if let Some(te) = title_end {
        let name_units = &body[te..];
        let name_is_org = name_units.iter().any(|u| u.is_written(class::ORG_WORD))
            || lex.polity_at(&words[te..]) == Some(name_units.len());
        // ("Reserve Bank governor Ivo de Sand": particles inside the name.)
        let personal = name_units.first().is_some_and(Unit::capitalised)
            && name_units
                .iter()
                .all(|u| u.capitalised() || lex.is_name_particle(u.norm()));
        // "the engineers union Orm Metall", "lead manager Banque Sarn": an
        // organisation's name after a noun that says what it is, or, when
        // the name is an organisation's, what it does.
        let org_named = te >= 1 && personal && {
            let noun = &body[te - 1];
            lex.is_org_kind_noun(noun.norm())
                || (name_is_org && !noun.capitalised() && noun.is(class::ROLE_NOUN))
        };
        if org_named {
            return Some(Phrase {
                start,
                end,
                kind: PhraseKind::Organization,
                name: join(name_units, text),
                role: Some(join(&body[..te], text)),
                head: head_norm(),
                female: false,
                male: false,
                plural: false,
            });
        }
        if !name_is_org && personal {
            let role = join(&body[..te], text);
            let female = name_units
                .first()
                .is_some_and(|u| u.is_written(class::FEMALE))
                || body[..te].iter().any(|u| u.is_written(class::FEMALE));
            return Some(Phrase {
                start,
                end,
                kind: PhraseKind::Person,
                name: join(name_units, text),
                male: body[..te].iter().any(|u| u.norm() == "mr."),
                role: Some(role),
                head: head_norm(),
                female,
                plural: false,
            });
        }
    }
    // "the Fed", "the Bundesbank": a proper name after "the" is an
    // institution's, not a person's.
    // (Not a title or a group of people: "the Agriculture Secretary", "the
    // Republican Congressmen".)
    let the_name = dets == 1
        && all[0].norm() == "the"
        && body.iter().all(|u| u.capitalised())
        && !head_unit.is_written(class::TITLE)
        && !head_lower.ends_with("men");
    // "Tam Velo of Kell Freight Securities Inc": a person's two-word name
    // before "of" and a company's name, ending in its legal form or an
    // organisation's word, after it (not an office before a name: "U.S.
    // Undersecretary of State for Trade Ada Lume"). A plural or an
    // organisation's word before "of" names a company ("Orvo Motors of Sarn
    // Ltd", "Kell Freight Corp of Sarn"); so does a place after it, a
    // compass word included ("... of North Ostland Inc").
    let person_of_firm = dets == 0
        && body.len() >= 4
        && body.get(2).is_some_and(|u| u.norm() == "of")
        && body[..2].iter().all(|u| {
            u.is_word()
                && u.capitalised()
                && u.function_class().is_none()
                && !u.is_written(class::ORG_WORD | class::TITLE)
        })
        && !body[1].norm().ends_with('s')
        && lex.polity_at(&words[3..]).is_none()
        && !matches!(words[3], "north" | "south" | "east" | "west")
        && body.last().is_some_and(|u| {
            u.is_written(class::ORG_WORD) || lex.is_legal_form(word_text(u, text))
        });
    if person_of_firm {
        return Some(Phrase {
            start,
            end,
            kind: PhraseKind::Person,
            name: whole(),
            role: None,
            head: body[1].norm().to_string(),
            female: body[0].is_written(class::FEMALE),
            male: false,
            plural: false,
        });
    }
    if org || the_name {
        return Some(organization());
    }
    // Sentence-initial capitalised determiners ("The", "A") are not names.
    if body
        .iter()
        .any(|u| !u.capitalised() && u.norm() != "of" && !lex.is_name_particle(u.norm()))
    {
        return None;
    }
    let female = body.first().is_some_and(|u| u.is_written(class::FEMALE));
    Some(Phrase {
        start,
        end,
        kind: PhraseKind::Person,
        name: description(),
        role: None,
        head: head_norm(),
        female,
        male: false,
        plural: false,
    })
}

pub(crate) fn strip_the(s: &str) -> String {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
        .to_string()
}

/// An appositive or relative clause after a speaker: ", a military analyst",
/// ", speaking on condition of anonymity", ", who requested anonymity".
#[derive(Debug, Clone, Default)]
pub struct Appositive {
    pub role: Option<String>,
    pub anonymous: bool,
    /// Index after the appositive (after its closing comma when it has one).
    pub next: usize,
    pub end_byte: usize,
    /// End of the last part that describes the speaker (role, relative
    /// clause, anonymity), 0 when none does.
    pub describes_end: usize,
}

/// Whether the full stop at unit `j` closes a short capitalised
/// abbreviation inside a description ("who lives in Salem, Mass., said"):
/// a comma follows it.
fn abbreviation_stop(units: &[Unit], j: usize) -> bool {
    units.get(j).is_some_and(|u| u.is_punct("."))
        && units.get(j + 1).is_some_and(|u| u.is_punct(","))
        && j.checked_sub(1)
            .and_then(|p| units.get(p))
            .is_some_and(|p| p.is_word() && p.capitalised() && p.norm().len() <= 5)
}

/// ", earlier reporting higher profit,", ", also noting that ...": an
/// adverb and a participle open a clause about the speaker, not a role
/// (unlike "chief operating officer", whose participle a role noun
/// follows).
fn adverb_then_ing(units: &[Unit], start: usize, end: usize) -> bool {
    let word = |k: usize| units.get(k).filter(|u| k < end && u.is_word());
    let (Some(first), Some(second)) = (word(start), word(start + 1)) else {
        return false;
    };
    !first.capitalised()
        && !first.is(class::DETERMINER)
        && !second.capitalised()
        && second.norm().ends_with("ing")
        && !word(start + 2).is_some_and(|u| u.is(class::ROLE_NOUN))
}

/// Most units an appositive not closed by a comma holds before its cue.
const MAX_UNCLOSED_APPOSITIVE: usize = 9;

/// "Ivo Sand, director of research at Kell Co said.": an appositive the
/// writer did not close with a comma (its words `units[start..end]`) ends
/// before the cue, when the words before it can only describe (not "...,
/// Ivo Sand asked what kind of firm sells ...") and it opens as a
/// description does (not "..., and said", "..., including ..."): that cue.
fn open_appositive_end(lex: &Lexicon, units: &[Unit], start: usize, end: usize) -> Option<usize> {
    let opens_description = units.get(start).is_some_and(|u| {
        u.is_word()
            && !u.is(class::RELATIVE)
            && (u.capitalised()
                || u.is(class::DETERMINER)
                || u.norm() == "of"
                || u.function_class().is_none()
                    && !u.norm().ends_with("ing")
                    && !u.norm().ends_with("ed"))
    });
    if !opens_description {
        return None;
    }
    let cue = (start + 1..end.min(start + MAX_UNCLOSED_APPOSITIVE + 1))
        .find(|&c| !units[c].capitalised() && units[c - 1].is_word() && cue_here(lex, units, c))?;
    let body = units.get(start..cue)?;
    // ("chairman and chief executive": an "and" joins two roles, not the
    // items of a list: "..., rights groups and unions alleged".)
    let roles = body
        .iter()
        .any(|u| u.is(class::ROLE_NOUN) || u.is_written(class::TITLE));
    let describes_only = body.iter().all(|u| {
        (u.is_word() || u.is_punct("."))
            && (!u.is(class::RELATIVE) || roles && matches!(u.norm(), "and" | "or"))
            && !matches!(u.norm(), "to" | "that" | "what" | "how" | "why" | "when")
    });
    describes_only.then_some(cue)
}

/// Reads appositives starting at unit `k` (a comma or an opening
/// parenthesis; several may follow each other).
pub fn appositives(
    lex: &Lexicon,
    units: &[Unit],
    k: usize,
    limit: usize,
    text: &str,
) -> Option<Appositive> {
    let mut out = Appositive::default();
    let mut k = k;
    let mut found = false;
    while k < limit {
        if units.get(k).is_some_and(|u| u.is_punct("(")) {
            // "Rep. Jane Roe (D-Ore.), ..."
            let close = (k + 1..limit.min(k + 12))
                .find(|&j| units.get(j).is_some_and(|u| u.is_punct(")")))?;
            out.end_byte = units.get(close).map_or(0, |u| u.end);
            out.describes_end = out.end_byte;
            out.next = close + 1;
            found = true;
            k = close + 1;
            continue;
        }
        if !units.get(k).is_some_and(|u| u.is_punct(",")) {
            break;
        }
        let body_start = k + 1;
        let mut j = body_start;
        while j < limit
            && units.get(j).is_some_and(|u| {
                !u.is_quote() && !matches!(u.norm(), "," | "." | ";" | ":" | "?" | "!" | "—" | "–")
                    || abbreviation_stop(units, j)
            })
            && j - body_start < 40
        {
            j += 1;
        }
        if j == body_start {
            break;
        }
        if !units.get(j).is_some_and(|u| u.is_punct(",")) {
            j = open_appositive_end(lex, units, body_start, j).unwrap_or(j);
        }
        // Anonymity phrases start within the first three words and are
        // shorter than the rest of the stack buffer, so the words after it
        // never decide a match.
        let mut words = [""; WORDS_ON_STACK];
        let n = (j - body_start).min(WORDS_ON_STACK);
        for (slot, u) in words.iter_mut().zip(&units[body_start..j]) {
            *slot = u.norm();
        }
        let words = words.get(..n).unwrap_or(&[]);
        let anon = (0..(j - body_start).min(3))
            .any(|s| lex.anonymity_at(words.get(s..).unwrap_or(&[])).is_some());
        let first = &units[body_start];
        let mut describes = true;
        let past_verb = first.is_word()
            && !first.capitalised()
            && first.norm().ends_with("ed")
            && !first.is(class::DETERMINER);
        // ", also told the ...", ", has said": an adverb or auxiliary
        // before the verb is the verb's too.
        let verb_at = skip_aux(units, body_start, j);
        if past_verb || (cue_here(lex, units, verb_at) && !first.capitalised()) {
            // ", said at a hearing": the verb, not a description.
            break;
        }
        let party_tag = j == body_start + 1
            && first.capitalised()
            && first.norm().contains('-')
            && first.norm().len() <= 8;
        // "Senator Ada Lume, Democrat of Ostland, said": a party member of a
        // place, as a role.
        let party_of = first.capitalised()
            && matches!(first.norm(), "democrat" | "republican" | "independent")
            && units.get(body_start + 1).is_some_and(|u| u.norm() == "of");
        // "a broker based in Fenwick, Fla.": the state after a place closes
        // the description before it.
        let one_word =
            j == body_start + 1 || j == body_start + 2 && abbreviation_stop(units, j - 1);
        let place_state = found
            && one_word
            && first.capitalised()
            && first.norm().len() <= 12
            && units.get(k.wrapping_sub(1)).is_some_and(Unit::capitalised)
            && units
                .get(k.wrapping_sub(2))
                .is_some_and(|u| matches!(u.norm(), "in" | "from" | "of" | "near" | "at"));
        // "managing director", "acting secretary": a role, not a clause.
        let ing_role = first.norm().ends_with("ing")
            && units
                .get(body_start + 1)
                .is_some_and(|u| u.is_word() && !u.capitalised() && u.is(class::ROLE_NOUN));
        // "Rena Gold, 83, said": an age describes the speaker but is no role.
        let age = j == body_start + 1
            && first.norm().len() <= 3
            && first.norm().bytes().all(|b| b.is_ascii_digit());
        // "Mr. Mahan, of Ostmark Capital Markets", "Rena Gold, 83, of
        // Brigantine": where the speaker is from or works.
        let from_place = matches!(first.norm(), "of" | "from")
            && j > body_start + 1
            && units[body_start + 1..j]
                .iter()
                .all(|u| u.is_word() && (u.capitalised() || u.is(class::DETERMINER)))
            && units[body_start + 1..j].iter().any(Unit::capitalised);
        if anon {
            out.anonymous = true;
        } else if party_tag || place_state || age || from_place {
            // Describes the speaker, but no role: "Mitch McConnell, R-Ky.,
            // said", ", Fla.", ", 83", ", of Brigantine".
        } else if party_of || ing_role {
            if out.role.is_none() {
                out.role = Some(join(&units[body_start..j], text));
            }
        } else if (first.norm() == "who" || first.norm() == "whose")
            && !cue_here(lex, units, skip_aux(units, body_start + 1, j))
        {
            // A relative clause describing the speaker (not "who said ...",
            // a statement of its own).
        } else if first.norm().ends_with("ing")
            || adverb_then_ing(units, body_start, j)
            || matches!(first.norm(), "which" | "who" | "whose")
            || first.function_class() == Some(FunctionClass::Preposition)
            || !first.is_word()
            || CLAUSE_OPENERS.contains(&first.norm())
        {
            // "adding that ...", "though he added ...": part of the
            // attribution's sentence, not a description.
            describes = false;
        } else if first.is(class::DETERMINER)
            || !first.capitalised()
            || first.is_written(class::TITLE)
            || units[body_start..j]
                .iter()
                .any(|u| u.is(class::ROLE_NOUN) || u.is_written(class::TITLE))
        {
            if out.role.is_none() {
                let role = join(&units[body_start..j], text);
                let role = ["a ", "an ", "the ", "A ", "An ", "The "]
                    .iter()
                    .find_map(|d| role.strip_prefix(d).map(str::to_string))
                    .unwrap_or(role);
                out.role = Some(role);
            }
        } else {
            break;
        }
        found = true;
        out.end_byte = units.get(j - 1).map_or(0, |u| u.end);
        if describes {
            out.describes_end = out.end_byte;
        }
        out.next = j;
        k = j;
        if !describes {
            // After "summing up ...", later commas belong to that clause
            // ("..., migration and other issues"), not to the speaker.
            break;
        }
    }
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::units;
    use crosscheck_model::Sentence;
    use crosscheck_text::TokenLayer;

    /// The appositive read at the first comma of `text`: its role and the
    /// unit after it.
    fn appositive_at_comma(text: &str) -> Option<(Option<String>, String)> {
        let lex = Lexicon::standard();
        let layer = TokenLayer::new(text, &[Sentence::new(0, text.len())]);
        let us = units(&lex, text, &layer, 0, text.len(), &[]);
        let k = us.iter().position(|u| u.is_punct(","))?;
        let found = appositives(&lex, &us, k, us.len(), text)?;
        let after = us.get(found.next).map_or("", |u| u.text(text)).to_string();
        Some((found.role, after))
    }

    #[test]
    fn an_appositive_left_open_ends_before_its_cue() {
        // (text, role, unit after the appositive)
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "Ivo Sand, director of research for Kell Co said so.",
                Some("director of research for Kell Co"),
                "said",
            ),
            (
                "Ivo Sand, a Kell Bank analyst told Orvo Radio.",
                Some("Kell Bank analyst"),
                "told",
            ),
            (
                "Ivo Sand, Kell ferry chairman and chief pilot said so.",
                Some("Kell ferry chairman and chief pilot"),
                "said",
            ),
            // Closed by its comma, as before.
            (
                "Ivo Sand, a Kell Bank analyst, said so.",
                Some("Kell Bank analyst"),
                ",",
            ),
            // Not the items of a list, nor a clause after "and".
            (
                "Kell, rights groups and unions alleged otherwise.",
                Some("rights groups and unions alleged otherwise"),
                ".",
            ),
            // A relative clause's cue is the relative clause's.
            (
                "Ivo Sand, a Kell grower who said he would sell.",
                Some("Kell grower who said he would sell"),
                ".",
            ),
        ];
        for &(text, role, after) in cases {
            let got = appositive_at_comma(text);
            assert_eq!(
                got,
                Some((role.map(str::to_string), after.to_string())),
                "{text}"
            );
        }
        // A clause with words no description holds ("what", "to") is not
        // cut at the cue its end holds.
        let text = "Orvo, Lume asked what sort of clerk wakes before dawn to post sharp tweets.";
        let got = appositive_at_comma(text);
        assert!(
            got.as_ref().is_none_or(|(_, after)| after != "tweets"),
            "{got:?}"
        );
    }
}
