//! Who may score what, and when a card may change, be submitted, reopened or
//! shown to other experts. Pure rules; the store asks, then writes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Points;
use super::card::{Card, Gaps};
use super::round::{Round, Stage};
use super::sheet::{Sheet, ValueError};

/// An expert's recusal from one dossier: from the round file, or declared later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recusal {
    pub expert: String,
    pub dossier: String,
    pub reason: String,
    /// When it was declared; `None` for conflicts listed in the round file.
    pub declared: Option<DateTime<Utc>>,
}

/// Why a change to a card is not allowed, as a sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("expert '{expert}' is not on the panel of round {round}; the panel is: {panel}")]
    NotOnPanel {
        round: String,
        expert: String,
        panel: String,
    },
    #[error("dossier '{dossier}' is not in round {round}; dossiers are: {known}")]
    NoSuchDossier {
        round: String,
        dossier: String,
        known: String,
    },
    #[error("{0}")]
    Value(#[from] ValueError),
    #[error("{what} needs a reason")]
    NoReason { what: Reasoned },
    #[error(
        "expert {expert} is recused from dossier {dossier} ({reason}); that card cannot be scored"
    )]
    Recused {
        expert: String,
        dossier: String,
        reason: String,
    },
    #[error(
        "the card of expert {expert} for dossier {dossier} is submitted and read-only; a secretary can reopen it with a reason"
    )]
    Submitted { expert: String, dossier: String },
    #[error("the card of expert {expert} for dossier {dossier} cannot be submitted: {}", gaps_words(.gaps))]
    Incomplete {
        expert: String,
        dossier: String,
        gaps: Gaps,
    },
    #[error(
        "the card of expert {expert} for dossier {dossier} is not submitted, so there is nothing to reopen"
    )]
    NotSubmitted { expert: String, dossier: String },
    #[error(
        "expert {expert} sees other experts' cards for dossier {dossier} only after submitting their own"
    )]
    Blind { expert: String, dossier: String },
}

/// A change to a card that is recorded only with a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reasoned {
    Reopen,
    Recusal,
    Excuse,
    /// The secretary resets an expert's PIN.
    PinReset,
    /// The secretary has a round's experts give PINs on this laptop.
    PinRequire,
    /// The secretary no longer has them give PINs.
    PinRelease,
}

impl std::fmt::Display for Reasoned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Reasoned::Reopen => "reopening a card",
            Reasoned::Recusal => "declaring a conflict",
            Reasoned::Excuse => "excusing an expert",
            Reasoned::PinReset => "resetting a PIN",
            Reasoned::PinRequire => "asking experts for PINs",
            Reasoned::PinRelease => "no longer asking experts for PINs",
        })
    }
}

fn gaps_words(g: &Gaps) -> String {
    let mut parts = Vec::new();
    if !g.missing.is_empty() {
        parts.push(format!("items not scored: {}", g.missing.join(", ")));
    }
    if !g.comments.is_empty() {
        parts.push(format!(
            "items that need a comment: {}",
            g.comments.join(", ")
        ));
    }
    parts.join("; ")
}

impl Refusal {
    /// True when the request itself is wrong (exit 2); otherwise the state refuses it (exit 3).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Refusal::NotOnPanel { .. }
                | Refusal::NoSuchDossier { .. }
                | Refusal::Value(_)
                | Refusal::NoReason { .. }
        )
    }
}

/// The stage an expert scores in: preliminary scorers score the preliminary
/// stage, panel experts the expert stage.
pub fn stage_of(round: &Round, expert: &str) -> Result<Stage, Refusal> {
    if round.preliminary.iter().any(|e| e.id == expert) {
        return Ok(Stage::Preliminary);
    }
    if round.experts.iter().any(|e| e.id == expert) {
        return Ok(Stage::Expert);
    }
    let panel = round
        .experts
        .iter()
        .chain(&round.preliminary)
        .map(|e| e.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Err(Refusal::NotOnPanel {
        round: round.id.clone(),
        expert: expert.to_string(),
        panel,
    })
}

/// What a card change is checked against: the round, its sheet, its dossier
/// ids and every recusal.
pub struct Panel<'a> {
    pub round: &'a Round,
    pub sheet: &'a Sheet,
    pub dossiers: &'a [String],
    pub recusals: &'a [Recusal],
}

impl Panel<'_> {
    /// The stage of a card an expert may write to for a dossier: on the panel,
    /// the dossier in the round, not recused.
    pub fn writable(&self, expert: &str, dossier: &str) -> Result<Stage, Refusal> {
        let stage = stage_of(self.round, expert)?;
        if !self.dossiers.iter().any(|d| d == dossier) {
            return Err(Refusal::NoSuchDossier {
                round: self.round.id.clone(),
                dossier: dossier.to_string(),
                known: self.dossiers.join(", "),
            });
        }
        if let Some(r) = self.recusal(expert, dossier) {
            return Err(Refusal::Recused {
                expert: expert.to_string(),
                dossier: dossier.to_string(),
                reason: r.reason.clone(),
            });
        }
        Ok(stage)
    }

    /// Checks a score before it is written: who, which dossier, which item, what value.
    pub fn check_score(
        &self,
        expert: &str,
        dossier: &str,
        item: &str,
        value: Points,
    ) -> Result<Stage, Refusal> {
        stage_of(self.round, expert)?;
        self.sheet.check_value(item, value)?;
        self.writable(expert, dossier)
    }

    /// Checks a comment's place before it is written: the item must be on the sheet.
    pub fn check_comment(&self, expert: &str, dossier: &str, item: &str) -> Result<Stage, Refusal> {
        stage_of(self.round, expert)?;
        if !self.sheet.entry_ids().contains(&item) {
            let ids = self.sheet.entry_ids().join(", ");
            return Err(ValueError::NoSuchItem(item.to_string(), ids).into());
        }
        self.writable(expert, dossier)
    }

    pub fn recusal(&self, expert: &str, dossier: &str) -> Option<&Recusal> {
        self.recusals
            .iter()
            .find(|r| r.expert == expert && r.dossier == dossier)
    }
}

/// A card may change only while it is a draft.
pub fn check_open(card: &Card) -> Result<(), Refusal> {
    if card.is_submitted() {
        return Err(Refusal::Submitted {
            expert: card.expert.clone(),
            dossier: card.dossier.clone(),
        });
    }
    Ok(())
}

/// A card may be submitted when it is a draft, every entry is scored and every
/// required comment written.
pub fn check_submit(card: &Card, sheet: &Sheet) -> Result<(), Refusal> {
    check_open(card)?;
    let gaps = card.gaps(sheet);
    if !gaps.is_empty() {
        return Err(Refusal::Incomplete {
            expert: card.expert.clone(),
            dossier: card.dossier.clone(),
            gaps,
        });
    }
    Ok(())
}

/// A submitted card may be reopened, with a reason.
pub fn check_reopen(card: &Card, reason: &str) -> Result<(), Refusal> {
    if reason.trim().is_empty() {
        return Err(Refusal::NoReason {
            what: Reasoned::Reopen,
        });
    }
    if !card.is_submitted() {
        return Err(Refusal::NotSubmitted {
            expert: card.expert.clone(),
            dossier: card.dossier.clone(),
        });
    }
    Ok(())
}

/// Blind scoring: an expert sees other experts' cards for a dossier only once
/// their own card for it is submitted.
pub fn check_peers_visible(own: Option<&Card>, expert: &str, dossier: &str) -> Result<(), Refusal> {
    if own.is_some_and(Card::is_submitted) {
        Ok(())
    } else {
        Err(Refusal::Blind {
            expert: expert.to_string(),
            dossier: dossier.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Status;
    use crate::domain::round::{Expert, RoundKind, Selection};
    use crate::domain::sheet::{CommentRule, Item, Section};

    fn expert(id: &str) -> Expert {
        Expert {
            id: id.into(),
            name: id.into(),
            organisation: String::new(),
            key: None,
        }
    }

    fn round() -> Round {
        Round {
            id: "r".into(),
            title: "t".into(),
            kind: RoundKind::Recognition,
            date: chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            sheet: "s".into(),
            eligibility: None,
            dossiers: "d".into(),
            experts: vec![expert("E1"), expert("E2")],
            preliminary: vec![expert("P1")],
            conflicts: vec![],
            selection: Selection::default(),
            deviation: None,
            min_counted: Default::default(),
            meeting: None,
            time_zone: None,
            alternates_from: None,
        }
    }

    fn sheet() -> Sheet {
        let item = |id: &str, comment| Item {
            id: id.into(),
            title: id.into(),
            max: Points::whole(10),
            step: Points::from_hundredths(50),
            guidance: vec![],
            comment,
        };
        let mut s: Sheet = serde_json::from_str(r#"{"id":"s","title":"t","version":"1"}"#).unwrap();
        s.sections = vec![Section {
            id: "S".into(),
            title: "S".into(),
            items: vec![
                item("A", CommentRule::AtExtremes),
                item("B", CommentRule::Optional),
            ],
        }];
        s.total = Points::whole(20);
        s
    }

    #[test]
    fn stage_follows_the_list_the_expert_is_on() {
        let r = round();
        assert_eq!(stage_of(&r, "P1"), Ok(Stage::Preliminary));
        assert_eq!(stage_of(&r, "E2"), Ok(Stage::Expert));
        let e = stage_of(&r, "X").unwrap_err();
        assert!(e.to_string().contains("E1, E2, P1"), "{e}");
        assert!(e.is_bad_input());
    }

    #[test]
    fn checks_item_value_dossier_and_recusal() {
        let (r, s) = (round(), sheet());
        let ids = vec!["D1".to_string(), "D2".to_string()];
        let rec = vec![Recusal {
            expert: "E2".into(),
            dossier: "D2".into(),
            reason: "同单位".into(),
            declared: None,
        }];
        let p = Panel {
            round: &r,
            sheet: &s,
            dossiers: &ids,
            recusals: &rec,
        };
        let v = |h| Points::from_hundredths(h);
        assert_eq!(p.check_score("E1", "D1", "A", v(750)), Ok(Stage::Expert));
        let off = p.check_score("E1", "D1", "A", v(725)).unwrap_err();
        assert!(off.to_string().contains("0 to 10 in steps of 0.5"), "{off}");
        assert!(
            p.check_score("E1", "D1", "A", v(1050))
                .unwrap_err()
                .is_bad_input()
        );
        assert!(
            p.check_score("E1", "D1", "Z", v(0))
                .unwrap_err()
                .to_string()
                .contains("A, B")
        );
        assert!(
            p.check_score("E1", "D9", "A", v(0))
                .unwrap_err()
                .to_string()
                .contains("D1, D2")
        );
        let rec = p.check_score("E2", "D2", "A", v(0)).unwrap_err();
        assert!(matches!(rec, Refusal::Recused { .. }) && !rec.is_bad_input());
    }

    #[test]
    fn submit_needs_every_item_and_required_comments() {
        let s = sheet();
        let mut c = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        c.scores.insert("A".into(), Points::whole(10));
        let e = check_submit(&c, &s).unwrap_err();
        let words = e.to_string();
        assert!(
            words.contains("items not scored: B") && words.contains("need a comment: A"),
            "{words}"
        );
        c.scores.insert("B".into(), Points::whole(5));
        c.comments.insert("A".into(), "满分理由".into());
        assert_eq!(check_submit(&c, &s), Ok(()));
        c.status = Status::Submitted;
        assert!(matches!(
            check_submit(&c, &s),
            Err(Refusal::Submitted { .. })
        ));
        assert!(check_reopen(&c, " ").is_err());
        assert_eq!(check_reopen(&c, "误填"), Ok(()));
    }

    #[test]
    fn peers_are_hidden_until_own_card_is_submitted() {
        let mut c = Card::new("r", Stage::Expert, "E1", "D1", Utc::now());
        assert!(check_peers_visible(None, "E1", "D1").is_err());
        assert!(check_peers_visible(Some(&c), "E1", "D1").is_err());
        c.status = Status::Submitted;
        assert!(check_peers_visible(Some(&c), "E1", "D1").is_ok());
    }
}
