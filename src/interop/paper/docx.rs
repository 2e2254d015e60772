//! The official report as a Word document (docx-rs), to be finished in Word before it is
//! signed: the same content as the PDF ([`OfficialReport`]), all of it editable text.
//!
//! Named styles carry the look (Normal in Times New Roman 14 pt, Body Text justified with a
//! 1 cm first line, Heading 1 and 2, Caption, Title); A4 with the decree's margins on the
//! report's section, a header with a PAGE field that page 1 leaves out (a different first
//! page), the appendix in a landscape section numbered on its own; the header block and
//! the signature as borderless tables; the charts as 300-dpi pictures with their captions;
//! the appendix's tables with a header row that repeats on each page and rows that don't
//! split. docx-rs writes no `tblHeader`: it is put into the rows after building (see
//! [`mark_header_rows`]).

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, PageMargin, PageNum, PageNumType,
    PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Pic, Run, RunFonts, Section, SpecialIndentType, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};

use super::ExportError;
use super::layout::{self, Align, Face};
use super::official::{self, OfficialReport, Piece};

/// Twips (1/20 pt) in a millimetre.
fn twips(mm: f32) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// Points to twips.
fn pt_twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

/// Half-points, Word's font sizes.
fn half_points(points: f32) -> usize {
    (points * 2.0).round() as usize
}

/// EMU in a point (pictures are sized in EMU).
const EMU_PER_PT: f32 = 12_700.0;

const A4_SHORT: u32 = 11_906;
const A4_LONG: u32 = 16_838;

fn margins() -> PageMargin {
    PageMargin::new()
        .top(twips(20.0))
        .bottom(twips(20.0))
        .left(twips(30.0))
        .right(twips(15.0))
        .header(twips(10.0))
        .footer(twips(10.0))
}

/// The width between the margins, in twips, upright or on its side.
fn content_twips(landscape: bool) -> i32 {
    let width = if landscape { 297.0 } else { 210.0 };
    twips(width - 30.0 - 15.0)
}

/// The report as the bytes of a .docx file.
pub fn write(report: &OfficialReport) -> Result<Vec<u8>, ExportError> {
    let fonts = RunFonts::new()
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman")
        .east_asia("Times New Roman");
    let mut docx = Docx::new().default_fonts(fonts).default_size(half_points(official::BODY));
    for style in styles() {
        docx = docx.add_style(style);
    }
    // The body: the header block to the signature.
    let mut body =
        vec![Item::Table(Box::new(header_block(report))), Item::Paragraph(Box::new(spacer(12.0)))];
    // A Công văn has no kind line: its subject is the `V/v` under the number.
    if !report.kind.is_empty() {
        body.push(Item::Paragraph(Box::new(styled("Title", &report.kind))));
        body.push(Item::Paragraph(Box::new(styled("Title", &report.subject))));
        body.push(Item::Paragraph(Box::new(rule(twips(45.0), content_twips(false)))));
    }
    if let Some(addressee) = &report.addressee {
        let line =
            Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(addressee));
        body.push(Item::Paragraph(Box::new(line)));
    }
    body.push(Item::Paragraph(Box::new(spacer(6.0))));
    body.extend(pieces(&report.body, content_twips(false))?);
    body.push(Item::Table(Box::new(foot_block(report))));

    // Page 1 has no number (a different first page), the others do. With an appendix the
    // body is a section of its own and the appendix the document's last section, numbered
    // from 1 on its own, its first page unnumbered too. Without one the body is the last
    // section: an empty one after it was a blank last page (letters have no appendix).
    let Some(appendix) = &report.appendix else {
        docx = docx
            .page_size(A4_SHORT, A4_LONG)
            .page_margin(margins())
            .header(page_number_header())
            .first_header(Header::new());
        for item in body {
            docx = match item {
                Item::Paragraph(p) => docx.add_paragraph(*p),
                Item::Table(t) => docx.add_table(*t),
            };
        }
        return pack(docx);
    };
    let mut section = Section::new()
        .page_size(PageSize::new().size(A4_SHORT, A4_LONG))
        .page_margin(margins())
        .header(page_number_header())
        .title_pg();
    for item in body {
        section = match item {
            Item::Paragraph(p) => section.add_paragraph(*p),
            Item::Table(t) => section.add_table(*t),
        };
    }
    docx = docx.add_section(section);
    let landscape = report.landscape_appendix;
    let (width, height) = if landscape { (A4_LONG, A4_SHORT) } else { (A4_SHORT, A4_LONG) };
    docx = docx
        .page_size(width, height)
        .page_margin(margins())
        .page_num_type(PageNumType::new().start(1))
        .header(page_number_header())
        .first_header(Header::new());
    if landscape {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    docx = docx.add_paragraph(styled("Title", &appendix.label));
    docx = docx.add_paragraph(styled("Title", &appendix.title));
    docx = docx.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(&appendix.note).italic()),
    );
    docx = docx.add_paragraph(spacer(6.0));
    for item in pieces(&appendix.pieces, content_twips(landscape))? {
        docx = match item {
            Item::Paragraph(p) => docx.add_paragraph(*p),
            Item::Table(t) => docx.add_table(*t),
        };
    }
    pack(docx)
}

/// The document as the bytes of its .docx file.
fn pack(docx: Docx) -> Result<Vec<u8>, ExportError> {
    let mut xml = docx.build();
    xml.document = mark_header_rows(&xml.document);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|err| ExportError::Render { detail: err.to_string() })?;
    Ok(bytes.into_inner())
}

/// The named styles: Body Text, Heading 1 and 2, Title, Caption, and the tables' text.
/// Normal itself is the document's defaults (Times New Roman 14 pt): docx-rs writes its own
/// Normal style, so another would be a second one.
fn styles() -> Vec<Style> {
    let body_spacing = LineSpacing::new().after(pt_twips(official::PARAGRAPH_SPACE) as u32);
    let first_line = Some(SpecialIndentType::FirstLine(twips(10.0)));
    vec![
        Style::new("BodyText", StyleType::Paragraph)
            .name("Body Text")
            .based_on("Normal")
            .q_format(true)
            .align(AlignmentType::Both)
            .indent(Some(0), first_line, None, None)
            .line_spacing(body_spacing.clone()),
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .based_on("Normal")
            .next("BodyText")
            .q_format(true)
            .bold()
            .size(half_points(official::BODY))
            .indent(Some(0), first_line, None, None)
            .line_spacing(LineSpacing::new().before(120).after(120))
            .outline_lvl(0),
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .based_on("Normal")
            .next("BodyText")
            .q_format(true)
            .bold()
            .size(half_points(official::BODY))
            .indent(Some(0), first_line, None, None)
            .line_spacing(body_spacing)
            .outline_lvl(1),
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .q_format(true)
            .bold()
            .size(half_points(official::BODY))
            .align(AlignmentType::Center),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .q_format(true)
            .italic()
            .size(half_points(official::CAPTION))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(240)),
        Style::new("TableText", StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .q_format(true)
            .size(half_points(official::TABLE)),
    ]
}

/// The header of every page but the first: its number, centred.
fn page_number_header() -> Header {
    Header::new()
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new()))
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(Run::new().add_text(text))
}

/// An empty line of `points` height.
fn spacer(points: f32) -> Paragraph {
    Paragraph::new()
        .size(half_points(points.min(official::BODY)))
        .line_spacing(LineSpacing::new().before(0).after(0).line(pt_twips(points)))
}

/// A solid rule of `length` twips, centred in `room`: an empty, tiny paragraph with a bottom
/// border, indented on both sides to the rule's length.
fn rule(length: i32, room: i32) -> Paragraph {
    let side = ((room - length) / 2).max(0);
    // Its own height keeps the border clear of the text above (a rule, not an underline).
    let mut paragraph = Paragraph::new()
        .size(2)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(LineSpacing::new().before(0).after(80).line(120));
    // Only the bottom border: docx-rs's default borders are all four sides.
    let bottom =
        ParagraphBorder::new(ParagraphBorderPosition::Bottom).val(BorderType::Single).size(6);
    paragraph.property = paragraph.property.set_borders(ParagraphBorders::with_empty().set(bottom));
    paragraph
}

/// A centred line of a header column, in Times of `size`, bold or not, with a rule under
/// it of `rule` times its width.
fn column_line(text: &str, size: f32, bold: bool, italic: bool) -> Paragraph {
    let mut run = Run::new().add_text(text).size(half_points(size));
    if bold {
        run = run.bold();
    }
    if italic {
        run = run.italic();
    }
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(run)
}

/// The width of `text` in points, in Times (Liberation Serif has its metrics).
fn text_width(text: &str, size: f32, bold: bool, italic: bool) -> f32 {
    let face = Face { serif: true, bold, italic };
    super::typeface::width(text, size, face)
}

/// Page 1's two-column header block, as a table without borders.
fn header_block(report: &OfficialReport) -> Table {
    let room = content_twips(false);
    let left_width = (room as f32 * official::LEFT_SHARE) as i32;
    let right_width = room - left_width;
    let issuer_rule =
        pt_twips(text_width(&report.issuing_body, official::HEADER, true, false) * 0.4);
    let motto_rule = pt_twips(text_width(&report.motto, official::HEADER, true, false));
    let left = TableCell::new()
        .width(left_width as usize, WidthType::Dxa)
        .add_paragraph(column_line(&report.parent_body, official::HEADER, false, false))
        .add_paragraph(column_line(&report.issuing_body, official::HEADER, true, false))
        .add_paragraph(rule(issuer_rule, left_width))
        .add_paragraph(column_line(&report.number, official::HEADER, false, false));
    let left = match &report.reference {
        Some(line) => left.add_paragraph(column_line(line, official::REFERENCE, false, false)),
        None => left,
    };
    let right = TableCell::new()
        .width(right_width as usize, WidthType::Dxa)
        .add_paragraph(column_line(&report.nation, official::NATION, true, false))
        .add_paragraph(column_line(&report.motto, official::HEADER, true, false))
        .add_paragraph(rule(motto_rule, right_width))
        .add_paragraph(column_line(&report.place_date, official::BODY, false, true));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![left_width as usize, right_width as usize])
        .width(room as usize, WidthType::Dxa)
}

/// The last page's foot: "Nơi nhận" and its list beside the signature.
fn foot_block(report: &OfficialReport) -> Table {
    let room = content_twips(false);
    let half = room / 2;
    let mut left = TableCell::new().width(half as usize, WidthType::Dxa).add_paragraph(
        Paragraph::new().add_run(
            Run::new()
                .add_text(&report.recipients_title)
                .bold()
                .italic()
                .size(half_points(official::RECIPIENTS_TITLE)),
        ),
    );
    for line in &report.recipients {
        left = left.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(Run::new().add_text(line).size(half_points(official::RECIPIENTS))),
        );
    }
    let mut right = TableCell::new().width((room - half) as usize, WidthType::Dxa);
    for line in &report.authority {
        right = right.add_paragraph(column_line(line, official::BODY, true, false));
    }
    right = right.add_paragraph(spacer(official::SIGNATURE_ROOM));
    right = right.add_paragraph(column_line(&report.signer, official::BODY, true, false));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![half as usize, (room - half) as usize])
        .width(room as usize, WidthType::Dxa)
}

/// A paragraph or a table of the body.
enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The PNG of every figure among `pieces`, in their order, drawn a few at a time on as
/// many threads as the machine has cores (four charts take about the time of one on a
/// four-core laptop; a report of twenty products does not hold twenty 9 MB pixmaps at once).
fn figure_pictures(pieces: &[Piece]) -> Vec<Result<Vec<u8>, ExportError>> {
    let charts: Vec<_> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Figure { chart, .. } => Some(chart),
            _ => None,
        })
        .collect();
    let at_once = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 8);
    let mut pictures = Vec::with_capacity(charts.len());
    for batch in charts.chunks(at_once) {
        std::thread::scope(|scope| {
            let drawing: Vec<_> = batch
                .iter()
                .map(|chart| scope.spawn(|| super::png::render(chart, super::DEFAULT_DPI)))
                .collect();
            pictures.extend(drawing.into_iter().map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err(ExportError::Render { detail: "chart picture".into() }))
            }));
        });
    }
    pictures
}

/// The body's pieces as Word paragraphs and tables, `room` twips wide.
fn pieces(pieces: &[Piece], room: i32) -> Result<Vec<Item>, ExportError> {
    let mut items = Vec::new();
    let mut pictures = figure_pictures(pieces).into_iter();
    for piece in pieces {
        match piece {
            Piece::Heading { level, text } => {
                let style = if *level <= 1 { "Heading1" } else { "Heading2" };
                items.push(Item::Paragraph(Box::new(styled(style, text).keep_next(true))));
            }
            Piece::Paragraph(text) => {
                items.push(Item::Paragraph(Box::new(styled("BodyText", text))))
            }
            Piece::Note(text) => items.push(Item::Paragraph(Box::new(
                Paragraph::new().style("BodyText").add_run(Run::new().add_text(text).italic()),
            ))),
            Piece::Figure { chart, caption } => {
                let png = pictures.next().expect("a picture for each figure")?;
                let (width_px, height_px) = png_size(&png)?;
                // Its size on paper, shrunk to the width between the margins.
                let scale = (room as f32 / 20.0 / chart.width).min(1.0);
                let (width, height) = (chart.width * scale, chart.height * scale);
                let picture = Pic::new_with_dimensions(png, width_px, height_px)
                    .size((width * EMU_PER_PT) as u32, (height * EMU_PER_PT) as u32);
                items.push(Item::Paragraph(Box::new(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .keep_next(true)
                        .add_run(Run::new().add_image(picture)),
                )));
                items.push(Item::Paragraph(Box::new(styled("Caption", caption))));
            }
            Piece::Table(table) => {
                items.push(Item::Table(Box::new(word_table(table, room))));
                items.push(Item::Paragraph(Box::new(spacer(6.0))));
            }
        }
    }
    Ok(items)
}

/// A table of the appendix: header row in bold (repeated on each page once marked), every
/// row kept whole on its page, columns in the table's shares of `room`.
fn word_table(table: &layout::Table, room: i32) -> Table {
    let widths = column_twips(table, room);
    let cell = |text: &str, width: usize, align: Align, bold: bool| {
        let mut cell = TableCell::new().width(width, WidthType::Dxa);
        for line in text.split('\n') {
            let mut run = Run::new().add_text(line);
            if bold {
                run = run.bold();
            }
            let alignment = match align {
                Align::Left | Align::Justify => AlignmentType::Left,
                Align::Center => AlignmentType::Center,
                Align::Right => AlignmentType::Right,
            };
            cell = cell
                .add_paragraph(Paragraph::new().style("TableText").align(alignment).add_run(run));
        }
        cell
    };
    let header = TableRow::new(
        table
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| cell(&column.title, *width, Align::Center, true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for row in &table.rows {
        let cells = table
            .columns
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(index, (column, width))| {
                let text = row.get(index).map_or("", |c| c.text.as_str());
                cell(text, *width, column.align, false)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    Table::new(rows).set_grid(widths).width(room as usize, WidthType::Dxa)
}

/// Word's (and LibreOffice's) margin either side of a table cell's text: 0,19 cm.
const CELL_MARGIN_TWIPS: i32 = 108;

/// The columns' widths in twips: the table's shares of `room`, each at least as wide as the
/// longest word of its title in bold, so no title breaks inside a word (the letters' "STT"
/// did, "ST / T", in LibreOffice); what that takes comes from the widest column.
fn column_twips(table: &layout::Table, room: i32) -> Vec<usize> {
    let shares: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum::<f32>().max(f32::EPSILON);
    let mut widths: Vec<i32> =
        table.columns.iter().map(|c| (room as f32 * c.share.max(0.0) / shares) as i32).collect();
    let least = |title: &str| {
        let word = title
            .split_whitespace()
            .map(|word| text_width(word, official::TABLE, true, false))
            .fold(0.0, f32::max);
        pt_twips(word) + 2 * CELL_MARGIN_TWIPS + 20
    };
    let wanted: Vec<i32> = table.columns.iter().map(|c| least(&c.title)).collect();
    let short: i32 = widths.iter().zip(&wanted).map(|(w, l)| (l - w).max(0)).sum();
    let widest = (0..widths.len()).max_by_key(|&i| widths[i]);
    if let Some(widest) = widest.filter(|&i| short > 0 && widths[i] - short >= wanted[i]) {
        for (width, least) in widths.iter_mut().zip(&wanted) {
            *width = (*width).max(*least);
        }
        widths[widest] -= short;
    }
    widths.into_iter().map(|w| w.max(0) as usize).collect()
}

/// A PNG's width and height, from its header.
fn png_size(png: &[u8]) -> Result<(u32, u32), ExportError> {
    let field =
        |at: usize| png.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    match (field(16), field(20)) {
        (Some(width), Some(height)) if png.starts_with(b"\x89PNG") => Ok((width, height)),
        _ => Err(ExportError::Render { detail: "chart picture".into() }),
    }
}

/// Marks the first row of every table that has a visible header (the appendix's) as a
/// header row Word repeats at the top of each page: `<w:tblHeader/>` in its row properties.
/// The header block and the foot are tables without borders and need no repeat; they are
/// told apart by their borders, which docx-rs writes empty (`<w:tblBorders />`) or none.
pub fn mark_header_rows(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else { return xml.to_vec() };
    let mut out = String::with_capacity(text.len() + 256);
    let mut rest = text;
    while let Some(start) = rest.find("<w:tbl>") {
        let (head, table) = rest.split_at(start);
        out.push_str(head);
        let end = table.find("</w:tbl>").map_or(table.len(), |e| e + "</w:tbl>".len());
        let (this, after) = table.split_at(end);
        let borderless = this.contains("<w:tblBorders />")
            || this
                .find("<w:tblBorders>")
                .and_then(|b| this[b..].find("</w:tblBorders>").map(|e| &this[b..b + e]))
                .is_some_and(|borders| {
                    borders.contains("w:val=\"none\"") || borders.contains("w:val=\"nil\"")
                });
        match this.find("<w:trPr>") {
            Some(at) if !borderless => {
                let at = at + "<w:trPr>".len();
                out.push_str(&this[..at]);
                out.push_str("<w:tblHeader />");
                out.push_str(&this[at..]);
            }
            _ => out.push_str(this),
        }
        rest = after;
    }
    out.push_str(rest);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bordered_tables_first_row_becomes_a_header_row() {
        let xml = "<w:body><w:tbl><w:tblPr><w:tblBorders /></w:tblPr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl>\
                   <w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"single\"/></w:tblBorders></w:tblPr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl></w:body>";
        let marked = String::from_utf8(mark_header_rows(xml.as_bytes())).unwrap();
        assert_eq!(marked.matches("<w:tblHeader />").count(), 1, "{marked}");
        let second = marked.rfind("<w:tbl>").unwrap();
        assert!(marked[second..].contains("<w:trPr><w:tblHeader />"), "{marked}");
    }

    #[test]
    fn units_convert() {
        assert_eq!(twips(30.0), 1701);
        assert_eq!(content_twips(false), twips(165.0));
        assert_eq!(half_points(14.0), 28);
    }
}
