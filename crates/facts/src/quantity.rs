//! Quantity claims: counts, amounts, durations and ages with bound,
//! subject, rate and claimant. Years, dates, ordinals, times of day and
//! designations are read by the figure reader but never become claims.
//!
//! Besides those, a figure is left out when it says nothing checkable: a
//! bare small number with no unit, no counted noun and no bound; "one" as
//! a pronoun ("one of the", "the only one"); a multiplier ("three times
//! the figure"); a count of the speakers ("Two people familiar with the
//! talks said").

use crosscheck_model::{
    Bound, Claim, ClaimBody, ClaimTime, Document, Quantity, Source, Span, TimeExpression,
};
use crosscheck_text::{TokenLayer, MAX_CLAIMS_PER_DOCUMENT, MAX_CLAIMS_PER_SENTENCE};

use crate::claimant;
use crate::event::event_for;
use crate::hedge;
use crate::lexicon::Lexicon;
use crate::lookup::Lookup;
use crate::numbers::{
    figures_in, may_hold_figure, rate_after_in, uses_european_separators, Figure,
};
use crate::phrase::{each_sentence, Sentence};
use crate::tokens::without_possessive;

/// One figure as a claim candidate, before ids are assigned.
struct Found {
    figure: Figure,
    subject: Option<(usize, usize)>,
    event: Option<&'static str>,
    rate: Option<&'static str>,
    rate_end: usize,
}

/// "one" standing for a noun rather than counting one ("the only one",
/// "one in which", "for one", "one-on-one", "at one time", "one of
/// many"); small spelled-out numbers that only refer back ("these two
/// came"); and spelled-out numbers capitalised inside a sentence, which
/// belong to names and titles ("Three Amigos", "One Voice"). `elided`:
/// the figure counts a noun left out ([`noun_left_out`]), so it is no
/// reference.
fn is_reference(
    sent: &Sentence,
    f: &Figure,
    subject: Option<(usize, usize)>,
    elided: bool,
) -> bool {
    let first = f.first_token;
    // "at one point", "at one stage": a moment, whatever "point" reads as.
    if first > 0
        && sent.low(first - 1) == "at"
        && sent.low(first) == "one"
        && matches!(sent.low(first + 1), "point" | "stage" | "time")
    {
        return true;
    }
    // "would love to one day buy": some day, not a day's length.
    if first > 0
        && sent.low(first) == "one"
        && sent.low(first + 1) == "day"
        && sent.lex.number_cue("some_day_before", sent.low(first - 1))
    {
        return true;
    }
    if !sent.is_word(first) || f.bound != Bound::Exact || f.approximate || f.unit.is_some() {
        return false;
    }
    // Capitalised inside the sentence, not after an opening quotation mark
    // that starts it ("“One of the challenges …").
    let after_opening_quote = (0..first).all(|k| sent.opening_quote_mark(k) || sent.s(k) == "«");
    // A dateline's dash or a colon starts the text anew ("(Wirepost) - One
    // in four farmers", "Update: Two people died").
    // ("NOTE: One Harbor Bancorp" is a name: a capitalised word follows.)
    let after_dateline = first > 0
        && matches!(sent.s(first - 1), "-" | "–" | "—" | ":")
        && !sent.capitalized(f.end_token);
    if first > 0 && sent.capitalized(first) && !after_opening_quote && !after_dateline {
        return true;
    }
    let prev = if first > 0 { sent.low(first - 1) } else { "" };
    // ("one-third of voters" is a share, not "one".)
    if sent.low(first) == "one" && f.low == Some(1.0) && !f.share {
        let next = sent.low(f.end_token);
        // "one of the computers" counts one of them; "one of many" and
        // "one of the many reasons" do not.
        // "one of only three mayors": the limiting word before the whole.
        let limited = matches!(sent.low(f.end_token + 1), "only" | "just");
        let after_of = sent.low(f.end_token + 1 + usize::from(limited));
        let of_determiner = next == "of"
            && !sent
                .lex
                .number_cue("uncounted_many", sent.low(f.end_token + 2))
            && (sent.lex.classes.definite_determiner.contains(after_of)
                || without_possessive(after_of).is_some()
                // "one of two hurricanes": one of a counted whole (but
                // "one of 3.4 mln shares" is one lot of them).
                || (after_of.starts_with(|c: char| c.is_ascii_digit())
                    || sent.lex.number_words.contains_key(after_of))
                    && !sent.lex
                        .number_words
                        .contains_key(sent.low(f.end_token + 2 + usize::from(limited)))
                || sent.capitalized(f.end_token + 1));
        // "from one room to another": a move, not a count.
        let one_to_another = prev == "from"
            && (f.end_token..f.end_token + 6).any(|k| {
                sent.low(k) == "to"
                    && (sent.low(k + 1) == "another"
                        || sent.low(k + 1) == "the" && matches!(sent.low(k + 2), "next" | "other"))
            });
        // "of one sort or another", "one way or the other": an idiom.
        let or_another = (f.end_token..f.end_token + 3).any(|k| {
            sent.low(k) == "or"
                && (sent.low(k + 1) == "another"
                    || sent.low(k + 1) == "the" && sent.low(k + 2) == "other")
        });
        // "put one foot in front of the other", "the son of one governor and
        // the brother of another", "in one breath, then ... in the next"
        // (but "only one manager, with another on the way" counts).
        let contrast = !matches!(prev, "only" | "just" | "exactly")
            && (f.end_token..f.end_token + 10).any(|k| {
                sent.low(k) == "another"
                    || sent.low(k) == "the" && matches!(sent.low(k + 1), "next" | "other")
            });
        let one_or_another = or_another || contrast;
        // "in one case": in a case; "either one of them": either of them.
        let indefinite = prev == "in"
            && sent.lex.number_cue("one_indefinite", sent.low(f.end_token))
            || prev == "either";
        // "if one adds": the pronoun before a verb ("one" never counts a
        // plural).
        let pronoun = matches!(prev, "if" | "when" | "unless")
            && sent.is_word(f.end_token)
            && !sent.capitalized(f.end_token)
            && sent.low(f.end_token).ends_with('s');
        // "one of the first to act", "one of the oldest in Iraq": one of a
        // rank with nothing counted; "one of the first two women" and "one
        // of the oldest churches" count.
        let rank = sent.low(f.end_token + 2);
        let one_of_a_rank = next == "of"
            && sent.low(f.end_token + 1) == "the"
            && (matches!(rank, "first" | "last") || rank.len() > 4 && rank.ends_with("est"))
            && (!sent.is_word(f.end_token + 3)
                || sent.lex.np_stop.contains(sent.low(f.end_token + 3)));
        return subject.is_none()
            || one_to_another
            || one_or_another
            || indefinite
            || pronoun
            || one_of_a_rank
            || (next == "of" && !of_determiner)
            // "one hell of a way": an idiom.
            || matches!(next, "another" | "in" | "on" | "by" | "at" | "hell")
            || sent.s(f.end_token) == "-" && hyphened_label(sent, f.end_token + 1)
            // "that one" points and "at one" is a moment, but "aware that one
            // of the parties" and "on one of those nights" count one.
            || !(of_determiner && matches!(prev, "that" | "at" | "on"))
                && matches!(
                    prev,
                    "the" | "this" | "that" | "which" | "any" | "every" | "no" | "at" | "on"
                );
    }
    subject.is_none()
        && !elided
        && (sent.lex.classes.definite_determiner.contains(prev) || prev == "between")
}

/// "the other three were freed", "all four of them", "the two raised $350
/// million", "there are two:": a number whose noun is left out, shown by
/// the words around it; it still counts.
fn noun_left_out(sent: &Sentence, f: &Figure) -> bool {
    let first = f.first_token;
    let prev = if first > 0 { sent.low(first - 1) } else { "" };
    let next = sent.low(f.end_token);
    let verb_after = sent.is_word(f.end_token)
        && !sent.capitalized(f.end_token)
        && (sent.lex.number_cue("elided_after", next)
            || next.len() > 4 && (next.ends_with("ed") || next.ends_with("ing")));
    let of_them =
        next == "of" && matches!(sent.low(f.end_token + 1), "them" | "us" | "whom" | "those");
    // "linked the third case to the earlier two, the agency said".
    let clause_ends = matches!(sent.s(f.end_token), "," | "." | ";" | ":" | ")");
    // "there are two:", "there were three in the car".
    let exists = first >= 2
        && sent.low(first - 2) == "there"
        && sent.lex.number_cue("exists_before", prev)
        && (!sent.is_word(f.end_token) || matches!(next, "in" | "left" | "on" | "at"));
    exists
        || first > 0
            // "the 486 is the descendant of": after a bare "the", digits
            // name a model as often as they count; words count.
            && ((prev == "the" && sent.is_word(first))
                || sent.lex.number_cue("elided_before", prev))
            && (verb_after || of_them || clause_ends && prev != "the")
}

/// The word after "one-" makes an idiom ("one-time", "one-for-one"), a
/// fraction ("one-hundredth") or a grade ("one-X"), not a count of one.
fn hyphened_label(sent: &Sentence, k: usize) -> bool {
    let w = sent.low(k);
    sent.lex.number_cue("one_idiom", w)
        || sent.capitalized(k)
        || w.ends_with("th")
        || sent.lex.number_words.contains_key(w)
}

/// "746 and 742 ringgit per tonne", "9-15/16 and 9-7/8 pct": a figure
/// joined by "and" or "or" to the next one takes that one's unit and rate
/// when it states none, unless the two differ a hundredfold or more ("2
/// and 3 mln dlrs" says nothing sure about the 2; "177 mln or 2.75 dlrs
/// per share" are two measures).
fn with_elided_units(sent: &Sentence, figures: &[Figure]) -> Vec<Figure> {
    let mut out = figures.to_vec();
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (head, tail) = out.split_at_mut(k + 1);
        let (Some(f), Some(n)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        let joined =
            n.first_token == f.end_token + 1 && matches!(sent.low(f.end_token), "and" | "or");
        // "profit of 177 mln or 2.75 dlrs per share" states two measures.
        let same_scale = match (f.value(), n.value()) {
            (Some(a), Some(b)) => a > 0.0 && b > 0.0 && a.max(b) / a.min(b) < 100.0,
            _ => false,
        };
        if joined
            && same_scale
            && f.unit.is_none()
            && n.unit.is_some()
            && f.rate.is_none()
            && f.kind.is_quantity()
            && n.kind.is_quantity()
            && !f.share
            && !f.vague
        {
            f.unit = n.unit;
            f.rate = n.rate;
        }
    }
    out
}

/// A figure with no unit, bound, hedge or share that is not a measured
/// value itself: without a counted noun it says nothing checkable.
fn bare_without_subject(sent: &Sentence, f: &Figure) -> bool {
    f.unit.is_none()
        && f.bound == Bound::Exact
        && !f.approximate
        && !f.share
        && !f.vague
        && !measured_value(sent, f)
}

/// The counted noun for figure `k`, borrowing from a following figure when
/// the phrase is elided ("50 of 80 drones", "45 and 50 cases") and from an
/// earlier "of" phrase when the noun only counts units ("three million rounds").
fn subject_for(sent: &Sentence, figures: &[Figure], k: usize) -> Option<(usize, usize)> {
    let f = figures.get(k)?;
    let next_fig = figures.get(k + 1);
    let after = f.end_token;
    let elided = next_fig.is_some_and(|n| {
        let gap = n.first_token.saturating_sub(after);
        // "eight of the last nine contests".
        let of_the = gap <= 4
            && sent.low(after) == "of"
            && (after + 1..n.first_token).all(|k| sent.lex.number_cue("whole_before", sent.low(k)));
        of_the
            || gap <= 2
                && (gap == 0 || matches!(sent.low(after), "of" | "and" | "or" | "to" | "out"))
    });
    if elided {
        return next_fig.and_then(|_| subject_for(sent, figures, k + 1));
    }
    // "a four-lane highway", "the 30-date tour": the count is a compound's first part.
    let compound = sent.hyphen_joins(after);
    // "300 mln dlrs worth of products" counts the products.
    let worth = sent.low(after) == "worth" && sent.low(after + 1) == "of";
    let np = sent.counted_np(if compound || worth { after + 1 } else { after })?;
    let head = sent.low(np.1 - 1);
    if sent.lex.counter_nouns.contains(head) {
        // Look back for "<noun phrase> of <plural noun phrase>".
        for j in (0..f.first_token).rev() {
            if sent.low(j) == "of" {
                if let Some(prev) = sent.counted_np(j + 1) {
                    if prev.1 <= f.first_token {
                        return Some(prev);
                    }
                }
            }
        }
    }
    Some(np)
}

/// A count inside the phrase naming who speaks ("Two people familiar with
/// the talks said ...") describes the source; it is not a figure the
/// sentence asserts.
fn counts_the_speakers(sent: &Sentence, f: &Figure, subject: Option<(usize, usize)>) -> bool {
    let Some((_, b)) = subject else {
        return false;
    };
    let head = sent.low(b.saturating_sub(1));
    if !sent.lex.anonymous_heads.contains(head) && !sent.lex.personnel.contains(head) {
        return false;
    }
    let limit = (b + 16).min(sent.toks.len());
    (b..limit).any(|v| {
        sent.reporting_at(v).is_some()
            && sent
                .actor_before(v)
                .is_some_and(|(x, y)| x <= f.first_token && f.first_token < y)
    })
}

/// The dated expression of the sentence nearest the figure: "in October"
/// qualifies a figure; a duration or a rate ("per year") does not.
/// `dated` is the sentence's [`Lookup::dated_in`].
fn time_for(dated: &[&TimeExpression], figure: &Span, evidence: &Span) -> Option<ClaimTime> {
    dated
        .iter()
        .filter(|t| !t.span.overlaps(evidence))
        .min_by_key(|t| t.span.start.abs_diff(figure.start))
        .map(|t| ClaimTime {
            text: t.text.clone(),
            value: t.value.clone(),
        })
}

/// A newswire results row that starts with "Shr" ("Shr 47 cts vs 46 cts",
/// "Shr loss 12 cts"): its money is per share.
fn per_share_row(sent: &Sentence, f: &Figure) -> bool {
    let money = f.unit.is_some_and(|u| u.dimension == "currency");
    let label = (0..f.first_token.min(3))
        .any(|k| sent.lex.number_cue("per_share_label", sent.low(k)))
        && sent.lex.number_cue("per_share_row_start", sent.low(0));
    money && label
}

/// A bare number that is a value in its own right: written with a
/// thousands separator, decimals or a fraction ("3,005.47", "236,000",
/// "priced at 99 3/4").
fn measured_value(sent: &Sentence, f: &Figure) -> bool {
    let text = sent.slice(f.first_token, f.end_token);
    let digits = text.bytes().any(|b| b.is_ascii_digit());
    let separated = text.bytes().any(|b| b == b',' || b == b'.')
        || f.low.or(f.high).is_some_and(|v| v.fract() != 0.0);
    // "217m", "2.5 billion": a magnitude makes it a stated amount too.
    let scaled = f.low.or(f.high).is_some_and(|v| v.abs() >= 1e6)
        && text.bytes().last().is_some_and(|b| b.is_ascii_alphabetic());
    digits && (separated || scaled)
}

/// Removes float noise from scaled decimals: 8.2 × 10⁶ is 8,200,000, not
/// 8,199,999.999999999.
fn tidy(v: f64) -> f64 {
    let r = v.round();
    if r.abs() >= 1.0 && (v - r).abs() <= 1e-6 * v.abs() {
        r
    } else {
        v
    }
}

/// The figures of one sentence that become quantity claims, with what
/// each counts, its event and its rate.
fn found_in(sent: &Sentence, figures: &[Figure]) -> Vec<Found> {
    let figures = &with_elided_units(sent, figures);
    let mut found = Vec::new();
    for (k, f) in figures.iter().enumerate() {
        if !f.kind.is_quantity() {
            continue;
        }
        let mut subject = subject_for(sent, figures, k);
        let elided = subject.is_none() && noun_left_out(sent, f);
        if is_reference(sent, f, subject, elided) {
            continue;
        }
        // ("One in three said no": a share of those asked is a finding.)
        if !f.share && counts_the_speakers(sent, f, subject) {
            continue;
        }
        let previous = found.last().and_then(|x: &Found| x.event);
        // Money and shares are lost or gained, not killed or shipped.
        let measured = f.share
            || f.dimension()
                .is_some_and(|d| matches!(d, "currency" | "ratio" | "time" | "multiplier"));
        let event = if measured {
            None
        } else {
            event_for(sent, f.first_token, f.end_token, subject, previous)
        };
        // "heard by 10 judges rather than 11", "32 saves, including 12":
        // a bare number compared with a count, or a part of it, counts its
        // noun; a part is no larger than its whole ("sold in 60 countries,
        // including 1.5 mln in Ostravia" counts no countries).
        if subject.is_none() && f.bound == Bound::Exact && f.unit.is_none() && f.first_token > 0 {
            let before = sent.low(f.first_token - 1);
            // "seven tax brackets, compared with two before".
            let verb = if f.first_token >= 2 {
                sent.low(f.first_token - 2)
            } else {
                ""
            };
            let compared = sent.lex.number_cue("compared_before", before)
                || matches!(before, "with" | "to") && sent.lex.number_cue("comparing_verb", verb);
            let part = sent.lex.number_cue("part_before", before);
            let fits = |x: &Found| {
                x.figure.unit.is_none()
                    && (compared
                        || part
                            && f.value()
                                .zip(x.figure.high.or(x.figure.low))
                                .is_some_and(|(v, w)| v <= w))
            };
            if compared || part {
                subject = found.last().filter(|x| fits(x)).and_then(|x| x.subject);
            }
        }
        // "300 soldiers have been killed and roughly 1,200 wounded": the
        // bare second figure counts the same noun.
        if subject.is_none()
            && event.is_some()
            && sent
                .lex
                .events
                .iter()
                .any(|(w, _, _)| *w == sent.low(f.end_token))
        {
            subject = found.iter().rev().find_map(|x: &Found| x.subject);
        }
        let np_end = sent
            .counted_np(f.end_token)
            .map(|s| s.1)
            .unwrap_or(f.end_token);
        let (rate, rate_end) = match f.rate {
            Some(r) => (Some(r), f.end_token),
            None => match rate_after_in(sent.lex, sent.text, sent.toks, sent.layer(), np_end) {
                Some((r, e)) => (Some(r), e),
                None if per_share_row(sent, f) => (Some("per share"), np_end),
                None => (None, np_end),
            },
        };
        // A bare number with nothing counted, no unit and no hedge says
        // nothing checkable, unless it is a measured value itself
        // ("closed at 3,005.47", "revised to 236,000").
        // "a mother of three": the children go unsaid, but they are counted.
        let children = f.first_token >= 2
            && sent.low(f.first_token - 1) == "of"
            && sent
                .lex
                .number_cue("parent_of", sent.low(f.first_token - 2));
        // "eight out of 10 said": the whole a count is taken from.
        let out_of = f.first_token >= 2
            && sent.low(f.first_token - 1) == "of"
            && sent.low(f.first_token - 2) == "out"
            && found
                .last()
                .is_some_and(|x: &Found| x.figure.end_token + 2 == f.first_token);
        // "killing 15", "the assaults that killed 130 in Paris": people, left
        // unsaid after a verb of harm; "leads the race with 61.": what the
        // race is run for, left unsaid at the clause's end.
        let before = f.first_token.checked_sub(1).map_or("", |k| sent.low(k));
        let harmed = sent.lex.number_cue("harm_verb", before);
        let with_final = before == "with"
            && matches!(sent.s(f.end_token), "," | "." | ";" | ":" | "")
            && sent
                .s(f.first_token)
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',');
        let bare = subject.is_none()
            && !children
            && !out_of
            && !elided
            && !harmed
            && !with_final
            && bare_without_subject(sent, f);
        if bare {
            continue;
        }
        found.push(Found {
            figure: f.clone(),
            subject,
            event,
            rate,
            rate_end,
        });
    }
    found
}

/// The ledger's quantity for a found figure.
fn quantity_of(item: &Found, subject: Option<String>, span: Span) -> Quantity {
    let f = &item.figure;
    Quantity {
        low: f.low.map(tidy),
        high: f.high.map(tidy),
        approximate: f.approximate,
        bound: f.bound,
        unit: f
            .unit_id()
            .map(str::to_string)
            .or_else(|| f.share.then(|| "share".to_string())),
        dimension: f.dimension().map(str::to_string),
        vague: f.vague,
        subject,
        rate: item.rate.map(str::to_string),
        event: item.event.map(str::to_string),
        span,
        measure: None,
    }
}

/// Extracts the quantity claims of `doc`, whose token layer is `layer`.
pub(crate) fn extract(
    lex: &Lexicon,
    doc: &Document,
    layer: &TokenLayer,
    quotes: &[Claim],
) -> Vec<Claim> {
    let european = uses_european_separators(&doc.text);
    let lookup = Lookup::new(doc, quotes);
    let mut claims = Vec::new();
    each_sentence(
        lex,
        doc,
        layer,
        &mut claims,
        |t| t.is_some_and(|t| may_hold_figure(lex, t)),
        |claims, sent, si, (s0, s1)| {
            let figures = figures_in(lex, &doc.text, s0, s1, sent.toks, layer, european);
            let sentence_text = doc.text.get(s0..s1).unwrap_or("");
            let found = found_in(sent, &figures);
            // The same for every figure of the sentence: found once, when needed.
            let mut sentence_hedges: Option<Vec<String>> = None;
            let mut sentence_dates: Option<Vec<&TimeExpression>> = None;
            for item in found.into_iter().take(MAX_CLAIMS_PER_SENTENCE) {
                if claims.len() >= MAX_CLAIMS_PER_DOCUMENT {
                    break;
                }
                let f = &item.figure;
                let Some(fig_span) = Span::of(&doc.text, f.start, f.end) else {
                    continue;
                };
                // "8.0 pct and 3.5 pct respectively", "50 mln dlrs due
                // 1990": the phrase after the figure names nothing counted.
                // Without it, a figure with nothing else to it is bare.
                let not_counted = item
                    .subject
                    .is_some_and(|(a, _)| lex.classes.not_counted.contains(sent.low(a)));
                if not_counted && bare_without_subject(sent, f) {
                    continue;
                }
                let subject_text = item
                    .subject
                    .filter(|_| !not_counted)
                    .map(|(a, b)| sent.slice(a, b).trim_end_matches(['’', '\'']).to_string())
                    .filter(|s| !s.is_empty());
                let claimant =
                    claimant::find(&lookup, sent, f.first_token, f.end_token, f.start, f.end);
                let evidence_end = sent
                    .bytes(
                        f.first_token,
                        item.rate_end.max(item.subject.map(|s| s.1).unwrap_or(0)),
                    )
                    .map(|(_, e)| e)
                    .unwrap_or(f.end)
                    .max(f.end);
                let evidence_start = claimant
                    .as_ref()
                    .and_then(|c| c.source.span.as_ref())
                    .map(|s| s.start)
                    .filter(|&s| s >= s0)
                    .unwrap_or(f.start)
                    .min(f.start);
                let Some(span) = Span::of(&doc.text, evidence_start, evidence_end) else {
                    continue;
                };
                let (source, cue) = match claimant {
                    Some(c) => (c.source, c.cue),
                    None => (Source::unattributed(), None),
                };
                let hedges = sentence_hedges
                    .get_or_insert_with(|| hedge::hedges(lex, sentence_text))
                    .clone();
                let dated = sentence_dates.get_or_insert_with(|| lookup.dated_in(s0, s1));
                let time = time_for(dated, &fig_span, &span);
                claims.push(Claim {
                    id: format!("{}:quantity:{}", doc.id, claims.len()),
                    doc: doc.id.clone(),
                    sentence: si,
                    span,
                    source,
                    co_sources: Vec::new(),
                    quoted_by: None,
                    cue,
                    channel: None,
                    hedged: !hedges.is_empty(),
                    hedges,
                    time,
                    body: ClaimBody::Quantity {
                        quantity: quantity_of(&item, subject_text, fig_span),
                    },
                });
            }
        },
    );
    dollars_named_once(lex, &doc.text, &mut claims);
    claims
}

/// "earned 52 mln Australian dlrs ... sales rose to 1.2 billion dlrs": a
/// story that names one dollar other than the US one, and never the US
/// one, writes that dollar when it says "dlrs" or "$" alone.
fn dollars_named_once(lex: &Lexicon, text: &str, claims: &mut [Claim]) {
    let quantities = || {
        claims.iter().filter_map(|c| match &c.body {
            ClaimBody::Quantity { quantity } => Some(quantity),
            _ => None,
        })
    };
    let other_dollar = |id: &str| {
        lex.units
            .ids
            .get(id)
            .is_some_and(|u| u.dimension == "currency" && u.reference.ends_with(" dollar"))
    };
    let mut named: Option<String> = None;
    for q in quantities() {
        let Some(id) = q.unit.as_deref().filter(|id| other_dollar(id)) else {
            continue;
        };
        match &named {
            Some(n) if n != id => return,
            _ => named = Some(id.to_string()),
        }
    }
    let Some(dollar) = named else {
        return;
    };
    if !quantities().any(|q| q.unit.as_deref() == Some("USD")) {
        return;
    }
    let lower = text.to_lowercase();
    if lex.classes.us_dollar_name.iter().any(|n| lower.contains(n)) {
        return;
    }
    for c in claims.iter_mut() {
        if let ClaimBody::Quantity { quantity } = &mut c.body {
            if quantity.unit.as_deref() == Some("USD") {
                quantity.unit = Some(dollar.clone());
            }
        }
    }
}
