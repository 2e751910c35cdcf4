//! The scoring screen's keys: moving, typing a score, steps, comments, submitting.

use super::{ask_recusal, moved, next_of};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::lang::Say;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Note, Popup, Progress, Screen, Tone, section_starts};
use crate::tui::editor::Editor;
use crate::tui::label::Label;
use crate::tui::words::Word;

pub(super) fn scoring(app: &mut App, a: Action) -> Vec<Effect> {
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
    let typing = matches!(a, Action::Digit(_) | Action::Erase | Action::Confirm);
    let scrolling = matches!(
        a,
        Action::FactsDown | Action::FactsUp | Action::DetailDown | Action::DetailUp | Action::Help
    );
    // Whatever takes the cursor off the item first keeps what was typed there.
    let mut fx = Vec::new();
    if !typing && !scrolling {
        match commit(app) {
            Some(saved) => fx = saved,
            None => return vec![],
        }
    }
    if let Some(s) = moved(sel, ids.len(), &a) {
        select(app, s);
        return fx;
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
        Action::NextUnscored | Action::PrevUnscored => {
            let card = pending_card(app, &dossier, &fx);
            let forward = a == Action::NextUnscored;
            match next_of(ids.len(), sel, forward, |k| {
                !card.scores.contains_key(&ids[k])
            }) {
                Some(k) => select(app, k),
                None => app.info(Word::AllScored.say(app.lang)),
            }
        }
        Action::FactsDown | Action::FactsUp => scroll(app, true, a == Action::FactsDown, 5),
        Action::DetailDown | Action::DetailUp => scroll(app, false, a == Action::DetailDown, 2),
        Action::Back => {
            app.screen = Screen::Dossiers;
            app.peers.clear();
        }
        Action::Digit(_) | Action::Increment | Action::Decrement | Action::Comment if read_only => {
            app.error(Word::ReadOnly.say(app.lang));
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
        Action::Confirm => {
            return match commit(app) {
                Some(saved) => {
                    select(app, (sel + 1).min(ids.len().saturating_sub(1)));
                    saved
                }
                None => vec![],
            };
        }
        Action::Increment | Action::Decrement => {
            fx.extend(step(app, dossier, item, a == Action::Increment));
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
        Action::Submit if read_only => app.error(Word::ReadOnly.say(app.lang)),
        Action::Submit => {
            let card = pending_card(app, &dossier, &fx);
            if let Some(d) = &app.data {
                let gaps = card.gaps(&d.sheet);
                app.popup = Some(Popup::ConfirmSubmit { dossier, gaps });
            }
        }
        Action::Recuse if read_only => app.error(Word::ReadOnly.say(app.lang)),
        Action::Recuse => ask_recusal(app, dossier),
        Action::Documents => fx.extend(super::documents::ask(app, &dossier)),
        _ => {}
    }
    fx
}

/// The card as it will stand once the saves just asked for are durable.
fn pending_card(app: &App, dossier: &str, fx: &[Effect]) -> Card {
    let mut card = app
        .card(dossier)
        .cloned()
        .unwrap_or_else(|| Card::new("", app.stage(), "", dossier, chrono::DateTime::UNIX_EPOCH));
    for e in fx {
        if let Effect::SaveScore { item, value, .. } = e {
            card.scores.insert(item.clone(), *value);
        }
    }
    card
}

fn scroll(app: &mut App, facts: bool, down: bool, by: u16) {
    let max = if facts {
        crate::tui::view::facts_overflow(app)
    } else {
        crate::tui::view::detail_overflow(app)
    };
    if let Screen::Scoring(sc) = &mut app.screen {
        let at = if facts { &mut sc.facts } else { &mut sc.detail };
        *at = if down {
            at.saturating_add(by).min(max)
        } else {
            at.saturating_sub(by)
        };
    }
}

/// The mouse wheel: over the dossier pane it scrolls it, over the guidance it
/// scrolls that, elsewhere it moves the selection.
pub(in crate::tui::update) fn wheel(app: &mut App, x: u16, y: u16, down: bool) -> Vec<Effect> {
    if app.popup.is_none() && app.ask.is_none() && matches!(app.screen, Screen::Scoring(_)) {
        let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
        let a = crate::tui::layout::scoring(crate::tui::layout::frame(area).body);
        let at = ratatui::layout::Position { x, y };
        if a.facts.contains(at) {
            scroll(app, true, down, 3);
            return vec![];
        }
        if a.detail.contains(at) {
            scroll(app, false, down, 1);
            return vec![];
        }
    }
    super::update(app, if down { Action::Down } else { Action::Up })
}

pub(super) fn select(app: &mut App, sel: usize) {
    if let Screen::Scoring(sc) = &mut app.screen {
        if sc.sel != sel {
            sc.detail = 0;
        }
        sc.sel = sel;
        sc.input.clear();
    }
}

/// Saves what was typed for the selected item, exactly as Enter does, before
/// the cursor leaves it. `None` when the value is refused: the message says
/// why and the cursor stays.
pub(in crate::tui::update) fn commit(app: &mut App) -> Option<Vec<Effect>> {
    let (Some(sheet), Screen::Scoring(sc)) = (app.sheet(), &app.screen) else {
        return Some(vec![]);
    };
    if sc.input.is_empty() {
        return Some(vec![]);
    }
    let typed = sc.input.clone();
    let dossier = sc.dossier.clone();
    let item = sheet.entry_ids().get(sc.sel).map(|s| s.to_string())?;
    if let Screen::Scoring(sc) = &mut app.screen {
        sc.input.clear(); // a refused value is named in the message; typing starts afresh
    }
    let Ok(value) = typed.parse::<Points>() else {
        app.error(Word::NotANumber(typed).say(app.lang));
        return None;
    };
    let fx = save(app, dossier, item, value);
    if fx.is_empty() { None } else { Some(fx) }
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
        app.error(Word::NotSaved(e.say(app.lang)).say(app.lang));
        return vec![];
    }
    app.saving = Some((dossier.clone(), item.clone()));
    app.note = Some(Note {
        text: app.t(Label::Saving).to_string(),
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

pub(super) fn saved(app: &mut App, card: Card) -> Vec<Effect> {
    let before = app.cards.get(&card.dossier);
    let what = app.saving.take().map(|(_, item)| {
        let comment = card.comments.get(&item);
        if comment != before.and_then(|c| c.comments.get(&item)) {
            return Word::CommentSaved(item).say(app.lang);
        }
        match card.scores.get(&item) {
            Some(v) => format!(" {item} = {v}"),
            None => format!(" {item}"),
        }
    });
    let submitted = card.is_submitted() && app.progress(&card.dossier) != Progress::Submitted;
    let dossier = card.dossier.clone();
    app.cards.insert(dossier.clone(), card);
    let text = if submitted {
        format!("{} {dossier}", app.t(Label::Submitted))
    } else {
        format!(
            "✓ {}{}",
            app.t(Label::Saved),
            what.unwrap_or(format!(" {dossier}"))
        )
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
