use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Reported;
use crate::bench::engine_bench::run_engine_bench;
use crate::bench::peer::run_peer_bench;
use crate::generate::GenerateSpec;

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    pub what: BenchWhat,
}

#[derive(Debug, Subcommand)]
pub enum BenchWhat {
    /// Load + index time, peak memory, per-query engine time and index recall on a generated dataset.
    Engine {
        #[arg(long, default_value_t = 100_000)]
        persons: usize,
        #[arg(long, default_value_t = 100_000)]
        notices: usize,
        #[arg(long, default_value_t = 1_000_000)]
        sltd: usize,
        #[arg(long, default_value_t = 1000)]
        queries: usize,
        #[arg(long, default_value_t = 200)]
        recall_queries: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
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
    },
}

pub fn run(args: &BenchArgs) -> Result<(), Reported> {
    match &args.what {
        BenchWhat::Engine { persons, notices, sltd, queries, recall_queries, seed } => {
            let spec = GenerateSpec {
                seed: *seed,
                name: "bench".into(),
                persons: *persons,
                notices: *notices,
                sltd: *sltd,
                smv: persons / 10,
                documents: *persons,
                vehicles: persons / 50,
                tdawn: notices / 10,
            };
            let r = run_engine_bench(&spec, *queries, *recall_queries, |m| eprintln!("{m}"));
            println!("| measure | value |\n|---|---|");
            println!("| records | {} |", r.records);
            println!("| parse + validate (RON) | {:.2} s |", r.parse_s);
            println!("| build indexes | {:.2} s |", r.index_s);
            println!("| peak memory (process) | {} |", r.peak_rss_mib.map_or("n/a".into(), |m| format!("{m:.0} MiB")));
            for (label, s) in [("document exact", r.document), ("name + date of birth", r.name_dob), ("name only", r.name_only)] {
                println!(
                    "| {label}: p50 / p99 / max | {:.0} µs / {:.0} µs / {:.0} µs ({} queries) |",
                    s.p50_us, s.p99_us, s.max_us, s.count
                );
            }
            println!("| name index recall vs full scan (top 10, {} queries) | {:.3} |", r.recall_queries, r.recall_vs_scan);
            Ok(())
        }
        BenchWhat::Peer { data, n, threshold } => {
            let r = run_peer_bench(data, *n, *threshold, |m| eprintln!("{m}")).map_err(|e| {
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
            println!();
            println!("| noise | recall@10 |\n|---|---|");
            for (noise, recall) in &r.by_noise {
                println!("| {noise} | {recall:.2} |");
            }
            Ok(())
        }
    }
}
