//! Reason codes: what a finding is, as a type. Layers and the engine compare codes as values of
//! [`Code`], never as strings; the verdict carries each code's stable kebab-case name
//! ([`Code::as_str`]), which the extension, the tests and the CLI's JSON rely on.
//!
//! The text layers' cue groups in `data/cues/` name their codes too: build.rs turns each name
//! into its variant, so a code a data file names but this list lacks fails the build.

macro_rules! codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A reason code; see the module notes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub(crate) enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            #[cfg(test)]
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code's stable name, as the verdict carries it (`tld-swap`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }
        }
    };
}

codes! {
    // The domain layer: whose name a host borrows.
    /// The user trusts this site.
    Trusted = "trusted",
    /// A brand's real site (or a subdomain of one).
    Verified = "verified",
    EmbeddedDomain = "embedded-domain",
    TldSwap = "tld-swap",
    Homograph = "homograph",
    SplitName = "split-name",
    Typo = "typo",
    BrandInName = "brand-in-name",
    BrandInSubdomain = "brand-in-subdomain",
    MixedScript = "mixed-script",
    LatinLookalike = "latin-lookalike",
    /// An international name a browser would show as `xn--` code: look-alike separators,
    /// digits or marks, or characters no browser shows (src/idn_policy.rs).
    IdnUnsafe = "idn-unsafe",

    // The link layer: how a link is built.
    ScriptLink = "script-link",
    DataLink = "data-link",
    Userinfo = "userinfo",
    IpHost = "ip-host",
    Shortener = "shortener",
    DeepSubdomain = "deep-subdomain",
    BrandInPath = "brand-in-path",
    InternationalName = "international-name",
    /// A page's link whose text shows another site than the one it opens.
    LinkTextMismatch = "link-text-mismatch",
    /// A login or card form on a page that posts to another site.
    FormForeignHost = "form-foreign-host",

    // The payment layer.
    MoneyTransferService = "money-transfer-service",
    GiftCard = "gift-card",
    GiftCardPayment = "gift-card-payment",
    Crypto = "crypto",
    CryptoPayment = "crypto-payment",
    CryptoWallet = "crypto-wallet",
    /// A bank account to pay into (an IBAN), written out.
    BankDetails = "bank-details",
    BankTransfer = "bank-transfer",
    TransferRequest = "transfer-request",
    P2pPayment = "p2p-payment",
    FriendsAndFamily = "friends-and-family",
    PayDirectly = "pay-directly",
    DepositToUnlock = "deposit-to-unlock",
    /// "Click Confirm Received now": the payment released before the goods arrive.
    ConfirmReceipt = "confirm-receipt",
    /// "No need to open a dispute, I refund you directly": the platform's protection waved off.
    DisputeWaiver = "dispute-waiver",
    /// "For a better price contact me on WhatsApp +86…": the deal moved to another app or
    /// e-mail, with a number or handle to reach the seller there.
    OffPlatformContact = "off-platform-contact",
    /// Another app or e-mail to talk on (context for `off-platform-contact`).
    OtherApp = "other-app",
    /// A price or deal to be had (context for `off-platform-contact`).
    DealWord = "deal-word",

    // The pressure layer.
    Urgency = "urgency",
    Deadline = "deadline",
    Threat = "threat",
    FinalNotice = "final-notice",
    AccountBlocked = "account-blocked",
    Secrecy = "secrecy",
    SmallFee = "small-fee",
    /// The word "fee" (context for `small-fee`, never a reason alone).
    FeeWord = "fee-word",

    // The offer layer.
    Prize = "prize",
    ClaimReward = "claim-reward",
    FreeOffer = "free-offer",
    LoanOffer = "loan-offer",
    Clearance = "clearance",
    TooCheap = "too-cheap",
    BigDiscount = "big-discount",
    BrandedDiscount = "branded-discount",
    ImpossibleCapacity = "impossible-capacity",
    /// A listing's buying tip: a known brand at a tenth of the price the listing itself gives
    /// as its usual one.
    BrandTooCheap = "brand-too-cheap",
    /// A listing's buying tip: its store opened recently and has sold little.
    NewStore = "new-store",
    /// The word "discount" and its kin (context only).
    DiscountWord = "discount-word",
    /// "flash drive" and its kin (context only).
    FlashStorage = "flash-storage",
    /// "SSD" and its kin (context only).
    SsdStorage = "ssd-storage",

    // The pattern layer: known scam scripts, and impersonation.
    CustomsFee = "customs-fee",
    DeliveryFee = "delivery-fee",
    DeliveryProblem = "delivery-problem",
    AccountAlert = "account-alert",
    OrderAlert = "order-alert",
    RefundTrick = "refund-trick",
    CallbackBait = "callback-bait",
    PersonalDataRequest = "personal-data-request",
    ClaimCall = "claim-call",
    TaskScam = "task-scam",
    Recruitment = "recruitment",
    WorkFromHome = "work-from-home",
    ChatApp = "chat-app",
    PremiumRateNumber = "premium-rate-number",
    PremiumCharge = "premium-charge",
    TextToShortcode = "text-to-shortcode",
    /// A texting verb (context for `text-to-shortcode`).
    ShortcodeVerb = "shortcode-verb",
    /// A claim about the reader's account, card, parcel or payment, a request, and somewhere
    /// to act: the shape of an account or delivery scam.
    ClaimAndRequest = "claim-and-request",
    /// Such a claim made in the name of an institution (the post, customs, the bank).
    ClaimedSender = "claimed-sender",
    /// A relative or friend "on a new number" (the "hi mum" scam).
    FamilyNewNumber = "family-new-number",
    /// A message that speaks as a brand while its links lead elsewhere.
    Impersonation = "impersonation",
    /// A brand's content and a card or password form on a site that is not the brand's.
    ClonedStorefront = "cloned-storefront",

    // Notes on what was not read.
    TextTruncated = "text-truncated",
    TextLinksTruncated = "text-links-truncated",
    PageTextTruncated = "page-text-truncated",
    PageLinksTruncated = "page-links-truncated",
    PageFormsTruncated = "page-forms-truncated",
    PageFactsTruncated = "page-facts-truncated",
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn names_are_distinct_kebab_case() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|code| code.as_str()).collect();
        for name in &names {
            assert!(
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{name:?} is not kebab-case"
            );
        }
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "two codes share a name");
    }
}
