//! Finding the attribution of a quote or a reported statement: the speaker
//! phrase, the speech cue, appositives and the channel, read from the units
//! around it.

use crate::lexicon::{class, FunctionClass, Lexicon};
use crate::speaker::{
    appositives, described_name_before_cue, description_after_cue, description_before_cue,
    phrase_backward, phrase_forward, skip_aux, word_run_end, Appositive, Phrase, PhraseKind,
};
use crate::units::{Unit, UnitKind};

/// Who said it and how, as written next to the statement.
#[derive(Debug, Clone)]
pub struct Attribution {
    pub phrase: Phrase,
    pub appositive: Option<Appositive>,
    /// The cue as written ("said", "was quoted as saying").
    pub cue: String,
    pub channel: Option<String>,
    /// Byte extent of the attribution (speaker, cue, appositive, channel).
    pub start: usize,
    pub end: usize,
    /// Index of the first unit after the attribution.
    pub next: usize,
}

/// The cue starting at unit `k`: its length in units and whether it may
/// introduce reported speech.
#[inline]
pub fn cue_at(lex: &Lexicon, units: &[Unit], k: usize, limit: usize) -> Option<(usize, bool)> {
    let first = units.get(k)?;
    if k >= limit || !first.is_word() || !first.may_start_cue() {
        return None;
    }
    cue_words_at(lex, units, k, limit)
}

/// [`cue_at`] once the first word may start a cue.
fn cue_words_at(lex: &Lexicon, units: &[Unit], k: usize, limit: usize) -> Option<(usize, bool)> {
    let mut words: [&str; 4] = [""; 4];
    let mut n = 0;
    for u in units
        .get(k..limit.min(units.len()))?
        .iter()
        .take(4)
        .take_while(|u| u.is_word())
    {
        words[n] = u.norm();
        n += 1;
    }
    lex.cue_in_list(units.get(k)?.cue_list(), &words[..n])
        .map(|c| (c.words.len(), c.reported))
}

/// [`cue_at`] next to a quote, where a verb of the manner of saying also
/// attributes it ("“...,” Orsa fumed"; `manner` in the speech-verb list).
fn quote_cue_at(lex: &Lexicon, units: &[Unit], k: usize, limit: usize) -> Option<(usize, bool)> {
    manner_cue(lex, units, k, limit, |_| true)
}

/// [`cue_at`], or a verb of the manner of saying; a verb that attributes
/// a quote only right next to it ("agreed") counts when `adjacent_ok`
/// accepts its length.
fn manner_cue(
    lex: &Lexicon,
    units: &[Unit],
    k: usize,
    limit: usize,
    adjacent_ok: impl Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    cue_at(lex, units, k, limit).or_else(|| {
        let first = units.get(k).filter(|u| k < limit && u.is_word())?;
        let second = units
            .get(k + 1)
            .filter(|u| k + 1 < limit && u.is_word())
            .map_or("", |u| u.norm());
        let words = [first.norm(), second];
        let len = lex
            .manner_cue_at(&words)
            .or_else(|| lex.adjacent_cue_at(&words).filter(|&len| adjacent_ok(len)))?;
        Some((len, false))
    })
}

/// A cue before the quote at unit `k`: [`cue_at`], a verb of the manner
/// of saying, or one that attributes only right next to the quote, with
/// at most a comma or colon between ("Brill agreed, “...”"); "agreed to
/// sell ... for a “fair price”" is no saying.
fn cue_before_quote(lex: &Lexicon, units: &[Unit], c: usize, k: usize) -> Option<(usize, bool)> {
    manner_cue(lex, units, c, k, |len| {
        let between = c + len..k;
        between.len() <= 1
            && between
                .into_iter()
                .all(|j| units.get(j).is_some_and(|u| !u.is_word()))
    })
}

fn cue_text(units: &[Unit], k: usize, len: usize, text: &str) -> String {
    match (units.get(k), units.get(k + len - 1)) {
        (Some(a), Some(b)) => text.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

/// A channel phrase ("in a Telegram post", "on Telegram") in `units[lo..hi]`:
/// the channel words as written and the end byte of the phrase.
pub fn channel_in(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    hi: usize,
    text: &str,
) -> Option<(String, usize)> {
    let hi = hi.min(units.len());
    for k in lo..hi {
        let u = units.get(k)?;
        if !matches!(u.norm(), "in" | "on" | "via" | "through" | "during") {
            continue;
        }
        let mut j = k + 1;
        while j < hi
            && units.get(j).is_some_and(|w| {
                matches!(
                    w.norm(),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their" | "a joint" | "joint"
                )
            })
        {
            j += 1;
        }
        // Allow one modifier before the channel ("his New Year's greeting").
        for skip in 0..=2 {
            let at = j + skip;
            // Most words start no channel: tested before the words are
            // gathered.
            let starts = at < hi
                && units
                    .get(at)
                    .is_some_and(|w| w.is_word() && lex.may_start_channel(w.norm()));
            if !starts {
                continue;
            }
            let mut words: [&str; 4] = [""; 4];
            let mut n = 0;
            for w in units
                .get(at..hi)
                .unwrap_or(&[])
                .iter()
                .take(4)
                .take_while(|w| w.is_word())
            {
                words[n] = w.norm();
                n += 1;
            }
            if let Some(len) = lex.channel_at(&words[..n]) {
                let first = units.get(j)?;
                let last = units.get(at + len - 1)?;
                return Some((
                    crate::speaker::squash(text.get(first.start..last.end)?),
                    last.end,
                ));
            }
        }
    }
    None
}

/// Reads the speech cue starting at a unit: [`cue_at`], or [`quote_cue_at`]
/// next to a quote.
type CueReader = fn(&Lexicon, &[Unit], usize, usize) -> Option<(usize, bool)>;

/// Attribution right after a quote: “...,” said X / “...,” X said.
/// `k` is the first unit after the quote, `limit` the end of the clause.
pub fn after_quote(
    lex: &Lexicon,
    units: &[Unit],
    k: usize,
    limit: usize,
    text: &str,
) -> Option<Attribution> {
    attribution_after(lex, units, (k, limit), text, quote_cue_at)
}

/// [`after_quote`] with the cues `cue_at` reads.
fn attribution_after(
    lex: &Lexicon,
    units: &[Unit],
    (k, limit): (usize, usize),
    text: &str,
    cue_at: CueReader,
) -> Option<Attribution> {
    let mut i = k;
    let mut skipped = 0;
    // (A lone apostrophe is the third of ''...'We lost,''' said X: the
    // quote's '' closed a quote inside it.)
    while i < limit
        && skipped < 2
        && units
            .get(i)
            .is_some_and(|u| matches!(u.norm(), "," | ":" | "—" | "–" | "'"))
    {
        i += 1;
        skipped += 1;
    }
    let first = units.get(i).filter(|_| i < limit)?;
    if k == i && is_dash(first) {
        return dash_attribution(lex, units, i, limit, text);
    }
    // Verb first: “...,” said Michael Kofman, a military analyst.
    if let Some((len, _)) = cue_at(lex, units, i, limit) {
        if !first.capitalised() || first.norm() == "says" || first.norm() == "said" {
            let j = skip_aux(units, i + len, limit);
            let (phrase, next) = speaker_after_cue(lex, units, j, limit, text)?;
            let (phrase, next) = named_after_description(lex, units, phrase, next, limit, text);
            let (phrase, next) = affiliation_to_clause_end(lex, units, phrase, next, limit);
            let (appositive, after, end) = with_appositives(lex, units, &phrase, next, limit, text);
            let channel = channel_in(lex, units, i + len, limit, text);
            let end = channel.as_ref().map_or(end, |c| c.1.max(end));
            let end = clause_end(units, limit).max(end);
            return Some(Attribution {
                cue: cue_text(units, i, len, text),
                start: first.start,
                end,
                next: after,
                phrase,
                appositive,
                channel: channel.map(|c| c.0),
            });
        }
    }
    // Speaker first: “...,” KCNA declared. / “...,” a diplomat, who ..., said.
    // A phrase the grammar reads short of the cue ("a European" of "a
    // European dealer said") gives way to the plain description.
    phrase_forward(lex, units, i, limit, text)
        .and_then(|(phrase, next)| {
            speaker_then_cue(lex, units, (phrase, next), limit, text, cue_at)
        })
        .or_else(|| {
            let found = description_before_cue(lex, units, i, limit, text)
                .or_else(|| described_name_before_cue(lex, units, i, limit, text))?;
            speaker_then_cue(lex, units, found, limit, text, cue_at)
        })
}

/// The appositives after a speaker phrase that ends before unit `next`:
/// them, the unit after them, and the end byte of phrase and appositives.
fn with_appositives(
    lex: &Lexicon,
    units: &[Unit],
    phrase: &Phrase,
    next: usize,
    limit: usize,
    text: &str,
) -> (Option<Appositive>, usize, usize) {
    let appositive = appositives(lex, units, next, limit, text);
    let after = appositive.as_ref().map_or(next, |a| a.next);
    let end = appositive
        .as_ref()
        .map_or(phrase.end, |a| a.end_byte.max(phrase.end));
    (appositive, after, end)
}

/// Last words that make "A and B" one company ("Tokyo Commerce and
/// Industry Research Co").
const COMPANY_TAILS: [&str; 4] = ["Co", "Cos", "Bros", "Cie"];

/// The rest of a speaker-first attribution after a quote: the speaker's
/// appositives, then the cue. `next` is the unit after the phrase.
fn speaker_then_cue(
    lex: &Lexicon,
    units: &[Unit],
    (phrase, next): (Phrase, usize),
    limit: usize,
    text: &str,
    cue_at: CueReader,
) -> Option<Attribution> {
    // “...,” the ministry's spokesman, Ivo Radek, said.
    let (phrase, appositive, j) =
        match description_then_name(lex, units, &phrase, next, limit, text) {
            Some(named) => named,
            None => {
                let appositive = appositives(lex, units, next, limit, text);
                let mut j = appositive.as_ref().map_or(next, |a| a.next);
                if appositive.is_some() && units.get(j).is_some_and(|u| u.is_punct(",")) {
                    j += 1;
                }
                (phrase, appositive, j)
            }
        };
    // “...,” Ada Lume and Ivo Sand wrote: a second person before the cue
    // (read with the first, see `co_speakers`). Both full names: "S and
    // P", "Tate and Lyle" and "Brenn Lutz and Co" are one company.
    // Both with a title or both without: "Energy and Mines Minister Ivo
    // Sand" is one title.
    let full_name = |p: &Phrase| {
        p.kind == PhraseKind::Person
            && p.name.contains(' ')
            && p.name.split(' ').all(|w| w.starts_with(char::is_uppercase))
            && !p
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|last| COMPANY_TAILS.contains(&last))
    };
    let j = match units.get(j) {
        Some(u) if u.norm() == "and" && full_name(&phrase) => {
            phrase_forward(lex, units, j + 1, limit, text)
                .filter(|(p, n)| {
                    full_name(p)
                        && p.role.is_some() == phrase.role.is_some()
                        && cue_at(lex, units, skip_aux(units, *n, limit), limit).is_some()
                })
                .map_or(j, |(_, n)| n)
        }
        _ => j,
    };
    let j = skip_aux_or_cue(lex, units, j, limit);
    // "a narrator in the campaign ad asks", "Mr. Morgan of the Sierra Club
    // said": a short prepositional phrase between speaker and verb.
    let (j, phrase) = match cue_at(lex, units, j, limit) {
        Some(_) => (j, phrase),
        None => skip_pp_to_cue(lex, units, (j, limit), phrase, cue_at)?,
    };
    let (len, _) = cue_at(lex, units, j, limit)?;
    let cue_end = units.get(j + len - 1)?.end;
    let channel = channel_in(lex, units, j + len, limit, text);
    let end = channel.as_ref().map_or(cue_end, |c| c.1.max(cue_end));
    let end = clause_end(units, limit).max(end);
    Some(Attribution {
        cue: cue_text(units, j, len, text),
        start: phrase.start,
        end,
        next: j + len,
        phrase,
        appositive,
        channel: channel.map(|c| c.0),
    })
}

/// The speaker after a quote's cue. A phrase the grammar cuts short of
/// the clause's end on a plain word ("the Lorvik" of "the Lorvik
/// shopkeeper", whose head no list holds) gives way to the whole
/// description.
fn speaker_after_cue(
    lex: &Lexicon,
    units: &[Unit],
    j: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let forward = phrase_forward(lex, units, j, limit, text);
    let cut_short = |next: usize| {
        units
            .get(next)
            .is_some_and(|u| u.is_word() && u.function_class().is_none())
    };
    match forward {
        Some((_, next)) if cut_short(next) => {
            description_after_cue(lex, units, j, limit, text).or(forward)
        }
        Some(found) => Some(found),
        None => description_after_cue(lex, units, j, limit, text)
            .or_else(|| described_name_after_cue(lex, units, j, limit, text)),
    }
}

/// “...,” said retired neurosurgeon Ben Carlson: after the cue, words the
/// lexicon does not know as a role, then a name of two or more
/// capitalised words closing the clause. The words before the name are
/// the person's role.
fn described_name_after_cue(
    lex: &Lexicon,
    units: &[Unit],
    j: usize,
    limit: usize,
    text: &str,
) -> Option<(Phrase, usize)> {
    let end = word_run_end(units, j, limit);
    let mut n = end;
    while n > j && units.get(n - 1).is_some_and(Unit::capitalised) {
        n -= 1;
    }
    // "the governor of New Mexico", "Blair Pickerell of Jardine Fleming":
    // a name after "of" is an affiliation, not the speaker.
    if end < n + 2 || n == j || n > j + 5 || units.get(n - 1).is_some_and(|u| u.norm() == "of") {
        return None;
    }
    // Plain words ("of" aside), at least one of them in lower case
    // ("Republican party boss").
    let words = units.get(j..n)?;
    let described = words
        .iter()
        .all(|u| u.function_class().is_none() || u.norm() == "of")
        && words.iter().any(|u| !u.capitalised());
    let (mut name, next) = phrase_forward(lex, units, n, end, text)?;
    if !described || name.kind != PhraseKind::Person || next != end {
        return None;
    }
    let role = text.get(units.get(j)?.start..units.get(n - 1)?.end)?;
    if name.role.is_none() {
        name.role = Some(crate::speaker::squash(role));
    }
    name.start = units.get(j)?.start;
    Some((name, end))
}

/// “...,” said the former aide to Governor Paul Treck: a described
/// speaker's affiliation ("to", "for", "of", "at" and a name or an
/// institution) closing the clause joins the speaker's span, as the
/// speaker-first reading joins "Mr. Morgan of the Sierra Club said".
fn affiliation_to_clause_end(
    lex: &Lexicon,
    units: &[Unit],
    mut phrase: Phrase,
    next: usize,
    limit: usize,
) -> (Phrase, usize) {
    let described = matches!(phrase.kind, PhraseKind::Definite | PhraseKind::Unnamed);
    let joins = units
        .get(next)
        .is_some_and(|u| matches!(u.norm(), "to" | "for" | "of" | "at"));
    let end = word_run_end(units, next + 1, limit);
    // A named person's affiliation: "said Ada Lume of the Harlow Trade
    // Council", "at Pellam Capital Group": only an institution's name (its
    // determiner and capitalised words, one an institution's word), not
    // a place ("of the Virgin Islands") or "of Ostland on Monday".
    let affiliation = phrase.kind == PhraseKind::Person
        && units
            .get(next)
            .is_some_and(|u| matches!(u.norm(), "of" | "at"))
        && units.get(next + 1..end).is_some_and(|run| {
            run.len() <= 8
                && run.iter().all(|u| {
                    u.capitalised() || u.function_class().is_none() || u.is(class::DETERMINER)
                })
                && run
                    .last()
                    .is_some_and(|u| u.capitalised() || u.is(class::ORG_NOUN))
                && run.iter().any(|u| {
                    u.is_written(class::ORG_WORD)
                        || u.is(class::ORG_NOUN)
                        || lex.is_org_kind_noun(u.norm())
                })
        });
    // "said Gov. Ada Lume of Ostland": the place a named person is from
    // belongs to the source as written (the name stays the person's).
    let home = phrase.kind == PhraseKind::Person
        && units.get(next).is_some_and(|u| u.norm() == "of")
        && units.get(next + 1..end).is_some_and(|run| {
            run.len() <= 4
                && run
                    .iter()
                    .all(|u| u.capitalised() && !lex.is_calendar_word(u.norm()))
        });
    if !(affiliation || home || (described && joins)) {
        return (phrase, next);
    }
    let closes = end == limit
        || units
            .get(end)
            .is_some_and(|u| matches!(u.norm(), "," | ";"));
    // One to six words, ending on a name or an institution's noun.
    let last = units
        .get(end.wrapping_sub(1))
        .filter(|_| end > next + 1 && end <= next + 7);
    match last {
        Some(last)
            if closes && (last.capitalised() || last.is(class::ORG_NOUN | class::ROLE_NOUN)) =>
        {
            phrase.end = last.end;
            (phrase, end)
        }
        _ => (phrase, next),
    }
}

fn is_dash(u: &Unit) -> bool {
    matches!(u.norm(), "—" | "–" | "―" | "-")
}

/// “...” — Jane Roe, a teacher: a name after a dash, closing the paragraph
/// or sentence, signs the quote.
pub fn dash_attribution(
    lex: &Lexicon,
    units: &[Unit],
    k: usize,
    limit: usize,
    text: &str,
) -> Option<Attribution> {
    let dash = units.get(k).filter(|u| is_dash(u))?;
    let (phrase, next) = phrase_forward(lex, units, k + 1, limit, text)?;
    if !matches!(
        phrase.kind,
        PhraseKind::Person | PhraseKind::Organization | PhraseKind::Unnamed
    ) {
        return None;
    }
    let (appositive, after, end) = with_appositives(lex, units, &phrase, next, limit, text);
    if units.get(after..limit)?.iter().any(|u| u.is_word()) {
        return None;
    }
    Some(Attribution {
        cue: dash.text(text).to_string(),
        start: dash.start,
        end,
        next: after,
        phrase,
        appositive,
        channel: None,
    })
}

/// End byte of the last unit before `limit` (the attribution runs to the
/// end of its clause: "he told reporters in a closed-door meeting").
fn clause_end(units: &[Unit], limit: usize) -> usize {
    units
        .get(..limit.min(units.len()))
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|u| !u.is_quote())
        .find(|u| u.is_word())
        .map_or(0, |u| u.end)
}

/// Steps over a prepositional phrase of up to six words after a speaker to
/// the cue that follows it; the phrase joins the speaker's span.
fn skip_pp_to_cue(
    lex: &Lexicon,
    units: &[Unit],
    (j, limit): (usize, usize),
    mut phrase: Phrase,
    cue_at: CueReader,
) -> Option<(usize, Phrase)> {
    if !units.get(j).is_some_and(is_preposition) {
        return None;
    }
    let cue = (j + 1..limit.min(j + 8)).find(|&k| cue_at(lex, units, k, limit).is_some())?;
    if units.get(j..cue)?.iter().any(|u| !u.is_word()) {
        return None;
    }
    phrase.end = units.get(cue - 1)?.end;
    Some((cue, phrase))
}

/// Skips auxiliaries unless the auxiliary itself starts a cue ("was quoted
/// as saying", "has said").
pub(crate) fn skip_aux_or_cue(lex: &Lexicon, units: &[Unit], j: usize, limit: usize) -> usize {
    let mut j = j;
    while j < limit && cue_at(lex, units, j, limit).is_none() {
        let next = skip_aux(units, j, j + 1);
        if next == j {
            break;
        }
        j = next;
    }
    j
}

pub(crate) fn is_preposition(u: &Unit) -> bool {
    u.function_class() == Some(FunctionClass::Preposition)
}

/// The subject at the start of a clause, after a leading prepositional
/// phrase ("In Washington, the White House ..."). Returns the phrase, its
/// appositive and the unit after them.
pub fn clause_subject(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    hi: usize,
    text: &str,
) -> Option<(Phrase, Option<Appositive>, usize)> {
    // "<Orlen Mills Inc> said ...": newswire brackets a company's name
    // (and sometimes puts it in parentheses); the name inside is the
    // subject.
    let close = match units
        .get(lo)
        .filter(|u| u.kind == UnitKind::Punct)
        .map(|u| u.norm())
    {
        Some("<") => Some(">"),
        Some("(") => Some(")"),
        _ => None,
    };
    let (phrase, next) = match close {
        Some(close) => {
            let end = (lo + 2..hi.min(lo + 12))
                .find(|&k| units.get(k).is_some_and(|u| u.is_punct(close)))?;
            let (phrase, next) = subject_phrase(lex, units, lo + 1, end, text, true)?;
            if next != end {
                return None;
            }
            // Its appositive follows the bracket ("<Orlen Mills Inc>, the
            // paper maker, said").
            (phrase, end + 1)
        }
        None => {
            let (phrase, next) = subject_phrase(lex, units, lo, hi, text, true)?;
            if let Some(named) = description_then_name(lex, units, &phrase, next, hi, text) {
                return Some(named);
            }
            (phrase, next)
        }
    };
    let appositive = appositives(lex, units, next, hi, text);
    let mut j = appositive.as_ref().map_or(next, |a| a.next);
    if appositive.is_some() {
        if units.get(j).is_some_and(|u| u.is_punct(",")) {
            j += 1;
        } else {
            return Some((phrase, None, next));
        }
    }
    Some((phrase, appositive, j))
}

/// “...,” said the ministry's spokesman, Ivo Radek: after the cue, a
/// description, then a person's name that closes the clause or is
/// followed by a comma. The person speaks (see [`description_then_name`]);
/// returns the unit after the name.
fn named_after_description(
    lex: &Lexicon,
    units: &[Unit],
    description: Phrase,
    next: usize,
    limit: usize,
    text: &str,
) -> (Phrase, usize) {
    let closes = |after: usize| {
        after == limit
            || units
                .get(after)
                .is_some_and(|u| matches!(u.norm(), "," | "." | ";"))
    };
    match name_after_comma(lex, units, &description, next, limit, text, closes) {
        Some(named) => named,
        None => (description, next),
    }
}

/// The person's name after a description and its comma, where `ends`
/// accepts the unit after the name: the named speaker (see
/// [`name_with_role`]) and that unit.
fn name_after_comma(
    lex: &Lexicon,
    units: &[Unit],
    description: &Phrase,
    next: usize,
    hi: usize,
    text: &str,
    ends: impl Fn(usize) -> bool,
) -> Option<(Phrase, usize)> {
    if matches!(
        description.kind,
        PhraseKind::Person | PhraseKind::Pronoun(_)
    ) || !units.get(next).is_some_and(|u| u.is_punct(","))
    {
        return None;
    }
    let (name, after) = phrase_forward(lex, units, next + 1, hi, text)?;
    if name.kind != PhraseKind::Person || !ends(after) {
        return None;
    }
    Some((name_with_role(description, name, text)?, after))
}

/// `name` as the speaker a description before it introduces: the
/// description is its role (when it has none) and starts its span.
fn name_with_role(description: &Phrase, mut name: Phrase, text: &str) -> Option<Phrase> {
    let role = text.get(description.start..description.end)?.trim();
    // "the White House spokesman" has the role "White House spokesman"
    // ("the city's transport chief" keeps its "the").
    let role = ["the ", "a ", "an ", "The ", "A ", "An "]
        .iter()
        .find_map(|d| role.strip_prefix(d))
        .filter(|rest| {
            let first = rest.split_whitespace().next().unwrap_or("");
            !first.ends_with("'s") && !first.ends_with("’s")
        })
        .unwrap_or(role);
    if name.role.is_none() && !role.is_empty() {
        name.role = Some(role.to_string());
    }
    name.start = description.start;
    Some(name)
}

/// "Velora's trade minister, Lena Brauer, said": a description, then a
/// person's name between commas. The person speaks; the description is
/// their role, and the source span covers both.
fn description_then_name(
    lex: &Lexicon,
    units: &[Unit],
    description: &Phrase,
    next: usize,
    hi: usize,
    text: &str,
) -> Option<(Phrase, Option<Appositive>, usize)> {
    let comma = |after: usize| units.get(after).is_some_and(|u| u.is_punct(","));
    let (name, after) = name_after_comma(lex, units, description, next, hi, text, comma)?;
    Some((name, None, after + 1))
}

/// The subject phrase of the clause in `units[lo..hi]` with the unit after
/// it. `cue_possible` false promises that no speech cue starts in the
/// clause, so a description accepted only before a cue is not tried.
fn subject_phrase(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    hi: usize,
    text: &str,
    cue_possible: bool,
) -> Option<(Phrase, usize)> {
    let mut s = lo;
    let comma = comma_within(units, s, hi, 14);
    if units.get(s).is_some_and(is_preposition) {
        s = comma? + 1;
    }
    // "Later Hild said ...": a leading adverb is not part of the subject;
    // a capitalised "-ly" word starting a name is ("Kelly Vane said",
    // "Dolly Mills Inc said"): only listed adverbs are skipped there.
    // ("First Kell Bank said": a listed function word begins a name.)
    let name_ahead = units.get(s).is_some_and(|u| {
        u.capitalised()
            && (u.function_class() != Some(FunctionClass::Auxiliary)
                || lex.is_name_first_word(u.norm()))
    }) && units
        .get(s + 1)
        .is_some_and(|n| n.is_word() && n.capitalised());
    if !name_ahead {
        s = skip_aux(units, s, hi);
    }
    // A leading adverbial clause ("However," "More than six months
    // after ..., X confirmed") is skipped when no speaker starts the clause.
    match phrase_forward(lex, units, s, hi, text).or_else(|| {
        cue_possible
            .then(|| description_before_cue(lex, units, s, hi, text))
            .flatten()
    }) {
        Some(found) => Some(found),
        None => {
            // "Asked how she would vote if the harbour bill came back to the
            // council next spring, the mayor replied": a participle
            // clause may run long before its comma.
            let participle = units.get(s).is_some_and(|u| {
                u.capitalised() && (u.norm().ends_with("ed") || u.norm().ends_with("ing"))
            });
            let comma = if participle && comma.is_none() {
                comma_within(units, s, hi, 40)
            } else {
                comma
            };
            phrase_forward(lex, units, comma? + 1, hi, text)
        }
    }
}

/// The subject of a clause in which no speech cue starts (checked by the
/// caller up to `hi`): only a possible antecedent for later pronouns, so
/// its appositives are not read.
pub fn subject_without_cue(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    hi: usize,
    text: &str,
) -> Option<Phrase> {
    let (phrase, next) = subject_phrase(lex, units, lo, hi, text, false)?;
    Some(
        description_then_name(lex, units, &phrase, next, hi, text)
            .map_or(phrase, |(name, _, _)| name),
    )
}

/// Attribution before a quote in the same sentence: X said, “...” /
/// the White House condemned ... as “...”. `lo` is the sentence start, `k`
/// the quote unit.
pub fn before_quote(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    k: usize,
    text: &str,
) -> Option<Attribution> {
    // A cue further than 30 units back is refused below: looking no further
    // keeps a sentence of thousands of quotes linear.
    let c = (lo.max(k.saturating_sub(30))..k).rev().find(|&c| {
        units.get(c).is_some_and(Unit::is_word)
            && cue_before_quote(lex, units, c, k).is_some()
            && !c
                .checked_sub(1)
                .and_then(|p| units.get(p))
                .is_some_and(|p| {
                    matches!(
                        p.norm(),
                        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "these" | "such"
                    )
                })
    })?;
    if k - c > 30 {
        return None;
    }
    let (len, _) = cue_before_quote(lex, units, c, k)?;
    let cue = cue_text(units, c, len, text);
    let cue_unit = units.get(c)?;
    let channel = channel_in(lex, units, lo, k, text).map(|x| x.0);
    if cue_unit.norm() == "according" {
        let (phrase, next) = phrase_forward(lex, units, c + len, k, text)?;
        let appositive = appositives(lex, units, next, k, text);
        let end = phrase.end;
        return Some(Attribution {
            phrase,
            appositive,
            cue,
            channel,
            start: cue_unit.start,
            end,
            next,
        });
    }
    let participle = cue_unit.norm().ends_with("ing");
    // "Said Lindqvist: “...”": a cue opening the sentence, its speaker after it
    // and nothing but punctuation between the speaker and the quote.
    let opens = (lo..c).all(|j| units.get(j).is_some_and(|u| !u.is_word()));
    if opens && !participle {
        if let Some((phrase, next)) = phrase_forward(lex, units, c + len, k, text) {
            let punct_only = |from: usize| {
                from < k && (from..k).all(|j| units.get(j).is_some_and(|u| !u.is_word()))
            };
            let named = matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization);
            // "Said Dora Pike, who grew up with him, “...”": an appositive
            // may stand between the speaker and the quote.
            let (appositive, after, end) = if punct_only(next) {
                (None, next, phrase.end)
            } else {
                with_appositives(lex, units, &phrase, next, k, text)
            };
            if punct_only(after) && named {
                return Some(Attribution {
                    phrase,
                    appositive,
                    cue,
                    channel,
                    start: cue_unit.start,
                    end,
                    next: after,
                });
            }
        }
    }
    let mut found: Option<(Phrase, Option<Appositive>)> = None;
    if participle {
        // "footage of Hillary Clinton asking, “...”": a name right before the
        // participle is its subject.
        if let Some((phrase, _)) = phrase_backward(lex, units, lo, c, text) {
            if phrase.kind == crate::speaker::PhraseKind::Person {
                found = Some((phrase, None));
            }
        }
    } else {
        let mut b = c;
        while b > lo
            && units
                .get(b - 1)
                .is_some_and(|u| u.is_word() && skip_aux(units, b - 1, b) == b)
        {
            b -= 1;
        }
        if b > lo && units.get(b - 1).is_some_and(|u| u.is_punct(",")) {
            // X, an appositive, said ...
            if let Some(p) = (lo..b - 1)
                .rev()
                .find(|&p| units.get(p).is_some_and(|u| u.is_punct(",")))
            {
                // "Senator Ada Lume (D-Ore.), noting ..., said": the party
                // tag in brackets is the first appositive.
                let party_tag = p >= lo + 3
                    && units.get(p - 1).is_some_and(|u| u.is_punct(")"))
                    && units
                        .get(p - 2)
                        .is_some_and(|u| u.is_word() && u.norm().contains('-'))
                    && units.get(p - 3).is_some_and(|u| u.is_punct("("));
                let q = if party_tag { p - 3 } else { p };
                let apos = appositives(lex, units, q, b - 1, text);
                if let Some((phrase, _)) = phrase_backward(lex, units, lo, q, text) {
                    found = Some((phrase, apos));
                }
            }
        } else if let Some((phrase, s)) = phrase_backward(lex, units, lo, b, text) {
            found = Some(
                subject_before_affiliation(lex, units, lo, s..b, text).unwrap_or((phrase, None)),
            );
        }
    }
    if found.is_none() {
        if let Some((phrase, apos, _)) = clause_subject(lex, units, lo, c, text) {
            found = Some((phrase, apos));
        }
    }
    if found.is_none() && participle {
        found = subject_after_adverbials(lex, units, lo, c, text);
    }
    let (phrase, appositive) = found?;
    let end = units.get(c + len - 1)?.end;
    Some(Attribution {
        start: phrase.start,
        end,
        next: c + len,
        phrase,
        appositive,
        cue,
        channel,
    })
}

/// "Tam Velo, oil analyst with Harris Kemp and Co said, “...”": newswire
/// leaves out the comma closing the appositive, so the name read back from
/// the cue, starting at unit `s`, is the object of the appositive's
/// preposition (units `object`); the clause's subject, a named speaker
/// before the comma, speaks.
fn subject_before_affiliation(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    object: std::ops::Range<usize>,
    text: &str,
) -> Option<(Phrase, Option<Appositive>)> {
    let prep = object.start.checked_sub(1).filter(|&p| p > lo)?;
    if !units.get(prep).is_some_and(is_preposition) {
        return None;
    }
    let comma = (lo..prep).find(|&k| units.get(k).is_some_and(|u| u.is_punct(",")))?;
    // The appositive names a role in a few words ("oil analyst with", "an
    // aide to", "president of the ... Foundation in"), unlike a clause
    // ("issued a statement after", "speaking after", "who owed his
    // election to").
    let between = units.get(comma + 1..prep)?;
    // (Capitalised words are names: "Credit Suisse".)
    let clause = between.iter().any(|u| {
        let w = u.norm();
        !u.is_word()
            || !u.capitalised()
                && (u.is(class::RELATIVE | class::CUE_START | class::AUXILIARY)
                    || ((w.ends_with("ed") || w.ends_with("ing")) && !u.is(class::ROLE_NOUN)))
    });
    if clause || between.len() > 14 {
        return None;
    }
    let (subject, _, next) = clause_subject(lex, units, lo, comma, text)?;
    let named = matches!(subject.kind, PhraseKind::Person);
    if !(named && next == comma && subject.start == units.get(lo)?.start) {
        return None;
    }
    // The appositive runs from the comma (and a determiner after it) to
    // the object's end.
    let det = usize::from(units.get(comma + 1)?.is(class::DETERMINER));
    let (first, last) = (
        units.get(comma + 1 + det)?,
        units.get(object.end.checked_sub(1)?)?,
    );
    let role = crate::speaker::squash(text.get(first.start..last.end)?);
    let appositive = Appositive {
        role: Some(role),
        anonymous: false,
        next: object.end,
        end_byte: last.end,
        describes_end: last.end,
    };
    Some((subject, Some(appositive)))
}

/// The first comma in `units[from..limit]` within `span` units.
fn comma_within(units: &[Unit], from: usize, limit: usize, span: usize) -> Option<usize> {
    (from..limit.min(from + span)).find(|&k| units.get(k).is_some_and(|u| u.is_punct(",")))
}

/// The colon right before the quote at unit `k`, inside the sentence
/// starting at `lo`, with its index.
fn colon_before<'u, 'a>(
    units: &'u [Unit<'a>],
    lo: usize,
    k: usize,
) -> Option<(usize, &'u Unit<'a>)> {
    let colon = k.checked_sub(1).filter(|&c| c > lo)?;
    Some((colon, units.get(colon).filter(|u| u.is_punct(":"))?))
}

/// A clause that ends in a colon opening a quote, with no speech cue in
/// it: "Mark Pell, an analyst at Orbis Capital, agreed: “...”", "The
/// spokesman declined to comment, adding: “...”", "The timing does not
/// surprise pollster Dara Shaw: “...”". A name right before the colon
/// speaks; otherwise the clause's subject, when it is someone. `lo` is the
/// sentence start, `k` the quote unit.
pub fn clause_colon(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    k: usize,
    text: &str,
) -> Option<Attribution> {
    let (colon, colon_unit) = colon_before(units, lo, k)?;
    let named = |kind: &PhraseKind| matches!(kind, PhraseKind::Person | PhraseKind::Organization);
    let (phrase, appositive) = match phrase_backward(lex, units, lo, colon, text) {
        Some((phrase, _)) if named(&phrase.kind) && phrase.end == units.get(colon - 1)?.end => {
            // "Mark Pell and Ivo Sand: “...”": the first of two names
            // speaks, the second with it (see `co_speakers`).
            let and = units
                .iter()
                .position(|u| u.start >= phrase.start)
                .and_then(|p| p.checked_sub(1))
                .filter(|&a| a > lo && units.get(a).is_some_and(|u| u.norm() == "and"));
            let first = and
                .and_then(|a| phrase_backward(lex, units, lo, a, text))
                .map(|(p, _)| p)
                .filter(|p| named(&p.kind));
            (first.unwrap_or(phrase), None)
        }
        _ => {
            let (phrase, appositive, _) = clause_subject(lex, units, lo, colon, text)?;
            // (A name read from the middle of a clause, "told Reuters",
            // starts lower case: no subject.)
            let capitalised = phrase.name.chars().next().is_some_and(char::is_uppercase);
            let someone = (named(&phrase.kind) && capitalised)
                || matches!(phrase.kind, PhraseKind::Pronoun(_) | PhraseKind::Definite);
            if !someone {
                return None;
            }
            (phrase, appositive)
        }
    };
    Some(Attribution {
        cue: colon_unit.text(text).to_string(),
        start: phrase.start,
        end: colon_unit.end,
        next: k,
        phrase,
        appositive,
        channel: None,
    })
}

/// "On Thursday, after months of silence, Senator Lume endorsed the
/// mayor, saying, “...”": the subject of a participle cue after two or
/// three leading adverbials, each opened by a preposition and closed by a
/// comma ([`clause_subject`] skips one).
fn subject_after_adverbials(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    c: usize,
    text: &str,
) -> Option<(Phrase, Option<Appositive>)> {
    let mut at = lo;
    for _ in 0..3 {
        if !units.get(at).is_some_and(is_preposition) {
            return None;
        }
        at = comma_within(units, at, c, 14)? + 1;
        if let Some((phrase, _)) = phrase_forward(lex, units, at, c, text) {
            return Some((phrase, None));
        }
    }
    None
}

/// Tarn: “...” / Polls agree - Arno Vicek: “...”: a name standing alone
/// before the colon that opens a quote signs it, as in transcripts and
/// digests of commentary. The name starts the sentence or follows a dash.
/// `lo` is the sentence start, `k` the quote unit.
pub fn name_colon(
    lex: &Lexicon,
    units: &[Unit],
    lo: usize,
    k: usize,
    text: &str,
) -> Option<Attribution> {
    let (colon, colon_unit) = colon_before(units, lo, k)?;
    let start = (lo..colon)
        .rev()
        .find(|&j| units.get(j).is_some_and(is_dash))
        .map_or(lo, |d| d + 1);
    // A name, perhaps with a party tag: "Rep. Tia Gold (R-S.C.):".
    if colon - start > 10 {
        return None;
    }
    let (phrase, next) = phrase_forward(lex, units, start, colon, text)?;
    if phrase.start != units.get(start)?.start
        || !matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization)
    {
        return None;
    }
    let (appositive, after, end) = with_appositives(lex, units, &phrase, next, colon, text);
    if after != colon {
        return None;
    }
    Some(Attribution {
        cue: colon_unit.text(text).to_string(),
        start: phrase.start,
        end,
        next: k,
        phrase,
        appositive,
        channel: None,
    })
}

/// Attribution at the end of a clause: "..., X said." / "..., said X, a
/// spokesman." `k` is the first unit after the comma.
pub fn trailing(
    lex: &Lexicon,
    units: &[Unit],
    k: usize,
    limit: usize,
    text: &str,
) -> Option<Attribution> {
    // A verb of manner attributes quotes only: the plain cues here.
    let attribution = attribution_after(lex, units, (k, limit), text, cue_at)?;
    // Nothing but time words may follow ("said on Monday"); an auxiliary
    // after the speaker makes its words a clause's subject ("..., said the
    // Kell harvest would be small": what was said, not who said it).
    let rest = limit.saturating_sub(attribution.next);
    let clause = (attribution.next..limit).any(|j| {
        units
            .get(j)
            .is_some_and(|u| u.is_word() && lex.is_finite_auxiliary(u.norm()))
    });
    (rest <= 5 && !clause).then_some(attribution)
}

/// The comma of a participle clause that starts after unit `from`, the
/// end of an attribution's cue: a comma and a lower-case "-ing" word, after
/// a few words of time or place at most ("said Tuesday in Orvo, noting
/// ...", "said, adding ...").
pub(crate) fn participle_comma(
    lex: &Lexicon,
    units: &[Unit],
    from: usize,
    limit: usize,
) -> Option<usize> {
    let circumstance = |u: &Unit| {
        u.is_word()
            && (lex.is_calendar_word(u.norm())
                || matches!(u.norm(), "on" | "in" | "at" | "last" | "this" | "week")
                || u.is(class::DETERMINER)
                || u.capitalised())
    };
    let comma = (from..limit.min(from + 7))
        .find(|&k| units.get(k).is_none_or(|u| !circumstance(u)))
        .unwrap_or(limit);
    // (Not a gerund subject: "..., he said, replacing the chief would be
    // harder", whose finite verb follows soon; a speech cue's participle is
    // none: "adding that the fees were ...".)
    let gerund_subject = || {
        cue_at(lex, units, comma + 1, limit).is_none()
            && (comma + 2..limit.min(comma + 7)).any(|k| {
                units
                    .get(k)
                    .is_some_and(|u| u.is_word() && lex.is_finite_auxiliary(u.norm()))
            })
    };
    // (Nor the subject of a cue of its own: "..., banking sources said",
    // "..., managing director Ivo Sand said".)
    let cue_follows = || {
        (comma + 2..limit.min(comma + 9))
            .take_while(|&k| units.get(k).is_some_and(Unit::is_word))
            .any(|k| cue_at(lex, units, k, limit).is_some())
    };
    (units.get(comma).is_some_and(|u| u.is_punct(","))
        && comma < limit
        && units.get(comma + 1).is_some_and(|u| is_participle(lex, u))
        && !gerund_subject()
        && !cue_follows())
    .then_some(comma)
}

/// A lower-case "-ing" word that opens a participle clause: no preposition
/// ("during", "including").
fn is_participle(lex: &Lexicon, u: &Unit) -> bool {
    u.is_word()
        && !u.capitalised()
        && u.norm().ends_with("ing")
        && u.function_class().is_none()
        && !lex.is_prepositional_participle(u.norm())
}
