//! Page layout for paper: wraps text to a width (justified where asked, the first line
//! indented), fills pages top to bottom, keeps a heading with what follows it and a figure
//! with its caption, sets blocks of text side by side (an official letterhead, a signature),
//! repeats a table's header on every page the table spans, never splits a table row across
//! pages (unless the row alone is taller than a page), and writes each page's running texts
//! (page numbers, print date) once the page count is known. A document may have parts with
//! pages of their own size and numbering (an appendix in landscape).
//!
//! It knows nothing of datasets or PDF: `report` and `official` say what goes on paper as
//! [`Block`]s, this module turns them into positioned [`Item`]s on [`Page`]s, and `pdf`
//! draws those. Each item is marked with the block (and table cell) it comes from, so the
//! PDF can say which text is a heading, a paragraph, a table cell or a figure; what only
//! repeats or decorates (rules, running texts, a table header drawn again) is an artifact.
//! Units are PDF points (1/72 inch); y grows downwards from the top of the page.

use std::sync::Arc;

use egui::Color32;

pub use super::typeface::Face;

/// Millimetres to points.
pub const MM: f32 = 72.0 / 25.4;

/// The distances from the paper's edges to the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// The paper and its margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageSpec {
    pub width: f32,
    pub height: f32,
    pub margins: Margins,
}

impl PageSpec {
    /// A4 (210 × 297 mm) with 2 cm margins, upright or on its side.
    pub fn a4(landscape: bool) -> PageSpec {
        let margin = 20.0 * MM;
        PageSpec::a4_with(
            landscape,
            Margins { top: margin, bottom: margin, left: margin, right: margin },
        )
    }

    /// A4 with the margins of an administrative document (Nghị định 30/2020): top and
    /// bottom 20 mm, left 30 mm (the binding), right 15 mm; the same on a landscape page.
    pub fn official(landscape: bool) -> PageSpec {
        let margins =
            Margins { top: 20.0 * MM, bottom: 20.0 * MM, left: 30.0 * MM, right: 15.0 * MM };
        PageSpec::a4_with(landscape, margins)
    }

    fn a4_with(landscape: bool, margins: Margins) -> PageSpec {
        let (short, long) = (210.0 * MM, 297.0 * MM);
        let (width, height) = if landscape { (long, short) } else { (short, long) };
        PageSpec { width, height, margins }
    }

    /// The width between the margins.
    pub fn content_width(&self) -> f32 {
        self.width - self.margins.left - self.margins.right
    }

    /// Where content ends: running texts live in the margins.
    fn content_bottom(&self) -> f32 {
        self.height - self.margins.bottom
    }
}

/// Size, face and colour of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub face: Face,
    pub colour: Color32,
}

impl Style {
    /// Regular sans text of `size` in the ink colour.
    pub fn regular(size: f32) -> Style {
        Style { size, face: Face::sans(false), colour: crate::visual::palette::INK }
    }

    /// Bold sans text of `size` in the ink colour.
    pub fn bold(size: f32) -> Style {
        Style { size, face: Face::sans(true), colour: crate::visual::palette::INK }
    }

    /// Regular serif text (Times New Roman's metrics) of `size`, black.
    pub fn serif(size: f32) -> Style {
        Style {
            size,
            face: Face { serif: true, bold: false, italic: false },
            colour: Color32::BLACK,
        }
    }

    /// The same in bold.
    pub fn strong(self) -> Style {
        Style { face: Face { bold: true, ..self.face }, ..self }
    }

    /// The same in italics (serif only).
    pub fn italic(self) -> Style {
        Style { face: Face { italic: true, ..self.face }, ..self }
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
    /// Both edges straight: the words of every line but a paragraph's last spread out.
    Justify,
}

/// A piece of a paragraph in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: Style,
}

impl Run {
    pub fn new(text: impl Into<String>, style: Style) -> Run {
        Run { text: text.into(), style }
    }
}

/// What a paragraph is, for the PDF's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Body text.
    Text,
    /// A heading of this level (1 the highest).
    Heading(u8),
    /// The document's title.
    Title,
    /// A figure's caption.
    Caption,
}

/// Text of one or more runs, wrapped to the content width.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
    /// How far the first line starts in.
    pub first_indent: f32,
    pub space_after: f32,
    pub role: Role,
    /// Moves to the next page with the start of what follows (a heading).
    pub keep_with_next: bool,
}

impl Paragraph {
    /// One run of `text`, body text, no indent.
    pub fn plain(text: impl Into<String>, style: Style, align: Align) -> Paragraph {
        Paragraph {
            runs: vec![Run::new(text, style)],
            align,
            first_indent: 0.0,
            space_after: 0.0,
            role: Role::Text,
            keep_with_next: false,
        }
    }

    fn first_style(&self) -> Style {
        self.runs.first().map_or(Style::regular(10.0), |run| run.style)
    }
}

/// One line of a [`TextColumn`]: wrapped within the column if it must be.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnLine {
    pub text: String,
    pub style: Style,
    /// A solid rule under the text, this share of the text's width, centred under it.
    pub rule: Option<f32>,
    /// Space above the line.
    pub space_before: f32,
}

impl ColumnLine {
    pub fn new(text: impl Into<String>, style: Style) -> ColumnLine {
        ColumnLine { text: text.into(), style, rule: None, space_before: 0.0 }
    }

    /// With a rule under it of `share` of its width.
    pub fn ruled(self, share: f32) -> ColumnLine {
        ColumnLine { rule: Some(share), ..self }
    }

    /// With `space` above it.
    pub fn after_space(self, space: f32) -> ColumnLine {
        ColumnLine { space_before: space, ..self }
    }
}

/// A column of lines beside others (see [`Block::Columns`]).
#[derive(Clone, Debug, PartialEq)]
pub struct TextColumn {
    /// Share of the content width (normalised over the columns).
    pub share: f32,
    pub align: Align,
    pub lines: Vec<ColumnLine>,
}

/// Something that goes on paper, in reading order.
#[derive(Clone, Debug)]
pub enum Block {
    /// Text wrapped to the content width; `\n` starts a new line.
    Text { text: String, style: Style, align: Align },
    /// A section title: bold, kept on the same page as the start of the next block.
    Heading { text: String, style: Style },
    /// Text of several runs, perhaps justified and indented (see [`Paragraph`]).
    Paragraph(Paragraph),
    /// Two texts on one line, one at each margin (a letterhead).
    Split { left: String, right: String, style: Style },
    /// Columns of lines side by side, never split across pages: the two-column header of
    /// an official document, its recipients beside its signature.
    Columns(Vec<TextColumn>),
    /// A table, paginated with its header on every page.
    Table(Table),
    /// A drawing (SVG) of the given size, shrunk to the content width if wider; `alt` says
    /// in words what it shows. A caption paragraph right after it stays on its page.
    Figure { svg: Arc<str>, width: f32, height: f32, alt: String },
    /// A short solid rule, centred (under an official document's subject).
    Rule { length: f32 },
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
    /// The style of its cells (the header row is the same in bold).
    pub style: Style,
    /// The header row's background, if any.
    pub header_fill: Option<Color32>,
}

impl Table {
    /// A table in sans text of `size`, its header on a light card colour.
    pub fn new(columns: Vec<Column>, rows: Vec<Vec<Cell>>, size: f32) -> Table {
        Table {
            columns,
            rows,
            style: Style::regular(size),
            header_fill: Some(crate::visual::palette::CARD),
        }
    }
}

/// Where a placed thing comes from: the block (by its index in the document, over all its
/// parts) and, for a table, the cell (row 0 the header, column from 0); or nothing of the
/// document's content (rules, fills, running texts, a header row repeated).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Artifact,
    Block(usize),
    Cell { block: usize, row: usize, column: usize },
}

/// A thing placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line (or one run of a line) of text, `baseline` its baseline; `word_spacing` is
    /// added to each space (a justified line).
    Text { x: f32, baseline: f32, text: String, style: Style, word_spacing: f32, mark: Mark },
    /// A straight line.
    Line { from: (f32, f32), to: (f32, f32), width: f32, colour: Color32 },
    /// A filled rectangle.
    Fill { x: f32, y: f32, width: f32, height: f32, colour: Color32 },
    /// A drawing scaled into the box.
    Svg { x: f32, y: f32, width: f32, height: f32, svg: Arc<str>, mark: Mark },
}

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub spec: PageSpec,
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
    fn width(&self, text: &str, size: f32, face: Face) -> f32;
}

/// Measures with the bundled fonts, as the PDF will draw.
pub struct FontMeasure;

impl Measure for FontMeasure {
    fn width(&self, text: &str, size: f32, face: Face) -> f32 {
        super::typeface::width(text, size, face)
    }
}

/// A running text of a page (a page number, the print date), in its top or bottom margin.
#[derive(Clone, Debug, PartialEq)]
pub struct Marginal {
    pub text: String,
    pub style: Style,
    pub align: Align,
    /// In the top margin (else the bottom one).
    pub top: bool,
}

/// What the margins of page `number` (from 1) of `count` of a part say.
pub type Marginalia<'a> = &'a dyn Fn(usize, usize) -> Vec<Marginal>;

/// A run of pages of one size and numbering.
pub struct Part<'a> {
    pub blocks: &'a [Block],
    pub spec: PageSpec,
    pub marginalia: Marginalia<'a>,
}

const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const RULE_WIDTH: f32 = 0.5;
/// The height a [`Block::Rule`] takes.
const RULE_HEIGHT: f32 = 6.0;
/// A heading moves to the next page unless this many lines of what follows fit under it.
const KEEP_LINES: f32 = 3.0;

/// Lays `blocks` out on pages of `spec`, then writes each page's running texts.
pub fn lay_out(
    blocks: &[Block],
    spec: PageSpec,
    measure: &dyn Measure,
    marginalia: Marginalia<'_>,
) -> Vec<Page> {
    lay_out_parts(&[Part { blocks, spec, marginalia }], measure)
}

/// Lays out each part on pages of its own, one part after the other; blocks are marked by
/// their index over all the parts, in order.
pub fn lay_out_parts(parts: &[Part<'_>], measure: &dyn Measure) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut first_block = 0;
    for part in parts {
        let mut part_pages = lay_out_part(part, first_block, measure);
        first_block += part.blocks.len();
        let count = part_pages.len();
        for (index, page) in part_pages.iter_mut().enumerate() {
            for marginal in (part.marginalia)(index + 1, count) {
                let spec = page.spec;
                let style = marginal.style;
                let width = measure.width(&marginal.text, style.size, style.face);
                let room = spec.content_width();
                let x = spec.margins.left + aligned_offset(width, room, marginal.align);
                let baseline = if marginal.top {
                    // Centred in the top margin.
                    (spec.margins.top + style.size * 0.7) / 2.0
                } else {
                    spec.height - spec.margins.bottom + 2.2 * style.size
                };
                page.items.push(Item::Text {
                    x,
                    baseline,
                    text: marginal.text,
                    style,
                    word_spacing: 0.0,
                    mark: Mark::Artifact,
                });
            }
        }
        pages.extend(part_pages);
    }
    pages
}

fn lay_out_part(part: &Part<'_>, first_block: usize, measure: &dyn Measure) -> Vec<Page> {
    let spec = part.spec;
    let blocks = part.blocks;
    let mut flow = Flow {
        spec,
        measure,
        pages: vec![Page { spec, items: Vec::new() }],
        y: spec.margins.top,
        block: first_block,
    };
    for (index, block) in blocks.iter().enumerate() {
        flow.block = first_block + index;
        let next = blocks.get(index + 1);
        match block {
            Block::Text { text, style, align } => {
                flow.paragraph(&Paragraph::plain(text.as_str(), *style, *align), next);
            }
            Block::Heading { text, style } => {
                let heading = Paragraph {
                    space_after: style.size * 0.4,
                    role: Role::Heading(1),
                    keep_with_next: true,
                    ..Paragraph::plain(text.as_str(), *style, Align::Left)
                };
                flow.paragraph(&heading, next);
            }
            Block::Paragraph(paragraph) => flow.paragraph(paragraph, next),
            Block::Split { left, right, style } => flow.split(left, right, *style),
            Block::Columns(columns) => flow.columns(columns),
            Block::Table(table) => flow.table(table),
            Block::Figure { svg, width, height, .. } => {
                let caption = match next {
                    Some(next @ Block::Paragraph(p)) if p.role == Role::Caption => {
                        flow.first_part(next)
                    }
                    _ => 0.0,
                };
                flow.figure(svg, *width, *height, caption);
            }
            Block::Rule { length } => flow.rule(*length),
            Block::Space(height) => flow.y += height,
            Block::PageBreak => flow.new_page(),
        }
    }
    flow.pages
}

/// The state of filling pages: the page being filled, how far down it is, and the block
/// being laid out (for the marks).
struct Flow<'a> {
    spec: PageSpec,
    measure: &'a dyn Measure,
    pages: Vec<Page>,
    y: f32,
    block: usize,
}

/// A word of a paragraph: its text, style, width, and whether a space comes before it.
struct Word<'t> {
    text: &'t str,
    style: Style,
    width: f32,
    space_before: bool,
}

impl Flow<'_> {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page { spec: self.spec, items: Vec::new() });
        self.y = self.spec.margins.top;
    }

    fn at_page_top(&self) -> bool {
        self.y <= self.spec.margins.top
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
            Block::Paragraph(paragraph) => KEEP_LINES * paragraph.first_style().line_height(),
            Block::Split { style, .. } => style.line_height(),
            Block::Columns(columns) => columns_height(columns, self.spec, self.measure),
            Block::Table(table) => {
                let widths = column_widths(table, self.spec.content_width(), self.measure);
                let header = header_cells(table);
                let first = table
                    .rows
                    .first()
                    .map_or(0.0, |row| row_height(row, &widths, table.style, self.measure));
                row_height(&header, &widths, table.style.strong(), self.measure) + first
            }
            Block::Figure { width, height, .. } => {
                height * (self.spec.content_width() / width).min(1.0)
            }
            Block::Rule { .. } => RULE_HEIGHT,
            Block::Space(_) | Block::PageBreak => 0.0,
        }
    }

    fn rule(&mut self, length: f32) {
        self.room_for(RULE_HEIGHT);
        let x = self.spec.margins.left + (self.spec.content_width() - length).max(0.0) / 2.0;
        let y = self.y + RULE_HEIGHT / 2.0;
        let width = RULE_WIDTH * 1.2;
        let colour = Color32::BLACK;
        self.page().items.push(Item::Line { from: (x, y), to: (x + length, y), width, colour });
        self.y += RULE_HEIGHT;
    }

    fn text_item(&mut self, x: f32, baseline: f32, text: String, style: Style, word_spacing: f32) {
        let mark = Mark::Block(self.block);
        self.page().items.push(Item::Text { x, baseline, text, style, word_spacing, mark });
    }

    /// Lays out a paragraph: words wrapped to the width (the first line shorter by the
    /// indent), each line aligned (or spread, but the last), runs drawn one item each.
    fn paragraph(&mut self, paragraph: &Paragraph, next: Option<&Block>) {
        let lines = wrap_runs(
            &paragraph.runs,
            self.spec.content_width(),
            paragraph.first_indent,
            self.measure,
        );
        if paragraph.keep_with_next {
            let style = paragraph.first_style();
            let following = next.map_or(0.0, |next| self.first_part(next));
            self.room_for(lines.len() as f32 * style.line_height() + following);
        }
        let count = lines.len();
        for (number, line) in lines.into_iter().enumerate() {
            let style = line.first().map_or(paragraph.first_style(), |w| w.style);
            let height =
                line.iter().map(|w| w.style.line_height()).fold(style.line_height(), f32::max);
            let size = line.iter().map(|w| w.style.size).fold(style.size, f32::max);
            self.room_for(height);
            let indent = if number == 0 { paragraph.first_indent } else { 0.0 };
            let room = self.spec.content_width() - indent;
            let natural = line_width(&line, self.measure);
            let spaces = line.iter().skip(1).filter(|w| w.space_before).count();
            let last = number + 1 == count;
            let (offset, extra) = match paragraph.align {
                Align::Justify if !last && spaces > 0 => {
                    (0.0, ((room - natural) / spaces as f32).max(0.0))
                }
                Align::Justify => (0.0, 0.0),
                align => (aligned_offset(natural, room, align), 0.0),
            };
            let baseline = self.y + size * ASCENT;
            let mut x = self.spec.margins.left + indent + offset;
            // Consecutive words of one style make one item, the spaces inside it.
            let mut start = 0;
            while start < line.len() {
                let style = line[start].style;
                let mut end = start + 1;
                while end < line.len() && line[end].style == style {
                    end += 1;
                }
                let mut text = String::new();
                let mut width = 0.0;
                for (i, word) in line[start..end].iter().enumerate() {
                    if i > 0 && word.space_before {
                        text.push(' ');
                        width += self.measure.width(" ", style.size, style.face) + extra;
                    }
                    text.push_str(word.text);
                    width += word.width;
                }
                // The space before the next run belongs to this one's text.
                if end < line.len() && line[end].space_before {
                    text.push(' ');
                    width += self.measure.width(" ", style.size, style.face) + extra;
                }
                self.text_item(x, baseline, text, style, extra);
                x += width;
                start = end;
            }
            self.y += height;
        }
        self.y += paragraph.space_after;
    }

    fn split(&mut self, left: &str, right: &str, style: Style) {
        self.room_for(style.line_height());
        let baseline = self.y + style.size * ASCENT;
        let right_width = self.measure.width(right, style.size, style.face);
        let right_x = self.spec.width - self.spec.margins.right - right_width;
        let left_room = (right_x - self.spec.margins.left - style.size).max(0.0);
        let left = wrap(left, left_room, style, self.measure);
        let mut lines = left.into_iter();
        if let Some(first) = lines.next() {
            self.text_item(self.spec.margins.left, baseline, first, style, 0.0);
        }
        self.text_item(right_x, baseline, right.to_owned(), style, 0.0);
        self.y += style.line_height();
        let rest: Vec<String> = lines.collect();
        if !rest.is_empty() {
            self.paragraph(&Paragraph::plain(rest.join(" "), style, Align::Left), None);
        }
    }

    /// Columns side by side, each line wrapped in its column and aligned in it; a rule
    /// under a line where asked. Marked line by line as cells (row: the line, column).
    fn columns(&mut self, columns: &[TextColumn]) {
        let height = columns_height(columns, self.spec, self.measure);
        self.room_for(height);
        let top = self.y;
        let total: f32 = columns.iter().map(|c| c.share.max(0.0)).sum::<f32>().max(f32::EPSILON);
        let mut left = self.spec.margins.left;
        let block = self.block;
        for (column_index, column) in columns.iter().enumerate() {
            let width = self.spec.content_width() * column.share.max(0.0) / total;
            let mut y = top;
            for (line_index, line) in column.lines.iter().enumerate() {
                y += line.space_before;
                for text in wrap(&line.text, width, line.style, self.measure) {
                    let text_width = self.measure.width(&text, line.style.size, line.style.face);
                    let x = left + aligned_offset(text_width, width, column.align);
                    let baseline = y + line.style.size * ASCENT;
                    let mark = Mark::Cell { block, row: line_index, column: column_index };
                    if let Some(share) = line.rule {
                        let rule_width = text_width * share;
                        let rule_x = x + (text_width - rule_width) / 2.0;
                        // Clear of the descenders: a rule under the line, not an underline.
                        let rule_y = baseline + line.style.size * 0.5;
                        self.page().items.push(Item::Line {
                            from: (rule_x, rule_y),
                            to: (rule_x + rule_width, rule_y),
                            width: RULE_WIDTH * 1.2,
                            colour: line.style.colour,
                        });
                    }
                    let style = line.style;
                    self.page().items.push(Item::Text {
                        x,
                        baseline,
                        text,
                        style,
                        word_spacing: 0.0,
                        mark,
                    });
                    y += line.style.line_height() + rule_room(line);
                }
            }
            left += width;
        }
        self.y = top + height;
    }

    fn figure(&mut self, svg: &Arc<str>, width: f32, height: f32, caption: f32) {
        let scale = (self.spec.content_width() / width).min(1.0);
        let (width, height) = (width * scale, height * scale);
        self.room_for(height + caption);
        let x = self.spec.margins.left + (self.spec.content_width() - width) / 2.0;
        let (y, mark) = (self.y, Mark::Block(self.block));
        self.page().items.push(Item::Svg { x, y, width, height, svg: Arc::clone(svg), mark });
        self.y += height;
    }

    fn table(&mut self, table: &Table) {
        let grid = Grid::new(table, self.spec.content_width(), self.measure);
        self.room_for(self.first_part(&Block::Table(table.clone())));
        self.header_row(&grid, false);
        for (index, row) in table.rows.iter().enumerate() {
            let row_number = index + 1;
            let mut lines = wrapped_cells(row, &grid.widths, grid.body_style, self.measure);
            loop {
                let height = cells_height(&lines, grid.body_style);
                if height <= self.remaining() {
                    self.draw_row(&grid, &lines, row, grid.body_style, None, Some(row_number));
                    break;
                }
                let fresh_page_room =
                    self.spec.content_bottom() - self.spec.margins.top - grid.header_height;
                if height <= fresh_page_room {
                    // The row fits whole on the next page: move it there, under the header.
                    self.new_page();
                    self.header_row(&grid, true);
                    continue;
                }
                // Taller than a page: the only row that may split, at a line boundary.
                let line_height = grid.body_style.line_height();
                let fit =
                    ((self.remaining() - 2.0 * CELL_PAD_Y) / line_height).floor().max(0.0) as usize;
                if fit > 0 {
                    let rest: Vec<Vec<String>> =
                        lines.iter_mut().map(|cell| cell.split_off(fit.min(cell.len()))).collect();
                    self.draw_row(&grid, &lines, row, grid.body_style, None, Some(row_number));
                    lines = rest;
                }
                self.new_page();
                self.header_row(&grid, true);
            }
        }
        self.y += table.style.size;
    }

    /// The header row; drawn again on a continuation page, it is an artifact there.
    fn header_row(&mut self, grid: &Grid, repeated: bool) {
        let lines = wrapped_cells(&grid.header, &grid.widths, grid.header_style, self.measure);
        let row = (!repeated).then_some(0);
        self.draw_row(grid, &lines, &grid.header, grid.header_style, grid.header_fill, row);
    }

    /// Draws one row (or the part of a split row) at the current height, with its rules;
    /// its text is marked as the cells of `row` (none: an artifact).
    fn draw_row(
        &mut self,
        grid: &Grid,
        lines: &[Vec<String>],
        cells: &[Cell],
        style: Style,
        background: Option<Color32>,
        row: Option<usize>,
    ) {
        let height = cells_height(lines, style);
        let (top, left) = (self.y, self.spec.margins.left);
        let right = left + grid.widths.iter().sum::<f32>();
        let measure = self.measure;
        let block = self.block;
        let mut items = Vec::new();
        if let Some(colour) = background {
            items.push(Item::Fill { x: left, y: top, width: right - left, height, colour });
        }
        let rule = grid.rule;
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
            let mark = row.map_or(Mark::Artifact, |row| Mark::Cell { block, row, column });
            for (index, text) in lines[column].iter().enumerate() {
                let baseline =
                    top + CELL_PAD_Y + index as f32 * style.line_height() + style.size * ASCENT;
                let inner = width - 2.0 * CELL_PAD_X;
                let text_width = measure.width(text, cell_style.size, cell_style.face);
                let offset = aligned_offset(text_width, inner, *align);
                items.push(Item::Text {
                    x: x + CELL_PAD_X + offset,
                    baseline,
                    text: text.clone(),
                    style: cell_style,
                    word_spacing: 0.0,
                    mark,
                });
            }
            x += width;
            items.push(line((x, top), (x, top + height)));
        }
        self.page().items.extend(items);
        self.y += height;
    }
}

/// The room a ruled line leaves under itself for its rule.
fn rule_room(line: &ColumnLine) -> f32 {
    if line.rule.is_some() { line.style.size * 0.3 } else { 0.0 }
}

/// The height of columns side by side: the tallest.
fn columns_height(columns: &[TextColumn], spec: PageSpec, measure: &dyn Measure) -> f32 {
    let total: f32 = columns.iter().map(|c| c.share.max(0.0)).sum::<f32>().max(f32::EPSILON);
    columns
        .iter()
        .map(|column| {
            let width = spec.content_width() * column.share.max(0.0) / total;
            column
                .lines
                .iter()
                .map(|line| {
                    let lines = wrap(&line.text, width, line.style, measure).len() as f32;
                    line.space_before + lines * (line.style.line_height() + rule_room(line))
                })
                .sum::<f32>()
        })
        .fold(0.0, f32::max)
}

/// A table's columns as placed on the page.
struct Grid {
    widths: Vec<f32>,
    aligns: Vec<Align>,
    header: Vec<Cell>,
    header_style: Style,
    header_height: f32,
    header_fill: Option<Color32>,
    body_style: Style,
    rule: Color32,
}

impl Grid {
    fn new(table: &Table, width: f32, measure: &dyn Measure) -> Grid {
        let widths = column_widths(table, width, measure);
        let header = header_cells(table);
        let header_style = table.style.strong();
        let header_height = row_height(&header, &widths, header_style, measure);
        // Black text gets black rules (the official layout); coloured text the grey ones.
        let rule = if table.style.colour == Color32::BLACK {
            Color32::BLACK
        } else {
            crate::visual::palette::RULE
        };
        Grid {
            aligns: table.columns.iter().map(|c| c.align).collect(),
            widths,
            header,
            header_style,
            header_height,
            header_fill: table.header_fill,
            body_style: table.style,
            rule,
        }
    }
}

fn header_cells(table: &Table) -> Vec<Cell> {
    table.columns.iter().map(|c| Cell::from(c.title.as_str())).collect()
}

/// The columns' widths: their shares of `total`, each at least as wide as the longest word
/// of its title in the header's bold, so no title breaks inside a word ("ST / T" did in
/// the letters); what that takes comes from the widest column, when it can spare it.
fn column_widths(table: &Table, total: f32, measure: &dyn Measure) -> Vec<f32> {
    let shares: f32 = table.columns.iter().map(|c| c.share.max(0.0)).sum();
    let count = table.columns.len().max(1) as f32;
    let mut widths: Vec<f32> = table
        .columns
        .iter()
        .map(|c| if shares > 0.0 { total * c.share.max(0.0) / shares } else { total / count })
        .collect();
    let header = table.style.strong();
    let wanted: Vec<f32> = table
        .columns
        .iter()
        .map(|c| {
            let word = c
                .title
                .split_whitespace()
                .map(|word| measure.width(word, header.size, header.face))
                .fold(0.0, f32::max);
            word + 2.0 * CELL_PAD_X + 0.5
        })
        .collect();
    let short: f32 = widths.iter().zip(&wanted).map(|(w, l)| (l - w).max(0.0)).sum();
    let widest = (0..widths.len()).max_by(|&a, &b| widths[a].total_cmp(&widths[b]));
    if let Some(widest) = widest.filter(|&i| short > 0.0 && widths[i] - short >= wanted[i]) {
        for (width, least) in widths.iter_mut().zip(&wanted) {
            *width = width.max(*least);
        }
        widths[widest] -= short;
    }
    widths
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

/// Where text of `width` starts in a box of `room` for `align` (justified text starts at
/// the left).
fn aligned_offset(width: f32, room: f32, align: Align) -> f32 {
    let free = (room - width).max(0.0);
    match align {
        Align::Left | Align::Justify => 0.0,
        Align::Center => free / 2.0,
        Align::Right => free,
    }
}

/// A line's natural width: its words and single spaces.
fn line_width(line: &[Word<'_>], measure: &dyn Measure) -> f32 {
    line.iter()
        .enumerate()
        .map(|(i, word)| {
            let space = if i > 0 && word.space_before {
                measure.width(" ", word.style.size, word.style.face)
            } else {
                0.0
            };
            space + word.width
        })
        .sum()
}

/// Whether a line may break at `c`: any white space but the no-break ones (a no-break
/// space, a figure space: "Số:      /BC-SCT" keeps its blank for the number).
fn breaks_line(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Breaks a paragraph of runs into lines of words no wider than `width` (the first line
/// `first_indent` narrower): at spaces where it can, inside a word only when the word alone
/// is wider than the line. `\n` always starts a new line; an empty paragraph is one empty
/// line. Where a run ends inside a word, the two pieces are drawn without a space.
fn wrap_runs<'t>(
    runs: &'t [Run],
    width: f32,
    first_indent: f32,
    measure: &dyn Measure,
) -> Vec<Vec<Word<'t>>> {
    let mut lines: Vec<Vec<Word<'t>>> = vec![Vec::new()];
    let mut line_width_now = 0.0;
    let mut pending_space = false;
    let room =
        |lines: &Vec<Vec<Word<'t>>>| if lines.len() == 1 { width - first_indent } else { width };
    for run in runs {
        let style = run.style;
        let space = measure.width(" ", style.size, style.face);
        for (paragraph_index, paragraph) in run.text.split('\n').enumerate() {
            if paragraph_index > 0 {
                lines.push(Vec::new());
                line_width_now = 0.0;
                pending_space = false;
            }
            let mut rest = paragraph;
            loop {
                let leading = rest.len() - rest.trim_start_matches(breaks_line).len();
                if leading > 0 {
                    pending_space = true;
                    rest = &rest[leading..];
                }
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(breaks_line).unwrap_or(rest.len());
                let (text, after) = rest.split_at(end);
                rest = after;
                let word_width = measure.width(text, style.size, style.face);
                let line_empty = lines.last().is_none_or(Vec::is_empty);
                let space_before = pending_space && !line_empty;
                let gap = if space_before { space } else { 0.0 };
                pending_space = false;
                if !line_empty && line_width_now + gap + word_width <= room(&lines) {
                    lines.last_mut().expect("a line").push(Word {
                        text,
                        style,
                        width: word_width,
                        space_before,
                    });
                    line_width_now += gap + word_width;
                    continue;
                }
                if !line_empty {
                    lines.push(Vec::new());
                }
                if word_width <= room(&lines) {
                    lines.last_mut().expect("a line").push(Word {
                        text,
                        style,
                        width: word_width,
                        space_before: false,
                    });
                    line_width_now = word_width;
                    continue;
                }
                // A word wider than the line (a long path or number): cut it by characters.
                let mut piece_start = 0;
                let mut piece_width = 0.0;
                for (index, c) in text.char_indices() {
                    let c_width = measure.width(c.encode_utf8(&mut [0; 4]), style.size, style.face);
                    if piece_width + c_width > room(&lines) && index > piece_start {
                        let piece = &text[piece_start..index];
                        lines.last_mut().expect("a line").push(Word {
                            text: piece,
                            style,
                            width: piece_width,
                            space_before: false,
                        });
                        lines.push(Vec::new());
                        piece_start = index;
                        piece_width = 0.0;
                    }
                    piece_width += c_width;
                }
                lines.last_mut().expect("a line").push(Word {
                    text: &text[piece_start..],
                    style,
                    width: piece_width,
                    space_before: false,
                });
                line_width_now = piece_width;
            }
        }
    }
    lines
}

/// Breaks `text` into lines no wider than `width`: at spaces where it can, inside a word
/// only when the word alone is wider than the line. `\n` always starts a new line.
/// Empty text is one empty line. Widths add up (no kerning), so a line's width is the sum
/// of its words' and spaces' and each word is measured once.
pub fn wrap(text: &str, width: f32, style: Style, measure: &dyn Measure) -> Vec<String> {
    let run = [Run::new(text, style)];
    wrap_runs(&run, width, 0.0, measure)
        .into_iter()
        .map(|line| {
            let mut text = String::new();
            for word in line {
                if word.space_before {
                    text.push(' ');
                }
                text.push_str(word.text);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character 1 pt wide at size 1, so widths are character counts × size.
    struct Monospace;

    impl Measure for Monospace {
        fn width(&self, text: &str, size: f32, _face: Face) -> f32 {
            text.chars().count() as f32 * size
        }
    }

    fn no_footer(_: usize, _: usize) -> Vec<Marginal> {
        Vec::new()
    }

    fn page_numbers(page: usize, count: usize) -> Vec<Marginal> {
        let style = Style::regular(8.0);
        vec![
            Marginal { text: "left".into(), style, align: Align::Left, top: false },
            Marginal {
                text: format!("Trang {page}/{count}"),
                style,
                align: Align::Right,
                top: false,
            },
        ]
    }

    /// A narrow column is widened to its title's longest word ("STT" broke as "ST / T"),
    /// the width taken from the widest column; the total stays the same.
    #[test]
    fn no_column_is_narrower_than_its_titles_longest_word() {
        let columns = vec![
            Column::new("STT", 0.5, Align::Center),
            Column::new("Nội dung nhiệm vụ", 6.0, Align::Left),
            Column::new("Thời hạn", 1.5, Align::Center),
        ];
        let table = Table::new(columns, Vec::new(), 10.0);
        let widths = column_widths(&table, 400.0, &Monospace);
        assert!(widths[0] >= 30.0 + 2.0 * CELL_PAD_X, "{widths:?}");
        assert!(widths[2] >= 40.0 + 2.0 * CELL_PAD_X, "{widths:?}");
        assert!((widths.iter().sum::<f32>() - 400.0).abs() < 0.01, "{widths:?}");
        let lines = wrapped_cells(&header_cells(&table), &widths, table.style.strong(), &Monospace);
        assert_eq!(lines[0], vec!["STT".to_owned()]);
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
        let data = crate::files::builtin::dataset();
        let texts: Vec<&str> = data.directives.iter().map(|d| d.text.as_str()).collect();
        let text = texts.join(" ");
        for width in [30.0, 120.0, 300.0] {
            let lines = wrap(&text, width, Style::regular(9.0), &FontMeasure);
            for line in &lines {
                let measured = FontMeasure.width(line, 9.0, Face::sans(false));
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
        assert!((portrait.margins.left - 56.69).abs() < 0.01, "2 cm");
        let landscape = PageSpec::a4(true);
        assert_eq!((landscape.width, landscape.height), (portrait.height, portrait.width));
    }

    fn table(rows: usize) -> Table {
        Table::new(
            vec![
                Column { title: "STT".into(), share: 1.0, align: Align::Left },
                Column { title: "Nội dung".into(), share: 4.0, align: Align::Left },
            ],
            (1..=rows)
                .map(|i| vec![Cell::from(i.to_string()), Cell::from(format!("việc {i}"))])
                .collect(),
            9.0,
        )
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
        let pages = lay_out(&[Block::Table(table(120))], spec, &Monospace, &page_numbers);
        for page in &pages {
            let body = &page.items[..page.items.len() - 2];
            for item in body {
                let bottom = match item {
                    Item::Text { baseline, .. } => *baseline,
                    Item::Line { from, to, .. } => from.1.max(to.1),
                    Item::Fill { y, height, .. } | Item::Svg { y, height, .. } => y + height,
                };
                assert!(bottom <= spec.height - spec.margins.bottom + 0.01, "{item:?}");
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
        let lines = ((spec.height - 2.0 * spec.margins.top) / style.line_height()) as usize - 2;
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
            Block::Figure { svg: Arc::clone(&svg), width: 1000.0, height: 500.0, alt: "x".into() },
        ];
        let pages = lay_out(&blocks, spec, &Monospace, &no_footer);
        assert_eq!(pages.len(), 2);
        let Item::Svg { x, y, width, height, .. } = &pages[1].items[0] else {
            panic!("figure first on page 2")
        };
        assert!((width - spec.content_width()).abs() < 0.01);
        assert!((height - spec.content_width() / 2.0).abs() < 0.01, "aspect kept");
        assert_eq!((*x, *y), (spec.margins.left, spec.margins.top));
    }

    #[test]
    fn a_justified_paragraph_fills_its_lines_but_the_last_and_indents_the_first() {
        let spec = PageSpec::official(false);
        let style = Style::serif(14.0);
        let text = "Sản lượng một số sản phẩm công nghiệp chủ yếu tăng so với cùng kỳ như điện thương phẩm đạt 365 triệu kWh, tăng 9,5% so với cùng kỳ năm 2018; đá các loại đạt hơn 1,8 triệu m³.";
        let paragraph = Paragraph {
            align: Align::Justify,
            first_indent: 10.0 * MM,
            ..Paragraph::plain(text, style, Align::Justify)
        };
        let pages = lay_out(&[Block::Paragraph(paragraph)], spec, &FontMeasure, &no_footer);
        let lines: Vec<&Item> = pages[0].items.iter().collect();
        assert!(lines.len() >= 2, "{lines:?}");
        let right = spec.width - spec.margins.right;
        for (index, item) in lines.iter().enumerate() {
            let Item::Text { x, text, word_spacing, style, .. } = item else { panic!() };
            let spaces = text.matches(' ').count() as f32;
            let end = x + FontMeasure.width(text, style.size, style.face) + spaces * word_spacing;
            if index == 0 {
                assert!((x - (spec.margins.left + 10.0 * MM)).abs() < 0.01, "first line indented");
            }
            if index + 1 < lines.len() {
                assert!((end - right).abs() < 0.05, "line {index} ends at the right margin: {end}");
                assert!(*word_spacing > 0.0);
            } else {
                assert_eq!(*word_spacing, 0.0, "the last line is not spread");
            }
        }
        let words: Vec<&str> = pages[0].lines().flat_map(str::split_whitespace).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>(), "every word, in order");
    }

    #[test]
    fn runs_of_two_styles_keep_their_order_and_their_space() {
        let style = Style::serif(14.0);
        let paragraph = Paragraph {
            runs: vec![
                Run::new("1. Sản lượng.", style.strong()),
                Run::new(" Điện thương phẩm đạt", style),
            ],
            ..Paragraph::plain("", style, Align::Left)
        };
        let pages = lay_out(
            &[Block::Paragraph(paragraph)],
            PageSpec::official(false),
            &FontMeasure,
            &no_footer,
        );
        let texts: Vec<&str> = pages[0].lines().collect();
        assert_eq!(texts, ["1. Sản lượng. ", "Điện thương phẩm đạt"]);
    }

    #[test]
    fn columns_sit_side_by_side_with_their_rules() {
        let spec = PageSpec::official(false);
        let style = Style::serif(13.0);
        let columns = vec![
            TextColumn {
                share: 1.0,
                align: Align::Center,
                lines: vec![ColumnLine::new("SỞ CÔNG THƯƠNG", style.strong()).ruled(0.4)],
            },
            TextColumn {
                share: 1.5,
                align: Align::Center,
                lines: vec![
                    ColumnLine::new("Độc lập - Tự do - Hạnh phúc", style.strong()).ruled(1.0),
                ],
            },
        ];
        let pages = lay_out(&[Block::Columns(columns)], spec, &FontMeasure, &no_footer);
        let texts: Vec<(f32, &str)> = pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { x, text, .. } => Some((*x, text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2);
        assert!(texts[0].0 < texts[1].0, "left column first");
        let rules: Vec<f32> = pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Line { from, to, .. } => Some(to.0 - from.0),
                _ => None,
            })
            .collect();
        let motto = FontMeasure.width("Độc lập - Tự do - Hạnh phúc", 13.0, style.strong().face);
        assert!((rules[1] - motto).abs() < 0.01, "the motto's rule is as long as the motto");
        let body = FontMeasure.width("SỞ CÔNG THƯƠNG", 13.0, style.strong().face);
        assert!((rules[0] - 0.4 * body).abs() < 0.01);
    }

    #[test]
    fn parts_have_their_own_size_and_numbering() {
        let portrait = [
            Block::Text { text: "a".into(), style: Style::serif(14.0), align: Align::Left },
            Block::PageBreak,
            Block::Text { text: "b".into(), style: Style::serif(14.0), align: Align::Left },
        ];
        let landscape =
            [Block::Text { text: "c".into(), style: Style::serif(14.0), align: Align::Left }];
        let number = |page: usize, _: usize| {
            if page == 1 {
                Vec::new()
            } else {
                vec![Marginal {
                    text: page.to_string(),
                    style: Style::serif(13.0),
                    align: Align::Center,
                    top: true,
                }]
            }
        };
        let pages = lay_out_parts(
            &[
                Part { blocks: &portrait, spec: PageSpec::official(false), marginalia: &number },
                Part { blocks: &landscape, spec: PageSpec::official(true), marginalia: &number },
            ],
            &FontMeasure,
        );
        assert_eq!(pages.len(), 3);
        assert!(pages[2].spec.width > pages[2].spec.height, "the appendix is landscape");
        assert_eq!(pages[0].lines().collect::<Vec<_>>(), ["a"], "no number on page 1");
        assert_eq!(pages[1].lines().collect::<Vec<_>>(), ["b", "2"]);
        assert_eq!(pages[2].lines().collect::<Vec<_>>(), ["c"], "the part numbers its own pages");
        let Item::Text { mark, .. } = &pages[2].items[0] else { panic!() };
        assert_eq!(*mark, Mark::Block(3), "blocks are counted over the parts");
    }
}
