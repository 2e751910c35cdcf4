//! The printed minutes in a real browser: the demo round, scored by
//! deterministic cards, is written out and headless Chromium prints
//! `report.html` to PDF; `pdftotext` must find the applicants' Chinese names,
//! the scores and a signature line on every expert's sheet.
//!
//! Without `chromium`, `pdftotext` or a Chinese font the test is ignored
//! with the install command as its reason, except under CI (`CI=true`), where
//! it fails; CI installs Debian's `chromium`, `poppler-utils` and
//! `fonts-noto-cjk`. Set `PINGSHEN_KEEP_PDF=DIR` to keep the PDF and HTML for
//! a look.

#[path = "common/tools.rs"]
mod tools;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use pingshen::domain::Points;
use pingshen::domain::aggregate::Recusals;
use pingshen::domain::card::{Card, Status as CardStatus};
use pingshen::domain::rank::{Inputs, rank};
use pingshen::domain::ranking::{Ranking, Status};
use pingshen::domain::round::Stage;
use pingshen::lang::Lang;
use pingshen::load::LoadedRound;
use pingshen::report::{self, Minutes};
use pingshen::samples;
use pingshen::synthetic::Rng;
use tools::{Tool, require};

/// Every scorer's submitted card for `dossiers`, on the sheet's steps, with a
/// comment on full marks; recused pairs get none.
fn cards(r: &LoadedRound, stage: Stage, dossiers: &[&str], seed: u64) -> Vec<Card> {
    let mut rng = Rng::new(seed);
    let at = Utc.with_ymd_and_hms(2024, 9, 20, 9, 30, 0).unwrap();
    let recusals = Recusals::from_conflicts(&r.round.conflicts);
    let mut out = Vec::new();
    for d in dossiers {
        let strength = rng.below(5) as i64;
        for e in r.round.scorers(stage) {
            if recusals.contains(&e.id, d) {
                continue;
            }
            let mut scores = pingshen::domain::scores::Scores::new();
            let mut comments = BTreeMap::new();
            for item in r.sheet.items() {
                let steps = item.max.hundredths() / item.step.hundredths();
                let base = steps * (2 + strength) / 10;
                let v = (base + rng.below(steps as u64 / 2 + 1) as i64).min(steps);
                if v == steps {
                    comments.insert(item.id.clone(), "该项材料翔实，成效突出".to_string());
                }
                scores.insert(
                    item.id.clone(),
                    Points::from_hundredths(v * item.step.hundredths()),
                );
            }
            out.push(Card {
                round: r.round.id.clone(),
                stage,
                expert: e.id.clone(),
                dossier: d.to_string(),
                scores,
                comments,
                status: CardStatus::Submitted,
                updated: at,
                submitted: Some(at),
            });
        }
    }
    out
}

fn ranked(r: &LoadedRound, cards: &[Card], stage: Stage) -> Ranking {
    let recusals = Recusals::from_conflicts(&r.round.conflicts);
    let inputs = Inputs {
        round: &r.round,
        sheet: &r.sheet,
        eligibility: r.eligibility.as_ref(),
        dossiers: &r.dossiers,
        cards,
        recusals: &recusals,
        decisions: &[],
        excuses: &[],
        register: &[],
        agency: &[],
        earlier: &[],
    };
    rank(&inputs, stage).expect("the demo round ranks")
}

/// Runs a command to its end, or kills it after `limit`.
fn run(cmd: &mut Command, limit: Duration) -> bool {
    let Ok(mut child) = cmd.stdout(Stdio::null()).stderr(Stdio::piped()).spawn() else {
        return false;
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return status.success(),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(200)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
}

fn print_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let url = format!("file://{}", html.display());
    let ok = run(
        Command::new("chromium").args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--print-to-pdf={}", pdf.display()),
            &url,
        ]),
        Duration::from_secs(240),
    );
    assert!(ok && pdf.exists(), "chromium printed no PDF");
}

fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The text with each printed line kept as a line.
fn pdf_text_layout(pdf: &Path) -> String {
    pdftotext(pdf, &["-layout"])
}

fn pdftotext(pdf: &Path, flags: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(flags)
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text with every kind of white space removed, so a name wrapped in a table
/// cell still reads as one.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
#[cfg_attr(
    any(missing_chromium, missing_pdftotext, missing_chinese_font),
    ignore = "needs chromium, pdftotext and a Chinese font: apt-get install chromium poppler-utils fonts-noto-cjk"
)]
fn the_demo_minutes_print_to_a4_pdf_with_names_scores_and_signatures() {
    for tool in [Tool::Chromium, Tool::Pdftotext, Tool::ChineseFont] {
        require(tool);
    }
    let r = samples::demo_round().expect("the demo round loads");
    let all: Vec<&str> = r.dossiers.iter().map(|d| d.id.as_str()).collect();
    let mut cards = cards(&r, Stage::Preliminary, &all, 7);
    let pre = ranked(&r, &cards, Stage::Preliminary);
    let shortlisted = pre.with_status(Status::Shortlisted);
    assert!(shortlisted.len() >= 40);
    cards.extend(self::cards(&r, Stage::Expert, &shortlisted, 11));
    let ranking = ranked(&r, &cards, Stage::Expert);
    let selected = ranking.with_status(Status::Selected);
    assert!(!selected.is_empty());

    let dir = tempfile::tempdir().unwrap();
    let minutes = Minutes {
        round: &r.round,
        sheet: &r.sheet,
        dossiers: &r.dossiers,
        ranking: &ranking,
        cards: &cards,
        conflicts: &r.round.conflicts,
        excuses: &[],
        generated: Utc.with_ymd_and_hms(2024, 9, 20, 10, 0, 0).unwrap(),
        sheet_fingerprint: "sha256:demo".into(),
        lang: Lang::Zh,
    };
    let out = dir.path().join("out");
    report::write_all(&minutes, &out).expect("the minutes are written");
    let html = out.join("report.html");
    let pdf = dir.path().join("report.pdf");
    print_pdf(&html, &pdf, &dir.path().join("profile"));
    if let Some(keep) = std::env::var_os("PINGSHEN_KEEP_PDF") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&pdf, keep.join("report.pdf")).unwrap();
        std::fs::copy(&html, keep.join("report.html")).unwrap();
    }

    let text = squeeze(&pdf_text(&pdf));
    for id in &selected {
        let e = ranking.entry(id).unwrap();
        assert!(
            text.contains(&squeeze(&e.applicant)),
            "{} is not in the PDF",
            e.applicant
        );
        let score = e.score.unwrap().fixed2();
        assert!(
            text.contains(&score),
            "score {score} of {id} is not in the PDF"
        );
    }
    // Every expert card's total as its sheet prints it: 合计, the maximum, the total.
    let layout = pdf_text_layout(&pdf);
    let mut printed: Vec<String> = layout
        .lines()
        .map(squeeze)
        .filter(|l| l.starts_with("合计"))
        .collect();
    let mut expected: Vec<String> = cards
        .iter()
        .filter(|c| c.stage == Stage::Expert)
        .map(|c| {
            let total: Points = c.scores.values().copied().sum();
            format!("合计{}{total}", r.sheet.total)
        })
        .collect();
    printed.sort();
    expected.sort();
    assert_eq!(printed, expected);
    // One signature line per sheet: every expert card plus every recusal
    // (recused pairs have no card here).
    let expert_cards = cards.iter().filter(|c| c.stage == Stage::Expert).count();
    let sheets = expert_cards + r.round.conflicts.len();
    assert_eq!(text.matches("专家签字").count(), sheets);
    assert!(text.contains(&report::ranking_hash(&ranking)));
    // A signature line never stands on a page without the sheet's total or
    // recusal above it.
    for (k, page) in pdf_text(&pdf).split('\u{c}').enumerate() {
        if page.contains("专家签字") {
            assert!(
                page.contains("合计") || page.contains("回避"),
                "page {} has a signature line without its sheet",
                k + 1
            );
        }
    }
}
