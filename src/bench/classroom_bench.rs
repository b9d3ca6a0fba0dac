//! `bench classroom`: one host and thirty scripted trainees (threads, on 127.0.0.1 only) through
//! a whole built-in exercise; reports the host thread's CPU time, the process's peak memory and
//! the time per decision as the trainees saw it.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use super::stats::{Summary, peak_rss_mib, summarize};
use crate::audit::Decision;
use crate::classroom::DecisionPost;
use crate::classroom::client::{ClassClient, Trainee};
use crate::classroom::host::ClassHost;
use crate::classroom::server::HostServer;
use crate::training::builtin::BUILTIN_SCENARIOS;
use crate::training::scenario::parse_scenario;

pub struct ClassroomReport {
    pub trainees: usize,
    pub decisions: usize,
    pub wall_s: f64,
    /// CPU seconds of the `classroom-host` thread (Linux; none elsewhere).
    pub host_cpu_s: Option<f64>,
    pub peak_rss_mib: Option<f64>,
    pub per_decision: Summary,
}

/// CPU time (user + system) of this process's thread with the given name, from /proc.
fn thread_cpu_s(name: &str) -> Option<f64> {
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim() != name {
            continue;
        }
        let stat = std::fs::read_to_string(task.path().join("stat")).ok()?;
        // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
        return Some(ticks / 100.0); // USER_HZ is 100 on Linux
    }
    None
}

pub fn run_classroom_bench(trainees: usize) -> Result<ClassroomReport, String> {
    let (name, text) = BUILTIN_SCENARIOS.first().ok_or("no built-in scenario")?;
    let scenario = parse_scenario(text, name).map_err(|e| e.to_string())?;
    let dir = tempfile_dir()?;
    let (class, _) = ClassHost::open(&dir.join("bench.db"), &scenario, name, Some("BENCH1")).map_err(|e| e.to_string())?;
    let travellers = class.travellers();
    let server = HostServer::start(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), class).map_err(|e| e.to_string())?;
    let url = format!("http://{}", server.addr);
    let start = Instant::now();
    let workers: Vec<_> = (0..trainees)
        .map(|k| {
            let (url, outbox) = (url.clone(), dir.join(format!("t{k}.outbox")));
            std::thread::spawn(move || -> Result<Vec<Duration>, String> {
                let client = ClassClient::new(&url, Duration::from_secs(10));
                let mut me = Trainee::new(client, "BENCH1", &format!("Trainee {k}"), outbox).map_err(|e| e.to_string())?;
                me.join().map_err(|e| e.to_string())?;
                let mut times = Vec::with_capacity(travellers);
                for n in 1..=travellers {
                    let t = Instant::now();
                    let decision = DecisionPost { traveller: n, decision: Decision::ALL[(k + n) % 4], remark: String::new(), seconds: 1.0 };
                    me.decide(decision).map_err(|e| e.to_string())?;
                    times.push(t.elapsed());
                }
                Ok(times)
            })
        })
        .collect();
    let mut times = Vec::new();
    for w in workers {
        times.extend(w.join().map_err(|_| "a trainee thread panicked".to_owned())??);
    }
    let wall_s = start.elapsed().as_secs_f64();
    let host_cpu_s = thread_cpu_s("classroom-host");
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ClassroomReport {
        trainees,
        decisions: times.len(),
        wall_s,
        host_cpu_s,
        peak_rss_mib: peak_rss_mib(),
        per_decision: summarize(&mut times),
    })
}

fn tempfile_dir() -> Result<std::path::PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("bordercheck-classroom-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}
