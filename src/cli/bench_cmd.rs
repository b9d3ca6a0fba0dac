use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Reported;
use crate::bench::engine_bench::run_engine_bench;
use crate::bench::peer::run_peer_bench;

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: BenchWhat,
}

#[derive(Debug, Subcommand)]
pub enum BenchWhat {
    /// Load + index time, peak memory, per-query engine time and index recall on a generated dataset.
    Engine {
        /// An existing dataset to load (default: generate one with the sizes below into a temp folder).
        #[arg(long)]
        dataset: Option<PathBuf>,
        #[arg(long, default_value_t = 100_000)]
        persons: usize,
        #[arg(long, default_value_t = 100_000)]
        notices: usize,
        #[arg(long, default_value_t = 1_000_000)]
        sltd: usize,
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        #[arg(long, default_value_t = 500)]
        recall_queries: usize,
        /// Generator and query seeds: the bench runs each and reports the worst (name floods
        /// differ from seed to seed).
        #[arg(long, value_delimiter = ',', default_values_t = [1u64, 11])]
        seeds: Vec<u64>,
    },
    #[cfg(feature = "classroom")]
    /// A classroom host with N scripted trainees on 127.0.0.1 through a whole exercise: the
    /// host's CPU time, peak memory and time per decision.
    Classroom {
        #[arg(long, default_value_t = 30)]
        trainees: usize,
    },
    /// Side by side with ../shared/peers: recall@10 and time per query on its watchlist.
    Peer {
        /// Folder with watchlist.tsv and queries.tsv (made by the peer kit's gen_names.py).
        #[arg(long)]
        data: PathBuf,
        /// Use only the first N watchlist rows.
        #[arg(long)]
        n: Option<usize>,
        #[arg(long, default_value_t = 75)]
        threshold: u8,
        /// Give each query a date of birth: the target's for positives, an unrelated row's for negatives.
        #[arg(long)]
        with_dob: bool,
    },
}

pub fn run(args: &BenchArgs) -> Result<(), Reported> {
    match &args.what {
        BenchWhat::Engine { dataset, persons, notices, sltd, queries, recall_queries, seeds } => {
            let mut worst: Option<(f64, f64, f64, u64)> = None;
            for &seed in seeds {
                let r = engine_bench_one(dataset.as_ref(), (*persons, *notices, *sltd), seed, *queries, *recall_queries)?;
                print_engine_report(&r, seed);
                let load_index = r.parse_s + r.index_s;
                let p99 = r.name_only.p99_us.max(r.name_dob.p99_us);
                worst = Some(match worst {
                    None => (r.recall_vs_scan, load_index, p99, seed),
                    Some((rec, li, p, s)) => {
                        (rec.min(r.recall_vs_scan), li.max(load_index), p.max(p99), if r.recall_vs_scan < rec { seed } else { s })
                    }
                });
            }
            if let Some((recall, load_index, p99, seed)) = worst {
                println!(
                    "\n**Worst of {} seed(s)**: index recall vs full scan {recall:.3} (seed {seed}), load + index {load_index:.2} s, name query p99 {p99:.0} µs",
                    seeds.len()
                );
            }
            Ok(())
        }
        #[cfg(feature = "classroom")]
        BenchWhat::Classroom { trainees } => {
            let r = crate::bench::classroom_bench::run_classroom_bench((*trainees).clamp(1, 500)).map_err(|e| {
                eprintln!("error: {e}");
                Reported
            })?;
            println!("| trainees | decisions | wall s | host CPU s | peak RSS MiB | per decision p50 ms | p99 ms |");
            println!("|---|---|---|---|---|---|---|");
            let opt = |v: Option<f64>| v.map_or_else(|| "n/a".into(), |v| format!("{v:.2}"));
            println!(
                "| {} | {} | {:.2} | {} | {} | {:.2} | {:.2} |",
                r.trainees,
                r.decisions,
                r.wall_s,
                opt(r.host_cpu_s),
                opt(r.peak_rss_mib),
                r.per_decision.p50_us / 1000.0,
                r.per_decision.p99_us / 1000.0
            );
            Ok(())
        }
        BenchWhat::Peer { data, n, threshold, with_dob } => {
            let r = run_peer_bench(data, *n, *threshold, *with_dob, |m| eprintln!("{m}")).map_err(|e| {
                eprintln!("error: {e}");
                Reported
            })?;
            println!(
                "| rows | scorer (cutoff) | queries/s | p50 ms | p99 ms | recall@10 | recall@10 (same name) | top-1 | negatives with a hit |"
            );
            println!("|---|---|---|---|---|---|---|---|---|");
            println!(
                "| {} | bordercheck ({}) | {:.1} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
                r.rows,
                r.threshold,
                r.queries_per_s,
                r.timing.p50_us / 1000.0,
                r.timing.p99_us / 1000.0,
                r.recall_at_10,
                r.recall_at_10_same_name,
                r.top1,
                r.negatives_with_hit
            );
            if let Some((share, others)) = r.namesakes {
                println!();
                println!(
                    "{:.1}% of the negatives are namesakes of a listed person (negative_namesakes.tsv); \
                     negatives with a hit among the others: {others:.3}",
                    share * 100.0
                );
            }
            println!();
            println!("| noise | recall@10 |\n|---|---|");
            for (noise, recall) in &r.by_noise {
                println!("| {noise} | {recall:.2} |");
            }
            Ok(())
        }
    }
}

/// One engine benchmark at one seed (generating the dataset unless one is given).
fn engine_bench_one(
    dataset: Option<&PathBuf>,
    (persons, notices, sltd): (usize, usize, usize),
    seed: u64,
    queries: usize,
    recall_queries: usize,
) -> Result<crate::bench::engine_bench::EngineBenchReport, Reported> {
    let path = if let Some(p) = dataset {
        p.clone()
    } else {
        // Generated by a child process, so this process's peak memory is loading and searching only.
        let dir = std::env::temp_dir().join(format!("bordercheck-bench-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("bench.ron");
        eprintln!("generating {persons} persons, {notices} notices, {sltd} SLTD into {} …", dir.display());
        let exe = std::env::current_exe().map_err(|e| {
            eprintln!("{e}");
            Reported
        })?;
        let status = std::process::Command::new(exe)
            .args(["generate", "--seed", &seed.to_string(), "--persons", &persons.to_string(), "--notices", &notices.to_string()])
            .args(["--sltd", &sltd.to_string(), "--smv", &(persons / 10).to_string(), "--out"])
            .arg(&path)
            .stdout(std::process::Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("generating the benchmark dataset failed");
            return Err(Reported);
        }
        path
    };
    let r = run_engine_bench(
        &path,
        super::progress_lines::load_dataset_reporting,
        super::progress_lines::build_engine_reporting,
        seed,
        queries,
        recall_queries,
        |m| eprintln!("{m}"),
    )
    .map_err(|e| {
        eprintln!("{e}");
        Reported
    })?;
    if dataset.is_none()
        && let Some(dir) = path.parent()
    {
        let _ = std::fs::remove_dir_all(dir);
    }
    Ok(r)
}

fn print_engine_report(r: &crate::bench::engine_bench::EngineBenchReport, seed: u64) {
    println!("\n### seed {seed}\n");
    println!("| measure | value |\n|---|---|");
    println!("| records | {} |", r.records);
    println!("| load + validate (RON + SLTD sidecar) | {:.2} s |", r.parse_s);
    println!("| build indexes | {:.2} s |", r.index_s);
    println!("| peak memory (process) | {} |", r.peak_rss_mib.map_or("n/a".into(), |m| format!("{m:.0} MiB")));
    for (label, s) in [
        ("document exact", r.document),
        ("name + date of birth (both sources at once)", r.name_dob),
        ("name only (both sources at once)", r.name_only),
        ("name + date of birth (one thread, one source after the other)", r.name_dob_one_thread),
        ("name only (one thread, one source after the other)", r.name_only_one_thread),
    ] {
        println!("| {label}: p50 / p99 / max | {:.0} µs / {:.0} µs / {:.0} µs ({} queries) |", s.p50_us, s.p99_us, s.max_us, s.count);
    }
    println!("| name index recall vs full scan (top 10, {} queries) | {:.3} |", r.recall_queries, r.recall_vs_scan);
}
