//! What the integration tests share: running the `wary` command and checking how it exited,
//! reading the tables in tests/data/ and reporting their failures. Each file in tests/ is a
//! crate of its own that uses only some of these, hence `allow(dead_code)`.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use wary::Level;

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

/// The rows of a tab-separated table in tests/data/: every line but `#` comments and blank ones.
pub fn table_rows(table: &str) -> impl Iterator<Item = &str> {
    table.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty())
}

/// The level a table names, by the engine's own names (`Level::as_str`), if it is one.
pub fn level_named(name: &str) -> Option<Level> {
    [Level::Safe, Level::Caution, Level::Danger].into_iter().find(|level| level.as_str() == name)
}

/// Fails the test if any of a table's `cases` failed, listing every failure, not only the first.
#[track_caller]
pub fn assert_none_failed(failures: &[String], cases: usize, what: &str) {
    assert!(
        failures.is_empty(),
        "{} of {cases} {what} failed:\n  {}",
        failures.len(),
        failures.join("\n  ")
    );
}
