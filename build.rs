//! Build script: the bundled fonts that are not the window's text, deflated (every target;
//! `visual::fonts` inflates them on first use); and on a Windows target the executables'
//! resources — the icon Explorer, the taskbar and the Start menu show, the version
//! information (Properties › Details, Task Manager's name for the app) and the manifest
//! (packaging/windows/industry-desk.manifest).
//!
//! The resource script is compiled by mingw-w64's windres (`$RC`, default
//! `x86_64-w64-mingw32-windres`) into an object linked into the executables. windres is run
//! directly rather than through the `embed-resource` crate: that crate's `toml` dependency
//! changes the features of the proc-macro crates every Linux build shares (the zbus and
//! accesskit stack), so adding it rebuilt most of the Linux dependency tree, for a Windows-only
//! step of a dozen lines.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

/// The icon's sizes, from assets/icon/png; Windows picks the one it needs (16 in a title
/// bar at 100 %, 20/24 at 125/150 %, 32 and 48 on the desktop, 256 in large views).
const ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];
/// What Windows names the program (the version information's description and product).
const DISPLAY_NAME: &str = "Bàn làm việc công nghiệp";

/// The fonts kept deflated: Liberation Serif sets only the report (paper), Symbols 2 and
/// Mono are fallbacks for the few letters Noto Sans lacks. Noto Sans itself, which the first
/// frame needs, stays as it is. Deflated they take 1,3 MB less of the binary (24.282.128
/// bytes against 25.550.064 for the same code); each is inflated once, when first used.
const DEFLATED_FONTS: [&str; 6] = [
    "LiberationSerif-Regular.ttf",
    "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",
    "LiberationSerif-BoldItalic.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoSansMono-Regular.ttf",
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/png");
    println!("cargo:rerun-if-changed=packaging/windows/industry-desk.manifest");
    deflate_fonts();
    if env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let icon = out.join("industry-desk.ico");
    fs::write(&icon, ico(&root.join("assets/icon/png"))).expect("write the .ico");
    let rc = out.join("industry-desk.rc");
    let manifest = root.join("packaging/windows/industry-desk.manifest");
    fs::write(&rc, resource_script(&icon, &manifest)).expect("write the .rc");
    let object = out.join("industry-desk-resources.o");
    let windres = env::var("RC").unwrap_or_else(|_| "x86_64-w64-mingw32-windres".to_owned());
    println!("cargo:rerun-if-env-changed=RC");
    let status = Command::new(&windres)
        .args(["--codepage=65001", "--input-format=rc", "--output-format=coff", "--input"])
        .arg(&rc)
        .arg("--output")
        .arg(&object)
        .status()
        .unwrap_or_else(|e| panic!("{windres} (mingw-w64's resource compiler) cannot run: {e}"));
    assert!(status.success(), "{windres} failed on {}", rc.display());
    // Into every executable of the package (the program and its console twin).
    println!("cargo:rustc-link-arg-bins={}", object.display());
}

/// Writes each of [`DEFLATED_FONTS`] to `OUT_DIR` as raw deflate (`NAME.deflate`).
fn deflate_fonts() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    for name in DEFLATED_FONTS {
        let path = root.join("assets/fonts").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let font = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let deflated = miniz_oxide::deflate::compress_to_vec(&font, 9);
        fs::write(out.join(format!("{name}.deflate")), deflated).expect("write a deflated font");
    }
}

/// An .ico holding the PNGs as they are (PNG entries, read by Windows Vista and later).
fn ico(folder: &Path) -> Vec<u8> {
    let images: Vec<(u32, Vec<u8>)> = ICON_SIZES
        .iter()
        .map(|&size| {
            let path = folder.join(format!("industry-desk-{size}.png"));
            (size, fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        })
        .collect();
    let count = images.len() as u16;
    let mut file = Vec::new();
    file.extend_from_slice(&0u16.to_le_bytes()); // reserved
    file.extend_from_slice(&1u16.to_le_bytes()); // 1 = icon
    file.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * u32::from(count);
    for (size, png) in &images {
        let side = if *size >= 256 { 0 } else { *size as u8 }; // 0 stands for 256
        file.extend_from_slice(&[side, side, 0, 0]); // width, height, palette, reserved
        file.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        file.extend_from_slice(&32u16.to_le_bytes()); // bits a pixel
        file.extend_from_slice(&(png.len() as u32).to_le_bytes());
        file.extend_from_slice(&offset.to_le_bytes());
        offset += png.len() as u32;
    }
    for (_, png) in images {
        file.extend(png);
    }
    file
}

/// The resource script: icon 1 (the one Explorer shows), the manifest, the version block
/// in Vietnamese (0x042A) with UTF-16 strings.
fn resource_script(icon: &Path, manifest: &Path) -> String {
    let version = env::var("CARGO_PKG_VERSION").expect("cargo sets it");
    let number = |name: &str| env::var(name).ok().and_then(|v| v.parse::<u16>().ok()).unwrap_or(0);
    let numeric = format!(
        "{},{},{},0",
        number("CARGO_PKG_VERSION_MAJOR"),
        number("CARGO_PKG_VERSION_MINOR"),
        number("CARGO_PKG_VERSION_PATCH")
    );
    let mut rc = String::from("#pragma code_page(65001)\n");
    writeln!(rc, "1 ICON {}", rc_string(&icon.to_string_lossy())).unwrap();
    writeln!(rc, "1 24 {}", rc_string(&manifest.to_string_lossy())).unwrap();
    writeln!(rc, "1 VERSIONINFO").unwrap();
    writeln!(rc, "FILEVERSION {numeric}\nPRODUCTVERSION {numeric}").unwrap();
    // VOS_NT_WINDOWS32, VFT_APP
    writeln!(rc, "FILEOS 0x40004\nFILETYPE 0x1\nFILEFLAGSMASK 0x3f\nFILEFLAGS 0x0").unwrap();
    rc.push_str("BEGIN\n  BLOCK \"StringFileInfo\"\n  BEGIN\n    BLOCK \"042A04B0\"\n    BEGIN\n");
    let description = env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    let values = [
        ("CompanyName", "Industry Desk"),
        ("FileDescription", DISPLAY_NAME),
        ("FileVersion", &version),
        ("InternalName", "industry-desk"),
        ("LegalCopyright", "MIT OR Apache-2.0"),
        ("OriginalFilename", "industry-desk.exe"),
        ("ProductName", DISPLAY_NAME),
        ("ProductVersion", &version),
        ("Comments", &description),
    ];
    for (key, value) in values {
        writeln!(rc, "      VALUE \"{key}\", {}", rc_string(value)).unwrap();
    }
    rc.push_str("    END\n  END\n  BLOCK \"VarFileInfo\"\n  BEGIN\n");
    rc.push_str("    VALUE \"Translation\", 0x042A, 1200\n  END\nEND\n");
    rc
}

/// A quoted resource-script string: quotes doubled, backslashes escaped. The script is
/// UTF-8 (the pragma above), so letters stay as they are.
fn rc_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\"\""))
}
