//! What the integration tests share: running the `wary` command and checking how it exited.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `wary` binary with `args`, `stdin` on its standard input; returns how it exited and
/// what it wrote.
pub fn wary(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wary"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wary");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    // Write from another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let output = child.wait_with_output().expect("wary finishes");
    let _ = writer.join();
    output
}

/// Fails the test unless the run exited 0, showing what it wrote on standard error.
#[track_caller]
pub fn assert_success(output: &Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
