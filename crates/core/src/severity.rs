//! Severity: reading what the author typed (SEV1, Sev 1, SEV-1, P0–P4, High/Medium/Low)
//! into one normalised level SEV1–SEV4, remembering the scale it was written in, and
//! writing a level back in any template's scale.

use serde::{Deserialize, Serialize};

/// The scale a severity was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// SEV1 (worst) … SEV4.
    Sev,
    /// P0 (worst) … P4 — seed 003.
    PZero,
    /// P1 (worst) … P4 — seed 004.
    POne,
    /// Critical / High / Medium / Low.
    Words,
}

/// A normalised severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Severity {
    /// 1 (worst) to 4.
    pub level: u8,
    /// The scale the author wrote it in.
    pub scale: Scale,
}

impl Severity {
    /// Reads a severity as typed. `hint` is the scale of the template the text came from;
    /// it decides what a bare "P1" means (SEV2 on a P0-based scale, SEV1 on a P1-based one).
    /// Returns `None` for text that names no single severity (empty, "SEV1/SEV2", "[P0, P1]").
    pub fn parse(text: &str, hint: Scale) -> Option<Severity> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let words: [(&str, u8); 5] = [
            ("critical", 1),
            ("high", 2),
            ("medium", 3),
            ("moderate", 3),
            ("low", 4),
        ];
        for (w, level) in words {
            if lower == w {
                return Some(Severity {
                    level,
                    scale: Scale::Words,
                });
            }
        }
        let (rest, is_sev) = if let Some(r) = lower.strip_prefix("sev") {
            (r, true)
        } else if let Some(r) = lower.strip_prefix('p') {
            (r, false)
        } else {
            return None;
        };
        let rest = rest.trim_start_matches([' ', '-', '_']);
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() || digits.len() > 1 {
            return None;
        }
        // Anything after the number must not name another level ("SEV1/SEV2").
        let tail = rest[digits.len()..].trim();
        if tail.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u8 = digits.parse().ok()?;
        if is_sev {
            return (1..=4).contains(&n).then_some(Severity {
                level: n,
                scale: Scale::Sev,
            });
        }
        let scale = if n == 0 || hint == Scale::PZero {
            Scale::PZero
        } else {
            Scale::POne
        };
        let level = match scale {
            Scale::PZero => n + 1,
            _ => n,
        };
        (1..=4)
            .contains(&level)
            .then_some(Severity { level, scale })
    }

    /// Writes this level in `scale`.
    pub fn render(self, scale: Scale) -> String {
        match scale {
            Scale::Sev => format!("SEV{}", self.level),
            Scale::PZero => format!("P{}", self.level - 1),
            Scale::POne => format!("P{}", self.level),
            Scale::Words => {
                ["Critical", "High", "Medium", "Low"][usize::from(self.level - 1)].to_string()
            }
        }
    }

    /// The normalised name, "SEV1" … "SEV4".
    pub fn name(self) -> String {
        self.render(Scale::Sev)
    }
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
            for scale in [Scale::Sev, Scale::PZero, Scale::POne, Scale::Words] {
                let text = s.render(scale);
                assert_eq!(lvl(&text, scale), Some(level), "{text}");
            }
        }
    }
}
