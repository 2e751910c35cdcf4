//! What `check` says of a round beyond its files: every dossier that fails
//! formal review, as a warning at its place in the dossier file. The round
//! still loads; the dossier is ranked ineligible with the same reason.

use std::path::Path;

use crate::domain::Path as DocPath;
use crate::domain::eligibility::{Failure, review};
use crate::lang::{Lang, Say};
use crate::load::{self, Disk, Kind, LoadedRound};

/// One dossier's failed rule, where it stands.
pub struct Warning {
    pub place: String,
    pub dossier: String,
    pub reason: crate::domain::eligibility::Why,
}

impl Say for Warning {
    fn zh(&self) -> String {
        format!(
            "{}: 警告：申报书 {} 形式审查不通过（{}），仍载入本轮，排名中列为形式审查未通过",
            self.place,
            self.dossier,
            self.reason.zh()
        )
    }

    fn en(&self) -> String {
        format!(
            "{}: warning: dossier {} fails formal review ({}); it loads and is ranked ineligible",
            self.place,
            self.dossier,
            self.reason.en()
        )
    }
}

/// The formal-review warnings of `file` when it is a round file that loads;
/// nothing for other files.
pub fn warnings(file: &Path, lang: Lang) -> Vec<String> {
    // Only rounds have warnings; a package's documents are not read.
    let Ok(text) = crate::bundle::package::documents::read_text(file) else {
        return Vec::new();
    };
    if !matches!(load::kind(file, &text), Ok(Kind::Round)) {
        return Vec::new();
    }
    let Ok(r) = load::round(&Disk, file) else {
        return Vec::new();
    };
    let mut out: Vec<String> = of_round(file, &r).iter().map(|w| w.say(lang)).collect();
    out.extend(agencies(file, &r).iter().map(|w| w.say(lang)));
    out
}

/// A service agency serving more of the round's applicants than allowed, at
/// its place in one dossier naming it.
pub struct AgencyWarning {
    pub place: String,
    pub dossier: String,
    pub agency: String,
    pub code: String,
    pub limit: u32,
    pub others: Vec<String>,
}

impl Say for AgencyWarning {
    fn zh(&self) -> String {
        format!(
            "{}: 警告：申报书 {} 联合的服务机构 {}（{}）参与服务的申报主体超过 {} 家，另见 {}；须确定保留该机构的申报书（至多 {} 份）",
            self.place,
            self.dossier,
            self.agency,
            self.code,
            self.limit,
            self.others.join("、"),
            self.limit
        )
    }

    fn en(&self) -> String {
        format!(
            "{}: warning: dossier {} names service agency {} ({}), which serves more than {} applicants of the round, also in {}; decide which dossiers (at most {}) keep it",
            self.place,
            self.dossier,
            self.agency,
            self.code,
            self.limit,
            self.others.join(", "),
            self.limit
        )
    }
}

fn agencies(file: &Path, r: &LoadedRound) -> Vec<AgencyWarning> {
    let folder = file
        .parent()
        .unwrap_or(Path::new(""))
        .join(&r.round.dossiers);
    let sheets: Vec<_> = std::iter::once(&r.sheet).chain(&r.eligibility).collect();
    let mut out = Vec::new();
    for clash in crate::domain::eligibility::agency_clashes(&r.dossiers, &sheets) {
        for (d, (name, text)) in r.dossiers.iter().zip(&r.texts.dossiers) {
            let Some(k) = d
                .joint
                .iter()
                .position(|j| j.credit_code == clash.credit_code)
            else {
                continue;
            };
            let pos = load::locate::locate(text, &DocPath::root().field("joint").index(k));
            out.push(AgencyWarning {
                place: format!("{}:{}:{}", folder.join(name).display(), pos.line, pos.col),
                dossier: d.id.clone(),
                agency: clash.name.clone(),
                code: clash.credit_code.clone(),
                limit: clash.limit,
                others: clash
                    .dossiers
                    .iter()
                    .filter(|x| **x != d.id)
                    .cloned()
                    .collect(),
            });
        }
    }
    out
}

fn of_round(file: &Path, r: &LoadedRound) -> Vec<Warning> {
    let folder = file
        .parent()
        .unwrap_or(Path::new(""))
        .join(&r.round.dossiers);
    let sheets: Vec<_> = std::iter::once(&r.sheet).chain(&r.eligibility).collect();
    let mut out = Vec::new();
    for (d, (name, text)) in r.dossiers.iter().zip(&r.texts.dossiers) {
        for f in review(d, r.round.date, &sheets).failures {
            let pos = load::locate::locate(text, &where_in_dossier(&f, &sheets));
            out.push(Warning {
                place: format!("{}:{}:{}", folder.join(name).display(), pos.line, pos.col),
                dossier: d.id.clone(),
                reason: f.why.clone(),
            });
        }
    }
    out
}

/// The part of a dossier a failed rule reads: the first joint applicant over
/// the limit, or else the applicant.
fn where_in_dossier(f: &Failure, sheets: &[&crate::domain::sheet::Sheet]) -> DocPath {
    let limit = sheets
        .iter()
        .find(|s| s.id == f.sheet)
        .and_then(|s| s.joint_limit);
    match (f.rule.as_str(), limit) {
        ("joint_limit", Some(n)) => DocPath::root().field("joint").index(n as usize),
        _ => DocPath::root().field("applicant"),
    }
}
