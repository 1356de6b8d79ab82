//! PLACEHOLDER: scorer not written yet.

use std::path::Path;

use crate::{EvalError, EvalReport};

pub fn evaluate(dir: &Path) -> Result<EvalReport, EvalError> {
    Err(EvalError::data(dir, "not implemented yet"))
}
