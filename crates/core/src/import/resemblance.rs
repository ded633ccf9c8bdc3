//! Which seed template an imported document most resembles, scored on the section headings
//! it uses (and on seed 001's pasted form).


/// Each seed's section headings, normalised.
// TODO(lead): derive these from `templates.rs` once it is on main.
const SEEDS: [(&str, &[&str]); 5] = [
    (
        "000",
        &[
            "summary",
            "impact",
            "timeline",
            "root cause",
            "contributing factors",
            "detection",
            "response",
            "what went well",
            "what could be improved",
            "action items",
            "lessons learned",
        ],
    ),
    (
        "001",
        &[
            "summary",
            "one line summary",
            "impact",
            "user impact",
            "business impact",
            "systems affected",
            "timeline",
            "root cause",
            "what happened",
            "why it happened",
            "trigger",
            "contributing factors",
            "detection",
            "how was it detected",
            "detection delay",
            "detection gaps",
            "response",
            "what went well",
            "what didnt go well",
            "where we got lucky",
            "resolution",
            "immediate fix",
            "verification",
            "action items",
            "immediate",
            "short term",
            "long term",
            "prevention",
            "how do we prevent recurrence",
            "how do we detect faster",
            "how do we recover faster",
            "lessons learned",
            "key takeaways",
            "process improvements",
            "appendix",
            "related incidents",
            "relevant logs dashboards",
            "external references",
            "sign off",
        ],
    ),
    (
        "002",
        &[
            "summary",
            "one line summary",
            "impact",
            "timeline",
            "root cause analysis",
            "what happened",
            "why it happened",
            "contributing factors",
            "response analysis",
            "what went well",
            "what could have gone better",
            "where we got lucky",
            "action items",
            "action item details",
            "lessons learned",
            "key takeaways",
            "questions to consider",
            "appendix",
            "supporting data",
            "related incidents",
            "references",
            "sign off",
        ],
    ),
    (
        "003",
        &[
            "incident summary",
            "detection",
            "response timeline",
            "root cause analysis",
            "resolution",
            "lessons learned",
            "action items",
            "supporting information",
        ],
    ),
    (
        "004",
        &[
            "incident metadata",
            "executive summary",
            "timeline",
            "root cause analysis",
            "what happened",
            "5 whys analysis",
            "root cause",
            "contributing factors",
            "impact assessment",
            "what went well",
            "what could be improved",
            "action items",
            "lessons learned",
            "appendix",
            "relevant logs",
            "relevant metrics graphs",
            "related incidents",
        ],
    ),
];

/// The seed ("000"…"004") the headings most resemble, or `None` for a custom layout.
/// `headings` are normalised (see `sections::norm`).
pub fn guess(headings: &[String], pasted: bool) -> Option<String> {
    if pasted {
        return Some("001".to_string());
    }
    let mut best: Option<(&str, f64)> = None;
    for (id, seed) in SEEDS {
        let hits = seed.iter().filter(|h| headings.iter().any(|d| d == *h)).count();
        let extra = headings
            .iter()
            .filter(|d| !seed.iter().any(|h| h == d))
            .count();
        let union = seed.len() + extra;
        let score = if union == 0 {
            0.0
        } else {
            hits as f64 / union as f64
        };
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((id, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.3).map(|(id, _)| id.to_string())
}

/// Normalised headings, for callers holding raw heading text.
#[cfg(test)]
fn normalise_all(raw: &[&str]) -> Vec<String> {
    raw.iter().map(|h| super::sections::norm(h)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_closest_seed() {
        let h = normalise_all(&[
            "Incident Metadata",
            "Executive Summary",
            "Timeline",
            "Root Cause Analysis",
            "5 Whys Analysis",
            "Impact Assessment",
            "Action Items",
        ]);
        assert_eq!(guess(&h, false).as_deref(), Some("004"));
        let h = normalise_all(&["1. Incident Summary", "2. Detection", "3. Response Timeline"]);
        assert_eq!(guess(&h, false).as_deref(), Some("003"));
        assert_eq!(guess(&normalise_all(&["Notes", "Pets"]), false), None);
    }
}
