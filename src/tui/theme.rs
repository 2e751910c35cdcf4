//! Styles, with colour only when the terminal wants it (NO_COLOR is respected).

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    plain: bool,
}

impl Theme {
    pub fn new(plain: bool) -> Theme {
        Theme { plain }
    }

    fn fg(&self, c: Color) -> Style {
        if self.plain {
            Style::new()
        } else {
            Style::new().fg(c)
        }
    }

    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn section(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn bad(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn dim(&self) -> Style {
        if self.plain {
            Style::new()
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
}
