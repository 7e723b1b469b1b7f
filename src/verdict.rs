//! What the engine concludes and why: levels, scores, reasons with evidence, and advice.

use serde::Serialize;

use crate::code::Code;
use crate::findings::Findings;
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

    pub(crate) fn points(self) -> u8 {
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
    /// The reason to say first (an index into `reasons`): the strongest warning, or on a
    /// brand's real site with nothing to warn about, the reason that says it is real.
    pub headline: Option<usize>,
}

/// How readily the user wants to be warned; the engine's own judgement is `Balanced`.
/// Every caution reason scores 40 and every danger reason 80, so the other two act at those
/// steps: `Strict` shows every caution as a danger, `Relaxed` keeps quiet about a lone caution
/// (a score under 80) but still shows every danger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sensitivity {
    Strict,
    #[default]
    Balanced,
    Relaxed,
}

impl Sensitivity {
    /// `strict`, `balanced` or `relaxed`, as the extension's settings store it.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "strict" => Some(Self::Strict),
            "balanced" => Some(Self::Balanced),
            "relaxed" => Some(Self::Relaxed),
            _ => None,
        }
    }

    /// The level shown for a verdict of `score` whose own level is `level`.
    fn shown(self, level: Level, score: u8) -> Level {
        let (caution_at, danger_at) = match self {
            Self::Balanced => return level,
            Self::Strict => (Severity::Caution.points(), Severity::Caution.points()),
            Self::Relaxed => (Severity::Danger.points(), Severity::Danger.points()),
        };
        match score {
            0 => level,
            s if s >= danger_at => Level::Danger,
            s if s >= caution_at => Level::Caution,
            _ => Level::Safe,
        }
    }
}

/// The score and level that reasons of these severities make: the most severe reason sets the
/// floor, and several cautions together can add up to danger.
pub(crate) fn score_and_level(severities: impl Iterator<Item = Severity>) -> (u8, Level) {
    let (mut points, mut worst) = (0u32, Severity::Info);
    for severity in severities {
        points += u32::from(severity.points());
        worst = worst.max(severity);
    }
    let score = points.min(100) as u8;
    let level = match worst {
        Severity::Danger => Level::Danger,
        _ if score >= 80 => Level::Danger,
        Severity::Caution => Level::Caution,
        Severity::Info => Level::Safe,
    };
    (score, level)
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
                out.push(',');
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
            out.push('}');
        }
        out.push_str("],\"advice\":");
        push_json_string(&mut out, &self.advice);
        match self.headline {
            Some(at) => {
                out.push_str(",\"headline\":");
                out.push_str(&at.to_string());
            }
            None => out.push_str(",\"headline\":null"),
        }
        out.push('}');
        out
    }
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped as serde_json
/// escapes them, everything else as it is. A plain loop over the bytes: with iterator adapters
/// the WebAssembly build (optimised for size, so little is inlined) spent a fifth of a host
/// check here.
pub(crate) fn push_json_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
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
    out.push('"');
}

/// What to do, for the verdict's level and its strongest finding (`strongest`: its layer and
/// code): the advice follows the scheme the finding names.
fn advice_for(
    level: Level,
    verified: bool,
    lookalike_of: Option<&str>,
    strongest: Option<(Layer, Code)>,
) -> Text {
    let code = strongest.map(|(_, code)| code);
    let strongest = strongest.map(|(layer, _)| layer);
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
        (_, _) if code == Some(Code::FamilyNewNumber) => say!("advice.family"),
        (_, _) if matches!(code, Some(Code::ClaimAndRequest | Code::ClaimedSender)) => {
            say!("advice.claim")
        }
        (_, _) if strongest == Some(Layer::Payment) => say!("advice.payment"),
        (_, _) if strongest == Some(Layer::Pressure) => say!("advice.pressure"),
        (_, _) if strongest == Some(Layer::Offer) => say!("advice.offer"),
        (_, _) if strongest == Some(Layer::Pattern) => say!("advice.pattern"),
        (Level::Caution, _) => say!("advice.caution"),
        (Level::Danger, _) => say!("advice.danger"),
    }
}

impl Findings {
    /// The verdict: the findings scored ([`score_and_level`]) and written out in `language`,
    /// the level shown as `sensitivity` wants it; the headline and the advice follow the
    /// strongest finding (the first of the most severe).
    pub(crate) fn into_verdict(
        self,
        input: &str,
        language: &Language,
        sensitivity: Sensitivity,
    ) -> Verdict {
        let (score, level) = score_and_level(self.reasons.iter().map(|f| f.severity));
        let worst = self.reasons.iter().map(|f| f.severity).max().unwrap_or(Severity::Info);
        let strongest =
            self.reasons.iter().position(|f| f.severity == worst && worst > Severity::Info);
        // With nothing to warn about (or a warning the user's sensitivity keeps quiet), the
        // headline of a brand's real site says so.
        let shown = sensitivity.shown(level, score);
        let headline = strongest
            .filter(|_| shown > Level::Safe)
            .or_else(|| self.reasons.iter().position(|f| f.code == Code::Verified));
        let advice = language.write(&advice_for(
            level,
            self.verified,
            self.lookalike_of.as_deref(),
            strongest.map(|at| (self.reasons[at].layer, self.reasons[at].code)),
        ));
        let reasons = self
            .reasons
            .into_iter()
            .map(|f| Reason {
                layer: f.layer,
                code: f.code.as_str(),
                severity: f.severity,
                message: language.write(&f.message),
                evidence: f.evidence,
            })
            .collect();
        Verdict {
            input: input.to_string(),
            level: shown,
            score,
            verified: self.verified,
            lookalike_of: self.lookalike_of,
            reasons,
            advice,
            headline,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Finding;

    fn finding(severity: Severity) -> Finding {
        let (message, evidence) = (Text::Plain(String::new()), String::new());
        Finding { layer: Layer::Domain, code: Code::Typo, severity, message, evidence }
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
            let reasons = severities.iter().map(|&s| finding(s)).collect();
            let findings = Findings { reasons, ..Findings::default() };
            let verdict = findings.into_verdict("x", &Language::english(), Sensitivity::Balanced);
            assert_eq!((verdict.level, verdict.score), (level, score), "reasons {severities:?}");
        }
    }
}
