//! The text of a Word file (.docx): its paragraphs in order, one a line, with Word's own
//! numbering written out ("1.", "a)", "-") so numbered items read as typed ones do.
//!
//! A .docx is a zip of XML parts; only `word/document.xml` and `word/numbering.xml` are
//! read, each through a size limit checked both on the size the zip declares and on the
//! bytes actually unpacked, so a small file that unpacks to gigabytes is refused, not
//! unpacked.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::error::IntakeError;

/// The most a part may unpack to: a notice's document.xml is well under 1 MB.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;

/// The paragraphs of the Word file in `bytes`, one a line.
pub fn text(bytes: &[u8]) -> Result<String, IntakeError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| IntakeError::NotDocx)?;
    let document = part(&mut archive, "word/document.xml")?.ok_or(IntakeError::NotDocx)?;
    let numbering = match part(&mut archive, "word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml),
        None => Numbering::default(),
    };
    paragraphs(&document, numbering).map_err(|e| IntakeError::DocxDamaged(e.to_string()))
}

/// One part unpacked, within [`MAX_PART_BYTES`]; `None` if the file has no such part.
fn part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, IntakeError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(IntakeError::DocxDamaged(error.to_string())),
    };
    if entry.size() > MAX_PART_BYTES {
        return Err(IntakeError::DocxTooLarge { limit: MAX_PART_BYTES });
    }
    let mut out = Vec::new();
    // The declared size may lie: read one byte past the limit to know.
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| IntakeError::DocxDamaged(e.to_string()))?;
    if out.len() as u64 > MAX_PART_BYTES {
        return Err(IntakeError::DocxTooLarge { limit: MAX_PART_BYTES });
    }
    Ok(Some(out))
}

/// How one level of a numbered list is written.
#[derive(Clone, Debug)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// Word's list definitions: which list each `numId` is, and how its levels are written.
#[derive(Clone, Debug, Default)]
struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<u32, Level>>,
    /// numId → abstractNumId.
    lists: HashMap<String, String>,
    /// The counters of each list, by numId, one per level.
    counters: HashMap<String, Vec<u32>>,
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
    })
}

impl Numbering {
    /// Reads numbering.xml; a part it cannot read leaves numbers out, not the text.
    fn read(xml: &[u8]) -> Numbering {
        let mut numbering = Numbering::default();
        let mut reader = quick_xml::Reader::from_reader(xml);
        let mut buffer = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        loop {
            match reader.read_event_into(&mut buffer) {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    "abstractNum" => abstract_id = attribute(&e, "abstractNumId"),
                    "lvl" => {
                        let ilvl = attribute(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level { format: "decimal".into(), text: "%1.".into(), start: 1 },
                        ));
                    }
                    "numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attribute(&e, "val")) {
                            l.format = v;
                        }
                    }
                    "lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attribute(&e, "val")) {
                            l.text = v;
                        }
                    }
                    "start" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), attribute(&e, "val")) {
                            l.start = v.parse().unwrap_or(1);
                        }
                    }
                    "num" => num_id = attribute(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(num), Some(v)) = (num_id.clone(), attribute(&e, "val")) {
                            numbering.lists.insert(num, v);
                        }
                    }
                    _ => {}
                },
                Ok(Event::End(e)) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(id), Some((ilvl, l))) = (abstract_id.clone(), level.take()) {
                            numbering.abstracts.entry(id).or_default().insert(ilvl, l);
                        }
                    }
                    "abstractNum" => abstract_id = None,
                    "num" => num_id = None,
                    _ => {}
                },
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buffer.clear();
        }
        numbering
    }

    /// The marker of the next item of list `num_id` at level `ilvl` ("2.", "b)", "-").
    fn next(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        let levels = self.abstracts.get(self.lists.get(num_id)?)?;
        let level = levels.get(&ilvl)?.clone();
        if level.format == "none" {
            return None;
        }
        if level.format == "bullet" {
            return Some("-".to_owned());
        }
        let counters = self.counters.entry(num_id.to_owned()).or_default();
        let depth = ilvl as usize;
        if counters.len() <= depth {
            counters.resize(depth + 1, 0);
        }
        // A deeper level restarts under each item of this one.
        counters.truncate(depth + 1);
        counters[depth] = if counters[depth] == 0 { level.start } else { counters[depth] + 1 };
        let mut text = level.text.clone();
        for (d, value) in counters.iter().enumerate() {
            let format = levels.get(&(d as u32)).map_or("decimal", |l| l.format.as_str());
            text = text.replace(&format!("%{}", d + 1), &written(*value, format));
        }
        Some(text)
    }
}

/// A list number in a list format: 3 as "3", "c", "C", "iii", "III".
fn written(value: u32, format: &str) -> String {
    let letter = |upper: bool| {
        let base = if upper { b'A' } else { b'a' };
        char::from(base + ((value.max(1) - 1) % 26) as u8).to_string()
    };
    match format {
        "lowerLetter" => letter(false),
        "upperLetter" => letter(true),
        "lowerRoman" => roman(value).to_lowercase(),
        "upperRoman" => roman(value),
        _ => value.to_string(),
    }
}

fn roman(mut value: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (n, numeral) in NUMERALS {
        while value >= n {
            out.push_str(numeral);
            value -= n;
        }
    }
    out
}

/// The body's paragraphs (table cells' and text boxes' too), one a line.
fn paragraphs(xml: &[u8], mut numbering: Numbering) -> Result<String, quick_xml::Error> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buffer = Vec::new();
    let mut out = String::new();
    // Paragraphs nest (a text box inside a paragraph): one buffer each.
    let mut open: Vec<(String, Option<String>, u32)> = Vec::new();
    let mut in_text = false;
    // Word writes a drawing twice (mc:Choice and mc:Fallback): read only the choice.
    let mut fallback_depth = 0usize;
    loop {
        let event = reader.read_event_into(&mut buffer)?;
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                match e.local_name().as_ref() {
                    "Fallback" if !empty => fallback_depth += 1,
                    _ if fallback_depth > 0 => {}
                    "p" if !empty => open.push((String::new(), None, 0)),
                    "t" if !empty => in_text = true,
                    "tab" => push_text(&mut open, " "),
                    "br" | "cr" => push_text(&mut open, "\n"),
                    "numId" => {
                        if let (Some(p), Some(v)) = (open.last_mut(), attribute(e, "val")) {
                            p.1 = Some(v);
                        }
                    }
                    "ilvl" => {
                        if let (Some(p), Some(v)) = (open.last_mut(), attribute(e, "val")) {
                            p.2 = v.parse().unwrap_or(0);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && fallback_depth == 0 => push_text(&mut open, t),
            Event::GeneralRef(r) if in_text && fallback_depth == 0 => {
                // An entity in a run: &amp; &lt; … or a character reference.
                let resolved = match r.as_ref() {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                if let Some(c) = resolved {
                    push_text(&mut open, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "Fallback" => fallback_depth = fallback_depth.saturating_sub(1),
                _ if fallback_depth > 0 => {}
                "t" => in_text = false,
                "p" => {
                    if let Some((text, num_id, ilvl)) = open.pop() {
                        let marker =
                            num_id.filter(|id| id != "0").and_then(|id| numbering.next(&id, ilvl));
                        if let Some(marker) = marker.filter(|_| !text.trim().is_empty()) {
                            out.push_str(&marker);
                            out.push(' ');
                        }
                        out.push_str(&text);
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    Ok(out)
}

fn push_text(open: &mut [(String, Option<String>, u32)], text: &str) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.0.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_are_written_in_their_format() {
        assert_eq!(written(3, "lowerLetter"), "c");
        assert_eq!(written(4, "upperRoman"), "IV");
        assert_eq!(written(12, "decimal"), "12");
    }
}
