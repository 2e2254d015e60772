//! Any bytes as a .csv to import: read, then planned against the built-in dataset; the plan
//! applies as one action. Never a panic.
#![no_main]

use industry_desk::files::builtin;
use industry_desk::interop::exchange::import;
use industry_desk::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(sheets) = import::read_csv(bytes, "Chỉ đạo".to_owned()) {
        let data = builtin::dataset();
        let _plan = industry_desk::interop::exchange::plan_import(&data, &sheets, Lang::Vi);
    }
});
