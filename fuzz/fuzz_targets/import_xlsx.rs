//! Any bytes as an .xlsx to import: read (zip, XML, shared strings), then planned against
//! the built-in dataset. Never a panic.
#![no_main]

use industry_desk::files::builtin;
use industry_desk::interop::exchange::import;
use industry_desk::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(sheets) = import::read_xlsx(bytes) {
        let data = builtin::dataset();
        let _plan = industry_desk::interop::exchange::plan_import(&data, &sheets, Lang::Vi);
    }
});
