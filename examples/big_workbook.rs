//! Writes a workbook of N applicants — the demo round's dossiers over and
//! over, each with its own id and credit code — for timing the import:
//!
//! ```sh
//! cargo run --release --example big_workbook -- 10000 big.xlsx
//! /usr/bin/time -v target/release/pingshen dossier import big.xlsx --out big
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().as_deref().unwrap_or("10000").parse()?;
    let out = args.next().unwrap_or_else(|| "big.xlsx".into());
    std::fs::write(&out, pingshen::synthetic::big_workbook(n)?)?;
    println!("wrote {n} applicants to {out}");
    Ok(())
}
