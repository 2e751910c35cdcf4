//! The ranking as one JSON object for scripts: stable keys, scores as strings
//! with two decimals (never floats), statuses by their keys.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value, json};

use super::minutes::Minutes;
use super::remarks;
use crate::domain::decision::{Choice, Decision};
use crate::domain::ranking::{Basis, Boundary, BrokenBy, Entry, Flag, Mark, Pending, Tie};

/// `{ "round", "stage", "cap", "final", "pending", "entries" … }`, pretty-printed,
/// ending in a newline.
pub fn render(m: &Minutes) -> String {
    let mut out = serde_json::to_string_pretty(&Whole(m)).unwrap_or_default();
    out.push('\n');
    out
}

/// The same, written to `out` as it is made.
pub fn write(m: &Minutes, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Whole(m))?;
    out.write_all(b"\n")
}

/// The whole object, its keys in order by name, as a map of `json!` writes
/// them; each entry is built only as it is written, so a large round never
/// holds all its entries as JSON values at once.
struct Whole<'a, 'm>(&'a Minutes<'m>);

impl Serialize for Whole<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let r = m.ranking;
        let mut map = s.serialize_map(Some(9))?;
        map.serialize_entry("basis", &basis(&r.basis))?;
        map.serialize_entry("cap", &m.cap())?;
        map.serialize_entry("entries", &Entries(m))?;
        map.serialize_entry("final", &r.is_final())?;
        map.serialize_entry(
            "pending",
            &r.pending.iter().map(pending).collect::<Vec<_>>(),
        )?;
        map.serialize_entry("round", &r.round)?;
        map.serialize_entry("stage", r.stage.key())?;
        map.serialize_entry("title", &m.round.title)?;
        let unused: Vec<Value> = r.unused_decisions.iter().map(decision).collect();
        map.serialize_entry("unused_decisions", &unused)?;
        map.end()
    }
}

struct Entries<'a, 'm>(&'a Minutes<'m>);

impl Serialize for Entries<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        s.collect_seq(m.ranking.entries.iter().map(|e| entry(m, e)))
    }
}

fn basis(b: &Basis) -> Value {
    match b {
        Basis::Selection {
            cap,
            min_score,
            alternates,
        } => json!({
            "kind": "selection",
            "cap": cap,
            "min_score": min_score.map(|p| p.fixed2()),
            "alternates": alternates,
        }),
        Basis::Shortlist {
            places,
            eligible,
            all_in,
        } => {
            json!({ "kind": "shortlist", "places": places, "eligible": eligible, "all_in": all_in })
        }
        Basis::Annual { year, line } => {
            json!({ "kind": "annual", "year": year, "line": line.fixed2() })
        }
        Basis::Acceptance => json!({ "kind": "acceptance" }),
    }
}

fn boundary(b: Boundary) -> Value {
    match b {
        Boundary::Cap { cap } => json!({ "kind": "cap", "cap": cap }),
        Boundary::Shortlist { places } => json!({ "kind": "shortlist", "places": places }),
    }
}

fn pending(p: &Pending) -> Value {
    match p {
        Pending::Tie {
            dossiers,
            boundary: b,
        } => {
            json!({ "kind": "tie", "dossiers": dossiers, "boundary": boundary(*b) })
        }
        Pending::Unscored { dossier } => json!({ "kind": "unscored", "dossier": dossier }),
        Pending::Shortlist => json!({ "kind": "shortlist" }),
        Pending::Card {
            expert,
            dossier,
            draft,
        } => json!({ "kind": "card", "expert": expert, "dossier": dossier, "draft": draft }),
        Pending::Agency {
            credit_code,
            name,
            limit,
            dossiers,
        } => {
            json!({ "kind": "agency", "credit_code": credit_code, "name": name, "limit": limit, "dossiers": dossiers })
        }
    }
}

fn entry(m: &Minutes, e: &Entry) -> Value {
    let mut o = Map::new();
    o.insert("rank".into(), json!(e.rank));
    o.insert("dossier".into(), json!(e.dossier));
    o.insert("applicant".into(), json!(e.applicant));
    o.insert("score".into(), json!(e.score.map(|s| s.fixed2())));
    o.insert("experts".into(), json!(e.experts));
    o.insert("spread".into(), json!(e.spread.map(|p| p.fixed2())));
    o.insert("status".into(), json!(e.status.key()));
    o.insert("tie".into(), e.tie.as_ref().map_or(Value::Null, tie));
    o.insert(
        "flags".into(),
        Value::Array(e.flags.iter().map(flag).collect()),
    );
    o.insert(
        "decision".into(),
        e.decision.as_ref().map_or(Value::Null, decision),
    );
    o.insert("reasons".into(), json!(remarks::reasons(e, m.lang)));
    o.insert(
        "earlier_alternate".into(),
        e.earlier.as_ref().map_or(
            Value::Null,
            |a| json!({ "round": a.round, "year": a.year, "order": a.order, "dossier": a.dossier }),
        ),
    );
    // Tie-break means exist only where there is a score to break ties on.
    let sections = match e.score {
        Some(_) => e
            .sections
            .iter()
            .map(|s| json!({ "id": s.id, "mean": s.value.fixed2() }))
            .collect(),
        None => Vec::new(),
    };
    o.insert("sections".into(), Value::Array(sections));
    Value::Object(o)
}

fn tie(t: &Tie) -> Value {
    let broken_by = match &t.broken_by {
        None => Value::Null,
        Some(BrokenBy::Section(id)) => json!({ "kind": "section", "section": id }),
        Some(BrokenBy::Decision) => json!({ "kind": "decision" }),
    };
    json!({
        "with": t.with,
        "broken_by": broken_by,
        "level": t.level,
        "boundary": t.boundary.map_or(Value::Null, boundary),
        "unresolved": t.unresolved,
    })
}

fn flag(f: Flag) -> Value {
    match f {
        Flag::Total(t) => json!({
            "kind": "total",
            "expert": t.expert,
            "total": t.total.fixed2(),
            "mean": t.check.mean.ratio().fixed2(),
            "limit": t.check.limit.fixed2(),
        }),
        Flag::Item(i) => json!({
            "kind": "item",
            "expert": i.expert,
            "item": i.item,
            "score": i.score.fixed2(),
            "mean": i.check.mean.ratio().fixed2(),
            "max": i.check.max.fixed2(),
            "percent": i.check.percent,
        }),
        Flag::Mark(Mark::BelowLineWhenPrinted { line }) => {
            json!({ "kind": "below_line_when_printed", "line": line.fixed2() })
        }
        Flag::Mark(Mark::PrintsAsTied { with }) => {
            json!({ "kind": "prints_as_tied", "with": with })
        }
    }
}

fn decision(d: &Decision) -> Value {
    let choice = match &d.choice {
        Choice::Admit(v) => json!({ "kind": "admit", "dossiers": v }),
        Choice::Order(v) => json!({ "kind": "order", "dossiers": v }),
    };
    json!({
        "reason": d.reason,
        "by": d.by,
        "at": d.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "tied": d.tied,
        "choice": choice,
    })
}
