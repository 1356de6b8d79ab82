//! Types the ledger needs from the tagger's four: the gazetteer refines a
//! name's type where the two agree (a place into a country, a capital or a
//! seat of government; a MISC into a nationality group; an organisation into
//! its canonical name) and decides metonymy (a capital or seat acting for
//! its country).

use crosscheck_model::EntityType;

use crate::gazetteer::Place;
use crate::lexicon::Lexicon;
use crate::recognize::{Draft, Rules};

fn joined(words: &[&str]) -> String {
    words.join(" ")
}

/// The mention one tagger name makes (`tag`: PER, ORG, LOC or MISC). The
/// gazetteer only refines the tagger's type: a place into a country,
/// capital, city or seat, a MISC into a group, an organisation into its
/// canonical name; seats of government are places whether read as places
/// or organisations (CoNLL types them LOC). With `known_orgs`, an
/// organisation of the gazetteer read as a place, person or MISC is that
/// organisation.
#[allow(clippy::too_many_arguments)]
pub(crate) fn type_name(
    lex: &Lexicon,
    rules: Rules,
    sentence: usize,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
    tag: &str,
) -> Draft {
    let refines = |p: &Place| {
        matches!(
            (tag, p),
            (
                "LOC",
                Place::Country(_) | Place::Capital(_) | Place::City(_) | Place::Seat(_)
            ) | ("ORG", Place::Organization(_) | Place::Seat(_))
                | ("MISC", Place::Demonym(_))
        ) || (rules.on("known_orgs")
            && matches!((tag, p), ("LOC" | "PER" | "MISC", Place::Organization(_))))
    };
    let exact = lex
        .gazetteer
        .longest_match_folded(words, folded, start)
        .filter(|(n, _)| start + n == end)
        .map(|(_, p)| p)
        .filter(refines);
    match exact {
        Some(p) => draft_from_place(lex, sentence, words, folded, start, end, p),
        None => Draft {
            sentence,
            start,
            end,
            kind: match tag {
                "PER" => EntityType::Person,
                "ORG" => EntityType::Organization,
                "MISC" => EntityType::Misc,
                _ => EntityType::Location,
            },
            canonical: None,
            refers_to: None,
        },
    }
}

/// Type, canonical name and referent of a gazetteer meaning for the words
/// at `start..end` of a sentence.
pub(crate) fn draft_from_place(
    lex: &Lexicon,
    sentence: usize,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
    place: Place,
) -> Draft {
    let gaz = &lex.gazetteer;
    let mut d = Draft {
        sentence,
        start,
        end,
        kind: EntityType::Location,
        canonical: None,
        refers_to: None,
    };
    match place {
        Place::Country(_) => {
            d.kind = EntityType::Country;
            d.canonical = gaz.describe(place).map(|(n, _)| n);
        }
        Place::Demonym(_) => {
            d.kind = EntityType::Group;
            let text = joined(words.get(start..end).unwrap_or(&[]));
            d.canonical = gaz.group_name(&text).map(str::to_string);
        }
        Place::Organization(_) => {
            d.kind = EntityType::Organization;
            d.canonical = gaz.describe(place).map(|(n, _)| n);
        }
        Place::City(_) => {
            d.canonical = gaz.describe(place).map(|(n, _)| n);
        }
        Place::Seat(_) => {
            d.canonical = gaz.describe(place).map(|(n, _)| n);
            d.refers_to = gaz.metonym_referent(place).map(|c| c.name.clone());
        }
        Place::Capital(_) => {
            d.canonical = gaz.describe(place).map(|(n, _)| n);
            if acts_as_government(lex, words, folded, start, end) {
                d.refers_to = gaz.metonym_referent(place).map(|c| c.name.clone());
            }
        }
    }
    d
}

/// A capital is read as its government unless a locative word precedes it
/// ("in Moscow"; the lexicon's `data/locative_words.txt`) or a country
/// follows it ("Moscow, Russia").
fn acts_as_government(
    lex: &Lexicon,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
) -> bool {
    let prev = start.checked_sub(1).and_then(|i| folded.get(i));
    if prev.is_some_and(|p| lex.locatives.contains(*p)) {
        return false;
    }
    let comma_country = words.get(end) == Some(&",")
        && matches!(
            lex.gazetteer.longest_match_folded(words, folded, end + 1),
            Some((_, Place::Country(_)))
        );
    !comma_country
}
