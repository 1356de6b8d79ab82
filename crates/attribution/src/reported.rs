//! Reported speech in sentences without a quote of their own: read by the
//! rules ("X said that ...", "according to X, ...", a subject and its cue,
//! an attribution trailing the content) and by the learned tagger where the
//! rules find nothing, and the reported clause around quoted fragments.

use crosscheck_model::{Document, Source, SourceKind, Span};

use crate::attribute::{
    channel_in, clause_subject, cue_at, skip_aux_or_cue, trailing, Attribution,
};
use crate::extract::{has_words, only_fragments, Draft, Reading, MIN_REPORTED_WORDS};
use crate::lexicon::{class, FunctionClass, Lexicon};
use crate::quote_clauses::lead_into_quote;
use crate::relay;
use crate::sources::{resolve, Antecedents};
use crate::speaker::{phrase_forward, skip_aux, PhraseKind};
use crate::tagger;
use crate::units::{Unit, UnitKind};

/// How the learned tagger and the rules share reported speech (during
/// development: `CROSSCHECK_TAGGER=off|fill|first`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TaggerMode {
    Off,
    Fill,
    First,
}

pub(crate) static TAGGER_MODE: std::sync::LazyLock<TaggerMode> =
    std::sync::LazyLock::new(|| match std::env::var("CROSSCHECK_TAGGER").as_deref() {
        Ok("off") => TaggerMode::Off,
        Ok("first") => TaggerMode::First,
        _ => TaggerMode::Fill,
    });

/// The tagger's attributions in sentence `us[a..b]`.
pub(crate) fn tagged(
    reading: &mut Reading,
    us: &[Unit],
    a: usize,
    b: usize,
    text: &str,
) -> Vec<tagger::Found> {
    let Some(model) = reading.model else {
        return Vec::new();
    };
    let (lex, tagging) = (reading.lex, &mut *reading.tagging);
    let sentence = us.get(a..b).unwrap_or(&[]);
    let mut toks = std::mem::take(&mut tagging.tokens);
    let mut cue = std::mem::take(&mut tagging.cue);
    let mut found = if tagger::tokens_if_cue(lex, model, sentence, text, &mut toks, &mut cue) {
        tagger::assemble(model.tag(&toks, &cue, tagging))
    } else {
        Vec::new()
    };
    tagging.tokens = toks;
    tagging.cue = cue;
    for f in &mut found {
        f.content.1 = past_relative_clause(lex, sentence, f);
        f.content.1 = through_raised_infinitive(lex, sentence, f);
        f.content.1 = past_quoted_modifier(sentence, f);
    }
    // The infinitive a raised content now runs through is no content of
    // its own ("is expected | to enter service"). (One found has nothing
    // to compare with: most sentences.)
    if found.len() > 1 {
        let spans: Vec<((usize, usize), (usize, usize))> =
            found.iter().map(|f| (f.cue, f.content)).collect();
        found.retain(|f| {
            !spans.iter().any(|&(cue, (s, e))| {
                cue == f.cue && (s, e) != f.content && s <= f.content.0 && f.content.1 <= e
            })
        });
    }
    found
}

/// Whether unit `k` is a comma that a new speaker's cue follows within
/// four words (", dealers said"): where a run of what was said ends.
pub(crate) fn new_speaker_at(lex: &Lexicon, us: &[Unit], k: usize, limit: usize) -> bool {
    us.get(k).is_some_and(|u| u.is_punct(","))
        && (k + 1..(k + 5).min(limit)).any(|c| cue_at(lex, us, c, limit).is_some())
}

/// Where a content run on from unit `from` to the end of `sentence` stops:
/// before a new speaker ([`new_speaker_at`]), and before the punctuation
/// that closes it.
fn run_end(lex: &Lexicon, sentence: &[Unit], from: usize) -> usize {
    let n = sentence.len();
    let mut stop = (from..n)
        .find(|&k| new_speaker_at(lex, sentence, k, n))
        .unwrap_or(n);
    while stop > from
        && sentence
            .get(stop - 1)
            .is_some_and(|u| u.kind == UnitKind::Punct)
    {
        stop -= 1;
    }
    stop
}

/// Where a content that is only the subject of a raising cue really ends
/// ("The sale is expected to close in May": not "The sale"): PolNeAR's
/// content is the subject and the infinitive around the cue, scored as one
/// span, so the content runs on through the cue to the sentence's end (or
/// a comma before a new speaker's cue).
fn through_raised_infinitive(lex: &Lexicon, sentence: &[Unit], f: &tagger::Found) -> usize {
    let end = f.content.1;
    let raised = end == f.cue.0
        && f.content.0 < end
        && sentence.get(f.cue.1).is_some_and(|u| u.norm() == "to");
    if !raised {
        return end;
    }
    let stop = run_end(lex, sentence, f.cue.1);
    if stop > f.cue.1 + 1 {
        stop
    } else {
        end
    }
}

/// Where a content the tagger ended at a quoted word that a plain word or
/// two still belong to ("for the “B” shares.", "above the “must buy”
/// level."): past them, when only the closing punctuation follows.
fn past_quoted_modifier(sentence: &[Unit], f: &tagger::Found) -> usize {
    let end = f.content.1;
    let at_quote = f.cue.1 <= f.content.0
        && end
            .checked_sub(1)
            .and_then(|k| sentence.get(k))
            .is_some_and(Unit::is_quote);
    if !at_quote {
        return end;
    }
    let rest = sentence.get(end..).unwrap_or(&[]);
    let words = rest
        .iter()
        .take_while(|u| {
            u.is_word()
                && !u.capitalised()
                && !u.may_start_cue()
                && u.function_class().is_none()
                && !u.is(class::DETERMINER)
        })
        .count();
    let closed = rest
        .get(words..)
        .is_some_and(|tail| tail.iter().all(|u| u.kind == UnitKind::Punct));
    if (1..=2).contains(&words) && closed {
        end + words
    } else {
        end
    }
}

/// Whether the relative clause opening at unit `r` ("which", "who") is
/// closed by a comma before `limit` with a predicate after it: it
/// interrupts a subject ("the contract, which runs to 2030, assures the
/// yard of work"), so what was said goes on past it. Not before a name, a
/// determiner, a preposition ("..., the talk ended") or a speaker and cue
/// (", dealers said").
fn relative_inside_subject(lex: &Lexicon, us: &[Unit], r: usize, limit: usize) -> bool {
    let predicate = |u: &Unit| {
        u.is_word()
            && !u.capitalised()
            && !u.is(class::DETERMINER)
            && u.function_class() != Some(FunctionClass::Preposition)
    };
    (r + 1..limit)
        .find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))
        .is_some_and(|k| {
            k + 1 < limit
                && us.get(k + 1).is_some_and(predicate)
                && !(k + 1..(k + 4).min(limit)).any(|c| cue_at(lex, us, c, limit).is_some())
        })
}

/// Where a content the tagger ended at a relative clause really ends
/// ("said the contract, which runs to 2030, assures the yard of work":
/// not "the contract"): at the sentence's end, or before a new speaker
/// (", dealers said"). Only for a content after its cue; unchanged when no
/// ", which" or ", who" follows `end`, or no comma closes the clause.
fn past_relative_clause(lex: &Lexicon, sentence: &[Unit], f: &tagger::Found) -> usize {
    let end = f.content.1;
    let relative = f.cue.1 <= f.content.0
        && sentence.get(end).is_some_and(|u| u.is_punct(","))
        && sentence
            .get(end + 1)
            .is_some_and(|u| matches!(u.norm(), "which" | "who"));
    if !relative {
        return end;
    }
    // (Unit `end + 1` is the relative pronoun, a word: the run's end
    // stays past it.)
    let stop = run_end(lex, sentence, end + 2);
    if relative_inside_subject(lex, sentence, end + 1, stop) {
        stop
    } else {
        end
    }
}

/// Drafts for the tagger's attributions in the sentence starting at unit
/// `a`; false when none holds content.
fn tagged_drafts(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    a: usize,
    found: &[tagger::Found],
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) -> bool {
    let text = doc.text.as_str();
    let mut any = false;
    for f in found {
        // Content without the punctuation at its edges.
        let (mut cs, mut ce) = (a + f.content.0, a + f.content.1);
        while cs < ce && us.get(cs).is_some_and(|u| u.kind == UnitKind::Punct) {
            cs += 1;
        }
        while ce > cs && us.get(ce - 1).is_some_and(|u| u.kind == UnitKind::Punct) {
            ce -= 1;
        }
        let (cue0, mut cue1) = (a + f.cue.0, a + f.cue.1);
        let (mut cue0, source) = noun_led_cue(
            lex,
            us,
            a,
            (cue0, cue1),
            f.source.map(|(s0, s1)| (a + s0, a + s1)),
        );
        // "who asked not to be named because ...": how a source is
        // described, not a statement. A speech cue after it ("aides who
        // asked not to be identified said the ...") is the cue, and what
        // follows that cue the content.
        if anonymity_at_cue(lex, us, a, cue0) {
            let Some((k, len)) =
                (cs..ce).find_map(|k| cue_at(lex, us, k, ce).filter(|c| c.1).map(|c| (k, c.0)))
            else {
                continue;
            };
            (cue0, cue1, cs) = (k, k + len, k + len);
        }
        // "told reporters the talks had failed": whom it was told to, when
        // the speaker grammar reads it, is no part of what was said. (Where
        // a phrase of place or manner follows it, the content is left as
        // the tagger read it: cutting there lost more statements than it
        // mended.)
        if cs == cue1 && us.get(cue1 - 1).is_some_and(|u| tells_someone(u.norm())) {
            if let Some(addressee_end) = addressee_end(lex, us, cs, ce, text) {
                if let Some(start) = complement_start(us, cs, ce, || Some(addressee_end)) {
                    cs = start;
                }
            }
        }
        // Reported content leaves out the complementizer, and a comma
        // after it ("said that, given the ...").
        if ce > cs + 1 && us.get(cs).is_some_and(|u| u.norm() == "that") {
            cs += 1;
            while cs < ce && us.get(cs).is_some_and(|u| u.is_punct(",")) {
                cs += 1;
            }
        }
        let (Some(first), Some(last)) = (us.get(cs), us.get(ce.wrapping_sub(1))) else {
            continue;
        };
        // One word ("rejected that") is an anaphor, not a statement.
        if ce <= cs + 1 {
            continue;
        }
        let (Some(cue_first), Some(cue_last)) = (us.get(cue0), us.get(cue1 - 1)) else {
            continue;
        };
        // Whom or where it was told: no claim, but still the speaker a
        // quote after it goes on quoting.
        let addressed = only_addressed(lex, us, cue_last, (cs, ce));
        let cue = text
            .get(cue_first.start..cue_last.end)
            .unwrap_or("")
            .to_string();
        if cue1 == cue0 + 1 && no_speech_reading(lex, us, a, cue0, cs) {
            continue;
        }
        let opinion = (cue0..cue1).any(|k| us.get(k).is_some_and(|u| lex.is_opinion_cue(u.norm())));
        if negation_before(us, a, cue0) && !opinion {
            continue;
        }
        if leading_phrase(us, (a, cue1), (cs, ce), source.map(|(s0, _)| s0)) {
            continue;
        }
        let mut start = first.start.min(cue_first.start);
        let mut end = last.end.max(cue_last.end);
        let mut co_sources = Vec::new();
        // "Airbus is expected to decide ...": in a content run through its
        // raising cue, the subject is what the content is about, not who
        // said it.
        let raised = cs <= cue0 && cue1 < ce && us.get(cue1).is_some_and(|u| u.norm() == "to");
        // "Rain was reported across ...", "It is estimated that ...": no
        // speaker before a passive cue.
        let passive = passive_cue(lex, us, a, cue0, cue1);
        // "Velo, asked whether ...": the one named is asked, not asking,
        // and stays whom a later "he" means.
        let asked = question_put(us, a, (cue0, cue1));
        let source_run = source
            .or_else(|| subject_before_cue(lex, us, a, cue0, text))
            .or_else(|| coordinated_subject(lex, us, a, cue0, text))
            .or_else(|| words_after_comma(us, ce, (cue0, cue1)))
            .filter(|&(ss, se)| !(raised && cs <= ss && se <= cue0))
            .filter(|&(_, se)| !(passive && se <= cue0))
            .map(|(ss, se)| {
                // "Likewise, a paper from the institute found ...": the
                // sentence adverb and its comma are not the source's.
                let opener = us.get(ss).is_some_and(|u| lex.is_not_name(u.norm()))
                    && us.get(ss + 1).is_some_and(|u| u.is_punct(","));
                // "Previously the Fed said ...": an adverb before the
                // subject's determiner.
                let adverb = us.get(ss).is_some_and(crate::speaker::is_adverb)
                    && us.get(ss + 1).is_some_and(|u| u.is(class::DETERMINER));
                if opener && ss + 2 < se {
                    (ss + 2, se)
                } else if adverb && ss + 1 < se {
                    (ss + 1, se)
                } else {
                    (ss, se)
                }
            });
        // A relative pronoun ("who", "which") stays the source's evidence,
        // as a pronoun does; its antecedent names the source (whether the
        // tagger or the grammar found the run: "angered the dealers,
        // who say ...").
        let antecedent =
            source_run.and_then(|(s0, s1)| relative_antecedent(lex, us, a, s0, s1, text));
        // "Sears, Tully and Co said", "Orvo Textiles, Inc said": the
        // tagger's run may start after the comma inside a company's name,
        // or hold it but read only its first part.
        let company = source_run
            .filter(|_| antecedent.is_none())
            .and_then(|(ss, se)| company_before_cue(lex, us, a, ss, se, text));
        let source_run = company.as_ref().map(|&(_, s0, se)| (s0, se)).or(source_run);
        let source = match source_run {
            Some((ss, se)) => {
                let (Some(sf), Some(sl)) = (us.get(ss), us.get(se - 1)) else {
                    continue;
                };
                // "Neither A nor B has confirmed ...": the tagger may give B.
                let after_nor = ss
                    .checked_sub(1)
                    .and_then(|k| us.get(k))
                    .is_some_and(|u| u.norm() == "nor");
                // "Commenting on the outlook, ...": a participle the tagger
                // reads as a source opens a clause; nobody is named.
                let participle = se == ss + 1
                    && sf.capitalised()
                    && sf.norm().len() >= 6
                    && sf.norm().ends_with("ing")
                    && ss
                        .checked_sub(1)
                        .is_none_or(|p| us.get(p).is_some_and(|u| !u.is_word()))
                    && us
                        .get(se)
                        .is_some_and(|u| u.function_class() == Some(FunctionClass::Preposition));
                if after_nor
                    || participle
                    || negated_subject(text.get(sf.start..sl.end).unwrap_or(""))
                {
                    continue;
                }
                start = start.min(sf.start);
                end = end.max(sl.end);
                let (ns, ne) = antecedent.unwrap_or((ss, se));
                let named_end = us.get(ne - 1).map_or(sl.end, |u| u.end);
                // A one-word name before lower-case words that end the run
                // in a plural ("Oil traders said", "Foreign exchange dealers
                // said", "Diplomatic and official sources said": the capital
                // is the sentence's) is no name: the words are a description
                // of a group.
                // (Not a name and others: "Ivo Sand and his aides", "Sand
                // and other officials"; nor a verb inside the run.)
                let lower = us.get(ns + 1..ne).is_some_and(|rest| {
                    rest.iter().all(|u| {
                        u.is_word()
                            && !u.capitalised()
                            && !u.is(class::DETERMINER)
                            && !matches!(
                                u.norm(),
                                "other" | "others" | "his" | "her" | "its" | "their"
                            )
                            && !u.norm().ends_with("ed")
                    })
                });
                let plural_head = us
                    .get(ne.wrapping_sub(1))
                    .is_some_and(|u| u.norm().ends_with('s'));
                let described = ne >= ns + 2 && lower && plural_head;
                // (Nor, past two words, a name met before: "Sand and
                // allies". Asked only then: reading the sources met so far
                // resolves the subjects deferred until needed.)
                let known_name = described
                    && ne > ns + 2
                    && us
                        .get(ns)
                        .is_some_and(|u| sources.read(lex).short_name_met(u.text(text)));
                let stops_before_head = |p: &crate::speaker::Phrase| {
                    matches!(p.kind, PhraseKind::Person | PhraseKind::Organization)
                        && described
                        && !known_name
                        && us.get(ns).is_some_and(|u| p.end == u.end)
                };
                let phrase = match company {
                    Some((ref p, _, _)) => p.clone(),
                    None => phrase_forward(lex, us, ns, ne, text)
                        .map(|(p, _)| p)
                        .filter(|p| p.end <= named_end && !stops_before_head(p))
                        .unwrap_or_else(|| plain_phrase(us, ns, ne, text)),
                };
                let att = Attribution {
                    start,
                    end,
                    next: ce,
                    cue: cue.clone(),
                    channel: None,
                    phrase,
                    appositive: None,
                };
                let mut source = resolve(lex, doc, &att, sources);
                if asked && se <= cue0 {
                    source = Source::unattributed();
                } else {
                    if source.kind != SourceKind::Unattributed {
                        source.span = Span::of(text, sf.start, sl.end);
                    }
                    co_sources = co_speakers(lex, doc, us, &att, sources);
                }
                source
            }
            None => Source::unattributed(),
        };
        let (source, quoted_by, quote_start) =
            relay_of(lex, doc, us, (cs, ce), &cue, source, sources);
        drafts.push(Draft {
            start,
            end,
            source,
            cue: Some(cue),
            channel: None,
            quote_start,
            quote_end: last.end,
            direct: false,
            co_sources,
            quoted_by,
            absorbed: addressed,
        });
        any |= !addressed;
    }
    any
}

/// "The paper quoted Ivo Sand as saying the ferries would run" (or "Ivo
/// Sand was quoted by the paper as saying ..."): for a cue that quotes
/// someone, with the content `us[cs..ce]` opening on the one quoted (or on
/// "by" and the one who quotes), the one who speaks, the one who relays
/// (see [`relay::speaker_and_relay`]; `source` is the cue's own), and the
/// byte where the relayed words start. Without such a reading: `source`
/// as read, no relay, and the content's own start.
fn relay_of(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    (cs, ce): (usize, usize),
    cue: &str,
    source: Source,
    sources: &mut Antecedents,
) -> (Source, Option<Box<Source>>, usize) {
    let start = us.get(cs).map_or(0, |u| u.start);
    let found = relay::speaker_and_relay(lex, doc, us, (cs, ce), cue, &source, sources)
        // The relayed words must be a clause (not "as saying so").
        .filter(|&(_, _, words)| ce >= words + MIN_REPORTED_WORDS)
        .and_then(|(speaker, by, words)| Some((speaker, by, us.get(words)?.start)));
    match found {
        Some((speaker, by, words)) => (speaker, Some(Box::new(by)), words),
        None => (source, None, start),
    }
}

/// Whether the cue at unit `k` opens a phrase of anonymity ("who asked not
/// to be named", `data/anonymity.txt`): how a source is described, not a
/// statement it made.
fn anonymity_at_cue(lex: &Lexicon, us: &[Unit], a: usize, k: usize) -> bool {
    [k.checked_sub(1).filter(|&p| p >= a), Some(k)]
        .into_iter()
        .flatten()
        .any(|from| {
            let words: Vec<&str> = us
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take(8)
                .take_while(|u| u.is_word())
                .map(|u| u.norm())
                .collect();
            lex.anonymity_at(&words).is_some()
        })
}

/// Whether the tagger's content (units `cs..ce`) is a phrase opening the
/// sentence before a comma and the speaker, whose cue has a quote of its
/// own ("In a statement on Monday, President X praised “...”"): where and
/// how it was said, not what.
/// `cue_end` is the unit after the cue, `source` the source's first unit.
fn leading_phrase(
    us: &[Unit],
    (a, cue_end): (usize, usize),
    (cs, ce): (usize, usize),
    source: Option<usize>,
) -> bool {
    let opens = (a..cs).all(|k| us.get(k).is_some_and(|u| u.kind == UnitKind::Punct))
        && us.get(cs).is_some_and(crate::attribute::is_preposition);
    let speaker_after = source.unwrap_or(cue_end) > ce;
    let quote_after_cue = us
        .get(cue_end..)
        .unwrap_or(&[])
        .iter()
        .take_while(|u| !u.is_punct("."))
        .any(|u| u.is_quote());
    opens && speaker_after && quote_after_cue && us.get(ce).is_some_and(|u| u.is_punct(","))
}

/// What a relative pronoun (or the relative clause it opens) the tagger
/// took for a source stands for: the
/// phrase before its comma ("... a lecture from the Mexican president, who
/// said ..."), or the sentence's subject when only a place or affiliation
/// stands between ("A diplomat in Sarn, who asked not to be named, said
/// ..."). Unit range.
fn relative_antecedent(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    ss: usize,
    se: usize,
    text: &str,
) -> Option<(usize, usize)> {
    // The run is the pronoun, or the relative clause it opens ("who
    // spoke on condition of anonymity").
    if se <= ss || !matches!(us.get(ss)?.norm(), "who" | "which") {
        return None;
    }
    let comma = ss.checked_sub(1).filter(|&c| c > a)?;
    if !us.get(comma)?.is_punct(",") {
        return None;
    }
    // "Who" is someone, so a short modifier between the subject and the
    // comma ("Two people familiar with the talks, who ...") still leaves
    // the subject its antecedent; "which" stands for a thing, most often
    // the nearest one ("Mr. X owns the Post, which ...").
    let who = us.get(ss).is_some_and(|u| u.norm() == "who");
    subject_before(lex, us, a, comma, text, who)
        .or_else(|| {
            let (phrase, start) = crate::speaker::phrase_backward(lex, us, a, comma, text)?;
            (!matches!(phrase.kind, PhraseKind::Pronoun(_))).then_some((start, comma))
        })
        .or_else(|| {
            who.then(|| plural_people_before(lex, us, a, comma))
                .flatten()
        })
}

/// Most words before people in the plural that still open the sentence
/// with them ("The Kell growers, who ...").
const MAX_PEOPLE_WORDS: usize = 4;

/// "angered the dealers, who say ...": people in the plural (a group
/// or role noun) closing the phrase before unit `end`, with the words
/// before them when they open the sentence, else with a determiner right
/// before them ("the bankers"; other modifiers are not told from the verb
/// or preposition before them): unit range.
fn plural_people_before(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let at = end.checked_sub(1).filter(|&k| k >= a)?;
    let head = us.get(at)?;
    let people = head.is_word()
        && !head.capitalised()
        && head.norm().ends_with('s')
        && (lex.is_group_noun(head.norm()) || head.is(class::ROLE_NOUN));
    if !people {
        return None;
    }
    // Opening the sentence, the words before them are theirs ("The Kell
    // growers, who ...", "Two dealers, who ..."), past a conjunction ("But
    // some growers, who ...").
    let mut a = a;
    while a < at
        && us
            .get(a)
            .is_some_and(|u| matches!(u.norm(), "but" | "and" | "or" | "yet" | "so"))
    {
        a += 1;
    }
    let opens = at - a < MAX_PEOPLE_WORDS
        && (a..at).all(|k| {
            us.get(k).is_some_and(|u| {
                u.is_word() && u.function_class().is_none() || u.is(class::DETERMINER)
            })
        });
    if opens {
        return Some((a, end));
    }
    let determiner = at > a
        && us
            .get(at - 1)
            .is_some_and(|u| u.is(class::DETERMINER) && !u.capitalised());
    Some((if determiner { at - 1 } else { at }, end))
}

/// Most words a place or affiliation after a subject may take ("in
/// Sarn", "at the central bank").
const MAX_SUBJECT_TAIL: usize = 4;

/// The sentence's subject (past a leading prepositional phrase) when only
/// a short prepositional phrase (with `any_modifier`, any short modifier
/// without punctuation) stands between it and unit `end`: unit range, from
/// the subject's first unit to `end`.
fn subject_before(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    end: usize,
    text: &str,
    any_modifier: bool,
) -> Option<(usize, usize)> {
    let (phrase, _, _) = clause_subject(lex, us, a, end, text)?;
    let start = (a..end).find(|&k| us.get(k).is_some_and(|u| u.start >= phrase.start))?;
    let tail = (start..end)
        .find(|&k| us.get(k).is_some_and(|u| u.start >= phrase.end))
        .unwrap_or(end);
    let tail_ok = tail == end
        || (end - tail <= MAX_SUBJECT_TAIL
            && (any_modifier || us.get(tail).is_some_and(crate::attribute::is_preposition))
            && (tail..end).all(|k| us.get(k).is_some_and(|u| u.kind != UnitKind::Punct)));
    tail_ok.then_some((start, end))
}

/// The subject of a sentence whose speech cue follows "and" with no
/// subject of its own ("The ministry called it a fabrication and said
/// ..."), when the sentence opens with a named or definite speaker: unit
/// range.
fn coordinated_subject(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    cue: usize,
    text: &str,
) -> Option<(usize, usize)> {
    if cue <= a + 1 || us.get(cue - 1)?.norm() != "and" || cue_at(lex, us, cue, us.len()).is_none()
    {
        return None;
    }
    let (phrase, _, next) = clause_subject(lex, us, a, cue - 1, text)?;
    if phrase.kind == PhraseKind::Unnamed || next >= cue - 1 {
        return None;
    }
    let start = (a..next).find(|&k| us.get(k).is_some_and(|u| u.start >= phrase.start))?;
    let end = (start..next)
        .rev()
        .find(|&k| us.get(k).is_some_and(|u| u.end <= phrase.end))?
        + 1;
    Some((start, end))
}

/// "Shipping agents said": a plural noun the tagger put first in the cue
/// (units `cue`), before the lexicon's cue, after a capitalised word or
/// the content's comma ("..., organisers said"), is the source or ends
/// it. Auxiliaries and adverbs the tagger puts there ("has said",
/// "previously said") stay out. Returns the cue's first unit and the
/// source run.
fn noun_led_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    (cue0, cue1): (usize, usize),
    source: Option<(usize, usize)>,
) -> (usize, Option<(usize, usize)>) {
    let plural_noun = us.get(cue0).is_some_and(|u| {
        let w = u.norm();
        u.is_word()
            && !u.capitalised()
            && u.function_class().is_none()
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("ly")
    });
    let after_capital = cue0
        .checked_sub(1)
        .and_then(|p| us.get(p))
        .is_some_and(|p| (p.is_word() && p.capitalised()) || p.is_punct(","));
    let lead = usize::from(plural_noun && after_capital);
    if lead == 0 || lead >= cue1 - cue0 || cue_at(lex, us, cue0 + lead, cue1).is_none() {
        return (cue0, source);
    }
    // With no source of its own, the few words opening the sentence
    // before the cue are it.
    let opening =
        (cue0 > a && cue0 - a <= 3 && (a..cue0).all(|k| us.get(k).is_some_and(|u| u.is_word())))
            .then_some((a, cue0));
    let source = match source {
        Some((s0, s1)) if s1 == cue0 => Some((s0, s1 + lead)),
        None => opening.map(|(s0, s1)| (s0, s1 + lead)),
        kept => kept,
    };
    (cue0 + lead, source)
}

/// "..., shipping agents said.": the one to four plain words between the
/// comma closing the content (which ends at unit `ce`) and a cue the
/// tagger found without a source, when the cue ends the sentence (time
/// words aside): unit range.
fn words_after_comma(us: &[Unit], ce: usize, cue: (usize, usize)) -> Option<(usize, usize)> {
    let (c0, c1) = cue;
    let comma = (ce..c0).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
    let (start, end) = (comma + 1, c0);
    let plain = us
        .get(start..end)?
        .iter()
        .all(|u| u.is_word() && (u.function_class().is_none() || u.is(class::DETERMINER)));
    let closes = us
        .get(c1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|u| u.is_word())
        .count()
        <= 3;
    (end > start && end - start <= 4 && plain && closes).then_some((start, end))
}

/// The named speaker or pronoun standing just before a cue the tagger
/// found without a source ("She did not say ..."), past up to two
/// auxiliaries or negations: unit range.
fn subject_before_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    cue: usize,
    text: &str,
) -> Option<(usize, usize)> {
    let mut end = cue;
    for _ in 0..3 {
        if end <= a {
            return None;
        }
        if let Some((phrase, start)) = crate::speaker::phrase_backward(lex, us, a, end, text) {
            if phrase.kind != PhraseKind::Unnamed {
                return Some((start, end));
            }
        }
        let before = us.get(end - 1)?;
        if !(before.norm() == "not"
            || before.function_class() == Some(crate::lexicon::FunctionClass::Auxiliary))
        {
            return None;
        }
        end -= 1;
    }
    None
}

/// Reported clauses in a sentence that holds quotes ("she said the plan
/// was “dead on arrival”"): the tagger's contents that are more than a
/// quote standing as a statement. A quoted fragment inside such a content
/// keeps its marks there, and stays a direct claim of its own: its words
/// are the speaker's. A quote that a clause runs into after a comma ("said
/// that if the levy rose, “the ferries would stop”", [`lead_into_quote`](crate::quote_clauses::lead_into_quote))
/// is that clause's end: the clause is the one claim, the quote keeping its
/// marks inside it.
pub(crate) fn reported_around_quotes(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    a: usize,
    found: &[tagger::Found],
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let clauses: Vec<tagger::Found> = found
        .iter()
        .filter(|f| {
            let words = us
                .get(a + f.content.0..a + f.content.1)
                .unwrap_or(&[])
                .iter()
                .filter(|u| u.kind != UnitKind::Punct);
            let mut quotes = 0;
            let mut others = 0;
            for u in words {
                if u.is_quote() {
                    quotes += 1;
                } else {
                    others += 1;
                }
            }
            // "“...,” said the former aide to Governor X": the tagger may
            // read the speaker of a quote claim already drafted as content.
            let inside_attribution = us.get(a + f.content.0).is_some_and(|first| {
                drafts.iter().any(|d| {
                    d.direct
                        && d.source
                            .span
                            .as_ref()
                            .is_some_and(|s| s.start <= first.start && first.start < s.end)
                })
            });
            // "“...,” Gen. Varga told reporters in the capital": what a
            // quote's own "told" is followed by is whom and where it was
            // told, not what was said (the quote is); so is a phrase of
            // manner or place after its own cue ("said by telephone").
            let told_in_attribution = f.content.0 == f.cue.1
                && (us
                    .get((a + f.cue.1).wrapping_sub(1))
                    .is_some_and(|u| tells_someone(u.norm()))
                    || manner_or_place(us, a + f.content.0))
                && us.get(a + f.cue.0).is_some_and(|cue| {
                    drafts
                        .iter()
                        .any(|d| d.direct && d.quote_end <= cue.start && cue.end <= d.end)
                });
            !(others == 0
                || inside_attribution
                || told_in_attribution
                || (quotes > 0 && others < 3))
        })
        .cloned()
        .collect();
    let (fragments, leads): (Vec<tagger::Found>, Vec<tagger::Found>) = clauses
        .into_iter()
        .partition(|f| only_fragments(doc.text.as_str(), us, a + f.content.0, a + f.content.1));
    let leads: Vec<tagger::Found> = leads
        .into_iter()
        .filter(|f| lead_into_quote(lex, us, a + f.content.0, a + f.content.1))
        .collect();
    if !fragments.is_empty() {
        tagged_drafts(lex, doc, us, a, &fragments, sources, drafts);
    }
    if leads.is_empty() {
        return;
    }
    let before = drafts.len();
    tagged_drafts(lex, doc, us, a, &leads, sources, drafts);
    // "said that if the levy rose, “the ferries would stop”": the quote
    // ends a reported clause, which is the one statement; its words keep
    // their marks inside the clause's content. A quote with an attribution
    // of its own inside the clause ("when X noted that ..., Y boasted,
    // “...”") stands alone, and the clause is no clause.
    let sentence_start = us.get(a).map_or(0, |u| u.start);
    let inside = |d: &Draft, (s, e): (usize, usize)| {
        d.direct
            && !d.absorbed
            && d.start >= sentence_start
            && s < d.quote_start
            && d.quote_end <= e
    };
    let mut absorbed: Vec<usize> = Vec::new();
    let mut k = before;
    while let Some(clause) = drafts.get(k) {
        let range = (clause.quote_start, clause.quote_end);
        let quotes: Vec<usize> = (0..before)
            .filter(|&j| drafts.get(j).is_some_and(|d| inside(d, range)))
            .collect();
        let attributed_inside = quotes.iter().any(|&j| {
            drafts
                .get(j)
                .and_then(|d| d.source.span.as_ref())
                .is_some_and(|s| range.0 <= s.start && s.start < range.1)
        });
        if attributed_inside {
            drafts.remove(k);
        } else {
            absorbed.extend(quotes);
            k += 1;
        }
    }
    for j in absorbed {
        if let Some(d) = drafts.get_mut(j) {
            d.absorbed = true;
        }
    }
}

/// Words after a form of "tell" that say only whom or where it was told
/// ("told a news conference", "told reporters outside the dinner at the
/// chamber"): no statement. See [`addressed_words`].
fn only_addressed(lex: &Lexicon, us: &[Unit], cue_last: &Unit, content: (usize, usize)) -> bool {
    tells_someone(cue_last.norm()) && addressed_words(lex, us, content)
}

/// Whether `us[cs..ce]` names only whom or where something was told: no
/// quote, at most eight words, a noun of such (`data/addressee_heads.txt`)
/// with nothing after it but a phrase of place or time ("a news
/// conference", "reporters outside the dinner at the chamber", "a shipping
/// seminar here"). Words that go on into a clause after it ("reporters
/// the talks had failed") are a statement.
fn addressed_words(lex: &Lexicon, us: &[Unit], (cs, ce): (usize, usize)) -> bool {
    let units = us.get(cs..ce).unwrap_or(&[]);
    if units.iter().any(Unit::is_quote) {
        return false;
    }
    let words: Vec<&Unit> = units.iter().filter(|u| u.is_word()).collect();
    let Some(head) = words.iter().position(|u| lex.is_addressee_head(u.norm())) else {
        return false;
    };
    let rest = words.get(head + 1..).unwrap_or(&[]);
    words.len() <= 8
        && rest.first().is_none_or(|u| {
            u.norm() == "here" || u.function_class() == Some(FunctionClass::Preposition)
        })
}

/// The unit after whom something was told, the addressee starting at unit
/// `at`: a phrase the speaker grammar reads ("reporters", "the minister"),
/// else one ending in a noun of such within six words ("a news
/// conference", `data/addressee_heads.txt`).
fn addressee_end(lex: &Lexicon, us: &[Unit], at: usize, end: usize, text: &str) -> Option<usize> {
    phrase_forward(lex, us, at, end, text)
        .map(|(_, n)| n)
        .or_else(|| {
            (at..end.min(at + 6))
                .take_while(|&k| us.get(k).is_some_and(Unit::is_word))
                .find(|&k| us.get(k).is_some_and(|u| lex.is_addressee_head(u.norm())))
                .map(|k| k + 1)
        })
}

/// Whether a rule's one-word cue (sentence from unit `a`) says nothing
/// alone ("The two states hold primaries"; see
/// [`Lexicon::says_nothing_alone`]), as the tagger's do in
/// [`no_speech_reading`], or puts a question to its subject
/// ([`question_put`]: "Velo, asked whether ...").
fn lone_cue_says_nothing(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    text: &str,
    (att, cs, _): &Found,
) -> bool {
    // (A cue of several words is no lone cue: no unit to look for.)
    if att.cue.contains(char::is_whitespace) {
        return false;
    }
    let Some(k) = us
        .iter()
        .position(|u| u.start >= att.phrase.end && u.text(text) == att.cue)
    else {
        return false;
    };
    let Some(cue) = us.get(k) else { return false };
    lex.says_nothing_alone(cue.norm(), us.get(k + 1).map(Unit::norm), *cs > k)
        || question_put(us, a, (k, k + 1))
}

/// Whether the one-word cue at unit `cue0` (content from `cs`, sentence
/// from `a`) is read where nothing is said: a verb of change ("exports
/// declined 2.1 pct"; a capital after it is a new sentence the tagger ran
/// into), a modifier or approximation ("cumulative preferred stock",
/// "about half the crop", "about 40 pct"), a name given ("a new division,
/// called Copper Works, will ..."; "..., called the mayor a “child”" still
/// reports), or a cue that says nothing alone ("the Bank of Japan has
/// ...", "the two states hold primaries"; see
/// [`Lexicon::says_nothing_alone`]), a noun ("the notes will be sold"; see
/// [`Lexicon::marks_noun`]) or a word of a name ([`cue_inside_name`]).
fn no_speech_reading(lex: &Lexicon, us: &[Unit], a: usize, cue0: usize, cs: usize) -> bool {
    let Some(cue) = us.get(cue0) else {
        return false;
    };
    let next = us.get(cue0 + 1);
    let before = cue0
        .checked_sub(1)
        .filter(|&p| p >= a)
        .and_then(|p| us.get(p));
    let change = cs == cue0 + 1
        && lex.is_change_verb(cue.norm())
        && us.get(cs).is_some_and(|n| {
            n.capitalised() || lex.follows_change(n.norm(), us.get(cs + 1).map(Unit::norm))
        });
    let modifier = next.is_some_and(|n| lex.modifies(cue.norm(), n.norm()));
    let naming = cue.norm() == "called"
        && before.is_some_and(|p| p.is_punct(","))
        && next.is_some_and(Unit::capitalised)
        && {
            let name_end = (cue0 + 1..)
                .find(|&j| us.get(j).is_none_or(|u| !(u.is_word() && u.capitalised())))
                .unwrap_or(cue0 + 1);
            us.get(name_end)
                .is_none_or(|u| u.is_punct(",") || u.is_punct(")") || u.is_punct("."))
        };
    // ("expects continued growth": the cue the tagger split is the verb
    // before, and the claim stands.)
    let alone = lex.says_nothing_alone(cue.norm(), next.map(Unit::norm), cs > cue0)
        && !before.is_some_and(|p| p.is(class::CUE_START));
    // "The notes will be sold", "a proposed tax": a noun, unless what it
    // names follows ("his claim that ...").
    let noun = before.is_some_and(|p| lex.marks_noun(p.norm()))
        && next.is_none_or(|n| !(n.norm() == "that" || n.is_quote() || n.is_punct(":")));
    change || modifier || naming || alone || noun || cue_inside_name(cue, before, next)
}

/// Whether the cue `us[cue0..cue1]` (sentence from `a`) puts a question
/// to the one named rather than tells what they asked ("Velo, asked
/// whether ...", "when asked about ...", "Velo was asked whether ...",
/// "Asked how ..., Velo said"): the question has no speaker named (the
/// reporter's), and an answer is a claim of its own.
fn question_put(us: &[Unit], a: usize, (cue0, cue1): (usize, usize)) -> bool {
    let Some(k) = (cue0..cue1).find(|&k| us.get(k).is_some_and(|u| u.norm() == "asked")) else {
        return false;
    };
    // (After a comma closing a clause, "asked" may ask someone: "X, who
    // owns the yard, asked the council to ...".)
    let asks_someone = us
        .get(k + 1)
        .is_some_and(|n| n.is(class::DETERMINER) || n.capitalised());
    k == a
        || k.checked_sub(1)
            .filter(|&p| p >= a)
            .and_then(|p| us.get(p))
            .is_some_and(|p| {
                p.is_punct(",") && !asks_someone
                    || matches!(
                        p.norm(),
                        "when" | "if" | "as" | "after" | "before" | "being"
                    )
                    || is_be_form(p.norm())
            })
}

/// Whether one-word cue `cue`, between the unit `before` it (in its
/// sentence) and the unit `next`, is a word of a name ("American Express
/// would not comment", "Standard Oil that ..."): a capital in mid-sentence
/// after a capitalised word, before a lower-case one. (After an abbreviation, newswire capitalises the verb:
/// "the U.S. Agreed to ...". A cue of several words that starts inside a
/// name, "American Express said", holds the verb too, and stays.)
fn cue_inside_name(cue: &Unit, before: Option<&Unit>, next: Option<&Unit>) -> bool {
    cue.capitalised()
        && before.is_some_and(|p| p.is_word() && p.capitalised() && !p.norm().ends_with('.'))
        && next.is_some_and(|n| n.is_word() && !n.capitalised())
}

/// Whether the words at unit `k` open a phrase of manner, place or
/// addressee ("by telephone", "in a statement", "to a query") rather than
/// a clause or an infinitive ("to elaborate", which a refusal reports).
fn manner_or_place(us: &[Unit], k: usize) -> bool {
    let Some(first) = us.get(k) else {
        return false;
    };
    if first.function_class() != Some(FunctionClass::Preposition)
        || matches!(first.norm(), "that" | "if" | "whether")
    {
        return false;
    }
    first.norm() != "to"
        || us.get(k + 1).is_some_and(|n| {
            n.is(class::DETERMINER)
                || n.capitalised()
                || n.norm().starts_with(|c: char| c.is_ascii_digit())
        })
}

/// "tell" and its forms: a cue whose object is whom it is told to.
fn tells_someone(norm: &str) -> bool {
    matches!(norm, "told" | "tells" | "tell" | "telling")
}

/// Where the statement after a speech cue starts, `after` being the unit
/// after the cue: after "that" when one follows within a few words ("told
/// reporters in Sarn that ..."), else after the addressee (`addressee`,
/// asked only then: the unit after whom a form of "tell" names, "told
/// reporters | the ..."), and past a comma or colon. `None` when a
/// prepositional phrase follows instead ("warned of the consequences",
/// "told reporters in the capital"): no statement.
fn complement_start(
    us: &[Unit],
    after: usize,
    end: usize,
    addressee: impl FnOnce() -> Option<usize>,
) -> Option<usize> {
    let that = (after..end.min(after + 10))
        .take_while(|&k| us.get(k).is_some_and(|u| u.is_word()))
        .find(|&k| us.get(k).is_some_and(|u| u.norm() == "that"));
    let mut cs = match that {
        Some(t) => t + 1,
        None => addressee().unwrap_or(after),
    };
    while us.get(cs).is_some_and(|u| matches!(u.norm(), "," | ":")) {
        cs += 1;
    }
    let prepositional = us.get(cs).is_some_and(|u| {
        matches!(
            u.function_class(),
            Some(FunctionClass::Preposition | FunctionClass::Relative)
        )
    });
    if that.is_none() && prepositional {
        return None;
    }
    Some(cs)
}

/// Whether the quote opening at byte `open` runs on from a word ("called
/// it a “desperate move”"): a fragment inside a clause, not a statement.
pub(crate) fn runs_on_into(text: &str, open: usize) -> bool {
    text.get(..open)
        .and_then(|before| {
            before
                .chars()
                .rev()
                .find(|c| !(c.is_whitespace() && *c != '\n'))
        })
        .is_some_and(char::is_alphanumeric)
}

/// A source phrase the speaker grammar does not read ("the two
/// governments"): its words as the name, its last word as the head.
/// A company's name written across a comma or a bracket that the source
/// run `us[ss..se]` ends with (see `speaker::whole_company`), when it
/// reaches further back than the run's start or is more than the name the
/// run's first words give, or a person "of" it whom the run starts with:
/// the phrase, its first unit and `se`.
fn company_before_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    ss: usize,
    se: usize,
    text: &str,
) -> Option<(crate::speaker::Phrase, usize, usize)> {
    let last = us.get(se.checked_sub(1)?)?;
    if !lex.is_legal_form(last.text(text)) {
        return None;
    }
    let (phrase, s0) = crate::speaker::phrase_backward(lex, us, a, se, text)?;
    let inner = (s0..se).any(|k| {
        us.get(k)
            .is_some_and(|u| u.is_punct(",") || u.is_punct(")"))
    });
    if phrase.kind != PhraseKind::Organization || !inner {
        return None;
    }
    if s0 <= ss {
        return Some((phrase, s0, se));
    }
    // "Jon Brill of Kemp, Tully and Co said": the run from the person.
    let (person, p0) = person_of_company(lex, us, a, (&phrase, s0), text)?;
    (p0 == ss).then_some((person, p0, se))
}

fn plain_phrase(us: &[Unit], s: usize, e: usize, text: &str) -> crate::speaker::Phrase {
    let start = us.get(s).map_or(0, |u| u.start);
    let end = us.get(e.wrapping_sub(1)).map_or(start, |u| u.end);
    let head = us
        .get(e.wrapping_sub(1))
        .map_or_else(String::new, |u| u.norm().to_string());
    crate::speaker::Phrase {
        start,
        end,
        kind: PhraseKind::Unnamed,
        name: text.get(start..end).unwrap_or("").to_string(),
        role: None,
        plural: head.ends_with('s'),
        head,
        female: false,
        male: false,
    }
}

/// Reported speech without quote marks in sentence `us[a..b]`.
pub(crate) fn reported(
    reading: &mut Reading,
    doc: &Document,
    us: &[Unit],
    paragraph: (usize, usize),
    (a, b): (usize, usize),
    sources: &mut Antecedents,
    drafts: &mut Vec<Draft>,
) {
    let lex = reading.lex;
    let text = doc.text.as_str();
    let mode = *TAGGER_MODE;
    if mode == TaggerMode::First {
        let found = tagged(reading, us, a, b, text);
        if tagged_drafts(lex, doc, us, a, &found, sources, drafts) {
            return;
        }
    }
    let Some(read) = RuleReading::of(lex, us, (a, b), text) else {
        return;
    };
    // A clause the rules found too short to be a statement leaves the
    // sentence to the tagger.
    if read.content().is_some() {
        read.draft(lex, doc, us, (a, b), sources, drafts);
        return;
    }
    if mode == TaggerMode::Fill {
        let found = tagged(reading, us, a, b, text);
        if tagged_drafts(lex, doc, us, a, &found, sources, drafts) {
            return;
        }
    }
    // Not a statement, but its subject may be what a later "he" means.
    sources.defer(paragraph, a, read.end, read.has_cue);
}

/// What the reported-speech rules read in one sentence.
pub(crate) struct RuleReading {
    /// The attribution and its content's units, where a rule matched.
    found: Option<(Attribution, usize, usize)>,
    /// The content's units as drafted (see [`RuleReading::content`]).
    content: Option<(usize, usize)>,
    /// The sentence's end before its closing punctuation.
    end: usize,
    has_cue: bool,
}

impl RuleReading {
    /// None for a sentence too short to hold a statement.
    pub(crate) fn of(
        lex: &Lexicon,
        us: &[Unit],
        (a, b): (usize, usize),
        text: &str,
    ) -> Option<RuleReading> {
        let mut end = b;
        while end > a && us.get(end - 1).is_some_and(|u| u.kind == UnitKind::Punct) {
            end -= 1;
        }
        if end <= a + 2 {
            return None;
        }
        // Most sentences hold no speech cue at all; only their subject
        // matters then (as an antecedent), so the patterns are not tried.
        // The "X said that ..." patterns need a cue that reports speech; the
        // others accept any cue.
        let (mut has_cue, mut reporting_cue) = (false, false);
        for k in a..end {
            if let Some((_, reports)) = cue_at(lex, us, k, end) {
                has_cue = true;
                if reports {
                    reporting_cue = true;
                    break;
                }
            }
        }
        let found = if has_cue {
            according_first(lex, us, a, end, text)
                .or_else(|| according_last(lex, us, a, end, text))
                .or_else(|| {
                    reporting_cue
                        .then(|| subject_cue(lex, us, a, end, text))
                        .flatten()
                })
                .or_else(|| {
                    reporting_cue
                        .then(|| relative_cue(lex, us, a, end, text))
                        .flatten()
                })
                .or_else(|| trailing_attribution(lex, us, a, end, text))
        } else {
            None
        };
        let found = found.filter(|f| !lone_cue_says_nothing(lex, us, a, text, f));
        let content = Self::content_of(found.as_ref(), lex, us, text);
        Some(RuleReading {
            found,
            content,
            end,
            has_cue,
        })
    }

    /// Words of the content found outside quote marks: none where the
    /// quote is the whole clause (He said "we will win."), a direct
    /// quote, not a reported clause around one.
    pub(crate) fn words_beside_quotes(&self, us: &[Unit]) -> usize {
        self.found.as_ref().map_or(0, |(_, cs, ce)| {
            us.get(*cs..*ce)
                .unwrap_or(&[])
                .iter()
                .filter(|u| u.is_word())
                .count()
        })
    }

    /// The content's units as drafted, when the rules found a clause long
    /// enough to be a statement; where it is then cut ("denied the fleet's
    /// presence, and ..."), the cut part may be shorter.
    fn content(&self) -> Option<(usize, usize)> {
        self.content
    }

    fn content_of(
        found: Option<&Found>,
        lex: &Lexicon,
        us: &[Unit],
        text: &str,
    ) -> Option<(usize, usize)> {
        let &(_, cs, ce) = found?;
        let (first, last) = us.get(cs).zip(us.get(ce.wrapping_sub(1)))?;
        let ce_cut = content_end(lex, us, cs, ce);
        let long_enough = has_words(
            text.get(first.start..last.end).unwrap_or(""),
            MIN_REPORTED_WORDS,
        );
        (ce_cut > cs && long_enough && us.get(ce_cut - 1).is_some()).then_some((cs, ce_cut))
    }

    /// Drafts the reported claim the rules found, when its clause is long
    /// enough to be a statement.
    pub(crate) fn draft(
        self,
        lex: &Lexicon,
        doc: &Document,
        us: &[Unit],
        (a, b): (usize, usize),
        sources: &mut Antecedents,
        drafts: &mut Vec<Draft>,
    ) {
        let text = doc.text.as_str();
        let Some((cs, ce_cut)) = self.content() else {
            return;
        };
        let Some((att, _, _)) = self.found else {
            return;
        };
        let (Some(first), Some(last)) = (us.get(cs), us.get(ce_cut.wrapping_sub(1))) else {
            return;
        };
        let told = att
            .cue
            .split_whitespace()
            .last()
            .is_some_and(|w| tells_someone(&w.to_lowercase()));
        if negated_cue(lex, us, a, cs, att.start, &att.cue, text)
            || negated_subject(text.get(att.phrase.start..att.phrase.end).unwrap_or(""))
        {
            return;
        }
        let source = resolve(lex, doc, &att, sources);
        let co_sources = co_speakers(lex, doc, us, &att, sources);
        let start = first.start.min(att.start);
        let end_byte = last.end.max(att.end);
        let second = (ce_cut <= att.next)
            .then(|| participle_statement(lex, us, att.next, self.end, text))
            .flatten();
        let (source, quoted_by, quote_start) =
            relay_of(lex, doc, us, (cs, ce_cut), &att.cue, source, sources);
        let main = Draft {
            start,
            end: end_byte,
            source,
            cue: Some(att.cue),
            channel: att
                .channel
                .or_else(|| channel_in(lex, us, a, b, text).map(|c| c.0)),
            quote_start,
            quote_end: last.end,
            direct: false,
            co_sources,
            quoted_by,
            absorbed: told && addressed_words(lex, us, (cs, ce_cut)),
        };
        // (The second claim copies the speaker: only where there is one.)
        let second = second.map(|(cue, cue_start, (content_start, content_end))| Draft {
            start: cue_start,
            end: content_end,
            source: main.source.clone(),
            cue: Some(cue),
            channel: None,
            quote_start: content_start,
            quote_end: content_end,
            direct: false,
            co_sources: main.co_sources.clone(),
            quoted_by: main.quoted_by.clone(),
            absorbed: false,
        });
        drafts.push(main);
        drafts.extend(second);
    }
}

/// "..., a Kell official said, adding that the fees were too high": a
/// participle clause of a speech cue after an attribution ending before
/// unit `next` is a second statement of the same speaker. Returns its cue,
/// the cue's first byte and the content's bytes.
fn participle_statement(
    lex: &Lexicon,
    us: &[Unit],
    next: usize,
    end: usize,
    text: &str,
) -> Option<(String, usize, (usize, usize))> {
    let comma = crate::attribute::participle_comma(lex, us, next, end)?;
    let (len, reports) = cue_at(lex, us, comma + 1, end)?;
    if !reports {
        return None;
    }
    let cue_first = us.get(comma + 1)?;
    let cue_last = us.get(comma + len)?;
    let cs = complement_start(us, comma + 1 + len, end, || None)?;
    let words = us.get(cs..end)?.iter().filter(|u| u.is_word()).count();
    if words < crate::extract::MIN_REPORTED_WORDS {
        return None;
    }
    let (first, last) = (us.get(cs)?, us.get(end - 1)?);
    let cue = text.get(cue_first.start..cue_last.end)?.to_string();
    Some((cue, cue_first.start, (first.start, last.end)))
}

/// True when the cue is negated ("He did not say how ...", "would never
/// tell"): the source is said not to have made the statement, so there is
/// no claim. A cue of opinion keeps its claim ("does not believe the plan
/// will work"). The cue is looked for among units `a..cs` from byte
/// `from`.
fn negated_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    cs: usize,
    from: usize,
    cue: &str,
    text: &str,
) -> bool {
    let Some(first) = cue.split_whitespace().next() else {
        return false;
    };
    if cue
        .split_whitespace()
        .any(|w| lex.is_opinion_cue(&w.to_lowercase()))
    {
        return false;
    }
    let Some(k) = (a..cs).find(|&k| {
        us.get(k).is_some_and(|u| {
            u.start >= from && text.get(u.start..u.end).is_some_and(|w| w == first)
        })
    }) else {
        return false;
    };
    negation_before(us, a, k)
}

/// True when the speaker phrase denies that anyone spoke ("Neither the
/// government nor the alliance has confirmed ...", "Nobody said ..."): no
/// claim, as with a negated cue.
fn negated_subject(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    ["neither", "nobody", "none"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        || phrase
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("no one "))
}

/// True when "not", "never" or a word ending in "n't" stands right before
/// unit `k` (and after unit `a`).
fn negation_before(us: &[Unit], a: usize, k: usize) -> bool {
    k.checked_sub(1)
        .filter(|&j| j >= a)
        .and_then(|j| us.get(j))
        .is_some_and(Unit::is_negation)
}

/// Speakers coordinated with the attribution's speaker: "Anna Berg and
/// Tomas Lind said", "..., said A and B", a joint statement by two named
/// people or organisations. Each is resolved like the first.
pub(crate) fn co_speakers(
    lex: &Lexicon,
    doc: &Document,
    us: &[Unit],
    att: &Attribution,
    sources: &mut Antecedents,
) -> Vec<Source> {
    let text = doc.text.as_str();
    let phrase = &att.phrase;
    if !matches!(phrase.kind, PhraseKind::Person | PhraseKind::Organization) {
        return Vec::new();
    }
    // The unit after the speaker phrase; a list ends with "and" (a comma
    // list alone is an apposition: "Mark Rutte, NATO Secretary General").
    let mut k = us.partition_point(|u| u.start < phrase.end);
    let mut items = Vec::new();
    let mut closed = false;
    while items.len() < 4 {
        let (joined, is_and) = match us.get(k) {
            Some(u) if u.norm() == "and" => (k + 1, true),
            Some(u) if u.is_punct(",") => match us.get(k + 1) {
                Some(n) if n.norm() == "and" => (k + 2, true),
                _ => (k + 1, false),
            },
            _ => break,
        };
        let Some((next_phrase, next)) = phrase_forward(lex, us, joined, us.len(), text) else {
            break;
        };
        if !matches!(
            next_phrase.kind,
            PhraseKind::Person | PhraseKind::Organization
        ) || next_phrase.name == phrase.name
        {
            break;
        }
        items.push((next_phrase, next));
        k = next;
        if is_and {
            closed = true;
            break;
        }
    }
    if !closed {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|(p, next)| {
            let co = Attribution {
                start: p.start,
                end: p.end,
                next,
                cue: att.cue.clone(),
                channel: None,
                phrase: p,
                appositive: None,
            };
            resolve(lex, doc, &co, sources)
        })
        .filter(|s| s.kind != SourceKind::Unattributed)
        .collect()
}

type Found = (Attribution, usize, usize);

/// Where reported content stops: at a semicolon, at ", which", where a
/// coordinated second verb of speech starts ("... but noted that ...",
/// "..., and warned against ..."), or, for content that is not a
/// that-clause, where ", and" opens a clause with a subject of its own
/// ("denied the fleet's presence, and officials remained silent").
fn content_end(lex: &Lexicon, us: &[Unit], cs: usize, ce: usize) -> usize {
    let that_clause = cs > 0 && us.get(cs - 1).is_some_and(|u| u.norm() == "that");
    (cs + 1..ce)
        .find(|&k| {
            let Some(u) = us.get(k) else { return false };
            let comma_before = us.get(k - 1).is_some_and(|p| p.is_punct(","));
            u.is_punct(";")
                || (u.norm() == "which" && comma_before && !relative_inside_subject(lex, us, k, ce))
                || (matches!(u.norm(), "and" | "but")
                    && cue_at(lex, us, skip_aux(us, k + 1, ce), ce).is_some())
                || (!that_clause
                    && comma_before
                    && matches!(u.norm(), "and" | "but")
                    && us
                        .get(k + 1)
                        .is_some_and(|n| n.capitalised() || n.is(class::DETERMINER)))
                || (comma_before && attribution_follows(lex, us, k, ce))
        })
        .map_or(ce, |k| {
            // Drop the comma before the cut.
            if us.get(k - 1).is_some_and(|p| p.is_punct(",")) {
                k - 1
            } else {
                k
            }
        })
}

/// ", a senior official said on Monday, speaking ...": a speaker of at
/// most six words opening with a determiner, then a reporting cue that
/// closes the clause (a few time words, then its end or a comma and an
/// "-ing" clause), at unit `k` after a comma: the attribution of
/// everything before it, which ends the content there. (An attribution
/// set inside the content, "The talks, the minister said, stalled ...",
/// goes on and is no cut.)
fn attribution_follows(lex: &Lexicon, us: &[Unit], k: usize, ce: usize) -> bool {
    if !us.get(k).is_some_and(|u| u.is(class::DETERMINER)) {
        return false;
    }
    let Some((cue, len)) = (k..ce.min(k + 7))
        .take_while(|&j| us.get(j).is_some_and(|u| u.is_word()))
        .find_map(|j| {
            let (len, reports) = cue_at(lex, us, j, ce).filter(|_| j > k + 1)?;
            reports.then_some((j, len))
        })
    else {
        return false;
    };
    let after = (cue + len..ce)
        .take_while(|&j| us.get(j).is_some_and(|u| u.is_word()))
        .count();
    let next = cue + len + after;
    after <= 3
        && (next >= ce
            || (us.get(next).is_some_and(|u| u.is_punct(","))
                && us.get(next + 1).is_some_and(|u| u.norm().ends_with("ing"))))
}

/// "According to X, CONTENT."
fn according_first(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    if us.get(a)?.norm() != "according" || us.get(a + 1)?.norm() != "to" {
        return None;
    }
    let (phrase, next) = phrase_forward(lex, us, a + 2, end, text)?;
    let comma = (next..end.min(next + 20)).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
    let apos = crate::speaker::appositives(lex, us, next, end, text);
    let content_start = match &apos {
        Some(ap) if us.get(ap.next).is_some_and(|u| u.is_punct(",")) => ap.next + 1,
        _ => comma + 1,
    };
    let att = Attribution {
        start: us.get(a)?.start,
        end: phrase.end,
        next: content_start,
        cue: text.get(us.get(a)?.start..us.get(a + 1)?.end)?.to_string(),
        channel: None,
        phrase,
        appositive: None,
    };
    Some((att, content_start, end))
}

/// "CONTENT, according to X."
fn according_last(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let c = (a + 1..end).find(|&k| {
        us.get(k).is_some_and(|u| u.norm() == "according")
            && us.get(k + 1).is_some_and(|u| u.norm() == "to")
            && us.get(k - 1).is_some_and(|u| u.is_punct(","))
    })?;
    let (phrase, next) = phrase_forward(lex, us, c + 2, end, text)?;
    let att = Attribution {
        start: us.get(c)?.start,
        end: phrase.end,
        next,
        cue: text.get(us.get(c)?.start..us.get(c + 1)?.end)?.to_string(),
        channel: None,
        phrase,
        appositive: None,
    };
    let _ = next;
    Some((att, a, c - 1))
}

/// "X said (that) CONTENT" with X the clause subject.
fn subject_cue(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    company_subject_cue(lex, us, a, end, text)
        .or_else(|| {
            // (The subject may follow a leading clause the subject reader
            // skips: "Many of the closures, Ada Lume said, have ..."; not a
            // prepositional phrase, which tells where or when it was said:
            // "In Orvo on Monday, Ada Lume said, ...".)
            let found = subject_cue_from(lex, us, a, end, text)?;
            if closes_statement(lex, us, a, &found) {
                return None;
            }
            let circumstance = us.get(a).is_some_and(crate::attribute::is_preposition);
            Some(if circumstance {
                found
            } else {
                set_inside(lex, us, a, found)
            })
        })
        .or_else(|| {
            // After a leading clause: "More than a year later, X confirmed ..."
            let comma =
                (a..end.min(a + 25)).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
            let (att, cs, ce) = subject_cue_from(lex, us, comma + 1, end, text)?;
            if let Some(whole) = company_across_comma(lex, us, a, comma, &att, text) {
                return Some((whole, cs, ce));
            }
            let found = (att, cs, ce);
            if closes_statement(lex, us, a, &found) {
                return None;
            }
            Some(set_inside(lex, us, a, found))
        })
}

/// "The talks stalled over fees, a Kell official said, adding that ...",
/// "..., Ada Lume said Tuesday in Orvo, noting ...": an attribution after a
/// statement of at least three words and a comma, whose cue a participle
/// clause follows (after a time or place at most), closes that statement;
/// what follows it is no content of its own (the trailing reading takes
/// the statement).
fn closes_statement(lex: &Lexicon, us: &[Unit], a: usize, (att, _, ce): &Found) -> bool {
    if comma_after_statement(us, a, att).is_none() {
        return false;
    }
    // (The complement reader starts after "said," and a time or place.)
    let cue_end = us.partition_point(|u| u.end <= att.end);
    crate::attribute::participle_comma(lex, us, cue_end, *ce).is_some()
}

/// The comma before the subject of `att` when a statement of at least
/// three words starting at unit `a` stands before it ("The talks stalled
/// in May, the minister said").
fn comma_after_statement(us: &[Unit], a: usize, att: &Attribution) -> Option<usize> {
    let subject = unit_at(us, att.start)?;
    let comma = subject.checked_sub(1)?;
    let after = subject > a
        && us.get(comma).is_some_and(|u| u.is_punct(","))
        && us
            .get(a..comma)
            .is_some_and(|pre| pre.iter().filter(|u| u.is_word()).count() >= 3);
    after.then_some(comma)
}

/// The unit starting at byte `start` (units lie in text order).
fn unit_at(us: &[Unit], start: usize) -> Option<usize> {
    let k = us.partition_point(|u| u.start < start);
    us.get(k).is_some_and(|u| u.start == start).then_some(k)
}

/// "The talks stalled in May, the minister said, over the fees": an
/// attribution set inside what was said, after a statement that starts at
/// unit `a` (see [`comma_after_statement`]). What was said is then the
/// whole sentence around it (as PolNeAR marks it), not only its tail, when
/// the part after it goes on the clause ("..., stalled over fees", "...,
/// including the fees"), unlike a second statement or a circumstance of
/// the saying ("..., adding that ...", "..., without giving details").
/// Otherwise `found` as it is.
fn set_inside(lex: &Lexicon, us: &[Unit], a: usize, found: Found) -> Found {
    let (att, cs, ce) = &found;
    // (Most subjects open their sentence: nothing is set inside.)
    if comma_after_statement(us, a, att).is_none() {
        return found;
    }
    let goes_on = us.get(*cs).is_some_and(|u| {
        u.is_word()
            && (!u.norm().ends_with("ing") || lex.is_prepositional_participle(u.norm()))
            && !matches!(
                u.norm(),
                "because" | "as" | "while" | "and" | "but" | "although"
            )
            && !crate::attribute::is_preposition(u)
            && cue_at(lex, us, *cs, *ce).is_none()
    });
    let inserted = *cs >= 2
        && goes_on
        && us.get(cs - 1).is_some_and(|u| u.is_punct(","))
        && us.get(cs - 2).is_some_and(|u| u.end == att.end);
    if inserted {
        (found.0, a, found.2)
    } else {
        found
    }
}

/// "Jon Brill of Kemp, Tully and Co said the yard ...": a subject whose
/// company's name holds a comma, which the forward reading stops at (and
/// the clause after the comma alone reads back to the whole name, which
/// starts before it). The speaker is read back from the cue, and must
/// reach the sentence's start (or a conjunction or other word opening it,
/// "But").
fn company_subject_cue(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    end: usize,
    text: &str,
) -> Option<Found> {
    let comma = (a + 1..end.min(a + 12)).find(|&k| us.get(k).is_some_and(|u| u.is_punct(",")))?;
    let k = (comma + 2..end.min(comma + 8)).find(|&k| {
        us.get(k - 1)
            .is_some_and(|u| lex.is_legal_form(u.text(text)))
            && cue_at(lex, us, skip_aux_or_cue(lex, us, k, end), end).is_some_and(|c| c.1)
    })?;
    let (whole, s0) = crate::speaker::phrase_backward(lex, us, a, k, text)?;
    if whole.kind != PhraseKind::Organization || s0 > comma {
        return None;
    }
    let (phrase, p0) = if s0 == a {
        (whole, s0)
    } else {
        person_of_company(lex, us, a, (&whole, s0), text)?
    };
    // ("But Jon Brill of ...": a word opening the sentence before a name.)
    let opener = p0 == a + 1
        && us.get(a).is_some_and(|u| {
            lex.is_name_opener(u.norm()) || u.function_class() == Some(FunctionClass::Relative)
        });
    if p0 != a && !opener {
        return None;
    }
    subject_cue_tail(lex, us, k, end, text, (phrase, None), a)
}

/// "Sears, Tully and Co said ...": the comma after the sentence's first
/// words is inside a company's name (see `speaker::whole_company`), not
/// after a leading clause; the attribution read after it, `att`, gets the
/// whole name as its speaker.
fn company_across_comma(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    comma: usize,
    att: &Attribution,
    text: &str,
) -> Option<Attribution> {
    let last =
        (comma + 1..us.len()).find(|&k| us.get(k).is_some_and(|u| u.end == att.phrase.end))?;
    let (whole, s0) = crate::speaker::phrase_backward(lex, us, a, last + 1, text)?;
    if whole.start >= att.phrase.start {
        return None;
    }
    let phrase = if s0 == a {
        whole
    } else {
        match person_of_company(lex, us, a, (&whole, s0), text)? {
            (person, p0) if p0 == a => person,
            _ => return None,
        }
    };
    Some(Attribution {
        start: phrase.start.min(att.start),
        phrase,
        ..att.clone()
    })
}

/// "Ada Lume of Pears, Tully and Co": the person of a firm whose name
/// (`company`, from unit `s0`) follows "of": the person with the firm as
/// one phrase, and its first unit.
fn person_of_company(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    (company, s0): (&crate::speaker::Phrase, usize),
    text: &str,
) -> Option<(crate::speaker::Phrase, usize)> {
    let of = s0
        .checked_sub(1)
        .filter(|&o| o > a && us.get(o).is_some_and(|u| u.norm() == "of"))?;
    let (person, p0) = crate::speaker::phrase_backward(lex, us, a, of, text)?;
    (person.kind == PhraseKind::Person).then(|| {
        let name = crate::speaker::squash(text.get(person.start..company.end).unwrap_or(""));
        let phrase = crate::speaker::Phrase {
            name,
            end: company.end,
            ..person
        };
        (phrase, p0)
    })
}

/// "X, who had said that CONTENT": reported speech in a relative clause.
fn relative_cue(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let comma = (a + 1..end).find(|&k| {
        us.get(k).is_some_and(|u| u.is_punct(","))
            && us.get(k + 1).is_some_and(|u| u.norm() == "who")
            && cue_at(lex, us, skip_aux_or_cue(lex, us, k + 2, end), end).is_some_and(|c| c.1)
    })?;
    let (phrase, _) = crate::speaker::phrase_backward(lex, us, a, comma, text)?;
    let (att, cs, ce) = subject_cue_tail(lex, us, comma + 2, end, text, (phrase, None), a)?;
    Some((att, cs, ce))
}

fn subject_cue_from(lex: &Lexicon, us: &[Unit], a: usize, end: usize, text: &str) -> Option<Found> {
    let (phrase, appositive, j) = clause_subject(lex, us, a, end, text)?;
    subject_cue_tail(lex, us, j, end, text, (phrase, appositive), a)
}

fn subject_cue_tail(
    lex: &Lexicon,
    us: &[Unit],
    j: usize,
    end: usize,
    text: &str,
    (phrase, appositive): (crate::speaker::Phrase, Option<crate::speaker::Appositive>),
    a: usize,
) -> Option<Found> {
    let subject_end = j;
    let j = skip_aux_or_cue(lex, us, j, end);
    let (len, reported) = cue_at(lex, us, j, end)?;
    if !reported {
        return None;
    }
    let cue_first = us.get(j)?;
    // "Orvo was declared insolvent", "Velo was told the plant would
    // close": the subject of a passive cue is what it was said of, or to,
    // not who said it.
    let passive = passive_cue(lex, us, subject_end, j, j + len);
    if passive {
        return None;
    }
    let cue_last = us.get(j + len - 1)?;
    let after = j + len;
    // The complement: an optional object and time or channel phrases, then
    // "that" if present.
    // An addressee the grammar does not read is taken to be one word.
    let addressee = || {
        tells_someone(cue_first.norm())
            .then(|| addressee_end(lex, us, after, end, text).unwrap_or(after + 1))
    };
    let cs = complement_start(us, after, end, addressee)?;
    let att = Attribution {
        start: phrase.start.min(cue_first.start),
        end: cue_last.end,
        next: cs,
        cue: text.get(cue_first.start..cue_last.end)?.to_string(),
        channel: channel_in(lex, us, a, cs, text).map(|c| c.0),
        phrase,
        appositive,
    };
    // "..., the official said." matches as a subject and a cue with nothing
    // after it: that is the trailing pattern's, which comes later.
    if cs >= end {
        return None;
    }
    // "Data suggest Y, economists said": the attribution closing the
    // sentence is the speaker's; the inner clause is part of what was said.
    if trailing_attribution(lex, us, cs, end, text).is_some() {
        return None;
    }
    Some((att, cs, end))
}

/// Whether the cue `us[cue0..cue1]` is passive ("was declared", "is
/// estimated", "was never told"): its verb a participle after a form of
/// "be", in the cue or before it from unit `lo` on, with only adverbs or
/// "not" between; the participle one that reports speech. "is insisting"
/// is no passive, and "was quoted (reported) as saying" is read as a
/// relay.
fn passive_cue(lex: &Lexicon, us: &[Unit], lo: usize, cue0: usize, cue1: usize) -> bool {
    let between = |u: &Unit| crate::speaker::is_adverb(u) || u.norm() == "not";
    let Some(verb) = (cue0..cue1).find(|&k| {
        us.get(k)
            .is_some_and(|u| !is_be_form(u.norm()) && !between(u))
    }) else {
        return false;
    };
    let Some(v) = us.get(verb) else { return false };
    // Only a verb of saying is passive here: "is worried that", "were
    // opposed to" tell what their subject holds.
    let says = lex.cue_at(&[v.norm()]).is_some_and(|c| c.reported);
    // "was reported as saying": the subject speaks, relayed.
    let as_saying = us.get(verb + 1).is_some_and(|u| u.norm() == "as")
        && us.get(verb + 2).is_some_and(|u| u.norm() == "saying");
    if !says || as_saying || v.norm().ends_with("ing") || relay::quotes_someone(v.norm()) {
        return false;
    }
    (lo..verb)
        .rev()
        .map(|k| us.get(k))
        .find(|u| u.is_none_or(|u| !between(u)))
        .flatten()
        .is_some_and(|u| is_be_form(u.norm()))
}

/// A form of "be", which before a cue's participle makes it passive.
fn is_be_form(norm: &str) -> bool {
    matches!(
        norm,
        "be" | "is" | "are" | "was" | "were" | "been" | "being" | "'s"
    )
}

/// "CONTENT, X said." / "CONTENT, said X, a spokesman."
fn trailing_attribution(
    lex: &Lexicon,
    us: &[Unit],
    a: usize,
    end: usize,
    text: &str,
) -> Option<Found> {
    // The last comma may open an appositive of the speaker, so the comma
    // closing the content is one of the last two. A participle clause
    // closing the sentence ("..., the ministry said, noting that A, B ...")
    // is no attribution: the commas before it are read first.
    let participle = (a + 1..end).rev().take(40).find(|&k| {
        us.get(k).is_some_and(|u| u.is_punct(","))
            && crate::attribute::participle_comma(lex, us, k, end).is_some()
    });
    let before_last_comma = |end: usize| {
        (a + 1..end)
            .rev()
            .take(20)
            .filter(|&k| Some(k) != participle && us.get(k).is_some_and(|u| u.is_punct(",")))
            .take(2)
            .find_map(|c| {
                let att = trailing(lex, us, c + 1, end, text)?;
                // "In a statement on Monday, President X praised “...”": the
                // cue has its own object, the quote; the clause before the
                // comma is where it was said.
                let quote_after = (att.next..end).any(|k| us.get(k).is_some_and(|u| u.is_quote()));
                (!quote_after).then_some((att, a, c))
            })
    };
    // (Before a participle clause, only a cue that reports speech: not
    // "..., called Kell System 30, offering ..."; and only after a
    // statement with no attribution of its own ("X believes that"): "The
    // alliance believes that ..., an official said, speaking on condition
    // of anonymity" is read as the alliance's belief.)
    let reports = |&(_, _, c): &Found, end: usize| {
        (c + 1..end).any(|k| cue_at(lex, us, k, end).is_some_and(|(_, reports)| reports))
            && !(a..c).any(|k| {
                cue_at(lex, us, k, c)
                    .is_some_and(|(len, _)| us.get(k + len).is_some_and(|u| u.norm() == "that"))
            })
    };
    participle
        .and_then(|p| before_last_comma(p).filter(|found| reports(found, p)))
        .or_else(|| before_last_comma(end))
}
