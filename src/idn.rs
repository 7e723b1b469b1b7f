//! International domain names without Unicode's tables: the part of UTS #46 that turns a host
//! as a person writes it (`PаyPal.com`, `ｐａｙｐａｌ．ｃｏｍ`) into the ASCII form a browser
//! looks up (`xn--pypal-4ve.com`, `paypal.com`).
//!
//! The `idna` crate's full UTS #46 brings ICU4X's normalisation and property data, about
//! 40 KB of the gzipped WebAssembly. Cargo.toml pins its back end, `idna_adapter`, to the
//! table-free 1.0, with which `idna` and `url` accept ASCII hosts only (punycode included, and
//! `idna::domain_to_unicode` still decodes it); international hosts are brought to ASCII here
//! first. What this leaves out of UTS #46 — normalisation beyond full-width forms, and the
//! validity rules a registry enforces — does not change which name a host imitates: the engine
//! judges a name, it does not resolve it, and its skeletons fold the rest.
//!
//! Shared with build.rs (the Public Suffix List's international suffixes), so both encode
//! alike.

/// The ASCII form of a host name: letters lowercased, full-width forms and ideographic full
/// stops folded to ASCII, invisible characters dropped, and each label with other characters
/// written in punycode (`xn--`). `None` when a label cannot be encoded, or the name holds a
/// direction control (`\u{202E}moc.lapyap` shows as `paypal.com`): UTS #46 refuses those, and
/// so does every browser.
pub(crate) fn to_ascii(host: &str) -> Option<String> {
    if host.is_ascii() {
        return Some(host.to_ascii_lowercase());
    }
    let mut mapped = String::with_capacity(host.len());
    for c in host.chars() {
        match c {
            // Ideographic and full-width full stops separate labels as `.` does.
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => mapped.push('.'),
            // Full-width ASCII (`ｐａｙｐａｌ`) is ASCII to a browser.
            '\u{FF01}'..='\u{FF5E}' => {
                mapped.extend(char::from_u32(c as u32 - 0xFEE0).map(|a| a.to_ascii_lowercase()))
            }
            // Soft hyphen, zero-width space, word joiner, byte order mark, variation selectors:
            // invisible, and ignored by UTS #46 (or not allowed in a name at all).
            '\u{AD}'
            | '\u{200B}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{34F}'
            | '\u{180B}'..='\u{180D}' => {}
            c if is_direction_control(c) => return None,
            c if c.is_ascii() => mapped.push(c.to_ascii_lowercase()),
            // Cherokee folds to its capitals (Unicode keeps its case folding stable that way).
            '\u{13A0}'..='\u{13F5}' => mapped.push(c),
            '\u{13F8}'..='\u{13FD}' => mapped.extend(char::from_u32(c as u32 - 8)),
            '\u{AB70}'..='\u{ABBF}' => mapped.extend(char::from_u32(c as u32 - 0xAB70 + 0x13A0)),
            c => mapped.extend(c.to_lowercase()),
        }
    }
    let mut ascii = String::with_capacity(mapped.len() + 8);
    for (i, label) in mapped.split('.').enumerate() {
        if i > 0 {
            ascii.push('.');
        }
        if label.is_ascii() {
            ascii.push_str(label);
        } else {
            ascii.push_str("xn--");
            ascii.push_str(&idna::punycode::encode_str(label)?);
        }
    }
    Some(ascii)
}

/// Direction marks and overrides, which make a name read other than it is.
pub(crate) fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::to_ascii;

    #[test]
    fn writes_international_names_as_browsers_look_them_up() {
        let cases = [
            ("paypal.com", "paypal.com"),
            ("PayPal.COM", "paypal.com"),
            ("pаypal.com", "xn--pypal-4ve.com"),
            ("PАYPAL.com", "xn--pypal-4ve.com"),
            ("аррӏе.com", "xn--80ak6aa92e.com"),
            ("ｐａｙｐａｌ．ｃｏｍ", "paypal.com"),
            ("pay\u{AD}pal.com", "paypal.com"),
            ("bücher.de", "xn--bcher-kva.de"),
            ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
            ("москва.рф", "xn--80adxhks.xn--p1ai"),
        ];
        for (host, ascii) in cases {
            assert_eq!(to_ascii(host).as_deref(), Some(ascii), "{host}");
        }
        for spoofed in ["\u{202E}moc.lapyap", "pay\u{200F}pal.com", "\u{2067}paypal.com\u{2069}"] {
            assert_eq!(
                to_ascii(spoofed),
                None,
                "{spoofed:?}: a direction control is no part of a host name"
            );
        }
    }

    /// Against full UTS #46 on every host in the test tables and the Public Suffix List's own
    /// tests: the same ASCII wherever UTS #46 accepts the name.
    #[test]
    fn agrees_with_full_uts46() {
        let hosts_table = include_str!("../tests/data/hosts.tsv");
        let psl_tests = include_str!("../tests/data/public_suffix_tests.txt");
        let hosts = hosts_table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .filter(|h| !h.contains(['/', ':', '@', ' ']))
            .chain(
                psl_tests
                    .lines()
                    .filter_map(|l| l.strip_prefix("checkPublicSuffix('")?.split('\'').next()),
            )
            .chain([
                "Ｇｏｏｇｌｅ．ｃｏｍ",
                "xn--pypal-4ve.com",
                "ÀLIEXPRESS.com",
                "straße.de",
                "ПРИМЕР.РФ",
                "ᏴᎬᎪᎡ.com",
                "ρaypal.com",
                "paypal。com",
            ]);
        let mut compared = 0;
        for host in hosts {
            let Ok(reference) = uts46::domain_to_ascii(host) else { continue };
            assert_eq!(to_ascii(host).as_deref(), Some(reference.as_str()), "{host}");
            compared += 1;
        }
        assert!(compared > 100, "only {compared} hosts compared");
    }
}
