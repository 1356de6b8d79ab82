//! Entity chunks from BIO labels, conlleval-style: an `I-X` after `O` or
//! after another type starts a new chunk; and the newswire rules that
//! reshape the tagger's pieces before they are typed: cuts at brackets,
//! stock tickers, company and agency names assembled from their parts,
//! country abbreviations split off the word after them.

use crate::fasthash::FastSet as HashSet;
use std::sync::LazyLock;

use crosscheck_lexicon::shared::{speech_verbs, SpeechUse};

use crate::features::CommonWords;
use crate::gazetteer::{Gazetteer, Place};
use crate::tagger::LABELS;

/// A tagger piece: token range `[start, end)` in a sentence and its type.
pub type Piece = (usize, usize, String);

fn word_list(text: &'static str) -> HashSet<&'static str> {
    crosscheck_lexicon::lines(text).collect()
}

static COMPANY_SUFFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/company_suffixes.txt")));

static ORG_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/org_heads.txt")));

static ORG_PREFIXES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/org_prefixes.txt")));

static ROLE_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/role_words.txt")));

static HYPHEN_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/hyphen_modifiers.txt")));

static COMPANY_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/company_words.txt")));

static PLACE_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/place_nouns.txt")));

static UNIT_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/unit_nouns.txt")));

static SPEECH_VERBS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| speech_verbs(SpeechUse::NameSpeaker).collect());

static ORG_KIND_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/org_kind_nouns.txt")));

static COMPASS_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/compass_names.txt")));

/// Last words of event names ("Korean War", "Winter Olympics").
pub static EVENT_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/event_heads.txt")));

static ORG_ROLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/org_roles.txt")));

/// Adjectives between an organisation's possessive and a role ("Exxon's new
/// president").
const ROLE_ADJECTIVES: &[&str] = &["new", "former", "acting", "outgoing", "incoming", "top"];

/// Determiners before the name of a company's part ("its ... division").
const UNIT_DETERMINERS: &[&str] = &["its", "their", "his", "her", "the", "a"];

/// "Miami-based", "Democratic-led", "Year-ago": a modifier built on a name
/// by a hyphen, not a name.
pub fn is_hyphen_modifier(word: &str) -> bool {
    word.rsplit_once(['-', '‐']).is_some_and(|(head, tail)| {
        // Lowercase ASCII (most tails) is looked up as it is, unallocated.
        !head.is_empty()
            && if tail
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                HYPHEN_MODIFIERS.contains(tail)
            } else {
                HYPHEN_MODIFIERS.contains(tail.to_lowercase().as_str())
            }
    })
}

/// A model or type designation ("C-17", "MD-80", "2-CV"): letters and
/// digits on either side of one hyphen, one side all digits.
fn is_model_number(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let caps = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_uppercase());
    (caps(a) && digits(b)) || (digits(a) && caps(b))
}

/// Lowercase words that join the parts of a company name ("Thomas and Betts
/// Corp", "Cie Financiere de Paribas").
const NAME_JOINERS: &[&str] = &[
    "and", "&", "de", "des", "du", "del", "della", "di", "van", "von", "der", "den", "la", "le",
];

fn is_bracket(w: &str) -> bool {
    matches!(w, "(" | ")" | "<" | ">" | "[" | "]" | "{" | "}")
}

fn capitalised(w: &str) -> bool {
    // ASCII first letters (nearly all) decided without decoding.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => return true,
        Some(b) if b.is_ascii_lowercase() => return false,
        _ => {}
    }
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // "3M Co"
        Some(c) if c.is_ascii_digit() => w.chars().any(char::is_uppercase),
        _ => false,
    }
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S")
}

/// Pieces cut at brackets ("Institute for Economic Research (WIFO") and at
/// hyphenated modifiers ("Democratic-led Congress"), and
/// stock tickers in angle brackets ("<BHAM.L>", "<XON>") dropped: Reuters
/// quotes them after company names, and they name nothing by themselves.
pub fn cut_at_brackets(words: &[&str], pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out = Vec::new();
    for (start, end, kind) in pieces {
        let first = out.len();
        let mut s = start;
        while s < end {
            let mut e = s;
            while e < end
                && !words
                    .get(e)
                    .is_some_and(|w| is_bracket(w) || is_hyphen_modifier(w))
            {
                e += 1;
            }
            let ticker = s.checked_sub(1).and_then(|p| words.get(p)) == Some(&"<")
                && words.get(e) == Some(&">")
                && words
                    .get(s..e)
                    .is_some_and(|ws| !ws.iter().any(|w| w.chars().any(char::is_lowercase)));
            if s < e && !ticker {
                out.push((s, e, String::new()));
            }
            s = e + 1;
        }
        // The last part takes the kind itself, the others a copy.
        if let Some((last, rest)) = out.get_mut(first..).and_then(|p| p.split_last_mut()) {
            for p in rest {
                p.2.clone_from(&kind);
            }
            last.2 = kind;
        }
    }
    out
}

/// The news conventions that reshape tagger pieces, in order.
pub fn news_pieces(
    gaz: &Gazetteer,
    common: &CommonWords,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let is_common = |f: &str| common.contains(f);
    let pieces = split_titled_persons(gaz, is_common, words, folded, pieces);
    let pieces = assemble_organizations(gaz, words, folded, pieces);
    let pieces = assemble_events(gaz, words, folded, pieces);
    let pieces = name_company_parts(gaz, words, folded, pieces);
    let pieces = type_by_org_prefix(words, folded, pieces);
    let pieces = type_places_after_place_nouns(words, folded, pieces);
    let pieces = type_by_following_role(gaz, words, folded, pieces);
    let pieces = type_speaking_places(gaz, words, folded, pieces);
    let pieces = type_company_words(gaz, words, folded, pieces);
    split_country_abbreviations(gaz, is_common, words, folded, pieces)
}

/// Event names assembled around a capitalised event head
/// (`data/event_heads.txt`): the capitalised words before it and a roman
/// numeral or number after it ("Second World War", "Korean War", "World
/// War II", "Winter Olympics") make one Misc piece, whatever pieces the
/// tagger cut there. Function words, titles and organisation words stop
/// the name; a longer tagger piece or gazetteer name over the head ("General
/// Agreement on Tariffs and Trade") is left alone.
pub fn assemble_events(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let f = |i: usize| folded.get(i).copied().unwrap_or_default();
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    let modifier = |i: usize| {
        capitalised(w(i))
            && !gaz.is_not_name(f(i))
            && !gaz.is_title(f(i))
            && !gaz.is_org_word(f(i))
            && !ORG_HEADS.contains(f(i))
    };
    let numeral = |i: usize| {
        let x = w(i);
        !x.is_empty()
            && (x.chars().all(|c| c.is_ascii_digit())
                || x.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
    };
    let mut names: Vec<(usize, usize)> = Vec::new();
    for i in 1..words.len() {
        if !(capitalised(w(i)) && EVENT_HEADS.contains(f(i))) {
            continue;
        }
        let mut start = i;
        while start > 0 && modifier(start - 1) && !names.iter().any(|n| n.1 > start - 1) {
            start -= 1;
        }
        if start == i {
            continue;
        }
        let mut end = i + 1;
        if numeral(end) {
            end += 1;
        }
        let longer_piece = pieces.iter().any(|p| p.0 <= i && p.1 > end);
        let longer_name = (start..=i).any(|a| {
            gaz.longest_match_folded(words, folded, a)
                .is_some_and(|(n, _)| a + n > end)
        });
        if !longer_piece && !longer_name {
            names.push((start, end));
        }
    }
    replace_with_names(words, pieces, names, "MISC")
}

/// The name of a company without its legal form ("Varity Corp" → "Varity",
/// "Quarry Hill Co Ltd" → "Quarry Hill"), as folded words; `None` when the
/// name has no legal form or is nothing else.
pub fn company_short_name<'a>(folded: &'a [&'a str]) -> Option<&'a [&'a str]> {
    let mut end = folded.len();
    while end > 0
        && folded
            .get(end - 1)
            .is_some_and(|f| COMPANY_SUFFIXES.contains(f))
    {
        end -= 1;
    }
    (end > 0 && end < folded.len())
        .then(|| folded.get(..end))
        .flatten()
}

/// A country written as a dotted abbreviation ("U.S.", "U.K.") at token `i`.
fn country_abbreviation(gaz: &Gazetteer, words: &[&str], folded: &[&str], i: usize) -> bool {
    words.get(i).is_some_and(|w| w.contains('.'))
        && matches!(
            gaz.longest_match_folded(words, folded, i),
            Some((1, Place::Country(_)))
        )
}

/// Organisation names assembled around their last word: a legal form
/// ("Robeson Industries Corp", "Moody's Investors Service Inc", "R.F.
/// Lafferty and Co Inc") or, at the end of a tagger piece, an organisation
/// head ("London Metal Exchange", "Securities and Exchange Commission").
/// The name runs left over capitalised words, and over "and", particles and
/// possessives between capitalised words; it stops at function words,
/// another legal form and country abbreviations ("U.S. Allis-Chalmers
/// Corp" is a country and a company). The pieces it overlaps keep their
/// parts outside it.
pub fn assemble_organizations(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let f = |i: usize| folded.get(i).copied().unwrap_or_default();
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    let suffix = |i: usize| capitalised(w(i)) && COMPANY_SUFFIXES.contains(f(i));
    // A sentence has a handful of pieces: a scan beats hashing them.
    let piece_ends = |x: usize| pieces.iter().any(|p| p.1 == x);
    // A head ends a piece, or directly follows one the tagger stopped short
    // ("Saudi Arabian Monetary" + "Agency"), or precedes a title.
    let head = |i: usize| {
        capitalised(w(i))
            && ORG_HEADS.contains(f(i))
            && (piece_ends(i + 1)
                || (piece_ends(i) && !capitalised(w(i + 1)))
                || gaz.is_title(f(i + 1)))
    };
    let name_word = |i: usize| {
        capitalised(w(i))
            && !gaz.is_not_name(f(i))
            && !COMPANY_SUFFIXES.contains(f(i))
            && !country_abbreviation(gaz, words, folded, i)
    };
    // A word before "and" or "'s" that names something else on its own
    // ("Japan's Mitsubishi Corp", "IBM and Digital Equipment Corp", "the
    // North's Planning Commission").
    let stands_alone = |i: usize| {
        COMPASS_NAMES.contains(f(i))
            || gaz
                .longest_match_folded(words, folded, i)
                .is_some_and(|(n, _)| n == 1)
            || (w(i).chars().count() >= 2 && !w(i).chars().any(char::is_lowercase))
    };
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut j = 0;
    while j < words.len() {
        // Both a legal form and a head are capitalised.
        if !capitalised(w(j)) || !(suffix(j) || head(j)) {
            j += 1;
            continue;
        }
        let mut end = j + 1;
        while end < words.len() && suffix(end) {
            end += 1;
        }
        let mut start = j;
        while let Some(p) = start.checked_sub(1) {
            if name_word(p) {
                start = p;
                continue;
            }
            if NAME_JOINERS.contains(&w(p)) && p >= 1 && name_word(p - 1) && !stands_alone(p - 1) {
                start = p - 1;
                continue;
            }
            // A possessive belongs to a one-word name that opens the
            // company name ("Moody's Investors Service Inc"); after a longer
            // name it marks the owner ("National Fuel's Seneca Resources").
            let opens_name = |q: usize| q == 0 || !name_word(q - 1);
            if is_possessive(w(p))
                && p >= 1
                && name_word(p - 1)
                && !stands_alone(p - 1)
                && opens_name(p - 1)
            {
                start = p - 1;
            }
            break;
        }
        let whole_place = gaz
            .longest_match_folded(words, folded, start)
            .is_some_and(|(n, p)| start + n == end && !matches!(p, Place::Organization(_)));
        if start < j && !whole_place {
            names.push((start, end));
        }
        j = end;
    }
    replace_with_organizations(words, pieces, names)
}

/// `names` become organisation pieces; the pieces they overlap keep their
/// parts outside them (trimmed of joiners and punctuation).
fn replace_with_organizations(
    words: &[&str],
    pieces: Vec<Piece>,
    names: Vec<(usize, usize)>,
) -> Vec<Piece> {
    replace_with_names(words, pieces, names, "ORG")
}

/// `names` become pieces of type `kind`; the pieces they overlap keep their
/// parts outside them (trimmed of joiners and punctuation).
fn replace_with_names(
    words: &[&str],
    pieces: Vec<Piece>,
    names: Vec<(usize, usize)>,
    name_kind: &str,
) -> Vec<Piece> {
    if names.is_empty() {
        return pieces;
    }
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    let trim = |mut a: usize, mut b: usize| {
        let edge = |i: usize| {
            let x = w(i);
            NAME_JOINERS.contains(&x) || is_possessive(x) || !x.chars().any(char::is_alphanumeric)
        };
        while a < b && edge(a) {
            a += 1;
        }
        while b > a && edge(b - 1) {
            b -= 1;
        }
        (a, b)
    };
    let mut out: Vec<Piece> = Vec::new();
    for (a, b, kind) in pieces {
        let mut rest = vec![(a, b)];
        for &(s, e) in &names {
            rest = rest
                .into_iter()
                .flat_map(|(x, y)| {
                    if y <= s || x >= e {
                        vec![(x, y)]
                    } else {
                        vec![(x, s.max(x)), (e.min(y), y)]
                    }
                })
                .filter(|(x, y)| x < y)
                .collect();
        }
        for (x, y) in rest {
            let (x, y) = trim(x, y);
            if (x..y).any(|i| capitalised(w(i))) {
                out.push((x, y, kind.clone()));
            }
        }
    }
    out.extend(
        names
            .into_iter()
            .map(|(s, e)| (s, e, name_kind.to_string())),
    );
    out.sort_by_key(|p| p.0);
    out
}

/// Pieces the tagger took for persons or places that are companies or
/// products: ending in a noun of trade ("Perkins Engines", "Sand
/// Technology"), or a person-like name ending in a country ("Statistics
/// Canada", not "Michael Jordan"), typed organisations; a lone model number
/// ("C-17") is a product (MISC).
pub fn type_company_words(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    pieces
        .into_iter()
        .map(|(a, b, kind)| {
            let last = folded.get(b.saturating_sub(1)).copied().unwrap_or_default();
            let first = folded.get(a).copied().unwrap_or_default();
            // "Perkins Engines", and in Romance names "Automobiles Citroen".
            let trade =
                b > a + 1 && (COMPANY_WORDS.contains(last) || COMPANY_WORDS.contains(first));
            let ends_in_country = kind == "PER"
                && b > a + 1
                && !folded.get(a).is_some_and(|f| gaz.is_given_name(f))
                && matches!(
                    gaz.longest_match_folded(words, folded, b - 1),
                    Some((1, Place::Country(_)))
                );
            let kind = if b == a + 1 && words.get(a).is_some_and(|w| is_model_number(w)) {
                "MISC".to_string()
            } else if (trade && kind != "ORG") || ends_in_country {
                "ORG".to_string()
            } else {
                kind
            };
            (a, b, kind)
        })
        .collect()
}

/// A piece opening with a European legal form or bank word ("Cie
/// Bancaire", "NV Philips Gloeilampenfabrieken") is an organisation.
/// The tagger may leave the opening word out ("NV" + "Philips
/// Gloeilampenfabrieken"): it is taken in. An organisation head followed by
/// "of" or "for" opens an organisation too ("Bank of Nova Scotia").
pub fn type_by_org_prefix(words: &[&str], folded: &[&str], pieces: Vec<Piece>) -> Vec<Piece> {
    let prefix = |i: usize| {
        words.get(i).is_some_and(|w| capitalised(w))
            && folded.get(i).is_some_and(|f| ORG_PREFIXES.contains(f))
    };
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for (a, b, kind) in pieces {
        let before = a.checked_sub(1).filter(|&p| prefix(p));
        let free = before.is_some_and(|p| out.last().is_none_or(|q| q.1 <= p));
        match before {
            Some(p) if free => out.push((p, b, "ORG".to_string())),
            _ if b > a + 1 && prefix(a) => out.push((a, b, "ORG".to_string())),
            // "Bank of Nova Scotia", "Institute for Economic Research".
            _ if b > a + 2
                && words.get(a).is_some_and(|w| capitalised(w))
                && folded.get(a).is_some_and(|f| ORG_HEADS.contains(f))
                && matches!(words.get(a + 1), Some(&"of" | &"for")) =>
            {
                out.push((a, b, "ORG".to_string()))
            }
            _ => out.push((a, b, kind)),
        }
    }
    out
}

/// "the village of Aghia Efthymia", "the province of Fokida": a piece after
/// a place noun and "of" is a place.
pub fn type_places_after_place_nouns(
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    pieces
        .into_iter()
        .map(|(a, b, kind)| {
            let after_place_noun = a >= 2
                && words.get(a - 1) == Some(&"of")
                && words
                    .get(a - 2)
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
                && folded.get(a - 2).is_some_and(|f| PLACE_NOUNS.contains(f));
            (
                a,
                b,
                if after_place_noun {
                    "LOC".to_string()
                } else {
                    kind
                },
            )
        })
        .collect()
}

/// A name right before a lowercase role in an organisation ("Boliden
/// president", "Exxon's new president", "WIFO chief") is that organisation;
/// an acronym the tagger left out is added. So is a name right before a
/// noun saying what kind of organisation it is (`data/org_kind_nouns.txt`:
/// "the Daily Planet newspaper", "the Orvik news agency"). Places and
/// nationalities known to the gazetteer keep their type ("Iraqi
/// officials").
pub fn type_by_following_role(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    let role_at = |mut i: usize| {
        if is_possessive(w(i)) {
            i += 1;
            while ROLE_ADJECTIVES.contains(&w(i)) {
                i += 1;
            }
        }
        w(i).starts_with(char::is_lowercase) && folded.get(i).is_some_and(|f| ORG_ROLES.contains(f))
    };
    let known = |a: usize, b: usize| {
        gaz.longest_match_folded(words, folded, a)
            .is_some_and(|(n, _)| a + n == b)
    };
    // "the Orvik news agency", "the Daily Planet newspaper".
    let kind_noun_at = |mut i: usize| {
        if matches!(w(i), "news" | "state") {
            i += 1;
        }
        w(i).starts_with(char::is_lowercase)
            && folded.get(i).is_some_and(|f| ORG_KIND_NOUNS.contains(f))
    };
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len() + 1);
    let mut covered_to = 0;
    let mut pieces = pieces.into_iter().peekable();
    for i in 0..words.len() {
        if let Some((a, b, kind)) = pieces.next_if(|p| p.0 == i) {
            let retype = kind != "ORG" && kind != "MISC" && (role_at(b) || kind_noun_at(b));
            let kind = if retype && !known(a, b) {
                "ORG".to_string()
            } else {
                kind
            };
            covered_to = covered_to.max(b);
            out.push((a, b, kind));
            continue;
        }
        let acronym =
            w(i).bytes().all(|b| b.is_ascii_uppercase()) && w(i).len() >= 2 && i >= covered_to;
        if acronym && role_at(i + 1) && !known(i, i + 1) {
            out.push((i, i + 1, "ORG".to_string()));
        }
    }
    out.extend(pieces);
    out.sort_by_key(|p| p.0);
    out
}

/// "Kiechle said": a one-word place unknown to the gazetteer right before a
/// verb of saying is a person (a surname used alone).
pub fn type_speaking_places(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    pieces
        .into_iter()
        .map(|(a, b, kind)| {
            let speaks = kind == "LOC"
                && b == a + 1
                && words
                    .get(b)
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
                && folded.get(b).is_some_and(|f| SPEECH_VERBS.contains(f))
                && gaz.longest_match_folded(words, folded, a).is_none();
            (a, b, if speaks { "PER".to_string() } else { kind })
        })
        .collect()
}

/// "its Peoples Natural Gas division", "a Maple Leaf Foods unit": the
/// capitalised words between a determiner and a noun for a company's part
/// name an organisation (not a place or nationality: "its European unit").
pub fn name_company_parts(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    let mut names = Vec::new();
    for k in 1..words.len() {
        let unit = w(k).starts_with(char::is_lowercase)
            && folded.get(k).is_some_and(|f| UNIT_NOUNS.contains(f));
        if !unit {
            continue;
        }
        let mut start = k;
        while start > 0
            && capitalised(w(start - 1))
            && !country_abbreviation(gaz, words, folded, start - 1)
        {
            start -= 1;
        }
        let determiner = start
            .checked_sub(1)
            .is_some_and(|d| UNIT_DETERMINERS.contains(&w(d)));
        let place = gaz
            .longest_match_folded(words, folded, start)
            .is_some_and(|(n, _)| start + n == k);
        if start < k && determiner && !place {
            names.push((start, k));
        }
    }
    replace_with_organizations(words, pieces, names)
}

fn is_role(gaz: &Gazetteer, folded: &str) -> bool {
    gaz.is_title(folded) || ROLE_WORDS.contains(folded)
}

/// A person after a title inside a piece the tagger typed as a whole
/// ("Industry Undersecretary George Petsos", "West German Farm Minister
/// Ignaz Kiechle", "Ways and Means Committee Chairman Dan Rostenkowski"):
/// the two to three capitalised words after the last title are a person
/// (one word if the tagger said person); before the title, a leading
/// nationality or country, or an organisation ending in its head, stays,
/// and words that only qualify the title ("Industry", "Farm") go. A title
/// and "of" opening an organisation ("President of Foreman and Heidepriem")
/// are dropped.
pub fn split_titled_persons(
    gaz: &Gazetteer,
    is_common: impl Fn(&str) -> bool,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let f = |i: usize| folded.get(i).copied().unwrap_or_default();
    let w = |i: usize| words.get(i).copied().unwrap_or_default();
    // A capitalised word that may start a person's name.
    let name_start = |i: usize| {
        capitalised(w(i))
            && !is_role(gaz, f(i))
            && !gaz.is_org_word(f(i))
            && !ORG_HEADS.contains(f(i))
            && !COMPANY_SUFFIXES.contains(f(i))
    };
    let role_before_name = |i: usize| capitalised(w(i)) && is_role(gaz, f(i)) && name_start(i + 1);
    let mut out = Vec::with_capacity(pieces.len());
    for (a, b, kind) in pieces {
        // "West German Farm" + "Minister Ignaz Kiechle": a piece right
        // before a title only qualifies it, but for a leading nationality
        // or an organisation.
        // The tagger may take the title in ("West German Farm Minister").
        let mut q = b;
        while q > a && is_role(gaz, f(q - 1)) && capitalised(w(q - 1)) {
            q -= 1;
        }
        let qualifies = if q < b {
            name_start(b) && q > a
        } else {
            role_before_name(b)
        };
        if kind != "PER" && qualifies {
            match gaz.longest_match_folded(words, folded, a) {
                Some((n, Place::Demonym(_) | Place::Country(_))) if a + n <= q => {
                    out.push((a, a + n, kind.clone()));
                }
                _ if ORG_HEADS.contains(f(q - 1)) => out.push((a, q, "ORG".to_string())),
                _ => {}
            }
            continue;
        }
        // "Minister Ignaz" + "Kiechle": a person starts after the title.
        if kind == "PER"
            && a >= 2
            && capitalised(w(a - 1))
            && !is_role(gaz, f(a - 1))
            && role_before_name(a - 2)
        {
            out.push((a - 1, b, kind));
            continue;
        }
        // "Secretary of State George Shultz" is a title and a person,
        // which `refine_chunk` splits.
        let names_person = (a + 2..b).any(|i| gaz.is_given_name(f(i)));
        if kind != "PER" && b > a + 2 && is_role(gaz, f(a)) && w(a + 1) == "of" && !names_person {
            out.push((a + 2, b, kind));
            continue;
        }
        let person_after = |t: usize| {
            let n = b - (t + 1);
            let longest = if kind == "PER" { 1..=3 } else { 2..=3 };
            longest.contains(&n)
                && (t + 1..b).all(|i| {
                    capitalised(w(i))
                        && !is_role(gaz, f(i))
                        && !gaz.is_org_word(f(i))
                        && !ORG_HEADS.contains(f(i))
                        && !COMPANY_SUFFIXES.contains(f(i))
                })
                && !(t + 1..b).all(|i| is_common(f(i)))
                && gaz.longest_match_folded(words, folded, t + 1).is_none()
        };
        let Some(t) = (a + 1..b.saturating_sub(1))
            .rev()
            .find(|&t| is_role(gaz, f(t)) && capitalised(w(t)) && person_after(t))
        else {
            out.push((a, b, kind));
            continue;
        };
        // The start of the run of titles ("Deputy Prime Minister").
        let mut first = t;
        while first > a && is_role(gaz, f(first - 1)) {
            first -= 1;
        }
        if first > a {
            match gaz.longest_match_folded(words, folded, a) {
                Some((n, Place::Demonym(_) | Place::Country(_))) if a + n <= first => {
                    out.push((a, a + n, kind.clone()));
                }
                _ if ORG_HEADS.contains(f(first - 1)) => out.push((a, first, "ORG".to_string())),
                _ => {}
            }
        }
        out.push((t + 1, b, "PER".to_string()));
    }
    out
}

/// "U.S. Currency", "U.S. Is": Reuters capitalises the word after a dotted
/// abbreviation, and the tagger runs the two together. The country stands
/// alone; the rest stays only if it is more than capitalised common words
/// or ends in an organisation head ("U.S. District Court").
pub fn split_country_abbreviations(
    gaz: &Gazetteer,
    is_common: impl Fn(&str) -> bool,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let mut out = Vec::with_capacity(pieces.len());
    for (a, b, kind) in pieces {
        if b <= a + 1 || !country_abbreviation(gaz, words, folded, a) {
            out.push((a, b, kind));
            continue;
        }
        out.push((a, a + 1, kind.clone()));
        let rest = folded.get(a + 1..b).unwrap_or(&[]);
        let keep = rest.last().is_some_and(|l| ORG_HEADS.contains(l))
            || (rest.len() >= 2 && !rest.iter().all(|f| is_common(f)));
        if keep {
            out.push((a + 1, b, kind));
        }
    }
    out
}

/// A chunk: token range `[start, end)` and its type ("PER", "ORG", "LOC").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

/// Chunks of a sequence of string labels ("B-PER", "I-PER", "O").
pub fn chunks_of<S: AsRef<str>>(labels: &[S]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<Chunk> = None;
    for (i, l) in labels.iter().enumerate() {
        let l = l.as_ref();
        let (prefix, kind) = l.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|c| c.kind == kind);
        if continues {
            if let Some(c) = open.as_mut() {
                c.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if prefix == "B" || prefix == "I" {
            open = Some(Chunk {
                start: i,
                end: i + 1,
                kind: kind.to_string(),
            });
        }
    }
    out.extend(open);
    out
}

/// Chunks of label indices from the tagger.
pub fn chunks_of_indices(labels: &[u8]) -> Vec<Chunk> {
    // `chunks_of` over the label names, without collecting them and with
    // a chunk's kind copied only once it closes.
    let mut out: Vec<Chunk> = Vec::new();
    let mut open: Option<(usize, usize, &str)> = None;
    let close = |open: Option<(usize, usize, &str)>| {
        open.map(|(start, end, kind)| Chunk {
            start,
            end,
            kind: kind.to_string(),
        })
    };
    for (i, l) in labels.iter().enumerate() {
        let label = LABELS.get(*l as usize).copied().unwrap_or("O");
        let (prefix, kind) = label.split_once('-').unwrap_or(("O", ""));
        if prefix == "I" {
            if let Some(c) = open.as_mut().filter(|c| c.2 == kind) {
                c.1 = i + 1;
                continue;
            }
        }
        out.extend(close(open.take()));
        if prefix == "B" || prefix == "I" {
            open = Some((i, i + 1, kind));
        }
    }
    out.extend(close(open));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;
    use crate::normalize::fold;
    use crate::tokens::tokenize;

    /// Words of an invented sentence, their folded forms, and the pieces
    /// written as `[start, end, kind]` over them.
    fn run(
        text: &str,
        pieces: &[(usize, usize, &str)],
        rule: impl Fn(&[&str], &[&str], Vec<Piece>) -> Vec<Piece>,
    ) -> Vec<String> {
        let words: Vec<&str> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        let folded_owned: Vec<String> = words.iter().map(|w| fold(w)).collect();
        let folded: Vec<&str> = folded_owned.iter().map(String::as_str).collect();
        let pieces = pieces
            .iter()
            .map(|(a, b, k)| (*a, *b, k.to_string()))
            .collect();
        rule(&words, &folded, pieces)
            .into_iter()
            .map(|(a, b, k)| format!("{} {k}", words.get(a..b).unwrap_or(&[]).join(" ")))
            .collect()
    }

    #[test]
    fn brackets_cut_pieces_and_tickers_go() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "The Northern Grain Board (NGB) said",
                &[(1, 7, "ORG")],
                &["Northern Grain Board ORG", "NGB ORG"],
            ),
            (
                "Fenwick Tool Corp <FTC.L> said",
                &[(0, 6, "ORG")],
                &["Fenwick Tool Corp ORG"],
            ),
            (
                "shares of <Halder Mills> rose",
                &[(3, 5, "ORG")],
                &["Halder Mills ORG"],
            ),
            ("<QRX> said", &[(1, 2, "PER")], &[]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, _, p| cut_at_brackets(w, p));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn organisations_assemble_around_legal_forms_and_heads() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            // The tagger's person is a company with its legal form.
            ("Varnel Corp said", &[(0, 2, "PER")], &["Varnel Corp ORG"]),
            // Legal form left out of the piece, and a second one after it.
            (
                "to Quarry Hill Mining Co Ltd .",
                &[(1, 4, "LOC")],
                &["Quarry Hill Mining Co Ltd ORG"],
            ),
            // "and" and possessives inside names.
            (
                "Brandt and Soller Corp said",
                &[(0, 1, "PER"), (2, 4, "ORG")],
                &["Brandt and Soller Corp ORG"],
            ),
            (
                "Tilly's Garden Stores Inc rose",
                &[(0, 1, "PER"), (2, 5, "ORG")],
                &["Tilly 's Garden Stores Inc ORG"],
            ),
            (
                "the Grain and Seed Exchange said",
                &[(3, 5, "LOC")],
                &["Grain and Seed Exchange ORG"],
            ),
            // An organisation head followed by a title ends the name there.
            (
                "Fisheries Committee Chairman Ola Brent said",
                &[(0, 5, "ORG")],
                &["Fisheries Committee ORG", "Chairman Ola Brent ORG"],
            ),
            // A country abbreviation, a country with a possessive, an
            // acronym before "and" and a function word stop the name.
            (
                "the U.S. Veltro Corp unit",
                &[(1, 4, "ORG")],
                &["U.S. ORG", "Veltro Corp ORG"],
            ),
            (
                "Japan's Hakuro Corp said",
                &[(0, 1, "LOC"), (2, 4, "ORG")],
                &["Japan LOC", "Hakuro Corp ORG"],
            ),
            (
                "QRX and Delmont Corp said",
                &[(0, 1, "ORG"), (2, 4, "ORG")],
                &["QRX ORG", "Delmont Corp ORG"],
            ),
            ("The Varnel Co Ltd said", &[], &["Varnel Co Ltd ORG"]),
            // A legal form alone and a country are left as they are.
            ("Co said", &[], &[]),
            (
                "the Soviet Union said",
                &[(1, 3, "LOC")],
                &["Soviet Union LOC"],
            ),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                assemble_organizations(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn possessives_and_heads_after_pieces() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            // An owner's possessive before a company stays outside it.
            (
                "Harlow Steel's Brixton Wire Corp unit",
                &[(0, 2, "ORG"), (3, 6, "ORG")],
                &["Harlow Steel ORG", "Brixton Wire Corp ORG"],
            ),
            // A head right after a piece the tagger stopped short.
            (
                "by the Lanvarian Monetary Agency (LMA)",
                &[(2, 4, "PER")],
                &["Lanvarian Monetary Agency ORG"],
            ),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                assemble_organizations(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn persons_split_from_titles() {
        let common = |f: &str| matches!(f, "executive" | "officer" | "industry" | "farm");
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "Industry Undersecretary Tomas Vilkas said",
                &[(0, 4, "ORG")],
                &["Tomas Vilkas PER"],
            ),
            (
                "Canadian Farm Minister Orla Penrose said",
                &[(0, 5, "LOC")],
                &["Canadian LOC", "Orla Penrose PER"],
            ),
            (
                "Fisheries Committee Chairman Ola Brent said",
                &[(0, 5, "ORG")],
                &["Fisheries Committee ORG", "Ola Brent PER"],
            ),
            (
                "Canadian Farm Minister Orla Penrose said",
                &[(0, 2, "LOC"), (4, 5, "PER")],
                &["Canadian LOC", "Orla Penrose PER"],
            ),
            (
                "Canadian Farm Minister Orla Penrose said",
                &[(0, 3, "LOC"), (4, 5, "PER")],
                &["Canadian LOC", "Orla Penrose PER"],
            ),
            (
                "Ontario Senator Orla Penrose said",
                &[(0, 2, "ORG"), (3, 4, "PER")],
                &["Orla Penrose PER"],
            ),
            (
                "Energy Minister Orla Penrose said",
                &[(0, 1, "ORG"), (3, 4, "PER")],
                &["Orla Penrose PER"],
            ),
            (
                "President of Dunmore and Pryce said",
                &[(0, 5, "ORG")],
                &["Dunmore and Pryce ORG"],
            ),
            // Not persons: a single word after a title unless the tagger
            // said person, common words, organisations.
            (
                "General Motors said",
                &[(0, 2, "ORG")],
                &["General Motors ORG"],
            ),
            (
                "Farm Minister Kessel said",
                &[(0, 3, "PER")],
                &["Kessel PER"],
            ),
            (
                "Farm Minister Kessel said",
                &[(0, 3, "ORG")],
                &["Farm Minister Kessel ORG"],
            ),
            (
                "President and Chief Executive Officer",
                &[(0, 5, "ORG")],
                &["President and Chief Executive Officer ORG"],
            ),
            (
                "Deputy Foreign Minister Mandel Trust",
                &[(0, 5, "ORG")],
                &["Deputy Foreign Minister Mandel Trust ORG"],
            ),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                split_titled_persons(gazetteer(), common, w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn european_legal_forms_open_organisations() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "Cie Generale Vendoise said",
                &[(0, 3, "PER")],
                &["Cie Generale Vendoise ORG"],
            ),
            (
                "Banque Lorvel said",
                &[(0, 2, "LOC")],
                &["Banque Lorvel ORG"],
            ),
            (
                "Pierre Lorvel said",
                &[(0, 2, "PER")],
                &["Pierre Lorvel PER"],
            ),
            (
                "NV Lorvel Kabelwerken said",
                &[(1, 3, "PER")],
                &["NV Lorvel Kabelwerken ORG"],
            ),
            (
                "the Bank of Ostra said",
                &[(1, 4, "PER")],
                &["Bank of Ostra ORG"],
            ),
            ("the Bank said", &[(1, 2, "PER")], &["Bank PER"]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, type_by_org_prefix);
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn hyphen_modifiers_and_model_numbers() {
        for (word, modifier) in [
            ("Lisbon-based", true),
            ("Labour-led", true),
            ("Year-ago", true),
            ("Jong-un", false),
            ("Smith-Jones", false),
            ("-based", false),
        ] {
            assert_eq!(is_hyphen_modifier(word), modifier, "{word}");
        }
        for (word, model) in [
            ("C-17", true),
            ("MD-80", true),
            ("2-CV", true),
            ("Jong-un", false),
            ("1986-87", false),
            ("C17", false),
        ] {
            assert_eq!(is_model_number(word), model, "{word}");
        }
    }

    #[test]
    fn trade_nouns_and_countries_make_companies() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "Harlan Engines said",
                &[(0, 2, "PER")],
                &["Harlan Engines ORG"],
            ),
            (
                "Vesta Technology said",
                &[(0, 2, "LOC")],
                &["Vesta Technology ORG"],
            ),
            (
                "Statistics Norway said",
                &[(0, 2, "PER")],
                &["Statistics Norway ORG"],
            ),
            (
                "Michael Jordan said",
                &[(0, 2, "PER")],
                &["Michael Jordan PER"],
            ),
            ("Technology said", &[(0, 1, "PER")], &["Technology PER"]),
            (
                "Automobiles Vernier said",
                &[(0, 2, "PER")],
                &["Automobiles Vernier ORG"],
            ),
            ("the new C-17 flew", &[(2, 3, "ORG")], &["C-17 MISC"]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                type_company_words(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
        let got = run(
            "the Labour-led Senate voted",
            &[(1, 3, "PER")],
            |w, _, p| cut_at_brackets(w, p),
        );
        assert_eq!(got, ["Senate PER"]);
    }

    #[test]
    fn places_after_place_nouns_and_company_parts() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "near the village of Ostra Vela",
                &[(4, 6, "PER")],
                &["Ostra Vela LOC"],
            ),
            (
                "the Bank of Ostra said",
                &[(1, 4, "ORG")],
                &["Bank of Ostra ORG"],
            ),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                type_places_after_place_nouns(w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
        let cases: &[Case] = &[
            (
                "its Harlan Natural Gas division",
                &[(1, 2, "PER")],
                &["Harlan Natural Gas ORG"],
            ),
            ("its European unit", &[(1, 2, "LOC")], &["European LOC"]),
            ("its U.S. unit", &[(1, 2, "LOC")], &["U.S. LOC"]),
            ("Harlan Gas division", &[(0, 2, "PER")], &["Harlan Gas PER"]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                name_company_parts(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn names_before_roles_are_organisations() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "Harlan president Ola Brent said",
                &[(0, 1, "LOC"), (2, 4, "PER")],
                &["Harlan ORG", "Ola Brent PER"],
            ),
            (
                "Harlan's new chairman Ola Brent",
                &[(0, 1, "PER"), (4, 6, "PER")],
                &["Harlan ORG", "Ola Brent PER"],
            ),
            (
                "QRX chief Ola Brent",
                &[(2, 4, "PER")],
                &["QRX ORG", "Ola Brent PER"],
            ),
            ("Iraqi officials said", &[(0, 1, "LOC")], &["Iraqi LOC"]),
            ("Harlan said", &[(0, 1, "LOC")], &["Harlan LOC"]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                type_by_following_role(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn unknown_places_that_speak_are_persons() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            ("Vilkas said on Monday", &[(0, 1, "LOC")], &["Vilkas PER"]),
            ("Moscow said on Monday", &[(0, 1, "LOC")], &["Moscow LOC"]),
            ("Vilkas Corp said", &[(0, 2, "LOC")], &["Vilkas Corp LOC"]),
            ("in Vilkas on Monday", &[(1, 2, "LOC")], &["Vilkas LOC"]),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                type_speaking_places(gazetteer(), w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn company_short_names_drop_legal_forms() {
        let cases: &[(&[&str], Option<&[&str]>)] = &[
            (&["varnel", "corp"], Some(&["varnel"])),
            (&["quarry", "hill", "co", "ltd"], Some(&["quarry", "hill"])),
            (&["varnel"], None),
            (&["co", "ltd"], None),
            (&[], None),
        ];
        for (name, want) in cases {
            assert_eq!(company_short_name(name), *want, "{name:?}");
        }
    }

    #[test]
    fn country_abbreviations_split_off() {
        let common = |f: &str| matches!(f, "currency" | "is" | "district" | "court");
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            ("the U.S. Currency fell", &[(1, 3, "ORG")], &["U.S. ORG"]),
            (
                "in U.S. District Court",
                &[(1, 4, "ORG")],
                &["U.S. ORG", "District Court ORG"],
            ),
            (
                "the U.S. Dorrance Fund",
                &[(1, 4, "ORG")],
                &["U.S. ORG", "Dorrance Fund ORG"],
            ),
            (
                "the United States Navy",
                &[(1, 4, "ORG")],
                &["United States Navy ORG"],
            ),
        ];
        for (text, pieces, want) in cases {
            let got = run(text, pieces, |w, f, p| {
                split_country_abbreviations(gazetteer(), common, w, f, p)
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn index_chunks_match_label_chunks() {
        // Every label sequence of up to four tokens, plus out-of-range indices.
        let n = LABELS.len() + 1;
        for len in 0..=4u32 {
            for code in 0..n.pow(len) {
                let labels: Vec<u8> = (0..len).map(|k| (code / n.pow(k) % n) as u8).collect();
                let names: Vec<&str> = labels
                    .iter()
                    .map(|l| LABELS.get(*l as usize).copied().unwrap_or("O"))
                    .collect();
                let key = |c: &Chunk| (c.start, c.end, c.kind.clone());
                let want: Vec<_> = chunks_of(&names).iter().map(key).collect();
                let got: Vec<_> = chunks_of_indices(&labels).iter().map(key).collect();
                assert_eq!(got, want, "{names:?}");
            }
        }
    }

    #[test]
    fn conlleval_chunking() {
        type Case<'a> = (&'a [&'a str], &'a [(usize, usize, &'a str)]);
        let cases: &[Case] = &[
            (&["B-PER", "I-PER", "O"], &[(0, 2, "PER")]),
            (&["I-LOC", "I-LOC"], &[(0, 2, "LOC")]),
            (&["B-PER", "B-PER"], &[(0, 1, "PER"), (1, 2, "PER")]),
            (&["B-PER", "I-ORG"], &[(0, 1, "PER"), (1, 2, "ORG")]),
            (&["O", "O"], &[]),
        ];
        for (labels, want) in cases {
            let got: Vec<(usize, usize, String)> = chunks_of(labels)
                .into_iter()
                .map(|c| (c.start, c.end, c.kind))
                .collect();
            let want: Vec<(usize, usize, String)> = want
                .iter()
                .map(|(s, e, k)| (*s, *e, k.to_string()))
                .collect();
            assert_eq!(got, want, "{labels:?}");
        }
    }
}
