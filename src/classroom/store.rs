//! The class on disk (SQLite): who joined, every decision received, and the class's state, so
//! an instructor app that crashes or is restarted resumes the same class. Each decision is one
//! row keyed by (trainee, traveller): a resend can never make a second one.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::audit::Decision;
use crate::training::scenario::IncidentKind;

pub struct ClassStore {
    db: Connection,
}

/// A decision as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDecision {
    pub trainee: String,
    pub traveller: usize,
    pub decision: Decision,
    pub remark: String,
    pub seconds: f64,
}

type Result<T> = std::result::Result<T, String>;

fn db_err(e: rusqlite::Error) -> String {
    format!("class database: {e}")
}

impl ClassStore {
    /// Opens (or creates) the class file.
    pub fn open(path: &Path) -> Result<Self> {
        let db = Connection::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
        // WAL + synchronous=FULL: a decision acknowledged to a trainee survives the host being
        // killed the next instant.
        db.pragma_update(None, "journal_mode", "WAL").map_err(db_err)?;
        db.pragma_update(None, "synchronous", "FULL").map_err(db_err)?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS trainees (name TEXT PRIMARY KEY, joined_at REAL NOT NULL);
             CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, trainee TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS decisions (
                 trainee TEXT NOT NULL, traveller INTEGER NOT NULL, decision TEXT NOT NULL,
                 remark TEXT NOT NULL, seconds REAL NOT NULL, received_at REAL NOT NULL,
                 PRIMARY KEY (trainee, traveller));
             CREATE TABLE IF NOT EXISTS incidents (trainee TEXT, kind TEXT NOT NULL);",
        )
        .map_err(db_err)?;
        Ok(Self { db })
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        self.db.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional().map_err(db_err)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", [key, value]).map(|_| ()).map_err(db_err)
    }

    /// Adds a trainee (a rejoin keeps the first join) and a token for it.
    pub fn add_trainee(&self, name: &str, token_hash: &str, now: f64) -> Result<()> {
        self.db.execute("INSERT OR IGNORE INTO trainees (name, joined_at) VALUES (?1, ?2)", params![name, now]).map_err(db_err)?;
        self.db.execute("INSERT OR REPLACE INTO tokens (token_hash, trainee) VALUES (?1, ?2)", [token_hash, name]).map_err(db_err)?;
        Ok(())
    }

    pub fn trainee_of(&self, token_hash: &str) -> Result<Option<String>> {
        self.db.query_row("SELECT trainee FROM tokens WHERE token_hash = ?1", [token_hash], |r| r.get(0)).optional().map_err(db_err)
    }

    pub fn trainees(&self) -> Result<Vec<String>> {
        let mut st = self.db.prepare("SELECT name FROM trainees ORDER BY joined_at, name").map_err(db_err)?;
        let rows = st.query_map([], |r| r.get(0)).map_err(db_err)?;
        rows.collect::<std::result::Result<_, _>>().map_err(db_err)
    }

    /// Records a decision unless this trainee already decided this traveller; true if new.
    pub fn add_decision(&self, d: &StoredDecision, now: f64) -> Result<bool> {
        let decision = serde_json::to_string(&d.decision).unwrap_or_default();
        let n = self
            .db
            .execute(
                "INSERT OR IGNORE INTO decisions (trainee, traveller, decision, remark, seconds, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![d.trainee, d.traveller as i64, decision, d.remark, d.seconds, now],
            )
            .map_err(db_err)?;
        Ok(n == 1)
    }

    /// The travellers one trainee has decided (a trainee's own state, polled every second).
    pub fn decided_by(&self, trainee: &str) -> Result<Vec<usize>> {
        let mut st = self.db.prepare("SELECT traveller FROM decisions WHERE trainee = ?1").map_err(db_err)?;
        let rows = st.query_map([trainee], |r| r.get::<_, i64>(0)).map_err(db_err)?;
        rows.map(|r| r.map(|n| usize::try_from(n).unwrap_or(0))).collect::<std::result::Result<_, _>>().map_err(db_err)
    }

    pub fn decisions(&self) -> Result<Vec<StoredDecision>> {
        let mut st = self
            .db
            .prepare("SELECT trainee, traveller, decision, remark, seconds FROM decisions ORDER BY trainee, traveller")
            .map_err(db_err)?;
        let rows = st
            .query_map([], |r| {
                let decision: String = r.get(2)?;
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, decision, r.get::<_, String>(3)?, r.get::<_, f64>(4)?))
            })
            .map_err(db_err)?;
        let mut out = Vec::new();
        for row in rows {
            let (trainee, traveller, decision, remark, seconds) = row.map_err(db_err)?;
            let decision = serde_json::from_str(&decision).map_err(|e| format!("class database: decision {decision}: {e}"))?;
            out.push(StoredDecision { trainee, traveller: usize::try_from(traveller).unwrap_or(0), decision, remark, seconds });
        }
        Ok(out)
    }

    /// Incidents in force: (trainee or none for all, kind).
    pub fn incidents(&self) -> Result<Vec<(Option<String>, IncidentKind)>> {
        let mut st = self.db.prepare("SELECT trainee, kind FROM incidents ORDER BY rowid").map_err(db_err)?;
        let rows = st.query_map([], |r| Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?))).map_err(db_err)?;
        let mut out = Vec::new();
        for row in rows {
            let (to, kind) = row.map_err(db_err)?;
            out.push((to, serde_json::from_str(&kind).map_err(|e| format!("class database: incident {kind}: {e}"))?));
        }
        Ok(out)
    }

    pub fn add_incident(&self, to: Option<&str>, kind: IncidentKind) -> Result<()> {
        let kind = serde_json::to_string(&kind).unwrap_or_default();
        self.db.execute("INSERT INTO incidents (trainee, kind) VALUES (?1, ?2)", params![to, kind]).map(|_| ()).map_err(db_err)
    }

    /// Clears the incidents aimed at `to`, or every incident when `to` is none.
    pub fn clear_incidents(&self, to: Option<&str>) -> Result<()> {
        match to {
            Some(name) => self.db.execute("DELETE FROM incidents WHERE trainee = ?1", [name]),
            None => self.db.execute("DELETE FROM incidents", []),
        }
        .map(|_| ())
        .map_err(db_err)
    }
}
