//! `pingshen rank`, `pingshen decide` and `pingshen report`: the secretary's
//! ranking of a stage, a recorded decision on a tie, and the printed minutes.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::Lang;
use crate::board::{Board, Ranked, ranked};
use crate::domain::decision::{Choice, Decision};
use crate::domain::merge::ScoreConflict;
use crate::domain::ranking::{Pending, Ranking};
use crate::domain::round::{Conflict, Stage};
use crate::error::{CommandError, Error, Said};
use crate::lang::Say;
use crate::report::{self, Format, Minutes};
use crate::store::Store;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    Preliminary,
    Expert,
}

impl From<StageArg> for Stage {
    fn from(s: StageArg) -> Stage {
        match s {
            StageArg::Preliminary => Stage::Preliminary,
            StageArg::Expert => Stage::Expert,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Md,
}

#[derive(Args, Debug)]
pub struct RankArgs {
    #[arg(long)]
    pub round: String,
    /// The stage to rank (recognition rounds have both; default: expert).
    #[arg(long, value_enum, default_value_t = StageArg::Expert)]
    pub stage: StageArg,
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Refuse (exit 3) unless the result is final: no tie across a boundary
    /// left undecided, no missing score.
    #[arg(long)]
    pub r#final: bool,
}

#[derive(Args, Debug)]
pub struct DecideArgs {
    #[arg(long)]
    pub round: String,
    #[arg(long, value_enum, default_value_t = StageArg::Expert)]
    pub stage: StageArg,
    /// A tied dossier that takes one of the places left (repeat for several).
    #[arg(long = "dossier", required_unless_present = "order")]
    pub dossiers: Vec<String>,
    /// Instead: every tied dossier in the order decided, best first, comma-separated.
    #[arg(long, value_delimiter = ',', conflicts_with = "dossiers")]
    pub order: Vec<String>,
    #[arg(long)]
    pub reason: String,
    /// Who decides, for the minutes and the audit log.
    #[arg(long, default_value = "secretary")]
    pub by: String,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[arg(long)]
    pub round: String,
    #[arg(long, value_enum, default_value_t = StageArg::Expert)]
    pub stage: StageArg,
    /// The folder to write ranking.csv, ranking.xlsx, report.html and ranking.md into.
    #[arg(long)]
    pub out: PathBuf,
    /// Write only summary.html: the 评审结果汇总表 the committee signs together.
    #[arg(long)]
    pub summary: bool,
}

/// The round file's conflicts and those declared since, for the minutes.
fn conflicts(store: &Store, round: &str) -> Result<Vec<Conflict>, Error> {
    Ok(store
        .recusals(round)?
        .into_iter()
        .map(|r| Conflict {
            expert: r.expert,
            dossier: r.dossier,
            reason: r.reason,
        })
        .collect())
}

fn minutes<'a>(x: &'a Ranked, conflicts: &'a [Conflict], lang: Lang) -> Minutes<'a> {
    Minutes {
        round: &x.round.round,
        sheet: &x.round.sheet,
        dossiers: &x.round.dossiers,
        ranking: &x.ranking,
        cards: &x.board.cards,
        conflicts,
        excuses: &x.board.excuses,
        generated: chrono::Utc::now(),
        sheet_fingerprint: crate::fingerprint::sheet(&x.round.sheet),
        lang: lang.into(),
    }
}

/// What still stands between the ranking and a final result, one line each:
/// ties to decide, dossiers without a counted score, and every expected card
/// not submitted, by expert and dossier.
struct Outstanding<'a>(&'a Ranking);

impl Outstanding<'_> {
    fn ties(&self) -> Vec<String> {
        self.0
            .unresolved_ties()
            .iter()
            .map(|(ds, _)| ds.join(", "))
            .collect()
    }

    fn unscored(&self) -> usize {
        self.0
            .pending
            .iter()
            .filter(|p| matches!(p, Pending::Unscored { .. }))
            .count()
    }

    /// Missing cards grouped by expert, in the order the ranking lists them.
    fn by_expert(&self) -> Vec<(&str, Vec<(&str, bool)>)> {
        let mut out: Vec<(&str, Vec<(&str, bool)>)> = Vec::new();
        for (e, d, draft) in self.0.missing_cards() {
            match out.iter_mut().find(|(x, _)| *x == e) {
                Some((_, ds)) => ds.push((d, draft)),
                None => out.push((e, vec![(d, draft)])),
            }
        }
        out
    }

    fn shortlist(&self) -> bool {
        self.0.pending.contains(&Pending::Shortlist)
    }

    /// Agencies named by too many dossiers: (code, name, limit, dossiers).
    fn agencies(&self) -> Vec<(&str, &str, u32, &[String])> {
        self.0
            .pending
            .iter()
            .filter_map(|p| match p {
                Pending::Agency {
                    credit_code,
                    name,
                    limit,
                    dossiers,
                } => Some((
                    credit_code.as_str(),
                    name.as_str(),
                    *limit,
                    dossiers.as_slice(),
                )),
                _ => None,
            })
            .collect()
    }
}

impl Say for Outstanding<'_> {
    fn zh(&self) -> String {
        let mut lines: Vec<String> = self
            .ties()
            .into_iter()
            .map(|t| format!("并列待决定：{t}（pingshen decide --dossier …）"))
            .collect();
        let n = self.unscored();
        if n > 0 {
            lines.push(format!("{n} 份申报书尚无计分的评分"));
        }
        let cards = self.by_expert();
        if !cards.is_empty() {
            let total: usize = cards.iter().map(|(_, ds)| ds.len()).sum();
            lines.push(format!(
                "应交未交的评分表 {total} 份（专家：申报书；草稿已标注；缺席可用 pingshen excuse 记录）："
            ));
            for (e, ds) in cards {
                let list: Vec<String> = ds
                    .iter()
                    .map(|(d, draft)| {
                        if *draft {
                            format!("{d}（草稿）")
                        } else {
                            d.to_string()
                        }
                    })
                    .collect();
                lines.push(format!("  {e}（{} 份）：{}", ds.len(), list.join("、")));
            }
        }
        if self.shortlist() {
            lines.push("初审入围名单尚未最终确定".into());
        }
        for (code, name, limit, ds) in self.agencies() {
            lines.push(format!(
                "服务机构{name}（{code}）参与服务的申报主体超过 {limit} 家：{} 形式审查待定，须确定保留该机构的申报书（pingshen agency keep --code {code} --dossier …）",
                ds.join("、")
            ));
        }
        lines.join("\n")
    }

    fn en(&self) -> String {
        let mut lines: Vec<String> = self
            .ties()
            .into_iter()
            .map(|t| format!("tie to decide: {t} (pingshen decide --dossier …)"))
            .collect();
        let n = self.unscored();
        if n > 0 {
            lines.push(format!("{n} dossiers without a counted score"));
        }
        let cards = self.by_expert();
        if !cards.is_empty() {
            let total: usize = cards.iter().map(|(_, ds)| ds.len()).sum();
            lines.push(format!(
                "{total} expected cards not submitted (expert: dossiers; drafts marked; record an absence with pingshen excuse):"
            ));
            for (e, ds) in cards {
                let list: Vec<String> = ds
                    .iter()
                    .map(|(d, draft)| {
                        if *draft {
                            format!("{d} (draft)")
                        } else {
                            d.to_string()
                        }
                    })
                    .collect();
                lines.push(format!("  {e} ({}): {}", ds.len(), list.join(", ")));
            }
        }
        if self.shortlist() {
            lines.push("the preliminary shortlist is not final".into());
        }
        for (code, name, limit, ds) in self.agencies() {
            lines.push(format!(
                "service agency {name} ({code}) serves more than {limit} applicants: formal review of {} is pending until the dossiers that keep it are chosen (pingshen agency keep --code {code} --dossier …)",
                ds.join(", ")
            ));
        }
        lines.join("\n")
    }
}

/// Score conflicts from imported bundles still open in a stage, one line each.
struct OpenConflicts(Vec<ScoreConflict>);

impl OpenConflicts {
    fn lines(&self, head: &str) -> String {
        self.0
            .iter()
            .map(|c| {
                format!(
                    "{head}{} / {} / {}: {} (pingshen bundle resolve …)",
                    c.expert,
                    c.dossier,
                    c.item,
                    c.claims_words()
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Say for OpenConflicts {
    fn zh(&self) -> String {
        self.lines("评分分歧待处理：")
    }

    fn en(&self) -> String {
        self.lines("score conflict to resolve: ")
    }
}

fn open_conflicts(store: &Store, round: &str, stage: Stage) -> Result<OpenConflicts, Error> {
    let mut open = store.open_score_conflicts(round)?;
    open.retain(|c| c.stage == stage);
    Ok(OpenConflicts(open))
}

/// What stands between a stage and its final result: the ranking's
/// outstanding steps, then the open score conflicts.
struct NotFinal<'a>(&'a Ranking, &'a OpenConflicts);

impl NotFinal<'_> {
    fn lines(&self, lang: crate::lang::Lang) -> String {
        [Outstanding(self.0).say(lang), self.1.say(lang)]
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Say for NotFinal<'_> {
    fn zh(&self) -> String {
        self.lines(crate::lang::Lang::Zh)
    }

    fn en(&self) -> String {
        self.lines(crate::lang::Lang::En)
    }
}

/// Printed below the minutes when the result is not final.
struct NoteNotFinal<'a>(NotFinal<'a>);

impl Say for NoteNotFinal<'_> {
    fn zh(&self) -> String {
        format!("注意：结果尚未确定\n{}", self.0.zh())
    }

    fn en(&self) -> String {
        format!("note: the result is not final\n{}", self.0.en())
    }
}

/// The line that confirms a recorded decision.
struct Recorded<'a>(&'a [String]);

impl Say for Recorded<'_> {
    fn zh(&self) -> String {
        format!("已记录决定：{}", self.0.join("、"))
    }

    fn en(&self) -> String {
        format!("decision recorded: {}", self.0.join(", "))
    }
}

pub fn rank(dir: &Path, a: RankArgs, lang: Lang) -> Result<(), Error> {
    let store = Store::open(dir)?;
    let round = store.round(&a.round)?;
    let board = Board::load(&store, &a.round)?;
    let open = open_conflicts(&store, &a.round, a.stage.into())?;
    let c = conflicts(&store, &a.round)?;
    // Everything is read: the store (and its cache) goes before the arithmetic.
    drop(store);
    let x = Ranked::of(round, board, a.stage.into())?;
    if a.r#final && (!x.ranking.is_final() || !open.0.is_empty()) {
        let pending = Said::of(&NotFinal(&x.ranking, &open));
        return Err(CommandError::NotFinal { pending }.into());
    }
    if !open.0.is_empty() {
        eprintln!("{}", open.say(lang.into()));
    }
    let format = match a.format {
        FormatArg::Table => Format::Table,
        FormatArg::Json => Format::Json,
        FormatArg::Csv => Format::Csv,
        FormatArg::Md => Format::Md,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    report::write(&minutes(&x, &c, lang), format, &mut out)
        .and_then(|()| std::io::Write::flush(&mut out))
        .map_err(|e| CommandError::Output(e.to_string()))?;
    Ok(())
}

pub fn decide(dir: &Path, a: DecideArgs, lang: Lang) -> Result<(), Error> {
    let mut store = Store::open(dir)?;
    let x = ranked(&store, &a.round, a.stage.into())?;
    let named: Vec<&String> = if a.order.is_empty() {
        a.dossiers.iter().collect()
    } else {
        a.order.iter().collect()
    };
    let tied = x
        .ranking
        .unresolved_ties()
        .into_iter()
        .map(|(ds, _)| ds.to_vec())
        .find(|ds| named.iter().all(|n| ds.contains(n)))
        .ok_or_else(|| CommandError::NotOneTie {
            named: named.iter().map(|s| s.to_string()).collect(),
            pending: Said::of(&Outstanding(&x.ranking)),
        })?;
    let choice = if a.order.is_empty() {
        Choice::Admit(a.dossiers)
    } else {
        Choice::Order(a.order)
    };
    let decision = Decision {
        round: a.round,
        stage: a.stage.into(),
        tied,
        choice,
        reason: a.reason.trim().to_string(),
        by: a.by,
        at: chrono::Utc::now(),
    };
    store.record_decision(&decision)?;
    println!("{}", Recorded(&decision.tied).say(lang.into()));
    Ok(())
}

pub fn report(dir: &Path, a: ReportArgs, lang: Lang) -> Result<(), Error> {
    let store = Store::open(dir)?;
    let x = ranked(&store, &a.round, a.stage.into())?;
    let c = conflicts(&store, &a.round)?;
    if a.summary {
        let path = report::write_summary(&minutes(&x, &c, lang), &a.out).map_err(unwritten)?;
        println!("{}", path.display());
        return Ok(());
    }
    let written = report::write_all(&minutes(&x, &c, lang), &a.out).map_err(unwritten)?;
    for p in written {
        println!("{}", p.display());
    }
    let centres = store.centres()?;
    if !centres.is_empty() {
        let (header, rows) =
            crate::domain::register::table(&centres, chrono::Utc::now().date_naive(), lang.into());
        let path = report::write_register(&a.out, &header, &rows).map_err(unwritten)?;
        println!("{}", path.display());
    }
    let open = open_conflicts(&store, &a.round, a.stage.into())?;
    if !x.ranking.is_final() || !open.0.is_empty() {
        let note = NoteNotFinal(NotFinal(&x.ranking, &open));
        eprintln!("{}", note.say(lang.into()));
    }
    Ok(())
}

/// The minutes could not be written: the file and the system's words.
fn unwritten(e: report::ReportError) -> CommandError {
    match e {
        report::ReportError::Write { path, source } => CommandError::CannotWrite {
            path,
            why: source.to_string(),
        },
        report::ReportError::Xlsx(why) => CommandError::Workbook { why },
    }
}
