//! One document in; sentences, tokens, time expressions, entity mentions and
//! claims (quotes, quantities, stances) out.
//!
//! The work is a [`Pipeline`]: an explicit, ordered list of [`Stage`]s, each
//! declaring what it reads and writes on the [`DocContext`] (the document,
//! its token layer and the claims so far). [`Pipeline::new`] checks that
//! every stage reads only what ingest or an earlier stage wrote. Adding an
//! extractor is one module in `stages/` and one line in
//! [`stages::standard`]; timings per stage come with every pipeline
//! ([`Pipeline::run_profiled`]).

mod pipeline;
mod stage;
pub mod stages;

use crosscheck_model::{Claim, Document};
pub use crosscheck_text::DocContext;

pub use pipeline::{OrderError, Pipeline};
pub use stage::{Slot, Stage, StageTimes};

/// A document with its sentences, times and mentions filled, and its claims.
#[derive(Debug, Clone)]
pub struct AnalyzedDocument {
    /// The document with its analysis fields filled.
    pub document: Document,
    /// Its claims, in text order.
    pub claims: Vec<Claim>,
}

impl From<DocContext> for AnalyzedDocument {
    fn from(ctx: DocContext) -> AnalyzedDocument {
        AnalyzedDocument {
            document: ctx.doc,
            claims: ctx.claims,
        }
    }
}

/// Runs a pipeline of per-document stages (every stage by default). Build
/// once, share across threads.
#[derive(Debug)]
pub struct Analyzer {
    pipeline: Pipeline,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::new()
    }
}

impl Analyzer {
    /// Every per-document stage, in the standard order.
    pub fn new() -> Analyzer {
        Analyzer {
            pipeline: Pipeline::standard(),
        }
    }

    /// An analyzer running `pipeline`.
    pub fn with_pipeline(pipeline: Pipeline) -> Analyzer {
        Analyzer { pipeline }
    }

    /// The stages this analyzer runs.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Runs every stage on one document.
    pub fn analyze(&self, doc: Document) -> AnalyzedDocument {
        let mut ctx = DocContext::new(doc);
        self.pipeline.run(&mut ctx);
        ctx.into()
    }

    /// Like [`Analyzer::analyze`], adding the time each stage took to
    /// `times` (made by [`Pipeline::times`]).
    pub fn analyze_profiled(&self, doc: Document, times: &mut StageTimes) -> AnalyzedDocument {
        let mut ctx = DocContext::new(doc);
        self.pipeline.run_profiled(&mut ctx, times);
        ctx.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::SourceKind;

    #[test]
    fn the_standard_order_is_valid() {
        let pipeline = Pipeline::new(stages::standard());
        assert!(pipeline.is_ok(), "{pipeline:?}");
        // Sentences and tokens come first; what qualifies every claim last.
        let names: Vec<&str> = Pipeline::standard().names().collect();
        assert_eq!(names.first(), Some(&"sentences"));
        assert_eq!(names.last(), Some(&"qualify"));
        // Each stage is listed under the name it gives itself.
        assert!(names.iter().copied().eq(stages::standard_names()));
    }

    #[test]
    fn a_stage_before_what_it_reads_is_refused() {
        let mut order = stages::standard();
        order.swap(0, 1);
        let err = Pipeline::new(order).unwrap_err();
        assert_eq!(
            err,
            OrderError::Unwritten {
                stage: "tokens",
                slot: Slot::Sentences
            }
        );
    }

    #[test]
    fn a_subset_runs_only_its_stages_and_times_them() {
        let only = Pipeline::standard_only(&["sentences", "tokens", "quotes"]).unwrap();
        let analyzer = Analyzer::with_pipeline(only);
        let doc = Document {
            id: "d".to_string(),
            text: "“We stay,” said Ada Vell. It rained on Monday.".to_string(),
            ..Document::default()
        };
        let mut times = analyzer.pipeline().times();
        let done = analyzer.analyze_profiled(doc, &mut times);
        assert_eq!(done.document.sentences.len(), 2);
        assert!(
            done.document.time_expressions.is_empty(),
            "times did not run"
        );
        assert_eq!(done.claims.len(), 1);
        let names: Vec<&str> = times.stages().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["sentences", "tokens", "quotes"]);
        let unknown = Pipeline::standard_only(&["nothing"]).expect_err("no such stage");
        // The error lists the names there are.
        assert!(
            unknown.to_string().contains("sentences, tokens"),
            "{unknown}"
        );
    }

    /// A stance is dated by its own clause: another clause's date does not
    /// date it, a leading adverbial does.
    #[test]
    fn a_stance_takes_only_its_own_clauses_date() {
        let analyzer = Analyzer::new();
        let stance_times = |text: &str| -> Vec<(String, Option<String>)> {
            let doc = Document {
                id: "d".to_string(),
                text: text.to_string(),
                published: chrono::NaiveDate::from_ymd_opt(2026, 3, 12),
                ..Document::default()
            };
            analyzer
                .analyze(doc)
                .claims
                .iter()
                .filter_map(|c| {
                    let actor = c.stance()?.actor.clone();
                    Some((actor, c.time.as_ref().map(|t| t.text.clone())))
                })
                .collect()
        };
        let got = stance_times(
            "Tarsenia claimed on Monday that its troops had taken the ridge, a claim Valdoria denies.",
        );
        assert!(got.contains(&("Valdoria".to_string(), None)), "{got:?}");
        // A duration says how long, not when the estimate was made.
        let got = stance_times(
            "The Valdorian ministry estimates the repairs need roughly four more months of work.",
        );
        assert_eq!(got, vec![("The Valdorian ministry".to_string(), None)]);
        let got =
            stance_times("On Monday, the Valdorian ministry denied that the ridge had fallen.");
        assert_eq!(
            got,
            vec![(
                "the Valdorian ministry".to_string(),
                Some("Monday".to_string())
            )]
        );
    }

    /// The source names of the quote claims of `text`, in order.
    fn quote_source_names(analyzer: &Analyzer, text: &str) -> Vec<Option<String>> {
        quote_sources(analyzer, text)
            .into_iter()
            .map(|(name, _, _)| name)
            .collect()
    }

    /// The source (name, kind, role) of every quote claim the whole
    /// pipeline finds in `text`.
    fn quote_sources(
        analyzer: &Analyzer,
        text: &str,
    ) -> Vec<(Option<String>, SourceKind, Option<String>)> {
        let doc = Document {
            id: "d".to_string(),
            text: text.to_string(),
            ..Document::default()
        };
        analyzer
            .analyze(doc)
            .claims
            .iter()
            .filter(|c| c.quote().is_some())
            .map(|c| (c.source.name.clone(), c.source.kind, c.source.role.clone()))
            .collect()
    }

    /// A title word that opens an organisation's name the entity stage
    /// found whole ("General Electric") is part of the speaker's name, not
    /// a person's title; before a person's name it stays the title.
    #[test]
    fn a_title_word_inside_a_company_name_is_no_title() {
        let analyzer = Analyzer::new();
        let sources = |text: &str| quote_sources(&analyzer, text);
        let got = sources("Plant news\n\nGeneral Electric said the Sarn plant would close in May.");
        assert_eq!(
            got,
            vec![(
                Some("General Electric".to_string()),
                SourceKind::Organization,
                None
            )]
        );
        let got = sources("Army news\n\nGeneral Ivo Sand said the Sarn garrison would stay.");
        assert_eq!(
            got,
            vec![(
                Some("Ivo Sand".to_string()),
                SourceKind::Person,
                Some("General".to_string())
            )]
        );
    }

    /// A lone capitalised word opening a sentence that the entity stage
    /// found as no name ("Consumers say", "Gold is expected") is no
    /// person: a plural is a group speaking unnamed, anything else no
    /// speaker; a name the entity stage knows stays a person.
    #[test]
    fn a_common_word_opening_a_sentence_is_no_person() {
        let analyzer = Analyzer::new();
        let sources = |text: &str| -> Vec<(Option<String>, SourceKind)> {
            quote_sources(&analyzer, text)
                .into_iter()
                .map(|(name, kind, _)| (name, kind))
                .collect()
        };
        let got = sources(
            "Ferry fares\n\nIvo Sand, who runs the Kell ferry line, met the board on Monday. Consumers say the Kell fares should fall by a fifth.",
        );
        assert!(
            got.contains(&(Some("Consumers".to_string()), SourceKind::Anonymous)),
            "{got:?}"
        );
        let got = sources(
            "Ferry fares\n\nIvo Sand, who runs the Kell ferry line, met the board on Monday. Sand said the Kell fares would fall by a fifth.",
        );
        assert_eq!(
            got,
            vec![(Some("Ivo Sand".to_string()), SourceKind::Person)]
        );
    }

    /// A surname the entity stage types as a place or a company ("Paris
    /// said") names the person who spoke before with that surname.
    #[test]
    fn a_surname_met_before_is_the_person_not_the_place() {
        let analyzer = Analyzer::new();
        let got = quote_sources(
            &analyzer,
            "Fares\n\nHarbour chief Tam Paris said the board had met on Monday.\n\nParis said the Kell fares would fall by a fifth.",
        );
        assert!(
            got.iter()
                .all(|(name, kind, _)| name.as_deref() == Some("Tam Paris")
                    && *kind == SourceKind::Person),
            "{got:?}"
        );
    }

    /// A person the entity stage found right after a possessive ("Orvo
    /// Bank's Tam Velo said") is the speaker, with whoever owns them as
    /// their role; a body after a possessive ("Ostland's Air Defense") stays
    /// an organisation.
    #[test]
    fn a_person_after_a_possessive_is_the_speaker() {
        let analyzer = Analyzer::new();
        let got = quote_sources(
            &analyzer,
            "Rates\n\nOrvo Bank's Tam Velo said rates would fall next month.",
        );
        assert_eq!(
            got,
            vec![(
                Some("Tam Velo".to_string()),
                SourceKind::Person,
                Some("Orvo Bank".to_string())
            )]
        );
        let got = quote_sources(
            &analyzer,
            "Drones\n\nOstland's Ivo Sand said the drones were shot down.\n\nOstland's Air Defense said the drones were shot down.",
        );
        assert_eq!(
            got,
            vec![
                (
                    Some("Ivo Sand".to_string()),
                    SourceKind::Person,
                    Some("Ostland".to_string())
                ),
                (
                    Some("Ostland's Air Defense".to_string()),
                    SourceKind::Organization,
                    None
                )
            ]
        );
    }

    /// "He said" means someone met before, not a person named inside a
    /// quotation, nor a lone word the entity stage found as no name
    /// ("Quotas are due to change"), nor a headline's capitals.
    #[test]
    fn he_means_no_one_named_inside_a_quote_nor_a_common_word() {
        let analyzer = Analyzer::new();
        let names = |text: &str| quote_source_names(&analyzer, text);
        let sand = Some("Orvo Sand".to_string());
        let got = names(
            "Trade talks\n\nOrvo Sand, the trade minister of Brazil, spoke on Monday.\n\n\"The mood in Washington is very tense,\" he said.\n\n\"As I've said before, we see ourselves in a real struggle,\" he said.",
        );
        assert_eq!(got, vec![sand.clone(), sand.clone()]);
        let got = names(
            "Trade talks\n\nOrvo Sand, the trade minister of Brazil, spoke on Monday.\n\nQuotas are due to change in May.\n\n\"The fears are groundless,\" he said.",
        );
        assert_eq!(got, vec![sand]);
        let got = names(
            "OSTLAND OUTLINES NEW FIVE-YEAR PLAN\n\nThe plan would raise farm spending by a fifth, he told a seminar in the capital.",
        );
        assert_eq!(got, vec![None]);
    }

    #[test]
    fn he_means_no_sentence_adverb_taken_for_a_name() {
        let analyzer = Analyzer::new();
        let sand = Some("Orvo Sand".to_string());
        for adverb in ["Moreover", "Similarly", "Thirdly", "Additionally"] {
            let text = format!(
                "Orvo Sand, the trade minister of Brazil, spoke on Monday.\n\n{adverb}, he said, the quotas would change in May."
            );
            assert_eq!(
                quote_source_names(&analyzer, &text),
                vec![sand.clone()],
                "{text}"
            );
        }
    }
}
