//! Synthetic portraits: a simple drawn face, varied by a seed. Never a real photo.

use image::{Rgb, RgbImage};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::Sex;

pub const WIDTH: u32 = 120;
pub const HEIGHT: u32 = 150;

fn inside_ellipse(x: f32, y: f32, cx: f32, cy: f32, rx: f32, ry: f32) -> bool {
    let (dx, dy) = ((x - cx) / rx, (y - cy) / ry);
    dx * dx + dy * dy <= 1.0
}

/// What a drawn face is made of. The identity part (skin, hair, face shape, beard) comes from
/// the subject, so every record of one person shows one face; the photo part (background,
/// clothes, lighting) comes from the record, as two photos of one person differ.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaceParams {
    pub skin: [u8; 3],
    pub hair: [u8; 3],
    pub face_w: f32,
    pub face_h: f32,
    pub hair_long: bool,
    pub beard: bool,
    pub background: [u8; 3],
    pub shirt: [u8; 3],
    /// Lighting of this photo (1.0 = as drawn).
    pub light: f32,
}

/// The face of `identity` (see `face_identity`) for a person of this sex and age (years, if
/// known) in the photo of record `photo`.
pub fn face_params(identity: u64, sex: Sex, age: Option<u32>, photo: u64) -> FaceParams {
    let mut who = ChaCha8Rng::seed_from_u64(identity);
    let skins = [[241, 194, 164], [224, 172, 105], [198, 134, 66], [141, 85, 36], [92, 56, 30], [255, 219, 172]];
    let hairs = [[30, 25, 20], [70, 45, 25], [120, 90, 50], [200, 170, 110], [90, 90, 90], [15, 15, 15]];
    let skin = skins[who.random_range(0..skins.len())];
    let mut hair = hairs[who.random_range(0..hairs.len())];
    let mut face_w = who.random_range(27.0..34.0);
    let mut face_h = who.random_range(36.0..42.0);
    let long_draw = who.random_bool(0.4);
    let beard_draw = who.random_bool(0.3);
    let (hair_long, mut beard) = match sex {
        Sex::Female => (who.random_bool(0.85), false),
        Sex::Male => (false, beard_draw),
        Sex::Unknown => (long_draw, beard_draw),
    };
    if let Some(age) = age {
        if age < 14 {
            // A child: a smaller, rounder face, no beard.
            (face_w, face_h, beard) = (face_w * 0.85, face_h * 0.8, false);
        } else if age >= 60 {
            hair = [170, 170, 170];
        }
    }
    let mut shot = ChaCha8Rng::seed_from_u64(photo);
    FaceParams {
        skin,
        hair,
        face_w,
        face_h,
        hair_long,
        beard,
        background: [shot.random_range(200..235), shot.random_range(205..235), shot.random_range(210..240)],
        shirt: [shot.random_range(20..120), shot.random_range(20..120), shot.random_range(40..160)],
        light: shot.random_range(0.9..1.1),
    }
}

/// One identity per subject: the names' phonetic keys in any order (articles left out, as the
/// engine groups hits about one subject) and the date of birth. AL-MASRI OMAR on a notice and
/// AL MASRI OMAR in the national file are one face.
pub fn face_identity(family_name: &str, given_names: &str, date_of_birth: &str) -> u64 {
    use crate::matching::name_form::is_article;
    use crate::matching::normalize::normalize_name;
    use crate::matching::phonetic::phonetic_key;
    let text = normalize_name(&format!("{family_name} {given_names}"));
    let mut keys: Vec<String> = text.split(' ').filter(|w| !w.is_empty() && !is_article(w)).map(phonetic_key).collect();
    keys.sort_unstable();
    seed_for(&format!("{}|{}", keys.join("-"), date_of_birth.trim()))
}

/// Draws a passport-style head-and-shoulders silhouette from a seed alone (a face nobody on
/// file has: the impostor at the booth).
pub fn portrait(seed: u64) -> RgbImage {
    draw(&face_params(seed, Sex::Unknown, None, seed))
}

/// The photo of a record: its subject's face, this record's photo conditions.
pub fn record_portrait_png(record_id: &str, family_name: &str, given_names: &str, date_of_birth: &str, sex: Sex) -> Vec<u8> {
    let identity = if family_name.trim().is_empty() && given_names.trim().is_empty() {
        seed_for(record_id)
    } else {
        face_identity(family_name, given_names, date_of_birth)
    };
    // Ages as of the demo's year, so a generated photo never changes with the clock.
    let age = date_of_birth.get(..4).and_then(|y| y.parse::<u32>().ok()).map(|y| 2026u32.saturating_sub(y));
    png(&draw(&face_params(identity, sex, age, seed_for(record_id))))
}

fn draw(f: &FaceParams) -> RgbImage {
    let lit = |c: [u8; 3]| c.map(|v| (f32::from(v) * f.light).clamp(0.0, 255.0) as u8);
    let (skin, hair, bg, shirt) = (lit(f.skin), lit(f.hair), lit(f.background), lit(f.shirt));
    let (face_w, face_h, hair_long, beard) = (f.face_w, f.face_h, f.hair_long, f.beard);
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

fn png(image: &RgbImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    // Encoding an in-memory RGB image to PNG cannot fail.
    let _ = image.write_to(&mut out, image::ImageFormat::Png);
    out.into_inner()
}

/// PNG bytes of `portrait(seed)`.
pub fn portrait_png(seed: u64) -> Vec<u8> {
    png(&portrait(seed))
}

/// A stable seed from a record id.
pub fn seed_for(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject_face(id: &str) -> FaceParams {
        let file = crate::generate::planted::demo_file();
        let row = file.interpol.notices.iter().map(|n| (&n.id, &n.family_name, &n.given_names, &n.date_of_birth, n.sex));
        let rows = row.chain(file.national.persons.iter().map(|p| (&p.id, &p.family_name, &p.given_names, &p.date_of_birth, p.sex)));
        let (rid, family, given, dob, sex) = rows.into_iter().find(|r| r.0 == id).expect("planted record");
        let dob = dob.clone().unwrap_or_default();
        let age = dob.get(..4).and_then(|y| y.parse::<u32>().ok()).map(|y| 2026 - y);
        face_params(face_identity(family, given, &dob), sex, age, seed_for(rid))
    }

    #[test]
    fn one_subject_has_one_face_in_both_databases_and_follows_sex_and_age() {
        // AL-MASRI OMAR: the Red notice and the national foreign-fighter watch.
        let (notice, national) = (subject_face("2018/20771"), subject_face("NP-PLANT-08"));
        assert_eq!(
            (notice.skin, notice.hair, notice.face_w, notice.face_h, notice.hair_long, notice.beard),
            (national.skin, national.hair, national.face_w, national.face_h, national.hair_long, national.beard),
            "the same person"
        );
        assert_ne!((notice.background, notice.light), (national.background, national.light), "two photos of him");
        assert!(!notice.hair_long, "a man's portrait");
        // SOFIYA PETROVA, born 2013: a girl's face, no beard, a child's proportions.
        let child = subject_face("2024/31006");
        assert!(!child.beard && child.face_h < 36.0, "{child:?}");
        // Someone else (the impostor at the booth) has another face.
        let other = face_params(7, Sex::Male, Some(40), 7);
        assert_ne!((other.skin, other.hair, other.face_w), (notice.skin, notice.hair, notice.face_w));
    }
}
