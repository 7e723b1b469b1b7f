//! The `payment` layer: asking to pay where no shop or platform protects the buyer — money-
//! transfer services, gift cards, crypto (and wallet addresses written out), "friends and
//! family", "pay me directly for a discount", deposits "to unlock" earnings — and, what gives up
//! a marketplace's buyer protection as surely, confirming receipt before the goods arrive,
//! waving off its disputes, and taking the deal to another app. A bank transfer by itself is
//! ordinary and weighs little; the request around it is what counts.

use super::{cue_message, shorten, Scan, VERB, WRITER};
use crate::code::Code;
use crate::cues::CueHit;
use crate::findings::Cue;
use crate::verdict::Layer;

pub(crate) fn check(scan: &Scan, cues: &mut Vec<Cue>) {
    let mut phrases = scan.phrase_cues(Layer::Payment);
    check_gift_card_named(scan, &mut phrases);
    cues.extend(phrases);
    // An account to pay into: weak alone (invoices give one), but it is somewhere to send money.
    let iban = find_iban(scan.text);
    if let Some(range) = iban.clone() {
        let evidence = shorten(&scan.text[range]);
        cues.push(Cue::new(
            Layer::Payment,
            Code::BankDetails,
            1,
            cue_message(Code::BankDetails),
            evidence,
        ));
    }
    check_transfer_request(scan, iban, cues);
    check_off_platform_contact(scan, cues);
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

/// A gift card is a means of payment only where the reader is asked to pay with it: a phrase
/// built around the request ("pay .. with gift card", "send .. gift card": a request verb
/// inside it), or the card named in a clause that asks the reader for it and names the writer
/// as who gets it ("buy two Google Play cards and send me the codes"). Named otherwise it is a
/// product ("Steam Wallet Gift Card $50 … redeem your Steam card", a marketplace listing's
/// title and description) or news about one: the weak `gift-card` mention, not a request.
fn check_gift_card_named(scan: &Scan, cues: &mut Vec<Cue>) {
    let Some(at) = cues.iter().position(|cue| cue.code == Code::GiftCardPayment) else { return };
    let asked = scan.hits_of(Code::GiftCardPayment).any(|hit| {
        scan.any_word(scan.words_of(hit), VERB)
            || scan
                .clause_of(hit)
                .is_some_and(|clause| clause.request && scan.any_word(clause.words.clone(), WRITER))
    });
    if asked {
        return;
    }
    let named = cues.remove(at);
    if !cues.iter().any(|cue| cue.code == Code::GiftCard) {
        let message = cue_message(Code::GiftCard);
        cues.push(Cue::new(Layer::Payment, Code::GiftCard, 1, message, named.evidence));
    }
}

/// "For a better price contact me on WhatsApp +86 138…, we make the deal there": another app or
/// e-mail (the `chat-app` and `other-app` phrases), a price or deal to be had (`deal-word`), and
/// a number, address or handle to reach the writer there. Each alone is ordinary ("track it in
/// the app", "best price"); together they take the sale where the platform cannot see it.
fn check_off_platform_contact(scan: &Scan, cues: &mut Vec<Cue>) {
    if !scan.has(Code::DealWord) {
        return;
    }
    let mut apps =
        scan.hits.iter().filter(|hit| matches!(hit.group.code, Code::ChatApp | Code::OtherApp));
    let reachable = !scan.phones.is_empty() || scan.has_email || has_at_handle(scan.text);
    let Some(app) = apps.find(|app| reachable || handle_follows(scan, app)) else { return };
    let evidence = scan
        .original_clause_of(app)
        .map_or_else(|| scan.evidence(app.range.clone()), |range| shorten(&scan.text[range]));
    let message = cue_message(Code::OffPlatformContact);
    cues.push(Cue::new(Layer::Payment, Code::OffPlatformContact, 3, message, evidence));
}

/// Shortest handle read after an app's name or an `@`.
const MIN_HANDLE_CHARS: usize = 3;

/// `@cheapseller88`: an `@` that does not end a word (an e-mail address's does), then a handle.
fn has_at_handle(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        b == b'@'
            && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes[at + 1..]
                .iter()
                .take(MIN_HANDLE_CHARS)
                .filter(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count()
                == MIN_HANDLE_CHARS
    })
}

/// `WeChat: seller_wang2024`, `Line ID shop8899`: right after the app's name, an id with a digit
/// or an underscore (an ordinary word after it is no handle).
fn handle_follows(scan: &Scan, app: &CueHit) -> bool {
    let end = scan.folded.original_range(scan.text, app.range.clone()).end;
    let after = scan.text[end..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '-' | '='));
    let id: &str = after
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .next()
        .unwrap_or("");
    id.len() >= MIN_HANDLE_CHARS && id.bytes().any(|b| b.is_ascii_digit() || b == b'_')
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

/// "Pay by bank transfer to IBAN DE89…": a request (a clause that opens with one, or joins
/// one) to pay by bank transfer or into a given account is a request for money sent where no
/// one can get it back: `transfer-request`, which then stands for the bank-transfer mention and
/// the account number of the same request.
fn check_transfer_request(scan: &Scan, iban: Option<std::ops::Range<usize>>, cues: &mut Vec<Cue>) {
    if cues.iter().any(|cue| cue.code == Code::TransferRequest) {
        return;
    }
    // ("transfer" alone is any transfer, of securities or of a call: "bank transfer" is one.)
    let transfer_clause = scan
        .hits_of(Code::BankTransfer)
        .filter(|hit| scan.folded.text[hit.range.clone()].contains(' '))
        .find_map(|hit| scan.clause_of(hit).filter(|clause| clause.request))
        .or_else(|| {
            let at = iban?.start;
            scan.clauses.iter().filter(|clause| clause.request).find(|clause| {
                scan.original_range_of(clause).is_some_and(|range| range.contains(&at))
            })
        });
    let Some(clause) = transfer_clause else { return };
    let evidence = scan.clause_evidence(clause);
    cues.retain(|cue| !matches!(cue.code, Code::BankTransfer | Code::BankDetails));
    let message = cue_message(Code::TransferRequest);
    cues.push(Cue::new(Layer::Payment, Code::TransferRequest, 2, message, evidence));
}

/// An IBAN written in the text (`DE89 3704 0044 0532 0130 00`, `GB82WEST12345698765432`): two
/// capital letters, two check digits and 11 to 30 letters or digits, in groups of four or run
/// together, whose ISO 7064 check (mod 97) holds — a random run of that shape passes it once
/// in 97. The byte range of the first one found.
pub(crate) fn find_iban(text: &str) -> Option<std::ops::Range<usize>> {
    const MIN_LEN: usize = 15;
    const MAX_LEN: usize = 34;
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|start| {
        let starts_word = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let shaped = starts_word
            && bytes[start].is_ascii_uppercase()
            && bytes[start + 1].is_ascii_uppercase()
            && bytes[start + 2].is_ascii_digit()
            && bytes[start + 3].is_ascii_digit();
        if !shaped {
            return None;
        }
        // The characters of the IBAN, with where each ends in the text: single spaces between
        // groups are skipped.
        let mut chars: Vec<(u8, usize)> = Vec::with_capacity(MAX_LEN);
        let mut at = start;
        while at < bytes.len() && chars.len() < MAX_LEN {
            let b = bytes[at];
            if b.is_ascii_digit() || b.is_ascii_uppercase() {
                chars.push((b, at + 1));
                at += 1;
            } else if b == b' ' && bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
                at += 1;
            } else {
                break;
            }
        }
        // The longest run that ends a word and passes the check.
        (MIN_LEN..=chars.len()).rev().find_map(|len| {
            let end = chars[len - 1].1;
            let ends_word = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
            (ends_word && mod97_holds(&chars[..len])).then_some(start..end)
        })
    })
}

/// The ISO 7064 MOD 97-10 check of an IBAN: its first four characters moved to the end,
/// letters read as 10 to 35, the number modulo 97 is 1.
fn mod97_holds(chars: &[(u8, usize)]) -> bool {
    let rotated = chars[4..].iter().chain(&chars[..4]).map(|&(b, _)| b);
    let mut rest = 0u32;
    for b in rotated {
        let value = if b.is_ascii_digit() { u32::from(b - b'0') } else { u32::from(b - b'A') + 10 };
        rest = if value >= 10 { (rest * 100 + value) % 97 } else { (rest * 10 + value) % 97 };
    }
    rest == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gift_card_counts_as_payment_only_where_the_reader_is_asked_to_pay_with_it() {
        let cases = [
            // Asked for: a phrase around the request, or the writer named as who gets the card.
            ("Pay me with Steam gift card and I send the item today.", true),
            ("To release your package, buy two Google Play cards and send me the codes.", true),
            ("Kaufen Sie zwei Google Play Karten und schicken Sie mir die Codes.", true),
            ("Google Play Karte 25 EUR, Code per E-Mail.", false),
            ("Please send the gift card code to this number.", true),
            // The product of a listing, or a card the reader redeems for themselves.
            ("Steam Wallet Gift Card $50 - Digital Code. Redeem your Steam card on the Steam store.", false),
            ("Buy this Steam gift card and redeem your Steam card code. We send you the code within 1 hour.", false),
            ("Apple Gift Card 100 USD, delivered by e-mail.", false),
        ];
        for (text, asked) in cases {
            let mut cues = Vec::new();
            check(&Scan::new(text, &[]), &mut cues);
            let payment = cues.iter().any(|cue| cue.code == Code::GiftCardPayment);
            let mention = cues.iter().any(|cue| cue.code == Code::GiftCard && cue.weight == 1);
            assert_eq!(payment, asked, "{text:?}: a request to pay with a gift card? {cues:?}");
            assert!(asked || mention, "{text:?}: the card is still mentioned (weak): {cues:?}");
        }
    }

    #[test]
    fn finds_ibans_by_their_check_digits() {
        let cases = [
            ("Pay to DE89 3704 0044 0532 0130 00 today", Some("DE89 3704 0044 0532 0130 00")),
            ("IBAN: GB82WEST12345698765432.", Some("GB82WEST12345698765432")),
            ("FR14 2004 1010 0505 0001 3M02 606", Some("FR14 2004 1010 0505 0001 3M02 606")),
            // One digit off: the check fails.
            ("Pay to DE89 3704 0044 0532 0130 01 today", None),
            ("Order AB12 3456 7890 1234 shipped", None),
            ("no account here", None),
        ];
        for (text, want) in cases {
            assert_eq!(find_iban(text).map(|r| &text[r]), want, "{text:?}");
        }
    }

    #[test]
    fn an_at_handle_is_not_an_email_address() {
        let cases = [
            ("Add me on Telegram @cheapseller88 for discount", true),
            ("@shop_99 on WeChat", true),
            ("write to seller88@gmail.com", false),
            ("meet @ 5pm", false),
            ("@ab is too short", false),
        ];
        for (text, want) in cases {
            assert_eq!(has_at_handle(text), want, "{text:?}");
        }
    }

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
