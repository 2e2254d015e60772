//! Exports of a hostile file: texts that look like paths, markup, PDF operators or formulas
//! never choose where a file goes, nor become anything but text in the PDF, SVG or xlsx.

use std::path::Path;

use calamine::{Data, Reader};
use industry_desk::i18n::Lang;
use industry_desk::interop::paper::{self, ChartFormat, ChartKind, ReportOptions};
use industry_desk::model::Dataset;
use industry_desk::window::jobs::export::{ExportChoices, ExportPurpose, FormatChoice};
use industry_desk::{files::builtin, interop::exchange};

use crate::support::TODAY;

/// Texts meant to break out of wherever they are written.
const HOSTILE: [&str; 6] = [
    "../../../../etc/passwd",
    "C:\\Windows\\System32\\x.dll",
    ") Tj ET /OpenAction << /S /JavaScript /JS (app.alert(1)) >> endobj %%EOF",
    "<script>alert(1)</script><svg onload=\"x\">&amp;",
    "=HYPERLINK(\"http://x\",\"bấm\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
];

fn hostile_dataset() -> Dataset {
    let mut data = builtin::dataset();
    data.province = HOSTILE[0].to_owned();
    data.meetings[0].title = HOSTILE[1].to_owned();
    for (directive, text) in data.directives.iter_mut().zip(HOSTILE) {
        directive.text = text.to_owned();
    }
    data.indicators[0].name = HOSTILE[3].to_owned();
    // An indicator the user added, its id as hostile as a file can make it.
    let mut added = data.indicators[1].clone();
    added.id = HOSTILE[0].to_owned();
    added.name = HOSTILE[2].to_owned();
    data.indicators.push(added);
    data.zones[0].name = HOSTILE[4].to_owned();
    data
}

#[test]
fn suggested_file_names_never_come_from_the_files_texts() {
    let data = hostile_dataset();
    let mut choices = ExportChoices::default();
    for format in [FormatChoice::Pdf, FormatChoice::Svg, FormatChoice::Png] {
        choices.format = format;
        for chart in ChartKind::all(&data) {
            choices.chart = chart;
            for purpose in [
                ExportPurpose::Print,
                ExportPurpose::Report,
                ExportPurpose::Chart,
                ExportPurpose::Xlsx,
            ] {
                let name = choices.suggested_name(purpose, &data, TODAY);
                assert!(
                    name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'),
                    "{name}"
                );
                assert_eq!(Path::new(&name).file_name().unwrap(), name.as_str(), "a bare name");
                assert!(!name.starts_with('.'), "{name}");
            }
        }
    }
}

#[test]
fn hostile_texts_stay_text_in_the_pdf() {
    let data = hostile_dataset();
    let pdf = paper::report_pdf(&data, &ReportOptions::new(&data, TODAY), Lang::Vi).unwrap();
    for marker in [b"/JavaScript".as_slice(), b"/OpenAction", b"/JS ", b"/Launch"] {
        assert!(
            !pdf.windows(marker.len()).any(|w| w == marker),
            "{}",
            String::from_utf8_lossy(marker)
        );
    }
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils, see README)");
    assert!(output.status.success(), "the PDF still parses");
    let text = String::from_utf8(output.stdout).unwrap();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in
        ["app.alert(1)", "/OpenAction", "../../../../etc/passwd", "<script>alert(1)</script>"]
    {
        assert!(flat.contains(words), "«{words}» printed as text");
    }
}

#[test]
fn hostile_texts_stay_text_in_the_svg() {
    let data = hostile_dataset();
    let svg =
        paper::chart_file(&data, &ChartKind::electricity(), ChartFormat::Svg, Lang::Vi).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(!svg.contains("<script"), "no element from a name");
    assert!(svg.contains("&lt;script&gt;"), "the name is escaped text");
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
        .expect("the SVG parses");
    assert!(tree.size().width() > 0.0);
}

#[test]
fn hostile_texts_stay_text_in_the_workbook() {
    let data = hostile_dataset();
    let bytes = exchange::to_xlsx(&data, TODAY, Lang::Vi).unwrap();
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut found = 0;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        for cell in range.used_cells() {
            if let Data::String(text) = cell.2
                && HOSTILE.contains(&text.as_str())
            {
                found += 1;
            }
        }
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(formulas.used_cells().next().is_none(), "{name}: no formula in any cell");
    }
    assert!(found >= HOSTILE.len(), "every hostile text is a plain string cell ({found})");
}
