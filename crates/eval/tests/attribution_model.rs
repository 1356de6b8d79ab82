//! The built-in reported-speech model is what its training command gives:
//! retrained from PolNeAR train (read from `../shared` at run time), the
//! bytes equal the committed `crates/attribution/data/reported.model`.

use crosscheck_eval::polnear::train_tagger;

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn committed_model_is_reproduced_by_training() {
    let dir = crosscheck_testkit::shared("data/polnear");
    let (model, _) = match train_tagger(&dir) {
        Ok(m) => m,
        Err(e) => panic!("training failed: {e}"),
    };
    let committed = include_bytes!("../../attribution/data/reported.model");
    assert!(
        model.as_slice() == committed.as_slice(),
        "retrained model ({} bytes) differs from the committed one ({} bytes): \
         run the command in docs/attribution-model.md",
        model.len(),
        committed.len()
    );
}
