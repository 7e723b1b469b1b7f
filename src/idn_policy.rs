//! Whether a browser shows an international label as it is written, or as `xn--` code: a
//! label Chrome refuses to show is one no real site picked to be read, so it is at least
//! caution, whatever it imitates.
//!
//! The rules follow Chromium's IDN spoof checker (`idn_spoof_checker.cc`), written anew over
//! our own tables: UTS #39's "highly restrictive" profile (one script a label, or Latin with
//! the scripts of Japanese, Chinese or Korean writing) over the characters browsers show
//! (src/confusables.rs's script table), and Chrome's rules for what that profile lets through:
//! labels written wholly in letters that pass for Latin ones, digits and digit look-alikes,
//! accented Latin letters beside another script, kana and Han characters out of Japanese or
//! Chinese text, and combining marks on characters that never take them. The characters and
//! letter sets the rules name are data (data/idn_policy.txt).
//!
//! Cost: only labels that are not ASCII come here (a few in a thousand hosts); each character
//! is looked up once in the script table (a binary search over 42 samples, then at most 8
//! runs), and the label's characters are held on the stack (a label has at most 63 bytes of
//! punycode, so fewer than [`MAX_LABEL_CHARS`] characters; the rest of a longer one, which no
//! DNS name has, is not read).

use crate::confusables::{lookalike_in_host, Script, Scripts};

mod sets {
    use crate::confusables::Script;
    include!(concat!(env!("OUT_DIR"), "/idn_policy.rs"));
}

/// More combining marks than this on one letter are refused: no language stacks more (a
/// Vietnamese letter carries two), and a pile of them hides the letter underneath.
const MAX_MARKS_ON_A_LETTER: usize = 2;
/// A label written wholly in look-alike letters of another script is refused from this many
/// of them: a single letter among digits (`60บ`, sixty baht) passes for no Latin name.
const MIN_WHOLE_SCRIPT_LETTERS: usize = 2;
/// Characters of a label read; a label has at most 63 bytes of punycode, so fewer than this.
const MAX_LABEL_CHARS: usize = 64;

/// Why a browser would show a label as code, with the character or scripts that make it so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Letters of scripts no language writes together (`pаypal`: Latin and Cyrillic; Greek
    /// with Cyrillic; Latin with Hangul and kana).
    MixedScripts(Scripts),
    /// Accented Latin letters beside another script (`café東京`): Japanese, Chinese and
    /// Korean names mix in plain Latin letters only.
    AccentedLatin { accented: char, others: Scripts },
    /// Written wholly in letters of one script that all pass for Latin ones (`аррӏе`, `ττ`),
    /// outside the suffixes where that script's names are at home.
    WholeScript(Script),
    /// Digits and characters that pass for digits, nothing else (`੩੨`).
    Digits,
    /// A character that passes for a dot, or for a slash between two names.
    Dot(char),
    /// A character that passes for a hyphen.
    Hyphen(char),
    /// A combining mark on a character that never takes it, or marks stacked or doubled.
    Mark(char),
    /// A letter or sign out of its place, where it passes for another: `þ` outside Icelandic
    /// names, a kana mark outside Japanese text, a Han character beside Latin letters.
    OutOfPlace(char),
    /// A character browsers do not show in a host name (symbols, emoji, punctuation,
    /// invisible joiners, letters of historic scripts).
    NotShown(char),
}

/// Why `label` (one label of a host, in Unicode) would not be shown as it is, if it would not;
/// `tld` is the host's last label in ASCII (`com`, `xn--p1ai`).
pub(crate) fn refusal(label: &str, tld: &str) -> Option<Refusal> {
    if label.is_ascii() {
        return None;
    }
    let mut read = [('\0', Script::NotShown); MAX_LABEL_CHARS];
    let mut len = 0;
    for (slot, c) in read.iter_mut().zip(label.chars()) {
        *slot = (c, Script::of(c));
        len += 1;
    }
    let chars = &read[..len];
    if let Some(&(c, _)) = chars.iter().find(|(_, script)| *script == Script::NotShown) {
        return Some(not_shown(c));
    }
    if let Some(accent) = hidden_composition(chars) {
        return Some(Refusal::Mark(accent));
    }
    if let Some(refusal) = letter_out_of_its_country(chars, tld) {
        return Some(refusal);
    }
    let scripts: Scripts = chars.iter().map(|&(_, script)| script).collect();
    if !is_highly_restrictive(scripts) {
        return Some(Refusal::MixedScripts(scripts));
    }
    let marked = chars.iter().any(|&(c, _)| is_diacritic(c));
    let kana_signs = chars.iter().any(|&(c, _)| is_kana_exception(c));
    let digits_only = is_digit_lookalike(chars);
    // One script, nothing Japanese to check and no marks: only whole-script look-alikes and
    // digit look-alikes remain (Chrome stops there too).
    if scripts.len() <= 1 && !marked && !kana_signs {
        if let Some(script) = whole_script_lookalike(label, chars, scripts, tld) {
            return Some(Refusal::WholeScript(script));
        }
        return digits_only.then_some(Refusal::Digits);
    }
    if digits_only {
        return Some(Refusal::Digits);
    }
    if scripts.contains(Script::Latin) && scripts.len() > 1 {
        // An accented letter, written as one character (`ė`) or as a letter and its accent
        // (`e\u{307}`): the same name either way.
        let accented = chars.iter().enumerate().find_map(|(at, &(c, script))| {
            let marked = chars
                .get(at + 1)
                .is_some_and(|&(mark, of)| of == Script::Inherited && is_diacritic(mark));
            (script == Script::Latin && (!c.is_ascii() || marked)).then_some(c)
        });
        if let Some(accented) = accented {
            let mut others = scripts;
            others.remove(Script::Latin);
            return Some(Refusal::AccentedLatin { accented, others });
        }
    }
    out_of_place(chars).or_else(|| misplaced_mark(chars))
}

/// The accent of a letter and one or two accents that a browser composes into a character it
/// does not show (`n\u{307}` is `ṅ`): the label is judged as the browser shows it.
fn hidden_composition(chars: &[(char, Script)]) -> Option<char> {
    const NO_ACCENT: u32 = 0xFF;
    let accent = |at: usize| {
        chars
            .get(at)
            .map(|&(c, _)| c as u32)
            .filter(|c| (0x300..0x3FF).contains(c))
            .map(|c| c - 0x300)
    };
    let is_hidden = |key: u32| sets::HIDDEN_COMPOSITIONS.binary_search(&key).is_ok();
    (0..chars.len()).find_map(|at| {
        let letter = chars[at].0 as u32;
        let first = accent(at + 1)?;
        let key = (letter << 16) | (first << 8);
        let second = accent(at + 2);
        let hidden = letter < 0x1_0000
            && (is_hidden(key | NO_ACCENT) || second.is_some_and(|second| is_hidden(key | second)));
        hidden.then(|| chars[at + 1].0)
    })
}

/// A character the script table leaves out, named by what it passes for.
fn not_shown(c: char) -> Refusal {
    match separator(c) {
        Some(refusal) => refusal,
        None if is_combining_mark(c) => Refusal::Mark(c),
        None => Refusal::NotShown(c),
    }
}

/// `Dot` or `Hyphen` for a character that passes for one.
fn separator(c: char) -> Option<Refusal> {
    if sets::DOT_LOOKALIKES.binary_search(&c).is_ok() {
        Some(Refusal::Dot(c))
    } else if sets::HYPHEN_LOOKALIKES.binary_search(&c).is_ok() {
        Some(Refusal::Hyphen(c))
    } else {
        None
    }
}

/// Whether `c` passes for a dot, a slash or a hyphen between two words of a name: where a
/// name may be read as split (`google丨com`, `google一com`).
pub(crate) fn is_separator_lookalike(c: char) -> bool {
    !c.is_ascii() && separator(c).is_some()
}

/// Whether `c` passes for a dot or a slash: where a name may be read as two labels.
pub(crate) fn is_dot_lookalike(c: char) -> bool {
    !c.is_ascii() && sets::DOT_LOOKALIKES.binary_search(&c).is_ok()
}

/// Whether `c` cannot be seen on its own, so evidence names it by its code point: a combining
/// mark, an invisible joiner or space.
pub(crate) fn is_unseen(c: char) -> bool {
    Script::of(c) == Script::Inherited
        || is_combining_mark(c)
        || c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Letters of one country's alphabet that pass for others elsewhere: thorn (þ, b or p) and eth
/// (ð, o) outside Icelandic and Faroese names, schwa (ə, a) outside Azerbaijani ones; and the
/// middle dot anywhere but between two l of a Catalan name (`col·legi.cat`).
fn letter_out_of_its_country(chars: &[(char, Script)], tld: &str) -> Option<Refusal> {
    let longer = chars.len() > 1;
    for (at, &(c, _)) in chars.iter().enumerate() {
        let refused = match c {
            'þ' | 'ð' => longer && !matches!(tld, "is" | "fo"),
            'ə' => longer && tld != "az",
            '·' => {
                let l_before = at > 0 && chars[at - 1].0 == 'l';
                let l_after = chars.get(at + 1).is_some_and(|&(next, _)| next == 'l');
                tld != "cat" || !(l_before && l_after)
            }
            _ => false,
        };
        if refused {
            return Some(if c == '·' { Refusal::Dot(c) } else { Refusal::OutOfPlace(c) });
        }
    }
    None
}

/// UTS #39's "highly restrictive" level: one script, or Latin with the scripts of one of
/// Japanese (Han, Hiragana, Katakana), Chinese (Han; its Bopomofo is not among the characters
/// browsers show) or Korean (Han, Hangul) writing.
fn is_highly_restrictive(scripts: Scripts) -> bool {
    use Script::{Han, Hangul, Hiragana, Katakana, Latin};
    scripts.len() <= 1
        || scripts.within(&[Latin, Han, Hiragana, Katakana])
        || scripts.within(&[Latin, Han, Hangul])
}

/// The script whose letters `label` is wholly written in, when they all pass for Latin ones
/// (data/idn_policy.txt [whole-script]) and `tld` is not one of that script's home suffixes
/// nor written in it (`аррӏе.com`, but not `аррӏе.рф`). Everyday words that pass for no Latin
/// word are left alone (`курс`).
fn whole_script_lookalike(
    label: &str,
    chars: &[(char, Script)],
    scripts: Scripts,
    tld: &str,
) -> Option<Script> {
    let script = scripts.iter().next()?;
    let &(_, letters, home) = sets::WHOLE_SCRIPT.iter().find(|(s, _, _)| *s == script)?;
    let mut written = chars.iter().filter(|&&(_, s)| s == script);
    let all_lookalikes = written.clone().all(|&(c, _)| letters.chars().any(|letter| letter == c));
    // One letter among digits reads as no name (`60บ`, sixty baht, in a Thai message).
    if written.nth(MIN_WHOLE_SCRIPT_LETTERS - 1).is_none()
        || !all_lookalikes
        || home.split(' ').any(|suffix| suffix == tld)
        || sets::WHOLE_SCRIPT_WORDS.split('\n').any(|word| word == label)
    {
        return None;
    }
    let tld_written_in_it = tld.starts_with("xn--")
        && idna::domain_to_unicode(tld).0.chars().any(|c| Script::of(c) == script);
    (!tld_written_in_it).then_some(script)
}

/// A label of digits and characters that pass for digits (`੩੨`), with one of the latter at
/// least.
fn is_digit_lookalike(chars: &[(char, Script)]) -> bool {
    let is_digit_lookalike = |c: char| {
        !c.is_ascii()
            && lookalike_in_host(c)
                .is_some_and(|ascii| ascii.bytes().all(|b| b.is_ascii_digit()) && !ascii.is_empty())
    };
    chars.iter().all(|&(c, _)| c.is_ascii_digit() || is_digit_lookalike(c))
        && chars.iter().any(|&(c, _)| is_digit_lookalike(c))
}

/// Kana and Han characters out of Japanese or Chinese text, where they pass for punctuation
/// or Latin letters (Chrome's "dangerous patterns"; the characters are data/idn_policy.txt's).
fn out_of_place(chars: &[(char, Script)]) -> Option<Refusal> {
    use Script::{Han, Hiragana, Katakana};
    let japanese = |script: Script| matches!(script, Han | Hiragana | Katakana);
    let refuse = |c: char| Some(separator(c).unwrap_or(Refusal::OutOfPlace(c)));
    let all_katakana_but =
        |at: usize| chars.iter().enumerate().all(|(i, &(_, script))| i == at || script == Katakana);
    let all_hiragana_but =
        |at: usize| chars.iter().enumerate().all(|(i, &(_, script))| i == at || script == Hiragana);
    for (at, &(c, _)) in chars.iter().enumerate() {
        let before = at.checked_sub(1).map(|i| chars[i]);
        let after = chars.get(at + 1).copied();
        let inside = before.is_some() && after.is_some();
        let refused = if sets::BETWEEN_JAPANESE_ONLY.binary_search(&c).is_ok() {
            // A slash-like kana between two characters that are not Japanese (`paypalノlogin`).
            before.is_some_and(|(_, s)| !japanese(s)) && after.is_some_and(|(_, s)| !japanese(s))
        } else if sets::BESIDE_CJK_ONLY.binary_search(&c).is_ok() {
            // `google一com`, `丁esla`: beside anything but Han or kana.
            before.is_some_and(|(_, s)| !japanese(s)) || after.is_some_and(|(_, s)| !japanese(s))
        } else {
            match c {
                // The iteration marks repeat the katakana before them.
                'ヽ' | 'ヾ' => before.is_none_or(|(_, s)| s != Katakana),
                // The prolonged sound mark lengthens the kana before it.
                'ー' => before.is_none_or(|(_, s)| !matches!(s, Katakana | Hiragana)),
                // The katakana middle dot beside a Latin letter passes for a dot.
                '・' => {
                    before.is_some_and(|(b, _)| b.is_ascii_lowercase())
                        || after.is_some_and(|(a, _)| a.is_ascii_lowercase())
                }
                // へべぺ and ヘベペ look the same in hiragana and katakana: one of the other kind
                // inside a label of the one is a swap no reader sees.
                'へ' | 'べ' | 'ぺ' => inside && all_katakana_but(at),
                'ヘ' | 'ベ' | 'ペ' => inside && all_hiragana_but(at),
                _ => false,
            }
        };
        if refused {
            return refuse(c);
        }
    }
    None
}

/// Combining marks where no language puts them: on a character that is not a Latin, Greek or
/// Cyrillic letter (a digit, a hyphen, a kana), a dot above on i, j, l or dotless ı (`i̇`
/// passes for `i`), the same mark twice on one letter, or more than
/// [`MAX_MARKS_ON_A_LETTER`]. (The combining kana voicing marks are among the characters no
/// browser shows.)
fn misplaced_mark(chars: &[(char, Script)]) -> Option<Refusal> {
    use Script::{Cyrillic, Greek, Inherited, Latin};
    let mut base: Option<char> = None;
    let mut base_script = Script::Common;
    let mut marks = ['\0'; MAX_MARKS_ON_A_LETTER];
    let mut count = 0;
    for &(c, script) in chars {
        if script != Inherited {
            (base, base_script, count) = (Some(c), script, 0);
            continue;
        }
        let on_a_letter = base.is_some() && matches!(base_script, Latin | Greek | Cyrillic);
        let dot_on_dotted = c == '\u{307}' && matches!(base, Some('i' | 'j' | 'l' | 'ı'));
        let on_dotless_i = base == Some('ı') && is_diacritic(c);
        if (is_diacritic(c) && !on_a_letter)
            || dot_on_dotted
            || on_dotless_i
            || count == MAX_MARKS_ON_A_LETTER
            || marks[..count].contains(&c)
        {
            return Some(Refusal::Mark(c));
        }
        marks[count] = c;
        count += 1;
    }
    None
}

/// The combining diacritics UTS #39 allows (in U+0300..U+0339): accents on Latin, Greek and
/// Cyrillic letters.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{339}')
}

/// Kana that make Chrome check a single-script label for out-of-place kana: へべぺ, ヘベペ and
/// the katakana middle dot, prolonged sound and iteration marks.
fn is_kana_exception(c: char) -> bool {
    matches!(c, '\u{3078}'..='\u{307A}' | '\u{30D8}'..='\u{30DA}' | '\u{30FB}'..='\u{30FE}')
}

/// The blocks of combining marks, and the combining kana voicing marks (a mark there that the
/// script table leaves out is named as a mark, not as a symbol).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{3099}' | '\u{309A}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names real sites use, in their own scripts and under their own or generic suffixes: a
    /// browser shows every one as it is.
    #[test]
    fn shows_ordinary_international_names() {
        let shown = [
            ("bücher", "de"),
            ("straße", "de"),
            ("москва", "xn--p1ai"),
            ("пример", "xn--p1ai"),
            ("пример", "com"),
            ("例え", "xn--zckzah"),
            ("テスト", "xn--zckzah"),
            ("日本語", "jp"),
            ("한국", "kr"),
            ("中国", "cn"),
            ("παράδειγμα", "gr"),
            ("ελλάδα", "gr"),
            ("ελλάδα", "com"),
            ("ไทย", "th"),
            ("ตัวอย่าง", "com"),
            ("مثال", "com"),
            ("דוגמה", "com"),
            ("उदाहरण", "in"),
            ("उदाहरण", "com"),
            ("ソニーstore", "jp"),
            ("ビタミンb6", "jp"),
            ("東京2024", "jp"),
            ("ひらがなー", "jp"),
            ("tiếngviệt", "vn"),
            ("col·legi", "cat"),
            ("þingvellir", "is"),
            ("sahə", "az"),
            ("crème-brûlée", "fr"),
            ("курс", "com"),
            ("中文abc", "com"),
            ("한국abc", "com"),
            ("ქართული", "ge"),
            ("հայաստան", "am"),
        ];
        for (label, tld) in shown {
            assert_eq!(refusal(label, tld), None, "{label}.{tld} is an ordinary name");
        }
    }

    #[test]
    fn refuses_what_chrome_would_show_as_code() {
        use Refusal::*;
        let cases = [
            // Scripts no language mixes.
            (
                "pаypal",
                "com",
                MixedScripts([Script::Latin, Script::Cyrillic].into_iter().collect()),
            ),
            ("αβγпр", "com", MixedScripts([Script::Greek, Script::Cyrillic].into_iter().collect())),
            (
                "abc한あ",
                "com",
                MixedScripts(
                    [Script::Latin, Script::Hiragana, Script::Hangul].into_iter().collect(),
                ),
            ),
            (
                "café東京",
                "jp",
                AccentedLatin { accented: 'é', others: [Script::Han].into_iter().collect() },
            ),
            // Whole-script look-alikes, outside their home suffixes.
            ("ττ", "com", WholeScript(Script::Greek)),
            ("аррӏе", "com", WholeScript(Script::Cyrillic)),
            ("сахар", "com", WholeScript(Script::Cyrillic)),
            ("იო", "com", WholeScript(Script::Georgian)),
            ("০৭০", "com", WholeScript(Script::Bengali)),
            // Digit look-alikes.
            ("২৪", "in", Digits),
            ("12з4", "ru", Digits),
            // Separators.
            ("google·com", "com", Dot('·')),
            ("google丨com", "com", Dot('丨')),
            ("google一com", "com", Hyphen('一')),
            ("pay‐pal", "com", Hyphen('‐')),
            ("pay−pal", "com", Hyphen('−')),
            ("amazonー", "com", Hyphen('ー')),
            ("paypalノlogin", "com", Dot('ノ')),
            ("ab・cd", "jp", Dot('・')),
            ("google։com", "com", Dot('։')),
            // Out of place.
            ("丁esla", "com", OutOfPlace('丁')),
            ("þaypal", "com", OutOfPlace('þ')),
            ("təst", "com", OutOfPlace('ə')),
            ("ヽabc", "jp", OutOfPlace('ヽ')),
            ("カタへカナ", "jp", OutOfPlace('へ')),
            // Marks.
            ("i\u{307}nstagram", "com", Mark('\u{307}')),
            ("go1\u{301}gle", "com", Mark('\u{301}')),
            ("e\u{301}\u{301}bay", "com", Mark('\u{301}')),
            ("e\u{301}\u{300}\u{302}bay", "com", Mark('\u{302}')),
            ("ı\u{301}nstagram", "com", Mark('\u{301}')),
            ("か\u{3099}", "jp", Mark('\u{3099}')),
            ("a\u{20DD}b", "com", Mark('\u{20DD}')),
            ("n\u{307}", "com", Mark('\u{307}')), // ṅ, as a browser composes it
            ("o\u{304}\u{301}", "com", Mark('\u{304}')), // ō, then ṓ
            ("ō\u{301}", "com", Mark('\u{301}')),
            // Not shown at all.
            ("🔒google", "com", NotShown('🔒')),
            ("google✔", "com", NotShown('✔')),
            ("pay\u{200D}pal", "com", NotShown('\u{200D}')),
            ("ĸraken", "com", NotShown('ĸ')),
        ];
        for (label, tld, refusal_wanted) in cases {
            assert_eq!(refusal(label, tld), Some(refusal_wanted), "{label}.{tld}");
        }
    }

    /// A letter and its accent read as the accented letter: the property test
    /// `the_spelling_of_a_host_never_changes_its_verdict` found `丨apple\u{307}` judged otherwise.
    #[test]
    fn an_accent_reads_the_same_composed_or_not() {
        for label in ["丨applė", "丨apple\u{307}"] {
            assert!(
                matches!(refusal(label, "com"), Some(Refusal::AccentedLatin { .. })),
                "{label:?}: {:?}",
                refusal(label, "com")
            );
        }
    }

    /// Against UTS #39's restriction levels (the `unicode-security` crate, with Unicode's full
    /// script tables), over every label of one to three characters from a sample of scripts:
    /// each label UTS #39 puts beyond "highly restrictive" is refused here, and none it keeps
    /// within is called mixed here. (Accents on letters of other scripts are refused by the
    /// mark rules rather than as mixed scripts.)
    #[test]
    fn mixes_scripts_as_uts39_says() {
        use unicode_security::{RestrictionLevel, RestrictionLevelDetection};
        let sample = [
            'a', 'é', 'z', '5', '-', '·', 'а', 'ж', 'ο', 'λ', 'ա', 'ב', 'ع', '٣', 'ह', '२', 'ক',
            'த', 'ก', 'ა', 'ሀ', '中', '々', 'あ', 'ア', 'ー', '한', 'ᄀ', '\u{301}', '\u{64E}',
        ];
        let mut compared = 0;
        for &a in &sample {
            for &b in &sample {
                for &c in &sample {
                    for label in [format!("{a}"), format!("{a}{b}"), format!("{a}{b}{c}")] {
                        if label.chars().any(|c| Script::of(c) == Script::NotShown) {
                            continue;
                        }
                        let within = label.as_str().detect_restriction_level()
                            <= RestrictionLevel::HighlyRestrictive;
                        let refused = refusal(&label, "com");
                        if within {
                            assert!(
                                !matches!(refused, Some(Refusal::MixedScripts(_))),
                                "{label:?}: UTS #39 keeps it highly restrictive"
                            );
                        } else {
                            assert!(refused.is_some(), "{label:?}: beyond highly restrictive");
                        }
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 10_000, "only {compared} labels compared");
    }

    #[test]
    fn whole_script_lookalikes_are_at_home_under_their_suffixes() {
        assert_eq!(refusal("аррӏе", "ru"), None);
        assert_eq!(refusal("аррӏе", "xn--p1ai"), None, ".рф is written in Cyrillic");
        assert_eq!(refusal("ττ", "gr"), None);
        assert_eq!(refusal("იო", "ge"), None);
        assert_eq!(refusal("парк", "com"), None, "an everyday word");
        assert_eq!(refusal("60บ", "grabfood"), None, "sixty baht, one letter among digits");
    }

    #[test]
    fn bounded_on_hostile_labels() {
        let marks = format!("a{}", "\u{301}".repeat(10_000));
        let kana = "ー".repeat(10_000);
        for label in [marks.as_str(), kana.as_str(), "\u{301}", "ー", "\u{3099}", "·", "😀"] {
            let _ = refusal(label, "com"); // an answer, in bounded time
        }
    }
}
