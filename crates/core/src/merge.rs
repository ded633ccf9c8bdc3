//! Merging two edits of one report made from a common version (two browser tabs, two
//! files): piece by piece — each text field, each list, each row of a part (or the whole
//! part when rows were added or removed), the template and the extra sections. Pieces
//! changed on one side only are taken from that side; pieces both sides changed to
//! different values are a conflict, and nothing is merged.

use crate::fields::{List, Part, Slot, Text};
use crate::model::Report;

/// One independently mergeable piece of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text(Text),
    List(List),
    /// The whole part (rows added, removed or moved).
    Part(Part),
    /// One row of a part whose row count did not change.
    Row(Part, usize),
    Template,
    ExtraSections,
    Placeholders,
}

/// Runs `$body` with `$x` and `$y` bound to the part's rows in `$a` and `$b`.
macro_rules! with_rows {
    ($part:expr, $a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {
        match $part {
            Part::Timeline => {
                let ($x, $y) = (&$a.timeline.entries, &$b.timeline.entries);
                $body
            }
            Part::Whys => {
                let ($x, $y) = (&$a.root_cause.whys, &$b.root_cause.whys);
                $body
            }
            Part::FactorChecklist => {
                let ($x, $y) = (
                    &$a.contributing_factors.checklist,
                    &$b.contributing_factors.checklist,
                );
                $body
            }
            Part::ActionItems => {
                let ($x, $y) = (&$a.action_items, &$b.action_items);
                $body
            }
            Part::SignOff => {
                let ($x, $y) = (&$a.sign_off, &$b.sign_off);
                $body
            }
            Part::MetaExtra => {
                let ($x, $y) = (&$a.meta.extra, &$b.meta.extra);
                $body
            }
            Part::ImpactExtra => {
                let ($x, $y) = (&$a.impact.extra, &$b.impact.extra);
                $body
            }
        }
    };
}

/// Copies the part's rows (or one row) from `from` into `to`.
fn copy_part(part: Part, row: Option<usize>, from: &Report, to: &mut Report) {
    macro_rules! copy {
        ($($seg:ident).+) => {{
            let src = &from.$($seg).+;
            let dst = &mut to.$($seg).+;
            match row {
                None => dst.clone_from(src),
                Some(i) => {
                    if let (Some(d), Some(s)) = (dst.get_mut(i), src.get(i)) {
                        d.clone_from(s);
                    }
                }
            }
        }};
    }
    match part {
        Part::Timeline => copy!(timeline.entries),
        Part::Whys => copy!(root_cause.whys),
        Part::FactorChecklist => copy!(contributing_factors.checklist),
        Part::ActionItems => copy!(action_items),
        Part::SignOff => copy!(sign_off),
        Part::MetaExtra => copy!(meta.extra),
        Part::ImpactExtra => copy!(impact.extra),
    }
}

impl Piece {
    fn label(self) -> String {
        match self {
            Piece::Text(t) => t.label().to_string(),
            Piece::List(l) => l.label().to_string(),
            Piece::Part(p) => p.label().to_string(),
            Piece::Row(p, i) => format!("{}, row {}", p.label(), i + 1),
            Piece::Template => "Template".to_string(),
            Piece::ExtraSections => "Additional sections".to_string(),
            Piece::Placeholders => "Placeholders".to_string(),
        }
    }

    fn same(self, a: &Report, b: &Report) -> bool {
        match self {
            Piece::Text(t) => t.get(a) == t.get(b),
            Piece::List(l) => l.get(a) == l.get(b),
            Piece::Part(p) => with_rows!(p, a, b, |x, y| x == y),
            Piece::Row(p, i) => with_rows!(p, a, b, |x, y| x.get(i) == y.get(i)),
            Piece::Template => a.template == b.template && a.layout == b.layout,
            Piece::ExtraSections => a.extra_sections == b.extra_sections,
            Piece::Placeholders => a.placeholders == b.placeholders,
        }
    }

    fn copy(self, from: &Report, to: &mut Report) {
        match self {
            Piece::Text(t) => t.get_mut(to).clone_from(t.get(from)),
            Piece::List(l) => l.get_mut(to).clone_from(l.get(from)),
            Piece::Part(p) => copy_part(p, None, from, to),
            Piece::Row(p, i) => copy_part(p, Some(i), from, to),
            Piece::Template => {
                to.template.clone_from(&from.template);
                to.layout.clone_from(&from.layout);
            }
            Piece::ExtraSections => to.extra_sections.clone_from(&from.extra_sections),
            Piece::Placeholders => to.placeholders.clone_from(&from.placeholders),
        }
    }
}

/// The pieces of the three versions: rows one by one where no side changed a part's row
/// count, the whole part otherwise.
fn pieces(base: &Report, mine: &Report, theirs: &Report) -> Vec<Piece> {
    let mut out = vec![Piece::Template, Piece::ExtraSections, Piece::Placeholders];
    for slot in Slot::all() {
        match slot {
            Slot::Text(t) => out.push(Piece::Text(t)),
            Slot::List(l) => out.push(Piece::List(l)),
            Slot::Part(p) => {
                let n = p.len(base);
                if p.len(mine) == n && p.len(theirs) == n {
                    out.extend((0..n).map(|i| Piece::Row(p, i)));
                } else {
                    out.push(Piece::Part(p));
                }
            }
        }
    }
    out
}

/// What merging two edits gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merge {
    /// Every change of both sides, in one report.
    Clean(Box<Report>),
    /// Both sides changed these pieces (labels such as "Title" or "Timeline, row 3")
    /// differently; nothing was merged.
    Conflict(Vec<String>),
}

/// Merges `mine` and `theirs`, both edited from `base`.
pub fn merge(base: &Report, mine: &Report, theirs: &Report) -> Merge {
    let all = pieces(base, mine, theirs);
    let mut merged = theirs.clone();
    let mut both = Vec::new();
    for piece in &all {
        let mine_changed = !piece.same(base, mine);
        if !mine_changed {
            continue;
        }
        if piece.same(base, theirs) {
            piece.copy(mine, &mut merged);
        } else if !piece.same(mine, theirs) {
            both.push(piece.label());
        }
    }
    if !both.is_empty() {
        return Merge::Conflict(both);
    }
    // A field the pieces do not cover (a new one nobody listed here) would be dropped
    // silently: refuse to merge when the pieces do not rebuild `mine` from `base`.
    let mut rebuilt = base.clone();
    for piece in &all {
        piece.copy(mine, &mut rebuilt);
    }
    if rebuilt != *mine {
        return Merge::Conflict(vec!["Other fields".to_string()]);
    }
    Merge::Clean(Box::new(merged))
}

/// Labels of the pieces `after` changed from `before` ("Title", "Timeline, row 2").
pub fn changed(before: &Report, after: &Report) -> Vec<String> {
    pieces(before, after, after)
        .into_iter()
        .filter(|p| !p.same(before, after))
        .map(Piece::label)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimelineEntry;

    fn base() -> Report {
        let mut r = Report::new("003");
        r.meta.title = "Cache stampede".into();
        r.summary.summary = "The cache fell over.".into();
        r.timeline.entries = vec![
            TimelineEntry {
                time: "14:00".into(),
                event: "Alert".into(),
                ..Default::default()
            },
            TimelineEntry {
                time: "14:10".into(),
                event: "Rollback".into(),
                ..Default::default()
            },
        ];
        r
    }

    #[test]
    fn different_fields_are_both_kept() {
        let b = base();
        let mut mine = b.clone();
        mine.meta.title = "Cache stampede in EU".into();
        let mut theirs = b.clone();
        theirs.summary.summary = "The cache fell over twice.".into();
        let Merge::Clean(m) = merge(&b, &mine, &theirs) else {
            panic!("different fields merge")
        };
        assert_eq!(m.meta.title, "Cache stampede in EU");
        assert_eq!(m.summary.summary, "The cache fell over twice.");
    }

    #[test]
    fn the_same_field_changed_differently_is_a_conflict() {
        let b = base();
        let mut mine = b.clone();
        mine.meta.title = "Mine".into();
        let mut theirs = b.clone();
        theirs.meta.title = "Theirs".into();
        theirs.summary.summary = "Also changed".into();
        assert_eq!(
            merge(&b, &mine, &theirs),
            Merge::Conflict(vec!["Title".to_string()])
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let b = base();
        let mut mine = b.clone();
        mine.meta.title = "Same".into();
        let theirs = mine.clone();
        assert_eq!(merge(&b, &mine, &theirs), Merge::Clean(Box::new(mine)));
    }

    #[test]
    fn different_rows_of_one_part_merge_but_added_rows_take_the_whole_part() {
        let b = base();
        let mut mine = b.clone();
        mine.timeline.entries[0].event = "Alert fired".into();
        let mut theirs = b.clone();
        theirs.timeline.entries[1].owner = "Ana".into();
        let Merge::Clean(m) = merge(&b, &mine, &theirs) else {
            panic!("different rows merge")
        };
        assert_eq!(m.timeline.entries[0].event, "Alert fired");
        assert_eq!(m.timeline.entries[1].owner, "Ana");

        let mut added = b.clone();
        added.timeline.entries.push(TimelineEntry::default());
        assert_eq!(
            merge(&b, &mine, &added),
            Merge::Conflict(vec!["Timeline".to_string()])
        );
        // A part only one side touched is taken whole from that side.
        let mut elsewhere = b.clone();
        elsewhere.summary.summary = "Rewritten".into();
        let Merge::Clean(m) = merge(&b, &added, &elsewhere) else {
            panic!("one side's part")
        };
        assert_eq!(m.timeline.entries.len(), 3);
        assert_eq!(m.summary.summary, "Rewritten");
    }

    #[test]
    fn unchanged_mine_gives_theirs() {
        let b = base();
        let mut theirs = b.clone();
        theirs.went_well = vec!["Paging worked".into()];
        theirs.template = "001".into();
        assert_eq!(merge(&b, &b, &theirs), Merge::Clean(Box::new(theirs)));
    }

    #[test]
    fn changed_names_what_differs() {
        let b = base();
        let mut after = b.clone();
        after.meta.title = "New".into();
        after.timeline.entries[1].time = "14:11".into();
        assert_eq!(changed(&b, &after), vec!["Title", "Timeline, row 2"]);
        assert!(changed(&b, &b).is_empty());
    }
}
