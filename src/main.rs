fn main() {
    // Output piped into `head` or a pager that quits ends the program
    // quietly, as with every other command-line tool, instead of a panic on
    // the next line written. Everything acknowledged is already on disk.
    #[cfg(unix)]
    // SAFETY: called first, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(pingshen::cli::main());
}
