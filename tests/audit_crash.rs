//! A writer killed with SIGKILL mid-stream: every acknowledged entry survives, a torn tail is
//! reported (not silently dropped), and the next start carries on. Records are MACed under an
//! installation key of the test's own, as the terminal's are.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use bordercheck::audit::durable::{DurableAuditLog, verify_audit_file, verify_audit_file_with};
use bordercheck::audit::key::AuditKey;

#[test]
fn every_acknowledged_entry_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit.jsonl");
    let key_file = dir.path().join("conf").join("audit.key");
    let mut child = Command::new(env!("CARGO_BIN_EXE_bordercheck"))
        .args(["audit", "append-test", "--file", file.to_str().unwrap(), "--count", "1000000", "--key", key_file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut acked = 0u64;
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while acked < 300 {
        let line = lines.next().unwrap().unwrap();
        acked = line.trim_start_matches("ack ").parse().unwrap();
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructors, no flush
    child.wait().unwrap();
    let key = AuditKey::load(&key_file).unwrap();
    let report = verify_audit_file_with(&file, Some(&key)).unwrap();
    assert!(report.broken_at.is_none() && report.mac_checked, "{:?}", report.broken_at);
    assert!(report.entries.len() as u64 >= acked, "{} entries on disk, {acked} acknowledged", report.entries.len());

    // Simulate the torn write a crash mid-record leaves, then restart.
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.extend_from_slice(b"{\"seq\":999999,\"prev\":\"00");
    std::fs::write(&file, &bytes).unwrap();
    let torn = verify_audit_file(&file).unwrap();
    assert!(torn.torn_tail.is_some(), "the torn tail is reported");
    let out = Command::new(env!("CARGO_BIN_EXE_bordercheck"))
        .args(["audit", "verify", file.to_str().unwrap(), "--key", key_file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("torn write"));
    let (mut log, opened) = DurableAuditLog::open_with_key(&file, Some(key.clone())).unwrap();
    assert!(opened.torn_tail_saved_to.as_ref().is_some_and(|p| p.exists()), "set aside, not dropped");
    let next = log.append(&torn.entries[0]).unwrap();
    assert_eq!(next, torn.entries.len() as u64 + 1);
    assert!(verify_audit_file_with(&file, Some(&key)).unwrap().is_intact());
    let head = log.head().to_owned();
    drop(log);
    let out = Command::new(env!("CARGO_BIN_EXE_bordercheck"))
        .args(["audit", "verify", file.to_str().unwrap(), "--key", key_file.to_str().unwrap(), "--head", &head])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("MACs checked"));
}
