//! Which sections the editor shows for a template, and which report fields each holds:
//! read from the core's template definition, plus "Additional Notes" for content the
//! template has no place for (so switching template never hides anything).

use hindsight_core::fields::Slot;
pub use hindsight_core::outline::{Item, Section};
use hindsight_core::templates::{Template, ADDITIONAL_NOTES};
#[cfg(test)]
use hindsight_core::Report;

/// The editor's sections for a template, and a last "Additional Notes" section for
/// content in slots the template does not place (what the editor's memos compose).
#[cfg(test)]
pub fn sections(template: &Template, report: &Report) -> Vec<Section> {
    let mut out = placed(template);
    let orphans: Vec<Slot> = unplaced(template)
        .into_iter()
        .filter(|s| !s.is_empty(report))
        .collect();
    out.extend(additional_notes(orphans));
    out
}

/// The slots a template has no place for (where content moved in from another
/// template, or imported, would otherwise be hidden).
pub fn unplaced(template: &Template) -> Vec<Slot> {
    let placed = template.placed_slots();
    Slot::all().filter(|s| !placed.contains(s)).collect()
}

/// The "Additional Notes" section for these slots, if there are any.
pub fn additional_notes(slots: Vec<Slot>) -> Option<Section> {
    (!slots.is_empty()).then(|| Section {
        title: ADDITIONAL_NOTES.to_string(),
        items: slots.into_iter().map(Item::Field).collect(),
    })
}

/// The sections a template places, in its order (the title first): the core's outline.
pub fn placed(template: &Template) -> Vec<Section> {
    hindsight_core::outline::sections(template)
}

/// The id of a section's element, for the table of contents and scrolling.
pub fn section_anchor(title: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("section-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    use hindsight_core::templates;

    #[test]
    fn every_template_places_title_timeline_and_actions() {
        for t in templates::all() {
            let s = sections(t, &Report::new(t.id));
            let all: Vec<&str> = s.iter().flat_map(|s| s.paths()).collect();
            assert!(all.contains(&"meta.title"), "{}", t.id);
            assert!(all.contains(&"timeline"), "{}", t.id);
            assert!(all.contains(&"action_items"), "{}", t.id);
            assert!(s.iter().all(|s| s.title != ADDITIONAL_NOTES), "{}", t.id);
        }
    }

    #[test]
    fn content_without_a_place_shows_under_additional_notes() {
        for t in templates::all() {
            let mut r = Report::new(t.id);
            for slot in Slot::all() {
                if let Slot::Text(x) = slot {
                    *x.get_mut(&mut r) = "x".into();
                }
            }
            let s = sections(t, &r);
            let shown: Vec<&str> = s.iter().flat_map(|s| s.paths()).collect();
            for x in hindsight_core::fields::Text::ALL {
                assert!(shown.contains(&x.path()), "{} hides {}", t.id, x.path());
            }
        }
    }
}
