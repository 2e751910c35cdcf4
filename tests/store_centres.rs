//! The register in the store: every change checked, written whole with its
//! audit entries or not at all, and verified against its own chain.

use chrono::NaiveDate;
use pingshen::domain::Points;
use pingshen::domain::lifecycle::{Event, State};
use pingshen::domain::register::{Record, Scheme};
use pingshen::store::{Action, Enrolment, REGISTER, Store};

const A: &str = "91440116MA5C8K2X1Y";
const B: &str = "91440101MAPMJJH73Q";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let s = Store::open(&tmp.path().join("store")).unwrap();
    (tmp, s)
}

fn enrolment(code: &str, name: &str, on: NaiveDate) -> Enrolment {
    Enrolment {
        code: code.into(),
        name: name.into(),
        scheme: Scheme::Huangpu,
        record: Record::from_round(Event::Recognised { on }, "hp-2024"),
    }
}

fn assessed(code: &str, score: i64, on: NaiveDate) -> (String, Record) {
    let e = Event::Assessed {
        year: 1,
        score: Points::whole(score),
        on,
    };
    (code.to_string(), Record::new(e))
}

fn two_centres() -> (tempfile::TempDir, Store) {
    let (tmp, mut s) = fresh();
    s.enrol(
        &[
            enrolment(A, "广州甲公司", d(2024, 7, 1)),
            enrolment(B, "广州乙公司", d(2024, 7, 1)),
        ],
        "secretary",
    )
    .unwrap();
    (tmp, s)
}

#[test]
fn centres_enter_and_change_with_one_audit_entry_per_event() {
    let (_tmp, mut s) = two_centres();
    let changed = s
        .record_centres(
            &[
                assessed(A, 80, d(2025, 7, 1)),
                assessed(B, 60, d(2025, 7, 2)),
            ],
            "秘书甲",
        )
        .unwrap();
    assert_eq!(changed.len(), 2);
    let a = s.centre(A).unwrap();
    assert!(matches!(a.state(), Some(State::Year1Passed { .. })));
    assert_eq!(a.records[0].round.as_deref(), Some("hp-2024"));
    let log = s.audit_log(REGISTER).unwrap();
    let actions: Vec<Action> = log.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        [
            Action::Recognise,
            Action::Recognise,
            Action::Assess,
            Action::Assess
        ]
    );
    assert_eq!(log[2].subject.centre.as_deref(), Some(A));
    assert_eq!(log[2].old.as_deref(), Some("recognised"));
    assert_eq!(log[3].who, "秘书甲");
    let v = s.audit_verify(None).unwrap();
    assert_eq!(v.rounds, [(REGISTER.to_string(), 4)]);
    assert!(v.broken.is_none());
    assert!(s.audit_verify(Some(REGISTER)).unwrap().broken.is_none());
}

#[test]
fn a_refused_change_writes_nothing() {
    let (_tmp, mut s) = two_centres();
    let before = s.dump().unwrap();
    // the second event of the batch is illegal: the first is not written either
    let err = s
        .record_centres(
            &[
                assessed(A, 80, d(2025, 7, 1)),
                (
                    B.to_string(),
                    Record::new(Event::Reassessed {
                        year: 1,
                        score: Points::whole(80),
                        on: d(2025, 7, 1),
                    }),
                ),
            ],
            "secretary",
        )
        .unwrap_err();
    assert!(err.is_bad_input());
    assert_eq!(
        err.to_string(),
        format!("centre {B}: the centre is recognised; the next step is the year-1 assessment")
    );
    let err = s
        .record_centres(&[assessed("91440101MA5D000000", 80, d(2025, 7, 1))], "x")
        .unwrap_err();
    assert!(err.is_bad_input());
    assert_eq!(
        err.to_string(),
        format!(
            "centre '91440101MA5D000000' is not in the register; centres in the register: {B}, {A}"
        )
    );
    let again = s
        .enrol(&[enrolment(A, "广州甲公司", d(2025, 1, 1))], "x")
        .unwrap_err();
    assert!(again.to_string().contains("may not be recognised again"));
    let twice = s
        .enrol(
            &[
                enrolment("91440112MAPQRL916Q", "丙", d(2025, 1, 1)),
                enrolment("91440112MAPQRL916Q", "丙", d(2025, 1, 1)),
            ],
            "x",
        )
        .unwrap_err();
    assert!(twice.to_string().contains("appears twice"));
    let mut other = enrolment(A, "广州甲公司", d(2025, 1, 1));
    other.scheme = Scheme::Chongqing;
    let scheme = s.enrol(&[other], "x").unwrap_err();
    assert_eq!(
        scheme.to_string(),
        format!("centre {A}: it is in the register under the scheme huangpu, not chongqing")
    );
    assert_eq!(s.dump().unwrap(), before);
}

#[test]
fn a_history_changed_behind_the_log_is_found() {
    let tmp = {
        let (tmp, mut s) = two_centres();
        s.record_centres(&[assessed(A, 80, d(2025, 7, 1))], "secretary")
            .unwrap();
        tmp
    };
    let dir = tmp.path().join("store");
    // The state alone is changed; the journal, the record of truth, is not.
    let db = sled::Config::new()
        .path(dir.join("state"))
        .flush_every_ms(None)
        .open()
        .unwrap();
    let mut n = 0;
    for kv in db.iter() {
        let (k, v) = kv.unwrap();
        let text = String::from_utf8_lossy(&v).to_string();
        if k.windows(6).any(|w| w == b"centre") && text.contains("\"score\":80") {
            db.insert(k, text.replace("\"score\":80", "\"score\":60").as_bytes())
                .unwrap();
            n += 1;
        }
    }
    assert_eq!(n, 1);
    db.flush().unwrap();
    drop(db);
    let s = Store::open(&dir).unwrap();
    let v = s.audit_verify(None).unwrap();
    let b = v.broken.unwrap();
    assert_eq!(b.round, "");
    assert_eq!(
        b.why,
        pingshen::store::AuditFault::NotAsJournaled {
            key: format!("centre / {A}")
        }
    );
}
