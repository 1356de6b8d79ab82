//! Scorers measuring crosscheck against the public gold datasets: each module
//! reads one dataset at run time (never shipped with the project) and returns
//! its figures as an [`EvalReport`].

use std::fmt;
use std::path::{Path, PathBuf};

pub mod article_extraction;
pub mod conll2003;
pub mod golden_rules;
pub mod newswire_ner;
pub mod polnear;
pub mod quantities;
pub mod quantulum;
pub mod stories;
pub mod timebank;
pub mod wikiann;

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Precision, recall and F1 from true positives and the predicted and gold
/// counts (0 where a count is 0).
pub fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
    (p, r, f1(p, r))
}

/// Figures from one evaluation run.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Which evaluation.
    pub name: String,
    /// Named figures, e.g. ("f1", 0.97), ("passed", 47.0).
    pub figures: Vec<(String, f64)>,
    /// Human-readable detail (per-case failures, tables) printed after figures.
    pub detail: String,
}

impl EvalReport {
    /// An empty report for evaluation `name`.
    pub fn new(name: &str) -> EvalReport {
        EvalReport {
            name: name.to_string(),
            ..EvalReport::default()
        }
    }

    /// The value of figure `name`, if reported.
    pub fn figure(&self, name: &str) -> Option<f64> {
        self.figures
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }

    /// Adds figure `name` with `value`.
    pub fn push(&mut self, name: &str, value: f64) {
        self.figures.push((name.to_string(), value));
    }

    /// Adds a speed: `count` things in `secs` seconds, per second, rounded
    /// (a run too short to time counts as a nanosecond, not a division by
    /// zero).
    pub fn push_per_second(&mut self, name: &str, count: usize, secs: f64) {
        self.push(name, (count as f64 / secs.max(1e-9)).round());
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# {}", self.name)?;
        for (name, value) in &self.figures {
            if value.fract() == 0.0 && value.abs() < 1e12 {
                writeln!(f, "{name}: {value}")?;
            } else {
                writeln!(f, "{name}: {value:.4}")?;
            }
        }
        if !self.detail.is_empty() {
            writeln!(f, "\n{}", self.detail.trim_end())?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
/// Why an evaluation could not run.
pub enum EvalError {
    #[error("{path}: {source}")]
    /// A data file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        #[source]
        /// Why.
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    /// A data file is not what the scorer expects.
    Data {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

impl EvalError {
    /// A read error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> EvalError {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A format error in `path`.
    pub fn data(path: &Path, reason: impl Into<String>) -> EvalError {
        EvalError::Data {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}

/// Reads a whole file, mapping the error to one naming the file.
pub fn read_to_string(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}

/// The evaluations this crate knows, by command-line name.
pub const EVALUATIONS: &[(&str, &str)] = &[
    (
        "golden-rules",
        "sentence splitting on the English golden rules",
    ),
    (
        "article-extraction",
        "HTML body extraction on the article-extraction benchmark",
    ),
    (
        "polnear",
        "quote and source attribution on PolNeAR dev (CROSSCHECK_POLNEAR_SPLIT=dev|heldout|fit|DIR)",
    ),
    (
        "polnear-heldout",
        "quote and source attribution on the untouched held-out part of PolNeAR train",
    ),
    (
        "timebank",
        "TIMEX3 extraction and normalisation on TimeBank (TempEval-3)",
    ),
    ("quantulum", "figures on the quantulum3 test sentences"),
    (
        "quantities",
        "quantities by the CQE conventions: value F1 on the CQE sets, quantulum3 suite and news dev set; unit accuracy",
    ),
    (
        "wikiann",
        "named entities on the WikiANN English test split",
    ),
    (
        "conll2003",
        "named entities on CoNLL-2003 English dev (tuned on)",
    ),
    (
        "conll2003-holdout",
        "named entities on the CoNLL-2003 training documents the model never saw",
    ),
    (
        "conll2003-test",
        "named entities on data/conll2003/test.conllu, where a copy is kept",
    ),
    (
        "newswire-ner",
        "named entities on hand-annotated Reuters-21578 newswire (CoNLL conventions)",
    ),
    (
        "newswire-ner-tune",
        "the same, tune half only, with every error listed (the test half is not read)",
    ),
    (
        "stories",
        "story clustering on hand-grouped Reuters-21578 windows (pairwise and B-cubed F1)",
    ),
];

/// Runs one evaluation by name against the shared data directory (the
/// folder holding `data/` and `corpus/`).
pub fn run(name: &str, shared: &Path) -> Result<EvalReport, EvalError> {
    let data = shared.join("data");
    match name {
        "golden-rules" => golden_rules::evaluate(&data.join("golden-rules")),
        "article-extraction" => article_extraction::evaluate(&data.join("article-extraction")),
        "polnear" => polnear::evaluate(&data.join("polnear"), &polnear::Split::from_env()),
        "polnear-heldout" => polnear::evaluate(&data.join("polnear"), &polnear::Split::Heldout),
        "timebank" => timebank::evaluate(&data.join("timebank")),
        "quantulum" => quantulum::evaluate(&data.join("quantulum3-tests")),
        "quantities" => quantities::evaluate(shared),
        "wikiann" => wikiann::evaluate(&data.join("wikiann-en")),
        "conll2003" => conll2003::evaluate(&data.join("conll2003")),
        "conll2003-holdout" => conll2003::evaluate_holdout(&data.join("conll2003")),
        "conll2003-test" => conll2003::evaluate_file(&data.join("conll2003/test.conllu")),
        // Reads the Reuters corpus as well as its gold, so it takes the
        // shared folder itself.
        "newswire-ner" => newswire_ner::evaluate(shared),
        "newswire-ner-tune" => newswire_ner::evaluate_tune(shared),
        "stories" => stories::evaluate(shared),
        other => Err(EvalError::data(Path::new(other), "unknown evaluation")),
    }
}

/// `../shared` next to the repository, as CI lays it out; overridable with
/// `CROSSCHECK_SHARED`.
pub fn default_shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CROSSCHECK_SHARED") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}
