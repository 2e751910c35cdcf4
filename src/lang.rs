//! The language of what a person reads: Chinese first, English on request.
//! Everything shown to a person — labels, refusals, errors from any layer —
//! is a typed value that implements [`Say`], rendered at the edge.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A value a person reads, in either language. Each type keeps its Chinese
/// phrases together in `zh` and its English ones in `en`; callers use `say`.
pub trait Say {
    fn zh(&self) -> String;
    fn en(&self) -> String;

    fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}
