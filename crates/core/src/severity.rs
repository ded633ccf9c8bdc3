//! Severity: reading what the author typed (SEV0–SEV4 with spaces, dashes or any case,
//! S1–S4, P0–P4, "Priority 1 (Urgent)", Critical/Major/Minor, High/Medium/Low) into one
//! normalised level SEV1–SEV4, remembering the scale it was written in, and writing a
//! level back in any scale — the author's own for messages, a template's for export.

use serde::{Deserialize, Serialize};

/// The scale a severity was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// SEV1 (worst) … SEV4.
    Sev,
    /// SEV0 (worst) … SEV3: companies that keep SEV0 for the worst incidents.
    SevZero,
    /// S1 (worst) … S4.
    S,
    /// P0 (worst) … P4 — seed 003.
    PZero,
    /// P1 (worst) … P4 — seed 004.
    POne,
    /// Critical / High / Medium / Low.
    Words,
    /// Critical / Major / Minor / Trivial.
    Grades,
}

/// A normalised severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Severity {
    /// 1 (worst) to 4.
    pub level: u8,
    /// The scale the author wrote it in.
    pub scale: Scale,
}

/// Words that name a level on their own, and the scale they belong to.
const WORDS: [(&str, u8, Scale); 9] = [
    ("critical", 1, Scale::Words),
    ("high", 2, Scale::Words),
    ("medium", 3, Scale::Words),
    ("moderate", 3, Scale::Words),
    ("low", 4, Scale::Words),
    ("major", 2, Scale::Grades),
    ("minor", 3, Scale::Grades),
    ("trivial", 4, Scale::Grades),
    ("cosmetic", 4, Scale::Grades),
];

/// Prefixes of a numbered level, longest first, and what kind of number follows.
const PREFIXES: [(&str, Numbered); 6] = [
    ("severity", Numbered::Sev),
    ("priority", Numbered::P),
    ("prio", Numbered::P),
    ("sev", Numbered::Sev),
    ("p", Numbered::P),
    ("s", Numbered::S),
];

#[derive(Clone, Copy)]
enum Numbered {
    Sev,
    P,
    S,
}

impl Severity {
    /// Reads a severity as typed. `hint` is the scale of the template the text came from;
    /// it decides what a bare "P1" means (SEV2 on a P0-based scale, SEV1 on a P1-based one).
    /// Returns `None` for text that names no single severity (empty, "SEV1/SEV2", "[P0, P1]").
    pub fn parse(text: &str, hint: Scale) -> Option<Severity> {
        // Decoration around the level: "🔴 SEV1", "**P2**", "(High)".
        let t = text
            .trim()
            .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
            .trim();
        let lower = t.to_ascii_lowercase();
        let word_len = lower
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(lower.len());
        let (word, tail) = lower.split_at(word_len);
        // "High", "Major (customer facing)", "Critical - all regions".
        if let Some(&(_, level, scale)) = WORDS.iter().find(|(w, _, _)| *w == word) {
            return (!tail.chars().any(|c| c.is_ascii_digit()))
                .then_some(Severity { level, scale });
        }
        let (prefix, kind) = PREFIXES
            .iter()
            .find(|(p, _)| lower.starts_with(p))
            .copied()?;
        let rest = lower[prefix.len()..].trim_start_matches([' ', '-', '_', ':', '.', '#']);
        let rest = rest
            .strip_prefix('\u{2013}')
            .or_else(|| rest.strip_prefix('\u{2014}'))
            .map_or(rest, str::trim_start);
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() != 1 {
            return None;
        }
        // Anything after the number must not name another level ("SEV1/SEV2"), and a
        // letter right after it makes another word ("P1x", "S3cret").
        let tail = &rest[1..];
        if tail.chars().any(|c| c.is_ascii_digit())
            || tail.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let n: u8 = digits.parse().ok()?;
        let (level, scale) = match kind {
            Numbered::Sev if n == 0 || hint == Scale::SevZero => (n + 1, Scale::SevZero),
            Numbered::Sev => (n, Scale::Sev),
            Numbered::S => (n, Scale::S),
            Numbered::P if n == 0 || hint == Scale::PZero => (n + 1, Scale::PZero),
            Numbered::P => (n, Scale::POne),
        };
        (1..=4)
            .contains(&level)
            .then_some(Severity { level, scale })
    }

    /// Writes this level in `scale`.
    pub fn render(self, scale: Scale) -> String {
        let i = usize::from(self.level.clamp(1, 4) - 1);
        match scale {
            Scale::Sev => format!("SEV{}", self.level),
            Scale::SevZero => format!("SEV{}", self.level - 1),
            Scale::S => format!("S{}", self.level),
            Scale::PZero => format!("P{}", self.level - 1),
            Scale::POne => format!("P{}", self.level),
            Scale::Words => ["Critical", "High", "Medium", "Low"][i].to_string(),
            Scale::Grades => ["Critical", "Major", "Minor", "Trivial"][i].to_string(),
        }
    }

    /// This level in the scale the author wrote it in: "P1", "Major", "SEV0".
    pub fn spoken(self) -> String {
        self.render(self.scale)
    }

    /// The normalised name, "SEV1" … "SEV4".
    pub fn name(self) -> String {
        self.render(Scale::Sev)
    }
}

/// How a message names a report's severity: in the author's own scale, "unknown" when the
/// report states none.
pub fn spoken(severity: Option<Severity>) -> String {
    severity.map_or_else(|| "unknown".to_string(), Severity::spoken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lvl(t: &str, hint: Scale) -> Option<u8> {
        Severity::parse(t, hint).map(|s| s.level)
    }

    #[test]
    fn reads_every_spelling() {
        for t in ["SEV1", "Sev 1", "SEV-1", "sev1", "sev_1", "SEV1 - Critical"] {
            assert_eq!(lvl(t, Scale::Sev), Some(1), "{t}");
        }
        assert_eq!(lvl("P0", Scale::Sev), Some(1));
        assert_eq!(lvl("P1", Scale::PZero), Some(2));
        assert_eq!(lvl("P1", Scale::POne), Some(1));
        assert_eq!(lvl("P4", Scale::POne), Some(4));
        assert_eq!(lvl("High", Scale::Sev), Some(2));
        assert_eq!(lvl("low", Scale::Sev), Some(4));
    }

    #[test]
    fn reads_what_companies_write() {
        let read = |t: &str, hint| Severity::parse(t, hint).map(|s| (s.level, s.scale));
        for t in ["SEV0", "sev 0", "Sev-0", "SEV–0", "SEV 0 (all hands)"] {
            assert_eq!(read(t, Scale::Sev), Some((1, Scale::SevZero)), "{t}");
        }
        assert_eq!(read("SEV2", Scale::SevZero), Some((3, Scale::SevZero)));
        assert_eq!(read("Severity 2", Scale::Sev), Some((2, Scale::Sev)));
        assert_eq!(read("Severity: 3", Scale::Sev), Some((3, Scale::Sev)));
        for (t, level) in [("S1", 1), ("s2", 2), ("S-3", 3), ("S4", 4)] {
            assert_eq!(read(t, Scale::Sev), Some((level, Scale::S)), "{t}");
        }
        assert_eq!(
            read("Priority 1 (Urgent)", Scale::POne),
            Some((1, Scale::POne))
        );
        assert_eq!(
            read("Priority 1 (Urgent)", Scale::PZero),
            Some((2, Scale::PZero))
        );
        assert_eq!(read("prio 0", Scale::Sev), Some((1, Scale::PZero)));
        assert_eq!(read("Major", Scale::Sev), Some((2, Scale::Grades)));
        assert_eq!(read("minor", Scale::Sev), Some((3, Scale::Grades)));
        assert_eq!(read("Critical", Scale::Sev), Some((1, Scale::Words)));
        assert_eq!(
            read("High (customer facing)", Scale::Sev),
            Some((2, Scale::Words))
        );
        assert_eq!(read("🔴 **SEV1**", Scale::Sev), Some((1, Scale::Sev)));
        for t in [
            "Severe",
            "S5",
            "SEV4",
            "Sprint 2",
            "P1x",
            "High 2",
            "Status: open",
        ] {
            let hint = if t == "SEV4" {
                Scale::SevZero
            } else {
                Scale::Sev
            };
            assert_eq!(read(t, hint), None, "{t}");
        }
    }

    #[test]
    fn speaks_the_authors_own_scale() {
        let word = |t: &str, hint| Severity::parse(t, hint).map(Severity::spoken);
        assert_eq!(word("Sev 0", Scale::Sev).as_deref(), Some("SEV0"));
        assert_eq!(word("p1", Scale::PZero).as_deref(), Some("P1"));
        assert_eq!(
            word("Priority 1 (Urgent)", Scale::POne).as_deref(),
            Some("P1")
        );
        assert_eq!(word("major", Scale::Sev).as_deref(), Some("Major"));
        assert_eq!(word("s2", Scale::Sev).as_deref(), Some("S2"));
        assert_eq!(spoken(None), "unknown");
    }

    #[test]
    fn rejects_ranges_and_junk() {
        for t in [
            "",
            "SEV1/SEV2",
            "SEV5",
            "P5",
            "[P0, P1, P2]",
            "severe",
            "SEV12",
        ] {
            assert_eq!(lvl(t, Scale::PZero), None, "{t}");
        }
    }

    #[test]
    fn renders_in_each_scale_and_back() {
        for level in 1..=4 {
            let s = Severity {
                level,
                scale: Scale::Sev,
            };
            for scale in [
                Scale::Sev,
                Scale::SevZero,
                Scale::S,
                Scale::PZero,
                Scale::POne,
                Scale::Words,
                Scale::Grades,
            ] {
                let text = s.render(scale);
                assert_eq!(lvl(&text, scale), Some(level), "{text}");
            }
        }
    }
}
