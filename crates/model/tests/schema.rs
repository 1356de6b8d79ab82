//! The checked-in JSON Schema is the one the model types generate.

use std::path::Path;

#[test]
fn checked_in_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ledger.schema.json");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == crosscheck_model::ledger_schema(),
        "{} is stale: regenerate it with\n  cargo run -p crosscheck-model --features schema \
         --example ledger_schema > docs/ledger.schema.json",
        path.display()
    );
}
