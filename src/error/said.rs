//! Words kept in both languages, for an error that carries what another
//! module says (a ranking's outstanding steps, say): the reader's language is
//! chosen when the error is told, as for every other value.

use crate::lang::{Lang, Say};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    zh: String,
    en: String,
}

impl Said {
    /// Both renderings of `words`, taken now.
    pub fn of(words: &impl Say) -> Said {
        Said {
            zh: words.say(Lang::Zh),
            en: words.say(Lang::En),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_empty() && self.en.is_empty()
    }
}

impl Say for Said {
    fn zh(&self) -> String {
        self.zh.clone()
    }

    fn en(&self) -> String {
        self.en.clone()
    }
}
