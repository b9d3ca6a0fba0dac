//! `cargo bench`: the engine benchmark at a size that runs in about a minute, and the frame
//! benchmark. Bigger runs: `bordercheck bench engine --persons 1000000 ...` (see README).

use bordercheck::bench::engine_bench::run_engine_bench;
use bordercheck::generate::GenerateSpec;

fn main() {
    let spec = GenerateSpec { seed: 1, name: "bench".into(), persons: 20_000, notices: 20_000, sltd: 200_000, smv: 2_000, documents: 20_000, vehicles: 500, tdawn: 2_000 };
    let r = run_engine_bench(&spec, 500, 100, |m| eprintln!("{m}"));
    println!("engine: {} records, parse {:.2} s, index {:.2} s", r.records, r.parse_s, r.index_s);
    for (label, s) in [("document exact", r.document), ("name + date of birth", r.name_dob), ("name only", r.name_only)] {
        println!("  {label:<22} p50 {:>8.0} µs   p99 {:>8.0} µs", s.p50_us, s.p99_us);
    }
    println!("  name index recall vs full scan: {:.3}", r.recall_vs_scan);
}
