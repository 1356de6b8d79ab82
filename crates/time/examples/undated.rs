//! How well the text alone dates a document: every TimeBank document and
//! every Reuters-21578 story is read WITHOUT its date, and what the text
//! gives is checked against the real one.
//!
//! `cargo run --release -p crosscheck-time --example undated [SHARED_DIR]`
//!
//! Per corpus it prints: how many documents get an estimate, how often its
//! lower bound (and upper bound, where there is one) holds, how far the lower
//! bound lies before the real date (crosscheck-analyze resolves relative
//! expressions of undated documents against it); and
//! for year-less dates ("April 27", "late March") that the text alone placed
//! in a year, how often that year is right. On TimeBank "right" means equal
//! to the gold TIMEX3 value of the overlapping gold span; on Reuters (no
//! gold) it means equal to the value the same expression gets when the
//! story's real date is the anchor.

use std::path::{Path, PathBuf};

use crosscheck_text::TokenLayer;
use crosscheck_time::{NaiveDate, TimeNormalizer};

#[derive(Default)]
struct Tally {
    documents: usize,
    estimated: usize,
    lower_holds: usize,
    with_upper: usize,
    upper_holds: usize,
    anchored: usize,
    anchor_gaps: Vec<i64>,
    placed: usize,
    placed_right: usize,
    unresolved: usize,
}

impl Tally {
    fn print(&self, name: &str) {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let mut gaps = self.anchor_gaps.clone();
        gaps.sort_unstable();
        let at = |q: f64| {
            let idx = ((gaps.len() as f64 - 1.0) * q).round() as usize;
            gaps.get(idx).copied().unwrap_or(0)
        };
        println!("# {name}");
        println!("documents: {}", self.documents);
        println!(
            "with estimate: {} ({:.1}%)",
            self.estimated,
            pct(self.estimated, self.documents)
        );
        println!(
            "lower bound <= real date: {} of {} ({:.1}%)",
            self.lower_holds,
            self.estimated,
            pct(self.lower_holds, self.estimated)
        );
        println!(
            "upper bound >= real date: {} of {} ({:.1}%)",
            self.upper_holds,
            self.with_upper,
            pct(self.upper_holds, self.with_upper)
        );
        println!(
            "lower bound used as anchor: {} ({:.1}%), within 0..=31 days before the real date: {}; days before the real date: median {}, 90th pct {}, max {}, negative (after the real date) {}",
            self.anchored,
            pct(self.anchored, self.documents),
            gaps.iter().filter(|g| (0..=31).contains(*g)).count(),
            at(0.5),
            at(0.9),
            gaps.last().copied().unwrap_or(0),
            gaps.iter().filter(|g| **g < 0).count()
        );
        println!(
            "year-less dates placed by the text: {}, year right {} ({:.1}%); left unresolved (XXXX): {}",
            self.placed,
            self.placed_right,
            pct(self.placed_right, self.placed),
            self.unresolved
        );
        println!();
    }
}

/// The estimate and anchor for `text` read without a date, against `real`.
fn score_dating(tally: &mut Tally, normalizer: &TimeNormalizer, text: &str, real: NaiveDate) {
    tally.documents += 1;
    let exprs = normalizer.extract_text(text, None);
    if let Some(est) =
        TimeNormalizer::new().estimate_publication_date(text, &TokenLayer::new(text, &[]), &exprs)
    {
        tally.estimated += 1;
        if est.earliest.is_none_or(|e| e <= real) {
            tally.lower_holds += 1;
        } else if std::env::var_os("UNDATED_SHOW").is_some() {
            println!("LOWER {real} {:?} | {}", est.earliest, est.basis);
        }
        if let Some(latest) = est.latest {
            tally.with_upper += 1;
            if latest >= real {
                tally.upper_holds += 1;
            } else if std::env::var_os("UNDATED_SHOW").is_some() {
                println!("UPPER {real} {latest} | {}", est.basis);
            }
        }
    }
    // What crosscheck-analyze re-extracts against today: the lower bound.
    if let Some(anchor) = TimeNormalizer::new()
        .estimate_publication_date(text, &TokenLayer::new(text, &[]), &exprs)
        .and_then(|e| e.earliest)
    {
        tally.anchored += 1;
        tally.anchor_gaps.push((real - anchor).num_days());
    }
}

/// Year-less month/day expressions: their words state no year.
fn year_less(text: &str, value: &str) -> bool {
    let month_like = value.len() >= 7 && value.as_bytes().get(4) == Some(&b'-');
    let month_digits = value
        .get(5..7)
        .is_some_and(|m| m.bytes().all(|b| b.is_ascii_digit()));
    let states_year = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.len() >= 4 && w.bytes().take(4).all(|b| b.is_ascii_digit()))
        || text.contains(['\'', '’']);
    month_like && month_digits && !states_year
}

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let normalizer = TimeNormalizer::new();
    timebank(&shared.join("data/timebank"), &normalizer);
    reuters(
        &shared.join("corpus/reuters21578/reuters21578.jsonl"),
        &normalizer,
    );
}

fn timebank(dir: &Path, normalizer: &TimeNormalizer) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("SKIPPED: no TimeBank at {}", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    let mut tally = Tally::default();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
    {
        let Ok(xml) = std::fs::read_to_string(path) else {
            continue;
        };
        let Some(doc) = parse_tml(&xml) else {
            continue;
        };
        let Some(dct) = doc.dct else { continue };
        score_dating(&mut tally, normalizer, &doc.text, dct);
        for e in normalizer.extract_text(&doc.text, None) {
            if !year_less(&e.text, &e.value) {
                continue;
            }
            let gold = doc
                .timexes
                .iter()
                .find(|g| g.start < e.span.end && e.span.start < g.end);
            let Some(gold) = gold else { continue };
            // Only gold values with a year can judge the year.
            if !gold.value.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if e.value.starts_with('X') {
                tally.unresolved += 1;
            } else {
                tally.placed += 1;
                if e.value == gold.value {
                    tally.placed_right += 1;
                } else if std::env::var_os("UNDATED_SHOW").is_some() {
                    let from = e.span.start.saturating_sub(150);
                    let ctx = doc
                        .text
                        .get(from..e.span.end)
                        .unwrap_or("")
                        .replace('\n', " ");
                    println!("PLACED {} gold {} dct {dct} | {ctx}", e.value, gold.value);
                }
            }
        }
    }
    tally.print("TimeBank (183 documents, dates withheld)");
}

fn reuters(path: &Path, normalizer: &TimeNormalizer) {
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("SKIPPED: no Reuters corpus at {}", path.display());
        return;
    };
    let mut tally = Tally::default();
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(text), Some(real)) = (
            v.get("text").and_then(|t| t.as_str()),
            v.get("published")
                .and_then(|p| p.as_str())
                .and_then(|p| p.get(..11))
                .and_then(|p| NaiveDate::parse_from_str(p, "%d-%b-%Y").ok()),
        ) else {
            continue;
        };
        score_dating(&mut tally, normalizer, text, real);
        let anchored = normalizer.extract_text(text, Some(real));
        for e in normalizer.extract_text(text, None) {
            if !year_less(&e.text, &e.value) {
                continue;
            }
            if e.value.starts_with('X') {
                tally.unresolved += 1;
                continue;
            }
            let reference = anchored.iter().find(|a| a.span == e.span);
            if let Some(reference) = reference {
                tally.placed += 1;
                if reference.value == e.value {
                    tally.placed_right += 1;
                } else if std::env::var_os("UNDATED_SHOW").is_some() {
                    let from = e.span.start.saturating_sub(150);
                    let ctx = text.get(from..e.span.end).unwrap_or("").replace('\n', " ");
                    println!(
                        "PLACED {} ref {} real {real} | {ctx}",
                        e.value, reference.value
                    );
                }
            }
        }
    }
    tally.print("Reuters-21578 (dates withheld; reference = value with the real date as anchor)");
}

struct GoldTimex {
    start: usize,
    end: usize,
    value: String,
}

struct GoldDoc {
    text: String,
    dct: Option<NaiveDate>,
    timexes: Vec<GoldTimex>,
}

/// The `<TEXT>` of a TimeML file with tags stripped, its TIMEX3 byte spans
/// and values, and its creation date.
fn parse_tml(xml: &str) -> Option<GoldDoc> {
    let dct = xml.find("<DCT>").and_then(|at| {
        let end = xml.get(at..)?.find("</DCT>")? + at;
        let value = attr(xml.get(at..end)?, "value")?;
        NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
    });
    let start = xml.find("<TEXT>")? + "<TEXT>".len();
    let end = xml.get(start..)?.find("</TEXT>")? + start;
    let mut rest = xml.get(start..end)?;
    let mut text = String::with_capacity(rest.len());
    let mut timexes = Vec::new();
    let mut open: Option<GoldTimex> = None;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let close = rest.find('>')?;
            let tag = rest.get(1..close)?;
            if tag.starts_with("TIMEX3") {
                open = Some(GoldTimex {
                    start: text.len(),
                    end: text.len(),
                    value: attr(tag, "value").unwrap_or("").to_string(),
                });
            } else if tag == "/TIMEX3" {
                if let Some(mut t) = open.take() {
                    t.end = text.len();
                    timexes.push(t);
                }
            }
            rest = rest.get(close + 1..)?;
            continue;
        }
        if c == '&' {
            let entity = [
                ("&amp;", '&'),
                ("&lt;", '<'),
                ("&gt;", '>'),
                ("&quot;", '"'),
                ("&apos;", '\''),
            ]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e));
            if let Some((e, ch)) = entity {
                text.push(ch);
                rest = rest.get(e.len()..)?;
                continue;
            }
        }
        text.push(c);
        rest = rest.get(c.len_utf8()..)?;
    }
    Some(GoldDoc { text, dct, timexes })
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag.get(at..)?.find('"')?;
    tag.get(at..at + len)
}
