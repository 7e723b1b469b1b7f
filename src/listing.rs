//! Listings: the facts of one item page on a brand's real marketplace — its title, price, the
//! usual price it gives, and what it says of the store that sells it — and the buying tips the
//! engine gives about it ([`Tip`]). A tip is advice, not a warning: the platform is real, the
//! listing or its store is what is not to be trusted. `Engine::analyze_listing` runs the checks
//! (in the `offer` and `store` layers).
//!
//! Every field is bounded here whatever the content script sent ([`MAX_LISTING_FIELD_BYTES`],
//! the `listing` cap of the page-facts contract): past it the rest is not read.

use serde::Deserialize;

use crate::verdict::push_json_string;

/// A listing's field read, in bytes; the content script sends at most
/// `PageLimits::sent_listing_chars` characters of each.
pub const MAX_LISTING_FIELD_BYTES: usize = 4096;
/// Tips given for one listing.
const MAX_TIPS: usize = 8;

/// What the content script gathered on an item page. Every field may be missing (it then
/// counts as empty); unknown fields are ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ListingFacts {
    /// The page's address.
    pub url: String,
    /// The product's name (`h1`, `og:title`, `itemprop="name"`).
    pub title: String,
    /// The price as shown (`US $7.99`, `7,99`), and its currency when the page gives it apart
    /// (`USD`, `EUR`).
    pub price: String,
    pub currency: String,
    /// The usual price the listing gives beside its own (struck through), as shown.
    pub usual_price: String,
    /// The page's words about the store or seller: its age, sales, feedback.
    pub store: String,
    /// The day it is, `YYYY-MM-DD` (the engine has no clock): dates a "Seller since Oct 2026".
    pub today: String,
}

impl ListingFacts {
    /// `field` within [`MAX_LISTING_FIELD_BYTES`].
    pub(crate) fn bounded(field: &str) -> &str {
        crate::page::cut(field, MAX_LISTING_FIELD_BYTES)
    }

    /// The year and month of `today`, when it reads as a date.
    pub(crate) fn year_month(&self) -> Option<(u32, u32)> {
        let mut parts = self.today.get(..7)?.split('-');
        let year: u32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        ((2000..2100).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
    }
}

/// One buying tip: its code (`impossible-capacity`, `brand-too-cheap`, `new-store`), what is
/// wrong and what to do in one sentence each, and the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    pub code: &'static str,
    pub message: String,
    pub evidence: String,
}

/// The engine's answer for a listing: its tips, none on a site that is not a brand's real
/// marketplace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListingTips {
    pub tips: Vec<Tip>,
}

impl ListingTips {
    pub(crate) fn push(&mut self, tip: Tip) {
        if self.tips.len() < MAX_TIPS {
            self.tips.push(tip);
        }
    }

    /// `{"tips":[{"code","message","evidence"}]}`, one line.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"tips\":[");
        for (i, tip) in self.tips.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"code\":");
            push_json_string(&mut out, tip.code);
            out.push_str(",\"message\":");
            push_json_string(&mut out, &tip.message);
            out.push_str(",\"evidence\":");
            push_json_string(&mut out, &tip.evidence);
            out.push('}');
        }
        out.push_str("]}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_day_it_is_or_nothing() {
        let day = |today: &str| ListingFacts { today: today.into(), ..ListingFacts::default() };
        assert_eq!(day("2026-12-08").year_month(), Some((2026, 12)));
        for bad in ["", "2026", "2026-13-01", "1999-01-01", "20x6-01-01", "2026-1", "день"] {
            assert_eq!(day(bad).year_month(), None, "{bad:?}");
        }
    }

    #[test]
    fn tips_as_json() {
        let mut tips = ListingTips::default();
        assert_eq!(tips.to_json(), "{\"tips\":[]}");
        tips.push(Tip {
            code: "new-store",
            message: "A \"new\" store.".into(),
            evidence: "x".into(),
        });
        let json: serde_json::Value = serde_json::from_str(&tips.to_json()).expect("JSON");
        assert_eq!(json["tips"][0]["message"], "A \"new\" store.");
        for _ in 0..20 {
            tips.push(Tip { code: "new-store", message: String::new(), evidence: String::new() });
        }
        assert_eq!(tips.tips.len(), MAX_TIPS, "bounded");
    }
}
