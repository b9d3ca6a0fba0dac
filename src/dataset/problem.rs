//! One thing wrong with an input file, located by file, line, column, record and field.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum ProblemSeverity {
    Error,
    /// Loading goes on (e.g. a missing photo file).
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: ProblemSeverity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub record: Option<String>,
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    /// A problem with the file as a whole (cannot read it, wrong encoding…).
    pub fn file_error(file: &str, line: usize, message: impl Into<String>) -> Self {
        Self {
            severity: ProblemSeverity::Error,
            file: file.to_owned(),
            line,
            column: usize::from(line != 0),
            record: None,
            field: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            ProblemSeverity::Error => "error",
            ProblemSeverity::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {level}: ", self.file, self.line, self.column)?;
        if let Some(record) = &self.record {
            // A 4,000-character id would drown the message: it is shortened here.
            write!(f, "record {}, ", crate::csv_text::shorten(record, 60))?;
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}
