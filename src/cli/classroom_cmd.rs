//! `bordercheck classroom …`: host a class, play a scripted trainee, read the console, steer.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use super::Reported;
use crate::classroom::client::{ClassClient, ClientError, Trainee};
use crate::classroom::host::ClassHost;
use crate::classroom::server::HostServer;
use crate::classroom::{Console, DecisionPost, IncidentPost};
use crate::training::builtin::BUILTIN_SCENARIOS;
use crate::training::scenario::{IncidentKind, Scenario, load_scenario_file, parse_scenario};

#[derive(Debug, Args)]
pub struct ClassroomArgs {
    #[command(subcommand)]
    pub what: ClassroomWhat,
}

#[derive(Debug, Subcommand)]
pub enum ClassroomWhat {
    /// Host a class: prints the join code and the instructor token, then serves until stopped.
    Host {
        /// A scenario file, or the name of a built-in one (`airport-returning-fighters.ron`).
        #[arg(long)]
        scenario: String,
        /// Address to listen on; 127.0.0.1 keeps the class on this laptop. Give the laptop's
        /// LAN address (or 0.0.0.0) for trainees on other machines.
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: SocketAddr,
        /// The join code (default: a new random one).
        #[arg(long)]
        code: Option<String>,
        /// The class file (SQLite): run again with the same file to resume the class.
        #[arg(long, default_value = "classroom.db")]
        db: PathBuf,
    },
    /// A scripted trainee: joins and sends the decisions in a JSONL file
    /// (`{"traveller":1,"decision":"Admit","seconds":12}` per line).
    Trainee {
        #[arg(long)]
        server: String,
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        decisions: PathBuf,
        /// Where unsent decisions wait (default: DECISIONS.outbox).
        #[arg(long)]
        outbox: Option<PathBuf>,
        /// Give up when the host has been unreachable this long (seconds).
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
    /// The instructor console's table.
    Status {
        #[arg(long)]
        server: String,
        #[arg(long)]
        instructor_token: String,
        #[arg(long)]
        json: bool,
    },
    /// Steer the class: pause, resume, end, an incident for all or one, or the debrief.
    Control {
        #[arg(long)]
        server: String,
        #[arg(long)]
        instructor_token: String,
        #[command(subcommand)]
        action: ControlAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum ControlAction {
    Pause,
    Resume,
    End,
    /// INTERPOL link down for everyone (or `--to NAME`); `--clear` lifts incidents.
    LinkDown {
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        clear: bool,
    },
    /// Write the class debrief (`.html` or `.csv` by the file's extension).
    Debrief {
        out: PathBuf,
    },
}

fn fail(e: impl std::fmt::Display) -> Reported {
    eprintln!("error: {e}");
    Reported
}

pub fn load_class_scenario(arg: &str) -> Result<Scenario, Reported> {
    if let Some((name, text)) = BUILTIN_SCENARIOS.iter().find(|(n, _)| *n == arg || n.trim_end_matches(".ron") == arg) {
        return parse_scenario(text, name).map_err(fail);
    }
    load_scenario_file(std::path::Path::new(arg)).map_err(|e| {
        for p in &e.problems {
            eprintln!("{p}");
        }
        Reported
    })
}

pub fn run(args: &ClassroomArgs) -> Result<(), Reported> {
    match &args.what {
        ClassroomWhat::Host { scenario, bind, code, db } => host(scenario, *bind, code.as_deref(), db),
        ClassroomWhat::Trainee { server, code, name, decisions, outbox, timeout } => {
            let outbox = outbox.clone().unwrap_or_else(|| decisions.with_extension("outbox"));
            trainee(server, code, name, decisions, outbox, Duration::from_secs(*timeout))
        }
        ClassroomWhat::Status { server, instructor_token, json } => {
            let console = ClassClient::new(server, Duration::from_secs(10)).console(instructor_token).map_err(fail)?;
            if *json {
                println!("{}", serde_json::to_string_pretty(&console).map_err(fail)?);
            } else {
                print_console(&console);
            }
            Ok(())
        }
        ClassroomWhat::Control { server, instructor_token, action } => control(server, instructor_token, action),
    }
}

fn host(scenario_arg: &str, bind: SocketAddr, code: Option<&str>, db: &std::path::Path) -> Result<(), Reported> {
    let scenario = load_class_scenario(scenario_arg)?;
    let (class, resumed) = ClassHost::open(db, &scenario, scenario_arg, code).map_err(fail)?;
    let (code, token, travellers) = (class.code().to_owned(), class.instructor_token().to_owned(), class.travellers());
    let server = HostServer::start(bind, class).map_err(|e| fail(format!("{bind}: {e}")))?;
    println!("classroom: {} ({travellers} travellers){}", scenario.title, if resumed { ", resumed" } else { "" });
    println!("join code: {code}");
    println!("instructor token: {token}");
    println!("listening on http://{}", server.addr);
    if !server.addr.ip().is_loopback() {
        println!("trainees on this network join with: bordercheck --join http://{} --code {code} --name NAME", server.addr);
    }
    // Serves until the process is stopped (Ctrl+C): the class is on disk after every request.
    loop {
        std::thread::park();
    }
}

fn trainee(server: &str, code: &str, name: &str, decisions: &std::path::Path, outbox: PathBuf, timeout: Duration) -> Result<(), Reported> {
    let text =
        crate::dataset::safe_read::read_text(decisions, 16 * 1024 * 1024).map_err(|e| fail(format!("{}: {e}", decisions.display())))?;
    let mut script = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let d: DecisionPost = serde_json::from_str(line).map_err(|e| fail(format!("{}:{}: {e}", decisions.display(), i + 1)))?;
        script.push(d);
    }
    let mut me = Trainee::new(ClassClient::new(server, Duration::from_secs(5)), code, name, outbox).map_err(fail)?;
    let joined = retry(timeout, || me.join()).map_err(fail)?;
    println!("{name} joined {} ({} travellers), next {}", joined.title, joined.travellers.len(), joined.next);
    for d in script.into_iter().filter(|d| d.traveller >= joined.next) {
        me.decide(d).map_err(fail)?;
    }
    retry(timeout, || me.flush().and_then(|n| if me.pending() == 0 { Ok(n) } else { Err(ClientError::Unreachable("pending".into())) }))
        .map_err(fail)?;
    println!("{name}: every decision acknowledged");
    Ok(())
}

/// Retries `f` while the host is unreachable, for at most `timeout`; a refusal ends it.
fn retry<T>(timeout: Duration, mut f: impl FnMut() -> Result<T, ClientError>) -> Result<T, ClientError> {
    let start = Instant::now();
    let mut wait = Duration::from_millis(50);
    loop {
        match f() {
            Err(ClientError::Unreachable(e)) if start.elapsed() < timeout => {
                let _ = e;
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(1));
            }
            other => return other,
        }
    }
}

fn control(server: &str, token: &str, action: &ControlAction) -> Result<(), Reported> {
    let client = ClassClient::new(server, Duration::from_secs(10));
    let empty = serde_json::json!({});
    match action {
        ControlAction::Pause => client.post_json("/api/pause", token, &empty).map(drop),
        ControlAction::Resume => client.post_json("/api/resume", token, &empty).map(drop),
        ControlAction::End => client.post_json("/api/end", token, &empty).map(drop),
        ControlAction::LinkDown { to, clear } => {
            let kind = (!clear).then_some(IncidentKind::Offline(crate::engine::SourceId::Interpol));
            client.post_json("/api/incident", token, &IncidentPost { to: to.clone(), kind }).map(drop)
        }
        ControlAction::Debrief { out } => {
            let path =
                if out.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) { "/api/debrief.csv" } else { "/api/debrief.html" };
            let text = client.get_text(path, token).map_err(fail)?;
            return std::fs::write(out, text).map_err(|e| fail(format!("{}: {e}", out.display())));
        }
    }
    .map_err(fail)
}

fn print_console(c: &Console) {
    println!(
        "{} — {} travellers{}{}",
        c.title,
        c.travellers,
        if c.paused { " — PAUSED" } else { "" },
        if c.ended { " — ENDED" } else { "" }
    );
    if !c.incidents.is_empty() {
        println!("incidents: {}", c.incidents.join(", "));
    }
    println!(
        "{:<24} {:<9} {:>7} {:>7} {:>7} {:>6} {:>12} {:>8}",
        "officer", "link", "current", "decided", "correct", "missed", "false alarms", "s/trav."
    );
    for r in &c.rows {
        println!(
            "{:<24} {:<9} {:>7} {:>7} {:>7} {:>6} {:>12} {:>8.1}",
            r.name,
            if r.connected { "online" } else { "offline" },
            r.current,
            r.decided,
            r.correct,
            r.missed,
            r.false_alarms,
            r.mean_seconds
        );
    }
}
