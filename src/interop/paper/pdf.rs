//! Draws laid-out pages, and charts alone, into a PDF with krilla: text is shaped and
//! written as real text with the bundled fonts embedded as subsets (so it can be searched
//! and copied), charts go in as vectors through krilla-svg.
//!
//! Every PDF is archival and tagged: PDF/A-2a, checked by krilla's own validator (a
//! document that would break it is an error, not a file). The tags follow the blocks the
//! layout marked each item with: headings, paragraphs and captions, tables with their
//! header and data cells, figures with their alt text; rules, fills, running texts and a
//! table header drawn again on a later page are artifacts.

use std::collections::HashMap;
use std::num::NonZeroU16;

use egui::Color32;
use jiff::civil::Date;
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, Node, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph, TextDirection};
use krilla::{Data, Document, SerializeSettings};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::layout::{Block, Item, Mark, Page, Role};
use super::typeface::{self, FaceId};
use super::{ChartSvg, ExportError, parse_svg};
use crate::i18n::Lang;

/// What a PDF says of itself: its title, the day it was made, its language.
pub struct Properties<'a> {
    pub title: &'a str,
    pub made: Option<Date>,
    pub lang: Lang,
}

/// The pages laid out from `blocks` as a PDF.
pub fn pages(
    pages: &[Page],
    blocks: &[Block],
    properties: &Properties<'_>,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new_with(settings()?);
    document.set_metadata(metadata(properties));
    let mut fonts = Fonts::default();
    let mut drawings = HashMap::new();
    let mut content: HashMap<Mark, Vec<Identifier>> = HashMap::new();
    for page in pages {
        let settings =
            PageSettings::from_wh(page.spec.width, page.spec.height).ok_or_else(bad_size)?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            let id = draw_tagged(&mut surface, item, &mut fonts, &mut drawings)?;
            if let Some((mark, id)) = id {
                content.entry(mark).or_default().push(id);
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document.set_tag_tree(tag_tree(blocks, content, properties.lang));
    finish(document)
}

/// One chart alone, on a page of its own size, tagged as a figure with its alt text.
pub fn chart(chart: &ChartSvg, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(&chart.svg)?;
    let mut document = Document::new_with(settings()?);
    // PDF/A wants the day the file was made.
    let made = Some(jiff::Zoned::now().date());
    document.set_metadata(metadata(&Properties { title: &chart.alt, made, lang }));
    let settings = PageSettings::from_wh(chart.width, chart.height).ok_or_else(bad_size)?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    let size = Size::from_wh(chart.width, chart.height).ok_or_else(bad_size)?;
    let id = surface.start_tagged(ContentTag::Other);
    surface.draw_svg(&tree, size, SvgSettings::default());
    surface.end_tagged();
    surface.finish();
    page.finish();
    let mut figure = TagGroup::new(Tag::Figure(Some(chart.alt.clone())));
    figure.push(id);
    let mut tree = TagTree::new().with_lang(Some(language(lang).to_owned()));
    tree.push(figure);
    document.set_tag_tree(tree);
    finish(document)
}

/// PDF/A-2a (archival, and tagged for screen readers), validated by krilla.
fn settings() -> Result<SerializeSettings, ExportError> {
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_A)
        .finish()
        .map_err(|err| ExportError::Render { detail: format!("{err:?}") })?;
    Ok(SerializeSettings { configuration, enable_tagging: true, ..SerializeSettings::default() })
}

fn finish(document: Document) -> Result<Vec<u8>, ExportError> {
    document.finish().map_err(|err| ExportError::Render { detail: format!("{err:?}") })
}

fn bad_size() -> ExportError {
    ExportError::Render { detail: "page size".into() }
}

fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

fn metadata(properties: &Properties<'_>) -> Metadata {
    let mut metadata = Metadata::new()
        .language(language(properties.lang).to_owned())
        .creator("industry-desk".to_owned())
        .producer(format!("industry-desk {}", env!("CARGO_PKG_VERSION")));
    if !properties.title.is_empty() {
        metadata = metadata.title(properties.title.to_owned());
    }
    if let Some(date) = properties.made {
        let year = u16::try_from(date.year()).unwrap_or(0);
        let month = u8::try_from(date.month()).unwrap_or(1);
        let day = u8::try_from(date.day()).unwrap_or(1);
        metadata = metadata.creation_date(DateTime::new(year).month(month).day(day));
    }
    metadata
}

/// The document's structure: a group for each block that placed something, in reading
/// order, holding the identifiers of what was drawn for it.
fn tag_tree(blocks: &[Block], mut content: HashMap<Mark, Vec<Identifier>>, lang: Lang) -> TagTree {
    let mut tree = TagTree::new().with_lang(Some(language(lang).to_owned()));
    let mut take = |mark: Mark| content.remove(&mark).unwrap_or_default();
    for (index, block) in blocks.iter().enumerate() {
        let ids = take(Mark::Block(index));
        let group = match block {
            Block::Text { .. } | Block::Split { .. } => leaf(Tag::P.into(), ids),
            Block::Heading { text, .. } => leaf(heading(1, text), ids),
            Block::Paragraph(paragraph) => {
                let text: String = paragraph.runs.iter().map(|r| r.text.as_str()).collect();
                let tag = match paragraph.role {
                    Role::Text => Tag::P.into(),
                    Role::Heading(level) => heading(level, &text),
                    Role::Title => heading(1, &text),
                    Role::Caption => Tag::Caption.into(),
                };
                leaf(tag, ids)
            }
            Block::Figure { alt, .. } => leaf(Tag::Figure(Some(alt.clone())).into(), ids),
            Block::Columns(columns) => {
                let mut div = TagGroup::new(Tag::Div);
                for (column, lines) in columns.iter().enumerate() {
                    let mut part = TagGroup::new(Tag::Div);
                    for row in 0..lines.lines.len() {
                        let ids = take(Mark::Cell { block: index, row, column });
                        if let Some(line) = leaf(Tag::P.into(), ids) {
                            part.push(line);
                        }
                    }
                    if !part.children.is_empty() {
                        div.push(part);
                    }
                }
                (!div.children.is_empty()).then_some(div)
            }
            Block::Table(table) => {
                let mut group = TagGroup::new(Tag::Table);
                for row in 0..=table.rows.len() {
                    let mut tr = TagGroup::new(Tag::TR);
                    for column in 0..table.columns.len() {
                        let cell: TagKind = if row == 0 {
                            Tag::TH(krilla::tagging::TableHeaderScope::Column).into()
                        } else {
                            Tag::TD.into()
                        };
                        let ids = take(Mark::Cell { block: index, row, column });
                        // An empty cell is still a cell: it keeps the columns in place.
                        let mut group = TagGroup::new(cell);
                        ids.into_iter().for_each(|id| group.push(id));
                        tr.push(group);
                    }
                    group.push(tr);
                }
                Some(group)
            }
            Block::Rule { .. } | Block::Space(_) | Block::PageBreak => None,
        };
        if let Some(group) = group {
            tree.push(group);
        }
    }
    tree
}

/// A group of `tag` holding `ids`, unless nothing was drawn for it.
fn leaf(tag: TagKind, ids: Vec<Identifier>) -> Option<TagGroup> {
    if ids.is_empty() {
        return None;
    }
    let children: Vec<Node> = ids.into_iter().map(Node::from).collect();
    Some(TagGroup::with_children(tag, children))
}

fn heading(level: u8, text: &str) -> TagKind {
    let level = NonZeroU16::new(u16::from(level.max(1))).expect("at least 1");
    Tag::Hn(level, Some(text.trim().to_owned())).into()
}

/// The krilla fonts of one document, loaded once each.
#[derive(Default)]
struct Fonts {
    loaded: HashMap<FaceId, Font>,
}

impl Fonts {
    fn get(&mut self, face: FaceId) -> Result<Font, ExportError> {
        if let Some(font) = self.loaded.get(&face) {
            return Ok(font.clone());
        }
        let font = Font::new(Data::from(face.data()), 0)
            .ok_or_else(|| ExportError::Render { detail: format!("font {face:?}") })?;
        self.loaded.insert(face, font.clone());
        Ok(font)
    }
}

fn colour(colour: Color32) -> rgb::Color {
    rgb::Color::new(colour.r(), colour.g(), colour.b())
}

type Drawings = HashMap<*const u8, resvg::usvg::Tree>;

/// Draws `item` inside its tag: content gets an identifier for the tree, the rest is
/// drawn as an artifact.
fn draw_tagged(
    surface: &mut Surface<'_>,
    item: &Item,
    fonts: &mut Fonts,
    drawings: &mut Drawings,
) -> Result<Option<(Mark, Identifier)>, ExportError> {
    let mark = match item {
        Item::Text { mark, .. } | Item::Svg { mark, .. } => *mark,
        Item::Line { .. } | Item::Fill { .. } => Mark::Artifact,
    };
    let tag = match (mark, item) {
        (Mark::Artifact, Item::Text { .. }) => {
            ContentTag::Artifact(Artifact::with_kind(ArtifactType::PaginationOther))
        }
        (Mark::Artifact, _) => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
        (_, Item::Text { .. }) => ContentTag::Span(SpanTag::empty()),
        _ => ContentTag::Other,
    };
    let id = surface.start_tagged(tag);
    let drawn = draw(surface, item, fonts, drawings);
    surface.end_tagged();
    drawn?;
    Ok((mark != Mark::Artifact).then_some((mark, id)))
}

fn draw(
    surface: &mut Surface<'_>,
    item: &Item,
    fonts: &mut Fonts,
    drawings: &mut Drawings,
) -> Result<(), ExportError> {
    match item {
        Item::Text { x, baseline, text, style, word_spacing, .. } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: colour(style.colour).into(),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            let mut x = *x;
            // A justified line spreads its words: each space advances that much further.
            let spread = word_spacing / style.size;
            for (face, run) in typeface::runs(text, style.face) {
                let font = fonts.get(face)?;
                let start = Point::from_xy(x, *baseline);
                if run.chars().any(typeface::is_combining) {
                    // Marks to place on their letters: let the shaper do it.
                    surface.draw_text(start, font, style.size, run, false, TextDirection::Auto);
                } else {
                    // One glyph a character with its own advance, exactly as the layout
                    // measured; shaping every cell of a long table costs seconds.
                    let glyphs: Vec<KrillaGlyph> = run
                        .char_indices()
                        .map(|(index, c)| {
                            let info = typeface::glyph(c, style.face);
                            let range = index..index + c.len_utf8();
                            let advance =
                                if c == ' ' { info.advance + spread } else { info.advance };
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(info.glyph)),
                                advance,
                                0.0,
                                0.0,
                                0.0,
                                range,
                                None,
                            )
                        })
                        .collect();
                    surface.draw_glyphs(start, &glyphs, font, run, style.size, false);
                }
                let spaces = run.matches(' ').count() as f32;
                x += typeface::width(run, style.size, style.face) + spaces * word_spacing;
            }
        }
        Item::Line { from, to, width, colour: line_colour } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: colour(*line_colour).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
        Item::Fill { x, y, width, height, colour: fill_colour } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: colour(*fill_colour).into(),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
        }
        Item::Svg { x, y, width, height, svg, .. } => {
            // The same drawing may sit on several pages; parse it once.
            let tree = match drawings.entry(svg.as_ptr()) {
                std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
                std::collections::hash_map::Entry::Vacant(entry) => entry.insert(parse_svg(svg)?),
            };
            let size = Size::from_wh(*width, *height).ok_or_else(bad_size)?;
            surface.push_transform(&Transform::from_translate(*x, *y));
            surface.draw_svg(tree, size, SvgSettings::default());
            surface.pop();
        }
    }
    Ok(())
}
