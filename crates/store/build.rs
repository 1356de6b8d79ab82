//! Marks the PostgreSQL runs of the store tests as ignored (with the
//! reason) when no PostgreSQL server programs are installed outside CI; see
//! `crosscheck-testkit`.

fn main() {
    crosscheck_testkit::build::skip_without_postgres();
}
