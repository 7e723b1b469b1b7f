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

pub(crate) fn check(scan: &Scan, cues: &mut Vec<Cue>) {
    cues.extend(scan.phrase_cues(Layer::Pressure));
    let small = scan.amounts.iter().find(|amount| amount.usd > 0.0 && amount.usd <= SMALL_FEE_USD);
    if let (Some(amount), true) = (small, scan.has(Code::FeeWord)) {
        let evidence = scan.text[amount.range.clone()].to_string();
        cues.push(Cue::new(
            Layer::Pressure,
            Code::SmallFee,
            2,
            super::cue_message(Code::SmallFee),
            evidence,
        ));
    }
}
