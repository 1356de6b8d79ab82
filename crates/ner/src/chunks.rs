//! Names as token ranges: chunks of the tagger's labels (and of IOB
//! labels, conlleval-style: an `I-X` after `O` or another type starts a
//! chunk), and the two rules that reshape them before they are typed: a
//! country's full name replaces the names inside it, and an organisation's
//! head word with "for"/"of" joins the next name.

use crate::gazetteer::Place;
use crate::lexicon::Lexicon;

/// A tagger piece: token range `[start, end)` in a sentence and its type.
pub(crate) type Piece = (usize, usize, String);

/// The name of a company without its legal form ("Varity Corp" → "Varity",
/// "Quarry Hill Co Ltd" → "Quarry Hill"; the legal forms are the
/// lexicon's, `data/company_suffixes.txt`), as folded words; `None` when
/// the name has no legal form or is nothing else.
pub(crate) fn company_short_name<'a>(
    lex: &Lexicon,
    folded: &'a [&'a str],
) -> Option<&'a [&'a str]> {
    let mut end = folded.len();
    while end > 0
        && folded
            .get(end - 1)
            .is_some_and(|f| lex.company_suffixes.contains(*f))
    {
        end -= 1;
    }
    (end > 0 && end < folded.len())
        .then(|| folded.get(..end))
        .flatten()
}

/// A country's gazetteer name of three words or more ("Democratic
/// People's Republic of Korea") covering whole names replaces them, as a
/// place.
pub(crate) fn merge_into_country_names(
    matches: &[Option<(usize, Place)>],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let mut out = pieces;
    for (i, m) in matches.iter().enumerate() {
        let Some((n, Place::Country(_))) = m else {
            continue;
        };
        let end = i + n;
        if *n < 3
            || out
                .iter()
                .any(|p| p.0 < end && p.1 > i && (p.0 < i || p.1 > end))
        {
            continue;
        }
        if !out.iter().any(|p| p.0 >= i && p.1 <= end) {
            continue;
        }
        out.retain(|p| !(p.0 >= i && p.1 <= end));
        out.push((i, end, "LOC".to_string()));
    }
    out.sort_by_key(|p| p.0);
    out
}

/// An organisation's head word ("Centre", "Institute", "Committee";
/// `data/org_heads.txt`) ending a name, then "for" or "of", then the next
/// name: one organisation ("Ukrainian Centre for Countering
/// Disinformation").
pub(crate) fn join_organisations_of(
    lex: &Lexicon,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        if let Some(last) = out.last_mut() {
            let head = last
                .1
                .checked_sub(1)
                .and_then(|i| folded.get(i))
                .is_some_and(|f| lex.org_heads.contains(*f));
            let joint = words
                .get(last.1)
                .is_some_and(|w| matches!(*w, "for" | "of"));
            if head && joint && p.0 == last.1 + 1 {
                last.1 = p.1;
                last.2 = "ORG".to_string();
                continue;
            }
        }
        out.push(p);
    }
    out
}

/// "Thomas and Betts Corp", "Parker and Parsley Petroleum Co": a one-word
/// name the tagger read as a person (or left out), "and" or "&", then a
/// company name ending in a legal form, is one company. A left part the
/// tagger read as an organisation or a place stays apart ("Chrysler and
/// Ford Motor Co").
pub(crate) fn join_coordinated_companies(
    lex: &Lexicon,
    words: &[&str],
    folded: &[&str],
    pieces: Vec<Piece>,
) -> Vec<Piece> {
    let legal_end = |p: &Piece| {
        p.2 == "ORG"
            && p.1
                .checked_sub(1)
                .and_then(|i| folded.get(i))
                .is_some_and(|f| lex.company_suffixes.contains(*f))
    };
    let capitalised = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        let joint = p.0 >= 2
            && words
                .get(p.0 - 1)
                .is_some_and(|w| matches!(*w, "and" | "&"))
            && legal_end(&p);
        if joint {
            let left = p.0 - 2;
            // The left part: a one-word person chunk, or one capitalised
            // word outside any chunk.
            let person = out
                .last()
                .is_some_and(|l| l.2 == "PER" && l.1 == p.0 - 1 && l.0 == left);
            let bare = out.last().is_none_or(|l| l.1 <= left)
                && capitalised(left)
                && (left == 0 || !capitalised(left - 1));
            if person {
                if let Some(l) = out.last_mut() {
                    *l = (left, p.1, "ORG".to_string());
                }
                continue;
            }
            if bare && left > 0 {
                out.push((left, p.1, "ORG".to_string()));
                continue;
            }
        }
        out.push(p);
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

/// Chunks of the tagger's BILOU label indices (see `bilou.rs`).
pub(crate) fn chunks_of_indices(labels: &[u8]) -> Vec<Chunk> {
    crate::bilou::spans(labels)
        .into_iter()
        .map(|s| Chunk {
            start: s.start,
            end: s.end,
            kind: s.type_name().to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;
    use crate::tokens::text_tokens;

    fn words(text: &str) -> Vec<&str> {
        text_tokens(text).1.iter().map(|t| t.text(text)).collect()
    }

    fn show(words: &[&str], pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .map(|(a, b, k)| format!("{} {k}", words[*a..*b].join(" ")))
            .collect()
    }

    #[test]
    fn coordinated_company_names_join() {
        // (sentence, tagger's pieces as (start, end, type), expected names)
        let p = |a: usize, b: usize, k: &str| (a, b, k.to_string());
        let cases: Vec<(&str, Vec<Piece>, Vec<&str>)> = vec![
            (
                "Harlow and Vine Corp said it sold",
                vec![p(0, 1, "PER"), p(2, 4, "ORG")],
                vec!["Harlow and Vine Corp ORG"],
            ),
            (
                "shares of Tessel & Marr Ltd rose",
                vec![p(4, 6, "ORG")],
                vec!["Tessel & Marr Ltd ORG"],
            ),
            // A left part read as an organisation stays apart.
            (
                "Orvane and Dellick Co agreed",
                vec![p(0, 1, "ORG"), p(2, 4, "ORG")],
                vec!["Orvane ORG", "Dellick Co ORG"],
            ),
            // No legal form: nothing joins.
            (
                "Mara Vell and Kessler Group met",
                vec![p(0, 2, "PER"), p(3, 5, "ORG")],
                vec!["Mara Vell PER", "Kessler Group ORG"],
            ),
        ];
        for (text, pieces, want) in cases {
            let w = words(text);
            let folded: Vec<String> = w.iter().map(|x| fold(x)).collect();
            let folded: Vec<&str> = folded.iter().map(String::as_str).collect();
            let joined = join_coordinated_companies(&Lexicon::standard(), &w, &folded, pieces);
            assert_eq!(show(&w, &joined), want, "{text}");
        }
    }

    #[test]
    fn full_country_names_replace_the_names_inside() {
        let text = "troops of the Democratic People 's Republic of Korea crossed";
        let w = words(text);
        let folded: Vec<String> = w.iter().map(|x| fold(x)).collect();
        let lex = Lexicon::standard();
        let gaz = &lex.gazetteer;
        let matches: Vec<Option<(usize, Place)>> = (0..w.len())
            .map(|i| gaz.longest_match_folded(&w, &folded, i))
            .collect();
        let pieces = vec![(3, 4, "MISC".to_string()), (6, 9, "LOC".to_string())];
        assert_eq!(
            show(&w, &merge_into_country_names(&matches, pieces)),
            ["Democratic People 's Republic of Korea LOC"]
        );
    }

    #[test]
    fn organisation_heads_join_the_next_name() {
        type Case<'a> = (&'a str, &'a [(usize, usize, &'a str)], &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "the Valdorian Centre for Countering Fraud said",
                &[(1, 3, "LOC"), (4, 6, "PER")],
                &["Valdorian Centre for Countering Fraud ORG"],
            ),
            (
                "Ana Ruiz of Marvonia said",
                &[(0, 2, "PER"), (3, 4, "LOC")],
                &["Ana Ruiz PER", "Marvonia LOC"],
            ),
        ];
        for (text, pieces, want) in cases {
            let w = words(text);
            let folded: Vec<String> = w.iter().map(|x| fold(x)).collect();
            let f: Vec<&str> = folded.iter().map(String::as_str).collect();
            let pieces: Vec<Piece> = pieces
                .iter()
                .map(|(a, b, k)| (*a, *b, k.to_string()))
                .collect();
            assert_eq!(
                show(
                    &w,
                    &join_organisations_of(&Lexicon::standard(), &w, &f, pieces)
                ),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn company_names_without_legal_forms() {
        let lex = Lexicon::standard();
        let company_short_name = |f| company_short_name(&lex, f);
        assert_eq!(
            company_short_name(&["varity", "corp"]),
            Some(&["varity"][..])
        );
        assert_eq!(
            company_short_name(&["quarry", "hill", "co", "ltd"]),
            Some(&["quarry", "hill"][..])
        );
        assert_eq!(company_short_name(&["corp"]), None);
        assert_eq!(company_short_name(&["varity"]), None);
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
