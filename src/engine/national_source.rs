//! The mock national database with its indexes: person alerts, document registry, stolen vehicles.

use super::code_index::CodeIndex;
use super::document_match::compare_document;
use super::hit::{Database, Hit, HitParts, MatchKind, RecordDetail, SourceId, rank_and_cap};
use super::name_index::{NameIndex, insert_person_names};
use super::options::MatchOptions;
use super::person_ranking::{FactsTable, RecordFacts, rank_persons, subject_as_matched};
use super::query::Query;
use super::subject_key::{document_key, person_key_of_names, vehicle_key};
use super::vehicle_match::vehicle_hits;
use crate::domain::{DocumentStatus, NationalDatabase};
use crate::matching::normalize::{normalize_code, normalize_vin};
use crate::matching::{Feature, NameForm, Outcome, name_similarity};

pub struct NationalSource {
    pub db: NationalDatabase,
    names: NameIndex,
    facts: FactsTable,
    documents: CodeIndex,
    plates: CodeIndex,
    vins: CodeIndex,
}

impl NationalSource {
    pub fn new(db: NationalDatabase) -> Self {
        let mut names = NameIndex::default();
        let mut facts = FactsTable::with_capacity(db.persons.len());
        for (i, p) in db.persons.iter().enumerate() {
            facts.push(p.date_of_birth, p.sex, p.nationality.as_slice());
            insert_person_names(
                &mut names,
                i as u32,
                &p.name.family_name,
                &p.name.given_names,
                &p.name.aliases,
                p.name.original_script.as_deref(),
            );
        }
        names.finish();
        facts.finish();
        let mut documents = CodeIndex::default();
        for (i, d) in db.documents.iter().enumerate() {
            documents.insert(&normalize_code(&d.number), i as u32);
        }
        documents.finish();
        let (mut plates, mut vins) = (CodeIndex::default(), CodeIndex::default());
        for (i, v) in db.vehicles.iter().enumerate() {
            plates.insert(&normalize_code(&v.plate), i as u32);
            vins.insert(&normalize_vin(&v.vin), i as u32);
        }
        plates.finish();
        vins.finish();
        Self { db, names, facts, documents, plates, vins }
    }

    pub fn search(&self, query: &Query, options: &MatchOptions) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(options.max_hits);
        if let Some(person) = &query.person {
            let facts_of = |r: u32| {
                let p = &self.db.persons[r as usize];
                RecordFacts {
                    date_of_birth: p.date_of_birth,
                    sex: p.sex,
                    nationalities: p.nationality.as_slice().into(),
                    aliases: &p.name.aliases,
                }
            };
            for (entry, scored) in rank_persons(&self.names, person, options, &self.facts, facts_of) {
                let p = &self.db.persons[entry.record as usize];
                let database = Database::NationalAlert(p.alert);
                let mut explanation = scored.features;
                if !p.reason.is_empty() {
                    explanation.push(Feature::new("alert", Outcome::Match, format!("{}: {}", p.alert.label(), p.reason)));
                }
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::National,
                    database,
                    record_id: p.id.clone(),
                    subject: subject_as_matched(&p.name, entry.variant),
                    match_kind: MatchKind::Name,
                    score: scored.score,
                    explanation,
                    subject_key: person_key_of_names(&p.name.family_name, &p.name.given_names, p.date_of_birth),
                    owner: None,
                    record: RecordDetail::NationalPerson(p.clone()),
                    purpose: None,
                }));
            }
        }
        if let Some(doc) = &query.document {
            let number_of = |r: u32| normalize_code(&self.db.documents[r as usize].number);
            let exact = self.documents.exact(&doc.number, number_of).into_iter().map(|i| (i, false));
            let misread = self.documents.misread(&doc.number, number_of).into_iter().map(|i| (i, true));
            for (i, is_misread) in exact.collect::<Vec<_>>().into_iter().chain(misread) {
                let d = &self.db.documents[i as usize];
                let Some((mut match_kind, score, mut explanation)) = compare_document(doc, is_misread, &d.number, d.country, d.kind) else {
                    continue;
                };
                if d.status == DocumentStatus::Valid {
                    // A valid document is only a hit when someone else is presenting it.
                    let Some(person) = &query.person else {
                        continue;
                    };
                    let holder = name_similarity(&person.name_form(), &NameForm::new(&d.holder.family_name, &d.holder.given_names));
                    if holder.score >= 0.6 || is_misread {
                        continue;
                    }
                    match_kind = MatchKind::DocumentHolderMismatch;
                    explanation.push(Feature::new(
                        "registered holder",
                        Outcome::Mismatch,
                        format!("{} registered, traveller gave {}", d.holder.display(), person.family_name.to_uppercase()),
                    ));
                } else {
                    explanation.push(Feature::new("registry status", Outcome::Match, format!("{:?}", d.status).to_lowercase()));
                    if let (DocumentStatus::Lost | DocumentStatus::Stolen, Some(person)) = (d.status, &query.person) {
                        // The lost/stolen registry exists to catch impostors: is the person
                        // presenting it the one it was issued to?
                        explanation.push(holder_check(person, d));
                    }
                }
                let database = Database::NationalDocument(d.status);
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::National,
                    database,
                    record_id: d.id.clone(),
                    subject: format!("{} {} ({})", d.kind.label(), d.number, d.country),
                    match_kind,
                    score,
                    explanation,
                    subject_key: document_key(d.country, &normalize_code(&d.number)),
                    owner: None,
                    record: RecordDetail::NationalDocument(d.clone()),
                    purpose: None,
                }));
            }
        }
        if let Some(vehicle) = &query.vehicle {
            for (i, match_kind, features) in vehicle_hits(
                vehicle,
                &self.plates,
                &self.vins,
                |r| self.db.vehicles[r as usize].plate.clone(),
                |r| self.db.vehicles[r as usize].vin.clone(),
            ) {
                let v = &self.db.vehicles[i as usize];
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::National,
                    database: Database::NationalVehicle,
                    record_id: v.id.clone(),
                    subject: format!("{} {} {} {}", v.colour, v.make, v.model, v.plate).trim().to_owned(),
                    match_kind,
                    score: if match_kind == MatchKind::Vin { 100 } else { 90 },
                    explanation: features,
                    subject_key: vehicle_key(),
                    owner: None,
                    record: RecordDetail::NationalVehicle(v.clone()),
                    purpose: None,
                }));
            }
        }
        rank_and_cap(hits, options.max_hits)
    }
}

/// Whether the registered holder of a lost or stolen document is the person presenting it.
fn holder_check(person: &super::query::PersonQuery, d: &crate::domain::NationalDocument) -> Feature {
    let name = name_similarity(&person.name_form(), &NameForm::new(&d.holder.family_name, &d.holder.given_names));
    let dob_differs =
        person.date_of_birth.zip(d.holder_date_of_birth).is_some_and(|(a, b)| a.compare(b) == crate::domain::DateAgreement::Different);
    let holder = match d.holder_date_of_birth {
        Some(dob) => format!("{} ({dob})", d.holder.display()),
        None => d.holder.display(),
    };
    if name.score < 0.6 || dob_differs {
        Feature::new("registered holder", Outcome::Mismatch, format!("PRESENTED BY SOMEONE ELSE: issued to {holder} — likely impostor"))
    } else {
        // The same name proves little: an impostor gives the name on the document he carries.
        Feature::new(
            "registered holder",
            Outcome::Partial,
            format!(
                "identity given matches the holder {holder}, who reported it lost or stolen: compare the face and ask questions only the holder can answer"
            ),
        )
    }
}
