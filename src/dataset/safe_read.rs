//! Reading files a trainer (or a hostile file) names: only regular files, never more than a cap
//! (counted while reading, so /dev/zero or a FIFO cannot feed gigabytes), and only inside the
//! dataset's own folder, symlinks included.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// Largest record or booth photo read (a passport portrait is tens of kilobytes).
pub const MAX_PHOTO_BYTES: u64 = 8 * 1024 * 1024;
/// Largest scenario or decisions file.
pub const MAX_SCENARIO_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a regular file of at most `max` bytes.
pub fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    read_regular_reporting(path, max, |_| {})
}

/// `read_regular`, calling `read(bytes)` after each block: a file of gigabytes takes seconds to
/// read, and a progress bar that stands still for that long looks hung.
pub fn read_regular_reporting(path: &Path, max: u64, mut read: impl FnMut(u64)) -> std::io::Result<Vec<u8>> {
    const BLOCK: usize = 32 << 20;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    let mut file = std::fs::File::open(path)?.take(max + 1);
    loop {
        let before = bytes.len();
        let n = (&mut file).take(BLOCK as u64).read_to_end(&mut bytes)?;
        if n == 0 {
            break;
        }
        read((bytes.len() - before) as u64);
    }
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!("larger than the {max}-byte limit")));
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most `max` bytes; a byte-order mark is named.
pub fn read_text(path: &Path, max: u64) -> std::io::Result<String> {
    let bytes = read_regular(path, max)?;
    let text =
        String::from_utf8(bytes).map_err(|e| std::io::Error::other(format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to())))?;
    // A BOM at the start is accepted: spreadsheet tools write one.
    Ok(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text))
}

/// `relative` resolved inside `base` (the dataset's or scenario's folder): no absolute path, no
/// `..` that climbs out, and no symlink that points out. The message never echoes file contents.
pub fn resolve_inside(base: &Path, relative: &str) -> Result<PathBuf, String> {
    let rel = Path::new(relative);
    if rel.is_absolute() || rel.components().any(|c| matches!(c, Component::Prefix(_) | Component::RootDir)) {
        return Err(format!("{relative:?} is an absolute path; files must be inside the dataset's folder"));
    }
    if rel.components().any(|c| c == Component::ParentDir) {
        return Err(format!("{relative:?} leaves the dataset's folder (..)"));
    }
    let joined = base.join(rel);
    // Symlinks: the real location must still be inside the real folder.
    if let (Ok(real_base), Ok(real)) = (base.canonicalize(), joined.canonicalize())
        && !real.starts_with(&real_base)
    {
        return Err(format!("{relative:?} points outside the dataset's folder (symlink)"));
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_directories_are_refused_and_reads_are_capped() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_regular(Path::new("/dev/zero"), 1024).is_err(), "a device");
        assert!(read_regular(dir.path(), 1024).is_err(), "a directory");
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; 2048]).unwrap();
        assert!(read_regular(&big, 1024).unwrap_err().to_string().contains("limit"));
        assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
        let bom = dir.path().join("bom.txt");
        std::fs::write(&bom, "\u{feff}hello").unwrap();
        assert_eq!(read_text(&bom, 100).unwrap(), "hello");
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.png"), b"x").unwrap();
        assert!(resolve_inside(dir.path(), "a.png").is_ok());
        assert!(resolve_inside(dir.path(), "photos/../a.png").is_err());
        assert!(resolve_inside(dir.path(), "../../../../etc/passwd").unwrap_err().contains("leaves"));
        assert!(resolve_inside(dir.path(), "/etc/shadow").unwrap_err().contains("absolute"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/hostname", dir.path().join("link.png")).unwrap();
            assert!(resolve_inside(dir.path(), "link.png").unwrap_err().contains("symlink"));
        }
    }
}
