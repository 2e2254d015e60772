//! Charts and tables onto the clipboard: "Sao chép hình" (button and right-click) puts the
//! chart drawn for paper at 300 dpi, "Sao chép bảng" the table as tab-separated text and
//! HTML — in the window (a recording clipboard), and through the system clipboard under
//! Xvfb, read back in a child process.

use std::process::Command;

use industry_desk::window::clipboard::{ClipTable, Clipboard, Picture, SystemClipboard};

use crate::e2e::Display;
use crate::support::{
    RecordingClipboard, ScriptedDialogs, click, harness_with_clipboard, type_into, wait_for_copy,
};

#[test]
fn a_chart_is_copied_as_a_picture_drawn_for_paper() {
    let clipboard = RecordingClipboard::default();
    let mut window = harness_with_clipboard(&ScriptedDialogs::default(), &clipboard);
    click(&mut window, "Sao chép hình: Điện thương phẩm");
    wait_for_copy(&mut window);
    let pictures = clipboard.pictures.lock().unwrap().clone();
    assert_eq!(pictures.len(), 1);
    let picture = &pictures[0];
    // 17 cm × 9,5 cm at 300 dpi, the size the report prints it.
    assert_eq!((picture.width, picture.height), (2008, 1125));
    assert_eq!(picture.rgba.len(), picture.width * picture.height * 4);
    // The electricity blue is there, and most of it is the white page.
    let pixels: Vec<&[u8]> = picture.rgba.chunks(4).collect();
    assert!(pixels.iter().any(|p| p[..3] == [0x1f, 0x4e, 0x9c]), "the bars' colour");
    let white = pixels.iter().filter(|p| p[..3] == [255, 255, 255]).count();
    assert!(white > pixels.len() / 2, "a white page");
    assert!(window.state().status_line().starts_with("Đã chép hình \"Điện thương phẩm\""));

    // The zones chart, from its own tab.
    click(&mut window, "Khu & cụm công nghiệp");
    click(&mut window, "Sao chép hình: Diện tích quy hoạch khu, cụm công nghiệp");
    wait_for_copy(&mut window);
    assert_eq!(clipboard.pictures.lock().unwrap().len(), 2);
}

#[test]
fn tables_are_copied_as_text_and_html_as_the_screen_shows_them() {
    let clipboard = RecordingClipboard::default();
    let mut window = harness_with_clipboard(&ScriptedDialogs::default(), &clipboard);
    click(&mut window, "Sao chép bảng: Số liệu sản xuất 6 tháng đầu năm 2019");
    let figures = clipboard.tables.lock().unwrap()[0].clone();
    assert_eq!(figures.rows.len(), 6, "three products, two periods each");
    let tsv = figures.tsv();
    assert!(tsv.starts_with("Chỉ tiêu\tKỳ\tGiá trị"), "{tsv}");
    assert!(tsv.contains("Điện thương phẩm\t6T/2019\t365 triệu kWh"), "{tsv}");
    assert!(figures.html().contains("<td>hơn 1,8 triệu m³</td>"), "{}", figures.html());
    assert_eq!(
        window.state().status_line(),
        "Đã chép bảng \"Số liệu sản xuất 6 tháng đầu năm 2019\" (6 dòng): dán vào Excel hay Word."
    );

    // The checklist as filtered: only the rows shown.
    click(&mut window, "Chỉ đạo");
    type_into(&mut window, "Tìm", "ra soat");
    click(&mut window, "Sao chép bảng: Kết luận chỉ đạo");
    let list = clipboard.tables.lock().unwrap()[1].clone();
    assert_eq!(list.rows.len(), 2, "{list:?}");
    assert!(list.rows.iter().all(|row| row[1].to_lowercase().contains("rà soát")));

    click(&mut window, "Khu & cụm công nghiệp");
    click(&mut window, "Sao chép bảng: Khu, cụm công nghiệp theo quy hoạch");
    let zones = clipboard.tables.lock().unwrap()[2].clone();
    let huu_lung = zones.rows.iter().find(|row| row[0].contains("Hữu Lũng")).unwrap();
    assert_eq!(huu_lung[2], "chưa có số liệu diện tích", "never 0");
}

/// What the child copies and reads back.
const TABLE_VAR: &str = "INDUSTRY_DESK_CLIPBOARD_CHILD";

/// The child: runs on the Xvfb display the parent gives it, copies a picture and a table to
/// the system clipboard as the app does, and reads each back through the clipboard.
#[test]
#[ignore = "the child process of the system clipboard test"]
fn clipboard_child() {
    if std::env::var_os(TABLE_VAR).is_none() {
        return;
    }
    let table = ClipTable {
        headers: vec!["Đơn vị".into(), "Tổng số".into()],
        rows: vec![vec!["Sở Công Thương".into(), "10".into()]],
    };
    let mut ours = SystemClipboard::default();
    ours.put_table(&table).unwrap();
    let mut reader = arboard::Clipboard::new().unwrap();
    assert_eq!(reader.get().html().unwrap(), table.html());
    assert_eq!(reader.get_text().unwrap(), "Đơn vị\tTổng số\nSở Công Thương\t10");
    let rgba: Vec<u8> = (0..6u8).flat_map(|i| [i * 40, 255 - i * 40, 128, 255]).collect();
    ours.put_picture(Picture { width: 3, height: 2, rgba: rgba.clone() }).unwrap();
    let image = reader.get_image().unwrap();
    assert_eq!((image.width, image.height), (3, 2));
    assert_eq!(image.bytes.into_owned(), rgba);
    println!("clipboard read back");
}

#[test]
fn the_system_clipboard_takes_a_picture_and_a_table() {
    let display = Display::start();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "clipboard::clipboard_child", "--ignored", "--nocapture"])
        .env(TABLE_VAR, "1")
        .env("DISPLAY", &display.name)
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let said =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success() && said.contains("clipboard read back"), "{said}");
}
