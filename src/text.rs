//! Reading text the way scammers write it: finding the links in a message (also when they
//! are "defanged" as `hxxp://` or `example[.]com`), and folding the tricks that dodge word
//! filters — zero-width and direction characters, look-alike letters (`P@yPaI`), leetspeak
//! (`Western Uni0n`), letters spaced out (`W.e.s.t.e.r.n`) — into plain lowercase words.

use crate::confusables::lookalike_of;

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

/// The links and bare host names in `text`, in order, without duplicates.
pub(crate) fn find_links(text: &str) -> Vec<FoundLink> {
    let mut found: Vec<FoundLink> = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | '`' | '|' | '{' | '}')) {
        let written = raw.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '!' | '?' | '*' | '.' | ':' | '…' | '«' | '»' | '“' | '”'));
        if written.len() < 4 || written.len() > crate::host::MAX_URL_LEN {
            continue;
        }
        let link = undefang(written);
        if !looks_like_link(&link) || found.iter().any(|f| f.link == link) {
            continue;
        }
        found.push(FoundLink { written: written.to_string(), link });
        if found.len() == MAX_LINKS {
            break;
        }
    }
    found
}

/// `hxxps://evil[.]example` → `https://evil.example`.
fn undefang(word: &str) -> String {
    let mut link = word.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[:]", ":");
    for (fanged, plain) in [("hxxps://", "https://"), ("hxxp://", "http://"), ("hXXps://", "https://"), ("hXXp://", "http://")] {
        if let Some(rest) = link.strip_prefix(fanged) {
            link = format!("{plain}{rest}");
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
    let plausible_tld = (2..=24).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase()) || tld.starts_with("xn--");
    let labels_ok = host.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    plausible_tld && labels_ok && crate::suffix::registrable_len(&idna_ascii(host)).is_some()
}

fn idna_ascii(host: &str) -> String {
    if host.is_ascii() {
        host.to_string()
    } else {
        idna::domain_to_ascii(host).unwrap_or_default()
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
        let start = self.origin.get(range.start).copied().unwrap_or(0) as usize;
        let last = self.origin.get(range.end.saturating_sub(1)).copied().unwrap_or(0) as usize;
        let end = original[last..].chars().next().map_or(last, |c| last + c.len_utf8());
        original.get(start..end.max(start)).unwrap_or("")
    }
}

/// Folds `text` (already cut to [`MAX_TEXT_BYTES`]): letters lowercased and look-alikes mapped
/// to ASCII (`а` → `a`, `é` → `e`, `@` → `a`, `0` → `o` inside words), invisible characters
/// dropped, runs of single letters joined (`W.e.s.t.e.r.n` → `western`), everything else a
/// single space.
pub(crate) fn fold(text: &str) -> Folded {
    let mut out = Folded { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
    let chars: Vec<(usize, char)> = text.char_indices().filter(|&(_, c)| !is_invisible(c)).collect();
    let lettered = words_with_letters(&chars);
    let mut at = 0;
    while at < chars.len() {
        let (offset, c) = chars[at];
        // Spaced-out letters: a letter, a separator, a letter, ... at least four letters long.
        if let Some(end) = spaced_run_end(&chars, at) {
            push_space(&mut out, offset);
            for &(o, letter) in chars[at..end].iter().step_by(2) {
                push_folded(&mut out, letter, o, true);
            }
            at = end;
            continue;
        }
        if is_wordish(Some(c)) {
            push_folded(&mut out, c, offset, lettered[at]);
        } else {
            push_space(&mut out, offset);
        }
        at += 1;
    }
    while out.text.ends_with(' ') {
        out.text.pop();
        out.origin.pop();
    }
    out
}

/// For each character, whether the word it belongs to has a letter in it: only such words
/// read digits and symbols as letters (`Uni0n`), so `$500` stays a number.
fn words_with_letters(chars: &[(usize, char)]) -> Vec<bool> {
    let mut lettered = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        let end = (start..chars.len()).find(|&i| !is_wordish(Some(chars[i].1))).unwrap_or(chars.len());
        let has_letter = chars[start..end].iter().any(|&(_, c)| c.is_alphabetic());
        lettered[start..end].iter_mut().for_each(|l| *l = has_letter);
        start = end + 1;
    }
    lettered
}

fn prev(chars: &[(usize, char)], at: usize) -> Option<char> {
    at.checked_sub(1).map(|p| chars[p].1)
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
        out.origin.extend(std::iter::repeat(offset as u32).take(s.len()));
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

/// Part of a word: letters, digits, and the symbols that stand in for letters.
fn is_wordish(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '@' | '$'))
}

/// Zero-width and direction-control characters: invisible, and used to split words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}')
}

/// The end of a run like `W.e.s.t.e.r.n` or `W E S T E R N` starting at `at`: single letters
/// separated by the same one of `.`, `-`, `_` or space, at least four letters; `None` if none.
fn spaced_run_end(chars: &[(usize, char)], at: usize) -> Option<usize> {
    let single_letter = |i: usize| chars.get(i).is_some_and(|&(_, c)| c.is_alphabetic());
    if !single_letter(at) || is_wordish(prev(chars, at)) {
        return None;
    }
    // One separator throughout: `W.e.s.t.e.r.n U-n-i-o-n` is two runs, not one.
    let separator = chars.get(at + 1).map(|&(_, c)| c).filter(|c| matches!(c, '.' | '-' | '_' | ' '))?;
    let mut end = at + 1;
    let mut letters = 1;
    while chars.get(end).is_some_and(|&(_, c)| c == separator) && single_letter(end + 1) && !is_wordish(chars.get(end + 2).map(|&(_, c)| c)) {
        end += 2;
        letters += 1;
    }
    (letters >= 4).then_some(end)
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
            ["https://dhl-customs.info/pay?id=3", "www.example.com", "aliexpress-refund.top", "http://paypal.com@evil.example/"],
            "{text}"
        );
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
        assert_eq!(fold("Send 24 Hours").text, "send 24 hours", "numbers outside words stay numbers");
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
}
