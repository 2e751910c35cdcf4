//! What the documents list says: its title, each document's state, and the
//! notes after `o` and Enter, in both languages.

use crate::attachments::shelf::Check;
use crate::lang::Say;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shelf {
    /// The popup's title: the dossier whose documents these are.
    Title(String),
    /// A document's state beside its name.
    State(Check),
    /// A file the store folder does not hold has no size.
    NoSize,
    /// `o` on a dossier that lists no documents.
    NoneListed(String),
    /// The viewer was started on this document.
    Opened(String),
}

impl Say for Shelf {
    fn zh(&self) -> String {
        match self {
            Shelf::Title(d) => format!("{d} 的附件"),
            Shelf::State(Check::Verified) => "✓ 已核对".into(),
            Shelf::State(Check::Changed) => "✗ 与所列不符".into(),
            Shelf::State(Check::Missing) => "– 未随轮次载入".into(),
            Shelf::NoSize => "—".into(),
            Shelf::NoneListed(d) => format!("{d} 未列出任何附件"),
            Shelf::Opened(name) => format!("✓ 已核对 SHA-256 并用查看程序打开 {name}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Shelf::Title(d) => format!("Documents of {d}"),
            Shelf::State(Check::Verified) => "✓ verified".into(),
            Shelf::State(Check::Changed) => "✗ not the listed file".into(),
            Shelf::State(Check::Missing) => "– not loaded with the round".into(),
            Shelf::NoSize => "—".into(),
            Shelf::NoneListed(d) => format!("{d} lists no documents"),
            Shelf::Opened(name) => format!("✓ SHA-256 checked; {name} opened in the viewer"),
        }
    }
}
