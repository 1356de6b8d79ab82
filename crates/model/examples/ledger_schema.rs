//! Prints the ledger's JSON Schema, generated from the model types:
//! `cargo run -p crosscheck-model --features schema --example ledger_schema > docs/ledger.schema.json`

fn main() {
    print!("{}", crosscheck_model::ledger_schema());
}
