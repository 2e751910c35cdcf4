//! Writes what a package ships beside the binary, from the clap definitions:
//! manual pages (`pingshen(1)` and one per subcommand) and completions for
//! bash, zsh and fish.
//!
//! ```sh
//! cargo run --example dist-assets -- target/dist-assets
//! ```
//!
//! gives `man/*.1` and `completions/{pingshen.bash,_pingshen,pingshen.fish}`
//! below the folder. Kept out of the main binary's build on purpose.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use pingshen::cli::Cli;

fn main() {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example dist-assets -- OUT_DIR");
        std::process::exit(2);
    };
    if let Err(e) = write(&out) {
        eprintln!("cannot write to {}: {e}", out.display());
        std::process::exit(1);
    }
}

fn write(out: &Path) -> std::io::Result<()> {
    let man = out.join("man");
    let completions = out.join("completions");
    for dir in [&man, &completions] {
        if dir.exists() {
            std::fs::remove_dir_all(dir)?;
        }
        std::fs::create_dir_all(dir)?;
    }
    let date = env!("PINGSHEN_BUILD_DATE");
    pages(Cli::command(), &man, date)?;
    let mut cmd = Cli::command();
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let path = clap_complete::generate_to(shell, &mut cmd, "pingshen", &completions)?;
        println!("{}", path.display());
    }
    Ok(())
}

/// `pingshen.1`, `pingshen-score.1`, `pingshen-score-set.1`, …: every visible
/// command at every depth.
fn pages(cmd: clap::Command, dir: &Path, date: &str) -> std::io::Result<()> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    page(cmd, dir, date)
}

fn page(cmd: clap::Command, dir: &Path, date: &str) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        page(sub.clone(), dir, date)?;
    }
    let man = clap_mangen::Man::new(cmd)
        .date(date)
        .manual("pingshen")
        .source(format!("pingshen {}", env!("CARGO_PKG_VERSION")));
    let path = man.generate_to(dir)?;
    println!("{}", path.display());
    Ok(())
}
