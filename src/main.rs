//! The `recall` binary: everything lives in the library; this only hands over the
//! arguments and turns the outcome into the process's exit code.

/// Loading a large curriculum is millions of small allocations (every question's
/// strings); mimalloc makes them markedly cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // mimalloc asks the kernel for transparent huge pages, so the first touch of each
    // 2 MiB of the heap has the kernel zero all of it: most of a warm drill's time went
    // there (BENCHMARKS.md, "Start-up"). A short-lived process is faster on 4 KiB pages.
    // Inherited by what recall starts (an editor); failing leaves things as they were.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let _ = nix::sys::prctl::set_thp_disable(true);
    recall::cli::main()
}
