//! Marks the browser tests as ignored (with the reason) when Chromium or
//! ChromeDriver is missing outside CI, and the PostgreSQL tests when the
//! PostgreSQL server programs are; see `crosscheck-testkit`.

fn main() {
    crosscheck_testkit::build::skip_without_webdriver();
    crosscheck_testkit::build::skip_without_postgres();
}
