//! Embeds every file under `scoresheets/` so that `pingshen demo` needs nothing
//! on disk; records the commit and date `--version` prints; marks the tests
//! whose outside tools are missing here (never under CI).

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "tests/common/tools.rs"]
mod tools;

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "ron") {
            out.push(p);
        }
    }
}

fn main() {
    embed_samples();
    version();
    probe_tools();
}

fn embed_samples() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("scoresheets"), &mut files);
    files.sort();
    let mut code = String::from(
        "/// Every shipped file: its path below the crate root, and its bytes.\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .expect("walked below the root")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            f.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("samples.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=scoresheets");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
}

/// `PINGSHEN_COMMIT` and `PINGSHEN_BUILD_DATE` for `--version`. A build from a
/// tarball has no `.git` and says `unknown` unless `PINGSHEN_COMMIT` is given;
/// `SOURCE_DATE_EPOCH` fixes the date for reproducible builds.
fn version() {
    println!("cargo:rerun-if-env-changed=PINGSHEN_COMMIT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let commit = std::env::var("PINGSHEN_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| git_commit(&root))
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=PINGSHEN_COMMIT={}", commit.trim());
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let (y, m, d) = civil(secs / 86_400);
    println!("cargo:rustc-env=PINGSHEN_BUILD_DATE={y:04}-{m:02}-{d:02}");
}

/// The checked-out commit, only when the crate itself is a git checkout (a
/// tarball unpacked inside some other repository must not take its commit).
fn git_commit(root: &Path) -> Option<String> {
    if !root.join(".git").exists() {
        return None;
    }
    let git = |args: &[&str]| -> Option<String> {
        let out = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    };
    // Rebuild when HEAD moves: HEAD itself, the branch it names, packed refs.
    for name in ["HEAD", "packed-refs"] {
        rerun_if_exists(git(&["rev-parse", "--git-path", name]), root);
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        rerun_if_exists(git(&["rev-parse", "--git-path", &branch]), root);
    }
    git(&["rev-parse", "--short=12", "HEAD"]).filter(|c| !c.is_empty())
}

fn rerun_if_exists(path: Option<String>, root: &Path) {
    if let Some(p) = path {
        let p = root.join(p);
        if p.exists() {
            println!("cargo:rerun-if-changed={}", p.display());
        }
    }
}

/// Year, month and day of the `days`-th day after 1970-01-01 (proleptic Gregorian).
fn civil(days: u64) -> (u64, u64, u64) {
    // Howard Hinnant's days_from_civil, inverted, for dates after 1970.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// Sets `missing_<tool>` for each tool not found here, unless `CI` is set: under
/// CI every test runs and a missing tool fails it.
fn probe_tools() {
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-env-changed=PATH");
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    for tool in tools::ALL {
        println!("cargo:rustc-check-cfg=cfg({})", tool.cfg());
        if !ci && !tool.present() {
            println!("cargo:rustc-cfg={}", tool.cfg());
        }
    }
}
