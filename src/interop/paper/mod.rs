//! Paper: the A4 report and each chart alone, as PDF, SVG or PNG.
//!
//! One drawing for every output. Each chart is written once as SVG (`chart_svg`) from the
//! same chart data (`crate::visual::chart`) and palette (`crate::visual::palette`) as the screen; the report
//! is laid out into pages (`layout`) from what `report` puts on them. Then `pdf` draws pages
//! and SVGs with krilla (shaped text, the bundled font embedded as a subset, real
//! extractable Vietnamese text), `png` renders the SVG with resvg, and an .svg is the SVG as
//! written. Nothing here touches egui's windows or the disk but [`write_file`].

mod chart_svg;
mod docx;
pub mod layout;
pub mod letter;
pub mod official;
mod pdf;
pub mod png;
pub mod report;
mod svg;
pub mod typeface;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use resvg::usvg;

pub use chart_svg::ChartSvg;
pub use report::{ReportOptions, Sections};

use crate::files::storage;
use crate::i18n::{Lang, fill};
use crate::model::Dataset;
use crate::visual::chart::{GrowthChart, ProductChart, ZoneChart};
use crate::visual::fonts;

/// A chart that can be exported alone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// The bars of one product, by its indicator's id: `electricity`, `stone`, `timber`,
    /// or one the user added.
    Product(String),
    /// Growth of each product against the same period last year.
    Growth,
    /// Planned area of industrial zones and clusters.
    Zones,
}

impl ChartKind {
    /// The chart of commercial electricity, the one offered first.
    pub fn electricity() -> ChartKind {
        ChartKind::Product("electricity".to_owned())
    }

    /// Every chart of `dataset`, in the order the app lists them: each product's, then
    /// growth and zones.
    pub fn all(dataset: &Dataset) -> Vec<ChartKind> {
        let mut all: Vec<ChartKind> =
            dataset.indicators.iter().map(|i| ChartKind::Product(i.id.clone())).collect();
        all.extend([ChartKind::Growth, ChartKind::Zones]);
        all
    }

    /// The chart a command line or file name calls `slug`, if `dataset` has it.
    pub fn from_slug(slug: &str, dataset: &Dataset) -> Option<ChartKind> {
        ChartKind::all(dataset).into_iter().find(|kind| kind.slug() == slug)
    }

    /// The indicator a product chart draws (`None` for growth and zones).
    pub fn indicator_id(&self) -> Option<&str> {
        match self {
            ChartKind::Product(id) => Some(id),
            ChartKind::Growth | ChartKind::Zones => None,
        }
    }

    /// The name used on the command line and in file names.
    pub fn slug(&self) -> &str {
        match self {
            ChartKind::Product(id) => id,
            ChartKind::Growth => "growth",
            ChartKind::Zones => "zones",
        }
    }
}

/// The look of the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Layout {
    /// As Nghị định 30/2020 lays an administrative report out, to hand up (PDF or Word).
    #[default]
    Official,
    /// The plain A4 print of figures, charts and tables (PDF).
    Quick,
}

/// The file format of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Pdf,
    /// A Word document (the official layout only).
    Docx,
}

impl ReportFormat {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Result<ReportFormat, ExportError> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("pdf") => Ok(ReportFormat::Pdf),
            Some("docx") => Ok(ReportFormat::Docx),
            _ => Err(ExportError::UnknownReportFormat { path: path.to_owned() }),
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Pdf => "pdf",
            ReportFormat::Docx => "docx",
        }
    }
}

/// A file format for a chart alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartFormat {
    Pdf,
    Svg,
    /// At this many dots per inch.
    Png {
        dpi: u32,
    },
}

/// PNG resolution when none is asked for: print quality.
pub const DEFAULT_DPI: u32 = 300;
/// The PNG resolutions accepted: screen to fine print, and never an image of gigabytes.
pub const DPI_RANGE: std::ops::RangeInclusive<u32> = 72..=600;

impl ChartFormat {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path, dpi: u32) -> Result<ChartFormat, ExportError> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("pdf") => Ok(ChartFormat::Pdf),
            Some("svg") => Ok(ChartFormat::Svg),
            Some("png") => Ok(ChartFormat::Png { dpi }),
            _ => Err(ExportError::UnknownFormat { path: path.to_owned() }),
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Pdf => "pdf",
            ChartFormat::Svg => "svg",
            ChartFormat::Png { .. } => "png",
        }
    }
}

/// Why an export failed. Nothing was written when it did.
#[derive(Debug)]
pub enum ExportError {
    /// The dataset has no indicator for a product chart.
    NoSuchProduct { chart: String },
    /// The report was asked for a meeting the dataset does not have.
    NoSuchMeeting { id: u32 },
    /// A PNG resolution outside [`DPI_RANGE`].
    BadDpi { dpi: u32 },
    /// The file name ends in neither .pdf, .svg nor .png.
    UnknownFormat { path: PathBuf },
    /// A report's file name ends in neither .pdf nor .docx.
    UnknownReportFormat { path: PathBuf },
    /// The quick print is a PDF only; Word takes the official layout.
    QuickIsPdfOnly,
    /// Drawing failed inside the PDF or PNG library (a bug of ours, reported plainly).
    Render { detail: String },
    /// The file could not be written.
    Write(storage::SaveError),
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ExportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExportError::Write(error) => Some(error),
            _ => None,
        }
    }
}

impl ExportError {
    /// The message in plain words.
    pub fn describe(&self, lang: Lang) -> String {
        let t = &lang.strings().export;
        match self {
            ExportError::NoSuchProduct { chart } => fill(&t.no_such_product, &[("chart", chart)]),
            ExportError::NoSuchMeeting { id } => fill(&t.no_such_meeting, &[("id", id)]),
            ExportError::BadDpi { dpi } => fill(
                &t.bad_dpi,
                &[("dpi", dpi), ("min", DPI_RANGE.start()), ("max", DPI_RANGE.end())],
            ),
            ExportError::UnknownFormat { path } => {
                fill(&t.unknown_format, &[("file", &path.display())])
            }
            ExportError::UnknownReportFormat { path } => {
                fill(&t.unknown_report_format, &[("file", &path.display())])
            }
            ExportError::QuickIsPdfOnly => t.quick_is_pdf_only.clone(),
            ExportError::Render { detail } => fill(&t.render_failed, &[("detail", detail)]),
            ExportError::Write(error) => error.describe(lang),
        }
    }
}

/// The SVG of one chart of `dataset`.
pub fn chart_svg(dataset: &Dataset, kind: &ChartKind, lang: Lang) -> Result<ChartSvg, ExportError> {
    Ok(match kind {
        ChartKind::Product(id) => {
            let indicator = dataset
                .indicator(id)
                .ok_or_else(|| ExportError::NoSuchProduct { chart: id.clone() })?;
            chart_svg::product(&ProductChart::build(indicator, lang), lang)
        }
        ChartKind::Growth => {
            chart_svg::growth(&GrowthChart::build(&dataset.indicators, lang), lang)
        }
        ChartKind::Zones => chart_svg::zones(&ZoneChart::build(&dataset.zones, lang), lang),
    })
}

/// One chart of `dataset` as the bytes of a file in `format`.
pub fn chart_file(
    dataset: &Dataset,
    kind: &ChartKind,
    format: ChartFormat,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    if let ChartFormat::Png { dpi } = format
        && !DPI_RANGE.contains(&dpi)
    {
        return Err(ExportError::BadDpi { dpi });
    }
    let chart = chart_svg(dataset, kind, lang)?;
    match format {
        ChartFormat::Svg => Ok(chart.svg.into_bytes()),
        ChartFormat::Png { dpi } => png::render(&chart, dpi),
        ChartFormat::Pdf => pdf::chart(&chart, lang),
    }
}

/// The A4 report of `dataset` as the bytes of a PDF file.
pub fn report_pdf(
    dataset: &Dataset,
    options: &ReportOptions,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let laid_out = report::lay_out(dataset, options, lang)?;
    let properties = pdf::Properties { title: &laid_out.title, made: Some(options.today), lang };
    pdf::pages(&laid_out.pages, &laid_out.blocks, &properties)
}

/// One chart of `dataset` drawn for paper as pixels, at `dpi` (for the clipboard).
pub fn chart_pixels(
    dataset: &Dataset,
    kind: &ChartKind,
    dpi: u32,
    lang: Lang,
) -> Result<png::Rgba, ExportError> {
    png::rgba(&chart_svg(dataset, kind, lang)?, dpi)
}

/// The report of `dataset` in `layout` as the bytes of a file in `format`.
pub fn report_file(
    dataset: &Dataset,
    options: &ReportOptions,
    layout: Layout,
    format: ReportFormat,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    match (layout, format) {
        (Layout::Quick, ReportFormat::Pdf) => report_pdf(dataset, options, lang),
        (Layout::Quick, ReportFormat::Docx) => Err(ExportError::QuickIsPdfOnly),
        (Layout::Official, ReportFormat::Pdf) => official_pdf(dataset, options, lang),
        (Layout::Official, ReportFormat::Docx) => official_docx(dataset, options, lang),
    }
}

/// The report in the official layout as the bytes of a PDF file.
pub fn official_pdf(
    dataset: &Dataset,
    options: &ReportOptions,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let report = official::OfficialReport::build(dataset, options, lang)?;
    let (pages, blocks) = report.lay_out();
    let properties = pdf::Properties { title: &report.title, made: Some(options.today), lang };
    pdf::pages(&pages, &blocks, &properties)
}

/// The report in the official layout as the bytes of a Word (.docx) file.
pub fn official_docx(
    dataset: &Dataset,
    options: &ReportOptions,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    docx::write(&official::OfficialReport::build(dataset, options, lang)?)
}

/// Writes an export atomically: a temp file beside `path`, then a rename, so `path` is
/// either its old self or the whole new file, never half of one.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    storage::write_atomically(path, bytes, false).map_err(ExportError::Write)
}

/// The bundled fonts, as usvg and resvg look them up: the charts ask for "Noto Sans".
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(DATABASE.get_or_init(|| {
        let mut database = usvg::fontdb::Database::new();
        for data in [fonts::SANS, fonts::SANS_BOLD, fonts::SYMBOLS.bytes(), fonts::MONO.bytes()] {
            database.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
        }
        database.set_sans_serif_family(fonts::FAMILY);
        Arc::new(database)
    }))
}

/// Parses a chart's SVG with the bundled fonts.
fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        font_family: fonts::FAMILY.to_owned(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|err| ExportError::Render { detail: err.to_string() })
}
