//! A small SVG writer for the charts on paper: rectangles, lines, text. Every piece of text
//! is escaped here, and characters XML forbids are dropped, so names read from a file can
//! never add elements or break the document.

use std::fmt::Write;

use egui::Color32;

use crate::visual::fonts;

/// Where a text's `x` is: its start, middle or end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attribute(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// How a text is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub size: f32,
    pub bold: bool,
    pub colour: Color32,
}

/// An SVG document being written, sized in points.
pub struct SvgWriter {
    out: String,
}

impl SvgWriter {
    /// A white page of `width` × `height` points.
    pub fn new(width: f32, height: f32) -> SvgWriter {
        let mut out = String::with_capacity(16 * 1024);
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}" font-family="{family}">"#,
            w = num(width),
            h = num(height),
            family = fonts::FAMILY,
        );
        out.push('\n');
        let mut writer = SvgWriter { out };
        writer.rect(0.0, 0.0, width, height, Color32::WHITE, None);
        writer
    }

    /// A filled rectangle, with an outline when `stroke` is given.
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Color32,
        stroke: Option<(Color32, f32)>,
    ) {
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}""#,
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height.max(0.0)),
            hex(fill)
        );
        if let Some((colour, line_width)) = stroke {
            let _ =
                write!(self.out, r#" stroke="{}" stroke-width="{}""#, hex(colour), num(line_width));
        }
        self.out.push_str("/>\n");
    }

    /// A straight line.
    pub fn line(&mut self, from: (f32, f32), to: (f32, f32), colour: Color32, width: f32) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            hex(colour),
            num(width)
        );
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f32, y: f32, text: &str, font: Font, anchor: Anchor) {
        self.text_rotated(x, y, text, font, anchor, 0.0);
    }

    /// Text turned by `degrees` around (x, y) (−90 reads bottom to top, for a y axis).
    pub fn text_rotated(
        &mut self,
        x: f32,
        y: f32,
        text: &str,
        font: Font,
        anchor: Anchor,
        degrees: f32,
    ) {
        let _ = write!(
            self.out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="{}""#,
            num(x),
            num(y),
            num(font.size),
            hex(font.colour),
            anchor.attribute()
        );
        if font.bold {
            self.out.push_str(r#" font-weight="bold""#);
        }
        if degrees != 0.0 {
            let _ =
                write!(self.out, r#" transform="rotate({} {} {})""#, num(degrees), num(x), num(y));
        }
        let _ = writeln!(self.out, ">{}</text>", escape(text));
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// A number for an attribute: finite, two decimals at most.
fn num(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// `#rrggbb`.
pub fn hex(colour: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", colour.r(), colour.g(), colour.b())
}

/// Text made safe for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters, even escaped.
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_a_file_cannot_add_markup() {
        let hostile = "</text><script>alert(1)</script>\u{0}&x";
        assert_eq!(escape(hostile), "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;x");
        let mut svg = SvgWriter::new(10.0, 10.0);
        let font = Font { size: 9.0, bold: false, colour: Color32::BLACK };
        svg.text(1.0, 1.0, hostile, font, Anchor::Start);
        let doc = svg.finish();
        assert_eq!(doc.matches("<text").count(), 1);
        assert!(!doc.contains("<script"));
    }

    #[test]
    fn numbers_are_short_and_finite() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(f32::NAN), "0");
    }
}
