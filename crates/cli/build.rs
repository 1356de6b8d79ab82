//! Marks the tests that need the shared data folder, root, or pyspark with Java as ignored
//! (with the reason) when it is missing outside CI; see `crosscheck-testkit`.

fn main() {
    crosscheck_testkit::build::skip_without_shared();
    crosscheck_testkit::build::skip_without_root();
    crosscheck_testkit::build::skip_without_spark();
}
