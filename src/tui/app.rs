//! The terminal UI's state: which screen, which round and scorer, the scorer's
//! own cards, and what is being typed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::card::{Card, Gaps, Status};
use crate::domain::dossier::Dossier;
use crate::domain::ranking::Ranking;
use crate::domain::register::{Centre, Row, rows};
use crate::domain::round::{Round, Stage};
use crate::domain::sheet::Sheet;
use crate::lang::Lang;

use super::desk::Board;
use super::editor::Editor;
use super::label::Label;
use crate::lang::Say;

#[derive(Clone, Debug, PartialEq)]
pub struct RoundSummary {
    pub id: String,
    pub title: String,
}

/// A round with its sheet and dossiers, as the store hands it over.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundData {
    pub round: Round,
    pub sheet: Sheet,
    pub eligibility: Option<Sheet>,
    pub dossiers: Vec<Dossier>,
}

/// How far a scorer is with a dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Unscored,
    InProgress,
    Submitted,
    Recused,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Only(Progress),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DossierList {
    pub sel: usize,
    pub filter: Filter,
    pub search: String,
    pub searching: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    pub dossier: String,
    /// Index into the sheet's entry ids (items, or indicators).
    pub sel: usize,
    /// What has been typed for the selected entry, not yet confirmed.
    pub input: String,
    /// How far the dossier pane is scrolled, in lines.
    pub facts: u16,
    /// How far the selected item's detail is scrolled, in lines.
    pub detail: u16,
}

impl Scoring {
    pub fn new(dossier: &str) -> Scoring {
        Scoring {
            dossier: dossier.to_string(),
            sel: 0,
            input: String::new(),
            facts: 0,
            detail: 0,
        }
    }
}

/// A yes/no question asked before something that cannot be taken back.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// Close the editor and lose the text typed into it.
    Discard,
    /// End the program; `unsaved` when an editor holds text not yet saved.
    Quit { unsaved: bool },
    /// Record a conflict of interest: the dossier is locked for this scorer.
    Recuse { dossier: String, reason: String },
    /// Record the secretary's decision on a tie.
    Decide(Box<crate::domain::decision::Decision>),
    /// Record an expert as absent: their cards are no longer expected.
    Excuse(Box<crate::domain::excuse::Excuse>),
}

/// What the secretary is about to record under their name.
#[derive(Clone, Debug, PartialEq)]
pub enum Signing {
    Decision(Box<crate::domain::decision::Decision>),
    Excuse(Box<crate::domain::excuse::Excuse>),
}

impl Signing {
    /// The same record under `by`, as the question that confirms it.
    pub fn signed(self, by: &str) -> Question {
        match self {
            Signing::Decision(mut d) => {
                d.by = by.to_string();
                Question::Decide(d)
            }
            Signing::Excuse(mut e) => {
                e.by = by.to_string();
                Question::Excuse(e)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Rounds {
        sel: usize,
    },
    Roles {
        sel: usize,
    },
    Dossiers,
    Scoring(Scoring),
    /// The secretary's desk: ranking, chart, drill-down, completeness, ties.
    Office(Box<Office>),
    /// The register of recognised centres: status, next deadline, days left.
    Centres {
        sel: usize,
    },
}

/// The register as loaded, with the day its days are counted from.
#[derive(Clone, Debug, PartialEq)]
pub struct Register {
    pub centres: Vec<Centre>,
    pub today: NaiveDate,
}

impl Register {
    /// The rows the screen lists: the nearest deadline first, then by credit code.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = rows(&self.centres, self.today);
        rows.sort_by_key(|r| (r.days_left.is_none(), r.days_left));
        rows
    }
}

/// The secretary's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Ranking,
    Chart,
    Detail,
    Completeness,
    Ties,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Ranking,
        Tab::Chart,
        Tab::Detail,
        Tab::Completeness,
        Tab::Ties,
    ];
}

/// The secretary's board and the ranking computed from it.
#[derive(Clone, Debug, PartialEq)]
pub struct Office {
    pub tab: Tab,
    pub stage: Stage,
    /// The selected entry of the ranking.
    pub sel: usize,
    pub board: Board,
    /// Recomputed whenever the board or the stage changes; an error says why not.
    pub ranking: Result<Ranking, String>,
    /// Score conflicts from bundles still open: the result is not final while any stands.
    pub conflicts: Vec<crate::domain::merge::ScoreConflict>,
    /// The selected row of the completeness tab.
    pub todo: usize,
    /// The tied dossiers of a decision just sent to the store, to say what
    /// it did once the board comes back.
    pub recorded: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Popup {
    Help,
    ConfirmSubmit {
        dossier: String,
        gaps: Gaps,
    },
    Comment {
        dossier: String,
        item: String,
        editor: Editor,
    },
    Recuse {
        dossier: String,
        editor: Editor,
    },
    /// A decision on a tie: pick which of the level dossiers go in, then give a reason.
    Decide(Choosing),
    /// Where a bundle goes, or where bundles come from (a folder or a file).
    Path {
        purpose: PathFor,
        editor: Editor,
    },
    /// The secretary's name, asked once per session before the first
    /// decision or excuse.
    Name {
        editor: Editor,
        then: Signing,
    },
    /// Why an expert is absent: from one dossier, or from the round.
    Excuse {
        expert: String,
        dossier: Option<String>,
        editor: Editor,
    },
    /// The dossier's documents, checked against their list; Enter opens one.
    Documents {
        dossier: String,
        docs: Vec<crate::attachments::shelf::Document>,
        sel: usize,
    },
    /// An expert's PIN, asked before their desk opens: typed masked, digits only.
    Pin(PinPrompt),
    /// What an import did, file by file; with a key to confirm, `y` trusts it.
    ImportResult {
        path: String,
        trust: Vec<(String, String)>,
        lines: Vec<super::desk::Imported>,
    },
}

/// The PIN being typed for an expert, and at which step.
#[derive(Clone, Debug, PartialEq)]
pub struct PinPrompt {
    pub expert: String,
    pub step: PinStep,
    /// The digits typed so far; shown only as ●.
    pub typed: String,
    /// Why the last PIN was not taken, in both languages.
    pub refused: Option<crate::tui::desk::Said>,
}

impl PinPrompt {
    pub fn new(expert: &str, step: PinStep) -> PinPrompt {
        PinPrompt {
            expert: expert.to_string(),
            step,
            typed: String::new(),
            refused: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum PinStep {
    /// The expert's PIN.
    Enter,
    /// A first PIN.
    New,
    /// The first PIN again; the one typed first.
    Again(crate::domain::pin::Pin),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathFor {
    Export,
    Import,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choosing {
    pub tied: Vec<String>,
    /// How many of them fit in the places left.
    pub places: usize,
    pub picked: Vec<String>,
    pub sel: usize,
    /// Set once the pick is made and the reason is being typed.
    pub reason: Option<Editor>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Saved,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    pub tone: Tone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct App {
    pub lang: Lang,
    /// No colours (the NO_COLOR convention); emphasis by bold and reverse only.
    pub plain: bool,
    pub size: (u16, u16),
    pub screen: Screen,
    /// The dossier list's selection, filter and search, kept while a dossier is open.
    pub list: DossierList,
    pub rounds: Vec<RoundSummary>,
    pub data: Option<RoundData>,
    /// The scorer whose desk this is, once chosen.
    pub scorer: Option<String>,
    /// The scorer's own cards, by dossier.
    pub cards: BTreeMap<String, Card>,
    /// Dossiers the scorer is recused from, with the reason.
    pub recused: BTreeMap<String, String>,
    /// Other scorers' submitted cards for the open dossier (after one's own submit).
    pub peers: Vec<Card>,
    /// This laptop's signing-key fingerprint, shown so it can be read out and compared.
    pub key: Option<String>,
    /// The register of centres, once opened.
    pub register: Option<Register>,
    /// The write the store has not yet confirmed durable, if any.
    pub saving: Option<(String, String)>,
    pub note: Option<Note>,
    pub popup: Option<Popup>,
    /// A question over everything else, answered with y or n.
    pub ask: Option<Question>,
    /// The name decisions are recorded under: asked once per session, the
    /// system user's name offered.
    pub secretary: Option<String>,
    /// The system user's name, read at start-up (update reads no environment).
    pub user: String,
    pub quit: bool,
}

impl App {
    pub fn new(lang: Lang) -> App {
        App {
            lang,
            plain: false,
            size: (80, 24),
            screen: Screen::Rounds { sel: 0 },
            list: DossierList::default(),
            rounds: Vec::new(),
            data: None,
            scorer: None,
            cards: BTreeMap::new(),
            recused: BTreeMap::new(),
            peers: Vec::new(),
            key: None,
            register: None,
            saving: None,
            note: None,
            popup: None,
            ask: None,
            secretary: None,
            user: String::new(),
            quit: false,
        }
    }

    /// The secretary's desk, when it is the screen.
    pub fn office(&self) -> Option<&Office> {
        match &self.screen {
            Screen::Office(o) => Some(o),
            _ => None,
        }
    }

    pub fn office_mut(&mut self) -> Option<&mut Office> {
        match &mut self.screen {
            Screen::Office(o) => Some(o),
            _ => None,
        }
    }

    /// A fixed label in the app's language.
    pub fn t(&self, l: Label) -> String {
        l.say(self.lang)
    }

    /// The stage the chosen scorer works in.
    pub fn stage(&self) -> Stage {
        match (&self.data, &self.scorer) {
            (Some(d), Some(s)) if d.round.preliminary.iter().any(|p| &p.id == s) => {
                Stage::Preliminary
            }
            _ => Stage::Expert,
        }
    }

    pub fn progress(&self, dossier: &str) -> Progress {
        if self.recused.contains_key(dossier) {
            return Progress::Recused;
        }
        match self.cards.get(dossier) {
            Some(c) if c.status == Status::Submitted => Progress::Submitted,
            Some(c) if !c.scores.is_empty() || !c.comments.is_empty() => Progress::InProgress,
            _ => Progress::Unscored,
        }
    }

    /// The dossiers the list shows, after filter and search.
    pub fn visible_dossiers(&self) -> Vec<&Dossier> {
        let Some(d) = &self.data else {
            return Vec::new();
        };
        let l = &self.list;
        let q = l.search.to_lowercase();
        d.dossiers
            .iter()
            .filter(|x| match l.filter {
                Filter::All => true,
                Filter::Only(p) => self.progress(&x.id) == p,
            })
            .filter(|x| {
                q.is_empty()
                    || x.id.to_lowercase().contains(&q)
                    || x.applicant.name.to_lowercase().contains(&q)
            })
            .collect()
    }

    pub fn dossier(&self, id: &str) -> Option<&Dossier> {
        self.data.as_ref()?.dossiers.iter().find(|d| d.id == id)
    }

    pub fn sheet(&self) -> Option<&Sheet> {
        self.data.as_ref().map(|d| &d.sheet)
    }

    /// The card of the dossier being scored (an empty one before the first score).
    pub fn card(&self, dossier: &str) -> Option<&Card> {
        self.cards.get(dossier)
    }

    pub fn scorer_name(&self) -> String {
        match (&self.data, &self.scorer) {
            (Some(d), Some(id)) => d
                .round
                .expert(id)
                .map_or(id.clone(), |e| format!("{} {}", e.id, e.name)),
            _ => String::new(),
        }
    }

    pub fn progress_label(&self, p: Progress) -> String {
        self.t(match p {
            Progress::Unscored => Label::Unscored,
            Progress::InProgress => Label::InProgress,
            Progress::Submitted => Label::Submitted,
            Progress::Recused => Label::Recused,
        })
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.note = Some(Note {
            text: text.into(),
            tone: Tone::Info,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.note = Some(Note {
            text: text.into(),
            tone: Tone::Error,
        });
    }
}

/// One line of the scoring table: a section heading or an entry (by index into
/// the sheet's entry ids).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    Section(usize),
    Entry(usize),
}

/// The scoring table's lines, headings included, in order.
pub fn scoring_lines(sheet: &Sheet) -> Vec<Line> {
    if sheet.is_indicator_sheet() {
        return (0..sheet.indicators.len()).map(Line::Entry).collect();
    }
    let mut out = Vec::new();
    let mut k = 0;
    for (si, s) in sheet.sections.iter().enumerate() {
        out.push(Line::Section(si));
        for _ in &s.items {
            out.push(Line::Entry(k));
            k += 1;
        }
    }
    out
}

/// The index of the section an entry is in (0 on an indicator sheet).
pub fn section_of(sheet: &Sheet, entry: usize) -> usize {
    let mut k = 0;
    for (si, s) in sheet.sections.iter().enumerate() {
        k += s.items.len();
        if entry < k {
            return si;
        }
    }
    0
}

/// The first entry of each section.
pub fn section_starts(sheet: &Sheet) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = 0;
    for s in &sheet.sections {
        out.push(k);
        k += s.items.len();
    }
    out
}
