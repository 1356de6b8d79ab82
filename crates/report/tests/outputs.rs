//! The text outputs of an invented story: what each must show.

use crosscheck_ledger::{build_ledger, fixture};
use crosscheck_model::Ledger;
use crosscheck_report::{html, markdown, summary, write_claims_csv};

fn ledger() -> Ledger {
    let (documents, claims) = fixture::story();
    build_ledger(documents, claims)
}

#[test]
fn summary_lists_stories_then_documents_then_cross_source_findings() {
    let text = summary(&ledger());
    assert!(
        text.find("Stories (1)") < text.find("[1] Ostria"),
        "the index first"
    );
    for needle in [
        "s1        4 docs 2031-03-02 – 2031-04-12",
        "4 documents, 14 claims",
        "[1] Ostria says Veloran soldiers have crossed the river",
        "Northgate Herald · 2031-03-02",
        "quote   Marek Tol — “We are watching every convoy that crosses the river”",
        "figure  1,200 Veloran soldiers deployed to the Ostrian border town of Kell — Ostrian intelligence",
        "stance  The Velish government denied the reports",
        "Veloran troops [evolving] 4 values",
        "Velora on the deployment of troops: denied (reported 2031-03-02) → did not confirm (reported 2031-03-20)",
        "≈2031-04-10",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let sourcing = text.split("Sourcing").nth(1).unwrap_or("");
    let first_row = sourcing.lines().nth(2).unwrap_or("");
    assert!(first_row.contains("The Meridian Post"), "{first_row}");
}

#[test]
fn markdown_has_every_section() {
    let md = markdown(&ledger());
    // The story index comes before any story's ledger.
    assert!(md.find("## Stories") < md.find("### Figures across sources"));
    for heading in [
        "## Stories",
        "| s1 | Ostria says Veloran soldiers have crossed the river | 4 |",
        "## s1 — Ostria says Veloran soldiers have crossed the river",
        "### Figures across sources",
        "### Disagreements, series and their evidence",
        "### Stances over time",
        "### Timeline",
        "## Sourcing (most anonymous first)",
        "## Quotes reported in different wording",
        "## Documents",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(md.contains("**1,200**"), "figure highlighted in evidence");
}

#[test]
fn html_is_self_contained_and_escaped() {
    let mut ledger = ledger();
    if let Some(doc) = ledger.documents.first_mut() {
        doc.title = Some("<script>alert('x')</script> & more".to_string());
    }
    let page = html(&ledger);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        !page.contains("<script"),
        "no scripts, and titles are escaped"
    );
    assert!(page.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#38; more"));
    for external in ["http://", "https://", "src=", "@import", "url("] {
        let outside_svg_ns = page.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !outside_svg_ns.contains(external),
            "external reference {external}"
        );
    }
    assert!(
        page.matches("<svg").count() >= 1,
        "a chart per shared figure"
    );
    assert!(page.contains("<mark>1,200</mark>"));
    assert!(page.contains("changed position"));
}

#[test]
fn csv_has_one_row_per_claim() {
    let ledger = ledger();
    let mut buffer = Vec::new();
    write_claims_csv(&ledger, &mut buffer).expect("csv");
    let mut reader = csv::Reader::from_reader(buffer.as_slice());
    let headers = reader.headers().expect("headers").clone();
    for column in [
        "doc",
        "outlet",
        "date",
        "kind",
        "source_name",
        "source_kind",
        "source_role",
        "cue",
        "quote",
        "quantity_low",
        "quantity_high",
        "quantity_bound",
        "quantity_subject",
        "stance_actor",
        "stance_polarity",
        "hedged",
        "span_start",
        "span_end",
        "sentence",
    ] {
        assert!(
            headers.iter().any(|h| h == column),
            "missing column {column}"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
    assert_eq!(rows.len(), ledger.claims.len());
    let low = headers
        .iter()
        .position(|h| h == "quantity_low")
        .unwrap_or(0);
    assert!(rows.iter().any(|r| r.get(low) == Some("1200.0")));
}

#[test]
fn empty_ledger_renders() {
    let empty = build_ledger(Vec::new(), Vec::new());
    assert!(summary(&empty).starts_with("0 documents"));
    assert!(html(&empty).ends_with("</html>\n"));
    assert!(markdown(&empty).contains("# crosscheck report"));
    let mut buffer = Vec::new();
    assert!(write_claims_csv(&empty, &mut buffer).is_ok());
}

#[test]
fn large_ledgers_are_cut_with_a_note() {
    let (documents, claims) = fixture::story();
    let (mut many_docs, mut many_claims) = (Vec::new(), Vec::new());
    for k in 0..120 {
        for d in &documents {
            let mut d = d.clone();
            d.id = format!("{}-{k}", d.id);
            many_docs.push(d);
        }
        for c in &claims {
            let mut c = c.clone();
            c.doc = format!("{}-{k}", c.doc);
            c.id = format!("{}-{k}", c.id);
            many_claims.push(c);
        }
    }
    let ledger = build_ledger(many_docs, many_claims);
    let text = summary(&ledger);
    assert!(
        text.contains("… and 440 more"),
        "{}",
        &text[text.len().saturating_sub(3000)..]
    );
    assert!(html(&ledger).contains("… and 180 more"));
    assert!(markdown(&ledger).contains("… and 440 more"));
}

#[test]
fn write_reports_puts_three_files_in_a_directory() {
    let dir = std::env::temp_dir().join(format!("crosscheck-report-test-{}", std::process::id()));
    let paths = crosscheck_report::write_reports(&ledger(), &dir).expect("reports written");
    for path in [&paths.html, &paths.markdown, &paths.csv] {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        assert!(size > 1000, "{} is {size} bytes", path.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn documents_link_to_their_articles_list_their_claims_and_mark_copies() {
    let mut ledger = ledger();
    let first = ledger.documents[0].id.clone();
    ledger.documents[0].url = Some("https://northgate.example/ostria-river".to_string());
    ledger.documents[1].url = Some("javascript:alert(1)".to_string());
    ledger.documents[2].duplicate_of = Some(first);
    ledger.documents[3].url = Some(r#"https://wire.example/a"onmouseover="alert(2)"#.to_string());
    let page = html(&ledger);
    assert!(
        !page.contains(r#""onmouseover"#),
        "addresses stay inside their attribute"
    );
    assert!(page.contains(
        r#"<a href="https://northgate.example/ostria-river" rel="noopener noreferrer">"#
    ));
    assert!(
        !page.contains("javascript:"),
        "only http(s) addresses are links"
    );
    assert!(page.contains(r#"<span class="badge copy">copy of [1]</span>"#));
    // Every claim is listed under its document, and figure tables link there.
    for claim in &ledger.claims {
        assert!(
            page.contains(&format!(r#"<li id="claim-{}""#, claim.id)),
            "claim {} not listed",
            claim.id
        );
    }
    let figure_links = page.matches(r##"<a href="#claim-"##).count();
    assert!(figure_links > 0, "figure values link to their claims");
    assert!(page.contains(r##"<a href="#doc-1">[1]</a>"##));

    let md = markdown(&ledger);
    assert!(md.contains("(<https://northgate.example/ostria-river>)"));
    assert!(!md.contains("javascript:"));
    assert!(md.contains("**copy of [1]**"));
    let text = summary(&ledger);
    assert!(text.contains("    https://northgate.example/ostria-river"));
    assert!(text.contains("· copy of [1]"));
}
