//! Random dataset records in the file format, from a seed.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::name_pool::{Origin, nationalities, pick_origin, random_name, respell_arabic};
use crate::dataset::file_format::{
    DatasetFile, DocumentRow, FORMAT_VERSION, InterpolFile, NationalFile, NoticeRow, PersonRow, SltdRow, SmvRow, TdawnRow, VehicleRow,
};
use crate::domain::{Charge, DocumentKind, DocumentStatus, FraudType, NationalAlert, NoticeKind, Sex};

#[derive(Debug, Clone)]
pub struct GenerateSpec {
    pub seed: u64,
    pub name: String,
    /// National person alerts.
    pub persons: usize,
    pub notices: usize,
    pub sltd: usize,
    pub smv: usize,
    /// National document registry entries.
    pub documents: usize,
    pub vehicles: usize,
    pub tdawn: usize,
}

impl Default for GenerateSpec {
    fn default() -> Self {
        Self {
            seed: 1,
            name: "Synthetic dataset".into(),
            persons: 1000,
            notices: 1000,
            sltd: 10_000,
            smv: 1000,
            documents: 1000,
            vehicles: 200,
            tdawn: 100,
        }
    }
}

const CHARGES: &[&str] = &[
    "Participation in a terrorist organisation",
    "Financing of terrorism",
    "Murder",
    "Armed robbery",
    "Trafficking in human beings",
    "Drug trafficking",
    "Fraud",
    "Money laundering",
    "Kidnapping",
];
const MAKES: &[(&str, &[&str])] = &[
    ("Volkswagen", &["Golf", "Passat", "Tiguan"]),
    ("Toyota", &["Corolla", "RAV4", "Land Cruiser"]),
    ("BMW", &["X5", "320d", "530d"]),
    ("Mercedes-Benz", &["C 220", "E 300", "Sprinter"]),
    ("Skoda", &["Octavia", "Superb"]),
    ("Audi", &["A4", "Q7"]),
];
const COLOURS: &[&str] = &["black", "white", "silver", "grey", "blue", "red", "dark green"];
const MARKS: &[&str] =
    &["scar on left cheek", "tattoo of an eagle on right forearm", "missing right index finger", "birthmark on neck", "", "", ""];

/// Random document numbers: a letter, then digits and letters, 9 characters (like most passports).
pub fn document_number<R: Rng>(rng: &mut R) -> String {
    const ALNUM: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    let mut s = String::with_capacity(9);
    s.push(char::from(ALNUM[rng.random_range(0..23)]));
    for i in 0..8 {
        let set = if i < 6 { &ALNUM[23..] } else { ALNUM };
        s.push(char::from(set[rng.random_range(0..set.len())]));
    }
    s
}

pub fn vin<R: Rng>(rng: &mut R) -> String {
    const VIN: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    (0..17).map(|_| char::from(VIN[rng.random_range(0..VIN.len())])).collect()
}

pub fn plate<R: Rng>(rng: &mut R) -> String {
    const L: &[u8] = b"ABCDEFGHKLMNPRSTUVXYZ";
    let letter = |rng: &mut R| char::from(L[rng.random_range(0..L.len())]);
    format!("{}{}-{}-{}{}", letter(rng), letter(rng), rng.random_range(100..1000), letter(rng), letter(rng))
}

fn date<R: Rng>(rng: &mut R, from: NaiveDate, days: i64) -> NaiveDate {
    from + Duration::days(rng.random_range(0..days.max(1)))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A charged subject was at least 16 when the notice was issued: a younger date of birth moves
/// back 28 years (a whole leap-year cycle, so 29 February stays a real day). No random draw is
/// made, so the records after it stay the same for a seed.
fn adult_at(dob: String, issue_year: i32, charged: bool) -> String {
    let year: i32 = dob.get(..4).and_then(|y| y.parse().ok()).unwrap_or(1970);
    if charged && issue_year - year < 16 { format!("{}{}", year - 28, &dob[4..]) } else { dob }
}

fn dob_text<R: Rng>(rng: &mut R) -> String {
    let d = date(rng, ymd(1945, 1, 1), 365 * 62);
    match rng.random_range(0..20) {
        0 => d.format("%Y").to_string(),
        1 => d.format("%Y-%m").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

fn aliases<R: Rng>(rng: &mut R, origin: Origin, family: &str, given: &str) -> Vec<String> {
    if !rng.random_bool(0.25) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if origin == Origin::Arabic {
        out.push(format!("{} {}", respell_arabic(rng, family), respell_arabic(rng, given)));
        if rng.random_bool(0.4) {
            let kunya = random_name(rng, Origin::Arabic);
            out.push(format!("ABU {}", kunya.given.split(' ').next().unwrap_or("HAMZA")));
        }
    } else {
        let other = random_name(rng, origin);
        out.push(format!("{} {}", other.family, given));
    }
    out
}

/// A dataset of the requested size. Ids are `NP-`, `ND-`, `NV-`, `yyyy/nnnnn`, `SLTD-`, `TD-`, `SMV-`.
pub fn generate_dataset(spec: &GenerateSpec) -> DatasetFile {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let mut national = NationalFile { agency: "Utopia Border Guard (synthetic)".into(), country: Some("UTO".into()), ..Default::default() };
    let mut interpol = InterpolFile::default();
    let alerts = [
        (NationalAlert::WantedForArrest, 25, "Arrest warrant, district court"),
        (NationalAlert::RefuseEntry, 35, "Entry ban after expulsion"),
        (NationalAlert::DiscreetCheck, 20, "Discreet check requested by security service"),
        (NationalAlert::MissingPerson, 10, "Reported missing"),
        (NationalAlert::ForeignFighterWatch, 10, "Suspected travel to a conflict zone"),
    ];
    national.persons.reserve(spec.persons);
    for i in 0..spec.persons {
        let origin = pick_origin(&mut rng);
        let name = random_name(&mut rng, origin);
        let roll = rng.random_range(0..100);
        let mut acc = 0;
        let (alert, reason) = alerts
            .iter()
            .find(|(_, w, _)| {
                acc += w;
                roll < acc
            })
            .map_or((NationalAlert::RefuseEntry, ""), |(a, _, r)| (*a, *r));
        let nats = nationalities(origin);
        national.persons.push(PersonRow {
            id: format!("NP-{:07}", i + 1),
            aliases: aliases(&mut rng, origin, &name.family, &name.given),
            family_name: name.family,
            given_names: name.given,
            original_script: name.original_script,
            date_of_birth: Some(dob_text(&mut rng)),
            sex: if name.male { Sex::Male } else { Sex::Female },
            nationality: Some(nats[rng.random_range(0..nats.len())].into()),
            alert,
            reason: reason.into(),
            photo: None,
        });
    }
    for i in 0..spec.documents {
        let origin = pick_origin(&mut rng);
        let name = random_name(&mut rng, origin);
        let status = match rng.random_range(0..10) {
            0..=5 => DocumentStatus::Valid,
            6 | 7 => DocumentStatus::Lost,
            8 => DocumentStatus::Stolen,
            _ => DocumentStatus::Revoked,
        };
        national.documents.push(DocumentRow {
            id: format!("ND-{:07}", i + 1),
            number: document_number(&mut rng),
            kind: if rng.random_bool(0.8) { DocumentKind::Passport } else { DocumentKind::IdCard },
            country: "UTO".into(),
            status,
            holder_family_name: name.family,
            holder_given_names: name.given,
            holder_date_of_birth: Some(dob_text(&mut rng)),
            expiry: Some(date(&mut rng, ymd(2025, 1, 1), 3650).to_string()),
        });
    }
    for i in 0..spec.vehicles {
        let (make, models) = MAKES[rng.random_range(0..MAKES.len())];
        national.vehicles.push(VehicleRow {
            id: format!("NV-{:07}", i + 1),
            plate: plate(&mut rng),
            vin: if rng.random_bool(0.7) { vin(&mut rng) } else { String::new() },
            make: make.into(),
            model: models[rng.random_range(0..models.len())].into(),
            colour: COLOURS[rng.random_range(0..COLOURS.len())].into(),
            reported: Some(date(&mut rng, ymd(2019, 1, 1), 2500).to_string()),
        });
    }
    let kinds = [
        (NoticeKind::Red, 40),
        (NoticeKind::Yellow, 12),
        (NoticeKind::Blue, 18),
        (NoticeKind::Green, 10),
        (NoticeKind::Orange, 2),
        (NoticeKind::Black, 3),
        (NoticeKind::UnSpecial, 5),
        (NoticeKind::Diffusion, 10),
    ];
    let all_countries: Vec<&str> =
        ["FRA", "DEU", "ESP", "ITA", "BEL", "NLD", "GBR", "USA", "TUR", "IRQ", "EGY", "TUN", "MAR", "RUS", "UKR", "POL", "SWE", "UTO"]
            .to_vec();
    interpol.notices.reserve(spec.notices);
    for i in 0..spec.notices {
        let origin = pick_origin(&mut rng);
        let name = random_name(&mut rng, origin);
        let roll = rng.random_range(0..100);
        let mut acc = 0;
        let kind = kinds
            .iter()
            .find(|(_, w)| {
                acc += w;
                roll < acc
            })
            .map_or(NoticeKind::Red, |k| k.0);
        let owner = all_countries[rng.random_range(0..all_countries.len())];
        let year = 2010 + (i % 16) as i32;
        let nats = nationalities(origin);
        let charges = if matches!(kind, NoticeKind::Red | NoticeKind::Diffusion) {
            vec![Charge { charge: CHARGES[rng.random_range(0..CHARGES.len())].into(), country: owner.into() }]
        } else {
            Vec::new()
        };
        interpol.notices.push(NoticeRow {
            id: format!("{year}/{:07}", i + 1),
            kind,
            aliases: aliases(&mut rng, origin, &name.family, &name.given),
            family_name: name.family,
            given_names: name.given,
            original_script: name.original_script,
            // A body's date of birth is unknown; the name is at most a possible identity taken
            // from a document found with it. (The draw is made anyway so that the records
            // after it stay the same for a seed.)
            date_of_birth: Some(adult_at(dob_text(&mut rng), year, !charges.is_empty() || kind == NoticeKind::Red))
                .filter(|_| kind != NoticeKind::Black),
            sex: if name.male { Sex::Male } else { Sex::Female },
            nationalities: vec![nats[rng.random_range(0..nats.len())].into()],
            owner: owner.into(),
            charges,
            distinguishing_marks: MARKS[rng.random_range(0..MARKS.len())].into(),
            photo: None,
            foreign_fighter: kind != NoticeKind::Yellow && rng.random_bool(0.08) && kind != NoticeKind::Black,
            issued: Some(date(&mut rng, ymd(year, 1, 1), 360).to_string()),
            purpose: None,
            confirmation: None,
        });
    }
    let frauds =
        [FraudType::StolenBlank, FraudType::LostByBearer, FraudType::LostByBearer, FraudType::StolenFromBearer, FraudType::Revoked];
    let issuers = [
        "FRA", "DEU", "ESP", "ITA", "UTO", "BEL", "NLD", "POL", "SWE", "TUR", "IRQ", "SYR", "TUN", "EGY", "RUS", "UKR", "GBR", "USA",
        "NGA", "CHN",
    ];
    interpol.sltd.reserve(spec.sltd);
    for i in 0..spec.sltd {
        let country = issuers[rng.random_range(0..issuers.len())];
        interpol.sltd.push(SltdRow {
            id: format!("SLTD-{:09}", i + 1),
            number: document_number(&mut rng),
            country: country.into(),
            kind: if rng.random_bool(0.85) { DocumentKind::Passport } else { DocumentKind::IdCard },
            fraud: frauds[rng.random_range(0..frauds.len())],
            reporting_country: country.into(),
            reported: date(&mut rng, ymd(2015, 1, 1), 3900).to_string(),
        });
    }
    for i in 0..spec.tdawn.min(interpol.notices.len()) {
        let notice = &interpol.notices[rng.random_range(0..interpol.notices.len())];
        interpol.tdawn.push(TdawnRow {
            id: format!("TD-{:07}", i + 1),
            number: document_number(&mut rng),
            country: notice.nationalities.first().cloned().unwrap_or_else(|| "UTO".into()),
            kind: DocumentKind::Passport,
            notice_id: notice.id.clone(),
        });
    }
    for i in 0..spec.smv {
        let (make, models) = MAKES[rng.random_range(0..MAKES.len())];
        interpol.smv.push(SmvRow {
            id: format!("SMV-{:08}", i + 1),
            vin: vin(&mut rng),
            plate: plate(&mut rng),
            make: make.into(),
            model: models[rng.random_range(0..models.len())].into(),
            colour: COLOURS[rng.random_range(0..COLOURS.len())].into(),
            reporting_country: issuers[rng.random_range(0..issuers.len())].into(),
            stolen: date(&mut rng, ymd(2016, 1, 1), 3600).to_string(),
        });
    }
    DatasetFile {
        format: FORMAT_VERSION,
        name: spec.name.clone(),
        description: format!("Synthetic, seed {}", spec.seed),
        post: None,
        national,
        interpol,
        demo_cases: Vec::new(),
    }
}

/// Writes a dataset as RON text (one record per line keeps huge files diff- and grep-friendly).
/// Optional values are written bare (`date_of_birth: "1961-01-26"`, not `Some("…")`), as a
/// trainer would type them; that is also a tenth less text to parse at national scale.
pub fn to_ron(file: &DatasetFile) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false).extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    ron::ser::to_string_pretty(file, config)
}
