//! The engine's sentences — reason messages, advice and the pieces they are built from — by
//! key, in English (`data/messages/en.txt`, compiled in) or in another language the caller
//! supplies. A finding keeps its sentence as a key with arguments ([`Text`]) until the verdict
//! is made; then it is written out in the engine's [`Language`].

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A sentence still to be written: a message key and what fills its `{1}`, `{2}`, ..., or
/// words that are already final (a name from the input, a message from another verdict).
#[derive(Debug, Clone)]
pub(crate) enum Text {
    Key(&'static str, Vec<Text>),
    Plain(String),
}

/// What can fill a `{n}` of a message: words from the input, numbers, other messages.
pub(crate) trait Arg {
    fn to_text(&self) -> Text;
}

impl Arg for str {
    fn to_text(&self) -> Text {
        Text::Plain(self.to_string())
    }
}

impl Arg for String {
    fn to_text(&self) -> Text {
        Text::Plain(self.clone())
    }
}

impl Arg for std::borrow::Cow<'_, str> {
    fn to_text(&self) -> Text {
        Text::Plain(self.to_string())
    }
}

impl Arg for usize {
    fn to_text(&self) -> Text {
        Text::Plain(self.to_string())
    }
}

impl Arg for Text {
    fn to_text(&self) -> Text {
        self.clone()
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn to_text(&self) -> Text {
        (**self).to_text()
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self::Plain(text)
    }
}

/// The message `key` with `args`. One function for every message, behind [`say!`]: building
/// each message's arguments in place cost about 4 KB of gzipped WebAssembly.
#[inline(never)]
pub(crate) fn key(key: &'static str, args: &[&dyn Arg]) -> Text {
    Text::Key(key, args.iter().map(|arg| arg.to_text()).collect())
}

/// `say!("typo", home, shown, real)`: the message `typo` with its arguments.
macro_rules! say {
    ($key:literal $(, $arg:expr)* $(,)?) => {
        $crate::messages::key($key, &[$(&$arg),*])
    };
}
pub(crate) use say;

/// The language the engine writes its messages and advice in: a template for each message
/// key, English where none was given.
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// Translations, by the position of their key in [`ENGLISH`].
    templates: Vec<Option<Box<str>>>,
}

impl Language {
    /// English, the engine's own language.
    pub fn english() -> Self {
        Self::default()
    }

    /// A language from `(key, template)` pairs. A pair whose key the engine does not know, or
    /// whose template leaves out or adds a `{n}` of the English one, is skipped: that message
    /// stays in English rather than losing a site name. Returns the language and the keys
    /// skipped.
    pub fn from_templates<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (Self, Vec<String>) {
        let mut templates = vec![None; ENGLISH.len()];
        let mut skipped = Vec::new();
        for (key, template) in pairs {
            let (key, template) = (key.as_ref(), template.as_ref());
            match ENGLISH.binary_search_by(|(known, _)| (*known).cmp(key)) {
                Ok(at) if same_placeholders(ENGLISH[at].1, template) => {
                    templates[at] = (!template.is_empty()).then(|| template.into())
                }
                _ => skipped.push(key.to_string()),
            }
        }
        (Self { templates }, skipped)
    }

    /// A language from the text of a `data/messages/<lang>.txt` file: `key = template` lines,
    /// `#` comments and blank lines. Returns the keys skipped (unknown keys, lines without
    /// ` = `, templates whose placeholders differ from English).
    pub fn parse(text: &str) -> (Self, Vec<String>) {
        let mut bad = Vec::new();
        let pairs: Vec<(&str, &str)> = entries(text)
            .filter_map(|line| {
                let pair =
                    line.split_once(" = ").map(|(key, template)| (key.trim(), template.trim()));
                if pair.is_none() {
                    bad.push(line.to_string());
                }
                pair
            })
            .collect();
        let (language, mut skipped) = Self::from_templates(pairs);
        skipped.extend(bad);
        (language, skipped)
    }

    /// One of the languages shipped in `data/messages/` (`en`, `es`, `pt`, `fr`, `de`, `ru`),
    /// by its tag or a longer one of it (`pt-BR`). Native builds only: the extension passes
    /// the templates in from its `_locales`, so the WebAssembly module stays small.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
        let text = BUILTIN.iter().find(|(lang, _)| *lang == primary)?.1;
        Some(Self::parse(text).0)
    }

    /// `text` written out in this language.
    pub(crate) fn write(&self, text: &Text) -> String {
        let mut out = String::new();
        self.write_into(text, &mut out);
        out
    }

    fn write_into(&self, text: &Text, out: &mut String) {
        let (key, args) = match text {
            Text::Plain(plain) => return out.push_str(plain),
            Text::Key(key, args) => (key, args),
        };
        let Some(template) = self.template(key) else {
            return out.push_str(key); // a key missing from en.txt: tests/messages.rs catches it
        };
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let number = rest[open + 1..].find('}').and_then(|close| {
                Some((rest[open + 1..open + 1 + close].parse::<usize>().ok()?, close))
            });
            match number {
                Some((n, close)) => {
                    if let Some(arg) = n.checked_sub(1).and_then(|i| args.get(i)) {
                        self.write_into(arg, out);
                    }
                    rest = &rest[open + close + 2..];
                }
                None => {
                    out.push('{');
                    rest = &rest[open + 1..];
                }
            }
        }
        out.push_str(rest);
    }

    fn template(&self, key: &str) -> Option<&str> {
        let at = ENGLISH.binary_search_by(|(known, _)| (*known).cmp(key)).ok()?;
        Some(self.templates.get(at).and_then(Option::as_deref).unwrap_or(ENGLISH[at].1))
    }
}

/// Every message key, in a stable order: the extension reads each one's template from its
/// `_locales` (as `engine_<key>`, `-` and `.` written `_`) and passes them in that order.
pub fn message_keys() -> impl Iterator<Item = &'static str> {
    ENGLISH.iter().map(|(key, _)| *key)
}

/// Whether `key` has a message.
#[cfg(test)]
pub(crate) fn is_known(key: &str) -> bool {
    ENGLISH.binary_search_by(|(known, _)| (*known).cmp(key)).is_ok()
}

/// The lines of a messages file that carry a message.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Whether two templates use the same `{n}`s, each as often.
fn same_placeholders(a: &str, b: &str) -> bool {
    fn counts(template: &str) -> [u8; 10] {
        let mut counts = [0u8; 10];
        for after in template.split('{').skip(1) {
            if let [digit @ b'0'..=b'9', b'}', ..] = after.as_bytes() {
                counts[usize::from(digit - b'0')] =
                    counts[usize::from(digit - b'0')].saturating_add(1);
            }
        }
        counts
    }
    counts(a) == counts(b)
}

#[cfg(not(target_arch = "wasm32"))]
const BUILTIN: &[(&str, &str)] = &[
    ("en", ""),
    ("es", include_str!("../data/messages/es.txt")),
    ("pt", include_str!("../data/messages/pt.txt")),
    ("fr", include_str!("../data/messages/fr.txt")),
    ("de", include_str!("../data/messages/de.txt")),
    ("ru", include_str!("../data/messages/ru.txt")),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_in_arguments_and_nested_messages() {
        let english = Language::english();
        let text = say!(
            "homograph",
            "aliexpress.com",
            "aIiexpress",
            "aliexpress",
            say!("diff.char", say!("char.capital-i"), "l")
        );
        assert_eq!(english.write(&text), "This is not aliexpress.com. “aIiexpress” imitates “aliexpress” with a capital I in place of “l”.");
        assert_eq!(
            english.write(&Text::from("as is {1}".to_string())),
            "as is {1}",
            "plain text is never read as a template"
        );
    }

    #[test]
    fn a_translation_replaces_english_and_a_broken_one_is_skipped() {
        let (language, skipped) = Language::from_templates([
            ("typo", "{3} ≠ {2} ({1})"),
            ("trusted", "no placeholder"),
            ("no-such-key", "x"),
        ]);
        assert_eq!(skipped, ["trusted", "no-such-key"]);
        assert_eq!(language.write(&say!("typo", "a.com", "b", "c")), "c ≠ b (a.com)");
        assert_eq!(
            language.write(&say!("trusted", "a.com")),
            "You marked a.com as a site you trust."
        );
    }

    #[test]
    fn english_keys_are_sorted_and_unique() {
        assert!(
            ENGLISH.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "build.rs sorts and deduplicates the keys"
        );
    }
}
