//! The `pressure` layer: hurrying and frightening the reader so they act before they think —
//! deadlines ("within 24 hours"), threats ("account suspended", "final notice", legal action),
//! secrecy ("don't tell your bank"), "confirm receipt before you check the goods", and small
//! urgent fees (a $1.99 "fee" is the bait that collects a card number).

use super::Scan;
use crate::code::Code;
use crate::findings::Cue;
use crate::verdict::Layer;

/// A fee up to this many US dollars is "small": small enough to pay without thinking.
const SMALL_FEE_USD: f64 = 5.0;
/// Bytes a currency sign or code may stand beyond a clause's words (`US$`, ` EUR`).
const CURRENCY_REACH: usize = 4;

pub(crate) fn check(scan: &Scan, cues: &mut Vec<Cue>) {
    cues.extend(scan.phrase_cues(Layer::Pressure));
    if let Some(range) = small_fee(scan) {
        let evidence = scan.text[range].to_string();
        cues.push(Cue::new(
            Layer::Pressure,
            Code::SmallFee,
            2,
            super::cue_message(Code::SmallFee),
            evidence,
        ));
    }
}

/// A small fee asked of the reader: in a clause that addresses the reader and speaks of a fee
/// (`fee-word` phrases: "fee", "pay", "duty"), an amount of at most [`SMALL_FEE_USD`], with a
/// currency ("$1.99", "2,99 €") or without one as people write it beside the word ("pay the
/// 1.99 customs fee"). An amount elsewhere in a long text is no fee asked.
fn small_fee(scan: &Scan) -> Option<std::ops::Range<usize>> {
    // Each clause once, however many fee words it holds: a long clause read again for every
    // "pay" in it would cost its length times theirs.
    let mut read: Option<std::ops::Range<usize>> = None;
    scan.hits_of(Code::FeeWord).filter(|hit| scan.addressed(hit)).find_map(|hit| {
        let clause = scan.original_clause_of(hit)?;
        if read.as_ref() == Some(&clause) {
            return None;
        }
        read = Some(clause.clone());
        let with_currency = scan.amounts.iter().find(|amount| {
            amount.usd > 0.0
                && amount.usd <= SMALL_FEE_USD
                // (A currency sign or code may stand just outside the clause's first or last word.)
                && amount.range.start + CURRENCY_REACH >= clause.start
                && amount.range.end <= clause.end + CURRENCY_REACH
        });
        with_currency
            .map(|amount| amount.range.clone())
            .or_else(|| bare_small_amount(scan.text, clause))
    })
}

/// A number written as a price without a currency (`1.99`, `2,50`: one to three digits, a
/// decimal mark, two digits), of at most [`SMALL_FEE_USD`], inside `within` of `text`.
fn bare_small_amount(text: &str, within: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    (within.start..within.end).find_map(|start| {
        let starts = bytes[start].is_ascii_digit()
            && (start == 0
                || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'.'));
        if !starts {
            return None;
        }
        let whole_end =
            start + bytes[start..within.end].iter().take_while(|b| b.is_ascii_digit()).count();
        let mark = *bytes.get(whole_end)?;
        let fraction = bytes.get(whole_end + 1..whole_end + 3)?;
        let ends = !bytes.get(whole_end + 3).is_some_and(|b| b.is_ascii_alphanumeric());
        if whole_end - start > 3
            || !matches!(mark, b'.' | b',')
            || !fraction.iter().all(u8::is_ascii_digit)
            || !ends
        {
            return None;
        }
        let value = crate::text::parse_decimal(
            &text[start..whole_end],
            &text[whole_end + 1..whole_end + 3],
        )?;
        (value > 0.0 && value <= SMALL_FEE_USD).then_some(start..whole_end + 3)
    })
}
