//! Copying to the system clipboard, so a chart or a table goes into Word, LibreOffice, Excel
//! or a Zalo message in one paste: a chart as a picture drawn for paper (300 dpi), a table
//! as tab-separated text (Excel, a chat) and as HTML (Word keeps it a table).
//!
//! The tabs ask for a copy with a [`Clip`]; the app makes the picture on a worker and hands
//! it to its [`Clipboard`]: the system's ([`SystemClipboard`], through arboard), or one a test
//! injects. On X11 what is copied lives as long as the program that copied it, so the app
//! keeps one clipboard for its whole life.

use crate::interop::paper::ChartKind;

/// A table to copy: its header row and its rows, as the screen shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClipTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl ClipTable {
    /// Tab-separated lines, the header first; a tab or line end inside a cell becomes a
    /// space so each row stays one line of cells.
    pub fn tsv(&self) -> String {
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|cell| cell.replace(['\t', '\n', '\r'], " "))
                .collect::<Vec<_>>()
                .join("\t")
        };
        let mut text = line(&self.headers);
        for row in &self.rows {
            text.push('\n');
            text.push_str(&line(row));
        }
        text
    }

    /// An HTML table (header cells in `<th>`), every text escaped.
    pub fn html(&self) -> String {
        let mut html = String::from("<meta charset=\"utf-8\"><table border=\"1\"><tr>");
        for header in &self.headers {
            html.push_str(&format!("<th>{}</th>", escape(header)));
        }
        html.push_str("</tr>");
        for row in &self.rows {
            html.push_str("<tr>");
            for cell in row {
                html.push_str(&format!("<td>{}</td>", escape(cell).replace('\n', "<br>")));
            }
            html.push_str("</tr>");
        }
        html.push_str("</table>");
        html
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Something a tab asks to copy; `name` says which, in the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum Clip {
    /// A chart, drawn for paper.
    Chart { kind: ChartKind, name: String },
    /// A table.
    Table { name: String, table: ClipTable },
}

/// A picture to copy: straight RGBA pixels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub rgba: Vec<u8>,
}

/// Where copies go.
pub trait Clipboard {
    /// Puts a picture on the clipboard.
    fn put_picture(&mut self, picture: Picture) -> Result<(), String>;
    /// Puts a table on the clipboard: HTML, with the tab-separated text for programs that
    /// take only text.
    fn put_table(&mut self, table: &ClipTable) -> Result<(), String>;
}

/// The system clipboard, opened at the first copy and kept.
#[derive(Default)]
pub struct SystemClipboard {
    clipboard: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn open(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.clipboard.is_none() {
            self.clipboard = Some(arboard::Clipboard::new().map_err(|err| err.to_string())?);
        }
        Ok(self.clipboard.as_mut().expect("just opened"))
    }
}

impl Clipboard for SystemClipboard {
    fn put_picture(&mut self, picture: Picture) -> Result<(), String> {
        let image = arboard::ImageData {
            width: picture.width,
            height: picture.height,
            bytes: picture.rgba.into(),
        };
        self.open()?.set_image(image).map_err(|err| err.to_string())
    }

    fn put_table(&mut self, table: &ClipTable) -> Result<(), String> {
        self.open()?.set_html(table.html(), Some(table.tsv())).map_err(|err| err.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> ClipTable {
        ClipTable {
            headers: vec!["Chỉ tiêu".into(), "Giá trị".into()],
            rows: vec![
                vec!["Điện thương phẩm".into(), "365 triệu kWh".into()],
                vec!["Đá <các loại> & \"khác\"".into(), "hơn 1,8\ntriệu\tm³".into()],
            ],
        }
    }

    #[test]
    fn a_table_is_tab_separated_text_one_row_a_line() {
        assert_eq!(
            table().tsv(),
            "Chỉ tiêu\tGiá trị\nĐiện thương phẩm\t365 triệu kWh\nĐá <các loại> & \"khác\"\thơn 1,8 triệu m³"
        );
    }

    #[test]
    fn a_table_is_an_html_table_with_its_texts_escaped() {
        let html = table().html();
        assert!(html.contains("<th>Chỉ tiêu</th><th>Giá trị</th>"), "{html}");
        assert!(html.contains("<td>Đá &lt;các loại&gt; &amp; &quot;khác&quot;</td>"), "{html}");
        assert!(html.contains("hơn 1,8<br>triệu\tm³"), "{html}");
        assert_eq!(html.matches("<tr>").count(), 3);
    }
}
