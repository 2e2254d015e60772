//! The files the Debian package installs besides the binary: the desktop entry (valid, and
//! naming the file type and icon the package ships), the shared-mime-info type (its magic
//! recognises exactly what the app writes, and the real MIME database answers as its
//! comment says), the icons (each PNG the size its name says and what the SVG renders to),
//! and `[package.metadata.deb]` in Cargo.toml (every asset it lists exists).
//!
//! Uses `desktop-file-validate` (Debian's desktop-file-utils, installed by CI) and, where
//! present, `update-mime-database` and `gio` (shared-mime-info, libglib2.0-bin); a test
//! whose program is missing says so and passes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use industry_desk::{files::builtin, files::storage};
use quick_xml::events::{BytesStart, Event};
use resvg::{tiny_skia, usvg};

/// The type of the app's data files.
const OUR_TYPE: &str = "application/x-industry-desk";
/// The icon's name in the theme: the desktop entry's `Icon=`, the files' names.
const ICON: &str = "industry-desk";
/// The PNG sizes `examples/icons.rs` writes.
const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// --- The desktop entry -------------------------------------------------------------------

/// The `[Desktop Entry]` group's keys and values, in order.
fn desktop_entry() -> Vec<(String, String)> {
    let text = read("packaging/industry-desk.desktop");
    let mut group = None;
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            group = Some(line.to_owned());
        } else if group.as_deref() == Some("[Desktop Entry]") {
            let (key, value) = line.split_once('=').expect("a key=value line");
            entries.push((key.trim().to_owned(), value.trim().to_owned()));
        }
    }
    entries
}

fn desktop_value(key: &str) -> String {
    let entries = desktop_entry();
    let found = entries.iter().find(|(k, _)| k == key);
    found.unwrap_or_else(|| panic!("no {key}= in the desktop entry")).1.clone()
}

#[test]
fn the_desktop_entry_passes_desktop_file_validate() {
    let path = root().join("packaging/industry-desk.desktop");
    let out = match Command::new("desktop-file-validate").arg(&path).output() {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: no desktop-file-validate (Debian's desktop-file-utils)");
            return;
        }
        Err(e) => panic!("desktop-file-validate: {e}"),
    };
    let said =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "desktop-file-validate failed:\n{said}");
    assert!(said.is_empty(), "desktop-file-validate has something to say:\n{said}");
}

#[test]
fn the_desktop_entry_opens_our_files_with_our_icon_in_our_window() {
    let types: Vec<String> =
        desktop_value("MimeType").split(';').filter(|t| !t.is_empty()).map(str::to_owned).collect();
    assert_eq!(types, [OUR_TYPE], "the entry's MimeType is the type the MIME XML declares");
    let ours = mime_types().into_iter().find(|t| t.name == OUR_TYPE);
    let ours = ours.expect("the MIME XML declares the type the desktop entry names");
    assert_eq!(ours.icon.as_deref(), Some(ICON), "a data file shows the app's icon");

    assert_eq!(desktop_value("Icon"), ICON);
    assert_eq!(desktop_value("Exec"), "industry-desk %f", "one file, the binary's FILE");
    assert_eq!(desktop_value("Terminal"), "false");
    // winit makes the window's WM_CLASS (X11) and app id (Wayland) of the app id the window
    // is built with; a desktop matches its running window to the entry by it.
    let main = read("src/main.rs");
    assert!(
        main.contains(&format!(".with_app_id(\"{}\")", desktop_value("StartupWMClass"))),
        "StartupWMClass is the app id src/main.rs gives the window"
    );
    for key in ["Name", "GenericName", "Comment", "Keywords"] {
        let vietnamese = format!("{key}[vi]");
        assert!(
            desktop_entry().iter().any(|(k, v)| *k == vietnamese && !v.is_empty()),
            "no {vietnamese}= in the desktop entry"
        );
    }
}

// --- The MIME type -----------------------------------------------------------------------

/// One `<mime-type>` of a shared-mime-info file, as much of it as the tests look at.
#[derive(Debug, Default)]
struct MimeType {
    name: String,
    sub_class_of: Vec<String>,
    icon: Option<String>,
    /// Pattern and weight.
    globs: Vec<(String, u32)>,
    magic_priority: Option<u32>,
    magic: Vec<Match>,
}

/// A `<match>` of a `<magic>`: its own test, then any one of its children's (if any).
#[derive(Debug)]
struct Match {
    value: Vec<u8>,
    /// The first and last byte offsets the value may start at.
    offsets: (usize, usize),
    children: Vec<Match>,
}

impl Match {
    fn matches(&self, data: &[u8]) -> bool {
        let here = (self.offsets.0..=self.offsets.1)
            .any(|at| data.get(at..at + self.value.len()) == Some(&self.value[..]));
        here && (self.children.is_empty() || self.children.iter().any(|c| c.matches(data)))
    }
}

impl MimeType {
    fn magic_matches(&self, data: &[u8]) -> bool {
        self.magic.iter().any(|m| m.matches(data))
    }
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element.attributes().map(|a| a.expect("a well-formed attribute")).find_map(|a| {
        (a.key.as_ref() == name)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
    })
}

fn new_match(element: &BytesStart) -> Match {
    let kind = attribute(element, "type").expect("a match has a type");
    assert_eq!(kind, "string", "the tests read string matches only");
    let value = attribute(element, "value").expect("a match has a value");
    assert!(!value.contains('\\'), "no escapes in a match's value: {value}");
    let offset = attribute(element, "offset").expect("a match has an offset");
    let number = |s: &str| s.parse::<usize>().expect("an offset is a number");
    let offsets = match offset.split_once(':') {
        Some((first, last)) => (number(first), number(last)),
        None => (number(&offset), number(&offset)),
    };
    Match { value: value.into_bytes(), offsets, children: Vec::new() }
}

/// Every type `packaging/industry-desk-mime.xml` declares.
fn mime_types() -> Vec<MimeType> {
    let text = read("packaging/industry-desk-mime.xml");
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut types = Vec::new();
    let mut current: Option<MimeType> = None;
    // The `<match>` elements open around the one being read.
    let mut open: Vec<Match> = Vec::new();
    loop {
        let event = reader.read_event().expect("the MIME XML is well-formed");
        let (element, empty) = match &event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.name().as_ref() {
                    "match" => {
                        let done = open.pop().expect("a match was open");
                        match open.last_mut() {
                            Some(parent) => parent.children.push(done),
                            None => current.as_mut().unwrap().magic.push(done),
                        }
                    }
                    "mime-type" => types.push(current.take().unwrap()),
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let this = current.as_mut();
        match element.name().as_ref() {
            "mime-type" => {
                let name = attribute(element, "type").expect("a mime-type has a type");
                current = Some(MimeType { name, ..MimeType::default() });
            }
            "sub-class-of" => this.unwrap().sub_class_of.push(attribute(element, "type").unwrap()),
            "icon" => this.unwrap().icon = attribute(element, "name"),
            "glob" => {
                let pattern = attribute(element, "pattern").expect("a glob has a pattern");
                let weight = attribute(element, "weight").map_or(50, |w| w.parse().unwrap());
                this.unwrap().globs.push((pattern, weight));
            }
            "magic" => {
                let priority = attribute(element, "priority").map_or(50, |p| p.parse().unwrap());
                this.unwrap().magic_priority = Some(priority);
            }
            "match" => {
                let new = new_match(element);
                if empty {
                    match open.last_mut() {
                        Some(parent) => parent.children.push(new),
                        None => this.unwrap().magic.push(new),
                    }
                } else {
                    open.push(new);
                }
            }
            _ => {}
        }
    }
    types
}

fn our_type() -> MimeType {
    mime_types().into_iter().find(|t| t.name == OUR_TYPE).expect("the MIME XML declares ours")
}

#[test]
fn the_magic_recognises_what_the_app_writes_and_nothing_else() {
    let ours = our_type();
    assert!(!ours.magic.is_empty(), "our type has magic");
    let written = storage::to_ron_string(&builtin::dataset());
    assert!(ours.magic_matches(written.as_bytes()), "the magic misses:\n{}", &written[..80]);
    // The string is the file's own `format` field, as the app writes it.
    let field = format!("format: \"{}\"", storage::FORMAT);
    let at = written.find(&field).expect("the file has its format field");
    let strings = |m: &Match| {
        let mut all = vec![m.value.clone()];
        all.extend(m.children.iter().map(|c| c.value.clone()));
        all
    };
    assert!(
        ours.magic.iter().flat_map(strings).any(|v| v == field.as_bytes()),
        "the magic looks for {field}"
    );
    assert!(at < 256, "within the first bytes, where sniffing looks");

    // The compact form other RON writers give is recognised too.
    assert!(ours.magic_matches(b"(format:\"industry-desk\",version:1,dataset:())"));
    // Not a random RON file, nor a text that only quotes the string (storage.rs's doc).
    assert!(!ours.magic_matches(b"(a: 1)\n"));
    assert!(!ours.magic_matches(
        b"//! A file is RON: `(format: \"industry-desk\", version: 1, dataset: (...))`\n"
    ));
    assert!(ours.magic_priority.unwrap() >= 80, "high priority: the string is our signature");
}

#[test]
fn by_name_a_ron_file_is_plain_ron_until_its_content_says_ours() {
    // See the comment in the XML: a glob alone would claim every .ron file, so a plain RON
    // type claims *.ron too, with the higher weight, and the content decides.
    let types = mime_types();
    let ours = our_type();
    let our_weight = ours.globs.iter().find(|(p, _)| p == "*.ron").expect("ours globs *.ron").1;
    let plain = types.iter().find(|t| t.name != OUR_TYPE && t.globs.iter().any(|g| g.0 == "*.ron"));
    let plain = plain.expect("another type claims *.ron");
    let plain_weight = plain.globs.iter().find(|(p, _)| p == "*.ron").unwrap().1;
    assert!(our_weight < plain_weight, "ours {our_weight}, {} {plain_weight}", plain.name);
    assert_eq!(plain.sub_class_of, ["text/plain"], "a RON file opens as text");
    assert_eq!(ours.sub_class_of, std::slice::from_ref(&plain.name), "ours is a kind of RON");
}

/// What GIO says a file is, with the MIME database in `data` (a data dir with `mime/`).
fn content_type(data: &Path, file: &Path) -> String {
    let out = Command::new("gio")
        .args(["info", "-a", "standard::content-type"])
        .arg(file)
        .env("XDG_DATA_HOME", data)
        .env("XDG_DATA_DIRS", format!("{}:/usr/share", data.display()))
        .output()
        .expect("gio runs");
    assert!(out.status.success(), "gio info: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find_map(|l| l.trim().strip_prefix("standard::content-type: "));
    line.unwrap_or_else(|| panic!("no content type in:\n{text}")).to_owned()
}

#[test]
fn the_mime_database_answers_as_the_xml_says() {
    // `-v`: update-mime-database's version (it has no --version).
    let have = |program: &str, version: &str| {
        Command::new(program).arg(version).output().is_ok_and(|o| o.status.success())
    };
    if !have("update-mime-database", "-v") || !have("gio", "--version") {
        eprintln!("skipped: no update-mime-database or gio (shared-mime-info, libglib2.0-bin)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(data.join("mime/packages")).unwrap();
    fs::copy(
        root().join("packaging/industry-desk-mime.xml"),
        data.join("mime/packages/industry-desk.xml"),
    )
    .unwrap();
    let out = Command::new("update-mime-database")
        .arg(data.join("mime"))
        .env("XDG_DATA_HOME", &data)
        .env("XDG_DATA_DIRS", format!("{}:/usr/share", data.display()))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && said.is_empty(), "update-mime-database: {said}");

    let written = storage::to_ron_string(&builtin::dataset());
    let file = |name: &str, text: &str| {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        path
    };
    let ours = file("so-lieu.ron", &written);
    let renamed = file("so-lieu", &written);
    let other = file("settings.ron", "(a: 1)\n");
    assert_eq!(content_type(&data, &ours), OUR_TYPE, "ours, by content");
    assert_eq!(content_type(&data, &renamed), OUR_TYPE, "no extension: the content alone");
    assert_eq!(content_type(&data, &other), "application/x-ron", "not ours");
    // Renamed to .txt it is text/plain in GIO (GLib 2.74): a name only one type's glob
    // matches is final, the content unread (the XML's note). Not asserted: GIO's to decide.
}

// --- The icons ---------------------------------------------------------------------------

fn png_path(size: u32) -> PathBuf {
    root().join(format!("assets/icon/png/{ICON}-{size}.png"))
}

#[test]
fn every_png_is_the_size_its_name_says() {
    for size in SIZES {
        let path = png_path(size);
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{} is a PNG", path.display());
        // The first chunk is IHDR: length, "IHDR", width, height (big-endian).
        assert_eq!(&bytes[12..16], b"IHDR", "{}", path.display());
        let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((width, height), (size, size), "{}", path.display());
    }
    let mut found: Vec<String> = fs::read_dir(root().join("assets/icon/png"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut expected: Vec<String> = SIZES.iter().map(|s| format!("{ICON}-{s}.png")).collect();
    expected.sort();
    assert_eq!(found, expected, "the PNGs are the sizes the example writes, no others");
}

#[test]
fn the_svg_is_plain_and_the_pngs_are_what_it_renders_to() {
    let svg = read("assets/icon/industry-desk.svg");
    assert!(svg.contains("viewBox=\"0 0 256 256\""));
    for banned in ["<text", "<filter", "href", "<image", "<style"] {
        assert!(!svg.contains(banned), "the icon's SVG has {banned}");
    }
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).unwrap();
    for size in SIZES {
        let mut pixmap = tiny_skia::Pixmap::new(size, size).unwrap();
        let scale = size as f32 / tree.size().width();
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        let rendered = pixmap.take_demultiplied();

        let file = fs::File::open(png_path(size)).unwrap();
        let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().unwrap();
        let mut committed = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut committed).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        committed.truncate(info.buffer_size());
        let close = rendered.len() == committed.len()
            && rendered.iter().zip(&committed).all(|(a, b)| a.abs_diff(*b) <= 3);
        assert!(close, "{size} px differs from the SVG: run `cargo run --example icons`");
    }
}

// --- The package's metadata --------------------------------------------------------------

/// The sources and destinations of `[package.metadata.deb]`'s assets, read line by line
/// (each asset is one `["source", "dest", "mode"]` line there).
fn deb_assets() -> Vec<(String, String)> {
    let manifest = read("Cargo.toml");
    let section = manifest.split("\n[package.metadata.deb]\n").nth(1).expect("the deb section");
    let section = section.split("\n[").next().unwrap();
    let list = section.split("\nassets = [\n").nth(1).expect("an assets list");
    let list = &list[..list.find("\n]").expect("the assets list ends")];
    list.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('['))
        .map(|line| {
            let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
            (quoted[0].to_owned(), quoted[1].to_owned())
        })
        .collect()
}

#[test]
fn every_deb_asset_exists_and_goes_where_it_belongs() {
    let assets = deb_assets();
    for (source, _) in &assets {
        if source.starts_with("target/release/") {
            continue; // built by cargo deb
        }
        assert!(root().join(source).is_file(), "{source} is missing");
    }
    let dest = |source: &str| {
        let found = assets.iter().find(|(s, _)| s == source);
        found.unwrap_or_else(|| panic!("{source} is not packaged")).1.clone()
    };
    assert_eq!(dest("target/release/industry-desk"), "usr/bin/");
    assert_eq!(
        dest("packaging/industry-desk.desktop"),
        "usr/share/applications/industry-desk.desktop"
    );
    assert_eq!(
        dest("packaging/industry-desk-mime.xml"),
        "usr/share/mime/packages/industry-desk.xml"
    );
    assert_eq!(
        dest("assets/icon/industry-desk.svg"),
        format!("usr/share/icons/hicolor/scalable/apps/{ICON}.svg")
    );
    for size in SIZES {
        assert_eq!(
            dest(&format!("assets/icon/png/{ICON}-{size}.png")),
            format!("usr/share/icons/hicolor/{size}x{size}/apps/{ICON}.png")
        );
    }
    for licence in ["assets/fonts/OFL.txt", "assets/fonts/LiberationSerif-LICENSE.txt"] {
        assert_eq!(dest(licence), "usr/share/doc/industry-desk/");
    }
}
