//! What every format of the minutes shows, worked out once: the rows of the
//! ranking with their printed numbers and remarks, what is pending, the list
//! for public notice, and each expert's cards.

use chrono::{DateTime, Utc};

use super::remarks;
use super::words::{Words, words};
use crate::domain::card::Card;
use crate::domain::dossier::Dossier;
use crate::domain::excuse::Excuse;
use crate::domain::ranking::{Basis, Entry, Ranking, Status};
use crate::domain::round::{Conflict, Expert, Round, RoundKind, Stage};
use crate::domain::sheet::Sheet;
use crate::lang::Lang;

/// Everything the minutes print, already loaded and ranked.
#[derive(Clone, Debug)]
pub struct Minutes<'a> {
    pub round: &'a Round,
    pub sheet: &'a Sheet,
    pub dossiers: &'a [Dossier],
    pub ranking: &'a Ranking,
    /// The round's cards; those of other rounds or of another stage than the
    /// ranking's are not printed.
    pub cards: &'a [Card],
    /// Every declared conflict: the round file's and those declared since.
    pub conflicts: &'a [Conflict],
    /// Experts excused from a dossier or from the round, with reasons.
    pub excuses: &'a [Excuse],
    pub generated: DateTime<Utc>,
    /// The fingerprint of the exact sheet the cards were scored on.
    pub sheet_fingerprint: String,
    pub lang: Lang,
}

/// One line of the ranking as every format prints it.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub entry: &'a Entry,
    /// True when the entry shares its rank with others (a standing tie).
    pub level: bool,
    /// The score to two decimals, rounding half up.
    pub score: Option<String>,
    pub spread: Option<String>,
    pub status: &'static str,
}

impl Row<'_> {
    /// `3`, `=3` for a shared rank, or empty outside the competition.
    pub fn rank(&self) -> String {
        match (self.entry.rank, self.level) {
            (Some(r), true) => format!("={r}"),
            (Some(r), false) => r.to_string(),
            (None, _) => String::new(),
        }
    }
}

/// One sheet for one expert and one dossier: the card, a recusal, or both.
#[derive(Clone, Debug)]
pub struct Case<'a> {
    pub dossier: &'a str,
    pub card: Option<&'a Card>,
    pub recusal: Option<&'a Conflict>,
}

impl<'a> Minutes<'a> {
    pub fn words(&self) -> &'static Words {
        words(self.lang)
    }

    /// The full ranking's columns as the CSV prints them: the status in
    /// words and, for programs reading the file, its key. A standing tie is
    /// said in the remarks.
    pub fn columns(&self) -> [&'static str; 9] {
        let w = self.words();
        [
            w.rank,
            w.dossier,
            w.applicant,
            w.score,
            w.experts,
            w.spread,
            w.status,
            w.status_key,
            w.remarks,
        ]
    }

    /// The stage as people name it: 专家评审, 第1年度考核, 验收 …
    pub fn stage_name(&self) -> String {
        let zh = self.lang == Lang::Zh;
        match (self.round.kind, self.ranking.stage) {
            (RoundKind::Recognition, Stage::Preliminary) if zh => "第三方初审".into(),
            (RoundKind::Recognition, Stage::Preliminary) => "preliminary review".into(),
            (RoundKind::Recognition, Stage::Expert) if zh => "专家评审".into(),
            (RoundKind::Recognition, Stage::Expert) => "expert review".into(),
            (RoundKind::Annual { year }, _) if zh => format!("第{year}年度考核"),
            (RoundKind::Annual { year }, _) => format!("annual assessment, year {year}"),
            (RoundKind::Acceptance, _) if zh => "验收".into(),
            (RoundKind::Acceptance, _) => "acceptance".into(),
        }
    }

    /// The heading under the round's title.
    pub fn subtitle(&self) -> String {
        match self.lang {
            Lang::Zh => format!("{}排名", self.stage_name()),
            Lang::En => format!("Ranking: {}", self.stage_name()),
        }
    }

    /// What the ranking decides, and against which numbers, as a sentence.
    pub fn basis(&self) -> String {
        remarks::basis(&self.ranking.basis, self.lang)
    }

    /// The selection cap, where the ranking has one.
    pub fn cap(&self) -> Option<u32> {
        match self.ranking.basis {
            Basis::Selection { cap, .. } => Some(cap),
            Basis::Shortlist { .. } => Some(self.round.selection.cap),
            Basis::Annual { .. } | Basis::Acceptance => None,
        }
    }

    pub fn rows(&self) -> Vec<Row<'a>> {
        let ranking: &'a Ranking = self.ranking;
        ranking
            .entries
            .iter()
            .map(|e| Row {
                entry: e,
                level: e.tie.as_ref().is_some_and(|t| !t.level.is_empty()),
                score: e.score.map(|s| s.fixed2()),
                spread: e.spread.map(|p| p.fixed2()),
                status: match self.lang {
                    Lang::Zh => e.status.zh(),
                    Lang::En => e.status.en(),
                },
            })
            .collect()
    }

    /// A row's ties, decisions, flags and reasons, each a sentence: made
    /// when the row is written, so that a round with many flags never holds
    /// all of its sentences at once.
    pub fn remarks(&self, r: &Row) -> Vec<String> {
        remarks::entry(self, r.entry)
    }

    /// Each pending item as a sentence that says what is needed.
    pub fn pending(&self) -> Vec<String> {
        self.ranking
            .pending
            .iter()
            .map(|p| remarks::pending(self, p))
            .collect()
    }

    /// Recorded decisions that settle no current tie, so none is lost.
    pub fn unused_decisions(&self) -> Vec<String> {
        self.ranking
            .unused_decisions
            .iter()
            .map(|d| remarks::unused(d, self.round.zone(), self.lang))
            .collect()
    }

    /// The heading of the list for public notice (公示名单).
    pub fn notice_title(&self) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match self.ranking.basis {
            Basis::Selection { .. } if zh => "入选名单（公示）",
            Basis::Selection { .. } => "Selected applicants (for public notice)",
            Basis::Shortlist { .. } if zh => "进入专家评审名单",
            Basis::Shortlist { .. } => "Applicants going on to expert review",
            Basis::Annual { .. } | Basis::Acceptance if zh => "通过名单（公示）",
            Basis::Annual { .. } | Basis::Acceptance => "Passed (for public notice)",
        }
    }

    /// The entries on the list for public notice, in rank order.
    pub fn notice(&self) -> Vec<&'a Entry> {
        let status = match self.ranking.basis {
            Basis::Selection { .. } => Status::Selected,
            Basis::Shortlist { .. } => Status::Shortlisted,
            Basis::Annual { .. } | Basis::Acceptance => Status::Passed,
        };
        let ranking: &'a Ranking = self.ranking;
        ranking
            .entries
            .iter()
            .filter(|e| e.status == status)
            .collect()
    }

    /// The people who score in the ranking's stage.
    pub fn scorers(&self) -> &'a [Expert] {
        self.round.scorers(self.ranking.stage)
    }

    /// `E3 周启衡`, or the bare id of someone not on the panel.
    pub fn expert_label(&self, id: &str) -> String {
        match self.round.expert(id) {
            Some(e) => format!("{} {}", e.id, e.name),
            None => id.to_string(),
        }
    }

    pub fn applicant(&self, dossier: &str) -> &'a str {
        let dossiers: &'a [Dossier] = self.dossiers;
        let ranking: &'a Ranking = self.ranking;
        dossiers
            .iter()
            .find(|d| d.id == dossier)
            .map(|d| d.applicant.name.as_str())
            .or_else(|| ranking.entry(dossier).map(|e| e.applicant.as_str()))
            .unwrap_or("")
    }

    /// The title of a section of the sheet, or its id.
    pub fn section_title(&self, id: &str) -> &'a str {
        let sheet: &'a Sheet = self.sheet;
        sheet
            .sections
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.title.as_str())
    }

    /// The ranking's stage's cards of this round, for one expert.
    pub fn cards_of(&self, expert: &str) -> Vec<&'a Card> {
        let cards: &'a [Card] = self.cards;
        cards
            .iter()
            .filter(|c| {
                c.round == self.round.id && c.stage == self.ranking.stage && c.expert == expert
            })
            .collect()
    }

    /// One case per dossier the expert has a card for or is recused from, by dossier id.
    pub fn cases(&self, expert: &str) -> Vec<Case<'a>> {
        let conflicts: &'a [Conflict] = self.conflicts;
        let mut out: Vec<Case<'a>> = Vec::new();
        for c in self.cards_of(expert) {
            match out.iter_mut().find(|k| k.dossier == c.dossier) {
                // Two cards of one expert: print the one that counts, as aggregation picks it.
                Some(k)
                    if k.card.is_some_and(|o| {
                        (o.is_submitted(), o.updated) < (c.is_submitted(), c.updated)
                    }) =>
                {
                    k.card = Some(c)
                }
                Some(_) => {}
                None => out.push(Case {
                    dossier: &c.dossier,
                    card: Some(c),
                    recusal: None,
                }),
            }
        }
        for r in conflicts.iter().filter(|r| r.expert == expert) {
            match out.iter_mut().find(|k| k.dossier == r.dossier) {
                Some(k) => k.recusal = Some(r),
                None => out.push(Case {
                    dossier: &r.dossier,
                    card: None,
                    recusal: Some(r),
                }),
            }
        }
        out.sort_by(|a, b| a.dossier.cmp(b.dossier));
        out
    }

    /// Each declared conflict as a line: who, which dossier, why.
    pub fn conflict_lines(&self) -> Vec<String> {
        let colon = if self.lang == Lang::Zh { "：" } else { ": " };
        self.conflicts
            .iter()
            .map(|c| {
                format!(
                    "{} — {} {}{colon}{}",
                    self.expert_label(&c.expert),
                    c.dossier,
                    self.applicant(&c.dossier),
                    c.reason
                )
            })
            .collect()
    }

    /// The time of printing, local to the round's time zone, to the minute.
    pub fn generated_text(&self) -> String {
        self.round.zone().local(self.generated)
    }
}
