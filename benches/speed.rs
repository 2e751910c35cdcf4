//! `cargo bench`: the figures in the README, each beside a reference measured in
//! the same run on the same machine.
//!
//! 1. A durable score save through the store, against SQLite (WAL,
//!    synchronous=FULL) writing the same bytes, and a bare write + fdatasync.
//! 2. Ranking 2,000 dossiers × 15 experts × 40 items from the store, against the
//!    same scores in SQLite with a GROUP BY query.
//! 3. Drawing the scoring screen (40 items, Chinese) into a test terminal, and
//!    update + draw per keystroke.
//! 4. Start-up of the real binary: to the first frame, and to `rank` output on
//!    the 200- and 2,000-dossier stores, with peak memory of `rank` and of
//!    `audit verify` over the whole journal.
//! 5. Peak memory of `score show` on the demo store.
//!
//! 6. `dossier import` of a 10,000-applicant workbook: time and peak memory,
//!    beside the same files written and synced by a bare loop (run first).
//!
//! The output ends with a fixed summary block, one figure a line.
//! `BENCH_ONLY=import cargo bench` runs section 6 alone, `BENCH_ONLY=save`
//! section 1 and `BENCH_ONLY=rank` section 2 at 2,000 dossiers (their summary
//! lines only).

use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pingshen::board::Board;
use pingshen::domain::Points;
use pingshen::domain::card::Card;
use pingshen::domain::round::Stage;
use pingshen::store::{CardRef, Store};
use pingshen::synthetic::{self, Size};

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p99(v: &mut [Duration]) -> Duration {
    v.sort();
    v[(v.len() * 99 / 100).min(v.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Writes cards through the store's own path, one durable write per card.
fn fill(store: &mut Store, cards: &[Card]) {
    use pingshen::store::Edit;
    for c in cards {
        let mut edits: Vec<Edit> = c.scores.iter().map(|(i, v)| Edit::Score(i, *v)).collect();
        edits.push(Edit::Submit);
        let r = CardRef {
            round: &c.round,
            expert: &c.expert,
            dossier: &c.dossier,
        };
        store.edit(r, &edits).expect("synthetic cards are valid");
    }
}

// ---------------------------------------------------------------- 1. saves

struct Saves {
    store: Vec<Duration>,
    sqlite: Vec<Duration>,
    bare: Vec<Duration>,
    /// The size of one journal record.
    bytes: usize,
}

fn saves(dir: &Path, n: usize) -> Saves {
    let size = Size {
        dossiers: 20,
        experts: 7,
        items: 40,
        seed: 1,
    };
    let (round, _) = synthetic::loaded(size);
    let mut store = Store::open(&dir.join("store")).expect("a fresh store opens");
    store
        .init_round(&round, "bench")
        .expect("the synthetic round loads");
    let items: Vec<String> = round.sheet.items().map(|i| i.id.clone()).collect();
    let mut timings = Vec::with_capacity(n);
    let mut record = Vec::new();
    for k in 0..n {
        let dossier = &round.dossiers[k % round.dossiers.len()].id;
        let item = &items[k % items.len()];
        // Each (dossier, item) comes round every 40 saves; give it a new value
        // each time, since saving the value a card already holds writes nothing.
        let v = Points::from_hundredths(50 * ((k / 40) as i64 % 5));
        let t = Instant::now();
        let card = store
            .set_score(
                CardRef {
                    round: &round.round.id,
                    expert: "E1",
                    dossier,
                },
                item,
                v,
                None,
            )
            .expect("a valid score saves");
        timings.push(t.elapsed());
        if record.is_empty() {
            record = serde_json::to_vec(&card).unwrap_or_default();
        }
    }
    drop(store);

    // SQLite: the same card bytes and an audit row, one transaction per save.
    let db = rusqlite::Connection::open(dir.join("bench.sqlite")).expect("sqlite opens");
    db.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE cards(key TEXT PRIMARY KEY, value BLOB);
         CREATE TABLE audit(seq INTEGER PRIMARY KEY, entry BLOB);",
    )
    .expect("schema");
    let mut sqlite = Vec::with_capacity(n);
    for k in 0..n {
        let t = Instant::now();
        let tx = db.unchecked_transaction().expect("begin");
        tx.execute(
            "INSERT OR REPLACE INTO cards VALUES (?1, ?2)",
            (format!("card/{}", k % 20), &record),
        )
        .expect("insert");
        tx.execute(
            "INSERT INTO audit VALUES (?1, ?2)",
            (k as i64, &record[..record.len().min(300)]),
        )
        .expect("audit");
        tx.commit().expect("commit");
        sqlite.push(t.elapsed());
    }

    // The floor: the same number of bytes as one journal record, appended
    // into room already written with zeros (as the journal does), and
    // fdatasync'ed.
    let bytes = journal_record_bytes(&dir.join("store"), n);
    let chunk = vec![0x5Au8; bytes];
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(dir.join("bare"))
        .expect("file");
    f.write_all_at(&vec![0u8; bytes * (n + 1)], 0)
        .expect("zeros");
    f.sync_all().expect("fsync");
    let mut bare = Vec::with_capacity(n);
    for k in 0..n {
        let t = Instant::now();
        f.write_all_at(&chunk, (k * bytes) as u64).expect("write");
        f.sync_data().expect("fdatasync");
        bare.push(t.elapsed());
    }
    Saves {
        store: timings,
        sqlite,
        bare,
        bytes,
    }
}

/// The mean size of the last `n` records of a store's journal.
fn journal_record_bytes(store: &Path, n: usize) -> usize {
    let bytes = std::fs::read(store.join("journal").join("00000001.psj")).expect("the journal");
    let mut at = 8;
    let mut sizes = Vec::new();
    while at + 12 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes")) as usize;
        if len == 0 {
            break;
        }
        sizes.push(12 + len);
        at += 12 + len;
    }
    let last = &sizes[sizes.len().saturating_sub(n)..];
    last.iter().sum::<usize>() / last.len().max(1)
}

// ---------------------------------------------------------------- 2. ranking

/// The whole way from the store to the ranking, and its parts: reading the
/// round, reading every card, recusal and decision, and the arithmetic.
fn rank_from_store(store: &Store, round: &str) -> ([Duration; 4], usize) {
    let t = Instant::now();
    let r = store.round(round).expect("the round is there");
    let a = t.elapsed();
    let board = Board::load(store, round).expect("the board loads");
    let b = t.elapsed();
    let ranking = board
        .rank(&r.round, &r.sheet, None, &r.dossiers, Stage::Expert)
        .expect("ranks");
    let c = t.elapsed();
    ([c, a, b - a, c - b], ranking.entries.len())
}

fn sqlite_ranking(path: &Path, cards: &[Card]) -> Duration {
    let db = rusqlite::Connection::open(path).expect("sqlite opens");
    db.execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE s(dossier TEXT, expert TEXT, item TEXT, value INTEGER);")
        .expect("schema");
    {
        let tx = db.unchecked_transaction().expect("begin");
        {
            let mut ins = tx
                .prepare("INSERT INTO s VALUES (?1, ?2, ?3, ?4)")
                .expect("prepare");
            for c in cards {
                for (i, v) in &c.scores {
                    ins.execute((&c.dossier, &c.expert, i, v.hundredths()))
                        .expect("insert");
                }
            }
        }
        tx.commit().expect("commit");
    }
    drop(db);
    let t = Instant::now();
    let db = rusqlite::Connection::open(path).expect("sqlite opens");
    let mut q = db
        .prepare(
            "WITH t AS (SELECT dossier, expert, SUM(value) AS total FROM s GROUP BY dossier, expert)
             SELECT dossier, (SUM(total) - MAX(total) - MIN(total)) * 1.0 / (COUNT(*) - 2) AS score
             FROM t GROUP BY dossier ORDER BY score DESC, dossier",
        )
        .expect("query");
    let rows: Vec<(String, f64)> = q
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("runs")
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(
        rows.len(),
        cards
            .iter()
            .map(|c| &c.dossier)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    t.elapsed()
}

// ---------------------------------------------------------------- 3. frames

fn frames() -> Vec<(String, f64)> {
    use pingshen::tui::action::Action;
    use pingshen::tui::app::{App, RoundData, Scoring, Screen};
    use pingshen::tui::update::update;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let (round, cards) = synthetic::loaded(Size {
        dossiers: 30,
        experts: 7,
        items: 40,
        seed: 3,
    });
    let mut app = App::new(pingshen::lang::Lang::Zh);
    let data = RoundData {
        round: round.round.clone(),
        sheet: round.sheet.clone(),
        eligibility: None,
        dossiers: round.dossiers.clone(),
    };
    update(&mut app, Action::RoundOpened(Box::new(data)));
    app.scorer = Some("E1".into());
    let own: Vec<Card> = cards
        .into_iter()
        .filter(|c| c.expert == "E1")
        .take(1)
        .collect();
    let dossier = own[0].dossier.clone();
    let mut draft = own[0].clone();
    draft.status = pingshen::domain::card::Status::Draft;
    let keep: pingshen::domain::scores::Scores = draft
        .scores
        .iter()
        .take(25)
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
    draft.scores = keep;
    update(
        &mut app,
        Action::DeskLoaded {
            cards: vec![draft],
            recused: vec![],
        },
    );
    app.screen = Screen::Scoring(Scoring::new(&dossier));

    let mut out = Vec::new();
    for (w, h) in [(120u16, 40u16), (200, 60)] {
        update(&mut app, Action::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        let mut t = Vec::new();
        for _ in 0..400 {
            let s = Instant::now();
            term.draw(|f| pingshen::tui::view::draw(f, &app))
                .expect("draws");
            t.push(s.elapsed());
        }
        out.push((format!("frame {w}×{h}"), us(median(&mut t))));
        let mut k = Vec::new();
        for i in 0..400 {
            let s = Instant::now();
            update(&mut app, if i % 2 == 0 { Action::Down } else { Action::Up });
            term.draw(|f| pingshen::tui::view::draw(f, &app))
                .expect("draws");
            k.push(s.elapsed());
        }
        out.push((
            format!("keystroke (update + draw) {w}×{h}"),
            us(median(&mut k)),
        ));
    }
    out
}

// ---------------------------------------------------------------- 4. start-up

/// Runs a command to its end and returns how long it took and its own peak
/// memory (resident set, MB). The command is started by a fresh, small copy
/// of this bench (`--run-measured`): the kernel counts, in a process's peak,
/// the memory of the process it was forked from until it starts the program,
/// so forking from the bench (which holds a whole store's cards) would count
/// the bench.
fn run_measured(cmd: Command) -> (Duration, f64) {
    let mut runner = Command::new(std::env::current_exe().expect("the bench's own path"));
    runner
        .arg(RUN_MEASURED)
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            runner.env(k, v);
        }
    }
    let out = runner.stderr(Stdio::null()).output().expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    let mut parts = said.split_whitespace();
    let (Some(us), Some(kb)) = (parts.next(), parts.next()) else {
        panic!("{cmd:?} failed: {said}");
    };
    let us: u64 = us.parse().expect("microseconds");
    let kb: f64 = kb.parse().expect("kilobytes");
    (Duration::from_micros(us), kb / 1024.0)
}

const RUN_MEASURED: &str = "--run-measured";

/// The small runner: starts the program, waits for it, prints its time in
/// microseconds and its own peak memory in kilobytes.
#[allow(clippy::zombie_processes)] // reaped by wait4 below, which also gives its memory
fn measured_child(args: &[String]) -> ! {
    let t = Instant::now();
    let child = Command::new(&args[0])
        .args(&args[1..])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs");
    let mut status = 0;
    // SAFETY: wait4 reaps our own child and fills the structs it is given.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut ru) };
    let d = t.elapsed();
    let ok = pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !ok {
        std::process::exit(1);
    }
    println!("{} {}", d.as_micros(), ru.ru_maxrss);
    std::process::exit(0)
}

/// One round's size: the ranking from the store against SQLite, and the
/// binary's start-up and memory on that store.
struct AtSize {
    dossiers: usize,
    rank_ms: f64,
    sqlite_ms: f64,
    arithmetic_ms: f64,
    first_frame_ms: f64,
    rank_cli_ms: f64,
    rank_rss: f64,
    verify_rss: f64,
}

fn at_size(dossiers: usize, bin: &str, shm: &Path, runs: usize) -> AtSize {
    let size = Size {
        dossiers,
        experts: 15,
        items: 40,
        seed: 7,
    };
    let (round, cards) = synthetic::loaded(size);
    let store_dir = shm.join(format!("rank-store-{dossiers}"));
    let t = Instant::now();
    let mut store = Store::open(&store_dir).expect("opens");
    store.init_round(&round, "bench").expect("loads");
    fill(&mut store, &cards);
    let fill_time = t.elapsed();
    let mut rt = Vec::new();
    let mut parts: [Vec<Duration>; 3] = Default::default();
    let mut entries = 0;
    for _ in 0..runs {
        let ([all, round_t, board_t, rank_t], e) = rank_from_store(&store, &round.round.id);
        rt.push(all);
        for (v, d) in parts.iter_mut().zip([round_t, board_t, rank_t]) {
            v.push(d);
        }
        entries = e;
    }
    drop(store);
    let sqlite_path = shm.join(format!("rank-{dossiers}.sqlite"));
    let mut sqt: Vec<Duration> = (0..runs)
        .map(|k| {
            let p = sqlite_path.with_extension(format!("{k}.sqlite"));
            sqlite_ranking(&p, &cards)
        })
        .collect();
    let (r, q) = (median(&mut rt), median(&mut sqt));
    println!(
        "\n2. ranking {} dossiers × {} experts × {} items ({} cards, written in {:.1} s)",
        size.dossiers,
        size.experts,
        size.items,
        cards.len(),
        fill_time.as_secs_f64()
    );
    println!(
        "   store → full ranking ({entries} entries)   median {:8.1} ms",
        ms(r)
    );
    let [mut pr, mut pb, mut pk] = parts;
    let arithmetic = ms(median(&mut pk));
    println!(
        "     of which: round {:.1} ms, cards {:.1} ms, arithmetic {:.1} ms",
        ms(median(&mut pr)),
        ms(median(&mut pb)),
        arithmetic
    );
    println!(
        "   SQLite GROUP BY (trimmed mean)          median {:8.1} ms",
        ms(q)
    );
    println!("   store / SQLite {:.2}×", ms(r) / ms(q));

    println!("\n4. the binary on that store (median of {runs})");
    let mut first = Vec::new();
    for _ in 0..runs {
        // `script` gives the UI a terminal; the time includes starting `script` itself.
        let mut c = Command::new("script");
        let ui = format!(
            "'{bin}' --store '{}' tui --round {} --expert E1",
            store_dir.display(),
            round.round.id
        );
        c.args(["-qec", &ui, "/dev/null"]);
        c.env("PINGSHEN_EXIT_AFTER_FIRST_FRAME", "1")
            .env("TERM", "xterm");
        first.push(run_measured(c).0);
    }
    let first_frame = ms(median(&mut first));
    println!("   to the first frame                    {first_frame:8.1} ms");
    let store_arg = store_dir.display().to_string();
    let mut rk = Vec::new();
    let mut rank_rss: f64 = 0.0;
    for _ in 0..runs {
        let mut c = Command::new(bin);
        c.args([
            "--store",
            &store_arg,
            "rank",
            "--round",
            &round.round.id,
            "--format",
            "json",
        ]);
        let (d, mb) = run_measured(c);
        rk.push(d);
        rank_rss = rank_rss.max(mb);
    }
    let rank_cli = ms(median(&mut rk));
    println!("   to `rank --format json` output       {rank_cli:8.1} ms");
    println!("   peak RSS of `rank`                   {rank_rss:8.1} MB");
    let mut c = Command::new(bin);
    c.args(["--store", &store_arg, "audit", "verify"]);
    let (vd, verify_rss) = run_measured(c);
    println!(
        "   `audit verify` (whole journal)       {:8.1} ms, peak RSS {verify_rss:.1} MB",
        ms(vd)
    );
    AtSize {
        dossiers,
        rank_ms: ms(r),
        sqlite_ms: ms(q),
        arithmetic_ms: arithmetic,
        first_frame_ms: first_frame,
        rank_cli_ms: rank_cli,
        rank_rss,
        verify_rss,
    }
}

/// Peak memory of `score show` on the shipped demo store.
fn demo_rss(bin: &str, dir: &Path) -> f64 {
    let store = dir.join("demo-store");
    let mut c = Command::new(bin);
    c.args(["--store", &store.display().to_string(), "demo", "--no-tui"]);
    run_measured(c);
    let mut c = Command::new(bin);
    c.args([
        "--store",
        &store.display().to_string(),
        "score",
        "show",
        "--round",
        "huangpu-2024",
    ]);
    run_measured(c).1
}

/// A 10,000-applicant workbook imported into a new folder: time and peak memory.
/// What section 6 measured.
struct Import {
    ms: f64,
    rss: f64,
    /// The same files written and put on the disk by a bare loop: the file
    /// system's own share.
    floor_ms: f64,
    files: usize,
}

/// `dossier import` of a 10,000-applicant workbook into a folder of its own,
/// then the same files written by a bare loop and synced with one `syncfs`,
/// as the import syncs them.
fn import(bin: &str, dir: &Path) -> Import {
    let dir = tempfile::tempdir_in(dir).expect("tempdir");
    let dir = dir.path();
    let file = dir.join("big.xlsx");
    std::fs::write(
        &file,
        pingshen::synthetic::big_workbook(10_000).expect("a workbook"),
    )
    .expect("written");
    let out = dir.join("imported");
    let mut c = Command::new(bin);
    c.args(["dossier", "import", &file.display().to_string(), "--out"])
        .arg(&out);
    let (took, rss) = run_measured(c);
    let written: Vec<(std::ffi::OsString, Vec<u8>)> = std::fs::read_dir(&out)
        .expect("the import's folder")
        .map(|e| {
            let e = e.expect("an entry");
            (e.file_name(), std::fs::read(e.path()).expect("a file"))
        })
        .collect();
    let floor = dir.join("floor");
    let t = Instant::now();
    std::fs::create_dir(&floor).expect("a folder");
    for (name, bytes) in &written {
        std::fs::write(floor.join(name), bytes).expect("written");
    }
    let folder = std::fs::File::open(&floor).expect("the folder");
    // SAFETY: syncfs reads nothing but the descriptor, which `folder` keeps open.
    assert_eq!(
        unsafe { libc::syncfs(std::os::fd::AsRawFd::as_raw_fd(&folder)) },
        0,
        "syncfs"
    );
    Import {
        ms: took.as_secs_f64() * 1000.0,
        rss,
        floor_ms: t.elapsed().as_secs_f64() * 1000.0,
        files: written.len(),
    }
}

fn print_import(i: &Import) {
    println!(
        "\n6. `dossier import` of a 10,000-applicant workbook (on disk, first)   {:8.1} ms   peak RSS {:6.1} MB",
        i.ms, i.rss
    );
    println!(
        "   the same {} files written and synced by a bare loop   {:8.1} ms",
        i.files, i.floor_ms
    );
}

fn print_import_summary(i: &Import) {
    println!("import ms {:.1}", i.ms);
    println!("import floor ms {:.1}", i.floor_ms);
    println!("rss import MB {:.1}", i.rss);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(RUN_MEASURED) {
        measured_child(&args[2..]);
    }
    let quick = std::env::args().any(|a| a == "--quick");
    let bin = env!("CARGO_BIN_EXE_pingshen");
    let disk = tempfile::tempdir_in(std::env::var("BENCH_DIR").unwrap_or_else(|_| "target".into()))
        .expect("tempdir");
    let shm = if Path::new("/dev/shm").is_dir() {
        tempfile::tempdir_in("/dev/shm")
    } else {
        tempfile::tempdir()
    }
    .expect("tempdir");
    println!(
        "pingshen speed — {} cores, {}",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        uname()
    );
    // 6 runs first, before the bench itself has removed any files: on some
    // file systems creating a file costs more for a while after many were
    // removed nearby, which is the bench's doing, not the import's.
    let only = std::env::var("BENCH_ONLY").ok();
    if only.as_deref() == Some("rank") {
        let large = at_size(2000, bin, shm.path(), 3);
        println!("\nsummary");
        println!("ratio rank/sqlite {:.2}", large.rank_ms / large.sqlite_ms);
        println!("rank ms {:.1}", large.rank_ms);
        println!("arithmetic ms {:.1}", large.arithmetic_ms);
        println!("rss rank MB {:.1}", large.rank_rss);
        println!("first frame ms {:.1}", large.first_frame_ms);
        let _ = std::io::stdout().flush();
        return;
    }
    let imported = (only.as_deref() != Some("save")).then(|| import(bin, disk.path()));
    if let (Some("import"), Some(imported)) = (only.as_deref(), &imported) {
        print_import(imported);
        println!("\nsummary");
        print_import_summary(imported);
        let _ = std::io::stdout().flush();
        return;
    }

    // 1
    let n = if quick { 100 } else { 400 };
    let mut s = saves(disk.path(), n);
    let (st, sq, ba) = (
        median(&mut s.store),
        median(&mut s.sqlite),
        median(&mut s.bare),
    );
    if only.as_deref() == Some("save") {
        println!("\nsummary");
        println!("ratio save/fdatasync {:.2}", ms(st) / ms(ba));
        println!("ratio save/sqlite {:.2}", ms(st) / ms(sq));
        println!("save ms {:.3}", ms(st));
        let _ = std::io::stdout().flush();
        return;
    }
    let (st99, sq99, ba99) = (p99(&mut s.store), p99(&mut s.sqlite), p99(&mut s.bare));
    println!("\n1. durable score save ({n} saves each, on disk)");
    println!(
        "   store (journal record + fdatasync)  median {:7.3} ms   p99 {:7.3} ms",
        ms(st),
        ms(st99)
    );
    println!(
        "   SQLite WAL synchronous=FULL      median {:7.3} ms   p99 {:7.3} ms",
        ms(sq),
        ms(sq99)
    );
    println!(
        "   bare write + fdatasync ({} B)   median {:7.3} ms   p99 {:7.3} ms",
        s.bytes,
        ms(ba),
        ms(ba99)
    );
    println!(
        "   store / bare {:.2}×   store / SQLite {:.2}×",
        ms(st) / ms(ba),
        ms(st) / ms(sq)
    );

    // 2 and 4, at two sizes: what grows is the round, not its history.
    let runs = if quick { 3 } else { 5 };
    let small = at_size(200, bin, shm.path(), runs);
    let large = at_size(2000, bin, shm.path(), runs);

    // 3
    println!("\n3. terminal UI (scoring screen, 40 items, Chinese), median");
    for (what, v) in frames() {
        println!("   {what:<36} {v:8.1} µs");
    }
    let demo = demo_rss(bin, disk.path());
    println!("\n5. peak RSS of `score show` on the demo store   {demo:8.1} MB");
    if let Some(i) = &imported {
        print_import(i);
    }

    println!(
        "\n{:>10} {:>12} {:>12} {:>10} {:>12} {:>12} {:>10} {:>10}",
        "dossiers",
        "rank ms",
        "sqlite ms",
        "arith ms",
        "frame ms",
        "rank cli ms",
        "rank MB",
        "verify MB"
    );
    for a in [&small, &large] {
        println!(
            "{:>10} {:>12.1} {:>12.1} {:>10.1} {:>12.1} {:>12.1} {:>10.1} {:>10.1}",
            a.dossiers,
            a.rank_ms,
            a.sqlite_ms,
            a.arithmetic_ms,
            a.first_frame_ms,
            a.rank_cli_ms,
            a.rank_rss,
            a.verify_rss
        );
    }
    // The fixed summary: one figure a line, words unchanged from run to run.
    println!("\nsummary");
    println!("ratio save/fdatasync {:.2}", ms(st) / ms(ba));
    println!("ratio save/sqlite {:.2}", ms(st) / ms(sq));
    println!("ratio rank/sqlite {:.2}", large.rank_ms / large.sqlite_ms);
    println!("rank ms {:.1}", large.rank_ms);
    println!("arithmetic ms {:.1}", large.arithmetic_ms);
    println!("rss rank MB {:.1}", large.rank_rss);
    println!("rss verify MB {:.1}", large.verify_rss);
    println!("rss demo show MB {demo:.1}");
    println!("first frame ms {:.1}", large.first_frame_ms);
    if let Some(i) = &imported {
        print_import_summary(i);
    }
    let _ = std::io::stdout().flush();
}

/// The processor's name, to say what machine the figures are from.
fn uname() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_default()
}
