//! Draws laid-out pages, and charts alone, into a PDF with krilla: text is shaped and
//! written as real text with the bundled font embedded as a subset (so it can be searched
//! and copied), charts go in as vectors through krilla-svg.

use std::collections::HashMap;

use egui::Color32;
use jiff::civil::Date;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph, TextDirection};
use krilla::{Data, Document};
use krilla_svg::{SurfaceExt, SvgSettings};

use super::layout::{Item, Page, PageSpec};
use super::typeface::{self, FaceId};
use super::{ChartSvg, ExportError, parse_svg};
use crate::i18n::Lang;

/// The report's pages as a PDF.
pub fn pages(
    pages: &[Page],
    spec: PageSpec,
    title: &str,
    today: Date,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let mut document = Document::new();
    document.set_metadata(metadata(title, Some(today), lang));
    let mut fonts = Fonts::default();
    let mut drawings = HashMap::new();
    for page in pages {
        let settings = PageSettings::from_wh(spec.width, spec.height).ok_or_else(bad_size)?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, &mut fonts, &mut drawings)?;
        }
        surface.finish();
        pdf_page.finish();
    }
    finish(document)
}

/// One chart alone, on a page of its own size.
pub fn chart(chart: &ChartSvg, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let tree = parse_svg(&chart.svg)?;
    let mut document = Document::new();
    document.set_metadata(metadata("", None, lang));
    let settings = PageSettings::from_wh(chart.width, chart.height).ok_or_else(bad_size)?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    let size = Size::from_wh(chart.width, chart.height).ok_or_else(bad_size)?;
    surface.draw_svg(&tree, size, SvgSettings::default());
    surface.finish();
    page.finish();
    finish(document)
}

fn finish(document: Document) -> Result<Vec<u8>, ExportError> {
    document.finish().map_err(|err| ExportError::Render { detail: format!("{err:?}") })
}

fn bad_size() -> ExportError {
    ExportError::Render { detail: "page size".into() }
}

fn metadata(title: &str, printed: Option<Date>, lang: Lang) -> Metadata {
    let language = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let mut metadata = Metadata::new()
        .language(language.to_owned())
        .creator("industry-desk".to_owned())
        .producer(format!("industry-desk {}", env!("CARGO_PKG_VERSION")));
    if !title.is_empty() {
        metadata = metadata.title(title.to_owned());
    }
    if let Some(date) = printed {
        let year = u16::try_from(date.year()).unwrap_or(0);
        let month = u8::try_from(date.month()).unwrap_or(1);
        let day = u8::try_from(date.day()).unwrap_or(1);
        metadata = metadata.creation_date(DateTime::new(year).month(month).day(day));
    }
    metadata
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

fn draw(
    surface: &mut Surface<'_>,
    item: &Item,
    fonts: &mut Fonts,
    drawings: &mut HashMap<*const u8, resvg::usvg::Tree>,
) -> Result<(), ExportError> {
    match item {
        Item::Text { x, baseline, text, style } => {
            surface.set_stroke(None);
            surface.set_fill(Some(Fill {
                paint: colour(style.colour).into(),
                opacity: NormalizedF32::ONE,
                rule: Default::default(),
            }));
            let mut x = *x;
            for (face, run) in typeface::runs(text, style.bold) {
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
                            let info = typeface::glyph(c, style.bold);
                            let range = index..index + c.len_utf8();
                            KrillaGlyph::new(
                                GlyphId::new(u32::from(info.glyph)),
                                info.advance,
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
                x += typeface::width(run, style.size, style.bold);
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
        Item::Svg { x, y, width, height, svg } => {
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
