//! Which seed template an imported document most resembles, scored on the section
//! headings it shares with each template definition (and on seed 001's pasted form).

use super::layout::Layout;
use super::sections::{self, Special};

/// The seed ("000"…"004") the headings most resemble, or `None` for a custom layout.
/// `headings` are normalised (see `sections::norm`).
pub fn guess(layouts: &[Layout], headings: &[String], pasted: bool) -> Option<String> {
    if pasted {
        return Some("001".to_string());
    }
    let (id, score) = closest(layouts, headings)?;
    let layout = layouts.iter().find(|l| l.id == id)?;
    (score >= 0.3 && foreign(layout, headings) < FOREIGN_LIMIT).then(|| id.to_string())
}

/// A document with this many sections the importer knows but the seed does not have
/// follows a layout of its own (the Google SRE book's "Root Causes", "Trigger", "Where we
/// got lucky", "Supporting information" beside a seed's "Summary" and "Impact").
const FOREIGN_LIMIT: usize = 3;

/// Headings the seed has no heading for: known kinds of section and ones no template
/// knows (the exporter's own sub-headings and action-item horizons aside).
fn foreign(layout: &Layout, headings: &[String]) -> usize {
    let seed: Vec<&str> = layout.headings().collect();
    headings
        .iter()
        .take_while(|h| h.as_str() != "additional notes")
        .enumerate()
        .filter(|(_, h)| !seed.contains(&h.as_str()))
        .filter(|(i, h)| match sections::classify(h) {
            Some(r) => {
                !matches!(
                    r.special,
                    Special::ActionItems(_) | Special::AdditionalNotes | Special::Preamble
                ) || sections::norm(h) == "action items"
            }
            // A heading no template knows ("Leadup", "Themes") is the author's own too;
            // the first one is usually the document's title.
            None => *i > 0,
        })
        .count()
}

/// The seed the headings come closest to and the score (0–1): half the share of the
/// seed's headings the document has, half the share of the document's headings the
/// seed has.
pub fn closest<'l>(layouts: &'l [Layout], headings: &[String]) -> Option<(&'l str, f64)> {
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
    best
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
        assert_eq!(guess(ls, &h, false).as_deref(), Some("004"));
        let h = norm_all(&[
            "1. Incident Summary",
            "2. Detection",
            "3. Response Timeline",
        ]);
        assert_eq!(guess(ls, &h, false).as_deref(), Some("003"));
        assert_eq!(guess(ls, &norm_all(&["Notes", "Pets"]), false), None);
        // The Google SRE book's layout shares Summary, Impact, Timeline… with seed 000 but
        // has four sections 000 does not: its own layout, with 000 the closest.
        let sre = norm_all(&[
            "Summary",
            "Impact",
            "Root Causes",
            "Trigger",
            "Resolution",
            "Detection",
            "Action Items",
            "Lessons Learned",
            "What went well",
            "What went wrong",
            "Where we got lucky",
            "Timeline",
            "Supporting information",
        ]);
        assert_eq!(guess(ls, &sre, false), None);
        assert_eq!(closest(ls, &sre).map(|c| c.0), Some("000"));
    }
}
