//! The dossier's documents over the scoring screen: `o` asks for the list,
//! ↑↓ choose, Enter asks for the chosen one to be opened (its hash is checked
//! at the desk first), Esc closes.

use super::moved;
use crate::lang::Say;
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Note, Popup, Tone};
use crate::tui::documents::Shelf;

/// `o` on the scoring screen: the listed documents (name, SHA-256) go to the desk.
pub(super) fn ask(app: &mut App, dossier: &str) -> Vec<Effect> {
    let listed: Vec<(String, String)> = app
        .data
        .as_ref()
        .and_then(|d| d.dossiers.iter().find(|x| x.id == dossier))
        .map(|d| {
            d.attachments
                .iter()
                .map(|a| (a.name.clone(), a.sha256.clone()))
                .collect()
        })
        .unwrap_or_default();
    if listed.is_empty() {
        app.info(Shelf::NoneListed(dossier.to_string()).say(app.lang));
        return vec![];
    }
    vec![Effect::ListDocuments {
        dossier: dossier.to_string(),
        listed,
    }]
}

/// Keys while the list is shown.
pub(super) fn keys(app: &mut App, a: Action) -> Vec<Effect> {
    let Some(Popup::Documents { dossier, docs, sel }) = &mut app.popup else {
        return vec![];
    };
    if let Some(s) = moved(*sel, docs.len(), &a) {
        *sel = s;
        return vec![];
    }
    match a {
        Action::Open => {
            let Some(doc) = docs.get(*sel) else {
                return vec![];
            };
            let dossier = dossier.clone();
            let name = doc.name.clone();
            let sha256 = app
                .data
                .as_ref()
                .and_then(|d| d.dossiers.iter().find(|x| x.id == dossier))
                .and_then(|d| d.attachments.iter().find(|x| x.name == name))
                .map(|x| x.sha256.clone())
                .unwrap_or_default();
            app.note = None;
            vec![Effect::OpenDocument {
                dossier,
                name,
                sha256,
            }]
        }
        Action::Back => {
            app.popup = None;
            vec![]
        }
        _ => vec![],
    }
}

pub(super) fn opened(app: &mut App, name: String) {
    app.note = Some(Note {
        text: Shelf::Opened(name).say(app.lang),
        tone: Tone::Saved,
    });
}
