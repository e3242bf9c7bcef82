//! The `recall` binary: everything lives in the library; this only hands over the
//! arguments and turns the outcome into the process's exit code.

fn main() -> std::process::ExitCode {
    recall::cli::main()
}
