//! Chasing the units through the real binary: the follow-up letters read back with poppler
//! (PDF) and from the Word file's XML and python-docx; the calendar read by python's
//! icalendar, twice, with the same UIDs; a report sheet written, filled by openpyxl,
//! imported into the file, and a tampered one refused with its row and nothing written.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use industry_desk::files::storage;
use industry_desk::model::{Dataset, ProgressNote, Unit, UnitId, UnitKind};
use jiff::civil::date;

use crate::support::{poppler, run_cli};

const TODAY: &str = "2019-10-01";
const FINANCE: &str = "Sở Tài chính";
const PLANNING: &str = "Sở Kế hoạch và Đầu tư";

/// The built-in file with two departments in charge: Finance leads an overdue directive
/// (0), one in progress with a note (1) and one done (4), and supports one of Planning's
/// (3); Planning leads 2 and 3.
fn data() -> Dataset {
    let mut data = industry_desk::files::builtin::dataset();
    data.units.push(Unit { id: UnitId(5), name: FINANCE.into(), kind: UnitKind::Department });
    data.units.push(Unit { id: UnitId(6), name: PLANNING.into(), kind: UnitKind::Department });
    let d = &mut data.directives;
    d[0].lead_unit = Some(UnitId(5));
    d[0].deadline = Some(date(2019, 9, 1));
    d[1].lead_unit = Some(UnitId(5));
    d[1].deadline = Some(date(2019, 12, 31));
    d[1].progress
        .push(ProgressNote { date: date(2019, 8, 20), text: "Đã lập dự thảo".into() });
    d[2].lead_unit = Some(UnitId(6));
    d[2].deadline = Some(date(2019, 11, 30));
    d[3].lead_unit = Some(UnitId(6));
    d[3].supporting_units = vec![UnitId(5)];
    d[4].lead_unit = Some(UnitId(5));
    d[4].deadline = Some(date(2019, 9, 15));
    d[4].completed_on = Some(date(2019, 9, 10));
    data
}

fn saved(folder: &Path, data: &Dataset) -> PathBuf {
    let path = folder.join("data.ron");
    storage::save(&path, data).unwrap();
    path
}

fn ok(args: &[&str]) -> String {
    let output = run_cli(args);
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn refused(args: &[&str]) -> String {
    let output = run_cli(args);
    assert_eq!(output.status.code(), Some(1), "{args:?} should be refused");
    String::from_utf8(output.stderr).unwrap()
}

/// The text with its line breaks and repeated spaces made single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first words of a directive, to find it in a letter (tables wrap long texts).
fn opening(text: &str) -> String {
    text.split_whitespace().take(4).collect::<Vec<_>>().join(" ")
}

fn python(script: &str, args: &[&str]) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts").join(script);
    let output = Command::new("python3").arg(&path).args(args).output().unwrap_or_else(|err| {
        panic!("python3 could not run ({err}): install it, then pip install openpyxl icalendar python-docx")
    });
    assert!(
        output.status.success(),
        "{script} {args:?} (pip install openpyxl icalendar python-docx): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn each_lead_unit_gets_a_letter_of_its_own_unfinished_work_overdue_first() {
    let folder = tempfile::tempdir().unwrap();
    let data = data();
    let file = saved(folder.path(), &data);
    let out = folder.path().join("letters");
    let printed = ok(&[
        "letters",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--reply-by",
        "15/10/2019",
        "--today",
        TODAY,
    ]);
    assert!(printed.contains("SoTaiChinh.pdf — Sở Tài chính: 2"), "{printed}");
    // Zero counts are left out of the list ("(0 quá hạn), 0 nhiệm vụ phối hợp").
    assert!(!printed.contains("(0 ") && !printed.contains(" 0 nhiệm vụ"), "{printed}");
    let finance = out.join("SoTaiChinh.pdf");
    let planning = out.join("SoKeHoachVaDauTu.pdf");
    assert!(finance.exists() && planning.exists(), "{printed}");
    // Sở Công Thương leads nothing here: no letter.
    assert!(!out.join("SoCongThuong.pdf").exists());
    let text = flat(&poppler("pdftotext", &["-enc", "UTF-8", finance.to_str().unwrap(), "-"]));
    for words in [
        "UBND TỈNH LẠNG SƠN",
        "SỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "/SCT-VP",
        "V/v đôn đốc thực hiện kết luận tại cuộc họp ngày 15/07/2019",
        "Kính gửi: Sở Tài chính.",
        "Lạng Sơn, ngày 01 tháng 10 năm 2019",
        // The status column wraps "Chưa hoàn thành, đã quá hạn" over lines.
        "đã quá",
        "Chưa hoàn thành, còn trong hạn",
        "Đã lập dự thảo",
        "Các nhiệm vụ phối hợp",
        "trước ngày 15/10/2019",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
    ] {
        assert!(text.contains(words), "{words:?} not in the letter: {text}");
    }
    let d = &data.directives;
    let overdue = text.find(&opening(&d[0].text)).expect("the overdue directive");
    let in_progress = text.find(&opening(&d[1].text)).expect("the one in progress");
    assert!(overdue < in_progress, "overdue first");
    assert!(!text.contains(&opening(&d[4].text)), "done work is not chased");
    assert!(!text.contains(&opening(&d[2].text)), "another unit's directive");
    let supported = text.find("Các nhiệm vụ phối hợp").unwrap();
    assert!(text[supported..].contains(&opening(&d[3].text)), "what it supports, apart");
    let info = poppler("pdfinfo", &["-meta", finance.to_str().unwrap()]);
    assert!(info.contains("pdfaid:part") && info.contains('2'), "PDF/A-2: {info}");
}

fn docx_text(docx: &Path) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    let mut text = String::new();
    let mut rest = xml.as_str();
    while let Some(start) = rest.find("<w:t") {
        let after = &rest[start..];
        let open_end = after.find('>').unwrap();
        if after[..open_end].ends_with('/') || !matches!(after.as_bytes()[4], b'>' | b' ') {
            rest = &after[open_end + 1..];
            continue;
        }
        let close = after.find("</w:t>").unwrap();
        text.push_str(&after[open_end + 1..close]);
        text.push(' ');
        rest = &after[close..];
    }
    text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

#[test]
fn the_word_letter_reads_back_with_the_same_words() {
    let folder = tempfile::tempdir().unwrap();
    let file = saved(folder.path(), &data());
    let out = folder.path().join("letters");
    ok(&[
        "letters",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--unit",
        "so tai chinh",
        "--format",
        "docx",
        "--reply-by",
        "15/10/2019",
        "--today",
        TODAY,
    ]);
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["SoTaiChinh.docx"], "only the unit asked for");
    let docx = out.join("SoTaiChinh.docx");
    let text = flat(&docx_text(&docx));
    let read = flat(&python_docx_text(&docx));
    for words in [
        "SỞ CÔNG THƯƠNG",
        "V/v đôn đốc thực hiện kết luận",
        "Kính gửi: Sở Tài chính.",
        "Chưa hoàn thành, đã quá hạn",
        "trước ngày 15/10/2019",
        "Các nhiệm vụ phối hợp",
    ] {
        assert!(text.contains(words), "{words:?} not in document.xml: {text}");
        assert!(read.contains(words), "{words:?} not read by python-docx: {read}");
    }
}

/// Every paragraph's text, tables' cells included, as python-docx reads it.
fn python_docx_text(docx: &Path) -> String {
    let script = "import sys, docx\n\
                  d = docx.Document(sys.argv[1])\n\
                  parts = [p.text for p in d.paragraphs]\n\
                  for t in d.tables:\n    for r in t.rows:\n        for c in r.cells:\n            parts.append(c.text)\n\
                  print('\\n'.join(parts))\n";
    let output = Command::new("python3").args(["-c", script, docx.to_str().unwrap()]).output();
    let output = output.expect("python3 runs (pip install python-docx)");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn bad_letter_arguments_are_refused_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let file = saved(folder.path(), &data());
    let out = folder.path().join("letters");
    let base = ["letters", file.to_str().unwrap(), "-o", out.to_str().unwrap(), "--today", TODAY];
    fn with<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
        [base, extra].concat()
    }
    let message = refused(&with(&base, &["--unit", "Sở Tài chánh"]));
    assert!(message.contains("Sở Tài chánh") && message.contains(FINANCE), "{message}");
    let message = refused(&with(&base, &["--reply-by", "31/02/2019"]));
    assert!(message.contains("31/02/2019") && message.contains("dd/mm/yyyy"), "{message}");
    let message = refused(&with(&base, &["--reply-by", "30/09/2019"]));
    assert!(message.contains("30/09/2019") && message.contains("01/10/2019"), "{message}");
    let message = refused(&with(&base, &["--unit", "Sở Công Thương"]));
    assert!(message.contains("Sở Công Thương"), "a unit with nothing unfinished: {message}");
    let message = refused(&with(&base, &["--meeting", "9"]));
    assert!(message.contains('9'), "{message}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn the_calendar_parses_and_keeps_its_uids_across_exports() {
    let folder = tempfile::tempdir().unwrap();
    let mut data = data();
    let file = saved(folder.path(), &data);
    let first = folder.path().join("first.ics");
    let printed = ok(&["calendar", file.to_str().unwrap(), "-o", first.to_str().unwrap()]);
    assert!(printed.contains("first.ics"), "{printed}");
    let events = python("read_calendar.py", &[first.to_str().unwrap()]);
    let lines: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 4, "the four directives with a deadline: {events}");
    let done = lines.iter().find(|l| l[1] == "2019-09-15").expect("the done directive");
    assert_eq!((done[2], done[3]), ("False", "Đã hoàn thành"), "{events}");
    let open = lines.iter().find(|l| l[1] == "2019-12-31").expect("the one in progress");
    assert_eq!(open[2], "True", "a reminder 3 days before: {events}");
    // Reordered and edited, the same directives keep their UIDs.
    data.directives.swap(0, 1);
    data.directives[0].text.push_str(" (sửa)");
    let file = saved(folder.path(), &data);
    let second = folder.path().join("second.ics");
    ok(&["calendar", file.to_str().unwrap(), "-o", second.to_str().unwrap()]);
    let again = python("read_calendar.py", &[second.to_str().unwrap()]);
    let uids = |text: &str| {
        text.lines().map(|l| l.split('\t').next().unwrap().to_owned()).collect::<Vec<_>>()
    };
    assert_eq!(uids(&events), uids(&again));
    let only = folder.path().join("planning.ics");
    ok(&["calendar", file.to_str().unwrap(), "-o", only.to_str().unwrap(), "--unit", PLANNING]);
    let planning = python("read_calendar.py", &[only.to_str().unwrap()]);
    assert_eq!(planning.lines().count(), 1, "Planning's one directive with a deadline: {planning}");
}

/// Writes Finance's sheet and gives its path.
fn finance_sheet(folder: &Path, file: &Path) -> PathBuf {
    let out = folder.join("sheets");
    let printed = ok(&[
        "sheets",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--unit",
        FINANCE,
        "--today",
        TODAY,
    ]);
    assert!(printed.contains("SoTaiChinh.xlsx — Sở Tài chính: 2"), "{printed}");
    out.join("SoTaiChinh.xlsx")
}

#[test]
fn a_filled_report_sheet_comes_back_into_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let data = data();
    let file = saved(folder.path(), &data);
    let sheet = finance_sheet(folder.path(), &file);
    let filled = folder.path().join("filled.xlsx");
    // Rows 5 and 6: the overdue directive (0) then the one in progress (1).
    let state = python(
        "fill_report_sheet.py",
        &[
            sheet.to_str().unwrap(),
            filled.to_str().unwrap(),
            "5=|Đã trình UBND tỉnh|date:2019-09-28|Thiếu kinh phí",
            "6=|Đang lấy ý kiến các sở||",
        ],
    );
    assert!(state.starts_with("protected"), "{state}");
    assert!(state.contains("hidden:industry-desk"), "{state}");
    let printed = ok(&["import", filled.to_str().unwrap(), "--into", file.to_str().unwrap()]);
    assert!(printed.contains("thêm tiến độ ngày 01/10/2019"), "{printed}");
    assert!(printed.contains("đặt ngày hoàn thành 28/09/2019"), "{printed}");
    assert!(printed.contains("Thiếu kinh phí"), "{printed}");
    let back = storage::load(&file).unwrap();
    let first = back.directive(data.directives[0].id).unwrap();
    assert_eq!(first.completed_on, Some(date(2019, 9, 28)));
    let note = first.progress.last().unwrap();
    assert_eq!(note.date, date(2019, 10, 1));
    assert!(note.text.contains("Sở Tài chính báo cáo: Đã trình UBND tỉnh"), "{}", note.text);
    assert!(note.text.contains("Thiếu kinh phí"), "{}", note.text);
    let second = back.directive(data.directives[1].id).unwrap();
    assert_eq!(second.completed_on, None);
    assert!(second.progress.last().unwrap().text.contains("Đang lấy ý kiến các sở"));
    assert!(storage::backup_path(&file).exists(), ".bak kept");

    // The same sheet again: the directive now differs from when the sheet was made.
    let printed = ok(&["import", filled.to_str().unwrap(), "--into", file.to_str().unwrap()]);
    assert!(printed.contains("đã được sửa ở đây sau khi lập phiếu"), "{printed}");
}

#[test]
fn a_tampered_sheet_is_refused_with_its_rows_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let data = data();
    let file = saved(folder.path(), &data);
    let sheet = finance_sheet(folder.path(), &file);
    let before = std::fs::read(&file).unwrap();
    let tampered = folder.path().join("tampered.xlsx");
    let planning_task = data.directives[2].id.0.to_string();
    python(
        "fill_report_sheet.py",
        &[
            sheet.to_str().unwrap(),
            tampered.to_str().unwrap(),
            &format!("5={planning_task}|Xong||"),
            "6=|Xong|32/13/2019|",
        ],
    );
    let message =
        refused(&["import", tampered.to_str().unwrap(), "--into", file.to_str().unwrap()]);
    assert!(message.contains("dòng 5") && message.contains("không do Sở Tài chính"), "{message}");
    assert!(message.contains("dòng 6") && message.contains("32/13/2019"), "{message}");
    let early = folder.path().join("early.xlsx");
    python(
        "fill_report_sheet.py",
        &[sheet.to_str().unwrap(), early.to_str().unwrap(), "5=|Xong|01/07/2019|"],
    );
    let message = refused(&["import", early.to_str().unwrap(), "--into", file.to_str().unwrap()]);
    assert!(message.contains("dòng 5") && message.contains("15/07/2019"), "{message}");
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing written");

    // Another file's sheet.
    let mut other = data.clone();
    other.province = "Cao Bằng".into();
    let other_folder = tempfile::tempdir().unwrap();
    let other_file = saved(other_folder.path(), &other);
    let message =
        refused(&["import", sheet.to_str().unwrap(), "--into", other_file.to_str().unwrap()]);
    assert!(message.contains("tệp dữ liệu khác"), "{message}");
}

/// The window: File › Văn bản đôn đốc… lists the units with their counts before writing,
/// then writes into the folder chosen, on a worker; the banner offers the same dialog.
#[test]
fn the_window_lists_the_units_then_writes_their_letters_into_a_folder() {
    use crate::support::{ScriptedDialogs, click, harness, settle, wait_for_letters};
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().unwrap();
    let file = saved(folder.path(), &data());
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, Some(file));
    settle(&mut harness);
    // The line under the tabs: what is overdue and due soon, and the letters.
    harness.get_by_label_contains("nhiệm vụ quá hạn");
    harness.get_by_label("Văn bản đôn đốc…");
    // The banner's button opens the dialog File › Văn bản đôn đốc… opens.
    harness.get_by_label("Văn bản đôn đốc…").click();
    harness.run();
    harness
        .get_by_label_contains("Sở Tài chính: 2 nhiệm vụ chủ trì (1 quá hạn), 1 nhiệm vụ phối hợp");
    harness.get_by_label_contains("Sở Kế hoạch và Đầu tư: 2 nhiệm vụ chủ trì");
    let letters = folder.path().join("letters");
    std::fs::create_dir(&letters).unwrap();
    dialogs.will_pick(&letters);
    let units =
        industry_desk::interop::chase::open_work(&data(), None, crate::support::TODAY).len();
    click(&mut harness, &format!("Chọn thư mục và viết {units} văn bản…"));
    wait_for_letters(&mut harness);
    assert!(letters.join("SoTaiChinh.pdf").exists());
    assert!(letters.join("SoKeHoachVaDauTu.pdf").exists());
    harness.get_by_label_contains("Đã viết");
}

/// The window: a returned sheet through File › Nhập từ Excel… is previewed, then applied
/// as one step that one Ctrl+Z takes back.
#[test]
fn the_window_previews_a_returned_sheet_and_applies_it_as_one_undo_step() {
    use crate::support::{ScriptedDialogs, harness, menu, settle};
    use egui_kittest::kittest::Queryable;
    let folder = tempfile::tempdir().unwrap();
    let data = data();
    let file = saved(folder.path(), &data);
    let sheet = finance_sheet(folder.path(), &file);
    let filled = folder.path().join("filled.xlsx");
    python(
        "fill_report_sheet.py",
        &[sheet.to_str().unwrap(), filled.to_str().unwrap(), "5=|Đã trình UBND tỉnh|28/09/2019|"],
    );
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, Some(file));
    settle(&mut harness);
    dialogs.will_pick(&filled);
    menu(&mut harness, "Tệp", "Nhập từ Excel, CSV…");
    harness.get_by_label_contains("đặt ngày hoàn thành 28/09/2019");
    let id = data.directives[0].id;
    let done = |h: &egui_kittest::Harness<'static, industry_desk::App>| {
        h.state().document().dataset().directive(id).unwrap().completed_on
    };
    assert_eq!(done(&harness), None, "nothing applied before the yes");
    harness.get_by_label("Nhập 1 dòng").click();
    harness.run();
    assert_eq!(done(&harness), Some(date(2019, 9, 28)));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(done(&harness), None, "one undo takes the answers back");
}

/// The window: File › Xuất lịch thời hạn… writes the calendar where the official chose.
#[test]
fn the_window_exports_the_deadlines_calendar() {
    use crate::support::{ScriptedDialogs, harness, menu, settle};
    let folder = tempfile::tempdir().unwrap();
    let file = saved(folder.path(), &data());
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs, Some(file));
    settle(&mut harness);
    let ics = folder.path().join("thoi-han.ics");
    dialogs.will_pick(&ics);
    menu(&mut harness, "Tệp", "Xuất lịch thời hạn…");
    let events = python("read_calendar.py", &[ics.to_str().unwrap()]);
    assert_eq!(events.lines().count(), 4, "{events}");
}
