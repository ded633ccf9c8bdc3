//! Typed addresses of places in a report: a field, a list entry, a row of a structured
//! part or one cell of it (`meta.title`, `went_well[2]`, `timeline[3]`, `timeline[3].time`).
//! Findings, the source-line locator, team policies and the editor all speak `Location`;
//! text forms are parsed once at the edge (`FromStr`) and written once (`Display`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::fields::{List, Part, Slot, Text, EXTRA_SECTIONS_PATH, EXTRA_SECTION_COLUMNS};

/// What a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// A field, list or part the templates place.
    Slot(Slot),
    /// The author's extra sections.
    ExtraSections,
    /// The report as a whole (a finding about no one field).
    Report,
}

impl Place {
    /// The path as in JSON (`meta.title`, `timeline`, `extra_sections`, `report`).
    pub fn path(self) -> &'static str {
        match self {
            Place::Slot(s) => s.path(),
            Place::ExtraSections => EXTRA_SECTIONS_PATH,
            Place::Report => "report",
        }
    }

    fn has_rows(self) -> bool {
        matches!(
            self,
            Place::Slot(Slot::List(_)) | Place::Slot(Slot::Part(_)) | Place::ExtraSections
        )
    }

    /// The static key of a column of this place's rows, when it has that column.
    fn column(self, key: &str) -> Option<&'static str> {
        match self {
            Place::Slot(Slot::Part(p)) => p.column(key).map(|c| c.key),
            Place::ExtraSections => EXTRA_SECTION_COLUMNS
                .iter()
                .find(|c| c.key == key)
                .map(|c| c.key),
            _ => None,
        }
    }

    fn from_path(path: &str) -> Option<Place> {
        match path {
            EXTRA_SECTIONS_PATH => Some(Place::ExtraSections),
            "report" => Some(Place::Report),
            _ => Slot::all().find(|s| s.path() == path).map(Place::Slot),
        }
    }
}

/// A place in a report: a field, a row of a list or part, or one cell of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    pub place: Place,
    /// Row (or list entry) index, 0-based; `None` with a column means that column of
    /// every row (`sign_off.date`).
    pub row: Option<usize>,
    /// Column key of the row (`time`), one of the part's `columns()`.
    pub column: Option<&'static str>,
}

impl Location {
    /// The place in the editor's words, for messages about it: "Summary", "Timeline,
    /// row 4, event", "Additional section, item 2".
    pub fn name(&self) -> String {
        let name = match self.place {
            Place::Slot(slot) => slot.label().to_string(),
            Place::ExtraSections => "Additional section".to_string(),
            Place::Report => "This field".to_string(),
        };
        match (self.row, self.column) {
            (Some(i), Some(column)) => {
                format!("{name}, row {}, {}", i + 1, column.replace('_', " "))
            }
            (Some(i), None) => format!("{name}, item {}", i + 1),
            _ => name,
        }
    }

    /// A whole field, list or part.
    pub const fn slot(slot: Slot) -> Location {
        Location {
            place: Place::Slot(slot),
            row: None,
            column: None,
        }
    }

    /// The whole report.
    pub const REPORT: Location = Location {
        place: Place::Report,
        row: None,
        column: None,
    };

    /// A single-value text field.
    pub const fn text(t: Text) -> Location {
        Location::slot(Slot::Text(t))
    }

    /// A whole part (`timeline`).
    pub const fn part(p: Part) -> Location {
        Location::slot(Slot::Part(p))
    }

    /// Entry `i` of a list field (`went_well[2]`).
    pub const fn item(l: List, i: usize) -> Location {
        Location {
            place: Place::Slot(Slot::List(l)),
            row: Some(i),
            column: None,
        }
    }

    /// Row `i` of a part (`timeline[3]`).
    pub const fn row(p: Part, i: usize) -> Location {
        Location {
            place: Place::Slot(Slot::Part(p)),
            row: Some(i),
            column: None,
        }
    }

    /// Column `key` of row `i` of a part (`timeline[3].time`). `key` must be one of the
    /// part's `columns()`; an unknown key addresses the row.
    pub fn cell(p: Part, i: usize, key: &str) -> Location {
        let place = Place::Slot(Slot::Part(p));
        Location {
            place,
            row: Some(i),
            column: place.column(key),
        }
    }

    /// Extra section `i`, or one of its columns (`title`, `body`).
    pub fn extra_section(i: usize, key: Option<&str>) -> Location {
        Location {
            place: Place::ExtraSections,
            row: Some(i),
            column: key.and_then(|k| Place::ExtraSections.column(k)),
        }
    }

    /// True when the row this location names (if any) exists in `report`, so reading or
    /// writing it cannot go out of range.
    pub fn exists_in(&self, report: &crate::model::Report) -> bool {
        let Some(i) = self.row else { return true };
        let len = match self.place {
            Place::Slot(Slot::List(l)) => l.get(report).len(),
            Place::Slot(Slot::Part(p)) => p.len(report),
            Place::ExtraSections => report.extra_sections.len(),
            _ => 0,
        };
        i < len
    }

    /// The text at this location, to change it: a text field, a list entry, or a text
    /// cell of a row that exists. `None` for anything else.
    pub fn text_mut<'r>(&self, report: &'r mut crate::model::Report) -> Option<&'r mut String> {
        let i = self.row;
        let column = self.column.unwrap_or("");
        let part = match self.place {
            Place::Slot(Slot::Text(t)) if i.is_none() => return Some(t.get_mut(report)),
            Place::Slot(Slot::List(l)) => return l.get_mut(report).get_mut(i?),
            Place::ExtraSections => {
                let s = report.extra_sections.get_mut(i?)?;
                return match column {
                    "title" => Some(&mut s.title),
                    "body" => Some(&mut s.body),
                    _ => None,
                };
            }
            Place::Slot(Slot::Part(p)) => p,
            _ => return None,
        };
        let i = i?;
        match part {
            Part::Timeline => {
                let e = report.timeline.entries.get_mut(i)?;
                match column {
                    "time" => Some(&mut e.time),
                    "event" => Some(&mut e.event),
                    "owner" => Some(&mut e.owner),
                    _ => None,
                }
            }
            Part::Whys => {
                let w = report.root_cause.whys.get_mut(i)?;
                match column {
                    "why" => Some(&mut w.why),
                    "because" => Some(&mut w.because),
                    _ => None,
                }
            }
            Part::FactorChecklist => {
                let c = report.contributing_factors.checklist.get_mut(i)?;
                (column == "detail").then_some(&mut c.detail)
            }
            Part::ActionItems => {
                let a = report.action_items.get_mut(i)?;
                match column {
                    "id" => Some(&mut a.id),
                    "action" => Some(&mut a.action),
                    "owner" => Some(&mut a.owner),
                    "priority" => Some(&mut a.priority),
                    "due" => Some(&mut a.due),
                    "status" => Some(&mut a.status),
                    "tracking" => Some(&mut a.tracking),
                    "description" => Some(&mut a.description),
                    "rationale" => Some(&mut a.rationale),
                    "success_criteria" => Some(&mut a.success_criteria),
                    _ => None,
                }
            }
            Part::SignOff => {
                let s = report.sign_off.get_mut(i)?;
                match column {
                    "role" => Some(&mut s.role),
                    "name" => Some(&mut s.name),
                    "date" => Some(&mut s.date),
                    _ => None,
                }
            }
            Part::MetaExtra | Part::ImpactExtra => {
                let pairs = if part == Part::MetaExtra {
                    &mut report.meta.extra
                } else {
                    &mut report.impact.extra
                };
                let kv = pairs.get_mut(i)?;
                match column {
                    "key" => Some(&mut kv.key),
                    "value" => Some(&mut kv.value),
                    _ => None,
                }
            }
        }
    }

    /// The field, list or part this location is in, if it is in one.
    pub fn slot_of(&self) -> Option<Slot> {
        match self.place {
            Place::Slot(s) => Some(s),
            _ => None,
        }
    }

    /// True when this location is `other` or lies inside it (`timeline[3].time` is in
    /// `timeline[3]` and in `timeline`).
    pub fn is_within(&self, other: &Location) -> bool {
        self.place == other.place
            && (other.row.is_none()
                || (self.row == other.row
                    && (other.column.is_none() || self.column == other.column)))
    }

    /// This location, then each enclosing one: `timeline[3].time`, `timeline[3]`, `timeline`.
    pub fn and_parents(&self) -> Vec<Location> {
        let mut out = vec![*self];
        if self.column.is_some() && self.row.is_some() {
            out.push(Location {
                column: None,
                ..*self
            });
        }
        if self.row.is_some() || self.column.is_some() {
            out.push(Location {
                row: None,
                column: None,
                ..*self
            });
        }
        out
    }
}

impl From<Slot> for Location {
    fn from(s: Slot) -> Location {
        Location::slot(s)
    }
}

impl From<Text> for Location {
    fn from(t: Text) -> Location {
        Location::text(t)
    }
}

impl From<Part> for Location {
    fn from(p: Part) -> Location {
        Location::part(p)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.place.path())?;
        if let Some(i) = self.row {
            write!(f, "[{i}]")?;
        }
        if let Some(c) = self.column {
            write!(f, ".{c}")?;
        }
        Ok(())
    }
}

/// Why a text is not a location in a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocationError {
    /// The path names no field, list or part of the report.
    #[error("`{0}` is not a field, list or part of a report")]
    UnknownField(String),
    /// The place has no rows (a text field), so an index makes no sense.
    #[error("`{0}` has no rows, so it takes no [index]")]
    NoRows(String),
    /// The index is not a whole number, or the brackets are not closed.
    #[error("`{0}`: the row index must be a whole number in [ ]")]
    BadIndex(String),
    /// The column is not one of the part's columns.
    #[error("`{column}` is not a column of `{place}` (columns: {known})")]
    UnknownColumn {
        place: String,
        column: String,
        known: String,
    },
}

impl FromStr for Location {
    type Err = LocationError;

    fn from_str(text: &str) -> Result<Location, LocationError> {
        let text = text.trim();
        let (head, rest) = match text.find('[') {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let Some(rest) = rest else {
            if let Some(place) = Place::from_path(head) {
                return Ok(Location {
                    place,
                    row: None,
                    column: None,
                });
            }
            // A column of every row (`sign_off.date`: the sign-off line's date).
            let column = head.rsplit_once('.').and_then(|(part, key)| {
                let place = Place::from_path(part)?;
                Some((place, place.column(key)?))
            });
            return match column {
                Some((place, column)) => Ok(Location {
                    place,
                    row: None,
                    column: Some(column),
                }),
                None => Err(LocationError::UnknownField(head.to_string())),
            };
        };
        let place =
            Place::from_path(head).ok_or_else(|| LocationError::UnknownField(head.to_string()))?;
        if !place.has_rows() {
            return Err(LocationError::NoRows(head.to_string()));
        }
        let close = rest
            .find(']')
            .ok_or_else(|| LocationError::BadIndex(text.to_string()))?;
        let row: usize = rest[..close]
            .parse()
            .map_err(|_| LocationError::BadIndex(text.to_string()))?;
        let tail = &rest[close + 1..];
        if tail.is_empty() {
            return Ok(Location {
                place,
                row: Some(row),
                column: None,
            });
        }
        let key = tail.strip_prefix('.').unwrap_or(tail);
        let column = place
            .column(key)
            .ok_or_else(|| LocationError::UnknownColumn {
                place: head.to_string(),
                column: key.to_string(),
                known: known_columns(place),
            })?;
        Ok(Location {
            place,
            row: Some(row),
            column: Some(column),
        })
    }
}

fn known_columns(place: Place) -> String {
    let cols = match place {
        Place::Slot(Slot::Part(p)) => p.columns(),
        Place::ExtraSections => EXTRA_SECTION_COLUMNS,
        _ => &[],
    };
    if cols.is_empty() {
        return "none".to_string();
    }
    cols.iter().map(|c| c.key).collect::<Vec<_>>().join(", ")
}

/// A location equals a text that parses to it (tests and policies compare with text).
impl PartialEq<str> for Location {
    fn eq(&self, other: &str) -> bool {
        other.parse::<Location>().is_ok_and(|o| o == *self)
    }
}

impl PartialEq<&str> for Location {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for Location {
    fn eq(&self, other: &String) -> bool {
        *self == *other.as_str()
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Location, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_as_the_editor_shows_them() {
        let name = |t: &str| t.parse::<Location>().map(|l| l.name()).unwrap_or_default();
        assert_eq!(name("summary.summary"), "Summary");
        assert_eq!(name("timeline[3].event"), "Timeline, row 4, event");
        assert_eq!(name("action_items[0].due"), "Action Items, row 1, due");
    }

    #[test]
    fn every_slot_path_round_trips() {
        for s in Slot::all() {
            let l = Location::slot(s);
            assert_eq!(l.to_string().parse::<Location>(), Ok(l), "{}", s.path());
        }
    }

    #[test]
    fn rows_cells_and_items_round_trip() {
        let cases = [
            (
                Location::cell(Part::Timeline, 3, "time"),
                "timeline[3].time",
            ),
            (Location::row(Part::ActionItems, 0), "action_items[0]"),
            (
                Location::cell(Part::ActionItems, 12, "success_criteria"),
                "action_items[12].success_criteria",
            ),
            (Location::item(List::WentWell, 2), "went_well[2]"),
            (
                Location::cell(Part::Whys, 1, "because"),
                "root_cause.whys[1].because",
            ),
            (
                Location::extra_section(4, Some("body")),
                "extra_sections[4].body",
            ),
            (Location::extra_section(0, None), "extra_sections[0]"),
            (Location::text(Text::Title), "meta.title"),
            (Location::REPORT, "report"),
            (
                Location {
                    column: Some("date"),
                    ..Location::part(Part::SignOff)
                },
                "sign_off.date",
            ),
        ];
        for (loc, text) in cases {
            assert_eq!(loc.to_string(), text);
            assert_eq!(text.parse::<Location>(), Ok(loc), "{text}");
        }
    }

    #[test]
    fn bad_locations_say_what_is_wrong() {
        assert_eq!(
            "meta.titel".parse::<Location>(),
            Err(LocationError::UnknownField("meta.titel".into()))
        );
        assert_eq!(
            "meta.title[2]".parse::<Location>(),
            Err(LocationError::NoRows("meta.title".into()))
        );
        assert!(matches!(
            "timeline[x].time".parse::<Location>(),
            Err(LocationError::BadIndex(_))
        ));
        assert!(matches!(
            "timeline[3".parse::<Location>(),
            Err(LocationError::BadIndex(_))
        ));
        let err = "timeline[3].when".parse::<Location>().unwrap_err();
        assert!(
            err.to_string()
                .contains("`when` is not a column of `timeline`"),
            "{err}"
        );
        assert!(
            err.to_string().contains("time, kind, event, owner"),
            "{err}"
        );
        assert!(matches!(
            "went_well[1].text".parse::<Location>(),
            Err(LocationError::UnknownColumn { .. })
        ));
    }

    #[test]
    fn containment_follows_the_path() {
        let cell = Location::cell(Part::Timeline, 3, "time");
        assert!(cell.is_within(&Location::part(Part::Timeline)));
        assert!(cell.is_within(&Location::row(Part::Timeline, 3)));
        assert!(cell.is_within(&cell));
        assert!(!cell.is_within(&Location::row(Part::Timeline, 4)));
        assert!(!cell.is_within(&Location::cell(Part::Timeline, 3, "event")));
        assert!(!Location::part(Part::Timeline).is_within(&cell));
        assert!(!Location::text(Text::Title).is_within(&Location::text(Text::Trigger)));
        assert_eq!(
            cell.and_parents()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["timeline[3].time", "timeline[3]", "timeline"]
        );
    }

    #[test]
    fn text_mut_reaches_every_text_column_and_nothing_else() {
        let mut r = crate::model::Report::default();
        r.timeline.entries.push(Default::default());
        r.action_items.push(Default::default());
        r.went_well.push(String::new());
        for c in Part::Timeline
            .columns()
            .iter()
            .chain(Part::ActionItems.columns())
        {
            let part =
                if Part::Timeline.column(c.key).is_some() && c.key != "owner" || c.key == "kind" {
                    Part::Timeline
                } else {
                    Part::ActionItems
                };
            let at = Location::cell(part, 0, c.key);
            let text = matches!(
                c.kind,
                crate::fields::CellKind::EventKind
                    | crate::fields::CellKind::Category
                    | crate::fields::CellKind::Horizon
            );
            assert_eq!(at.text_mut(&mut r).is_some(), !text, "{at}");
        }
        if let Some(t) = Location::item(List::WentWell, 0).text_mut(&mut r) {
            *t = "calm hand-over".into();
        }
        assert_eq!(r.went_well, ["calm hand-over"]);
        assert!(Location::item(List::WentWell, 1).text_mut(&mut r).is_none());
        assert!(Location::row(Part::Timeline, 0).text_mut(&mut r).is_none());
        assert!(Location::cell(Part::Timeline, 3, "time")
            .text_mut(&mut r)
            .is_none());
    }

    #[test]
    fn serialises_as_its_text() {
        let l = Location::cell(Part::SignOff, 1, "name");
        let json = serde_json::to_string(&l).unwrap_or_default();
        assert_eq!(json, "\"sign_off[1].name\"");
        let back: Result<Location, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(l));
        assert!(serde_json::from_str::<Location>("\"nowhere\"").is_err());
    }
}
