//! The `store` layer: the store behind a listing on a real marketplace, as the item page shows
//! it — how long it has been open ("Store opened: 3 months", "Open 2 month(s)", "Seller since
//! Oct 2026"), how much it has sold ("12 sold", "0 orders") and its positive feedback ("98.1%
//! positive feedback"), in the six UI languages. A store opened recently that has sold little
//! is where most "too good to be true" listings come from: a buying tip, never a warning.
//!
//! The content script sends the text it found near the page's store, seller and shop words
//! (bounded); the words are read here, part by part (a line, or what `|`, `·` or `;` separate),
//! so a delivery time ("ships in 3 days") is not read as the store's age.

use crate::code::Code;
use crate::findings::Findings;
use crate::lists;
use crate::messages::say;
use crate::text::number_end;
use crate::verdict::{Layer, Severity};

/// A store open this many days or fewer is new.
pub(crate) const NEW_STORE_DAYS: f64 = 183.0;
/// A store that has sold fewer than this many items has sold little.
pub(crate) const FEW_SALES: f64 = 100.0;
/// Positive feedback under this percentage is low.
pub(crate) const LOW_FEEDBACK_PERCENT: f64 = 90.0;
/// Parts of the store's text read; the rest is skipped.
const MAX_PARTS: usize = 64;
/// Evidence kept from each part, in characters.
const MAX_PART_CHARS: usize = 40;

/// What the page says of the store.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct StoreFacts {
    /// How long the store has been open, in days.
    pub age_days: Option<f64>,
    /// The most it says it has sold (items or orders).
    pub sales: Option<f64>,
    /// Its share of positive feedback, in percent.
    pub positive: Option<f64>,
    /// The parts of the text that said so.
    pub evidence: Vec<String>,
}

/// A year and month, for "since Oct 2026": the content script sends the day it is (the
/// engine has no clock).
pub(crate) type YearMonth = (u32, u32);

/// Reads the store's age, sales and feedback from `text`; `today` dates a "since" (without
/// it such a date is not read).
pub(crate) fn read_store(text: &str, today: Option<YearMonth>) -> StoreFacts {
    let mut facts = StoreFacts::default();
    for part in text.split(['\n', '|', '·', '•', ';']).take(MAX_PARTS) {
        let part = part.trim();
        let words = words_of(part);
        let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
        let aged = lower.iter().any(|w| lists::STORE_AGE_WORDS.contains(w));
        let mut said = false;
        for (at, (start, word)) in words.iter().enumerate() {
            let Some(value) = number_in(word) else { continue };
            let next = |n: usize| lower.get(at + n).map_or("", String::as_str);
            let percent = part[start + word.len()..].trim_start().starts_with('%');
            if percent {
                if (1..=3).any(|n| lists::POSITIVE_WORDS.iter().any(|p| next(n).starts_with(p))) {
                    facts.positive = Some(value);
                    said = true;
                }
                continue;
            }
            if (1..=2).any(|n| lists::SALES_WORDS.contains(next(n))) {
                facts.sales = Some(facts.sales.map_or(value, |sales: f64| sales.max(value)));
                said = true;
            } else if let Some(days) = unit_days(next(1)).filter(|_| aged) {
                facts.age_days = Some(value * days);
                said = true;
            } else if let (true, Some((year, month)), Some(since_year)) =
                (aged, today, year_of(value, word))
            {
                let since_month = month_before(&lower, at);
                let months = (year * 12 + month).saturating_sub(since_year * 12 + since_month);
                facts.age_days = Some(f64::from(months) * 30.4);
                said = true;
            }
        }
        if said && facts.evidence.len() < MAX_PARTS {
            facts.evidence.push(part.chars().take(MAX_PART_CHARS).collect());
        }
    }
    facts
}

/// A new store that has sold little or has low feedback: the `new-store` tip, on `platform`.
pub(crate) fn check(text: &str, today: Option<YearMonth>, platform: &str, tips: &mut Findings) {
    let facts = read_store(text, today);
    let new = facts.age_days.is_some_and(|days| days <= NEW_STORE_DAYS);
    let little = facts.sales.is_some_and(|sales| sales < FEW_SALES)
        || facts.positive.is_some_and(|percent| percent < LOW_FEEDBACK_PERCENT);
    if new && little {
        let evidence = facts.evidence.join(" · ");
        let message = say!("tip.new-store", platform);
        tips.add(Layer::Offer, Code::NewStore, Severity::Info, message, evidence);
    }
}

/// The words of `part` (letters and digits, with `.` `,` inside numbers) and where each starts.
fn words_of(part: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    let bytes = part.as_bytes();
    for (at, c) in part.char_indices() {
        let inside_number = matches!(c, '.' | ',')
            && start.is_some_and(|s: usize| bytes[s].is_ascii_digit())
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        if c.is_alphanumeric() || inside_number {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            words.push((s, &part[s..at]));
        }
    }
    if let Some(s) = start {
        words.push((s, &part[s..]));
    }
    words
}

/// `12`, `1,200`, `1.2K`, `10k`: a count, or None for a word that is no number.
fn number_in(word: &str) -> Option<f64> {
    let bytes = word.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let end = number_end(bytes, 0);
    let thousands = match &word[end..] {
        "" => 1.0,
        "k" | "K" | "к" | "К" => 1000.0,
        _ => return None,
    };
    let number = &word[..end];
    // "1.2" with one or two digits after the mark is a fraction; "1,200" groups thousands.
    let decimal = number.rfind(['.', ',']).filter(|&at| number.len() - at - 1 <= 2);
    let (whole, fraction) = decimal.map_or((number, ""), |at| (&number[..at], &number[at + 1..]));
    Some(crate::text::parse_decimal(whole, fraction)? * thousands)
}

/// The days of a time unit ("months": 30.4), or None.
fn unit_days(word: &str) -> Option<f64> {
    lists::TIME_UNITS.iter().find(|(unit, _)| *unit == word).map(|(_, days)| *days)
}

/// A year from 2000 to 2099 written as four digits.
fn year_of(value: f64, word: &str) -> Option<u32> {
    (word.len() == 4 && (2000.0..2100.0).contains(&value)).then_some(value as u32)
}

/// The month named by the word before the year at `at` (one word, "de" or "of" may stand
/// between), January when none is.
fn month_before(lower: &[String], at: usize) -> u32 {
    let before = |n: usize| at.checked_sub(n).and_then(|i| lower.get(i));
    let named = |word: &String| {
        lists::MONTH_NAMES
            .iter()
            .filter(|(prefix, _)| word.starts_with(prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, month)| *month as u32)
    };
    before(1).and_then(named).or_else(|| before(2).and_then(named)).unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_stores_age_sales_and_feedback() {
        let today = Some((2026, 12));
        // (text, age in days, sales, positive feedback)
        type Case<'a> = (&'a str, Option<f64>, Option<f64>, Option<f64>);
        let cases: [Case; 10] = [
            (
                "Store opened: 3 months | 95.2% positive feedback | 12 sold",
                Some(91.2),
                Some(12.0),
                Some(95.2),
            ),
            ("Open 2 month(s) · 0 orders", Some(60.8), Some(0.0), None),
            (
                "Seller since Oct 2026 · 98.1% positive feedback · 12 items sold",
                Some(60.8),
                Some(12.0),
                Some(98.1),
            ),
            ("Top-rated store · Open 7 year(s) · 10,000+ sold", Some(2555.0), Some(10000.0), None),
            ("Mitglied seit Okt. 2026 | 15 verkauft", Some(60.8), Some(15.0), None),
            ("Boutique ouverte depuis 2 mois | 12 vendus", Some(60.8), Some(12.0), None),
            ("Tienda abierta: 3 meses | 1.2K vendidos", Some(91.2), Some(1200.0), None),
            (
                "Магазин открыт 2 месяца | 3 заказа | 97% положительных отзывов",
                Some(60.8),
                Some(3.0),
                Some(97.0),
            ),
            // A delivery time is not the store's age; a year with no day to date it is not read.
            ("Ships in 3 days | 12 sold", None, Some(12.0), None),
            ("Store · 4.8 rating · 120 reviews", None, None, None),
        ];
        for (text, age, sales, positive) in cases {
            let facts = read_store(text, today);
            let round = |v: Option<f64>| v.map(|v| (v * 10.0).round() / 10.0);
            assert_eq!(
                (round(facts.age_days), facts.sales, facts.positive),
                (age, sales, positive),
                "{text:?}"
            );
        }
        assert_eq!(read_store("Seller since Oct 2026", None).age_days, None, "no day to date it");
    }

    #[test]
    fn a_new_store_that_sold_little_is_a_tip() {
        let today = Some((2026, 12));
        let cases = [
            ("Store opened: 3 months | 12 sold", true),
            ("Open 2 month(s) · 0 orders", true),
            ("Seller since Oct 2026 · 72% positive feedback", true),
            // Old, or selling well, or saying nothing of its age: no tip.
            ("Open 7 year(s) · 12 sold", false),
            ("Store opened: 3 months | 5,000+ sold | 99% positive feedback", false),
            ("12 sold", false),
            ("", false),
        ];
        for (text, tip) in cases {
            let mut tips = Findings::default();
            check(text, today, "AliExpress", &mut tips);
            assert_eq!(tips.has(Code::NewStore), tip, "{text:?}");
        }
    }

    #[test]
    fn odd_input_reads_as_nothing() {
        for text in ["99999999999999999999999 sold", "2026", "%%%", "1.2.3.4 days open", "k sold"] {
            let _ = read_store(text, Some((2026, 1)));
        }
    }
}
