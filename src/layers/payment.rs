//! The `payment` layer: asking to pay where no shop or platform protects the buyer — money-
//! transfer services, gift cards, crypto (and wallet addresses written out), "friends and
//! family", "pay me directly for a discount", deposits "to unlock" earnings. A bank transfer
//! by itself is ordinary and weighs little; the request around it is what counts.

use super::{shorten, Scan};
use crate::code::Code;
use crate::findings::Cue;
use crate::verdict::Layer;

pub(crate) fn check(scan: &Scan, cues: &mut Vec<Cue>) {
    cues.extend(scan.phrase_cues(Layer::Payment));
    if let Some(address) =
        scan.text.split(|c: char| !c.is_ascii_alphanumeric()).find(|word| is_wallet_address(word))
    {
        let short = format!("{}…{}", &address[..6], &address[address.len() - 4..]);
        cues.push(Cue::new(
            Layer::Payment,
            Code::CryptoWallet,
            3,
            super::cue_message(Code::CryptoWallet),
            shorten(&short),
        ));
    }
}

/// Bitcoin (bech32 `bc1…`, base58 `1…`/`3…`), Ethereum (`0x` + 40 hex) and TRON (`T…`)
/// addresses, by shape: length, alphabet, and a random-looking mix of digits and letters.
fn is_wallet_address(word: &str) -> bool {
    const BASE58: &str = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    const BECH32: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let mixed = |w: &str, letters: usize| {
        w.bytes().any(|b| b.is_ascii_digit())
            && w.bytes().filter(u8::is_ascii_alphabetic).count() >= letters
    };
    let len = word.len();
    if !(26..=62).contains(&len) {
        return false; // every address is 26 to 62 characters long: most words are shorter
    }
    if let Some(hex) = word.strip_prefix("0x") {
        return len == 42 && hex.bytes().all(|b| b.is_ascii_hexdigit()) && mixed(hex, 3);
    }
    if let Some(rest) = word.strip_prefix("bc1") {
        return (42..=62).contains(&len)
            && rest.chars().all(|c| BECH32.contains(c))
            && mixed(rest, 8);
    }
    let shaped = (word.starts_with(['1', '3']) && (26..=35).contains(&len))
        || (word.starts_with('T') && len == 34);
    shaped
        && word.chars().all(|c| BASE58.contains(c))
        && mixed(word, 8)
        && word.bytes().any(|b| b.is_ascii_uppercase())
        && word.bytes().any(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_wallet_addresses_by_shape() {
        for address in [
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        ] {
            assert!(is_wallet_address(address), "{address}");
        }
        for word in [
            "1234567890123456789012345678",
            "0x1234",
            "bc1",
            "Thisisaverylongwordbutnotawallet1",
            "TRACKINGNUMBER1234567890ABCDEFGHJK",
        ] {
            assert!(!is_wallet_address(word), "{word}");
        }
    }
}
