//! Human-facing outputs of a ledger: the terminal summary, a Markdown report,
//! a self-contained HTML report (inline CSS and SVG charts, no scripts, no
//! network) and a CSV export of claims.
//!
//! The HTML report is an askama template (`templates/report.html`, with the
//! chart in `templates/chart.html`): this crate computes plain values and
//! the template escapes every one of them, so no markup is built by hand.

mod chart;
mod csv_export;
mod html;
mod markdown;
mod summary;
mod view;

use crosscheck_model::{
    Entity, EntityType, Ledger, Proposition, PropositionStatus, PropositionValue,
};

pub use chart::proposition_svg;
pub use csv_export::{write_claims_csv, ClaimRows};
pub use html::html;
pub use markdown::markdown;
pub use summary::{brief_summary, summary};

/// How much of a large ledger the human reports show; the ledger JSON and
/// the claims CSV always hold everything.
mod limits {
    /// Figure charts in the HTML report.
    pub const CHARTS: usize = 40;
    /// Rows of any one table.
    pub const ROWS: usize = 300;
    /// Timeline entries.
    pub const TIMELINE: usize = 500;
    /// Documents listed claim by claim in the summary and Markdown report.
    pub const DOCUMENTS: usize = 40;
    /// Stories shown in full (their ledger) after the story index; the
    /// index lists up to `ROWS`.
    pub const STORIES: usize = 25;

    /// "… and 12 more" when a list was cut.
    pub fn more(total: usize, shown: usize) -> Option<String> {
        (total > shown).then(|| {
            format!(
                "… and {} more (all of them are in the ledger JSON and the claims CSV)",
                total - shown
            )
        })
    }
}

#[derive(Debug, thiserror::Error)]
/// Why a report could not be written.
pub enum ReportError {
    #[error("writing CSV: {0}")]
    /// Writing the CSV failed.
    Csv(#[from] csv::Error),
    #[error("writing report: {0}")]
    /// Writing a file failed.
    Io(#[from] std::io::Error),
}

/// Where [`write_reports`] put each report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportPaths {
    /// The HTML report.
    pub html: std::path::PathBuf,
    /// The Markdown report.
    pub markdown: std::path::PathBuf,
    /// The claims CSV.
    pub csv: std::path::PathBuf,
}

/// Writes `report.html`, `report.md` and `claims.csv` into `dir` (created
/// when missing).
pub fn write_reports(ledger: &Ledger, dir: &std::path::Path) -> Result<ReportPaths, ReportError> {
    std::fs::create_dir_all(dir)?;
    let paths = ReportPaths {
        html: dir.join("report.html"),
        markdown: dir.join("report.md"),
        csv: dir.join("claims.csv"),
    };
    std::fs::write(&paths.html, html(ledger))?;
    std::fs::write(&paths.markdown, markdown(ledger))?;
    let file = std::io::BufWriter::new(std::fs::File::create(&paths.csv)?);
    write_claims_csv(ledger, file)?;
    Ok(paths)
}

/// The two values that best show a disagreement: earliest and latest for
/// an evolving figure, smallest and largest otherwise.
fn extremes(p: &Proposition) -> Vec<&PropositionValue> {
    let middle = |v: &PropositionValue| match (v.low, v.high) {
        (Some(l), Some(h)) => (l + h) / 2.0,
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => 0.0,
    };
    let pair = if p.status == PropositionStatus::Evolving {
        let dated: Vec<&PropositionValue> = p.values.iter().filter(|v| v.date.is_some()).collect();
        (dated.first().copied(), dated.last().copied())
    } else {
        // Among equal values, show one whose source is named.
        let named = |v: &PropositionValue| v.source.is_some();
        (
            p.values.iter().min_by(|a, b| {
                middle(a)
                    .total_cmp(&middle(b))
                    .then(named(b).cmp(&named(a)))
            }),
            p.values.iter().max_by(|a, b| {
                middle(a)
                    .total_cmp(&middle(b))
                    .then(named(a).cmp(&named(b)))
            }),
        )
    };
    match pair {
        (Some(a), Some(b)) if a.claim != b.claim => vec![a, b],
        (Some(a), _) => vec![a],
        _ => Vec::new(),
    }
}

/// A proposition status as every view writes it ("single source").
pub fn status_name(status: PropositionStatus) -> &'static str {
    match status {
        PropositionStatus::Consistent => "consistent",
        PropositionStatus::Conflicting => "conflicting",
        PropositionStatus::Disputed => "disputed",
        PropositionStatus::Evolving => "evolving",
        PropositionStatus::SingleSource => "single source",
    }
}

/// An entity's type as the entity tables write it: a metonym says what it
/// stands for ("place, for North Korea": Pyongyang as the government), so
/// that it reads apart from the place of the same name.
pub fn entity_kind_label(entity: &Entity, entities: &[Entity]) -> String {
    let kind = entity_type_name(entity.kind);
    let referent = entity
        .refers_to
        .as_deref()
        .and_then(|id| entities.iter().find(|e| e.id == id));
    match referent {
        Some(r) => format!("{kind}, for {}", r.name),
        None => kind.to_string(),
    }
}

/// An entity type as every view writes it ("organisation", "place").
pub fn entity_type_name(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "person",
        EntityType::Organization => "organisation",
        EntityType::Location => "place",
        EntityType::Country => "country",
        EntityType::Group => "group",
        EntityType::Misc => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str, kind: EntityType, refers_to: Option<&str>) -> Entity {
        Entity {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
            refers_to: refers_to.map(str::to_string),
            coordinates: None,
        }
    }

    /// A metonym's type names what it stands for; a place, or a metonym
    /// whose referent is not in the ledger, reads as its type alone.
    #[test]
    fn entity_kinds_name_what_a_metonym_stands_for() {
        let entities = vec![
            entity("gpe-valdoria", "Valdoria", EntityType::Country, None),
            entity(
                "gov-orlen",
                "Orlen",
                EntityType::Location,
                Some("gpe-valdoria"),
            ),
            entity("loc-orlen", "Orlen", EntityType::Location, None),
            entity(
                "gov-tarsk",
                "Tarsk",
                EntityType::Location,
                Some("gpe-tarsenia"),
            ),
        ];
        let labels: Vec<String> = entities
            .iter()
            .map(|e| entity_kind_label(e, &entities))
            .collect();
        assert_eq!(labels, ["country", "place, for Valdoria", "place", "place"]);
    }
}
