//! The Spark job (`scripts/spark/crosscheck_spark.py`) in local mode, two
//! cores, gives the ledger `analyze` gives in one process: the seeds and
//! 2,000 Reuters stories (each seed a shard, the stories in four).

use std::path::Path;
use std::process::Command;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
#[cfg_attr(
    no_spark,
    ignore = "SKIPPED: pyspark or Java missing (pip install pyspark; a JRE 17; CROSSCHECK_PYTHON names the Python)"
)]
fn the_spark_job_in_local_mode_gives_the_single_process_ledger() {
    let python = crosscheck_testkit::spark_python().unwrap_or_else(|| {
        panic!(
            "pyspark or Java missing: pip install pyspark, install a JRE 17, set CROSSCHECK_PYTHON"
        )
    });
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    crosscheck_testkit::write_seed_and_reuters_shards(&corpus, 2000, 500);

    let binary = env!("CARGO_BIN_EXE_crosscheck");
    let analyzed = dir.path().join("analyze.json");
    let status = Command::new(binary)
        .args(["--quiet", "analyze"])
        .arg(&corpus)
        .arg("-o")
        .arg(&analyzed)
        .status()
        .unwrap();
    assert!(status.success());

    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/spark/crosscheck_spark.py");
    let spark = dir.path().join("spark.json");
    let out = Command::new(python)
        .arg(script)
        .args(["--master", "local[2]", "--binary", binary])
        .arg("--parts")
        .arg(dir.path().join("parts"))
        .arg("--output")
        .arg(&spark)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the Spark job failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let read = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        crosscheck_model::json::read_ledger(&text).unwrap()
    };
    let (single, distributed) = (read(&analyzed), read(&spark));
    assert!(single.documents.len() > 1900);
    assert_eq!(distributed.claims, single.claims, "claims");
    assert_eq!(
        distributed.propositions, single.propositions,
        "propositions"
    );
    // The rest, documents included, apart from where each came from: a
    // shard's documents name the executor's copy of the shard.
    let sources = |ledger: &crosscheck_model::Ledger| {
        let mut ledger = ledger.clone();
        for doc in &mut ledger.documents {
            doc.source = doc
                .source
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string();
        }
        ledger
    };
    assert_eq!(sources(&distributed), sources(&single));
}
