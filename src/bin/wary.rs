//! `wary`, the command-line face of the engine: batch checks and our own measurements.
//!
//! ```text
//! wary check [--json] <url-or-host>...    judge each argument
//! wary check [--json] -                   judge one input per line of standard input
//! wary text [--json] [FILE|-]             judge a message (a file, or standard input)
//! wary text --batch                       one JSON string per input line, one verdict per output line
//! wary page [--json] [FILE|-]             judge a page from its facts (one JSON object, as the
//!                                         content script gathers them)
//! ```
//! Exit status: 0 when the inputs were processed, whatever the verdicts; 2 on usage errors.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use wary::{Engine, Language, PageFacts, Sensitivity, Verdict};

const USAGE: &str = "\
usage: wary check [--json] <url-or-host>...
       wary check [--json] -        (one input per line from standard input)
       wary text [--json] [FILE|-]  (a message from a file or standard input)
       wary text --batch            (one JSON-encoded string per line of standard input)
       wary page [--json] [FILE|-]  (one page's facts as a JSON object: url, title, text,
                                     headings, links [{href, text}], forms [{action,
                                     has_password, has_card}])

Tells whether each link or site is a brand's real site or an impersonation, and whether a
message or a page is a scam.
  --json       one JSON object per input per line
  --batch      implies --json
  --lang TAG   messages and advice in en (the default), es, pt, fr, de or ru
  --sensitivity strict|balanced|relaxed
               the level shown (default balanced, the engine's own): strict shows every
               caution as a danger, relaxed keeps quiet about a lone caution
Exit status: 0 when the inputs were processed, 1 when they could not be read (page facts
that are not JSON), 2 on usage errors.";

/// How much of a message file or standard input is read; the engine judges the first 200 KB.
const MAX_MESSAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Lines longer than this are not links; the rest of such a line is skipped unread-into-memory.
const MAX_LINE_BYTES: usize = 64 * 1024 + 1;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.first().map(String::as_str) {
        Some(command @ ("check" | "text" | "page")) => command,
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("wary {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some(other) => return usage_error(&format!("unknown command {other:?}")),
        None => return usage_error("no command given"),
    };
    let options = match Options::parse(command, &args[1..]) {
        Ok(options) => options,
        Err(exit) => return exit,
    };
    match command {
        "text" => text_command(options),
        "page" => page_command(options),
        _ => check_command(options),
    }
}

/// What follows the command: its flags and its operands (inputs, or a file).
struct Options {
    json: bool,
    batch: bool,
    engine: Engine,
    operands: Vec<String>,
}

impl Options {
    /// The flags every command takes (`--json`, `--lang`, `--sensitivity`), and `--batch` for `text`; on `-h`
    /// the usage is printed and the exit is a success.
    fn parse(command: &str, args: &[String]) -> Result<Self, ExitCode> {
        let (mut json, mut batch, mut operands) = (false, false, Vec::new());
        let (mut language, mut sensitivity) = (Language::english(), Sensitivity::Balanced);
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, value) = arg
                .split_once('=')
                .map_or((arg.as_str(), None), |(flag, value)| (flag, Some(value)));
            match flag {
                "--json" => json = true,
                "--batch" if command == "text" => batch = true,
                "--lang" => {
                    let Some(tag) = value.or_else(|| args.next().map(String::as_str)) else {
                        return Err(usage_error(
                            "--lang needs a language: en, es, pt, fr, de or ru",
                        ));
                    };
                    let Some(tag_language) = Language::builtin(tag) else {
                        return Err(usage_error(&format!(
                            "no messages in {tag:?}; languages: en, es, pt, fr, de, ru"
                        )));
                    };
                    language = tag_language;
                }
                "--sensitivity" => {
                    let name = value.or_else(|| args.next().map(String::as_str)).unwrap_or("");
                    let Some(named) = Sensitivity::from_name(name) else {
                        return Err(usage_error("--sensitivity needs strict, balanced or relaxed"));
                    };
                    sensitivity = named;
                }
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return Err(ExitCode::SUCCESS);
                }
                flag if flag.starts_with("--") => {
                    return Err(usage_error(&format!("unknown option {flag:?}")))
                }
                _ => operands.push(arg.clone()),
            }
        }
        let engine = Engine::new().in_language(language).with_sensitivity(sensitivity);
        Ok(Self { json, batch, engine, operands })
    }

    /// The one file (or `-`) a command reads, if any.
    fn source(&self, what: &str) -> Result<Option<&str>, ExitCode> {
        match self.operands.as_slice() {
            [] => Ok(None),
            [source] => Ok(Some(source)),
            [_, extra, ..] => {
                Err(usage_error(&format!("one {what} at a time; unexpected {extra:?}")))
            }
        }
    }
}

fn check_command(options: Options) -> ExitCode {
    let Options { json, engine, operands: inputs, .. } = options;
    if inputs.is_empty() {
        return usage_error(
            "give at least one link or host name, or - to read them from standard input",
        );
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let result = if inputs == ["-"] {
        check_stdin(&engine, json, &mut out)
    } else {
        inputs.iter().try_for_each(|input| report(&engine, input, json, &mut out))
    };
    finish(result.and_then(|()| out.flush()))
}

fn text_command(options: Options) -> ExitCode {
    let source = match options.source("message") {
        Ok(source) => source,
        Err(exit) => return exit,
    };
    if options.batch && source.is_some_and(|s| s != "-") {
        return usage_error("--batch reads standard input");
    }
    let engine = &options.engine;
    let mut out = BufWriter::new(io::stdout().lock());
    let result = if options.batch {
        text_batch(engine, &mut out)
    } else {
        read_message(source).and_then(|bytes| {
            let verdict = engine.analyze_text(&String::from_utf8_lossy(&bytes));
            if options.json {
                writeln!(out, "{}", verdict.to_json())
            } else {
                write_human(&verdict, &mut out)
            }
        })
    };
    finish(result.and_then(|()| out.flush()))
}

/// `wary page [--json] [FILE|-]`: one page's facts, as a JSON object, judged as a page.
fn page_command(options: Options) -> ExitCode {
    let source = match options.source("page") {
        Ok(source) => source,
        Err(exit) => return exit,
    };
    let (json, engine) = (options.json, &options.engine);
    let mut out = BufWriter::new(io::stdout().lock());
    let name = source.filter(|s| *s != "-").unwrap_or("standard input");
    let result = read_message(source).and_then(|bytes| {
        if bytes.len() as u64 >= MAX_MESSAGE_BYTES {
            let mb = MAX_MESSAGE_BYTES >> 20;
            return Err(io::Error::new(io::ErrorKind::InvalidData, format!("{name}: page facts over {mb} MB are not read")));
        }
        let not_facts = |why: String| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{name}: not page facts (a JSON object with url, title, text, headings, links, forms): {why}"))
        };
        // Parsed as a JSON value first: serde would also read a bare array as the fields in order.
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| not_facts(e.to_string()))?;
        if !value.is_object() {
            return Err(not_facts("invalid type: expected a JSON object".into()));
        }
        let facts: PageFacts = serde_json::from_value(value).map_err(|e| not_facts(e.to_string()))?;
        let verdict = engine.analyze_page(&facts);
        if json {
            writeln!(out, "{}", verdict.to_json())
        } else {
            write_human(&verdict, &mut out)
        }
    });
    finish(result.and_then(|()| out.flush()))
}

/// The message in FILE, or standard input for `-` or none; at most MAX_MESSAGE_BYTES of it.
fn read_message(source: Option<&str>) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match source {
        None | Some("-") => io::stdin().lock().take(MAX_MESSAGE_BYTES).read_to_end(&mut bytes)?,
        Some(path) => std::fs::File::open(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?
            .take(MAX_MESSAGE_BYTES)
            .read_to_end(&mut bytes)?,
    };
    Ok(bytes)
}

/// `--batch`: each line a JSON string (`"Your parcel…"`), each answer one verdict line.
fn text_batch(engine: &Engine, out: &mut impl Write) -> io::Result<()> {
    let mut stdin = io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        if (&mut stdin).take(MAX_MESSAGE_BYTES).read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        if line.len() as u64 == MAX_MESSAGE_BYTES && line.last() != Some(&b'\n') {
            skip_rest_of_line(&mut stdin)?;
            let mb = MAX_MESSAGE_BYTES >> 20;
            unreadable(
                &String::from_utf8_lossy(&line),
                &format!("a line over {mb} MB is not read"),
                true,
                out,
            )?;
            continue;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            unreadable(&String::from_utf8_lossy(&line), "not UTF-8 text", true, out)?;
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str::<String>(text) {
            Ok(message) => writeln!(out, "{}", engine.analyze_text(&message).to_json())?,
            Err(e) => unreadable(text, &format!("not a JSON string: {e}"), true, out)?,
        }
    }
}

fn finish(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`wary check - | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wary: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(why: &str) -> ExitCode {
    eprintln!("wary: {why}\n\n{USAGE}");
    ExitCode::from(2)
}

fn check_stdin(engine: &Engine, json: bool, out: &mut impl Write) -> io::Result<()> {
    let mut stdin = io::stdin().lock();
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = (&mut stdin).take(MAX_LINE_BYTES as u64).read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(());
        }
        let too_long = line.len() == MAX_LINE_BYTES && line.last() != Some(&b'\n');
        if too_long {
            skip_rest_of_line(&mut stdin)?;
        }
        // A line cut short may end inside a character; it gets its error for its length.
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        if !too_long && std::str::from_utf8(&line).is_err() {
            unreadable(text, "not UTF-8 text", json, out)?;
        } else {
            report(engine, text, json, out)?;
        }
    }
}

fn skip_rest_of_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => {
                input.consume(at + 1);
                return Ok(());
            }
            None => {
                let len = buffer.len();
                input.consume(len);
            }
        }
    }
}

fn report(engine: &Engine, input: &str, json: bool, out: &mut impl Write) -> io::Result<()> {
    match (engine.analyze_url(input), json) {
        (Ok(verdict), true) => writeln!(out, "{}", verdict.to_json()),
        (Ok(verdict), false) => write_human(&verdict, out),
        (Err(error), json) => unreadable(input, &error.to_string(), json, out),
    }
}

/// An input that gets no verdict: its start echoed (200 characters at most), and why.
fn unreadable(line: &str, why: &str, json: bool, out: &mut impl Write) -> io::Result<()> {
    if json {
        writeln!(out, "{}", serde_json::json!({ "input": shorten(line), "error": why }))
    } else {
        writeln!(out, "error    {}\n  {why}", shorten(line))
    }
}

fn write_human(verdict: &Verdict, out: &mut impl Write) -> io::Result<()> {
    let mut head = format!(
        "{:<8} {}  (score {}",
        verdict.level.as_str(),
        shorten(&verdict.input.replace('\n', " ")),
        verdict.score
    );
    if verdict.verified {
        head.push_str(", verified");
    }
    if let Some(real) = &verdict.lookalike_of {
        head.push_str(&format!(", imitates {real}"));
    }
    writeln!(out, "{head})")?;
    for reason in &verdict.reasons {
        writeln!(out, "  - {}", reason.message)?;
    }
    if verdict.level != wary::Level::Safe {
        writeln!(out, "  advice: {}", verdict.advice)?;
    }
    Ok(())
}

/// Echoes at most 200 characters of a bad input back.
fn shorten(input: &str) -> String {
    match input.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &input[..at]),
        None => input.to_string(),
    }
}
