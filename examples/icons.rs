//! Renders the app's icon, `assets/icon/industry-desk.svg`, to the PNG sizes the package
//! installs into the hicolor icon theme: `assets/icon/png/industry-desk-SIZE.png` for SIZE
//! 16, 24, 32, 48, 64, 128, 256 and 512 (see `[package.metadata.deb]` in Cargo.toml).
//! Run it again after changing the SVG, and look at the 16 px one: it must still read.
//!
//! `cargo run --example icons` (or `cargo run --example icons -- OTHER.svg OUT_DIR` to try
//! a variant without touching the committed files).

use std::path::PathBuf;
use std::process::ExitCode;

use resvg::{tiny_skia, usvg};

/// The sizes written, in pixels: the hicolor theme's usual `SIZExSIZE/apps` folders.
const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1);
    let svg = args.next().map_or_else(|| root.join("assets/icon/industry-desk.svg"), PathBuf::from);
    let out_dir = args.next().map_or_else(|| root.join("assets/icon/png"), PathBuf::from);
    match render_all(&svg, &out_dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("icons: {error}");
            ExitCode::FAILURE
        }
    }
}

fn render_all(svg: &std::path::Path, out_dir: &std::path::Path) -> Result<(), String> {
    let data = std::fs::read(svg).map_err(|e| format!("{}: {e}", svg.display()))?;
    // No text and no images in the icon: the default options (no fonts loaded) are enough.
    let tree = usvg::Tree::from_data(&data, &usvg::Options::default())
        .map_err(|e| format!("{}: {e}", svg.display()))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let view = tree.size();
    for size in SIZES {
        let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("a pixmap of zero size")?;
        let transform = tiny_skia::Transform::from_scale(
            size as f32 / view.width(),
            size as f32 / view.height(),
        );
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        let path = out_dir.join(format!("industry-desk-{size}.png"));
        pixmap.save_png(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}
