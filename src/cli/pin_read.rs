//! Reading a PIN: typed at the terminal with each digit shown as ●, or one
//! line of standard input (`--pin-stdin`, for scripts). Never echoed.

use std::io::{self, BufRead, IsTerminal, Write};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal;

/// Where PINs come from for one command.
pub struct PinReader {
    stdin: bool,
}

impl PinReader {
    pub fn new(stdin: bool) -> PinReader {
        PinReader { stdin }
    }

    /// Whether a PIN can be asked for at all: from standard input when told
    /// so, else only at a terminal.
    pub fn can_ask(&self) -> bool {
        self.stdin || (io::stdin().is_terminal() && io::stderr().is_terminal())
    }

    pub fn reads_stdin(&self) -> bool {
        self.stdin
    }

    /// One PIN, after `prompt` (at a terminal); `None` when nothing was given
    /// (the end of standard input, Esc or Ctrl+C, or no terminal).
    pub fn read(&mut self, prompt: &str) -> io::Result<Option<String>> {
        if self.stdin {
            let mut line = String::new();
            let n = io::stdin().lock().read_line(&mut line)?;
            return Ok((n > 0).then(|| line.trim_end_matches(['\n', '\r']).to_string()));
        }
        if !self.can_ask() {
            return Ok(None);
        }
        let mut err = io::stderr();
        write!(err, "{prompt}")?;
        err.flush()?;
        terminal::enable_raw_mode()?;
        let typed = masked(&mut err);
        terminal::disable_raw_mode()?;
        writeln!(err)?;
        typed
    }
}

/// Digits until Enter, a ● shown for each; Backspace takes one back.
fn masked(err: &mut impl Write) -> io::Result<Option<String>> {
    let mut typed = String::new();
    loop {
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind == KeyEventKind::Release {
            continue;
        }
        match k.code {
            KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => return Ok(None),
            KeyCode::Esc => return Ok(None),
            KeyCode::Enter => return Ok(Some(typed)),
            KeyCode::Backspace if typed.pop().is_some() => write!(err, "\u{8} \u{8}")?,
            KeyCode::Char(c) if c.is_ascii_digit() => {
                typed.push(c);
                write!(err, "●")?;
            }
            _ => {}
        }
        err.flush()?;
    }
}
