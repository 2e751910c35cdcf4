//! RON files in: sheets, dossiers and rounds, with every error as
//! `file:line:col: message`. Only this module knows the file format.

pub mod locate;
mod message;
mod round;
mod syntax;

use std::fmt;
use std::path::{Path as FsPath, PathBuf};

use serde::de::DeserializeOwned;

use crate::domain::Invalid;
use crate::domain::calendar::Calendar;
use crate::domain::dossier::Dossier;
use crate::domain::sheet::Sheet;

pub use message::{Message, Unread};
pub use round::{LoadedRound, Texts, round};

/// One problem in one file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: Message,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

/// `file:line:col: ` then the message in the reader's language.
impl crate::lang::Say for FileError {
    fn zh(&self) -> String {
        self.placed(self.message.zh())
    }

    fn en(&self) -> String {
        self.placed(self.message.en())
    }
}

/// The RON parser's complaint in a person's words, for other readers of RON.
pub fn syntax_words(e: &ron::Error, lang: crate::lang::Lang) -> String {
    match lang {
        crate::lang::Lang::Zh => syntax::zh(e),
        crate::lang::Lang::En => syntax::en(e),
    }
}

impl FileError {
    fn placed(&self, words: String) -> String {
        format!(
            "{}:{}:{}: {words}",
            self.file.display(),
            self.line,
            self.col
        )
    }

    pub fn at(file: &FsPath, line: usize, col: usize, message: impl Into<Message>) -> FileError {
        FileError {
            file: file.to_path_buf(),
            line,
            col,
            message: message.into(),
        }
    }
}

/// Where files come from: the disk, or the samples built into the binary.
pub trait Files {
    fn read(&self, path: &FsPath) -> std::io::Result<Vec<u8>>;
    /// The `.ron` files directly in a folder, sorted by name.
    fn list(&self, dir: &FsPath) -> std::io::Result<Vec<PathBuf>>;
}

pub struct Disk;

impl Files for Disk {
    fn read(&self, path: &FsPath) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn list(&self, dir: &FsPath) -> std::io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "ron") && p.is_file() {
                out.push(p);
            }
        }
        out.sort();
        Ok(out)
    }
}

/// The kinds of file `check` knows, told apart by their first word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sheet,
    Dossier,
    Round,
    Calendar,
    /// A round with its sheets and dossiers in one file (read by `bundle`).
    Package,
}

/// A file's text after the checks every file gets: not empty, UTF-8, no BOM.
pub fn text(file: &FsPath, bytes: &[u8]) -> Result<String, FileError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::at(file, 1, 1, Message::Empty));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = line_col_after(good);
            let byte = bytes[e.valid_up_to()];
            Err(FileError::at(file, line, col, Message::NotUtf8 { byte }))
        }
    }
}

/// Reads a file through `files` and checks its text.
pub fn read_text(files: &dyn Files, file: &FsPath) -> Result<String, FileError> {
    let bytes = files
        .read(file)
        .map_err(|e| FileError::at(file, 1, 1, Message::CannotRead((&e).into())))?;
    text(file, &bytes)
}

/// The line and column just after `s`.
fn line_col_after(s: &str) -> (usize, usize) {
    let line = 1 + s.matches('\n').count();
    let col = 1 + s.chars().rev().take_while(|&c| c != '\n').count();
    (line, col)
}

/// What kind of document the text holds, from its first word.
pub fn kind(file: &FsPath, text: &str) -> Result<Kind, FileError> {
    let word: String = strip_comments_head(text)
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    match word.as_str() {
        "Sheet" => Ok(Kind::Sheet),
        "Dossier" => Ok(Kind::Dossier),
        "Round" => Ok(Kind::Round),
        "Calendar" => Ok(Kind::Calendar),
        "Package" => Ok(Kind::Package),
        _ => {
            let at = locate::locate(text, &crate::domain::Path::root());
            Err(FileError::at(file, at.line, at.col, Message::UnknownKind))
        }
    }
}

fn strip_comments_head(text: &str) -> &str {
    let mut t = text.trim_start();
    loop {
        if let Some(rest) = t.strip_prefix("//") {
            t = rest.split_once('\n').map_or("", |x| x.1).trim_start();
        } else if let Some(rest) = t.strip_prefix("/*") {
            t = rest.split_once("*/").map_or("", |x| x.1).trim_start();
        } else {
            return t;
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses RON text into `T`, with the parser's own position on failure.
pub fn parse<T: DeserializeOwned>(file: &FsPath, text: &str) -> Result<T, FileError> {
    options().from_str(text).map_err(|e| {
        let (line, col) = (e.span.start.line, e.span.start.col);
        let early = (e.span.end.line, e.span.end.col) >= line_col_after(text.trim_end());
        FileError::at(
            file,
            line,
            col,
            Message::Syntax {
                error: e.code,
                early,
            },
        )
    })
}

/// Turns domain validation problems into positioned file errors.
pub fn place(file: &FsPath, text: &str, problems: Vec<Invalid>) -> Vec<FileError> {
    let paths: Vec<&crate::domain::Path> = problems.iter().map(|p| &p.path).collect();
    let places = locate::locate_all(text, &paths);
    problems
        .into_iter()
        .zip(places)
        .map(|(p, at)| FileError::at(file, at.line, at.col, p.message))
        .collect()
}

/// A document read and validated on its own.
pub fn document<T: DeserializeOwned>(
    files: &dyn Files,
    file: &FsPath,
    validate: impl Fn(&T) -> Result<(), Vec<Invalid>>,
) -> Result<(T, String), Vec<FileError>> {
    let text = read_text(files, file).map_err(|e| vec![e])?;
    let value: T = parse(file, &text).map_err(|e| vec![e])?;
    validate(&value).map_err(|p| place(file, &text, p))?;
    Ok((value, text))
}

pub fn sheet(files: &dyn Files, file: &FsPath) -> Result<(Sheet, String), Vec<FileError>> {
    document(files, file, Sheet::validate)
}

pub fn dossier(files: &dyn Files, file: &FsPath) -> Result<(Dossier, String), Vec<FileError>> {
    document(files, file, Dossier::validate)
}

pub fn calendar(files: &dyn Files, file: &FsPath) -> Result<(Calendar, String), Vec<FileError>> {
    document(files, file, Calendar::validate)
}
