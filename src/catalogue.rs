//! Known-real brands and their official domains (`data/brands.txt`), and the lists of sites
//! that shape how a host is judged: popular sites (never called lookalikes, and protected from
//! homographs and embedding), free hosting and dynamic DNS (anyone can get a name there), and
//! URL shorteners (the real destination is hidden). All compiled in by build.rs.

/// A brand people are phished with.
#[derive(Debug)]
pub(crate) struct Brand {
    /// Display name, e.g. `AliExpress`.
    pub name: &'static str,
    /// marketplace, payment, delivery, ...
    #[allow(dead_code)] // read by the text layers (issue 5)
    pub kind: &'static str,
    /// The site the warning bar sends people to.
    pub home: &'static str,
    /// The brand's name as it appears in host names.
    pub tokens: &'static [&'static str],
    /// The skeleton of each token, in the same order.
    pub skeletons: &'static [&'static str],
    /// The tokens that are also ordinary words: matched only exactly or by look-alike
    /// characters, never as part of a longer name.
    pub generic: &'static [&'static str],
}

mod table {
    use super::Brand;
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

mod sites {
    use crate::lines::NameSet;
    include!(concat!(env!("OUT_DIR"), "/sites.rs"));
}

pub(crate) fn brands() -> &'static [Brand] {
    table::BRANDS
}

/// The brand that officially owns `registrable` (an eTLD+1 in ASCII form), if any.
#[cfg(test)]
pub(crate) fn owner_of(registrable: &str) -> Option<&'static Brand> {
    owner_index(registrable).map(|at| &table::BRANDS[at])
}

/// The position in [`brands`] of the brand that officially owns `registrable`.
pub(crate) fn owner_index(registrable: &str) -> Option<usize> {
    let official = table::OFFICIAL;
    official.binary_search_by(|(domain, _)| (*domain).cmp(registrable)).ok().map(|at| official[at].1 as usize)
}

impl Brand {
    pub fn is_generic(&self, token: &str) -> bool {
        self.generic.contains(&token)
    }
}

/// One of the most visited registrable domains (ASCII form).
pub(crate) fn is_popular(registrable: &str) -> bool {
    sites::POPULAR.contains(registrable)
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
    fn official_table_is_sorted_for_bisection() {
        assert!(table::OFFICIAL.windows(2).all(|pair| pair[0].0 < pair[1].0));
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
        for (domain, _) in table::OFFICIAL {
            assert!(!is_free_hosting(domain), "{domain} is free hosting and cannot be a brand's official domain");
        }
    }

    #[test]
    fn every_brand_has_a_home_it_owns() {
        for brand in brands() {
            let owner = owner_of(brand.home).map(|b| b.name);
            assert!(owner.is_some(), "{}'s home {} is not in the official table", brand.name, brand.home);
        }
    }
}
