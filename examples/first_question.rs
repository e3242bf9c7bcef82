//! Measures time to first question: how long a command takes from starting to printing
//! a line that contains MARKER, e.g. recall drill's `[1 of N]` header.
//!
//! ```text
//! cargo run --release --example first_question -- MARKER COMMAND [ARGS...]
//! ```
//!
//! starts COMMAND with its standard input an open pipe (so it waits for an answer rather
//! than seeing end of input), reads its standard output until MARKER appears, prints the
//! milliseconds that took, and kills the command. Used by `scripts/bench.sh`; not part
//! of recall.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(marker), Some(program)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: first_question MARKER COMMAND [ARGS...]");
    };
    let start = Instant::now();
    let mut child = Command::new(&program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout"))?;
    let mut found = None;
    for line in BufReader::new(stdout).lines() {
        if line?.contains(&marker) {
            found = Some(start.elapsed());
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    match found {
        Some(elapsed) => {
            println!("{:.1}", elapsed.as_secs_f64() * 1e3);
            Ok(())
        }
        None => anyhow::bail!("{program} ended without printing {marker:?}"),
    }
}
