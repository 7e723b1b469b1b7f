//! Compiles the lists in `data/` into compact Rust tables, so the engine never parses text
//! at page load: the ICANN section of the Public Suffix List and the site lists become
//! packed hash sets (`lines::NameSet`); the brand catalogue becomes length-prefixed text with
//! each name's skeleton precomputed, read into the brand index on first use; UTS #39
//! confusables and data/lookalike_extras.txt become runs of characters with the ASCII each
//! passes for (in a message's words, and in host names); UTS #39's identifier status and
//! Unicode's scripts, less what data/idn_policy.txt says browsers do not show, become runs of
//! characters with their script.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::{env, fs};

// The skeleton function itself, shared with the engine so both compute the same skeletons.
#[allow(dead_code)]
#[path = "src/skeleton.rs"]
mod skeleton;

// International names in ASCII, shared with the engine so both encode suffixes alike.
#[allow(dead_code)]
#[path = "src/idn.rs"]
mod idn;

// The tables' encodings, shared with the engine so both read the same layout.
#[allow(dead_code)]
#[path = "src/lines.rs"]
mod lines;

fn main() {
    for input in [
        "public_suffix_list.dat",
        "brands.txt",
        "popular_sites.txt",
        "free_hosting.txt",
        "url_shorteners.txt",
        "host_keywords.txt",
        "card_fields.txt",
        "distinctive_names.txt",
        "keyword_names.txt",
        "neighbours.txt",
        "lookalike_extras.txt",
        "idn_policy.txt",
    ] {
        println!("cargo:rerun-if-changed=data/{input}");
    }
    println!("cargo:rerun-if-changed=src/skeleton.rs");
    println!("cargo:rerun-if-changed=src/lines.rs");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, code: String| {
        fs::write(Path::new(&out).join(name), code).expect("write generated table")
    };

    let suffixes = read("public_suffix_list.dat");
    write("suffixes.rs", compile_suffixes(&suffixes));

    let extras = parse_lookalike_extras(&read("lookalike_extras.txt"))
        .unwrap_or_else(|e| panic!("data/lookalike_extras.txt: {e}"));
    // Two tables: the look-alikes of a message's words, and those a host name adds to them.
    let table = compile_confusables(&extras);
    let host_extras = host_lookalikes(&extras, &table);
    let skeleton_of = |name: &str| {
        skeleton::skeleton_with(name, |c| host_extras.get(&c).or(table.get(&c)).map(String::as_str))
    };
    write("confusables.rs", compile_lookalikes(&table, &host_extras));

    let policy = parse_idn_policy(&read("idn_policy.txt"))
        .unwrap_or_else(|e| panic!("data/idn_policy.txt: {e}"));
    write("scripts.rs", compile_scripts(&policy));
    write(
        "idn_policy.rs",
        compile_idn_policy(&policy, &compile_hidden_compositions(&policy.not_shown)),
    );

    let brands =
        parse_brands(&read("brands.txt")).unwrap_or_else(|e| panic!("data/brands.txt: {e}"));
    let distinctive = read("distinctive_names.txt");
    let distinctive: Vec<(&str, bool)> = distinctive
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_once(' ').map_or((l, false), |(name, _)| (name, true)))
        .collect();
    if let Some((stray, _)) = distinctive
        .iter()
        .find(|(name, _)| !brands.iter().any(|b| b.tokens.iter().any(|t| t == name)))
    {
        panic!("data/distinctive_names.txt: {stray:?} is no brand's token (run tools/update-domain-data.py)");
    }
    let keyword_names = read("keyword_names.txt");
    let keyword_names: Vec<&str> = keyword_names.lines().filter(|l| !l.starts_with('#')).collect();
    if let Some(stray) = keyword_names
        .iter()
        .find(|name| !brands.iter().any(|b| b.generic.iter().any(|t| t == *name)))
    {
        panic!("data/keyword_names.txt: {stray:?} is no brand's generic token (run tools/update-domain-data.py)");
    }
    write("catalogue.rs", compile_catalogue(&brands, &distinctive, &keyword_names, &skeleton_of));

    let mut sites = String::new();
    for (list, name) in [
        ("popular_sites.txt", "POPULAR"),
        ("free_hosting.txt", "FREE_HOSTING"),
        ("url_shorteners.txt", "SHORTENERS"),
        ("neighbours.txt", "NEIGHBOURS"),
    ] {
        // The wasm leaves the popular sites to the module the worker imports beside it
        // (`load_names`): they are a tenth of its size.
        if name == "POPULAR" {
            sites.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
        }
        sites.push_str(&name_set(
            &format!("Domains from data/{list}."),
            name,
            domain_list(&read(list)),
        ));
    }
    let keywords = read("host_keywords.txt");
    let keywords = keywords
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(str::to_string);
    sites.push_str(&name_set(
        "Combosquatting words from data/host_keywords.txt.",
        "KEYWORDS",
        keywords,
    ));
    write("sites.rs", sites);

    write("cues.rs", compile_cues(&table));
    write("lists.rs", compile_lists());

    let card_fields = read("card_fields.txt");
    let card_fields: Vec<&str> = card_fields
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    write(
        "card_fields.rs",
        format!(
            "/// The card-field words of data/card_fields.txt, as one regular expression.\n\
             const CARD_FIELD_PATTERN: &str = {:?};\n",
            card_fields.join("|")
        ),
    );

    println!("cargo:rerun-if-changed=data/messages/en.txt");
    write(
        "messages.rs",
        compile_messages(&read("messages/en.txt"))
            .unwrap_or_else(|e| panic!("data/messages/en.txt: {e}")),
    );
}

/// The English messages, sorted by key for binary search: `key = template` lines.
fn compile_messages(text: &str) -> Result<String, String> {
    let mut messages = BTreeMap::new();
    for line in
        text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
    {
        let (key, template) =
            line.split_once(" = ").ok_or_else(|| format!("no ` = ` in {line:?}"))?;
        // Keys become Chrome message names (`engine_<key>`, `-` and `.` as `_`): keep them plain.
        if !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        {
            return Err(format!("key {key:?}: only a-z, 0-9, - and ."));
        }
        if messages.insert(key.to_string(), template.trim().to_string()).is_some() {
            return Err(format!("key {key:?} twice"));
        }
    }
    let mut code = String::from(
        "/// The English template of every message, sorted by key (from data/messages/en.txt).\n",
    );
    code.push_str(&format!("pub(crate) static ENGLISH: [(&str, &str); {}] = [\n", messages.len()));
    for (key, template) in &messages {
        code.push_str(&format!("    ({key:?}, {template:?}),\n"));
    }
    code.push_str("];\n");
    Ok(code)
}

/// The base letter of a decorated Latin letter, read from its Unicode name: `ł` is "LATIN
/// SMALL LETTER L WITH STROKE", `ʙ` "LATIN LETTER SMALL CAPITAL B", `ɓ` "LATIN SMALL LETTER B
/// WITH HOOK". Ligatures, letters of other alphabets written in Latin (schwa, wynn) and the
/// like have no single base letter and are left out.
fn decorated_latin_letter(c: char) -> Option<char> {
    let name = unicode_names2::name(c)?.to_string();
    let rest = name
        .strip_prefix("LATIN SMALL LETTER ")
        .or_else(|| name.strip_prefix("LATIN CAPITAL LETTER "))
        .or_else(|| name.strip_prefix("LATIN LETTER SMALL CAPITAL "))?;
    let letter = rest.split(' ').next()?;
    let mut chars = letter.chars();
    match (chars.next(), chars.next()) {
        (Some(base @ 'A'..='Z'), None) if rest.len() == 1 || rest[1..].starts_with(" WITH ") => {
            Some(base.to_ascii_lowercase())
        }
        _ => None,
    }
}

fn read(name: &str) -> String {
    fs::read_to_string(Path::new("data").join(name))
        .unwrap_or_else(|e| panic!("read data/{name}: {e}"))
}

/// A `NameSet` static: the hashes of the names, encoded as `lines::NameSet` reads them. Two
/// names with one hash would make a lookup of one find the other, so that fails the build.
fn name_set(doc: &str, name: &str, items: impl IntoIterator<Item = String>) -> String {
    let set: BTreeSet<String> = items.into_iter().collect();
    let mut hashes: BTreeMap<u32, &str> = BTreeMap::new();
    for item in &set {
        if let Some(other) = hashes.insert(skeleton::fnv32(item), item) {
            panic!("{name}: {item:?} and {other:?} share a hash; use a wider hash for this table");
        }
    }
    let hashes: Vec<u32> = hashes.into_keys().collect();
    if hashes.len() < lines::PACK_FROM {
        return format!("/// {doc} ({} names, as sorted FNV-1a hashes)\npub(crate) static {name}: NameSet = NameSet::sorted(&{hashes:?});\n", set.len());
    }
    let (bucket_bits, buckets, starts, lows) = lines::encode_name_set(&hashes);
    let bytes = 8 * (buckets.len() + lows.len()) + 2 * starts.len();
    format!(
        "/// {doc} ({} names, as FNV-1a hashes packed into {bytes} bytes)\npub(crate) static {name}: NameSet = NameSet::new({bucket_bits}, &{buckets:?}, &{starts:?}, &{lows:?});\n",
        set.len()
    )
}

/// The look-alike tables as runs: consecutive characters with the same ASCII look-alike (a
/// block of combining marks, a row of accented a's) make one run, the look-alike coded as its
/// number in ASCII (see [`encode_runs`]). 5,068 characters make ~2,400 runs: a third of the
/// bytes of the table as sorted text lines, gzipped. `HOST_RUNS` holds the look-alikes host
/// names add (data/lookalike_extras.txt's [hosts]), read before `RUNS` for a host.
fn compile_lookalikes(table: &BTreeMap<char, String>, host: &BTreeMap<char, String>) -> String {
    let ascii: Vec<&str> = table
        .values()
        .chain(host.values())
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(ascii.len() <= 256, "more than 256 distinct look-alikes");
    let number =
        |lookalike: &String| ascii.binary_search(&lookalike.as_str()).expect("listed") as u8;
    // A sample every 32 runs for the big table; every 4 for the small one, which a host's every
    // international character misses first (32 runs read on would cost ~500 instructions).
    let (bytes, samples, runs) =
        encode_runs(table.iter().map(|(&c, lookalike)| (c as u32, number(lookalike))), 32);
    let (host_bytes, host_samples, host_runs) =
        encode_runs(host.iter().map(|(&c, lookalike)| (c as u32, number(lookalike))), 4);
    format!(
        "/// The ASCII look-alikes, in byte order.\npub(crate) static ASCII: &[&str] = &{ascii:?};\n\
         /// Every non-ASCII look-alike character ({} of them) as {runs} runs; see build.rs.\npub(crate) static RUNS: &[u8] = &{bytes:?};\n\
         /// Runs between two samples of RUNS.\npub(crate) const RUN_SAMPLE: usize = 32;\n\
         /// (end of the previous run, record offset) of every RUN_SAMPLEth run.\npub(crate) static RUN_SAMPLES: &[(u32, u32)] = &{samples:?};\n\
         /// The look-alikes only host names read ({} characters) as {host_runs} runs.\npub(crate) static HOST_RUNS: &[u8] = &{host_bytes:?};\n\
         /// Runs between two samples of HOST_RUNS.\npub(crate) const HOST_RUN_SAMPLE: usize = 4;\n\
         /// (end of the previous run, record offset) of every HOST_RUN_SAMPLEth run of HOST_RUNS.\npub(crate) static HOST_RUN_SAMPLES: &[(u32, u32)] = &{host_samples:?};\n",
        table.len(),
        host.len(),
    )
}

/// A table of code points with a byte each (in code point order) as runs, the way
/// `confusables::Runs` reads them: consecutive code points with the same value make one run,
/// coded as the gap from the previous run's end and the run's length (LEB128 varints) and the
/// value; code points between runs have none. Also returns, for every `sample_every`th run,
/// where the previous run ended and where the record starts, and the number of runs.
fn encode_runs(
    values: impl IntoIterator<Item = (u32, u8)>,
    sample_every: usize,
) -> (Vec<u8>, Vec<(u32, u32)>, usize) {
    let mut runs: Vec<(u32, u32, u8)> = Vec::new(); // start, length, value
    for (code, value) in values {
        match runs.last_mut() {
            Some((start, len, last)) if *start + *len == code && *last == value => *len += 1,
            _ => runs.push((code, 1, value)),
        }
    }
    let (mut bytes, mut samples, mut end) = (Vec::new(), Vec::new(), 0u32);
    let varint = |bytes: &mut Vec<u8>, mut value: u32| loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(low);
            break;
        }
        bytes.push(low | 0x80);
    };
    for (at, &(start, len, value)) in runs.iter().enumerate() {
        if at % sample_every == 0 {
            samples.push((end, bytes.len() as u32));
        }
        varint(&mut bytes, start - end);
        varint(&mut bytes, len);
        bytes.push(value);
        end = start + len;
    }
    (bytes, samples, runs.len())
}

/// A list of domains, one per line, `#` comments; stored in ASCII form.
fn domain_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|domain| to_ascii(domain.trim_end_matches('.')))
        .collect()
}

/// Every non-ASCII character that reads as ASCII letters or digits, with that ASCII: UTS #39
/// confusables (via the `unicode-security` crate, at build time only), after stripping
/// diacritics (NFD, combining marks dropped), then folded like ASCII skeletons (I/1 → l ...);
/// then the look-alikes data/lookalike_extras.txt gives for messages and hosts alike, where
/// UTS #39 gives none. Combining marks themselves map to "" (they vanish into the letter
/// before them). The messages' cue lists are folded with this table.
fn compile_confusables(extras: &[Lookalike]) -> BTreeMap<char, String> {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    let mut table = BTreeMap::new();
    for code in 0x80..0x3_0000u32 {
        let Some(c) = char::from_u32(code) else { continue };
        if is_combining_mark(c) {
            table.insert(c, String::new());
            continue;
        }
        let base: String = c.to_string().nfd().filter(|&m| !is_combining_mark(m)).collect();
        let ascii: String = unicode_security::skeleton(&base).map(skeleton::fold_ascii).collect();
        if !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            table.insert(c, ascii);
        } else if let Some(letter) = decorated_latin_letter(c) {
            table.insert(c, skeleton::fold_ascii(letter).to_string());
        }
    }
    for extra in extras.iter().filter(|extra| !extra.hosts_only) {
        table.entry(extra.c).or_insert_with(|| extra.ascii.clone());
    }
    table
}

/// The look-alikes host names read besides `table`'s: data/lookalike_extras.txt's [hosts], over
/// what UTS #39 says (Chromium reads them before UTS #39's skeleton, so they win there too).
/// Kept out of messages, whose Russian words would fold into English ones (`по` into `no`).
fn host_lookalikes(extras: &[Lookalike], table: &BTreeMap<char, String>) -> BTreeMap<char, String> {
    extras
        .iter()
        .filter(|extra| extra.hosts_only && table.get(&extra.c) != Some(&extra.ascii))
        .map(|extra| (extra.c, extra.ascii.clone()))
        .collect()
}

/// A line of data/lookalike_extras.txt.
struct Lookalike {
    c: char,
    /// What it passes for, folded as skeletons fold ASCII.
    ascii: String,
    /// In the [hosts] section: host names only, not a message's words.
    hosts_only: bool,
}

/// data/lookalike_extras.txt: `<character> <ascii> [its Unicode name]` lines, in a [hosts] or a
/// [hosts and text] section. The name, when given, must be the character's, so the file says
/// what it holds.
fn parse_lookalike_extras(text: &str) -> Result<Vec<Lookalike>, String> {
    let mut extras: Vec<Lookalike> = Vec::new();
    let mut hosts_only = None;
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("line {}", number + 1);
        match line {
            "[hosts]" => hosts_only = Some(true),
            "[hosts and text]" => hosts_only = Some(false),
            _ => {}
        }
        if line.starts_with('[') {
            if !matches!(line, "[hosts]" | "[hosts and text]") {
                return Err(format!("{}: unknown section {line}", at()));
            }
            continue;
        }
        let hosts_only = hosts_only.ok_or_else(|| format!("{}: an entry before [hosts]", at()))?;
        let mut fields = line.split_whitespace();
        let (Some(glyph), Some(ascii)) = (fields.next(), fields.next()) else {
            return Err(format!("{}: want `<character> <ascii> <name>`", at()));
        };
        let mut chars = glyph.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(format!("{}: {glyph:?} is not one character", at()));
        };
        if c.is_ascii()
            || !ascii.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(format!("{}: {c:?} {ascii:?}: a non-ASCII character and ASCII", at()));
        }
        let name: Vec<&str> = fields.collect();
        if let Some(real) = unicode_names2::name(c).map(|n| n.to_string()) {
            if !name.is_empty() && name.join(" ") != real {
                return Err(format!("{}: {c:?} is {real}, not {}", at(), name.join(" ")));
            }
        }
        if extras.iter().any(|seen| seen.c == c) {
            return Err(format!("{}: {c:?} twice", at()));
        }
        let ascii = ascii.chars().map(skeleton::fold_ascii).collect();
        extras.push(Lookalike { c, ascii, hosts_only });
    }
    Ok(extras)
}

/// data/idn_policy.txt, read.
struct IdnPolicy {
    /// [not-shown]: code point ranges, inclusive.
    not_shown: Vec<(u32, u32)>,
    /// [shown-han]: code point ranges, inclusive.
    shown_han: Vec<(u32, u32)>,
    /// The character sections by name: [dot], [hyphen], [beside-cjk-only], [between-japanese-only].
    sets: BTreeMap<String, BTreeSet<char>>,
    /// [whole-script]: script, letters, home suffixes.
    whole_script: Vec<(String, String, Vec<String>)>,
    /// [whole-script-words].
    words: Vec<String>,
}

fn parse_idn_policy(text: &str) -> Result<IdnPolicy, String> {
    const CHARACTER_SECTIONS: [&str; 6] =
        ["not-shown", "shown-han", "dot", "hyphen", "beside-cjk-only", "between-japanese-only"];
    let mut policy = IdnPolicy {
        not_shown: Vec::new(),
        shown_han: Vec::new(),
        sets: BTreeMap::new(),
        whole_script: Vec::new(),
        words: Vec::new(),
    };
    let mut section = String::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("line {}", number + 1);
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        if CHARACTER_SECTIONS.contains(&section.as_str()) {
            let code_point = |field: &str| {
                field
                    .strip_prefix("U+")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .filter(|&code| char::from_u32(code).is_some_and(|c| !c.is_ascii()))
                    .ok_or_else(|| format!("{}: {field:?} is no non-ASCII U+XXXX", at()))
            };
            let field = line.split_whitespace().next().unwrap_or(line);
            let (low, high) = match field.split_once("..") {
                Some((low, high)) => (code_point(low)?, code_point(high)?),
                None => (code_point(field)?, code_point(field)?),
            };
            if low > high {
                return Err(format!("{}: an empty range", at()));
            }
            match section.as_str() {
                "not-shown" => policy.not_shown.push((low, high)),
                "shown-han" => policy.shown_han.push((low, high)),
                _ => {}
            }
            if matches!(section.as_str(), "not-shown" | "shown-han") {
                continue;
            }
            let set = policy.sets.entry(section.clone()).or_default();
            for c in (low..=high).filter_map(char::from_u32) {
                if !set.insert(c) {
                    return Err(format!("{}: U+{:04X} twice in [{section}]", at(), c as u32));
                }
            }
            continue;
        }
        match section.as_str() {
            "whole-script" => {
                let mut fields = line.split_whitespace();
                let (Some(script), Some(letters)) = (fields.next(), fields.next()) else {
                    return Err(format!("{}: want `<script> <letters> [suffix...]`", at()));
                };
                let suffixes: Vec<String> = fields.map(str::to_string).collect();
                if let Some(bad) = suffixes.iter().find(|s| !s.is_ascii()) {
                    return Err(format!("{}: suffix {bad:?}: write it in ASCII (punycode)", at()));
                }
                policy.whole_script.push((script.to_string(), letters.to_string(), suffixes));
            }
            "whole-script-words" => policy.words.push(line.to_string()),
            "" => return Err(format!("{}: an entry before the first [section]", at())),
            other => return Err(format!("{}: unknown section [{other}]", at())),
        }
    }
    for name in &CHARACTER_SECTIONS[2..] {
        if !policy.sets.contains_key(*name) {
            return Err(format!("no [{name}] section"));
        }
    }
    Ok(policy)
}

/// Whether browsers show `c` in a host name: UTS #39 allows it in identifiers, and
/// data/idn_policy.txt's [not-shown] does not take it out.
fn is_shown(c: char, not_shown: &[(u32, u32)]) -> bool {
    use unicode_security::GeneralSecurityProfile;
    let code = c as u32;
    c.identifier_allowed() && !not_shown.iter().any(|&(low, high)| low <= code && code <= high)
}

/// A letter and one or two combining accents that Unicode composes into a character browsers
/// do not show (`n` and U+0307 make `ṅ`, of the Latin Extended Additional Chrome leaves out;
/// `o`, U+0304 and U+0301 make `ṓ`), as sorted keys `letter << 16 | (accent - U+0300) << 8 |
/// (second accent - U+0300, or 0xFF)`: without Unicode's composition tables at run time, the
/// IDN policy still judges `n\u{307}` as a browser, which composes it first, does. The letter
/// may itself be composed (`ō` and U+0301), and is lowercase (host names are lowercased).
fn compile_hidden_compositions(not_shown: &[(u32, u32)]) -> Vec<u32> {
    use unicode_normalization::UnicodeNormalization;
    const NO_ACCENT: u32 = 0xFF;
    let accent = |c: char| ('\u{300}'..'\u{3FF}').contains(&c).then(|| c as u32 - 0x300);
    let mut keys = BTreeSet::new();
    for code in 0x80..0x3_0000u32 {
        let Some(c) = char::from_u32(code) else { continue };
        if is_shown(c, not_shown) {
            continue;
        }
        let parts: Vec<char> = c.to_string().nfd().collect();
        for split in 1..parts.len() {
            let letter: Vec<char> = parts[..split].iter().collect::<String>().nfc().collect();
            let &[letter] = letter.as_slice() else { continue };
            let accents: Option<Vec<u32>> = parts[split..].iter().map(|&a| accent(a)).collect();
            let key = match accents.as_deref() {
                Some(&[first]) => (first << 8) | NO_ACCENT,
                Some(&[first, second]) => (first << 8) | second,
                _ => continue,
            };
            if is_shown(letter, not_shown) && !letter.is_uppercase() && (letter as u32) < 0x1_0000 {
                keys.insert((letter as u32) << 16 | key);
            }
        }
    }
    keys.into_iter().collect()
}

/// Which script each character is written in, for src/confusables.rs: every character UTS #39
/// allows in identifiers (Identifier_Status=Allowed: the letters, digits and marks of the
/// scripts in modern use), less data/idn_policy.txt's [not-shown] and with its [shown-han]
/// ideograph blocks whole, as runs (see
/// [`encode_runs`]) of its class: a number in `CLASSES`. A character in no run is one no
/// browser shows in a host name. A character several scripts share takes its own script; one
/// that has none of its own is Common (digits, the middle dot) or Inherited (the accents Latin,
/// Greek and Cyrillic share), or Han, or Katakana when only Chinese or Japanese writing uses it
/// (the prolonged sound mark), or the script of the one writing that uses it (the Arabic vowel
/// signs), which is how UTS #39's "highly restrictive" profile groups them. 334 runs, 1 KB.
fn compile_scripts(policy: &IdnPolicy) -> String {
    use unicode_script::{Script, UnicodeScript};
    let mut classes: Vec<String> = vec!["Common".into(), "Inherited".into()];
    let mut values = Vec::new();
    let in_ranges = |ranges: &[(u32, u32)], code: u32| {
        ranges.iter().any(|&(low, high)| low <= code && code <= high)
    };
    for code in 0x80..0x4_0000u32 {
        let Some(c) = char::from_u32(code) else { continue };
        let han_block = in_ranges(&policy.shown_han, code);
        if !han_block && !is_shown(c, &policy.not_shown) {
            continue;
        }
        let shared = c.script_extension();
        let east_asian_only = !(shared.is_common() || shared.is_inherited())
            && shared.iter().all(|script| {
                use Script::{Bopomofo, Han, Hangul, Hiragana, Katakana, Yi};
                matches!(script, Han | Hiragana | Katakana | Bopomofo | Hangul | Yi)
            });
        let name = match c.script() {
            _ if han_block => "Han",
            Script::Common | Script::Inherited
                if east_asian_only && shared.contains_script(Script::Han) =>
            {
                "Han"
            }
            Script::Common | Script::Inherited if east_asian_only => "Katakana",
            // Marks of one script's writing (the Arabic vowel signs) are that script's: only
            // those Latin shares with others are Inherited.
            Script::Inherited
                if !shared.is_inherited() && !shared.contains_script(Script::Latin) =>
            {
                shared.iter().next().map_or("Inherited", |script| script.full_name())
            }
            // The three Grantha marks UTS #39 allows are there for writing Tamil.
            Script::Grantha => "Tamil",
            script => script.full_name(),
        }
        .replace('_', "");
        let class = match classes.iter().position(|known| *known == name) {
            Some(class) => class,
            None => {
                classes.push(name);
                classes.len() - 1
            }
        };
        values.push((code, u8::try_from(class).expect("fewer than 256 scripts")));
    }
    let (bytes, samples, runs) = encode_runs(values, 8);
    let classes: Vec<String> = classes.iter().map(|name| format!("Script::{name}")).collect();
    format!(
        "/// The script of each class number.\npub(crate) static CLASSES: &[Script] = &[{}];\n\
         /// The characters browsers show in host names, as {runs} runs of their class; see build.rs.\npub(crate) static RUNS: &[u8] = &{bytes:?};\n\
         /// Runs between two samples of RUNS.\npub(crate) const RUN_SAMPLE: usize = 8;\n\
         /// (end of the previous run, record offset) of every RUN_SAMPLEth run.\npub(crate) static RUN_SAMPLES: &[(u32, u32)] = &{samples:?};\n",
        classes.join(", ")
    )
}

/// The sets src/idn_policy.rs reads: from data/idn_policy.txt the character sections as sorted
/// slices, [whole-script] as (script, letters, home suffixes), [whole-script-words] as lines;
/// and the compositions of [`compile_hidden_compositions`].
fn compile_idn_policy(policy: &IdnPolicy, hidden_compositions: &[u32]) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "/// Letters and accents that compose into a character browsers do not show, as `letter << 8 | (accent - U+0300)`, sorted (see build.rs).\npub(crate) static HIDDEN_COMPOSITIONS: &[u32] = &{hidden_compositions:?};\n"
    );
    for (section, name) in [
        ("dot", "DOT_LOOKALIKES"),
        ("hyphen", "HYPHEN_LOOKALIKES"),
        ("beside-cjk-only", "BESIDE_CJK_ONLY"),
        ("between-japanese-only", "BETWEEN_JAPANESE_ONLY"),
    ] {
        let chars: Vec<char> = policy.sets[section].iter().copied().collect();
        writeln!(
            out,
            "/// data/idn_policy.txt [{section}], sorted.\npub(crate) static {name}: &[char] = &{chars:?};"
        )
        .unwrap();
    }
    let scripts: Vec<String> = policy
        .whole_script
        .iter()
        .map(|(script, letters, suffixes)| {
            format!("(Script::{}, {letters:?}, {:?})", camel_case(script), suffixes.join(" "))
        })
        .collect();
    writeln!(
        out,
        "/// data/idn_policy.txt [whole-script]: (script, letters, home suffixes).\npub(crate) static WHOLE_SCRIPT: &[(Script, &str, &str)] = &[{}];",
        scripts.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "/// data/idn_policy.txt [whole-script-words], one a line.\npub(crate) static WHOLE_SCRIPT_WORDS: &str = {:?};",
        policy.words.join("\n")
    )
    .unwrap();
    out
}

/// The ICANN rules in their ASCII (punycode) form, since hosts are matched in that form:
/// plain rules, wildcard parents (`*.ck` stored as `ck`) and exceptions (`!www.ck` as `www.ck`)
/// in three tables, so a label costs one lookup in the big one.
fn compile_suffixes(list: &str) -> String {
    let icann = list
        .split("// ===BEGIN ICANN DOMAINS===")
        .nth(1)
        .and_then(|rest| rest.split("// ===END ICANN DOMAINS===").next())
        .expect("ICANN section markers in public_suffix_list.dat");
    let (mut rules, mut wildcards, mut exceptions, mut parents) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for rule in
        icann.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with("//"))
    {
        let ascii = |name: &str| {
            name.split('.')
                .map(|label| if label == "*" { "*".to_string() } else { to_ascii(label) })
                .collect::<Vec<_>>()
                .join(".")
        };
        // Every proper suffix of a rule: the lookup walks down only through these.
        let full = ascii(rule.trim_start_matches('!'));
        parents.extend(full.match_indices('.').map(|(at, _)| full[at + 1..].to_string()));
        if let Some(name) = rule.strip_prefix('!') {
            exceptions.push(ascii(name));
        } else if let Some(parent) = rule.strip_prefix("*.") {
            wildcards.push(ascii(parent));
        } else {
            rules.push(ascii(rule));
        }
    }
    [
        name_set("ICANN public suffix rules.", "RULES", rules),
        name_set(
            "Parents of ICANN wildcard rules: `*.ck` is stored as `ck`.",
            "WILDCARDS",
            wildcards,
        ),
        name_set("ICANN exception rules without their `!`.", "EXCEPTIONS", exceptions),
        name_set(
            "Names that some longer ICANN rule ends with (`jp` for `kyoto.jp`).",
            "PARENTS",
            parents,
        ),
    ]
    .concat()
}

fn to_ascii(label: &str) -> String {
    idn::to_ascii(label)
        .unwrap_or_else(|| panic!("suffix label {label:?} cannot be written in ASCII"))
}

struct BrandEntry {
    name: String,
    kind: String,
    tokens: Vec<String>,
    /// Tokens that are also ordinary words (`target`, `chase`, `apple`).
    generic: Vec<String>,
    /// Tokens one typing slip from other established sites (`mizuho`, `mizuno.com`).
    slip_prone: Vec<String>,
    domains: Vec<String>,
}

fn parse_brands(text: &str) -> Result<Vec<BrandEntry>, String> {
    let mut brands: Vec<BrandEntry> = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        let value = value.trim();
        let at = || format!("line {}", number + 1);
        if key == "brand" {
            brands.push(BrandEntry {
                name: value.to_string(),
                kind: String::new(),
                tokens: vec![],
                generic: vec![],
                slip_prone: vec![],
                domains: vec![],
            });
            continue;
        }
        let brand =
            brands.last_mut().ok_or_else(|| format!("{}: field before the first brand", at()))?;
        let words = value.split_whitespace().map(str::to_ascii_lowercase);
        match key {
            "kind" => brand.kind = value.to_string(),
            "token" => brand.tokens.extend(words),
            "generic" => brand.generic.extend(words),
            "slip-prone" => brand.slip_prone.extend(words),
            "suffixes" => {
                let token = brand
                    .tokens
                    .first()
                    .ok_or_else(|| format!("{}: suffixes before token", at()))?
                    .clone();
                brand.domains.extend(words.map(|suffix| format!("{token}.{suffix}")));
            }
            "domains" => brand.domains.extend(words.map(|d| to_ascii(&d))),
            "source" => {}
            other => return Err(format!("{}: unknown field {other:?}", at())),
        }
    }
    for brand in &brands {
        if brand.tokens.is_empty() || brand.domains.is_empty() || brand.kind.is_empty() {
            return Err(format!(
                "brand {:?} needs kind, token and at least one domain",
                brand.name
            ));
        }
        if let Some(stray) = brand.slip_prone.iter().find(|g| !brand.tokens.contains(g)) {
            panic!(
                "data/brands.txt: brand {:?}: slip-prone token {stray:?} is not one of its tokens",
                brand.name
            );
        }
        if let Some(stray) = brand.generic.iter().find(|g| !brand.tokens.contains(g)) {
            return Err(format!(
                "brand {:?}: generic token {stray:?} is not one of its tokens",
                brand.name
            ));
        }
    }
    Ok(brands)
}

/// The catalogue as `catalogue.rs` reads it: every brand as length-prefixed fields (one byte,
/// below 128 so the table stays a `&str`, then that many bytes): name, kind, home domain, then
/// the number of tokens and each token as a kind (0 plain, 1 generic, 2 distinctive, 3 distinctive with country
/// sites; plus [`SLIP_PRONE`] and [`KEYWORDS`]), its text, and its skeleton
/// (empty when the same as the text). Then the official domains, sorted, as such fields too,
/// and each domain's brand. Text and small numbers, no pointers, read in one pass of a few thousand
/// steps on first use.
/// The bit of a token's kind that marks it one typing slip from other established sites.
const SLIP_PRONE: u8 = 4;
/// The bit of a generic token's kind that marks it seldom paired with scam words by real sites.
const KEYWORDS: u8 = 8;

fn compile_catalogue(
    brands: &[BrandEntry],
    distinctive: &[(&str, bool)],
    keyword_names: &[&str],
    skeleton_of: &dyn Fn(&str) -> String,
) -> String {
    fn field(table: &mut String, brand: &str, text: &str) {
        let len = u8::try_from(text.len()).ok().filter(|&len| len < 128);
        let len = len.unwrap_or_else(|| {
            panic!("data/brands.txt: brand {brand:?}: {text:?} is 128 bytes or longer")
        });
        table.push(char::from(len));
        table.push_str(text);
    }
    let mut table = String::new();
    for brand in brands {
        let name = brand.name.as_str();
        for text in [name, &brand.kind, &brand.domains[0]] {
            field(&mut table, name, text);
        }
        let count = u8::try_from(brand.tokens.len())
            .ok()
            .filter(|&n| n < 128)
            .expect("fewer than 128 tokens a brand");
        table.push(char::from(count));
        for text in &brand.tokens {
            let skeleton = skeleton_of(text);
            let kind = if brand.generic.contains(text) {
                1
            } else if let Some(&(_, country_sites)) =
                distinctive.iter().find(|(name, _)| name == text)
            {
                2 + u8::from(country_sites)
            } else {
                0
            } | if brand.slip_prone.contains(text) { SLIP_PRONE } else { 0 }
                | if keyword_names.contains(&text.as_str()) { KEYWORDS } else { 0 };
            table.push(char::from(kind));
            field(&mut table, name, text);
            field(&mut table, name, if skeleton == *text { "" } else { &skeleton });
        }
    }
    let mut out = format!(
        "/// The brands in catalogue order, as length-prefixed fields (see build.rs).\npub(crate) static BRANDS: &str = {table:?};\n"
    );
    // A domain may be official for two brands (alicdn.com serves AliExpress and Alibaba):
    // the first brand listed owns it in this table.
    let mut official: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, brand) in brands.iter().enumerate() {
        for domain in &brand.domains {
            official.entry(domain.as_str()).or_insert(index);
        }
    }
    let mut domains = String::new();
    for domain in official.keys() {
        field(&mut domains, "(official domains)", domain);
    }
    out.push_str(&format!("/// Official registrable domains, sorted, as length-prefixed fields.\npub(crate) static OFFICIAL: &str = {domains:?};\n"));
    let owners: Vec<u16> =
        official.values().map(|&at| u16::try_from(at).expect("fewer than 65,536 brands")).collect();
    out.push_str(&format!("/// The brand (line of `BRANDS`) that owns each line of `OFFICIAL`.\npub(crate) static OWNERS: &[u16] = &{owners:?};\n"));
    out
}

// ---- Text cues (issue 5): data/cues/<layer>.<language>.txt -> cues.rs ----------------------

/// The text layers' cue phrases: every `data/cues/<layer>.<lang>.txt`, each phrase folded the
/// way `text::fold` folds a message (ASCII letters through `skeleton::fold_ascii`, other
/// letters lowercased then mapped through the look-alike table, everything else a space),
/// so the engine compares folded words with folded words. Writes `CUE_GROUPS` (layer, code,
/// weight) and `CUE_PHRASES`: sorted lines `<group> <word> <word>...`.
fn compile_cues(lookalikes: &BTreeMap<char, String>) -> String {
    use std::fmt::Write as _;
    println!("cargo:rerun-if-changed=data/cues");
    let mut files: Vec<_> = fs::read_dir("data/cues")
        .expect("data/cues")
        .map(|e| e.expect("data/cues entry").path())
        .collect();
    files.sort();
    let mut groups: Vec<(String, String, u8)> = Vec::new();
    let mut lines: BTreeSet<String> = BTreeSet::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_stem().and_then(|s| s.to_str()).expect("file name").to_string();
        let (layer, lang) = name
            .split_once('.')
            .unwrap_or_else(|| panic!("{}: name it <layer>.<lang>.txt", path.display()));
        let layer = match layer {
            "payment" => "Payment",
            "pressure" => "Pressure",
            "offer" => "Offer",
            "pattern" => "Pattern",
            other => panic!("{}: unknown layer {other:?}", path.display()),
        };
        assert!(
            matches!(lang, "en" | "es" | "pt" | "fr" | "de" | "ru"),
            "{}: unknown language {lang:?}",
            path.display()
        );
        let text = fs::read_to_string(path).expect("read cue list");
        let mut group = None;
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            let at = || format!("{}:{}", path.display(), number + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
                let (code, weight) = header
                    .split_once(' ')
                    .unwrap_or_else(|| panic!("{}: want [code weight]", at()));
                let weight: u8 = weight
                    .parse()
                    .ok()
                    .filter(|w| (0..=3).contains(w))
                    .unwrap_or_else(|| panic!("{}: weight 0, 1, 2 or 3", at()));
                assert!(
                    code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{}: codes are kebab-case",
                    at()
                );
                let key = (layer.to_string(), code.to_string(), weight);
                group = Some(groups.iter().position(|g| *g == key).unwrap_or_else(|| {
                    groups.push(key);
                    groups.len() - 1
                }));
                continue;
            }
            let group =
                group.unwrap_or_else(|| panic!("{}: phrase before the first [code weight]", at()));
            let words = fold_cue(line, lookalikes).unwrap_or_else(|e| panic!("{}: {e}", at()));
            assert!(!words.starts_with(".."), "{}: a phrase cannot start with `..`", at());
            lines.insert(format!("{group} {words}"));
        }
    }
    let mut out = String::from("/// Layer, code and weight of each group of cue phrases.\npub(crate) static CUE_GROUPS: &[CueGroup] = &[\n");
    for (layer, code, weight) in &groups {
        writeln!(
            out,
            "    CueGroup {{ layer: Layer::{layer}, code: Code::{}, weight: {weight} }},",
            camel_case(code)
        )
        .unwrap();
    }
    let phrases: Vec<String> = lines.into_iter().collect();
    writeln!(
        out,
        "];\n/// Folded cue phrases, `<group> <words>`, one a line ({} phrases).",
        phrases.len()
    )
    .unwrap();
    writeln!(out, "pub(crate) static CUE_PHRASES: &str = {:?};", phrases.join("\n")).unwrap();
    out
}

/// `money-transfer-service` -> `MoneyTransferService`: a code's variant in `src/code.rs`.
fn camel_case(code: &str) -> String {
    code.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// One cue phrase folded into words like `text::fold` folds a message. A word may end in `*`
/// (any word starting so) and `..` stands for up to three words of any kind.
fn fold_cue(phrase: &str, lookalikes: &BTreeMap<char, String>) -> Result<String, String> {
    let mut words = Vec::new();
    for raw in phrase.split_whitespace() {
        if raw == ".." {
            words.push(raw.to_string());
            continue;
        }
        let (raw, stem) = raw.strip_suffix('*').map_or((raw, false), |r| (r, true));
        let mut folded = String::new();
        // As in `text::fold`: a digit inside a word with letters reads as the letter it
        // resembles (`trc20` is `trc2o`), a digit in a word of digits stays a digit.
        for piece in raw.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let lettered = piece.chars().any(char::is_alphabetic);
            for c in piece.chars() {
                match c {
                    '0'..='9' if !lettered => folded.push(c),
                    '0' => folded.push('o'),
                    '1' => folded.push('l'),
                    '3' => folded.push('e'),
                    '4' => folded.push('a'),
                    '5' => folded.push('s'),
                    '7' => folded.push('t'),
                    c if c.is_ascii() => folded.push(skeleton::fold_ascii(c)),
                    c => {
                        for lower in c.to_lowercase() {
                            match lookalikes.get(&lower) {
                                Some(ascii) => folded.push_str(ascii),
                                None if lower.is_alphabetic() => folded.push(lower),
                                None => {}
                            }
                        }
                    }
                }
            }
            folded.push(' ');
        }
        let mut parts: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        if stem {
            parts.last_mut().ok_or_else(|| format!("{raw:?}: empty stem"))?.push('*');
        }
        words.extend(parts);
    }
    if words.is_empty() {
        return Err(format!("{phrase:?}: no words"));
    }
    Ok(words.join(" "))
}

// ---- Word and suffix lists: data/lists/<name>.txt -> lists.rs ------------------------------

/// Lists of `word number` pairs, compiled to `&[(&str, f64)]`: currencies and their rates in US
/// dollars, time units and their days, month names and their numbers.
const PAIRED_LISTS: &[&str] = &["currencies", "month_names", "time_units"];

/// Every `data/lists/<name>.txt` as `pub(crate) static <NAME>: WordList` (its entries as one
/// newline-separated string: a slice of string references cost 8 bytes of wasm an entry), in
/// the file's order (one a line; `#` comment lines and blank lines skipped; an entry may hold
/// spaces). `currencies.txt` holds `sign rate` pairs and becomes `CURRENCIES: &[(&str, f64)]`.
/// A list with an entry twice, or none, fails the build. The lists of [`PAIRED_LISTS`] hold
/// `word number` pairs likewise.
fn compile_lists() -> String {
    use std::fmt::Write;
    println!("cargo:rerun-if-changed=data/lists");
    let mut paths: Vec<_> = fs::read_dir("data/lists")
        .expect("data/lists")
        .map(|e| e.expect("data/lists entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = String::new();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a list's name");
        let text = fs::read_to_string(&path).expect("read list");
        let entries: Vec<&str> =
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        assert!(!entries.is_empty(), "data/lists/{name}.txt: no entries");
        let mut seen = std::collections::BTreeSet::new();
        for entry in &entries {
            assert!(seen.insert(*entry), "data/lists/{name}.txt: {entry:?} twice");
        }
        let constant = name.to_ascii_uppercase();
        writeln!(out, "/// data/lists/{name}.txt ({} entries).", entries.len()).unwrap();
        if PAIRED_LISTS.contains(&name) {
            let pairs: Vec<String> = entries
                .iter()
                .map(|line| {
                    let (word, number) = line
                        .rsplit_once(' ')
                        .unwrap_or_else(|| panic!("data/lists/{name}.txt: `word number`"));
                    let number: f64 = number
                        .parse()
                        .unwrap_or_else(|_| panic!("data/lists/{name}.txt: a number: {line:?}"));
                    format!("({word:?}, {number:?})")
                })
                .collect();
            writeln!(
                out,
                "pub(crate) static {constant}: &[(&str, f64)] = &[{}];",
                pairs.join(", ")
            )
            .unwrap();
        } else {
            let joined = entries.join("\n");
            writeln!(
                out,
                "static {constant}_SET: Lines = Lines::new();\npub(crate) static {constant}: WordList = WordList({joined:?}, &{constant}_SET);"
            )
            .unwrap();
        }
    }
    out
}
