//! The manifest as a trainer builds it in a spreadsheet: a header line naming the columns, one
//! traveller per line, comma-separated (no quoting needed for names).

use super::{Announced, Manifest, ManifestProblem};

/// The columns; `family_name` is required, the rest optional and in any order.
pub const COLUMNS: &[&str] = &[
    "family_name",
    "given_names",
    "sex",
    "date_of_birth",
    "nationality",
    "document_number",
    "document_type",
    "document_country",
    "document_expiry",
    "booking_ref",
    "seat",
    "crew",
];

pub fn parse(text: &str) -> (Manifest, Vec<ManifestProblem>) {
    let mut manifest = Manifest::default();
    let mut problems = Vec::new();
    // An optional "# flight: XY456 FRA UTO 2026-11-30 15:40" line names the flight.
    if let Some(rest) = text.lines().find_map(|l| l.trim().strip_prefix("# flight:")) {
        let mut parts = rest.split_whitespace();
        parts.next().unwrap_or_default().clone_into(&mut manifest.flight);
        parts.next().unwrap_or_default().clone_into(&mut manifest.departure_port);
        parts.next().unwrap_or_default().clone_into(&mut manifest.arrival_port);
        manifest.arrival_time = parts.collect::<Vec<_>>().join(" ");
    }
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some((_, header)) = lines.next() else {
        problems.push(ManifestProblem { error: true, at: "line 1".into(), message: "empty manifest".into() });
        return (manifest, problems);
    };
    let names: Vec<String> = header.split(',').map(|c| c.trim().to_lowercase()).collect();
    for (i, n) in names.iter().enumerate() {
        if !COLUMNS.contains(&n.as_str()) {
            problems.push(ManifestProblem {
                error: false,
                at: format!("line 1, column {}", i + 1),
                message: format!("unknown column {n:?} is ignored"),
            });
        }
    }
    if !names.iter().any(|n| n == "family_name") {
        problems.push(ManifestProblem { error: true, at: "line 1".into(), message: "the header has no family_name column".into() });
        return (manifest, problems);
    }
    for (n, line) in lines {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        if cells.len() != names.len() {
            problems.push(ManifestProblem {
                error: true,
                at: format!("line {}", n + 1),
                message: format!("{} cells, the header has {}; traveller skipped", cells.len(), names.len()),
            });
            continue;
        }
        let mut a = Announced { at: format!("line {}", n + 1), ..Default::default() };
        for (name, cell) in names.iter().zip(&cells) {
            let value = (*cell).to_owned();
            match name.as_str() {
                "family_name" => a.family_name = value,
                "given_names" => a.given_names = value,
                "sex" => a.sex = value,
                "date_of_birth" => a.date_of_birth = value,
                "nationality" => a.nationality = value,
                "document_number" => a.document_number = value,
                "document_type" => a.document_type = value,
                "document_country" => a.document_country = value,
                "document_expiry" => a.document_expiry = value,
                "booking_ref" => a.booking_ref = value,
                "seat" => a.seat = value,
                "crew" => a.crew = matches!(cell.to_lowercase().as_str(), "yes" | "true" | "1" | "crew"),
                _ => {}
            }
        }
        if a.family_name.is_empty() && a.document_number.is_empty() {
            problems.push(ManifestProblem {
                error: true,
                at: a.at.clone(),
                message: "no family name and no document number; traveller skipped".into(),
            });
            continue;
        }
        manifest.travellers.push(a);
    }
    (manifest, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_reports_bad_ones_with_their_line() {
        let text = "# flight: XY456 FRA UTO 2026-11-30 15:40\nfamily_name,given_names,date_of_birth,booking_ref,shoe_size\n\
                    SCHUKOW,JURIJ,1969-12-03,ZK4410,44\nTOO,FEW\n,,,,\nSCHUKOWA,TATJANA,1972-04-19,ZK4410,38\n";
        let (m, problems) = parse(text);
        assert_eq!(m.flight, "XY456");
        assert_eq!(m.travellers.len(), 2, "bad rows never stop the rest");
        assert_eq!(m.travellers[1].at, "line 6");
        let at: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
        assert_eq!(at, ["line 1, column 5", "line 4", "line 5"], "{problems:?}");
        assert!(!problems[0].error && problems[1].error);
    }
}
