//! `o` on the scoring screen: the dossier's documents listed with their size
//! and whether each is the listed file, Enter asking for the chosen one to be
//! opened, and what the screen says after.

mod common;

use common::*;
use insta::assert_snapshot;
use pingshen::attachments::DocumentFault;
use pingshen::attachments::shelf::{Check, Document};
use pingshen::domain::dossier::Attachment;
use pingshen::tui::action::{Action, Effect};
use pingshen::tui::app::{App, Popup};
use pingshen::tui::desk::DeskError;
use pingshen::tui::update::update;
use ratatui::crossterm::event::KeyCode::*;

const A: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const B: &str = "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9";
const C: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The scoring screen of T-001, whose dossier lists three documents.
fn app_with_documents() -> App {
    let mut app = scoring_app("T-001");
    let d = app.data.as_mut().unwrap();
    let t1 = d.dossiers.iter_mut().find(|d| d.id == "T-001").unwrap();
    t1.attachments = [
        ("申报书.pdf", A),
        ("2021-2023年度财务审计报告.pdf", B),
        ("有效专利清单.xlsx", C),
    ]
    .into_iter()
    .map(|(name, sha256)| Attachment {
        name: name.into(),
        sha256: sha256.into(),
    })
    .collect();
    app
}

fn listed() -> Vec<Document> {
    vec![
        Document {
            name: "申报书.pdf".into(),
            size: Some(2_411_724),
            check: Check::Verified,
        },
        Document {
            name: "2021-2023年度财务审计报告.pdf".into(),
            size: Some(18_341),
            check: Check::Changed,
        },
        Document {
            name: "有效专利清单.xlsx".into(),
            size: None,
            check: Check::Missing,
        },
    ]
}

fn shown(app: &mut App) {
    update(
        app,
        Action::DocumentsListed {
            dossier: "T-001".into(),
            docs: listed(),
        },
    );
}

#[test]
fn o_asks_the_desk_for_the_listed_documents_with_their_hashes() {
    let mut app = app_with_documents();
    let fx = press(&mut app, Char('o'));
    assert_eq!(
        fx,
        vec![Effect::ListDocuments {
            dossier: "T-001".into(),
            listed: vec![
                ("申报书.pdf".into(), A.into()),
                ("2021-2023年度财务审计报告.pdf".into(), B.into()),
                ("有效专利清单.xlsx".into(), C.into()),
            ],
        }]
    );
    assert!(app.popup.is_none(), "nothing shown until the desk answers");
}

#[test]
fn a_score_typed_before_o_is_saved_first() {
    let mut app = app_with_documents();
    keys(&mut app, "7");
    let fx = press(&mut app, Char('o'));
    assert_eq!(fx.len(), 2, "{fx:?}");
    assert_eq!(fx[0], save("T-001", "S1.1", "7"));
    assert!(matches!(fx[1], Effect::ListDocuments { .. }));
}

#[test]
fn a_dossier_without_documents_says_so() {
    let mut app = scoring_app("T-002");
    assert!(press(&mut app, Char('o')).is_empty());
    assert_eq!(note(&app), "T-002 未列出任何附件");
}

#[test]
fn enter_opens_the_chosen_document_and_esc_closes_the_list() {
    let mut app = app_with_documents();
    shown(&mut app);
    assert!(matches!(app.popup, Some(Popup::Documents { sel: 0, .. })));
    assert!(press(&mut app, Down).is_empty());
    let fx = press(&mut app, Enter);
    assert_eq!(
        fx,
        vec![Effect::OpenDocument {
            dossier: "T-001".into(),
            name: "2021-2023年度财务审计报告.pdf".into(),
            sha256: B.into(),
        }]
    );
    update(
        &mut app,
        Action::DocumentOpened("2021-2023年度财务审计报告.pdf".into()),
    );
    assert_eq!(
        note(&app),
        "✓ 已核对 SHA-256 并用查看程序打开 2021-2023年度财务审计报告.pdf"
    );
    assert!(app.popup.is_some(), "the list stays for the next document");
    assert!(press(&mut app, Esc).is_empty());
    assert!(app.popup.is_none());
    // Keys reach the scoring screen again.
    keys(&mut app, "8");
    assert_eq!(input(&app), "8");
}

#[test]
fn a_refused_document_is_said_and_the_list_stays() {
    let mut app = app_with_documents();
    shown(&mut app);
    let why = DeskError::Document(DocumentFault::NotOpened {
        dossier: "T-001".into(),
        name: "申报书.pdf".into(),
        listed: A.into(),
        found: B.into(),
    });
    update(&mut app, Action::Failed(why.into()));
    assert_eq!(
        note(&app),
        format!(
            "未打开：申报书 T-001 的附件 申报书.pdf 不是提交的那份：所列 SHA-256 {A}，文件实为 {B}"
        )
    );
    assert!(app.popup.is_some());
}

#[test]
fn the_list_of_documents() {
    let mut app = app_with_documents();
    shown(&mut app);
    press(&mut app, Down);
    assert_snapshot!("documents_80x24", frame(&mut app, 80, 24));
    assert_snapshot!("documents_120x40", frame(&mut app, 120, 40));
    app.lang = pingshen::lang::Lang::En;
    assert_snapshot!("documents_en_80x24", frame(&mut app, 80, 24));
}
