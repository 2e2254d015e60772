//! Any text as a pasted notice: refused with a message (empty, too large), or read into a
//! notice and proposed into the built-in dataset, every directive's text taken from the
//! text itself. Never a panic, a hang (the reader is linear in the text's size) or
//! unbounded memory.
#![no_main]

use industry_desk::files::builtin;
use industry_desk::i18n::Lang;
use industry_desk::interop::intake::{self, Proposal};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(err) = intake::source::check_text(text) {
        assert!(!err.describe(Lang::Vi).is_empty());
        return;
    }
    let data = builtin::dataset();
    let notice = intake::read(text, &data);
    let _json = serde_json::to_string(&notice.json()).expect("a notice prints as JSON");
    let proposal = Proposal::new(notice, &data, None);
    let _ = proposal.action(&data);
});
