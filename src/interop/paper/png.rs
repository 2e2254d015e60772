//! A chart's SVG rendered to PNG with resvg, at a chosen resolution, the resolution
//! recorded in the file (pHYs) so a 300 dpi image prints at the chart's size.

use resvg::tiny_skia::{Pixmap, Transform};

use super::{ChartSvg, ExportError, parse_svg};

/// Renders `chart` at `dpi` dots per inch (the caller checked the range).
pub fn render(chart: &ChartSvg, dpi: u32) -> Result<Vec<u8>, ExportError> {
    let image = rgba(chart, dpi)?;
    encode(&image, dpi).map_err(|err| ExportError::Render { detail: err.to_string() })
}

/// A chart drawn as pixels: width, height, and straight (not premultiplied) RGBA bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Rgba {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Renders `chart` at `dpi` into pixels (what the clipboard takes).
pub fn rgba(chart: &ChartSvg, dpi: u32) -> Result<Rgba, ExportError> {
    let tree = parse_svg(&chart.svg)?;
    let scale = dpi as f32 / 72.0;
    let width = (chart.width * scale).round() as u32;
    let height = (chart.height * scale).round() as u32;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| ExportError::Render { detail: format!("image {width}×{height}") })?;
    let size = tree.size();
    let transform =
        Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(Rgba { width, height, pixels: straight_rgba(&pixmap) })
}

/// A pixmap's pixels as straight RGBA bytes: tiny-skia keeps premultiplied colour; PNG, the
/// clipboard and the window's icon want it straight.
pub fn straight_rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let c = pixel.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}

fn encode(image: &Rgba, dpi: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate's PNG-tuned deflate: a chart's flat colours compress about as well as with
    // the default, several times faster (the Word report embeds four of them).
    encoder.set_compression(png::Compression::Fast);
    let per_metre = (f64::from(dpi) / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&image.pixels)?;
    writer.finish()?;
    Ok(bytes)
}
