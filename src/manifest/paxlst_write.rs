//! Writes a sample PAXLST flight: planted travellers of the demo dataset under the spelling a
//! passport would carry, one with a companion on the same booking, among random passengers.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Escapes EDIFACT's service characters with the release character `?`.
fn esc(s: &str) -> String {
    s.chars().flat_map(|c| if matches!(c, '\'' | '+' | ':' | '?') { vec!['?', c] } else { vec![c] }).collect()
}

fn yymmdd(date: &str) -> String {
    date.replace('-', "").get(2..).unwrap_or_default().to_owned()
}

/// family, given, sex, date of birth, nationality, document, document country, booking.
type Row = (String, String, String, String, String, String, String, String);

/// The message text; deterministic under `seed`.
pub fn generate(seed: u64, passengers: usize) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut list: Vec<Row> = vec![
        (
            "TIKRITI".into(),
            "MOHAMMED YOUSSEF".into(),
            "M".into(),
            "1979-03-21".into(),
            "IRQ".into(),
            "A07731594".into(),
            "IRQ".into(),
            "TKR001".into(),
        ),
        ("HADDAD".into(), "KARIM".into(), "M".into(), "1991-10-02".into(), "TUN".into(), "TN8841207".into(), "TUN".into(), "HDD777".into()),
        (
            "BEN SALEM".into(),
            "NADIA".into(),
            "F".into(),
            "1993-05-11".into(),
            "TUN".into(),
            "TN5512093".into(),
            "TUN".into(),
            "HDD777".into(),
        ),
    ];
    let families =
        ["NOWAK", "ERIKSEN", "ROSSI", "GARCIA", "MUELLER", "DUBOIS", "KOWALSKA", "SILVA", "OSEI", "TANAKA", "IVANOVA", "LINDQVIST"];
    let givens = ["ANNA", "JAN", "MARIA", "PIOTR", "LUCA", "SOFIA", "AMARA", "KENJI", "OLGA", "ERIK", "LEA", "TOMAS"];
    while list.len() < passengers {
        let k = list.len();
        let dob = format!("{}-{:02}-{:02}", rng.random_range(1950..2006), rng.random_range(1..13), rng.random_range(1..29));
        list.push((
            families[rng.random_range(0..families.len())].into(),
            givens[rng.random_range(0..givens.len())].into(),
            if rng.random_bool(0.5) { "F".into() } else { "M".into() },
            dob,
            "UTO".into(),
            format!("UT{:07}", rng.random_range(1_000_000..9_999_999)),
            "UTO".into(),
            format!("R{k:05}"),
        ));
    }
    list.truncate(passengers);
    let mut segs: Vec<String> = vec![
        "UNB+UNOA:4+AIRLINE+BORDERPOST+261130:0800+1".into(),
        "UNH+1+PAXLST:D:05B:UN:IATA".into(),
        "BGM+745".into(),
        "TDT+20+XY123".into(),
        "LOC+125+IST".into(),
        "DTM+189:2611300900:201".into(),
        "LOC+87+UTO".into(),
        "DTM+232:2611301300:201".into(),
    ];
    for (i, (family, given, sex, dob, nat, doc, country, booking)) in list.iter().enumerate() {
        let mut names = given.split(' ');
        let (g1, g2) = (names.next().unwrap_or_default(), names.next().unwrap_or_default());
        segs.push(format!("NAD+FL+++{}:{}:{}", esc(family), esc(g1), esc(g2)));
        segs.push(format!("ATT+2++{sex}"));
        segs.push(format!("DTM+329:{}", yymmdd(dob)));
        segs.push(format!("NAT+2+{nat}"));
        segs.push(format!("RFF+AVF:{booking}"));
        segs.push(format!("RFF+SEA:{}{}", 1 + i / 6, ["A", "B", "C", "D", "E", "F"][i % 6]));
        segs.push(format!("DOC+P:110:111+{doc}"));
        segs.push("DTM+36:310630".into());
        segs.push(format!("LOC+91+{country}"));
    }
    segs.push(format!("CNT+42:{}", list.len()));
    let count = segs.len(); // UNH..UNT, UNB not counted, UNT itself counted
    segs.push(format!("UNT+{count}+1"));
    segs.push("UNZ+1+1".into());
    let mut out = String::from("UNA:+.? '");
    for s in segs {
        out.push_str(&s);
        out.push_str("'\n");
    }
    out
}
