//! Qualified applicants beyond the places, kept as next year's alternates
//! (Guangxi 三(三): 可作为下一年度备选建设主体), in rank order with the year.

use serde::{Deserialize, Serialize};

use super::ranking::{Ranking, Status};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alternate {
    /// The round whose ranking named it.
    pub round: String,
    /// The year of that round.
    pub year: i32,
    /// 1 for the first alternate, then in rank order.
    pub order: u32,
    pub dossier: String,
    pub credit_code: String,
    pub name: String,
    /// The panel score to two decimals.
    pub score: String,
}

/// The programme a sheet belongs to, for naming an earlier round's
/// alternates: its id without a trailing year (`guangxi-2022` → `guangxi`).
pub fn programme(sheet_id: &str) -> &str {
    match sheet_id.rsplit_once('-') {
        Some((head, year))
            if !head.is_empty() && year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) =>
        {
            head
        }
        _ => sheet_id,
    }
}

/// The alternates of a final selection, in rank order; `code` gives each
/// dossier's credit code.
pub fn of_ranking(
    ranking: &Ranking,
    year: i32,
    code: impl Fn(&str) -> Option<String>,
) -> Vec<Alternate> {
    ranking
        .entries
        .iter()
        .filter(|e| e.status == Status::Alternate)
        .filter_map(|e| {
            Some((
                e,
                code(&e.dossier)?,
                e.score.map(|s| s.fixed2()).unwrap_or_default(),
            ))
        })
        .enumerate()
        .map(|(k, (e, credit_code, score))| Alternate {
            round: ranking.round.clone(),
            year,
            order: k as u32 + 1,
            dossier: e.dossier.clone(),
            credit_code,
            name: e.applicant.clone(),
            score,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::programme;

    #[test]
    fn a_programme_is_the_sheet_id_without_its_year() {
        assert_eq!(programme("guangxi-2022"), "guangxi");
        assert_eq!(programme("guangxi-2023"), "guangxi");
        assert_eq!(programme("huangpu-recognition"), "huangpu-recognition");
        assert_eq!(
            programme("fangchenggang-2022-d13"),
            "fangchenggang-2022-d13"
        );
        assert_eq!(programme("2022"), "2022");
    }
}
