//! Photo bytes for the records of a dataset, read once on the loading thread so the UI never
//! touches the disk. Missing files are simply absent (the loader already warned).

use std::collections::HashMap;
use std::sync::Arc;

use super::Dataset;
use super::safe_read::MAX_PHOTO_BYTES;
use crate::generate::portrait::record_portrait_png;

pub type PhotoStore = HashMap<String, Arc<[u8]>>;

/// Keyed by record id. Without a base folder (built-in demo run from elsewhere) the synthetic
/// portraits are drawn from the record id, exactly as `generate --demo` drew them.
pub fn load_photos(dataset: &Dataset) -> PhotoStore {
    let persons = dataset.national.persons.iter().filter_map(|p| p.photo.as_ref().map(|ph| (&p.id, ph, &p.name, p.date_of_birth, p.sex)));
    let notices = dataset.interpol.notices.iter().filter_map(|n| n.photo.as_ref().map(|ph| (&n.id, ph, &n.name, n.date_of_birth, n.sex)));
    persons
        .chain(notices)
        .filter_map(|(id, path, name, dob, sex)| {
            let bytes = if let Some(dir) = &dataset.base_dir {
                let path = super::safe_read::resolve_inside(dir, path).ok()?;
                display_photo(&super::safe_read::read_regular(&path, MAX_PHOTO_BYTES).ok()?)?
            } else {
                let dob = dob.map(|d| d.to_string()).unwrap_or_default();
                record_portrait_png(id, &name.family_name, &name.given_names, &dob, sex)
            };
            Some((id.clone(), Arc::from(bytes)))
        })
        .collect()
}

/// Largest picture decoded (pixels per side); a 20000×20000 PNG of a few hundred kilobytes
/// would otherwise take gigabytes and exceed the GPU's texture limit.
pub const MAX_PHOTO_SIDE: u32 = 4096;
/// What the detail panel shows: photos are scaled down to this box once, at load.
const DISPLAY_BOX: (u32, u32) = (240, 300);

fn limits() -> image::Limits {
    let mut l = image::Limits::default();
    l.max_image_width = Some(MAX_PHOTO_SIDE);
    l.max_image_height = Some(MAX_PHOTO_SIDE);
    l.max_alloc = Some(128 * 1024 * 1024);
    l
}

/// The photo decoded under limits and scaled to the panel, as PNG; None when it cannot be
/// shown (the panel then says "photo unavailable").
pub fn display_photo(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes)).with_guessed_format().ok()?;
    reader.limits(limits());
    let img = reader.decode().ok()?;
    let img = if img.width() > DISPLAY_BOX.0 || img.height() > DISPLAY_BOX.1 { img.thumbnail(DISPLAY_BOX.0, DISPLAY_BOX.1) } else { img };
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png).ok()?;
    Some(out)
}

/// Whether a photo file can be shown; the reason when it cannot (for `validate`).
pub fn check_photo_file(path: &std::path::Path) -> Result<(), String> {
    // Only the header is read here (load_photos reads the whole file once, later): a regular
    // file under the cap, then the picture's dimensions.
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot be read ({e})"))?;
    if !meta.is_file() || meta.len() > MAX_PHOTO_BYTES {
        return Err(format!("is not a regular file of at most {MAX_PHOTO_BYTES} bytes"));
    }
    let reader =
        image::ImageReader::open(path).and_then(image::ImageReader::with_guessed_format).map_err(|e| format!("cannot be read ({e})"))?;
    let (w, h) = reader.into_dimensions().map_err(|e| format!("is not a readable image ({e})"))?;
    if w > MAX_PHOTO_SIDE || h > MAX_PHOTO_SIDE {
        return Err(format!("is {w}×{h} pixels, larger than {MAX_PHOTO_SIDE} per side"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_picture_in_a_small_file_is_refused_and_a_normal_one_is_scaled_to_the_panel() {
        // A 20000×20000 PNG (compresses to a few hundred kilobytes) must not be decoded.
        let huge = image::GrayImage::new(20_000, 20_000);
        let mut png = Vec::new();
        image::DynamicImage::ImageLuma8(huge).write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        assert!(display_photo(&png).is_none());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.png");
        std::fs::write(&path, &png).unwrap();
        assert!(check_photo_file(&path).unwrap_err().contains("20000×20000"));
        let shown = display_photo(&crate::generate::portrait::portrait_png(7)).expect("a portrait decodes");
        let img = image::load_from_memory(&shown).unwrap();
        assert!(img.width() <= DISPLAY_BOX.0 && img.height() <= DISPLAY_BOX.1);
    }
}
