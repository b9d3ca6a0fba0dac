use super::Reported;
use crate::document_reading::{CheckStatus, read_mrz};

pub fn run(lines: &[String], json: bool) -> Result<(), Reported> {
    let today = chrono::Local::now().date_naive();
    match read_mrz(&lines.join("\n"), today) {
        Err(e) => {
            eprintln!("error: {e}");
            Err(Reported)
        }
        Ok(r) => {
            if json {
                println!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
            } else {
                println!("Format           {}", r.format);
                println!("Document         {} {} issued by {}", r.document_type, r.document_number, r.issuing_country);
                println!("Name             {}, {}", r.family_name, r.given_names);
                println!("Date of birth    {}   Sex {}   Nationality {}", r.date_of_birth, r.sex, r.nationality);
                println!("Expiry           {}", r.expiry);
                for c in &r.checks {
                    let mark = match c.status {
                        CheckStatus::Verified => "ok  ",
                        CheckStatus::Failed => "FAIL",
                        CheckStatus::Absent => "--  ",
                    };
                    println!("  [{mark}] {}: {}", c.check, c.detail);
                }
            }
            Ok(())
        }
    }
}
