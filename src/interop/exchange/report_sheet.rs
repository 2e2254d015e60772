//! The report sheet a lead unit fills in (phiếu báo cáo): one .xlsx holding the unit's
//! unfinished directives — `Mã nhiệm vụ`, `Nội dung`, `Thời hạn`, `Tình trạng` locked, and
//! for the unit to fill `Tình hình thực hiện`, `Ngày hoàn thành (dd/mm/yyyy)`, `Khó khăn,
//! vướng mắc, đề xuất` — the sheet protected without a password, so the locked columns
//! stay as written and anyone can still unprotect it deliberately.
//!
//! A hidden sheet ([`META_SHEET`]) records what the returned sheet is: its format, the data
//! file's fingerprint (`crate::interop::chase::file_fingerprint`) and revision, the unit, the day it
//! was made, the header's row, and a hash of each directive as it was then, so
//! `super::answer` recognises the sheet and tells what changed here since.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::i18n::{Lang, fill};
use crate::interop::chase::UnitWork;
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, Directive};

/// The hidden sheet's name.
pub const META_SHEET: &str = "industry-desk";
/// The first cell of the hidden sheet's format row.
pub const FORMAT: &str = "industry-desk report sheet 1";
/// The row of the column titles (1-based, as Excel numbers rows); the directives follow.
pub const HEADER_ROW: u32 = 4;

/// The hash of a directive as it stands, to tell later whether it changed.
pub fn directive_hash(directive: &Directive) -> String {
    let text = ron::to_string(directive).unwrap_or_default();
    format!("{:016x}", crate::interop::chase::fnv1a(text.as_bytes()))
}

/// The sheet of `work.unit` as the bytes of an .xlsx file.
pub fn write(
    dataset: &Dataset,
    work: &UnitWork<'_>,
    revision: Option<&str>,
    today: jiff::civil::Date,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let t = &lang.strings().chase;
    let issuer = dataset.letterhead_or_default().issuing_body;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new().set_bold().set_background_color("F2F4F7").set_text_wrap();
    let locked = Format::new().set_text_wrap().set_align(rust_xlsxwriter::FormatAlign::Top);
    let date = locked.clone().set_num_format("dd/mm/yyyy");
    let to_fill = Format::new()
        .set_unlocked()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
        .set_background_color("FFF8DC");
    // Typed dates stay as typed ("15/10/2019"), whatever the locale of the unit's Excel.
    let to_fill_date = to_fill.clone().set_num_format("@");
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_name)?;
    sheet.write_string_with_format(
        0,
        0,
        fill(&t.sheet_title, &[("unit", &work.unit.name)]),
        &title,
    )?;
    sheet.write_string(1, 0, fill(&t.sheet_note, &[("issuer", &issuer)]))?;
    let columns = [
        (&t.col_id, 12.0),
        (&t.col_text, 60.0),
        (&t.col_deadline, 12.0),
        (&t.col_status, 24.0),
        (&t.col_fill_progress, 45.0),
        (&t.col_fill_done, 16.0),
        (&t.col_fill_difficulty, 40.0),
    ];
    let header_row = HEADER_ROW - 1;
    for (column, (name, width)) in (0u16..).zip(columns) {
        sheet.set_column_width(column, width)?;
        sheet.write_string_with_format(header_row, column, name.as_str(), &header)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    for (row, directive) in (header_row + 1..).zip(&work.led) {
        sheet.write_number_with_format(row, 0, f64::from(directive.id.0), &locked)?;
        sheet.write_string_with_format(row, 1, directive.text.as_str(), &locked)?;
        match directive.deadline {
            Some(deadline) => drop(sheet.write_datetime_with_format(row, 2, deadline, &date)?),
            None => drop(sheet.write_string_with_format(row, 2, "—", &locked)?),
        }
        let status = DirectiveStatus::of_directive(directive, today);
        let status = crate::interop::paper::official::status_phrase(status, lang);
        sheet.write_string_with_format(row, 3, status, &locked)?;
        sheet.write_blank(row, 4, &to_fill)?;
        sheet.write_blank(row, 5, &to_fill_date)?;
        sheet.write_blank(row, 6, &to_fill)?;
    }
    // Protected without a password: the unit fills its three columns and nothing else.
    sheet.protect();
    sheet.set_active(true);

    let meta = book.add_worksheet();
    meta.set_name(META_SHEET)?;
    let pairs: [(&str, String); 7] = [
        ("format", FORMAT.to_owned()),
        ("file", crate::interop::chase::file_fingerprint(dataset)),
        ("revision", revision.unwrap_or_default().to_owned()),
        ("unit_id", work.unit.id.0.to_string()),
        ("unit", work.unit.name.clone()),
        ("made", today.to_string()),
        ("header_row", HEADER_ROW.to_string()),
    ];
    for (row, (key, value)) in (0u32..).zip(pairs) {
        meta.write_string(row, 0, key)?;
        meta.write_string(row, 1, value)?;
    }
    for (row, directive) in (7u32..).zip(&work.led) {
        meta.write_string(row, 0, "directive")?;
        meta.write_string(row, 1, directive.id.0.to_string())?;
        meta.write_string(row, 2, directive_hash(directive))?;
    }
    meta.set_hidden(true);
    meta.protect();
    book.save_to_buffer()
}
