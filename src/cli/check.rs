//! `pingshen check FILE...`: validate each file by its kind.

use std::path::{Path, PathBuf};

use super::Lang;
use crate::error::Error;
use crate::load::{self, Disk, FileError, Kind};

/// Prints `OK  path  (kind, summary)` or every error; fails when any file does.
pub fn run(files: &[PathBuf], lang: Lang) -> Result<(), Error> {
    let mut bad = 0;
    for f in files {
        match summary(f, lang) {
            Ok(s) => println!("OK  {}  ({s})", f.display()),
            Err(errors) => {
                bad += 1;
                for e in errors {
                    println!("{e}");
                }
            }
        }
    }
    if bad == 0 {
        Ok(())
    } else {
        Err(Error::BadInput(format!(
            "{bad} of {} files are not valid",
            files.len()
        )))
    }
}

fn summary(f: &Path, lang: Lang) -> Result<String, Vec<FileError>> {
    let text = load::read_text(&Disk, f).map_err(|e| vec![e])?;
    let en = lang == Lang::En;
    match load::kind(f, &text).map_err(|e| vec![e])? {
        Kind::Sheet => {
            let (s, _) = load::sheet(&Disk, f)?;
            let items = s.items().count();
            Ok(if en {
                format!(
                    "sheet {}, {} sections, {items} items, {} indicators, {} eligibility rules, total {}",
                    s.id,
                    s.sections.len(),
                    s.indicators.len(),
                    s.eligibility.len(),
                    s.total
                )
            } else {
                format!(
                    "评分表 {}，{} 个一级指标，{items} 个评分项，{} 个建设指标，{} 条资格规则，满分 {}",
                    s.id,
                    s.sections.len(),
                    s.indicators.len(),
                    s.eligibility.len(),
                    s.total
                )
            })
        }
        Kind::Dossier => {
            let (d, _) = load::dossier(&Disk, f)?;
            Ok(if en {
                format!(
                    "dossier {}, {}, {} joint applicants",
                    d.id,
                    d.applicant.name,
                    d.joint.len()
                )
            } else {
                format!(
                    "申报书 {}，{}，联合申报单位 {} 家",
                    d.id,
                    d.applicant.name,
                    d.joint.len()
                )
            })
        }
        Kind::Round => {
            let r = load::round(&Disk, f)?;
            super::dossier::documents(f, &r, lang)?;
            Ok(round_summary("", &r, en))
        }
        Kind::Package => {
            let r = crate::bundle::package::read(f, text.as_bytes()).map_err(|e| match e {
                crate::bundle::BundleError::Files(errors) => errors,
                other => vec![FileError::at(f, 1, 1, other.to_string())],
            })?;
            let fp = super::round::short(&crate::store::fingerprint(&r));
            let (what, sep, print) = if en {
                ("package ", ", ", "fingerprint")
            } else {
                ("包 ", "，", "指纹")
            };
            Ok(format!("{}{sep}{print} {fp}", round_summary(what, &r, en)))
        }
        Kind::Calendar => {
            let (c, _) = load::calendar(&Disk, f)?;
            let (h, w) = (c.holidays.len(), c.workdays.len());
            Ok(if en {
                format!(
                    "calendar {}, {}–{}, {h} holidays, {w} make-up working days",
                    c.id, c.first_year, c.last_year
                )
            } else {
                format!(
                    "节假日日历 {}，{}–{} 年，{h} 个假期，{w} 个调休上班日",
                    c.id, c.first_year, c.last_year
                )
            })
        }
    }
}

/// A round (or a package of one): its id, sheet, dossiers and panel.
fn round_summary(what: &str, r: &crate::load::LoadedRound, en: bool) -> String {
    let (id, sheet, d, e) = (
        &r.round.id,
        &r.sheet.id,
        r.dossiers.len(),
        r.round.experts.len(),
    );
    if en {
        format!("round {what}{id}, sheet {sheet}, {d} dossiers, {e} experts")
    } else {
        format!(
            "评审{}{id}，评分表 {sheet}，申报书 {d} 份，专家 {e} 位",
            if what.is_empty() { "轮次 " } else { what }
        )
    }
}
