//! Known-real brands and their official domains, compiled from `data/brands.txt` by build.rs.

/// A brand people are phished with.
#[derive(Debug)]
pub(crate) struct Brand {
    /// Display name, e.g. `AliExpress`.
    pub name: &'static str,
    /// marketplace, payment, delivery, ...
    #[allow(dead_code)] // read by the text layers and the extension's UI in later issues
    pub kind: &'static str,
    /// The site the warning bar sends people to.
    pub home: &'static str,
    /// The brand's name as it appears in host names.
    pub tokens: &'static [&'static str],
    /// The tokens that are also ordinary words: matched only exactly or by look-alike
    /// characters, never as part of a longer name.
    #[allow(dead_code)] // used by the indexed domain checks (issue 4)
    pub generic: &'static [&'static str],
}

mod table {
    use super::Brand;
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

pub(crate) fn brands() -> &'static [Brand] {
    table::BRANDS
}

/// The brand that officially owns `registrable` (an eTLD+1 in ASCII form), if any.
pub(crate) fn owner_of(registrable: &str) -> Option<&'static Brand> {
    let official = table::OFFICIAL;
    official.binary_search_by(|(domain, _)| (*domain).cmp(registrable)).ok().map(|at| &table::BRANDS[official[at].1 as usize])
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

    #[test]
    fn every_brand_has_a_home_it_owns() {
        for brand in brands() {
            let owner = owner_of(brand.home).map(|b| b.name);
            assert!(owner.is_some(), "{}'s home {} is not in the official table", brand.name, brand.home);
        }
    }
}
