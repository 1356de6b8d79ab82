//! Error analysis on PolNeAR dev: prints the direct quotes crosscheck gets
//! wrong (`direct`: FP, FN and wrong sources) or the reported-speech
//! predictions that match no gold content (`reported`).
//!
//! `cargo run --release -p crosscheck-eval --example polnear_errors -- direct|reported|missed|stats|predictions`
//! (`missed`: gold contents no prediction overlaps, with whether their
//! sentence region holds a quote mark; `stats`: one line per direct
//! prediction, sourced or not and matched or not, to count with `sort | uniq -c`;
//! `sources`: every matched direct quote's gold and predicted source;
//! `cues`: the gold cues of direct quotes found without a source; `fpkind`:
//! what gold holds where a direct prediction matches no gold direct quote;
//! `splits`: gold direct quotes in several parts whose prediction stops
//! short, with the claims inside them; `pairs`: each two direct predictions
//! close together, with the text between them and whether gold holds them
//! as one content, `merged`, or two, `apart`; `bycue`: one line per
//! reported claim, its cue and whether any gold content overlaps it, to
//! count with `sort | uniq -c`). `CROSSCHECK_POLNEAR_SPLIT=fit` reads
//! the training articles instead of dev; the held-out split is refused.

use crosscheck_attribution::QuoteExtractor;
use crosscheck_eval::polnear::{self, document, predictions_from_claims, Article, Prediction};

/// One dev article with crosscheck's predictions on it.
struct Run<'a> {
    article: &'a Article,
    claims: Vec<crosscheck_model::Claim>,
    pred: Vec<Prediction>,
    chars: Vec<char>,
}

impl Run<'_> {
    fn show(&self, span: (usize, usize)) -> String {
        self.chars
            .get(span.0..span.1.min(self.chars.len()))
            .unwrap_or(&[])
            .iter()
            .collect()
    }

    fn overlap(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        polnear::spans_overlap(&self.chars, a, b)
    }
}

fn main() {
    let mode = std::env::args().nth(1);
    let dir = crosscheck_eval::default_shared_dir().join("data/polnear");
    // Errors are read on dev or on the training articles (`fit`), never on
    // the held-out split.
    let split = polnear::Split::from_env();
    if matches!(split, polnear::Split::Heldout) {
        eprintln!("polnear_errors: the held-out split is scored only, never read");
        return;
    }
    let articles = match polnear::load(&dir, &split) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("polnear_errors: {e}");
            return;
        }
    };
    let extractor = QuoteExtractor::new();
    for article in &articles {
        let claims = extractor.extract(&document(&article.name, &article.text));
        let run = Run {
            article,
            pred: predictions_from_claims(&article.text, &claims),
            chars: article.text.chars().collect(),
            claims,
        };
        match mode.as_deref() {
            Some("direct") => direct_errors(&run, false),
            Some("sources") => direct_errors(&run, true),
            Some("reported") => reported_errors(&run),
            Some("missed") => missed(&run),
            Some("stats") => direct_stats(&run),
            Some("cues") => unsourced_cues(&run),
            Some("fpkind") => fp_kinds(&run),
            Some("splits") => split_quotes(&run),
            Some("pairs") => direct_pairs(&run),
            Some("bycue") => by_cue(&run),
            Some("predictions") => {
                for p in &run.pred {
                    println!(
                        "{} {} {:?} | {}",
                        run.article.name,
                        p.direct,
                        p.source.map(|s| run.show(s)),
                        run.show(p.content).replace('\n', " ")
                    );
                }
            }
            _ => {
                eprintln!(
                    "usage: polnear_errors direct|reported|missed|stats|cues|fpkind|splits|predictions"
                );
                return;
            }
        }
    }
}

/// `sources`: every matched direct quote's gold and predicted source,
/// right (`OK`) or not (`SRC`), to compare what the right ones look like.
fn direct_errors(run: &Run, sources: bool) {
    let name = &run.article.name;
    let gold: Vec<_> = run.article.gold.iter().filter(|g| g.direct).collect();
    for p in run
        .pred
        .iter()
        .filter(|p| p.direct && !polnear::embedded(&run.chars, p.content.0))
    {
        match gold.iter().find(|g| run.overlap(g.content, p.content)) {
            None if sources => {}
            None => println!(
                "FP {name} source={} | {} || {}",
                p.source.is_some(),
                run.show(p.content),
                p.source.map(|s| run.show(s)).unwrap_or_default()
            ),
            Some(g) => {
                let same_source =
                    matches!((g.source, p.source), (Some(x), Some(y)) if run.overlap(x, y));
                if !same_source || sources {
                    println!(
                        "{} {name} | gold {:?} pred {:?} | {}",
                        if same_source { "OK" } else { "SRC" },
                        g.source.map(|s| run.show(s)),
                        p.source.map(|s| run.show(s)),
                        run.show(p.content).chars().take(80).collect::<String>()
                    );
                }
            }
        }
    }
    for g in gold.iter().filter(|_| !sources) {
        if !run
            .pred
            .iter()
            .any(|p| p.direct && run.overlap(g.content, p.content))
        {
            println!("FN {name} | {}", run.show(g.content));
        }
    }
}

fn reported_errors(run: &Run) {
    let gold = &run.article.gold;
    for p in run.pred.iter().filter(|p| !p.direct) {
        if !gold.iter().any(|g| run.overlap(g.content, p.content)) {
            let nearest = gold
                .iter()
                .find(|g| g.content.0 < p.content.1 && p.content.0 < g.content.1);
            println!(
                "RFP {} | {} || gold: {:?}",
                run.article.name,
                run.show(p.content),
                nearest.map(|g| run.show(g.content))
            );
        }
    }
}

fn missed(run: &Run) {
    for g in &run.article.gold {
        if run.pred.iter().any(|p| run.overlap(g.content, p.content)) {
            continue;
        }
        // The gold content with 60 characters either side.
        let lo = g.content.0.saturating_sub(60);
        let hi = (g.content.1 + 60).min(run.chars.len());
        let around = run.show((lo, hi)).replace('\n', " ");
        let quoted = around.contains(['“', '”', '"']);
        let partial = run
            .pred
            .iter()
            .find(|p| p.content.0 < g.content.1 && g.content.0 < p.content.1);
        println!(
            "MISS quote={} partial={} src={:?} cue={:?} | {} || {}{}",
            quoted,
            partial.is_some(),
            g.source.map(|s| run.show(s)),
            g.cue.map(|s| run.show(s)),
            run.show(g.content).replace('\n', " "),
            around,
            // What was predicted instead, where a prediction touches it.
            partial.map_or(String::new(), |p| format!(
                " || pred: {}",
                run.show(p.content).replace('\n', " ")
            ))
        );
    }
}

/// One line per direct prediction: whether it has a source, whether it
/// overlaps a gold direct content, and whether it matches one exactly.
/// The gold cue of each direct quote crosscheck finds but gives no source,
/// lower-cased, to count which cues the lexicon lacks.
fn unsourced_cues(run: &Run) {
    for g in run.article.gold.iter().filter(|g| g.direct) {
        let unsourced = run
            .pred
            .iter()
            .any(|p| p.direct && p.source.is_none() && run.overlap(g.content, p.content));
        if let (true, Some(cue)) = (unsourced, g.cue) {
            let context = (cue.0.saturating_sub(160), cue.1 + 60);
            println!(
                "CUE {} || {}",
                run.show(cue).to_lowercase().replace('\n', " "),
                run.show(context).replace('\n', " / ")
            );
        }
    }
}

fn direct_stats(run: &Run) {
    let gold: Vec<_> = run.article.gold.iter().filter(|g| g.direct).collect();
    for p in run
        .pred
        .iter()
        .filter(|p| p.direct && !polnear::embedded(&run.chars, p.content.0))
    {
        let near = gold.iter().find(|g| run.overlap(g.content, p.content));
        let exact = near.is_some_and(|g| polnear::spans_exact(&run.chars, g.content, p.content));
        let shown = |s: (usize, usize)| run.show(s).replace('\n', " ");
        println!(
            "STAT source={} hit={} exact={} | {} || gold: {}",
            p.source.is_some(),
            near.is_some(),
            exact,
            shown(p.content),
            near.map(|g| shown(g.content)).unwrap_or_default()
        );
    }
}

/// Each direct prediction no gold direct quote overlaps, with what gold
/// has there instead: `inside` (a larger gold content holds it), `other`
/// (a non-direct gold content overlaps it), `partial` (a gold content
/// touches it) or `none` (PolNeAR has no attribution there).
fn fp_kinds(run: &Run) {
    let gold = &run.article.gold;
    for p in run
        .pred
        .iter()
        .filter(|p| p.direct && !polnear::embedded(&run.chars, p.content.0))
    {
        if gold
            .iter()
            .any(|g| g.direct && run.overlap(g.content, p.content))
        {
            continue;
        }
        let touching: Vec<_> = gold
            .iter()
            .filter(|g| g.content.0 < p.content.1 && p.content.0 < g.content.1)
            .collect();
        let kind = if touching
            .iter()
            .any(|g| g.content.0 <= p.content.0 && p.content.1 <= g.content.1 + 2)
        {
            "inside"
        } else if touching.iter().any(|g| run.overlap(g.content, p.content)) {
            "other"
        } else if touching.is_empty() {
            "none"
        } else {
            "partial"
        };
        println!(
            "{kind} src={} {} | {} || {}",
            p.source.is_some(),
            run.article.name,
            run.show(p.content).replace('\n', " / "),
            touching
                .first()
                .map(|g| run.show(g.content).replace('\n', " / "))
                .unwrap_or_default()
        );
    }
}

/// `splits`: a gold direct quote in several parts (an attribution between
/// its marks) whose prediction from its start stops short: the claims
/// whose quotes lie inside it, with source, claim span and the text
/// between one claim's end and the next quote.
fn split_quotes(run: &Run) {
    let text = run.article.text.as_str();
    let to_char = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
    for g in run.article.gold.iter().filter(|g| g.direct) {
        let Some(p) = run
            .pred
            .iter()
            .find(|p| p.direct && p.content.0.abs_diff(g.content.0) <= 2)
        else {
            continue;
        };
        if p.content.1 + 2 >= g.content.1 {
            continue;
        }
        let inside: Vec<&crosscheck_model::Claim> = run
            .claims
            .iter()
            .filter(|c| {
                c.quote().is_some_and(|q| {
                    let (s, e) = (to_char(q.span.start), to_char(q.span.end));
                    s + 2 >= g.content.0 && e <= g.content.1 + 2
                })
            })
            .collect();
        if inside.len() < 2 {
            continue;
        }
        println!(
            "SPLIT {} | {}",
            run.article.name,
            run.show(g.content).replace('\n', " / ")
        );
        let mut prev_end: Option<usize> = None;
        for c in inside {
            let q = c.quote().map(|q| (q.direct, q.span.start, q.span.end));
            let Some((direct, qs, qe)) = q else { continue };
            let gap = prev_end
                .and_then(|e| text.get(e.min(qs)..qs))
                .unwrap_or("")
                .replace('\n', " / ");
            println!(
                "   direct={direct} name={:?} span={:?} claim_end={} gap={gap:?} | {}",
                c.source.name,
                c.source.span.as_ref().map(|s| s.text.as_str()),
                c.span.end,
                text.get(qs..qe)
                    .unwrap_or("")
                    .chars()
                    .take(50)
                    .collect::<String>()
            );
            prev_end = Some(c.span.end);
        }
    }
}

fn direct_pairs(run: &Run) {
    let mut direct: Vec<&Prediction> = run.pred.iter().filter(|p| p.direct).collect();
    direct.sort_by_key(|p| p.content);
    for w in direct.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.content.0 < a.content.1 || b.content.0 - a.content.1 > 250 {
            continue;
        }
        let covers = |g: &&polnear::GoldAttribution| {
            g.content.0 <= a.content.0 + 2 && g.content.1 + 2 >= b.content.1
        };
        let alone = |p: &Prediction| {
            run.article.gold.iter().any(|g| {
                run.overlap(g.content, p.content)
                    && !(g.content.0 <= a.content.0 + 2 && g.content.1 + 2 >= b.content.1)
            })
        };
        let class = if run.article.gold.iter().any(|g| covers(&g)) {
            "merged"
        } else if alone(a) && alone(b) {
            "apart"
        } else {
            "other"
        };
        println!(
            "{class}\t{}\t{}\t{}",
            a.source == b.source,
            run.show((a.content.1, b.content.0)).replace('\n', " / "),
            run.article.name
        );
    }
}

fn by_cue(run: &Run) {
    let text = run.article.text.as_str();
    let to_char = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
    for c in &run.claims {
        let Some(q) = c.quote().filter(|q| !q.direct) else {
            continue;
        };
        let span = (to_char(q.span.start), to_char(q.span.end));
        let hit = run
            .article
            .gold
            .iter()
            .any(|g| run.overlap(g.content, span));
        println!(
            "{}\t{}\t{}",
            c.cue.as_deref().unwrap_or("-").to_lowercase(),
            if hit { "match" } else { "none" },
            text.get(c.span.start..c.span.end)
                .unwrap_or("")
                .replace('\n', " ")
        );
    }
}
