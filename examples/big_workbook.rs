//! Writes a workbook of N applicants — the demo round's dossiers over and
//! over, each with its own id and credit code — for timing the import:
//!
//! ```sh
//! cargo run --release --example big_workbook -- 10000 big.xlsx
//! /usr/bin/time -v target/release/pingshen dossier import big.xlsx --out big
//! ```

use pingshen::workbook::{self, Layout};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().as_deref().unwrap_or("10000").parse()?;
    let out = args.next().unwrap_or_else(|| "big.xlsx".into());
    let demo = pingshen::samples::demo_round().map_err(|e| format!("{e:?}"))?;
    let dossiers: Vec<_> = (0..n)
        .map(|k| {
            let mut d = demo.dossiers[k % demo.dossiers.len()].clone();
            d.id = format!("BIG-{:05}", k + 1);
            d.applicant.credit_code = pingshen::synthetic::credit_code(k);
            d.joint.retain(|j| j.credit_code != d.applicant.credit_code);
            d
        })
        .collect();
    let sheets: Vec<_> = std::iter::once(&demo.sheet)
        .chain(&demo.eligibility)
        .collect();
    std::fs::write(&out, workbook::workbook(&Layout::of(&sheets), &dossiers)?)?;
    println!("wrote {n} applicants to {out}");
    Ok(())
}
