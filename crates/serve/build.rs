//! Marks the browser tests as ignored (with the reason) when Chromium or
//! ChromeDriver is missing outside CI; see `crosscheck-testkit`.

fn main() {
    crosscheck_testkit::build::skip_without_webdriver();
}
