//! Renders the HTML report of an invented story in headless Chromium and
//! checks the screenshot is a real page. Everything is written to a temp
//! dir; set `CROSSCHECK_REPORT_ARTIFACTS=DIR` to keep the HTML, Markdown and
//! screenshot there for a look.

use std::path::Path;
use std::process::Command;

use crosscheck_ledger::{build_ledger, fixture};
use crosscheck_model::Ledger;

fn ledger() -> Ledger {
    let (documents, claims) = fixture::story();
    build_ledger(documents, claims)
}

#[test]
#[cfg_attr(no_chromium, ignore = "SKIPPED: no chromium on PATH (CI installs it)")]
fn html_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html_path = dir.path().join("report.html");
    let png_path = dir.path().join("report.png");
    std::fs::write(&html_path, crosscheck_report::html(&ledger())).expect("write html");
    let bin = crosscheck_testkit::chromium().expect("chromium on PATH (required under CI=true)");
    let status = Command::new(&bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            &format!("--screenshot={}", png_path.display()),
            "--window-size=1280,2000",
        ])
        .arg(format!("file://{}", html_path.display()))
        .output()
        .expect("run chromium");
    assert!(
        status.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let png = std::fs::read(&png_path).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    // A blank 1280x2000 page compresses to a few KB; a rendered report with
    // text and charts is far larger.
    assert!(
        png.len() > 60_000,
        "screenshot looks empty: {} bytes",
        png.len()
    );
    if let Some(keep) = std::env::var_os("CROSSCHECK_REPORT_ARTIFACTS") {
        let keep = Path::new(&keep);
        std::fs::create_dir_all(keep).expect("artifacts dir");
        for name in ["report.html", "report.png"] {
            std::fs::copy(dir.path().join(name), keep.join(name)).expect("keep artifact");
        }
        std::fs::write(
            keep.join("report.md"),
            crosscheck_report::markdown(&ledger()),
        )
        .expect("write md");
    }
}
