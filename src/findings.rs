//! Findings: what the layers report, before anything is written out — a typed [`Code`], a
//! layer, a severity, a message still to be written ([`Text`]) and the evidence. The engine
//! gathers them for one input and renders them into a [`Verdict`](crate::Verdict) once, at
//! the end ([`Findings::into_verdict`]).

use crate::code::Code;
use crate::messages::Text;
use crate::verdict::{score_and_level, Layer, Level, Severity};

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
    pub code: Code,
    /// 1 weak, 2 medium, 3 strong (see data/cues/README.md).
    pub weight: u8,
    pub message: Text,
    pub evidence: String,
}

impl Cue {
    pub fn new(layer: Layer, code: Code, weight: u8, message: Text, evidence: String) -> Self {
        Self { layer, code, weight, message, evidence }
    }
}

/// A [`Reason`](crate::Reason) whose message is still to be written out in the engine's language.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub layer: Layer,
    pub code: Code,
    pub severity: Severity,
    pub message: Text,
    pub evidence: String,
}

/// What the layers found so far for one input; becomes a [`Verdict`](crate::Verdict).
#[derive(Debug, Default)]
pub(crate) struct Findings {
    pub reasons: Vec<Finding>,
    pub verified: bool,
    pub lookalike_of: Option<String>,
}

impl Findings {
    /// The level these findings make, as their verdict has it before the user's sensitivity.
    pub fn level(&self) -> Level {
        score_and_level(self.reasons.iter().map(|r| r.severity)).1
    }

    /// Whether a finding of `code` was made.
    pub fn has(&self, code: Code) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }

    pub fn add(
        &mut self,
        layer: Layer,
        code: Code,
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
        code: Code,
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
        cues.sort_by_key(|cue| std::cmp::Reverse(cue.weight));
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
}
