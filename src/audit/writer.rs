//! A named thread that owns the durable log: the UI sends entries over a bounded channel and
//! learns, by acknowledgement, when each one is on disk. The UI never waits for the disk.

use std::path::PathBuf;

use crossbeam_channel::{Receiver, Sender, bounded};

use super::durable::{DurableAuditLog, OpenReport};
use super::entry::AuditEntry;
use super::key::AuditKey;

pub enum WriterReply {
    Opened(Result<OpenReport, String>),
    /// The entry with this in-memory index is durable; `head` is the chain head after it.
    Recorded {
        index: usize,
        head: String,
    },
    Failed {
        index: usize,
        error: String,
    },
}

pub struct AuditWriter {
    tx: Sender<(usize, AuditEntry)>,
    pub replies: Receiver<WriterReply>,
}

impl AuditWriter {
    /// Starts the writer on `path`, MACing every record under `key` if given; `wake` is called
    /// after every reply.
    pub fn start(path: PathBuf, key: Option<AuditKey>, wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let (tx, rx) = bounded::<(usize, AuditEntry)>(1024);
        let (reply_tx, replies) = bounded(1024);
        std::thread::Builder::new().name("audit-writer".into()).spawn(move || {
            let mut log = match DurableAuditLog::open_with_key(&path, key) {
                Ok((log, report)) => {
                    let _ = reply_tx.send(WriterReply::Opened(Ok(report)));
                    wake();
                    log
                }
                Err(e) => {
                    let _ = reply_tx.send(WriterReply::Opened(Err(e.to_string())));
                    wake();
                    return;
                }
            };
            for (index, entry) in rx {
                let reply = match log.append(&entry) {
                    Ok(_) => WriterReply::Recorded { index, head: log.head().to_owned() },
                    Err(e) => WriterReply::Failed { index, error: e.to_string() },
                };
                let _ = reply_tx.send(reply);
                wake();
            }
        })?;
        Ok(Self { tx, replies })
    }

    /// Queues an entry; false if the writer is gone or full.
    pub fn send(&self, index: usize, entry: AuditEntry) -> bool {
        self.tx.try_send((index, entry)).is_ok()
    }
}
