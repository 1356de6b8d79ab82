//! Rules over the whole document, after the tagger: company short names,
//! places that speak and the demonyms of places, and hyphenated
//! nationalities split in two. Each was kept because it measured no worse
//! on CoNLL-2003 dev and the held-out documents (see `docs/ner.md`).

use std::collections::HashSet;

use crosscheck_model::{EntityType, Mention, Span};

use crate::chunks::company_short_name;
use crate::fasthash::FastSet;
use crate::gazetteer::{Gazetteer, Place, MAX_NAME_TOKENS};
use crate::lexicon::Lexicon;
use crate::normalize::fold;
use crate::recognize::{Draft, SentenceTokens};
use crate::resolve::initials;

pub(crate) fn draft_words<'a>(sents: &'a [SentenceTokens], d: &Draft) -> &'a [&'a str] {
    sents
        .get(d.sentence)
        .and_then(|s| s.words.get(d.start..d.end))
        .unwrap_or(&[])
}

pub(crate) fn draft_key(sents: &[SentenceTokens], d: &Draft) -> String {
    draft_folded(sents, d).join(" ")
}

pub(crate) fn draft_folded<'a>(sents: &'a [SentenceTokens], d: &Draft) -> &'a [&'a str] {
    sents
        .get(d.sentence)
        .and_then(|s| s.folded.get(d.start..d.end))
        .unwrap_or(&[])
}

/// Short names of the companies named with their legal form in the
/// document ("Varity" after "Varity Corp"), as folded keys; places excepted.
fn company_short_names(
    lex: &Lexicon,
    sents: &[SentenceTokens],
    drafts: &[Draft],
) -> HashSet<String> {
    let mut out = HashSet::new();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Organization) {
        let Some(short) = company_short_name(lex, draft_folded(sents, d)) else {
            continue;
        };
        let words = draft_words(sents, d);
        let place = lex
            .gazetteer
            .longest_match_folded(words, short, 0)
            .is_some_and(|(n, _)| n == short.len());
        if place {
            continue;
        }
        out.insert(short.join(" "));
        // "Moody's" after "Moody's Investors Service Inc".
        if let Some(owner) = short
            .get(..2)
            .filter(|o| o.get(1).is_some_and(|f| is_possessive(f)))
        {
            out.insert(owner.join(" "));
        }
    }
    out
}

fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S")
}

/// "Varity said" after "Varity Corp": a guess of another type whose words
/// are the short name of a company in the document is that company.
pub(crate) fn type_company_short_names(
    lex: &Lexicon,
    sents: &[SentenceTokens],
    drafts: &mut [Draft],
) {
    let shorts = company_short_names(lex, sents, drafts);
    if shorts.is_empty() {
        return;
    }
    for d in drafts.iter_mut() {
        if d.canonical.is_some() || matches!(d.kind, EntityType::Group | EntityType::Misc) {
            continue;
        }
        // A name cut before its possessive ("Moody" + "'s") takes it back.
        let next = sents
            .get(d.sentence)
            .and_then(|s| s.folded.get(d.end))
            .filter(|f| is_possessive(f));
        if let Some(next) = next {
            if shorts.contains(&format!("{} {next}", draft_key(sents, d))) {
                d.end += 1;
                d.kind = EntityType::Organization;
                continue;
            }
        }
        if d.kind != EntityType::Organization && shorts.contains(&draft_key(sents, d)) {
            d.kind = EntityType::Organization;
        }
    }
}

/// "Tarsenia says" reads as a surname speaking when the sentence is seen
/// alone; when the document names the same word as a place elsewhere and no
/// person of the document carries it as a surname, it is the place speaking
/// (its government), as in every other sentence.
pub(crate) fn keep_speaking_places_places(
    sents: &[SentenceTokens],
    places: &FastSet<&str>,
    drafts: &mut [Draft],
) {
    let surnames: FastSet<&str> = drafts
        .iter()
        .filter(|d| d.kind == EntityType::Person)
        .filter_map(|d| match draft_words(sents, d) {
            [_, .., last] => Some(*last),
            _ => None,
        })
        .collect();
    for d in drafts.iter_mut().filter(|d| d.kind == EntityType::Person) {
        if let [word] = draft_words(sents, d) {
            if places.contains(word) && !surnames.contains(word) {
                d.kind = EntityType::Location;
                d.canonical = None;
            }
        }
    }
}

/// The one-word places (and countries) among the document's names.
pub(crate) fn one_word_places<'a>(
    sents: &'a [SentenceTokens],
    drafts: &[Draft],
) -> FastSet<&'a str> {
    drafts
        .iter()
        .filter(|d| matches!(d.kind, EntityType::Location | EntityType::Country))
        .filter_map(|d| match draft_words(sents, d) {
            [word] => Some(*word),
            _ => None,
        })
        .collect()
}

/// A one-word name that is a place of the same document plus "n"
/// ("Valdorian", "Valdorians" beside "Valdoria"; "Cuban" beside "Cuba") is
/// that place's demonym, a group, whether the tagger took it for a name or
/// not: this covers places the gazetteer does not know, as demonyms of known
/// countries are typed from the gazetteer.
pub(crate) fn type_demonyms_of_places(
    sents: &[SentenceTokens],
    places: &FastSet<&str>,
    drafts: &mut Vec<Draft>,
) {
    let demonym = |word: &str| -> Option<String> {
        let singular = word
            .strip_suffix("ns")
            .map_or(word, |w| &word[..w.len() + 1]);
        let place = singular.strip_suffix('n')?;
        (place.len() >= 3 && places.contains(place)).then(|| singular.to_string())
    };
    let mut covered: FastSet<(usize, usize)> = FastSet::default();
    for d in drafts.iter_mut() {
        covered.extend((d.start..d.end).map(|i| (d.sentence, i)));
        if d.kind == EntityType::Group {
            continue;
        }
        if let [word] = draft_words(sents, d) {
            if let Some(singular) = demonym(word) {
                d.kind = EntityType::Group;
                d.canonical = Some(singular);
                d.refers_to = None;
            }
        }
    }
    let mut found = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        for (i, word) in s.words.iter().enumerate() {
            // Shape first: most words cannot be a demonym, so most skip the
            // lookups.
            let shaped = word.ends_with('n') || word.ends_with("ns");
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if !shaped || !capital || covered.contains(&(si, i)) {
                continue;
            }
            if let Some(singular) = demonym(word) {
                found.push(Draft {
                    sentence: si,
                    start: i,
                    end: i + 1,
                    kind: EntityType::Group,
                    canonical: Some(singular),
                    refers_to: None,
                });
            }
        }
    }
    drafts.extend(found);
}

/// A mention of a demonym or country from its gazetteer meaning.
fn place_mention(
    gaz: &Gazetteer,
    text: &str,
    start: usize,
    end: usize,
    place: Place,
) -> Option<Mention> {
    let span = Span::of(text, start, end)?;
    let (kind, canonical) = match place {
        Place::Demonym(_) => (
            EntityType::Group,
            gaz.group_name(&span.text).map(str::to_string),
        ),
        Place::Country(_) => (EntityType::Country, gaz.describe(place).map(|(n, _)| n)),
        _ => return None,
    };
    Some(Mention {
        span,
        kind,
        canonical,
        refers_to: None,
    })
}

/// "Russian-North Korean", "Russia-Ukraine": two nationalities or countries
/// joined by a hyphen are two mentions, not one name. Returns the byte
/// range each compound covers and its mentions, which replace whatever the
/// tagger made of it.
pub(crate) fn demonym_compounds(
    gaz: &Gazetteer,
    text: &str,
    sents: &[SentenceTokens],
) -> Vec<(usize, usize, Vec<Mention>)> {
    let mut out = Vec::new();
    for s in sents {
        for (i, (tok, word)) in s.toks.iter().zip(&s.words).enumerate() {
            let Some((left, right)) = word.split_once('-') else {
                continue;
            };
            if left.is_empty() || right.is_empty() {
                continue;
            }
            let side = |p: Option<Place>| matches!(p, Some(Place::Demonym(_) | Place::Country(_)));
            let Some(left_place) = gaz.lookup(left).filter(|p| side(Some(*p))) else {
                continue;
            };
            // The right part may run on over the next words ("North" +
            // "Korean").
            let mut words: Vec<&str> = vec![right];
            words.extend(s.words.iter().skip(i + 1).take(MAX_NAME_TOKENS));
            let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
            let Some((n, right_place)) = gaz
                .longest_match_folded(&words, &folded, 0)
                .filter(|(_, p)| side(Some(*p)))
            else {
                continue;
            };
            let Some(last) = s.toks.get(i + n - 1) else {
                continue;
            };
            let split = tok.start() + left.len();
            let mentions: Vec<Mention> = [
                place_mention(gaz, text, tok.start(), split, left_place),
                place_mention(gaz, text, split + 1, last.end(), right_place),
            ]
            .into_iter()
            .flatten()
            .collect();
            if mentions.len() == 2 {
                out.push((tok.start(), last.end(), mentions));
            }
        }
    }
    out
}

/// "Exxon Corp <XON>": a stock ticker in angle brackets right after a name
/// (newswire's convention, every token in capitals, digits or dots) is the
/// name's code, not a name of its own: names found inside it are dropped.
pub(crate) fn drop_tickers(sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
    let mut tickers: Vec<(usize, usize, usize)> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let words = &s.words;
        for (open, w) in words.iter().enumerate() {
            if *w != "<" || open == 0 {
                continue;
            }
            let Some(len) = words.iter().skip(open + 1).take(5).position(|w| *w == ">") else {
                continue;
            };
            let inside = words.get(open + 1..open + 1 + len).unwrap_or(&[]);
            let code = !inside.is_empty()
                && inside.iter().all(|w| {
                    w.chars().any(|c| c.is_ascii_alphanumeric())
                        && w.chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
                });
            let after_name = drafts
                .iter()
                .any(|d| d.sentence == si && d.end == open && d.start < d.end);
            if code && after_name {
                tickers.push((si, open + 1, open + 1 + len));
            }
        }
    }
    if tickers.is_empty() {
        return;
    }
    drafts.retain(|d| {
        !tickers
            .iter()
            .any(|&(s, a, b)| d.sentence == s && d.start >= a && d.end <= b)
    });
}

/// "National Security Adviser Frank Carlucci", "a Senator since 1985": a
/// name the tagger found that ends in the noun of a post (the lexicon's
/// `data/role_heads.txt`) is a title, which newswire annotation leaves out;
/// it is dropped.
pub(crate) fn drop_titles(lex: &Lexicon, sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
    drafts.retain(|d| {
        let last = d
            .end
            .checked_sub(1)
            .and_then(|i| sents.get(d.sentence)?.folded.get(i));
        !last.is_some_and(|w| lex.role_heads.contains(*w))
    });
}

/// "sold by <Norvale Dynamics>": newswire puts a company that has no
/// ticker in angle brackets, so a name that fills the brackets exactly and
/// is not a code (it has a lower-case letter) is an organisation, whatever
/// type the tagger gave it ("<Martin Marietta>" reads like a person).
pub(crate) fn type_bracketed_companies(sents: &[SentenceTokens], drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        let Some(words) = sents.get(d.sentence).map(|s| &s.words[..]) else {
            continue;
        };
        let opened = d.start > 0 && words.get(d.start - 1) == Some(&"<");
        let closed = words.get(d.end) == Some(&">");
        let worded = words
            .get(d.start..d.end)
            .is_some_and(|inside| inside.iter().any(|w| w.chars().any(char::is_lowercase)));
        if opened && closed && worded {
            d.kind = EntityType::Organization;
        }
    }
}

/// "International Commodities Clearing House, ICCH": an acronym that
/// spells the initials of an organisation named in the document (its
/// legal form left out: "Amalgamated Metal Trading Ltd", "AMT") is that
/// organisation, whatever type the tagger gave it.
pub(crate) fn type_acronyms_of_organisations(
    lex: &Lexicon,
    sents: &[SentenceTokens],
    drafts: &mut [Draft],
) {
    let mut names: HashSet<String> = HashSet::new();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Organization) {
        let words = draft_words(sents, d);
        let folded = draft_folded(sents, d);
        let short = company_short_name(lex, folded).map_or(words.len(), <[&str]>::len);
        for n in [words.len(), short] {
            if n >= 2 {
                names.extend(initials(&words[..n].join(" ")));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for d in drafts.iter_mut() {
        if matches!(d.kind, EntityType::Organization) {
            continue;
        }
        let [word] = draft_words(sents, d) else {
            continue;
        };
        let letters: String = word.chars().filter(|c| *c != '.').collect();
        let acronym = (2..=8).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase());
        if acronym && names.contains(&letters) {
            d.kind = EntityType::Organization;
            d.canonical = None;
            d.refers_to = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::text_tokens;

    /// Runs `rule` on a document of space-separated lines whose drafts are
    /// `(sentence, start, end, kind)`, and lists the drafts after it.
    fn run(
        lines: &[&str],
        drafts: &[(usize, usize, usize, EntityType)],
        rule: impl Fn(&[SentenceTokens], &mut Vec<Draft>),
    ) -> Vec<String> {
        let cut: Vec<_> = lines.iter().map(|l| text_tokens(l)).collect();
        let sents: Vec<SentenceTokens> = lines
            .iter()
            .zip(&cut)
            .map(|(line, (layer, toks))| {
                let words: Vec<&str> = toks.iter().map(|t| t.text(line)).collect();
                assert_eq!(words, line.split(' ').collect::<Vec<_>>(), "{line}");
                SentenceTokens {
                    toks: toks.clone(),
                    words,
                    folded: toks.iter().map(|t| layer.fold(t)).collect(),
                }
            })
            .collect();
        let mut drafts: Vec<Draft> = drafts
            .iter()
            .map(|&(sentence, start, end, kind)| Draft {
                sentence,
                start,
                end,
                kind,
                canonical: None,
                refers_to: None,
            })
            .collect();
        rule(&sents, &mut drafts);
        drafts
            .iter()
            .map(|d| format!("{} {:?}", draft_words(&sents, d).join(" "), d.kind))
            .collect()
    }

    fn places(sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
        let places = one_word_places(sents, drafts);
        keep_speaking_places_places(sents, &places, drafts);
        type_demonyms_of_places(sents, &places, drafts);
    }

    #[test]
    fn demonyms_and_speakers_of_the_documents_places() {
        use EntityType::*;
        let got = run(
            &[
                "Troops from Marvonia crossed the river .",
                "Marvonian soldiers held the bridge .",
                "Later Marvonia said the troops had left .",
            ],
            &[(0, 2, 3, Location), (2, 1, 2, Person)],
            places,
        );
        assert_eq!(
            got,
            ["Marvonia Location", "Marvonia Location", "Marvonian Group"]
        );
        // A place that is also a person's surname in the document stays a person.
        let got = run(
            &[
                "Minister Olaf Berrin visited Berrin .",
                "Berrin said it went well .",
            ],
            &[(0, 1, 3, Person), (0, 4, 5, Location), (1, 0, 1, Person)],
            places,
        );
        assert_eq!(
            got,
            ["Olaf Berrin Person", "Berrin Location", "Berrin Person"]
        );
    }

    #[test]
    fn company_short_names_are_the_company() {
        use EntityType::*;
        let lex = Lexicon::standard();
        let rule = |s: &[SentenceTokens], d: &mut Vec<Draft>| type_company_short_names(&lex, s, d);
        let got = run(
            &[
                "Delmont Corp said profits rose .",
                "Delmont said it would hire .",
            ],
            &[(0, 0, 2, Organization), (1, 0, 1, Person)],
            rule,
        );
        assert_eq!(got, ["Delmont Corp Organization", "Delmont Organization"]);
        let got = run(
            &[
                "Tilly 's Garden Stores Inc said sales rose .",
                "Tilly said it would hire .",
            ],
            &[(0, 0, 5, Organization), (1, 0, 1, Person)],
            rule,
        );
        assert_eq!(
            got,
            ["Tilly 's Garden Stores Inc Organization", "Tilly Person"]
        );
    }
}
