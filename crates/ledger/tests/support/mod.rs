//! What the ledger tests share: the real seed articles analysed (read at
//! run time from ../shared/corpus/seeds; nothing from them is stored here).

use crosscheck_analyze::Analyzer;
use crosscheck_model::{Claim, Document};

/// The seed articles' analysed documents and their claims, in file order.
pub fn analysed_seeds() -> (Vec<Document>, Vec<Claim>) {
    let dir = crosscheck_testkit::shared("corpus/seeds");
    let (inputs, errors) = crosscheck_ingest::discover(&[dir]);
    assert!(errors.is_empty(), "{errors:?}");
    let analyzer = Analyzer::new();
    let (mut documents, mut claims) = (Vec::new(), Vec::new());
    for input in &inputs {
        crosscheck_ingest::read_input(input, &mut |result| {
            if let Ok(doc) = result {
                let analysed = analyzer.analyze(doc);
                documents.push(analysed.document);
                claims.extend(analysed.claims);
            }
        });
    }
    (documents, claims)
}
