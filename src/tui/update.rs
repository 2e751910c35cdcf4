//! `update`: the only place the app's state changes. No I/O: what must touch the
//! store is returned as effects, and the store's answer comes back as an action.

use crate::tui::label::Label;

use super::action::{Action, Effect};
use super::app::{
    App, Filter, Note, PathFor, Popup, Progress, Scoring, Screen, Tab, Tone, scoring_lines,
};
use super::command::{Ctx, context};
use super::editor::Editor;
use super::layout;
use super::words::Word;
use crate::lang::Say;

mod centres;
mod documents;
mod office;
mod pin;
mod popups;
mod scoring;

use office::{board_loaded, choice, office};
use popups::{answer, confirm, interrupt, quit, typing};
use scoring::{commit, saved, scoring, select, wheel};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            vec![]
        }
        Action::Quit => quit(app),
        Action::Interrupt => interrupt(app),
        Action::Help if app.popup.is_none() => {
            app.popup = Some(Popup::Help);
            vec![]
        }
        Action::Failed(why) => {
            app.saving = None;
            if !pin::refused(app, &why) {
                app.error(why.say(app.lang));
            }
            vec![]
        }
        Action::RoundsListed(rounds) => {
            app.rounds = rounds;
            vec![]
        }
        Action::RoundOpened(data) => {
            app.data = Some(*data);
            app.screen = Screen::Roles { sel: 0 };
            vec![]
        }
        Action::Gate { scorer, gate } => pin::gate(app, scorer, gate),
        Action::DeskLoaded { cards, recused } => {
            if matches!(app.popup, Some(Popup::Pin(_))) {
                app.popup = None;
            }
            app.cards = cards.into_iter().map(|c| (c.dossier.clone(), c)).collect();
            app.recused = recused.into_iter().collect();
            app.list = Default::default();
            app.screen = Screen::Dossiers;
            vec![]
        }
        Action::Saved(card) => saved(app, *card),
        Action::Peers(cards) => {
            app.peers = cards;
            vec![]
        }
        Action::Recused { dossier, reason } => {
            app.recused.insert(dossier.clone(), reason);
            app.screen = Screen::Dossiers;
            app.note = Some(Note {
                text: format!("{} {}", app.t(Label::Recused), dossier),
                tone: Tone::Saved,
            });
            vec![]
        }
        Action::ExportProposed(path) => {
            app.popup = Some(Popup::Path {
                purpose: PathFor::Export,
                editor: Editor::new(&path),
            });
            vec![]
        }
        Action::Exported { file, fingerprint } => {
            let text = Word::Exported {
                file,
                fingerprint: fingerprint.clone(),
            }
            .say(app.lang);
            app.key = Some(fingerprint);
            app.note = Some(Note {
                text,
                tone: Tone::Saved,
            });
            vec![]
        }
        Action::ImportedBundles { path, trust, lines } => {
            app.popup = Some(Popup::ImportResult { path, trust, lines });
            let round = app.data.as_ref().map(|d| d.round.id.clone());
            round.map_or_else(Vec::new, |round| vec![Effect::LoadBoard { round }])
        }
        Action::BoardLoaded(board) => board_loaded(app, *board),
        Action::Excused { excuse, board } => office::excused(app, *excuse, *board),
        Action::Conflicts(open) => {
            if let Screen::Office(o) = &mut app.screen {
                o.conflicts = open;
            }
            vec![]
        }
        Action::DocumentsListed { dossier, docs } => {
            app.popup = Some(Popup::Documents {
                dossier,
                docs,
                sel: 0,
            });
            vec![]
        }
        Action::DocumentOpened(name) => {
            documents::opened(app, name);
            vec![]
        }
        Action::CentresLoaded(register) => {
            centres::loaded(app, *register);
            vec![]
        }
        Action::ScrollDown(x, y) => wheel(app, x, y, true),
        Action::ScrollUp(x, y) => wheel(app, x, y, false),
        Action::Click(x, y) => click(app, x, y),
        other => match context(app) {
            Ctx::Help => {
                if other == Action::Back {
                    app.popup = None;
                }
                vec![]
            }
            Ctx::Confirm => confirm(app, other),
            Ctx::Editor | Ctx::Reason => typing(app, other),
            Ctx::Search => search(app, other),
            Ctx::Rounds => rounds(app, other),
            Ctx::Roles => roles(app, other),
            Ctx::Dossiers => dossiers(app, other),
            Ctx::Scoring => scoring(app, other),
            Ctx::Office => office(app, other),
            Ctx::Choice => choice(app, other),
            Ctx::Centres => centres::keys(app, other),
            Ctx::Question => answer(app, other),
            Ctx::Documents => documents::keys(app, other),
            Ctx::Pin => pin::keys(app, other),
        },
    }
}

/// Moves a selection within `n` entries.
fn moved(sel: usize, n: usize, a: &Action) -> Option<usize> {
    let last = n.saturating_sub(1);
    Some(match a {
        Action::Down => (sel + 1).min(last),
        Action::Up => sel.saturating_sub(1),
        Action::PageDown => (sel + 10).min(last),
        Action::PageUp => sel.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

fn rounds(app: &mut App, a: Action) -> Vec<Effect> {
    let Screen::Rounds { sel } = &mut app.screen else {
        return vec![];
    };
    if let Some(s) = moved(*sel, app.rounds.len(), &a) {
        *sel = s;
    } else if a == Action::OpenCentres {
        return vec![Effect::LoadCentres];
    } else if a == Action::Open
        && let Some(r) = app.rounds.get(*sel)
    {
        return vec![Effect::OpenRound(r.id.clone())];
    }
    vec![]
}

fn roles(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(data) = &app.data else { return vec![] };
    let people: Vec<String> = data
        .round
        .experts
        .iter()
        .chain(&data.round.preliminary)
        .map(|e| e.id.clone())
        .collect();
    let secretary = people.len();
    let round = data.round.id.clone();
    let Screen::Roles { sel } = &mut app.screen else {
        return vec![];
    };
    if let Some(s) = moved(*sel, people.len() + 1, &a) {
        *sel = s;
        return vec![];
    }
    match a {
        Action::Open if *sel == secretary => vec![Effect::LoadBoard { round }],
        Action::Open => match people.get(*sel) {
            Some(id) => vec![Effect::Gate {
                round,
                scorer: id.clone(),
            }],
            None => vec![],
        },
        Action::Back => {
            app.screen = Screen::Rounds { sel: 0 };
            app.data = None;
            app.scorer = None;
            vec![]
        }
        _ => vec![],
    }
}

fn dossiers(app: &mut App, a: Action) -> Vec<Effect> {
    let n = app.visible_dossiers().len();
    if let Some(s) = moved(app.list.sel, n, &a) {
        app.list.sel = s;
        return vec![];
    }
    let selected = app
        .visible_dossiers()
        .get(app.list.sel)
        .map(|d| d.id.clone());
    match a {
        Action::Open => selected.map_or_else(Vec::new, |id| open_dossier(app, id)),
        Action::Back => {
            app.screen = Screen::Roles { sel: 0 };
            app.scorer = None;
            app.cards.clear();
            app.recused.clear();
            vec![]
        }
        Action::CycleFilter => {
            app.list.filter = match app.list.filter {
                Filter::All => Filter::Only(Progress::Unscored),
                Filter::Only(Progress::Unscored) => Filter::Only(Progress::InProgress),
                Filter::Only(Progress::InProgress) => Filter::Only(Progress::Submitted),
                Filter::Only(Progress::Submitted) => Filter::Only(Progress::Recused),
                Filter::Only(Progress::Recused) => Filter::All,
            };
            app.list.sel = 0;
            vec![]
        }
        Action::StartSearch => {
            app.list.searching = true;
            vec![]
        }
        Action::NextUnscored | Action::PrevUnscored => {
            let forward = a == Action::NextUnscored;
            let ids: Vec<String> = app
                .visible_dossiers()
                .iter()
                .map(|d| d.id.clone())
                .collect();
            let open =
                |id: &String| matches!(app.progress(id), Progress::Unscored | Progress::InProgress);
            match next_of(ids.len(), app.list.sel, forward, |k| open(&ids[k])) {
                Some(k) => app.list.sel = k,
                None => app.info(Word::AllSubmitted.say(app.lang)),
            }
            vec![]
        }
        Action::ExportBundle => vec![Effect::ProposeExport],
        Action::Recuse => {
            if let Some(id) = selected {
                ask_recusal(app, id);
            }
            vec![]
        }
        _ => vec![],
    }
}

/// The next index after (or before) `from` that satisfies `want`, going round
/// the end; `None` when none does.
pub(super) fn next_of(
    n: usize,
    from: usize,
    forward: bool,
    want: impl Fn(usize) -> bool,
) -> Option<usize> {
    (1..=n)
        .map(|k| {
            if forward {
                (from + k) % n
            } else {
                (from + n - k % n) % n
            }
        })
        .find(|&k| want(k))
}

fn open_dossier(app: &mut App, id: String) -> Vec<Effect> {
    if app.recused.contains_key(&id) {
        app.error(format!("{}: {}", id, app.t(Label::RecuseLocked)));
        return vec![];
    }
    app.peers.clear();
    app.note = None;
    let submitted = app.progress(&id) == Progress::Submitted;
    app.screen = Screen::Scoring(Scoring::new(&id));
    if submitted {
        vec![Effect::LoadPeers { dossier: id }]
    } else {
        vec![]
    }
}

fn ask_recusal(app: &mut App, dossier: String) {
    match app.progress(&dossier) {
        Progress::Recused => app.error(format!("{}: {}", dossier, app.t(Label::RecuseLocked))),
        Progress::Submitted => app.error(format!("{}: {}", dossier, app.t(Label::ReadOnly))),
        _ => {
            app.popup = Some(Popup::Recuse {
                dossier,
                editor: Editor::default(),
            })
        }
    }
}

fn search(app: &mut App, a: Action) -> Vec<Effect> {
    match a {
        Action::Text(c) => app.list.search.push(c),
        Action::TextBackspace => {
            app.list.search.pop();
        }
        Action::Confirm => app.list.searching = false,
        _ => {}
    }
    app.list.sel = 0;
    vec![]
}

/// A click selects the row under the pointer; a click on the selected row opens it.
fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    if app.popup.is_some() || app.ask.is_some() {
        return vec![];
    }
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    if layout::too_small(area) {
        return vec![];
    }
    let body = layout::frame(area).body;
    match &app.screen {
        Screen::Rounds { sel } | Screen::Roles { sel } => {
            let sel = *sel;
            let Some(row) = layout::clicked_row(body, y, sel) else {
                return vec![];
            };
            let n = match &app.screen {
                Screen::Rounds { .. } => app.rounds.len(),
                _ => app
                    .data
                    .as_ref()
                    .map_or(0, |d| d.round.experts.len() + d.round.preliminary.len() + 1),
            };
            pick(app, sel, row, n)
        }
        Screen::Office(o) => {
            let (_, _, main) = layout::office(body);
            let n = o.ranking.as_ref().map_or(0, |r| r.entries.len());
            if o.tab != Tab::Ranking {
                return vec![];
            }
            let Some(row) = layout::clicked_row(main, y, o.sel) else {
                return vec![];
            };
            pick(app, o.sel, row, n)
        }
        Screen::Dossiers => {
            let (_, list) = layout::dossiers(body);
            let sel = app.list.sel;
            let Some(row) = layout::clicked_row(list, y, sel) else {
                return vec![];
            };
            pick(app, sel, row, app.visible_dossiers().len())
        }
        Screen::Centres { sel } => {
            let sel = *sel;
            let (list, _) = layout::centres(body);
            let n = app.register.as_ref().map_or(0, |r| r.centres.len());
            match layout::clicked_row(list, y, sel) {
                Some(row) => pick(app, sel, row, n),
                None => vec![],
            }
        }
        Screen::Scoring(sc) => {
            let items = layout::scoring(body).items;
            let Some(sheet) = app.sheet() else {
                return vec![];
            };
            if x >= items.x + items.width {
                return vec![];
            }
            let lines = scoring_lines(sheet);
            let at = lines
                .iter()
                .position(|l| *l == super::app::Line::Entry(sc.sel))
                .unwrap_or(0);
            let Some(row) = layout::clicked_row(items, y, at) else {
                return vec![];
            };
            let Some(super::app::Line::Entry(k)) = lines.get(row).copied() else {
                return vec![];
            };
            if k == sc.sel {
                return vec![];
            }
            // The score typed on the item being left is kept, as with ↓.
            match commit(app) {
                Some(fx) => {
                    select(app, k);
                    fx
                }
                None => vec![],
            }
        }
    }
}

fn pick(app: &mut App, sel: usize, row: usize, n: usize) -> Vec<Effect> {
    if row >= n {
        return vec![];
    }
    if row == sel {
        return update(app, Action::Open);
    }
    match &mut app.screen {
        Screen::Rounds { sel } | Screen::Roles { sel } | Screen::Centres { sel } => *sel = row,
        Screen::Dossiers => app.list.sel = row,
        Screen::Office(o) => o.sel = row,
        Screen::Scoring(_) => {}
    }
    vec![]
}
