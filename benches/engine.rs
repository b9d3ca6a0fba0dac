//! `cargo bench --bench engine`: the engine benchmark at a size that runs in about a minute.
//! National scale: `bordercheck bench engine --persons 500000 --notices 500000 --sltd 10000000`.

use bordercheck::bench::engine_bench::run_engine_bench;
use bordercheck::generate::dataset::to_ron;
use bordercheck::generate::{GenerateSpec, generate_dataset};

fn main() {
    let spec = GenerateSpec {
        seed: 1,
        name: "bench".into(),
        persons: 20_000,
        notices: 20_000,
        sltd: 200_000,
        smv: 2_000,
        documents: 20_000,
        vehicles: 500,
        tdawn: 2_000,
    };
    let dir = std::env::temp_dir().join(format!("bordercheck-cargo-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join("bench.ron");
    std::fs::write(&path, to_ron(&generate_dataset(&spec)).expect("serialise")).expect("write dataset");
    let r = run_engine_bench(
        &path,
        bordercheck::dataset::load_dataset_file,
        |l| bordercheck::engine::Engine::build(l.dataset),
        spec.seed,
        500,
        100,
        |m| eprintln!("{m}"),
    )
    .expect("benchmark dataset loads");
    let _ = std::fs::remove_dir_all(&dir);
    println!("engine: {} records, load {:.2} s, index {:.2} s", r.records, r.parse_s, r.index_s);
    for (label, s) in [
        ("document exact", r.document),
        ("name + date of birth", r.name_dob),
        ("name only", r.name_only),
        ("name + DOB, 1 thread", r.name_dob_one_thread),
        ("name only, 1 thread", r.name_only_one_thread),
    ] {
        println!("  {label:<22} p50 {:>8.0} µs   p99 {:>8.0} µs", s.p50_us, s.p99_us);
    }
    println!("  name index recall vs full scan: {:.3}", r.recall_vs_scan);
}
