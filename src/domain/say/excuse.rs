//! An excuse in words: who is absent, from what, why, and what it changes.

use crate::domain::excuse::Excuse;
use crate::lang::Say;

impl Say for Excuse {
    fn zh(&self) -> String {
        match &self.dossier {
            Some(d) => format!(
                "专家 {} 不评申报书 {d}（{}），该评分表不再计为缺项",
                self.expert, self.reason
            ),
            None => format!(
                "专家 {} 缺席本轮评审（{}），其评分表不再计为缺项",
                self.expert, self.reason
            ),
        }
    }

    fn en(&self) -> String {
        match &self.dossier {
            Some(d) => format!(
                "expert {} is excused from dossier {d} ({}); that card is no longer expected",
                self.expert, self.reason
            ),
            None => format!(
                "expert {} is excused from the round ({}); their cards are no longer expected",
                self.expert, self.reason
            ),
        }
    }
}
