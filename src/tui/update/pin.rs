//! The PIN asked before an expert's desk opens: digits typed masked, Enter
//! hands the PIN to the store (or, at first use, asks for it again), Esc goes
//! back to the roles. The store checks the PIN; a refusal comes back here.

use crate::domain::pin::{Gate, MAX_DIGITS, Pin, PinRefusal};
use crate::lang::Say;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, PinPrompt, PinStep, Popup};
use crate::tui::desk::{Failure, Said};

fn round(app: &App) -> String {
    app.data
        .as_ref()
        .map(|d| d.round.id.clone())
        .unwrap_or_default()
}

/// What the store said stands before the scorer's desk.
pub(super) fn gate(app: &mut App, scorer: String, gate: Gate) -> Vec<Effect> {
    let step = match gate {
        Gate::Open => {
            app.scorer = Some(scorer.clone());
            return vec![Effect::LoadDesk {
                round: round(app),
                scorer,
                pin: None,
            }];
        }
        Gate::Ask => PinStep::Enter,
        Gate::FirstUse => PinStep::New,
    };
    app.note = None;
    app.popup = Some(Popup::Pin(PinPrompt::new(&scorer, step)));
    vec![]
}

fn said(words: &impl Say) -> Option<Said> {
    Some(Said {
        zh: words.zh(),
        en: words.en(),
    })
}

/// Keys while the PIN is typed.
pub(super) fn keys(app: &mut App, a: Action) -> Vec<Effect> {
    let round = round(app);
    let Some(Popup::Pin(p)) = &mut app.popup else {
        return vec![];
    };
    match a {
        Action::Digit(c) if c.is_ascii_digit() && p.typed.len() < MAX_DIGITS => p.typed.push(c),
        Action::TextBackspace => {
            p.typed.pop();
        }
        Action::Back => {
            app.popup = None;
            app.scorer = None;
        }
        Action::Confirm => {
            let typed = std::mem::take(&mut p.typed);
            let pin = match Pin::parse(&typed) {
                Ok(pin) => pin,
                Err(r) => {
                    p.refused = said(&r);
                    return vec![];
                }
            };
            let scorer = p.expert.clone();
            match &p.step {
                PinStep::Enter => {
                    app.scorer = Some(scorer.clone());
                    return vec![Effect::LoadDesk {
                        round,
                        scorer,
                        pin: Some(pin),
                    }];
                }
                PinStep::New => {
                    p.step = PinStep::Again(pin);
                    p.refused = None;
                }
                PinStep::Again(first) if *first == pin => {
                    app.scorer = Some(scorer.clone());
                    return vec![Effect::SetPin { round, scorer, pin }];
                }
                PinStep::Again(_) => {
                    p.step = PinStep::New;
                    p.refused = said(&PinRefusal::Differs);
                }
            }
        }
        _ => {}
    }
    vec![]
}

/// A refusal while the PIN popup is open (a wrong PIN, a lock) is said in
/// it; the desk stays closed. False when no PIN is being asked.
pub(super) fn refused(app: &mut App, why: &Failure) -> bool {
    let Some(Popup::Pin(p)) = &mut app.popup else {
        return false;
    };
    p.typed.clear();
    p.refused = said(why);
    app.scorer = None;
    true
}
