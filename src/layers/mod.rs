//! The detection layers. Each one looks at the input from one angle and adds findings (a
//! typed [`Code`], a severity, a message still to be written, the evidence) to [`Findings`];
//! none of them decides the level alone, and none writes a verdict. They import the base
//! (host, index, text, cues, lists, findings, page) and this module, never the engine or each
//! other.
//!
//! The four text layers (payment, pressure, offer, pattern) share one reading of the message,
//! a [`Scan`] (with [`brand_named_in`], the brand a text names), and return [`Cue`]s: weighed
//! together in [`Findings::weigh_cues`], so one weak cue says little and several together
//! raise the level.

pub(crate) mod domain;
pub(crate) mod link;
pub(crate) mod offer;
pub(crate) mod pattern;
pub(crate) mod payment;
pub(crate) mod pressure;
pub(crate) mod store;

use std::ops::Range;

use crate::code::Code;
use crate::cues::{find_cues, words_of, CueHit};
use crate::findings::{Cue, Findings};
use crate::index::{Entry, Index};
use crate::lists;
use crate::messages::Text;
use crate::skeleton::{skeleton_with, FnvBuild};
use crate::text::{find_amounts, find_phones, fold, Amount, Folded, FoundLink, Phone};
use crate::verdict::{Layer, Level};

/// Evidence longer than this is cut (with an ellipsis).
const MAX_EVIDENCE_CHARS: usize = 80;
/// A message up to this long (two text messages) that addresses the reader anywhere addresses
/// them throughout: "WINNER!! You have been selected… Call 0906…" is one request, however its
/// sentences fall. Longer texts (mail, pages) are read clause by clause.
pub(crate) const SHORT_MESSAGE_BYTES: usize = 320;
/// Cues that count in full in any clause: offers and jobs as advertised (an ad speaks to
/// whoever reads it without "you" or an imperative: "Warehouse clearance! 2TB for $8.99",
/// "Work from home: simple tasks, daily commission"), and a relative's plea in the first
/// person ("Hola mamá, este es mi nuevo número"). Claims about the reader ("you have won"),
/// requests to pay and threats need a clause that addresses the reader.
const WITHOUT_ADDRESS: &[Code] = &[
    Code::FamilyNewNumber,
    Code::Clearance,
    Code::BigDiscount,
    Code::BrandedDiscount,
    Code::TooCheap,
    Code::FreeOffer,
    Code::LoanOffer,
    Code::WorkFromHome,
    Code::Recruitment,
    Code::TaskScam,
    Code::ChatApp,
];
/// Words between the reader's possessive and the object of a claim ("your Apple ID", "your
/// new debit card").
const OBJECT_REACH: usize = 3;
/// Words between a negation and the outcome it denies ("not be delivered", "nicht zugestellt").
const NEGATED_OUTCOME_REACH: usize = 3;
/// Words of polite_words.txt skipped before a clause's verb ("please kindly confirm").
const MAX_POLITE_WORDS: usize = 2;

/// A message read once for all text layers.
pub(crate) struct Scan<'t> {
    pub text: &'t str,
    pub folded: Folded,
    /// Byte ranges of the folded words.
    pub words: Vec<Range<usize>>,
    /// The cue phrases found, in order.
    pub hits: Vec<CueHit>,
    pub amounts: Vec<Amount>,
    pub phones: Vec<Phone>,
    /// A link in the text that is not a known brand's real site, as written.
    pub foreign_link: Option<&'t str>,
    /// The text gives an e-mail address (`name@host.tld`).
    pub has_email: bool,
    /// The message's clauses, in order (see [`read_clauses`]).
    pub clauses: Vec<Clause>,
}

impl<'t> Scan<'t> {
    pub fn new(text: &'t str, links: &[(&'t FoundLink, Findings)]) -> Self {
        let folded = fold(text);
        let words = words_of(&folded.text);
        let mut hits = find_cues(&folded.text, &words);
        let mut negated_until = None;
        hits.retain(|hit| {
            let advice = can_be_advice(hit)
                && (negated(text, &folded, &words, hit)
                    || continues_list(text, &folded, &words, negated_until, hit));
            if advice {
                negated_until = negated_until.max(Some(hit.range.end));
            }
            !advice
        });
        let foreign_link = links
            .iter()
            .find(|(_, judged)| !judged.verified || judged.level() > Level::Safe)
            .map(|(link, _)| link.written.as_str());
        let has_email = has_email_address(text);
        let clauses = read_clauses(text, &folded, &words);
        Self {
            text,
            clauses,
            amounts: find_amounts(text),
            phones: find_phones(text),
            folded,
            words,
            hits,
            foreign_link,
            has_email,
        }
    }

    /// The hits of phrases of `code`.
    pub fn hits_of(&self, code: Code) -> impl Iterator<Item = &CueHit> + '_ {
        self.hits.iter().filter(move |hit| hit.group.code == code)
    }

    pub fn has(&self, code: Code) -> bool {
        self.hits_of(code).next().is_some()
    }

    /// The original words behind a range of the folded text, short.
    pub fn evidence(&self, folded_range: Range<usize>) -> String {
        shorten(self.folded.original(self.text, folded_range))
    }

    /// A link, telephone number or e-mail address to act on: what turns scam words into a scam.
    pub fn has_contact(&self) -> bool {
        self.foreign_link.is_some() || !self.phones.is_empty() || self.has_email
    }

    /// Whether the clause of `hit` addresses the reader.
    pub fn addressed(&self, hit: &CueHit) -> bool {
        self.clause_of(hit).is_some_and(|clause| clause.addressed)
    }

    /// The clause that `hit` stands in.
    pub fn clause_of(&self, hit: &CueHit) -> Option<&Clause> {
        let first = self.words.partition_point(|word| word.start < hit.range.start);
        self.clauses.get(self.clauses.partition_point(|c| c.words.end <= first))
    }

    /// Whether one of the folded words in `words` (indexes into [`Scan::words`]) is of `class`.
    pub fn any_word(&self, words: Range<usize>, class: u16) -> bool {
        self.words
            .get(words)
            .is_some_and(|words| words.iter().any(|w| is_word(&self.folded.text[w.clone()], class)))
    }

    /// The indexes of the words that `hit` covers.
    pub fn words_of(&self, hit: &CueHit) -> Range<usize> {
        let first = self.words.partition_point(|word| word.start < hit.range.start);
        first..self.words.partition_point(|word| word.start < hit.range.end)
    }

    /// The byte range in the original text of `clause`.
    pub fn original_range_of(&self, clause: &Clause) -> Option<Range<usize>> {
        let start = self.words.get(clause.words.start)?;
        let end = self.words.get(clause.words.end.checked_sub(1)?)?;
        let start = self.folded.original_range(self.text, start.clone()).start;
        Some(start..self.folded.original_range(self.text, end.clone()).end)
    }

    /// The byte range in the original text of the clause that `hit` stands in.
    pub fn original_clause_of(&self, hit: &CueHit) -> Option<Range<usize>> {
        self.original_range_of(self.clause_of(hit)?)
    }

    /// The first clause that makes a claim about the reader's affairs, if the message also asks
    /// the reader to do something (a clause that opens with a request).
    pub fn claim_with_request(&self) -> Option<&Clause> {
        let requests = self.clauses.iter().any(|clause| clause.request);
        self.clauses.iter().find(|clause| clause.claim).filter(|_| requests)
    }

    /// The original words of a clause, short.
    pub fn clause_evidence(&self, clause: &Clause) -> String {
        let (first, last) = (&self.words[clause.words.start], &self.words[clause.words.end - 1]);
        self.evidence(first.start..last.end)
    }

    /// One cue per code of `layer`'s phrases found (the strongest group, its first words). A
    /// phrase in a clause that does not address the reader weighs at most 1 (unless it is
    /// [`WITHOUT_ADDRESS`]): it tells of someone else ("Alice has won the race") or of scams in general.
    pub fn phrase_cues(&self, layer: Layer) -> Vec<Cue> {
        let mut cues: Vec<Cue> = Vec::new();
        for hit in self.hits.iter().filter(|hit| hit.group.layer == layer && hit.group.weight > 0) {
            let full = self.addressed(hit) || WITHOUT_ADDRESS.contains(&hit.group.code);
            let weight = if full { hit.group.weight } else { 1 };
            match cues.iter_mut().find(|cue| cue.code == hit.group.code) {
                Some(cue) if cue.weight >= weight => {}
                Some(cue) => {
                    cue.weight = weight;
                    cue.evidence = self.evidence(hit.range.clone());
                }
                None => cues.push(Cue::new(
                    layer,
                    hit.group.code,
                    weight,
                    cue_message(hit.group.code),
                    self.evidence(hit.range.clone()),
                )),
            }
        }
        cues
    }
}

/// Brand names shorter than this count only when written in capitals (`DHL`, `UPS`): in
/// lowercase they are too often ordinary words (`ups and downs`).
const MIN_LOWERCASE_BRAND_LEN: usize = 4;
/// Brand names spelled as up to this many words (`bank of america`, `western union`).
const MAX_BRAND_WORDS: usize = 3;

/// Words at the start of a message that may name who it claims to be ("[Post]", "Customs:",
/// "ING:").
pub(crate) const MAX_SENDER_WORDS: usize = 4;

/// The first catalogue brand the text names, and the words as written. A sender's tag that
/// opens the message (a first clause of a few words, with more after it: "ING:", "Apple:")
/// names its brand even when the name is an ordinary word elsewhere (`ing`, `apple`).
pub(crate) fn brand_named_in<'i>(scan: &Scan, index: &'i Index) -> Option<(&'i Entry, String)> {
    let tag = scan.clauses.first().filter(|first| {
        first.words.len() <= MAX_SENDER_WORDS && first.words.end < scan.words.len()
    });
    tag.and_then(|tag| {
        brand_in_words(scan.text, &scan.folded, &scan.words[tag.words.clone()], index, true)
    })
    .or_else(|| brand_in_words(scan.text, &scan.folded, &scan.words, index, false))
}

/// [`brand_named_in`] for a short text read on its own (a page's title or a heading): folded
/// and split into words, without the cue scan a message gets.
pub(crate) fn brand_named_in_short<'i>(
    text: &str,
    index: &'i Index,
) -> Option<(&'i Entry, String)> {
    let folded = fold(text);
    let words = crate::cues::words_of(&folded.text);
    brand_in_words(text, &folded, &words, index, false)
}

fn brand_in_words<'i>(
    text: &str,
    folded: &Folded,
    words: &[std::ops::Range<usize>],
    index: &'i Index,
    as_tag: bool,
) -> Option<(&'i Entry, String)> {
    let words: Vec<(usize, &str)> =
        words.iter().map(|w| (w.start, &folded.text[w.clone()])).collect();
    for start in 0..words.len() {
        let mut joined = String::new();
        for count in 1..=MAX_BRAND_WORDS.min(words.len() - start) {
            let (offset, word) = words[start + count - 1];
            joined.push_str(word);
            let Some(hit) =
                index.with_skeleton(&skeleton_with(&joined, crate::confusables::lookalike_of))
            else {
                continue;
            };
            let token = index.token(hit);
            let written = folded.original(text, words[start].0..offset + word.len());
            let shouted = written.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if (token.generic && !as_tag)
                || (token.text.len() < MIN_LOWERCASE_BRAND_LEN && !shouted)
            {
                continue;
            }
            return Some((index.entry(hit), written.to_string()));
        }
    }
    None
}

/// One clause of a message: its words (indexes into the scan's words) and what it does.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    pub words: Range<usize>,
    /// It speaks to the reader: a word of the second person (lists::READER_WORDS: "your
    /// account", "Ihr Paket"), or it opens with a request.
    pub addressed: bool,
    /// It makes a request: it opens with a verb of lists::REQUEST_VERBS (after at most
    /// [`MAX_POLITE_WORDS`] of lists::POLITE_WORDS: "Please confirm", "Llame al", "Klicken
    /// Sie"), or has one after a comma or a conjunction (lists::CONJUNCTIONS: "… and send me
    /// the codes").
    pub request: bool,
    /// It tells the reader something happened to their affairs: a word of
    /// lists::CLAIM_OBJECTS (account, card, parcel) and one of lists::CLAIM_STATES (suspended,
    /// debited, held), in a clause that addresses the reader.
    pub claim: bool,
}

/// What a folded word can be to the clause reading, as bits: one look-up a word.
const READER: u16 = 1;
pub(crate) const VERB: u16 = 2;
const POLITE: u16 = 4;
const OBJECT: u16 = 8;
const STATE: u16 = 16;
const JOIN: u16 = 32;
/// What should have happened (lists::CLAIM_OUTCOMES: "delivered"): a state after a negation.
const OUTCOME: u16 = 256;
/// The word classes the layers read outside the clause reading too.
pub(crate) const NEGATION: u16 = 64;
pub(crate) const INSTITUTION: u16 = 128;
/// The writer named as who receives ("send me", "pay us": lists::WRITER_WORDS).
pub(crate) const WRITER: u16 = 512;

/// Folded words and their classes, hashed with FNV-1a: SipHash, the standard map's, cost a
/// tenth of a heavy page's time on a look-up for every word.
type WordClasses = std::collections::HashMap<String, u16, FnvBuild>;

/// The word classes of the lists' Chinese and Japanese entries, by their first character:
/// those scripts write no spaces, so a folded "word" is a whole run of text, and its classes
/// are the entries found inside it.
type RunTerms = std::collections::HashMap<char, Vec<(String, u16)>, FnvBuild>;

/// Whether `c` is of a script written without spaces between words (Han, kana).
fn unspaced(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The classes of the list entries inside a run of text written without spaces (see
/// [`RunTerms`]): one look-up per character, a comparison per entry that starts with it.
fn run_classes(run: &str) -> u16 {
    let terms = &word_classes().1;
    let mut classes = 0;
    for (at, c) in run.char_indices().filter(|(_, c)| unspaced(*c)) {
        for (term, class) in terms.get(&c).into_iter().flatten() {
            if run[at..].starts_with(term.as_str()) {
                classes |= class;
            }
        }
    }
    classes
}

/// The classes of the folded `word`: its list entries, and inside a run written without
/// spaces, the entries it holds.
fn classes_of(word: &str) -> u16 {
    let (map, terms) = word_classes();
    let listed = map.get(word).copied().unwrap_or(0);
    if terms.is_empty() || word.is_ascii() || !word.chars().any(unspaced) {
        return listed;
    }
    // Such a run with a verb in it reads as a request ("请登录…", "please log in"): the polite
    // word before the verb is inside the same run.
    let found = run_classes(word);
    let found = if found & VERB != 0 { found & !POLITE } else { found };
    listed | found
}

/// The word classes the text layers read (lists::READER_WORDS, REQUEST_VERBS, POLITE_WORDS,
/// CLAIM_OBJECTS, CLAIM_STATES, CONJUNCTIONS, NEGATIONS, INSTITUTION_WORDS, WRITER_WORDS), folded, in one
/// map built once, and their entries in scripts written without spaces ([`RunTerms`]). (Binary
/// searches of six sorted lists for every word of a 200 KB page cost a third of the page's time.)
fn word_classes() -> &'static (WordClasses, RunTerms) {
    static CLASSES: std::sync::OnceLock<(WordClasses, RunTerms)> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut classes = WordClasses::default();
        for (list, class) in [
            (lists::READER_WORDS, READER),
            (lists::REQUEST_VERBS, VERB),
            (lists::POLITE_WORDS, POLITE),
            (lists::CLAIM_OBJECTS, OBJECT),
            (lists::CLAIM_STATES, STATE),
            (lists::CONJUNCTIONS, JOIN),
            (lists::NEGATIONS, NEGATION),
            (lists::INSTITUTION_WORDS, INSTITUTION),
            (lists::CLAIM_OUTCOMES, OUTCOME),
            (lists::WRITER_WORDS, WRITER),
        ] {
            for word in list.folded() {
                *classes.entry(word).or_insert(0) |= class;
            }
        }
        let mut terms = RunTerms::default();
        for (word, &class) in &classes {
            if let Some(first) = word.chars().next().filter(|&c| unspaced(c)) {
                terms.entry(first).or_default().push((word.clone(), class));
            }
        }
        (classes, terms)
    })
}

/// Whether the folded `word` is of `class` (a word of the list behind it).
pub(crate) fn is_word(word: &str, class: u16) -> bool {
    classes_of(word) & class != 0
}

/// Whether the folded `word` addresses the reader (lists::READER_WORDS).
pub(crate) fn is_reader_word(word: &str) -> bool {
    is_word(word, READER)
}

/// The clauses of the folded text. Clauses end at `!`, `?`, `;` and line breaks, and at `.` or
/// `:` before white space (not inside `paypal.com` or `412.80`). In a short message
/// ([`SHORT_MESSAGE_BYTES`]) that addresses the reader anywhere, every clause does.
fn read_clauses(text: &str, folded: &Folded, words: &[Range<usize>]) -> Vec<Clause> {
    let classes: Vec<u16> = words.iter().map(|w| classes_of(&folded.text[w.clone()])).collect();
    let is = |at: usize, class: u16| classes[at] & class != 0;
    // What stands between a word and the one before it in the original text: a clause break,
    // or a comma.
    let spans: Vec<Range<usize>> =
        words.iter().map(|w| folded.original_range(text, w.clone())).collect();
    let gap = |at: usize| {
        let before = if at == 0 { 0 } else { spans[at - 1].end };
        text.as_bytes().get(before.min(spans[at].start)..spans[at].start).unwrap_or(&[])
    };
    // Chinese and Japanese punctuation ends a clause as it stands ("。", "！", "：", "】").
    const WIDE_BREAKS: [char; 7] = ['。', '！', '？', '；', '：', '】', '」'];
    let breaks_before = |at: usize| {
        let gap = gap(at);
        let has = |set: &[u8]| gap.iter().any(|b| set.contains(b));
        has(b"!?;\n")
            || (has(b".:") && gap.iter().any(u8::is_ascii_whitespace))
            || (!gap.is_ascii() && std::str::from_utf8(gap).is_ok_and(|g| g.contains(WIDE_BREAKS)))
    };
    let comma = |gap: &[u8]| {
        gap.contains(&b',')
            || (!gap.is_ascii() && std::str::from_utf8(gap).is_ok_and(|g| g.contains(['，', '、'])))
    };
    let short = text.len() <= SHORT_MESSAGE_BYTES;
    let mut clauses = Vec::new();
    let mut clause_start = 0;
    for at in 1..=words.len() {
        if at < words.len() && !breaks_before(at) {
            continue;
        }
        let range = clause_start..at;
        let polite = range.clone().take_while(|&w| is(w, POLITE)).count();
        let opens =
            polite <= MAX_POLITE_WORDS && range.clone().nth(polite).is_some_and(|w| is(w, VERB));
        // "To finish, buy 3 coupons and send me the codes": a verb after a comma, a
        // conjunction or a polite word opens a request too.
        let joined = range
            .clone()
            .skip(1)
            .any(|w| is(w, VERB) && (is(w - 1, JOIN | POLITE) || comma(gap(w))));
        let request = opens || joined;
        let addressed = request || range.clone().any(|w| is(w, READER));
        // In a longer text the object must be the reader's ("your account", "votre colis"):
        // "a package is suspicious" in a security notice claims nothing of the reader's.
        let readers = |w: usize| {
            short || (w.saturating_sub(OBJECT_REACH).max(range.start)..w).any(|b| is(b, READER))
        };
        // "could not be delivered", "konnte nicht zugestellt werden": a negated outcome is a state.
        let negated_outcome = |w: usize| {
            is(w, OUTCOME)
                && (w.saturating_sub(NEGATED_OUTCOME_REACH).max(range.start)..w)
                    .any(|b| is(b, NEGATION))
        };
        let claim = addressed
            && range.clone().any(|w| is(w, OBJECT) && readers(w))
            && range.clone().any(|w| is(w, STATE) || negated_outcome(w));
        clauses.push(Clause { words: range, addressed, request, claim });
        clause_start = at;
    }
    if short && clauses.iter().any(|c| c.addressed) {
        clauses.iter_mut().for_each(|c| c.addressed = true);
    }
    clauses
}

/// Whether `text` gives an e-mail address: a word with a name, `@`, and a host with a dot.
/// Found from the `@` signs, so a text without any costs one byte search.
fn has_email_address(text: &str) -> bool {
    text.match_indices('@').any(|(at, _)| {
        let name = text[..at].rsplit(char::is_whitespace).next().unwrap_or("");
        let host = text[at + 1..].split(char::is_whitespace).next().unwrap_or("");
        !name.is_empty() && !name.contains('@') && host.contains('.') && !host.starts_with('.')
    })
}

/// How many words before a cue a negation may stand ("never ask you to pay by Western Union").
const NEGATION_REACH: usize = 6;

/// Cue groups that read as safety advice when negated: requests to pay off-platform or to
/// send personal data. Pressure cues are not ("do not ignore this notice" is a threat).
fn can_be_advice(hit: &CueHit) -> bool {
    hit.group.layer == Layer::Payment || hit.group.code == Code::PersonalDataRequest
}

/// Whether a negation stands within [`NEGATION_REACH`] words before `hit`, in the same clause
/// (no `,` `.` `;` `:` `!` `?` or line break between them in the original text).
fn negated(text: &str, folded: &Folded, words: &[Range<usize>], hit: &CueHit) -> bool {
    let Ok(first) = words.binary_search_by_key(&hit.range.start, |word| word.start) else {
        return false;
    };
    let cue_start = folded.original_range(text, hit.range.clone()).start;
    words[first.saturating_sub(NEGATION_REACH)..first].iter().any(|word| {
        let negation_end = folded.original_range(text, word.clone()).end;
        is_word(&folded.text[word.clone()], NEGATION)
            && text
                .get(negation_end..cue_start)
                .is_some_and(|between| !between.contains([',', '.', ';', ':', '!', '?', '\n']))
    })
}

/// Whether `hit` continues a list whose first item was negated ("never pay by Western Union,
/// MoneyGram or gift cards"): it starts inside the negated cue or at most a few words after
/// it, in the same sentence.
fn continues_list(
    text: &str,
    folded: &Folded,
    words: &[Range<usize>],
    negated_until: Option<usize>,
    hit: &CueHit,
) -> bool {
    const LIST_GAP_WORDS: usize = 3;
    let Some(end) = negated_until else { return false };
    if hit.range.start < end {
        return true; // a phrase inside the negated one ("transfer" in "bank transfer")
    }
    // The words between, counted from the word list (a split of the text between would read
    // the whole message again for a cue far from the negation).
    let gap_words = words.partition_point(|w| w.start < hit.range.start)
        - words.partition_point(|w| w.start < end);
    let between = folded.original_range(text, end.saturating_sub(1)..hit.range.start + 1);
    gap_words <= LIST_GAP_WORDS
        && text.get(between).is_some_and(|between| !between.contains(['.', ';', '!', '?', '\n']))
}

/// `text` cut to [`MAX_EVIDENCE_CHARS`], on one line.
pub(crate) fn shorten(text: &str) -> String {
    let mut short: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_EVIDENCE_CHARS)
        .collect();
    if short.chars().count() == MAX_EVIDENCE_CHARS {
        short.push('…');
    }
    short
}

/// The message of a cue code of the text layers: the code is its key in data/messages.
pub(crate) fn cue_message(code: Code) -> Text {
    Text::Key(code.as_str(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::has_email_address;

    #[test]
    fn finds_email_addresses_from_their_at_signs() {
        assert!(has_email_address("Claim now: write to\u{a0}prize.desk@mail-winners.com today"));
        assert!(has_email_address("To:Email:chevmotorlondon@hotmail.com"));
        for text in ["no address here", "meet @ 5pm", "@handle on x.com", "a@b", "name@.com"] {
            assert!(!has_email_address(text), "{text:?}");
        }
    }
}
