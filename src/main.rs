fn main() {
    std::process::exit(pingshen::cli::main());
}
