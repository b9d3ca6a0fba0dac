//! Synthetic portraits: a simple drawn face, varied by a seed. Never a real photo.

use image::{Rgb, RgbImage};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub const WIDTH: u32 = 120;
pub const HEIGHT: u32 = 150;

fn inside_ellipse(x: f32, y: f32, cx: f32, cy: f32, rx: f32, ry: f32) -> bool {
    let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
    dx * dx + dy * dy <= 1.0
}

/// Draws a passport-style head-and-shoulders silhouette with varied skin, hair and background.
pub fn portrait(seed: u64) -> RgbImage {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let skins = [[241, 194, 164], [224, 172, 105], [198, 134, 66], [141, 85, 36], [92, 56, 30], [255, 219, 172]];
    let hairs = [[30, 25, 20], [70, 45, 25], [120, 90, 50], [200, 170, 110], [90, 90, 90], [15, 15, 15]];
    let skin = skins[rng.random_range(0..skins.len())];
    let hair = hairs[rng.random_range(0..hairs.len())];
    let bg = [rng.random_range(200..235), rng.random_range(205..235), rng.random_range(210..240)];
    let shirt = [rng.random_range(20..120), rng.random_range(20..120), rng.random_range(40..160)];
    let face_w = rng.random_range(27.0..34.0);
    let face_h = rng.random_range(36.0..42.0);
    let hair_long = rng.random_bool(0.4);
    let beard = rng.random_bool(0.3);
    let (cx, cy) = (WIDTH as f32 / 2.0, 62.0);
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let (x, y) = (x as f32, y as f32);
        let eye = |ex: f32| inside_ellipse(x, y, ex, cy - 4.0, 4.0, 2.5);
        let px = if eye(cx - 11.0) || eye(cx + 11.0) {
            [40, 40, 50]
        } else if inside_ellipse(x, y, cx, cy + 19.0, 9.0, 2.0) {
            [150, 70, 70]
        } else if beard
            && inside_ellipse(x, y, cx, cy + 22.0, face_w * 0.8, 14.0)
            && y > cy + 8.0
            && inside_ellipse(x, y, cx, cy, face_w, face_h)
        {
            hair
        } else if inside_ellipse(x, y, cx, cy, face_w, face_h) && !(y < cy - face_h * 0.55) {
            skin
        } else if inside_ellipse(x, y, cx, cy - 8.0, face_w + 5.0, face_h)
            || (hair_long && inside_ellipse(x, y, cx, cy + 10.0, face_w + 9.0, face_h + 6.0) && y > cy - 10.0)
        {
            hair
        } else if y > 112.0 && inside_ellipse(x, y, cx, 160.0, 58.0, 50.0) {
            shirt
        } else if y > 96.0 && (x - cx).abs() < 10.0 {
            skin
        } else {
            bg
        };
        Rgb(px)
    })
}

/// PNG bytes of `portrait(seed)`.
pub fn portrait_png(seed: u64) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    // Encoding an in-memory RGB image to PNG cannot fail.
    let _ = portrait(seed).write_to(&mut out, image::ImageFormat::Png);
    out.into_inner()
}

/// A stable seed from a record id.
pub fn seed_for(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
