//! The scoring screen's keys: moving, typing a score, steps, comments, submitting.

use super::{ask_recusal, moved};
use crate::domain::Points;
use crate::domain::card::Card;
use crate::domain::sheet::ValueError;
use crate::lang::Lang;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Note, Popup, Progress, Screen, Tone, section_starts};
use crate::tui::editor::Editor;

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

pub(super) fn select(app: &mut App, sel: usize) {
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

pub(super) fn saved(app: &mut App, card: Card) -> Vec<Effect> {
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
