//! The ranking as Markdown: a heading, the table, and what is pending.

use super::digest;
use super::minutes::Minutes;
use crate::lang::Lang;

pub fn render(m: &Minutes) -> String {
    super::in_memory(|out| write(m, out))
}

/// The Markdown written to `out`, the table row by row.
pub fn write(m: &Minutes, sink: &mut impl std::io::Write) -> std::io::Result<()> {
    let w = m.words();
    let zh = m.lang == Lang::Zh;
    let sep = if zh { "；" } else { "; " };
    let mut out = format!(
        "# {}\n\n## {}\n\n{}\n\n",
        escape(&m.round.title),
        escape(&m.subtitle()),
        escape(&m.basis())
    );
    out += &format!(
        "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
        w.rank, w.dossier, w.applicant, w.score, w.experts, w.spread, w.status, w.remarks
    );
    out += "|---:|---|---|---:|---:|---:|---|---|\n";
    sink.write_all(out.as_bytes())?;
    let rows = m.rows();
    for r in &rows {
        let e = r.entry;
        out.clear();
        out += &format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            escape(&r.rank()),
            escape(&e.dossier),
            escape(&e.applicant),
            r.score.as_deref().unwrap_or("—"),
            e.experts,
            r.spread.as_deref().unwrap_or("—"),
            escape(r.status),
            escape(&m.remarks(r).join(sep)),
        );
        sink.write_all(out.as_bytes())?;
    }
    out.clear();
    if rows.iter().any(|r| r.level) {
        out += &format!("\n{}\n", escape(w.level_legend));
    }
    out += &format!("\n## {}\n\n", w.pending);
    let pending = m.pending();
    if pending.is_empty() {
        out += &format!("{}\n", w.final_yes);
    } else {
        out += &format!("{}\n\n", w.final_no);
        for p in pending {
            out += &format!("- {}\n", escape(&p));
        }
    }
    let unused = m.unused_decisions();
    if !unused.is_empty() {
        out += &format!("\n## {}\n\n", w.unused_decisions);
        for u in unused {
            out += &format!("- {}\n", escape(&u));
        }
    }
    let conflicts = m.conflict_lines();
    if !conflicts.is_empty() {
        out += &format!("\n## {}\n\n", w.conflicts);
        for c in conflicts {
            out += &format!("- {}\n", escape(&c));
        }
    }
    let colon = if zh { "：" } else { ": " };
    out += &format!(
        "\n---\n\n{}{colon}{}  \n{}{colon}`{}`  \n{}{colon}`{}`\n",
        w.generated,
        m.generated_text(),
        w.sheet_fingerprint,
        m.sheet_fingerprint.replace('`', ""),
        w.ranking_hash,
        digest::ranking_hash(m.ranking)
    );
    sink.write_all(out.as_bytes())
}

/// Text that Markdown shows as written: punctuation that could start
/// emphasis, links, HTML, entities or a table cell is backslash-escaped,
/// and line breaks become spaces so a cell stays on its row.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("A|B <i>&"), "A\\|B \\<i\\>\\&");
        assert_eq!(escape("a\nb"), "a b");
    }
}
