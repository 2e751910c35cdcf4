//! One way to speak: every error of every layer is said in Chinese and in
//! English, and the Chinese holds no English sentence.

#[path = "speak/samples.rs"]
mod samples;

use samples::samples;

/// Runs of three or more ASCII words outside quoted values, ids and paths,
/// and outside the system's own words (after 系统信息：).
fn english_runs(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut closing: Vec<char> = Vec::new();
    let mut system = false;
    for c in text.chars() {
        if system {
            if c == '）' || c == '\n' {
                system = false;
            }
            continue;
        }
        if let Some(&end) = closing.last() {
            if c == end {
                closing.pop();
            }
            continue;
        }
        match c {
            '“' => closing.push('”'),
            '「' => closing.push('」'),
            '\'' => closing.push('\''),
            '"' => closing.push('"'),
            _ => plain.push(c),
        }
        if plain.ends_with("系统信息：") {
            system = true;
        }
    }
    let mut runs = Vec::new();
    let segments = plain.split(|c: char| !(c.is_ascii_alphanumeric() || c == ' ' || c == '-'));
    for segment in segments {
        let mut words: Vec<&str> = Vec::new();
        for w in segment.split(' ').chain(std::iter::once("")) {
            let word = w.trim_matches('-');
            let english = !word.is_empty()
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word.chars().any(|c| c.is_ascii_lowercase());
            if english {
                words.push(word);
                continue;
            }
            if words.len() >= 3 {
                runs.push(words.join(" "));
            }
            words.clear();
        }
    }
    runs
}

#[test]
fn the_checker_finds_an_english_sentence_and_lets_values_pass() {
    assert_eq!(
        english_runs("存储 /tmp/x 正被使用；close it there"),
        vec!["close it there"]
    );
    assert!(english_runs("文件开头应为 Sheet(…) 或 Package(…)").is_empty());
    assert!(english_runs("第一行不是“pingshen score bundle 1”").is_empty());
    assert!(english_runs("无法读取（系统信息：No space left on device）；请重试").is_empty());
    assert!(english_runs("提示：用 --reason 填写理由").is_empty());
}

#[test]
fn every_error_is_said_in_both_languages_and_the_chinese_holds_no_english_sentence() {
    let all = samples();
    assert!(all.len() > 150, "only {} samples", all.len());
    if std::env::var_os("SPEAK_SHOW").is_some() {
        for (_, s) in &all {
            println!("{}\n{}\n", s.zh(), s.en());
        }
    }
    for (name, s) in &all {
        let (zh, en) = (s.zh(), s.en());
        assert!(!zh.trim().is_empty(), "{name}: no Chinese");
        assert!(!en.trim().is_empty(), "{name}: no English");
        assert_ne!(zh, en, "{name}: the Chinese is the English: {en}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{name}: no Chinese character in {zh}"
        );
        let runs = english_runs(&zh);
        assert!(runs.is_empty(), "{name}: English in {zh}: {runs:?}");
    }
}

#[test]
fn english_shows_no_chinese_label() {
    for (name, s) in samples() {
        let en = s.en();
        let labels: String = en
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .collect();
        assert!(labels.is_empty(), "{name}: Chinese in {en}");
    }
}
