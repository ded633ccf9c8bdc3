//! Which seed template an imported document most resembles, scored on the section
//! headings it shares with each template definition (and on seed 001's pasted form).

use super::layout::Layout;

/// The seed ("000"…"004") the headings most resemble, or `None` for a custom layout.
/// `headings` are normalised (see `sections::norm`).
pub fn guess(layouts: &[Layout], headings: &[String], pasted: bool) -> Option<String> {
    if pasted {
        return Some("001".to_string());
    }
    // What follows "Additional Notes" is the exporter's overflow, not the layout.
    let doc: Vec<&String> = headings
        .iter()
        .take_while(|h| h.as_str() != "additional notes")
        .collect();
    let mut best: Option<(&str, f64)> = None;
    for l in layouts {
        let seed: Vec<&str> = l.headings().collect();
        if seed.is_empty() {
            continue;
        }
        let hits = seed.iter().filter(|h| doc.iter().any(|d| d == *h)).count();
        let used = doc.iter().filter(|d| seed.contains(&d.as_str())).count();
        let recall = hits as f64 / seed.len() as f64;
        let precision = if doc.is_empty() {
            0.0
        } else {
            used as f64 / doc.len() as f64
        };
        let score = (recall + precision) / 2.0;
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((l.id, score));
        }
    }
    best.filter(|(_, s)| *s >= 0.3)
        .map(|(id, _)| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::layout;
    use super::*;

    fn norm_all(raw: &[&str]) -> Vec<String> {
        raw.iter()
            .map(|h| super::super::sections::norm(h))
            .collect()
    }

    #[test]
    fn picks_the_closest_seed() {
        let ls = layout::all();
        let h = norm_all(&[
            "Incident Metadata",
            "Executive Summary",
            "Timeline",
            "Root Cause Analysis",
            "5 Whys Analysis",
            "Impact Assessment",
            "Action Items",
        ]);
        assert_eq!(guess(&ls, &h, false).as_deref(), Some("004"));
        let h = norm_all(&[
            "1. Incident Summary",
            "2. Detection",
            "3. Response Timeline",
        ]);
        assert_eq!(guess(&ls, &h, false).as_deref(), Some("003"));
        assert_eq!(guess(&ls, &norm_all(&["Notes", "Pets"]), false), None);
    }
}
