//! Reading text the way scammers write it: finding the links in a message (also when they
//! are "defanged" as `hxxp://` or `example[.]com`), and folding the tricks that dodge word
//! filters — zero-width and direction characters, look-alike letters (`P@yPaI`), leetspeak
//! (`Western Uni0n`), letters spaced out (`W.e.s.t.e.r.n`) — into plain lowercase words.

use std::borrow::Cow;

use crate::confusables::lookalike_of;
use crate::lists;

/// Longest text judged; past it the text is cut (the verdict says so).
pub(crate) const MAX_TEXT_BYTES: usize = 200 * 1024;
/// At most this many links of one text are judged.
pub(crate) const MAX_LINKS: usize = 64;

/// A link found in a text, as written and as it will be judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundLink {
    /// The text as it stood in the message.
    pub written: String,
    /// With defanging undone (`hxxp` → `http`, `[.]` → `.`).
    pub link: String,
}

/// The links and bare host names in `text`, in order, without duplicates; at most
/// [`MAX_LINKS`] and one more, which tells the caller that the rest was cut.
pub(crate) fn find_links(text: &str) -> Vec<FoundLink> {
    let mut found: Vec<FoundLink> = Vec::new();
    for raw in marked_words(text) {
        if !raw.contains(['.', ':']) && !raw.contains("[dot]") {
            continue;
        }
        // A link glued to the word before it (`Click:http://…`, `experiencehttp://…`,
        // `update:parcel-fee.top`, `请登录boc-verify.cc`).
        let raw = match raw.find("http") {
            Some(at) if at > 0 => &raw[at..],
            _ => glued_tail(raw).unwrap_or(raw),
        };
        let written = raw.trim_matches(|c: char| {
            matches!(
                c,
                '(' | ')' | ',' | ';' | '!' | '?' | '*' | '.' | ':' | '…' | '«' | '»' | '“' | '”'
            )
        });
        if written.len() < 4 || written.len() > crate::host::MAX_URL_LEN {
            continue;
        }
        let link = undefang(written);
        if !looks_like_link(&link) || found.iter().any(|f| f.link == link) {
            continue;
        }
        found.push(FoundLink { written: written.to_string(), link: link.into_owned() });
        if found.len() > MAX_LINKS {
            break;
        }
    }
    found
}

/// The address inside a word that glues it to the words around it: between characters of a
/// script written without spaces, or after a colon that starts no `//` (`更新:cn-post.top`,
/// `请登录boc-verify.cc解除`, `it:parcel.top`), when that part reads as an address itself.
fn glued_tail(raw: &str) -> Option<&str> {
    let reads_as_link = |part: &&str| {
        part.contains('.')
            && looks_like_link(part.trim_matches(['.', ',', ';', '!', '?', '(', ')']))
    };
    let after_colon =
        raw.rfind(':').map(|at| &raw[at + 1..]).filter(|tail| !tail.starts_with("//"));
    let between_script =
        || raw.split(|c: char| !c.is_ascii()).filter(|part| part.len() < raw.len());
    after_colon.filter(reads_as_link).or_else(|| {
        between_script().map(|part| part.rsplit(':').next().unwrap_or(part)).find(reads_as_link)
    })
}

/// The words of `text` (split at white space and at `<>"'`|{}`) that hold a `.`, `:` or
/// `[`: every link has a dot or a colon (`[.]` and `[dot]` included), most words have
/// neither, so the text is searched for those bytes and only the words around them are cut out.
fn marked_words(text: &str) -> impl Iterator<Item = &str> {
    let separator =
        |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '|' | '{' | '}');
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mark = at + bytes.get(at..)?.iter().position(|b| matches!(b, b'.' | b':' | b'['))?;
        let start = text[..mark]
            .char_indices()
            .rev()
            .find(|&(_, c)| separator(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[mark..]
            .char_indices()
            .find(|&(_, c)| separator(c))
            .map_or(text.len(), |(i, _)| mark + i);
        at = end;
        Some(&text[start..end])
    })
}

/// `hxxps://evil[.]example` → `https://evil.example`.
fn undefang(word: &str) -> Cow<'_, str> {
    let mut link = Cow::Borrowed(word);
    if word.contains(['[', '(']) {
        link = Cow::Owned(
            word.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[:]", ":"),
        );
    }
    if !link.starts_with(['h', 'H']) {
        return link; // no scheme to repair: most words of a text
    }
    // Defanged, or mistyped so that filters miss it while phones still open it.
    for (fanged, plain) in [
        ("hxxps://", "https://"),
        ("hxxp://", "http://"),
        ("hXXps://", "https://"),
        ("hXXp://", "http://"),
        ("https//", "https://"),
        ("http//", "http://"),
    ] {
        if let Some(rest) = link.strip_prefix(fanged) {
            link = Cow::Owned(format!("{plain}{rest}"));
        }
    }
    for scheme in ["https:/", "http:/"] {
        if let Some(rest) = link.strip_prefix(scheme).filter(|rest| !rest.starts_with('/')) {
            link = Cow::Owned(format!("{scheme}/{rest}"));
            break;
        }
    }
    // `http/evil.example/…` (but not `HTTP/1.1` or `HTTP/2`: a name must follow).
    for scheme in ["https", "http"] {
        if let Some(rest) = link
            .strip_prefix(scheme)
            .and_then(|rest| rest.strip_prefix('/'))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        {
            link = Cow::Owned(format!("{scheme}://{rest}"));
            break;
        }
    }
    link
}

/// A URL with a scheme we judge, `www.`-something, or a bare host name whose last label is a
/// plausible top-level domain (letters only, 2 to 24 of them) — so `e.g.` and `3.5` are not links.
fn looks_like_link(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    if ["http://", "https://", "www."].iter().any(|p| lower.starts_with(p)) {
        return lower.len() > 8;
    }
    if lower.starts_with("javascript:") || lower.starts_with("data:") {
        return true;
    }
    let host = lower.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    if host.contains('@') || !host.contains('.') || host.starts_with('.') || host.contains("..") {
        return false;
    }
    let Some(tld) = host.rsplit('.').next() else { return false };
    let plausible_tld = (2..=24).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        || tld.starts_with("xn--");
    let labels_ok = host
        .split('.')
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    plausible_tld && labels_ok && crate::suffix::registrable_len(&idna_ascii(host)).is_some()
}

fn idna_ascii(host: &str) -> String {
    if host.is_ascii() {
        host.to_string()
    } else {
        crate::idn::to_ascii(host).unwrap_or_default()
    }
}

/// Plain lowercase words separated by single spaces, with the writing tricks folded away.
/// Each word keeps a map back to where it stood in the original text, for evidence.
pub(crate) struct Folded {
    pub text: String,
    /// For each byte of `text`, the byte offset in the original it came from.
    origin: Vec<u32>,
}

impl Folded {
    /// The original text behind `range` of the folded text.
    pub fn original<'t>(&self, original: &'t str, range: std::ops::Range<usize>) -> &'t str {
        original.get(self.original_range(original, range)).unwrap_or("")
    }

    /// The byte range in the original behind `range` of the folded text.
    pub fn original_range(
        &self,
        original: &str,
        range: std::ops::Range<usize>,
    ) -> std::ops::Range<usize> {
        let start = self.origin.get(range.start).copied().unwrap_or(0) as usize;
        let last = self.origin.get(range.end.saturating_sub(1)).copied().unwrap_or(0) as usize;
        let end = original
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .map_or(last, |c| last + c.len_utf8());
        start..end.max(start)
    }
}

/// Folds `text` (already cut to [`MAX_TEXT_BYTES`]): letters lowercased and look-alikes mapped
/// to ASCII (`а` → `a`, `é` → `e`, `@` → `a`, `0` → `o` inside words), invisible characters
/// dropped, runs of single letters joined (`W.e.s.t.e.r.n` → `western`), everything else a
/// single space.
pub(crate) fn fold(text: &str) -> Folded {
    let mut out =
        Folded { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
    let chars = classify(text);
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].wordish {
            push_space(&mut out, chars[at].offset);
            at += 1;
            continue;
        }
        let end = chars[at..].iter().position(|ch| !ch.wordish).map_or(chars.len(), |n| at + n);
        // Spaced-out letters: a letter, a separator, a letter, ... at least four letters long.
        if end == at + 1 {
            if let Some(run_end) = spaced_run_end(&chars, at) {
                push_space(&mut out, chars[at].offset);
                for letter in chars[at..run_end].iter().step_by(2) {
                    push_folded(&mut out, letter.c, letter.offset, true);
                }
                at = run_end;
                continue;
            }
        }
        // Digits and symbols read as letters only in a word that has letters (`Uni0n`), so
        // `$500` stays a number.
        let lettered = chars[at..end].iter().any(|ch| ch.alphabetic);
        for ch in &chars[at..end] {
            if ch.c.is_ascii_alphabetic() {
                out.text.push(crate::skeleton::fold_ascii(ch.c));
                out.origin.push(ch.offset as u32);
            } else {
                push_folded(&mut out, ch.c, ch.offset, lettered);
            }
        }
        at = end;
    }
    while out.text.ends_with(' ') {
        out.text.pop();
        out.origin.pop();
    }
    out
}

/// A character of the text being folded, classified once.
#[derive(Clone, Copy)]
struct Char {
    offset: usize,
    c: char,
    /// A letter of any script.
    alphabetic: bool,
    /// Part of a word: letters, digits, and the symbols that stand in for letters.
    wordish: bool,
}

/// The visible characters of `text`, classified; ASCII without decoding.
fn classify(text: &str) -> Vec<Char> {
    let bytes = text.as_bytes();
    let mut chars = Vec::with_capacity(text.len());
    let mut offset = 0;
    while let Some(&b) = bytes.get(offset) {
        if b.is_ascii() {
            let alphabetic = b.is_ascii_alphabetic();
            chars.push(Char {
                offset,
                c: char::from(b),
                alphabetic,
                wordish: alphabetic || b.is_ascii_digit() || matches!(b, b'@' | b'$'),
            });
            offset += 1;
            continue;
        }
        let Some(c) = text[offset..].chars().next() else { break };
        if !is_invisible(c) {
            chars.push(Char::new(offset, c));
        }
        offset += c.len_utf8();
    }
    chars
}

impl Char {
    fn new(offset: usize, c: char) -> Self {
        // Latin-1 and Cyrillic letters without the Unicode tables' search: most non-ASCII text.
        let alphabetic = c.is_ascii_alphabetic()
            || matches!(c, 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'Ѐ'..='ҁ')
            || (!c.is_ascii() && c.is_alphabetic());
        Self {
            offset,
            c,
            alphabetic,
            wordish: alphabetic || c.is_numeric() || matches!(c, '@' | '$'),
        }
    }
}

fn push_space(out: &mut Folded, offset: usize) {
    if !out.text.is_empty() && !out.text.ends_with(' ') {
        out.text.push(' ');
        out.origin.push(offset as u32);
    }
}

/// Pushes `c` folded; digits and symbols become letters only in a word that has letters
/// (`Uni0n`), so `$500` and `24 hours` keep their numbers.
fn push_folded(out: &mut Folded, c: char, offset: usize, in_word: bool) {
    let mut push = |s: &str| {
        out.text.push_str(s);
        out.origin.resize(out.text.len(), offset as u32);
    };
    match c {
        // Letters fold as in host skeletons (I and i pass for l); cue lists are folded by this
        // same function, so both sides agree.
        'A'..='Z' | 'a'..='z' => push(crate::skeleton::fold_ascii(c).encode_utf8(&mut [0; 4])),
        '0'..='9' if !in_word => push(c.encode_utf8(&mut [0; 4])),
        '$' | '@' if !in_word => {}
        '0' => push("o"),
        '1' | '!' | '|' => push("l"),
        '3' => push("e"),
        '4' | '@' => push("a"),
        '5' | '$' => push("s"),
        '7' => push("t"),
        '2' | '6' | '8' | '9' => push(c.encode_utf8(&mut [0; 4])),
        c if c.is_ascii() => {}
        // Lowercase first, so `Т` and `т` fold alike; then look-alikes become ASCII. Letters of
        // other scripts stay as they are: Russian cues are matched in Cyrillic too.
        c => {
            for lower in c.to_lowercase() {
                match lookalike_of(lower) {
                    Some(ascii) => push(ascii),
                    None if lower.is_alphabetic() => push(lower.encode_utf8(&mut [0; 4])),
                    None => {}
                }
            }
        }
    }
}

/// Zero-width and direction-control characters: invisible, and used to split words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}')
}

/// The end of a run like `W.e.s.t.e.r.n` or `W E S T E R N` starting at `at`: single letters
/// separated by the same one of `.`, `-`, `_` or space, at least four letters; `None` if none.
fn spaced_run_end(chars: &[Char], at: usize) -> Option<usize> {
    let single_letter = |i: usize| chars.get(i).is_some_and(|ch| ch.alphabetic);
    let wordish = |i: usize| chars.get(i).is_some_and(|ch| ch.wordish);
    if !single_letter(at) || at.checked_sub(1).is_some_and(wordish) {
        return None;
    }
    // One separator throughout: `W.e.s.t.e.r.n U-n-i-o-n` is two runs, not one.
    let separator =
        chars.get(at + 1).map(|ch| ch.c).filter(|c| matches!(c, '.' | '-' | '_' | ' '))?;
    let mut end = at + 1;
    let mut letters = 1;
    while chars.get(end).is_some_and(|ch| ch.c == separator)
        && single_letter(end + 1)
        && !wordish(end + 2)
    {
        end += 2;
        letters += 1;
    }
    (letters >= 4).then_some(end)
}

/// A sum of money written in a text (`$8`, `£1.99`, `1,99 €`, `R$ 30`, `500 руб`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Amount {
    /// Roughly in US dollars, for thresholds only ("a fee under $5", "$4 a terabyte").
    pub usd: f64,
    /// Byte range in the original text, currency included.
    pub range: std::ops::Range<usize>,
}

/// The sums of money in `text`: a number with a currency sign or word right before or after.
pub(crate) fn find_amounts(text: &str) -> Vec<Amount> {
    let bytes = text.as_bytes();
    let mut amounts = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let starts_number = bytes[at].is_ascii_digit()
            && (at == 0
                || !(bytes[at - 1].is_ascii_alphanumeric()
                    || matches!(bytes[at - 1], b'.' | b',')));
        if !starts_number {
            at += 1;
            continue;
        }
        let end = number_end(bytes, at);
        let number = &text[at..end];
        let currency = currency_ending_at(text, at).or_else(|| currency_starting_at(text, end));
        if let (Some((rate, range)), Some(value)) = (currency, parse_number(number)) {
            amounts
                .push(Amount { usd: value * rate, range: range.start.min(at)..range.end.max(end) });
        }
        at = end.max(at + 1);
    }
    amounts
}

/// Where the number that starts at `start` ends: digits, with `.` or `,` between digits
/// (`1,299.00`).
pub(crate) fn number_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || (matches!(bytes[end], b'.' | b',')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    end
}

/// `1,999.00`, `1.999,00`, `1,99`, `8`: the last separator followed by exactly two digits
/// (or one) is the decimal point, the others group thousands.
fn parse_number(number: &str) -> Option<f64> {
    if number.len() > 15 {
        return None;
    }
    let decimal = number.rfind(['.', ',']).filter(|&at| number.len() - at - 1 <= 2);
    let (whole, fraction) = decimal.map_or((number, ""), |at| (&number[..at], &number[at + 1..]));
    parse_decimal(whole, fraction)
}

/// `whole` (digits, maybe with grouping separators) and `fraction` (digits) as a number,
/// without the float parser (its tables cost kilobytes of WebAssembly).
pub(crate) fn parse_decimal(whole: &str, fraction: &str) -> Option<f64> {
    let digits = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .try_fold(0u64, |n, b| n.checked_mul(10)?.checked_add(u64::from(b - b'0')))
    };
    let scale = 10u64.checked_pow(fraction.len() as u32)?;
    Some(digits(whole)? as f64 + digits(fraction)? as f64 / scale as f64)
}

/// A currency sign or word that ends at `end` (one space allowed between): its rate and range.
fn currency_ending_at(text: &str, end: usize) -> Option<(f64, std::ops::Range<usize>)> {
    let before = text[..end].strip_suffix(' ').unwrap_or(&text[..end]);
    lists::CURRENCIES.iter().find_map(|&(sign, rate)| {
        let start = strip_suffix_lowercase(before, sign)?;
        let alphabetic = sign.starts_with(|c: char| c.is_alphabetic());
        let starts_word = !alphabetic || !before[..start].ends_with(|c: char| c.is_alphanumeric());
        starts_word.then_some((rate, start..end))
    })
}

/// Where `sign` (lowercase) starts at the end of `text`, ignoring case.
fn strip_suffix_lowercase(text: &str, sign: &str) -> Option<usize> {
    let mut chars = text.char_indices().rev();
    let mut start = text.len();
    for want in sign.chars().rev() {
        let (at, c) = chars.next()?;
        if c != want && !c.to_lowercase().eq([want]) {
            return None;
        }
        start = at;
    }
    Some(start)
}

/// Where `sign` (lowercase) ends at the start of `text`, ignoring case.
fn strip_prefix_lowercase(text: &str, sign: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    let mut end = 0;
    for want in sign.chars() {
        let (at, c) = chars.next()?;
        if c != want && !c.to_lowercase().eq([want]) {
            return None;
        }
        end = at + c.len_utf8();
    }
    Some(end)
}

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

/// A currency sign or word that starts at `start` (one space allowed between).
fn currency_starting_at(text: &str, start: usize) -> Option<(f64, std::ops::Range<usize>)> {
    let skip = usize::from(text[start..].starts_with(' '));
    let after = &text[start + skip..];
    lists::CURRENCIES.iter().find_map(|&(sign, rate)| {
        let len = strip_prefix_lowercase(after, sign)?;
        let ends_word = !sign.starts_with(|c: char| c.is_alphabetic())
            || !after[len..].starts_with(|c: char| c.is_alphabetic());
        ends_word.then(|| (rate, start..start + skip + len))
    })
}

/// A telephone number written in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phone {
    pub range: std::ops::Range<usize>,
    /// A premium-rate number: UK 09… and 087… (service-charge numbers) and 070… ("personal numbers", charged like premium ones), 0900 (Germany, Austria, Switzerland, the Netherlands),
    /// France 089…, Spain 803/806/807/905.
    pub premium: bool,
    /// A word like "call" or "tel" stands just before it: the text asks the reader to call.
    pub called: bool,
}

/// Whether a word that introduces a telephone number ("call", "ph", "tel", "dial") stands
/// in the few characters before `at`.
fn after_call_word(text: &str, at: usize) -> bool {
    let before = text[floor_boundary(text, at.saturating_sub(16))..at].to_lowercase();
    // "representative on 7679046492", "I'm on 0709…": "on" as the last word before the number.
    let last_word =
        before.trim_end_matches([' ', ':', '-']).rsplit([' ', '\n']).next().unwrap_or("");
    last_word == "on" || lists::CALL_WORDS.iter().any(|word| before.contains(word))
}

/// Whether the letters of `text` are mostly of the scripts of the countries whose premium-rate
/// plans [`find_phones`] knows (Latin, Cyrillic, Greek). A national number is read by its
/// country's plan, and the text's script says which countries are in question: in a Thai or
/// Chinese text `089…` and `0900…` are mobile numbers, not French or German premium lines.
fn written_in_european_script(text: &str) -> bool {
    let (mut european, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            'a'..='z' | 'A'..='Z' | '\u{c0}'..='\u{24f}' | '\u{370}'..='\u{52f}' => european += 1,
            _ => other += 1,
        }
    }
    european >= other
}

/// The telephone numbers in `text`: runs of digits, spaces, dashes, dots, brackets and a
/// leading `+` holding 9 to 15 digits.
pub(crate) fn find_phones(text: &str) -> Vec<Phone> {
    let bytes = text.as_bytes();
    let mut european = None;
    let mut phones = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        // A letter may touch the number ("call09050000337"), a digit may not (it is inside a longer number).
        let starts = (bytes[at].is_ascii_digit() || bytes[at] == b'+' || bytes[at] == b'(')
            && (at == 0 || !bytes[at - 1].is_ascii_digit());
        if !starts {
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (matches!(bytes[end], b' ' | b'-' | b'.' | b'(' | b')')
                    && bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit() || *b == b'(')))
        {
            end += 1;
        }
        let digit_count = bytes[at..end].iter().filter(|b| b.is_ascii_digit()).count();
        let ends_word = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        // A bare run of digits is as often an order or tracking number: it counts as a phone
        // number when written like one (`+`, a leading 0, separators) or after a word like "call".
        let written_as_phone = || {
            matches!(bytes[at], b'+' | b'0' | b'(')
                || text[at..end].contains([' ', '-', '.'])
                || after_call_word(text, at)
        };
        if (9..=15).contains(&digit_count) && ends_word && written_as_phone() {
            let digits: String =
                text[at..end].bytes().filter(u8::is_ascii_digit).map(char::from).collect();
            // (A UK number with its leading 0 has 11 digits; ten digits from 09 are a mobile
            // number in Taiwan, Thailand or the Philippines.)
            let premium = ((digits.starts_with("09") || digits.starts_with("087"))
                && digits.len() == 11)
                || (digits.starts_with("070") && digits.len() == 11)
                || ((digits.starts_with("0900")
                    || (digits.starts_with("089") && digits.len() == 10)
                    || (digits.len() == 9
                        && ["803", "806", "807", "905"].iter().any(|p| digits.starts_with(p))))
                    && *european.get_or_insert_with(|| written_in_european_script(text)));
            phones.push(Phone { range: at..end, premium, called: after_call_word(text, at) });
        }
        at = end;
    }
    phones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_as_people_write_them() {
        let text = "Your parcel is held: pay at hxxps://dhl-customs[.]info/pay?id=3 or visit www.example.com. \
                    See aliexpress-refund.top, e.g. version 3.5, mail me@x.com (or http://paypal.com@evil.example/).";
        let links: Vec<String> = find_links(text).into_iter().map(|f| f.link).collect();
        assert_eq!(
            links,
            [
                "https://dhl-customs.info/pay?id=3",
                "www.example.com",
                "aliexpress-refund.top",
                "http://paypal.com@evil.example/"
            ],
            "{text}"
        );
        let text = "Log in via http:/95.141.32.7:81/default.aspx or Click:http://23.254.215.52 or http//tms.example.com/x or http/aetacms.com/.cas";
        let links: Vec<String> = find_links(text).into_iter().map(|f| f.link).collect();
        assert_eq!(
            links,
            [
                "http://95.141.32.7:81/default.aspx",
                "http://23.254.215.52",
                "http://tms.example.com/x",
                "http://aetacms.com/.cas"
            ],
            "{text}"
        );
        assert!(find_links("It speaks HTTP/1.1 and HTTP/2 over TLS 1.3.").is_empty());
        // A link without a dot, words around it in other scripts and non-breaking spaces, quotes.
        let text = "Оплатите на evil[dot]com\u{a0}сегодня, «paypal-login.top» или \"hxxp://x[.]example/a\".";
        let links: Vec<String> = find_links(text).into_iter().map(|f| f.link).collect();
        assert_eq!(links, ["evil.com", "paypal-login.top", "http://x.example/a"], "{text}");
    }

    #[test]
    fn folds_writing_tricks() {
        let cases = [
            ("Pay by Western Uni0n!", "pay by western union"),
            ("W.e.s.t.e.r.n U-n-i-o-n", "western union"),
            ("P@yPaI", "paypal"),
            ("pay\u{200B}pal", "paypal"),
            ("ОПЛАТА Переводом", "оплата переводом"),
            ("send $500 within 24 hours", "send 500 within 24 hours"),
            ("  gift   card ", "gift card"),
        ];
        for (tricky, plain) in cases {
            assert_eq!(fold(tricky).text, fold(plain).text, "{tricky:?} should read as {plain:?}");
        }
        assert_eq!(
            fold("Send 24 Hours").text,
            "send 24 hours",
            "numbers outside words stay numbers"
        );
        assert_eq!(fold("Gift card").text, "glft card", "i folds to l, as in host skeletons");
    }

    #[test]
    fn maps_folded_text_back_to_the_original() {
        let text = "Send via W.e.s.t.e.r.n Union now";
        let folded = fold(text);
        let needle = fold("western union").text;
        let at = folded.text.find(&needle).expect("the folded phrase");
        assert_eq!(folded.original(text, at..at + needle.len()), "W.e.s.t.e.r.n Union");
    }

    #[test]
    fn reads_sums_of_money() {
        let cases: [(&str, &[f64]); 9] = [
            ("Pay $8 now", &[8.0]),
            ("a fee of £1.99 today", &[2.53]),
            ("Frais: 1,99 € à régler", &[2.15]),
            ("R$ 30,00 no pix", &[5.4]),
            ("оплатите 150 руб.", &[1.65]),
            ("only 12.50 EUR, was 1,299.00 EUR", &[13.5, 1402.92]),
            ("ОПЛАТИТЕ 150 РУБ", &[1.65]),
            ("I have 3 cats and 24 hours", &[]),
            ("order 4500 shipped", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<f64> =
                find_amounts(text).iter().map(|a| (a.usd * 100.0).round() / 100.0).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn finds_links_glued_to_the_words_around_them() {
        let links =
            |text: &str| find_links(text).into_iter().map(|l| l.written).collect::<Vec<_>>();
        assert_eq!(links("请在24小时内更新:cn-post-update.top"), ["cn-post-update.top"]);
        assert_eq!(links("请登录boc-verify.cc解除"), ["boc-verify.cc"]);
        assert_eq!(links("update it:parcel-fee.top now"), ["parcel-fee.top"]);
        assert_eq!(links("see https://example.com:8443/x"), ["https://example.com:8443/x"]);
        assert!(links("Meeting time:10.30 in room 4").is_empty());
    }

    #[test]
    fn finds_phone_numbers() {
        let numbers = |text: &str| {
            find_phones(text)
                .into_iter()
                .map(|p| (text[p.range].to_string(), p.premium))
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers("Call 09061701461 to claim"), [("09061701461".to_string(), true)]);
        assert_eq!(
            numbers("ring 0345 734 5345 or +44 (0)20 7946 0958"),
            [("0345 734 5345".to_string(), false), ("+44 (0)20 7946 0958".to_string(), false)]
        );
        assert!(numbers("code 481516, order 4500, 24 hours").is_empty());
        // A national number is read by the plan of the country the text is written for.
        assert_eq!(numbers("Appelez le 0899 123 456"), [("0899 123 456".to_string(), true)]);
        assert_eq!(
            numbers("0895704309 ได้โทรหาคุณ 1 ครั้งเมื่อ 26/07/22 เวลา 08:09 น."),
            [("0895704309".to_string(), false)]
        );
        assert_eq!(numbers("請致電 0900123456 查詢"), [("0900123456".to_string(), false)]);
        assert_eq!(numbers("Call 09061701461 now 謝謝"), [("09061701461".to_string(), true)]);
    }
}
