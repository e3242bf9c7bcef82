//! The `recall` binary: everything lives in the library; this only hands over the
//! arguments and turns the outcome into the process's exit code.

/// Loading a large curriculum is millions of small allocations (every question's
/// strings); mimalloc makes them markedly cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    recall::cli::main()
}
