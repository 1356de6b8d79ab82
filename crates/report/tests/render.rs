//! Renders the HTML report of an invented story in headless Chromium and
//! keeps the screenshot under target/report-artifacts/.

use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck_ledger::{build_ledger, fixture};
use crosscheck_model::Ledger;

fn ledger() -> Ledger {
    let (documents, claims) = fixture::story();
    build_ledger(documents, claims)
}

fn artifacts() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("report-artifacts")
}

fn chromium() -> Option<&'static str> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .into_iter()
    .find(|bin| {
        Command::new(bin)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn html_renders_in_headless_chromium() {
    let dir = artifacts();
    std::fs::create_dir_all(&dir).expect("create artifacts dir");
    let html_path = dir.join("report.html");
    let png_path = dir.join("report.png");
    std::fs::write(&html_path, crosscheck_report::html(&ledger())).expect("write html");
    std::fs::write(
        dir.join("report.md"),
        crosscheck_report::markdown(&ledger()),
    )
    .expect("write md");
    let _ = std::fs::remove_file(&png_path);

    let Some(bin) = chromium() else {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("chromium is required under CI=true to render the HTML report");
        }
        eprintln!(
            "\n*** SKIPPED: chromium not found; HTML report written to {} but not rendered ***\n",
            html_path.display()
        );
        return;
    };
    let html_abs = html_path.canonicalize().expect("absolute html path");
    let status = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            &format!("--screenshot={}", png_path.display()),
            "--window-size=1280,2000",
        ])
        .arg(format!("file://{}", html_abs.display()))
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
    eprintln!("screenshot: {}", png_path.display());
}
