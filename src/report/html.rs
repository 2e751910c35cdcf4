//! The printable minutes: one self-contained HTML page (inline CSS, no
//! network) laid out for A4. The ranking with its pending items and
//! verification block, the list for public notice, then one score sheet per
//! expert per dossier, each on its own page with a signature line.

mod sheet;
pub mod summary;

use std::fmt::Write as _;

use super::digest;
use super::minutes::{Minutes, Row};
use crate::domain::ranking::Status;
use crate::lang::Lang;

/// Fonts that carry Chinese on Linux, Windows and macOS, then any sans-serif.
pub const FONTS: &str = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \
    \"WenQuanYi Micro Hei\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";

const CSS: &str = r#"
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: FONTS; font-size: 10pt; line-height: 1.4; color: #000; margin: 0; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; text-align: center; margin: 0 0 2.5mm; font-weight: 600; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; }
p { margin: 1.2mm 0; }
.part { break-before: page; }
.part:first-of-type { break-before: auto; }
.basis, .meta { text-align: center; }
.meta { font-size: 8.5pt; color: #333; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 0.6pt solid #555; padding: 1mm 1.4mm; vertical-align: middle; overflow-wrap: anywhere; }
th { background: #eee; font-weight: 600; text-align: center; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.state { font-weight: 600; }
.state.draft { border: 1pt solid #000; padding: 1.5mm 2mm; }
table.ranking { font-size: 8.5pt; line-height: 1.3; }
table.ranking col.c-rank { width: 5.5%; }
table.ranking col.c-id { width: 12%; }
table.ranking col.c-name { width: 23%; }
table.ranking col.c-score { width: 7%; }
table.ranking col.c-experts { width: 6.5%; }
table.ranking col.c-spread { width: 6.5%; }
table.ranking col.c-status { width: 15%; }
table.ranking td.remarks { font-size: 7.5pt; }
table.ranking th { font-size: 8pt; padding: 1mm 0.8mm; }
tr.selected td { font-weight: 600; }
tr.undecided td { background: #e6e6e6; }
table.notice col.c-no { width: 9%; }
table.notice col.c-id { width: 18%; }
table.notice col.c-score { width: 12%; }
.legend { font-size: 8.5pt; }
ul.items { margin: 1mm 0; padding-left: 6mm; }
.sign { white-space: pre; margin-top: 8mm; font-size: 11pt; break-before: avoid; }
.verify { margin-top: 5mm; border: 0.6pt solid #555; padding: 2mm 3mm; font-size: 8.5pt; break-inside: avoid; }
.verify code { font-family: "Noto Sans Mono", "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.sheet { break-before: page; }
.sheet h2 { margin-bottom: 1mm; }
.sheet .sub { text-align: center; margin: 0 0 2.5mm; font-size: 9pt; }
table.fields { margin-bottom: 2.5mm; font-size: 9pt; }
table.fields col.c-label { width: 14%; }
table.items { font-size: 8pt; line-height: 1.3; }
table.items td { padding: 0.75mm 1.4mm; }
table.items col.c-no { width: 8%; }
table.items col.c-pt { width: 7%; }
table.items col.c-comment { width: 27%; }
table.items tr.section td { background: #f0f0f0; font-weight: 600; }
table.items tr.total td { font-weight: 600; font-size: 9pt; }
table.items tr.total { break-before: avoid; }
table.items td.comment { font-size: 7.5pt; }
.banner { border: 1pt solid #000; padding: 1.5mm 2mm; font-weight: 600; }
"#;

pub fn render(m: &Minutes) -> String {
    super::in_memory(|out| write(m, out))
}

/// The page written to `sink` part by part: the ranking and its annexes,
/// then each expert's sheet as it is made, so that a large round's page
/// (one sheet for every card) is never held whole in memory.
pub fn write(m: &Minutes, sink: &mut impl std::io::Write) -> std::io::Result<()> {
    let hash = digest::ranking_hash(m.ranking);
    let mut out = head(m);
    ranking(m, &hash, &mut out);
    summary::section(m, &mut out);
    notice(m, &mut out);
    summary::completeness(m, &mut out);
    sink.write_all(out.as_bytes())?;
    // Only submitted cards (and recusals) are printed for signing; drafts
    // are listed in the completeness annex instead.
    for e in m.scorers() {
        for case in m.cases(&e.id) {
            if case.recusal.is_none() && !case.card.is_some_and(|c| c.is_submitted()) {
                continue;
            }
            out.clear();
            sheet::render(m, e, &case, &mut out);
            sink.write_all(out.as_bytes())?;
        }
    }
    sink.write_all(b"</body>\n</html>\n")
}

/// The document's head and the opening of its body.
fn head(m: &Minutes) -> String {
    let w = m.words();
    let hash = digest::ranking_hash(m.ranking);
    let mut out = String::with_capacity(64 * 1024);
    let lang = if m.lang == Lang::Zh { "zh-CN" } else { "en" };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{} — {}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        esc(&m.round.title),
        esc(&m.subtitle()),
        CSS.replace("FONTS", FONTS),
        page_footer(w.ranking_hash, &hash, &running_title(m))
    );
    out
}

/// The title at the top of every printed page, so a continued page says
/// what it continues: the round and the ranking's stage.
fn running_title(m: &Minutes) -> String {
    format!("{} · {}", m.round.title, m.subtitle())
}

/// Every printed page carries a running title, the start of the ranking's
/// check value and its number.
fn page_footer(label: &str, hash: &str, title: &str) -> String {
    format!(
        "@page {{ @top-center {{ content: \"{}\"; font-size: 7.5pt; color: #444; }} \
         @bottom-left {{ content: \"{} {}…\"; font-size: 7.5pt; color: #444; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font-size: 7.5pt; color: #444; }} }}\n",
        css_string(title),
        css_string(label),
        &hash[..hash.len().min(16)]
    )
}

fn ranking(m: &Minutes, hash: &str, out: &mut String) {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    let _ = write!(
        out,
        "<section class=\"part ranking\">\n<h1>{}</h1>\n<h2>{}</h2>\n<p class=\"basis\">{}</p>\n\
         <p class=\"meta\">{}{}{}（{}） · {}{}{}</p>\n",
        esc(&m.round.title),
        esc(&m.subtitle()),
        esc(&m.basis()),
        w.sheet,
        colon(zh),
        esc(&m.sheet.title),
        esc(&m.sheet.version),
        w.generated,
        colon(zh),
        m.generated_text()
    );
    let (class, state) = if m.ranking.is_final() {
        ("state final", w.final_yes)
    } else {
        ("state draft", w.final_no)
    };
    let _ = writeln!(out, "<p class=\"{class}\">{}</p>", esc(state));
    let _ = write!(
        out,
        "<table class=\"ranking\">\n<colgroup><col class=\"c-rank\"><col class=\"c-id\"><col class=\"c-name\">\
         <col class=\"c-score\"><col class=\"c-experts\"><col class=\"c-spread\"><col class=\"c-status\"><col></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        w.rank, w.dossier, w.applicant, w.score, w.experts, w.spread, w.status, w.remarks
    );
    let rows = m.rows();
    for r in &rows {
        row(m, r, out);
    }
    out.push_str("</tbody>\n</table>\n");
    if rows.iter().any(|r| r.level) {
        let _ = writeln!(out, "<p class=\"legend\">{}</p>", esc(w.level_legend));
    }
    list(out, w.pending, &m.pending());
    list(out, w.unused_decisions, &m.unused_decisions());
    list(out, w.conflicts, &m.conflict_lines());
    verification(m, hash, out);
    let sign = if m.ranking.stage == crate::domain::round::Stage::Preliminary {
        w.prelim_panel_signature
    } else {
        w.panel_signature
    };
    let _ = writeln!(out, "<p class=\"sign\">{}</p>", esc(sign));
    out.push_str("</section>\n");
}

fn row(m: &Minutes, r: &Row, out: &mut String) {
    let e = r.entry;
    let class = match e.status {
        Status::Selected | Status::Passed => "selected",
        Status::Undecided => "undecided",
        _ => "",
    };
    let remarks: Vec<String> = m.remarks(r).iter().map(|s| esc(s)).collect();
    let _ = writeln!(
        out,
        "<tr class=\"{class}\"><td class=\"num\">{}</td><td class=\"nowrap\">{}</td><td>{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td>{}</td><td class=\"remarks\">{}</td></tr>",
        esc(&r.rank()),
        esc(&e.dossier),
        esc(&e.applicant),
        r.score.as_deref().unwrap_or("—"),
        e.experts,
        r.spread.as_deref().unwrap_or("—"),
        esc(r.status),
        remarks.join("<br>")
    );
}

/// A titled list, or nothing when there is nothing to list.
fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "<h3>{}</h3>\n<ul class=\"items\">\n", esc(title));
    for i in items {
        let _ = writeln!(out, "<li>{}</li>", esc(i));
    }
    out.push_str("</ul>\n");
}

fn verification(m: &Minutes, hash: &str, out: &mut String) {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    let _ = write!(
        out,
        "<div class=\"verify\">\n<p><strong>{}</strong></p>\n\
         <p>{}{}<code>{}</code></p>\n<p>{}{}<code>{}</code></p>\n<p>{}</p>\n</div>\n",
        w.verification,
        w.sheet_fingerprint,
        colon(zh),
        esc(&m.sheet_fingerprint),
        w.ranking_hash,
        colon(zh),
        hash,
        esc(w.hash_covers)
    );
}

fn notice(m: &Minutes, out: &mut String) {
    let w = m.words();
    let _ = write!(
        out,
        "<section class=\"part notice\">\n<h1>{}</h1>\n<h2>{}</h2>\n",
        esc(&m.round.title),
        esc(m.notice_title())
    );
    if !m.ranking.is_final() {
        let _ = writeln!(out, "<p class=\"state draft\">{}</p>", esc(w.notice_draft));
    }
    let entries = m.notice();
    if entries.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", w.none);
    } else {
        let _ = write!(
            out,
            "<table class=\"notice\">\n<colgroup><col class=\"c-no\"><col class=\"c-id\"><col><col class=\"c-score\"></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            w.no, w.dossier, w.applicant, w.score
        );
        for (k, e) in entries.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td class=\"num\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                k + 1,
                esc(&e.dossier),
                esc(&e.applicant),
                e.score.map_or_else(|| "—".to_string(), |s| s.fixed2())
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn colon(zh: bool) -> &'static str {
    if zh { "：" } else { ": " }
}

/// Text safe inside HTML elements and quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text safe inside a double-quoted CSS string.
fn css_string(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            '<' => vec!['\\', '3', 'c', ' '],
            c => vec![c],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<b>A&B \"x\" 'y'</b>"),
            "&lt;b&gt;A&amp;B &quot;x&quot; &#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(css_string("a\"b\\</style>"), "a\\\"b\\\\\\3c /style>");
    }
}
