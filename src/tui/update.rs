//! `update`: the only place the app's state changes. No I/O: what must touch the
//! store is returned as effects, and the store's answer comes back as an action.

use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::decision::{Choice, Decision};
use crate::domain::ranking::Boundary;
use crate::domain::round::{RoundKind, Stage};
use crate::domain::sheet::ValueError;
use crate::lang::Lang;

use super::action::{Action, Effect};
use super::app::{
    App, Choosing, Filter, Note, Office, PathFor, Popup, Progress, Scoring, Screen, Tab, Tone,
    scoring_lines, section_starts,
};
use super::command::{Ctx, context};
use super::editor::Editor;
use super::layout;

mod centres;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize(w, h) => {
            app.size = (w, h);
            vec![]
        }
        Action::Quit => {
            app.quit = true;
            vec![]
        }
        Action::Help if app.popup.is_none() => {
            app.popup = Some(Popup::Help);
            vec![]
        }
        Action::Failed(msg) => {
            app.saving = None;
            app.error(msg);
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
        Action::DeskLoaded { cards, recused } => {
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
                text: format!("{} {}", app.s().recused, dossier),
                tone: Tone::Saved,
            });
            vec![]
        }
        Action::Exported { file, fingerprint } => {
            let text = match app.lang {
                Lang::Zh => format!("已导出评分包 {file} · 本机密钥 {fingerprint}"),
                Lang::En => format!("bundle written to {file} · this laptop's key {fingerprint}"),
            };
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
        Action::BoardLoaded(board) => {
            board_loaded(app, *board);
            vec![]
        }
        Action::CentresLoaded(register) => {
            centres::loaded(app, *register);
            vec![]
        }
        Action::ScrollDown => update(app, Action::Down),
        Action::ScrollUp => update(app, Action::Up),
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
            Some(id) => {
                app.scorer = Some(id.clone());
                vec![Effect::LoadDesk {
                    round,
                    scorer: id.clone(),
                }]
            }
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
        Action::ExportBundle => {
            app.popup = Some(Popup::Path {
                purpose: PathFor::Export,
                editor: Editor::new("."),
            });
            vec![]
        }
        Action::Recuse => {
            if let Some(id) = selected {
                ask_recusal(app, id);
            }
            vec![]
        }
        _ => vec![],
    }
}

fn open_dossier(app: &mut App, id: String) -> Vec<Effect> {
    if app.recused.contains_key(&id) {
        app.error(format!("{}: {}", id, app.s().recuse_locked));
        return vec![];
    }
    app.peers.clear();
    app.note = None;
    let submitted = app.progress(&id) == Progress::Submitted;
    app.screen = Screen::Scoring(Scoring {
        dossier: id.clone(),
        sel: 0,
        input: String::new(),
    });
    if submitted {
        vec![Effect::LoadPeers { dossier: id }]
    } else {
        vec![]
    }
}

fn ask_recusal(app: &mut App, dossier: String) {
    match app.progress(&dossier) {
        Progress::Recused => app.error(format!("{}: {}", dossier, app.s().recuse_locked)),
        Progress::Submitted => app.error(format!("{}: {}", dossier, app.s().read_only)),
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

fn scoring(app: &mut App, a: Action) -> Vec<Effect> {
    let (Some(sheet), Screen::Scoring(sc)) = (app.data.as_ref().map(|d| &d.sheet), &app.screen)
    else {
        return vec![];
    };
    let ids: Vec<String> = sheet.entry_ids().into_iter().map(String::from).collect();
    let starts = section_starts(sheet);
    let (dossier, sel) = (sc.dossier.clone(), sc.sel);
    let read_only = app.progress(&dossier) == Progress::Submitted;
    let Some(item) = ids.get(sel).cloned() else {
        return vec![];
    };

    if let Some(s) = moved(sel, ids.len(), &a) {
        select(app, s);
        return vec![];
    }
    match a {
        Action::NextSection => {
            let next = starts.iter().copied().find(|&s| s > sel).unwrap_or(sel);
            select(app, next);
        }
        Action::PrevSection => {
            let cur = starts.iter().copied().rfind(|&s| s <= sel).unwrap_or(0);
            let prev = if cur < sel {
                cur
            } else {
                starts.iter().copied().rfind(|&s| s < cur).unwrap_or(0)
            };
            select(app, prev);
        }
        Action::Back => {
            app.screen = Screen::Dossiers;
            app.peers.clear();
        }
        Action::Digit(_) | Action::Increment | Action::Decrement | Action::Comment if read_only => {
            app.error(app.s().read_only);
        }
        Action::Digit(c) => {
            if let Screen::Scoring(sc) = &mut app.screen
                && sc.input.len() < 12
            {
                sc.input.push(c);
            }
        }
        Action::Erase => {
            if let Screen::Scoring(sc) = &mut app.screen {
                sc.input.pop();
            }
        }
        Action::Confirm => return confirm_input(app, dossier, item, sel, ids.len()),
        Action::Increment | Action::Decrement => {
            return step(app, dossier, item, a == Action::Increment);
        }
        Action::Comment => {
            let text = app
                .card(&dossier)
                .and_then(|c| c.comments.get(&item))
                .cloned()
                .unwrap_or_default();
            app.popup = Some(Popup::Comment {
                dossier,
                item,
                editor: Editor::new(&text),
            });
        }
        Action::Submit if read_only => app.error(app.s().read_only),
        Action::Submit => {
            let empty = Card::new("", app.stage(), "", &dossier, chrono::DateTime::UNIX_EPOCH);
            let gaps = app.card(&dossier).unwrap_or(&empty).gaps(sheet);
            app.popup = Some(Popup::ConfirmSubmit { dossier, gaps });
        }
        Action::Recuse => ask_recusal(app, dossier),
        _ => {}
    }
    vec![]
}

fn select(app: &mut App, sel: usize) {
    if let Screen::Scoring(sc) = &mut app.screen {
        sc.sel = sel;
        sc.input.clear();
    }
}

/// Enter: save what was typed (then move on), or just move on when nothing was.
fn confirm_input(
    app: &mut App,
    dossier: String,
    item: String,
    sel: usize,
    n: usize,
) -> Vec<Effect> {
    let Screen::Scoring(sc) = &app.screen else {
        return vec![];
    };
    if sc.input.is_empty() {
        select(app, (sel + 1).min(n.saturating_sub(1)));
        return vec![];
    }
    let typed = sc.input.clone();
    if let Screen::Scoring(sc) = &mut app.screen {
        sc.input.clear(); // a refused value is named in the message; typing starts afresh
    }
    let value = match typed.parse::<Points>() {
        Ok(v) => v,
        Err(_) => {
            let msg = match app.lang {
                Lang::Zh => format!("“{typed}”不是分数：请输入数字，如 7 或 7.5"),
                Lang::En => format!("'{typed}' is not a score: type a number such as 7 or 7.5"),
            };
            app.error(msg);
            return vec![];
        }
    };
    let effects = save(app, dossier, item, value);
    if !effects.is_empty() {
        select(app, (sel + 1).min(n.saturating_sub(1)));
    }
    effects
}

/// `+`/`-`: one step from the current score, kept within 0..max.
fn step(app: &mut App, dossier: String, item: String, up: bool) -> Vec<Effect> {
    let Some(sheet) = app.sheet() else {
        return vec![];
    };
    let (max, step) = sheet
        .item(&item)
        .map_or((None, Points::whole(1)), |i| (Some(i.max), i.step));
    let now = app
        .card(&dossier)
        .and_then(|c| c.scores.get(&item))
        .copied();
    let next = match (now, up) {
        (None, true) => step,
        (None, false) => Points::ZERO,
        (Some(v), true) => v.checked_add(step).unwrap_or(v),
        (Some(v), false) => v.saturating_sub(step),
    };
    let next = max.map_or(next, |m| next.min(m));
    if Some(next) == now {
        return vec![];
    }
    save(app, dossier, item, next)
}

/// Checks a value against the sheet; a bad one is a message and nothing saved.
fn save(app: &mut App, dossier: String, item: String, value: Points) -> Vec<Effect> {
    let Some(sheet) = app.sheet() else {
        return vec![];
    };
    if let Err(e) = sheet.check_value(&item, value) {
        let msg = match (app.lang, &e) {
            (
                Lang::Zh,
                ValueError::AboveMax {
                    item,
                    value,
                    max,
                    step,
                }
                | ValueError::OffStep {
                    item,
                    value,
                    max,
                    step,
                },
            ) => {
                format!("{value} 不可用：{item} 允许 0 至 {max}，步长 {step}；未保存")
            }
            _ => e.to_string(),
        };
        app.error(msg);
        return vec![];
    }
    app.saving = Some((dossier.clone(), item.clone()));
    app.note = Some(Note {
        text: app.s().saving.to_string(),
        tone: Tone::Info,
    });
    if let Screen::Scoring(sc) = &mut app.screen {
        sc.input.clear();
    }
    vec![Effect::SaveScore {
        dossier,
        item,
        value,
    }]
}

fn saved(app: &mut App, card: Card) -> Vec<Effect> {
    let what = app.saving.take().map(|(_, item)| {
        let v = card
            .scores
            .get(&item)
            .map(|v| v.to_string())
            .unwrap_or_default();
        format!(" {item} = {v}")
    });
    let submitted = card.is_submitted() && app.progress(&card.dossier) != Progress::Submitted;
    let dossier = card.dossier.clone();
    app.cards.insert(dossier.clone(), card);
    let s = app.s();
    let text = if submitted {
        format!("{} {dossier}", s.submitted)
    } else {
        format!("✓ {}{}", s.saved, what.unwrap_or_default())
    };
    app.note = Some(Note {
        text,
        tone: Tone::Saved,
    });
    if submitted {
        vec![Effect::LoadPeers { dossier }]
    } else {
        vec![]
    }
}

fn confirm(app: &mut App, a: Action) -> Vec<Effect> {
    if let Some(Popup::ImportResult { path, trust, lines }) = &app.popup {
        let unknown = lines.iter().find_map(|l| l.unknown_key.clone());
        let again = match (&a, unknown) {
            (Action::Yes, Some(key)) => {
                let mut trust = trust.clone();
                trust.push(key);
                Some(Effect::ImportBundles {
                    path: path.clone(),
                    trust,
                })
            }
            _ => None,
        };
        if matches!(a, Action::Yes | Action::No) {
            app.popup = None;
        }
        return again.into_iter().collect();
    }
    let Some(Popup::ConfirmSubmit { dossier, gaps }) = &app.popup else {
        return vec![];
    };
    let (dossier, ready) = (dossier.clone(), gaps.is_empty());
    match a {
        Action::Yes if ready => {
            app.popup = None;
            vec![Effect::Submit { dossier }]
        }
        Action::Yes | Action::No => {
            app.popup = None;
            vec![]
        }
        _ => vec![],
    }
}

fn typing(app: &mut App, a: Action) -> Vec<Effect> {
    let editor = match &mut app.popup {
        Some(
            Popup::Comment { editor, .. }
            | Popup::Recuse { editor, .. }
            | Popup::Path { editor, .. },
        ) => editor,
        Some(Popup::Decide(Choosing {
            reason: Some(editor),
            ..
        })) => editor,
        _ => return vec![],
    };
    match a {
        Action::Text(c) => editor.insert(c),
        Action::TextNewline => editor.newline(),
        Action::TextBackspace => editor.backspace(),
        Action::TextLeft => editor.left(),
        Action::TextRight => editor.right(),
        Action::TextUp => editor.vertical(false),
        Action::TextDown => editor.vertical(true),
        Action::TextHome => editor.home(),
        Action::TextEnd => editor.end(),
        Action::No => app.popup = None,
        Action::TextSave => return finish_typing(app),
        _ => {}
    }
    vec![]
}

fn finish_typing(app: &mut App) -> Vec<Effect> {
    match app.popup.take() {
        Some(Popup::Comment {
            dossier,
            item,
            editor,
        }) => {
            app.saving = Some((dossier.clone(), item.clone()));
            vec![Effect::SaveComment {
                dossier,
                item,
                text: editor.text(),
            }]
        }
        Some(Popup::Path { purpose, editor }) => {
            let path = editor.text().trim().to_string();
            match purpose {
                PathFor::Export => vec![Effect::ExportBundle { dir: path }],
                PathFor::Import => vec![Effect::ImportBundles {
                    path,
                    trust: Vec::new(),
                }],
            }
        }
        Some(Popup::Decide(mut c)) => {
            let reason = c
                .reason
                .as_ref()
                .map(|e| e.text().trim().to_string())
                .unwrap_or_default();
            if reason.is_empty() {
                app.error(app.s().reason_needed);
                app.popup = Some(Popup::Decide(c));
                return vec![];
            }
            c.reason = None;
            decision(app, c, reason)
        }
        Some(Popup::Recuse { dossier, editor }) => {
            let reason = editor.text().trim().to_string();
            if reason.is_empty() {
                app.error(app.s().reason_needed);
                app.popup = Some(Popup::Recuse { dossier, editor });
                return vec![];
            }
            vec![Effect::Recuse { dossier, reason }]
        }
        other => {
            app.popup = other;
            vec![]
        }
    }
}

/// A click selects the row under the pointer; a click on the selected row opens it.
fn click(app: &mut App, x: u16, y: u16) -> Vec<Effect> {
    if app.popup.is_some() {
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
        Screen::Office => {
            let Some(o) = &app.office else { return vec![] };
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
            if let Some(super::app::Line::Entry(k)) = lines.get(row) {
                select(app, *k);
            }
            vec![]
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
        Screen::Office => {
            if let Some(o) = &mut app.office {
                o.sel = row;
            }
        }
        Screen::Scoring(_) => {}
    }
    vec![]
}

fn board_loaded(app: &mut App, board: super::desk::Board) {
    let stage = app
        .office
        .as_ref()
        .map(|o| o.stage)
        .unwrap_or_else(|| default_stage(app));
    let (tab, sel) = app
        .office
        .as_ref()
        .map_or((Tab::Ranking, 0), |o| (o.tab, o.sel));
    let ranking = Err(String::new());
    app.office = Some(Office {
        tab,
        stage,
        sel,
        board,
        ranking,
    });
    app.scorer = None;
    if matches!(app.popup, Some(Popup::Decide(_))) {
        app.popup = None; // the decision is recorded; an import's result stays up
    }
    app.screen = Screen::Office;
    rerank(app);
}

/// A recognition round opens on the expert stage once any expert card exists.
fn default_stage(app: &App) -> Stage {
    match app.data.as_ref().map(|d| d.round.kind) {
        Some(RoundKind::Recognition) => Stage::Preliminary,
        _ => Stage::Expert,
    }
}

/// The ranking is derived from the board; it is recomputed only when the board
/// or the stage changes, never on a plain key press.
fn rerank(app: &mut App) {
    let (Some(d), Some(o)) = (&app.data, &mut app.office) else {
        return;
    };
    o.ranking = o
        .board
        .rank(
            &d.round,
            &d.sheet,
            d.eligibility.as_ref(),
            &d.dossiers,
            o.stage,
        )
        .map_err(|e| e.to_string());
    let n = o.ranking.as_ref().map_or(0, |r| r.entries.len());
    o.sel = o.sel.min(n.saturating_sub(1));
}

fn office(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(o) = &mut app.office else {
        return vec![];
    };
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
        Action::ToggleStage => {
            let recognition = app
                .data
                .as_ref()
                .is_some_and(|d| d.round.kind == RoundKind::Recognition);
            if recognition {
                o.stage = if o.stage == Stage::Expert {
                    Stage::Preliminary
                } else {
                    Stage::Expert
                };
                o.sel = 0;
                rerank(app);
            }
        }
        Action::Decide => start_decision(app),
        Action::ImportBundles => {
            app.popup = Some(Popup::Path {
                purpose: PathFor::Import,
                editor: Editor::new("."),
            })
        }
        Action::Back => {
            app.office = None;
            app.screen = Screen::Roles { sel: 0 };
        }
        _ => {}
    }
    vec![]
}

/// Opens the choice for the selected entry's unresolved tie at the cap.
fn start_decision(app: &mut App) {
    let Some(o) = &app.office else { return };
    let Ok(r) = &o.ranking else { return };
    let Some(e) = r.entries.get(o.sel) else {
        return;
    };
    let Some(tie) = e.tie.as_ref().filter(|t| t.unresolved) else {
        let msg = match app.lang {
            Lang::Zh => format!("{} 没有需要决定的并列", e.dossier),
            Lang::En => format!("{} has no tie that needs a decision", e.dossier),
        };
        app.error(msg);
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

fn choice(app: &mut App, a: Action) -> Vec<Effect> {
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
            let msg = match app.lang {
                Lang::Zh => format!("请选出 {} 家（已选 {} 家）", c.places, c.picked.len()),
                Lang::En => format!("pick {} (picked {})", c.places, c.picked.len()),
            };
            app.error(msg);
        }
        Action::No => app.popup = None,
        _ => {}
    }
    vec![]
}

fn decision(app: &mut App, c: Choosing, reason: String) -> Vec<Effect> {
    let (Some(d), Some(o)) = (&app.data, &app.office) else {
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
        by: app.s().secretary.to_string(),
        at: chrono::Utc::now(),
    };
    if let Err(e) = decision.check() {
        app.error(e.to_string());
        return vec![];
    }
    vec![Effect::Decide(Box::new(decision))]
}
