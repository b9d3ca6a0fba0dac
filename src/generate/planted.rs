//! The demo dataset's planted cases: records a trainer can demonstrate by typing the listed
//! values, and the expected top hit for each (checked by tests, listed in sample_data/README.md).

use super::dataset::{GenerateSpec, generate_dataset};
use crate::dataset::file_format::{DatasetFile, DocumentRow, NoticeRow, PersonRow, SltdRow, SmvRow, TdawnRow, VehicleRow};
use crate::domain::{Charge, DocumentKind, DocumentStatus, FraudType, NationalAlert, NoticeKind, Sex};
use crate::query::input::{DocumentInput, PersonInput, QueryInput, VehicleInput};

/// A demonstrable case: what to type, and what must come out on top.
#[derive(Debug, Clone)]
pub struct PlantedCase {
    pub title: &'static str,
    pub story: &'static str,
    pub query: QueryInput,
    /// `database` code of the top group's headline hit, or None for a clean traveller.
    pub expect_database: Option<&'static str>,
    pub expect_record: Option<&'static str>,
    /// Expected sources in the top group (`national`, `interpol`).
    pub expect_sources: &'static [&'static str],
}

fn person(family: &str, given: &str, dob: &str, sex: &str, nat: &str) -> Option<PersonInput> {
    Some(PersonInput {
        family_name: family.into(),
        given_names: given.into(),
        date_of_birth: dob.into(),
        sex: sex.into(),
        nationality: nat.into(),
    })
}

fn document(number: &str, country: &str) -> Option<DocumentInput> {
    Some(DocumentInput { number: number.into(), kind: "P".into(), country: country.into(), expiry: String::new() })
}

pub fn planted_cases() -> Vec<PlantedCase> {
    vec![
        PlantedCase {
            title: "Stolen-blank passport",
            story: "A traveller presents a passport from a batch of blanks stolen from a Utopian printing office.",
            query: QueryInput {
                document: document("UT4471920", "UTO"),
                person: person("KARLSSON", "ERIK JOHAN", "1983-04-17", "M", "UTO"),
                ..Default::default()
            },
            expect_database: Some("sltd"),
            expect_record: Some("SLTD-PLANT-01"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Lost passport used by an impostor",
            story: "The passport was reported lost by its holder LENA BERGMAN; a different woman presents it.",
            query: QueryInput {
                document: document("UA2231846", "UTO"),
                person: person("BERGMAN", "LENA", "1979-09-02", "F", "UTO"),
                ..Default::default()
            },
            expect_database: Some("national_document"),
            expect_record: Some("ND-PLANT-02"),
            expect_sources: &["interpol", "national"],
        },
        PlantedCase {
            title: "Red-notice subject under a transliterated name",
            story: "Wanted by France for terrorism; travels as TIKRITI, MOHAMMED YOUSSEF (record: AL-TIKRITI, MUHAMMAD YUSUF).",
            query: QueryInput {
                document: document("A07731594", "IRQ"),
                person: person("TIKRITI", "MOHAMMED YOUSSEF", "1979-03-21", "M", "IRQ"),
                ..Default::default()
            },
            expect_database: Some("red_notice"),
            expect_record: Some("2017/12345"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Foreign fighter on his own genuine passport (TDAWN)",
            story: "A valid Tunisian passport, linked to a Blue notice on a returning foreign terrorist fighter.",
            query: QueryInput {
                document: document("TN8841207", "TUN"),
                person: person("HADDAD", "KARIM", "1991-11-02", "M", "TUN"),
                ..Default::default()
            },
            expect_database: Some("tdawn"),
            expect_record: Some("TD-PLANT-04"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Missing child (Yellow notice)",
            story: "A 12-year-old girl reported missing in Bulgaria, travelling with an adult; Cyrillic name ПЕТРОВА София.",
            query: QueryInput {
                document: document("384420917", "BGR"),
                person: person("PETROVA", "SOFIYA", "2013-05-09", "F", "BGR"),
                ..Default::default()
            },
            expect_database: Some("yellow_notice"),
            expect_record: Some("2024/31006"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Stolen car at the land border",
            story: "SMV holds the car by VIN (stolen in Germany); the national list has it by plate.",
            query: QueryInput {
                vehicle: Some(VehicleInput { plate: "KA-482-PX".into(), vin: "WVWZZZ1KZ8W123457".into() }),
                ..Default::default()
            },
            expect_database: Some("smv"),
            expect_record: Some("SMV-PLANT-06"),
            expect_sources: &["interpol", "national"],
        },
        PlantedCase {
            title: "Wanted nationally only",
            story: "A national arrest warrant; INTERPOL has nothing on him.",
            query: QueryInput {
                document: document("758830146", "RUS"),
                person: person("VOLKOV", "DMITRIY", "1985-07-30", "M", "RUS"),
                ..Default::default()
            },
            expect_database: Some("national_alert"),
            expect_record: Some("NP-PLANT-07"),
            expect_sources: &["national"],
        },
        PlantedCase {
            title: "One subject in both databases",
            story: "Red notice from France and a national foreign-fighter watch on the same man.",
            query: QueryInput {
                document: document("A24417788", "EGY"),
                person: person("AL-MASRI", "OMAR", "1988-02-14", "M", "EGY"),
                ..Default::default()
            },
            expect_database: Some("red_notice"),
            expect_record: Some("2018/20771"),
            expect_sources: &["interpol", "national"],
        },
        PlantedCase {
            title: "Clean traveller",
            story: "Nothing in either database: the terminal must say so explicitly.",
            query: QueryInput {
                document: document("UT5590123", "UTO"),
                person: person("HALVORSEN", "INGEBORG", "1990-10-01", "F", "NOR"),
                ..Default::default()
            },
            expect_database: None,
            expect_record: None,
            expect_sources: &[],
        },
        PlantedCase {
            title: "Alias hit",
            story: "Travels as MARC DUPONT, a known alias of RACHID BENALI (Green notice, Belgium).",
            query: QueryInput {
                document: document("EM4402761", "BEL"),
                person: person("DUPONT", "MARC", "1984-06-18", "M", "BEL"),
                ..Default::default()
            },
            expect_database: Some("green_notice"),
            expect_record: Some("2020/11873"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Russian name in another romanisation",
            story: "Diffusion on ЖУКОВ Юрий (ZHUKOV, YURIY); his German-issued residence papers spell SCHUKOW, JURIJ.",
            query: QueryInput {
                document: document("C4F7K2M91", "DEU"),
                person: person("SCHUKOW", "JURIJ", "1969-12-03", "M", ""),
                ..Default::default()
            },
            expect_database: Some("diffusion"),
            expect_record: Some("2022/08841"),
            expect_sources: &["interpol"],
        },
        PlantedCase {
            title: "Discreet check",
            story: "The security service wants to know when he travels; he must not notice anything.",
            query: QueryInput {
                document: document("011842265", "SRB"),
                person: person("KOVAC", "MILAN", "1975-01-22", "M", "SRB"),
                ..Default::default()
            },
            expect_database: Some("national_alert"),
            expect_record: Some("NP-PLANT-12"),
            expect_sources: &["national"],
        },
    ]
}

fn notice(id: &str, kind: NoticeKind, family: &str, given: &str, dob: &str, sex: Sex, nats: &[&str], owner: &str) -> NoticeRow {
    NoticeRow {
        id: id.into(),
        kind,
        family_name: family.into(),
        given_names: given.into(),
        aliases: Vec::new(),
        original_script: None,
        date_of_birth: Some(dob.into()),
        sex,
        nationalities: nats.iter().map(|s| (*s).to_owned()).collect(),
        owner: owner.into(),
        charges: Vec::new(),
        distinguishing_marks: String::new(),
        photo: Some(format!("photos/{}.png", id.replace('/', "-"))),
        foreign_fighter: false,
        // Notices are numbered by the year they are issued in.
        issued: Some(format!("{}-03-15", id.split('/').next().unwrap_or("2023"))),
        purpose: None,
        // Every planted notice's subject is the traveller of a demo case: asked, the owning
        // country confirms (outside an exercise chance would otherwise decide).
        confirmation: Some(crate::domain::OwnerAnswer::SamePerson),
    }
}

fn national_person(id: &str, family: &str, given: &str, dob: &str, sex: Sex, nat: &str, alert: NationalAlert, reason: &str) -> PersonRow {
    PersonRow {
        id: id.into(),
        family_name: family.into(),
        given_names: given.into(),
        aliases: Vec::new(),
        original_script: None,
        date_of_birth: Some(dob.into()),
        sex,
        nationality: Some(nat.into()),
        alert,
        reason: reason.into(),
        photo: Some(format!("photos/{}.png", id.to_lowercase())),
    }
}

/// The passport expiry printed in every planted traveller's MRZ.
const PLANTED_EXPIRY: (i32, u32, u32) = (2031, 6, 30);

/// The TD3 MRZ of a planted traveller's passport, when the case has a document and a full date of birth.
pub fn planted_mrz(case: &PlantedCase) -> Option<String> {
    let (d, p) = (case.query.document.as_ref()?, case.query.person.as_ref()?);
    let dob = chrono::NaiveDate::parse_from_str(&p.date_of_birth, "%Y-%m-%d").ok()?;
    let expiry = chrono::NaiveDate::from_ymd_opt(PLANTED_EXPIRY.0, PLANTED_EXPIRY.1, PLANTED_EXPIRY.2)?;
    let nationality = if p.nationality.is_empty() { &d.country } else { &p.nationality };
    Some(crate::document_reading::emit_td3("P", &d.country, &d.number, &p.family_name, &p.given_names, nationality, dob, &p.sex, expiry))
}

/// A forged MRZ for training: a clean traveller's passport whose document-number check digit was altered.
pub fn forged_mrz() -> String {
    let dob = chrono::NaiveDate::from_ymd_opt(1986, 9, 14).unwrap_or_default();
    let expiry = chrono::NaiveDate::from_ymd_opt(2030, 2, 28).unwrap_or_default();
    let genuine = crate::document_reading::emit_td3("P", "UTO", "UT7734105", "NAZARI", "FARID", "AFG", dob, "M", expiry);
    let mut lines: Vec<String> = genuine.lines().map(str::to_owned).collect();
    if let Some(second) = lines.get_mut(1) {
        // Position 9 of line 2 is the document number's check digit: make it wrong.
        let digit = second.as_bytes()[9];
        let wrong = if digit == b'9' { b'0' } else { digit + 1 };
        second.replace_range(9..10, &char::from(wrong).to_string());
    }
    lines.join("\n")
}

/// Adds the planted records to a dataset.
pub fn plant(file: &mut DatasetFile) {
    let i = &mut file.interpol;
    let n = &mut file.national;
    i.sltd.push(SltdRow {
        id: "SLTD-PLANT-01".into(),
        number: "UT4471920".into(),
        country: "UTO".into(),
        kind: DocumentKind::Passport,
        fraud: FraudType::StolenBlank,
        reporting_country: "UTO".into(),
        reported: "2024-11-05".into(),
    });
    i.sltd.push(SltdRow {
        id: "SLTD-PLANT-02".into(),
        number: "UA2231846".into(),
        country: "UTO".into(),
        kind: DocumentKind::Passport,
        fraud: FraudType::LostByBearer,
        reporting_country: "UTO".into(),
        reported: "2025-06-30".into(),
    });
    n.documents.push(DocumentRow {
        id: "ND-PLANT-02".into(),
        number: "UA2231846".into(),
        kind: DocumentKind::Passport,
        country: "UTO".into(),
        status: DocumentStatus::Lost,
        holder_family_name: "BERGMAN".into(),
        holder_given_names: "LENA".into(),
        holder_date_of_birth: Some("1979-09-02".into()),
        expiry: Some("2031-03-14".into()),
    });
    let mut red = notice("2017/12345", NoticeKind::Red, "AL-TIKRITI", "MUHAMMAD YUSUF", "1979-03-21", Sex::Male, &["IRQ"], "FRA");
    red.charges = vec![Charge { charge: "Participation in a terrorist organisation".into(), country: "FRA".into() }];
    red.distinguishing_marks = "scar above right eyebrow".into();
    red.foreign_fighter = true;
    i.notices.push(red);
    let mut blue = notice("2019/40417", NoticeKind::Blue, "HADDAD", "KARIM", "1991-11-02", Sex::Male, &["TUN"], "TUN");
    blue.foreign_fighter = true;
    blue.distinguishing_marks = "tattoo of a date palm on left wrist".into();
    i.notices.push(blue);
    i.tdawn.push(TdawnRow {
        id: "TD-PLANT-04".into(),
        number: "TN8841207".into(),
        country: "TUN".into(),
        kind: DocumentKind::Passport,
        notice_id: "2019/40417".into(),
    });
    let mut yellow = notice("2024/31006", NoticeKind::Yellow, "PETROVA", "SOFIA", "2013-05-09", Sex::Female, &["BGR"], "BGR");
    yellow.original_script = Some("ПЕТРОВА София".into());
    i.notices.push(yellow);
    i.smv.push(SmvRow {
        id: "SMV-PLANT-06".into(),
        vin: "WVWZZZ1KZ8W123457".into(),
        plate: "KA-482-PX".into(),
        make: "Volkswagen".into(),
        model: "Tiguan".into(),
        colour: "black".into(),
        reporting_country: "DEU".into(),
        stolen: "2025-09-14".into(),
    });
    n.vehicles.push(VehicleRow {
        id: "NV-PLANT-06".into(),
        plate: "KA482PX".into(),
        vin: String::new(),
        make: "Volkswagen".into(),
        model: "Tiguan".into(),
        colour: "black".into(),
        reported: Some("2025-09-20".into()),
    });
    let mut volkov = national_person(
        "NP-PLANT-07",
        "VOLKOV",
        "DMITRIY",
        "1985-07-30",
        Sex::Male,
        "RUS",
        NationalAlert::WantedForArrest,
        "Arrest warrant 4 KLs 112/25, armed robbery",
    );
    volkov.original_script = Some("ВОЛКОВ Дмитрий".into());
    n.persons.push(volkov);
    let mut masri = notice("2018/20771", NoticeKind::Red, "AL-MASRI", "OMAR", "1988-02-14", Sex::Male, &["EGY"], "FRA");
    masri.charges = vec![Charge { charge: "Financing of terrorism".into(), country: "FRA".into() }];
    masri.foreign_fighter = true;
    i.notices.push(masri);
    n.persons.push(national_person(
        "NP-PLANT-08",
        "AL MASRI",
        "OMAR",
        "1988-02-14",
        Sex::Male,
        "EGY",
        NationalAlert::ForeignFighterWatch,
        "Returned from a conflict zone in 2024",
    ));
    let mut benali = notice("2020/11873", NoticeKind::Green, "BENALI", "RACHID", "1984-06-18", Sex::Male, &["BEL", "MAR"], "BEL");
    benali.aliases = vec!["DUPONT MARC".into(), "BEN ALI RACHID".into()];
    i.notices.push(benali);
    let mut zhukov = notice("2022/08841", NoticeKind::Diffusion, "ZHUKOV", "YURIY", "1969-12-03", Sex::Male, &["RUS"], "POL");
    zhukov.original_script = Some("ЖУКОВ Юрий".into());
    zhukov.charges = vec![Charge { charge: "Smuggling of firearms".into(), country: "POL".into() }];
    i.notices.push(zhukov);
    n.persons.push(national_person(
        "NP-PLANT-12",
        "KOVAČ",
        "MILAN",
        "1975-01-22",
        Sex::Male,
        "SRB",
        NationalAlert::DiscreetCheck,
        "Discreet check requested by the security service",
    ));
}

/// The built-in demo: a few hundred random records of every kind plus the planted cases.
pub fn demo_file() -> DatasetFile {
    let spec = GenerateSpec {
        seed: 2396,
        name: "Demo dataset".into(),
        persons: 300,
        notices: 300,
        sltd: 500,
        smv: 150,
        documents: 300,
        vehicles: 60,
        tdawn: 40,
    };
    let mut file = generate_dataset(&spec);
    file.description =
        "Built-in synthetic demo: random records plus planted training cases (see sample_data/README.md). No real person.".into();
    file.post = Some("Land border post".into());
    plant(&mut file);
    // The guided cases travel with the data (View → Demo cases; sample_data/README.md's table).
    file.demo_cases = planted_cases()
        .into_iter()
        .map(|c| crate::dataset::file_format::DemoCaseRow {
            title: c.title.to_owned(),
            notice: c.story.to_owned(),
            enter: c.query,
            expect: c
                .expect_database
                .zip(c.expect_record)
                .map(|(d, r)| crate::dataset::file_format::ExpectedTopHit { database: d.to_owned(), record: r.to_owned() }),
        })
        .collect();
    file
}

/// Photo paths the demo refers to (all synthetic portraits), each with its PNG: the face of the
/// record's subject (one face for one person across both databases).
pub fn demo_photos(file: &DatasetFile) -> Vec<(String, String, Vec<u8>)> {
    use crate::generate::portrait::record_portrait_png;
    let face = |id: &str, family: &str, given: &str, dob: &Option<String>, sex| {
        record_portrait_png(id, family, given, dob.as_deref().unwrap_or_default(), sex)
    };
    let notices =
        file.interpol.notices.iter().filter_map(|n| {
            n.photo.clone().map(|p| (n.id.clone(), p, face(&n.id, &n.family_name, &n.given_names, &n.date_of_birth, n.sex)))
        });
    let persons =
        file.national.persons.iter().filter_map(|r| {
            r.photo.clone().map(|p| (r.id.clone(), p, face(&r.id, &r.family_name, &r.given_names, &r.date_of_birth, r.sex)))
        });
    notices.chain(persons).collect()
}
