//! A classroom on the loopback address only (127.0.0.1): thirty scripted trainees through a whole
//! exercise while some lose their connection and the host is killed and restarted; what trainees
//! can and cannot see; codes and tokens. Every test bounds its own time and stops its servers.
#![cfg(feature = "classroom")]
// The helpers below run only inside tests: a failed setup step should fail the test loudly.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bordercheck::audit::Decision;
use bordercheck::classroom::client::{ClassClient, ClientError, Trainee};
use bordercheck::classroom::host::ClassHost;
use bordercheck::classroom::server::HostServer;
use bordercheck::classroom::store::ClassStore;
use bordercheck::classroom::{DecisionPost, JOIN_CODE_HEADER};
use bordercheck::training::builtin::BUILTIN_SCENARIOS;
use bordercheck::training::scenario::parse_scenario;

const SCENARIO: &str = "airport-returning-fighters.ron";
const CODE: &str = "K7Q2XM";

fn loopback(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

/// The host as its own process, so the test can kill it the hard way.
struct HostProcess {
    child: Child,
    token: String,
}

impl HostProcess {
    fn start(db: &Path, port: u16) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bordercheck"))
            .args(["classroom", "host", "--scenario", SCENARIO, "--code", CODE, "--db", db.to_str().unwrap()])
            .args(["--bind", &loopback(port).to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .expect("host starts");
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut token = String::new();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let line = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("the host prints its address in time");
            if let Some(t) = line.strip_prefix("instructor token: ") {
                t.clone_into(&mut token);
            }
            if line.starts_with("listening on") {
                break;
            }
        }
        Self { child, token }
    }
}

impl Drop for HostProcess {
    fn drop(&mut self) {
        let _ = self.child.kill(); // SIGKILL: no clean shutdown
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind(loopback(0)).unwrap().local_addr().unwrap().port()
}

/// What trainee `k` decides for traveller `n`: deterministic, and varied so scores differ.
fn choice(k: usize, n: usize) -> Decision {
    Decision::ALL[(k + n) % 4]
}

#[test]
fn thirty_trainees_each_decision_arrives_exactly_once_through_drops_and_a_host_kill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("class.db");
    let port = free_port();
    let url = format!("http://{}", loopback(port));
    let mut host = HostProcess::start(&db, port);
    let first_token = host.token.clone();
    let travellers = ClassClient::new(&url, Duration::from_secs(5)).join(CODE, "probe").unwrap().travellers.len();
    assert!(travellers >= 5, "{travellers}");

    let deadline = Instant::now() + Duration::from_secs(120);
    let workers: Vec<_> = (0..30)
        .map(|k| {
            let (url, outbox) = (url.clone(), dir.path().join(format!("t{k}.outbox")));
            std::thread::spawn(move || {
                let name = format!("Officer {k:02}");
                let make = || Trainee::new(ClassClient::new(&url, Duration::from_secs(2)), CODE, &name, outbox.clone()).unwrap();
                let mut me = make();
                while let Err(ClientError::Unreachable(_)) = me.join() {
                    assert!(Instant::now() < deadline, "{name} never joined");
                    std::thread::sleep(Duration::from_millis(100));
                }
                for n in 1..=travellers {
                    if k % 6 == 0 && n == travellers / 2 {
                        // This trainee's laptop drops off the network and its terminal restarts:
                        // it rejoins with the same name and its outbox.
                        drop(me);
                        me = make();
                        while me.join().is_err() {
                            assert!(Instant::now() < deadline, "{name} never rejoined");
                            std::thread::sleep(Duration::from_millis(100));
                        }
                    }
                    me.decide(DecisionPost { traveller: n, decision: choice(k, n), remark: String::new(), seconds: 5.0 }).unwrap();
                    std::thread::sleep(Duration::from_millis(20));
                }
                while me.pending() > 0 {
                    assert!(Instant::now() < deadline, "{name}: {} decisions never acknowledged", me.pending());
                    std::thread::sleep(Duration::from_millis(100));
                    let _ = me.flush();
                }
                // A resend of everything (a reply lost on the way back) records nothing new.
                let again: Vec<DecisionPost> = (1..=travellers)
                    .map(|n| DecisionPost { traveller: n, decision: choice(k, n), remark: String::new(), seconds: 5.0 })
                    .collect();
                let token = me.client.join(CODE, &name).unwrap().token;
                let ack = me.client.send_decisions(&token, &again).unwrap();
                assert_eq!((ack.accepted, ack.duplicates), (0, travellers), "{name}");
            })
        })
        .collect();

    // Kill the host once a third of the class's decisions are in, then start it again on the
    // same class file and port.
    let console = ClassClient::new(&url, Duration::from_secs(2));
    loop {
        assert!(Instant::now() < deadline, "decisions never reached a third");
        if console.console(&host.token).is_ok_and(|c| c.rows.iter().map(|r| r.decided).sum::<usize>() >= 30 * travellers / 3) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(host);
    std::thread::sleep(Duration::from_millis(300));
    host = HostProcess::start(&db, port);
    assert_eq!(host.token, first_token, "the restarted host resumes the same class");

    for w in workers {
        w.join().expect("trainee thread");
    }
    let table = console.console(&host.token).unwrap();
    let officers: Vec<_> = table.rows.iter().filter(|r| r.name.starts_with("Officer")).collect();
    assert_eq!(officers.len(), 30);
    assert!(officers.iter().all(|r| r.decided == travellers), "{officers:?}");
    drop(host);

    let stored = ClassStore::open(&db).unwrap().decisions().unwrap();
    assert_eq!(stored.len(), 30 * travellers, "every decision exactly once");
    for d in &stored {
        let k: usize = d.trainee.trim_start_matches("Officer ").parse().unwrap();
        assert_eq!(d.decision, choice(k, d.traveller), "{} traveller {}", d.trainee, d.traveller);
    }
}

fn in_process_host(dir: &Path) -> (HostServer, String, Vec<String>) {
    let (name, text) = BUILTIN_SCENARIOS.iter().find(|(n, _)| *n == SCENARIO).unwrap();
    let scenario = parse_scenario(text, name).unwrap();
    let notes = scenario.travellers.iter().map(|t| t.teaching_note.clone()).filter(|n| n.len() > 12).collect();
    let (class, _) = ClassHost::open(&dir.join("c.db"), &scenario, SCENARIO, Some(CODE)).unwrap();
    let token = class.instructor_token().to_owned();
    (HostServer::start(loopback(0), class).unwrap(), token, notes)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(5))).http_status_as_error(false).build().into()
}

fn text(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, String) {
    let mut r = r.unwrap();
    (r.status().as_u16(), r.body_mut().read_to_string().unwrap())
}

#[test]
fn no_trainee_response_carries_an_expected_decision_or_a_teaching_note() {
    let dir = tempfile::tempdir().unwrap();
    let (server, instructor, notes) = in_process_host(dir.path());
    assert!(!notes.is_empty());
    let url = format!("http://{}", server.addr);
    let a = agent();
    let (status, joined) =
        text(a.post(format!("{url}/api/join")).header(JOIN_CODE_HEADER, CODE).send_json(serde_json::json!({"name": "Ana"})));
    assert_eq!(status, 200, "{joined}");
    let token = serde_json::from_str::<serde_json::Value>(&joined).unwrap()["token"].as_str().unwrap().to_owned();
    let bearer = format!("Bearer {token}");
    let decided = text(a.post(format!("{url}/api/decisions")).header("authorization", &bearer).send_json(serde_json::json!([
        {"traveller": 1, "decision": "Admit"}
    ])));
    let me = text(a.get(format!("{url}/api/me")).header("authorization", &bearer).call());
    let console = text(a.get(format!("{url}/api/console")).header("authorization", &bearer).call());
    assert_eq!(console.0, 401, "a trainee token does not open the console");
    for body in [&joined, &decided.1, &me.1] {
        for word in ["expected", "teaching", "also_accept"] {
            assert!(!body.contains(word), "{word} in {body}");
        }
        for note in &notes {
            assert!(!body.contains(note.as_str()), "a teaching note reached a trainee: {note}");
        }
    }
    // The instructor's debrief does carry them.
    let (status, debrief) = text(a.get(format!("{url}/api/debrief")).header("authorization", format!("Bearer {instructor}")).call());
    assert_eq!(status, 200);
    assert!(notes.iter().any(|n| debrief.contains(n.as_str())));
    server.stop();
}

#[test]
fn wrong_codes_are_rate_limited_and_secrets_never_ride_in_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let (server, instructor, _) = in_process_host(dir.path());
    let url = format!("http://{}", server.addr);
    let a = agent();
    let join =
        |code: &str| text(a.post(format!("{url}/api/join")).header(JOIN_CODE_HEADER, code).send_json(serde_json::json!({"name": "Bo"}))).0;
    for _ in 0..5 {
        assert_eq!(join("WRONG1"), 401);
    }
    assert_eq!(join("WRONG1"), 429, "the sixth wrong code waits");
    assert_eq!(join(CODE), 429, "the right code waits too: guessing must not pay");
    let (status, _) = text(a.get(format!("{url}/api/console?token={instructor}")).call());
    assert_eq!(status, 400, "a token in the query string is refused, not used");
    let (status, _) = text(a.get(format!("{url}/api/console")).call());
    assert_eq!(status, 401);
    let (status, _) = text(a.get(format!("{url}/api/console")).header("authorization", format!("Bearer {instructor}")).call());
    assert_eq!(status, 200);
    server.stop();
}

#[test]
fn a_scenario_on_a_dataset_file_serves_that_file_to_joined_trainees_only() {
    let dir = tempfile::tempdir().unwrap();
    // A scenario that names its own dataset file next to it.
    std::fs::write(dir.path().join("class-data.ron"), bordercheck::demo::DEMO_DATASET).unwrap();
    let (_, text) = BUILTIN_SCENARIOS.iter().find(|(n, _)| *n == SCENARIO).unwrap();
    let scenario_file = dir.path().join("class.ron");
    std::fs::write(&scenario_file, text.replacen("dataset: Builtin", "dataset: Path(\"class-data.ron\")", 1)).unwrap();
    let scenario = bordercheck::training::load_scenario_file(&scenario_file).unwrap();
    let (class, _) = ClassHost::open(&dir.path().join("c.db"), &scenario, "class.ron", Some(CODE)).unwrap();
    let server = HostServer::start(loopback(0), class).unwrap();
    let url = format!("http://{}", server.addr);
    let client = ClassClient::new(&url, Duration::from_secs(5));
    assert!(matches!(client.dataset("not-a-token"), Err(ClientError::Refused { status: 401, .. })), "only joined trainees");
    let joined = client.join(CODE, "Officer Data").unwrap();
    assert_eq!(joined.dataset, "class-data.ron");
    let served = client.dataset(&joined.token).unwrap();
    assert_eq!(served, bordercheck::demo::DEMO_DATASET, "the file as the host has it");
    let loaded = bordercheck::dataset::parse_dataset(&served, "class-data.ron", None).unwrap();
    assert!(loaded.dataset.record_count() > 1000);
    server.stop();
}

#[test]
fn a_scenario_naming_a_dataset_outside_its_folder_is_refused_before_anything_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = BUILTIN_SCENARIOS.iter().find(|(n, _)| *n == SCENARIO).unwrap();
    let scenario_file = dir.path().join("class.ron");
    std::fs::write(&scenario_file, text.replacen("dataset: Builtin", "dataset: Path(\"../../etc/passwd\")", 1)).unwrap();
    let scenario = bordercheck::training::load_scenario_file(&scenario_file).unwrap();
    let refused = ClassHost::open(&dir.path().join("c.db"), &scenario, "class.ron", Some(CODE));
    assert!(matches!(&refused, Err(e) if e.to_string().contains("class.ron: dataset")), "{:?}", refused.err());
}

#[test]
fn a_joined_terminal_hears_of_an_incident_at_once_over_the_change_feed() {
    use bordercheck::classroom::client::ClassClient;
    let dir = tempfile::tempdir().unwrap();
    let (server, instructor, _) = in_process_host(dir.path());
    let url = format!("http://{}", server.addr);
    let client = ClassClient::new(&url, std::time::Duration::from_secs(3));
    let token = client.join(CODE, "Ana").unwrap().token;
    let wait = std::time::Duration::from_secs(5);
    // A wrong token gets no feed: the receiver is disconnected, never fed.
    let refused = client.subscribe("not-a-token");
    assert!(refused.changes.recv_timeout(wait).is_err(), "no feed for a stranger");

    let feed = client.subscribe(&token);
    assert_eq!(feed.changes.recv_timeout(wait), Ok(0), "the feed opens with a first message");
    let before = std::time::Instant::now();
    let outage = bordercheck::training::scenario::IncidentKind::Offline(bordercheck::engine::SourceId::Interpol);
    client.post_json("/api/incident", &instructor, &bordercheck::classroom::IncidentPost { to: None, kind: Some(outage) }).unwrap();
    let n = feed.changes.recv_timeout(wait).expect("the incident is pushed");
    assert!(n > 0);
    // Pushed, not polled: well under the terminal's five-second fallback poll.
    assert!(before.elapsed() < std::time::Duration::from_secs(2), "{:?}", before.elapsed());
    assert!(client.me(&token).unwrap().incidents.contains(&outage), "the state read after the push shows it");

    // The host stops: the feed ends and the terminal falls back to polling.
    server.stop();
    assert!(
        matches!(feed.changes.recv_timeout(wait), Err(crossbeam_channel::RecvTimeoutError::Disconnected)),
        "the feed ends with the host"
    );
}
