//! Which sections the editor shows, and which report fields each one holds.

use hindsight_core::fields::Slot;

/// One editor section: a heading and the fields under it, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub slots: Vec<Slot>,
}

/// Groups every field of the report by the part of the model it belongs to, in the
/// model's canonical order. Used when no template layout is available.
pub fn all_fields() -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for slot in Slot::all() {
        let title = group_title(slot.path());
        match out.iter_mut().find(|s| s.title == title) {
            Some(s) => s.slots.push(slot),
            None => out.push(Section {
                title: title.to_string(),
                slots: vec![slot],
            }),
        }
    }
    let rank = |t: &str| ORDER.iter().position(|o| *o == t).unwrap_or(ORDER.len());
    out.sort_by_key(|s| rank(&s.title));
    out
}

const ORDER: [&str; 15] = [
    "Details",
    "Summary",
    "Impact",
    "Timeline",
    "Root Cause",
    "Contributing Factors",
    "Detection",
    "Response",
    "Resolution",
    "Retrospective",
    "Action Items",
    "Prevention",
    "Lessons Learned",
    "Appendix",
    "Sign-off",
];

fn group_title(path: &str) -> &'static str {
    let head = path.split(['.', '[']).next().unwrap_or(path);
    match head {
        "meta" => "Details",
        "summary" => "Summary",
        "impact" => "Impact",
        "timeline" => "Timeline",
        "root_cause" => "Root Cause",
        "contributing_factors" => "Contributing Factors",
        "detection" => "Detection",
        "response" => "Response",
        "resolution" => "Resolution",
        "went_well" | "could_improve" | "got_lucky" => "Retrospective",
        "action_items" => "Action Items",
        "prevention" => "Prevention",
        "lessons" => "Lessons Learned",
        "appendix" => "Appendix",
        "sign_off" => "Sign-off",
        _ => "Other",
    }
}

/// The id of a section's element, for the table of contents and scrolling.
pub fn section_anchor(title: &str) -> String {
    let slug: String = title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    format!("section-{slug}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_lands_in_one_section() {
        let sections = all_fields();
        let placed: usize = sections.iter().map(|s| s.slots.len()).sum();
        assert_eq!(placed, Slot::all().count());
        assert_eq!(sections[0].title, "Details");
        assert!(sections.iter().all(|s| s.title != "Other"));
    }
}
