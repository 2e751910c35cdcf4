//! What a centre's results earn: Huangpu pays 50万 for every annual
//! assessment passed (六(三)); Chongqing pays 40% of 50万 on approval and the
//! rest on acceptance (五(二)). A payment waits for its result's publicity to
//! end without an upheld objection.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::publicity::{History, Notice, Notified};
use super::{Event, PassLines};
use crate::domain::{Points, Ratio};

/// How a programme pays its centres (in 万元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Funding {
    /// Huangpu: a fixed amount for every assessment passed.
    PerPass { amount: Points },
    /// Chongqing: a share on approval and the rest on acceptance.
    Split {
        total: Points,
        on_approval_percent: u32,
    },
}

/// Why a payment is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grant {
    /// An annual assessment passed (Huangpu).
    Pass { year: u8 },
    /// The share on approval (Chongqing 立项).
    Approval,
    /// The rest on acceptance (Chongqing 验收).
    Acceptance,
}

impl Grant {
    pub fn zh(self) -> &'static str {
        match self {
            Grant::Pass { year: 1 } => "第一年度考核合格",
            Grant::Pass { .. } => "第二年度考核合格",
            Grant::Approval => "立项拨付",
            Grant::Acceptance => "验收通过拨付",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Grant::Pass { year: 1 } => "year-1 pass",
            Grant::Pass { .. } => "year-2 pass",
            Grant::Approval => "on approval",
            Grant::Acceptance => "on acceptance",
        }
    }
}

/// Where a payment stands with its result's publicity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentStatus {
    /// The result is not yet published.
    AwaitingPublicity,
    /// Published through `until`; payable after that unless an objection is upheld.
    Publicised { until: NaiveDate },
    /// An objection awaits its ruling.
    UnderInvestigation,
    /// An objection was upheld: not paid.
    Withheld,
}

impl PaymentStatus {
    /// True once the publicity has ended with no objection standing.
    pub fn payable(self, today: NaiveDate) -> bool {
        matches!(self, PaymentStatus::Publicised { until } if today > until)
    }

    pub fn key(self, today: NaiveDate) -> &'static str {
        match self {
            _ if self.payable(today) => "payable",
            PaymentStatus::AwaitingPublicity => "awaiting_publicity",
            PaymentStatus::Publicised { .. } => "in_publicity",
            PaymentStatus::UnderInvestigation => "under_investigation",
            PaymentStatus::Withheld => "withheld",
        }
    }

    pub fn zh(self, today: NaiveDate) -> &'static str {
        match self {
            _ if self.payable(today) => "可拨付",
            PaymentStatus::AwaitingPublicity => "待公示",
            PaymentStatus::Publicised { .. } => "公示中",
            PaymentStatus::UnderInvestigation => "异议调查中",
            PaymentStatus::Withheld => "异议成立，不予扶持",
        }
    }

    pub fn en(self, today: NaiveDate) -> &'static str {
        match self {
            _ if self.payable(today) => "payable",
            PaymentStatus::AwaitingPublicity => "awaiting publicity",
            PaymentStatus::Publicised { .. } => "in publicity",
            PaymentStatus::UnderInvestigation => "objection under investigation",
            PaymentStatus::Withheld => "withheld (objection upheld)",
        }
    }

    fn of(n: &Notice) -> PaymentStatus {
        if n.withdrawn() {
            PaymentStatus::Withheld
        } else if n.open().next().is_some() {
            PaymentStatus::UnderInvestigation
        } else {
            match n.period {
                None => PaymentStatus::AwaitingPublicity,
                Some(p) => PaymentStatus::Publicised { until: p.until },
            }
        }
    }
}

/// One payment a result earns, with why and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Payment {
    /// The day of the result.
    pub on: NaiveDate,
    pub amount: Points,
    pub reason: Grant,
    pub status: PaymentStatus,
}

/// The payments a centre's history earns under a funding scheme, up to the
/// first event that cannot happen.
pub fn ledger(events: &[Event], lines: PassLines, funding: Funding) -> Vec<Payment> {
    payments(&History::lenient(events, lines), funding)
}

/// The payments of a replayed history. A recognition annulled on objection
/// (不予认定) withholds every payment of the centre, whatever was published
/// before the ruling.
pub fn payments(h: &History, funding: Funding) -> Vec<Payment> {
    let annulled = matches!(h.state, Some(super::State::Annulled { .. }));
    let mut out = Vec::new();
    for n in &h.notices {
        let pay = |amount, reason| Payment {
            on: n.on,
            amount,
            reason,
            status: if annulled {
                PaymentStatus::Withheld
            } else {
                PaymentStatus::of(n)
            },
        };
        match (funding, n.what) {
            (Funding::PerPass { amount }, Notified::Pass { year }) => {
                out.push(pay(amount, Grant::Pass { year }));
            }
            (
                Funding::Split {
                    total,
                    on_approval_percent,
                },
                what,
            ) => {
                let first = Ratio::from_points(total) * Ratio::new(on_approval_percent.into(), 100);
                let first = Points::from_hundredths(first.round_hundredths() as i64);
                match what {
                    Notified::Recognition => out.push(pay(first, Grant::Approval)),
                    Notified::Pass { year: 2 } => {
                        out.push(pay(total.saturating_sub(first), Grant::Acceptance));
                    }
                    Notified::Pass { .. } => {}
                }
            }
            (Funding::PerPass { .. }, Notified::Recognition) => {}
        }
    }
    out
}
