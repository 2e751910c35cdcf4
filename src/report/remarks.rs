//! The sentences beside an entry and under the ranking: ties and what broke
//! them, decisions, deviation flags, reasons, and what is still pending.

use super::minutes::Minutes;
use crate::domain::decision::{Choice, Decision};
use crate::domain::ranking::{Basis, Boundary, BrokenBy, Entry, Flag, Mark, Pending, Tie};
use crate::lang::Lang;
use crate::lang::Say;

fn list(ids: &[String], lang: Lang) -> String {
    ids.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// The line a tie sits on, as a phrase.
pub fn boundary(b: Boundary, lang: Lang) -> String {
    match (b, lang) {
        (Boundary::Cap { cap }, Lang::Zh) => format!("入选名额（{cap} 家）线"),
        (Boundary::Cap { cap }, Lang::En) => format!("the selection cap ({cap})"),
        (Boundary::Shortlist { places }, Lang::Zh) => format!("入围线（{places} 家）"),
        (Boundary::Shortlist { places }, Lang::En) => format!("the shortlist floor ({places})"),
    }
}

pub fn basis(b: &Basis, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match b {
        Basis::Selection {
            cap,
            min_score,
            alternates,
        } => {
            let mut s = if zh {
                format!("入选名额 {cap} 家")
            } else {
                format!("at most {cap} selected")
            };
            if let Some(m) = min_score {
                s += &if zh {
                    format!("；最低分 {m} 分")
                } else {
                    format!("; minimum score {m}")
                };
            }
            s += match (alternates, zh) {
                (true, true) => "；名额外的合格者列为备选",
                (true, false) => "; qualified applicants beyond the cap are alternates",
                (false, true) => "；名额外的合格者不入选",
                (false, false) => "; qualified applicants beyond the cap are not selected",
            };
            s
        }
        Basis::Shortlist {
            places,
            eligible,
            all_in,
        } => match (all_in, zh) {
            (true, true) => {
                format!("形式审查合格 {eligible} 家，不超过入围名额 {places} 家，全部进入专家评审")
            }
            (true, false) => format!(
                "{eligible} eligible, no more than the {places} places: all go on to expert review"
            ),
            (false, true) => format!(
                "形式审查合格 {eligible} 家，按初审得分取前 {places} 家进入专家评审；同分按评分表的并列规则区分，区分后仍与末位并列者一并进入"
            ),
            (false, false) => format!(
                "{eligible} eligible; the top {places} by preliminary score go on to expert review; equal scores are separated by the sheet's tie-break sections, and those still level with the last go on with it"
            ),
        },
        Basis::Annual { year, line } if zh => format!("第{year}年度考核，合格线 {line} 分"),
        Basis::Annual { year, line } => format!("annual assessment year {year}, pass line {line}"),
        Basis::Acceptance if zh => "按评分表的验收规则判定是否通过".into(),
        Basis::Acceptance => "passed or failed by the sheet's acceptance rule".into(),
    }
}

/// Every remark on one entry: tie, decision, flags, then reasons.
pub fn entry(m: &Minutes, e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &e.tie {
        tie(m, e, t, &mut out);
    }
    out.extend(e.flags.iter().map(|f| flag(e, f, m.lang)));
    out.extend(reasons(e, m.lang).into_iter().map(|r| match m.lang {
        Lang::Zh if !e.failures.is_empty() && e.verdict.is_none() => format!("形式审查：{r}"),
        Lang::En if !e.failures.is_empty() && e.verdict.is_none() => format!("formal review: {r}"),
        _ => r,
    }));
    for p in &m.ranking.pending {
        if let Pending::Agency {
            credit_code,
            name,
            dossiers,
            ..
        } = p
            && dossiers.contains(&e.dossier)
        {
            let others: Vec<String> = dossiers
                .iter()
                .filter(|d| **d != e.dossier)
                .cloned()
                .collect();
            out.push(if m.lang == Lang::Zh {
                format!(
                    "形式审查待定：服务机构{name}（{credit_code}）另见 {}，待确定保留该机构的申报书",
                    list(&others, m.lang)
                )
            } else {
                format!(
                    "formal review pending: service agency {name} ({credit_code}) is also named by {}; the dossiers that keep it are not chosen yet",
                    list(&others, m.lang)
                )
            });
        }
    }
    if let Some(a) = &e.earlier {
        out.push(earlier(a, m.lang));
    }
    out
}

/// An applicant that was an alternate of the earlier round, as a sentence.
pub fn earlier(a: &crate::domain::alternates::Alternate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "曾为 {} 年轮次 {} 的第 {} 位备选单位（原编号 {}，{} 分）",
            a.year, a.round, a.order, a.dossier, a.score
        ),
        Lang::En => format!(
            "was alternate no. {} of round {} ({}; dossier {}, {} points)",
            a.order, a.round, a.year, a.dossier, a.score
        ),
    }
}

/// The reasons behind a status: the formal-review rules failed, or the
/// acceptance verdict.
pub fn reasons(e: &Entry, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = e.failures.iter().map(|f| f.say(lang)).collect();
    if let Some(v) = &e.verdict {
        out.push(match lang {
            Lang::Zh => v.zh(),
            Lang::En => v.en(),
        });
    }
    out
}

fn tie(m: &Minutes, e: &Entry, t: &Tie, out: &mut Vec<String>) {
    let zh = m.lang == Lang::Zh;
    match &t.broken_by {
        Some(BrokenBy::Section(id)) => {
            let title = m.section_title(id);
            let name = if title.is_empty() { id.as_str() } else { title };
            out.push(if zh {
                format!("与 {} 同分，按“{name}”小计排序", list(&t.with, m.lang))
            } else {
                format!(
                    "same score as {}; ordered by the “{name}” subtotal",
                    list(&t.with, m.lang)
                )
            });
        }
        Some(BrokenBy::Decision) => {
            let by = e.decision.as_ref().map_or(String::new(), |d| {
                if zh {
                    format!("（{}：{}）", d.by, d.reason)
                } else {
                    format!(" ({}: {})", d.by, d.reason)
                }
            });
            out.push(if zh {
                format!("与 {} 同分，按秘书决定排序{by}", list(&t.with, m.lang))
            } else {
                format!(
                    "same score as {}; ordered by the secretary's decision{by}",
                    list(&t.with, m.lang)
                )
            });
        }
        None => {}
    }
    if !t.level.is_empty() {
        out.push(if zh {
            format!("与 {} 并列", list(&t.level, m.lang))
        } else {
            format!("level with {}", list(&t.level, m.lang))
        });
    }
    if t.unresolved {
        let line = t.boundary.map_or(String::new(), |b| boundary(b, m.lang));
        out.push(if zh {
            format!("并列跨越{line}，待秘书决定")
        } else {
            format!("level across {line}; awaits the secretary's decision")
        });
    }
}

fn flag(e: &Entry, f: Flag, lang: Lang) -> String {
    let exact = e.score.map_or_else(String::new, |s| s.exact());
    let zh = lang == Lang::Zh;
    match f {
        Flag::Total(t) if zh => format!(
            "专家 {} 总分 {} 偏离均值 {} 分（阈值 {} 分）",
            t.expert,
            t.total,
            t.distance().fixed2(),
            t.check.limit
        ),
        Flag::Total(t) => format!(
            "expert {} total {} is {} from the mean (limit {})",
            t.expert,
            t.total,
            t.distance().fixed2(),
            t.check.limit
        ),
        Flag::Item(i) if zh => format!(
            "专家 {} 第 {} 项 {} 分偏离均值 {} 分（阈值 {}%×{}）",
            i.expert,
            i.item,
            i.score,
            i.distance().fixed2(),
            i.check.percent,
            i.check.max
        ),
        Flag::Item(i) => format!(
            "expert {} item {} score {} is {} from the mean (limit {}% of {})",
            i.expert,
            i.item,
            i.score,
            i.distance().fixed2(),
            i.check.percent,
            i.check.max
        ),
        Flag::Mark(Mark::BelowLineWhenPrinted { line }) if zh => {
            format!(
                "精确得分 {exact} < {line}，未达线；两位小数显示为 {}",
                line.fixed2()
            )
        }
        Flag::Mark(Mark::BelowLineWhenPrinted { line }) => format!(
            "the exact score {exact} < {line}: below the line, though it prints as {}",
            line.fixed2()
        ),
        Flag::Mark(Mark::PrintsAsTied { with }) if zh => {
            format!(
                "与 {} 显示得分相同，但精确得分不同，不并列",
                list(with, lang)
            )
        }
        Flag::Mark(Mark::PrintsAsTied { with }) => format!(
            "prints the same as {}, but the exact scores differ: not tied",
            list(with, lang)
        ),
    }
}

/// What a pending item needs, as a sentence.
pub fn pending(m: &Minutes, p: &Pending) -> String {
    let zh = m.lang == Lang::Zh;
    match p {
        Pending::Tie {
            dossiers,
            boundary: b,
        } if zh => format!(
            "{} 同分并列，跨越{}：须由秘书记录决定及理由。",
            list(dossiers, m.lang),
            boundary(*b, m.lang)
        ),
        Pending::Tie {
            dossiers,
            boundary: b,
        } => format!(
            "{} are level across {}: the secretary must record a decision and its reason.",
            list(dossiers, m.lang),
            boundary(*b, m.lang)
        ),
        Pending::Unscored { dossier } if zh => format!(
            "{dossier} {} 尚无计分的评分：须有专家提交完整评分。",
            m.applicant(dossier)
        ),
        Pending::Unscored { dossier } => format!(
            "{dossier} {} has no counted score yet: an expert must submit a complete card.",
            m.applicant(dossier)
        ),
        Pending::Shortlist if zh => "初审入围名单尚未最终确定。".into(),
        Pending::Shortlist => "The shortlist this selection rests on is not final.".into(),
        Pending::Card {
            expert,
            dossier,
            draft,
        } if zh => format!(
            "{dossier} {}：专家 {expert} 的评分表{}。",
            m.applicant(dossier),
            if *draft {
                "仍为草稿，未提交"
            } else {
                "尚未提交"
            }
        ),
        Pending::Card {
            expert,
            dossier,
            draft,
        } => format!(
            "{dossier} {}: the card of expert {expert} is {}.",
            m.applicant(dossier),
            if *draft {
                "still a draft"
            } else {
                "not submitted"
            }
        ),
        Pending::Agency {
            credit_code,
            name,
            limit,
            dossiers,
        } if zh => format!(
            "服务机构{name}（{credit_code}）参与服务的申报主体超过 {limit} 家（{}）：须确定保留该机构的申报书（至多 {limit} 份），其余形式审查不通过。",
            list(dossiers, m.lang)
        ),
        Pending::Agency {
            credit_code,
            name,
            limit,
            dossiers,
        } => format!(
            "Service agency {name} ({credit_code}) serves more than {limit} applicants of the round ({}): choose the dossiers that keep it (at most {limit}); the others fail formal review.",
            list(dossiers, m.lang)
        ),
    }
}

/// A recorded decision that settles nothing now, as a sentence.
pub fn unused(d: &Decision, zone: crate::domain::round::Zone, lang: Lang) -> String {
    let at = zone.local(d.at);
    let chosen = match &d.choice {
        Choice::Admit(v) | Choice::Order(v) => list(v, lang),
    };
    match (&d.choice, lang) {
        (Choice::Admit(_), Lang::Zh) => format!(
            "{at} {} 就 {} 决定 {chosen} 优先（{}）",
            d.by,
            list(&d.tied, lang),
            d.reason
        ),
        (Choice::Order(_), Lang::Zh) => format!(
            "{at} {} 就 {} 决定排序为 {chosen}（{}）",
            d.by,
            list(&d.tied, lang),
            d.reason
        ),
        (Choice::Admit(_), Lang::En) => format!(
            "{at} {} decided {chosen} go ahead among {} ({})",
            d.by,
            list(&d.tied, lang),
            d.reason
        ),
        (Choice::Order(_), Lang::En) => format!(
            "{at} {} ordered {} as {chosen} ({})",
            d.by,
            list(&d.tied, lang),
            d.reason
        ),
    }
}
