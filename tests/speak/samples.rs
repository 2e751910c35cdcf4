//! One value of every error variant of every layer. Each `covers_*` function
//! matches without a wildcard, so a new variant does not compile until it has
//! a sample here.

use std::path::PathBuf;

use chrono::{NaiveDate, Weekday};
use pingshen::attachments::DocumentFault;
use pingshen::bundle::{BadKey, BodyFault, BundleError, Frame, KeyMismatch};
use pingshen::domain::Points;
use pingshen::domain::agency::AgencyError;
use pingshen::domain::calendar::CalendarError;
use pingshen::domain::card::Gaps;
use pingshen::domain::decision::DecisionError;
use pingshen::domain::lifecycle::{
    LifecycleError, NotNow, Notified, Reasoned as Why, State, Step, Unpublished,
};
use pingshen::domain::merge::{CardFault, Differs, HistoryFault, MergeRefusal};
use pingshen::domain::outcome::OutcomeError;
use pingshen::domain::pin::PinRefusal;
use pingshen::domain::points::PointsError;
use pingshen::domain::problem::{CodeProblem, Problem};
use pingshen::domain::rank::RankError;
use pingshen::domain::ranking::{Boundary, Pending, Status};
use pingshen::domain::register::{Broken, Scheme};
use pingshen::domain::register::{OverYearlyLimit, Uncorrectable};
use pingshen::domain::replay::{ReplayFault, Told};
use pingshen::domain::round::RoundKind;
use pingshen::domain::scoring::{Reasoned, Refusal};
use pingshen::domain::sheet::ValueError;
use pingshen::error::{CenterError, Chain, CommandError, Error, Exit, Said, SheetsError};
use pingshen::lang::Say;
use pingshen::load::{FileError, Message, Unread};
use pingshen::store::notice::RebuildWhy;
use pingshen::store::{
    AuditFault, BackupFault, Cause, CentreFault, EarlierFault, Fault, Notice, StoreError,
};
use pingshen::workbook::Issue;

pub type Sample = (String, Box<dyn Say>);

fn s(x: &str) -> String {
    x.to_string()
}

fn p(n: i64) -> Points {
    Points::whole(n)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, d).unwrap_or_default()
}

fn dir() -> PathBuf {
    PathBuf::from("/media/usb/store")
}

fn named<T: Say + std::fmt::Debug + 'static>(v: T) -> Sample {
    (format!("{v:?}"), Box::new(v))
}

pub fn samples() -> Vec<Sample> {
    let mut out: Vec<Sample> = Vec::new();
    out.extend(values().into_iter().map(named));
    out.extend(refusals().into_iter().map(named));
    out.extend(decisions().into_iter().map(named));
    out.extend(notices().into_iter().map(named));
    out.extend(faults().into_iter().map(named));
    out.extend(merges().into_iter().map(named));
    out.extend(pins().into_iter().map(named));
    out.extend(lifecycle().into_iter().map(named));
    out.extend(causes().into_iter().map(named));
    out.extend(stores().into_iter().map(named));
    out.extend(bundles().into_iter().map(named));
    out.extend(messages().into_iter().map(named));
    out.extend(problems().into_iter().map(named));
    out.extend(commands().into_iter().map(named));
    out.extend(centres().into_iter().map(named));
    out.extend(sheets().into_iter().map(named));
    out.extend(others());
    // The command line's error says what it wraps.
    let wrapped: Vec<Sample> = stores()
        .into_iter()
        .map(Error::Store)
        .chain(bundles().into_iter().map(Error::Bundle))
        .chain(commands().into_iter().map(Error::Command))
        .chain(centres().into_iter().map(Error::Center))
        .chain(sheets().into_iter().map(Error::Sheets))
        .chain([Error::Files(vec![file_error(Message::Empty)])])
        .map(|e| (format!("Error::{e:?}"), Box::new(e) as Box<dyn Say>))
        .collect();
    out.extend(wrapped);
    out
}

fn values() -> Vec<ValueError> {
    let v = vec![
        ValueError::NoSuchItem(s("Z1"), s("A1, A2")),
        ValueError::AboveMax {
            item: s("A1"),
            value: p(11),
            max: p(10),
            step: Points::from_hundredths(50),
        },
        ValueError::OffStep {
            item: s("A1"),
            value: Points::from_hundredths(725),
            max: p(10),
            step: Points::from_hundredths(50),
        },
    ];
    for e in &v {
        match e {
            ValueError::NoSuchItem(..)
            | ValueError::AboveMax { .. }
            | ValueError::OffStep { .. } => {}
        }
    }
    v
}

fn refusals() -> Vec<Refusal> {
    let card = || (s("E1"), s("HP-2024-001"));
    let v = vec![
        Refusal::NotOnPanel {
            round: s("hp-2024"),
            expert: s("E9"),
            panel: s("E1, E2"),
        },
        Refusal::NoSuchDossier {
            round: s("hp-2024"),
            dossier: s("X"),
            known: s("HP-2024-001"),
        },
        Refusal::Value(values().remove(1)),
        Refusal::NoReason {
            what: Reasoned::Reopen,
        },
        Refusal::NoReason {
            what: Reasoned::Recusal,
        },
        Refusal::NoReason {
            what: Reasoned::Excuse,
        },
        Refusal::NoReason {
            what: Reasoned::PinReset,
        },
        Refusal::NoReason {
            what: Reasoned::PinRequire,
        },
        Refusal::NoReason {
            what: Reasoned::PinRelease,
        },
        Refusal::Recused {
            expert: card().0,
            dossier: card().1,
            reason: s("same employer"),
        },
        Refusal::Submitted {
            expert: card().0,
            dossier: card().1,
        },
        Refusal::Incomplete {
            expert: card().0,
            dossier: card().1,
            gaps: Gaps {
                missing: vec![s("A1")],
                comments: vec![s("S8.1")],
            },
        },
        Refusal::NotSubmitted {
            expert: card().0,
            dossier: card().1,
        },
        Refusal::Blind {
            expert: card().0,
            dossier: card().1,
        },
    ];
    for e in &v {
        match e {
            Refusal::NotOnPanel { .. }
            | Refusal::NoSuchDossier { .. }
            | Refusal::Value(_)
            | Refusal::NoReason { .. }
            | Refusal::Recused { .. }
            | Refusal::Submitted { .. }
            | Refusal::Incomplete { .. }
            | Refusal::NotSubmitted { .. }
            | Refusal::Blind { .. } => {}
        }
    }
    v
}

fn decisions() -> Vec<DecisionError> {
    let v = vec![
        DecisionError::NoReason,
        DecisionError::TooFew(1),
        DecisionError::Twice(s("D1")),
        DecisionError::NotTied(s("D9")),
        DecisionError::Incomplete(s("D2, D3")),
        DecisionError::AdmitNoneOrAll,
    ];
    for e in &v {
        match e {
            DecisionError::NoReason
            | DecisionError::TooFew(_)
            | DecisionError::Twice(_)
            | DecisionError::NotTied(_)
            | DecisionError::Incomplete(_)
            | DecisionError::AdmitNoneOrAll => {}
        }
    }
    v
}

fn card_faults() -> Vec<CardFault> {
    let v = vec![
        CardFault::Refused(Box::new(refusals().remove(0))),
        CardFault::NotTheirs {
            round: s("r"),
            stage: "expert",
            expert: s("E2"),
            bundle_expert: s("E1"),
            bundle_round: s("r"),
        },
        CardFault::NoSuchDossier { round: s("r") },
        CardFault::CommentOffSheet { item: s("Z1") },
        CardFault::SubmittedIncomplete {
            missing: vec![s("A1")],
        },
        CardFault::TwoCards,
        CardFault::OtherRecusal {
            expert: s("E2"),
            round: s("r"),
        },
    ];
    for e in &v {
        match e {
            CardFault::Refused(_)
            | CardFault::NotTheirs { .. }
            | CardFault::NoSuchDossier { .. }
            | CardFault::CommentOffSheet { .. }
            | CardFault::SubmittedIncomplete { .. }
            | CardFault::TwoCards
            | CardFault::OtherRecusal { .. } => {}
        }
    }
    v
}

fn merges() -> Vec<MergeRefusal> {
    let mut v = vec![
        MergeRefusal::OtherRound {
            round: s("r"),
            known: s("hp-2024"),
        },
        MergeRefusal::OtherVersion {
            round: s("r"),
            what: Differs::Files,
            theirs: s("3f2a"),
            ours: s("91bc"),
        },
        MergeRefusal::OtherVersion {
            round: s("r"),
            what: Differs::Sheet {
                theirs: Box::new([s("hp"), s("1"), s("3f2a")]),
                ours: Box::new([s("hp"), s("2"), s("91bc")]),
            },
            theirs: s("3f2a"),
            ours: s("91bc"),
        },
        MergeRefusal::NotOnPanel {
            round: s("r"),
            expert: s("E9"),
        },
        MergeRefusal::PinnedMismatch {
            round: s("r"),
            expert: s("E1"),
            pinned: s("3f2a-91bc-04de-77a1"),
            found: s("0000-0000-0000-0000"),
        },
        MergeRefusal::UnknownKey {
            round: s("r"),
            expert: s("E1"),
            found: s("3f2a-91bc-04de-77a1"),
        },
        MergeRefusal::ConfirmedOther {
            expert: s("E1"),
            confirmed: s("3f2a-91bc-04de-77a1"),
            found: s("0000-0000-0000-0000"),
        },
        MergeRefusal::History(HistoryFault::EntryHash { seq: 3 }),
        MergeRefusal::History(HistoryFault::Replay(Box::new(ReplayFault::Status {
            told: card(),
        }))),
        MergeRefusal::SequenceReused {
            sequence: 4,
            key: s("3f2a-91bc-04de-77a1"),
        },
        MergeRefusal::NoConflict {
            expert: s("E1"),
            dossier: s("D1"),
            item: s("A1"),
        },
        MergeRefusal::AlreadyResolved {
            expert: s("E1"),
            dossier: s("D1"),
            item: s("A1"),
            value: p(7),
            by: s("Li"),
        },
        MergeRefusal::NoReason,
    ];
    v.extend(card_faults().into_iter().map(|why| MergeRefusal::BadCard {
        dossier: s("D1"),
        why: Box::new(why),
    }));
    for e in &v {
        match e {
            MergeRefusal::OtherRound { .. }
            | MergeRefusal::OtherVersion { .. }
            | MergeRefusal::NotOnPanel { .. }
            | MergeRefusal::PinnedMismatch { .. }
            | MergeRefusal::UnknownKey { .. }
            | MergeRefusal::ConfirmedOther { .. }
            | MergeRefusal::BadCard { .. }
            | MergeRefusal::History(_)
            | MergeRefusal::SequenceReused { .. }
            | MergeRefusal::NoConflict { .. }
            | MergeRefusal::AlreadyResolved { .. }
            | MergeRefusal::NoReason => {}
        }
    }
    v
}

fn lifecycle() -> Vec<LifecycleError> {
    let states = [
        State::Recognised { since: day(1) },
        State::Year1Passed {
            on: day(2),
            since: day(1),
        },
        State::Rectifying {
            year: 1,
            failed: day(1),
            deadline: day(30),
        },
        State::Rectifying {
            year: 2,
            failed: day(1),
            deadline: day(30),
        },
        State::Completed { on: day(1) },
        State::Revoked {
            on: day(1),
            barred_until: day(2),
        },
        State::Withdrawn {
            on: day(1),
            barred_until: day(2),
        },
        State::Annulled { on: day(1) },
    ];
    let mut v = Vec::new();
    for st in states {
        for why in [
            NotNow::RecognisedAgain,
            NotNow::NoTitle,
            NotNow::OtherStep,
            NotNow::NotPublished,
        ] {
            v.push(LifecycleError::NotNow(st.clone(), why));
        }
    }
    for what in [
        Step::Year1,
        Step::Year2,
        Step::Reassessment,
        Step::Withdrawal,
        Step::Recognition,
        Step::Publicity(Notified::Recognition),
        Step::Publicity(Notified::Pass { year: 2 }),
        Step::PublicityEnd,
        Step::Ruling(2),
    ] {
        v.push(LifecycleError::TooEarly {
            what,
            on: day(1),
            since: day(2),
        });
    }
    v.extend([
        LifecycleError::NotRecognised,
        LifecycleError::Barred { until: day(3) },
        LifecycleError::NothingToPublish(Unpublished::Failed(1)),
        LifecycleError::NothingToPublish(Unpublished::NoPeriod),
        LifecycleError::AlreadyPublished {
            what: Notified::Pass { year: 1 },
            from: day(1),
            until: day(7),
        },
        LifecycleError::OutsidePeriod {
            on: day(9),
            what: Notified::Recognition,
            from: day(1),
            until: day(7),
        },
        LifecycleError::NoSuchObjection {
            number: 3,
            open: vec![],
        },
        LifecycleError::NoSuchObjection {
            number: 3,
            open: vec![1, 2],
        },
        LifecycleError::AlreadyRuled {
            number: 1,
            on: day(8),
            upheld: true,
        },
        LifecycleError::NoReason(Why::Withdrawal),
        LifecycleError::NoReason(Why::Objection),
        LifecycleError::NoReason(Why::Ruling),
    ]);
    for e in &v {
        match e {
            LifecycleError::NotNow(..)
            | LifecycleError::TooEarly { .. }
            | LifecycleError::NotRecognised
            | LifecycleError::Barred { .. }
            | LifecycleError::NothingToPublish(_)
            | LifecycleError::AlreadyPublished { .. }
            | LifecycleError::OutsidePeriod { .. }
            | LifecycleError::NoSuchObjection { .. }
            | LifecycleError::AlreadyRuled { .. }
            | LifecycleError::NoReason(_) => {}
        }
    }
    v
}

fn causes() -> Vec<Cause> {
    let v = vec![
        Cause::DiskFull,
        Cause::NoPermission(s("Permission denied (os error 13)")),
        Cause::ReadOnly(s("Read-only file system (os error 30)")),
        Cause::Corrupt {
            at: Some(s("4096")),
        },
        Cause::Corrupt { at: None },
        Cause::BadValue {
            key: s("cards / r / E1"),
            detail: s("1:1"),
        },
        Cause::BadStamp(s("1:1")),
        Cause::MissingDossier {
            round: s("r"),
            dossier: s("D1"),
        },
        Cause::NoSigningKey,
        Cause::Unreadable,
        Cause::System(s("No space left on device (os error 28)")),
        Cause::JournalMissing,
        Cause::JournalClosed,
        Cause::EarlierLayout,
        Cause::BadKeyFile,
        Cause::Backup(BackupFault::Record {
            seq: 3,
            offset: 812,
            fault: Fault::Checksum,
        }),
        Cause::Backup(BackupFault::Entry { seq: 3 }),
        Cause::Backup(BackupFault::Chain {
            seq: 3,
            entry: 7,
            round: s("r"),
        }),
        Cause::Backup(BackupFault::Empty),
    ];
    for e in &v {
        match e {
            Cause::DiskFull
            | Cause::NoPermission(_)
            | Cause::ReadOnly(_)
            | Cause::Corrupt { .. }
            | Cause::BadValue { .. }
            | Cause::BadStamp(_)
            | Cause::MissingDossier { .. }
            | Cause::NoSigningKey
            | Cause::Unreadable
            | Cause::System(_)
            | Cause::JournalMissing
            | Cause::JournalClosed
            | Cause::EarlierLayout
            | Cause::BadKeyFile
            | Cause::Backup(_) => {}
        }
    }
    v
}

fn audit_faults() -> Vec<AuditFault> {
    let v = vec![
        AuditFault::Unreadable,
        AuditFault::Missing { found: 5 },
        AuditFault::PreviousHash,
        AuditFault::Hash,
        AuditFault::Ends {
            count: 3,
            recorded: 4,
        },
        AuditFault::Replay(Box::new(ReplayFault::NoHistory { told: card() })),
        AuditFault::NotJournaled { key: s("card / r") },
        AuditFault::NotAsJournaled { key: s("card / r") },
        AuditFault::Count {
            journal: 4,
            state: 5,
        },
    ];
    let mut v = v;
    v.extend(faults().into_iter().map(AuditFault::Journal));
    for e in &v {
        match e {
            AuditFault::Unreadable
            | AuditFault::Missing { .. }
            | AuditFault::PreviousHash
            | AuditFault::Hash
            | AuditFault::Ends { .. }
            | AuditFault::Replay(_)
            | AuditFault::Journal(_)
            | AuditFault::NotJournaled { .. }
            | AuditFault::NotAsJournaled { .. }
            | AuditFault::Count { .. } => {}
        }
    }
    v
}

fn faults() -> Vec<Fault> {
    let v = vec![
        Fault::Header,
        Fault::Newer(2),
        Fault::Cut,
        Fault::Length(1 << 40),
        Fault::Checksum,
        Fault::Decode,
        Fault::Sequence {
            expected: 4,
            found: 6,
        },
        Fault::Chain,
    ];
    for f in &v {
        match f {
            Fault::Header
            | Fault::Newer(_)
            | Fault::Cut
            | Fault::Length(_)
            | Fault::Checksum
            | Fault::Decode
            | Fault::Sequence { .. }
            | Fault::Chain => {}
        }
    }
    v
}

/// What opening a store tells.
fn notices() -> Vec<Notice> {
    let moved = PathBuf::from("/media/usb/store/state-moved-20261201-120000");
    let mut v = vec![
        Notice::TailCut {
            segment: s("00000001.psj"),
            offset: 4096,
            kept: Some(PathBuf::from("/media/usb/store/journal/cut.bin")),
        },
        Notice::TailCut {
            segment: s("00000001.psj"),
            offset: 4096,
            kept: None,
        },
        Notice::Converted {
            moved: moved.clone(),
            records: 3,
        },
        Notice::Damaged {
            seq: 3,
            segment: s("00000001.psj"),
            offset: 812,
        },
    ];
    for why in [
        RebuildWhy::Unreadable,
        RebuildWhy::Disagrees,
        RebuildWhy::Missing,
        RebuildWhy::WentDown,
    ] {
        v.push(Notice::Rebuilt {
            why,
            moved: Some(moved.clone()),
            records: 9,
        });
    }
    for n in &v {
        match n {
            Notice::TailCut { .. }
            | Notice::Rebuilt { .. }
            | Notice::Converted { .. }
            | Notice::Damaged { .. } => {}
        }
    }
    v
}

fn stores() -> Vec<StoreError> {
    let mut v = vec![
        StoreError::InUse {
            dir: dir(),
            holder: Some(s("4242")),
        },
        StoreError::InUse {
            dir: dir(),
            holder: None,
        },
        StoreError::Newer {
            dir: dir(),
            found: 2,
            ours: 1,
        },
        StoreError::NoSuchRound {
            round: s("nope"),
            known: vec![],
        },
        StoreError::NoSuchRound {
            round: s("nope"),
            known: vec![s("hp-2024")],
        },
        StoreError::RoundInUse {
            round: s("r"),
            cards: 3,
        },
        StoreError::NoSuchCentre {
            code: s("X"),
            known: vec![],
        },
        StoreError::NoSuchCentre {
            code: s("X"),
            known: vec![s("91440116MA5C8K2X1Y")],
        },
        StoreError::Centre {
            code: s("X"),
            why: CentreFault::Twice,
        },
        StoreError::Centre {
            code: s("X"),
            why: CentreFault::OtherScheme {
                registered: Scheme::Huangpu,
                given: Scheme::Chongqing,
            },
        },
        StoreError::Centre {
            code: s("X"),
            why: CentreFault::Lifecycle(LifecycleError::NotRecognised),
        },
        StoreError::BadDecision(DecisionError::NoReason),
        StoreError::Agency(AgencyError::NoReason),
        StoreError::Agency(AgencyError::NoClash {
            round: s("r"),
            code: s("X"),
            over: vec![],
        }),
        StoreError::Agency(AgencyError::NoClash {
            round: s("r"),
            code: s("X"),
            over: vec![s("124400004558612340")],
        }),
        StoreError::Agency(AgencyError::TooMany {
            code: s("X"),
            limit: 2,
            given: 3,
        }),
        StoreError::Agency(AgencyError::NotNaming {
            code: s("X"),
            dossier: s("C-9"),
            naming: vec![s("C-1"), s("C-2")],
        }),
        StoreError::Agency(AgencyError::Twice(s("C-1"))),
        StoreError::Earlier {
            round: s("r2"),
            earlier: s("r1"),
            why: EarlierFault::NotRecognition,
        },
        StoreError::Earlier {
            round: s("r2"),
            earlier: s("r1"),
            why: EarlierFault::NotEarlier {
                year: 2024,
                earlier_year: 2025,
            },
        },
        StoreError::Earlier {
            round: s("r2"),
            earlier: s("r1"),
            why: EarlierFault::OtherProgramme {
                programme: s("guangxi"),
                earlier_programme: s("chongqing"),
            },
        },
        StoreError::Earlier {
            round: s("r1"),
            earlier: s("r1"),
            why: EarlierFault::Itself,
        },
        StoreError::JournalDamaged {
            dir: dir(),
            segment: 1,
            offset: 812,
            seq: 3,
            fault: Fault::Checksum,
        },
        StoreError::NotEmpty { dir: dir() },
    ];
    for c in causes() {
        v.push(StoreError::Damaged {
            dir: dir(),
            detail: c.clone(),
        });
        v.push(StoreError::Write {
            dir: dir(),
            detail: c.clone(),
        });
        v.push(StoreError::Unconfirmed {
            dir: dir(),
            detail: c.clone(),
        });
        v.push(StoreError::Open {
            dir: dir(),
            detail: c.clone(),
        });
        v.push(StoreError::Read {
            dir: dir(),
            detail: c.clone(),
        });
        v.push(StoreError::Broken {
            dir: dir(),
            detail: c,
        });
    }
    v.extend(refusals().into_iter().map(StoreError::Refused));
    v.extend(merges().into_iter().map(StoreError::Merge));
    v.extend(pins().into_iter().map(StoreError::Pin));
    for e in &v {
        match e {
            StoreError::InUse { .. }
            | StoreError::Newer { .. }
            | StoreError::Damaged { .. }
            | StoreError::Write { .. }
            | StoreError::Unconfirmed { .. }
            | StoreError::Open { .. }
            | StoreError::Read { .. }
            | StoreError::Broken { .. }
            | StoreError::NoSuchRound { .. }
            | StoreError::RoundInUse { .. }
            | StoreError::Refused(_)
            | StoreError::BadDecision(_)
            | StoreError::Agency(_)
            | StoreError::Earlier { .. }
            | StoreError::Merge(_)
            | StoreError::NoSuchCentre { .. }
            | StoreError::Centre { .. }
            | StoreError::JournalDamaged { .. }
            | StoreError::NotEmpty { .. }
            | StoreError::Pin(_) => {}
        }
    }
    v
}

/// A PIN's refusals: its form, its second typing, and the state.
fn pins() -> Vec<PinRefusal> {
    let until = chrono::DateTime::from_timestamp(1_751_362_260, 0).unwrap_or_default();
    let v = vec![
        PinRefusal::Form,
        PinRefusal::Differs,
        PinRefusal::Wrong {
            expert: s("E1"),
            left: 4,
        },
        PinRefusal::Wrong {
            expert: s("E1"),
            left: 1,
        },
        PinRefusal::Locked {
            expert: s("E1"),
            until,
        },
        PinRefusal::Needed { expert: s("E1") },
        PinRefusal::NotSet { expert: s("E1") },
        PinRefusal::AlreadySet { expert: s("E1") },
        PinRefusal::NothingToReset { expert: s("E1") },
    ];
    for e in &v {
        match e {
            PinRefusal::Form
            | PinRefusal::Differs
            | PinRefusal::Wrong { .. }
            | PinRefusal::Locked { .. }
            | PinRefusal::Needed { .. }
            | PinRefusal::NotSet { .. }
            | PinRefusal::AlreadySet { .. }
            | PinRefusal::NothingToReset { .. } => {}
        }
    }
    v
}

fn bundles() -> Vec<BundleError> {
    let mut v = vec![
        BundleError::Signature,
        BundleError::Body(BodyFault::NotUtf8(s("invalid utf-8 sequence"))),
        BundleError::Body(BodyFault::Parse {
            line: 3,
            col: 4,
            error: ron::Error::ExpectedMapColon,
        }),
        BundleError::Body(BodyFault::Score {
            dossier: s("D1"),
            item: s("A1"),
            error: PointsError::NotANumber(s("x")),
        }),
        BundleError::Body(BodyFault::Write(s("Formatting RON failed"))),
        BundleError::KeyMismatch(KeyMismatch::Keys),
        BundleError::KeyMismatch(KeyMismatch::Fingerprint {
            given: s("3f2a"),
            actual: s("91bc"),
        }),
        BundleError::NoTexts(s("r")),
        BundleError::Files(vec![file_error(Message::Empty)]),
        BundleError::PackageChanged {
            file: s("r.package"),
            declared: s("3f2a"),
            found: s("91bc"),
        },
        BundleError::Random(s("getrandom failed")),
        BundleError::BadKey(BadKey::Secret),
        BundleError::BadKey(BadKey::Halves),
        BundleError::Store(stores().remove(0)),
    ];
    v.extend(documents().into_iter().map(BundleError::Documents));
    for f in [
        Frame::CrLf,
        Frame::FirstLine,
        Frame::NoKeyLine,
        Frame::KeyLine,
        Frame::NoFinalBreak,
        Frame::SignatureLine,
        Frame::PublicKey,
        Frame::Version { found: 2, ours: 1 },
    ] {
        v.push(BundleError::Format(f));
    }
    v.extend(audit_faults().into_iter().map(BundleError::Broken));
    for e in &v {
        match e {
            BundleError::Format(_)
            | BundleError::Signature
            | BundleError::Body(_)
            | BundleError::KeyMismatch(_)
            | BundleError::Broken(_)
            | BundleError::NoTexts(_)
            | BundleError::Files(_)
            | BundleError::PackageChanged { .. }
            | BundleError::Random(_)
            | BundleError::BadKey(_)
            | BundleError::Documents(_)
            | BundleError::Store(_) => {}
        }
    }
    v
}

fn documents() -> Vec<DocumentFault> {
    let v = vec![
        DocumentFault::Changed {
            origin: s("mini.package"),
            dossier: s("HP-2024-001"),
            name: s("application.pdf"),
            listed: s("3f2a"),
            found: s("91bc"),
        },
        DocumentFault::Damaged {
            file: s("mini.package"),
            whole: 3,
        },
        DocumentFault::Unexpected {
            file: s("mini.package"),
            entry: s("HP-2024-001/x.pdf"),
        },
        DocumentFault::Absent {
            dossier: s("HP-2024-001"),
            name: s("application.pdf"),
            folder: dir().join("attachments/huangpu-2024/HP-2024-001"),
        },
        DocumentFault::NotOpened {
            dossier: s("HP-2024-001"),
            name: s("application.pdf"),
            listed: s("3f2a"),
            found: s("91bc"),
        },
        DocumentFault::Viewer {
            program: s("xdg-open"),
            why: Unread::NotFound,
        },
        DocumentFault::Io {
            path: dir().join("attachments"),
            why: Unread::NoPermission,
        },
    ];
    for f in &v {
        match f {
            DocumentFault::Changed { .. }
            | DocumentFault::Damaged { .. }
            | DocumentFault::Unexpected { .. }
            | DocumentFault::Absent { .. }
            | DocumentFault::NotOpened { .. }
            | DocumentFault::Viewer { .. }
            | DocumentFault::Io { .. } => {}
        }
    }
    v
}

fn file_error(m: Message) -> FileError {
    FileError::at(std::path::Path::new("sheets/hp.ron"), 3, 5, m)
}

fn syntax() -> Vec<ron::Error> {
    use ron::Error as R;
    vec![
        R::Eof,
        R::ExpectedArray,
        R::ExpectedArrayEnd,
        R::ExpectedBoolean,
        R::ExpectedComma,
        R::ExpectedFloat,
        R::ExpectedInteger,
        R::ExpectedOption,
        R::ExpectedMap,
        R::ExpectedMapColon,
        R::ExpectedMapEnd,
        R::ExpectedStructLike,
        R::ExpectedStructLikeEnd,
        R::ExpectedString,
        R::ExpectedStringEnd,
        R::ExpectedIdentifier,
        R::TrailingCharacters,
        R::UnexpectedChar('@'),
        R::NoSuchStructField {
            expected: &["id", "title"],
            found: s("colour"),
            outer: Some(s("Sheet")),
        },
        R::MissingStructField {
            field: "id",
            outer: None,
        },
        R::NoSuchEnumVariant {
            expected: &["Mean", "TrimmedMean"],
            found: s("Median"),
            outer: None,
        },
        R::InvalidValueForType {
            expected: s("a number of points such as 10 or 2.5"),
            found: s("the string \"ten\""),
        },
        R::Message(s("points must not be negative (got -1)")),
        R::Message(s("points must be a finite number, not NaN")),
    ]
}

fn messages() -> Vec<FileError> {
    let mut v = vec![
        Message::Empty,
        Message::NotUtf8 { byte: 0xC6 },
        Message::CannotRead(Unread::NotFound),
        Message::CannotRead(Unread::NoPermission),
        Message::CannotRead(Unread::System(s("Is a directory (os error 21)"))),
        Message::UnknownKind,
        Message::PackageFormat { found: 2, ours: 1 },
        Message::PlainName {
            name: s("../x.ron"),
        },
    ];
    for error in syntax() {
        v.push(Message::Syntax {
            error: error.clone(),
            early: false,
        });
        v.push(Message::Syntax { error, early: true });
    }
    v.extend(problems().into_iter().map(Message::Invalid));
    for m in &v {
        match m {
            Message::Empty
            | Message::NotUtf8 { .. }
            | Message::CannotRead(_)
            | Message::UnknownKind
            | Message::Syntax { .. }
            | Message::Invalid(_)
            | Message::PackageFormat { .. }
            | Message::PlainName { .. } => {}
        }
    }
    v.into_iter().map(file_error).collect()
}

fn problems() -> Vec<Problem> {
    let v = vec![
        Problem::DuplicateId { id: s("A") },
        Problem::EmptySection { section: s("A") },
        Problem::TotalMismatch {
            sum: p(20),
            total: p(100),
        },
        Problem::PassLineOutside {
            min: p(140),
            total: p(100),
        },
        Problem::TieBreakUnknown { section: s("Z") },
        Problem::TrimmedPanel { min_panel: 2 },
        Problem::ItemPercent { percent: 120 },
        Problem::NothingToScore,
        Problem::DuplicateItem { id: s("A1") },
        Problem::ZeroMax { item: s("A1") },
        Problem::StepNotDividing {
            step: p(3),
            max: p(10),
            item: s("A2"),
        },
        Problem::BandOutside {
            from: p(5),
            to: p(2),
            max: p(4),
        },
        Problem::UnknownFact { name: s("x") },
        Problem::UnknownFlag { name: s("x") },
        Problem::UnknownIndicator { name: s("G9") },
        Problem::EmptyDossierId,
        Problem::EmptyApplicant,
        Problem::CreditCode(CodeProblem::Length {
            code: s("123"),
            n: 3,
        }),
        Problem::CreditCode(CodeProblem::Character {
            code: s("91350100M000100YI3"),
            c: 'I',
            at: 17,
        }),
        Problem::CreditCode(CodeProblem::Check {
            code: s("91350100M000100Y44"),
            got: '4',
            want: '3',
        }),
        Problem::JointIsLead,
        Problem::SelfAffiliate,
        Problem::GrantedOverFiled {
            kind: "invention",
            granted: 5,
            filed: 3,
        },
        Problem::HighValueOverValid { high: 9, valid: 3 },
        Problem::YearTwice { year: 2023 },
        Problem::BadSha { name: s("a.pdf") },
        Problem::BadRoundId { id: s("a b") },
        Problem::NoExperts,
        Problem::DuplicateExpert { id: s("E1") },
        Problem::BadKey {
            key: s("xyz"),
            expert: s("E1"),
        },
        Problem::NoPreliminary,
        Problem::BadYear { year: 3 },
        Problem::ZeroCap,
        Problem::ZeroRatio,
        Problem::ConflictExpert { expert: s("E9") },
        Problem::ConflictNoReason,
        Problem::YearsReversed {
            first: 2026,
            last: 2025,
        },
        Problem::HolidayReversed {
            name: s("Spring"),
            from: day(5),
            to: day(1),
        },
        Problem::HolidayOutside {
            name: s("Spring"),
            first: 2024,
            last: 2024,
        },
        Problem::NotWeekend {
            day: day(1),
            weekday: Weekday::Tue,
        },
        Problem::HolidayAndWorkday { day: day(5) },
        Problem::DayOutside {
            day: day(5),
            first: 2024,
            last: 2024,
        },
        Problem::DossierFolder {
            folder: s("dossiers"),
            why: s("No such file or directory (os error 2)"),
        },
        Problem::NoDossiers {
            folder: s("dossiers"),
        },
        Problem::DossierIdTwice {
            id: s("D1"),
            first: s("dossiers/a.ron"),
        },
        Problem::ConflictDossier {
            dossier: s("D9"),
            folder: s("dossiers"),
        },
        Problem::MinScore {
            min: p(200),
            total: p(100),
        },
        Problem::JointLimit {
            count: 3,
            limit: 2,
            title: s("mini"),
            sheet: s("mini"),
        },
        Problem::YearlyLimit {
            cap: 25,
            limit: 20,
            title: s("mini"),
            sheet: s("mini"),
        },
        Problem::UnknownTarget {
            indicator: s("G9"),
            sheet: s("hp"),
            known: vec![s("G1"), s("G2")],
        },
    ];
    for e in &v {
        match e {
            Problem::DuplicateId { .. }
            | Problem::EmptySection { .. }
            | Problem::TotalMismatch { .. }
            | Problem::PassLineOutside { .. }
            | Problem::TieBreakUnknown { .. }
            | Problem::TrimmedPanel { .. }
            | Problem::ItemPercent { .. }
            | Problem::NothingToScore
            | Problem::DuplicateItem { .. }
            | Problem::ZeroMax { .. }
            | Problem::StepNotDividing { .. }
            | Problem::BandOutside { .. }
            | Problem::UnknownFact { .. }
            | Problem::UnknownFlag { .. }
            | Problem::UnknownIndicator { .. }
            | Problem::EmptyDossierId
            | Problem::EmptyApplicant
            | Problem::CreditCode(_)
            | Problem::JointIsLead
            | Problem::SelfAffiliate
            | Problem::GrantedOverFiled { .. }
            | Problem::HighValueOverValid { .. }
            | Problem::YearTwice { .. }
            | Problem::BadSha { .. }
            | Problem::BadRoundId { .. }
            | Problem::NoExperts
            | Problem::DuplicateExpert { .. }
            | Problem::BadKey { .. }
            | Problem::NoPreliminary
            | Problem::BadYear { .. }
            | Problem::ZeroCap
            | Problem::ZeroRatio
            | Problem::ConflictExpert { .. }
            | Problem::ConflictNoReason
            | Problem::YearsReversed { .. }
            | Problem::HolidayReversed { .. }
            | Problem::HolidayOutside { .. }
            | Problem::NotWeekend { .. }
            | Problem::HolidayAndWorkday { .. }
            | Problem::DayOutside { .. }
            | Problem::DossierFolder { .. }
            | Problem::NoDossiers { .. }
            | Problem::DossierIdTwice { .. }
            | Problem::ConflictDossier { .. }
            | Problem::MinScore { .. }
            | Problem::JointLimit { .. }
            | Problem::YearlyLimit { .. }
            | Problem::UnknownTarget { .. } => {}
            // Free text is the loader's fallback, not a rule's words.
            Problem::Text(_) => panic!("a sample must be typed"),
        }
    }
    v
}

fn commands() -> Vec<CommandError> {
    let mut v = vec![
        CommandError::NoDataDir,
        CommandError::BadTrust { given: s("E1") },
        CommandError::CannotReadBundle {
            file: PathBuf::from("b1.bundle"),
            why: Unread::NotFound,
        },
        CommandError::NotImported {
            failed: 1,
            all: 3,
            exit: Exit::Refused,
        },
        CommandError::BadValue {
            value: s("x"),
            error: PointsError::NotANumber(s("x")),
            allowed: Some((s("A1"), p(10), Points::from_hundredths(50))),
        },
        CommandError::BadValue {
            value: s("x"),
            error: PointsError::NotANumber(s("x")),
            allowed: None,
        },
        CommandError::FilesInvalid { bad: 1, all: 2 },
        CommandError::NoFileName {
            path: PathBuf::from("/"),
        },
        CommandError::CannotWrite {
            path: PathBuf::from("/media/usb/r.package"),
            why: s("No space left on device (os error 28)"),
        },
        CommandError::Samples(vec![file_error(Message::Empty)]),
        CommandError::Output(s("Broken pipe (os error 32)")),
    ];
    v.push(CommandError::OutIsFolder { path: dir() });
    v.push(CommandError::NoOutFolder {
        path: dir(),
        folder: dir(),
    });
    v.push(CommandError::NoBackupFile { path: dir() });
    let outstanding = Said::of(&Error::Center(CenterError::RoundOrCode));
    v.push(CommandError::NotFinal {
        pending: outstanding.clone(),
    });
    v.push(CommandError::NotOneTie {
        named: vec![s("HP-2024-001"), s("HP-2024-003")],
        pending: outstanding,
    });
    v.push(CommandError::Rank {
        round: s("r"),
        error: RankError::NoSuchStage("preliminary"),
    });
    v.push(CommandError::WhichRound {
        rounds: vec![s("r1"), s("r2")],
    });
    v.push(CommandError::NoTerminal);
    v.push(CommandError::NotOnPanel {
        expert: s("E9"),
        round: s("r"),
        panel: vec![s("E1"), s("E2")],
    });
    v.push(CommandError::Terminal {
        why: s("Inappropriate ioctl for device (os error 25)"),
    });
    v.push(CommandError::WorkbookProblems { count: 3 });
    v.push(CommandError::NotATime {
        name: "PINGSHEN_NOW",
        given: s("noon"),
    });
    v.push(CommandError::CannotRead {
        path: dir(),
        why: s("Permission denied (os error 13)"),
    });
    v.push(CommandError::Workbook {
        why: s("Worksheet name is too long"),
    });
    for seq in [0, 4] {
        v.push(CommandError::JournalBroken {
            seq,
            at: Some((s("00000001.psj"), 812)),
            why: AuditFault::Journal(Fault::Checksum),
        });
    }
    v.push(CommandError::BackupPartial {
        seq: 4,
        at: Some((s("00000001.psj"), 812)),
        why: AuditFault::Journal(Fault::Checksum),
        records: 3,
        file: dir(),
    });
    for chain in [Chain::Round(s("r")), Chain::Register] {
        for seq in [0, 4] {
            v.push(CommandError::AuditBroken {
                chain: chain.clone(),
                seq,
                why: AuditFault::Hash,
            });
        }
    }
    for e in &v {
        match e {
            CommandError::NoDataDir
            | CommandError::BadTrust { .. }
            | CommandError::CannotReadBundle { .. }
            | CommandError::NotImported { .. }
            | CommandError::BadValue { .. }
            | CommandError::FilesInvalid { .. }
            | CommandError::AuditBroken { .. }
            | CommandError::NoFileName { .. }
            | CommandError::CannotWrite { .. }
            | CommandError::Samples(_)
            | CommandError::Output(_)
            | CommandError::OutIsFolder { .. }
            | CommandError::NoOutFolder { .. }
            | CommandError::NoBackupFile { .. }
            | CommandError::JournalBroken { .. }
            | CommandError::BackupPartial { .. }
            | CommandError::NotFinal { .. }
            | CommandError::NotOneTie { .. }
            | CommandError::Rank { .. }
            | CommandError::WhichRound { .. }
            | CommandError::NoTerminal
            | CommandError::NotOnPanel { .. }
            | CommandError::Terminal { .. }
            | CommandError::WorkbookProblems { .. }
            | CommandError::CannotRead { .. }
            | CommandError::Workbook { .. }
            | CommandError::NotATime { .. } => {}
        }
    }
    v
}

fn centres() -> Vec<CenterError> {
    let code = s("91440116MA5C8K2X1Y");
    let mut v = vec![
        CenterError::NotADate {
            flag: "--date",
            given: s("2025-02-30"),
        },
        CenterError::Future {
            flag: "--date",
            given: day(9),
            today: day(2),
        },
        CenterError::BadCode {
            given: s("9144"),
            problem: CodeProblem::Length {
                code: s("9144"),
                n: 4,
            },
        },
        CenterError::BadScore {
            given: s("-3"),
            error: PointsError::Negative(s("-3")),
        },
        CenterError::ScoreOver100 { given: s("100.5") },
        CenterError::NoName,
        CenterError::RoundOrCode,
        CenterError::ScoreOrRound,
        CenterError::DateWithScore,
        CenterError::BeforeReview {
            on: day(1),
            review: day(2),
        },
        CenterError::NoDossier {
            round: s("r"),
            code: code.clone(),
            known: vec![(s("HP-2024-001"), code.clone())],
        },
        CenterError::OtherLine {
            round: s("r"),
            year: 1,
            sheet: p(60),
            line: p(70),
            scheme: Scheme::Huangpu,
        },
        CenterError::YearlyLimit(OverYearlyLimit {
            scheme: Scheme::Huangpu,
            year: 2025,
            limit: 20,
            counted: vec![code.clone()],
            adding: 20,
        }),
        CenterError::Broken(Broken {
            code: code.clone(),
            index: 1,
            error: LifecycleError::NotRecognised,
        }),
        CenterError::Calendar {
            from: day(1),
            error: CalendarError::OutOfRange {
                id: s("cn"),
                date: day(1),
                first: 2024,
                last: 2024,
            },
        },
        CenterError::NothingToPublish { round: s("r") },
        CenterError::NoCorrectionReason,
    ];
    for u in [
        Uncorrectable::NoSuchEvent {
            number: 3,
            count: 2,
        },
        Uncorrectable::Void { number: 2 },
        Uncorrectable::Publicity { number: 2 },
        Uncorrectable::Impossible(Broken {
            code: code.clone(),
            index: 1,
            error: LifecycleError::NotRecognised,
        }),
    ] {
        match &u {
            Uncorrectable::NoSuchEvent { .. }
            | Uncorrectable::Void { .. }
            | Uncorrectable::Publicity { .. }
            | Uncorrectable::Impossible(_) => {}
        }
        v.push(CenterError::Uncorrectable(u));
    }
    for kind in [
        RoundKind::Recognition,
        RoundKind::Annual { year: 1 },
        RoundKind::Acceptance,
    ] {
        v.push(CenterError::NotRecognition {
            round: s("r"),
            kind,
        });
        v.push(CenterError::NotAnnual {
            round: s("r"),
            kind,
        });
    }
    v.push(CenterError::NotFinal {
        round: s("r"),
        pending: vec![
            Pending::Tie {
                dossiers: vec![s("A"), s("B")],
                boundary: Boundary::Cap { cap: 2 },
            },
            Pending::Tie {
                dossiers: vec![s("A"), s("B")],
                boundary: Boundary::Shortlist { places: 4 },
            },
            Pending::Unscored { dossier: s("A") },
            Pending::Shortlist,
            Pending::Card {
                expert: s("E1"),
                dossier: s("A"),
                draft: true,
            },
            Pending::Card {
                expert: s("E1"),
                dossier: s("A"),
                draft: false,
            },
        ],
    });
    for status in [None, Some(Status::Selected)] {
        v.push(CenterError::NoPanelScore {
            round: s("r"),
            dossier: s("A"),
            status,
        });
    }
    for e in &v {
        match e {
            CenterError::NotADate { .. }
            | CenterError::Future { .. }
            | CenterError::BadCode { .. }
            | CenterError::BadScore { .. }
            | CenterError::ScoreOver100 { .. }
            | CenterError::NoName
            | CenterError::RoundOrCode
            | CenterError::ScoreOrRound
            | CenterError::DateWithScore
            | CenterError::NotRecognition { .. }
            | CenterError::NotAnnual { .. }
            | CenterError::NotFinal { .. }
            | CenterError::BeforeReview { .. }
            | CenterError::NoDossier { .. }
            | CenterError::NoPanelScore { .. }
            | CenterError::OtherLine { .. }
            | CenterError::YearlyLimit(_)
            | CenterError::Broken(_)
            | CenterError::Calendar { .. }
            | CenterError::NothingToPublish { .. }
            | CenterError::NoCorrectionReason
            | CenterError::Uncorrectable(_) => {}
        }
    }
    v
}

fn sheets() -> Vec<SheetsError> {
    let v = vec![
        SheetsError::NotAFolder(dir()),
        SheetsError::Exists {
            first: dir(),
            more: 0,
        },
        SheetsError::Exists {
            first: dir(),
            more: 4,
        },
        SheetsError::Write {
            path: dir(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        },
    ];
    for e in &v {
        match e {
            SheetsError::NotAFolder(_) | SheetsError::Exists { .. } | SheetsError::Write { .. } => {
            }
        }
    }
    v
}

/// The domain's other refusals: numbers, outcomes, ranking, calendars, the register.
fn others() -> Vec<Sample> {
    let mut v: Vec<Sample> = Vec::new();
    for e in [
        PointsError::NotFinite(s("NaN")),
        PointsError::Negative(s("-1")),
        PointsError::TooPrecise(s("7.255")),
        PointsError::TooLarge(s("1e20")),
        PointsError::NotANumber(s("x")),
    ] {
        v.push(named(e));
    }
    for e in [
        OutcomeError::NoAcceptanceRule(s("hp")),
        OutcomeError::NoPassLine {
            sheet: s("hp"),
            year: 1,
        },
        OutcomeError::NoSuchYear(3),
    ] {
        v.push(named(RankError::Outcome(e.clone())));
        v.push(named(e));
    }
    v.push(named(RankError::NoSuchStage("preliminary")));
    for e in [
        Issue::ReaderFailed {
            detail: s("index out of bounds: the len is 0 but the index is 3"),
        },
        Issue::TooLarge {
            bytes: 300 << 20,
            limit: 256 << 20,
        },
        Issue::Packed {
            part: s("xl/worksheets/sheet1.xml"),
            bytes: 900 << 20,
            packed: 1 << 20,
        },
        Issue::TooManyCells { limit: 1_000_000 },
        Issue::CostsTooMuch {
            ext: s("xls"),
            limit_mb: 40,
        },
        Issue::Locked,
        Issue::Misplaced,
    ] {
        v.push(named(e));
    }
    v.push(named(CalendarError::OutOfRange {
        id: s("cn"),
        date: day(1),
        first: 2024,
        last: 2024,
    }));
    v.push(named(Broken {
        code: s("91440116MA5C8K2X1Y"),
        index: 1,
        error: LifecycleError::NotRecognised,
    }));
    v.extend(audit_faults().into_iter().map(named));
    v.extend(replay_faults().into_iter().map(named));
    v
}

fn card() -> Told {
    Told::Card {
        stage: pingshen::domain::round::Stage::Expert,
        expert: s("E1"),
        dossier: s("D1"),
    }
}

fn replay_faults() -> Vec<ReplayFault> {
    let centre = || Told::Centre {
        code: s("91440116MA5C8K2X1Y"),
    };
    let v = vec![
        ReplayFault::NoItem { seq: 7 },
        ReplayFault::NotPoints {
            seq: 7,
            value: s("7.x"),
        },
        ReplayFault::NotPoints {
            seq: 7,
            value: String::new(),
        },
        ReplayFault::NoCard { seq: 7 },
        ReplayFault::CardUnread { seq: 7 },
        ReplayFault::CardScore {
            seq: 7,
            item: s("A1"),
            value: s("7.x"),
        },
        ReplayFault::NoEvent { seq: 7 },
        ReplayFault::NoHistory { told: card() },
        ReplayFault::NoHistory { told: centre() },
        ReplayFault::Twice { told: card() },
        ReplayFault::Scores {
            told: card(),
            held: s("[A1=8]"),
            history: s("[A1=7.5]"),
        },
        ReplayFault::Comments { told: card() },
        ReplayFault::Status { told: card() },
        ReplayFault::Records { told: centre() },
        ReplayFault::NotStored { told: card() },
        ReplayFault::NotStored { told: centre() },
    ];
    for e in &v {
        match e {
            ReplayFault::NoItem { .. }
            | ReplayFault::NotPoints { .. }
            | ReplayFault::NoCard { .. }
            | ReplayFault::CardUnread { .. }
            | ReplayFault::CardScore { .. }
            | ReplayFault::NoEvent { .. }
            | ReplayFault::NoHistory { .. }
            | ReplayFault::Twice { .. }
            | ReplayFault::Scores { .. }
            | ReplayFault::Comments { .. }
            | ReplayFault::Status { .. }
            | ReplayFault::Records { .. }
            | ReplayFault::NotStored { .. } => {}
        }
    }
    v
}
