//! The report in the administrative layout (Nghị định 30/2020), through the real binary:
//! the PDF read back with poppler — the header block's words, the section titles, a figure
//! sentence, every word inside the decree's margins (`pdftotext -bbox`), no page number on
//! page 1 and one at the top centre of page 2, PDF/A-2a, Liberation Serif embedded — and
//! the Word file read back with docx-rs and its XML (margins, styles, the repeated header
//! row, rows that don't split, the PAGE field, the pictures at 300 dpi).

use std::io::Read;
use std::path::Path;

use industry_desk::{files::builtin, files::storage};

use crate::support::{poppler, run_cli};

/// The decree's margins, in points: top, bottom, left, right.
const MARGINS: [f32; 4] = [56.69, 56.69, 85.04, 42.52];

fn export(args: &[&str]) {
    let output = run_cli(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

/// A word on a page, as `pdftotext -bbox` places it.
#[derive(Debug)]
struct Word {
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
}

/// Each page's size and words.
fn pages(pdf: &Path) -> Vec<((f32, f32), Vec<Word>)> {
    let html = poppler("pdftotext", &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    let attribute = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    };
    let mut pages = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(((attribute(line, "width"), attribute(line, "height")), Vec::new()));
        } else if line.starts_with("<word ") {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            let word = Word {
                text: text.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&"),
                x_min: attribute(line, "xMin"),
                y_min: attribute(line, "yMin"),
                x_max: attribute(line, "xMax"),
                y_max: attribute(line, "yMax"),
            };
            pages.last_mut().expect("a page").1.push(word);
        }
    }
    pages
}

/// The text with its line breaks and repeated spaces made single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_official_report_reads_as_the_decree_lays_it_out() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("bao-cao.pdf");
    export(&["export", "report", "-o", pdf.to_str().unwrap(), "--today", "2026-12-01"]);
    let text = poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    let text = flat(&text);
    for expected in [
        "UBND TỈNH LẠNG SƠN",
        "SỞ CÔNG THƯƠNG",
        "/BC-SCT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lạng Sơn, ngày 01 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn.",
        "I. TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP",
        "II. KẾT QUẢ THỰC HIỆN CÁC KẾT LUẬN CHỈ ĐẠO",
        "điện thương phẩm đạt 365 triệu kWh, tăng 9,5% so với cùng kỳ năm 2018",
        "đá các loại đạt hơn 1,8 triệu m³, tăng gần 13% so với cùng kỳ",
        "Hình 1. Điện thương phẩm",
        "Khu công nghiệp Hữu Lũng (chưa có số liệu diện tích)",
        "Tổng số 10 nhiệm vụ",
        "Nơi nhận:",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC",
        "Phụ lục",
        "(Kèm theo Báo cáo số",
        "Rà soát lại các mỏ đá",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    assert!(
        !text.contains("333,3 triệu kWh, tăng"),
        "the derived 2018 figure is not stated as reported"
    );

    let pages = pages(&pdf);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let [top, bottom, left, right] = MARGINS;
    for (index, ((width, height), words)) in pages.iter().enumerate() {
        let number = index + 1;
        let in_top_margin: Vec<&Word> = words.iter().filter(|w| w.y_max < top).collect();
        let page_in_part = if *width > *height {
            // The appendix numbers its own pages.
            number - pages.iter().position(|((w, h), _)| w > h).unwrap()
        } else {
            number
        };
        if page_in_part == 1 {
            assert!(in_top_margin.is_empty(), "page {number} has no number: {in_top_margin:?}");
        } else {
            assert_eq!(in_top_margin.len(), 1, "page {number}: {in_top_margin:?}");
            let number_word = in_top_margin[0];
            assert_eq!(number_word.text, page_in_part.to_string(), "page {number}");
            let centre = (number_word.x_min + number_word.x_max) / 2.0;
            let content_centre = left + (width - left - right) / 2.0;
            assert!(
                (centre - content_centre).abs() < 2.0,
                "page {number}'s number is centred: {centre}"
            );
        }
        for word in words.iter().filter(|w| w.y_max >= top) {
            let inside = word.y_min >= top - 4.0
                && word.x_min >= left - 0.5
                && word.x_max <= width - right + 0.5
                && word.y_max <= height - bottom + 0.5;
            assert!(inside, "page {number}: {word:?} outside the margins");
        }
    }
    let (first, _) = &pages[0];
    assert!((first.0 - 595.28).abs() < 0.1 && (first.1 - 841.89).abs() < 0.1, "A4");
    let landscape = pages.iter().filter(|((w, h), _)| w > h).count();
    assert!(landscape >= 1, "the appendix is landscape");

    let meta = poppler("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2");
    assert!(meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"), "PDF/A-2a: tagged");
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let fonts = poppler("pdffonts", &[pdf.to_str().unwrap()]);
    for face in ["LiberationSerif ", "LiberationSerif-Bold ", "LiberationSerif-Italic "] {
        let line =
            fonts.lines().find(|l| l.contains(face)).unwrap_or_else(|| panic!("{face}: {fonts}"));
        assert!(line.contains("yes yes yes"), "{face} embedded as a subset with Unicode: {line}");
    }
}

#[test]
fn the_english_report_has_the_same_layout_in_english_words() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("report.pdf");
    export(&[
        "export",
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--today",
        "2026-12-01",
        "--lang",
        "en",
    ]);
    let text = flat(&poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]));
    for expected in [
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Independence - Freedom - Happiness",
        "Lạng Sơn, 1 December 2026",
        "REPORT",
        "I. INDUSTRIAL PRODUCTION",
        "commercial electricity reached 365 million kWh, up 9.5%",
        "Figure 1. Commercial electricity",
        "Recipients:",
        "Appendix",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    let vi = folder.path().join("bao-cao.pdf");
    export(&["export", "report", "-o", vi.to_str().unwrap(), "--today", "2026-12-01"]);
    assert_eq!(pages(&pdf).len(), pages(&vi).len(), "the same layout, page for page");
}

#[test]
fn the_quick_print_stays_and_is_pdf_only() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("nhanh.pdf");
    export(&[
        "export",
        "report",
        "-o",
        pdf.to_str().unwrap(),
        "--layout",
        "quick",
        "--today",
        "2026-12-01",
    ]);
    let text = poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("Ngày in: 01/12/2026") && text.contains("Trang 1/"), "{text}");
    let docx = folder.path().join("nhanh.docx");
    let out = run_cli(&["export", "report", "-o", docx.to_str().unwrap(), "--layout", "quick"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Bản in nhanh chỉ xuất được PDF"));
    assert!(!docx.exists());
    let odt = folder.path().join("bao-cao.odt");
    let out = run_cli(&["export", "report", "-o", odt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "an unknown extension is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains(".docx"));
}

/// A part of the .docx, as text.
fn part(docx: &Path, name: &str) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn the_word_file_has_the_styles_sections_fields_and_pictures() {
    let folder = tempfile::tempdir().unwrap();
    let docx = folder.path().join("bao-cao.docx");
    export(&["export", "report", "-o", docx.to_str().unwrap(), "--today", "2026-12-01"]);
    let read = docx_rs::read_docx(&std::fs::read(&docx).unwrap()).expect("docx-rs reads it back");

    // Styles: Normal from the document defaults (Times New Roman, 14 pt), and the named ones.
    let defaults = serde_json::to_string(&read.styles.doc_defaults).unwrap();
    assert!(defaults.contains("Times New Roman") && defaults.contains("\"sz\":28"), "{defaults}");
    let ids: Vec<&str> = read.styles.styles.iter().map(|s| s.style_id.as_str()).collect();
    for style in ["Normal", "BodyText", "Heading1", "Heading2", "Title", "Caption"] {
        assert!(ids.contains(&style), "{style} in {ids:?}");
    }

    // The text, all of it editable, in its styles.
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    for child in &read.document.children {
        if let docx_rs::DocumentChild::Paragraph(p) = child {
            let style = p.property.style.as_ref().map(|s| s.val.clone()).unwrap_or_default();
            paragraphs.push((style, p.raw_text()));
        }
    }
    let styled =
        |style: &str, text: &str| paragraphs.iter().any(|(s, t)| s == style && t.contains(text));
    assert!(styled("Title", "BÁO CÁO"), "{paragraphs:?}");
    assert!(styled("Heading1", "I. TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP"));
    assert!(styled(
        "BodyText",
        "điện thương phẩm đạt 365 triệu kWh, tăng 9,5% so với cùng kỳ năm 2018"
    ));
    assert!(styled("Caption", "Hình 1. Điện thương phẩm"));

    // Sections: the report on A4 upright with the decree's margins and a different first
    // page; the appendix landscape, numbered from 1.
    let xml = part(&docx, "word/document.xml");
    let sections: Vec<&str> = xml.match_indices("<w:sectPr>").map(|(i, _)| &xml[i..]).collect();
    assert_eq!(sections.len(), 2, "the report and its appendix");
    let first = &sections[0][..sections[0].find("</w:sectPr>").unwrap()];
    assert!(first.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" />"), "{first}");
    assert!(
        first.contains("w:top=\"1134\"")
            && first.contains("w:bottom=\"1134\"")
            && first.contains("w:left=\"1701\"")
            && first.contains("w:right=\"850\""),
        "20/20/30/15 mm: {first}"
    );
    assert!(first.contains("<w:titlePg />"), "a different first page");
    let last = &sections[1][..sections[1].find("</w:sectPr>").unwrap()];
    assert!(
        last.contains("w:orient=\"landscape\"") && last.contains("<w:pgNumType w:start=\"1\" />"),
        "{last}"
    );

    // The header: a PAGE field, centred.
    let header = part(&docx, "word/header1.xml");
    assert!(
        header.contains("<w:instrText>PAGE</w:instrText>") && header.contains("w:val=\"center\""),
        "{header}"
    );

    // The appendix's tables: a header row that repeats, rows that don't split.
    assert_eq!(xml.matches("<w:tblHeader />").count(), 2, "the directives and the units");
    let rows = xml.matches("<w:tr>").count();
    assert!(
        xml.matches("<w:cantSplit />").count() >= rows - 2,
        "every row of the appendix's tables"
    );

    // The charts: four pictures at 300 dpi, each with its caption after it.
    assert_eq!(read.images.len(), 4, "three products and the zones");
    for (_, _, image, _) in &read.images {
        let png = &image.0;
        assert!(png.starts_with(b"\x89PNG"));
        let phys = png.windows(4).position(|w| w == b"pHYs").expect("resolution recorded");
        let per_metre = u32::from_be_bytes(png[phys + 4..phys + 8].try_into().unwrap());
        assert_eq!(per_metre, 11_811, "300 dpi");
    }
    assert_eq!(xml.matches("<w:pStyle w:val=\"Caption\" />").count(), 4);
}

#[test]
fn the_letterhead_kept_in_the_file_prints_and_a_product_added_gets_its_figure() {
    let folder = tempfile::tempdir().unwrap();
    let mut data = builtin::dataset();
    let mut letterhead = data.letterhead_or_default();
    letterhead.number = Some(7);
    letterhead.signer_name = "Nguyễn Văn Bình".into();
    letterhead.recipients =
        vec!["Như trên".into(), "Chủ tịch UBND tỉnh".into(), "Lưu: VT, KHTC".into()];
    data.letterhead = Some(letterhead);
    let mut added = data.indicators[2].clone();
    added.id = "xi-mang".into();
    added.name = "Xi măng".into();
    added.unit = "tấn".into();
    data.indicators.push(added);
    let file = folder.path().join("du-lieu.ron");
    storage::save(&file, &data).unwrap();
    let pdf = folder.path().join("bao-cao.pdf");
    export(&[
        "export",
        "report",
        file.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
        "--today",
        "2026-02-03",
    ]);
    let text = flat(&poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]));
    for expected in [
        "Số: 07/BC-SCT",
        "Lạng Sơn, ngày 03 tháng 02 năm 2026",
        "- Chủ tịch UBND tỉnh;",
        "- Lưu: VT, KHTC.",
        "Nguyễn Văn Bình",
        "Hình 4. Xi măng",
        "(Kèm theo Báo cáo số 07/BC-SCT ngày 03 tháng 02 năm 2026 của Sở Công Thương)",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from:\n{text}");
    }
    // The added product by its id, as a chart alone.
    let png = folder.path().join("xi-mang.png");
    export(&["export", "chart", "xi-mang", file.to_str().unwrap(), "-o", png.to_str().unwrap()]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let out =
        run_cli(&["export", "chart", "thep", file.to_str().unwrap(), "-o", png.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("xi-mang"),
        "the charts there are are named"
    );
}

// ---- From the window ----

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use industry_desk::window::app::Modal;

use crate::support::{ScriptedDialogs, click, harness, menu, type_into, wait_for_export};

#[test]
fn the_window_exports_the_administrative_report_as_word() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("bao-cao.docx");
    let dialogs = ScriptedDialogs::default();
    let mut window = harness(&dialogs, None);
    menu(&mut window, "Tệp", "Xuất báo cáo…");
    // The administrative layout is the default; Word is one click.
    let Some(Modal::Export { choices, .. }) = window.state().modal() else { panic!() };
    assert_eq!(choices.layout, industry_desk::interop::paper::Layout::Official);
    window.get_by_role_and_label(Role::RadioButton, "Word (.docx)").click();
    window.run();
    dialogs.will_pick(&out);
    window.get_by_label("Lưu thành tệp…").click();
    window.step();
    wait_for_export(&mut window);
    let read = docx_rs::read_docx(&std::fs::read(&out).unwrap()).expect("a Word file");
    let text: String = read
        .document
        .children
        .iter()
        .filter_map(|child| match child {
            docx_rs::DocumentChild::Paragraph(p) => Some(p.raw_text()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains("BÁO CÁO") && text.contains("I. TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP"),
        "{text}"
    );
    assert!(
        window.state().status_line().contains("bao-cao.docx"),
        "{}",
        window.state().status_line()
    );
}

#[test]
fn the_letterhead_form_keeps_its_words_in_the_file_in_one_undo_step() {
    let mut window = harness(&ScriptedDialogs::default(), None);
    window.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::P);
    window.run();
    click(&mut window, "Thể thức văn bản…");
    // A number that is not one is refused with the reason, nothing changed.
    type_into(&mut window, "Số văn bản", "12a");
    click(&mut window, "Lưu thể thức");
    window.get_by_label_contains("Số văn bản phải là số nguyên dương: 12a");
    assert!(!window.state().document().is_dirty());

    window.get_by_label("Số văn bản").focus();
    window.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    window.get_by_label("Số văn bản").type_text("12");
    window.run();
    type_into(&mut window, "Họ tên người ký", "Nguyễn Văn Bình");
    click(&mut window, "Lưu thể thức");
    let kept = window.state().document().dataset().letterhead.clone().expect("kept in the file");
    assert_eq!((kept.number, kept.signer_name.as_str()), (Some(12), "Nguyễn Văn Bình"));
    assert!(
        matches!(window.state().modal(), Some(Modal::Export { .. })),
        "the dialog stays to print"
    );
    assert_eq!(window.state().status_line(), "Đã lưu thể thức văn bản.");

    click(&mut window, "‹ Quay lại «In báo cáo»");
    click(&mut window, "Huỷ");
    window.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    window.run();
    assert!(window.state().document().dataset().letterhead.is_none(), "one Ctrl+Z takes it back");
}
