//! The temporal lexicon: `data/lexicon.tsv` and the shared month names,
//! parsed once.

use std::sync::{Arc, LazyLock};

use crosscheck_lexicon::{entries, shared, FxHashMap as HashMap, FxHashSet as HashSet};

/// The words the temporal grammar reads: months, weekdays, numbers, units,
/// cues. [`Lexicon::standard`] is parsed once and shared; tests may build
/// their own with [`Lexicon::parse`].
#[derive(Debug, Default)]
pub struct Lexicon {
    pub(crate) months: HashMap<String, u32>,
    pub(crate) weekdays: HashMap<String, u32>,
    pub(crate) numbers: HashMap<String, u32>,
    /// Count words without a value ("several") → "X", or a value ("couple").
    pub(crate) vague: HashMap<String, String>,
    /// The same as word lists, longest first.
    pub(crate) vague_phrases: Vec<(Vec<String>, String)>,
    pub(crate) ordinals: HashMap<String, u32>,
    pub(crate) units: HashMap<String, &'static str>,
    pub(crate) parts: HashMap<String, &'static str>,
    pub(crate) seasons: HashMap<String, &'static str>,
    pub(crate) directions: HashMap<String, i32>,
    pub(crate) deictic: HashMap<String, i64>,
    pub(crate) references: HashMap<String, &'static str>,
    /// Multi-word modifiers as word lists ("the end of").
    pub(crate) modifiers: Vec<(Vec<String>, &'static str)>,
    pub(crate) sets: HashMap<String, &'static str>,
    pub(crate) future_cues: Vec<String>,
    /// Words before a year-less date that place it after the last stated date.
    pub(crate) later_cues: Vec<String>,
    /// Words before a year-less date that place it before the last stated date.
    pub(crate) earlier_cues: Vec<String>,
    /// Words before a stated date that make it the start of the story told.
    pub(crate) start_cues: Vec<String>,
    /// Words that put a dated event in the writer's future.
    pub(crate) future_markers: Vec<String>,
    /// Superlatives and the like before "since": a comparison, not a start.
    pub(crate) comparisons: Vec<String>,
    /// Words right before a date that make it the end of a period.
    pub(crate) endpoints: Vec<String>,
    /// Determiners: "due to the ..." is causal.
    pub(crate) determiners: Vec<String>,
    /// Past-tense words besides regular -ed forms.
    pub(crate) past_words: Vec<String>,
    /// -ed words that are not past-tense verbs.
    pub(crate) not_past: Vec<String>,
    pub(crate) timezones: Vec<String>,
    /// Words before a bare "May"/"March" that make it a month.
    pub(crate) month_cues: Vec<String>,
    /// Words after a bare "May"/"March" that make it a verb or noun.
    pub(crate) not_month_after: Vec<String>,
    /// Words an expression can start with; other tokens are skipped at once.
    pub(crate) triggers: HashSet<String>,
}

/// Words the grammar itself starts rules with (beyond the lexicon entries).
const GRAMMAR_STARTS: &[&str] = &[
    "the", "fiscal", "year", "that", "same", "latest", "recent", "every", "each", "per", "current",
    "as", "noon", "midnight", "weekend", "first", "final", "q1", "q2", "q3", "q4",
];

static STANDARD: LazyLock<Arc<Lexicon>> =
    LazyLock::new(|| Arc::new(Lexicon::parse(include_str!("../data/lexicon.tsv"))));

/// Interns a value from the data file so that lookups hand out `&'static str`.
fn intern(value: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "TS",
        "TM",
        "TH",
        "D",
        "W",
        "WE",
        "M",
        "Q",
        "Y",
        "DE",
        "CE",
        "MO",
        "AF",
        "EV",
        "NI",
        "SP",
        "SU",
        "FA",
        "WI",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P1D",
        "P1W",
        "P1M",
        "P1Y",
        "START",
        "END",
        "MID",
        "APPROX",
        "LESS",
        "MORE",
    ];
    KNOWN.iter().copied().find(|k| *k == value).unwrap_or("X")
}

impl Lexicon {
    /// The lexicon of `data/lexicon.tsv` and the shared month names.
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// A lexicon from lines `category <TAB> word <TAB> value` (see
    /// `data/lexicon.tsv`), with the shared month names.
    pub fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for (month, number) in shared::months() {
            lex.months.insert(month.to_string(), number);
        }
        for entry in entries(data) {
            let (Some(cat), Some(word)) = (entry.column(0), entry.column(1)) else {
                continue;
            };
            let value = entry.column(2).unwrap_or("");
            let word = word.to_string();
            let num = value.parse::<u32>().ok();
            match cat {
                "month" => insert_num(&mut lex.months, word, num),
                "weekday" => insert_num(&mut lex.weekdays, word, num),
                "number" => insert_num(&mut lex.numbers, word, num),
                "ordinal" => insert_num(&mut lex.ordinals, word, num),
                "vague" => {
                    lex.vague.insert(word, value.to_string());
                }
                "unit" => {
                    lex.units.insert(word, intern(value));
                }
                "part" => {
                    lex.parts.insert(word, intern(value));
                }
                "season" => {
                    lex.seasons.insert(word, intern(value));
                }
                "reference" => {
                    lex.references.insert(word, intern(value));
                }
                "set" => {
                    lex.sets.insert(word, intern(value));
                }
                "direction" => {
                    if let Ok(d) = value.parse() {
                        lex.directions.insert(word, d);
                    }
                }
                "deictic" => {
                    if let Ok(d) = value.parse() {
                        lex.deictic.insert(word, d);
                    }
                }
                "modifier" => lex.modifiers.push((
                    word.split_whitespace().map(str::to_string).collect(),
                    intern(value),
                )),
                "future" => lex.future_cues.push(word),
                "later" => lex.later_cues.push(word),
                "earlier" => lex.earlier_cues.push(word),
                "start" => lex.start_cues.push(word),
                "future_marker" => lex.future_markers.push(word),
                "comparison" => lex.comparisons.push(word),
                "endpoint" => lex.endpoints.push(word),
                "determiner" => lex.determiners.push(word),
                "past" => lex.past_words.push(word),
                "not_past" => lex.not_past.push(word),
                "timezone" => lex.timezones.push(word),
                "month_cue" => lex.month_cues.push(word),
                "not_month_after" => lex.not_month_after.push(word),
                _ => {}
            }
        }
        let mut triggers: HashSet<String> = GRAMMAR_STARTS.iter().map(|w| w.to_string()).collect();
        for map in [&lex.months, &lex.weekdays, &lex.numbers, &lex.ordinals] {
            triggers.extend(map.keys().cloned());
        }
        for map in [
            &lex.units,
            &lex.parts,
            &lex.seasons,
            &lex.references,
            &lex.sets,
        ] {
            triggers.extend(map.keys().cloned());
        }
        triggers.extend(lex.directions.keys().cloned());
        triggers.extend(lex.deictic.keys().cloned());
        triggers.extend(
            lex.vague
                .keys()
                .filter_map(|k| k.split_whitespace().next())
                .map(str::to_string),
        );
        triggers.extend(lex.modifiers.iter().filter_map(|(m, _)| m.first().cloned()));
        lex.triggers = triggers;
        lex.vague_phrases = lex
            .vague
            .iter()
            .map(|(k, v)| {
                (
                    k.split_whitespace().map(str::to_string).collect(),
                    v.clone(),
                )
            })
            .collect();
        lex.vague_phrases
            .sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        // Longest modifiers first so "no more than" wins over "more than".
        lex.modifiers
            .sort_by_key(|(m, _)| std::cmp::Reverse(m.len()));
        lex
    }
}

fn insert_num(map: &mut HashMap<String, u32>, word: String, num: Option<u32>) {
    if let Some(n) = num {
        map.insert(word, n);
    }
}
