//! Any bytes as a data file: the loader either gives a dataset that the model accepts and
//! that saves and loads back equal, or an error it can describe in both languages. Never a
//! panic, a hang or unbounded memory.
#![no_main]

use std::path::Path;

use industry_desk::i18n::Lang;
use industry_desk::files::storage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("fuzz.ron");
    match storage::from_bytes(bytes, path) {
        Ok(dataset) => {
            let text = storage::to_ron_string(&dataset);
            let again = storage::from_bytes(text.as_bytes(), path).expect("a saved file loads");
            assert_eq!(again, dataset, "save then load changes nothing");
        }
        Err(err) => {
            assert!(!err.describe(Lang::Vi).is_empty());
            assert!(!err.describe(Lang::En).is_empty());
        }
    }
});
