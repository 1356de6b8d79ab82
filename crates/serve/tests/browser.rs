//! The web app in real headless Chromium, driven over WebDriver
//! (ChromeDriver) at 1280 px and at 390 px: open a story, search, filter,
//! click an entity card, follow a claim to its highlighted evidence, and
//! check that no page is wider than the screen.
//!
//! Screenshots of every step are kept in `$TMPDIR/crosscheck-browser/`
//! (or `CROSSCHECK_BROWSER_ARTIFACTS=DIR`), named `<store>-<width>-<step>.png`.
//! Without Chromium and ChromeDriver the test shows as ignored; under
//! `CI=true` it runs and fails instead.

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A ChromeDriver process, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Whether the driver process has ended.
    fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start_driver() -> Driver {
    let binary = crosscheck_testkit::chromedriver()
        .expect("chromedriver on PATH (Debian package chromium-driver; required under CI=true)");
    assert!(
        crosscheck_testkit::chromium().is_some(),
        "chromium on PATH (Debian package chromium; required under CI=true)"
    );
    // The two browser tests run at once, each picking a free port: both
    // may be handed the same one, and the second driver then exits while
    // the port still answers (the first's). A driver is ours only if it
    // is still running once its port answers; else try another port.
    for _ in 0..5 {
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on {port}"
            );
            if driver.exited() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(300));
        if !driver.exited() {
            return driver;
        }
    }
    panic!("chromedriver kept exiting: no port of its own in five tries")
}

/// Where screenshots go.
fn artifacts() -> PathBuf {
    let dir = std::env::var_os("CROSSCHECK_BROWSER_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("crosscheck-browser"));
    std::fs::create_dir_all(&dir).expect("artifacts dir");
    dir
}

/// A browser session showing pages `width` CSS pixels wide.
async fn browser(driver: &Driver, width: u32) -> Client {
    let mut options = json!({
        "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--window-size=1280,900"],
    });
    if width < 1280 {
        // A phone-sized viewport: desktop windows have a minimum width.
        options["mobileEmulation"] = json!({
            "deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1.0}
        });
    }
    let capabilities = json!({"browserName": "chrome", "goog:chromeOptions": options});
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!("an object")
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

/// One viewport's walk through the app.
struct Walk<'a> {
    client: &'a Client,
    base: String,
    width: u32,
    shots: &'a Path,
    /// The back end, in screenshot names.
    store: &'static str,
}

impl Walk<'_> {
    async fn shot(&self, step: &str) {
        let png = self.client.screenshot().await.expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "{step}: not a PNG");
        assert!(
            png.len() > 10_000,
            "{step}: screenshot looks blank ({} bytes)",
            png.len()
        );
        let path = self
            .shots
            .join(format!("{}-{}-{step}.png", self.store, self.width));
        std::fs::write(&path, png).expect("write screenshot");
    }

    async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("{script}: {e}"))
    }

    async fn css(&self, selector: &str) -> fantoccini::elements::Element {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(selector))
            .await;
        match found {
            Ok(element) => element,
            Err(e) => panic!(
                "{} px: no {selector} on {}: {e}",
                self.width,
                self.url().await
            ),
        }
    }

    async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default()
    }

    /// Waits until the address contains `part`.
    async fn wait_url(&self, part: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let url = self.url().await;
            if url.contains(part) {
                return url;
            }
            assert!(
                Instant::now() < deadline,
                "{} px: never reached {part} (at {url})",
                self.width
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The page is no wider than the viewport and the viewport is `width`.
    async fn fits(&self, step: &str) {
        let widths = self
            .eval("return [window.innerWidth, document.documentElement.scrollWidth];")
            .await;
        let inner = widths[0].as_u64().expect("width");
        let scroll = widths[1].as_u64().expect("scroll width");
        assert_eq!(inner, u64::from(self.width), "{step}: viewport");
        assert!(
            scroll <= inner,
            "{step} at {} px: the page is {scroll} px wide",
            self.width
        );
    }

    async fn total(&self) -> u64 {
        let text = self.css("#total").await.text().await.expect("total");
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("total {text:?}"))
    }

    async fn run(&self, claims_stored: u64) {
        // Open a story from the index.
        self.client
            .goto(&format!("{}/", self.base))
            .await
            .expect("index");
        let link = self.css(".story h2 a").await;
        let title = link.text().await.expect("story title");
        self.fits("stories").await;
        self.shot("stories").await;
        link.click().await.expect("open the story");
        self.css("section#conflicts").await;
        let heading = self.css("h1").await.text().await.expect("heading");
        assert_eq!(heading.trim(), title.trim());
        self.css("section#conflicts .side mark").await;
        self.fits("story").await;
        self.shot("story").await;

        // Search.
        self.client
            .goto(&format!("{}/claims", self.base))
            .await
            .expect("claims");
        assert_eq!(self.total().await, claims_stored);
        let search = self.css("form.filters input[name=q]").await;
        search
            .send_keys("troops\u{E007}")
            .await
            .expect("type and press Enter");
        self.wait_url("q=troops").await;
        let found = self.total().await;
        assert!(
            found > 0 && found < claims_stored,
            "{found} of {claims_stored}"
        );
        let marks = self
            .client
            .find_all(Locator::Css(".results mark"))
            .await
            .expect("marks");
        assert!(!marks.is_empty());
        self.fits("search").await;
        self.shot("search").await;

        // Filter: the kind menu applies on change (the page's script).
        let kind = self.css("select[name=kind]").await;
        kind.select_by_value("quantity")
            .await
            .expect("choose quantity");
        self.wait_url("kind=quantity").await;
        let kinds = self
            .eval("return Array.from(document.querySelectorAll('.results article.claim')).map(a => a.className);")
            .await;
        let kinds = kinds.as_array().expect("classes");
        assert!(!kinds.is_empty());
        assert!(
            kinds
                .iter()
                .all(|c| c.as_str().is_some_and(|c| c.contains("kind-quantity"))),
            "{kinds:?}"
        );
        assert!(
            self.url().await.contains("q=troops"),
            "the search words are kept"
        );
        self.shot("filter").await;

        // An entity card narrows the results to its count.
        self.client
            .goto(&format!("{}/claims", self.base))
            .await
            .expect("claims");
        let card = self.css(".entities a.entity").await;
        let count: u64 = card
            .find(Locator::Css(".count"))
            .await
            .expect("count")
            .text()
            .await
            .expect("count text")
            .trim()
            .parse()
            .expect("a number");
        card.click().await.expect("click the card");
        self.wait_url("entity=").await;
        assert_eq!(self.total().await, count);
        self.css(".entities a.entity.active").await;
        self.fits("entity").await;
        self.shot("entity").await;

        // Follow a claim to its evidence, highlighted whole in the article.
        let first = self.css(".results article.claim").await;
        let claim_id = first
            .attr("id")
            .await
            .expect("id")
            .expect("claims have ids")
            .trim_start_matches("claim-")
            .to_string();
        let evidence = first
            .find(Locator::Css("blockquote mark"))
            .await
            .expect("evidence")
            .text()
            .await
            .expect("evidence text");
        first
            .find(Locator::Css("a.evidence-link"))
            .await
            .expect("evidence link")
            .click()
            .await
            .expect("follow");
        self.wait_url("/documents/").await;
        self.css(".ev.current").await;
        let marked = self
            .eval("return Array.from(document.querySelectorAll('.ev.current')).map(e => e.textContent).join('');")
            .await;
        let marked = marked.as_str().expect("text");
        assert_eq!(
            normalise(marked),
            normalise(&evidence),
            "the marked pieces are the claim's evidence"
        );
        // And back: the highlighted text links to its claim in the list.
        let back = self
            .eval("return document.querySelector('.ev.current').getAttribute('href');")
            .await;
        let back = back.as_str().expect("href");
        assert!(back.starts_with("#claim-"), "{back}");
        let listed = self
            .eval(&format!(
                "return document.getElementById({}) !== null;",
                json!(format!("claim-{claim_id}"))
            ))
            .await;
        assert_eq!(
            listed,
            json!(true),
            "claim {claim_id} is listed beside the text"
        );
        self.fits("evidence").await;
        self.shot("evidence").await;
    }
}

impl Walk<'_> {
    /// Pastes an article into the upload form; the page follows the
    /// upload's job and lists what was stored, linked to its page.
    async fn upload(&self) {
        self.client
            .goto(&format!("{}/upload", self.base))
            .await
            .expect("upload page");
        self.css("input[name=title]")
            .await
            .send_keys("Ferry timetable changes")
            .await
            .expect("title");
        self.css("textarea[name=text]")
            .await
            .send_keys("Captain Oda Venn said the ferry would run 14 times a week from Monday.")
            .await
            .expect("text");
        self.css("form#upload button[type=submit]")
            .await
            .click()
            .await
            .expect("submit");
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        loop {
            let text = self.css("#progress").await.text().await.expect("progress");
            if seen.last() != Some(&text) {
                seen.push(text.clone());
            }
            if text.starts_with("Stored") || text.starts_with("Failed") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the upload never ended: {seen:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let last = seen.last().cloned().unwrap_or_default();
        assert!(last.starts_with("Stored 1 new documents"), "{seen:?}");
        self.fits("upload").await;
        self.shot("upload").await;
        self.css("#uploaded li a")
            .await
            .click()
            .await
            .expect("open it");
        self.wait_url("/documents/").await;
        let heading = self.css("h1").await.text().await.expect("heading");
        assert_eq!(heading.trim(), "Ferry timetable changes");
    }
}

/// The static HTML report of what `app` serves, at this walk's width: no
/// wider than the screen, links to the articles, and each chart drawn at
/// least 700 px wide (its 11–12 px text at 70% or more), scrolling
/// sideways inside its box on a phone.
async fn static_report(walk: &Walk<'_>, app: &crosscheck_serve::App, dir: &Path) {
    let path = dir.join(format!("report-{}.html", walk.width));
    std::fs::write(&path, crosscheck_report::html(&app.snapshot().ledger)).expect("write report");
    walk.client
        .goto(&format!("file://{}", path.display()))
        .await
        .expect("open the report");
    walk.css("section#documents").await;
    walk.fits("report").await;
    let chart = walk
        .eval("const c = document.querySelector('svg.chart'); return c ? c.getBoundingClientRect().width : 0;")
        .await;
    let chart = chart.as_f64().expect("chart width");
    assert!(
        chart >= 700.0,
        "{} px: the chart is {chart} px wide",
        walk.width
    );
    let articles = walk
        .eval("return document.querySelectorAll('#documents a[href^=\"https://\"]').length;")
        .await;
    assert!(
        articles.as_u64() > Some(0),
        "documents link to their articles"
    );
    walk.shot("report").await;
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walks the app served over `app`'s store at both widths.
async fn walk_both_widths(app: Arc<crosscheck_serve::App>, store: &'static str) {
    let driver = start_driver();
    let addr = support::serve_on_loopback(&app).await;
    let shots = artifacts();
    eprintln!("browser screenshots: {}", shots.display());
    let claims_stored = u64::try_from(app.snapshot().ledger.claims.len()).expect("count");
    for width in [1280, 390] {
        let client = browser(&driver, width).await;
        let walk = Walk {
            client: &client,
            base: format!("http://{addr}"),
            width,
            shots: &shots,
            store,
        };
        walk.run(claims_stored).await;
        static_report(&walk, &app, &shots).await;
        if width == 390 {
            // Last: it changes what is stored.
            walk.upload().await;
        }
        client.close().await.expect("close the browser");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    no_webdriver,
    ignore = "SKIPPED: chromium or chromedriver not on PATH (CI installs chromium and chromium-driver)"
)]
async fn the_app_works_in_headless_chromium_at_desktop_and_phone_widths() {
    let (_store, app) = support::demo_app().await;
    walk_both_widths(app, "sqlite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    any(no_webdriver, no_postgres),
    ignore = "SKIPPED: chromium, chromedriver or PostgreSQL 15 missing (CI installs them)"
)]
async fn the_app_works_in_headless_chromium_over_postgresql() {
    let (_url, app) = support::postgres_demo_app().await;
    walk_both_widths(app, "postgres").await;
}
