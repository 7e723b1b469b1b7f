//! What the engine concludes and why: levels, scores, reasons with evidence, and advice.

use serde::Serialize;

use crate::messages::{say, Language, Text};

/// How worried the user should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Safe,
    Caution,
    Danger,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Caution => "caution",
            Self::Danger => "danger",
        }
    }
}

/// How much one reason weighs. `Info` explains without raising the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Caution,
    Danger,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Caution => "caution",
            Self::Danger => "danger",
        }
    }

    fn points(self) -> u8 {
        match self {
            Self::Info => 0,
            Self::Caution => 40,
            Self::Danger => 80,
        }
    }
}

/// The six detection layers; every reason names the one that raised it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Domain,
    Link,
    Payment,
    Pressure,
    Offer,
    Pattern,
}

impl Layer {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::Link => "link",
            Self::Payment => "payment",
            Self::Pressure => "pressure",
            Self::Offer => "offer",
            Self::Pattern => "pattern",
        }
    }
}

/// One finding, explained: what was seen (`evidence`), what it means (`message`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub layer: Layer,
    /// Stable machine name of the finding, e.g. `tld-swap`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The words or characters that gave it away, short.
    pub evidence: String,
}

/// The engine's answer for one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub input: String,
    pub level: Level,
    /// 0–100: how strongly the reasons together point to a scam.
    pub score: u8,
    /// The host is a known-real domain of a catalogue brand, or a subdomain of one.
    pub verified: bool,
    /// The real registrable domain this input imitates.
    pub lookalike_of: Option<String>,
    pub reasons: Vec<Reason>,
    /// What to do, in one or two sentences.
    pub advice: String,
}

impl Verdict {
    /// Scores the reasons and picks the level: the most severe reason sets the floor, and
    /// several cautions together can add up to danger.
    pub(crate) fn from_reasons(
        input: &str,
        verified: bool,
        lookalike_of: Option<String>,
        reasons: Vec<Reason>,
        language: &Language,
    ) -> Self {
        let score =
            reasons.iter().map(|r| u32::from(r.severity.points())).sum::<u32>().min(100) as u8;
        let worst = reasons.iter().map(|r| r.severity).max().unwrap_or(Severity::Info);
        let level = match worst {
            Severity::Danger => Level::Danger,
            _ if score >= 80 => Level::Danger,
            Severity::Caution => Level::Caution,
            Severity::Info => Level::Safe,
        };
        // The advice follows the strongest finding (the first of the most severe).
        let strongest =
            reasons.iter().find(|r| r.severity == worst && worst > Severity::Info).map(|r| r.layer);
        let advice =
            language.write(&advice_for(level, verified, lookalike_of.as_deref(), strongest));
        Self { input: input.to_string(), level, score, verified, lookalike_of, reasons, advice }
    }
}

impl Verdict {
    /// The verdict as one line of JSON, the same as serde's (`tests/verdicts.rs` holds them to
    /// it). The WebAssembly boundary hands this to `JSON.parse`: one call, where building the
    /// object field by field from Rust took a quarter of a host check.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + self.input.len() + self.reasons.len() * 160);
        out.push_str("{\"input\":");
        push_json_string(&mut out, &self.input);
        out.push_str(",\"level\":\"");
        out.push_str(self.level.as_str());
        out.push_str("\",\"score\":");
        out.push_str(&self.score.to_string());
        out.push_str(if self.verified { ",\"verified\":true" } else { ",\"verified\":false" });
        out.push_str(",\"lookalike_of\":");
        match &self.lookalike_of {
            Some(real) => push_json_string(&mut out, real),
            None => out.push_str("null"),
        }
        out.push_str(",\"reasons\":[");
        for (i, reason) in self.reasons.iter().enumerate() {
            if i > 0 {
                out.push_str(",");
            }
            out.push_str("{\"layer\":\"");
            out.push_str(reason.layer.as_str());
            out.push_str("\",\"code\":");
            push_json_string(&mut out, reason.code);
            out.push_str(",\"severity\":\"");
            out.push_str(reason.severity.as_str());
            out.push_str("\",\"message\":");
            push_json_string(&mut out, &reason.message);
            out.push_str(",\"evidence\":");
            push_json_string(&mut out, &reason.evidence);
            out.push_str("}");
        }
        out.push_str("],\"advice\":");
        push_json_string(&mut out, &self.advice);
        out.push_str("}");
        out
    }
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped as serde_json
/// escapes them, everything else as it is. A plain loop over the bytes: with iterator adapters
/// the WebAssembly build (optimised for size, so little is inlined) spent a fifth of a host
/// check here.
fn push_json_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\"");
    let bytes = text.as_bytes();
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        let byte = bytes[at];
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            at += 1;
            continue;
        }
        out.push_str(&text[start..at]);
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                let escape = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ];
                out.push_str(std::str::from_utf8(&escape).unwrap_or("\\ufffd"));
            }
        }
        at += 1;
        start = at;
    }
    out.push_str(&text[start..]);
    out.push_str("\"");
}

fn advice_for(
    level: Level,
    verified: bool,
    lookalike_of: Option<&str>,
    strongest: Option<Layer>,
) -> Text {
    match (level, lookalike_of) {
        (Level::Safe, _) if verified => say!("advice.safe-verified"),
        (Level::Safe, _) => say!("advice.safe"),
        // The real site, with something on it that is not: a seller's message, a link in it.
        (_, None) if verified => say!("advice.real-site-request"),
        (_, Some(real))
            if matches!(strongest, Some(Layer::Domain | Layer::Link | Layer::Pattern) | None) =>
        {
            say!("advice.lookalike", real)
        }
        (_, _) if strongest == Some(Layer::Payment) => say!("advice.payment"),
        (_, _) if strongest == Some(Layer::Pressure) => say!("advice.pressure"),
        (_, _) if strongest == Some(Layer::Offer) => say!("advice.offer"),
        (_, _) if strongest == Some(Layer::Pattern) => say!("advice.pattern"),
        (Level::Caution, _) => say!("advice.caution"),
        (Level::Danger, _) => say!("advice.danger"),
    }
}

/// Weighed text cues from this total on make a caution.
pub(crate) const CAUTION_AT: u32 = 3;
/// Weighed text cues from this total on make a danger.
pub(crate) const DANGER_AT: u32 = 5;
/// Weak cues together count at most this much: "urgent" and "transfer" in one chat message
/// are still ordinary.
pub(crate) const MAX_WEAK_TOTAL: u32 = 2;

/// A cue of a text layer before weighing: alone it may mean little, with others a scam.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub layer: Layer,
    pub code: &'static str,
    /// 1 weak, 2 medium, 3 strong (see data/cues/README.md).
    pub weight: u8,
    pub message: Text,
    pub evidence: String,
}

impl Cue {
    pub fn new(
        layer: Layer,
        code: &'static str,
        weight: u8,
        message: Text,
        evidence: String,
    ) -> Self {
        Self { layer, code, weight, message, evidence }
    }
}

/// A [`Reason`] whose message is still to be written out in the engine's language.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub layer: Layer,
    pub code: &'static str,
    pub severity: Severity,
    pub message: Text,
    pub evidence: String,
}

/// A reason of another verdict (a link's, in a message), already written out.
impl From<Reason> for Finding {
    fn from(reason: Reason) -> Self {
        Self {
            layer: reason.layer,
            code: reason.code,
            severity: reason.severity,
            message: Text::Plain(reason.message),
            evidence: reason.evidence,
        }
    }
}

/// What the layers found so far for one input; becomes a [`Verdict`].
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub reasons: Vec<Finding>,
    pub verified: bool,
    pub lookalike_of: Option<String>,
}

impl Findings {
    pub fn add(
        &mut self,
        layer: Layer,
        code: &'static str,
        severity: Severity,
        message: impl Into<Text>,
        evidence: String,
    ) {
        self.reasons.push(Finding { layer, code, severity, message: message.into(), evidence });
    }

    /// A finding that the input imitates the real registrable domain `real`.
    pub fn lookalike(
        &mut self,
        layer: Layer,
        code: &'static str,
        severity: Severity,
        message: Text,
        evidence: String,
        real: &str,
    ) {
        self.lookalike_of.get_or_insert_with(|| real.to_string());
        self.add(layer, code, severity, message, evidence);
    }

    /// Weighs the text layers' cues together and adds them as reasons. Every code counts
    /// once with its weight (1 weak, 2 medium, 3 strong), weak ones together at most
    /// [`MAX_WEAK_TOTAL`]; a link, telephone number or e-mail address to act on adds one.
    /// From [`CAUTION_AT`] the text is a caution, from [`DANGER_AT`] a danger: one weak cue
    /// never raises the level, a strong one alone does (caution), and a fee, a link and a
    /// deadline together make a danger. The strongest cue carries the level; the other
    /// medium and strong ones are listed as corroboration, weak ones as explanation (info).
    pub fn weigh_cues(&mut self, mut cues: Vec<Cue>, contact: bool) {
        cues.sort_by(|a, b| b.weight.cmp(&a.weight));
        cues.dedup_by(|later, earlier| later.code == earlier.code);
        let weak = cues.iter().filter(|cue| cue.weight == 1).count() as u32;
        let mut total: u32 =
            cues.iter().filter(|cue| cue.weight >= 2).map(|cue| u32::from(cue.weight)).sum::<u32>()
                + weak.min(MAX_WEAK_TOTAL);
        if total > 0 && contact {
            total += 1;
        }
        let level = match total {
            t if t >= DANGER_AT => Level::Danger,
            t if t >= CAUTION_AT => Level::Caution,
            _ => Level::Safe,
        };
        for (rank, cue) in cues.into_iter().enumerate() {
            let severity = match (level, rank) {
                (Level::Danger, 0) => Severity::Danger,
                (Level::Caution, 0) => Severity::Caution,
                (Level::Danger, _) if cue.weight >= 2 => Severity::Caution,
                _ => Severity::Info,
            };
            self.add(cue.layer, cue.code, severity, cue.message, cue.evidence);
        }
    }

    /// The verdict, its messages and advice written out in `language`.
    pub fn into_verdict(self, input: &str, language: &Language) -> Verdict {
        let reasons = self
            .reasons
            .into_iter()
            .map(|f| Reason {
                layer: f.layer,
                code: f.code,
                severity: f.severity,
                message: language.write(&f.message),
                evidence: f.evidence,
            })
            .collect();
        Verdict::from_reasons(input, self.verified, self.lookalike_of, reasons, language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(severity: Severity) -> Reason {
        Reason {
            layer: Layer::Domain,
            code: "test",
            severity,
            message: String::new(),
            evidence: String::new(),
        }
    }

    #[test]
    fn levels_and_scores_follow_the_reasons() {
        let cases: [(&[Severity], Level, u8); 5] = [
            (&[], Level::Safe, 0),
            (&[Severity::Info], Level::Safe, 0),
            (&[Severity::Caution], Level::Caution, 40),
            (&[Severity::Caution, Severity::Caution], Level::Danger, 80),
            (&[Severity::Danger, Severity::Danger], Level::Danger, 100),
        ];
        for (severities, level, score) in cases {
            let verdict = Verdict::from_reasons(
                "x",
                false,
                None,
                severities.iter().map(|&s| reason(s)).collect(),
                &Language::english(),
            );
            assert_eq!((verdict.level, verdict.score), (level, score), "reasons {severities:?}");
        }
    }
}
