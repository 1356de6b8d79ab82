//! From text to typed mentions: tokenise each sentence, tag the document
//! (`tagger.rs`), type each name for the ledger (`typing.rs`), apply the
//! few rules that measured well (`chunks.rs`, `doc_rules.rs`), and fill
//! canonical names (`canonical.rs`).

use crosscheck_model::{EntityType, Mention, Sentence, Span};
use crosscheck_text::{Token, TokenLayer};

use crate::canonical::canonicalize;
use crate::chunks::{
    chunks_of_indices, join_coordinated_companies, join_organisations_of, merge_into_country_names,
};
use crate::doc_rules::{
    demonym_compounds, drop_tickers, drop_titles, keep_speaking_places_places, one_word_places,
    type_acronyms_of_organisations, type_bracketed_companies, type_company_short_names,
    type_demonyms_of_places,
};
use crate::gazetteer::Place;
use crate::lexicon::Lexicon;
use crate::tagger::Tagger;
use crate::tokens;
use crate::typing::type_name;

/// A mention before it becomes a [`Mention`]: token range in one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) sentence: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: EntityType,
    pub(crate) canonical: Option<String>,
    pub(crate) refers_to: Option<String>,
}

/// One sentence's tokens, surface words and folded words.
pub(crate) struct SentenceTokens<'a> {
    pub(crate) toks: Vec<Token>,
    pub(crate) words: Vec<&'a str>,
    /// `fold` of each word, folded once per document.
    pub(crate) folded: Vec<&'a str>,
}

/// The rules applied after the tagger, each of which can be switched off
/// to measure what it adds (`crosscheck-eval`'s `ner_rules` example). Each
/// measured no worse on CoNLL-2003 dev and on the held-out training
/// documents; `known_orgs` and `org_of` measured neutral and keep seed
/// articles right (see `docs/ner.md` and `BENCHMARKS.md`).
pub const RULES: &[(&str, &str)] = &[
    (
        "company_short",
        "'Varity' after 'Varity Corp' is that company",
    ),
    (
        "place_documents",
        "places that speak stay places; place + 'n' is a demonym",
    ),
    (
        "gazetteer_countries",
        "a country's full name of three words or more replaces the names inside it",
    ),
    ("compounds", "'Russian-North Korean' split into two groups"),
    (
        "known_orgs",
        "gazetteer organisations the tagger reads as places or persons",
    ),
    (
        "org_of",
        "'Centre' + 'for' + 'Countering Disinformation' is one organisation",
    ),
    (
        "tickers",
        "'Exxon Corp <XON>': a ticker after a name is no name",
    ),
    (
        "acronyms",
        "an acronym spelling an organisation of the document is that organisation",
    ),
    (
        "bracketed_companies",
        "'<Martin Marietta>': a worded name filling angle brackets is a company",
    ),
    (
        "titles",
        "'National Security Adviser': a name ending in the noun of a post is a title",
    ),
    (
        "coordinated_companies",
        "'Thomas and Betts Corp': a one-word name, 'and', a company name is one company",
    ),
];

/// Which of [`RULES`] run (all by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules(u64);

impl Default for Rules {
    fn default() -> Rules {
        Rules::all()
    }
}

impl Rules {
    fn bit(name: &str) -> Option<u64> {
        RULES.iter().position(|(n, _)| *n == name).map(|i| 1 << i)
    }

    /// Every rule.
    pub fn all() -> Rules {
        Rules(u64::MAX)
    }

    /// No rule at all.
    pub fn none() -> Rules {
        Rules(0)
    }

    /// These rules with `name` switched off (unknown names change nothing).
    pub fn without(self, name: &str) -> Rules {
        Rules(self.0 & !Rules::bit(name).unwrap_or(0))
    }

    /// These rules with `name` switched on.
    pub fn with(self, name: &str) -> Rules {
        Rules(self.0 | Rules::bit(name).unwrap_or(0))
    }

    /// Whether the rule `name` is switched on.
    pub fn on(&self, name: &str) -> bool {
        Rules::bit(name).is_some_and(|b| self.0 & b != 0)
    }
}

/// The document's sentences as the tagger's tokens, words and folded
/// words (the folded forms are the layer's).
fn sentence_tokens<'a>(
    text: &'a str,
    sentences: &[Sentence],
    layer: &'a TokenLayer,
) -> Vec<SentenceTokens<'a>> {
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut toks = Vec::new();
            tokens::sentence_tokens(layer, text, i, s.range.start..s.range.end, &mut toks);
            let words = toks.iter().map(|t| t.text(text)).collect();
            let folded = toks.iter().map(|t| layer.fold(t)).collect();
            SentenceTokens {
                toks,
                words,
                folded,
            }
        })
        .collect()
}

/// Mentions in `text`, read from `layer`, the token layer cut for
/// `sentences` (one is cut here when it was not: no sentences, or a layer
/// for others), by `tagger` and the words of `lex`.
pub(crate) fn recognize(
    tagger: &Tagger,
    lex: &Lexicon,
    text: &str,
    sentences: &[Sentence],
    layer: &TokenLayer,
    rules: Rules,
) -> Vec<Mention> {
    let whole = [Sentence::new(0, text.len())];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    let own;
    let layer = if layer.sentence_count() == sentences.len() {
        layer
    } else {
        own = TokenLayer::new(text, sentences);
        &own
    };
    let sents = sentence_tokens(text, sentences, layer);
    let mut drafts = tagged_names(tagger, lex, &sents, rules);
    apply_document_rules(lex, &sents, &mut drafts, rules);
    let compounds = if rules.on("compounds") {
        demonym_compounds(&lex.gazetteer, text, &sents)
    } else {
        Vec::new()
    };
    mentions(text, &sents, drafts, compounds)
}

/// The names the tagger finds in each sentence, reshaped by the sentence
/// rules (full country names, "Centre for ...") and typed.
fn tagged_names(
    tagger: &Tagger,
    lex: &Lexicon,
    sents: &[SentenceTokens],
    rules: Rules,
) -> Vec<Draft> {
    let doc_words: Vec<Vec<&str>> = sents.iter().map(|s| s.words.clone()).collect();
    let doc_labels = tagger.tag_document_in(lex, &doc_words);
    let mut drafts = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let labels = doc_labels.get(si).map(Vec::as_slice).unwrap_or(&[]);
        let (words, folded) = (&s.words[..], &s.folded[..]);
        let mut pieces: Vec<(usize, usize, String)> = chunks_of_indices(labels)
            .into_iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect();
        if rules.on("gazetteer_countries") {
            let matches: Vec<Option<(usize, Place)>> = (0..words.len())
                .map(|i| lex.gazetteer.longest_match_folded(words, folded, i))
                .collect();
            pieces = merge_into_country_names(&matches, pieces);
        }
        if rules.on("org_of") {
            pieces = join_organisations_of(lex, words, folded, pieces);
        }
        if rules.on("coordinated_companies") {
            pieces = join_coordinated_companies(lex, words, folded, pieces);
        }
        drafts.extend(
            pieces.into_iter().map(|(start, end, kind)| {
                type_name(lex, rules, si, words, folded, start, end, &kind)
            }),
        );
    }
    drafts
}

/// The rules that read the whole document (company short names, places
/// that speak, demonyms of places), and canonical names.
fn apply_document_rules(
    lex: &Lexicon,
    sents: &[SentenceTokens],
    drafts: &mut Vec<Draft>,
    rules: Rules,
) {
    if rules.on("tickers") {
        drop_tickers(sents, drafts);
    }
    if rules.on("titles") {
        drop_titles(lex, sents, drafts);
    }
    if rules.on("bracketed_companies") {
        type_bracketed_companies(sents, drafts);
    }
    if rules.on("company_short") {
        type_company_short_names(lex, sents, drafts);
    }
    if rules.on("acronyms") {
        type_acronyms_of_organisations(lex, sents, drafts);
    }
    canonicalize(lex, sents, drafts);
    if rules.on("place_documents") {
        // Both passes read the same set: the first only retypes words already in it.
        let places = one_word_places(sents, drafts);
        if !places.is_empty() {
            keep_speaking_places_places(sents, &places, drafts);
            type_demonyms_of_places(sents, &places, drafts);
        }
    }
}

/// The drafts as mentions in text order, one per span, with the split
/// demonym compounds (start, end, their mentions) in place of whatever
/// overlapped them.
fn mentions(
    text: &str,
    sents: &[SentenceTokens],
    drafts: Vec<Draft>,
    compounds: Vec<(usize, usize, Vec<Mention>)>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = drafts
        .into_iter()
        .filter_map(|d| {
            let s = sents.get(d.sentence)?;
            let start = s.toks.get(d.start)?.start();
            let end = s.toks.get(d.end.checked_sub(1)?)?.end();
            Some(Mention {
                span: Span::of(text, start, end)?,
                kind: d.kind,
                canonical: d.canonical,
                refers_to: d.refers_to,
            })
        })
        .collect();
    if !compounds.is_empty() {
        out.retain(|m| {
            !compounds
                .iter()
                .any(|c| c.0 < m.span.end && m.span.start < c.1)
        });
        out.extend(compounds.into_iter().flat_map(|c| c.2));
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by(|a, b| a.span.start == b.span.start && a.span.end == b.span.end);
    out
}

#[cfg(test)]
mod tests {
    use crate::EntityRecognizer;
    use crosscheck_model::{EntityType, Sentence};

    /// Type of the mention with exactly this surface at its `nth` occurrence.
    fn kind_of(text: &str, surface: &str, nth: usize) -> Option<EntityType> {
        let sentences: Vec<Sentence> = text
            .split_inclusive(". ")
            .scan(0, |at, s| {
                let start = *at;
                *at += s.len();
                Some(Sentence::new(start, start + s.trim_end().len()))
            })
            .collect();
        let start = text.match_indices(surface).nth(nth)?.0;
        EntityRecognizer::new()
            .recognize(text, &sentences)
            .into_iter()
            .find(|m| m.span.start == start && m.span.end == start + surface.len())
            .map(|m| m.kind)
    }

    #[test]
    fn a_place_named_elsewhere_stays_a_place_when_it_speaks() {
        let cases: &[(&str, &str, usize, Option<EntityType>)] = &[(
            "Minister Olaf Berrin visited Berrin. Berrin said the talks went well.",
            "Berrin",
            2,
            Some(EntityType::Person),
        )];
        for (text, surface, nth, want) in cases {
            assert_eq!(kind_of(text, surface, *nth), *want, "{surface} in {text}");
        }
    }

    /// Mentions of `text` (one sentence) with only `rule` on, as (surface, type).
    fn with_only(text: &str, rule: &str) -> Vec<(String, EntityType)> {
        EntityRecognizer::new()
            .with_rules(crate::Rules::none().with(rule))
            .recognize(text, &[Sentence::new(0, text.len())])
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn tickers_after_names_are_no_names() {
        let cases: &[(&str, &str, bool)] = &[
            // (sentence, bracketed text, kept as a name)
            (
                "Varlon Corp <VRL.N> said it would sell its Ostend unit.",
                "VRL.N",
                false,
            ),
            ("Brastow Mills Inc <BMI> raised its dividend.", "BMI", false),
            (
                "Kelmar Holdings <KLM HD> bought a stake in Orvane.",
                "HD",
                false,
            ),
            // Mixed case in brackets is a name, not a code.
            (
                "A subsidiary of <Orvane Minerals Ltd> said output rose.",
                "Orvane Minerals Ltd",
                true,
            ),
        ];
        for (text, inside, kept) in cases {
            let found = with_only(text, "tickers")
                .iter()
                .any(|(s, _)| inside.contains(s.as_str()));
            assert_eq!(found, *kept, "{inside} in {text}");
        }
    }

    /// Runs `rule` on one sentence of `words` (no token offsets) and `drafts`.
    fn on_words<D>(
        words: &[&str],
        drafts: &mut D,
        rule: impl FnOnce(&[crate::recognize::SentenceTokens], &mut D),
    ) {
        let folded: Vec<String> = words.iter().map(|w| crate::normalize::fold(w)).collect();
        let sents = [crate::recognize::SentenceTokens {
            toks: Vec::new(),
            words: words.to_vec(),
            folded: folded.iter().map(String::as_str).collect(),
        }];
        rule(&sents, drafts);
    }

    /// A name found in the first sentence, tokens `start..end`.
    fn draft(start: usize, end: usize, kind: EntityType) -> crate::recognize::Draft {
        crate::recognize::Draft {
            sentence: 0,
            start,
            end,
            kind,
            canonical: None,
            refers_to: None,
        }
    }

    #[test]
    fn titles_ending_in_a_post_are_no_names() {
        use crate::doc_rules::drop_titles;
        // (words of a name the tagger found, kept as a name)
        let cases: &[(&[&str], bool)] = &[
            (&["National", "Security", "Adviser"], false),
            (&["Senator"], false),
            (&["Defence", "Minister"], false),
            (&["Carlo", "Brenna"], true),
            (&["Department", "of", "Justice"], true),
            (&["Securities", "and", "Exchange", "Commission"], true),
        ];
        for (words, kept) in cases {
            let mut drafts = vec![draft(0, words.len(), EntityType::Organization)];
            let lex = crate::Lexicon::standard();
            on_words(words, &mut drafts, |s, d| drop_titles(&lex, s, d));
            assert_eq!(!drafts.is_empty(), *kept, "{words:?}");
        }
    }

    #[test]
    fn worded_names_in_angle_brackets_are_companies() {
        let cases: &[(&str, &str, Option<EntityType>)] = &[
            // (sentence, name, its type with only this rule on)
            (
                "The first order was placed by <Dorian Kessler> of Canada.",
                "Dorian Kessler",
                Some(EntityType::Organization),
            ),
            (
                "<Halvard Brune> said it sold its stake in Orvane.",
                "Halvard Brune",
                Some(EntityType::Organization),
            ),
            // Outside brackets a person stays a person.
            (
                "Dorian Kessler said the order was placed.",
                "Dorian Kessler",
                Some(EntityType::Person),
            ),
        ];
        for (text, name, want) in cases {
            let got = with_only(text, "bracketed_companies")
                .into_iter()
                .find(|(s, _)| s == name)
                .map(|(_, k)| k);
            assert_eq!(got, *want, "{name} in {text}");
        }
    }

    #[test]
    fn acronyms_of_organisations_are_organisations() {
        use crate::doc_rules::type_acronyms_of_organisations;
        // (organisation named in the document, acronym, taken as it)
        let cases: &[(&[&str], &str, bool)] = &[
            (&["Northern", "Grain", "Clearing", "House"], "NGCH", true),
            // The legal form is left out of the initials.
            (&["Amberlin", "Metal", "Trading", "Ltd"], "AMT", true),
            (&["Amberlin", "Metal", "Trading", "Ltd"], "AMTL", true),
            (&["Bank", "of", "Tarsenia"], "BT", true),
            (&["Northern", "Grain", "Clearing", "House"], "NGC", false),
        ];
        for (name, acronym, taken) in cases {
            let mut words: Vec<&str> = name.to_vec();
            words.extend([",", acronym, ","]);
            let n = name.len();
            let mut drafts = vec![
                draft(0, n, EntityType::Organization),
                draft(n + 1, n + 2, EntityType::Location),
            ];
            on_words(&words, &mut drafts, |s, d: &mut Vec<_>| {
                type_acronyms_of_organisations(&crate::Lexicon::standard(), s, d)
            });
            let kind = drafts.get(1).map(|d| d.kind);
            let want = if *taken {
                EntityType::Organization
            } else {
                EntityType::Location
            };
            assert_eq!(kind, Some(want), "{acronym} after {name:?}");
        }
    }

    #[test]
    fn multi_word_cities_are_places() {
        // Whatever the tagger makes of it, a two-word city is not a person.
        let text = "Traders in Hong Kong said gold rose.";
        let kind = kind_of(text, "Hong Kong", 0);
        assert!(
            matches!(kind, Some(EntityType::Location | EntityType::Country)),
            "{kind:?}"
        );
    }

    #[test]
    fn lexicon_types() {
        let cases: &[(&str, &str, Option<EntityType>)] = &[
            // Correlatives and degree words opening a sentence are cut off.
            (
                "Neither NATO nor Brunia has confirmed the report.",
                "NATO",
                Some(EntityType::Organization),
            ),
            (
                "Neither NATO nor Brunia has confirmed the report.",
                "Neither NATO",
                None,
            ),
            (
                "Top Japanese officials met on Monday.",
                "Japanese",
                Some(EntityType::Group),
            ),
            (
                "Top Japanese officials met on Monday.",
                "Top Japanese",
                None,
            ),
            // Political movements are groups, like demonyms.
            (
                "The museum documents Nazi crimes.",
                "Nazi",
                Some(EntityType::Group),
            ),
            // Continents and world regions are places.
            (
                "Trade across Europe slowed in March.",
                "Europe",
                Some(EntityType::Location),
            ),
            // Messaging platforms are the companies that run them.
            (
                "The mayor wrote on Telegram that the bridge was closed.",
                "Telegram",
                Some(EntityType::Organization),
            ),
        ];
        for (text, surface, want) in cases {
            assert_eq!(kind_of(text, surface, 0), *want, "{text} / {surface}");
        }
    }

    #[test]
    fn phrase_rules() {
        let cases: &[(&str, &str, usize, Option<EntityType>)] = &[
            // An ordinary noun and "of" opening a sentence are not a name.
            (
                "Confirmation of Japan's role would surprise analysts.",
                "Japan",
                0,
                Some(EntityType::Country),
            ),
            (
                "Confirmation of Japan's role would surprise analysts.",
                "Confirmation of Japan",
                0,
                None,
            ),
            // An inner "and" between an adjective and capitalised words.
            (
                "Ana Ruiz of the Institute for Strategic and Maritime Affairs spoke.",
                "Institute for Strategic and Maritime Affairs",
                0,
                Some(EntityType::Organization),
            ),
            // Named wars and holidays are Misc.
            (
                "Veterans of the Korean War gathered in Busan.",
                "Korean War",
                0,
                Some(EntityType::Misc),
            ),
            (
                "Historians of the Second World War met in Oslo.",
                "Second World War",
                0,
                Some(EntityType::Misc),
            ),
            // A title before the surname of a person named in the document.
            (
                "Marta Kowalczyk won the vote. President Kowalczyk said the budget would pass.",
                "Kowalczyk",
                1,
                Some(EntityType::Person),
            ),
            (
                "Marta Kowalczyk won the vote. President Kowalczyk said the budget would pass.",
                "President Kowalczyk",
                0,
                None,
            ),
        ];
        for (text, surface, nth, want) in cases {
            assert_eq!(kind_of(text, surface, *nth), *want, "{text} / {surface}");
        }
    }

    #[test]
    fn names_before_organisation_kind_nouns() {
        let cases: &[(&str, &str)] = &[
            (
                "The state-run Vostra Pravdin newspaper said the plant was closed.",
                "Vostra Pravdin",
            ),
            (
                "The Halvik Presse news agency reported the fire on Monday.",
                "Halvik Presse",
            ),
            (
                "A report by the Orlen Tamsa broadcaster was denied.",
                "Orlen Tamsa",
            ),
        ];
        for (text, surface) in cases {
            assert_eq!(
                kind_of(text, surface, 0),
                Some(EntityType::Organization),
                "{text}"
            );
        }
    }

    #[test]
    fn hyphenated_nationalities_split() {
        let cases: &[(&str, &str, Option<EntityType>)] = &[
            (
                "Talks on French-South Korean trade resumed.",
                "French",
                Some(EntityType::Group),
            ),
            (
                "Talks on French-South Korean trade resumed.",
                "South Korean",
                Some(EntityType::Group),
            ),
            (
                "Talks on French-South Korean trade resumed.",
                "French-South",
                None,
            ),
            (
                "The Peru-Chile border was closed.",
                "Chile",
                Some(EntityType::Country),
            ),
            ("The Peru-Chile border was closed.", "Peru-Chile", None),
        ];
        for (text, surface, want) in cases {
            assert_eq!(kind_of(text, surface, 0), *want, "{text} / {surface}");
        }
    }

    #[test]
    fn names_ending_in_title_modifiers_keep_them() {
        let cases: &[(&str, &str)] = &[
            (
                "Poland's Air Defense reported intercepting 12 drones.",
                "Air Defense",
            ),
            (
                "The Missile Defence Agency said the test failed.",
                "Missile Defence Agency",
            ),
        ];
        for (text, surface) in cases {
            assert_eq!(
                kind_of(text, surface, 0),
                Some(EntityType::Organization),
                "{text}"
            );
        }
    }

    #[test]
    fn lone_korean_surnames_link_to_the_one_full_name() {
        let canonical = |text: &str, surface: &str, nth: usize| {
            let sentences = vec![Sentence::new(0, text.len())];
            let start = text.match_indices(surface).nth(nth)?.0;
            EntityRecognizer::new()
                .recognize(text, &sentences)
                .into_iter()
                .find(|m| m.span.start == start && m.span.text == surface)
                .and_then(|m| m.canonical)
        };
        let cases: &[(&str, &str, usize, Option<&str>)] = &[
            (
                "Kim Tae Ho arrived in Busan. Kim said the talks went well.",
                "Kim",
                1,
                Some("Kim Tae Ho"),
            ),
            // Two full names with that surname: ambiguous, left alone.
            (
                "Kim Tae Ho arrived in Busan on Monday, a day after Kim Yoo Jin left Seoul. Kim said the talks went well.",
                "Kim",
                2,
                Some("Kim"),
            ),
        ];
        for (text, surface, nth, want) in cases {
            assert_eq!(canonical(text, surface, *nth).as_deref(), *want, "{text}");
        }
    }
}
