//! The built-in dataset (Lạng Sơn, first half of 2019), embedded in the binary so the app
//! starts with no file at all.

use std::path::Path;

use crate::files::storage;
use crate::model::Dataset;

/// The file name the built-in dataset is offered under when first saved.
pub const BUILTIN_FILE_NAME: &str = "lang-son-2019-h1.ron";

const BUILTIN_RON: &str = include_str!("../../assets/datasets/lang-son-2019-h1.ron");

/// A fresh copy of the built-in dataset.
pub fn dataset() -> Dataset {
    // Parsed and validated by the same loader as any file; a unit test guards it.
    storage::from_ron_str(BUILTIN_RON, Path::new(BUILTIN_FILE_NAME))
        .unwrap_or_else(|err| panic!("the built-in dataset is broken: {err}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_loads_and_is_valid() {
        let dataset = super::dataset();
        assert!(dataset.validate().is_empty());
        assert_eq!(dataset.directives.len(), 10);
    }
}
