//! Questions and popups: quitting, yes/no answers, the submit confirmation,
//! an import's result, and the text fields (comment, reason, path, name).

use super::office::decision;
use super::scoring::{commit, select};
use crate::domain::excuse::Excuse;
use crate::lang::Say;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Choosing, PathFor, Popup, Question, Screen, Signing};
use crate::tui::editor::Editor;
use crate::tui::words::Word;

/// `q`: a score typed but not confirmed is saved first; a refused one keeps
/// the program open with its message.
pub(super) fn quit(app: &mut App) -> Vec<Effect> {
    match commit(app) {
        Some(fx) => {
            app.quit = true;
            fx
        }
        None => vec![],
    }
}

/// Ctrl+C: asks first; a second Ctrl+C on the question is its answer.
pub(super) fn interrupt(app: &mut App) -> Vec<Effect> {
    if matches!(app.ask, Some(Question::Quit { .. })) {
        app.ask = None;
        return quit(app);
    }
    let unsaved = editor(app).is_some_and(|e| e.changed())
        || matches!(&app.screen, Screen::Scoring(sc) if !sc.input.is_empty());
    app.ask = Some(Question::Quit { unsaved });
    vec![]
}

/// The answer to a question: y does what it said, n leaves everything as it was.
pub(super) fn answer(app: &mut App, a: Action) -> Vec<Effect> {
    match a {
        Action::Yes => match app.ask.take() {
            Some(Question::Discard) => {
                app.popup = None;
                vec![]
            }
            Some(Question::Quit { .. }) => quit(app),
            Some(Question::Recuse { dossier, reason }) => {
                app.popup = None;
                vec![Effect::Recuse { dossier, reason }]
            }
            Some(Question::Excuse(e)) => {
                if app.secretary.is_none() {
                    app.secretary = Some(e.by.clone());
                }
                app.note = None;
                vec![Effect::Excuse(e)]
            }
            Some(Question::Decide(d)) => {
                if app.secretary.is_none() {
                    app.secretary = Some(d.by.clone());
                }
                app.note = None;
                if let Screen::Office(o) = &mut app.screen {
                    o.recorded = Some(d.tied.clone());
                }
                vec![Effect::Decide(d)]
            }
            None => vec![],
        },
        Action::No => {
            app.ask = None;
            vec![]
        }
        _ => vec![],
    }
}

/// Asks for the secretary's name the first time something is recorded under
/// it in this session, then for a confirmation of what will be recorded.
pub(super) fn sign(app: &mut App, then: Signing) {
    match app.secretary.clone() {
        Some(name) => app.ask = Some(then.signed(&name)),
        None => {
            app.popup = Some(Popup::Name {
                editor: Editor::new(&app.user),
                then,
            })
        }
    }
}

/// The text field of the popup, if one is being typed into.
fn editor(app: &App) -> Option<&Editor> {
    match &app.popup {
        Some(
            Popup::Comment { editor, .. }
            | Popup::Recuse { editor, .. }
            | Popup::Excuse { editor, .. }
            | Popup::Path { editor, .. },
        ) => Some(editor),
        Some(Popup::Decide(Choosing {
            reason: Some(editor),
            ..
        })) => Some(editor),
        _ => None,
    }
}

pub(super) fn confirm(app: &mut App, a: Action) -> Vec<Effect> {
    if let Some(Popup::ImportResult { path, trust, lines }) = &app.popup {
        let unknown = lines.iter().find_map(|l| l.unknown_key.clone());
        let again = match (&a, unknown) {
            (Action::Yes, Some(key)) => {
                let mut trust = trust.clone();
                trust.push((key.expert, key.fingerprint));
                Some(Effect::ImportBundles {
                    path: path.clone(),
                    trust,
                })
            }
            _ => None,
        };
        if matches!(a, Action::Yes | Action::No | Action::Confirm) {
            app.popup = None;
        }
        return again.into_iter().collect();
    }
    let Some(Popup::ConfirmSubmit { dossier, gaps }) = &app.popup else {
        return vec![];
    };
    let (dossier, ready) = (dossier.clone(), gaps.is_empty());
    let first = gaps.missing.iter().chain(&gaps.comments).next().cloned();
    match a {
        Action::Yes | Action::Confirm if ready => {
            app.popup = None;
            vec![Effect::Submit { dossier }]
        }
        Action::Yes | Action::Confirm => {
            app.popup = None;
            let at = app.sheet().and_then(|sh| {
                let first = first.as_deref()?;
                sh.entry_ids().iter().position(|id| *id == first)
            });
            if let Some(k) = at {
                select(app, k);
            }
            vec![]
        }
        Action::No => {
            app.popup = None;
            vec![]
        }
        _ => vec![],
    }
}

pub(super) fn typing(app: &mut App, a: Action) -> Vec<Effect> {
    let field = match &mut app.popup {
        Some(
            Popup::Comment { editor, .. }
            | Popup::Recuse { editor, .. }
            | Popup::Path { editor, .. }
            | Popup::Excuse { editor, .. }
            | Popup::Name { editor, .. },
        ) => editor,
        Some(Popup::Decide(Choosing {
            reason: Some(editor),
            ..
        })) => editor,
        _ => return vec![],
    };
    match a {
        Action::Text(c) => field.insert(c),
        Action::TextNewline => field.newline(),
        Action::TextBackspace => field.backspace(),
        Action::TextLeft => field.left(),
        Action::TextRight => field.right(),
        Action::TextUp => field.vertical(false),
        Action::TextDown => field.vertical(true),
        Action::TextHome => field.home(),
        Action::TextEnd => field.end(),
        Action::No => {
            let precious = !matches!(app.popup, Some(Popup::Path { .. }));
            if precious && editor(app).is_some_and(|e| e.changed()) {
                app.ask = Some(Question::Discard);
            } else {
                app.popup = None;
            }
        }
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
                PathFor::Export => vec![Effect::ExportBundle { path }],
                PathFor::Import => vec![Effect::ImportBundles {
                    path,
                    trust: Vec::new(),
                }],
            }
        }
        Some(Popup::Decide(c)) => {
            let reason = c
                .reason
                .as_ref()
                .map(|e| e.text().trim().to_string())
                .unwrap_or_default();
            if reason.is_empty() {
                app.error(Word::DecisionReasonNeeded.say(app.lang));
                app.popup = Some(Popup::Decide(c));
                return vec![];
            }
            let picked = c.clone();
            app.popup = Some(Popup::Decide(c));
            decision(app, picked, reason)
        }
        Some(Popup::Name { editor, then }) => {
            let name = editor.text().trim().to_string();
            if name.is_empty() {
                app.error(Word::NameNeeded.say(app.lang));
                app.popup = Some(Popup::Name { editor, then });
                return vec![];
            }
            app.secretary = Some(name.clone());
            app.popup = None;
            app.note = None;
            app.ask = Some(then.signed(&name));
            vec![]
        }
        Some(Popup::Excuse {
            expert,
            dossier,
            editor,
        }) => {
            let reason = editor.text().trim().to_string();
            if reason.is_empty() {
                app.error(Word::ExcuseReasonNeeded.say(app.lang));
                app.popup = Some(Popup::Excuse {
                    expert,
                    dossier,
                    editor,
                });
                return vec![];
            }
            let round = app.data.as_ref().map(|d| d.round.id.clone());
            let excuse = Excuse {
                round: round.unwrap_or_default(),
                expert,
                dossier,
                reason,
                by: String::new(),
                // stamped by the runtime when it is recorded: update reads no clock
                at: chrono::DateTime::UNIX_EPOCH,
            };
            app.note = None;
            sign(app, Signing::Excuse(Box::new(excuse)));
            vec![]
        }
        Some(Popup::Recuse { dossier, editor }) => {
            let reason = editor.text().trim().to_string();
            app.popup = Some(Popup::Recuse {
                dossier: dossier.clone(),
                editor,
            });
            if reason.is_empty() {
                app.error(Word::RecusalReasonNeeded.say(app.lang));
                return vec![];
            }
            app.note = None;
            app.ask = Some(Question::Recuse { dossier, reason });
            vec![]
        }
        other => {
            app.popup = other;
            vec![]
        }
    }
}
