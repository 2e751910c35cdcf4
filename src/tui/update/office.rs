//! The secretary's desk: the board and its ranking, tabs, stages and tie decisions.

use super::moved;
use crate::domain::decision::{Choice, Decision};
use crate::domain::ranking::Boundary;
use crate::domain::round::{RoundKind, Stage};
use crate::lang::Say;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Choosing, Office, PathFor, Popup, RoundData, Screen, Signing, Tab};
use crate::tui::desk::Board;
use crate::tui::editor::Editor;
use crate::tui::todo::{self, Todo};
use crate::tui::words::Word;

pub(super) fn board_loaded(app: &mut App, board: Board) -> Vec<Effect> {
    let (stage, tab, sel, decided) = match &mut app.screen {
        Screen::Office(o) => (o.stage, o.tab, o.sel, o.recorded.take()),
        _ => (default_stage(app, &board), Tab::Ranking, 0, None),
    };
    let mut office = Office {
        tab,
        stage,
        sel,
        board,
        ranking: Err(String::new()),
        conflicts: Vec::new(),
        todo: 0,
        recorded: None,
    };
    if let Some(d) = &app.data {
        rerank(d, &mut office, app.lang);
    }
    app.scorer = None;
    if matches!(app.popup, Some(Popup::Decide(_))) {
        app.popup = None; // the decision is recorded; an import's result stays up
    }
    if let (Some(tied), Ok(r)) = (decided, &office.ranking) {
        // In ranking order: who took the place(s) first.
        let places: Vec<(String, crate::domain::ranking::Status)> = r
            .entries
            .iter()
            .filter(|e| tied.contains(&e.dossier))
            .map(|e| (e.dossier.clone(), e.status))
            .collect();
        let text = Word::DecisionRecorded(places).say(app.lang);
        app.note = Some(crate::tui::app::Note {
            text,
            tone: crate::tui::app::Tone::Saved,
        });
    }
    app.screen = Screen::Office(Box::new(office));
    match &app.data {
        Some(d) => vec![Effect::LoadConflicts {
            round: d.round.id.clone(),
        }],
        None => vec![],
    }
}

/// The desk opens on the latest stage that has cards: the expert stage of a
/// recognition round once any expert card exists, the shortlist before.
fn default_stage(app: &App, board: &Board) -> Stage {
    match app.data.as_ref().map(|d| d.round.kind) {
        Some(RoundKind::Recognition) if !board.cards.iter().any(|c| c.stage == Stage::Expert) => {
            Stage::Preliminary
        }
        _ => Stage::Expert,
    }
}

/// The ranking is derived from the board; it is recomputed only when the board
/// or the stage changes, never on a plain key press.
fn rerank(d: &RoundData, o: &mut Office, lang: crate::lang::Lang) {
    o.ranking = o
        .board
        .rank(
            &d.round,
            &d.sheet,
            d.eligibility.as_ref(),
            &d.dossiers,
            o.stage,
        )
        .map_err(|e| e.say(lang));
    let n = o.ranking.as_ref().map_or(0, |r| r.entries.len());
    o.sel = o.sel.min(n.saturating_sub(1));
    o.todo = 0;
}

pub(super) fn office(app: &mut App, a: Action) -> Vec<Effect> {
    let (Some(d), Screen::Office(o)) = (&app.data, &mut app.screen) else {
        return vec![];
    };
    if o.tab == Tab::Completeness {
        let rows = todo::rows(d, o);
        if let Some(s) = moved(o.todo, rows.len(), &a) {
            o.todo = s;
            return vec![];
        }
        if a == Action::Open {
            // Enter on a card goes to that dossier's drill-down.
            if let Some(Todo::Card { dossier, .. }) = rows.get(o.todo)
                && let Ok(r) = &o.ranking
                && let Some(k) = r.entries.iter().position(|e| &e.dossier == dossier)
            {
                o.sel = k;
                o.tab = Tab::Detail;
            }
            return vec![];
        }
    }
    let n = o.ranking.as_ref().map_or(0, |r| r.entries.len());
    if let Some(s) = moved(o.sel, n, &a) {
        o.sel = s;
        return vec![];
    }
    let tabs = Tab::ALL;
    let at = tabs.iter().position(|t| *t == o.tab).unwrap_or(0);
    match a {
        Action::NextSection => o.tab = tabs[(at + 1) % tabs.len()],
        Action::PrevSection => o.tab = tabs[(at + tabs.len() - 1) % tabs.len()],
        Action::Open => o.tab = Tab::Detail,
        Action::ShowPending => {
            let ties = o
                .ranking
                .as_ref()
                .is_ok_and(|r| !r.unresolved_ties().is_empty());
            let owed = todo::cards_owed(&todo::rows(d, o)) > 0;
            o.tab = if ties && !owed {
                Tab::Ties
            } else {
                Tab::Completeness
            };
        }
        Action::ToggleStage if d.round.kind == RoundKind::Recognition => {
            o.stage = if o.stage == Stage::Expert {
                Stage::Preliminary
            } else {
                Stage::Expert
            };
            o.sel = 0;
            rerank(d, o, app.lang);
        }
        Action::Decide => start_decision(app),
        Action::Excuse => start_excuse(app),
        Action::ImportBundles => {
            app.popup = Some(Popup::Path {
                purpose: PathFor::Import,
                editor: Editor::new("."),
            })
        }
        Action::Back => app.screen = Screen::Roles { sel: 0 },
        _ => {}
    }
    vec![]
}

/// Opens the reason field for an excuse: on a scorer's heading in the
/// completeness tab, from the whole round; on one of their cards, from that
/// dossier. Only panel members of the expert stage are excused.
fn start_excuse(app: &mut App) {
    let Some(d) = &app.data else { return };
    let Screen::Office(o) = &app.screen else {
        return;
    };
    let row = if o.tab == Tab::Completeness && o.stage == Stage::Expert {
        todo::rows(d, o).get(o.todo).cloned()
    } else {
        None
    };
    let (expert, dossier) = match row {
        Some(Todo::Scorer { id, .. }) => (id, None),
        Some(Todo::Card {
            expert, dossier, ..
        }) => (expert, Some(dossier)),
        None => {
            app.error(Word::ExcuseWhere.say(app.lang));
            return;
        }
    };
    app.note = None;
    app.popup = Some(Popup::Excuse {
        expert,
        dossier,
        editor: Editor::default(),
    });
}

/// An excuse was recorded: the board as it now stands, and what was recorded.
pub(super) fn excused(
    app: &mut App,
    excuse: crate::domain::excuse::Excuse,
    board: Board,
) -> Vec<Effect> {
    let fx = board_loaded(app, board);
    app.note = Some(crate::tui::app::Note {
        text: Word::ExcuseRecorded(Box::new(excuse)).say(app.lang),
        tone: crate::tui::app::Tone::Saved,
    });
    fx
}

/// Opens the choice for the selected entry's unresolved tie at the cap.
fn start_decision(app: &mut App) {
    let Some(o) = app.office() else { return };
    let Ok(r) = &o.ranking else { return };
    let Some(e) = r.entries.get(o.sel) else {
        return;
    };
    let Some(tie) = e.tie.as_ref().filter(|t| t.unresolved) else {
        app.error(Word::NoTie(e.dossier.clone()).say(app.lang));
        return;
    };
    let mut tied = vec![e.dossier.clone()];
    tied.extend(tie.level.iter().cloned());
    tied.sort();
    let cap = match tie.boundary {
        Some(Boundary::Cap { cap }) => cap as usize,
        Some(Boundary::Shortlist { places }) => places as usize,
        None => 0,
    };
    let above = r
        .entries
        .iter()
        .filter(|x| x.rank.is_some_and(|k| e.rank.is_some_and(|m| k < m)))
        .count();
    let places = cap.saturating_sub(above).clamp(1, tied.len() - 1);
    app.popup = Some(Popup::Decide(Choosing {
        tied,
        places,
        picked: Vec::new(),
        sel: 0,
        reason: None,
    }));
}

pub(super) fn choice(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(Popup::Decide(c)) = &mut app.popup else {
        return vec![];
    };
    if let Some(s) = moved(c.sel, c.tied.len(), &a) {
        c.sel = s;
        return vec![];
    }
    match a {
        Action::Toggle => {
            let d = c.tied[c.sel].clone();
            if let Some(i) = c.picked.iter().position(|x| *x == d) {
                c.picked.remove(i);
            } else if c.picked.len() < c.places {
                c.picked.push(d);
            }
        }
        Action::Confirm if c.picked.len() == c.places => c.reason = Some(Editor::default()),
        Action::Confirm => {
            let msg = Word::PickCount {
                places: c.places,
                picked: c.picked.len(),
            };
            app.error(msg.say(app.lang));
        }
        Action::No => app.popup = None,
        _ => {}
    }
    vec![]
}

pub(super) fn decision(app: &mut App, c: Choosing, reason: String) -> Vec<Effect> {
    let (Some(d), Some(o)) = (&app.data, app.office()) else {
        return vec![];
    };
    let mut picked = c.picked;
    picked.sort();
    let decision = Decision {
        round: d.round.id.clone(),
        stage: o.stage,
        tied: c.tied,
        choice: Choice::Admit(picked),
        reason,
        by: app.secretary.clone().unwrap_or_default(),
        // stamped by the runtime when it is recorded: update reads no clock
        at: chrono::DateTime::UNIX_EPOCH,
    };
    if let Err(e) = decision.check() {
        app.error(e.say(app.lang));
        return vec![];
    }
    // The name decisions are recorded under is asked once per session.
    super::popups::sign(app, Signing::Decision(Box::new(decision)));
    vec![]
}
