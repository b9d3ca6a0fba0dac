//! The per-installation audit key: 32 random bytes kept apart from the log (in the user's
//! configuration folder, not beside `audit.jsonl`). Every record carries an HMAC of its chain
//! hash under this key, so someone who edits the log and recomputes the SHA-256 chain is still
//! caught unless they also hold this file.

use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the key itself.
        write!(f, "AuditKey(…)")
    }
}

/// Where the installation key lives: `BORDERCHECK_AUDIT_KEY` if set, else the user's
/// configuration folder (`$XDG_CONFIG_HOME`, `~/.config`, `%APPDATA%`), `bordercheck/audit.key`.
pub fn default_key_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BORDERCHECK_AUDIT_KEY") {
        return Some(PathBuf::from(p));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("bordercheck").join("audit.key"))
}

impl AuditKey {
    /// From 32 bytes (tests; a key read from its file).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// Reads the key at `path`, or makes one and writes it there (owner-only on Unix) when the
    /// file does not exist. A file that exists but is not a key is an error, never replaced:
    /// replacing it would make every earlier record fail its MAC.
    pub fn load_or_create(path: &Path) -> Result<Self, String> {
        if path.exists() {
            return Self::load(path);
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("{}: no randomness for a new audit key: {e}", path.display()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        write_private(path, hex(&bytes).as_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Self(bytes))
    }

    /// Reads an existing key file (64 hex digits).
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = crate::dataset::safe_read::read_text(path, 1024).map_err(|e| e.to_string())?;
        let text = text.trim();
        let mut bytes = [0u8; 32];
        if text.len() != 64 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("{}: not an audit key (64 hex digits expected)", path.display()));
        }
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(Self(bytes))
    }

    /// HMAC-SHA256 of a record's chain hash, as hex.
    pub fn mac(&self, chain_hash: &str) -> String {
        let Ok(mut m) = <Hmac<Sha256> as Mac>::new_from_slice(&self.0) else { return String::new() };
        m.update(chain_hash.as_bytes());
        hex(&m.finalize().into_bytes())
    }

    /// Whether `mac` is this key's MAC of `chain_hash` (compared in constant time).
    pub fn verifies(&self, chain_hash: &str, mac: &str) -> bool {
        let Ok(mut m) = <Hmac<Sha256> as Mac>::new_from_slice(&self.0) else { return false };
        m.update(chain_hash.as_bytes());
        let Some(given) = unhex(mac) else { return false };
        m.verify_slice(&given).is_ok()
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
        out
    })
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok()).collect()
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf").join("audit.key");
        let made = AuditKey::load_or_create(&path).unwrap();
        let again = AuditKey::load_or_create(&path).unwrap();
        assert_eq!(made, again);
        let mac = made.mac("abc");
        assert!(made.verifies("abc", &mac));
        assert!(!made.verifies("abd", &mac));
        assert!(!AuditKey::from_bytes([7; 32]).verifies("abc", &mac), "another key");
        std::fs::write(&path, "not a key").unwrap();
        assert!(AuditKey::load_or_create(&path).is_err(), "a damaged key file is an error, never replaced");
    }
}
