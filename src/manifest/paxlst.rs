//! UN/EDIFACT PAXLST (passenger list) as airlines send it under the WCO/IATA/ICAO API
//! guidelines. Segments are read by the `edifact-rs` crate (delimiters from UNA, release
//! characters, limits); this module only knows what PAXLST's segments mean.

use super::{Announced, Manifest, ManifestProblem};

/// Reads the message; every problem names its segment number. Unknown qualifiers are warnings,
/// a count that disagrees with CNT is an error, and a bad traveller never stops the rest.
pub fn parse(bytes: &[u8]) -> (Manifest, Vec<ManifestProblem>) {
    let mut m = Manifest::default();
    let mut problems = Vec::new();
    let mut current: Option<Announced> = None;
    // Which LOC a following DTM belongs to (125 departure, 87 arrival).
    let mut last_loc = "";
    let mut declared_count: Option<(usize, String)> = None;
    let warn = |problems: &mut Vec<ManifestProblem>, n: usize, message: String| {
        problems.push(ManifestProblem { error: false, at: format!("segment {n}"), message })
    };
    for (i, segment) in edifact_rs::from_bytes(bytes).enumerate() {
        let n = i + 1;
        let s = match segment {
            Ok(s) => s,
            Err(e) => {
                problems.push(ManifestProblem { error: true, at: format!("segment {n}"), message: format!("unreadable EDIFACT: {e}") });
                break;
            }
        };
        let c = |e: usize, k: usize| s.component_str(e, k).unwrap_or_default().trim().to_owned();
        match s.tag {
            "UNA" | "UNB" | "UNH" | "UNT" | "UNZ" | "UNG" | "UNE" | "BGM" => {}
            "TDT" => m.flight = c(1, 0),
            "LOC" => {
                let q = c(0, 0);
                match q.as_str() {
                    "125" => (m.departure_port, last_loc) = (c(1, 0), "125"),
                    "87" => (m.arrival_port, last_loc) = (c(1, 0), "87"),
                    "178" | "179" | "174" | "180" | "22" => last_loc = "",
                    "91" => {
                        if let Some(a) = current.as_mut() {
                            a.document_country = c(1, 0);
                        }
                    }
                    other => warn(&mut problems, n, format!("LOC qualifier {other:?} is not one PAXLST uses; ignored")),
                }
            }
            "DTM" => {
                let (q, value) = (c(0, 0), c(0, 1));
                match q.as_str() {
                    "189" if last_loc == "125" => m.departure_time = when(&value),
                    "232" if last_loc == "87" => m.arrival_time = when(&value),
                    "189" | "232" => {}
                    "329" => match (current.as_mut(), yymmdd(&value, true)) {
                        (Some(a), Some(d)) => a.date_of_birth = d,
                        (Some(_), None) => problems.push(ManifestProblem {
                            error: true,
                            at: format!("segment {n}"),
                            message: format!("date of birth {value:?} is not YYMMDD"),
                        }),
                        (None, _) => {}
                    },
                    "36" => {
                        if let (Some(a), Some(d)) = (current.as_mut(), yymmdd(&value, false)) {
                            a.document_expiry = d;
                        }
                    }
                    other => warn(&mut problems, n, format!("DTM qualifier {other:?} ignored")),
                }
            }
            "NAD" => {
                if let Some(done) = current.take() {
                    m.travellers.push(done);
                }
                let role = c(0, 0);
                if role != "FL" && role != "FM" {
                    warn(&mut problems, n, format!("NAD qualifier {role:?} is neither FL (passenger) nor FM (crew); read as a passenger"));
                }
                current = Some(Announced {
                    at: format!("segment {n}"),
                    family_name: c(3, 0),
                    given_names: [c(3, 1), c(3, 2)].iter().filter(|g| !g.is_empty()).cloned().collect::<Vec<_>>().join(" "),
                    crew: role == "FM",
                    ..Default::default()
                });
            }
            "ATT" => {
                if let Some(a) = current.as_mut() {
                    a.sex = c(2, 0);
                }
            }
            "NAT" => {
                if let Some(a) = current.as_mut() {
                    a.nationality = c(1, 0);
                }
            }
            "RFF" => {
                if let Some(a) = current.as_mut() {
                    match c(0, 0).as_str() {
                        "AVF" => a.booking_ref = c(0, 1),
                        "SEA" => a.seat = c(0, 1),
                        other => warn(&mut problems, n, format!("RFF qualifier {other:?} ignored")),
                    }
                }
            }
            "DOC" => {
                if let Some(a) = current.as_mut() {
                    a.document_type = c(0, 0);
                    a.document_number = c(1, 0);
                }
            }
            "CNT" => declared_count = Some((c(0, 1).parse().unwrap_or(usize::MAX), format!("segment {n}"))),
            other => warn(&mut problems, n, format!("segment {other} is not part of PAXLST; ignored")),
        }
    }
    if let Some(done) = current.take() {
        m.travellers.push(done);
    }
    if let Some((count, at)) = declared_count
        && count != m.travellers.len()
    {
        problems.push(ManifestProblem {
            error: true,
            at,
            message: format!("CNT declares {count} travellers, the message lists {}", m.travellers.len()),
        });
    }
    (m, problems)
}

/// YYMMDDHHMM (format 201) as "2026-11-30 13:00"; anything else as given.
fn when(v: &str) -> String {
    if v.len() == 10 && v.bytes().all(|b| b.is_ascii_digit()) {
        format!("20{}-{}-{} {}:{}", &v[..2], &v[2..4], &v[4..6], &v[6..8], &v[8..10])
    } else {
        v.to_owned()
    }
}

/// YYMMDD as YYYY-MM-DD; a birth year above the current two digits is in the 1900s.
fn yymmdd(v: &str, birth: bool) -> Option<String> {
    if v.len() != 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let yy: i32 = v[..2].parse().ok()?;
    let year = if birth { if yy > 26 { 1900 + yy } else { 2000 + yy } } else { 2000 + yy };
    let d = format!("{year}-{}-{}", &v[2..4], &v[4..6]);
    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok().map(|_| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "UNA:+.? 'UNB+UNOA:4+AIRLINE+BORDER+261130:0800+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'\
TDT+20+XY123'LOC+125+IST'DTM+189:2611300900:201'LOC+87+UTO'DTM+232:2611301300:201'\
NAD+FL+++TIKRITI:MOHAMMED:YOUSSEF'ATT+2++M'DTM+329:790321'NAT+2+IRQ'RFF+AVF:ABC123'RFF+SEA:12A'\
DOC+P:110:111+A07731594'DTM+36:310630'LOC+91+IRQ'\
NAD+FL+++ERIKSSON:ANNA'ATT+2++F'DTM+329:740812'NAT+2+UTO'RFF+AVF:ABC123'DOC+P+L898902C3'LOC+91+UTO'\
CNT+42:2'UNT+20+1'UNZ+1+1'";

    #[test]
    fn reads_flight_travellers_documents_and_bookings() {
        let (m, problems) = parse(SAMPLE.as_bytes());
        assert!(problems.iter().all(|p| !p.error), "{problems:?}");
        assert_eq!((m.flight.as_str(), m.departure_port.as_str(), m.arrival_port.as_str()), ("XY123", "IST", "UTO"));
        assert_eq!(m.travellers.len(), 2);
        let t = &m.travellers[0];
        assert_eq!(
            (t.family_name.as_str(), t.given_names.as_str(), t.date_of_birth.as_str()),
            ("TIKRITI", "MOHAMMED YOUSSEF", "1979-03-21")
        );
        assert_eq!(
            (t.document_number.as_str(), t.document_country.as_str(), t.booking_ref.as_str(), t.seat.as_str()),
            ("A07731594", "IRQ", "ABC123", "12A")
        );
        assert_eq!(t.at, "segment 9", "counted from UNB = 1");
    }

    #[test]
    fn a_wrong_count_is_an_error_and_an_unknown_qualifier_a_warning() {
        let bad = SAMPLE.replace("CNT+42:2", "CNT+42:3").replace("RFF+SEA:12A", "RFF+XXX:1");
        let (m, problems) = parse(bad.as_bytes());
        assert_eq!(m.travellers.len(), 2, "a bad segment never stops the rest");
        assert!(problems.iter().any(|p| p.error && p.message.contains("CNT declares 3")), "{problems:?}");
        assert!(problems.iter().any(|p| !p.error && p.message.contains("RFF qualifier \"XXX\"") && p.at.starts_with("segment ")));
        let bad_dob = SAMPLE.replace("DTM+329:790321", "DTM+329:79AB21");
        assert!(parse(bad_dob.as_bytes()).1.iter().any(|p| p.error && p.message.contains("not YYMMDD") && p.at == "segment 11"));
    }
}
