//! The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters,
//! the last a check character over the first 17.

use super::problem::CodeProblem;

/// The 31 characters the code may use, in the order that gives their values.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// The check character for the first 17 characters, if they use the alphabet.
pub fn check_char(first17: &str) -> Option<char> {
    if first17.chars().count() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value(c)? * w;
    }
    let v = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(v as usize)
}

/// Why a code is not valid; `None` when it is.
pub fn problem(code: &str) -> Option<CodeProblem> {
    let n = code.chars().count();
    let code_ = || code.to_string();
    if n != 18 {
        return Some(CodeProblem::Length { code: code_(), n });
    }
    if let Some((i, c)) = code.chars().enumerate().find(|(_, c)| value(*c).is_none()) {
        return Some(CodeProblem::Character {
            code: code_(),
            c,
            at: i + 1,
        });
    }
    let (head, last) = code.split_at(17);
    let want = check_char(head)?;
    let got = last.chars().next()?;
    (want != got).then(|| CodeProblem::Check {
        code: code_(),
        got,
        want,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_known_check_characters() {
        // The worked example of GB 32100-2015, appendix: 91350100M000100Y4 + 3.
        assert_eq!(check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(problem("91350100M000100Y43"), None);
    }

    #[test]
    fn names_the_wrong_check_character() {
        assert_eq!(
            problem("91350100M000100Y44"),
            Some(CodeProblem::Check {
                code: "91350100M000100Y44".into(),
                got: '4',
                want: '3'
            })
        );
    }

    #[test]
    fn refuses_length_and_letters() {
        assert!(problem("123").unwrap().to_string().contains("18"));
        assert!(
            problem("91350100M000100YI3")
                .unwrap()
                .to_string()
                .contains("'I'")
        );
    }
}
