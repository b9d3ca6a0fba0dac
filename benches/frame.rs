//! Frame cost of the terminal with 1,000 hit groups in the table and 10,000 audit rows,
//! measured headless through egui_kittest (layout and tessellation inputs, no GPU).

use std::time::{Duration, Instant};

use bordercheck::audit::AuditEntry;
use bordercheck::demo::demo_dataset;
use bordercheck::engine::{Engine, MatchOptions, SourceId, combine};
use bordercheck::query::Query;
use bordercheck::query::input::PersonQuery;
use bordercheck::ui::{Settings, TerminalApp};
use egui_kittest::Harness;

fn main() {
    // 1,000 real hit groups: every demo notice and national person, each its own subject.
    let engine = Engine::build(demo_dataset().dataset);
    let mut hits = Vec::new();
    let options = MatchOptions { threshold: 0, max_hits: 100_000, ..MatchOptions::default() };
    for n in &engine.interpol.db.notices {
        let q = Query {
            person: Some(PersonQuery {
                family_name: n.name.family_name.clone(),
                given_names: n.name.given_names.clone(),
                ..Default::default()
            }),
            ..Default::default()
        };
        hits.extend(engine.search(SourceId::Interpol, &q, &options).into_iter().take(4));
        if hits.len() >= 1_000 {
            break;
        }
    }
    let base = hits.clone();
    while hits.len() < 1_000 && !base.is_empty() {
        hits.push(base[hits.len() % base.len()].clone());
    }
    hits.truncate(1_000);
    for (i, h) in hits.iter_mut().enumerate() {
        h.subject_key = format!("bench-{i}");
    }
    let groups = combine(hits);
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .build_eframe(|cc| TerminalApp::with_settings(cc.egui_ctx.clone(), Settings::default(), None));
    harness.step();
    {
        let app = harness.state_mut();
        app.show_groups(groups.clone());
        for n in 0..10_000u64 {
            app.booth.audit.push(AuditEntry {
                time: chrono::Local::now(),
                officer: "officer-1".into(),
                query: n,
                summary: format!("TRAVELLER {n}, GIVEN NAME 1980-01-01"),
                sources: "National ok 212 ms · INTERPOL ok 1210 ms".into(),
                hits: (n % 3) as usize,
                top_hit: "HIGH SLTD stolen blank SLTD-000001".into(),
                decision: None,
                remark: String::new(),
                decided_at: None,
                decision_remark: String::new(),
            });
        }
    }
    for _ in 0..10 {
        harness.step();
    }
    let mut times: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            harness.step();
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "frame with {} hit groups and 10,000 audit rows: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (200 frames, CPU, headless)",
        groups.len(),
        ms(times[100]),
        ms(times[198]),
        ms(times[199])
    );
}
