//! The shipped sheets, sample dossiers and rounds: every file validates with
//! `pingshen check`, the demo round loads from the binary, and the rules in the
//! sheets say what the source documents say.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use pingshen::domain::Points;
use pingshen::domain::Ratio;
use pingshen::domain::dossier::{ApplicantKind, Dossier, JointApplicant};
use pingshen::domain::rules::Facts;
use pingshen::domain::sheet::{CommentRule, Sheet};
use pingshen::load::{self, Disk};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.ron` file under `scoresheets/`, relative to the crate root, sorted.
fn shipped_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).expect("scoresheets/ is readable") {
            let p = e.expect("a directory entry").path();
            if p.is_dir() {
                walk(&p, base, out);
            } else if p.extension().is_some_and(|x| x == "ron") {
                out.push(p.strip_prefix(base).expect("below the root").to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("scoresheets"), &root(), &mut out);
    out.sort();
    out
}

fn sheet(rel: &str) -> Sheet {
    load::sheet(&Disk, &root().join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e:?}"))
        .0
}

fn round(rel: &str) -> load::LoadedRound {
    load::round(&Disk, &root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e:?}"))
}

/// A dossier seen through a sheet: its facts, and an indicator is met when the
/// achieved value reaches the sheet's target.
struct View<'a> {
    d: &'a Dossier,
    on: NaiveDate,
    sheet: &'a Sheet,
}

impl Facts for View<'_> {
    fn number(&self, name: &str) -> Option<Ratio> {
        self.d.number(name, self.on)
    }
    fn flag(&self, name: &str) -> Option<bool> {
        self.d.flag(name)
    }
    fn kind(&self) -> ApplicantKind {
        self.d.applicant.kind
    }
    fn met(&self, indicator: &str) -> bool {
        match (self.sheet.indicator(indicator), self.d.achieved(indicator)) {
            (Some(i), Some(a)) => a >= i.target,
            _ => false,
        }
    }
}

/// The ids of the eligibility rules a dossier fails.
fn failed_rules(sheet: &Sheet, d: &Dossier, on: NaiveDate) -> Vec<String> {
    let v = View { d, on, sheet };
    let ids = sheet.indicator_ids();
    sheet
        .eligibility
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|w| w.eval(&v, &ids)))
        .filter(|r| !r.require.eval(&v, &ids))
        .map(|r| r.id.clone())
        .collect()
}

fn accepted(sheet: &Sheet, d: &Dossier, on: NaiveDate) -> bool {
    let v = View { d, on, sheet };
    sheet
        .acceptance
        .as_ref()
        .expect("the sheet has an acceptance rule")
        .eval(&v, &sheet.indicator_ids())
}

fn p(n: i64) -> Points {
    Points::whole(n)
}

#[test]
fn check_accepts_every_shipped_file() {
    let files = shipped_files();
    assert!(
        files.len() >= 60,
        "expected the sheets, dossiers and rounds, found {}",
        files.len()
    );
    for r in [
        "scoresheets/demo/round.ron",
        "scoresheets/guangxi-demo/round.ron",
        "scoresheets/annual-demo/round.ron",
    ] {
        assert!(files.contains(&PathBuf::from(r)), "{r} is missing");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_pingshen"))
        .current_dir(root())
        .arg("check")
        .args(&files)
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "check failed:\n{stdout}\n{stderr}"
    );
    let ok: HashSet<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("OK  "))
        .filter_map(|l| l.split("  ").next())
        .collect();
    for f in &files {
        let f = f.to_string_lossy().replace('\\', "/");
        assert!(ok.contains(f.as_str()), "no OK line for {f}:\n{stdout}");
    }
    assert_eq!(ok.len(), files.len(), "{stdout}");
}

#[test]
fn demo_round_loads_from_the_binary() {
    let r = pingshen::samples::demo_round().unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(r.round.id, "huangpu-2024");
    assert!(r.dossiers.len() >= 45, "{} dossiers", r.dossiers.len());
    assert_eq!(r.round.experts.len(), 7);
    assert!(!r.round.preliminary.is_empty());
    assert_eq!(r.sheet.id, "huangpu-recognition");
    assert_eq!(
        r.eligibility.as_ref().map(|s| s.id.as_str()),
        Some("huangpu-eligibility")
    );
    let kinds: HashSet<ApplicantKind> = r
        .dossiers
        .iter()
        .flat_map(|d| std::iter::once(d.applicant.kind).chain(d.joint.iter().map(|j| j.kind)))
        .collect();
    for k in [
        ApplicantKind::Enterprise,
        ApplicantKind::University,
        ApplicantKind::Institute,
        ApplicantKind::ServiceAgency,
    ] {
        assert!(
            kinds.contains(&k),
            "no {k:?} among lead and joint applicants"
        );
    }
    let joint: BTreeSet<usize> = r.dossiers.iter().map(|d| d.joint.len()).collect();
    assert_eq!(
        joint,
        BTreeSet::from([0, 1, 2]),
        "joint applicants should range over 0, 1 and 2"
    );
    let long = r
        .dossiers
        .iter()
        .filter(|d| d.summary.chars().count() >= 300)
        .count();
    assert!(
        long >= 5,
        "only {long} dossiers have a summary of 300 characters or more"
    );
}

#[test]
fn embedded_and_disk_demo_rounds_agree() {
    let embedded = pingshen::samples::demo_round().unwrap_or_else(|e| panic!("{e:?}"));
    let disk = round("scoresheets/demo/round.ron");
    assert_eq!(embedded.round, disk.round);
    assert_eq!(embedded.sheet, disk.sheet);
    assert_eq!(embedded.dossiers, disk.dossiers);
}

#[test]
fn guidance_bands_cover_every_allowed_score_once() {
    for rel in [
        "scoresheets/huangpu-recognition.ron",
        "scoresheets/huangpu-annual.ron",
    ] {
        let s = sheet(rel);
        assert_eq!(s.total, p(100), "{rel}");
        for it in s.items() {
            assert!(
                (3..=4).contains(&it.guidance.len()),
                "{rel} {}: {} bands",
                it.id,
                it.guidance.len()
            );
            let step = it.step.hundredths();
            assert!(
                step == 50 || step == 100,
                "{rel} {}: step {}",
                it.id,
                it.step
            );
            let mut v = 0;
            while v <= it.max.hundredths() {
                let n = it
                    .guidance
                    .iter()
                    .filter(|b| b.from.hundredths() <= v && v <= b.to.hundredths())
                    .count();
                assert_eq!(
                    n,
                    1,
                    "{rel} {}: score {} is in {n} bands",
                    it.id,
                    Points::from_hundredths(v)
                );
                v += step;
            }
            assert!(
                it.guidance.iter().all(|b| !b.text.trim().is_empty()),
                "{rel} {}",
                it.id
            );
        }
        for sec in &s.sections {
            assert!(
                (2..=4).contains(&sec.items.len()),
                "{rel} {}: {} items",
                sec.id,
                sec.items.len()
            );
        }
        let ids: Vec<&str> = s.sections.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(
            ids,
            ["S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"],
            "{rel}"
        );
        let mut tie = s.tie_break.clone();
        tie.sort();
        assert_eq!(tie, ids, "{rel}: tie_break should name every section once");
        assert!(
            s.items()
                .filter(|i| i.comment == CommentRule::AtExtremes)
                .count()
                >= 3,
            "{rel}"
        );
        assert_eq!(
            s.items()
                .filter(|i| i.comment == CommentRule::Always)
                .count(),
            1,
            "{rel}"
        );
        assert!(
            s.note.contains("未公开") && s.note.contains("建议"),
            "{rel}: the note must say the annex is not public"
        );
    }
}

#[test]
fn huangpu_pass_lines_are_the_work_plan_s() {
    let annual = sheet("scoresheets/huangpu-annual.ron");
    use pingshen::domain::sheet::PassStage;
    assert_eq!(annual.pass_line(PassStage::Year1), Some(p(70)));
    assert_eq!(annual.pass_line(PassStage::Year2), Some(p(75)));
    assert_eq!(
        sheet("scoresheets/huangpu-eligibility.ron").joint_limit,
        Some(2)
    );
}

#[test]
fn exactly_five_demo_applicants_are_ineligible_each_for_its_own_reason() {
    let r = round("scoresheets/demo/round.ron");
    let elig = r
        .eligibility
        .as_ref()
        .expect("the demo round names an eligibility sheet");
    let failing: BTreeMap<&str, Vec<String>> = r
        .dossiers
        .iter()
        .map(|d| (d.id.as_str(), failed_rules(elig, d, r.round.date)))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    let want: BTreeMap<&str, Vec<String>> = [
        ("HP-2024-007", "HP-E1"), // a university as the lead
        ("HP-2024-015", "HP-E6"), // credit blacklist
        ("HP-2024-023", "HP-E4"), // already recognised
        ("HP-2024-031", "HP-E5"), // affiliate of a recognised centre
        ("HP-2024-040", "HP-E2"), // registered outside the district
    ]
    .into_iter()
    .map(|(d, rule)| (d, vec![rule.to_string()]))
    .collect();
    assert_eq!(failing, want);
}

#[test]
fn guangxi_demo_passes_by_each_clause_and_fails_otherwise() {
    let r = round("scoresheets/guangxi-demo/round.ron");
    let s = &r.sheet;
    let mut passed = BTreeSet::new();
    for d in &r.dossiers {
        assert!(
            failed_rules(s, d, r.round.date).is_empty(),
            "{} is ineligible",
            d.id
        );
        assert_eq!(d.targets.len(), 7, "{}", d.id);
        for t in &d.targets {
            let min = s
                .indicator(&t.indicator)
                .expect("a Guangxi indicator")
                .target;
            assert!(
                t.target >= min,
                "{} {}: target below the notice's minimum",
                d.id,
                t.indicator
            );
            // met or not is the same against the notice's minimum and the applicant's own target
            let a = t.achieved.expect("achieved values are filled in");
            assert_eq!(
                a >= min,
                a >= t.target,
                "{} {}: ambiguous achieved value",
                d.id,
                t.indicator
            );
        }
        if accepted(s, d, r.round.date) {
            passed.insert(d.id.as_str());
        }
    }
    assert_eq!(
        passed,
        BTreeSet::from(["GX-2022-001", "GX-2022-002", "GX-2022-005", "GX-2022-006"])
    );
}

/// A demo dossier with its targets replaced by these achieved values.
fn with_achieved(base: &Dossier, achieved: &[(&str, i64)]) -> Dossier {
    let mut d = base.clone();
    d.targets = achieved
        .iter()
        .map(|(id, v)| pingshen::domain::dossier::Target {
            indicator: id.to_string(),
            target: p(*v),
            achieved: Some(p(*v)),
        })
        .collect();
    d
}

#[test]
fn acceptance_rules_follow_the_notices() {
    let r = round("scoresheets/demo/round.ron");
    let base = &r.dossiers[0];
    let on = r.round.date;

    let gx = sheet("scoresheets/guangxi-2022.ron");
    let ok = |s: &Sheet, a: &[(&str, i64)]| accepted(s, &with_achieved(base, a), on);
    assert!(
        ok(&gx, &[("G5", 1), ("G1", 5), ("G7", 1)]),
        "three including item 5"
    );
    assert!(
        !ok(&gx, &[("G1", 5), ("G2", 2), ("G3", 5)]),
        "three without item 5"
    );
    assert!(
        ok(&gx, &[("G1", 5), ("G2", 2), ("G3", 5), ("G4", 100)]),
        "four without item 5"
    );
    assert!(
        !ok(&gx, &[("G1", 5), ("G2", 2), ("G3", 4), ("G4", 100)]),
        "G3 below its target"
    );

    let cq = sheet("scoresheets/chongqing-2020.ron");
    assert!(ok(
        &cq,
        &[("C1", 20), ("C2", 1), ("T1", 3000), ("T7", 1), ("T8", 1)]
    ));
    assert!(
        !ok(
            &cq,
            &[("C1", 19), ("C2", 1), ("T1", 3000), ("T7", 1), ("T8", 1)]
        ),
        "C1 is required"
    );
    assert!(
        !ok(&cq, &[("C1", 20), ("C2", 1), ("T1", 3000), ("T7", 1)]),
        "only two of ten"
    );
    assert!(ok(
        &cq,
        &[
            ("C1", 20),
            ("C2", 1),
            ("T6a", 1),
            ("T6b", 200),
            ("T7", 1),
            ("T8", 1)
        ]
    ));
    assert!(
        !ok(
            &cq,
            &[
                ("C1", 20),
                ("C2", 1),
                ("T6a", 1),
                ("T6b", 150),
                ("T7", 1),
                ("T8", 1)
            ]
        ),
        "T6 half met"
    );

    let xy = sheet("scoresheets/xinyang-2021.ron");
    assert!(ok(&xy, &[("X2", 500), ("X3", 300), ("X5", 1)]));
    assert!(!ok(&xy, &[("X2", 500), ("X3", 300)]));
    assert!(ok(
        &xy,
        &[("X1a", 2), ("X1b", 20), ("X6a", 1), ("X6b", 100), ("X7", 1)]
    ));
    assert!(
        !ok(
            &xy,
            &[("X1a", 2), ("X1b", 19), ("X6a", 1), ("X6b", 100), ("X7", 1)]
        ),
        "item 1 half met"
    );
    assert!(
        !ok(&xy, &[("X1a", 2), ("X6a", 1), ("X7", 1), ("X8", 1)]),
        "two halves are not an item"
    );

    let d6 = sheet("scoresheets/fangchenggang-2022-d6.ron");
    let all6 = [("K1a", 2), ("K1b", 20), ("K1c", 10), ("K3", 1)];
    assert!(
        ok(&d6, &[&all6[..], &[("K2a", 100)]].concat()),
        "pledge financing"
    );
    assert!(
        ok(&d6, &[&all6[..], &[("K2b", 1000)]].concat()),
        "or product output"
    );
    assert!(
        !ok(&d6, &[&all6[..], &[("K2a", 99), ("K2b", 999)]].concat()),
        "neither"
    );

    let d8 = sheet("scoresheets/fangchenggang-2022-d8.ron");
    assert!(ok(&d8, &[("K1", 1), ("K2b", 100), ("K3a", 10), ("K3b", 5)]));
    assert!(ok(&d8, &[("K1", 1), ("K2a", 500), ("K3a", 10), ("K3b", 5)]));
    assert!(!ok(
        &d8,
        &[("K1", 1), ("K2a", 500), ("K3a", 10), ("K3b", 4)]
    ));

    let d13 = sheet("scoresheets/fangchenggang-2022-d13.ron");
    assert!(ok(&d13, &[("K1", 1), ("K2a", 5), ("K2b", 1), ("K3", 1)]));
    assert!(
        !ok(&d13, &[("K1", 1), ("K2a", 5), ("K3", 1)]),
        "a PCT application is required"
    );
}

#[test]
fn eligibility_counts_pct_at_one_half() {
    let r = round("scoresheets/demo/round.ron");
    let on = r.round.date;
    let mut d = r
        .dossiers
        .iter()
        .find(|d| d.applicant.kind == ApplicantKind::Enterprise)
        .expect("an enterprise")
        .clone();

    // Chongqing: ≥ 2 related valid invention patents, a PCT in national phase counting 1:2.
    let cq = sheet("scoresheets/chongqing-2020.ron");
    d.patents.related_invention = 1;
    d.patents.pct.national_phase = 2;
    assert!(!failed_rules(&cq, &d, on).contains(&"CQ-E7".to_string()));
    d.patents.pct.national_phase = 1;
    assert!(failed_rules(&cq, &d, on).contains(&"CQ-E7".to_string()));

    // Xinyang: ≥ 10 valid invention patents, PCT applications counting 1:2.
    let xy = sheet("scoresheets/xinyang-2021.ron");
    d.patents.invention.valid = 8;
    d.patents.pct.filed = 4;
    assert!(!failed_rules(&xy, &d, on).contains(&"XY-E8".to_string()));
    d.patents.pct.filed = 3;
    assert!(failed_rules(&xy, &d, on).contains(&"XY-E8".to_string()));

    // Fangchenggang direction 6: ≥ 10 valid patents of which ≥ 3 invention.
    let d6 = sheet("scoresheets/fangchenggang-2022-d6.ron");
    d.patents.invention.valid = 2;
    assert!(failed_rules(&d6, &d, on).contains(&"FCG6-E3".to_string()));
    d.patents.invention.valid = 3;
    assert!(!failed_rules(&d6, &d, on).contains(&"FCG6-E3".to_string()));
}

/// A joint applicant of a kind, with the partner facts it declares.
fn partner(kind: ApplicantKind, staff: u32, field: u32, revenue: i64) -> JointApplicant {
    JointApplicant {
        name: format!("{kind:?}伙伴"),
        credit_code: "91440101MA5D000006".into(),
        kind,
        role: "联合申报".into(),
        in_region: None,
        staff: Some(staff),
        field_staff: Some(field),
        revenue: Some(p(revenue)),
    }
}

#[test]
fn partners_of_each_kind_and_their_own_facts_as_the_notices_say() {
    use ApplicantKind::{Enterprise, Institute, ServiceAgency, University};
    let r = round("scoresheets/demo/round.ron");
    let on = r.round.date;
    let base = r.dossiers[0].clone();
    let lead = |kind: ApplicantKind, joint: Vec<JointApplicant>| {
        let mut d = base.clone();
        d.applicant.kind = kind;
        d.joint = joint;
        d
    };
    let cq = sheet("scoresheets/chongqing-2020.ron");
    let xy = sheet("scoresheets/xinyang-2021.ron");
    let has = |s: &Sheet, d: &Dossier, id: &str| failed_rules(s, d, on).contains(&id.to_string());

    // Chongqing 二: a university must join an agency and a city enterprise;
    // a university plus an agency is not enough.
    let uni_agency = lead(
        University,
        vec![
            partner(University, 0, 0, 0),
            partner(ServiceAgency, 20, 6, 200),
        ],
    );
    assert!(has(&cq, &uni_agency, "CQ-E5"));
    let uni_ent = lead(
        University,
        vec![
            partner(Enterprise, 0, 0, 0),
            partner(ServiceAgency, 20, 6, 200),
        ],
    );
    assert!(!has(&cq, &uni_ent, "CQ-E5"));
    let mut outside = uni_ent.clone();
    outside.joint[0].in_region = Some(false);
    assert!(
        has(&cq, &outside, "CQ-E5"),
        "the enterprise must be in the city"
    );
    // Chongqing 二(二)5: a university without a management system fails.
    let mut no_system = uni_ent.clone();
    no_system.management.patent_system = false;
    assert!(has(&cq, &no_system, "CQ-E14"));
    // Chongqing 二(三)1: the agency needs field attorneys or searchers.
    let no_field = lead(Enterprise, vec![partner(ServiceAgency, 20, 0, 200)]);
    assert!(has(&cq, &no_field, "CQ-E15"));

    // Xinyang 四: an institute with two agencies has no enterprise partner.
    let inst_agencies = lead(
        Institute,
        vec![
            partner(ServiceAgency, 20, 6, 200),
            partner(ServiceAgency, 20, 6, 200),
        ],
    );
    assert!(has(&xy, &inst_agencies, "XY-E4"));
    let inst_ok = lead(
        Institute,
        vec![
            partner(Enterprise, 0, 0, 0),
            partner(ServiceAgency, 20, 6, 200),
        ],
    );
    assert!(!has(&xy, &inst_ok, "XY-E4"));
    // A service agency cannot lead, and the reason says so.
    let agency_lead = lead(ServiceAgency, vec![partner(Enterprise, 0, 0, 0)]);
    assert!(has(&xy, &agency_lead, "XY-E0"));
    let title = &xy
        .eligibility
        .iter()
        .find(|r| r.id == "XY-E0")
        .unwrap()
        .title;
    assert!(
        title.starts_with("知识产权服务机构不能作为申报主体牵头申报"),
        "{title}"
    );
    // Xinyang 四(一)3: the agency's own staff, field staff and revenue.
    let weak = lead(
        Enterprise,
        vec![
            partner(University, 0, 0, 0),
            partner(ServiceAgency, 9, 4, 99),
        ],
    );
    for id in ["XY-E12", "XY-E13", "XY-E14"] {
        assert!(has(&xy, &weak, id), "{id}");
    }
    let strong = lead(
        Enterprise,
        vec![
            partner(University, 0, 0, 0),
            partner(ServiceAgency, 10, 5, 100),
        ],
    );
    for id in ["XY-E12", "XY-E13", "XY-E14"] {
        assert!(!has(&xy, &strong, id), "{id}");
    }
}
