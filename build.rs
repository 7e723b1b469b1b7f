//! Compiles the lists in `data/` into compact Rust tables, so the engine never parses text
//! at page load: the ICANN section of the Public Suffix List becomes one sorted, newline-
//! separated blob searched by bisection, and the brand catalogue becomes sorted slices.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=data/public_suffix_list.dat");
    println!("cargo:rerun-if-changed=data/brands.txt");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let suffixes = fs::read_to_string("data/public_suffix_list.dat").expect("read data/public_suffix_list.dat");
    fs::write(Path::new(&out).join("suffixes.rs"), compile_suffixes(&suffixes)).expect("write suffixes.rs");
    let brands = fs::read_to_string("data/brands.txt").expect("read data/brands.txt");
    let brands = parse_brands(&brands).unwrap_or_else(|e| panic!("data/brands.txt: {e}"));
    fs::write(Path::new(&out).join("catalogue.rs"), compile_catalogue(&brands)).expect("write catalogue.rs");
}

/// The ICANN rules in their ASCII (punycode) form, since hosts are matched in that form.
fn compile_suffixes(list: &str) -> String {
    let icann = list
        .split("// ===BEGIN ICANN DOMAINS===")
        .nth(1)
        .and_then(|rest| rest.split("// ===END ICANN DOMAINS===").next())
        .expect("ICANN section markers in public_suffix_list.dat");
    let mut rules: Vec<String> = icann
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|rule| {
            let (prefix, name) = match rule.strip_prefix('!') {
                Some(name) => ("!", name),
                None => ("", rule),
            };
            let ascii = name
                .split('.')
                .map(|label| if label == "*" { "*".to_string() } else { to_ascii(label) })
                .collect::<Vec<_>>()
                .join(".");
            format!("{prefix}{ascii}")
        })
        .collect();
    rules.sort();
    rules.dedup();
    let blob = rules.join("\n");
    format!("/// {} ICANN public suffix rules, sorted, one per line.\npub(crate) static RULES: &str = {:?};\n", rules.len(), blob)
}

fn to_ascii(label: &str) -> String {
    idna::domain_to_ascii(label).unwrap_or_else(|e| panic!("suffix label {label:?}: {e:?}"))
}

struct BrandEntry {
    name: String,
    kind: String,
    tokens: Vec<String>,
    /// Tokens that are also ordinary words (`target`, `chase`, `apple`).
    generic: Vec<String>,
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
            brands.push(BrandEntry { name: value.to_string(), kind: String::new(), tokens: vec![], generic: vec![], domains: vec![] });
            continue;
        }
        let brand = brands.last_mut().ok_or_else(|| format!("{}: field before the first brand", at()))?;
        let words = value.split_whitespace().map(str::to_ascii_lowercase);
        match key {
            "kind" => brand.kind = value.to_string(),
            "token" => brand.tokens.extend(words),
            "generic" => brand.generic.extend(words),
            "suffixes" => {
                let token = brand.tokens.first().ok_or_else(|| format!("{}: suffixes before token", at()))?.clone();
                brand.domains.extend(words.map(|suffix| format!("{token}.{suffix}")));
            }
            "domains" => brand.domains.extend(words.map(|d| to_ascii(&d))),
            "source" => {}
            other => return Err(format!("{}: unknown field {other:?}", at())),
        }
    }
    for brand in &brands {
        if brand.tokens.is_empty() || brand.domains.is_empty() || brand.kind.is_empty() {
            return Err(format!("brand {:?} needs kind, token and at least one domain", brand.name));
        }
        if let Some(stray) = brand.generic.iter().find(|g| !brand.tokens.contains(g)) {
            return Err(format!("brand {:?}: generic token {stray:?} is not one of its tokens", brand.name));
        }
    }
    Ok(brands)
}

fn compile_catalogue(brands: &[BrandEntry]) -> String {
    let mut out = String::new();
    writeln!(out, "pub(crate) static BRANDS: &[Brand] = &[").unwrap();
    for brand in brands {
        writeln!(
            out,
            "    Brand {{ name: {:?}, kind: {:?}, home: {:?}, tokens: &{:?}, generic: &{:?} }},",
            brand.name, brand.kind, brand.domains[0], brand.tokens, brand.generic
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    // A domain may be official for two brands (alicdn.com serves AliExpress and Alibaba):
    // the first brand listed owns it in this table.
    let mut official: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, brand) in brands.iter().enumerate() {
        for domain in &brand.domains {
            official.entry(domain.as_str()).or_insert(index);
        }
    }
    writeln!(out, "/// Official registrable domains, sorted, with the index of their brand.").unwrap();
    writeln!(out, "pub(crate) static OFFICIAL: &[(&str, u16)] = &[").unwrap();
    for (domain, index) in &official {
        writeln!(out, "    ({domain:?}, {index}),").unwrap();
    }
    writeln!(out, "];").unwrap();
    out
}
