//! The mock INTERPOL-style database with its indexes: nominal notices, SLTD, TDAWN, SMV.

use std::collections::HashMap;

use super::code_index::CodeIndex;
use super::document_match::compare_document;
use super::hit::{Database, Hit, HitParts, MatchKind, RecordDetail, SourceId, rank_and_cap};
use super::name_index::{NameIndex, insert_person_names};
use super::options::MatchOptions;
use super::person_ranking::{FactsTable, RecordFacts, rank_persons, subject_as_matched};
use super::query::Query;
use super::subject_key::{document_key, person_key_of_names, vehicle_key};
use super::vehicle_match::vehicle_hits;
use crate::domain::NoticeKind;
use crate::domain::{InterpolDatabase, Notice};
use crate::matching::normalize::{normalize_code, normalize_vin};
use crate::matching::{Feature, Outcome};

pub struct InterpolSource {
    pub db: InterpolDatabase,
    names: NameIndex,
    facts: FactsTable,
    notice_by_id: HashMap<String, u32>,
    sltd: CodeIndex,
    tdawn: CodeIndex,
    smv_plates: CodeIndex,
    smv_vins: CodeIndex,
}

fn notice_key(n: &Notice) -> String {
    person_key_of_names(&n.name.family_name, &n.name.given_names, n.date_of_birth)
}

impl InterpolSource {
    pub fn new(db: InterpolDatabase, mut progress: impl FnMut(usize)) -> Self {
        // Notices and SLTD are indexed on two threads: at national scale each takes about as
        // long as the whole national database.
        let index_notices = || {
            let mut names = NameIndex::default();
            let mut facts = FactsTable::with_capacity(db.notices.len());
            let mut notice_by_id = HashMap::with_capacity(db.notices.len());
            for (i, n) in db.notices.iter().enumerate() {
                facts.push(n.date_of_birth, n.sex, &n.nationalities);
                // A Black notice describes an unidentified body and a Purple notice a method:
                // neither is about a living traveller, so neither is matched by name (the
                // possible identity of a body is shown in its record, never searched).
                if matches!(n.kind, NoticeKind::Black | NoticeKind::Purple) {
                    notice_by_id.insert(n.id.clone(), i as u32);
                    continue;
                }
                insert_person_names(
                    &mut names,
                    i as u32,
                    &n.name.family_name,
                    &n.name.given_names,
                    &n.name.aliases,
                    n.name.original_script.as_deref(),
                );
                notice_by_id.insert(n.id.clone(), i as u32);
            }
            names.finish();
            facts.finish();
            (names, facts, notice_by_id)
        };
        let (notices, sltd) = std::thread::scope(|scope| {
            let notices = std::thread::Builder::new().name("index-notices".into()).spawn_scoped(scope, index_notices);
            let mut sltd = CodeIndex::with_capacity(db.sltd.len());
            for i in 0..db.sltd.len() {
                sltd.insert(db.sltd.number(i), i as u32);
                if i % 1_000_000 == 999_999 {
                    progress(1_000_000);
                }
            }
            sltd.finish();
            let notices = match notices {
                Ok(handle) => handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                // No thread to be had: index the notices here.
                Err(_) => index_notices(),
            };
            (notices, sltd)
        });
        let (names, facts, notice_by_id) = notices;
        progress(db.notices.len());
        let mut tdawn = CodeIndex::default();
        for (i, t) in db.tdawn.iter().enumerate() {
            tdawn.insert(&normalize_code(&t.number), i as u32);
        }
        tdawn.finish();
        let (mut smv_plates, mut smv_vins) = (CodeIndex::default(), CodeIndex::default());
        for (i, v) in db.smv.iter().enumerate() {
            smv_plates.insert(&normalize_code(&v.plate), i as u32);
            smv_vins.insert(&normalize_vin(&v.vin), i as u32);
        }
        smv_plates.finish();
        smv_vins.finish();
        Self { db, names, facts, notice_by_id, sltd, tdawn, smv_plates, smv_vins }
    }

    pub fn notice(&self, id: &str) -> Option<&Notice> {
        self.notice_by_id.get(id).map(|&i| &self.db.notices[i as usize])
    }

    pub fn search(&self, query: &Query, options: &MatchOptions) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(options.max_hits);
        if let Some(person) = &query.person {
            let facts_of = |r: u32| {
                let n = &self.db.notices[r as usize];
                RecordFacts {
                    date_of_birth: n.date_of_birth,
                    sex: n.sex,
                    nationalities: n.nationalities.as_slice().into(),
                    aliases: &n.name.aliases,
                }
            };
            for (entry, scored) in rank_persons(&self.names, person, options, &self.facts, facts_of) {
                let n = &self.db.notices[entry.record as usize];
                let database = Database::Notice(n.kind);
                let mut explanation = scored.features;
                if n.kind == NoticeKind::Diffusion {
                    // A diffusion is a member country's own request, not a notice reviewed by
                    // INTERPOL's General Secretariat: the officer should know how much it weighs.
                    let purpose = n.purpose.unwrap_or_default().label();
                    explanation.push(Feature::new(
                        "diffusion",
                        Outcome::NotCompared,
                        format!("sent by {} to member countries for {purpose}; not reviewed by INTERPOL's General Secretariat", n.owner),
                    ));
                }
                if n.foreign_fighter {
                    explanation.push(Feature::new("foreign terrorist fighter", Outcome::Match, "flagged on the notice"));
                }
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::Interpol,
                    database,
                    record_id: n.id.clone(),
                    subject: subject_as_matched(&n.name, entry.variant),
                    match_kind: MatchKind::Name,
                    score: scored.score,
                    explanation,
                    subject_key: notice_key(n),
                    // A UN Special Notice is issued at the request of the Security Council's
                    // sanctions committee; no member state owns it.
                    owner: Some(if n.kind == NoticeKind::UnSpecial {
                        "UN Security Council sanctions committee (via INTERPOL)".into()
                    } else {
                        n.owner.to_string()
                    }),
                    record: RecordDetail::Notice(n.clone()),
                    purpose: n.purpose,
                }));
            }
        }
        if let Some(doc) = &query.document {
            let lookups = |index: &CodeIndex, number_of: &dyn Fn(u32) -> String| -> Vec<(u32, bool)> {
                let mut v: Vec<(u32, bool)> = index.exact(&doc.number, number_of).into_iter().map(|i| (i, false)).collect();
                v.extend(index.misread(&doc.number, number_of).into_iter().map(|i| (i, true)));
                v
            };
            for (i, misread) in lookups(&self.sltd, &|r| normalize_code(self.db.sltd.number(r as usize))) {
                let s = &self.db.sltd.get(i as usize);
                let Some((match_kind, score, mut explanation)) = compare_document(doc, misread, &s.number, s.country, s.kind) else {
                    continue;
                };
                explanation.push(Feature::new(
                    "SLTD record",
                    Outcome::Match,
                    format!("{}, reported by {} on {}", s.fraud.label(), s.reporting_country, s.reported),
                ));
                let database = Database::Sltd(s.fraud);
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::Interpol,
                    database,
                    record_id: s.id.clone(),
                    subject: format!("{} {} ({})", s.kind.label(), s.number, s.country),
                    match_kind,
                    score,
                    explanation,
                    subject_key: document_key(s.country, &normalize_code(&s.number)),
                    owner: Some(s.reporting_country.to_string()),
                    record: RecordDetail::Sltd(s.clone()),
                    purpose: None,
                }));
            }
            for (i, misread) in lookups(&self.tdawn, &|r| normalize_code(&self.db.tdawn[r as usize].number)) {
                let t = &self.db.tdawn[i as usize];
                let Some((match_kind, score, mut explanation)) = compare_document(doc, misread, &t.number, t.country, t.kind) else {
                    continue;
                };
                let notice = self.notice(&t.notice_id).cloned();
                if let Some(n) = &notice {
                    explanation.push(Feature::new(
                        "linked notice",
                        Outcome::Match,
                        format!("{} {} — {}", n.kind.label(), n.id, n.name.display()),
                    ));
                }
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::Interpol,
                    database: Database::Tdawn,
                    record_id: t.id.clone(),
                    subject: notice.as_ref().map_or_else(
                        || format!("{} {}", t.kind.label(), t.number),
                        |n| format!("{} — {} {}", n.name.display(), t.kind.label(), t.number),
                    ),
                    match_kind,
                    score,
                    explanation,
                    subject_key: notice.as_ref().map_or_else(|| document_key(t.country, &normalize_code(&t.number)), notice_key),
                    owner: notice.as_ref().map(|n| n.owner.to_string()),
                    record: RecordDetail::Tdawn { tdawn: t.clone(), notice },
                    purpose: None,
                }));
            }
        }
        if let Some(vehicle) = &query.vehicle {
            for (i, match_kind, mut features) in vehicle_hits(
                vehicle,
                &self.smv_plates,
                &self.smv_vins,
                |r| self.db.smv[r as usize].plate.clone(),
                |r| self.db.smv[r as usize].vin.clone(),
            ) {
                let v = &self.db.smv[i as usize];
                features.push(Feature::new(
                    "SMV record",
                    Outcome::Match,
                    format!("stolen {}, reported by {}", v.stolen, v.reporting_country),
                ));
                hits.push(Hit::assessed(HitParts {
                    source: SourceId::Interpol,
                    database: Database::Smv,
                    record_id: v.id.clone(),
                    subject: format!("{} {} {} {}", v.colour, v.make, v.model, v.plate).trim().to_owned(),
                    match_kind,
                    score: if match_kind == MatchKind::Vin { 100 } else { 90 },
                    explanation: features,
                    subject_key: vehicle_key(),
                    owner: Some(v.reporting_country.to_string()),
                    record: RecordDetail::Smv(v.clone()),
                    purpose: None,
                }));
            }
        }
        rank_and_cap(hits, options.max_hits)
    }

    /// What a post's MIND local copy can answer while the link is down: SLTD only, marked with its age.
    pub fn search_local_copy(&self, query: &Query, options: &MatchOptions, age_hours: u32) -> Vec<Hit> {
        let Some(document) = &query.document else { return Vec::new() };
        let only_document = Query { document: Some(document.clone()), ..Default::default() };
        let mut hits: Vec<Hit> =
            self.search(&only_document, options).into_iter().filter(|h| matches!(h.database, Database::Sltd(_))).collect();
        for h in &mut hits {
            h.explanation.push(Feature::new(
                "source",
                Outcome::Partial,
                format!("local SLTD copy, {age_hours} h old — confirm when the link returns"),
            ));
        }
        hits
    }

    /// Name candidates via the index vs a full scan, for the recall figure in the benchmark.
    pub fn name_index(&self) -> &NameIndex {
        &self.names
    }
}
