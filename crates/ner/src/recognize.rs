//! From text to typed mentions: tag each sentence, turn BIO chunks into
//! spans, refine their types with the gazetteer (countries, demonyms,
//! capitals and seats of government used as metonyms), add gazetteer names
//! the tagger missed, then propagate names and canonical forms through the
//! document.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crosscheck_model::{EntityType, Mention, Sentence, Span};

use crate::chunks::{
    chunks_of_indices, company_short_name, cut_at_brackets, news_pieces, EVENT_HEADS,
};
use crate::fasthash::{FastMap, FastSet};
use crate::features::CommonWords;
use crate::gazetteer::{gazetteer, key_of, Gazetteer, Place, MAX_NAME_TOKENS};
use crate::normalize::{fold, fold_into, WordIndex};
use crate::resolve::{acronym_matches, initials, person_canonicals};
use crate::tagger::Tagger;
use crate::tokens::{tokenize, Tok};

static LOCATIVE: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/locative_words.txt")));

fn word_list(text: &'static str) -> HashSet<&'static str> {
    crosscheck_lexicon::lines(text).collect()
}

/// Holidays and weapon classes, as folded token keys.
static MISC_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    word_list(include_str!("../data/misc_names.txt"))
        .into_iter()
        .map(key_of)
        .collect()
});

static TITLE_MODIFIERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/title_modifiers.txt")));

static SURNAME_FIRST: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/surname_first.txt")));

static INSTITUTION_NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/institution_nouns.txt")));

/// A mention before it becomes a [`Mention`]: token range in one sentence.
#[derive(Debug, Clone)]
struct Draft {
    sentence: usize,
    start: usize,
    end: usize,
    kind: EntityType,
    canonical: Option<String>,
    refers_to: Option<String>,
}

struct SentenceTokens<'a> {
    toks: Vec<Tok>,
    words: Vec<&'a str>,
    /// `fold` of each word, folded once per document.
    folded: Vec<&'a str>,
}

fn is_punct(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

fn joined(words: &[&str]) -> String {
    words.join(" ")
}

pub fn recognize(tagger: &Tagger, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
    let gaz = gazetteer();
    let whole = [Sentence::new(0, text.len())];
    let sentences = if sentences.is_empty() {
        &whole[..]
    } else {
        sentences
    };
    let toks: Vec<Vec<Tok>> = sentences
        .iter()
        .map(|s| tokenize(text, s.range.start, s.range.end))
        .collect();
    // Every word folded into one buffer, so the rules below look up folded
    // forms instead of folding the same word again and again.
    // Folding keeps ASCII lengths, so the text's length is nearly always
    // enough and the buffers never regrow.
    let mut folded_text = String::with_capacity(text.len());
    let mut folded_ends = Vec::with_capacity(toks.iter().map(Vec::len).sum());
    for t in toks.iter().flatten() {
        fold_into(&text[t.start..t.end], &mut folded_text);
        folded_ends.push(folded_text.len());
    }
    let mut ends = folded_ends.iter();
    let mut at = 0;
    let sents: Vec<SentenceTokens> = toks
        .into_iter()
        .map(|toks| {
            let words = toks.iter().map(|t| &text[t.start..t.end]).collect();
            let folded = toks
                .iter()
                .map(|_| {
                    let start = at;
                    at = ends.next().copied().unwrap_or(start);
                    folded_text.get(start..at).unwrap_or("")
                })
                .collect();
            SentenceTokens {
                toks,
                words,
                folded,
            }
        })
        .collect();
    let mut drafts = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let labels = tagger.tag(&s.words, gaz);
        let mut covered = vec![false; s.words.len()];
        let pieces: Vec<(usize, usize, String)> = chunks_of_indices(&labels)
            .into_iter()
            .flat_map(|c| split_at_common_words(&s.words, c.start, c.end, c.kind))
            .collect();
        let pieces = cut_at_brackets(&s.words, pieces);
        let (words, folded) = (&s.words[..], &s.folded[..]);
        let pieces = extend_over_given_names(gaz, words, folded, pieces);
        let common = tagger.common_words();
        let pieces = cut_opening_ordinary_nouns(gaz, common, words, folded, pieces);
        // The longest gazetteer name at each token, for the two passes that
        // look at every token.
        let matches: Vec<Option<(usize, Place)>> = (0..words.len())
            .map(|i| gaz.longest_match_folded(words, folded, i))
            .collect();
        let pieces = merge_into_gazetteer_names(gaz, &matches, words, folded, pieces);
        let pieces = join_names_across_and(gaz, words, folded, pieces);
        for c in news_pieces(gaz, common, words, folded, pieces)
            .into_iter()
            .filter(|c| !capitalised_common_word(gaz, common, words, folded, c.0, c.1))
        {
            let (start, end, kind) = c;
            for d in refine_chunk(gaz, si, words, folded, start, end, &kind) {
                for flag in covered.iter_mut().take(d.end).skip(d.start) {
                    *flag = true;
                }
                drafts.push(d);
            }
        }
        add_gazetteer_names(gaz, &matches, si, words, folded, &mut covered, &mut drafts);
    }
    drop_headline_guesses(&sents, &mut drafts);
    drop_capitalised_ordinary_words(&sents, &mut drafts);
    type_company_short_names(gaz, &sents, &mut drafts);
    type_misc_names(gaz, &sents, &mut drafts);
    retype_titled_surnames(gaz, &sents, &mut drafts);
    propagate(gaz, &sents, &mut drafts);
    canonicalize(gaz, &sents, &mut drafts);
    // Both passes read the same set: the first only retypes words already in it.
    let places = one_word_places(&sents, &drafts);
    if !places.is_empty() {
        keep_speaking_places_places(&sents, &places, &mut drafts);
        type_demonyms_of_places(&sents, &places, &mut drafts);
    }
    let compounds = demonym_compounds(gaz, text, &sents);
    let mut out: Vec<Mention> = drafts
        .into_iter()
        .filter_map(|d| {
            let s = sents.get(d.sentence)?;
            let start = s.toks.get(d.start)?.start;
            let end = s.toks.get(d.end.checked_sub(1)?)?.end;
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
fn demonym_compounds(
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
            let split = tok.start + left.len();
            let mentions: Vec<Mention> = [
                place_mention(gaz, text, tok.start, split, left_place),
                place_mention(gaz, text, split + 1, last.end, right_place),
            ]
            .into_iter()
            .flatten()
            .collect();
            if mentions.len() == 2 {
                out.push((tok.start, last.end, mentions));
            }
        }
    }
    out
}

/// A multi-word gazetteer name covering whole tagger pieces ("North" +
/// "Korean", "Korean" alone inside "North Korean", or "Korean
/// Central" + "News Agency") replaces the pieces it fully covers.
fn merge_into_gazetteer_names(
    gaz: &Gazetteer,
    matches: &[Option<(usize, Place)>],
    words: &[&str],
    folded: &[&str],
    pieces: Vec<(usize, usize, String)>,
) -> Vec<(usize, usize, String)> {
    let longest_at = |i: usize| matches.get(i).copied().flatten();
    // Punctuation or a function word at a piece's edge ("“North", "The
    // North") must not block the match.
    let mut out: Vec<(usize, usize, String)> = pieces
        .into_iter()
        .filter_map(|(mut a, mut b, k)| {
            let whole_known = longest_at(a).is_some_and(|(n, _)| a + n == b);
            while a < b
                && words.get(a).zip(folded.get(a)).is_some_and(|(w, f)| {
                    is_punct(w) || (!whole_known && a + 1 < b && gaz.is_not_name(f))
                })
            {
                a += 1;
            }
            while b > a && words.get(b - 1).is_some_and(|w| is_punct(w)) {
                b -= 1;
            }
            (a < b).then_some((a, b, k))
        })
        .collect();
    let mut i = 0;
    while i < words.len() {
        let Some((n, _)) = longest_at(i).filter(|(n, _)| *n >= 2) else {
            i += 1;
            continue;
        };
        let end = i + n;
        let overlapping: Vec<usize> = (0..out.len())
            .filter(|&k| out.get(k).is_some_and(|p| p.0 < end && p.1 > i))
            .collect();
        let inside = overlapping
            .iter()
            .all(|&k| out.get(k).is_some_and(|p| p.0 >= i && p.1 <= end));
        if let (Some(&first), true) = (overlapping.first(), inside) {
            let kind = out.get(first).map(|p| p.2.clone()).unwrap_or_default();
            for &k in overlapping.iter().rev() {
                out.remove(k);
            }
            out.push((i, end, kind));
        }
        i = end;
    }
    out.sort_by_key(|p| p.0);
    out
}

fn is_roman_or_number(folded: &str) -> bool {
    !folded.is_empty()
        && (folded.chars().all(|c| c.is_ascii_digit())
            || folded.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
}

/// "Confirmation of North Korea's ...": a sentence opening with an ordinary
/// noun (an -tion/-ment/... ending, seen lowercase in training) and "of"
/// is no name; the piece starts
/// after "of". Nouns heading institutions ("Government of ...",
/// "Federation of ...") and titles ("Secretary of State") stay.
fn cut_opening_ordinary_nouns(
    gaz: &Gazetteer,
    common: &CommonWords,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<(usize, usize, String)>,
) -> Vec<(usize, usize, String)> {
    pieces
        .into_iter()
        .map(|(a, b, k)| {
            let ordinary = opens_sentence(words, a)
                && folded.get(a).is_some_and(|f| {
                    ORDINARY_ENDINGS.iter().any(|e| f.ends_with(e))
                        && !INSTITUTION_NOUNS.contains(f)
                        && !gaz.is_org_word(f)
                        && !gaz.is_title(f)
                })
                && words.get(a + 1) == Some(&"of");
            // Unless seen lowercase in training, the noun must govern a
            // place ("Confirmation of Japan"), which "Clement of
            // Alexandria" (a -ment name) does too, so -ment needs both.
            let place_after = gaz.longest_match_folded(words, folded, a + 2).is_some();
            let ordinary = ordinary
                && folded.get(a).is_some_and(|f| {
                    common.contains(f) && (place_after || !f.ends_with("ment"))
                        || (place_after && !f.ends_with("ment"))
                });
            if ordinary && a + 2 < b {
                (a + 2, b, k)
            } else {
                (a, b, k)
            }
        })
        .collect()
}

/// Endings of adjectives ("Strategic", "Electrical", "Oriental",
/// "Legislative"): a name cannot end on one.
const ADJECTIVE_ENDINGS: &[&str] = &["ic", "al", "ive", "ary", "ous"];

/// "Center for Strategic" + "and" + "International Studies": a name whose
/// inner "for"/"of" phrase ends on an adjective
/// continues over "and" and the capitalised words after it, as one
/// organisation. A gazetteer name on either side of "and" ("Bank of
/// England and Barclays") keeps the names apart.
fn join_names_across_and(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<(usize, usize, String)>,
) -> Vec<(usize, usize, String)> {
    let capital = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let known = |i: usize| gaz.longest_match_folded(words, folded, i).is_some();
    let mut out: Vec<(usize, usize, String)> = Vec::with_capacity(pieces.len());
    let mut pieces = pieces.into_iter().peekable();
    while let Some((a, b, k)) = pieces.next() {
        let inner_particle = words
            .get(a + 1..b.saturating_sub(1))
            .is_some_and(|ws| ws.iter().any(|w| matches!(*w, "for" | "of")));
        let last = b.saturating_sub(1);
        let joinable = inner_particle
            && words.get(b) == Some(&"and")
            && folded
                .get(last)
                .is_some_and(|f| ADJECTIVE_ENDINGS.iter().any(|e| f.ends_with(e)))
            && capital(last)
            && !known(last)
            && folded.get(last).is_some_and(|f| !gaz.is_given_name(f))
            && capital(b + 1)
            && !known(b + 1);
        if !joinable {
            out.push((a, b, k));
            continue;
        }
        let mut end = b + 1;
        while end < b + 5 && capital(end) && !known(end) {
            end += 1;
        }
        // Pieces after "and" must lie wholly inside the joined name.
        let crosses = pieces.peek().is_some_and(|p| p.0 < end && p.1 > end);
        if crosses {
            out.push((a, b, k));
            continue;
        }
        while pieces.next_if(|p| p.0 < end).is_some() {}
        out.push((a, end, "ORG".to_string()));
    }
    out
}

/// Holidays and weapon classes (`data/misc_names.txt`) and events named by
/// their last word (`data/event_heads.txt`: "Korean War", "World War II")
/// are Misc, not organisations or persons.
fn type_misc_names(gaz: &Gazetteer, sents: &[SentenceTokens], drafts: &mut [Draft]) {
    for d in drafts.iter_mut() {
        if d.canonical.is_some() || matches!(d.kind, EntityType::Group | EntityType::Misc) {
            continue;
        }
        let key = draft_folded(sents, d);
        if MISC_NAMES.contains(&key.join(" ")) {
            d.kind = EntityType::Misc;
            continue;
        }
        let mut last = key.len();
        while last > 1 && key.get(last - 1).is_some_and(|f| is_roman_or_number(f)) {
            last -= 1;
        }
        let head = last
            .checked_sub(1)
            .and_then(|i| key.get(i))
            .is_some_and(|f| EVENT_HEADS.contains(f));
        let institution = key
            .iter()
            .any(|f| *f == "of" || gaz.is_org_word(f) || INSTITUTION_NOUNS.contains(f));
        if head && last >= 2 && !institution {
            d.kind = EntityType::Misc;
        }
    }
}

/// "President Zelenskyy" typed as an organisation or place: titles before a
/// word that is the surname of a person named in full in the document make
/// a person; the titles are dropped from the span.
fn retype_titled_surnames(gaz: &Gazetteer, sents: &[SentenceTokens], drafts: &mut [Draft]) {
    let mut surnames = WordIndex::default();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Person) {
        let key = draft_folded(sents, d);
        if let (true, Some(last)) = (key.len() >= 2, key.last()) {
            surnames.insert(last);
        }
    }
    for d in drafts.iter_mut() {
        if d.canonical.is_some()
            || !matches!(d.kind, EntityType::Organization | EntityType::Location)
        {
            continue;
        }
        let key = draft_folded(sents, d);
        let titles = key.iter().take_while(|f| gaz.is_title(f)).count();
        let rest = key.get(titles..).unwrap_or(&[]);
        if titles >= 1 && rest.len() == 1 && rest.iter().all(|f| surnames.has_variant(f)) {
            d.start += titles;
            d.kind = EntityType::Person;
        }
    }
}

/// A person chunk grows leftwards over capitalised given names the tagger
/// left outside ("Volodymyr" + "Zelenskyy").
fn extend_over_given_names(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    mut pieces: Vec<(usize, usize, String)>,
) -> Vec<(usize, usize, String)> {
    let mut taken = vec![false; words.len()];
    for p in &pieces {
        for t in taken.iter_mut().take(p.1).skip(p.0) {
            *t = true;
        }
    }
    for p in pieces.iter_mut().filter(|p| p.2 == "PER") {
        while let Some(prev) = p.0.checked_sub(1) {
            let given = words
                .get(prev)
                .zip(folded.get(prev))
                .is_some_and(|(w, f)| w.starts_with(char::is_uppercase) && gaz.is_given_name(f));
            if !given || taken.get(prev).copied().unwrap_or(true) {
                break;
            }
            if let Some(t) = taken.get_mut(prev) {
                *t = true;
            }
            p.0 = prev;
        }
    }
    pieces
}

/// A one-word chunk that is an ordinary word capitalised only because it
/// opens the sentence or follows a quote or colon ("However", "This").
fn capitalised_common_word(
    gaz: &Gazetteer,
    common: &CommonWords,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
) -> bool {
    if end != start + 1 {
        return false;
    }
    let opens = start == 0
        || start
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .is_some_and(|w| is_punct(w) && !matches!(*w, "," | "-" | "("));
    opens
        && folded.get(start).is_some_and(|f| {
            common.contains(f) && gaz.longest_match_folded(words, folded, start).is_none()
        })
}

/// Lowercase words that may sit inside a name ("Bank of England",
/// "Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "du", "des", "la", "le",
    "von", "van", "der", "den", "al", "el", "bin", "ibn", "y", "for", "on", "upon", "am", "&",
];

/// News names do not contain ordinary lowercase words or possessives: a
/// chunk the tagger ran on through "Brecker later told" or "Kyiv's Urgent"
/// is cut there, and particles left at either edge are dropped.
fn split_at_common_words(
    words: &[&str],
    start: usize,
    end: usize,
    kind: String,
) -> Vec<(usize, usize, String)> {
    let common = |i: usize| {
        words.get(i).is_some_and(|w| {
            (w.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(w))
                || matches!(*w, "'s" | "’s" | "'S" | "’S")
        })
    };
    let particle = |i: usize| words.get(i).is_some_and(|w| NAME_PARTICLES.contains(w));
    let mut out = Vec::new();
    let mut s = start;
    while s < end {
        let mut e = s;
        while e < end && !common(e) {
            e += 1;
        }
        let (mut a, mut b) = (s, e);
        while a < b && particle(a) {
            a += 1;
        }
        while b > a && particle(b - 1) {
            b -= 1;
        }
        if a < b {
            out.push((a, b, String::new()));
        }
        s = e + 1;
    }
    // The last piece takes the kind itself, the others a copy.
    if let Some((last, rest)) = out.split_last_mut() {
        for p in rest {
            p.2.clone_from(&kind);
        }
        last.2 = kind;
    }
    out
}

/// Type, canonical name and referent of a gazetteer meaning for the words
/// at `start..end` of a sentence.
fn draft_from_place(
    gaz: &Gazetteer,
    sentence: usize,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
    place: Place,
) -> Draft {
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
            if acts_as_government(gaz, words, folded, start, end) {
                d.refers_to = gaz.metonym_referent(place).map(|c| c.name.clone());
            }
        }
    }
    d
}

/// A capital is read as its government unless a locative word precedes it
/// ("in Moscow") or a country follows it ("Moscow, Russia").
fn acts_as_government(
    gaz: &Gazetteer,
    words: &[&str],
    folded: &[&str],
    start: usize,
    end: usize,
) -> bool {
    let prev = start.checked_sub(1).and_then(|i| folded.get(i));
    if prev.is_some_and(|p| LOCATIVE.contains(p)) {
        return false;
    }
    let comma_country = words.get(end) == Some(&",")
        && matches!(
            gaz.longest_match_folded(words, folded, end + 1),
            Some((_, Place::Country(_)))
        );
    !comma_country
}

/// Mentions from one tagger chunk: stray punctuation trimmed, leading titles
/// and nationalities split off person names, types refined by the gazetteer.
fn refine_chunk(
    gaz: &Gazetteer,
    sentence: usize,
    words: &[&str],
    folded: &[&str],
    mut start: usize,
    mut end: usize,
    tag: &str,
) -> Vec<Draft> {
    let mut out = Vec::new();
    while start < end && words.get(start).is_some_and(|w| is_punct(w)) {
        start += 1;
    }
    let is_number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    while start < end && words.get(start).is_some_and(|w| is_number(w)) {
        start += 1;
    }
    while end > start
        && words
            .get(end - 1)
            .zip(folded.get(end - 1))
            .is_some_and(|(w, f)| {
                is_punct(w)
                    || is_number(w)
                    || matches!(*w, "'s" | "’s" | "'S" | "’S")
                    || (end - 1 > start && gaz.is_not_name(f))
                    || (end - 1 > start && gaz.is_title(f) && !TITLE_MODIFIERS.contains(f))
            })
    {
        end -= 1;
    }
    // Leading function words ("For North", "The North") are not part of a
    // name unless the whole run is a gazetteer name ("The Hague").
    let whole_known = gaz
        .longest_match_folded(words, folded, start)
        .is_some_and(|(n, _)| start + n == end);
    while !whole_known && start + 1 < end && folded.get(start).is_some_and(|f| gaz.is_not_name(f)) {
        start += 1;
    }
    // Names have a capitalised word and are not just dates ("Feb", "May").
    let ws = words.get(start..end).unwrap_or(&[]);
    if !ws.iter().any(|w| w.starts_with(char::is_uppercase))
        || ws
            .iter()
            .zip(folded.get(start..end).unwrap_or(&[]))
            .all(|(w, f)| gaz.is_not_name(f) || is_punct(w))
    {
        return Vec::new();
    }
    // "Secretary of State George Shultz": a title phrase, then a person.
    if let Some(k) = (start + 1..end).find(|&k| {
        folded.get(k).is_some_and(|f| gaz.is_given_name(f))
            && folded
                .get(start..k)
                .is_some_and(|t| t.iter().any(|f| gaz.is_title(f)))
            && (2..=3).contains(&(end - k))
            && words
                .get(k..end)
                .is_some_and(|t| t.iter().all(|w| w.starts_with(char::is_uppercase)))
    }) {
        let mut out = Vec::new();
        // Leading nationality or country stays an entity of its own.
        if let Some((n, p @ (Place::Demonym(_) | Place::Country(_)))) =
            gaz.longest_match_folded(words, folded, start)
        {
            if start + n < k {
                out.push(draft_from_place(
                    gaz,
                    sentence,
                    words,
                    folded,
                    start,
                    start + n,
                    p,
                ));
            }
        }
        out.push(Draft {
            sentence,
            start: k,
            end,
            kind: EntityType::Person,
            canonical: None,
            refers_to: None,
        });
        return out;
    }
    // "Russian President Vladimir Putin": a group, a title, a person, whatever
    // type the tagger gave the whole run.
    let mut tag = tag;
    while let Some(w) = words.get(start).copied() {
        if start + 1 >= end {
            break;
        }
        let next_is_title = |at: usize| folded.get(at).is_some_and(|f| gaz.is_title(f));
        if folded.get(start).is_some_and(|f| gaz.is_title(f))
            && (tag == "PER" || next_is_title(start + 1) || {
                let rest = folded.get(start + 1).copied().unwrap_or_default();
                gaz.is_given_name(rest)
            })
        {
            start += 1;
            tag = "PER";
            continue;
        }
        if (w == "The" || w == "the")
            && gaz
                .longest_match_folded(words, folded, start + 1)
                .is_some_and(|(n, _)| start + 1 + n == end)
        {
            start += 1;
            continue;
        }
        match gaz.longest_match_folded(words, folded, start) {
            Some((n, p @ (Place::Demonym(_) | Place::Country(_))))
                if start + n < end && (tag == "PER" || next_is_title(start + n)) =>
            {
                out.push(draft_from_place(
                    gaz,
                    sentence,
                    words,
                    folded,
                    start,
                    start + n,
                    p,
                ));
                start += n;
            }
            _ => break,
        }
    }
    if start >= end {
        return out;
    }
    // "Vladimir Putin" typed as an organisation: a given name followed by
    // one or two capitalised words and no organisation word is a person.
    let len = end - start;
    if tag != "PER"
        && (2..=3).contains(&len)
        && folded.get(start).is_some_and(|f| gaz.is_given_name(f))
        && words
            .get(start..end)
            .zip(folded.get(start..end))
            .is_some_and(|(ws, fs)| {
                ws.iter().zip(fs).all(|(w, f)| {
                    w.chars().next().is_some_and(char::is_uppercase) && !gaz.is_org_word(f)
                })
            })
        && gaz.longest_match_folded(words, folded, start).is_none()
    {
        tag = "PER";
    }
    // A lone title ("President") names no one.
    if end - start == 1 && folded.get(start).is_some_and(|f| gaz.is_title(f)) {
        return out;
    }
    // A "person" ending in a title ("Moravian President") names no one.
    if tag == "PER" && folded.get(end - 1).is_some_and(|f| gaz.is_title(f)) {
        return out;
    }
    let exact = gaz
        .longest_match_folded(words, folded, start)
        .filter(|(n, _)| start + n == end)
        .map(|(_, p)| p);
    let draft = match (tag, exact) {
        // Countries, demonyms, seats and known organisations are never
        // persons, whatever the tagger says (news rarely names a "Jordan").
        (
            "PER",
            Some(
                p @ (Place::Demonym(_)
                | Place::Seat(_)
                | Place::Organization(_)
                | Place::Country(_)),
            ),
        ) => draft_from_place(gaz, sentence, words, folded, start, end, p),
        // Nor are cities of two words or more ("Hong Kong").
        ("PER", Some(p @ (Place::City(_) | Place::Capital(_)))) if end - start >= 2 => {
            draft_from_place(gaz, sentence, words, folded, start, end, p)
        }
        ("PER", _) => Draft {
            sentence,
            start,
            end,
            kind: EntityType::Person,
            canonical: None,
            refers_to: None,
        },
        (_, Some(p)) => draft_from_place(gaz, sentence, words, folded, start, end, p),
        (tag, None) => Draft {
            sentence,
            start,
            end,
            kind: match tag {
                "ORG" => EntityType::Organization,
                // Products and designations from the news rules ("C-17").
                "MISC" => EntityType::Misc,
                _ => EntityType::Location,
            },
            canonical: None,
            refers_to: None,
        },
    };
    out.push(draft);
    out
}

/// Gazetteer names on tokens no chunk covers.
fn add_gazetteer_names(
    gaz: &Gazetteer,
    matches: &[Option<(usize, Place)>],
    sentence: usize,
    words: &[&str],
    folded: &[&str],
    covered: &mut [bool],
    drafts: &mut Vec<Draft>,
) {
    let mut i = 0;
    while i < words.len() {
        let free = |n: usize| covered.get(i..i + n).is_some_and(|c| c.iter().all(|x| !x));
        match matches.get(i).copied().flatten() {
            Some((n, place)) if free(n) => {
                drafts.push(draft_from_place(
                    gaz,
                    sentence,
                    words,
                    folded,
                    i,
                    i + n,
                    place,
                ));
                for c in covered.iter_mut().skip(i).take(n) {
                    *c = true;
                }
                i += n;
            }
            _ => i += 1,
        }
    }
}

/// "Tarsenia says" reads as a surname speaking when the sentence is seen
/// alone; when the document names the same word as a place elsewhere and no
/// person of the document carries it as a surname, it is the place speaking
/// (its government), as in every other sentence.
fn keep_speaking_places_places(
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
fn one_word_places<'a>(sents: &'a [SentenceTokens], drafts: &[Draft]) -> FastSet<&'a str> {
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
fn type_demonyms_of_places(
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

fn draft_words<'a>(sents: &'a [SentenceTokens], d: &Draft) -> &'a [&'a str] {
    sents
        .get(d.sentence)
        .and_then(|s| s.words.get(d.start..d.end))
        .unwrap_or(&[])
}

/// Endings of ordinary English nouns and adverbs that names almost never
/// have ("Allegations", "Nevertheless").
const ORDINARY_ENDINGS: &[&str] = &[
    "tion", "tions", "sion", "sions", "ness", "ment", "ments", "less", "ities",
];

fn opens_sentence(words: &[&str], i: usize) -> bool {
    i == 0
        || i.checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|w| is_punct(w) && !matches!(*w, "," | "-" | "("))
}

/// A one-word guess at the start of a sentence is dropped when the same word
/// appears in lowercase elsewhere in the document, or has an ending of
/// ordinary words: it is capitalised only by position.
fn drop_capitalised_ordinary_words(sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
    // The document's lowercase words are collected only once a candidate
    // needs them: most documents have no one-word guess opening a sentence.
    let mut lowercase: Option<FastSet<&str>> = None;
    drafts.retain(|d| {
        if d.end != d.start + 1 || d.canonical.is_some() {
            return true;
        }
        let Some(s) = sents.get(d.sentence) else {
            return true;
        };
        if !opens_sentence(&s.words, d.start) {
            return true;
        }
        let folded = s.folded.get(d.start).copied().unwrap_or_default();
        if ORDINARY_ENDINGS.iter().any(|e| folded.ends_with(e)) {
            return false;
        }
        let lowercase = lowercase.get_or_insert_with(|| {
            sents
                .iter()
                .flat_map(|s| s.words.iter().zip(&s.folded))
                .filter(|(w, _)| w.starts_with(char::is_lowercase))
                .map(|(_, f)| *f)
                .collect()
        });
        !lowercase.contains(folded)
    });
}

/// Title-case lines (headlines, subheads) capitalise every word, so the
/// tagger's guesses there are unreliable. In a document with running text,
/// a headline keeps only gazetteer names and names also found in running
/// text; `propagate` then finds those again.
fn drop_headline_guesses(sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
    if sents.len() < 3 {
        return;
    }
    // Title case: every word of four or more letters capitalised.
    let headline: Vec<bool> = sents
        .iter()
        .map(|s| {
            let (mut long, mut all_capitalised) = (0, true);
            for w in s
                .words
                .iter()
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            {
                long += 1;
                all_capitalised &= w.starts_with(char::is_uppercase);
            }
            long >= 3 && all_capitalised
        })
        .collect();
    if headline.iter().all(|h| *h) {
        return;
    }
    let is_headline = |d: &Draft| headline.get(d.sentence).copied().unwrap_or(false);
    if !drafts
        .iter()
        .any(|d| is_headline(d) && d.canonical.is_none())
    {
        return;
    }
    let in_text: FastSet<String> = drafts
        .iter()
        .filter(|d| !is_headline(d))
        .map(|d| draft_key(sents, d))
        .collect();
    drafts.retain(|d| {
        !is_headline(d) || d.canonical.is_some() || in_text.contains(&draft_key(sents, d))
    });
}

fn draft_key(sents: &[SentenceTokens], d: &Draft) -> String {
    draft_folded(sents, d).join(" ")
}

fn draft_folded<'a>(sents: &'a [SentenceTokens], d: &Draft) -> &'a [&'a str] {
    sents
        .get(d.sentence)
        .and_then(|s| s.folded.get(d.start..d.end))
        .unwrap_or(&[])
}

/// Short names of the companies named with their legal form in the
/// document ("Varity" after "Varity Corp"), as folded keys; places excepted.
fn company_short_names(
    gaz: &Gazetteer,
    sents: &[SentenceTokens],
    drafts: &[Draft],
) -> HashSet<String> {
    let mut out = HashSet::new();
    for d in drafts.iter().filter(|d| d.kind == EntityType::Organization) {
        let Some(short) = company_short_name(draft_folded(sents, d)) else {
            continue;
        };
        let words = draft_words(sents, d);
        let place = gaz
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
fn type_company_short_names(gaz: &Gazetteer, sents: &[SentenceTokens], drafts: &mut [Draft]) {
    let shorts = company_short_names(gaz, sents, drafts);
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

/// Names recognised once are recognised everywhere in the document: exact
/// repeats of a person, organisation or place name, and the surname of a
/// person named in full.
fn propagate(gaz: &Gazetteer, sents: &[SentenceTokens], drafts: &mut Vec<Draft>) {
    let mut known: FastMap<String, EntityType> = FastMap::default();
    let mut max_len = 1;
    for d in drafts.iter() {
        if matches!(d.kind, EntityType::Group) {
            continue;
        }
        let key = draft_folded(sents, d);
        if d.kind == EntityType::Person && key.len() >= 2 {
            if let Some(last) = key.last() {
                if last.chars().count() >= 3 && !gaz.is_title(last) && !gaz.is_not_name(last) {
                    known.entry(last.to_string()).or_insert(EntityType::Person);
                }
            }
        }
        max_len = max_len.max(key.len());
        known.entry(key.join(" ")).or_insert(d.kind);
    }
    for short in company_short_names(gaz, sents, drafts) {
        known.insert(short, EntityType::Organization);
    }
    if known.is_empty() {
        return;
    }
    let mut covered: Vec<Vec<bool>> = sents.iter().map(|s| vec![false; s.words.len()]).collect();
    for d in drafts.iter() {
        if let Some(c) = covered.get_mut(d.sentence) {
            for flag in c.iter_mut().take(d.end).skip(d.start) {
                *flag = true;
            }
        }
    }
    for (si, s) in sents.iter().enumerate() {
        let Some(cov) = covered.get_mut(si) else {
            continue;
        };
        let mut i = 0;
        while i < s.words.len() {
            let capital = s
                .words
                .get(i)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if !capital || cov.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            let mut found = None;
            let mut key = String::new();
            for n in 1..=max_len {
                let Some(w) = s.folded.get(i + n - 1) else {
                    break;
                };
                if cov.get(i + n - 1).copied().unwrap_or(true) {
                    break;
                }
                if n > 1 {
                    key.push(' ');
                }
                key.push_str(w);
                if let Some(kind) = known.get(&key) {
                    found = Some((n, *kind));
                }
            }
            match found {
                Some((n, kind)) => {
                    let mut d = Draft {
                        sentence: si,
                        start: i,
                        end: i + n,
                        kind,
                        canonical: None,
                        refers_to: None,
                    };
                    if let Some((m, place)) = gaz.longest_match_folded(&s.words, &s.folded, i) {
                        if m == n && kind != EntityType::Person {
                            d = draft_from_place(gaz, si, &s.words, &s.folded, i, i + n, place);
                        }
                    }
                    for flag in cov.iter_mut().skip(i).take(n) {
                        *flag = true;
                    }
                    drafts.push(d);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

/// Fills canonical names: persons to the fullest form of their name in the
/// document, acronyms to their expansion, everything else to its own text.
fn canonicalize(gaz: &Gazetteer, sents: &[SentenceTokens], drafts: &mut [Draft]) {
    let texts: Vec<String> = drafts
        .iter()
        .map(|d| joined_clean(draft_words(sents, d)))
        .collect();
    // Single-word mentions equal to a person's surname are that person even
    // where the tagger typed them otherwise.
    let mut surnames = WordIndex::default();
    for (d, t) in drafts.iter().zip(&texts) {
        if d.kind == EntityType::Person && t.contains(' ') {
            if let Some(last) = t.rsplit(' ').next() {
                surnames.insert(&fold(last));
            }
        }
    }
    for (d, t) in drafts.iter_mut().zip(&texts) {
        if matches!(d.kind, EntityType::Organization | EntityType::Location)
            && !t.contains(' ')
            && d.canonical.is_none()
            && surnames.has_variant(&fold(t))
        {
            d.kind = EntityType::Person;
        }
    }
    let persons: Vec<&str> = drafts
        .iter()
        .zip(&texts)
        .filter(|(d, _)| d.kind == EntityType::Person)
        .map(|(_, t)| t.as_str())
        .collect();
    let mut person_names = person_canonicals(&persons);
    link_surname_first_names(&persons, &mut person_names);
    // Multi-word organisation names by their initials, so an acronym finds
    // its expansion with one hash probe.
    let mut by_initials: HashMap<String, &str> = HashMap::new();
    for (d, t) in drafts.iter().zip(&texts) {
        if d.kind == EntityType::Organization && t.contains(' ') {
            for k in initials(t) {
                by_initials.entry(k).or_insert(t.as_str());
            }
        }
    }
    for (d, t) in drafts.iter_mut().zip(&texts) {
        if d.canonical.is_some() {
            continue;
        }
        d.canonical = Some(match d.kind {
            EntityType::Person => person_names
                .get(t.as_str())
                .cloned()
                .unwrap_or_else(|| t.clone()),
            EntityType::Organization => by_initials
                .get(&t.chars().filter(|c| *c != '.').collect::<String>())
                .filter(|full| acronym_matches(t, full))
                .map(|s| s.to_string())
                .or_else(|| gaz.lookup(t).and_then(|p| gaz.describe(p)).map(|(n, _)| n))
                .unwrap_or_else(|| t.clone()),
            _ => t.clone(),
        });
    }
}

/// "Kim" alone after "Kim Jong Un": a lone surname that opens full names
/// (`data/surname_first.txt`: Korean, Chinese, Vietnamese surnames) takes
/// the canonical name of the one person in the document whose name starts
/// with it; with two such persons ("Kim Jong Un", "Kim Yo Jong") it stays
/// as it is.
fn link_surname_first_names(persons: &[&str], canonical: &mut HashMap<String, String>) {
    let mut by_first: HashMap<String, HashSet<String>> = HashMap::new();
    for p in persons.iter().filter(|p| p.contains(' ')) {
        let Some(first) = p.split(' ').next().map(fold) else {
            continue;
        };
        if SURNAME_FIRST.contains(first.as_str()) {
            let full = canonical.get(*p).cloned().unwrap_or_else(|| p.to_string());
            by_first.entry(first).or_default().insert(full);
        }
    }
    for p in persons.iter().filter(|p| !p.contains(' ')) {
        let unlinked = canonical.get(*p).is_none_or(|c| c == p);
        let Some(names) = by_first.get(&fold(p)) else {
            continue;
        };
        if let (true, 1, Some(full)) = (unlinked, names.len(), names.iter().next()) {
            canonical.insert(p.to_string(), full.clone());
        }
    }
}

/// Words joined as written, with spaces only where the original had word
/// boundaries that matter for names ("Kim Jong-un", "O'Brien").
fn joined_clean(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        let attach = out.is_empty()
            || matches!(*w, "'s" | "’s" | "," | "." | ")" | "'" | "’")
            || out.ends_with('(');
        if !attach {
            out.push(' ');
        }
        out.push_str(w);
    }
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
        let cases: &[(&str, &str, usize, Option<EntityType>)] = &[
            (
                "Troops were seen in Marvonia on Monday. Later Marvonia said the troops had left.",
                "Marvonia",
                1,
                Some(EntityType::Location),
            ),
            (
                "Minister Olaf Berrin visited Berrin. Berrin said the talks went well.",
                "Berrin",
                2,
                Some(EntityType::Person),
            ),
        ];
        for (text, surface, nth, want) in cases {
            assert_eq!(kind_of(text, surface, *nth), *want, "{surface} in {text}");
        }
    }

    #[test]
    fn demonyms_of_places_in_the_document() {
        let cases: &[(&str, &str, usize, Option<EntityType>)] = &[
            (
                "Troops from Marvonia crossed the river. Marvonian soldiers held the bridge.",
                "Marvonian",
                0,
                Some(EntityType::Group),
            ),
            (
                "Marvonia denied it. Two Marvonians were seen near Kell.",
                "Marvonians",
                0,
                Some(EntityType::Group),
            ),
        ];
        for (text, surface, nth, want) in cases {
            assert_eq!(kind_of(text, surface, *nth), *want, "{surface} in {text}");
        }
    }

    #[test]
    fn newswire_company_names() {
        let cases: &[(&str, &str, usize, EntityType)] = &[
            (
                "Delmont Corp said profits rose. Delmont said it would hire.",
                "Delmont",
                1,
                EntityType::Organization,
            ),
            (
                "Tilly's Garden Stores Inc said sales rose. Tilly's said it would hire.",
                "Tilly's",
                1,
                EntityType::Organization,
            ),
            (
                "Brandt and Soller Corp said it sold its unit.",
                "Brandt and Soller Corp",
                0,
                EntityType::Organization,
            ),
            (
                "Fenwick Tool Corp <FTC.L> said it would close a plant.",
                "Fenwick Tool Corp",
                0,
                EntityType::Organization,
            ),
            (
                "The Grain and Seed Exchange said trading resumed.",
                "Grain and Seed Exchange",
                0,
                EntityType::Organization,
            ),
        ];
        for (text, surface, nth, want) in cases {
            assert_eq!(kind_of(text, surface, *nth), Some(*want), "{text}");
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
            (
                "Tensions in the Asia-Pacific rose again.",
                "Asia-Pacific",
                Some(EntityType::Location),
            ),
            // Messaging platforms are the companies that run them.
            (
                "The mayor wrote on Telegram that the bridge was closed.",
                "Telegram",
                Some(EntityType::Organization),
            ),
            // "X-supplied" is a modifier, not a name.
            (
                "Rebels fired Western-supplied rockets at the depot.",
                "Western-supplied",
                None,
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
    fn holidays_and_weapon_classes_are_never_organisations() {
        let texts = [
            (
                "Markets in Lyon closed for the New Year holiday.",
                "New Year",
            ),
            ("The leader sent a New Year's message to Hanoi.", "New Year"),
            ("Analysts said the ICBM could reach Guam.", "ICBM"),
        ];
        for (text, surface) in texts {
            let kind = kind_of(text, surface, 0);
            assert!(
                matches!(kind, None | Some(EntityType::Misc)),
                "{text}: {kind:?}"
            );
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
    fn compass_possessors_own_organisations() {
        let text = "Officials said the South's Central Planning Commission met on Monday.";
        assert_eq!(
            kind_of(text, "Central Planning Commission", 0),
            Some(EntityType::Organization)
        );
        assert_eq!(
            kind_of(text, "South's Central Planning Commission", 0),
            None
        );
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

    #[test]
    fn tickers_name_nothing() {
        let text = "Fenwick Tool Corp <FTC.L> said it would close a plant.";
        assert_eq!(kind_of(text, "FTC.L", 0), None);
    }
}
