//! Known-real brands and their official domains (`data/brands.txt`), and the lists of sites
//! that shape how a host is judged: popular sites (never called lookalikes, and protected from
//! homographs and embedding), free hosting and dynamic DNS (anyone can get a name there), and
//! URL shorteners (the real destination is hidden). All compiled in by build.rs.

use std::sync::OnceLock;

use crate::lines::Slots;
use crate::skeleton::fnv32;

/// A brand people are phished with, as read from the compiled catalogue (see build.rs for
/// the layout: length-prefixed text, so the wasm carries no tables of pointers).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Brand {
    /// Display name, e.g. `AliExpress`.
    pub name: &'static str,
    /// marketplace, payment, delivery, ...
    pub kind: &'static str,
    /// The site the warning bar sends people to.
    pub home: &'static str,
    /// The brand's tokens, still encoded, and how many.
    tokens: (Fields, usize),
}

/// One of a brand's names as it appears in host names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BrandToken {
    pub text: &'static str,
    /// What the token looks like ([`crate::skeleton`]).
    pub skeleton: &'static str,
    /// An ordinary word too (`target`, `chase`): matched only exactly or by look-alike
    /// characters, never as part of a longer name.
    pub generic: bool,
    /// Rare enough among real domain names (data/distinctive_names.txt, measured on the
    /// Tranco top 1M) that the name inside any other domain, or under a suffix the brand does
    /// not own, is a lookalike whatever the other words.
    pub distinctive: bool,
    /// The brand holds country sites (`airfrance.es`): its name under another country code is
    /// as likely its own.
    pub country_sites: bool,
    /// One typing slip from other established sites (data/brands.txt `slip-prone`: `mizuho`
    /// and `mizuno.com`): every check but a slip.
    pub slip_prone: bool,
    /// An ordinary word that real sites seldom pair with scam words (data/keyword_names.txt,
    /// measured on the Tranco top 1M: `stripe`, `telegram`): beside any scam word it counts.
    pub keywords: bool,
}

mod table {
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

mod sites {
    use crate::lines::NameSet;
    include!(concat!(env!("OUT_DIR"), "/sites.rs"));
}

/// The brands in catalogue order (the order [`owner_index`] counts in).
pub(crate) fn brands() -> impl Iterator<Item = Brand> {
    let mut fields = Fields { text: table::BRANDS, at: 0 };
    std::iter::from_fn(move || {
        if fields.at >= fields.text.len() {
            return None;
        }
        let (name, kind, home) = (fields.field(), fields.field(), fields.field());
        let count = fields.byte();
        let tokens = fields;
        for _ in 0..count {
            fields.byte();
            fields.field();
            fields.field();
        }
        Some(Brand { name, kind, home, tokens: (tokens, count) })
    })
}

/// The kind of the catalogue brand whose home is `home` (`marketplace` for `amazon.com`).
pub(crate) fn kind_of(home: &str) -> Option<&'static str> {
    brands().find(|brand| brand.home == home).map(|brand| brand.kind)
}

/// A reader of the compiled catalogue's length-prefixed fields. Past the end (which build.rs
/// never writes) it reads empty fields and zeros, never panics.
#[derive(Debug, Clone, Copy)]
struct Fields {
    text: &'static str,
    at: usize,
}

impl Fields {
    fn byte(&mut self) -> usize {
        let byte = self.text.as_bytes().get(self.at).copied().unwrap_or(0);
        self.at += 1;
        usize::from(byte)
    }

    fn field(&mut self) -> &'static str {
        let len = self.byte();
        let field = self.text.get(self.at..self.at + len).unwrap_or("");
        self.at += len;
        field
    }
}

/// The brand that officially owns `registrable` (an eTLD+1 in ASCII form), if any.
pub(crate) fn owner_of(registrable: &str) -> Option<Brand> {
    brands().nth(owner_index(registrable)?)
}

/// The position in [`brands`] of the brand that officially owns `registrable`.
pub(crate) fn owner_index(registrable: &str) -> Option<usize> {
    let official = official();
    let line = official
        .by_name
        .find(fnv32(registrable), |line| official.lines[line as usize] == registrable)?;
    table::OWNERS.get(line as usize).map(|&brand| usize::from(brand))
}

/// The official domains read into a list, and those hashed, once per process (~1,300
/// names, tens of microseconds): a host costs several owner lookups — its own name, each
/// longer name ending in it, each domain-like piece of it — nearly all of them misses.
struct Official {
    lines: Vec<&'static str>,
    by_name: Slots,
}

fn official() -> &'static Official {
    static OFFICIAL: OnceLock<Official> = OnceLock::new();
    OFFICIAL.get_or_init(|| {
        let mut fields = Fields { text: table::OFFICIAL, at: 0 };
        let lines: Vec<&'static str> =
            std::iter::from_fn(|| (fields.at < fields.text.len()).then(|| fields.field()))
                .collect();
        let mut by_name = Slots::with_room_for(lines.len());
        for (at, &line) in lines.iter().enumerate() {
            by_name.insert(fnv32(line), at as u32, |other| lines[other as usize] == line);
        }
        Official { lines, by_name }
    })
}

#[cfg(test)]
fn official_domains() -> &'static [&'static str] {
    &official().lines
}

impl Brand {
    pub fn tokens(&self) -> impl Iterator<Item = BrandToken> {
        let (mut fields, count) = self.tokens;
        (0..count).map(move |_| {
            let kind = fields.byte();
            let text = fields.field();
            let skeleton = Some(fields.field()).filter(|s| !s.is_empty()).unwrap_or(text);
            BrandToken {
                text,
                skeleton,
                generic: kind & 3 == 1,
                distinctive: kind & 3 >= 2,
                country_sites: kind & 3 == 3,
                slip_prone: kind & 4 != 0,
                keywords: kind & 8 != 0,
            }
        })
    }
}

/// One of the most visited registrable domains (ASCII form).
pub(crate) fn is_popular(registrable: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    return sites::POPULAR.contains(registrable);
    #[cfg(target_arch = "wasm32")]
    return crate::index::is_loaded_popular(registrable);
}

/// A legitimate neighbour: a registrable domain of the Tranco top 1M that the domain checks
/// would call a caution-level lookalike (data/neighbours.txt, generated by
/// tools/update-domain-data.py from an engine built with the feature `no-neighbours`).
pub(crate) fn is_neighbour(registrable: &str) -> bool {
    !cfg!(feature = "no-neighbours") && sites::NEIGHBOURS.contains(registrable)
}

/// A registrable domain under which anyone can get a subdomain for free.
pub(crate) fn is_free_hosting(registrable: &str) -> bool {
    sites::FREE_HOSTING.contains(registrable)
}

/// A URL shortener, whose links hide where they lead.
pub(crate) fn is_shortener(registrable: &str) -> bool {
    sites::SHORTENERS.contains(registrable)
}

/// A word scammers join to brand names in host names (`refund`, `login`), lowercase.
pub(crate) fn is_host_keyword(word: &str) -> bool {
    sites::KEYWORDS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_table_has_an_owner_per_domain() {
        assert_eq!(official_domains().len(), table::OWNERS.len());
        assert!(
            official_domains().windows(2).all(|pair| pair[0] < pair[1]),
            "sorted for bisection"
        );
        assert!(table::OWNERS.iter().all(|&brand| usize::from(brand) < brands().count()));
    }

    #[test]
    fn reads_tokens_back() {
        let amazon = brands().find(|b| b.name == "Amazon").expect("Amazon in the catalogue");
        assert_eq!((amazon.kind, amazon.home), ("marketplace", "amazon.com"));
        assert!(amazon.tokens().any(|t| t
            == BrandToken {
                text: "amazon",
                skeleton: "amazon",
                generic: false,
                distinctive: false,
                country_sites: false,
                slip_prone: false,
                keywords: false,
            }));
        let aliexpress =
            brands().find(|b| b.name == "AliExpress").expect("AliExpress in the catalogue");
        assert!(aliexpress.tokens().any(|t| t
            == BrandToken {
                text: "aliexpress",
                skeleton: "allexpress",
                generic: false,
                distinctive: true,
                country_sites: true,
                slip_prone: false,
                keywords: false,
            }));
        let generic: Vec<BrandToken> =
            brands().flat_map(|b| b.tokens().collect::<Vec<_>>()).filter(|t| t.generic).collect();
        assert!(generic.iter().any(|t| t.text == "target"), "{generic:?}");
    }

    #[test]
    fn finds_owners() {
        let cases = [
            ("aliexpress.com", Some("AliExpress")),
            ("aliexpress.ru", Some("AliExpress")),
            ("amazon.de", Some("Amazon")),
            ("amazon.co.uk", Some("Amazon")),
            ("paypal-community.com", Some("PayPal")),
            ("alicdn.com", Some("AliExpress")),
            ("aliexpress.shop", None),
            ("example.com", None),
        ];
        for (domain, expected) in cases {
            assert_eq!(owner_of(domain).map(|brand| brand.name), expected, "owner of {domain}");
        }
    }

    /// Anyone can put a page on a free host's subdomain, so none may count as a brand's own.
    #[test]
    fn no_official_domain_hosts_strangers() {
        for domain in official_domains() {
            assert!(
                !is_free_hosting(domain),
                "{domain} is free hosting and cannot be a brand's official domain"
            );
        }
    }

    #[test]
    fn every_brand_has_a_home_it_owns() {
        for brand in brands() {
            let owner = owner_of(brand.home).map(|b| b.name);
            assert!(
                owner.is_some(),
                "{}'s home {} is not in the official table",
                brand.name,
                brand.home
            );
        }
    }
}
