//! The app's icon on its window: the SVG in `assets/icon/` (the same the package installs
//! in the icon theme) drawn at the size window managers ask for most.

use resvg::tiny_skia::{Pixmap, Transform};

/// The icon's source.
pub const SVG: &str = include_str!("../../assets/icon/industry-desk.svg");

/// The side of the window icon in pixels: sharp in task bars and Alt+Tab, small to hand over.
pub const WINDOW_ICON_SIZE: u32 = 128;

/// The icon as the window's: `size`×`size` straight RGBA. None only if the bundled SVG
/// were broken (a test holds that it is not).
pub fn window_icon(size: u32) -> Option<egui::IconData> {
    let tree = resvg::usvg::Tree::from_str(SVG, &resvg::usvg::Options::default()).ok()?;
    let mut pixmap = Pixmap::new(size, size)?;
    let scale = size as f32 / tree.size().width();
    resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let rgba = crate::interop::paper::png::straight_rgba(&pixmap);
    Some(egui::IconData { rgba, width: size, height: size })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_draws_an_opaque_tile_with_transparent_corners() {
        let icon = window_icon(64).expect("the bundled SVG renders");
        assert_eq!((icon.width, icon.height, icon.rgba.len()), (64, 64, 64 * 64 * 4));
        let alpha = |x: usize, y: usize| icon.rgba[(y * 64 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0, "the rounded corner is transparent");
        assert_eq!(alpha(32, 32), 255, "the tile is opaque");
    }
}
