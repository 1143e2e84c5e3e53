fn main() {
    std::process::exit(cpjit::cli::main(std::env::args_os().collect()));
}
