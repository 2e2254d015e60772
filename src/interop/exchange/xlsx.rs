//! The dataset as an .xlsx workbook (rust_xlsxwriter): one sheet each for figures, zones,
//! meetings, units and directives; bold frozen headers with filters; numbers as numbers,
//! dates as Excel dates shown dd/mm/yyyy. Text from the file goes into cells as text only:
//! a name starting with `=` stays a string, never a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::format;
use crate::i18n::Lang;
use crate::model::status::DirectiveStatus;
use crate::model::{Dataset, PeriodShape};

/// Why the workbook could not be made (a limit of the format, say).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct XlsxWriteError(#[from] XlsxError);

/// The workbook's bytes.
pub fn to_xlsx(
    dataset: &Dataset,
    today: jiff::civil::Date,
    lang: Lang,
) -> Result<Vec<u8>, XlsxWriteError> {
    let t = &lang.strings().exchange;
    let header = Format::new().set_bold().set_background_color("F2F4F7").set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let wrap = Format::new().set_text_wrap();
    let mut book = Workbook::new();

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_figures)?;
    let columns = [
        (&t.indicator_id, 14.0),
        (&t.indicator, 30.0),
        (&t.indicator_en, 30.0),
        (&t.unit, 10.0),
        (&t.period_kind, 18.0),
        (&t.year, 8.0),
        (&t.period_part, 10.0),
        (&t.period, 24.0),
        (&t.value, 16.0),
        (&t.qualifier, 12.0),
        (&t.change, 12.0),
        (&t.change_qualifier, 12.0),
        (&t.basis, 24.0),
        (&t.figure_status, 14.0),
        (&t.source, 40.0),
    ];
    let mut row = write_header(sheet, &columns, &header)?;
    for indicator in &dataset.indicators {
        for o in &indicator.observations {
            let (shape, part) = PeriodShape::of(o.period);
            let cells: [(u16, Cell); 15] = [
                (0, Cell::Text(&indicator.id)),
                (1, Cell::Text(&indicator.name)),
                (2, Cell::Text(&indicator.name_en)),
                (3, Cell::Text(&indicator.unit)),
                (4, Cell::Text(format::period_shape(shape, lang))),
                (5, Cell::Number(f64::from(o.period.year()))),
                (6, if part > 0 { Cell::Number(f64::from(part)) } else { Cell::Empty }),
                (7, Cell::Owned(format::period_long(o.period, lang))),
                (8, Cell::Number(o.value)),
                (9, Cell::Text(format::qualifier_name(o.qualifier, lang))),
                (10, o.change.map_or(Cell::Empty, |c| Cell::Number(c.percent))),
                (
                    11,
                    o.change.map_or(Cell::Empty, |c| {
                        Cell::Text(format::qualifier_name(c.qualifier, lang))
                    }),
                ),
                (12, Cell::Text(format::basis(o.basis, lang))),
                (13, Cell::Text(format::figure_status(o.status, lang))),
                (14, Cell::Text(&o.source_ref)),
            ];
            for (column, cell) in cells {
                match cell {
                    Cell::Text(text) => drop(sheet.write_string(row, column, text)?),
                    Cell::Owned(text) => drop(sheet.write_string(row, column, text)?),
                    Cell::Number(number) => drop(sheet.write_number(row, column, number)?),
                    Cell::Empty => {}
                }
            }
            row += 1;
        }
    }
    finish_sheet(sheet, row, columns.len())?;

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_zones)?;
    let columns = [
        (&t.zone_name, 36.0),
        (&t.zone_kind, 22.0),
        (&t.area, 12.0),
        (&t.qualifier, 12.0),
        (&t.count, 10.0),
        (&t.note, 40.0),
        (&t.source, 40.0),
    ];
    let mut row = write_header(sheet, &columns, &header)?;
    for zone in &dataset.zones {
        sheet.write_string(row, 0, &zone.name)?;
        sheet.write_string(row, 1, format::zone_kind(zone.kind, lang))?;
        if let Some(area) = zone.area_ha {
            sheet.write_number(row, 2, area)?;
        }
        sheet.write_string(row, 3, format::qualifier_name(zone.qualifier, lang))?;
        sheet.write_number(row, 4, f64::from(zone.count))?;
        sheet.write_string(row, 5, &zone.note)?;
        sheet.write_string(row, 6, &zone.source_ref)?;
        row += 1;
    }
    finish_sheet(sheet, row, columns.len())?;

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_meetings)?;
    let columns = [
        (&t.meeting_id, 10.0),
        (&t.title, 50.0),
        (&t.date, 12.0),
        (&t.chair, 36.0),
        (&t.reporting_body, 24.0),
        (&t.attendees, 50.0),
    ];
    let mut row = write_header(sheet, &columns, &header)?;
    for meeting in &dataset.meetings {
        sheet.write_number(row, 0, f64::from(meeting.id.0))?;
        sheet.write_string(row, 1, &meeting.title)?;
        sheet.write_datetime_with_format(row, 2, meeting.date, &date)?;
        sheet.write_string(row, 3, &meeting.chair)?;
        sheet.write_string(row, 4, &meeting.reporting_body)?;
        sheet.write_string_with_format(row, 5, meeting.attendees.join("\n"), &wrap)?;
        row += 1;
    }
    finish_sheet(sheet, row, columns.len())?;

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_units)?;
    let columns = [(&t.unit_id, 10.0), (&t.unit_name, 44.0), (&t.unit_kind, 20.0)];
    let mut row = write_header(sheet, &columns, &header)?;
    for unit in &dataset.units {
        sheet.write_number(row, 0, f64::from(unit.id.0))?;
        sheet.write_string(row, 1, &unit.name)?;
        sheet.write_string(row, 2, format::unit_kind(unit.kind, lang))?;
        row += 1;
    }
    finish_sheet(sheet, row, columns.len())?;

    let sheet = book.add_worksheet();
    sheet.set_name(&t.sheet_directives)?;
    let columns = [
        (&t.directive_id, 8.0),
        (&t.meeting_id, 10.0),
        (&t.text, 60.0),
        (&t.addressees, 30.0),
        (&t.lead, 30.0),
        (&t.supporting, 30.0),
        (&t.deadline, 12.0),
        (&t.expected_output, 30.0),
        (&t.completed_on, 12.0),
        (&t.progress, 50.0),
        (&t.status, 24.0),
    ];
    let mut row = write_header(sheet, &columns, &header)?;
    let unit_name =
        |id| dataset.unit(id).map_or_else(|| format!("#{}", id.0), |unit| unit.name.clone());
    let names = |ids: &[crate::model::UnitId]| {
        ids.iter().map(|&id| unit_name(id)).collect::<Vec<_>>().join("\n")
    };
    for directive in &dataset.directives {
        sheet.write_number(row, 0, f64::from(directive.id.0))?;
        sheet.write_number(row, 1, f64::from(directive.meeting_id.0))?;
        sheet.write_string_with_format(row, 2, &directive.text, &wrap)?;
        sheet.write_string_with_format(row, 3, names(&directive.addressees), &wrap)?;
        if let Some(lead) = directive.lead_unit {
            sheet.write_string(row, 4, unit_name(lead))?;
        }
        sheet.write_string_with_format(row, 5, names(&directive.supporting_units), &wrap)?;
        if let Some(deadline) = &directive.deadline {
            sheet.write_datetime_with_format(row, 6, deadline, &date)?;
        }
        sheet.write_string(row, 7, &directive.expected_output)?;
        if let Some(done) = &directive.completed_on {
            sheet.write_datetime_with_format(row, 8, done, &date)?;
        }
        let progress: Vec<String> = directive
            .progress
            .iter()
            .map(|note| format!("{}: {}", format::date(note.date), note.text))
            .collect();
        sheet.write_string_with_format(row, 9, progress.join("\n"), &wrap)?;
        let status = DirectiveStatus::of_directive(directive, today);
        sheet.write_string(row, 10, status.label(lang))?;
        row += 1;
    }
    finish_sheet(sheet, row, columns.len())?;

    Ok(book.save_to_buffer()?)
}

/// One cell of a figures row.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
    Empty,
}

fn write_header(
    sheet: &mut Worksheet,
    columns: &[(&String, f64)],
    format: &Format,
) -> Result<u32, XlsxError> {
    for (index, (title, width)) in columns.iter().enumerate() {
        let column = index as u16;
        sheet.write_string_with_format(0, column, title.as_str(), format)?;
        sheet.set_column_width(column, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(1)
}

fn finish_sheet(sheet: &mut Worksheet, rows: u32, columns: usize) -> Result<(), XlsxError> {
    if rows > 1 {
        sheet.autofilter(0, 0, rows - 1, (columns - 1) as u16)?;
    }
    Ok(())
}
