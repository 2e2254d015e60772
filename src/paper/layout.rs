//! Page layout for paper: wraps text to a width, fills pages top to bottom, keeps a heading
//! with what follows it, repeats a table's header on every page the table spans, never
//! splits a table row across pages (unless the row alone is taller than a page), and
//! writes the footer of each page once the page count is known.
//!
//! It knows nothing of datasets or PDF: `report` says what goes on paper as [`Block`]s,
//! this module turns them into positioned [`Item`]s on [`Page`]s, and `pdf` draws those.
//! Units are PDF points (1/72 inch); y grows downwards from the top of the page.

use std::sync::Arc;

use egui::Color32;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// The paper and its margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSpec {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
}

impl PageSpec {
    /// A4 (210 × 297 mm) with 2 cm margins, upright or on its side.
    pub fn a4(landscape: bool) -> PageSpec {
        let (short, long) = (210.0 * MM, 297.0 * MM);
        let (width, height) = if landscape { (long, short) } else { (short, long) };
        PageSpec { width, height, margin: 20.0 * MM }
    }

    /// The width between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    /// Where content ends: the footer lives in the bottom margin.
    fn content_bottom(&self) -> f32 {
        self.height - self.margin
    }
}

/// Size, weight and colour of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub colour: Color32,
}

impl Style {
    /// Regular text of `size` in the ink colour.
    pub fn regular(size: f32) -> Style {
        Style { size, bold: false, colour: crate::palette::INK }
    }

    /// Bold text of `size` in the ink colour.
    pub fn bold(size: f32) -> Style {
        Style { size, bold: true, colour: crate::palette::INK }
    }

    /// The same in another colour.
    pub fn colour(self, colour: Color32) -> Style {
        Style { colour, ..self }
    }

    /// Baseline to baseline.
    pub fn line_height(&self) -> f32 {
        self.size * LINE_SPACING
    }
}

const LINE_SPACING: f32 = 1.3;
/// From the top of a line box to its baseline.
const ASCENT: f32 = 1.0;

/// Horizontal placement of text in its box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Something that goes on paper, in reading order.
#[derive(Clone, Debug)]
pub enum Block {
    /// Text wrapped to the content width; `\n` starts a new line.
    Text { text: String, style: Style, align: Align },
    /// A section title: bold, kept on the same page as the start of the next block.
    Heading { text: String, style: Style },
    /// Two texts on one line, one at each margin (an official letterhead).
    Split { left: String, right: String, style: Style },
    /// A table, paginated with its header on every page.
    Table(Table),
    /// A drawing (SVG) of the given size, shrunk to the content width if wider.
    Figure { svg: Arc<str>, width: f32, height: f32 },
    /// Vertical space.
    Space(f32),
    /// Continue on a new page.
    PageBreak,
}

/// One column of a [`Table`].
#[derive(Clone, Debug)]
pub struct Column {
    pub title: String,
    /// Share of the table's width (the shares are normalised, they need not add to 1).
    pub share: f32,
    pub align: Align,
}

impl Column {
    /// A column titled `title` taking `share` of the width.
    pub fn new(title: &str, share: f32, align: Align) -> Column {
        Column { title: title.to_owned(), share, align }
    }
}

/// One cell: text and, optionally, its own colour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub text: String,
    pub colour: Option<Color32>,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, colour: None }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell { text: text.to_owned(), colour: None }
    }
}

/// A table over the content width.
#[derive(Clone, Debug)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Text size of its cells.
    pub size: f32,
}

/// A thing placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text, `baseline` its baseline.
    Text { x: f32, baseline: f32, text: String, style: Style },
    /// A straight line.
    Line { from: (f32, f32), to: (f32, f32), width: f32, colour: Color32 },
    /// A filled rectangle.
    Fill { x: f32, y: f32, width: f32, height: f32, colour: Color32 },
    /// A drawing scaled into the box.
    Svg { x: f32, y: f32, width: f32, height: f32, svg: Arc<str> },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    /// The text lines on the page, top to bottom (for tests and summaries).
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.items.iter().filter_map(|item| match item {
            Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}

/// Measures text: the layout asks it how wide a string is in a style.
pub trait Measure {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32;
}

/// Measures with the bundled fonts, as the PDF will draw.
pub struct FontMeasure;

impl Measure for FontMeasure {
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        super::typeface::width(text, size, bold)
    }
}

/// What the footer of page `number` (from 1) of `count` says, left and right.
pub type Footer<'a> = &'a dyn Fn(usize, usize) -> (String, String);

const FOOTER_SIZE: f32 = 8.0;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const RULE_WIDTH: f32 = 0.5;
/// A heading moves to the next page unless this many lines of what follows fit under it.
const KEEP_LINES: f32 = 3.0;

/// Lays `blocks` out on pages of `spec`, then writes each page's footer.
pub fn lay_out(
    blocks: &[Block],
    spec: PageSpec,
    measure: &dyn Measure,
    footer: Footer<'_>,
) -> Vec<Page> {
    let mut flow = Flow { spec, measure, pages: vec![Page::default()], y: spec.margin };
    for (index, block) in blocks.iter().enumerate() {
        match block {
            Block::Text { text, style, align } => flow.text(text, *style, *align),
            Block::Heading { text, style } => {
                let following = blocks.get(index + 1).map_or(0.0, |next| flow.first_part(next));
                let lines = wrap(text, spec.content_width(), *style, measure).len() as f32;
                flow.room_for(lines * style.line_height() + following);
                flow.text(text, *style, Align::Left);
                flow.y += style.size * 0.4;
            }
            Block::Split { left, right, style } => flow.split(left, right, *style),
            Block::Table(table) => flow.table(table),
            Block::Figure { svg, width, height } => flow.figure(svg, *width, *height),
            Block::Space(height) => flow.y += height,
            Block::PageBreak => flow.new_page(),
        }
    }
    let count = flow.pages.len();
    let style = Style::regular(FOOTER_SIZE).colour(crate::palette::MUTED);
    let baseline = spec.height - spec.margin + 2.2 * FOOTER_SIZE;
    for (index, page) in flow.pages.iter_mut().enumerate() {
        let (left, right) = footer(index + 1, count);
        let right_x = spec.width - spec.margin - measure.width(&right, style.size, style.bold);
        page.items.push(Item::Text { x: spec.margin, baseline, text: left, style });
        page.items.push(Item::Text { x: right_x, baseline, text: right, style });
    }
    flow.pages
}

/// The state of filling pages: the page being filled and how far down it is.
struct Flow<'a> {
    spec: PageSpec,
    measure: &'a dyn Measure,
    pages: Vec<Page>,
    y: f32,
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.spec.margin;
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.spec.margin
    }

    fn remaining(&self) -> f32 {
        self.spec.content_bottom() - self.y
    }

    /// Starts a new page unless `height` fits on this one (or this page is still empty,
    /// where moving would not help).
    fn room_for(&mut self, height: f32) {
        if height > self.remaining() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// How much of `block` must follow a heading on the same page.
    fn first_part(&self, block: &Block) -> f32 {
        match block {
            Block::Text { style, .. } | Block::Heading { style, .. } => {
                KEEP_LINES * style.line_height()
            }
            Block::Split { style, .. } => style.line_height(),
            Block::Table(table) => {
                let widths = column_widths(table, self.spec.content_width());
                let header = header_cells(table);
                let first = table.rows.first().map_or(0.0, |row| {
                    row_height(row, &widths, Style::regular(table.size), self.measure)
                });
                row_height(&header, &widths, Style::bold(table.size), self.measure) + first
            }
            Block::Figure { width, height, .. } => {
                height * (self.spec.content_width() / width).min(1.0)
            }
            Block::Space(_) | Block::PageBreak => 0.0,
        }
    }

    fn text(&mut self, text: &str, style: Style, align: Align) {
        let width = self.spec.content_width();
        for line in wrap(text, width, style, self.measure) {
            self.room_for(style.line_height());
            let x = self.spec.margin + aligned(&line, width, align, style, self.measure);
            let baseline = self.y + style.size * ASCENT;
            self.page().items.push(Item::Text { x, baseline, text: line, style });
            self.y += style.line_height();
        }
    }

    fn split(&mut self, left: &str, right: &str, style: Style) {
        self.room_for(style.line_height());
        let baseline = self.y + style.size * ASCENT;
        let right_width = self.measure.width(right, style.size, style.bold);
        let right_x = self.spec.width - self.spec.margin - right_width;
        let left_room = (right_x - self.spec.margin - style.size).max(0.0);
        let left = wrap(left, left_room, style, self.measure);
        let mut lines = left.into_iter();
        if let Some(first) = lines.next() {
            let x = self.spec.margin;
            self.page().items.push(Item::Text { x, baseline, text: first, style });
        }
        self.page().items.push(Item::Text { x: right_x, baseline, text: right.to_owned(), style });
        self.y += style.line_height();
        let rest: Vec<String> = lines.collect();
        if !rest.is_empty() {
            self.text(&rest.join(" "), style, Align::Left);
        }
    }

    fn figure(&mut self, svg: &Arc<str>, width: f32, height: f32) {
        let scale = (self.spec.content_width() / width).min(1.0);
        let (width, height) = (width * scale, height * scale);
        self.room_for(height);
        let x = self.spec.margin + (self.spec.content_width() - width) / 2.0;
        let y = self.y;
        self.page().items.push(Item::Svg { x, y, width, height, svg: Arc::clone(svg) });
        self.y += height;
    }

    fn table(&mut self, table: &Table) {
        let grid = Grid::new(table, self.spec.content_width(), self.measure);
        self.room_for(self.first_part(&Block::Table(table.clone())));
        self.header_row(&grid);
        for row in &table.rows {
            let mut lines = wrapped_cells(row, &grid.widths, grid.body_style, self.measure);
            loop {
                let height = cells_height(&lines, grid.body_style);
                if height <= self.remaining() {
                    self.draw_row(&grid, &lines, row, grid.body_style, None);
                    break;
                }
                let fresh_page_room =
                    self.spec.content_bottom() - self.spec.margin - grid.header_height;
                if height <= fresh_page_room {
                    // The row fits whole on the next page: move it there, under the header.
                    self.new_page();
                    self.header_row(&grid);
                    continue;
                }
                // Taller than a page: the only row that may split, at a line boundary.
                let line_height = grid.body_style.line_height();
                let fit =
                    ((self.remaining() - 2.0 * CELL_PAD_Y) / line_height).floor().max(0.0) as usize;
                if fit > 0 {
                    let rest: Vec<Vec<String>> =
                        lines.iter_mut().map(|cell| cell.split_off(fit.min(cell.len()))).collect();
                    self.draw_row(&grid, &lines, row, grid.body_style, None);
                    lines = rest;
                }
                self.new_page();
                self.header_row(&grid);
            }
        }
        self.y += table.size;
    }

    fn header_row(&mut self, grid: &Grid) {
        let lines = wrapped_cells(&grid.header, &grid.widths, grid.header_style, self.measure);
        self.draw_row(grid, &lines, &grid.header, grid.header_style, Some(crate::palette::CARD));
    }

    /// Draws one row (or the part of a split row) at the current height, with its rules.
    fn draw_row(
        &mut self,
        grid: &Grid,
        lines: &[Vec<String>],
        cells: &[Cell],
        style: Style,
        background: Option<Color32>,
    ) {
        let height = cells_height(lines, style);
        let (top, left) = (self.y, self.spec.margin);
        let right = left + grid.widths.iter().sum::<f32>();
        let measure = self.measure;
        let mut items = Vec::new();
        if let Some(colour) = background {
            items.push(Item::Fill { x: left, y: top, width: right - left, height, colour });
        }
        let rule = crate::palette::RULE;
        let line = |from, to| Item::Line { from, to, width: RULE_WIDTH, colour: rule };
        items.push(line((left, top), (right, top)));
        items.push(line((left, top + height), (right, top + height)));
        let mut x = left;
        items.push(line((x, top), (x, top + height)));
        for (column, (width, align)) in grid.widths.iter().zip(&grid.aligns).enumerate() {
            let cell_style = match cells.get(column).and_then(|c| c.colour) {
                Some(colour) => style.colour(colour),
                None => style,
            };
            for (index, text) in lines[column].iter().enumerate() {
                let baseline =
                    top + CELL_PAD_Y + index as f32 * style.line_height() + style.size * ASCENT;
                let inner = width - 2.0 * CELL_PAD_X;
                let offset = aligned(text, inner, *align, cell_style, measure);
                items.push(Item::Text {
                    x: x + CELL_PAD_X + offset,
                    baseline,
                    text: text.clone(),
                    style: cell_style,
                });
            }
            x += width;
            items.push(line((x, top), (x, top + height)));
        }
        self.page().items.extend(items);
        self.y += height;
    }
}

/// A table's columns as placed on the page.
struct Grid {
    widths: Vec<f32>,
    aligns: Vec<Align>,
    header: Vec<Cell>,
    header_style: Style,
    header_height: f32,
    body_style: Style,
}

impl Grid {
    fn new(table: &Table, width: f32, measure: &dyn Measure) -> Grid {
        let widths = column_widths(table, width);
        let header = header_cells(table);
        let header_style = Style::bold(table.size);
        let header_height = row_height(&header, &widths, header_style, measure);
        Grid {
            aligns: table.columns.iter().map(|c| c.align).collect(),
            widths,
            header,
            header_style,
            header_height,
            body_style: Style::regular(table.size),
        }
    }
}

fn header_cells(table: &Table) -> Vec<Cell> {
    table.columns.iter().map(|c| Cell::from(c.title.as_str())).collect()
}

fn column_widths(table: &Table, total: f32) -> Vec<f32> {
    let shares: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
    let count = table.columns.len().max(1) as f32;
    table
        .columns
        .iter()
        .map(|c| if shares > 0.0 { total * c.share.max(0.0) / shares } else { total / count })
        .collect()
}

fn wrapped_cells(
    cells: &[Cell],
    widths: &[f32],
    style: Style,
    measure: &dyn Measure,
) -> Vec<Vec<String>> {
    widths
        .iter()
        .enumerate()
        .map(|(column, width)| {
            let text = cells.get(column).map_or("", |c| c.text.as_str());
            wrap(text, width - 2.0 * CELL_PAD_X, style, measure)
        })
        .collect()
}

fn cells_height(lines: &[Vec<String>], style: Style) -> f32 {
    let most = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    most as f32 * style.line_height() + 2.0 * CELL_PAD_Y
}

fn row_height(cells: &[Cell], widths: &[f32], style: Style, measure: &dyn Measure) -> f32 {
    cells_height(&wrapped_cells(cells, widths, style, measure), style)
}

fn aligned(text: &str, width: f32, align: Align, style: Style, measure: &dyn Measure) -> f32 {
    let free = (width - measure.width(text, style.size, style.bold)).max(0.0);
    match align {
        Align::Left => 0.0,
        Align::Center => free / 2.0,
        Align::Right => free,
    }
}

/// Breaks `text` into lines no wider than `width`: at spaces where it can, inside a word
/// only when the word alone is wider than the line. `\n` always starts a new line.
/// Empty text is one empty line. Widths add up (no kerning), so a line's width is the sum
/// of its words' and spaces' and each word is measured once.
pub fn wrap(text: &str, width: f32, style: Style, measure: &dyn Measure) -> Vec<String> {
    let measure_text = |text: &str| measure.width(text, style.size, style.bold);
    let space = measure_text(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = measure_text(word);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word wider than the line (a long path or number): cut it by characters.
            line_width = 0.0;
            for c in word.chars() {
                let c_width = measure_text(c.encode_utf8(&mut [0; 4]));
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 1 pt wide at size 1, so widths are character counts × size.
    struct Monospace;

    impl Measure for Monospace {
        fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
            text.chars().count() as f32 * size
        }
    }

    fn no_footer(_: usize, _: usize) -> (String, String) {
        (String::new(), String::new())
    }

    fn page_numbers(page: usize, count: usize) -> (String, String) {
        ("left".into(), format!("Trang {page}/{count}"))
    }

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_every_word() {
        let style = Style::regular(1.0);
        let lines = wrap("một hai ba bốn năm", 7.0, style, &Monospace);
        assert_eq!(lines, ["một hai", "ba bốn", "năm"]);
        assert!(lines.iter().all(|l| l.chars().count() <= 7));
    }

    #[test]
    fn wrap_cuts_a_word_wider_than_the_line() {
        let lines = wrap("abcdefghij xy", 4.0, Style::regular(1.0), &Monospace);
        assert_eq!(lines, ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn wrapped_lines_fit_with_the_real_font_and_keep_every_word() {
        let data = crate::dataset::builtin();
        let texts: Vec<&str> = data.directives.iter().map(|d| d.text.as_str()).collect();
        let text = texts.join(" ");
        for width in [30.0, 120.0, 300.0] {
            let lines = wrap(&text, width, Style::regular(9.0), &FontMeasure);
            for line in &lines {
                let measured = FontMeasure.width(line, 9.0, false);
                assert!(measured <= width + 1e-3 || line.chars().count() == 1, "{line:?}");
            }
            let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
            if width >= 120.0 {
                assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn wrap_keeps_newlines_and_empty_text() {
        let style = Style::regular(1.0);
        assert_eq!(wrap("a\nb", 10.0, style, &Monospace), ["a", "b"]);
        assert_eq!(wrap("", 10.0, style, &Monospace), [""]);
    }

    #[test]
    fn a4_portrait_and_landscape() {
        let portrait = PageSpec::a4(false);
        assert!((portrait.width - 595.28).abs() < 0.01 && (portrait.height - 841.89).abs() < 0.01);
        assert!((portrait.margin - 56.69).abs() < 0.01, "2 cm");
        let landscape = PageSpec::a4(true);
        assert_eq!((landscape.width, landscape.height), (portrait.height, portrait.width));
    }

    fn table(rows: usize) -> Table {
        Table {
            columns: vec![
                Column { title: "STT".into(), share: 1.0, align: Align::Left },
                Column { title: "Nội dung".into(), share: 4.0, align: Align::Left },
            ],
            rows: (1..=rows)
                .map(|i| vec![Cell::from(i.to_string()), Cell::from(format!("việc {i}"))])
                .collect(),
            size: 9.0,
        }
    }

    #[test]
    fn a_long_table_repeats_its_header_and_loses_no_row() {
        let pages =
            lay_out(&[Block::Table(table(300))], PageSpec::a4(false), &Monospace, &page_numbers);
        assert!(pages.len() > 3, "300 rows take several pages, got {}", pages.len());
        for (index, page) in pages.iter().enumerate() {
            let lines: Vec<&str> = page.lines().collect();
            assert_eq!(lines[..2], ["STT", "Nội dung"], "header on top of page {}", index + 1);
            let footer = format!("Trang {}/{}", index + 1, pages.len());
            assert!(lines.contains(&footer.as_str()), "page {} says {footer}", index + 1);
        }
        let rows: Vec<String> = pages
            .iter()
            .flat_map(|p| p.lines().filter(|l| l.starts_with("việc ")).map(str::to_owned))
            .collect();
        let expected: Vec<String> = (1..=300).map(|i| format!("việc {i}")).collect();
        assert_eq!(rows, expected, "every row once, in order");
    }

    #[test]
    fn nothing_is_drawn_below_the_content_area_but_the_footer() {
        let spec = PageSpec::a4(false);
        let pages = lay_out(&[Block::Table(table(120))], spec, &Monospace, &no_footer);
        for page in &pages {
            let body = &page.items[..page.items.len() - 2];
            for item in body {
                let bottom = match item {
                    Item::Text { baseline, .. } => *baseline,
                    Item::Line { from, to, .. } => from.1.max(to.1),
                    Item::Fill { y, height, .. } | Item::Svg { y, height, .. } => y + height,
                };
                assert!(bottom <= spec.height - spec.margin + 0.01, "{item:?}");
            }
        }
    }

    #[test]
    fn a_row_is_never_split_when_it_fits_a_page() {
        // Rows of 1 to 5 lines; every row's lines must land on one page.
        let mut t = table(0);
        t.rows = (0..200)
            .map(|i| {
                let lines: Vec<String> = (0..=(i % 5)).map(|l| format!("r{i}l{l}")).collect();
                vec![Cell::from(i.to_string()), Cell::from(lines.join("\n"))]
            })
            .collect();
        let pages = lay_out(&[Block::Table(t)], PageSpec::a4(false), &Monospace, &no_footer);
        for i in 0..200 {
            let holding: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.lines().any(|l| l.starts_with(&format!("r{i}l"))))
                .map(|(n, _)| n)
                .collect();
            assert_eq!(holding.len(), 1, "row {i} on pages {holding:?}");
        }
    }

    #[test]
    fn a_row_taller_than_a_page_splits_instead_of_looping() {
        let mut t = table(0);
        let text: Vec<String> = (0..200).map(|l| format!("dòng {l}")).collect();
        t.rows = vec![vec![Cell::from("1"), Cell::from(text.join("\n"))]];
        let pages = lay_out(&[Block::Table(t)], PageSpec::a4(false), &Monospace, &no_footer);
        assert!(pages.len() >= 2);
        let count = pages.iter().flat_map(Page::lines).filter(|l| l.starts_with("dòng ")).count();
        assert_eq!(count, 200);
    }

    #[test]
    fn a_heading_moves_to_the_page_of_what_follows() {
        let spec = PageSpec::a4(false);
        let style = Style::regular(10.0);
        // Fill the page to two lines above the bottom, then a heading and a table.
        let lines = ((spec.height - 2.0 * spec.margin) / style.line_height()) as usize - 2;
        let filler = vec!["x"; lines].join("\n");
        let blocks = [
            Block::Text { text: filler, style, align: Align::Left },
            Block::Heading { text: "Chỉ đạo".into(), style: Style::bold(12.0) },
            Block::Table(table(3)),
        ];
        let pages = lay_out(&blocks, spec, &Monospace, &no_footer);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].lines().next(), Some("Chỉ đạo"));
    }

    #[test]
    fn a_figure_that_does_not_fit_goes_to_the_next_page_shrunk_to_the_width() {
        let spec = PageSpec::a4(false);
        let svg: Arc<str> = Arc::from("<svg/>");
        let blocks = [
            Block::Space(600.0),
            Block::Figure { svg: Arc::clone(&svg), width: 1000.0, height: 500.0 },
        ];
        let pages = lay_out(&blocks, spec, &Monospace, &no_footer);
        assert_eq!(pages.len(), 2);
        let Item::Svg { x, y, width, height, .. } = &pages[1].items[0] else {
            panic!("figure first on page 2")
        };
        assert!((width - spec.content_width()).abs() < 0.01);
        assert!((height - spec.content_width() / 2.0).abs() < 0.01, "aspect kept");
        assert_eq!((*x, *y), (spec.margin, spec.margin));
    }
}
